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
package io.solrecho.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON-lines files, one JSON object per line (blank lines skipped; gzipped when the name ends
 * in {@code .gz}), and the fields of their objects; problems are reported as {@code file:line:
 * problem}, naming the object's {@code _id} where it has one.
 */
final class JsonLines {
  private JsonLines() {}

  /** Builds one record from the JSON object on the current line of {@code lines}. */
  @FunctionalInterface
  interface Record<T> {
    T of(LineReader lines, JsonObject json);
  }

  /** The objects of {@code file} as records, in file order. */
  static <T> List<T> read(Path file, Record<T> record) throws IOException {
    List<T> records = new ArrayList<>();
    try (LineReader lines = new LineReader(file)) {
      String line;
      while ((line = lines.next()) != null) {
        if (!line.isBlank()) {
          records.add(record.of(lines, parseObject(lines, line)));
        }
      }
    }
    return records;
  }

  /** The string value of {@code key}, or a failure at the current line when it is absent. */
  static String requiredString(LineReader lines, JsonObject json, String key) {
    String value = optionalString(lines, json, key);
    if (value == null) {
      throw lines.error("missing '" + key + "'" + id(json));
    }
    return value;
  }

  /** The string value of {@code key}, null when absent or JSON null. */
  static String optionalString(LineReader lines, JsonObject json, String key) {
    JsonElement value = json.get(key);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw lines.error("'" + key + "' must be a string" + id(json));
    }
    return value.getAsString();
  }

  /**
   * The value of {@code key} as text, for a number or a string holding one (some files write scores
   * as strings); a failure at the current line when it is absent or anything else.
   */
  static String requiredNumber(LineReader lines, JsonObject json, String key) {
    JsonElement value = json.get(key);
    if (value == null || value.isJsonNull()) {
      throw lines.error("missing '" + key + "'" + id(json));
    }
    if (!value.isJsonPrimitive() || value.getAsJsonPrimitive().isBoolean()) {
      throw lines.error("'" + key + "' must be a number, found " + abbreviate(value.toString()));
    }
    return value.getAsString();
  }

  private static JsonObject parseObject(LineReader lines, String line) {
    JsonElement element;
    try {
      element = JsonParser.parseString(line);
    } catch (JsonParseException e) {
      throw lines.error("not valid JSON: " + e.getMessage());
    }
    if (!element.isJsonObject()) {
      throw lines.error("expected a JSON object, found " + abbreviate(line));
    }
    return element.getAsJsonObject();
  }

  private static String id(JsonObject json) {
    return json.has("_id") ? " (_id " + json.get("_id") + ")" : "";
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
