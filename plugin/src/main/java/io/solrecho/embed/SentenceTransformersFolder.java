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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.solrecho.lm.ModelConfig;
import io.solrecho.lm.TokenizerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a sentence-transformers model folder says about turning a text into a vector, read from its
 * files and checked once: the recipe {@code mode=auto} follows for such a folder.
 *
 * <p>Read: {@code modules.json} (a Transformer module that is the folder itself, a Pooling module,
 * an optional Normalize), the Pooling module's {@code config.json} (last-token or mean pooling,
 * {@code include_prompt}), {@code sentence_bert_config.json} ({@code max_seq_length}) and {@code
 * config_sentence_transformers.json} ({@code prompts}), in the older layout most hub folders carry
 * ({@code sentence_transformers.models.*} module types, {@code pooling_mode_*} booleans) and the
 * newer one sentence-transformers 5 and 6 write ({@code pooling_mode}, the length limit in {@code
 * tokenizer_config.json}). Anything that would make sentence-transformers compute something else (a
 * Dense or Router module, another pooling, lower casing, processor arguments, ...) is refused with
 * the file and the value.
 */
public final class SentenceTransformersFolder {
  /** The file whose presence makes a folder a sentence-transformers folder. */
  public static final String MODULES_FILE = "modules.json";

  private static final String PROMPTS_FILE = "config_sentence_transformers.json";
  private static final String TRANSFORMER_FILE = "sentence_bert_config.json";
  private static final String PREFIX = "sentence_transformers.";
  private static final Set<String> KNOWN_TRANSFORMER_KEYS =
      Set.of(
          "max_seq_length",
          "do_lower_case",
          "model_args",
          "model_kwargs",
          "tokenizer_args",
          "processor_kwargs",
          "config_args",
          "config_kwargs",
          "transformer_task",
          "modality_config",
          "module_output_name",
          "processing_kwargs",
          "unpad_inputs",
          "query_length",
          "document_length",
          "query_expansion",
          "backend");

  /**
   * The older layout's pooling switches and the modes they name, in sentence-transformers' order.
   */
  private static final Map<String, String> LEGACY_POOLING_MODES = legacyPoolingModes();

  /** Tokenizer arguments that leave the vectors alone. */
  private static final Set<String> HARMLESS_TOKENIZER_ARGUMENTS =
      Set.of("padding_side", "trust_remote_code", "use_fast");

  private final Path folder;
  private final Pooling pooling;
  private final boolean includePrompt;
  private final boolean normalize;
  private final int maxSeqLength;
  private final Map<String, String> prompts;

  private SentenceTransformersFolder(
      Path folder,
      Pooling pooling,
      boolean includePrompt,
      boolean normalize,
      int maxSeqLength,
      Map<String, String> prompts) {
    this.folder = folder;
    this.pooling = pooling;
    this.includePrompt = includePrompt;
    this.normalize = normalize;
    this.maxSeqLength = maxSeqLength;
    this.prompts = prompts;
  }

  /**
   * The recipe of {@code folder}, or empty when it has no {@code modules.json}.
   *
   * @throws IOException when a file cannot be read or is not the JSON it should be
   * @throws IllegalArgumentException naming the file and the value when the folder asks for
   *     something solr-echo does not reproduce
   */
  public static Optional<SentenceTransformersFolder> read(Path folder) throws IOException {
    Path modulesFile = folder.resolve(MODULES_FILE);
    if (!Files.isRegularFile(modulesFile)) {
      return Optional.empty();
    }
    List<JsonObject> modules = modules(modulesFile);
    String poolingPath = string(modules.get(1), "path", modulesFile);
    JsonObject poolingConfig = readObject(folder.resolve(poolingPath).resolve("config.json"));
    String poolingFile = poolingPath + "/config.json";
    JsonObject promptsConfig = optionalObject(folder.resolve(PROMPTS_FILE));
    checkModelType(promptsConfig, folder);
    Map<String, String> prompts = prompts(promptsConfig, folder);
    checkDefaultPromptName(promptsConfig, prompts, folder);
    return Optional.of(
        new SentenceTransformersFolder(
            folder,
            pooling(poolingConfig, folder.resolve(poolingFile)),
            bool(poolingConfig, "include_prompt", true, folder.resolve(poolingFile)),
            modules.size() == 3,
            maxSeqLength(folder),
            prompts));
  }

  /** The folder read. */
  public Path folder() {
    return folder;
  }

  /** Last-token or mean pooling. */
  public Pooling pooling() {
    return pooling;
  }

  /** False when the prompt's tokens are left out of mean pooling ({@code include_prompt}). */
  public boolean includePrompt() {
    return includePrompt;
  }

  /** Whether the folder ends with a Normalize module. */
  public boolean normalize() {
    return normalize;
  }

  /** The most tokens of a sequence, prompt and special tokens included; longer ones are cut. */
  public int maxSeqLength() {
    return maxSeqLength;
  }

  /**
   * The prompts by name as sentence-transformers 6 holds them: {@code query} and {@code document}
   * (empty unless the folder writes them), then the folder's others, in its order.
   */
  public Map<String, String> prompts() {
    return prompts;
  }

  /**
   * The prompt put before texts of {@code role}, as sentence-transformers' {@code encode_query} and
   * {@code encode_document} choose it: the prompt {@code name} when given, else {@code query} for
   * queries and {@code document} for documents (sentence-transformers 6 always has both, empty
   * unless the folder writes them, so that neither {@code passage} nor {@code default_prompt_name},
   * which only a plain {@code encode} uses, applies to a role).
   *
   * @param parameter the configuration parameter {@code name} came from, for messages
   * @throws IllegalArgumentException when there is no prompt {@code name}
   */
  String prompt(TextRole role, String name, String parameter) {
    if (name == null) {
      return prompts.get(role == TextRole.QUERY ? "query" : "document");
    }
    if (!prompts.containsKey(name)) {
      throw new IllegalArgumentException(
          parameter
              + ": '"
              + name
              + "' is not a prompt of "
              + folder.resolve(PROMPTS_FILE)
              + "; its prompts: "
              + prompts.keySet());
    }
    return prompts.get(name);
  }

  @Override
  public String toString() {
    return "sentence-transformers folder "
        + folder
        + " (pooling "
        + pooling
        + (includePrompt ? "" : " without the prompt")
        + (normalize ? ", normalized" : "")
        + ", max_seq_length "
        + maxSeqLength
        + ", prompts "
        + prompts.keySet()
        + ")";
  }

  /** The modules, checked: Transformer (the folder itself), Pooling, optionally Normalize. */
  private static List<JsonObject> modules(Path file) throws IOException {
    JsonElement json = parse(file);
    if (!json.isJsonArray()) {
      throw new IOException("cannot read " + file + ": not a JSON array of modules");
    }
    List<JsonObject> modules = new ArrayList<>();
    for (JsonElement module : (JsonArray) json) {
      if (!module.isJsonObject()) {
        throw new IOException("cannot read " + file + ": a module is not a JSON object");
      }
      modules.add(module.getAsJsonObject());
    }
    List<String> expected = List.of("Transformer", "Pooling", "Normalize");
    boolean supported = modules.size() == 2 || modules.size() == 3;
    for (int i = 0; supported && i < modules.size(); i++) {
      supported = expected.get(i).equals(moduleClass(modules.get(i), file));
    }
    if (!supported) {
      List<String> types = new ArrayList<>();
      modules.forEach(m -> types.add(string(m, "type", file)));
      throw new IllegalArgumentException(
          file
              + " lists the modules "
              + types
              + "; supported: a Transformer, a Pooling (mean or lasttoken) and optionally a"
              + " Normalize, in this order (set mode=echo, classical or prompteol to embed this"
              + " model with a prompt template instead)");
    }
    String transformerPath = string(modules.get(0), "path", file);
    if (!transformerPath.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ": the Transformer module lies in '"
              + transformerPath
              + "'; supported: the model folder itself (path \"\")");
    }
    return modules;
  }

  private static Map<String, String> legacyPoolingModes() {
    Map<String, String> modes = new LinkedHashMap<>();
    modes.put("pooling_mode_cls_token", "cls");
    modes.put("pooling_mode_max_tokens", "max");
    modes.put("pooling_mode_mean_tokens", "mean");
    modes.put("pooling_mode_mean_sqrt_len_tokens", "mean_sqrt_len_tokens");
    modes.put("pooling_mode_weightedmean_tokens", "weightedmean");
    modes.put("pooling_mode_lasttoken", "lasttoken");
    return Collections.unmodifiableMap(modes);
  }

  /** {@code Pooling} for {@code sentence_transformers.models.Pooling} and the newer names. */
  private static String moduleClass(JsonObject module, Path file) {
    String type = string(module, "type", file);
    return type.startsWith(PREFIX) ? type.substring(type.lastIndexOf('.') + 1) : type;
  }

  private static Pooling pooling(JsonObject config, Path file) {
    List<String> modes = new ArrayList<>();
    JsonElement mode = config.get("pooling_mode");
    if (mode != null && mode.isJsonPrimitive()) {
      modes.add(mode.getAsString());
    } else if (mode != null && mode.isJsonArray()) {
      mode.getAsJsonArray().forEach(m -> modes.add(m.getAsString()));
    } else {
      for (Map.Entry<String, String> legacy : LEGACY_POOLING_MODES.entrySet()) {
        if (bool(config, legacy.getKey(), false, file)) {
          modes.add(legacy.getValue());
        }
      }
      if (modes.isEmpty()) {
        modes.add("mean");
      }
    }
    if (modes.equals(List.of("mean"))) {
      return Pooling.MEAN;
    }
    if (modes.equals(List.of("lasttoken"))) {
      return Pooling.LAST;
    }
    throw new IllegalArgumentException(
        file
            + ": pooling "
            + modes
            + " is not supported; supported: mean (pooling_mode_mean_tokens) or lasttoken"
            + " (pooling_mode_lasttoken) alone");
  }

  /**
   * The length limit: {@code model_max_length} of the Transformer's tokenizer arguments, else
   * {@code max_seq_length}, else the tokenizer's {@code model_max_length} capped at the model's
   * positions, as sentence-transformers sets it.
   */
  private static int maxSeqLength(Path folder) throws IOException {
    Path file = folder.resolve(TRANSFORMER_FILE);
    JsonObject config = optionalObject(file);
    checkTransformer(config, file);
    for (String key : List.of("processor_kwargs", "tokenizer_args")) {
      JsonElement arguments = config.get(key);
      if (arguments != null && arguments.isJsonObject()) {
        JsonObject object = arguments.getAsJsonObject();
        for (String argument : object.keySet()) {
          if (!argument.equals("model_max_length")
              && !HARMLESS_TOKENIZER_ARGUMENTS.contains(argument)) {
            throw new IllegalArgumentException(
                file + ": " + key + "." + argument + " is not supported");
          }
        }
        if (object.has("model_max_length")) {
          return positiveInt(object, "model_max_length", file);
        }
      }
    }
    if (config.has("max_seq_length") && !config.get("max_seq_length").isJsonNull()) {
      return positiveInt(config, "max_seq_length", file);
    }
    int positions = ModelConfig.read(folder).maxPositions();
    OptionalDouble tokenizerLimit = TokenizerConfig.read(folder).modelMaxLength();
    double limit = tokenizerLimit.orElse(Double.MAX_VALUE);
    if (positions > 0) {
      limit = Math.min(limit, positions);
    }
    return limit >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) limit;
  }

  /** Refuses the Transformer settings that would change what sentence-transformers computes. */
  private static void checkTransformer(JsonObject config, Path file) {
    for (String key : config.keySet()) {
      if (!KNOWN_TRANSFORMER_KEYS.contains(key)) {
        throw new IllegalArgumentException(file + ": '" + key + "' is not supported");
      }
    }
    if (bool(config, "do_lower_case", false, file)) {
      throw new IllegalArgumentException(file + ": do_lower_case true is not supported");
    }
    expect(config, "transformer_task", "feature-extraction", file);
    expect(config, "module_output_name", "token_embeddings", file);
    for (String key : List.of("config_args", "config_kwargs", "processing_kwargs")) {
      JsonElement value = config.get(key);
      if (value != null && value.isJsonObject() && value.getAsJsonObject().size() > 0) {
        throw new IllegalArgumentException(file + ": " + key + " " + value + " is not supported");
      }
    }
    for (String key : List.of("query_length", "document_length", "query_expansion")) {
      if (config.has(key) && !config.get(key).isJsonNull()) {
        throw new IllegalArgumentException(
            file + ": " + key + " (multi-vector models) is not supported");
      }
    }
    JsonElement modalities = config.get("modality_config");
    if (modalities != null) {
      JsonElement text =
          modalities.isJsonObject() && modalities.getAsJsonObject().size() == 1
              ? modalities.getAsJsonObject().get("text")
              : null;
      JsonElement output =
          text != null && text.isJsonObject()
              ? text.getAsJsonObject().get("method_output_name")
              : null;
      String outputName =
          output != null && output.isJsonArray() && output.getAsJsonArray().size() == 1
              ? output.getAsJsonArray().get(0).getAsString()
              : output != null && output.isJsonPrimitive() ? output.getAsString() : null;
      boolean plainText =
          outputName != null
              && outputName.equals("last_hidden_state")
              && "forward".equals(optionalString(text.getAsJsonObject(), "method"));
      if (!plainText) {
        throw new IllegalArgumentException(
            file
                + ": modality_config "
                + modalities
                + " is not supported; supported: text through the model's forward"
                + " (last_hidden_state)");
      }
    }
  }

  private static void checkModelType(JsonObject config, Path folder) {
    String type = optionalString(config, "model_type");
    if (type != null && !type.equals("SentenceTransformer")) {
      throw new IllegalArgumentException(
          folder.resolve(PROMPTS_FILE)
              + ": model_type "
              + type
              + " is not supported; supported: SentenceTransformer (dense embeddings)");
    }
  }

  private static Map<String, String> prompts(JsonObject config, Path folder) {
    Map<String, String> prompts = new LinkedHashMap<>();
    prompts.put("query", "");
    prompts.put("document", "");
    JsonElement json = config.get("prompts");
    if (json != null && json.isJsonObject()) {
      for (Map.Entry<String, JsonElement> prompt : json.getAsJsonObject().entrySet()) {
        JsonElement value = prompt.getValue();
        if (!value.isJsonNull() && !value.isJsonPrimitive()) {
          throw new IllegalArgumentException(
              folder.resolve(PROMPTS_FILE) + ": prompt '" + prompt.getKey() + "' is not a string");
        }
        prompts.put(prompt.getKey(), value.isJsonNull() ? "" : value.getAsString());
      }
    }
    return Collections.unmodifiableMap(prompts);
  }

  /** A default prompt must be one of the prompts, as sentence-transformers checks on loading. */
  private static void checkDefaultPromptName(
      JsonObject config, Map<String, String> prompts, Path folder) {
    String name = optionalString(config, "default_prompt_name");
    if (name != null && !prompts.containsKey(name)) {
      throw new IllegalArgumentException(
          folder.resolve(PROMPTS_FILE)
              + ": default_prompt_name '"
              + name
              + "' is not one of its prompts "
              + prompts.keySet());
    }
  }

  private static void expect(JsonObject config, String key, String value, Path file) {
    String actual = optionalString(config, key);
    if (actual != null && !actual.equals(value)) {
      throw new IllegalArgumentException(
          file + ": " + key + " '" + actual + "' is not supported; supported: " + value);
    }
  }

  private static String optionalString(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static String string(JsonObject object, String key, Path file) {
    JsonElement value = object.get(key);
    if (value == null || !value.isJsonPrimitive()) {
      throw new IllegalArgumentException(file + ": a module has no string '" + key + "'");
    }
    return value.getAsString();
  }

  private static boolean bool(JsonObject object, String key, boolean fallback, Path file) {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      return fallback;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw new IllegalArgumentException(file + ": " + key + " is not true or false: " + value);
    }
    return value.getAsBoolean();
  }

  private static int positiveInt(JsonObject object, String key, Path file) {
    JsonElement value = object.get(key);
    if (!value.isJsonPrimitive()
        || !value.getAsJsonPrimitive().isNumber()
        || value.getAsDouble() < 1
        || value.getAsDouble() != Math.rint(value.getAsDouble())) {
      throw new IllegalArgumentException(
          file + ": " + key + " is not a positive integer: " + value);
    }
    return value.getAsDouble() >= Integer.MAX_VALUE ? Integer.MAX_VALUE : value.getAsInt();
  }

  private static JsonObject optionalObject(Path file) throws IOException {
    return Files.isRegularFile(file) ? readObject(file) : new JsonObject();
  }

  private static JsonObject readObject(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "missing " + file + " (download the whole sentence-transformers model folder)");
    }
    JsonElement json = parse(file);
    if (!json.isJsonObject()) {
      throw new IOException("cannot read " + file + ": not a JSON object");
    }
    return json.getAsJsonObject();
  }

  private static JsonElement parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(reader);
    } catch (JsonParseException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
