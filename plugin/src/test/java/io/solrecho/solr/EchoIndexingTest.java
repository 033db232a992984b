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

import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What the update processor writes: the engine's vectors, the fingerprint, joined fields, batches
 * in order.
 */
public class EchoIndexingTest extends EchoSolrTestCase {
  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> {
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-batch3", "fail", 3));
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-skip", "skip", 16));
        });
  }

  @Before
  public void emptyIndex() throws Exception {
    client.deleteByQuery("*:*");
    commit();
  }

  @Test
  public void indexedVectorsEqualTheEnginesOutput() throws Exception {
    addDocs(
        textDoc("1", "The cat sat on the mat."),
        textDoc("2", "Paris is the capital of France."),
        textDoc("3", "Stock markets fell sharply on Monday."));
    commit();
    assertVectorEquals(documentVector("The cat sat on the mat."), storedVector("1"));
    assertVectorEquals(documentVector("Paris is the capital of France."), storedVector("2"));
    assertVectorEquals(documentVector("Stock markets fell sharply on Monday."), storedVector("3"));
  }

  @Test
  public void theModelFingerprintIsStoredBesideTheVector() throws Exception {
    addDocs(textDoc("1", "A sentence to embed."));
    commit();
    assertEquals(embedder.fingerprint(), stored("1").getFieldValue("echo_fingerprint"));
  }

  @Test
  public void inputFieldsAndMultipleValuesAreJoinedWithTheSeparatorInOrder() throws Exception {
    addDocs(textDoc("1", "Title line", "first paragraph", "second paragraph"));
    commit();
    assertVectorEquals(
        documentVector("Title line\nfirst paragraph\nsecond paragraph"), storedVector("1"));
  }

  @Test
  public void aMissingInputFieldIsLeftOutOfTheText() throws Exception {
    addDocs(textDoc("1", null, "only a body"));
    commit();
    assertVectorEquals(documentVector("only a body"), storedVector("1"));
  }

  @Test
  public void aVectorSentByTheClientIsReplacedByTheModels() throws Exception {
    SolrInputDocument doc = textDoc("1", "The model owns the vector field.");
    for (int i = 0; i < 16; i++) {
      doc.addField("vector", 1.0f);
    }
    doc.setField("echo_fingerprint", "client");
    addDocs(doc);
    commit();
    assertVectorEquals(documentVector("The model owns the vector field."), storedVector("1"));
    assertEquals(embedder.fingerprint(), stored("1").getFieldValue("echo_fingerprint"));
  }

  @Test
  public void aVectorSentByTheClientIsRemovedWhenTheDocumentGetsNone() throws Exception {
    SolrInputDocument doc = new SolrInputDocument("id", "1", "category", "no text");
    for (int i = 0; i < 16; i++) {
      doc.addField("vector", 1.0f);
    }
    doc.setField("echo_fingerprint", "client");
    addWithChain("echo-skip", doc);
    commit();
    assertEquals("no text", stored("1").getFieldValue("category"));
    assertNull(storedVector("1"));
    assertNull(stored("1").getFieldValue("echo_fingerprint"));
  }

  @Test
  public void documentsOfOneRequestAreEmbeddedInBatchesOfBatchSize() throws Exception {
    long batches = metric("UPDATE.echo.vector.batchSize");
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      docs.add(textDoc("d" + i, "Document number " + i + " of the batch."));
    }
    UpdateRequest request = new UpdateRequest();
    request.add(docs);
    request.setParam("update.chain", "echo-batch3");
    request.process(client);
    commit();
    assertEquals(
        "7 documents in batches of 3", 3, metric("UPDATE.echo.vector.batchSize") - batches);
    assertEquals(7, metric("UPDATE.echo.vector.embeddings") - embeddings);
    for (int i = 0; i < 7; i++) {
      assertVectorEquals(
          documentVector("Document number " + i + " of the batch."), storedVector("d" + i));
    }
  }

  @Test
  public void heldBackDocumentsKeepTheirOrderAroundDeletes() throws Exception {
    // with batchSize 3 all of these are held back together; the delete must still apply between the
    // adds
    updateJ(
        "["
            + "{\"id\":\"1\",\"title\":\"first version\"},"
            + "{\"id\":\"2\",\"title\":\"kept\"}"
            + "]",
        params("update.chain", "echo-batch3"));
    updateJ(
        "{\"add\":{\"doc\":{\"id\":\"3\",\"title\":\"deleted right after\"}},"
            + "\"delete\":{\"id\":\"3\"},"
            + "\"add\":{\"doc\":{\"id\":\"1\",\"title\":\"second version\"}}}",
        params("update.chain", "echo-batch3"));
    commit();
    assertEquals(0, numFound("id:3"));
    assertEquals(2, numFound("*:*"));
    assertVectorEquals(documentVector("second version"), storedVector("1"));
    assertVectorEquals(documentVector("kept"), storedVector("2"));
  }

  @Test
  public void metricsAreInSolrsMetricsApi() throws Exception {
    addDocs(textDoc("1", "Counted."));
    commit();
    GenericSolrRequest request =
        new GenericSolrRequest(
            SolrRequest.METHOD.GET,
            "/admin/metrics",
            params("group", "core", "prefix", "UPDATE.echo.vector"));
    String text = client.request(request).toString();
    for (String name :
        List.of(
            "embeddings",
            "tokens",
            "truncated",
            "errors",
            "skipped",
            "unchanged",
            "batchSize",
            "embedTime")) {
      assertTrue(
          text + " should list UPDATE.echo.vector." + name,
          text.contains("UPDATE.echo.vector." + name));
    }
  }
}
