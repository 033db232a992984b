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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads toy-study triplets from JSON: {@code {"triplets": [{"id", "kind": "S1"|"S2", "query",
 * "positive", "negative"}, ...]}}. The built-in set ({@value #RESOURCE}, 20 triplets of each kind,
 * written for this project) is what {@code bin/solr-echo eval} uses.
 */
public final class ToyTriplets {
  /** Class-path location of the built-in set. */
  public static final String RESOURCE = "/io/solrecho/eval/toy-triplets.json";

  private ToyTriplets() {}

  /** The built-in triplets, in file order. */
  public static List<ToyTriplet> builtIn() throws IOException {
    try (InputStream in = ToyTriplets.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(
            "toy triplets resource " + RESOURCE + " is missing from the class path");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    }
  }

  /**
   * Parses triplets; {@code source} names the input in error messages.
   *
   * @throws IllegalArgumentException naming the source and the triplet index for bad JSON, a
   *     missing field, an unknown kind, a repeated id, or no triplets at all
   */
  public static List<ToyTriplet> parse(Reader json, String source) {
    JsonArray array;
    try {
      JsonElement root = JsonParser.parseReader(json);
      JsonElement triplets = root.isJsonObject() ? root.getAsJsonObject().get("triplets") : null;
      if (triplets == null || !triplets.isJsonArray()) {
        throw new IllegalArgumentException(
            source + ": expected an object with a \"triplets\" array");
      }
      array = triplets.getAsJsonArray();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    List<ToyTriplet> result = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String where = source + ": triplets[" + i + "]";
      if (!array.get(i).isJsonObject()) {
        throw new IllegalArgumentException(where + ": expected an object");
      }
      JsonObject object = array.get(i).getAsJsonObject();
      String id = text(object, "id", where);
      String kind = text(object, "kind", where);
      ToyTriplet.Kind parsedKind;
      try {
        parsedKind = ToyTriplet.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": kind must be S1 or S2, got '" + kind + "'", e);
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException(where + ": id '" + id + "' is used twice");
      }
      result.add(
          new ToyTriplet(
              id,
              parsedKind,
              text(object, "query", where),
              text(object, "positive", where),
              text(object, "negative", where)));
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException(source + ": \"triplets\" is empty");
    }
    return List.copyOf(result);
  }

  private static String text(JsonObject object, String field, String where) {
    JsonElement value = object.get(field);
    if (value == null
        || !value.isJsonPrimitive()
        || !value.getAsJsonPrimitive().isString()
        || value.getAsString().isBlank()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-blank string");
    }
    return value.getAsString();
  }
}
