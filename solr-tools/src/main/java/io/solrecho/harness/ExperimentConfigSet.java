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
package io.solrecho.harness;

import io.solrecho.demo.ConfigSetFiles;
import io.solrecho.demo.ModelsFile;
import io.solrecho.demo.TemporaryFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The configset of a measurement (eval's retrieval through Solr, bench): a copy of the checkout's
 * whose echo-models.json declares the measurement's model, with its own templates, maxTokens and
 * device, under every name the configset uses; for the benchmark also without Solr's {@code
 * queryResultCache}. The demo never uses one: it runs the shipped configset as it is. Lives in a
 * temporary folder, deleted on {@link #close()}.
 */
final class ExperimentConfigSet implements AutoCloseable {
  private static final Pattern QUERY_RESULT_CACHE =
      Pattern.compile("\\s*<queryResultCache\\b[^>]*/>");
  private static final Pattern QUERY_VECTOR_CACHE_SIZE =
      Pattern.compile("(<cache name=\"echoQueryCache\"[^>]*\\bsize=\")(\\d+)\"");

  private final Path folder;

  private ExperimentConfigSet(Path folder) {
    this.folder = folder;
  }

  /**
   * Copies the files of {@code source} and declares {@code model} in the copy's echo-models.json
   * under the names {@code source} declares.
   *
   * @throws IllegalArgumentException when {@code source} has no solrconfig.xml or no models
   */
  static ExperimentConfigSet declaring(Path source, ModelDeclaration model) throws IOException {
    if (!Files.isRegularFile(source.resolve("solrconfig.xml"))) {
      throw new IllegalArgumentException(source + " is not a configset: it has no solrconfig.xml");
    }
    Path folder = Files.createTempDirectory("solr-echo-experiment-conf-");
    ExperimentConfigSet copy = new ExperimentConfigSet(folder);
    try {
      ConfigSetFiles.copy(source, folder);
      Files.writeString(
          folder.resolve(ModelsFile.NAME),
          model.modelsJson(ModelsFile.read(source).keySet()),
          StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      copy.close();
      throw e;
    }
    return copy;
  }

  /**
   * Removes the queryResultCache from the copy's solrconfig.xml, so that a repeated query runs the
   * knn search again and only the query vector cache ({@code echoQueryCache}) makes it cheaper, and
   * makes that cache hold at least {@code queryVectors} entries.
   */
  ExperimentConfigSet withoutQueryResultCache(int queryVectors) throws IOException {
    Path config = folder.resolve("solrconfig.xml");
    String xml =
        QUERY_RESULT_CACHE.matcher(Files.readString(config, StandardCharsets.UTF_8)).replaceAll("");
    xml =
        QUERY_VECTOR_CACHE_SIZE
            .matcher(xml)
            .replaceAll(
                size ->
                    size.group(1) + Math.max(Integer.parseInt(size.group(2)), queryVectors) + "\"");
    Files.writeString(config, xml, StandardCharsets.UTF_8);
    return this;
  }

  Path folder() {
    return folder;
  }

  @Override
  public void close() {
    TemporaryFolders.deleteQuietly(folder);
  }
}
