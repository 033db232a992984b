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

import static ai.djl.nn.norm.LayerNorm.layerNorm;

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
    return layerNorm(x, normalized, weight, bias, eps).singletonOrThrow();
  }
}
