package io.solrecho.harness;

import io.solrecho.demo.IndexProgress;
import io.solrecho.eval.ProgressPrinter;

/**
 * Passes the progress of one {@link io.solrecho.demo.LocalSolr#index} call (documents accepted so
 * far) on to a {@link ProgressPrinter} (which counts increments), so that indexing shows the same
 * progress line as the other steps of the eval and bench commands. One instance per call.
 */
final class PrintedIndexProgress implements IndexProgress {
  private final ProgressPrinter printer;
  private long reported;

  PrintedIndexProgress(ProgressPrinter printer) {
    this.printer = printer;
  }

  @Override
  public void indexed(long indexed, long total) {
    printer.advance(indexed - reported);
    reported = indexed;
  }
}
