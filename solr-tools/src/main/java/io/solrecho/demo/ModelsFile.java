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
package io.solrecho.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models a configset's {@code echo-models.json} declares, as written: each name with its
 * parameters ({@code path}, {@code mode}, {@code maxTokens}, ...), values as text and {@code } left
 * as it is (Solr's plugin resolves it).
 */
public final class ModelsFile {
  /** The file's name in a configset. */
  public static final String NAME = "echo-models.json";

  private ModelsFile() {}

  /**
   * The models of {@code configSet}'s echo-models.json, by name in the file's order.
   *
   * @throws IllegalArgumentException when the file is not {@code {"models": {"name": {...}}}} with
   *     at least one model
   */
  public static Map<String, Map<String, String>> read(Path configSet) throws IOException {
    Path file = configSet.resolve(NAME);
    JsonElement json;
    try {
      json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonElement models = json.isJsonObject() ? json.getAsJsonObject().get("models") : null;
    if (models == null || !models.isJsonObject() || models.getAsJsonObject().size() == 0) {
      throw new IllegalArgumentException(
          file + ": expected {\"models\": {\"name\": {...}}} with at least one model");
    }
    Map<String, Map<String, String>> declared = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> model : models.getAsJsonObject().entrySet()) {
      if (!model.getValue().isJsonObject()) {
        throw new IllegalArgumentException(
            file + ": model '" + model.getKey() + "' must be a JSON object of parameters");
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      JsonObject values = model.getValue().getAsJsonObject();
      values.entrySet().forEach(p -> parameters.put(p.getKey(), text(p.getValue())));
      declared.put(model.getKey(), Collections.unmodifiableMap(parameters));
    }
    return Collections.unmodifiableMap(declared);
  }

  private static String text(JsonElement value) {
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }
}
