package io.solrecho.demo;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/** The indexing progress line: how far, how fast, how long still. */
public class IndexProgressBarTest {
  @Test
  public void theLineShowsPercentageDocumentsRateAndTimeLeft() {
    assertEquals("indexing   25% [######..................] 40/160 docs  20.0 docs/s  ETA 0:06",
        IndexProgressBar.line("indexing", 40, 160, 2.0));
    assertEquals("indexing  100% [########################] 160/160 docs  40.0 docs/s  ETA 0:00",
        IndexProgressBar.line("indexing", 160, 160, 4.0));
    assertEquals("indexing    0% [........................] 0/160 docs  0.0 docs/s  ETA --:--",
        IndexProgressBar.line("indexing", 0, 160, 0.0));
  }

  @Test
  public void withoutATotalTheLineShowsCountAndRate() {
    assertEquals("indexing  300 docs  150.0 docs/s", IndexProgressBar.line("indexing", 300, -1, 2.0));
  }

  @Test
  public void theLineIsRedrawnInPlaceAtMostEvery200Milliseconds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong nanos = new AtomicLong();
    IndexProgressBar bar = new IndexProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", nanos::get);
    bar.indexed(1, 4);
    nanos.set(100_000_000L);
    bar.indexed(2, 4); // too soon
    nanos.set(1_000_000_000L);
    bar.indexed(3, 4);
    bar.finish();
    String[] draws = bytes.toString(StandardCharsets.UTF_8).split("\r", -1);
    assertEquals("first, third and final state", 4, draws.length);
    assertEquals(IndexProgressBar.line("x", 3, 4, 1.0) + System.lineSeparator(), draws[3]);
  }
}
