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
package io.solrecho.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The model declaration LocalSolr writes into echo-models.json, and the vector dimension it
 * implies.
 */
public class ModelDeclarationTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void theDimensionIsTheModelsHiddenSize() {
    ModelDeclaration toy = ModelDeclaration.echoRetrieval(ProjectFixtures.tinyModel());
    assertEquals(16, toy.dimension());
    assertEquals(256, toy.maxPositions());
  }

  @Test
  public void maxTokensLeavesRoomForTwoCopiesAndTheTemplate() {
    Path folder = Path.of("model");
    assertEquals("tiny GPT-2: (256 - 64) / 2", 96, ModelDeclaration.maxTokens(256, folder));
    assertEquals(
        "SmolLM2: capped",
        ModelDeclaration.DEFAULT_MAX_TOKENS,
        ModelDeclaration.maxTokens(8192, folder));
    assertEquals(
        "unknown positions",
        ModelDeclaration.DEFAULT_MAX_TOKENS,
        ModelDeclaration.maxTokens(0, folder));
    try {
      ModelDeclaration.maxTokens(64, folder);
      fail("accepted a model with 64 positions");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("has only 64 positions"));
    }
  }

  @Test
  public void theModelsFileDeclaresTheFolderWithEchoRetrievalSettingsUnderEveryName() {
    Path folder = ProjectFixtures.tinyModel();
    String json =
        ModelDeclaration.echoRetrieval(folder)
            .with("device", "cpu")
            .modelsJson(List.of("toy", "other"));
    JsonObject models = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("models");
    assertEquals(2, models.size());
    JsonObject toy = models.getAsJsonObject("toy");
    assertEquals(toy, models.getAsJsonObject("other"));
    assertEquals(folder.toAbsolutePath().normalize().toString(), toy.get("path").getAsString());
    assertEquals("echo", toy.get("mode").getAsString());
    assertEquals("cpu", toy.get("device").getAsString());
    assertEquals("96", toy.get("maxTokens").getAsString());
    assertEquals("Document: {x}\nDocument again: {x}", toy.get("documentTemplate").getAsString());
    assertEquals(
        "Instruct: {instruction}\nQuery: {x}\nQuery again: {x}",
        toy.get("queryTemplate").getAsString());
  }

  @Test
  public void anUnknownParameterIsRefused() {
    try {
      ModelDeclaration.echoRetrieval(ProjectFixtures.tinyModel()).with("path", "/elsewhere");
      fail("accepted a new path");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("unknown model parameter 'path'"));
    }
  }

  @Test
  public void aFolderWithoutConfigIsNotAModel() throws Exception {
    Path empty = temp.newFolder("empty").toPath();
    try {
      ModelDeclaration.echoRetrieval(empty);
      fail("accepted an empty folder");
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage(),
          e.getMessage().contains(empty + " is not a model folder: it has no config.json"));
    }
  }
}
