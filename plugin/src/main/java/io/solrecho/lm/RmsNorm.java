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

  /**
   * This norm followed by a multiplication by {@code factor}, with the factor in a new weight; this
   * one's weight is freed (it may be a view of the checkpoint file, so it is not changed in place).
   */
  RmsNorm scaled(float factor) {
    RmsNorm scaled = new RmsNorm(weight.mul(factor), eps);
    weight.close();
    return scaled;
  }

  @Override
  public NDArray apply(NDArray x) {
    DataType type = x.getDataType();
    NDArray wide = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    NDArray rms = wide.square().mean(LAST_AXIS, true).add(eps).sqrt();
    NDArray normed = wide.div(rms);
    return (type == DataType.FLOAT32 ? normed : normed.toType(type, false)).muli(weight);
  }
}
