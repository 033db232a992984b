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

public class SemEvalStsReaderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static SemEvalStsReader reader(SemEvalStsTask task) {
    return new SemEvalStsReader(EvalSamples.data().resolve("sts12-16"), task);
  }

  @Test
  public void sts12ReadsEverySubsetInOrder() throws IOException {
    // five subsets of three pairs each
    List<StsPair> pairs = reader(SemEvalStsTask.STS12).read();
    assertEquals(15, pairs.size());
    assertEquals(
        new StsPair(
            "An old man is feeding pigeons in a square.",
            "A young woman waters plants on a balcony.",
            0.6),
        pairs.get(0));
    assertEquals(
        new StsPair(
            "The minister resigned after the scandal.",
            "Following the scandal, the minister stepped down.",
            4.8),
        pairs.get(14));
  }

  @Test
  public void everyYearReadsAllItsScoredPairs() throws IOException {
    assertEquals(9, reader(SemEvalStsTask.STS13).read().size());
    assertEquals(18, reader(SemEvalStsTask.STS14).read().size());
    // three subsets of 2015 and 2016 have a blank gold line each
    assertEquals(12, reader(SemEvalStsTask.STS15).read().size());
    assertEquals(12, reader(SemEvalStsTask.STS16).read().size());
  }

  @Test
  public void sts15SkipsThePairsWithoutGold() throws IOException {
    List<StsPair> pairs = reader(SemEvalStsTask.STS15).read();
    // answers-forums: gold line 1 is scored, line 2 blank, line 3 scored
    assertEquals(
        new StsPair(
            "Is it safe to drink tap water here?", "Where can I buy a ticket for the ferry?", 0),
        pairs.get(0));
    assertEquals(
        new StsPair(
            "The team lost its third match in a row.", "The team won the championship final.", 1),
        pairs.get(1));
  }

  @Test
  public void sts16DropsTheSourceNoteColumns() throws IOException {
    StsPair first = reader(SemEvalStsTask.STS16).read().get(0);
    assertEquals(
        new StsPair("A baby is laughing at a puppy.", "An infant giggles at a young dog.", 5),
        first);
  }

  @Test
  public void blankGoldLineSkipsThePair() throws IOException {
    Path input = write("input.txt", "A.\tB.\nC.\tD.\tnote\tnote\nE.\tF.\n");
    Path gold = write("gs.txt", "1.5\n\n4\n");
    assertEquals(
        List.of(new StsPair("A.", "B.", 1.5), new StsPair("E.", "F.", 4)),
        readAllPairs(input, gold));
  }

  @Test
  public void goldFileShorterThanInputIsRejected() throws IOException {
    Path input = write("input.txt", "A.\tB.\nC.\tD.\n");
    Path gold = write("gs.txt", "1.5\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> readAllPairs(input, gold));
    assertEquals(gold, e.file());
    assertTrue(
        e.getMessage(),
        e.getMessage()
            .contains("gold file ends after 1 lines but input file " + input + " has more"));
  }

  @Test
  public void inputLineWithoutTabNamesInputFileAndLine() throws IOException {
    Path input = write("input.txt", "A.\tB.\nC. D.\n");
    Path gold = write("gs.txt", "1.5\n2\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> readAllPairs(input, gold));
    assertTrue(
        e.getMessage(),
        e.getMessage().startsWith(input + ":2: expected tab-separated sentence1 and sentence2"));
  }

  @Test
  public void badGoldScoreNamesGoldFileAndLine() throws IOException {
    Path input = write("input.txt", "A.\tB.\nC.\tD.\n");
    Path gold = write("gs.txt", "1.5\n5.5\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> readAllPairs(input, gold));
    assertTrue(
        e.getMessage(),
        e.getMessage().startsWith(gold + ":2: gold score must be between 0.0 and 5.0"));
  }

  @Test
  public void missingSubsetFileIsRejectedUpFront() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SemEvalStsReader(tmp.getRoot().toPath(), SemEvalStsTask.STS12));
    assertTrue(e.getMessage(), e.getMessage().contains("STS12 input file of subset MSRpar"));
  }

  private static List<StsPair> readAllPairs(Path input, Path gold) throws IOException {
    return SemEvalStsReader.readPairs(input, gold);
  }

  private Path write(String name, String content) throws IOException {
    Path file = tmp.getRoot().toPath().resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
