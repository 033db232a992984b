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

import static ai.djl.nn.Activation.gelu;
import static ai.djl.nn.Activation.relu;
import static ai.djl.nn.Activation.sigmoid;

import ai.djl.ndarray.NDArray;

/** The feed-forward activations found in supported configs ({@code hidden_act} and friends). */
enum Activation {
  /** {@code silu}: x * sigmoid(x). */
  SILU(1) {
    @Override
    NDArray apply(NDArray x) {
      return sigmoid(x).muli(x);
    }
  },
  /** {@code gelu}: the exact, erf-based GELU. */
  GELU(1) {
    @Override
    NDArray apply(NDArray x) {
      return gelu(x);
    }
  },
  /** {@code gelu_new} / {@code gelu_pytorch_tanh}: the tanh approximation of GELU. */
  GELU_TANH(8) {
    private final float sqrtTwoOverPi = (float) Math.sqrt(2.0 / Math.PI);

    @Override
    NDArray apply(NDArray x) {
      NDArray inner = x.pow(3).mul(0.044715f).add(x).mul(sqrtTwoOverPi);
      return inner.tanh().add(1f).mul(x).mul(0.5f);
    }
  },
  /** {@code relu}. */
  RELU(1) {
    @Override
    NDArray apply(NDArray x) {
      return relu(x);
    }
  };

  private final int intermediates;

  Activation(int intermediates) {
    this.intermediates = intermediates;
  }

  /** The activation of {@code x}, a new array that the caller may overwrite. */
  abstract NDArray apply(NDArray x);

  /**
   * Arrays of the input's shape one {@link #apply} allocates, its result included (for memory
   * estimates).
   */
  int intermediates() {
    return intermediates;
  }

  static Activation fromConfig(String name) {
    switch (name) {
      case "silu":
      case "swish":
        return SILU;
      case "gelu":
        return GELU;
      case "gelu_new":
      case "gelu_pytorch_tanh":
        return GELU_TANH;
      case "relu":
        return RELU;
      default:
        throw new IllegalArgumentException(
            "config.json: unsupported activation \""
                + name
                + "\"; supported: silu, gelu, gelu_new, gelu_pytorch_tanh, relu");
    }
  }
}
