package org.registrysecrets.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints a shell completion script: {@code source <(regsecrets completion bash)}. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash or zsh completion script.")
final class CompletionCommand implements Callable<Integer> {

  /** The shells we write scripts for. */
  enum Shell {
    bash,
    zsh
  }

  @ParentCommand Regsecrets root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("regsecrets", new CommandLine(root.spec));
    if (shell == Shell.zsh) {
      script =
          "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
              + script;
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
