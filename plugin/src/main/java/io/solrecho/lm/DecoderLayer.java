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

/**
 * One pre-norm decoder layer: {@code h = x + attn(norm1(x)); out = h + mlp(norm2(h))}, or with a
 * parallel residual (GPT-NeoX) {@code out = x + attn(norm1(x)) + mlp(norm2(x))}. The sums are taken
 * in place in the blocks' fresh outputs.
 */
final class DecoderLayer {
  private final Norm attentionNorm;
  private final Attention attention;
  private final Norm feedForwardNorm;
  private final FeedForward feedForward;
  private final boolean parallelResidual;

  DecoderLayer(
      Norm attentionNorm,
      Attention attention,
      Norm feedForwardNorm,
      FeedForward feedForward,
      boolean parallelResidual) {
    this.attentionNorm = attentionNorm;
    this.attention = attention;
    this.feedForwardNorm = feedForwardNorm;
    this.feedForward = feedForward;
    this.parallelResidual = parallelResidual;
  }

  /**
   * {@code x}: {@code [B, T, hidden]}, {@code index}: the layer's place in the stack; returns the
   * layer's output at the context's query positions (all of them, or the selected ones: keys and
   * values still come from every position).
   */
  NDArray apply(NDArray x, ForwardContext context, int index) {
    NDArray attended = attention.apply(attentionNorm.apply(x), context, index);
    NDArray residual = context.queries(x);
    if (parallelResidual) {
      return feedForward.apply(feedForwardNorm.apply(residual)).addi(attended).addi(residual);
    }
    NDArray h = attended.addi(residual);
    return feedForward.apply(feedForwardNorm.apply(h)).addi(h);
  }
}
