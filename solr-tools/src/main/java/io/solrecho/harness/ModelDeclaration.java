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

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.solrecho.demo.ModelFolder;
import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.embed.EmbeddingSettings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One model as a measurement declares it in the {@code echo-models.json} of its configset ({@link
 * ExperimentConfigSet}): the folder and the parameters the Solr plugin reads (mode, templates,
 * maxTokens, device, ...), the measurement's own rather than the shipped configset's. Immutable.
 */
final class ModelDeclaration {
  /** The longest text embedded, in tokens per copy, when the model allows it. */
  static final int DEFAULT_MAX_TOKENS = 256;

  /** Positions left to the template around the two copies of an echo prompt. */
  static final int TEMPLATE_POSITIONS = 64;

  static final String DOCUMENT_TEMPLATE = "Document: {x}\nDocument again: {x}";
  static final String QUERY_TEMPLATE = "Instruct: {instruction}\nQuery: {x}\nQuery again: {x}";
  static final String INSTRUCTION = "Given a question, retrieve passages that answer it";

  private static final Set<String> RUNTIME_PARAMETERS =
      Set.of("device", "dtype", "queueCapacity", "timeoutMs");

  private final ModelFolder model;
  private final Map<String, String> parameters;

  private ModelDeclaration(ModelFolder model, Map<String, String> parameters) {
    this.model = model;
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  /**
   * Echo embeddings for asymmetric retrieval with an instruction-tuned model: documents as {@value
   * #DOCUMENT_TEMPLATE}, queries as {@value #QUERY_TEMPLATE} with the instruction "{@value
   * #INSTRUCTION}", mean pooling over the second copy, normalised vectors, up to {@value
   * #DEFAULT_MAX_TOKENS} tokens per copy (fewer when the model has fewer positions), on the best
   * device there is.
   *
   * @throws IllegalArgumentException when {@code folder} is not a model folder, or its model is too
   *     short for any text
   */
  static ModelDeclaration echoRetrieval(Path folder) {
    ModelFolder model = ModelFolder.read(folder);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("device", "auto");
    parameters.put("dtype", "auto");
    parameters.put("mode", "echo");
    parameters.put("documentTemplate", DOCUMENT_TEMPLATE);
    parameters.put("queryTemplate", QUERY_TEMPLATE);
    parameters.put("instruction", INSTRUCTION);
    parameters.put("pooling", "mean");
    parameters.put("normalize", "true");
    parameters.put("spans", "pieces");
    parameters.put("maxTokens", Integer.toString(maxTokens(model.maxPositions(), model.folder())));
    parameters.put("batchSize", "16");
    parameters.put("addBos", "false");
    parameters.put("queueCapacity", "1024");
    parameters.put("timeoutMs", "120000");
    return new ModelDeclaration(model, parameters);
  }

  /** Tokens per copy that fit the model: two copies and the template within its positions. */
  static int maxTokens(int maxPositions, Path folder) {
    if (maxPositions <= 0) {
      return DEFAULT_MAX_TOKENS;
    }
    int fitting = (maxPositions - TEMPLATE_POSITIONS) / 2;
    if (fitting < 8) {
      throw new IllegalArgumentException(
          "the model in "
              + folder
              + " has only "
              + maxPositions
              + " positions, too few for an echo prompt (two copies of the text and the template)");
    }
    return Math.min(DEFAULT_MAX_TOKENS, fitting);
  }

  /**
   * The same model with one parameter changed (see the Solr plugin's echo-models.json parameters,
   * e.g. {@code device}, {@code maxTokens}, {@code documentTemplate}).
   *
   * @throws IllegalArgumentException for a parameter the plugin does not know, or {@code path}
   */
  ModelDeclaration with(String name, String value) {
    if (!RUNTIME_PARAMETERS.contains(name) && !EmbeddingParameters.NAMES.contains(name)) {
      Set<String> known = new TreeSet<>(RUNTIME_PARAMETERS);
      known.addAll(EmbeddingParameters.NAMES);
      throw new IllegalArgumentException(
          "unknown model parameter '" + name + "' (the folder is fixed); known: " + known);
    }
    Map<String, String> changed = new LinkedHashMap<>(parameters);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return new ModelDeclaration(model, changed);
  }

  /** The model folder (absolute), its vector length and positions. */
  ModelFolder model() {
    return model;
  }

  /** The model folder (absolute). */
  Path folder() {
    return model.folder();
  }

  /** The parameters besides {@code path}, in declaration order. */
  Map<String, String> parameters() {
    return parameters;
  }

  /**
   * The embedding settings the plugin reads from this declaration.
   *
   * @throws IllegalArgumentException naming the parameter the plugin would refuse
   */
  EmbeddingSettings embeddingSettings() {
    Map<String, String> embedding = new LinkedHashMap<>(parameters);
    embedding.keySet().retainAll(EmbeddingParameters.NAMES);
    return EmbeddingParameters.parse(embedding);
  }

  /** An {@code echo-models.json} declaring this model under each of {@code names}. */
  String modelsJson(Collection<String> names) {
    JsonObject declared = new JsonObject();
    declared.addProperty("path", folder().toString());
    parameters.forEach(declared::addProperty);
    JsonObject models = new JsonObject();
    for (String name : names) {
      models.add(name, declared);
    }
    JsonObject file = new JsonObject();
    file.add("models", models);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(file) + "\n";
  }

  @Override
  public String toString() {
    return folder() + " (" + model.dimension() + " dimensions, " + parameters + ")";
  }
}
