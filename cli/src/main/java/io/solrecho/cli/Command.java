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
import picocli.CommandLine.Model.CommandSpec;

/**
 * One {@code bin/solr-echo} sub-command. Every command, the CLI's own included, is found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.solrecho.cli.Command}), so modules
 * beside the CLI add theirs without the CLI naming them. An implementation is a picocli command: a
 * public class with a public no-argument constructor, annotated with {@code @Command(name = ...,
 * description = ...)}, whose {@code @Option} fields picocli sets from the command line before
 * {@link #run}. {@link Main} adds {@code --help}/{@code -h} and {@code --version}/{@code -V} and
 * turns errors into exit statuses.
 */
public interface Command {
  /**
   * Runs the command with its options set, writing results to {@code out} (progress and messages go
   * to standard error).
   *
   * @return the exit status: 0 on success, 1 when part of the work failed (and was reported)
   * @throws IllegalArgumentException when an option value or the input it names is wrong: exit
   *     status 2, with the message
   * @throws Exception when the command fails: exit status 1, with the message
   */
  int run(PrintStream out) throws Exception;

  /**
   * This command's picocli model, read from its annotations; a command whose options are only known
   * at run time (such as those other modules add) extends it here.
   */
  default CommandSpec commandSpec() {
    return CommandSpec.forAnnotatedObject(this);
  }
}
