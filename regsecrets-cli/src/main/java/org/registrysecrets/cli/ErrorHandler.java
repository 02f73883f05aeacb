package org.registrysecrets.cli;

import java.io.PrintWriter;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.client.ApiException;
import org.registrysecrets.client.ApiUnreachableException;
import org.registrysecrets.client.TokenRequestException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into exit statuses: 1 when the request was refused (by the API, the token issuer,
 * or the same checks run locally before sending) or the server could not be reached; 2 when the
 * command cannot be carried out as given (usage errors, a missing profile, an unreadable file). The
 * reason goes to stderr; no stack traces for expected failures.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  static final int REFUSED = 1;
  static final int USAGE = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (exception instanceof UsageException usage) {
      err.println("error: " + usage.getMessage());
      if (usage.pointsToHelp()) {
        err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
      }
      err.flush();
      return USAGE;
    }
    if (exception instanceof ApiException api) {
      err.println(
          "error: "
              + api.getMessage()
              + " ("
              + api.status()
              + " "
              + api.code()
              + (api.requestId() == null ? "" : ", request " + api.requestId())
              + ")");
      api.registryResults()
          .forEach(
              result ->
                  err.println(
                      "  "
                          + result.registry()
                          + ": "
                          + result.status()
                          + " ("
                          + result.reason()
                          + ")"));
    } else if (exception instanceof TokenRequestException
        || exception instanceof ApiUnreachableException
        || exception instanceof InvalidInputException) {
      err.println("error: " + exception.getMessage());
    } else {
      err.println("error: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
    }
    err.flush();
    return REFUSED;
  }
}
