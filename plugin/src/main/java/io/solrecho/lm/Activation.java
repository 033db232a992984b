package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/** The feed-forward activations found in supported configs ({@code hidden_act} and friends). */
enum Activation {
  /** {@code silu}: x * sigmoid(x). */
  SILU {
    @Override
    NDArray apply(NDArray x) {
      return x.mul(x.getNDArrayInternal().sigmoid());
    }
  },
  /** {@code gelu}: the exact, erf-based GELU. */
  GELU {
    @Override
    NDArray apply(NDArray x) {
      return x.getNDArrayInternal().gelu();
    }
  },
  /** {@code gelu_new} / {@code gelu_pytorch_tanh}: the tanh approximation of GELU. */
  GELU_TANH {
    private final float sqrtTwoOverPi = (float) Math.sqrt(2.0 / Math.PI);

    @Override
    NDArray apply(NDArray x) {
      NDArray inner = x.pow(3).mul(0.044715f).add(x).mul(sqrtTwoOverPi);
      return inner.tanh().add(1f).mul(x).mul(0.5f);
    }
  },
  /** {@code relu}. */
  RELU {
    @Override
    NDArray apply(NDArray x) {
      return x.getNDArrayInternal().relu();
    }
  };

  abstract NDArray apply(NDArray x);

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
