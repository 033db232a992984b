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
package io.solrecho.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of one run of work at a time (a file download, indexing, an eval step) on a terminal
 * stream: a bar, the amount done, the rate and the time left. In redraw mode one line is redrawn in
 * place, at once for the first update and then at most every {@value #REDRAW_MILLIS} ms; in line
 * mode (logs, CI) a header line is printed at the start and then a line at most every {@value
 * #LOG_SECONDS} s. A run ends with {@link #finish()} (the final state) or {@link #close()} (the
 * total time taken). A null stream shows nothing.
 */
public final class ProgressBar implements AutoCloseable {
  static final long REDRAW_MILLIS = 200;
  static final long LOG_SECONDS = 15;
  private static final int BAR_WIDTH = 24;
  private static final String ERASE_TO_END = "\u001b[K";

  /** How the progress line is laid out. */
  enum Layout {
    /** {@code label 25% [######..................] 40/160 docs 20.0 docs/s ETA 0:06}. */
    WIDE,
    /** {@code label [######..................] 40/160 25% 20.0 docs/s ETA 6.0s}. */
    COMPACT
  }

  private final PrintStream out;
  private final ProgressUnit unit;
  private final Layout layout;
  private final boolean redraw;
  private final LongSupplier nanoClock;
  private String label = "";
  private long startNanos;
  private long already;
  private long total = -1;
  private long done;
  private boolean printed;
  private long lastPrintNanos;
  private int lastWidth;
  private boolean closed;

  /** A bar redrawn in place on {@code out} (null: shows nothing), in the wide layout. */
  public ProgressBar(PrintStream out, ProgressUnit unit) {
    this(out, unit, Layout.WIDE, true, System::nanoTime);
  }

  /**
   * @param out where to print, or null for nowhere
   * @param unit what is counted
   * @param layout how the line looks
   * @param redraw redraw one line in place rather than print occasional lines
   * @param nanoClock the time in nanoseconds ({@code System::nanoTime})
   */
  ProgressBar(
      PrintStream out, ProgressUnit unit, Layout layout, boolean redraw, LongSupplier nanoClock) {
    if (unit == null || layout == null || nanoClock == null) {
      throw new IllegalArgumentException("a progress bar needs a unit, a layout and a clock");
    }
    this.out = out;
    this.unit = unit;
    this.layout = layout;
    this.redraw = redraw;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  /**
   * The progress of a step of {@code total} {@code items} on stderr, started: redrawn in place when
   * the process runs in a terminal, otherwise occasional lines; {@link #close()} prints the time
   * taken.
   */
  public static ProgressBar step(String label, long total, String items) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    ProgressBar bar =
        new ProgressBar(
            System.err,
            ProgressUnit.items(items),
            Layout.COMPACT,
            System.console() != null,
            System::nanoTime);
    bar.start(label, 0, total);
    return bar;
  }

  /**
   * Starts a run of {@code total} units (negative when unknown), {@code already} of them done
   * before (they count towards the share done but not towards the rate). In line mode prints a
   * header line; in redraw mode the bar appears with the first {@link #update}.
   */
  public synchronized void start(String label, long already, long total) {
    this.label = label;
    this.already = already;
    this.done = already;
    this.total = total;
    this.startNanos = nanoClock.getAsLong();
    this.printed = false;
    this.lastWidth = 0;
    this.closed = false;
    if (!redraw) {
      println(label + ": " + unit.amount(total, -1));
      printed = true;
      lastPrintNanos = startNanos;
    }
  }

  /** Records that {@code done} units are done in all, printing when it is time to. */
  public synchronized void update(long done) {
    this.done = done;
    long now = nanoClock.getAsLong();
    long gap = redraw ? REDRAW_MILLIS * 1_000_000L : LOG_SECONDS * 1_000_000_000L;
    if (!printed || now - lastPrintNanos >= gap) {
      show(line(now), now);
    }
  }

  /** Records {@code units} more done (at most the total), printing when it is time to. */
  public synchronized void advance(long units) {
    update(total < 0 ? done + units : Math.min(total, done + units));
  }

  /** Shows the final state and ends the line. */
  public synchronized void finish() {
    long now = nanoClock.getAsLong();
    show(line(now), now);
    endLine();
  }

  /**
   * Prints the last line of the run, the units done and the time taken; prints nothing when called
   * again.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long now = nanoClock.getAsLong();
    double seconds = (now - startNanos) / 1e9;
    show(
        label
            + ": "
            + unit.amount(done, total)
            + " in "
            + duration(seconds)
            + " ("
            + unit.rate(seconds > 0 ? (done - already) / seconds : 0.0)
            + ")",
        now);
    endLine();
  }

  /** Ends the line of a run that broke off, with the reason. */
  public synchronized void abort(String why) {
    endLine();
    println(label + ": " + why);
  }

  /** A line of its own, such as "already downloaded". */
  public synchronized void note(String line) {
    println(line);
  }

  /** Seconds since the run started. */
  public synchronized double elapsedSeconds() {
    return (nanoClock.getAsLong() - startNanos) / 1e9;
  }

  /** The progress line as of {@code now}. */
  synchronized String line(long now) {
    return line(layout, unit, label, done, total, done - already, (now - startNanos) / 1e9);
  }

  /**
   * The progress line for {@code done} of {@code total} units (negative: unknown), {@code counted}
   * of them (those done in this run) in {@code seconds}.
   */
  static String line(
      Layout layout,
      ProgressUnit unit,
      String label,
      long done,
      long total,
      long counted,
      double seconds) {
    double rate = seconds > 0 ? counted / seconds : 0;
    StringBuilder text = new StringBuilder(label);
    if (layout == Layout.WIDE) {
      text.append("  ");
      if (total > 0) {
        double fraction = Math.min(1.0, (double) done / total);
        text.append(String.format(Locale.ROOT, "%3d%% ", (int) Math.floor(fraction * 100)))
            .append(bar((int) Math.round(fraction * BAR_WIDTH)))
            .append(' ')
            .append(unit.amount(done, total));
      } else {
        text.append(unit.amount(done, -1));
      }
      text.append("  ").append(unit.rate(rate));
      if (total > 0) {
        text.append("  ETA ").append(rate > 0 ? clock((total - done) / rate) : "--:--");
      }
    } else if (total < 0) {
      text.append(' ').append(unit.numbers(done, total)).append(' ').append(unit.rate(rate));
    } else {
      long shown = Math.min(done, total);
      text.append(' ')
          .append(bar(total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * shown / total)))
          .append(' ')
          .append(unit.numbers(done, total))
          .append(
              String.format(Locale.ROOT, " %3.0f%% ", total == 0 ? 100.0 : 100.0 * done / total))
          .append(unit.rate(rate))
          .append(" ETA ")
          .append(rate > 0 ? duration((total - done) / rate) : "?");
    }
    return text.toString();
  }

  /** {@code 1:02:03}, {@code 2:03} or, under a minute, {@code 4.5s}. */
  public static String duration(double seconds) {
    return seconds < 60 ? String.format(Locale.ROOT, "%.1fs", seconds) : clock(seconds);
  }

  /** {@code 1:02:03}, {@code 2:03} or {@code 0:04}. */
  private static String clock(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String bar(int filled) {
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }

  /** Redraws {@code text} over the current line, or prints it as a line of its own. */
  private void show(String text, long now) {
    printed = true;
    lastPrintNanos = now;
    if (out == null) {
      return;
    }
    if (redraw) {
      out.print("\r" + text + (text.length() < lastWidth ? ERASE_TO_END : ""));
      lastWidth = text.length();
      out.flush();
    } else {
      println(text);
    }
  }

  /** Ends the line being redrawn. */
  private void endLine() {
    if (out != null && redraw) {
      out.println();
      out.flush();
    }
    lastWidth = 0;
  }

  private void println(String line) {
    if (out != null) {
      out.println(line);
      out.flush();
    }
  }
}
