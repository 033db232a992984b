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
import java.util.List;

/**
 * Reads an STS Benchmark file ({@code sts-train.csv}, {@code sts-dev.csv}, {@code sts-test.csv}):
 * one pair per line, tab-separated {@code genre, file, year, id, score, sentence1, sentence2}, some
 * lines followed by source-note columns that are ignored. Despite the {@code .csv} name the fields
 * are split on tabs only: double quotes are ordinary text, not CSV quoting (a CSV parser silently
 * merges lines at the unbalanced quotes). Blank lines are skipped; sentences are kept verbatim,
 * including any trailing spaces. Gold scores must lie in [0, 5].
 */
public final class StsBenchmarkReader {
  private static final int FIELDS = 7;
  private static final int SCORE = 4;
  private static final int SENTENCE1 = 5;
  private static final int SENTENCE2 = 6;

  private final Path file;

  /**
   * @param file an STS Benchmark split, e.g. {@code stsbenchmark/sts-test.csv}
   */
  public StsBenchmarkReader(Path file) {
    this.file = LineReader.requireFile(file, "STS Benchmark file");
  }

  /** Every pair of the file, in file order. */
  public List<StsPair> read() throws IOException {
    try (LineReader lines = new LineReader(file)) {
      return lines.tabRows(fields -> pair(lines, fields));
    }
  }

  private static StsPair pair(LineReader lines, String[] fields) {
    if (fields.length < FIELDS) {
      throw lines.error(
          "expected at least "
              + FIELDS
              + " tab-separated fields (genre, file, year, id, score, sentence1, sentence2), found "
              + fields.length);
    }
    double gold = lines.parseScore(fields[SCORE], "score (field 5)", 0, 5);
    return new StsPair(
        lines.requireText(fields[SENTENCE1], "sentence1 (field 6)"),
        lines.requireText(fields[SENTENCE2], "sentence2 (field 7)"),
        gold);
  }
}
