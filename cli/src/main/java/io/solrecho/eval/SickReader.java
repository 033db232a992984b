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

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the SICK-R evaluation pairs from the full {@code SICK.txt}: a tab-separated file with a
 * header row (CRLF line endings in the distributed copy), of which the columns {@code sentence_A},
 * {@code sentence_B}, {@code relatedness_score} (1..5) and {@code SemEval_set} are used. Only rows
 * whose {@code SemEval_set} is {@code TEST} are returned: that is the SICK-R test set of SentEval
 * and MTEB. Sentences are kept verbatim.
 */
public final class SickReader {
  private static final String TEST_SET = "TEST";

  private final Path file;

  /**
   * @param file the full {@code SICK.txt}
   */
  public SickReader(Path file) {
    this.file = LineReader.requireFile(file, "SICK file");
  }

  /** Every TEST pair, in file order. */
  public List<StsPair> read() throws IOException {
    try (LineReader lines = new LineReader(file)) {
      String headerLine = lines.next();
      if (headerLine == null) {
        throw new MalformedDataException(file, 0, "file is empty, expected a header row");
      }
      List<String> header = Arrays.asList(LineReader.tabFields(headerLine));
      int sentenceA = column(lines, header, "sentence_A");
      int sentenceB = column(lines, header, "sentence_B");
      int score = column(lines, header, "relatedness_score");
      int set = column(lines, header, "SemEval_set");
      return lines.tabRows(
          fields -> {
            if (fields.length != header.size()) {
              throw lines.error(
                  "expected "
                      + header.size()
                      + " tab-separated fields as in the header, found "
                      + fields.length);
            }
            if (!TEST_SET.equals(fields[set].trim())) {
              return null;
            }
            double gold = lines.parseScore(fields[score], "relatedness_score", 1, 5);
            return new StsPair(
                lines.requireText(fields[sentenceA], "sentence_A"),
                lines.requireText(fields[sentenceB], "sentence_B"),
                gold);
          });
    }
  }

  private static int column(LineReader lines, List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw lines.error("header has no column '" + name + "' (columns: " + header + ")");
    }
    return index;
  }
}
