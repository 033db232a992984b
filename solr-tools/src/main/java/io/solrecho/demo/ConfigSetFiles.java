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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The files of a configset folder, copied as they are, byte for byte. */
public final class ConfigSetFiles {
  private ConfigSetFiles() {}

  /**
   * Copies every file of {@code configSet} (solrconfig.xml, the schema, echo-models.json, ...) into
   * {@code target}, created if need be, replacing files of the same name there.
   */
  public static void copy(Path configSet, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(configSet)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Files.copy(
              file,
              target.resolve(file.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
