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
package io.solrecho.embed;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link EmbeddingSettings} from named string parameters, the one spelling shared by the Solr
 * configuration and the command line: {@code mode} ({@code auto}, the default, {@code echo}, {@code
 * classical}, {@code prompteol} or {@code sentence_transformers}), {@code pooling}, {@code
 * documentTemplate} (alias {@code template}), {@code queryTemplate}, {@code instruction}, {@code
 * queryPrompt}, {@code documentPrompt}, {@code spans}, {@code normalize}, {@code maxTokens}, {@code
 * addBos}, {@code batchSize}, {@code maxBatchTokens}. Every error names the parameter and the
 * accepted values.
 */
public final class EmbeddingParameters {
  /** The {@code mode} that leaves the choice to the model folder. */
  private static final String AUTO = "auto";

  /** The parameter names understood here. */
  public static final Set<String> NAMES =
      Set.of(
          "mode",
          "pooling",
          "template",
          "documentTemplate",
          "queryTemplate",
          "instruction",
          "queryPrompt",
          "documentPrompt",
          "spans",
          "normalize",
          "maxTokens",
          "addBos",
          "batchSize",
          "maxBatchTokens");

  private EmbeddingParameters() {}

  /**
   * Settings from {@code parameters}; absent names keep their defaults.
   *
   * @throws IllegalArgumentException naming an unknown parameter or a bad value
   */
  public static EmbeddingSettings parse(Map<String, String> parameters) {
    Set<String> unknown = new TreeSet<>(parameters.keySet());
    unknown.removeAll(NAMES);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown embedding parameter(s) " + unknown + "; known: " + new TreeSet<>(NAMES));
    }
    EmbeddingSettings.Builder b = EmbeddingSettings.builder();
    String mode = parameters.get("mode");
    if (mode != null && !mode.trim().equalsIgnoreCase(AUTO)) {
      b.mode(choice("mode", mode, EmbeddingMode.class, AUTO));
    }
    String pooling = parameters.get("pooling");
    if (pooling != null) {
      b.pooling(choice("pooling", pooling, Pooling.class));
    }
    String spans = parameters.get("spans");
    if (spans != null) {
      b.spanConvention(choice("spans", spans, SpanConvention.class));
    }
    String template = parameters.getOrDefault("documentTemplate", parameters.get("template"));
    if (template != null) {
      b.documentTemplate(unescape(template));
    }
    if (parameters.containsKey("queryTemplate")) {
      b.queryTemplate(unescape(parameters.get("queryTemplate")));
    }
    if (parameters.containsKey("instruction")) {
      b.instruction(parameters.get("instruction"));
    }
    b.queryPrompt(parameters.get("queryPrompt"));
    b.documentPrompt(parameters.get("documentPrompt"));
    if (parameters.containsKey("normalize")) {
      b.normalize(bool("normalize", parameters.get("normalize")));
    }
    if (parameters.containsKey("addBos")) {
      b.addBos(bool("addBos", parameters.get("addBos")));
    }
    if (parameters.containsKey("maxTokens")) {
      b.maxTokensPerCopy(WholeNumber.atLeast("maxTokens", parameters.get("maxTokens"), 1));
    }
    if (parameters.containsKey("batchSize")) {
      b.maxBatchSize(WholeNumber.atLeast("batchSize", parameters.get("batchSize"), 1));
    }
    if (parameters.containsKey("maxBatchTokens")) {
      b.maxBatchTokens(WholeNumber.atLeast("maxBatchTokens", parameters.get("maxBatchTokens"), 1));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      if (NAMES.stream().anyMatch(name -> e.getMessage().startsWith(name + ":"))) {
        throw e;
      }
      throw new IllegalArgumentException("template: " + e.getMessage(), e);
    }
  }

  /**
   * Templates written on one line (XML attributes, shell arguments) may spell a newline as {@code
   * \n}.
   */
  static String unescape(String template) {
    return template.replace("\\n", "\n").replace("\\t", "\t");
  }

  /**
   * The constant of {@code type} that {@code value} names (any case, {@code -} for {@code _}); the
   * error lists the constants and the {@code others} also accepted.
   */
  private static <E extends Enum<E>> E choice(
      String name, String value, Class<E> type, String... others) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      StringBuilder accepted = new StringBuilder(String.join(", ", others));
      for (E constant : type.getEnumConstants()) {
        accepted
            .append(accepted.length() == 0 ? "" : ", ")
            .append(constant.name().toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException(
          name + ": expected one of " + accepted + ", got '" + value + "'", e);
    }
  }

  private static boolean bool(String name, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(name + ": expected true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(v);
  }
}
