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

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data sets in a local folder ({@code --data DIR}), read in place in their original formats:
 * {@code stsbenchmark/sts-test.csv} ({@link StsBenchmarkReader}), {@code sick/SICK.txt} ({@link
 * SickReader}, SemEval_set TEST as SentEval), {@code sts12-16/} ({@link SemEvalStsReader}) and BEIR
 * folders ({@link BeirReader}).
 */
final class LocalEvalData implements EvalData {
  private static final String HOW =
      "; pass --data DIR, the folder holding stsbenchmark/, sick/, sts12-16/ and scifact-beir/ as"
          + " described in the README, leave --data out to download the data sets, or leave this one"
          + " out of --datasets";

  private final Path folder;

  LocalEvalData(Path folder) {
    this.folder = folder;
  }

  @Override
  public StsSource sts(StsDataset dataset) {
    Path location = require(dataset.title(), dataset.location(), "");
    return switch (dataset) {
      case STSB -> new StsSource(dataset.location(), new StsBenchmarkReader(location)::read);
      case SICK ->
          new StsSource(
              dataset.location() + ", SemEval_set TEST (as SentEval)",
              new SickReader(location)::read);
      default -> {
        SemEvalStsTask task = SemEvalStsTask.valueOf(dataset.name());
        yield new StsSource(
            dataset.location() + "/" + task.folder(), new SemEvalStsReader(location, task)::read);
      }
    };
  }

  @Override
  public BeirReader beir(BeirSource source) {
    String qrels = "qrels/" + source.split() + ".tsv";
    Path dir =
        require(
            source.title(),
            source.folder(),
            " (expected corpus.jsonl, queries.jsonl, " + qrels + ")",
            "corpus.jsonl",
            "queries.jsonl",
            qrels);
    return new BeirReader(dir);
  }

  @Override
  public String description() {
    return folder.toAbsolutePath().normalize() + " (--data)";
  }

  /**
   * The path of {@code location} under the folder, which must exist with each of {@code files}
   * inside it.
   */
  private Path require(String title, String location, String expected, String... files) {
    Path path = folder.resolve(location);
    boolean complete = Files.exists(path);
    for (String file : files) {
      complete &= Files.isRegularFile(path.resolve(file));
    }
    if (!complete) {
      throw new IllegalArgumentException(
          "--data: " + title + " not found at " + path.toAbsolutePath() + expected + HOW);
    }
    return path;
  }
}
