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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one SemEval STS year (2012..2016) from the original task files: per subset, an input file
 * of tab-separated {@code sentence1, sentence2[, source notes]} and a gold file with one score per
 * line, line i of one matching line i of the other. A blank gold line marks a pair that was not
 * scored (STS15 and STS16): the pair is skipped, as SentEval does. MTEB evaluates the pooled pairs
 * of a year ({@link #read()}), as the evaluation does.
 */
public final class SemEvalStsReader {
  private final Path root;
  private final SemEvalStsTask task;

  /**
   * @param root the {@code sts12-16} folder
   * @param task the year to read
   * @throws IllegalArgumentException if an input or gold file of the year is missing
   */
  public SemEvalStsReader(Path root, SemEvalStsTask task) {
    if (root == null || task == null) {
      throw new IllegalArgumentException("root and task must not be null");
    }
    this.root = root;
    this.task = task;
    for (String subset : task.subsets()) {
      LineReader.requireFile(inputFile(subset), task + " input file of subset " + subset);
      LineReader.requireFile(goldFile(subset), task + " gold file of subset " + subset);
    }
  }

  /** Every scored pair of every subset, subsets in {@link SemEvalStsTask#subsets()} order. */
  public List<StsPair> read() throws IOException {
    List<StsPair> pairs = new ArrayList<>();
    for (String subset : task.subsets()) {
      pairs.addAll(readPairs(inputFile(subset), goldFile(subset)));
    }
    return pairs;
  }

  private Path inputFile(String subset) {
    return root.resolve(task.folder()).resolve(task.inputFile(subset));
  }

  private Path goldFile(String subset) {
    return root.resolve(task.folder()).resolve(task.goldFile(subset));
  }

  /** Reads the scored pairs of one input/gold file pair. */
  static List<StsPair> readPairs(Path inputFile, Path goldFile) throws IOException {
    List<StsPair> pairs = new ArrayList<>();
    try (LineReader input = new LineReader(inputFile);
        LineReader gold = new LineReader(goldFile)) {
      while (true) {
        String score = gold.next();
        String sentences = input.next();
        if (score == null && sentences == null) {
          break;
        }
        if (score == null) {
          throw new MalformedDataException(
              goldFile,
              0,
              "gold file ends after "
                  + gold.lineNumber()
                  + " lines but input file "
                  + inputFile
                  + " has more; the files must have one line per pair");
        }
        if (sentences == null) {
          throw new MalformedDataException(
              inputFile,
              0,
              "input file ends after "
                  + input.lineNumber()
                  + " lines but gold file "
                  + goldFile
                  + " has more; the files must have one line per pair");
        }
        if (score.isBlank()) {
          continue; // not part of the official scoring
        }
        double value = gold.parseScore(score, "gold score", 0, 5);
        String[] fields = LineReader.tabFields(sentences);
        if (fields.length < 2) {
          throw input.error(
              "expected tab-separated sentence1 and sentence2, found " + fields.length + " field");
        }
        pairs.add(
            new StsPair(
                input.requireText(fields[0], "sentence1 (field 1)"),
                input.requireText(fields[1], "sentence2 (field 2)"),
                value));
      }
    }
    return pairs;
  }
}
