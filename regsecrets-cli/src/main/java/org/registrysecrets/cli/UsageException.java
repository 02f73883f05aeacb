package org.registrysecrets.cli;

/** The command line asks for something the command cannot do; exits with status 2. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
