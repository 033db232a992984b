package io.solrecho.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * {@code x / sqrt(mean(x^2) + eps) * w} over the last axis, computed in float32 as transformers
 * does. Gemma's {@code (1 + w)} form is folded into {@code weight} when it is loaded.
 */
final class RmsNorm implements Norm {
  private static final int[] LAST_AXIS = {-1};
  private final NDArray weight;
  private final float eps;

  RmsNorm(NDArray weight, double eps) {
    this.weight = weight;
    this.eps = (float) eps;
  }

  @Override
  public NDArray apply(NDArray x) {
    DataType type = x.getDataType();
    NDArray wide = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    NDArray rms = wide.square().mean(LAST_AXIS, true).add(eps).sqrt();
    NDArray normed = wide.div(rms);
    return (type == DataType.FLOAT32 ? normed : normed.toType(type, false)).mul(weight);
  }
}
