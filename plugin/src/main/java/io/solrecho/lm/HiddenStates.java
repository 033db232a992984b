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

/**
 * Last-layer hidden states (after the final norm) of a {@link TokenBatch}, one vector per padded
 * position, as float32 in a flat row-major {@code [B][T][hidden]} array.
 */
public final class HiddenStates {
  private final float[] values;
  private final int batch;
  private final int length;
  private final int hidden;

  HiddenStates(float[] values, int batch, int length, int hidden) {
    if (values.length != (long) batch * length * hidden) {
      throw new IllegalArgumentException(
          "hidden states: expected "
              + batch
              + "x"
              + length
              + "x"
              + hidden
              + " values, got "
              + values.length);
    }
    this.values = values;
    this.batch = batch;
    this.length = length;
    this.hidden = hidden;
  }

  /** Number of sequences. */
  public int batchSize() {
    return batch;
  }

  /** Padded sequence length. */
  public int length() {
    return length;
  }

  /** Size of each hidden-state vector. */
  public int hiddenSize() {
    return hidden;
  }

  /** A copy of the state of sequence {@code b} at position {@code t}. */
  public float[] vector(int b, int t) {
    float[] out = new float[hidden];
    System.arraycopy(values, offset(b, t), out, 0, hidden);
    return out;
  }

  /**
   * The states of sequence {@code b} at the given positions, {@code [positions.length][hidden]}.
   */
  public float[][] rows(int b, int[] positions) {
    float[][] out = new float[positions.length][];
    for (int i = 0; i < positions.length; i++) {
      out[i] = vector(b, positions[i]);
    }
    return out;
  }

  private int offset(int b, int t) {
    if (b < 0 || b >= batch || t < 0 || t >= length) {
      throw new IndexOutOfBoundsException(
          "position (" + b + ", " + t + ") outside " + batch + "x" + length);
    }
    return (b * length + t) * hidden;
  }
}
