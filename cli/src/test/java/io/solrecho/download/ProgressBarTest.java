package io.solrecho.download;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class ProgressBarTest {

  @Test
  public void lineShowsShareBarMegabytesRateAndTimeLeft() {
    // 50 of 100 MB, 50 MB of them in 5 s: 10 MB/s, 50 MB left -> 5 s
    assertEquals("model.safetensors   50% [############............] 50.0/100.0 MB  10.0 MB/s  ETA 0:05",
        ProgressBar.line("model.safetensors", 50_000_000, 100_000_000, 50_000_000, 5.0));
  }

  @Test
  public void rateCountsOnlyBytesTransferredNowNotTheResumedPart() {
    // resumed at 90 MB, 10 MB more in 10 s: 1 MB/s, 100 MB left -> 1:40
    assertEquals("w   50% [############............] 100.0/200.0 MB  1.0 MB/s  ETA 1:40",
        ProgressBar.line("w", 100_000_000, 200_000_000, 10_000_000, 10.0));
  }

  @Test
  public void smallFilesAreCountedInKilobytes() {
    assertEquals("config.json  100% [########################] 0.7/0.7 kB  0.0 MB/s  ETA 0:00",
        ProgressBar.line("config.json", 700, 700, 700, 0.5));
  }

  @Test
  public void unknownTotalShowsBytesAndRateOnly() {
    assertEquals("x  12.0 MB  2.0 MB/s", ProgressBar.line("x", 12_000_000, -1, 12_000_000, 6.0));
  }

  @Test
  public void noRateYetShowsNoTimeLeft() {
    assertTrue(ProgressBar.line("x", 0, 5_000_000, 0, 0).endsWith("ETA --:--"));
  }

  @Test
  public void longTransfersShowHours() {
    assertTrue(ProgressBar.line("x", 0, 7_200_000_000L, 1_000_000, 1.0).endsWith("ETA 2:00:00"));
  }

  @Test
  public void redrawsInPlaceAtMostEveryFifthOfASecondAndEndsTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong clock = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get);

    bar.start("f", 0, 4_000_000);
    clock.addAndGet(50_000_000);
    bar.update(1_000_000); // 50 ms after the first draw: skipped
    clock.addAndGet(200_000_000);
    bar.update(2_000_000);
    bar.finish();

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(3, out.chars().filter(c -> c == '\r').count());
    assertTrue(out, out.contains("2.0/4.0 MB"));
    assertTrue(out, out.endsWith(System.lineSeparator()));
  }

  @Test
  public void nullStreamShowsNothing() {
    ProgressBar bar = new ProgressBar(null);
    bar.start("f", 10, 100);
    bar.update(50);
    bar.finish();
    bar.note("nothing");
  }
}
