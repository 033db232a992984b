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

public class SickReaderTest {
  private static final String HEADER =
      "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tSemEval_set\r\n";

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static Path sick() {
    return EvalSamples.data().resolve("sick/SICK.txt");
  }

  @Test
  public void theTestRowsOfTheFullFileAreTheTestSet() throws IOException {
    // the sample has 14 rows: 5 TRAIN, 2 TRIAL, 7 TEST, with SICK's twelve columns and CRLF
    List<StsPair> pairs = new SickReader(sick()).read();
    assertEquals(7, pairs.size());
    assertEquals(
        new StsPair(
            "How do I reset a forgotten password?", "What can I do if I forgot my password?", 4.2),
        pairs.get(0));
    assertEquals(
        new StsPair(
            "The school cancelled classes because of snow.",
            "Snow forced the school to close for the day.",
            4.4),
        pairs.get(6));
  }

  @Test
  public void relatednessStaysWithinOneToFive() throws IOException {
    for (StsPair pair : new SickReader(sick()).read()) {
      assertTrue(pair.toString(), pair.gold() >= 1 && pair.gold() <= 5);
    }
  }

  @Test
  public void onlyTestRowsAreReadAndCrLfIsHandled() throws IOException {
    Path file =
        write(
            HEADER
                + "1\tA.\tB.\t4.5\tTRAIN\r\n"
                + "2\tC.\tD.\t2\tTEST\r\n"
                + "3\tE.\tF.\t1.5\tTRIAL");
    assertEquals(List.of(new StsPair("C.", "D.", 2)), new SickReader(file).read());
  }

  @Test
  public void missingColumnIsNamed() throws IOException {
    Path file = write("pair_ID\tsentence_A\tsentence_B\tSemEval_set\n1\tA.\tB.\tTEST\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new SickReader(file).read());
    assertTrue(
        e.getMessage(),
        e.getMessage().startsWith(file + ":1: header has no column 'relatedness_score'"));
  }

  @Test
  public void rowWithWrongFieldCountNamesLine() throws IOException {
    Path file = write(HEADER + "1\tA.\tB.\t4.5\tTEST\r\n" + "2\tC.\t2\tTEST\r\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new SickReader(file).read());
    assertEquals(3, e.line());
    assertTrue(
        e.getMessage(),
        e.getMessage().contains("expected 5 tab-separated fields as in the header, found 4"));
  }

  private Path write(String content) throws IOException {
    Path file = tmp.newFile("SICK.txt").toPath();
    Files.writeString(file, content);
    return file;
  }
}
