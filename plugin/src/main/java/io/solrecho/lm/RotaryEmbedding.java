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
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding in transformers' rotate-half layout: dim {@code j} pairs with {@code j
 * + rotaryDim/2}. Only the first {@code rotaryDim} dims of each head rotate (GPT-NeoX's partial
 * rotary); the rest pass through.
 */
final class RotaryEmbedding {
  private final float[] inverseFrequencies;
  private final int rotaryDim;
  private final NDIndex firstHalf;
  private final NDIndex secondHalf;
  private final NDIndex rotated;
  private final NDIndex passThrough;

  RotaryEmbedding(RopeParameters parameters) {
    this.inverseFrequencies = parameters.inverseFrequencies();
    this.rotaryDim = parameters.rotaryDim();
    int half = rotaryDim / 2;
    this.firstHalf = new NDIndex().addAllDim(3).addSliceDim(0, half);
    this.secondHalf = new NDIndex().addAllDim(3).addSliceDim(half, rotaryDim);
    this.rotated = new NDIndex().addAllDim(3).addSliceDim(0, rotaryDim);
    this.passThrough = new NDIndex().addAllDim(3).addSliceDim(rotaryDim, Long.MAX_VALUE);
  }

  float[] inverseFrequencies() {
    return inverseFrequencies.clone();
  }

  /** cos and sin of every position's angles, each {@code [B, 1, T, rotaryDim]}. */
  NDArray[] angles(NDManager manager, int[][] positions, DataType type) {
    int batch = positions.length;
    int length = positions[0].length;
    int half = rotaryDim / 2;
    float[] cos = new float[batch * length * rotaryDim];
    float[] sin = new float[cos.length];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < length; t++) {
        int base = (b * length + t) * rotaryDim;
        for (int i = 0; i < half; i++) {
          float angle = inverseFrequencies[i] * (float) positions[b][t];
          float c = (float) Math.cos(angle);
          float s = (float) Math.sin(angle);
          cos[base + i] = c;
          cos[base + half + i] = c;
          sin[base + i] = s;
          sin[base + half + i] = s;
        }
      }
    }
    Shape shape = new Shape(batch, 1, length, rotaryDim);
    return new NDArray[] {
      manager.create(cos, shape).toType(type, false), manager.create(sin, shape).toType(type, false)
    };
  }

  /** Rotates {@code x} of shape {@code [B, heads, T, headDim]}. */
  NDArray apply(NDArray x, NDArray cos, NDArray sin) {
    if (x.getShape().get(3) == rotaryDim) {
      return rotate(x, cos, sin);
    }
    return rotate(x.get(rotated), cos, sin).concat(x.get(passThrough), 3);
  }

  private NDArray rotate(NDArray x, NDArray cos, NDArray sin) {
    NDArray halfTurned = x.get(secondHalf).neg().concat(x.get(firstHalf), 3);
    return x.mul(cos).add(halfTurned.mul(sin));
  }
}
