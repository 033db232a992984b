package io.solrecho.eval;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long step on stderr: {@code label [#####.....] done/total pct rate ETA}. On a terminal
 * one line is redrawn in place (at most every {@value #REDRAW_MILLIS} ms); otherwise (logs, CI) a line
 * is printed at most every {@value #LOG_SECONDS} s. Both end with a line giving the total time.
 */
public final class ProgressPrinter implements AutoCloseable {
  static final long REDRAW_MILLIS = 200;
  static final long LOG_SECONDS = 15;
  private static final int BAR = 24;

  private final String label;
  private final long total;
  private final String unit;
  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final long start;
  private long done;
  private long lastPrint;
  private boolean closed;

  /**
   * @param label what is being done, e.g. {@code embed echo-mean}
   * @param total units of work, at least 0
   * @param unit name of a unit for the rate, e.g. {@code texts}
   * @param out where to print (stderr)
   * @param terminal redraw one line in place rather than print occasional lines
   * @param nanoClock the time in nanoseconds ({@code System::nanoTime})
   */
  ProgressPrinter(String label, long total, String unit, PrintStream out, boolean terminal, LongSupplier nanoClock) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.out = out;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastPrint = start;
    if (!terminal) {
      out.println(label + ": " + total + " " + unit);
    }
  }

  /** Progress on stderr, redrawn in place when the process runs in a terminal. */
  public static ProgressPrinter start(String label, long total, String unit) {
    return new ProgressPrinter(label, total, unit, System.err, System.console() != null, System::nanoTime);
  }

  /** Records {@code units} more done, printing when it is time to. */
  public synchronized void advance(long units) {
    done = Math.min(total, done + units);
    long now = nanoClock.getAsLong();
    long gap = terminal ? REDRAW_MILLIS * 1_000_000L : LOG_SECONDS * 1_000_000_000L;
    if (now - lastPrint >= gap) {
      lastPrint = now;
      print(line(now), false);
    }
  }

  /** The progress line as of {@code now}. */
  synchronized String line(long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    int filled = total == 0 ? BAR : (int) (BAR * done / total);
    String eta = rate > 0 ? duration((total - done) / rate) : "?";
    return String.format(Locale.ROOT, "%s [%s%s] %d/%d %3.0f%% %.1f %s/s ETA %s", label, "#".repeat(filled),
        ".".repeat(BAR - filled), done, total, total == 0 ? 100.0 : 100.0 * done / total, rate, unit, eta);
  }

  /** Prints the final line: units done and the time taken. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    double seconds = (nanoClock.getAsLong() - start) / 1e9;
    print(String.format(Locale.ROOT, "%s: %d/%d %s in %s (%.1f %s/s)", label, done, total, unit, duration(seconds),
        seconds > 0 ? done / seconds : 0.0, unit), true);
  }

  private void print(String text, boolean last) {
    if (terminal) {
      out.print("\r" + text + "\u001b[K" + (last ? "\n" : ""));
    } else {
      out.println(text);
    }
    out.flush();
  }

  /** {@code 1:02:03}, {@code 2:03} or {@code 4.5s}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
