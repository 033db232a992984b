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
import java.util.HashMap;
import java.util.Map;

/**
 * The Solr install folder the build unpacked the module archive into ({@code
 * -Dsolrecho.install.dir}, set by this module's pom), laid out as in a Solr distribution: {@code
 * modules/solr-echo/lib/*.jar}.
 */
final class SolrInstall {
  /** The module's name, as users enable it ({@code SOLR_MODULES=solr-echo}). */
  static final String MODULE = "solr-echo";

  private SolrInstall() {}

  /** The install folder; Solr finds modules in its {@code modules} subfolder. */
  static Path dir() {
    String configured = System.getProperty("solrecho.install.dir");
    assertTrue(
        "solrecho.install.dir is not set: run this test through Maven (mvn -pl module-test verify), which"
            + " unpacks the module archive",
        configured != null);
    Path dir = Paths.get(configured).toAbsolutePath().normalize();
    assertTrue(
        "the unpacked module archive has no jars in "
            + moduleLib(dir)
            + "; build it with mvn -pl module-test verify",
        Files.isDirectory(moduleLib(dir)));
    return dir;
  }

  /**
   * The system properties that install the archive as a Solr module: the install folder ({@code
   * solr.install.dir}, which {@code bin/solr} sets) and {@code SOLR_MODULES=solr-echo} (which
   * {@code bin/solr} passes on as {@code -Dsolr.modules}).
   */
  static Map<String, String> asModule() {
    return Map.of("solr.install.dir", dir().toString(), "solr.modules", MODULE);
  }

  /**
   * The system properties that install the archive as Solr's shared lib: {@code solr.sharedLib}
   * (read by the distribution's solr.xml as {@code sharedLib}) naming {@code solr-echo/lib}; no
   * install folder and no module (null values clear the properties).
   */
  static Map<String, String> asSharedLib() {
    Map<String, String> properties = new HashMap<>();
    properties.put("solr.sharedLib", moduleLib().toString());
    properties.put("solr.install.dir", null);
    properties.put("solr.modules", null);
    return properties;
  }

  /** The archive's {@code solr-echo/lib} folder inside the install folder. */
  static Path moduleLib() {
    return moduleLib(dir());
  }

  private static Path moduleLib(Path installDir) {
    return installDir.resolve("modules").resolve(MODULE).resolve("lib");
  }
}
