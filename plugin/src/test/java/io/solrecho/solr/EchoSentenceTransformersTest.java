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
import io.solrecho.SentenceTransformersReference;
import io.solrecho.SentenceTransformersReference.Case;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.EmbeddingMode;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.lm.LmOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A sentence-transformers folder declared in echo-models.json without a mode (auto), here the
 * Qwen3-Embedding-shaped fixture: the update chain stores sentence-transformers' document vectors
 * ({@code encode_document}) and {@code {!echo}} searches with its query vectors ({@code
 * encode_query}, the query instruction), beside the configset's echo model on the same core.
 */
public class EchoSentenceTransformersTest extends EchoSolrTestCase {
  private static final String DIR_PROPERTY = "solr.echo.test.st.dir";
  private static final String FIXTURE = "qwen3_lasttoken_eos";
  private static SentenceTransformersReference reference;

  @BeforeClass
  public static void startCore() throws Exception {
    reference = SentenceTransformersReference.of(FIXTURE);
    System.setProperty(DIR_PROPERTY, reference.folder().toString());
    initEchoCore(
        conf -> {
          EchoConfigSet.edit(
              conf,
              "echo-models.json",
              "\"models\": {",
              "\"models\": {\"qwen3emb\": {\"path\": \"${" + DIR_PROPERTY + "}\"},");
          EchoConfigSet.addModelFields(conf, "qwen3emb", "vector_st", "st_fingerprint");
        });
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < reference.texts().size(); i++) {
      docs.add(textDoc("t" + i, reference.texts().get(i)));
    }
    addDocs(docs.toArray(new SolrInputDocument[0]));
    commit();
  }

  @AfterClass
  public static void clearProperty() {
    System.clearProperty(DIR_PROPERTY);
  }

  private static Case referenceCase(String name) {
    return reference.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  public void theChainStoresSentenceTransformersDocumentVectors() throws Exception {
    Case documents = referenceCase("document_left_padded");
    for (int i = 0; i < reference.texts().size(); i++) {
      assertVectorEquals(documents.embeddings()[i], vectorOf(stored("t" + i), "vector_st"));
      assertNotNull("the echo model still embeds", storedVector("t" + i));
    }
  }

  @Test
  public void echoQueriesEmbedWithTheQueryPromptAndRankBySentenceTransformersVectors()
      throws Exception {
    Case queries = referenceCase("query_left_padded");
    Case documents = referenceCase("document_left_padded");
    int query = 3;
    List<SolrDocument> hits =
        client
            .query(
                params(
                    "q",
                    "{!echo model=qwen3emb f=vector_st fingerprintField=st_fingerprint topK=8}"
                        + reference.texts().get(query),
                    "fl",
                    "id,score",
                    "rows",
                    "8"))
            .getResults();
    assertEquals(reference.texts().size(), hits.size());
    float previous = Float.MAX_VALUE;
    for (SolrDocument hit : hits) {
      int doc = Integer.parseInt(((String) hit.getFieldValue("id")).substring(1));
      double cosine = 0;
      for (int h = 0; h < queries.embeddings()[query].length; h++) {
        cosine += (double) queries.embeddings()[query][h] * documents.embeddings()[doc][h];
      }
      float score = (Float) hit.getFieldValue("score");
      assertEquals("cosine of the query and document " + doc, (1 + cosine) / 2, score, 1e-5);
      assertTrue("ranked by score", score <= previous);
      previous = score;
    }
  }

  @Test
  public void theFingerprintIsTheSentenceTransformersRecipes() throws Exception {
    try (Embedder st =
            Embedder.open(
                ProjectFixtures.sentenceTransformersModel(FIXTURE),
                LmOptions.of("cpu", "float32"),
                EmbeddingSettings.defaults());
        Embedder echo =
            Embedder.open(
                ProjectFixtures.sentenceTransformersModel(FIXTURE),
                LmOptions.of("cpu", "float32"),
                EmbeddingSettings.builder().mode(EmbeddingMode.ECHO).build())) {
      assertEquals(EmbeddingMode.SENTENCE_TRANSFORMERS, st.settings().mode());
      assertEquals(st.fingerprint(), stored("t0").getFieldValue("st_fingerprint"));
      assertNotEquals(echo.fingerprint(), st.fingerprint());
      assertNotEquals(embedder.fingerprint(), stored("t0").getFieldValue("st_fingerprint"));
    }
  }

  @Test
  public void aPromptTheFolderDoesNotHaveFailsTheCoreNamingIt() {
    String messages =
        coreFailure(
            "badprompt",
            conf ->
                EchoConfigSet.edit(
                    conf,
                    "echo-models.json",
                    "\"models\": {",
                    "\"models\": {\"qwen3emb\": {\"path\": \"${"
                        + DIR_PROPERTY
                        + "}\", \"queryPrompt\": \"web\"},"));
    assertTrue(
        messages, messages.contains("model 'qwen3emb': queryPrompt: 'web' is not a prompt of"));
  }
}
