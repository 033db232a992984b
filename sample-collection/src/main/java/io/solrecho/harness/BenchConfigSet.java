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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configset the benchmark runs Solr with: a copy of the checkout's, without Solr's {@code
 * queryResultCache}, so that a repeated query runs the knn search again and only the query vector
 * cache ({@code echoQueryCache}) makes it cheaper, that cache large enough for every timed query.
 * Lives in a temporary folder, deleted on {@link #close()}.
 */
final class BenchConfigSet implements AutoCloseable {
  private static final Pattern QUERY_RESULT_CACHE =
      Pattern.compile("\\s*<queryResultCache\\b[^>]*/>");
  private static final Pattern QUERY_VECTOR_CACHE_SIZE =
      Pattern.compile("(<cache name=\"echoQueryCache\"[^>]*\\bsize=\")(\\d+)\"");

  private final Path folder;

  private BenchConfigSet(Path folder) {
    this.folder = folder;
  }

  /**
   * Copies the files of {@code source}, removes the queryResultCache from the copy's solrconfig.xml
   * and makes its query vector cache hold at least {@code queryVectors} entries.
   *
   * @throws IllegalArgumentException when {@code source} has no solrconfig.xml
   */
  static BenchConfigSet copyWithoutQueryResultCache(Path source, int queryVectors)
      throws IOException {
    Path config = source.resolve("solrconfig.xml");
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException(source + " is not a configset: it has no solrconfig.xml");
    }
    Path folder = Files.createTempDirectory("solr-echo-bench-conf-");
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Files.copy(
              file,
              folder.resolve(file.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    String xml =
        QUERY_RESULT_CACHE.matcher(Files.readString(config, StandardCharsets.UTF_8)).replaceAll("");
    xml =
        QUERY_VECTOR_CACHE_SIZE
            .matcher(xml)
            .replaceAll(
                size ->
                    size.group(1) + Math.max(Integer.parseInt(size.group(2)), queryVectors) + "\"");
    Files.writeString(folder.resolve("solrconfig.xml"), xml, StandardCharsets.UTF_8);
    return new BenchConfigSet(folder);
  }

  Path folder() {
    return folder;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder: best effort
    }
  }
}
