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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The module archive zip as the build made it ({@code -Dsolrecho.module.zip}): its entry names and,
 * for each jar in {@code solr-echo/lib}, what the jar says about itself.
 */
final class ModuleArchive {
  private static final String LIB = "solr-echo/lib/";
  private static final String LICENSES = "solr-echo/licenses/";
  private static final Pattern POM_PROPERTIES =
      Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
  private static final Pattern NOTICE =
      Pattern.compile("META-INF/NOTICE(\\.txt|\\.md)?", Pattern.CASE_INSENSITIVE);

  private final Set<String> entries;
  private final List<BundledJar> jars;

  private ModuleArchive(Set<String> entries, List<BundledJar> jars) {
    this.entries = entries;
    this.jars = jars;
  }

  /** Reads the archive the build made. */
  static ModuleArchive open() throws IOException {
    Path zip = BuildFiles.file("solrecho.module.zip", "the module archive");
    Set<String> entries = new TreeSet<>();
    List<BundledJar> jars = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        entries.add(entry.getName());
        String name = entry.getName();
        if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
          try (InputStream in = file.getInputStream(entry)) {
            jars.add(describe(name.substring(LIB.length()), in));
          }
        }
      }
    }
    assertTrue("no jars in " + LIB + " of " + zip, !jars.isEmpty());
    return new ModuleArchive(entries, jars);
  }

  private static BundledJar describe(String fileName, InputStream jar) throws IOException {
    Set<String> coordinates = new TreeSet<>();
    boolean notice = false;
    try (ZipInputStream in = new ZipInputStream(jar)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Matcher pom = POM_PROPERTIES.matcher(entry.getName());
        if (pom.matches()) {
          coordinates.add(pom.group(1) + ":" + pom.group(2));
        }
        notice |= NOTICE.matcher(entry.getName()).matches();
      }
    }
    return new BundledJar(fileName, coordinates, notice);
  }

  /** The jars in {@code solr-echo/lib}. */
  List<BundledJar> jars() {
    return jars;
  }

  /** The jar names without versions. */
  Set<String> jarBaseNames() {
    return jars.stream().map(BundledJar::baseName).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Whether the archive has this entry. */
  boolean has(String entry) {
    return entries.contains(entry);
  }

  /** The files in {@code solr-echo/licenses} whose names start with {@code prefix}. */
  List<String> licenceFiles(String prefix) {
    return entries.stream()
        .filter(e -> e.startsWith(LICENSES + prefix) && !e.endsWith("/"))
        .collect(Collectors.toList());
  }
}
