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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code reuseVectors}: a document sent again with the text stored for its id (the same model
 * fingerprint and text hash) keeps its stored vector instead of being embedded, also its passages
 * and child documents, found with one real-time get per batch; any change of the text, of the model
 * or in the same request is embedded.
 */
public class EchoReuseTest extends EchoSolrTestCase {
  private static final String EMBEDDINGS = "UPDATE.echo.vector.embeddings";
  private static final String REUSED = "UPDATE.echo.vector.reused";
  private static final String BATCHES = "UPDATE.echo.vector.batchSize";

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> {
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-b4", "fail", 4));
          EchoConfigSet.addToSolrConfig(
              conf,
              EchoConfigSet.chain("echo-fresh", "fail", 16)
                  .replace(
                      "<bool name=\"reuseVectors\">true</bool>",
                      "<bool name=\"reuseVectors\">false</bool>"));
          EchoConfigSet.addToSolrConfig(
              conf,
              EchoConfigSet.passagesChain(
                  "passages", "fail", 16, "passages.maxTokens", "64", "passages.overlap", "8"));
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.PLAIN_CHAIN);
        });
  }

  @Before
  public void emptyIndex() throws Exception {
    client.deleteByQuery("*:*");
    commit();
  }

  private static String text(int i) {
    return "Document " + i + " is about " + TOPICS[i % TOPICS.length] + ".";
  }

  private static SolrInputDocument[] docs(int count) {
    SolrInputDocument[] docs = new SolrInputDocument[count];
    for (int i = 0; i < count; i++) {
      docs[i] = textDoc("d" + i, text(i));
    }
    return docs;
  }

  private static void assertVectorsOfTheirTexts(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      assertVectorEquals(documentVector(text(i)), storedVector("d" + i));
      assertEquals(TextHash.of(text(i)), stored("d" + i).getFieldValue("echo_text_hash"));
    }
  }

  @Test
  public void documentsSentAgainUnchangedKeepTheirVectorsWithoutEmbedding() throws Exception {
    addDocs(docs(10));
    commit();
    long embeddings = metric(EMBEDDINGS);
    long reused = metric(REUSED);
    long batches = metric(BATCHES);
    addDocs(docs(10));
    commit();
    assertEquals("nothing embedded", embeddings, metric(EMBEDDINGS));
    assertEquals(reused + 10, metric(REUSED));
    assertEquals("no batch given to the model", batches, metric(BATCHES));
    assertVectorsOfTheirTexts(10);
    // not committed yet: read from the update log
    addDocs(docs(10));
    assertEquals(embeddings, metric(EMBEDDINGS));
    assertEquals(reused + 20, metric(REUSED));
  }

  @Test
  public void aChangedTextIsEmbeddedAndTheOthersReused() throws Exception {
    addDocs(docs(10));
    commit();
    long embeddings = metric(EMBEDDINGS);
    long reused = metric(REUSED);
    SolrInputDocument[] again = docs(10);
    again[3] = textDoc("d3", text(3), "and a new paragraph");
    addDocs(again);
    commit();
    assertEquals(embeddings + 1, metric(EMBEDDINGS));
    assertEquals(reused + 9, metric(REUSED));
    assertVectorEquals(documentVector(text(3) + "\nand a new paragraph"), storedVector("d3"));
  }

  @Test
  public void aVectorIsReusedOnlyWithTheModelsFingerprintAndTheHashOfTheText() throws Exception {
    List<Float> planted = Collections.nCopies(16, 0.25f);
    String[][] stored = {
      {"d0", "another-model", TextHash.of(text(0))},
      {"d1", embedder.fingerprint(), TextHash.of("another text")},
      {"d2", embedder.fingerprint(), null},
      {"d3", embedder.fingerprint(), TextHash.of(text(3))}
    };
    for (String[] doc : stored) {
      SolrInputDocument plain = textDoc(doc[0], text(Integer.parseInt(doc[0].substring(1))));
      plain.setField("vector", planted);
      plain.setField("echo_fingerprint", doc[1]);
      plain.setField("echo_text_hash", doc[2]);
      addWithChain("plain", plain);
    }
    commit();
    long embeddings = metric(EMBEDDINGS);
    addDocs(docs(4));
    commit();
    assertEquals(3, metric(EMBEDDINGS) - embeddings);
    assertVectorsOfTheirTexts(3);
    // the one stored with this model's fingerprint and its text's hash is taken as it is
    float[] kept = new float[16];
    Arrays.fill(kept, 0.25f);
    assertVectorEquals(kept, storedVector("d3"));
  }

  @Test
  public void storedVectorsAreReadWithOneRealTimeGetPerBatch() throws Exception {
    addDocs(docs(12));
    commit();
    long gets = metric("QUERY./get.requests");
    long reused = metric(REUSED);
    addWithChain("echo-b4", docs(12));
    assertEquals("12 documents in batches of 4", 3, metric("QUERY./get.requests") - gets);
    assertEquals(reused + 12, metric(REUSED));
  }

  @Test
  public void withoutReuseEveryDocumentIsEmbedded() throws Exception {
    addDocs(docs(5));
    commit();
    long embeddings = metric(EMBEDDINGS);
    long gets = metric("QUERY./get.requests");
    addWithChain("echo-fresh", docs(5));
    commit();
    assertEquals(embeddings + 5, metric(EMBEDDINGS));
    assertEquals(gets, metric("QUERY./get.requests"));
    assertVectorsOfTheirTexts(5);
  }

  @Test
  public void aDocumentChangedEarlierInTheSameRequestGetsTheVectorOfItsLastText() throws Exception {
    addDocs(textDoc("a", "The first text."));
    commit();
    long reused = metric(REUSED);
    // changed, then back to the stored text, in one batch
    addDocs(textDoc("a", "A second text."), textDoc("a", "The first text."));
    commit();
    assertVectorEquals(documentVector("The first text."), storedVector("a"));
    assertEquals("the stored text's vector", reused + 1, metric(REUSED));
    // changed, then an atomic update of the changed text, in one batch
    SolrInputDocument update = new SolrInputDocument("id", "a");
    update.setField("body", Collections.singletonMap("add", "More."));
    addDocs(textDoc("a", "A third text."), update);
    commit();
    assertVectorEquals(documentVector("A third text.\nMore."), storedVector("a"));
    // the same changed text twice in one batch: both embedded or the second reused, never stale
    addDocs(textDoc("a", "A fourth text."), textDoc("a", "A fourth text."));
    commit();
    assertVectorEquals(documentVector("A fourth text."), storedVector("a"));
  }

  @Test
  public void thePassagesOfAnUnchangedTextAreReused() throws Exception {
    String body = sentences("Fact", 600);
    addWithChain("passages", textDoc("p", "A long one", body));
    commit();
    int passages = passagesOf("p").size();
    long embeddings = metric(EMBEDDINGS);
    long reused = metric(REUSED);
    addWithChain("passages", textDoc("p", "A long one", body));
    commit();
    assertEquals(embeddings, metric(EMBEDDINGS));
    assertEquals("the document and its passages", reused + 1 + passages, metric(REUSED));
    assertPassagesOf("p", "A long one\n" + body);
  }

  @Test
  public void whenTheEndOfATextChangesThePassagesBeforeItAreReused() throws Exception {
    String body = sentences("Fact", 600);
    addWithChain("passages", textDoc("p", "A long one", body));
    commit();
    int passages = passagesOf("p").size();
    long embeddings = metric(EMBEDDINGS);
    long reused = metric(REUSED);
    String changed = body + " One more sentence at the very end.";
    addWithChain("passages", textDoc("p", "A long one", changed));
    commit();
    long embedded = metric(EMBEDDINGS) - embeddings;
    assertTrue("the document and its last passages: " + embedded, embedded >= 2);
    assertTrue(embedded < passages / 2);
    assertEquals(1 + passagesOf("p").size(), embedded + metric(REUSED) - reused);
    assertPassagesOf("p", "A long one\n" + changed);
  }

  @Test
  public void theChildDocumentsOfAnUnchangedBlockAreReused() throws Exception {
    SolrInputDocument block = textDoc("b", "A parent");
    block.setField(
        "comments", List.of(textDoc("b1", "A first comment"), textDoc("b2", "A second one")));
    addDocs(block);
    commit();
    long embeddings = metric(EMBEDDINGS);
    SolrInputDocument again = textDoc("b", "A parent");
    List<SolrInputDocument> comments = new ArrayList<>();
    comments.add(textDoc("b1", "A first comment"));
    comments.add(textDoc("b2", "A changed comment"));
    again.setField("comments", comments);
    addDocs(again);
    commit();
    assertEquals("only the changed comment", embeddings + 1, metric(EMBEDDINGS));
    assertVectorEquals(documentVector("A first comment"), storedVector("b1"));
    assertVectorEquals(documentVector("A changed comment"), storedVector("b2"));
  }
}
