package io.solrecho.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class ProgressPrinterTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void lineShowsDoneTotalRateAndEta() {
    ProgressPrinter progress = new ProgressPrinter("embed echo-mean", 100, "texts", out, true, () -> now);
    now = 10_000_000_000L;
    progress.advance(25);
    assertEquals("embed echo-mean [######..................] 25/100  25% 2.5 texts/s ETA 30.0s",
        progress.line(now));
  }

  @Test
  public void withoutATerminalPrintsOccasionalLines() {
    ProgressPrinter progress = new ProgressPrinter("embed", 1000, "texts", out, false, () -> now);
    for (int i = 0; i < 100; i++) {
      now += 1_000_000_000L; // one second per step: 100 s in all
      progress.advance(10);
    }
    progress.close();
    String[] lines = printed().split("\n");
    assertEquals("embed: 1000 texts", lines[0]);
    assertEquals(1 + 100 / ProgressPrinter.LOG_SECONDS + 1, lines.length);
    assertEquals("embed: 1000/1000 texts in 1:40 (10.0 texts/s)", lines[lines.length - 1]);
    assertTrue(printed(), !printed().contains("\r"));
  }

  @Test
  public void onATerminalRedrawsOneLineInPlace() {
    ProgressPrinter progress = new ProgressPrinter("embed", 10, "texts", out, true, () -> now);
    now += 1_000_000_000L;
    progress.advance(5);
    progress.close();
    assertTrue(printed(), printed().startsWith("\rembed [############............] 5/10"));
    assertTrue(printed(), printed().endsWith("\rembed: 5/10 texts in 1.0s (5.0 texts/s)\u001b[K\n"));
  }

  @Test
  public void durationsReadLikeClocks() {
    assertEquals("4.5s", ProgressPrinter.duration(4.5));
    assertEquals("2:03", ProgressPrinter.duration(123));
    assertEquals("1:02:03", ProgressPrinter.duration(3723));
  }
}
