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
package io.solrecho;

import java.nio.file.Path;

/**
 * Echo and classical reference embeddings computed in Python from transformers' hidden states
 * ({@code echo_reference.json}), with the model folder (weights and tokenizer) they were computed
 * with, as a parameter of the echo reference tests.
 *
 * @param name how test reports name it
 * @param model the model folder
 * @param reference the {@code echo_reference.json} file
 */
public record EchoReference(String name, Path model, Path reference) {
  @Override
  public String toString() {
    return name;
  }
}
