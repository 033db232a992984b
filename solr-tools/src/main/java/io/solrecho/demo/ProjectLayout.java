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

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the local-Solr tools find the files of the solr-echo checkout they run from: the configset
 * ({@code solr-config/conf}), the sample collection, and the {@code models/} folder for downloaded
 * models. Immutable.
 */
public final class ProjectLayout {
  /** Overrides the checkout's root folder. */
  public static final String ROOT_PROPERTY = "solr.echo.root";

  private final Path root;
  private final Path models;

  private ProjectLayout(Path root, Path models) {
    this.root = root;
    this.models = models;
  }

  /**
   * The checkout from {@code -D}{@value #ROOT_PROPERTY}, else the first folder holding {@code
   * solr-config/conf/solrconfig.xml} above this code's jar (or classes folder), else above the
   * working directory.
   *
   * @throws IllegalStateException naming the places looked at
   */
  public static ProjectLayout locate() {
    String configured = System.getProperty(ROOT_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return of(Paths.get(configured));
    }
    List<Path> starts = new ArrayList<>();
    codeLocation().ifPresent(starts::add);
    starts.add(Paths.get("").toAbsolutePath());
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (isCheckout(dir)) {
          return new ProjectLayout(dir, dir.resolve("models"));
        }
      }
    }
    throw new IllegalStateException(
        "cannot find the solr-echo checkout (a folder with solr-config/conf/solrconfig.xml)"
            + " above "
            + starts
            + "; set -D"
            + ROOT_PROPERTY
            + "=DIR");
  }

  /**
   * The checkout at {@code root}.
   *
   * @throws IllegalArgumentException when {@code root} has no {@code
   *     solr-config/conf/solrconfig.xml}
   */
  public static ProjectLayout of(Path root) {
    Path dir = root.toAbsolutePath().normalize();
    if (!isCheckout(dir)) {
      throw new IllegalArgumentException(
          dir + " is not a solr-echo checkout: it has no solr-config/conf/solrconfig.xml");
    }
    return new ProjectLayout(dir, dir.resolve("models"));
  }

  /**
   * The same checkout with downloaded models kept in {@code models} instead of {@code ROOT/models}.
   */
  public ProjectLayout withModels(Path models) {
    return new ProjectLayout(
        root, Objects.requireNonNull(models, "models").toAbsolutePath().normalize());
  }

  private static boolean isCheckout(Path dir) {
    return Files.isRegularFile(dir.resolve("solr-config/conf/solrconfig.xml"));
  }

  private static Optional<Path> codeLocation() {
    try {
      CodeSource source = ProjectLayout.class.getProtectionDomain().getCodeSource();
      return source == null
          ? Optional.empty()
          : Optional.of(Paths.get(source.getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public Path root() {
    return root;
  }

  /** The configset folder: solrconfig.xml, managed-schema.xml, echo-models.json. */
  public Path configSet() {
    return root.resolve("solr-config/conf");
  }

  /** {@code sample-collection/documents.jsonl}. */
  public Path sampleDocuments() {
    return root.resolve("sample-collection/documents.jsonl");
  }

  /** {@code sample-collection/queries.json}. */
  public Path sampleQueries() {
    return root.resolve("sample-collection/queries.json");
  }

  /** Where downloaded models live, one folder per model ({@code ROOT/models} unless changed). */
  public Path models() {
    return models;
  }

  @Override
  public String toString() {
    return "solr-echo checkout at " + root;
  }
}
