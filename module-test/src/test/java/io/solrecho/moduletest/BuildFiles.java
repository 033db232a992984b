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

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Files this module's build makes for the tests and names in system properties (see its pom). */
final class BuildFiles {
  private BuildFiles() {}

  /** The file named by {@code property}, which the build writes as {@code what}. */
  static Path file(String property, String what) {
    String configured = System.getProperty(property);
    assertTrue(
        property + " is not set: run this test through Maven (mvn verify), which writes " + what,
        configured != null);
    Path file = Paths.get(configured);
    assertTrue(what + " is missing: " + file, Files.isRegularFile(file));
    return file;
  }
}
