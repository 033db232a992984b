package io.solrecho.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * An {@link IndexProgress} drawn as one line on a terminal stream, redrawn in place at most every
 * {@value #REDRAW_MILLIS} ms: percentage and bar, documents done and total, documents per second
 * and time left. {@link #finish()} draws the final state and ends the line.
 */
public final class IndexProgressBar implements IndexProgress {
  static final long REDRAW_MILLIS = 200;
  private static final int BAR_WIDTH = 24;

  private final PrintStream out;
  private final String label;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private long lastDrawNanos = Long.MIN_VALUE;
  private long indexed;
  private long total = -1;
  private int lastWidth;

  public IndexProgressBar(PrintStream out, String label) {
    this(out, label, System::nanoTime);
  }

  IndexProgressBar(PrintStream out, String label, LongSupplier nanoClock) {
    this.out = out;
    this.label = label;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  @Override
  public synchronized void indexed(long indexed, long total) {
    this.indexed = indexed;
    this.total = total;
    long now = nanoClock.getAsLong();
    if (lastDrawNanos == Long.MIN_VALUE || now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L) {
      draw(now);
    }
  }

  /** Draws the final state and ends the line. */
  public synchronized void finish() {
    draw(nanoClock.getAsLong());
    out.println();
    out.flush();
  }

  /** Seconds since the bar was created. */
  public double elapsedSeconds() {
    return (nanoClock.getAsLong() - startNanos) / 1e9;
  }

  private void draw(long now) {
    lastDrawNanos = now;
    String line = line(label, indexed, total, (now - startNanos) / 1e9);
    int pad = Math.max(0, lastWidth - line.length());
    lastWidth = line.length();
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
  }

  /** The progress line for {@code indexed} of {@code total} documents (negative: unknown) after {@code seconds}. */
  static String line(String label, long indexed, long total, double seconds) {
    double rate = seconds > 0 ? indexed / seconds : 0;
    StringBuilder text = new StringBuilder(label).append("  ");
    if (total > 0) {
      double fraction = Math.min(1.0, (double) indexed / total);
      int filled = (int) Math.round(fraction * BAR_WIDTH);
      text.append(String.format(Locale.ROOT, "%3d%% [", (int) Math.floor(fraction * 100)))
          .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
          .append(indexed).append('/').append(total).append(" docs");
    } else {
      text.append(indexed).append(" docs");
    }
    text.append(String.format(Locale.ROOT, "  %.1f docs/s", rate));
    if (total > 0) {
      text.append("  ETA ").append(rate > 0 ? clock((total - indexed) / rate) : "--:--");
    }
    return text.toString();
  }

  private static String clock(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
