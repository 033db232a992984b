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
import io.solrecho.embed.SpanConvention;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How texts become token ids and forward passes, whatever the embedding mode ({@code --spans},
 * {@code --max-tokens}, {@code --add-bos}, {@code --batch-size}, {@code --max-batch-tokens}): a
 * picocli mixin of the commands that embed. An option not given keeps the engine's default, so only
 * the given ones become {@link EmbeddingParameters}.
 */
public final class TokenOptions {
  @Option(
      names = "--spans",
      paramLabel = "SPANS",
      description =
          "how the pooled tokens are found: pieces (each part of the prompt tokenized alone) or"
              + " offsets (the whole prompt at once); default pieces")
  private SpanConvention spans;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description =
          "tokens per copy of a text; longer texts are cut; default "
              + EmbeddingSettings.DEFAULT_MAX_TOKENS_PER_COPY
              + "; lower it for models with few positions (a sentence-transformers folder: tokens"
              + " of the whole sequence, default its max_seq_length)")
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

  @Option(
      names = "--max-batch-tokens",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "padded tokens per forward pass; default 8192")
  private Integer maxBatchTokens;

  /** The options given, by their {@link EmbeddingParameters} names. */
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "spans", spans);
    put(parameters, "maxTokens", maxTokens);
    put(parameters, "addBos", addBos);
    put(parameters, "batchSize", batchSize);
    put(parameters, "maxBatchTokens", maxBatchTokens);
    return parameters;
  }

  /** Puts {@code value}, when given, as the parameter text: an enum constant in lower case. */
  static void put(Map<String, String> parameters, String name, Object value) {
    if (value != null) {
      parameters.put(
          name,
          value instanceof Enum
              ? ((Enum<?>) value).name().toLowerCase(Locale.ROOT)
              : value.toString());
    }
  }
}
