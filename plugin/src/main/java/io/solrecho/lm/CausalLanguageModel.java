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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

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
  private final long weightBytes;
  private final DataType dtype;
  private final String weightsDigest;
  private final Decoder decoder;
  private final LmHead lmHead;

  private CausalLanguageModel(
      Path folder, ModelConfig config, NDManager manager, DataType dtype, ModelWeights weights) {
    this.folder = folder;
    this.config = config;
    this.manager = manager;
    this.dtype = dtype;
    this.weightsDigest = weights.digest();
    CheckpointLayout layout = CheckpointLayout.of(config.architecture());
    TensorSource source = new TensorSource(weights, manager, dtype, config, layout.basePrefix());
    this.decoder = new Decoder(layout, source, config, dtype);
    this.lmHead = LmHead.of(folder, layout, source, manager, dtype, decoder.tokenEmbedding());
    this.weightBytes = bytesOf(manager.getManagedArrays());
  }

  private static long bytesOf(List<NDArray> arrays) {
    long bytes = 0;
    for (NDArray array : arrays) {
      bytes += array.size() * array.getDataType().getNumOfBytes();
    }
    return bytes;
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
    return options.dtype().orElse(device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32);
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
  public Device engineDevice() {
    return manager.getDevice();
  }

  /** The compute type of the weights: {@code float32} or {@code float16}. */
  public String dtype() {
    return dtype == DataType.FLOAT16 ? "float16" : "float32";
  }

  /**
   * SHA-256 of the weights' content: every tensor's name, dtype, shape and bytes, sampled in large
   * tensors (a stable identity of the checkpoint, whatever its sharding).
   */
  public String weightsDigest() {
    return weightsDigest;
  }

  /**
   * Bytes the weights take in the device's memory, shared tensors counted once; an untied LM head,
   * read on the first call for logits only, is not counted.
   */
  public long weightBytes() {
    return weightBytes;
  }

  /** Rotation frequencies of the rotary embedding (for checks against transformers), or null. */
  public float[] rotaryInverseFrequencies() {
    return decoder.rotary() == null ? null : decoder.rotary().inverseFrequencies();
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
    return run(batch, () -> forwardOnDevice(batch, null));
  }

  /**
   * The mean of the last-layer hidden states (after the final norm) over each row's span, {@code
   * [B][hidden]} float32. The last layer computes only the pooled positions (keys and values of
   * every position), the pooling runs on the device and only these vectors are copied out.
   *
   * @throws IllegalArgumentException when a span is not within its row's real tokens
   * @throws DeviceOutOfMemoryException as {@link #forward}
   * @throws ArithmeticException as {@link #forward}
   */
  public float[][] meanStates(TokenBatch batch, TokenSpans spans) {
    return meanStates(batch, spans, null);
  }

  /**
   * As {@link #meanStates(TokenBatch, TokenSpans)}, starting after the leading ids that every row
   * shares with {@code prefix} (null: none), whose keys and values were computed once.
   */
  public float[][] meanStates(TokenBatch batch, TokenSpans spans, SharedPrefix prefix) {
    spans.checkAgainst(batch);
    int shared = prefix == null ? 0 : prefix.sharedLength(batch, spans);
    return run(batch, () -> meansOnDevice(batch, spans, prefix, shared));
  }

  /**
   * Computes the keys and values of every layer for {@code ids}, the constant start of prompts (see
   * {@link SharedPrefix}); close it when done, or it is freed with the model.
   *
   * @throws IllegalArgumentException for no ids, or ids outside the vocabulary
   */
  public SharedPrefix sharedPrefix(int[] ids) {
    if (ids.length == 0) {
      throw new IllegalArgumentException("prefix: at least one token id is needed");
    }
    int[][] row = {ids.clone()};
    int[][] mask = new int[1][ids.length];
    Arrays.fill(mask[0], 1);
    TokenBatch batch = new TokenBatch(row, mask, null);
    SharedPrefix prefix = new SharedPrefix(ids, manager.newSubManager(), decoder.layerCount());
    try {
      run(
          batch,
          () -> {
            try (NDManager call = manager.newSubManager()) {
              decoder.run(call, input(batch, 0, null), null, prefix, null);
              return null;
            }
          });
      return prefix;
    } catch (RuntimeException e) {
      prefix.close();
      throw e;
    }
  }

  /**
   * The LM head's logits at the last real position of each row, {@code [B][vocab]}. An untied head
   * is read from the checkpoint on the first call.
   *
   * @throws UnsupportedOperationException for a base model without a head (an embedding model)
   */
  public float[][] lastTokenLogits(TokenBatch batch) {
    return run(
        batch,
        () -> {
          try (NDManager call = manager.newSubManager()) {
            return logits(decoder.run(call, input(batch, 0, null), null, null, null), batch);
          }
        });
  }

  /**
   * The raw output of every decoder layer (the last one before the final norm), to locate where a
   * model departs from a reference; not for production use (it copies every layer off the device).
   */
  List<HiddenStates> layerOutputs(TokenBatch batch) {
    List<HiddenStates> outputs = new ArrayList<>();
    run(batch, () -> forwardOnDevice(batch, outputs));
    return outputs;
  }

  /**
   * Runs {@code pass} (which works in a child scope, closed even when it fails) and reports a
   * device out of memory with the batch's size.
   */
  private <T> T run(TokenBatch batch, Supplier<T> pass) {
    checkIds(batch);
    try {
      return pass.get();
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

  private HiddenStates forwardOnDevice(TokenBatch batch, List<HiddenStates> layerOutputs) {
    try (NDManager call = manager.newSubManager()) {
      NDArray hidden = decoder.run(call, input(batch, 0, null), null, null, layerOutputs);
      float[] values = hidden.toType(DataType.FLOAT32, false).toFloatArray();
      if (dtype == DataType.FLOAT16) {
        checkFinite(values, batch);
      }
      return new HiddenStates(values, batch.size(), batch.length(), config.hiddenSize());
    }
  }

  /**
   * The pooled pass over the columns after the first {@code shared}, which {@code prefix} holds.
   */
  private float[][] meansOnDevice(
      TokenBatch batch, TokenSpans spans, SharedPrefix prefix, int shared) {
    try (NDManager call = manager.newSubManager()) {
      PooledQueries pooled = new PooledQueries(spans.shifted(-shared));
      NDArray hidden = decoder.run(call, input(batch, shared, prefix), pooled, null, null);
      int size = batch.size();
      float[] flat =
          call.create(pooled.weights(), new Shape(size, 1, pooled.perRow()))
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
  }

  /** The pass input of {@code batch} without its first {@code shared} columns. */
  private PassInput input(TokenBatch batch, int shared, SharedPrefix prefix) {
    int size = batch.size();
    int length = batch.length() - shared;
    int[][] ids = new int[size][];
    int[][] mask = new int[size][];
    int[][] positions = new int[size][];
    for (int b = 0; b < size; b++) {
      ids[b] = Arrays.copyOfRange(batch.inputIds()[b], shared, batch.length());
      mask[b] = Arrays.copyOfRange(batch.attentionMask()[b], shared, batch.length());
      if (batch.positionIds() != null) {
        positions[b] = batch.positionIds()[b];
      } else {
        positions[b] = new int[length];
        for (int t = 0; t < length; t++) {
          positions[b][t] = shared + t;
        }
      }
    }
    if (decoder.learnsPositions()) {
      checkPositions(positions);
    }
    return new PassInput(ids, mask, positions, prefix, shared);
  }

  private float[][] logits(NDArray hidden, TokenBatch batch) {
    NDList last = new NDList();
    for (int b = 0; b < batch.size(); b++) {
      int[] real = batch.realPositions(b);
      last.add(hidden.get(b, real.length == 0 ? 0 : real[real.length - 1]));
    }
    NDArray rows = NDArrays.stack(last);
    float[] flat =
        new Projection(lmHead.weight(), null)
            .apply(rows)
            .toType(DataType.FLOAT32, false)
            .toFloatArray();
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

  @Override
  public void close() {
    manager.close();
  }

  @Override
  public String toString() {
    return "CausalLanguageModel(" + folder + ", " + config + ", " + device() + ", " + dtype() + ")";
  }
}
