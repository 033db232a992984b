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

import java.util.Locale;

/**
 * How many sequences of a given padded length fit in one forward pass on a GPU, from the device
 * memory free once the weights are loaded and an estimate of the pass's activation memory. On the
 * CPU the budget is unlimited and the configured batch limits alone apply.
 *
 * <p>The estimate counts the arrays alive at the end of one decoder layer (nothing made inside a
 * layer's scope is freed before the layer ends) plus what the whole call keeps (embeddings, mask,
 * rotary tables). Per token: the norms' float32 intermediates ({@value #NORM_BYTES} bytes per
 * normalised element), and in the compute type about 16 arrays of the q/k/v width, 7 of the hidden
 * width and, per MLP width, the gate/up products plus the activation's own intermediates. Per
 * query-key pair of a sequence: the scores of every head ({@value #SCORE_BYTES} bytes: the product,
 * its float32 copy, masked sum, softmax and the cast back) and the float32 mask. Checked against
 * the bytes of the live arrays measured in CPU runs of every fixture architecture and the
 * SmolLM2-135M shape, float32 and float16, lengths 64 to 256: the estimate is 0.2% to 28% above
 * them, and they in turn count views as copies. Only {@value #USABLE_FRACTION} of the free memory
 * is planned for: the allocator rounds and caches blocks and cuBLAS needs workspace. If the
 * estimate is still too high, the caller's out-of-memory handling splits the batch.
 */
public final class BatchBudget {
  static final double USABLE_FRACTION = 0.8;
  static final int NORM_BYTES = 16;
  static final int SCORE_BYTES = 20;
  static final int MASK_BYTES = 8;

  private final long availableBytes;
  private final long bytesPerToken;
  private final long bytesPerKeyPair;
  private final String description;

  private BatchBudget(
      long availableBytes, long bytesPerToken, long bytesPerKeyPair, String description) {
    this.availableBytes = availableBytes;
    this.bytesPerToken = bytesPerToken;
    this.bytesPerKeyPair = bytesPerKeyPair;
    this.description = description;
  }

  /** No limit beyond the configured ones; {@code reason} says why (for logs and toString). */
  public static BatchBudget unlimited(String reason) {
    return new BatchBudget(-1, 0, 0, "unlimited (" + reason + ")");
  }

  /**
   * The budget of {@code model} on its device: unlimited on the CPU, or from the GPU's free memory
   * read now (call it right after loading, before PyTorch's allocator caches activation blocks,
   * which would then count as used). Unlimited, saying why, when the free memory cannot be read.
   */
  public static BatchBudget of(CausalLanguageModel model) {
    if (!model.engineDevice().isGpu()) {
      return unlimited("CPU: the configured batch limits apply");
    }
    long free;
    try {
      free = PyTorchEngine.freeMemory(model.engineDevice());
    } catch (RuntimeException e) {
      return unlimited("free memory of " + model.device() + " unknown: " + e.getMessage());
    }
    return forFreeMemory(free, model.config(), model.dtype());
  }

  /**
   * The budget for {@code freeBytes} of device memory left after the weights of a model with {@code
   * config} computing in {@code dtype} ({@code float32} or {@code float16}).
   */
  public static BatchBudget forFreeMemory(long freeBytes, ModelConfig config, String dtype) {
    if (freeBytes < 0) {
      throw new IllegalArgumentException("freeBytes must not be negative, got " + freeBytes);
    }
    int element;
    switch (dtype) {
      case "float16":
        element = 2;
        break;
      case "float32":
        element = 4;
        break;
      default:
        throw new IllegalArgumentException(
            "dtype: expected float32 or float16, got '" + dtype + "'");
    }
    long hidden = config.hiddenSize();
    long queries = (long) config.heads() * config.headDim();
    long keysAndValues = (long) config.kvHeads() * config.headDim();
    long normalised =
        2 * hidden
            + (config.architecture().has(Architecture.Trait.QUERY_KEY_NORM)
                ? queries + keysAndValues
                : 0);
    long mlpArrays =
        (config.architecture().has(Architecture.Trait.GATED_MLP) ? 5 : 1)
            + config.activation().intermediates();
    long perToken =
        NORM_BYTES * normalised
            + element
                * (16 * (queries + keysAndValues)
                    + 7 * hidden
                    + mlpArrays * config.intermediateSize()
                    + 2L * config.headDim());
    long perKeyPair = (long) SCORE_BYTES * config.heads() + MASK_BYTES;
    long available = (long) (freeBytes * USABLE_FRACTION);
    return new BatchBudget(
        available,
        perToken,
        perKeyPair,
        String.format(
            Locale.ROOT,
            "%d MiB planned of %d MiB free; %d bytes per token + %d per query-key pair, %s",
            available >> 20,
            freeBytes >> 20,
            perToken,
            perKeyPair,
            dtype));
  }

  /** Whether this budget limits batches at all. */
  public boolean limited() {
    return availableBytes >= 0;
  }

  /** Device memory planned for one forward pass, or -1 when unlimited. */
  public long availableBytes() {
    return availableBytes;
  }

  /** Estimated activation memory of one sequence padded to {@code length} tokens. */
  public long bytesPerSequence(int length) {
    checkLength(length);
    return length * bytesPerToken + (long) length * length * bytesPerKeyPair;
  }

  /**
   * Most sequences padded to {@code length} that fit, at least 1 (a single sequence is always
   * tried; if it does not fit the device reports it); {@link Integer#MAX_VALUE} when unlimited.
   */
  public int maxRows(int length) {
    checkLength(length);
    if (!limited()) {
      return Integer.MAX_VALUE;
    }
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, availableBytes / bytesPerSequence(length)));
  }

  private static void checkLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1, got " + length);
    }
  }

  @Override
  public String toString() {
    return "BatchBudget(" + description + ")";
  }
}
