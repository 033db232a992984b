package io.solrecho.cli;

import com.google.gson.JsonArray;

/** Gson arrays of primitive arrays. */
final class JsonArrays {
  private JsonArrays() {}

  static JsonArray of(float[] values) {
    JsonArray array = new JsonArray(values.length);
    for (float v : values) {
      array.add(v);
    }
    return array;
  }

  static JsonArray of(int[] values) {
    JsonArray array = new JsonArray(values.length);
    for (int v : values) {
      array.add(v);
    }
    return array;
  }
}
