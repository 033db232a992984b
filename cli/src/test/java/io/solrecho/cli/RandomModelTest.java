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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.HiddenStates;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.ModelConfig;
import io.solrecho.lm.TokenBatch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The random benchmark models: the Mistral-7B shape is Mistral-7B's configuration in float16, and a
 * scaled-down model of its kind (untied, float16, written while streaming) loads and runs.
 */
public class RandomModelTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** Mistral-7B's config at 2 layers of width 64: same kind of checkpoint, 300 KB. */
  private static RandomModel smallMistral() {
    return new RandomModel(
        "small-mistral-random", "mistral", 2, 64, 4, 2, 160, 1000, false, 1e6, "F16");
  }

  @Test
  public void theMistral7bShapeIsMistral7bInFloat16() {
    ModelConfig config = ModelConfig.parse(RandomModel.named("mistral-7b").config());
    assertEquals("mistral", config.modelType());
    assertEquals(32, config.layers());
    assertEquals(4096, config.hiddenSize());
    assertEquals(32, config.heads());
    assertEquals(8, config.kvHeads());
    assertEquals(14336, config.intermediateSize());
    assertEquals(32000, config.vocabSize());
    // Mistral-7B has 7,241,732,096 parameters; these are all but the embeddings, LM head and norms.
    assertEquals(7_241_732_096L - 2L * 32000 * 4096 - 65 * 4096, config.matmulParametersPerToken());
    JsonObject json =
        JsonParser.parseString(RandomModel.named("mistral-7b").config()).getAsJsonObject();
    assertEquals("float16", json.get("torch_dtype").getAsString());
    assertFalse(json.get("tie_word_embeddings").getAsBoolean());
  }

  @Test
  public void aScaledDownMistralIsWrittenInFloat16WithItsOwnLmHeadAndRuns() throws Exception {
    Path folder = smallMistral().materialize(temp.getRoot().toPath());
    Path weights = folder.resolve("model.safetensors");
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(weights)).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = Math.toIntExact(bytes.getLong(0));
    JsonObject header =
        JsonParser.parseString(new String(bytes.array(), 8, headerLength, StandardCharsets.UTF_8))
            .getAsJsonObject();
    long elements = 0;
    for (Map.Entry<String, JsonElement> tensor : header.entrySet()) {
      assertEquals(
          tensor.getKey(), "F16", tensor.getValue().getAsJsonObject().get("dtype").getAsString());
      long count = 1;
      for (JsonElement d : tensor.getValue().getAsJsonObject().getAsJsonArray("shape")) {
        count *= d.getAsLong();
      }
      elements += count;
    }
    assertTrue(header.has("lm_head.weight"));
    long perLayer = 2L * 64 * 64 + 2L * 32 * 64 + 3L * 64 * 160 + 2 * 64;
    assertEquals(2L * 1000 * 64 + 2 * perLayer + 64, elements);
    assertEquals(8 + headerLength + 2 * elements, Files.size(weights));

    TokenBatch batch = TokenBatch.rightPadded(List.of(new int[] {1, 17, 404, 999}), 0);
    for (String dtype : List.of("float32", "float16")) {
      try (CausalLanguageModel model =
          CausalLanguageModel.load(folder, LmOptions.of("cpu", dtype))) {
        HiddenStates states = model.forward(batch);
        assertEquals(4, states.length());
        for (float v : states.vector(0, 3)) {
          assertTrue(dtype + " gives finite states", Float.isFinite(v));
        }
      }
    }
  }

  @Test
  public void aWrittenModelIsReusedAndFewerLayersMakeAnotherFolder() throws Exception {
    Path cache = temp.getRoot().toPath();
    Path folder = smallMistral().materialize(cache);
    FileTime written = Files.getLastModifiedTime(folder.resolve("model.safetensors"));
    Thread.sleep(20);
    assertEquals(folder, smallMistral().materialize(cache));
    assertEquals(written, Files.getLastModifiedTime(folder.resolve("model.safetensors")));

    Path oneLayer = smallMistral().withLayers(1).materialize(cache);
    assertEquals("small-mistral-random-1-layers", oneLayer.getFileName().toString());
    assertEquals(1, ModelConfig.read(oneLayer).layers());
    assertTrue(
        Files.size(oneLayer.resolve("model.safetensors"))
            < Files.size(folder.resolve("model.safetensors")));
  }

  @Test
  public void unknownShapesAndLayerCountsNameTheOption() {
    IllegalArgumentException shape =
        assertThrows(IllegalArgumentException.class, () -> RandomModel.named("gpt-5"));
    assertEquals(
        "--shape: expected one of smollm2-135m, mistral-7b, got 'gpt-5'", shape.getMessage());
    IllegalArgumentException layers =
        assertThrows(
            IllegalArgumentException.class, () -> RandomModel.smolLm2Shape().withLayers(0));
    assertEquals("--layers: expected a whole number of at least 1, got 0", layers.getMessage());
  }
}
