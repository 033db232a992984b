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
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SemEvalStsReaderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static SemEvalStsReader reader(SemEvalStsTask task) {
    return new SemEvalStsReader(SharedFixtures.resolve("data/sts12-16"), task);
  }

  @Test
  public void sts12Has3108Pairs() throws IOException {
    List<StsPair> pairs = reader(SemEvalStsTask.STS12).read();
    assertEquals(3108, pairs.size());
    assertEquals(
        new StsPair(
            "The problem likely will mean corrective changes before the shuttle fleet starts flying again.",
            "He said the problem needs to be corrected before the space shuttle fleet is cleared to fly again.",
            4.4),
        pairs.get(0));
    assertEquals(
        new StsPair(
            "He did, but the initiative did not get very far.",
            "What it did without the initiative not going very far.",
            3.5),
        pairs.get(3107));
  }

  @Test
  public void sts13Has1500Pairs() throws IOException {
    assertEquals(1500, reader(SemEvalStsTask.STS13).read().size());
  }

  @Test
  public void sts14Has3750Pairs() throws IOException {
    assertEquals(3750, reader(SemEvalStsTask.STS14).read().size());
  }

  @Test
  public void sts15Has3000ScoredPairs() throws IOException {
    List<StsPair> pairs = reader(SemEvalStsTask.STS15).read();
    assertEquals(3000, pairs.size());
    // answers-forums: gold line 1 is scored, lines 2-4 blank, line 5 scored
    assertEquals(
        new StsPair(
            "You'll need to check the particular policies of each publisher to see what is allowed and what is not allowed.",
            "If you need to publish the book and you have found one publisher that allows it.",
            3.0),
        pairs.get(0));
    assertEquals(
        new StsPair(
            "I am not aware of any university run participant pools.",
            "At the universities I've worked in North America, human-subject studies (esp.",
            0.6),
        pairs.get(1));
  }

  @Test
  public void sts16Has1186ScoredPairsWithoutSourceNotes() throws IOException {
    List<StsPair> pairs = reader(SemEvalStsTask.STS16).read();
    assertEquals(1186, pairs.size());
    StsPair first = pairs.get(0);
    assertEquals(
        "I remained under the banyan tree, exhausted by my daily ritual of herding the cats every two hours. ",
        first.sentence2());
    assertEquals(3.0, first.gold(), 0);
  }

  @Test
  public void subsetsAreKeptApartAndAddUpToTheYear() throws IOException {
    Map<String, List<StsPair>> subsets = reader(SemEvalStsTask.STS15).readSubsets();
    assertEquals(SemEvalStsTask.STS15.subsets(), List.copyOf(subsets.keySet()));
    assertEquals(375, subsets.get("answers-forums").size());
    assertEquals(375, subsets.get("belief").size());
    assertEquals(750, subsets.get("images").size());
    assertEquals(3000, subsets.values().stream().mapToInt(List::size).sum());
  }

  @Test
  public void limitSpansSubsets() throws IOException {
    List<StsPair> all = reader(SemEvalStsTask.STS13).read();
    // FNWN has 189 pairs, so 200 takes 11 from the next subset
    assertEquals(all.subList(0, 200), reader(SemEvalStsTask.STS13).read(200));
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
    return SemEvalStsReader.readPairs(input, gold, Integer.MAX_VALUE);
  }

  private Path write(String name, String content) throws IOException {
    Path file = tmp.getRoot().toPath().resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
