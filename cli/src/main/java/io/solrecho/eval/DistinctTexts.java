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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The distinct texts of an evaluation, in order of first appearance, embedded with a single call to
 * the embedder so that a text used several times is embedded once.
 */
final class DistinctTexts {
  private final Map<String, Integer> positions = new LinkedHashMap<>();

  /** Adds {@code text} unless it is already there. */
  void add(String text) {
    positions.putIfAbsent(text, positions.size());
  }

  /** The texts, in order of first appearance: the order of {@link #embed}'s result. */
  List<String> texts() {
    return List.copyOf(positions.keySet());
  }

  /** The position of {@code text} in {@link #texts()}. */
  int position(String text) {
    return positions.get(text);
  }

  /**
   * Hands {@link #texts()} to {@code embedder} in one call.
   *
   * @return one embedding per text, in the order of {@link #texts()}
   * @throws IllegalStateException if the embedder returns null or not one embedding per text
   */
  float[][] embed(Function<List<String>, float[][]> embedder) {
    List<String> texts = texts();
    float[][] embeddings = embedder.apply(texts);
    if (embeddings == null || embeddings.length != texts.size()) {
      throw new IllegalStateException(
          "embedder returned "
              + (embeddings == null ? "null" : embeddings.length + " embeddings")
              + " for "
              + texts.size()
              + " texts");
    }
    return embeddings;
  }
}
