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

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The options of {@code bin/solr-echo demo}, checked together.
 *
 * @param model the model folder, or null for the default model (downloaded on first use)
 * @param nodes SolrCloud nodes, or 0 for one standalone node
 * @param port the (first) node's port; 0 for any free port
 * @param serve keep serving after the example queries, until Ctrl-C
 * @param documents the documents file (JSONL)
 * @param queries the queries file (JSON)
 */
record DemoOptions(Path model, int nodes, int port, boolean serve, Path documents, Path queries) {
  /** Solr's usual port, used when serving. */
  static final int DEFAULT_PORT = 8983;

  DemoOptions {
    if (nodes < 0) {
      throw new IllegalArgumentException(
          "--solrcloud: expected a number of nodes of at least 1, got " + nodes);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port: expected 0 to 65535, got " + port);
    }
    for (Path file : new Path[] {documents, queries}) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such file: " + file);
      }
    }
  }
}
