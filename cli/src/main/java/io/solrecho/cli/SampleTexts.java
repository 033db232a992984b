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
package io.solrecho.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Benchmark texts: the bodies of the sample collection, repeated as needed. */
final class SampleTexts {
  private SampleTexts() {}

  static List<String> take(int count) throws IOException {
    List<String> bodies = new ArrayList<>();
    for (String line : Files.readAllLines(documents(), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonObject doc = JsonParser.parseString(line).getAsJsonObject();
        bodies.add(doc.get("body").getAsString());
      }
    }
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(bodies.get(i % bodies.size()));
    }
    return out;
  }

  /**
   * sample-collection/documents.jsonl under the repository root (the working directory or its
   * parents).
   */
  static Path documents() throws IOException {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("sample-collection").resolve("documents.jsonl");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IOException(
        "sample-collection/documents.jsonl not found above "
            + Paths.get("").toAbsolutePath()
            + "; run from the repository");
  }
}
