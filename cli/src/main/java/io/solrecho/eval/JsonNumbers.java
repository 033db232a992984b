package io.solrecho.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

/** JSON numbers for results: NaN (no result) becomes {@code null}, which plain JSON can hold. */
final class JsonNumbers {
  private JsonNumbers() {}

  static JsonElement of(double value) {
    return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
  }
}
