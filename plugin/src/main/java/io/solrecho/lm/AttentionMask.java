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
package io.solrecho.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds the additive float32 attention mask: causal (optionally a sliding window of keys) plus
 * padding. Each of the two parts adds half of float32's most negative value, so a key hidden by
 * both still gets a finite score and fully masked rows (padding queries) never produce NaN.
 */
final class AttentionMask {
  static final float HIDDEN = -Float.MAX_VALUE / 2;

  private AttentionMask() {}

  /**
   * The mask for every position as a query, {@code [B, 1, T, past + T]}: the keys are {@code past}
   * positions of a shared prefix (all real) then the batch's own.
   *
   * @param attentionMask 1 for real tokens, {@code [B][T]}
   * @param window keys a query may see, itself included; 0 for no window
   */
  static NDArray build(NDManager manager, int[][] attentionMask, int past, int window) {
    int length = attentionMask[0].length;
    int keys = past + length;
    float[] causal = new float[length * keys];
    for (int i = 0; i < length; i++) {
      causalRow(causal, i * keys, past + i, keys, window);
    }
    return manager
        .create(causal, new Shape(1, 1, length, keys))
        .add(padding(manager, attentionMask, past));
  }

  /**
   * The mask for the query positions {@code queryColumns[b]} of each row alone, {@code [B, 1, S,
   * past + T]}.
   */
  static NDArray build(
      NDManager manager, int[][] attentionMask, int[][] queryColumns, int past, int window) {
    int batch = attentionMask.length;
    int keys = past + attentionMask[0].length;
    int queries = queryColumns[0].length;
    float[] causal = new float[batch * queries * keys];
    for (int b = 0; b < batch; b++) {
      for (int s = 0; s < queries; s++) {
        causalRow(causal, (b * queries + s) * keys, past + queryColumns[b][s], keys, window);
      }
    }
    return manager
        .create(causal, new Shape(batch, 1, queries, keys))
        .add(padding(manager, attentionMask, past));
  }

  private static void causalRow(float[] mask, int offset, int query, int keys, int window) {
    for (int j = 0; j < keys; j++) {
      boolean visible = j <= query && (window <= 0 || query - j < window);
      mask[offset + j] = visible ? 0f : HIDDEN;
    }
  }

  private static NDArray padding(NDManager manager, int[][] attentionMask, int past) {
    int batch = attentionMask.length;
    int keys = past + attentionMask[0].length;
    float[] padding = new float[batch * keys];
    for (int b = 0; b < batch; b++) {
      for (int j = 0; j < attentionMask[b].length; j++) {
        padding[b * keys + past + j] = attentionMask[b][j] != 0 ? 0f : HIDDEN;
      }
    }
    return manager.create(padding, new Shape(batch, 1, 1, keys));
  }
}
