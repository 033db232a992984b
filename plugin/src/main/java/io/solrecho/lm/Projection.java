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
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;
import java.util.Arrays;

/**
 * A linear map {@code y = x W^T + b} with an nn.Linear-layout weight {@code [out, in]} and optional
 * bias.
 */
final class Projection {
  private final NDArray weight;
  private final NDArray bias;

  Projection(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
  }

  /** Applies the map to the last axis of {@code x}; the result belongs to {@code x}'s manager. */
  NDArray apply(NDArray x) {
    return Linear.linear(x, weight, bias).singletonOrThrow();
  }

  /**
   * This map with its first {@code rows} outputs multiplied by {@code factor} (weight rows and bias
   * entries), in new arrays of the weight's scope; this one's arrays are freed (they may be views
   * of the checkpoint file, so they are not changed in place).
   */
  Projection scalingOutputs(long rows, float factor) {
    long outputs = weight.getShape().get(0);
    float[] factors = new float[Math.toIntExact(outputs)];
    Arrays.fill(factors, 0, Math.toIntExact(rows), factor);
    Arrays.fill(factors, Math.toIntExact(rows), factors.length, 1f);
    try (NDManager scope = weight.getManager().newSubManager()) {
      NDArray column = scope.create(factors).toType(weight.getDataType(), false);
      Projection scaled =
          new Projection(
              weight.mul(column.reshape(outputs, 1)), bias == null ? null : bias.mul(column));
      weight.close();
      if (bias != null) {
        bias.close();
      }
      return scaled;
    }
  }

  /**
   * The map onto output features {@code [from, to)} alone: views of this one's weight rows and
   * bias, no copy, owned by {@code scope} (so that they go with it).
   */
  Projection outputs(long from, long to, NDManager scope) {
    NDIndex rows = new NDIndex().addSliceDim(from, to);
    return new Projection(view(weight, rows, scope), bias == null ? null : view(bias, rows, scope));
  }

  private static NDArray view(NDArray array, NDIndex rows, NDManager scope) {
    NDArray view = array.get(rows);
    view.attach(scope);
    return view;
  }
}
