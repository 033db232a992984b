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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Rotary position embedding in transformers' rotate-half layout: dim {@code j} pairs with {@code j
 * + rotaryDim/2}. Only the first {@code rotaryDim} dims of each head rotate (GPT-NeoX's partial
 * rotary); the rest pass through. Applied as {@code x * cos + rotateHalf(x) * sin}: when every dim
 * rotates, {@code rotateHalf} is a flip of the head's two halves with the sign folded into the sin
 * table; with partial rotary it is the product with the fixed signed permutation {@code R} (entries
 * 0 and +-1, so the product is exact) and the cos/sin tables are 1 and 0 on the pass-through dims.
 * Both give the same bits.
 */
final class RotaryEmbedding {
  private final float[] inverseFrequencies;
  private final int rotaryDim;
  private final int headDim;
  private final float[] halfTurn;

  RotaryEmbedding(RopeParameters parameters, int headDim) {
    this.inverseFrequencies = parameters.inverseFrequencies();
    this.rotaryDim = parameters.rotaryDim();
    this.headDim = headDim;
    int half = rotaryDim / 2;
    this.halfTurn = new float[headDim * headDim];
    for (int j = 0; j < half; j++) {
      halfTurn[(j + half) * headDim + j] = -1f;
      halfTurn[j * headDim + j + half] = 1f;
    }
  }

  /**
   * {@code R} {@code [headDim, headDim]} for one call, in {@code type}, or null when every dim
   * rotates (no product needed).
   */
  NDArray halfTurn(NDManager manager, DataType type) {
    if (rotaryDim == headDim) {
      return null;
    }
    return manager.create(halfTurn, new Shape(headDim, headDim)).toType(type, false);
  }

  float[] inverseFrequencies() {
    return inverseFrequencies.clone();
  }

  /**
   * cos and sin of every position's angles, each {@code [B, 1, T, headDim]}; when every dim
   * rotates, the first half of sin is negated (the sign of {@code rotateHalf}).
   */
  NDArray[] angles(NDManager manager, int[][] positions, DataType type) {
    int batch = positions.length;
    int length = positions[0].length;
    int half = rotaryDim / 2;
    float[] cos = new float[batch * length * headDim];
    float[] sin = new float[cos.length];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < length; t++) {
        int base = (b * length + t) * headDim;
        for (int i = 0; i < half; i++) {
          float angle = inverseFrequencies[i] * (float) positions[b][t];
          float c = (float) Math.cos(angle);
          float s = (float) Math.sin(angle);
          cos[base + i] = c;
          cos[base + half + i] = c;
          sin[base + i] = rotaryDim == headDim ? -s : s;
          sin[base + half + i] = s;
        }
        Arrays.fill(cos, base + rotaryDim, base + headDim, 1f);
      }
    }
    Shape shape = new Shape(batch, 1, length, headDim);
    return new NDArray[] {
      manager.create(cos, shape).toType(type, false), manager.create(sin, shape).toType(type, false)
    };
  }

  /**
   * Rotates {@code x} of shape {@code [B, heads, T, headDim]} (a new array); {@code turn}: {@link
   * #halfTurn}.
   */
  NDArray apply(NDArray x, NDArray cos, NDArray sin, NDArray turn) {
    NDArray turned;
    if (turn == null) {
      Shape shape = x.getShape();
      turned =
          x.reshape(shape.get(0), shape.get(1), shape.get(2), 2, headDim / 2)
              .flip(3)
              .reshape(shape);
    } else {
      turned = x.matMul(turn);
    }
    return turned.muli(sin).addi(x.mul(cos));
  }
}
