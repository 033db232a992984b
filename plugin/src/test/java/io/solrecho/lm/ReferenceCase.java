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
package io.solrecho.lm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One case of a fixture's reference.json: the batch fed to transformers and what it returned. */
final class ReferenceCase {
  final String name;
  final TokenBatch batch;
  final int[][] realPositions;
  final float[][][] lastHiddenState;
  final float[][] lastTokenLogits;

  private ReferenceCase(JsonObject c) {
    name = c.get("name").getAsString();
    int[][] positions =
        c.get("position_ids").isJsonNull() ? null : ints2(c.getAsJsonArray("position_ids"));
    batch =
        new TokenBatch(
            ints2(c.getAsJsonArray("input_ids")),
            ints2(c.getAsJsonArray("attention_mask")),
            positions);
    realPositions = ints2(c.getAsJsonArray("real_positions"));
    JsonArray hidden = c.getAsJsonArray("last_hidden_state");
    lastHiddenState = new float[hidden.size()][][];
    for (int b = 0; b < hidden.size(); b++) {
      lastHiddenState[b] = floats2(hidden.get(b).getAsJsonArray());
    }
    lastTokenLogits = floats2(c.getAsJsonArray("last_token_logits"));
  }

  static List<ReferenceCase> read(Path modelFolder) throws IOException {
    JsonObject root = json(modelFolder);
    List<ReferenceCase> cases = new ArrayList<>();
    for (JsonElement c : root.getAsJsonArray("cases")) {
      cases.add(new ReferenceCase(c.getAsJsonObject()));
    }
    return cases;
  }

  /**
   * The largest hidden-state error and the largest logit error of {@code model} against the
   * reference outputs of {@code cases}.
   */
  static Errors largestErrors(CausalLanguageModel model, List<ReferenceCase> cases) {
    double hidden = 0;
    double logits = 0;
    for (ReferenceCase c : cases) {
      hidden = Math.max(hidden, c.hiddenError(model.forward(c.batch)));
      logits = Math.max(logits, c.logitError(model));
    }
    return new Errors(hidden, logits);
  }

  /** Largest absolute errors, of hidden states and of last-token logits. */
  record Errors(double hidden, double logits) {}

  /**
   * Largest error of {@code states}, computed for this case's batch, at the real positions of every
   * row.
   */
  double hiddenError(HiddenStates states) {
    double max = 0;
    for (int b = 0; b < realPositions.length; b++) {
      max = Math.max(max, MaxAbsError.of(lastHiddenState[b], states.rows(b, realPositions[b])));
    }
    return max;
  }

  /** Largest error of {@code model}'s last-token logits for this case's batch. */
  double logitError(CausalLanguageModel model) {
    return MaxAbsError.of(lastTokenLogits, model.lastTokenLogits(batch));
  }

  static JsonObject json(Path modelFolder) throws IOException {
    return JsonParser.parseString(
            Files.readString(modelFolder.resolve("reference.json"), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  static int[][] ints2(JsonArray rows) {
    int[][] out = new int[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonArray row = rows.get(i).getAsJsonArray();
      out[i] = new int[row.size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = row.get(j).getAsInt();
      }
    }
    return out;
  }

  static float[][] floats2(JsonArray rows) {
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = floats(rows.get(i).getAsJsonArray());
    }
    return out;
  }

  static float[] floats(JsonArray row) {
    float[] out = new float[row.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = row.get(j).getAsFloat();
    }
    return out;
  }
}
