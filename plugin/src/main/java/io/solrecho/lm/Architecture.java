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

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The decoder families the runtime supports, named by config.json's {@code model_type}, with the
 * small switches that tell them apart. Tensor names live in the {@link CheckpointLayout}s.
 */
public enum Architecture {
  LLAMA("llama"),
  MISTRAL("mistral"),
  QWEN2("qwen2"),
  QWEN3("qwen3"),
  GEMMA("gemma"),
  PHI3("phi3"),
  GPT2("gpt2"),
  GPT_NEOX("gpt_neox");

  private final String modelType;

  Architecture(String modelType) {
    this.modelType = modelType;
  }

  /** The config.json {@code model_type} value. */
  public String modelType() {
    return modelType;
  }

  /** The architecture for a config.json {@code model_type}, with a clear error for others. */
  public static Architecture fromModelType(String modelType) {
    if (modelType == null) {
      throw new IllegalArgumentException("config.json: missing \"model_type\"");
    }
    for (Architecture a : values()) {
      if (a.modelType.equals(modelType)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "config.json: unsupported model_type \""
            + modelType
            + "\"; supported: "
            + Arrays.stream(values())
                .map(Architecture::modelType)
                .collect(Collectors.joining(", ")));
  }

  boolean usesLayerNorm() {
    return this == GPT2 || this == GPT_NEOX;
  }

  boolean gatedMlp() {
    return !usesLayerNorm();
  }

  /** Qwen3's per-head RMSNorm of queries and keys. */
  boolean normsQueriesAndKeys() {
    return this == QWEN3;
  }

  boolean honoursSlidingWindow() {
    return this == MISTRAL;
  }
}
