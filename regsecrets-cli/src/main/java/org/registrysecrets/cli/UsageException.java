package org.registrysecrets.cli;

/**
 * The command cannot be carried out as given (a wrong flag, a missing profile, a file that cannot
 * be read); exits with status 2 before anything is sent.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean pointsToHelp;

  UsageException(String message) {
    this(message, true);
  }

  private UsageException(String message, boolean pointsToHelp) {
    super(message);
    this.pointsToHelp = pointsToHelp;
  }

  /** A local problem that {@code --help} would not explain, such as a missing file. */
  static UsageException local(String message) {
    return new UsageException(message, false);
  }

  boolean pointsToHelp() {
    return pointsToHelp;
  }
}
