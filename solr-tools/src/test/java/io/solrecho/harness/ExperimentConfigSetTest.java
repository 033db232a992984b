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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import io.solrecho.demo.ModelsFile;
import io.solrecho.demo.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/**
 * A measurement's configset: the checkout's, declaring the measurement's model, and for the
 * benchmark without Solr's query result cache and with a query vector cache for every timed query.
 */
public class ExperimentConfigSetTest {
  private final Path source = ProjectLayout.locate().configSet();
  private final ModelDeclaration model =
      ModelDeclaration.echoRetrieval(ProjectFixtures.tinyModel()).with("device", "cpu");

  @Test
  public void theCopyDeclaresTheModelUnderTheShippedNamesAndKeepsEveryOtherFile() throws Exception {
    Path folder;
    try (ExperimentConfigSet copy = ExperimentConfigSet.declaring(source, model)) {
      folder = copy.folder();
      Map<String, Map<String, String>> shipped = ModelsFile.read(source);
      Map<String, Map<String, String>> declared = ModelsFile.read(folder);
      assertEquals(shipped.keySet(), declared.keySet());
      for (Map<String, String> parameters : declared.values()) {
        assertEquals(model.folder().toString(), parameters.get("path"));
        assertEquals(ModelDeclaration.DOCUMENT_TEMPLATE, parameters.get("documentTemplate"));
        assertEquals("cpu", parameters.get("device"));
      }
      for (String file : new String[] {"solrconfig.xml", "managed-schema.xml"}) {
        assertArrayEquals(
            file,
            Files.readAllBytes(source.resolve(file)),
            Files.readAllBytes(folder.resolve(file)));
      }
    }
    assertFalse("deleted on close", Files.exists(folder));
  }

  @Test
  public void theBenchmarksCopyHasNoQueryResultCacheAndEverythingElse() throws Exception {
    assertTrue(Files.readString(source.resolve("solrconfig.xml")).contains("<queryResultCache"));
    try (ExperimentConfigSet copy =
        ExperimentConfigSet.declaring(source, model).withoutQueryResultCache(5000)) {
      String config = Files.readString(copy.folder().resolve("solrconfig.xml"));
      assertFalse(config, config.contains("queryResultCache"));
      assertTrue(config, config.contains("<filterCache"));
      assertTrue(
          config, config.matches("(?s).*<cache name=\"echoQueryCache\"[^>]*\\bsize=\"5000\".*"));
      assertTrue(config, config.contains("io.solrecho.solr.EchoUpdateProcessorFactory"));
    }
  }
}
