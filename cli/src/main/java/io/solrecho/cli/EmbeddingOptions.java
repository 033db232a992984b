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
import io.solrecho.embed.SpanConvention;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The embedding options of the commands that embed ({@code --mode}, {@code --pooling}, {@code
 * --template}, ...), a picocli mixin. An option not given keeps the engine's default, so only the
 * given ones become {@link EmbeddingParameters} (the spelling shared with the Solr configuration).
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
      names = "--spans",
      paramLabel = "SPANS",
      description =
          "how the pooled tokens are found: pieces (each part of the prompt tokenized alone) or"
              + " offsets (the whole prompt at once); default pieces")
  private SpanConvention spans;

  @Option(
      names = "--normalize",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "scale vectors to length 1; default true, or whether a sentence-transformers folder"
              + " normalizes")
  private Boolean normalize;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description =
          "tokens per copy of a text; longer texts are cut; default "
              + EmbeddingSettings.DEFAULT_MAX_TOKENS_PER_COPY
              + " (a sentence-transformers folder: tokens of the whole sequence, default its"
              + " max_seq_length)")
  private Integer maxTokens;

  @Option(
      names = "--add-bos",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description = "start each prompt with the beginning-of-sequence token; default false")
  private Boolean addBos;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "texts per forward pass; default 16")
  private Integer batchSize;

  /** The options given, by their {@link EmbeddingParameters} names. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "mode", mode);
    put(parameters, "pooling", pooling);
    put(parameters, "documentTemplate", template);
    put(parameters, "queryTemplate", queryTemplate);
    put(parameters, "instruction", instruction);
    put(parameters, "spans", spans);
    put(parameters, "normalize", normalize);
    put(parameters, "maxTokens", maxTokens);
    put(parameters, "addBos", addBos);
    put(parameters, "batchSize", batchSize);
    return parameters;
  }

  private static void put(Map<String, String> parameters, String name, Object value) {
    if (value != null) {
      parameters.put(
          name,
          value instanceof Enum
              ? ((Enum<?>) value).name().toLowerCase(Locale.ROOT)
              : value.toString());
    }
  }
}
