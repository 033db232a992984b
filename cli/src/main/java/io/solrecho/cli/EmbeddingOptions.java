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
import io.solrecho.embed.Pooling;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The embedding options of the commands that embed ({@code --mode}, {@code --pooling}, {@code
 * --template}, ..., and the {@link TokenOptions}), a picocli mixin. An option not given keeps the
 * engine's default, so only the given ones become {@link EmbeddingParameters} (the spelling shared
 * with the Solr configuration).
 */
final class EmbeddingOptions {
  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "auto (a sentence-transformers folder as its files say, any other folder echo), echo"
              + " (the text twice, pooled over the second copy), classical (once), prompteol or"
              + " sentence_transformers; default auto")
  private String mode;

  @Option(
      names = "--pooling",
      paramLabel = "POOLING",
      description =
          "mean or last; default: the mode's (last for prompteol, else mean), or a"
              + " sentence-transformers folder's")
  private Pooling pooling;

  @Option(
      names = "--template",
      paramLabel = "TEMPLATE",
      description =
          "the documents' prompt, {x} where the text goes (twice for echo), \\n for a line break;"
              + " default: the mode's zero-shot template")
  private String template;

  @Option(
      names = "--query-template",
      paramLabel = "TEMPLATE",
      description = "the queries' prompt (--role query); default: --template")
  private String queryTemplate;

  @Option(
      names = "--instruction",
      paramLabel = "TEXT",
      description = "fills {instruction} in the templates")
  private String instruction;

  @Option(
      names = "--normalize",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "scale vectors to length 1; default true, or whether a sentence-transformers folder"
              + " normalizes")
  private Boolean normalize;

  @Mixin private TokenOptions tokens;

  /** The options given, by their {@link EmbeddingParameters} names. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    TokenOptions.put(parameters, "mode", mode);
    TokenOptions.put(parameters, "pooling", pooling);
    TokenOptions.put(parameters, "documentTemplate", template);
    TokenOptions.put(parameters, "queryTemplate", queryTemplate);
    TokenOptions.put(parameters, "instruction", instruction);
    TokenOptions.put(parameters, "normalize", normalize);
    parameters.putAll(tokens.parameters());
    return parameters;
  }

  /**
   * The settings of the options given.
   *
   * @throws IllegalArgumentException naming the parameter whose value the engine refuses (a
   *     template without {@code {x}}, ...)
   */
  EmbeddingSettings settings() {
    return EmbeddingParameters.parse(parameters());
  }
}
