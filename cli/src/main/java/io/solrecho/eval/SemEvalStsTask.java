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

import java.util.List;
import java.util.Locale;

/**
 * The SemEval STS English test sets of 2012 to 2016, as laid out under {@code sts12-16/}
 * (SentEval's download script): for each year, the folder holding the original task files and the
 * subsets that SentEval and MTEB evaluate. STS13's SMT subset is absent (its input was not
 * redistributed) and STS12's {@code STS.gs.ALL.txt} is a concatenation, not a subset.
 */
public enum SemEvalStsTask {
  STS12(
      "STS12-en-test/test-gold",
      "STS.input.%s.txt",
      "STS.gs.%s.txt",
      List.of("MSRpar", "MSRvid", "SMTeuroparl", "surprise.OnWN", "surprise.SMTnews")),
  STS13(
      "STS13-en-test/test-gs",
      "STS.input.%s.txt",
      "STS.gs.%s.txt",
      List.of("FNWN", "headlines", "OnWN")),
  STS14(
      "STS14-en-test/sts-en-test-gs-2014",
      "STS.input.%s.txt",
      "STS.gs.%s.txt",
      List.of("deft-forum", "deft-news", "headlines", "images", "OnWN", "tweet-news")),
  STS15(
      "STS15-en-test/test_evaluation_task2a",
      "STS.input.%s.txt",
      "STS.gs.%s.txt",
      List.of("answers-forums", "answers-students", "belief", "headlines", "images")),
  STS16(
      "STS16-en-test/sts2016-english-with-gs-v1.0",
      "STS2016.input.%s.txt",
      "STS2016.gs.%s.txt",
      List.of("answer-answer", "headlines", "plagiarism", "postediting", "question-question"));

  private final String folder;
  private final String inputPattern;
  private final String goldPattern;
  private final List<String> subsets;

  SemEvalStsTask(String folder, String inputPattern, String goldPattern, List<String> subsets) {
    this.folder = folder;
    this.inputPattern = inputPattern;
    this.goldPattern = goldPattern;
    this.subsets = subsets;
  }

  /** The folder of the original input and gold files, relative to the {@code sts12-16} root. */
  public String folder() {
    return folder;
  }

  /** The subset names, in the order they are read. */
  public List<String> subsets() {
    return subsets;
  }

  /** The input file name of a subset: tab-separated sentence1, sentence2[, source notes]. */
  public String inputFile(String subset) {
    return String.format(Locale.ROOT, inputPattern, subset);
  }

  /** The gold file name of a subset: one score per line, blank where the pair was not scored. */
  public String goldFile(String subset) {
    return String.format(Locale.ROOT, goldPattern, subset);
  }
}
