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
package io.solrecho.demo;

import io.solrecho.lm.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hugging Face model folder as a local Solr needs to know it: where it is, and the length of its
 * vectors (the hidden size), which the configset's vector field must have.
 *
 * @param folder the folder, absolute
 * @param dimension the hidden size from config.json
 * @param maxPositions the model's positions from config.json, or 0 when it does not say
 */
public record ModelFolder(Path folder, int dimension, int maxPositions) {
  /**
   * The model folder at {@code folder}.
   *
   * @throws IllegalArgumentException when it is not a model folder or its config.json cannot be
   *     read
   */
  public static ModelFolder read(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("config.json"))) {
      throw new IllegalArgumentException(
          dir
              + " is not a model folder: it has no config.json (expected a Hugging"
              + " Face download with config.json, tokenizer.json and *.safetensors)");
    }
    try {
      ModelConfig config = ModelConfig.read(dir);
      return new ModelFolder(dir, config.hiddenSize(), config.maxPositions());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read " + dir.resolve("config.json") + ": " + e.getMessage(), e);
    }
  }
}
