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
package io.solrecho.eval;

import io.solrecho.embed.EmbeddingMode;
import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.Pooling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One way of embedding that the evaluation compares, named {@code <mode>-<pooling>} as on the
 * command line: {@code echo-mean}, {@code classical-last}, {@code prompteol-last}, ...
 */
public record EmbeddingSetup(EmbeddingMode mode, Pooling pooling) {
  /** The setups evaluated when none are named: the paper's zero-shot comparison. */
  public static final List<EmbeddingSetup> DEFAULTS =
      List.of(
          new EmbeddingSetup(EmbeddingMode.ECHO, Pooling.MEAN),
          new EmbeddingSetup(EmbeddingMode.ECHO, Pooling.LAST),
          new EmbeddingSetup(EmbeddingMode.CLASSICAL, Pooling.MEAN),
          new EmbeddingSetup(EmbeddingMode.CLASSICAL, Pooling.LAST),
          new EmbeddingSetup(EmbeddingMode.PROMPTEOL, Pooling.LAST));

  public EmbeddingSetup {
    if (mode == null || pooling == null) {
      throw new IllegalArgumentException("mode and pooling must not be null");
    }
  }

  /**
   * Parses {@code echo-mean}.
   *
   * @throws IllegalArgumentException naming the accepted modes and poolings
   */
  public static EmbeddingSetup parse(String name) {
    String text = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    int dash = text.lastIndexOf('-');
    EmbeddingMode mode = dash < 0 ? null : constant(EmbeddingMode.class, text.substring(0, dash));
    if (mode != null && !mode.usesTemplates()) {
      mode = null; // a folder's own recipe has its own pooling: nothing to compare here
    }
    Pooling pooling = dash < 0 ? null : constant(Pooling.class, text.substring(dash + 1));
    if (mode == null || pooling == null) {
      throw new IllegalArgumentException(
          "setup '"
              + name
              + "': expected <mode>-<pooling> with mode "
              + names(EmbeddingMode.class)
              + " and pooling "
              + names(Pooling.class)
              + ", e.g. echo-mean");
    }
    return new EmbeddingSetup(mode, pooling);
  }

  /**
   * Parses a comma-separated list, e.g. {@code echo-mean,classical-mean}.
   *
   * @throws IllegalArgumentException for an empty list, a bad name or a repeated setup
   */
  public static List<EmbeddingSetup> parseList(String names) {
    List<EmbeddingSetup> setups = new ArrayList<>();
    for (String name : names.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      EmbeddingSetup setup = parse(name);
      if (setups.contains(setup)) {
        throw new IllegalArgumentException("setup '" + setup.name() + "' is listed twice");
      }
      setups.add(setup);
    }
    if (setups.isEmpty()) {
      throw new IllegalArgumentException("no setups given; e.g. echo-mean,classical-mean");
    }
    return List.copyOf(setups);
  }

  /** {@code echo-mean}. */
  public String name() {
    return lower(mode) + "-" + lower(pooling);
  }

  /**
   * The settings of this setup: {@code shared} embedding parameters (names of {@link
   * EmbeddingParameters}, e.g. {@code maxTokens}) with this mode and pooling, and {@code template}
   * as the document template, or the mode's default when null.
   *
   * @throws IllegalArgumentException for a bad parameter or a template that does not suit the mode
   */
  public EmbeddingSettings settings(Map<String, String> shared, String template) {
    Map<String, String> parameters = new LinkedHashMap<>(shared);
    parameters.put("mode", lower(mode));
    parameters.put("pooling", lower(pooling));
    if (template != null) {
      parameters.put("documentTemplate", template);
    }
    try {
      return EmbeddingParameters.parse(parameters);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setup " + name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return name();
  }

  static String lower(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (lower(constant).equals(text)) {
        return constant;
      }
    }
    return null;
  }

  private static String names(Class<? extends Enum<?>> type) {
    List<String> names = new ArrayList<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      if (!(constant instanceof EmbeddingMode) || ((EmbeddingMode) constant).usesTemplates()) {
        names.add(lower(constant));
      }
    }
    return String.join("|", names);
  }
}
