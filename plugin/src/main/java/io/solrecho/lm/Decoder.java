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
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of a decoder-only model, embeddings to final norm, and one pass through them. Each
 * layer runs in its own child scope of the call's, closed before the next layer starts.
 */
final class Decoder {
  private final NDArray tokenEmbedding;
  private final NDArray positionEmbedding;
  private final float embeddingScale;
  private final List<DecoderLayer> layers;
  private final Norm finalNorm;
  private final RotaryEmbedding rotary;
  private final int slidingWindow;
  private final DataType dtype;
  private final int hiddenSize;

  Decoder(CheckpointLayout layout, TensorSource source, ModelConfig config, DataType dtype) {
    this.dtype = dtype;
    this.hiddenSize = config.hiddenSize();
    this.slidingWindow = config.slidingWindow();
    this.rotary =
        config.rope() == null ? null : new RotaryEmbedding(config.rope(), config.headDim());
    this.tokenEmbedding = layout.tokenEmbedding(source);
    this.positionEmbedding = layout.positionEmbedding(source);
    this.embeddingScale = layout.embeddingScale(config);
    List<DecoderLayer> built = new ArrayList<>();
    for (int i = 0; i < config.layers(); i++) {
      built.add(layout.layer(source, i, rotary));
    }
    this.layers = List.copyOf(built);
    this.finalNorm = layout.finalNorm(source);
  }

  NDArray tokenEmbedding() {
    return tokenEmbedding;
  }

  int layerCount() {
    return layers.size();
  }

  /** Whether positions are learned embeddings (with a table of {@code maxPositions} rows). */
  boolean learnsPositions() {
    return positionEmbedding != null;
  }

  RotaryEmbedding rotary() {
    return rotary;
  }

  /**
   * Runs {@code input} through every layer and the final norm. Returns the states of every position
   * {@code [B, T, H]}, or with {@code pooled} those of its query positions {@code [B, S, H]} (the
   * last layer computes only those, and outside attention the pass skips the padding). {@code
   * recording} (or null) keeps every layer's keys and values; {@code layerOutputs} (or null)
   * receives every layer's raw output.
   */
  NDArray run(
      NDManager call,
      PassInput input,
      PooledQueries pooled,
      SharedPrefix recording,
      List<HiddenStates> layerOutputs) {
    int[][] positions = input.positions();
    TokenRows rows =
        pooled == null
            ? TokenRows.grid(input.ids().length, input.ids()[0].length)
            : TokenRows.ragged(call, input.mask());
    NDArray x = rows.fromGrid(embed(call, input.ids(), positions));
    NDArray[] angles = rotary == null ? new NDArray[2] : rotary.angles(call, positions, dtype);
    ForwardContext context =
        ForwardContext.allPositions(
            AttentionMask.build(call, input.mask(), input.pastLength(), slidingWindow),
            angles[0],
            angles[1],
            rotary == null ? null : rotary.halfTurn(call, dtype),
            input.past(),
            input.pastLength(),
            recording,
            rows);
    for (int i = 0; i < layers.size(); i++) {
      boolean last = i == layers.size() - 1;
      try (NDManager scope = call.newSubManager()) {
        x.attach(scope);
        ForwardContext layerContext =
            last && pooled != null ? narrowed(scope, context, input, pooled) : context;
        NDArray next = layers.get(i).apply(x, layerContext, i);
        next.attach(call);
        x = next;
      }
      if (layerOutputs != null) {
        layerOutputs.add(
            new HiddenStates(
                x.toType(DataType.FLOAT32, false).toFloatArray(),
                input.ids().length,
                input.ids()[0].length,
                hiddenSize));
      }
    }
    return finalNorm.apply(x);
  }

  /** {@code all} narrowed to the pooled queries: their mask rows, angles and rows. */
  private ForwardContext narrowed(
      NDManager scope, ForwardContext all, PassInput input, PooledQueries pooled) {
    NDArray[] angles =
        rotary == null
            ? new NDArray[2]
            : rotary.angles(scope, pooled.positions(input.positions()), dtype);
    return all.selectingQueries(
        AttentionMask.build(
            scope, input.mask(), pooled.columns(), input.pastLength(), slidingWindow),
        angles[0],
        angles[1],
        scope.create(all.rows().rowsOf(pooled.flatIndices(input.ids()[0].length))),
        pooled.perRow());
  }

  private NDArray embed(NDManager call, int[][] inputIds, int[][] positions) {
    NDArray x = lookUp(tokenEmbedding, call, inputIds);
    if (embeddingScale != 1f) {
      x = x.mul(embeddingScale);
    }
    if (positionEmbedding != null) {
      x = x.add(lookUp(positionEmbedding, call, positions));
    }
    return x;
  }

  /** Rows {@code indices} {@code [B][T]} of {@code table}, {@code [B, T, width]}. */
  private static NDArray lookUp(NDArray table, NDManager call, int[][] indices) {
    long[] flat = new long[indices.length * indices[0].length];
    int i = 0;
    for (int[] row : indices) {
      for (int v : row) {
        flat[i++] = v;
      }
    }
    NDArray rows = call.create(flat, new Shape(flat.length));
    NDArray picked = table.get(new NDIndex("{}", rows));
    picked.attach(call);
    return picked.reshape(indices.length, indices[0].length, table.getShape().get(1));
  }
}
