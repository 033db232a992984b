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
import ai.djl.ndarray.types.DataType;

/**
 * Multi-head causal self-attention with grouped-query heads, one fused {@code [q; k; v]} projection
 * (checkpoint layouts fuse or reorder their tensors into it at load), optional per-head q/k RMSNorm
 * (Qwen3) and optional rotary embedding. Scores and softmax run in float32.
 */
final class Attention {
  private final Projection qkv;
  private final Projection queryOnly;
  private final Projection keysAndValuesOnly;
  private final Projection out;
  private final Norm queryNorm;
  private final Norm keyNorm;
  private final RotaryEmbedding rotary;
  private final int heads;
  private final int kvHeads;
  private final int headDim;
  private final float scale;
  private final NDIndex queryColumns;
  private final NDIndex keyColumns;
  private final NDIndex valueColumns;
  private final NDIndex keyOnlyColumns;
  private final NDIndex valueOnlyColumns;

  Attention(
      Projection qkv,
      Projection out,
      Norm queryNorm,
      Norm keyNorm,
      RotaryEmbedding rotary,
      int heads,
      int kvHeads,
      int headDim) {
    this.qkv = qkv;
    this.out = out;
    this.queryNorm = queryNorm;
    this.keyNorm = keyNorm;
    this.rotary = rotary;
    this.heads = heads;
    this.kvHeads = kvHeads;
    this.headDim = headDim;
    this.scale = (float) (1.0 / Math.sqrt(headDim));
    int q = heads * headDim;
    int kv = kvHeads * headDim;
    this.queryOnly = qkv.outputs(0, q);
    this.keysAndValuesOnly = qkv.outputs(q, q + 2L * kv);
    this.queryColumns = new NDIndex().addAllDim(2).addSliceDim(0, q);
    this.keyColumns = new NDIndex().addAllDim(2).addSliceDim(q, q + kv);
    this.valueColumns = new NDIndex().addAllDim(2).addSliceDim(q + kv, q + 2L * kv);
    this.keyOnlyColumns = new NDIndex().addAllDim(2).addSliceDim(0, kv);
    this.valueOnlyColumns = new NDIndex().addAllDim(2).addSliceDim(kv, 2L * kv);
  }

  /**
   * {@code x}: {@code [B, T, hidden]}, every position a key (after the context's shared prefix);
   * returns the attention output of the context's query positions, {@code [B, T or S, hidden]}.
   */
  NDArray apply(NDArray x, ForwardContext context, int layer) {
    long batch = x.getShape().get(0);
    long length = x.getShape().get(1);
    NDArray query;
    NDArray key;
    NDArray value;
    if (context.selectsQueries()) {
      query = queryOnly.apply(context.queries(x));
      NDArray keysAndValues = keysAndValuesOnly.apply(x);
      key = keysAndValues.get(keyOnlyColumns);
      value = keysAndValues.get(valueOnlyColumns);
    } else {
      NDArray fused = qkv.apply(x);
      query = fused.get(queryColumns);
      key = fused.get(keyColumns);
      value = fused.get(valueColumns);
    }
    long queries = query.getShape().get(1);
    int groups = heads / kvHeads;
    query = query.reshape(batch, queries, heads, headDim);
    key = key.reshape(batch, length, kvHeads, headDim);
    value = value.reshape(batch, length, kvHeads, headDim).transpose(0, 2, 1, 3);
    if (queryNorm != null) {
      query = queryNorm.apply(query);
      key = keyNorm.apply(key);
    }
    query = query.transpose(0, 2, 1, 3);
    key = key.transpose(0, 2, 1, 3);
    if (rotary != null) {
      query = rotary.apply(query, context.queryCos(), context.querySin());
      key = rotary.apply(key, context.keyCos(), context.keySin());
    }
    NDArray[] keysAndValues = context.withPast(layer, key, value);
    key = keysAndValues[0];
    value = keysAndValues[1];
    long keys = key.getShape().get(2);
    // Query head h reads key/value head h / groups: fold the group into the row axis.
    NDArray scores =
        query
            .mul(scale)
            .reshape(batch, kvHeads, groups * queries, headDim)
            .matMul(key.transpose(0, 1, 3, 2))
            .reshape(batch, heads, queries, keys);
    DataType type = scores.getDataType();
    if (type != DataType.FLOAT32) {
      scores = scores.toType(DataType.FLOAT32, false);
    }
    NDArray probabilities = scores.add(context.mask()).softmax(-1);
    if (type != DataType.FLOAT32) {
      probabilities = probabilities.toType(type, false);
    }
    NDArray mixed =
        probabilities
            .reshape(batch, kvHeads, groups * queries, keys)
            .matMul(value)
            .reshape(batch, heads, queries, headDim)
            .transpose(0, 2, 1, 3)
            .reshape(batch, queries, (long) heads * headDim);
    return out.apply(mixed);
  }
}
