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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entry point of {@code bin/solr-echo}: dispatches to the sub-command named by the first argument.
 */
public final class Main {
  private static final Command[] BUILT_IN = {
    new HiddenStatesCommand(),
    new EmbedCommand(),
    new BenchLmCommand(),
    new BenchEmbedCommand(),
    new io.solrecho.eval.EvalCommand()
  };
  private static final List<Command> COMMANDS = commands();

  private Main() {}

  /** The built-in commands, then those other modules on the classpath provide. */
  private static List<Command> commands() {
    List<Command> all = new java.util.ArrayList<>(List.of(BUILT_IN));
    java.util.ServiceLoader.load(Command.class).forEach(all::add);
    return List.copyOf(all);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      err.println(overview());
      return args.length == 0 ? 2 : 0;
    }
    Command command =
        COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
    if (command == null) {
      err.println("solr-echo: unknown command '" + args[0] + "'\n\n" + overview());
      return 2;
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    Arguments arguments;
    try {
      arguments = Arguments.parse(rest, acceptedOptions(command), flags(command));
    } catch (IllegalArgumentException e) {
      err.println("solr-echo " + command.name() + ": " + e.getMessage() + "\n\n" + command.usage());
      return 2;
    }
    if (arguments.has("help")) {
      err.println(command.usage());
      return 0;
    }
    try {
      return command.run(arguments, out);
    } catch (IllegalArgumentException e) {
      err.println("solr-echo " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("solr-echo " + command.name() + ": " + e);
      return 1;
    }
  }

  private static final Pattern OPTION = Pattern.compile("--([a-z][a-z0-9-]*)");
  private static final Pattern FLAG = Pattern.compile("\\[--([a-z][a-z0-9-]*)\\]");

  /** Option names a command accepts, read from its usage text ({@code --name}). */
  private static Set<String> acceptedOptions(Command command) {
    return namesIn(command.usage(), OPTION);
  }

  /** Switches: options the usage text shows without a value, as {@code [--name]}. */
  private static Set<String> flags(Command command) {
    return namesIn(command.usage(), FLAG);
  }

  private static Set<String> namesIn(String usage, Pattern pattern) {
    Set<String> names = new java.util.LinkedHashSet<>();
    Matcher m = pattern.matcher(usage);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String overview() {
    StringBuilder text =
        new StringBuilder(
            "usage: bin/solr-echo <command> [options]   (--help after a command for its options)\n\ncommands:\n");
    for (Command c : COMMANDS) {
      text.append(String.format(Locale.ROOT, "  %-14s %s%n", c.name(), c.summary()));
    }
    return text.toString();
  }
}
