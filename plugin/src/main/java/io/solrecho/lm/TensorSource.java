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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * Hands checkpoint tensors to a {@link CheckpointLayout} as arrays of the compute type on the
 * model's device, and offers the few reshaping steps layouts need (fusing, transposing). Temporary
 * arrays are closed as soon as they are fused so no weight is held twice.
 */
final class TensorSource {
  private final ModelWeights weights;
  private final NDManager manager;
  private final DataType type;
  private final ModelConfig config;
  private final String basePrefix;

  TensorSource(
      ModelWeights weights,
      NDManager manager,
      DataType type,
      ModelConfig config,
      String basePrefix) {
    this.weights = weights;
    this.manager = manager;
    this.type = type;
    this.config = config;
    this.basePrefix = basePrefix;
  }

  ModelConfig config() {
    return config;
  }

  /**
   * Tensor {@code name} with the given shape; names under the base model prefix also match without
   * it.
   */
  NDArray load(String name, long... shape) {
    try {
      return weights.load(manager, resolve(name), type, shape);
    } catch (IOException e) {
      throw new UncheckedIOException("reading tensor '" + name + "': " + e.getMessage(), e);
    }
  }

  boolean contains(String name) {
    return weights.contains(resolve(name));
  }

  /** Checks that tensor {@code name} has the given shape, without reading it. */
  void checkShape(String name, long... shape) {
    weights.check(resolve(name), shape);
  }

  private String resolve(String name) {
    if (weights.contains(name) || !name.startsWith(basePrefix)) {
      return name;
    }
    String bare = name.substring(basePrefix.length());
    return weights.contains(bare) ? bare : name;
  }

  /** Stacks matrices (or vectors) along their first axis and frees the parts. */
  NDArray concatRows(NDArray... parts) {
    if (parts.length == 1) {
      return parts[0];
    }
    if (parts[0] == null) {
      return null;
    }
    NDList list = new NDList(parts);
    NDArray joined = NDArrays.concat(list, 0);
    list.close();
    return joined;
  }

  /**
   * A contiguous transpose of a Conv1D {@code [in, out]} weight into nn.Linear's {@code [out, in]}.
   */
  NDArray transposed(NDArray weight) {
    long rows = weight.getShape().get(1);
    long columns = weight.getShape().get(0);
    return replace(weight, w -> w.transpose().reshape(-1).reshape(rows, columns));
  }

  /**
   * Applies {@code f} to {@code input} in a scope of its own: the input and every intermediate
   * array (a view would keep the input's storage alive) are freed, only the result stays.
   */
  NDArray replace(NDArray input, UnaryOperator<NDArray> f) {
    try (NDManager scope = manager.newSubManager()) {
      input.attach(scope);
      NDArray result = f.apply(input);
      result.attach(manager);
      return result;
    }
  }

  RmsNorm rmsNorm(String name, long size, boolean oneCentred) {
    NDArray weight = load(name, size);
    if (oneCentred) {
      weight = replace(weight, w -> w.add(1f));
    }
    return new RmsNorm(weight, config.normEps());
  }

  Norm layerNorm(String prefix, long size) {
    return new LayerNorm(
        load(prefix + ".weight", size), load(prefix + ".bias", size), config.normEps());
  }
}
