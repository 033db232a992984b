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
package io.solrecho.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPOutputStream;

/**
 * The evaluation samples written for the tests (src/test/resources/io/solrecho/eval, see its
 * README): a {@code --data} folder in the original formats, and MTEB's STS files as the hub holds
 * them.
 */
final class EvalSamples {
  private EvalSamples() {}

  /** The sample {@code --data} folder: stsbenchmark/, sick/, sts12-16/, scifact-beir/. */
  static Path data() {
    return resource("data");
  }

  /** The sample of MTEB's {@code test.jsonl.gz} for repository {@code mteb/<name>}, unzipped. */
  static Path hub(String name) {
    return resource("hub/" + name + ".jsonl");
  }

  /** The gzipped bytes of {@code file}. */
  static byte[] gzip(Path file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Path resource(String name) {
    try {
      return Paths.get(EvalSamples.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
