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

/**
 * One {@code bin/solr-echo} sub-command. Modules beside the CLI add commands through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.solrecho.cli.Command}).
 */
public interface Command {
  /** The word after {@code bin/solr-echo}. */
  String name();

  /** One line for the command list. */
  String summary();

  /** Usage text shown by {@code --help} and on bad arguments. */
  String usage();

  /** Runs the command, writing results to {@code out}; returns the process exit code. */
  int run(Arguments arguments, PrintStream out) throws Exception;
}
