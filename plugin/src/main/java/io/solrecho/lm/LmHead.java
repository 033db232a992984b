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
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The output projection to the vocabulary, needed only for logits: the token embeddings when they
 * are tied, else the checkpoint's head tensor ({@code lm_head.weight}), read on the first call that
 * asks for logits (embeddings never do, and an untied head is as large as the embeddings), or none
 * in a base model saved without it, as embedding models are (then asking for logits is an error).
 */
final class LmHead {
  private final Path folder;
  private final String name;
  private final ModelConfig config;
  private final NDManager manager;
  private final DataType dtype;
  private final String basePrefix;
  private final boolean inCheckpoint;
  private NDArray weight;

  private LmHead(
      Path folder,
      String name,
      ModelConfig config,
      NDManager manager,
      DataType dtype,
      String basePrefix,
      boolean inCheckpoint,
      NDArray weight) {
    this.folder = folder;
    this.name = name;
    this.config = config;
    this.manager = manager;
    this.dtype = dtype;
    this.basePrefix = basePrefix;
    this.inCheckpoint = inCheckpoint;
    this.weight = weight;
  }

  /**
   * The head of the model being loaded from {@code source}: tied to {@code tokenEmbedding} when the
   * config ties them and the checkpoint has no head of its own; a head in the checkpoint is checked
   * for its shape now and read later.
   *
   * @throws IllegalArgumentException when the checkpoint's head has the wrong shape
   */
  static LmHead of(
      Path folder,
      CheckpointLayout layout,
      TensorSource source,
      NDManager manager,
      DataType dtype,
      NDArray tokenEmbedding) {
    ModelConfig config = source.config();
    String name = layout.lmHeadName();
    boolean inCheckpoint = source.contains(name);
    if (inCheckpoint) {
      source.checkShape(name, config.vocabSize(), config.hiddenSize());
    }
    NDArray tied = config.tiedEmbeddings() && !inCheckpoint ? tokenEmbedding : null;
    return new LmHead(
        folder, name, config, manager, dtype, layout.basePrefix(), inCheckpoint, tied);
  }

  /**
   * The head's weight {@code [vocab, hidden]}, read from the checkpoint on the first call.
   *
   * @throws UnsupportedOperationException when the model has no head (a base model, untied)
   * @throws UncheckedIOException when the checkpoint can no longer be read
   */
  synchronized NDArray weight() {
    if (weight == null) {
      if (!inCheckpoint) {
        throw new UnsupportedOperationException(
            "the model in "
                + folder
                + " has no LM head: config.json unties it from the embeddings"
                + " (tie_word_embeddings false) and the weights have no '"
                + name
                + "' (a base model, as embedding models are saved); it gives hidden states and"
                + " embeddings, not logits");
      }
      weight = read();
    }
    return weight;
  }

  private NDArray read() {
    try (ModelWeights weights = ModelWeights.open(folder)) {
      return new TensorSource(weights, manager, dtype, config, basePrefix)
          .load(name, config.vocabSize(), config.hiddenSize());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading the LM head '" + name + "' of " + folder + ": " + e.getMessage(), e);
    }
  }
}
