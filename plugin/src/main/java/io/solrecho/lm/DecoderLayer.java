package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/**
 * One pre-norm decoder layer: {@code h = x + attn(norm1(x)); out = h + mlp(norm2(h))}, or with a
 * parallel residual (GPT-NeoX) {@code out = x + attn(norm1(x)) + mlp(norm2(x))}.
 */
final class DecoderLayer {
  private final Norm attentionNorm;
  private final Attention attention;
  private final Norm feedForwardNorm;
  private final FeedForward feedForward;
  private final boolean parallelResidual;

  DecoderLayer(Norm attentionNorm, Attention attention, Norm feedForwardNorm, FeedForward feedForward,
      boolean parallelResidual) {
    this.attentionNorm = attentionNorm;
    this.attention = attention;
    this.feedForwardNorm = feedForwardNorm;
    this.feedForward = feedForward;
    this.parallelResidual = parallelResidual;
  }

  NDArray apply(NDArray x, ForwardContext context) {
    NDArray attended = attention.apply(attentionNorm.apply(x), context);
    if (parallelResidual) {
      return feedForward.apply(feedForwardNorm.apply(x)).add(attended).add(x);
    }
    NDArray h = x.add(attended);
    return h.add(feedForward.apply(feedForwardNorm.apply(h)));
  }
}
