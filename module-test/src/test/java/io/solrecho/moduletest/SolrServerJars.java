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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The jars of Solr's own class path: solr-core and its runtime dependencies, as this module's build
 * lists them with {@code dependency:list} ({@code -Dsolrecho.solr.jars}, one {@code
 * groupId:artifactId:type[:classifier]:version:scope} per line).
 */
final class SolrServerJars {
  /** groupId:artifactId by artifactId (the jar's name in Solr's lib folder, without version). */
  private final Map<String, String> byArtifactId = new HashMap<>();

  private SolrServerJars() {}

  /** Reads the list the build wrote. */
  static SolrServerJars read() throws IOException {
    Path file = BuildFiles.file("solrecho.solr.jars", "Solr's jar list");
    SolrServerJars jars = new SolrServerJars();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.trim().split("\\s+")[0].split(":");
      if (parts.length >= 5) {
        jars.byArtifactId.put(parts[1], parts[0] + ":" + parts[1]);
      }
    }
    return jars;
  }

  /** Whether Solr has this groupId:artifactId. */
  boolean has(String coordinate) {
    return byArtifactId.containsValue(coordinate);
  }

  /** How many jars Solr has. */
  int size() {
    return byArtifactId.size();
  }

  /**
   * The Solr jar that {@code jar} duplicates, by groupId:artifactId or by the jar's name without
   * version, in any version; null when it duplicates none.
   */
  String clashWith(BundledJar jar) {
    for (String coordinate : jar.coordinates()) {
      if (has(coordinate)) {
        return coordinate;
      }
    }
    return byArtifactId.get(jar.baseName());
  }
}
