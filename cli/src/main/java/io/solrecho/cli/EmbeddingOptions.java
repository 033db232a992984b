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
package io.solrecho.cli;

import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.lm.LmOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedding options shared by the commands that embed ({@code --mode}, {@code --pooling},
 * {@code --template}, ...), mapped onto the parameter names of {@link EmbeddingParameters}.
 */
final class EmbeddingOptions {
  static final String USAGE =
      "  [--mode echo|classical|prompteol] [--pooling mean|last] [--template STR]"
          + " [--query-template STR] [--instruction STR]\n"
          + "  [--spans pieces|offsets] [--normalize true|false] [--max-tokens N] [--add-bos true|false]"
          + " [--batch-size N] [--device auto|cpu|cuda[:N]] [--dtype auto|float32|float16]";

  private static final Map<String, String> OPTION_TO_PARAMETER =
      Map.of(
          "mode",
          "mode",
          "pooling",
          "pooling",
          "template",
          "documentTemplate",
          "query-template",
          "queryTemplate",
          "instruction",
          "instruction",
          "spans",
          "spans",
          "normalize",
          "normalize",
          "max-tokens",
          "maxTokens",
          "add-bos",
          "addBos",
          "batch-size",
          "batchSize");

  private EmbeddingOptions() {}

  /** Settings from the command line, with {@code overrides} (parameter names) applied last. */
  static EmbeddingSettings settings(Arguments arguments, Map<String, String> overrides) {
    Map<String, String> parameters = parameters(arguments);
    parameters.putAll(overrides);
    return EmbeddingParameters.parse(parameters);
  }

  /**
   * The embedding options given on the command line, as parameter names of {@link
   * EmbeddingParameters}.
   */
  static Map<String, String> parameters(Arguments arguments) {
    Map<String, String> parameters = new LinkedHashMap<>();
    OPTION_TO_PARAMETER.forEach(
        (option, parameter) -> {
          if (arguments.has(option)) {
            parameters.put(parameter, arguments.required(option));
          }
        });
    return parameters;
  }

  static LmOptions lm(Arguments arguments) {
    return LmOptions.of(arguments.get("device", "auto"), arguments.get("dtype", "auto"));
  }
}
