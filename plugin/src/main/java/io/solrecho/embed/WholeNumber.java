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
 * Whole numbers with a lower bound (counts, sizes, limits), read from configuration or command-line
 * text: the one rule for such values in Solr settings, embedding parameters and the command line,
 * with errors that say what was expected and what came.
 */
public final class WholeNumber {
  private WholeNumber() {}

  /**
   * {@code value} as an int of at least {@code least}.
   *
   * @param name how the caller spells the parameter in errors, such as {@code batchSize}
   * @throws IllegalArgumentException {@code "NAME: expected a whole number of at least LEAST, got
   *     VALUE"} for text that is not a whole number, or one below {@code least}
   */
  public static int atLeast(String name, String value, int least) {
    try {
      return parse(value, least);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code value} itself when it is at least {@code least}.
   *
   * @throws IllegalArgumentException {@code "NAME: expected a whole number of at least LEAST, got
   *     VALUE"} for a value below {@code least}
   */
  public static int atLeast(String name, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(name + ": " + expected(least) + ", got " + value);
    }
    return value;
  }

  /**
   * {@code value} as an int of at least {@code least}, for callers whose error names the parameter
   * already (a command-line option's usage error).
   *
   * @throws IllegalArgumentException {@code "expected a whole number of at least LEAST, got VALUE"}
   */
  public static int parse(String value, int least) {
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(expected(least) + ", got '" + value + "'", e);
    }
    if (parsed < least) {
      throw new IllegalArgumentException(expected(least) + ", got " + parsed);
    }
    return parsed;
  }

  private static String expected(int least) {
    return "expected a whole number of at least " + least;
  }
}
