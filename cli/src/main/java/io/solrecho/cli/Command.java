package io.solrecho.cli;

import java.io.PrintStream;

/**
 * One {@code bin/solr-echo} sub-command. Modules beside the CLI add commands through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.solrecho.cli.Command}).
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
