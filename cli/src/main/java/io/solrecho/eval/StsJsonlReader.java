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
 * Reads an STS test set in MTEB's format, as its repositories on the Hugging Face hub hold it
 * ({@code test.jsonl.gz}): one JSON object per line with {@code sentence1}, {@code sentence2} and
 * the gold {@code score} (a number, or a string holding one), other keys ignored. Sentences are
 * kept verbatim; scores must lie in the data set's range.
 */
public final class StsJsonlReader {
  private final Path file;
  private final double minScore;
  private final double maxScore;

  /**
   * @param file the JSON-lines file, gzipped when its name ends in {@code .gz}
   * @param minScore the lowest gold score the data set uses (0 for STS-B and SemEval, 1 for SICK)
   * @param maxScore the highest (5)
   */
  public StsJsonlReader(Path file, double minScore, double maxScore) {
    this.file = LineReader.requireFile(file, "STS file");
    this.minScore = minScore;
    this.maxScore = maxScore;
  }

  /** Every pair of the file, in file order. */
  public List<StsPair> read() throws IOException {
    return JsonLines.read(
        file,
        (lines, json) -> {
          String sentence1 = JsonLines.requiredString(lines, json, "sentence1");
          String sentence2 = JsonLines.requiredString(lines, json, "sentence2");
          double gold =
              lines.parseScore(
                  JsonLines.requiredNumber(lines, json, "score"), "score", minScore, maxScore);
          return new StsPair(
              lines.requireText(sentence1, "sentence1"),
              lines.requireText(sentence2, "sentence2"),
              gold);
        });
  }
}
