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
import java.util.List;

/**
 * One STS test set, found and ready to read: where its pairs come from (for the report) and how to
 * read them.
 *
 * @param origin the file or folder and the pairs taken from it, e.g. {@code sick/SICK.txt,
 *     SemEval_set TEST}
 * @param reader reads every pair of the set
 */
public record StsSource(String origin, PairReader reader) {
  /** Reads the pairs of a test set. */
  @FunctionalInterface
  public interface PairReader {
    List<StsPair> read() throws IOException;
  }

  /** Every pair of the set, in file order. */
  public List<StsPair> read() throws IOException {
    return reader.read();
  }
}
