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
import ai.djl.ndarray.index.NDIndex;

/**
 * {@code down(act(gate(x)) * up(x))} with gate and up fused into one projection {@code [gate; up]}.
 */
final class GatedFeedForward implements FeedForward {
  private final Projection gateUp;
  private final Projection down;
  private final Activation activation;
  private final NDIndex gateColumns;
  private final NDIndex upColumns;

  GatedFeedForward(
      Projection gateUp, Projection down, Activation activation, int intermediateSize) {
    this.gateUp = gateUp;
    this.down = down;
    this.activation = activation;
    this.gateColumns = new NDIndex().addAllDim(2).addSliceDim(0, intermediateSize);
    this.upColumns =
        new NDIndex().addAllDim(2).addSliceDim(intermediateSize, 2L * intermediateSize);
  }

  @Override
  public NDArray apply(NDArray x) {
    NDArray fused = gateUp.apply(x);
    return down.apply(activation.apply(fused.get(gateColumns)).mul(fused.get(upColumns)));
  }
}
