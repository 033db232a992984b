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
package io.solrecho.harness;

import java.nio.file.Path;
import java.util.Map;

/**
 * The two models a retrieval run declares in Solr, from one model folder: echo, the asymmetric
 * retrieval setup ({@link ModelDeclaration#echoRetrieval}) with the task's instruction, and
 * classical, the same prompts with the text once: each template cut after its first copy of the
 * text ({@code Document: {x}\nDocument again: {x}} becomes {@code Document: {x}}), mean pooling
 * over that copy. So the two differ only in the repetition.
 */
final class RetrievalModels {
  /**
   * The instruction of SciFact's queries, as E5-Mistral and MTEB's instructed retrievers give it.
   */
  static final String SCIFACT_INSTRUCTION =
      "Given a scientific claim, retrieve documents that support or refute the claim";

  private final ModelDeclaration echo;
  private final ModelDeclaration classical;

  private RetrievalModels(ModelDeclaration echo, ModelDeclaration classical) {
    this.echo = echo;
    this.classical = classical;
  }

  /**
   * The echo and classical declarations of {@code folder}.
   *
   * @param instruction the query instruction
   * @param parameters parameters set on both (e.g. {@code maxTokens}, {@code device}), names as in
   *     echo-models.json
   * @throws IllegalArgumentException for a folder that is not a model, or a parameter the plugin
   *     would refuse (checked here, before Solr starts)
   */
  static RetrievalModels of(Path folder, String instruction, Map<String, String> parameters) {
    ModelDeclaration echo = ModelDeclaration.echoRetrieval(folder).with("instruction", instruction);
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      echo = echo.with(parameter.getKey(), parameter.getValue());
    }
    ModelDeclaration classical =
        echo.with("mode", "classical")
            .with("documentTemplate", firstCopy(echo.parameters().get("documentTemplate")))
            .with("queryTemplate", firstCopy(echo.parameters().get("queryTemplate")));
    check(echo);
    check(classical);
    return new RetrievalModels(echo, classical);
  }

  ModelDeclaration echo() {
    return echo;
  }

  ModelDeclaration classical() {
    return classical;
  }

  /** {@code template} up to the end of its first {@code {x}}. */
  static String firstCopy(String template) {
    int first = template.indexOf("{x}");
    if (first < 0 || template.indexOf("{x}", first + 3) < 0) {
      throw new IllegalArgumentException("echo template '" + template + "' should hold {x} twice");
    }
    return template.substring(0, first + 3);
  }

  /**
   * Parses the embedding parameters of {@code model} as the plugin will, so that a bad one fails
   * now.
   */
  private static void check(ModelDeclaration model) {
    try {
      model.embeddingSettings();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          model.parameters().get("mode") + " model of " + model.folder() + ": " + e.getMessage(),
          e);
    }
  }
}
