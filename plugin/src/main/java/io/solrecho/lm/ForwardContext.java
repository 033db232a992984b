package io.solrecho.lm;

import ai.djl.ndarray.NDArray;

/**
 * What every layer of one forward call shares: the additive attention mask {@code [B,1,T,T]}
 * (float32) and, for rotary models, the cos/sin tables {@code [B,1,T,rotaryDim]}.
 */
record ForwardContext(NDArray mask, NDArray cos, NDArray sin) {}
