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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.solrecho.progress.ProgressBar.Layout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/**
 * The progress line of downloads (bytes), indexing (documents) and eval steps (compact): how far,
 * how fast, how long still.
 */
public class ProgressBarTest {
  private static final ProgressUnit BYTES = ProgressUnit.bytes();
  private static final ProgressUnit DOCS = ProgressUnit.items("docs");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * The download line: {@code done} of {@code total} bytes, {@code transferred} of them in {@code
   * seconds}.
   */
  private static String download(
      String name, long done, long total, long transferred, double seconds) {
    return ProgressBar.line(Layout.WIDE, BYTES, name, done, total, transferred, seconds);
  }

  /** The indexing line: {@code indexed} of {@code total} documents after {@code seconds}. */
  private static String indexing(String label, long indexed, long total, double seconds) {
    return ProgressBar.line(Layout.WIDE, DOCS, label, indexed, total, indexed, seconds);
  }

  /**
   * A compact bar of {@code total} texts started at time {@link #now}, redrawn or printed as lines.
   */
  private ProgressBar step(String label, long total, boolean redraw) {
    ProgressBar bar =
        new ProgressBar(out, ProgressUnit.items("texts"), Layout.COMPACT, redraw, () -> now);
    bar.start(label, 0, total);
    return bar;
  }

  // bytes, wide layout (downloads)

  @Test
  public void lineShowsShareBarMegabytesRateAndTimeLeft() {
    // 50 of 100 MB, 50 MB of them in 5 s: 10 MB/s, 50 MB left -> 5 s
    assertEquals(
        "model.safetensors   50% [############............] 50.0/100.0 MB  10.0 MB/s  ETA 0:05",
        download("model.safetensors", 50_000_000, 100_000_000, 50_000_000, 5.0));
  }

  @Test
  public void rateCountsOnlyBytesTransferredNowNotTheResumedPart() {
    // resumed at 90 MB, 10 MB more in 10 s: 1 MB/s, 100 MB left -> 1:40
    assertEquals(
        "w   50% [############............] 100.0/200.0 MB  1.0 MB/s  ETA 1:40",
        download("w", 100_000_000, 200_000_000, 10_000_000, 10.0));
  }

  @Test
  public void smallFilesAreCountedInKilobytes() {
    assertEquals(
        "config.json  100% [########################] 0.7/0.7 kB  0.0 MB/s  ETA 0:00",
        download("config.json", 700, 700, 700, 0.5));
  }

  @Test
  public void unknownTotalShowsBytesAndRateOnly() {
    assertEquals("x  12.0 MB  2.0 MB/s", download("x", 12_000_000, -1, 12_000_000, 6.0));
  }

  @Test
  public void noRateYetShowsNoTimeLeft() {
    assertTrue(download("x", 0, 5_000_000, 0, 0).endsWith("ETA --:--"));
  }

  @Test
  public void longTransfersShowHours() {
    assertTrue(download("x", 0, 7_200_000_000L, 1_000_000, 1.0).endsWith("ETA 2:00:00"));
  }

  @Test
  public void rateOfARunCountsFromItsStartAndLeavesOutWhatWasDoneBefore() {
    ProgressBar bar = new ProgressBar(out, BYTES, Layout.WIDE, true, () -> now);
    bar.start("w", 90_000_000, 200_000_000);
    now = 10_000_000_000L;
    bar.update(100_000_000);
    assertEquals(download("w", 100_000_000, 200_000_000, 10_000_000, 10.0), bar.line(now));
  }

  @Test
  public void redrawsInPlaceAtMostEveryFifthOfASecondAndEndsTheLine() {
    AtomicLong clock = new AtomicLong();
    ProgressBar bar = new ProgressBar(out, BYTES, Layout.WIDE, true, clock::get);

    bar.start("f", 0, 4_000_000);
    bar.update(0); // the first update draws at once
    clock.addAndGet(50_000_000);
    bar.update(1_000_000); // 50 ms after the first draw: skipped
    clock.addAndGet(200_000_000);
    bar.update(2_000_000);
    bar.finish();

    String out = printed();
    assertEquals(3, out.chars().filter(c -> c == '\r').count());
    assertTrue(out, out.contains("2.0/4.0 MB"));
    assertTrue(out, out.endsWith(System.lineSeparator()));
  }

  @Test
  public void nullStreamShowsNothing() {
    ProgressBar bar = new ProgressBar(null, BYTES);
    bar.start("f", 10, 100);
    bar.update(50);
    bar.finish();
    bar.note("nothing");
    bar.abort("broke off");
    bar.close();
  }

  // items, wide layout (demo indexing)

  @Test
  public void theIndexingLineShowsPercentageDocumentsRateAndTimeLeft() {
    assertEquals(
        "indexing   25% [######..................] 40/160 docs  20.0 docs/s  ETA 0:06",
        indexing("indexing", 40, 160, 2.0));
    assertEquals(
        "indexing  100% [########################] 160/160 docs  40.0 docs/s  ETA 0:00",
        indexing("indexing", 160, 160, 4.0));
    assertEquals(
        "indexing    0% [........................] 0/160 docs  0.0 docs/s  ETA --:--",
        indexing("indexing", 0, 160, 0.0));
  }

  @Test
  public void withoutATotalTheIndexingLineShowsCountAndRate() {
    assertEquals("indexing  300 docs  150.0 docs/s", indexing("indexing", 300, -1, 2.0));
  }

  @Test
  public void theIndexingLineIsRedrawnInPlaceAtMostEvery200Milliseconds() {
    AtomicLong nanos = new AtomicLong();
    ProgressBar bar = new ProgressBar(out, DOCS, Layout.WIDE, true, nanos::get);
    bar.start("x", 0, 4);
    bar.update(1);
    nanos.set(100_000_000L);
    bar.update(2); // too soon
    nanos.set(1_000_000_000L);
    bar.update(3);
    bar.finish();
    String[] draws = printed().split("\r", -1);
    assertEquals("first, third and final state", 4, draws.length);
    assertEquals(indexing("x", 3, 4, 1.0) + System.lineSeparator(), draws[3]);
  }

  // items, compact layout (eval and bench steps)

  @Test
  public void compactLineShowsDoneTotalRateAndEta() {
    ProgressBar progress = step("embed echo-mean", 100, true);
    now = 10_000_000_000L;
    progress.advance(25);
    assertEquals(
        "embed echo-mean [######..................] 25/100  25% 2.5 texts/s ETA 30.0s",
        progress.line(now));
  }

  @Test
  public void withoutATerminalPrintsOccasionalLines() {
    ProgressBar progress = step("embed", 1000, false);
    for (int i = 0; i < 100; i++) {
      now += 1_000_000_000L; // one second per step: 100 s in all
      progress.advance(10);
    }
    progress.close();
    String[] lines = printed().split("\n");
    assertEquals("embed: 1000 texts", lines[0]);
    assertEquals(1 + 100 / ProgressBar.LOG_SECONDS + 1, lines.length);
    assertEquals("embed: 1000/1000 texts in 1:40 (10.0 texts/s)", lines[lines.length - 1]);
    assertTrue(printed(), !printed().contains("\r"));
  }

  @Test
  public void onATerminalRedrawsOneLineInPlaceAndEndsWithTheTimeTaken() {
    ProgressBar progress = step("embed", 10, true);
    now += 1_000_000_000L;
    progress.advance(5);
    progress.close();
    assertTrue(printed(), printed().startsWith("\rembed [############............] 5/10"));
    assertTrue(
        printed(), printed().endsWith("\rembed: 5/10 texts in 1.0s (5.0 texts/s)\u001b[K\n"));
  }

  @Test
  public void durationsReadLikeClocks() {
    assertEquals("4.5s", ProgressBar.duration(4.5));
    assertEquals("2:03", ProgressBar.duration(123));
    assertEquals("1:02:03", ProgressBar.duration(3723));
  }
}
