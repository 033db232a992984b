/*
 * Copyright 2026 The solr-echo authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.solrecho.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code bin/solr-echo}: one picocli command line whose sub-commands are the {@link
 * Command}s on the classpath ({@link ServiceLoader}). Help ({@code --help}, {@code -h}, {@code help
 * COMMAND}) and {@code --version} print on standard output and exit with 0; a usage error prints
 * its message and the command's usage on standard error and exits with 2; a failure prints a
 * message without Java class names and exits with 1 ({@code SOLR_ECHO_DEBUG=1} adds the stack
 * trace). See {@link ExitStatus}.
 */
public final class Main {
  /** How the usage help names the program. */
  static final String PROGRAM = "bin/solr-echo";

  /** How messages name the program: {@code solr-echo embed: ...}. */
  private static final String MESSAGE_PREFIX = "solr-echo";

  private final PrintStream out;
  private final PrintStream err;
  private final boolean debug;

  private Main(PrintStream out, PrintStream err, boolean debug) {
    this.out = out;
    this.err = err;
    this.debug = debug;
  }

  public static void main(String[] args) {
    System.exit(
        new Main(System.out, System.err, "1".equals(System.getenv("SOLR_ECHO_DEBUG")))
            .execute(commands(), args));
  }

  /**
   * Runs {@code args} as {@code bin/solr-echo} does, with the commands on the classpath.
   *
   * @return the exit status ({@link ExitStatus})
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(commands(), args, out, err);
  }

  /**
   * Runs {@code args} with the given commands only (tests give commands built for them).
   *
   * @return the exit status ({@link ExitStatus})
   */
  public static int run(
      List<? extends Command> commands, String[] args, PrintStream out, PrintStream err) {
    return new Main(out, err, false).execute(commands, args);
  }

  /** The commands on the classpath, each a new instance. */
  static List<Command> commands() {
    List<Command> commands = new ArrayList<>();
    ServiceLoader.load(Command.class).forEach(commands::add);
    return commands;
  }

  private int execute(List<? extends Command> commands, String[] args) {
    return commandLine(commands).execute(args);
  }

  /** The command line with {@code commands} as sub-commands, sorted by name, then {@code help}. */
  CommandLine commandLine(List<? extends Command> commands) {
    CommandLine line = new CommandLine(new Program());
    List<CommandLine> subcommands = new ArrayList<>();
    for (Command command : commands) {
      subcommands.add(new CommandLine(command.commandSpec()));
    }
    subcommands.sort(Comparator.comparing(CommandLine::getCommandName));
    subcommands.forEach(line::addSubcommand);
    line.addSubcommand(new CommandLine.HelpCommand());
    registerLowerCaseEnums(line);
    line.setOut(new PrintWriter(new PrintStreamWriter(out), true));
    line.setErr(new PrintWriter(new PrintStreamWriter(err), true));
    line.setParameterExceptionHandler(this::usageError);
    line.setExecutionStrategy(this::runCommand);
    return line;
  }

  /** Runs the command the arguments name, after any help or version request. */
  private int runCommand(ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    ParseResult leaf = parsed;
    while (leaf.subcommand() != null) {
      leaf = leaf.subcommand();
    }
    CommandSpec spec = leaf.commandSpec();
    if (!(spec.userObject() instanceof Command)) {
      throw new ParameterException(spec.commandLine(), "missing command: choose one below");
    }
    String name = MESSAGE_PREFIX + " " + spec.name();
    try {
      return ((Command) spec.userObject()).run(out);
    } catch (ParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + FailureMessage.of(e));
      err.println(
          "('" + PROGRAM + " " + spec.name() + " --help' describes the options and inputs)");
      printStackTraceIfDebugging(e);
      return ExitStatus.USAGE;
    } catch (Exception e) {
      err.println(name + ": " + FailureMessage.of(e));
      printStackTraceIfDebugging(e);
      return ExitStatus.FAILED;
    } finally {
      out.flush();
    }
  }

  /**
   * A command line picocli could not parse: the message, then the command's usage. A word picocli
   * did not know is reported first, even when a required option is missing too (a misspelt one).
   */
  private int usageError(ParameterException error, String[] args) {
    CommandLine line = error.getCommandLine();
    ParameterException e =
        error instanceof UnmatchedArgumentException || line.getUnmatchedArguments().isEmpty()
            ? error
            : new UnmatchedArgumentException(line, line.getUnmatchedArguments());
    boolean top = line.getCommandSpec().userObject() instanceof Program;
    String message = e.getMessage();
    if (top && e instanceof UnmatchedArgumentException) {
      List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
      if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        message = "unknown command '" + unmatched.get(0) + "'";
      }
    }
    PrintWriter stderr = line.getErr();
    stderr.println(
        MESSAGE_PREFIX + (top ? "" : " " + line.getCommandSpec().name()) + ": " + message);
    UnmatchedArgumentException.printSuggestions(e, stderr);
    stderr.println();
    line.usage(stderr);
    stderr.flush();
    return ExitStatus.USAGE;
  }

  private void printStackTraceIfDebugging(Exception e) {
    if (debug) {
      e.printStackTrace(err);
    }
  }

  /** Enum options read their constants' names in lower case (picocli's own reading is by name). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void registerLowerCaseEnums(CommandLine line) {
    Set<Class<?>> types = new LinkedHashSet<>();
    collectEnumTypes(line, types);
    for (Class<?> type : types) {
      line.registerConverter((Class) type, new Converters.LowerCaseEnum(type));
    }
  }

  private static void collectEnumTypes(CommandLine line, Set<Class<?>> types) {
    for (OptionSpec option : line.getCommandSpec().options()) {
      Class<?> type =
          option.auxiliaryTypes().length > 0 ? option.auxiliaryTypes()[0] : option.type();
      if (type.isEnum()) {
        types.add(type);
      }
    }
    line.getSubcommands().values().forEach(sub -> collectEnumTypes(sub, types));
  }

  /** Text written through a PrintStream, so in its encoding, as the commands' own output is. */
  private static final class PrintStreamWriter extends Writer {
    private final PrintStream stream;

    PrintStreamWriter(PrintStream stream) {
      this.stream = stream;
    }

    @Override
    public void write(char[] text, int offset, int length) {
      stream.print(new String(text, offset, length));
    }

    @Override
    public void flush() {
      stream.flush();
    }

    @Override
    public void close() {
      stream.flush();
    }
  }

  /**
   * The program itself: its usage lists the commands; {@code --help}, {@code --version}, the usage
   * help's layout and the exit statuses are inherited by every command.
   */
  @CommandLine.Command(
      name = PROGRAM,
      scope = ScopeType.INHERIT,
      mixinStandardHelpOptions = true,
      versionProvider = BuildVersion.class,
      sortOptions = false,
      sortSynopsis = false,
      usageHelpWidth = 100,
      synopsisSubcommandLabel = "COMMAND",
      description = "Echo embeddings from open-weights causal language models, inside Apache Solr.",
      commandListHeading =
          "%nCommands ('" + PROGRAM + " COMMAND --help' for a command's options):%n",
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {
        "0:success (also --help and --version)",
        "1:failure (the message says what failed)",
        "2:usage error: a wrong option, or an input it names"
      })
  static final class Program {}
}
