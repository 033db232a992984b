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
package io.solrecho.moduletest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.Utils;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * What a user who installs the module archive gets, whichever way it is installed: Solr loads the
 * shipped configset, embeds documents through the echo chain and answers {@code {!echo}} queries,
 * with the plugin and DJL (PyTorch engine, native libraries, tokenizer) coming only from the
 * archive's jars. Subclasses start {@link #node} with one install way.
 */
public abstract class ArchiveInstallTestCase {
  /** The system property the shipped echo-models.json reads the model folder from. */
  static final String MODEL_DIR_PROPERTY = "solr.echo.model.dir";

  private static final Map<String, String> TITLES =
      Map.of(
          "river", "The river winds through the valley and reaches the sea.",
          "kitchen", "Bake the bread for forty minutes in a hot oven.",
          "stars", "Astronomers counted the stars of a distant galaxy.",
          "market", "Share prices fell sharply when the market opened.");

  static EchoSolrNode node;
  private static int modelDimension;

  /**
   * Starts Solr with the archive installed through {@code installProperties} (a null value clears
   * the property) and the project's tiny GPT-2 as the configset's model.
   */
  static void start(String name, Map<String, String> installProperties) throws Exception {
    Path model = ProjectFixtures.tinyModel();
    modelDimension = hiddenSize(model);
    Map<String, String> properties = new HashMap<>(installProperties);
    properties.put(MODEL_DIR_PROPERTY, model.toString());
    Path home = Paths.get("target", "solr-homes", name).toAbsolutePath();
    deleteRecursively(home); // the last run's, kept until now for a look after a failure
    node = EchoSolrNode.start(home, properties);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(path);
        }
      }
    }
  }

  /** Indexes the documents through the core's default (echo) update chain and commits. */
  static void index(SolrClient client) throws Exception {
    for (Map.Entry<String, String> doc : TITLES.entrySet()) {
      SolrInputDocument input = new SolrInputDocument("id", doc.getKey(), "title", doc.getValue());
      if (doc.getKey().equals("kitchen")) {
        input.addField("body", "Let it cool before slicing.");
      }
      client.add(input);
    }
    client.commit();
  }

  /** Starts Solr as {@link #start} does and indexes the documents over HTTP. */
  static void startAndIndex(String name, Map<String, String> installProperties) throws Exception {
    start(name, installProperties);
    try (SolrClient client = node.newClient()) {
      index(client);
    }
  }

  private static int hiddenSize(Path model) throws IOException {
    try (InputStream in = Files.newInputStream(model.resolve("config.json"))) {
      Map<?, ?> config = (Map<?, ?>) Utils.fromJSON(in);
      Object size =
          config.containsKey("hidden_size") ? config.get("hidden_size") : config.get("n_embd");
      return ((Number) size).intValue();
    }
  }

  @AfterClass
  public static void stopSolr() throws Exception {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  @Test
  public void pluginAndDjlAreNotOnTheTestClasspath() {
    ClassLoader testLoader = ArchiveInstallTestCase.class.getClassLoader();
    for (String name :
        List.of(
            "io.solrecho.solr.EchoQParserPlugin",
            "io.solrecho.lm.CausalLanguageModel",
            "ai.djl.engine.Engine",
            "ai.djl.pytorch.engine.PtEngine",
            "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer")) {
      try {
        Class.forName(name, false, testLoader);
        fail(
            name
                + " is on the test classpath; this test must see the plugin only through the module archive");
      } catch (ClassNotFoundException expected) {
        // isolated, as in a Solr install
      }
    }
    assertNull(
        "libtorch (the pytorch-native jar) must not be on the test classpath",
        testLoader.getResource("native/lib/pytorch.properties"));
  }

  @Test
  public void solrLoadsThePluginAndDjlFromTheArchiveJars() throws Exception {
    Class<?> parser = node.queryParserClass("echo");
    assertEquals("io.solrecho.solr.EchoQParserPlugin", parser.getName());
    Path lib = SolrInstall.moduleLib().toRealPath();
    assertEquals(lib, jarOf(parser).getParent());
    ClassLoader solrLoader = parser.getClassLoader();
    assertEquals(
        lib, jarOf(Class.forName("ai.djl.pytorch.engine.PtEngine", false, solrLoader)).getParent());
    assertNotNull(
        "libtorch is visible to Solr's class loader",
        solrLoader.getResource("native/lib/pytorch.properties"));
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException, IOException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
  }

  @Test
  public void everyIndexedDocumentHasAVectorOfTheModelDimensionAndTheModelFingerprint()
      throws Exception {
    try (SolrClient client = node.newClient()) {
      SolrDocumentList docs =
          client
              .query(
                  new SolrQuery("*:*").setFields("id", "vector", "echo_fingerprint").setRows(100))
              .getResults();
      assertEquals(TITLES.size(), docs.getNumFound());
      Set<Object> fingerprints = new HashSet<>();
      for (SolrDocument doc : docs) {
        List<?> vector = (List<?>) doc.getFieldValue("vector");
        assertNotNull(doc.getFieldValue("id") + " has no vector", vector);
        assertEquals(doc.getFieldValue("id") + ": vector dimension", modelDimension, vector.size());
        double squares = 0;
        for (Object value : vector) {
          float x = ((Number) value).floatValue();
          assertTrue(doc.getFieldValue("id") + ": vector value " + x, Float.isFinite(x));
          squares += x * x;
        }
        assertTrue(doc.getFieldValue("id") + ": an all-zero vector", squares > 0);
        Object fingerprint = doc.getFieldValue("echo_fingerprint");
        assertTrue(
            doc.getFieldValue("id") + " has no fingerprint",
            fingerprint instanceof String && !((String) fingerprint).isBlank());
        fingerprints.add(fingerprint);
      }
      assertEquals("one model wrote every vector", 1, fingerprints.size());
    }
  }

  @Test
  public void echoQueryRanksTheDocumentWithTheQueriedTextFirst() throws Exception {
    try (SolrClient client = node.newClient()) {
      for (String id : List.of("river", "stars")) {
        SolrDocumentList hits =
            client
                .query(
                    new SolrQuery("{!echo f=vector topK=3}" + TITLES.get(id))
                        .setFields("id", "score"))
                .getResults();
        assertEquals("topK=3 of " + TITLES.size() + " documents", 3, hits.size());
        assertEquals(id, hits.get(0).getFieldValue("id"));
      }
    }
  }
}
