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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Copies of hf-reference fixture files into a test's temporary folder, optionally edited; the
 * shared folder itself is never written.
 */
final class FixtureCopies {
  private FixtureCopies() {}

  /** Writes {@code fixture}'s config.json into {@code folder}, after {@code edit} changed it. */
  static void config(String fixture, Path folder, Consumer<JsonObject> edit) throws IOException {
    Path source = ProjectFixtures.referenceModel(fixture).resolve("config.json");
    JsonObject config =
        JsonParser.parseString(Files.readString(source, StandardCharsets.UTF_8)).getAsJsonObject();
    edit.accept(config);
    Files.writeString(folder.resolve("config.json"), config.toString(), StandardCharsets.UTF_8);
  }

  /** Copies {@code fixture}'s config.json unchanged into {@code folder}. */
  static void config(String fixture, Path folder) throws IOException {
    Files.copy(
        ProjectFixtures.referenceModel(fixture).resolve("config.json"),
        folder.resolve("config.json"));
  }

  /** Copies {@code fixture}'s model.safetensors into {@code folder} and returns the copy. */
  static Path weights(String fixture, Path folder) throws IOException {
    Path copy = folder.resolve(ModelWeights.SINGLE_FILE);
    Files.copy(ProjectFixtures.referenceModel(fixture).resolve(ModelWeights.SINGLE_FILE), copy);
    return copy;
  }

  /** The fixture's original model.safetensors (read only). */
  static Path originalWeights(String fixture) {
    return ProjectFixtures.referenceModel(fixture).resolve(ModelWeights.SINGLE_FILE);
  }
}
