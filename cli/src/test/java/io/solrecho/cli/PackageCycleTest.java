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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The packages of this module depend on each other without a cycle: {@code cli} (the command line
 * and the built-in commands) names no other package of the module, so {@code eval} can build on it.
 * Read from the compiled classes, whose constant pools name every class they use.
 */
public class PackageCycleTest {
  private static final Path CLASSES = Paths.get("target/classes/io/solrecho");
  private static final Pattern REFERENCE = Pattern.compile("io/solrecho/([a-z]+)/[A-Za-z]");

  @Test
  public void theModulesPackagesFormNoCycle() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    assertTrue(uses.toString(), uses.keySet().containsAll(List.of("cli", "eval")));
    assertEquals("cli uses only the plugin", Set.of(), uses.get("cli"));
    for (String start : uses.keySet()) {
      List<String> path = new ArrayList<>(List.of(start));
      assertNoCycle(uses, path);
    }
  }

  private static void assertNoCycle(Map<String, Set<String>> uses, List<String> path) {
    for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
      assertTrue("package cycle: " + path + " -> " + next, !path.contains(next));
      path.add(next);
      assertNoCycle(uses, path);
      path.remove(path.size() - 1);
    }
  }

  /** For each package of this module, the other packages of the module its classes name. */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.toString().endsWith(".class")) {
          String own = CLASSES.relativize(file).getName(0).toString();
          Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
          Matcher reference =
              REFERENCE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
          while (reference.find()) {
            used.add(reference.group(1));
          }
        }
      }
    }
    uses.values().forEach(used -> used.retainAll(uses.keySet()));
    uses.forEach((own, used) -> used.remove(own));
    return uses;
  }
}
