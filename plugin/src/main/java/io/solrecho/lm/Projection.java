package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/** A linear map {@code y = x W^T + b} with an nn.Linear-layout weight {@code [out, in]} and optional bias. */
final class Projection {
  private final NDArray weight;
  private final NDArray bias;

  Projection(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
  }

  /** Applies the map to the last axis of {@code x}; the result belongs to {@code x}'s manager. */
  NDArray apply(NDArray x) {
    return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
  }
}
