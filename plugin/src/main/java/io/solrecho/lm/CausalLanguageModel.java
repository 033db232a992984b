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

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Hugging Face decoder-only model loaded from its folder (config.json plus safetensors weights)
 * and run with DJL's PyTorch engine. {@link #forward} returns the last-layer hidden states after
 * the final norm for a padded batch, matching transformers' base model output.
 *
 * <p>Weights live in one native scope owned by this object; each call and each layer get their own
 * child scope, closed before the next layer runs, so native memory stays flat across calls. Calls
 * may come from several threads. Close the model to free its weights.
 */
public final class CausalLanguageModel implements AutoCloseable {
  private final Path folder;
  private final ModelConfig config;
  private final NDManager manager;
  private final DataType dtype;
  private final String weightsDigest;
  private final NDArray tokenEmbedding;
  private final NDArray positionEmbedding;
  private final float embeddingScale;
  private final List<DecoderLayer> layers;
  private final Norm finalNorm;
  private final NDArray lmHead;
  private final RotaryEmbedding rotary;

  private CausalLanguageModel(
      Path folder, ModelConfig config, NDManager manager, DataType dtype, ModelWeights weights) {
    this.folder = folder;
    this.config = config;
    this.manager = manager;
    this.dtype = dtype;
    this.weightsDigest = weights.headerDigest();
    CheckpointLayout layout = CheckpointLayout.of(config.architecture());
    TensorSource source = new TensorSource(weights, manager, dtype, config, layout.basePrefix());
    this.rotary = config.rope() == null ? null : new RotaryEmbedding(config.rope());
    this.tokenEmbedding = layout.tokenEmbedding(source);
    this.positionEmbedding = layout.positionEmbedding(source);
    this.embeddingScale = layout.embeddingScale(config);
    List<DecoderLayer> built = new ArrayList<>();
    for (int i = 0; i < config.layers(); i++) {
      built.add(layout.layer(source, i, rotary));
    }
    this.layers = List.copyOf(built);
    this.finalNorm = layout.finalNorm(source);
    this.lmHead =
        config.tiedEmbeddings() && !source.contains(layout.lmHeadName())
            ? tokenEmbedding
            : source.load(layout.lmHeadName(), config.vocabSize(), config.hiddenSize());
  }

  /**
   * Loads the model in {@code folder}.
   *
   * @throws IOException when config.json or the weights are missing, truncated or LFS pointers
   * @throws IllegalArgumentException for an unsupported model_type or a missing or mis-shaped
   *     tensor
   */
  public static CausalLanguageModel load(Path folder, LmOptions options) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("model folder " + folder + " does not exist or is not a directory");
    }
    ModelConfig config = ModelConfig.read(folder);
    Device device = PyTorchEngine.device(options);
    DataType dtype = computeType(options, device);
    try (ModelWeights weights = ModelWeights.open(folder)) {
      NDManager manager =
          PyTorchEngine.withPluginClassLoader(
              () -> NDManager.newBaseManager(device, PyTorchEngine.NAME));
      try {
        return new CausalLanguageModel(folder, config, manager, dtype, weights);
      } catch (RuntimeException e) {
        manager.close();
        throw e;
      }
    }
  }

  private static DataType computeType(LmOptions options, Device device) {
    switch (options.dtype()) {
      case "float32":
        return DataType.FLOAT32;
      case "float16":
        return DataType.FLOAT16;
      default:
        return device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32;
    }
  }

  /** The parsed config.json. */
  public ModelConfig config() {
    return config;
  }

  /** The folder the model was loaded from. */
  public Path folder() {
    return folder;
  }

  /** Where the weights live, e.g. {@code cpu()} or {@code gpu(0)}. */
  public String device() {
    return manager.getDevice().toString();
  }

  /** The DJL device the weights live on. */
  Device engineDevice() {
    return manager.getDevice();
  }

  /** The compute type of the weights: {@code float32} or {@code float16}. */
  public String dtype() {
    return dtype == DataType.FLOAT16 ? "float16" : "float32";
  }

  /** SHA-256 of the tensor names, dtypes and shapes (a stable identity of the weights' layout). */
  public String weightsDigest() {
    return weightsDigest;
  }

  /** Rotation frequencies of the rotary embedding (for checks against transformers), or null. */
  public float[] rotaryInverseFrequencies() {
    return rotary == null ? null : rotary.inverseFrequencies();
  }

  /**
   * Number of native arrays alive in this model's scope, its per-call child scopes included. For
   * tests only: it stays at the weight count between calls when every call frees what it made.
   */
  int managedArrayCount() {
    return manager.getManagedArrays().size();
  }

  /**
   * Last-layer hidden states after the final norm for every position of {@code batch}, as float32
   * whatever the compute type.
   *
   * @throws DeviceOutOfMemoryException when the device runs out of memory (the call's arrays are
   *     freed first, so a smaller batch can follow at once)
   * @throws ArithmeticException when float16 activations overflow (use float32 for that model)
   */
  public HiddenStates forward(TokenBatch batch) {
    return run(batch, null, false, null).hidden;
  }

  /**
   * The mean of the last-layer hidden states (after the final norm) over each row's span, {@code
   * [B][hidden]} float32: the pooling runs on the device and only these vectors are copied out.
   *
   * @throws IllegalArgumentException when a span is not within its row's real tokens
   * @throws DeviceOutOfMemoryException as {@link #forward}
   * @throws ArithmeticException as {@link #forward}
   */
  public float[][] meanStates(TokenBatch batch, TokenSpans spans) {
    spans.checkAgainst(batch);
    return run(batch, spans, false, null).means;
  }

  /** The LM head's logits at the last real position of each row, {@code [B][vocab]}. */
  public float[][] lastTokenLogits(TokenBatch batch) {
    return run(batch, null, true, null).logits;
  }

  /**
   * The raw output of every decoder layer (the last one before the final norm), to locate where a
   * model departs from a reference; not for production use (it copies every layer off the device).
   */
  List<HiddenStates> layerOutputs(TokenBatch batch) {
    List<HiddenStates> outputs = new ArrayList<>();
    run(batch, null, false, outputs);
    return outputs;
  }

  private Output run(
      TokenBatch batch, TokenSpans spans, boolean withLogits, List<HiddenStates> layerOutputs) {
    checkIds(batch);
    try {
      return runOnDevice(batch, spans, withLogits, layerOutputs);
    } catch (RuntimeException e) {
      if (e instanceof DeviceOutOfMemoryException || !DeviceOutOfMemoryException.isOutOfMemory(e)) {
        throw e;
      }
      throw new DeviceOutOfMemoryException(
          device()
              + " ran out of memory running "
              + batch.size()
              + " sequence(s) of "
              + batch.length()
              + " tokens in "
              + dtype()
              + " ("
              + DeviceOutOfMemoryException.firstLine(e)
              + ")",
          e);
    }
  }

  /**
   * Runs the pass in a child scope, which is closed (its arrays freed) even when the pass fails.
   */
  private Output runOnDevice(
      TokenBatch batch, TokenSpans spans, boolean withLogits, List<HiddenStates> layerOutputs) {
    int size = batch.size();
    int length = batch.length();
    int[][] positions =
        batch.positionIds() != null ? batch.positionIds() : defaultPositions(size, length);
    try (NDManager call = manager.newSubManager()) {
      NDArray x = embed(call, batch.inputIds(), positions);
      NDArray[] angles = rotary == null ? new NDArray[2] : rotary.angles(call, positions, dtype);
      ForwardContext context =
          ForwardContext.allPositions(
              AttentionMask.build(call, batch.attentionMask(), config.slidingWindow()),
              angles[0],
              angles[1]);
      PooledQueries pooled = spans == null ? null : new PooledQueries(spans, length);
      for (int i = 0; i < layers.size(); i++) {
        boolean last = i == layers.size() - 1;
        try (NDManager scope = call.newSubManager()) {
          x.attach(scope);
          NDArray next =
              layers
                  .get(i)
                  .apply(
                      x,
                      last && pooled != null
                          ? pooled.context(scope, context, batch, positions)
                          : context);
          next.attach(call);
          x = next;
        }
        if (layerOutputs != null) {
          layerOutputs.add(
              new HiddenStates(
                  x.toType(DataType.FLOAT32, false).toFloatArray(),
                  size,
                  length,
                  config.hiddenSize()));
        }
      }
      NDArray hidden = finalNorm.apply(x);
      if (pooled != null) {
        return new Output(null, null, means(call, hidden, pooled.weights()));
      }
      float[] values = hidden.toType(DataType.FLOAT32, false).toFloatArray();
      HiddenStates states = new HiddenStates(values, size, length, config.hiddenSize());
      if (dtype == DataType.FLOAT16) {
        checkFinite(values, batch);
      }
      return new Output(states, withLogits ? logits(hidden, batch) : null, null);
    }
  }

  private NDArray embed(NDManager call, int[][] inputIds, int[][] positions) {
    NDArray ids = call.create(flatten(inputIds), new Shape(inputIds.length, inputIds[0].length));
    NDArray x =
        ids.getNDArrayInternal()
            .embedding(ids, tokenEmbedding, ai.djl.ndarray.types.SparseFormat.DENSE)
            .singletonOrThrow();
    if (embeddingScale != 1f) {
      x = x.mul(embeddingScale);
    }
    if (positionEmbedding != null) {
      checkPositions(positions);
      NDArray pos =
          call.create(flatten(positions), new Shape(positions.length, positions[0].length));
      x =
          x.add(
              pos.getNDArrayInternal()
                  .embedding(pos, positionEmbedding, ai.djl.ndarray.types.SparseFormat.DENSE)
                  .singletonOrThrow());
    }
    return x;
  }

  /**
   * The pooled positions as the last layer's queries: {@code S} (the longest span) per row, the
   * span's positions then repeats of its first one, with averaging weights {@code 1/n} on the span
   * and 0 on the repeats.
   */
  private final class PooledQueries {
    private final int[][] columns;
    private final float[] weights;

    PooledQueries(TokenSpans spans, int length) {
      int queries = spans.longest();
      columns = new int[spans.size()][queries];
      weights = new float[spans.size() * queries];
      for (int b = 0; b < spans.size(); b++) {
        int n = spans.end(b) - spans.start(b);
        for (int s = 0; s < queries; s++) {
          columns[b][s] = spans.start(b) + (s < n ? s : 0);
          weights[b * queries + s] = s < n ? 1f / n : 0f;
        }
      }
    }

    ForwardContext context(
        NDManager scope, ForwardContext all, TokenBatch batch, int[][] positions) {
      int size = columns.length;
      int queries = columns[0].length;
      int length = batch.length();
      long[] rows = new long[size * queries];
      int[][] queryPositions = new int[size][queries];
      for (int b = 0; b < size; b++) {
        for (int s = 0; s < queries; s++) {
          rows[b * queries + s] = (long) b * length + columns[b][s];
          queryPositions[b][s] = positions[b][columns[b][s]];
        }
      }
      NDArray[] angles =
          rotary == null ? new NDArray[2] : rotary.angles(scope, queryPositions, dtype);
      return all.selectingQueries(
          AttentionMask.build(scope, batch.attentionMask(), columns, config.slidingWindow()),
          angles[0],
          angles[1],
          scope.create(rows),
          queries);
    }

    float[] weights() {
      return weights;
    }
  }

  /**
   * Averages {@code hidden} {@code [B, S, H]} with one batched product by {@code weights} {@code
   * [B, 1, S]}, in float32.
   */
  private float[][] means(NDManager call, NDArray hidden, float[] weights) {
    int size = (int) hidden.getShape().get(0);
    int queries = (int) hidden.getShape().get(1);
    float[] flat =
        call.create(weights, new Shape(size, 1, queries))
            .matMul(hidden.toType(DataType.FLOAT32, false))
            .toFloatArray();
    int width = config.hiddenSize();
    float[][] means = new float[size][width];
    for (int b = 0; b < size; b++) {
      if (dtype == DataType.FLOAT16) {
        checkFinite(flat, b * width, "the pooled span of sequence " + b);
      }
      System.arraycopy(flat, b * width, means[b], 0, width);
    }
    return means;
  }

  private float[][] logits(NDArray hidden, TokenBatch batch) {
    NDList last = new NDList();
    for (int b = 0; b < batch.size(); b++) {
      int[] real = batch.realPositions(b);
      last.add(hidden.get(b, real.length == 0 ? 0 : real[real.length - 1]));
    }
    NDArray rows = ai.djl.ndarray.NDArrays.stack(last);
    float[] flat =
        new Projection(lmHead, null).apply(rows).toType(DataType.FLOAT32, false).toFloatArray();
    float[][] out = new float[batch.size()][config.vocabSize()];
    for (int b = 0; b < out.length; b++) {
      System.arraycopy(flat, b * config.vocabSize(), out[b], 0, config.vocabSize());
    }
    return out;
  }

  /**
   * Half precision tops out at 65504; models whose activations go beyond it (some trained in
   * bfloat16 do) turn into inf/NaN. Fail clearly rather than return such states as vectors.
   */
  private void checkFinite(float[] values, TokenBatch batch) {
    int hidden = config.hiddenSize();
    for (int b = 0; b < batch.size(); b++) {
      for (int t : batch.realPositions(b)) {
        checkFinite(
            values, (b * batch.length() + t) * hidden, "sequence " + b + " at position " + t);
      }
    }
  }

  private void checkFinite(float[] values, int offset, String where) {
    for (int h = 0; h < config.hiddenSize(); h++) {
      float v = values[offset + h];
      if (!Float.isFinite(v)) {
        throw new ArithmeticException(
            "float16 overflow: the hidden state of "
                + where
                + " is "
                + v
                + "; the activations of the model in "
                + folder
                + " exceed float16's range (65504)"
                + " for this input; load it with dtype=float32");
      }
    }
  }

  private void checkIds(TokenBatch batch) {
    int vocab = config.vocabSize();
    for (int[] row : batch.inputIds()) {
      for (int id : row) {
        if (id < 0 || id >= vocab) {
          throw new IllegalArgumentException(
              "input_ids: token id "
                  + id
                  + " is outside the vocabulary [0, "
                  + vocab
                  + ") of "
                  + folder);
        }
      }
    }
  }

  private void checkPositions(int[][] positions) {
    for (int[] row : positions) {
      for (int p : row) {
        if (p < 0 || p >= config.maxPositions()) {
          throw new IllegalArgumentException(
              "position_ids: position "
                  + p
                  + " is outside [0, "
                  + config.maxPositions()
                  + "), the learned positions of "
                  + folder
                  + "; use shorter sequences");
        }
      }
    }
  }

  private static int[][] defaultPositions(int size, int length) {
    int[][] positions = new int[size][length];
    for (int[] row : positions) {
      for (int t = 0; t < length; t++) {
        row[t] = t;
      }
    }
    return positions;
  }

  private static long[] flatten(int[][] rows) {
    long[] flat = new long[rows.length * rows[0].length];
    int i = 0;
    for (int[] row : rows) {
      for (int v : row) {
        flat[i++] = v;
      }
    }
    return flat;
  }

  @Override
  public void close() {
    manager.close();
  }

  @Override
  public String toString() {
    return "CausalLanguageModel(" + folder + ", " + config + ", " + device() + ", " + dtype() + ")";
  }

  private record Output(HiddenStates hidden, float[][] logits, float[][] means) {}
}
