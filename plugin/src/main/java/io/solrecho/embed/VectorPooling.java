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

import io.solrecho.lm.HiddenStates;

/**
 * Turns the hidden states of a pooled token range into one vector: mean or last, optionally
 * L2-normalised.
 */
final class VectorPooling {
  private final Pooling pooling;
  private final boolean normalize;

  VectorPooling(Pooling pooling, boolean normalize) {
    this.pooling = pooling;
    this.normalize = normalize;
  }

  float[] pool(HiddenStates states, int row, int start, int end) {
    float[] vector;
    if (pooling == Pooling.LAST) {
      vector = states.vector(row, end - 1);
    } else {
      double[] sum = new double[states.hiddenSize()];
      for (int t = start; t < end; t++) {
        states.addTo(row, t, sum);
      }
      vector = new float[sum.length];
      for (int h = 0; h < sum.length; h++) {
        vector[h] = (float) (sum[h] / (end - start));
      }
    }
    return normalize ? unitLength(vector) : vector;
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
