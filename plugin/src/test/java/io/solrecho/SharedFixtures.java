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
package io.solrecho;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Locates the read-only {@code ../shared} folder (fixtures, models, data sets) that sits beside the
 * repository on developer machines and in CI. Tests that need it are skipped, with a message naming
 * the missing path, in a fresh clone without it.
 */
public final class SharedFixtures {
  /** Every hf-reference model fixture, one per architecture and checkpoint variant. */
  public static final List<String> REFERENCE_MODELS =
      List.of(
          "llama",
          "llama_bf16",
          "llama3_rope_tied",
          "mistral_sw8",
          "qwen2",
          "qwen3",
          "gpt2",
          "gpt_neox",
          "phi3",
          "gemma");

  private SharedFixtures() {}

  /** The shared folder, or a skipped test when it is absent. */
  public static Path shared() {
    String configured = System.getProperty("solrecho.shared");
    Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "shared");
    dir = dir.toAbsolutePath().normalize();
    assumeTrue(
        "skipped: shared fixtures folder not found at "
            + dir
            + " (clone the repository beside ../shared or set -Dsolrecho.shared)",
        Files.isDirectory(dir));
    return dir;
  }

  /** A path inside the shared folder, or a skipped test when it is absent. */
  public static Path resolve(String relative) {
    Path path = shared().resolve(relative);
    assumeTrue("skipped: shared fixture not found: " + path, Files.exists(path));
    return path;
  }

  /** The folder of one hf-reference model fixture, e.g. {@code llama}. */
  public static Path referenceModel(String name) {
    return resolve("fixtures/hf-reference/models/" + name);
  }
}
