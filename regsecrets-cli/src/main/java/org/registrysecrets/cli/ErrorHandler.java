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
 * Turns failures into kubectl's exit statuses: 1 when the API or the input was refused (the reason
 * on stderr), 2 for usage errors. No stack traces for expected failures.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  static final int REFUSED = 1;
  static final int USAGE = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (exception instanceof UsageException) {
      err.println("error: " + exception.getMessage());
      err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
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
