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

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A jar in the module archive's {@code lib} folder.
 *
 * @param fileName the jar's file name, {@code <artifactId>-<version>[-<classifier>].jar} as the
 *     assembly names it
 * @param coordinates the {@code groupId:artifactId} of every Maven pom.properties inside the jar
 * @param hasNotice whether the jar carries a NOTICE file in META-INF
 */
record BundledJar(String fileName, Set<String> coordinates, boolean hasNotice) {
  /** Everything from the first "-digit" on is the version (and classifier). */
  private static final Pattern VERSION = Pattern.compile("-\\d.*$");

  /** The file name without version, classifier and extension: the artifactId. */
  String baseName() {
    String name =
        fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
    Matcher version = VERSION.matcher(name);
    return version.find() ? name.substring(0, version.start()) : name;
  }
}
