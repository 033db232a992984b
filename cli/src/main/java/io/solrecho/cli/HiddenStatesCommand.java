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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.HiddenStates;
import io.solrecho.lm.TokenBatch;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hidden-states}: runs a model folder on the token batches of a JSON file (a fixture's
 * reference.json or any {@code {"cases":[{input_ids, attention_mask, position_ids?}]}}) and prints
 * the last hidden states at the real positions, shaped like the reference, so anyone can check a
 * model folder against transformers.
 */
@CommandLine.Command(
    name = "hidden-states",
    description = {
      "Print the last-layer hidden states of token batches (check a model folder against"
          + " transformers).",
      "",
      "Reads {\"cases\": [{\"name\", \"input_ids\": [[...]], \"attention_mask\": [[...]],"
          + " \"position_ids\": [[...]] (optional)}]}, like a fixture's reference.json, and prints"
          + " {\"cases\": [{\"name\", \"last_hidden_state\": [batch][real tokens][hidden]}]}.",
      ""
    })
public final class HiddenStatesCommand implements Command {
  @Mixin private ModelOption model;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE.json",
      description = "the token batches, {\"cases\": [...]}")
  private Path input;

  @Mixin private DeviceOptions device;

  @Override
  public int run(PrintStream out) throws Exception {
    JsonArray cases = cases(Files.readString(input, StandardCharsets.UTF_8));
    try (CausalLanguageModel lm = CausalLanguageModel.load(model.folder(), device.lmOptions())) {
      JsonWriter json = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      json.beginObject().name("cases").beginArray();
      int index = 0;
      for (JsonElement element : cases) {
        JsonObject c = element.getAsJsonObject();
        String name = c.has("name") ? c.get("name").getAsString() : "case-" + index;
        TokenBatch batch = batch(c, name);
        HiddenStates states = lm.forward(batch);
        json.beginObject().name("name").value(name).name("last_hidden_state").beginArray();
        for (int b = 0; b < batch.size(); b++) {
          json.beginArray();
          for (float[] row : states.rows(b, batch.realPositions(b))) {
            json.beginArray();
            for (float v : row) {
              json.value(v);
            }
            json.endArray();
          }
          json.endArray();
        }
        json.endArray().endObject();
        index++;
      }
      json.endArray().endObject();
      json.flush();
      out.println();
    }
    return 0;
  }

  /** The {@code cases} list of the input file's text. */
  private JsonArray cases(String text) {
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("--input " + input + ": not JSON: " + e.getMessage(), e);
    }
    JsonElement cases = root.isJsonObject() ? root.getAsJsonObject().get("cases") : null;
    if (cases == null || !cases.isJsonArray()) {
      throw new IllegalArgumentException("--input " + input + ": no \"cases\" list");
    }
    return cases.getAsJsonArray();
  }

  private static TokenBatch batch(JsonObject c, String name) {
    if (!c.has("input_ids")) {
      throw new IllegalArgumentException("case " + name + ": missing input_ids");
    }
    int[][] ids = ints(c.getAsJsonArray("input_ids"));
    int[][] mask =
        c.has("attention_mask") && !c.get("attention_mask").isJsonNull()
            ? ints(c.getAsJsonArray("attention_mask"))
            : ones(ids);
    int[][] positions =
        c.has("position_ids") && !c.get("position_ids").isJsonNull()
            ? ints(c.getAsJsonArray("position_ids"))
            : null;
    try {
      return new TokenBatch(ids, mask, positions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("case " + name + ": " + e.getMessage(), e);
    }
  }

  private static int[][] ones(int[][] ids) {
    int[][] mask = new int[ids.length][];
    for (int b = 0; b < ids.length; b++) {
      mask[b] = new int[ids[b].length];
      Arrays.fill(mask[b], 1);
    }
    return mask;
  }

  private static int[][] ints(JsonArray rows) {
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
}
