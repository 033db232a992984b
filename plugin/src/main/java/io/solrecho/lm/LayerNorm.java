package io.solrecho.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** LayerNorm over the last axis with weight and bias (GPT-2, GPT-NeoX). */
final class LayerNorm implements Norm {
  private final NDArray weight;
  private final NDArray bias;
  private final float eps;

  LayerNorm(NDArray weight, NDArray bias, double eps) {
    this.weight = weight;
    this.bias = bias;
    this.eps = (float) eps;
  }

  @Override
  public NDArray apply(NDArray x) {
    Shape normalized = new Shape(weight.getShape().get(0));
    return x.getNDArrayInternal().layerNorm(x, normalized, weight, bias, eps).singletonOrThrow();
  }
}
