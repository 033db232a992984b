package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/** {@code proj(act(fc(x)))}: the GPT-2 / GPT-NeoX MLP. */
final class PlainFeedForward implements FeedForward {
  private final Projection up;
  private final Projection down;
  private final Activation activation;

  PlainFeedForward(Projection up, Projection down, Activation activation) {
    this.up = up;
    this.down = down;
    this.activation = activation;
  }

  @Override
  public NDArray apply(NDArray x) {
    return down.apply(activation.apply(up.apply(x)));
  }
}
