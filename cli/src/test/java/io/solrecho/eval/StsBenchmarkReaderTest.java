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
    return EvalSamples.data().resolve("stsbenchmark/sts-test.csv");
  }

  @Test
  public void readsEveryPairOfTheFile() throws IOException {
    List<StsPair> pairs = new StsBenchmarkReader(testFile()).read();
    assertEquals(12, pairs.size());
    assertEquals(
        new StsPair(
            "A cat is sleeping on a warm windowsill.",
            "A cat naps on the sunny window ledge.",
            4.6),
        pairs.get(0));
    assertEquals(
        new StsPair("A woman is jogging along the beach.", "A woman is swimming in the sea.", 1.8),
        pairs.get(11));
  }

  @Test
  public void doubleQuotesAreOrdinaryText() throws IOException {
    // line 6: a CSV parser would open a quoted field at the first '"' and merge lines
    StsPair pair = new StsBenchmarkReader(testFile()).read().get(5);
    assertEquals("A sign on the gate says \"no dogs\" in red letters.", pair.sentence1());
    assertEquals("A red \"no dogs\" sign hangs on the gate.", pair.sentence2());
    assertEquals(1.6, pair.gold(), 0);
  }

  @Test
  public void sentencesAreKeptVerbatimAndSourceNotesIgnored() throws IOException {
    List<StsPair> pairs = new StsBenchmarkReader(testFile()).read();
    // line 9 has two source-note columns, line 11 a sentence ending in a space
    assertEquals(
        new StsPair(
            "A boy is riding a skateboard down a ramp.",
            "A chef is stirring soup in a large pot.",
            0),
        pairs.get(8));
    assertEquals("A person removes the skin from an orange. ", pairs.get(10).sentence2());
  }

  @Test
  public void sourceNoteColumnsAreIgnored() throws IOException {
    Path file =
        write("main-forums\tanswer-answer\t2016\t0008\t3\tFirst.\tSecond.\tnote 1\tnote 2\n");
    assertEquals(List.of(new StsPair("First.", "Second.", 3)), new StsBenchmarkReader(file).read());
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

  private Path write(String content) throws IOException {
    Path file = tmp.newFile("sts.csv").toPath();
    Files.writeString(file, content);
    return file;
  }
}
