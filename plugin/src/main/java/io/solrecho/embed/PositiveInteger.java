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
package io.solrecho.embed;

/**
 * Reads a count that must be a whole number of at least 1 from a configuration or command-line
 * string, with errors that name the parameter: the one parser for such values in Solr settings,
 * embedding parameters and the command line.
 */
public final class PositiveInteger {
  private PositiveInteger() {}

  /**
   * {@code value} as an int of at least 1.
   *
   * @param name how the caller spells the parameter in errors, such as {@code batchSize} or {@code
   *     --runs}
   * @throws IllegalArgumentException naming {@code name} for text that is not an integer or a value
   *     below 1
   */
  public static int parse(String name, String value) {
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected an integer, got '" + value + "'", e);
    }
    return check(name, parsed);
  }

  /**
   * {@code value} itself when it is at least 1.
   *
   * @throws IllegalArgumentException naming {@code name} for a value below 1
   */
  public static int check(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
    return value;
  }
}
