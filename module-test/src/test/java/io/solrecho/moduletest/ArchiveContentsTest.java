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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What the module archive carries, read from the zip itself: no jar that Solr already has on its
 * class path (Solr's list comes from Maven at build time, see {@link SolrServerJars}), and a
 * licence file for every bundled third-party jar.
 */
public class ArchiveContentsTest {
  private static ModuleArchive archive;
  private static SolrServerJars solr;

  @BeforeClass
  public static void readArchiveAndSolrsJarList() throws IOException {
    archive = ModuleArchive.open();
    solr = SolrServerJars.read();
  }

  @Test
  public void solrsListIsTheServerClassPath() {
    assertTrue("solr-core", solr.has("org.apache.solr:solr-core"));
    assertTrue("solr-solrj", solr.has("org.apache.solr:solr-solrj"));
    assertTrue("lucene-core", solr.has("org.apache.lucene:lucene-core"));
    assertTrue("commons-io", solr.has("commons-io:commons-io"));
    assertTrue(solr.size() + " jars", solr.size() > 50);
  }

  @Test
  public void theArchiveCarriesThePluginAndItsEngine() {
    Set<String> names = archive.jarBaseNames();
    for (String expected :
        List.of("solr-echo-plugin", "api", "pytorch-engine", "pytorch-jni", "tokenizers")) {
      assertTrue(expected + " in " + names, names.contains(expected));
    }
    assertTrue(
        "a libtorch jar in " + names,
        names.stream().anyMatch(n -> n.startsWith("pytorch-native-")));
  }

  @Test
  public void theInstalledModuleHasExactlyTheArchivesJars() throws IOException {
    Set<String> installed;
    try (Stream<Path> files = Files.list(SolrInstall.moduleLib())) {
      installed =
          files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> archived =
        archive.jars().stream()
            .map(BundledJar::fileName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals("the install tests' Solr sees what the archive ships", archived, installed);
  }

  @Test
  public void noBundledJarDuplicatesAJarOfSolrsOwn() {
    List<String> duplicates = new ArrayList<>();
    for (BundledJar jar : archive.jars()) {
      String clash = solr.clashWith(jar);
      if (clash != null) {
        duplicates.add(jar.fileName() + " (Solr has " + clash + ")");
      }
    }
    assertEquals(
        "jars in the archive that Solr's class path already has; exclude them in"
            + " plugin/src/assembly/solr-module.xml",
        List.of(),
        duplicates);
  }

  @Test
  public void aJarOfSolrsOwnWouldBeFound() {
    BundledJar olderCommonsIo =
        new BundledJar("commons-io-2.16.1.jar", Set.of("commons-io:commons-io"), false);
    assertEquals("commons-io:commons-io", solr.clashWith(olderCommonsIo));
    BundledJar sameNameOtherGroup = new BundledJar("commons-codec-1.17.1.jar", Set.of(), false);
    assertEquals("commons-codec:commons-codec", solr.clashWith(sameNameOtherGroup));
    assertNull(solr.clashWith(new BundledJar("jna-5.17.0.jar", Set.of(), false)));
  }

  @Test
  public void jarBaseNamesDropVersionAndClassifier() {
    assertEquals(
        "pytorch-native-cpu",
        new BundledJar("pytorch-native-cpu-2.7.1-linux-x86_64.jar", Set.of(), false).baseName());
    assertEquals(
        "pytorch-jni", new BundledJar("pytorch-jni-2.7.1-0.35.1.jar", Set.of(), false).baseName());
    assertEquals(
        "solr-echo-plugin",
        new BundledJar("solr-echo-plugin-0.1.0-SNAPSHOT.jar", Set.of(), false).baseName());
    assertEquals(
        "s2-geometry-library-java",
        new BundledJar("s2-geometry-library-java-1.0.0.jar", Set.of(), false).baseName());
  }

  @Test
  public void theArchiveHasItsLicenceAndNotice() {
    assertTrue(archive.has("solr-echo/LICENSE"));
    assertTrue(archive.has("solr-echo/NOTICE"));
  }

  @Test
  public void everyBundledJarHasItsLicenceFile() {
    List<String> missing = new ArrayList<>();
    for (BundledJar jar : archive.jars()) {
      if (jar.baseName().equals("solr-echo-plugin")) {
        continue; // the project's own: solr-echo/LICENSE
      }
      if (archive.licenceFiles(jar.baseName() + "-LICENSE-").isEmpty()) {
        missing.add("solr-echo/licenses/" + jar.baseName() + "-LICENSE-<kind>.txt");
      }
      if (jar.hasNotice() && !archive.has(noticeOf(jar))) {
        missing.add(noticeOf(jar) + " (the jar has a notice)");
      }
    }
    assertEquals("licence files missing from the archive", List.of(), missing);
  }

  @Test
  public void everyLicenceFileBelongsToABundledJar() {
    Set<String> orphans = new TreeSet<>();
    for (String file : archive.licenceFiles("")) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      boolean owned =
          archive.jars().stream()
              .anyMatch(
                  jar ->
                      name.startsWith(jar.baseName() + "-LICENSE-")
                          || name.equals(jar.baseName() + "-NOTICE.txt"));
      if (!owned) {
        orphans.add(file);
      }
    }
    assertEquals("licence files of jars the archive does not carry", Set.of(), orphans);
  }

  private static String noticeOf(BundledJar jar) {
    return "solr-echo/licenses/" + jar.baseName() + "-NOTICE.txt";
  }
}
