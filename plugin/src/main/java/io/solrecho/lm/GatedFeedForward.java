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
import ai.djl.ndarray.NDList;

/**
 * {@code down(act(gate(x)) * up(x))} with gate and up fused into one projection {@code [gate; up]}.
 */
final class GatedFeedForward implements FeedForward {
  private final Projection gateUp;
  private final Projection down;
  private final Activation activation;
  private final long[] upStart;

  GatedFeedForward(
      Projection gateUp, Projection down, Activation activation, int intermediateSize) {
    this.gateUp = gateUp;
    this.down = down;
    this.activation = activation;
    this.upStart = new long[] {intermediateSize};
  }

  @Override
  public NDArray apply(NDArray x) {
    NDArray fused = gateUp.apply(x);
    NDList gateAndUp = fused.split(upStart, fused.getShape().dimension() - 1);
    return down.apply(activation.apply(gateAndUp.get(0)).muli(gateAndUp.get(1)));
  }
}
