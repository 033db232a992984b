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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The tokenizer settings a model folder keeps beside {@code tokenizer.json}, as transformers reads
 * them: {@code tokenizer_config.json}, and {@code special_tokens_map.json} for the special tokens
 * the former does not name. Both files are optional.
 */
public final class TokenizerConfig {
  /** The named special tokens of transformers' tokenizers, in its order. */
  private static final List<String> NAMED_SPECIAL_TOKENS =
      List.of(
          "bos_token",
          "eos_token",
          "unk_token",
          "sep_token",
          "pad_token",
          "cls_token",
          "mask_token");

  /** Lists of further special tokens: transformers 4's name, then transformers 5's. */
  private static final List<String> SPECIAL_TOKEN_LISTS =
      List.of("additional_special_tokens", "extra_special_tokens");

  private final JsonObject config;
  private final JsonObject specialTokensMap;

  private TokenizerConfig(JsonObject config, JsonObject specialTokensMap) {
    this.config = config;
    this.specialTokensMap = specialTokensMap;
  }

  /**
   * The settings of {@code folder}; empty when it has neither file.
   *
   * @throws IOException when a file is there but is not a JSON object
   */
  public static TokenizerConfig read(Path folder) throws IOException {
    return new TokenizerConfig(
        optionalObject(folder.resolve("tokenizer_config.json")),
        optionalObject(folder.resolve("special_tokens_map.json")));
  }

  /** Whether tokenizer_config.json names {@code key} at all, even as null. */
  boolean declares(String key) {
    return config.has(key);
  }

  /** Whether tokenizer_config.json sets {@code key} to null (e.g. a model without BOS token). */
  boolean declaresNone(String key) {
    return config.has(key) && config.get(key).isJsonNull();
  }

  /**
   * The text of the special token {@code key} (e.g. {@code eos_token}), written as a string or as
   * an object with {@code content}, from tokenizer_config.json, else special_tokens_map.json.
   */
  Optional<String> token(String key) {
    return tokenText(setting(key));
  }

  /** {@code key} of tokenizer_config.json, else of special_tokens_map.json; null in neither. */
  private JsonElement setting(String key) {
    return config.has(key) ? config.get(key) : specialTokensMap.get(key);
  }

  /**
   * Every special token the settings name, as transformers' {@code all_special_tokens}: the named
   * ones ({@code bos_token}, {@code eos_token}, {@code unk_token}, {@code sep_token}, {@code
   * pad_token}, {@code cls_token}, {@code mask_token}) and the listed ones ({@code
   * additional_special_tokens}, {@code extra_special_tokens}), each once.
   */
  List<String> specialTokens() {
    Set<String> tokens = new LinkedHashSet<>();
    for (String key : NAMED_SPECIAL_TOKENS) {
      token(key).ifPresent(tokens::add);
    }
    for (String key : SPECIAL_TOKEN_LISTS) {
      JsonElement list = setting(key);
      if (list != null && list.isJsonArray()) {
        for (JsonElement token : (JsonArray) list) {
          tokenText(token).ifPresent(tokens::add);
        }
      } else if (list != null && list.isJsonObject()) {
        for (Map.Entry<String, JsonElement> token : list.getAsJsonObject().entrySet()) {
          tokenText(token.getValue()).ifPresent(tokens::add);
        }
      }
    }
    return List.copyOf(tokens);
  }

  /**
   * {@code model_max_length}: the longest sequence the tokenizer truncates to (transformers writes
   * 1e30 for "no limit").
   */
  public OptionalDouble modelMaxLength() {
    JsonElement value = config.get("model_max_length");
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
        ? OptionalDouble.of(value.getAsDouble())
        : OptionalDouble.empty();
  }

  private static Optional<String> tokenText(JsonElement token) {
    if (token == null || token.isJsonNull()) {
      return Optional.empty();
    }
    JsonElement content = token.isJsonObject() ? token.getAsJsonObject().get("content") : token;
    return content != null && content.isJsonPrimitive()
        ? Optional.of(content.getAsString())
        : Optional.empty();
  }

  private static JsonObject optionalObject(Path file) throws IOException {
    return Files.isRegularFile(file) ? readJsonObject(file) : new JsonObject();
  }

  /**
   * The JSON object in {@code file}.
   *
   * @throws IOException when it cannot be read or is not a JSON object
   */
  static JsonObject readJsonObject(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(reader).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(
          "cannot read " + file + ": not a JSON object (" + e.getMessage() + ")", e);
    }
  }
}
