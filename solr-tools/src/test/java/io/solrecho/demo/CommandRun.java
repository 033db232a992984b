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
package io.solrecho.demo;

import io.solrecho.cli.Command;
import io.solrecho.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of a {@code bin/solr-echo} command line through {@link Main#run}, as the launcher runs
 * it, with what it printed.
 *
 * @param status the exit status
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error
 */
public record CommandRun(int status, String stdout, String stderr) {
  /** Runs {@code args} with the commands on the classpath. */
  public static CommandRun of(String... args) {
    return run(null, args);
  }

  /** Runs {@code args} with {@code commands} only (commands built for a test). */
  public static CommandRun of(List<? extends Command> commands, String... args) {
    return run(commands, args);
  }

  private static CommandRun run(List<? extends Command> commands, String[] args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status =
        commands == null
            ? Main.run(args, stdout, stderr)
            : Main.run(commands, args, stdout, stderr);
    return new CommandRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code command --name value ...} for {@code options} (names without {@code --}). */
  public static String[] commandLine(String command, Map<String, String> options) {
    List<String> args = new ArrayList<>();
    args.add(command);
    options.forEach(
        (name, value) -> {
          args.add("--" + name);
          args.add(value);
        });
    return args.toArray(new String[0]);
  }
}
