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
package io.solrecho.moduletest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the repository's own fixtures ({@code fixtures/}), like the plugin's test locator, which
 * cannot be used here: the plugin must not be on this module's classpath. They are part of every
 * clone, so a missing one is an error.
 */
final class ProjectFixtures {
  private ProjectFixtures() {}

  /** The project's tiny GPT-2 ({@code fixtures/tiny-gpt2}, 16 dimensions). */
  static Path tinyModel() {
    Path model = Paths.get("..", "fixtures", "tiny-gpt2").toAbsolutePath().normalize();
    if (!Files.isRegularFile(model.resolve("config.json"))) {
      throw new IllegalStateException(
          "fixture missing: " + model + " (fixtures/ is part of the repository)");
    }
    return model;
  }
}
