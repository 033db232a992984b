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
package io.solrecho.embed;

/**
 * Which positions of a prompt are pooled, mean or last, and the optional L2 normalisation of the
 * pooled vector. The average itself runs on the device ({@code CausalLanguageModel#meanStates}).
 */
final class VectorPooling {
  private final Pooling pooling;
  private final boolean normalize;

  VectorPooling(Pooling pooling, boolean normalize) {
    this.pooling = pooling;
    this.normalize = normalize;
  }

  /**
   * First pooled position of {@code prompt}: its last pooled token alone for {@link Pooling#LAST}.
   */
  int start(EncodedPrompt prompt) {
    return pooling == Pooling.LAST ? prompt.pooledEnd() - 1 : prompt.pooledStart();
  }

  /** Position just after the last pooled one. */
  int end(EncodedPrompt prompt) {
    return prompt.pooledEnd();
  }

  /** The vector of a pooled average: itself, or scaled to unit length. */
  float[] finish(float[] mean) {
    return normalize ? unitLength(mean) : mean;
  }

  private static float[] unitLength(float[] vector) {
    double squares = 0;
    for (float v : vector) {
      squares += (double) v * v;
    }
    double norm = Math.sqrt(squares);
    if (norm == 0 || !Double.isFinite(norm)) {
      throw new IllegalStateException(
          "the pooled vector has norm " + norm + " and cannot be normalised");
    }
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) (vector[i] / norm);
    }
    return vector;
  }
}
