package io.solrecho.download;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line per file on a terminal stream, redrawn in place: name, percentage and bar, megabytes done and total,
 * transfer rate and time left. Redraws at most every {@value #REDRAW_MILLIS} ms; a null stream shows nothing.
 */
final class ProgressBar {
  static final long REDRAW_MILLIS = 200;
  private static final int BAR_WIDTH = 24;
  private static final double MB = 1_000_000.0;

  private final PrintStream out;
  private final LongSupplier nanoClock;
  private String name;
  private long startNanos;
  private long resumedFrom;
  private long total;
  private long done;
  private long lastDrawNanos;
  private int lastWidth;

  ProgressBar(PrintStream out) {
    this(out, System::nanoTime);
  }

  ProgressBar(PrintStream out, LongSupplier nanoClock) {
    this.out = out;
    this.nanoClock = nanoClock;
  }

  /** Starts a file of {@code total} bytes (negative when unknown), {@code already} of them on disk from before. */
  void start(String name, long already, long total) {
    this.name = name;
    this.resumedFrom = already;
    this.done = already;
    this.total = total;
    this.startNanos = nanoClock.getAsLong();
    this.lastWidth = 0;
    if (out != null && already > 0) {
      out.printf(Locale.ROOT, "%s: resuming at %.1f MB%n", name, already / MB);
    }
    draw(startNanos);
  }

  void update(long done) {
    this.done = done;
    long now = nanoClock.getAsLong();
    if (now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L) {
      draw(now);
    }
  }

  /** Draws the final state and ends the line. */
  void finish() {
    draw(nanoClock.getAsLong());
    if (out != null) {
      out.println();
      out.flush();
    }
  }

  /** Ends the line of a transfer that broke off, with the reason. */
  void abort(String why) {
    if (out != null) {
      out.println();
      out.println(name + ": " + why);
      out.flush();
    }
  }

  /** A line of its own, such as "already downloaded". */
  void note(String line) {
    if (out != null) {
      out.println(line);
      out.flush();
    }
  }

  private void draw(long now) {
    lastDrawNanos = now;
    if (out == null) {
      return;
    }
    String line = line(name, done, total, done - resumedFrom, (now - startNanos) / 1e9);
    int pad = Math.max(0, lastWidth - line.length());
    lastWidth = line.length();
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
  }

  /** The progress line for {@code done} of {@code total} bytes, {@code transferred} of them in {@code seconds}. */
  static String line(String name, long done, long total, long transferred, double seconds) {
    double rate = seconds > 0 ? transferred / seconds : 0;
    StringBuilder text = new StringBuilder(name).append("  ");
    if (total > 0) {
      double fraction = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(fraction * BAR_WIDTH);
      text.append(String.format(Locale.ROOT, "%3d%% [", (int) Math.floor(fraction * 100)))
          .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
          .append(amount(done, total, total));
    } else {
      text.append(amount(done, -1, done));
    }
    text.append(String.format(Locale.ROOT, "  %.1f MB/s", rate / MB));
    if (total > 0) {
      text.append("  ETA ").append(rate > 0 ? clock((total - done) / rate) : "--:--");
    }
    return text.toString();
  }

  /** "done/total MB" ({@code total} negative: "done MB"), in kB when {@code scale} is under a megabyte. */
  private static String amount(long done, long total, long scale) {
    double unit = scale < MB ? 1000.0 : MB;
    String name = scale < MB ? " kB" : " MB";
    return total < 0
        ? String.format(Locale.ROOT, "%.1f", done / unit) + name
        : String.format(Locale.ROOT, "%.1f/%.1f", done / unit, total / unit) + name;
  }

  private static String clock(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
