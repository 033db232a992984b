package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/** A normalisation over the last axis: RMSNorm or LayerNorm. */
interface Norm {
  NDArray apply(NDArray x);
}
