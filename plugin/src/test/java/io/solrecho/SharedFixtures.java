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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The read-only {@code ../shared} folder that sits beside the repository on the project's own
 * machines and in CI, never in a user's clone. The tests need nothing from it: they read the
 * in-tree {@link ProjectFixtures}.
 *
 * <p>It is an optional extra oracle: with {@code -Pshared-oracle} (which sets the {@code
 * solrecho.oracle} system property; {@code .ci/run} switches it on when {@code ../shared} exists)
 * the fidelity and echo reference tests also run against its {@code fixtures/hf-reference} (made by
 * transformers 4.45.1 and 5.17.0, other shapes and seeds) and its third-party toy GPT-2. Without
 * the profile those are not test parameters at all, so nothing is skipped; with it, a missing
 * folder is an error.
 */
public final class SharedFixtures {
  /** The system property {@code -Pshared-oracle} sets to the shared folder. */
  public static final String ORACLE_PROPERTY = "solrecho.oracle";

  private SharedFixtures() {}

  /** The hf-reference model fixtures of the shared folder, named {@code shared/<name>}. */
  public static List<ReferenceModel> oracleModels() {
    List<ReferenceModel> models = new ArrayList<>();
    Path root = oracle();
    if (root != null) {
      try (Stream<Path> folders = Files.list(root.resolve("fixtures/hf-reference/models"))) {
        folders
            .filter(folder -> Files.isRegularFile(folder.resolve("reference.json")))
            .sorted()
            .forEach(
                folder -> models.add(new ReferenceModel("shared/" + folder.getFileName(), folder)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (models.isEmpty()) {
        throw new IllegalStateException("-Pshared-oracle: no hf-reference models under " + root);
      }
    }
    return models;
  }

  /** The shared echo reference embeddings, of the third-party toy GPT-2 of the shared folder. */
  public static List<EchoReference> oracleEchoReferences() {
    Path root = oracle();
    if (root == null) {
      return List.of();
    }
    return List.of(
        new EchoReference(
            "shared/toy-gpt2",
            existing(root.resolve("models/toy-gpt2")),
            existing(root.resolve("fixtures/hf-reference/echo/echo_reference.json"))));
  }

  /** The shared folder when {@code -Pshared-oracle} is on, else null. */
  private static Path oracle() {
    String configured = System.getProperty(ORACLE_PROPERTY, "");
    if (configured.isBlank()) {
      return null;
    }
    return existing(Paths.get(configured).toAbsolutePath().normalize());
  }

  private static Path existing(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          "-Pshared-oracle: "
              + path
              + " does not exist (run without the profile in a clone without ../shared)");
    }
    return path;
  }
}
