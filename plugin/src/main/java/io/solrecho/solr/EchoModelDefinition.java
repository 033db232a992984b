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
package io.solrecho.solr;

import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.WholeNumber;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.ModelConfig;
import io.solrecho.lm.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One model as declared in the models file of a configset, checked once: the folder it is read
 * from, how it runs (device, dtype), how it embeds ({@link EmbeddingSettings}, resolved against the
 * folder: mode auto is its sentence-transformers recipe when it has one) and how requests queue for
 * it. Immutable. Two declarations with the same {@link #key()} describe the same vectors and the
 * same runtime, so they share one loaded model whatever they are called.
 */
final class EchoModelDefinition {
  /** Base folder for relative model paths; without it they resolve against the Solr home. */
  static final String MODELS_DIR_PROPERTY = "solr.echo.models.dir";

  private static final Set<String> RUNTIME_PARAMETERS =
      Set.of("path", "device", "dtype", "queueCapacity", "timeoutMs");

  private final String name;
  private final Path folder;
  private final LmOptions options;
  private final EmbeddingSettings settings;
  private final int queueCapacity;
  private final Duration timeout;

  private EchoModelDefinition(
      String name,
      Path folder,
      LmOptions options,
      EmbeddingSettings settings,
      int queueCapacity,
      Duration timeout) {
    this.name = name;
    this.folder = folder;
    this.options = options;
    this.settings = settings;
    this.queueCapacity = queueCapacity;
    this.timeout = timeout;
  }

  /**
   * The model {@code name} from its declared parameters; a relative {@code path} resolves against
   * {@code base}.
   *
   * @throws IllegalArgumentException naming the model and the parameter that is wrong
   */
  static EchoModelDefinition parse(String name, Map<String, String> parameters, Path base) {
    try {
      Set<String> unknown = new TreeSet<>(parameters.keySet());
      unknown.removeAll(RUNTIME_PARAMETERS);
      unknown.removeAll(EmbeddingParameters.NAMES);
      if (!unknown.isEmpty()) {
        Set<String> known = new TreeSet<>(RUNTIME_PARAMETERS);
        known.addAll(EmbeddingParameters.NAMES);
        throw new IllegalArgumentException("unknown parameter(s) " + unknown + "; known: " + known);
      }
      String path = parameters.get("path");
      if (path == null || path.isBlank()) {
        throw new IllegalArgumentException("path (the model folder) is missing");
      }
      Path folder = base.resolve(path.trim()).toAbsolutePath().normalize();
      checkFolder(folder, path, base);
      Map<String, String> embedding = new HashMap<>(parameters);
      embedding.keySet().removeAll(RUNTIME_PARAMETERS);
      return new EchoModelDefinition(
          name,
          folder,
          LmOptions.of(parameters.get("device"), parameters.get("dtype")),
          resolved(EmbeddingParameters.parse(embedding), folder),
          positive(parameters, "queueCapacity", 1024),
          Duration.ofMillis(positive(parameters, "timeoutMs", 60_000)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * The settings for the folder (a sentence-transformers folder's recipe under mode auto), read now
   * so that a folder the settings do not suit fails with the configuration.
   */
  private static EmbeddingSettings resolved(EmbeddingSettings settings, Path folder) {
    try {
      return settings.resolve(folder);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static void checkFolder(Path folder, String declared, Path base) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "model folder "
              + folder
              + " does not exist (path \""
              + declared
              + "\" resolved against "
              + base
              + "; relative paths resolve against -D"
              + MODELS_DIR_PROPERTY
              + " when set, else the Solr home)");
    }
    for (String file : new String[] {"config.json", TextTokenizer.FILE_NAME}) {
      if (!Files.isRegularFile(folder.resolve(file))) {
        throw new IllegalArgumentException(
            "model folder "
                + folder
                + " has no "
                + file
                + " (download the whole model folder from the Hugging Face hub)");
      }
    }
  }

  private static int positive(Map<String, String> parameters, String key, int fallback) {
    String value = parameters.get(key);
    return value == null ? fallback : WholeNumber.atLeast(key, value, 1);
  }

  String name() {
    return name;
  }

  Path folder() {
    return folder;
  }

  LmOptions options() {
    return options;
  }

  EmbeddingSettings settings() {
    return settings;
  }

  int queueCapacity() {
    return queueCapacity;
  }

  /** Longest a text waits for queue space, and for its vector. */
  Duration timeout() {
    return timeout;
  }

  /**
   * The length of the model's vectors (its hidden size), read from config.json without loading the
   * weights, so that a core can check its vector field at load time.
   */
  int dimension() {
    try {
      return ModelConfig.read(folder).hiddenSize();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "model '"
              + name
              + "': cannot read "
              + folder.resolve("config.json")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** What makes two declarations the same loaded model: everything but the name. */
  String key() {
    return folder
        + "\n"
        + options
        + "\n"
        + settings
        + "\nbatchSize="
        + settings.maxBatchSize()
        + "\nmaxBatchTokens="
        + settings.maxBatchTokens()
        + "\nqueueCapacity="
        + queueCapacity
        + "\ntimeout="
        + timeout;
  }

  @Override
  public String toString() {
    return "model '" + name + "' (" + folder + ", " + options + ")";
  }
}
