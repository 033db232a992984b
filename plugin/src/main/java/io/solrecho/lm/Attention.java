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
import ai.djl.ndarray.types.DataType;

/**
 * Multi-head causal self-attention with grouped-query heads, one fused {@code [q; k; v]} projection
 * (checkpoint layouts fuse or reorder their tensors into it at load), optional per-head q/k RMSNorm
 * (Qwen3) and optional rotary embedding. Scores and softmax run in float32. The scores' scale
 * {@code 1/sqrt(headDim)} is folded into the queries when the block is built: into the query norm's
 * weight, or else into the query rows of the projection (rotary embedding is linear).
 */
final class Attention {
  private final Projection qkv;
  private final Projection out;
  private final RmsNorm queryNorm;
  private final RmsNorm keyNorm;
  private final RotaryEmbedding rotary;
  private final int heads;
  private final int kvHeads;
  private final int headDim;

  /** Takes over {@code qkv} and {@code queryNorm}: their query weights are replaced, scaled. */
  Attention(
      Projection qkv,
      Projection out,
      RmsNorm queryNorm,
      RmsNorm keyNorm,
      RotaryEmbedding rotary,
      int heads,
      int kvHeads,
      int headDim) {
    float scale = (float) (1.0 / Math.sqrt(headDim));
    this.qkv = queryNorm == null ? qkv.scalingOutputs((long) heads * headDim, scale) : qkv;
    this.out = out;
    this.queryNorm = queryNorm == null ? null : queryNorm.scaled(scale);
    this.keyNorm = keyNorm;
    this.rotary = rotary;
    this.heads = heads;
    this.kvHeads = kvHeads;
    this.headDim = headDim;
  }

  /**
   * {@code x}: the context's rows {@code [B, T, hidden]} or {@code [N, hidden]}, every position a
   * key (after the context's shared prefix); returns the attention output of the context's query
   * positions as rows of the same kind, or {@code [B, S, hidden]} for selected queries.
   */
  NDArray apply(NDArray x, ForwardContext context, int layer) {
    NDArray[] projected =
        context.selectsQueries() ? someQueries(x, context) : allQueries(x, context);
    NDArray query = projected[0];
    NDArray[] keysAndValues = context.withPast(layer, projected[1], projected[2]);
    NDArray key = keysAndValues[0];
    NDArray value = keysAndValues[1];
    long batch = context.rows().batch();
    long queries = query.getShape().get(2);
    long keys = key.getShape().get(2);
    int groups = heads / kvHeads;
    // Query head h reads key/value head h / groups: fold the group into the row axis.
    NDArray scores =
        query
            .reshape(batch, kvHeads, groups * queries, headDim)
            .matMul(key.transpose(0, 1, 3, 2))
            .reshape(batch, heads, queries, keys);
    DataType type = scores.getDataType();
    if (type != DataType.FLOAT32) {
      scores = scores.toType(DataType.FLOAT32, false);
    }
    NDArray probabilities = scores.addi(context.mask()).softmax(-1);
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
    return out.apply(context.outputRows(mixed));
  }

  /**
   * Queries, keys and values of every position, {@code [B, heads, T, headDim]}: one projection;
   * without q/k norms the queries and keys rotate together.
   */
  private NDArray[] allQueries(NDArray x, ForwardContext context) {
    TokenRows rows = context.rows();
    NDArray fused =
        rows.toGrid(qkv.apply(x))
            .reshape(rows.batch(), rows.length(), heads + 2L * kvHeads, headDim);
    if (queryNorm != null) {
      NDList parts = fused.split(new long[] {heads, heads + kvHeads}, 2);
      return new NDArray[] {
        normedAndTurned(parts.get(0), queryNorm, context.queryCos(), context.querySin(), context),
        normedAndTurned(parts.get(1), keyNorm, context.keyCos(), context.keySin(), context),
        parts.get(2).transpose(0, 2, 1, 3)
      };
    }
    NDList parts = fused.split(new long[] {heads + kvHeads}, 2);
    NDArray queriesAndKeys = parts.get(0).transpose(0, 2, 1, 3);
    if (rotary != null) {
      queriesAndKeys =
          rotary.apply(queriesAndKeys, context.keyCos(), context.keySin(), context.halfTurn());
    }
    NDList split = queriesAndKeys.split(new long[] {heads}, 1);
    return new NDArray[] {split.get(0), split.get(1), parts.get(1).transpose(0, 2, 1, 3)};
  }

  /** The context's selected queries and every position's keys and values. */
  private NDArray[] someQueries(NDArray x, ForwardContext context) {
    TokenRows rows = context.rows();
    NDArray selected = context.queries(x);
    long queryWidth = (long) heads * headDim;
    NDArray query =
        qkv.outputs(0, queryWidth, x.getManager())
            .apply(selected)
            .reshape(rows.batch(), selected.getShape().get(1), heads, headDim);
    NDArray keysAndValues =
        rows.toGrid(
                qkv.outputs(queryWidth, queryWidth + 2L * kvHeads * headDim, x.getManager())
                    .apply(x))
            .reshape(rows.batch(), rows.length(), 2L * kvHeads, headDim);
    NDList keyAndValue = keysAndValues.split(new long[] {kvHeads}, 2);
    return new NDArray[] {
      normedAndTurned(query, queryNorm, context.queryCos(), context.querySin(), context),
      normedAndTurned(keyAndValue.get(0), keyNorm, context.keyCos(), context.keySin(), context),
      keyAndValue.get(1).transpose(0, 2, 1, 3)
    };
  }

  /**
   * {@code x} {@code [B, T, n, headDim]} normed (if a norm is given), to {@code [B, n, T,
   * headDim]}, rotated.
   */
  private NDArray normedAndTurned(
      NDArray x, Norm norm, NDArray cos, NDArray sin, ForwardContext context) {
    NDArray heads = (norm == null ? x : norm.apply(x)).transpose(0, 2, 1, 3);
    return rotary == null ? heads : rotary.apply(heads, cos, sin, context.halfTurn());
  }
}
