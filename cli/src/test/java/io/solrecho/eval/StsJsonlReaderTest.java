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
import java.util.Arrays;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StsJsonlReaderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void readsMtebsStsFileKeepingFileOrderAndIgnoringOtherKeys() throws IOException {
    // the STS-B sample also carries split, genre, dataset, year and sid, as MTEB's file does
    List<StsPair> pairs = new StsJsonlReader(EvalSamples.hub("stsbenchmark-sts"), 0, 5).read();
    assertEquals(4, pairs.size());
    assertEquals(
        new StsPair(
            "Heavy rain closed the mountain road on Sunday.",
            "The mountain road reopened after repairs.",
            1.6),
        pairs.get(0));
    assertEquals(
        new StsPair(
            "The farmer is feeding the chickens.", "Chickens are being fed by a farmer.", 5),
        pairs.get(3));
  }

  @Test
  public void aGzippedFileReadsAsThePlainOne() throws IOException {
    Path plain = EvalSamples.hub("sickr-sts");
    Path gzipped = tmp.getRoot().toPath().resolve("test.jsonl.gz");
    Files.write(gzipped, EvalSamples.gzip(plain));
    List<StsPair> pairs = new StsJsonlReader(gzipped, 1, 5).read();
    assertEquals(new StsJsonlReader(plain, 1, 5).read(), pairs);
    assertEquals(5, pairs.size());
  }

  @Test
  public void aScoreWrittenAsAStringIsANumberToo() throws IOException {
    Path file = write("{\"sentence1\": \"A.\", \"sentence2\": \"B.\", \"score\": \"3.5\"}\n");
    assertEquals(List.of(new StsPair("A.", "B.", 3.5)), new StsJsonlReader(file, 0, 5).read());
  }

  @Test
  public void aMissingSentenceNamesFileLineAndKey() throws IOException {
    Path file =
        write(
            "{\"sentence1\": \"A.\", \"sentence2\": \"B.\", \"score\": 1}\n\n"
                + "{\"sentence1\": \"C.\", \"score\": 2}\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsJsonlReader(file, 0, 5).read());
    assertEquals(3, e.line());
    assertEquals(file + ":3: missing 'sentence2'", e.getMessage());
  }

  @Test
  public void aScoreOutsideTheSetsRangeIsRejected() throws IOException {
    Path file = write("{\"sentence1\": \"A.\", \"sentence2\": \"B.\", \"score\": 0.5}\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsJsonlReader(file, 1, 5).read());
    assertTrue(
        e.getMessage(),
        e.getMessage().endsWith(":1: score must be between 1.0 and 5.0, got '0.5'"));
  }

  @Test
  public void aScoreThatIsNoNumberIsRejected() throws IOException {
    Path file = write("{\"sentence1\": \"A.\", \"sentence2\": \"B.\", \"score\": [3]}\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsJsonlReader(file, 0, 5).read());
    assertTrue(e.getMessage(), e.getMessage().endsWith(":1: 'score' must be a number, found [3]"));
  }

  @Test
  public void aLineThatIsNotJsonIsNamed() throws IOException {
    Path file = write("sentence1\tsentence2\tscore\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsJsonlReader(file, 0, 5).read());
    assertTrue(e.getMessage(), e.getMessage().startsWith(file + ":1: "));
  }

  @Test
  public void aTruncatedGzipFileIsReportedAsDamaged() throws IOException {
    byte[] whole = EvalSamples.gzip(EvalSamples.hub("sts12-sts"));
    Path file = tmp.getRoot().toPath().resolve("test.jsonl.gz");
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsJsonlReader(file, 0, 5).read());
    assertTrue(e.getMessage(), e.getMessage().contains("damaged or truncated gzip data"));
  }

  @Test
  public void aPlainFileNamedGzIsNotTakenForGzip() throws IOException {
    Path file = tmp.getRoot().toPath().resolve("test.jsonl.gz");
    Files.writeString(file, "{\"sentence1\": \"A.\"}\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new StsJsonlReader(file, 0, 5).read());
    assertEquals(file, e.file());
    assertTrue(e.getMessage(), e.getMessage().contains("not a gzip file"));
  }

  private Path write(String content) throws IOException {
    Path file = tmp.getRoot().toPath().resolve("test.jsonl");
    Files.writeString(file, content);
    return file;
  }
}
