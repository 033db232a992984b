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

/**
 * One semantic textual similarity example: two sentences and the human similarity judgment (0..5
 * for STS, 1..5 for SICK relatedness). Sentences are kept exactly as in the source file.
 */
public record StsPair(String sentence1, String sentence2, double gold) {
  public StsPair {
    if (sentence1 == null || sentence2 == null) {
      throw new IllegalArgumentException("STS pair sentences must not be null");
    }
    if (!Double.isFinite(gold)) {
      throw new IllegalArgumentException("STS pair gold score must be finite, got " + gold);
    }
  }
}
