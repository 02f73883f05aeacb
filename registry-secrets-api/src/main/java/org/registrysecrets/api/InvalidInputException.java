package org.registrysecrets.api;

/**
 * Input that breaks one of the API's rules. Its message tells the user what to fix and never
 * contains a credential.
 */
public class InvalidInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
