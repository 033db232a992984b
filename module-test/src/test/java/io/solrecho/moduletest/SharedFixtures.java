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

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the read-only {@code ../shared} folder beside the repository ({@code -Dsolrecho.shared}
 * overrides it), like the plugin's own test locator, which cannot be used here: the plugin must not
 * be on this module's classpath. Tests that need it are skipped, with a message naming the path.
 */
final class SharedFixtures {
  private SharedFixtures() {}

  /** A path inside the shared folder, or a skipped test when it is absent. */
  static Path resolve(String relative) {
    String configured = System.getProperty("solrecho.shared");
    Path shared =
        (configured != null ? Paths.get(configured) : Paths.get("..", "shared"))
            .toAbsolutePath()
            .normalize();
    assumeTrue(
        "skipped: shared fixtures folder not found at "
            + shared
            + " (clone the repository beside ../shared or set -Dsolrecho.shared)",
        Files.isDirectory(shared));
    Path path = shared.resolve(relative);
    assumeTrue("skipped: shared fixture not found: " + path, Files.exists(path));
    return path;
  }
}
