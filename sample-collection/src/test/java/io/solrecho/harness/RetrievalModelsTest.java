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
package io.solrecho.harness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/** Echo and classical differ only in the repetition of the text. */
public class RetrievalModelsTest {
  @Test
  public void theClassicalTemplateIsTheEchoTemplateUpToItsFirstCopy() {
    assertEquals("Document: {x}", RetrievalModels.firstCopy("Document: {x}\nDocument again: {x}"));
    assertEquals(
        "Instruct: {instruction}\nQuery: {x}",
        RetrievalModels.firstCopy("Instruct: {instruction}\nQuery: {x}\nQuery again: {x}"));
  }

  @Test
  public void bothModelsShareTheFolderInstructionAndParameters() {
    Path toy = ProjectFixtures.tinyModel();
    RetrievalModels models =
        RetrievalModels.of(toy, "Find it", Map.of("maxTokens", "60", "device", "cpu"));
    Map<String, String> echo = models.echo().parameters();
    Map<String, String> classical = models.classical().parameters();
    assertEquals("echo", echo.get("mode"));
    assertEquals("classical", classical.get("mode"));
    for (String shared :
        new String[] {"instruction", "maxTokens", "device", "pooling", "normalize"}) {
      assertEquals(shared, echo.get(shared), classical.get(shared));
    }
    assertEquals("Find it", echo.get("instruction"));
    assertEquals("60", classical.get("maxTokens"));
    assertEquals(models.echo().folder(), models.classical().folder());
  }

  @Test
  public void aParameterThePluginWouldRefuseFailsHere() {
    Path toy = ProjectFixtures.tinyModel();
    try {
      RetrievalModels.of(toy, "Find it", Map.of("maxTokens", "many"));
      throw new AssertionError("expected an IllegalArgumentException");
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage(),
          e.getMessage().startsWith("echo model of " + toy.toAbsolutePath().normalize() + ": "));
      assertTrue(e.getMessage(), e.getMessage().contains("maxTokens"));
    }
  }
}
