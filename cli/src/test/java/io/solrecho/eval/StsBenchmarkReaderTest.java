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
package io.solrecho.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StsBenchmarkReaderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static Path testFile() {
    return SharedFixtures.resolve("data/stsbenchmark/sts-test.csv");
  }

  @Test
  public void testSplitHas1379Pairs() throws IOException {
    List<StsPair> pairs = new StsBenchmarkReader(testFile()).read();
    assertEquals(1379, pairs.size());
    assertEquals(
        new StsPair("A girl is styling her hair.", "A girl is brushing her hair.", 2.5),
        pairs.get(0));
    StsPair last = pairs.get(1378);
    assertEquals("South Korea declares end to MERS outbreak", last.sentence1());
    assertEquals("North Korea Delegation Meets With South Korean Officials", last.sentence2());
    assertEquals(0.0, last.gold(), 0);
  }

  @Test
  public void doubleQuotesAreOrdinaryText() throws IOException {
    // line 408 of sts-test.csv: a CSV parser would open a quoted field at the first '"'
    StsPair pair = new StsBenchmarkReader(testFile()).read(408).get(407);
    assertEquals("A young boy jumping into a pool that says \"no diving\".", pair.sentence1());
    assertEquals(3.2, pair.gold(), 0);
  }

  @Test
  public void sourceNoteColumnsAreIgnored() throws IOException {
    Path file =
        write("main-forums\tanswer-answer\t2016\t0008\t3\tFirst.\tSecond.\tnote 1\tnote 2\n");
    assertEquals(List.of(new StsPair("First.", "Second.", 3)), new StsBenchmarkReader(file).read());
  }

  @Test
  public void limitReadsTheFirstPairs() throws IOException {
    List<StsPair> first = new StsBenchmarkReader(testFile()).read(5);
    assertEquals(5, first.size());
    assertEquals(new StsBenchmarkReader(testFile()).read().subList(0, 5), first);
  }

  @Test
  public void tooFewFieldsNamesFileAndLine() throws IOException {
    Path file = write("g\tf\t2012\t1\t2.0\tA.\tB.\n" + "g\tf\t2012\t2\t2.0 A. B.\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsBenchmarkReader(file).read());
    assertEquals(2, e.line());
    assertTrue(
        e.getMessage(),
        e.getMessage().startsWith(file + ":2: expected at least 7 tab-separated fields"));
  }

  @Test
  public void scoreOutsideZeroToFiveIsRejected() throws IOException {
    Path file = write("g\tf\t2012\t1\t24\tA.\tB.\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsBenchmarkReader(file).read());
    assertTrue(
        e.getMessage(),
        e.getMessage().contains(":1: score (field 5) must be between 0.0 and 5.0, got '24'"));
  }

  @Test
  public void nonNumericScoreIsRejected() throws IOException {
    Path file = write("g\tf\t2012\t1\tabc\tA.\tB.\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsBenchmarkReader(file).read());
    assertTrue(e.getMessage(), e.getMessage().contains("score (field 5) is not a number: 'abc'"));
  }

  @Test
  public void missingFileIsRejectedUpFront() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StsBenchmarkReader(tmp.getRoot().toPath().resolve("absent.csv")));
    assertTrue(e.getMessage(), e.getMessage().contains("absent.csv"));
  }

  @Test
  public void limitBelowOneIsRejected() throws IOException {
    Path file = write("g\tf\t2012\t1\t1\tA.\tB.\n");
    assertThrows(IllegalArgumentException.class, () -> new StsBenchmarkReader(file).read(0));
  }

  private Path write(String content) throws IOException {
    Path file = tmp.newFile("sts.csv").toPath();
    Files.writeString(file, content);
    return file;
  }
}
