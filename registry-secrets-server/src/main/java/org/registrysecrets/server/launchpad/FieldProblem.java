package org.registrysecrets.server.launchpad;

import java.util.function.Supplier;
import org.registrysecrets.api.InvalidInputException;

/**
 * Input refused because of one field of a dialog: the dialog shows the message at its top and marks
 * the field (its value state).
 */
public class FieldProblem extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the id of the dialog's field
   */
  public FieldProblem(String field, InvalidInputException cause) {
    super(String.valueOf(cause.getMessage()));
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** Runs a check of one field; its refusal names the field. */
  public static <T> T of(String field, Supplier<T> check) {
    try {
      return check.get();
    } catch (FieldProblem e) {
      throw e;
    } catch (InvalidInputException e) {
      throw new FieldProblem(field, e);
    }
  }
}
