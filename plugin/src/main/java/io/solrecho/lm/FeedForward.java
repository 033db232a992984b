package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/** The MLP block of a decoder layer. */
interface FeedForward {
  NDArray apply(NDArray x);
}
