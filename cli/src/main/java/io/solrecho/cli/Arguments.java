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

import io.solrecho.embed.PositiveInteger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options, checked against the names a command accepts. */
public final class Arguments {
  private final Map<String, String> values;

  private Arguments(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException for an unknown option, a missing value or a stray word
   */
  static Arguments parse(String[] args, Set<String> accepted) {
    return parse(args, accepted, Set.of());
  }

  /**
   * Parses {@code args}; the options in {@code flags} are switches that take no value: {@code
   * --name} means {@code true} ({@code --name=false} still works).
   *
   * @throws IllegalArgumentException for an unknown option, a missing value or a stray word
   */
  static Arguments parse(String[] args, Set<String> accepted, Set<String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument '" + arg + "'; options look like --name value");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (name.equals("help") || flags.contains(name)) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
      if (!name.equals("help") && !accepted.contains(name)) {
        throw new IllegalArgumentException(
            "unknown option --" + name + "; accepted: --" + String.join(", --", accepted));
      }
      values.put(name, value);
    }
    return new Arguments(values);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing required option --" + name);
    }
    return value;
  }

  public Path path(String name) {
    return Paths.get(required(name));
  }

  public int integer(String name, int fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option --" + name + " expects an integer, got '" + value + "'");
    }
  }

  /** Option {@code --name} as a whole number of at least 1, or {@code fallback} when absent. */
  public int positive(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : PositiveInteger.parse("--" + name, value);
  }

  public boolean bool(String name, boolean fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "option --" + name + " expects true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }
}
