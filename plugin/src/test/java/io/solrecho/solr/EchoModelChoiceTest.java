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
package io.solrecho.solr;

import io.solrecho.ProjectFixtures;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.EmbeddingMode;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.TextRole;
import io.solrecho.lm.LmOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.Utils;
import org.apache.solr.core.SolrCore;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code {!echo model=NAME}}: a request chooses among the models of echo-models.json, here "toy"
 * (the default, echo), "classical" (the same weights, classical embeddings, its own vector and
 * fingerprint fields) and "wide" (the llama fixture's config: a wider model no field holds); each
 * choice keeps the field and fingerprint checks of its own model.
 */
public class EchoModelChoiceTest extends EchoSolrTestCase {
  private static final String WIDE_DIR_PROPERTY = "solr.echo.test.wide.dir";
  private static final String TEXT = "Paris is the capital of France.";

  @BeforeClass
  public static void startCore() throws Exception {
    Path wide = createTempDir("wide-model");
    Files.copy(
        ProjectFixtures.referenceModel("llama").resolve("config.json"),
        wide.resolve("config.json"));
    Files.copy(
        EchoConfigSet.useToyModel().resolve("tokenizer.json"), wide.resolve("tokenizer.json"));
    System.setProperty(WIDE_DIR_PROPERTY, wide.toString());
    initEchoCore(
        conf -> {
          EchoConfigSet.edit(
              conf,
              "echo-models.json",
              "\"models\": {",
              "\"models\": {\"classical\": {\"path\": \"${solr.echo.model.dir}\", \"device\":"
                  + " \"cpu\", \"mode\": \"classical\", \"maxTokens\": 100},"
                  + " \"wide\": {\"path\": \"${"
                  + WIDE_DIR_PROPERTY
                  + "}\"},");
          EchoConfigSet.addModelFields(
              conf, "classical", "vector_classical", "classical_fingerprint");
        });
    addDocs(
        textDoc("paris", TEXT),
        textDoc("cat", "The cat sleeps on the warm windowsill."),
        textDoc("bank", "The central bank raised interest rates again."));
    commit();
  }

  @AfterClass
  public static void clearProperty() {
    System.clearProperty(WIDE_DIR_PROPERTY);
  }

  private static List<String> ids(String q) throws Exception {
    List<String> ids = new ArrayList<>();
    for (SolrDocument doc : client.query(params("q", q, "fl", "id,score")).getResults()) {
      ids.add((String) doc.getFieldValue("id"));
    }
    return ids;
  }

  private static float score(String q) throws Exception {
    return (Float) client.query(params("q", q, "fl", "id,score")).getResults().get(0).get("score");
  }

  @Test
  public void aRequestChoosesADeclaredModelAndItsField() throws Exception {
    String q =
        "{!echo model=classical f=vector_classical fingerprintField=classical_fingerprint topK=1}"
            + TEXT;
    long embeddings = metric("QUERY.echo.classical.embeddings");
    assertEquals(List.of("paris"), ids(q));
    assertEquals(embeddings + 1, metric("QUERY.echo.classical.embeddings"));
    try (Embedder classical =
        Embedder.open(
            EchoConfigSet.useToyModel(),
            LmOptions.of("cpu", "auto"),
            EmbeddingSettings.builder()
                .mode(EmbeddingMode.CLASSICAL)
                .maxTokensPerCopy(100)
                .build())) {
      float[] query = classical.embed(List.of(TEXT), TextRole.QUERY).get(0).vector();
      float[] document = classical.embed(List.of(TEXT), TextRole.DOCUMENT).get(0).vector();
      double cosine = 0;
      for (int i = 0; i < query.length; i++) {
        cosine += (double) query[i] * document[i];
      }
      assertEquals(
          "the classical query vector against the classical document vector",
          (1 + cosine) / 2,
          score(q),
          1e-5);
    }
  }

  @Test
  public void withoutModelTheParsersDefaultEmbeds() throws Exception {
    long echo = metric("QUERY.echo.toy.embeddings");
    assertEquals(List.of("paris"), ids("{!echo f=vector topK=1}" + TEXT));
    assertEquals(echo + 1, metric("QUERY.echo.toy.embeddings"));
  }

  @Test
  public void aModelIsRefusedOnAFieldWithAnotherDimensionWithoutLoadingIt() throws Exception {
    expectError(
        400,
        () -> client.query(params("q", "{!echo model=wide f=vector}" + TEXT)),
        "f: field 'vector' holds FLOAT32 vectors of 16 dimensions; model 'wide' writes FLOAT32"
            + " vectors of "
            + wideHiddenSize());
    EchoModelDefinition wide;
    try (SolrCore core = h.getCoreContainer().getCore(CORE)) {
      wide =
          EchoModelsFile.definition(
              core.getResourceLoader(), EchoModelsFile.DEFAULT_RESOURCE, "wide");
    }
    try (EchoModelRegistry.Lease lease = EchoModelRegistry.of(h.getCoreContainer()).acquire(wide)) {
      assertFalse("never loaded", lease.model().isLoaded());
    }
  }

  @Test
  public void aModelIsRefusedWhereTheIndexHoldsAnotherModelsVectors() throws Exception {
    expectError(
        400,
        () -> client.query(params("q", "{!echo model=classical f=vector}" + TEXT)),
        "in 'echo_fingerprint', but this echo query embeds with model 'classical'");
    expectError(
        400,
        () ->
            client.query(
                params(
                    "q",
                    "{!echo f=vector_classical fingerprintField=classical_fingerprint}" + TEXT)),
        "in 'classical_fingerprint', but this echo query embeds with model 'toy'");
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector fingerprintField=nosuch}" + TEXT)),
        "fingerprintField: field 'nosuch' is not defined in the schema");
  }

  @Test
  public void theParserHoldsEveryDeclaredModelAndEachProcessorItsOwn() throws Exception {
    EchoModelRegistry registry = EchoModelRegistry.of(h.getCoreContainer());
    try (SolrCore core = h.getCoreContainer().getCore(CORE)) {
      // toy and classical: the parser and a processor in each of the two shipped chains (echo and
      // echo-passages; the edit above adds the classical processor to both); wide: the parser only
      for (Map.Entry<String, Integer> users :
          Map.of("toy", 3, "classical", 3, "wide", 1).entrySet()) {
        EchoModelDefinition definition =
            EchoModelsFile.definition(
                core.getResourceLoader(), EchoModelsFile.DEFAULT_RESOURCE, users.getKey());
        assertEquals(users.getKey(), (int) users.getValue(), registry.users(definition));
      }
    }
  }

  /** The hidden size of the "wide" model: its config.json (the llama fixture's) says it. */
  private static long wideHiddenSize() throws Exception {
    try (InputStream in =
        Files.newInputStream(ProjectFixtures.referenceModel("llama").resolve("config.json"))) {
      return ((Number) ((Map<?, ?>) Utils.fromJSON(in)).get("hidden_size")).longValue();
    }
  }
}
