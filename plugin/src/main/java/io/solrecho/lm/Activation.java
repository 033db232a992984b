package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/** The feed-forward activations found in supported configs ({@code hidden_act} and friends). */
enum Activation {
  /** {@code silu}: x * sigmoid(x). */
  SILU(2) {
    @Override
    NDArray apply(NDArray x) {
      return x.mul(x.getNDArrayInternal().sigmoid());
    }
  },
  /** {@code gelu}: the exact, erf-based GELU. */
  GELU(1) {
    @Override
    NDArray apply(NDArray x) {
      return x.getNDArrayInternal().gelu();
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
      return x.getNDArrayInternal().relu();
    }
  };

  private final int intermediates;

  Activation(int intermediates) {
    this.intermediates = intermediates;
  }

  abstract NDArray apply(NDArray x);

  /** Arrays of the input's shape one {@link #apply} allocates, its result included (for memory estimates). */
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
        throw new IllegalArgumentException("config.json: unsupported activation \"" + name
            + "\"; supported: silu, gelu, gelu_new, gelu_pytorch_tanh, relu");
    }
  }
}
