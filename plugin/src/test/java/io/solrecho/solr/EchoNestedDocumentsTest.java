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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrInputDocument;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Nested documents: every document of a block that has text gets its vector (anonymous and labelled
 * children, at any depth, batched with the rest of the request), {@code onError} applies to
 * children, {@code nested} chooses the root or the children only, and an atomic update of a child
 * document is embedded once, like one of a root document.
 */
public class EchoNestedDocumentsTest extends EchoSolrTestCase {
  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> {
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-skip", "skip", 16));
          EchoConfigSet.addToSolrConfig(conf, nestedChain("root"));
          EchoConfigSet.addToSolrConfig(conf, nestedChain("children"));
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.PLAIN_CHAIN);
        });
  }

  /** The shipped chain, named {@code echo-<nested>}, with that {@code nested} setting. */
  private static String nestedChain(String nested) {
    return EchoConfigSet.chain("echo-" + nested, "fail", 16)
        .replace("<str name=\"nested\">all</str>", "<str name=\"nested\">" + nested + "</str>");
  }

  @Before
  public void emptyIndex() throws Exception {
    client.deleteByQuery("*:*");
    commit();
  }

  /**
   * A block of labelled child documents, as Solr advises with {@code _nest_path_}: p with c1 (in
   * "best"), c2 and c3 (in "comments"), c3 with a grandchild c4 (in "replies").
   */
  private static SolrInputDocument block(String p) {
    SolrInputDocument parent = textDoc(p, "A parent about rivers");
    parent.setField("best", textDoc(p + "c1", "A best child about boats"));
    SolrInputDocument c3 = textDoc(p + "c3", "A comment about bridges");
    c3.setField("replies", List.of(textDoc(p + "c4", "A reply about ducks")));
    parent.setField(
        "comments", List.of(textDoc(p + "c2", "A comment about fish", "and its body"), c3));
    return parent;
  }

  private static final Map<String, String> TEXTS =
      Map.of(
          "",
          "A parent about rivers",
          "c1",
          "A best child about boats",
          "c2",
          "A comment about fish\nand its body",
          "c3",
          "A comment about bridges",
          "c4",
          "A reply about ducks");

  private static SolrInputDocument childUpdate(
      String id, String root, String field, String operation, Object value) {
    SolrInputDocument doc = new SolrInputDocument("id", id, "_root_", root);
    doc.setField(field, Collections.singletonMap(operation, value));
    return doc;
  }

  private static void assertBlockEmbedded(String p) throws Exception {
    for (Map.Entry<String, String> doc : TEXTS.entrySet()) {
      String id = p + doc.getKey();
      assertVectorEquals(documentVector(doc.getValue()), storedVector(id));
      assertEquals(id, embedder.fingerprint(), stored(id).getFieldValue("echo_fingerprint"));
    }
  }

  @Test
  public void everyDocumentOfABlockGetsTheVectorOfItsText() throws Exception {
    addDocs(block("p"));
    commit();
    assertEquals(5, numFound("*:*"));
    assertBlockEmbedded("p");
  }

  @Test
  public void anonymousChildrenAreEmbeddedToo() throws Exception {
    SolrInputDocument parent = textDoc("a", "An anonymous parent");
    parent.addChildDocument(textDoc("ac1", "An anonymous child"));
    SolrInputDocument second = textDoc("ac2", "Another anonymous child");
    second.addChildDocument(textDoc("ac3", "An anonymous grandchild"));
    parent.addChildDocument(second);
    addDocs(parent);
    commit();
    assertVectorEquals(documentVector("An anonymous parent"), storedVector("a"));
    assertVectorEquals(documentVector("An anonymous child"), storedVector("ac1"));
    assertVectorEquals(documentVector("Another anonymous child"), storedVector("ac2"));
    assertVectorEquals(documentVector("An anonymous grandchild"), storedVector("ac3"));
  }

  @Test
  public void anAtomicUpdateOfABlockWithAnonymousChildrenDoesWhatSolrDoes() throws Exception {
    // with _nest_path_ in the schema, Solr rebuilds a block from its labelled children only
    List<String> leftByChain = new ArrayList<>();
    for (String chain : List.of("plain", "echo")) {
      client.deleteByQuery("*:*");
      SolrInputDocument parent = textDoc("a", "An anonymous parent");
      parent.addChildDocument(textDoc("ac1", "An anonymous child"));
      parent.setField("best", textDoc("ac2", "A labelled child"));
      addWithChain(chain, parent);
      commit();
      SolrInputDocument update = new SolrInputDocument("id", "a");
      update.setField("popularity", Collections.singletonMap("set", 1));
      addWithChain(chain, update);
      commit();
      leftByChain.add(
          client.query(params("q", "*:*", "fl", "id", "sort", "id asc")).getResults().toString());
    }
    assertEquals(leftByChain.get(0), leftByChain.get(1));
    assertVectorEquals(documentVector("A labelled child"), storedVector("ac2"));
  }

  @Test
  public void theDocumentsOfBlocksAreEmbeddedInTheBatchesOfTheRequest() throws Exception {
    long batches = metric("UPDATE.echo.vector.batchSize");
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(block("p"), block("q"), textDoc("r", "A document without children"));
    commit();
    assertEquals(
        "11 texts, fewer than batchSize 16", 1, metric("UPDATE.echo.vector.batchSize") - batches);
    assertEquals(11, metric("UPDATE.echo.vector.embeddings") - embeddings);
    assertBlockEmbedded("p");
    assertBlockEmbedded("q");
  }

  @Test
  public void aChildWithoutTextIsRefusedWithOnErrorFail() throws Exception {
    SolrInputDocument block = block("p");
    ((SolrInputDocument) List.copyOf(block.getFieldValues("comments")).get(1)).removeField("title");
    expectError(
        400,
        () -> addDocs(block),
        "child document 'pc3' at /comments#1 of document 'p' cannot be embedded into 'vector'",
        "none of the input fields [title, body] has a value");
    commit();
    assertEquals(0, numFound("*:*"));
  }

  @Test
  public void aChildWithoutTextIsIndexedWithoutAVectorWhenSkipping() throws Exception {
    SolrInputDocument block = block("p");
    ((SolrInputDocument) block.getFieldValue("best")).removeField("title");
    addWithChain("echo-skip", block);
    commit();
    assertEquals(5, numFound("*:*"));
    assertNull(storedVector("pc1"));
    assertVectorEquals(documentVector(TEXTS.get("c2")), storedVector("pc2"));
  }

  @Test
  public void nestedRootEmbedsTheRootOnly() throws Exception {
    SolrInputDocument block = block("p");
    // accepted: children are not embedded
    ((SolrInputDocument) block.getFieldValue("best")).removeField("title");
    addWithChain("echo-root", block);
    commit();
    assertEquals(5, numFound("*:*"));
    assertVectorEquals(documentVector(TEXTS.get("")), storedVector("p"));
    for (String child : List.of("pc1", "pc2", "pc3", "pc4")) {
      assertNull(child, storedVector(child));
    }
  }

  @Test
  public void nestedChildrenEmbedsTheChildrenOnly() throws Exception {
    SolrInputDocument block = block("p");
    block.removeField("title"); // accepted: the root is not embedded
    addWithChain("echo-children", block);
    commit();
    assertEquals(5, numFound("*:*"));
    assertNull(storedVector("p"));
    assertVectorEquals(documentVector(TEXTS.get("c1")), storedVector("pc1"));
    assertVectorEquals(documentVector(TEXTS.get("c4")), storedVector("pc4"));
  }

  // ---- atomic updates of child documents (the schema has _nest_path_)

  @Test
  public void anUpdateThatSetsAChildsTextEmbedsItOnce() throws Exception {
    addDocs(block("p"));
    commit();
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    SolrInputDocument update = childUpdate("pc2", "p", "title", "set", "A new comment title");
    update.setField("body", Collections.singletonMap("set", null));
    addDocs(update);
    commit();
    assertEquals(embeddings + 1, metric("UPDATE.echo.vector.embeddings"));
    assertEquals("A new comment title", stored("pc2").getFieldValue("title"));
    assertVectorEquals(documentVector("A new comment title"), storedVector("pc2"));
    assertEquals(5, numFound("*:*"));
    assertVectorEquals(documentVector(TEXTS.get("")), storedVector("p"));
    assertVectorEquals(documentVector(TEXTS.get("c3")), storedVector("pc3"));
  }

  @Test
  public void anUpdateThatAddsToAChildsBodyEmbedsTheTextItLeaves() throws Exception {
    addDocs(block("p"));
    commit();
    addDocs(childUpdate("pc3", "p", "body", "add", "A body added later"));
    commit();
    assertVectorEquals(
        documentVector(TEXTS.get("c3") + "\nA body added later"), storedVector("pc3"));
  }

  @Test
  public void anUpdateOfAnUncommittedChildReadsItFromTheUpdateLog() throws Exception {
    addDocs(block("p"));
    addDocs(childUpdate("pc4", "p", "body", "add", "uncommitted"));
    commit();
    assertVectorEquals(documentVector(TEXTS.get("c4") + "\nuncommitted"), storedVector("pc4"));
  }

  @Test
  public void anUpdateOfAChildInTheRequestThatAddsItBuildsOnIt() throws Exception {
    // held in one batch: the block is not in the update log when the update is read
    addDocs(block("p"), childUpdate("pc1", "p", "body", "add", "same request"));
    commit();
    assertVectorEquals(documentVector(TEXTS.get("c1") + "\nsame request"), storedVector("pc1"));
  }

  @Test
  public void anUpdateThatLeavesAChildsTextAloneKeepsItsVector() throws Exception {
    addDocs(block("p"));
    commit();
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(childUpdate("pc2", "p", "popularity", "set", 4));
    commit();
    assertEquals(embeddings, metric("UPDATE.echo.vector.embeddings"));
    assertEquals(4, stored("pc2").getFieldValue("popularity"));
    assertBlockEmbedded("p");
  }

  @Test
  public void anUpdateOfTheRootKeepsTheVectorsOfItsChildren() throws Exception {
    addDocs(block("p"));
    commit();
    SolrInputDocument update = new SolrInputDocument("id", "p");
    update.setField("popularity", Collections.singletonMap("set", 9));
    addDocs(update);
    commit();
    assertEquals(9, stored("p").getFieldValue("popularity"));
    assertEquals(5, numFound("*:*"));
    assertBlockEmbedded("p");
  }

  @Test
  public void anUpdateOfTheRootThatAddsAChildEmbedsTheChild() throws Exception {
    addDocs(block("p"));
    commit();
    SolrInputDocument update = new SolrInputDocument("id", "p");
    update.setField(
        "comments", Collections.singletonMap("add", textDoc("pc5", "A comment added later")));
    addDocs(update);
    commit();
    assertEquals(6, numFound("*:*"));
    assertVectorEquals(documentVector("A comment added later"), storedVector("pc5"));
    assertBlockEmbedded("p");
  }

  @Test
  public void anUpdateOfAChildReadsItFromTheIndexOnceTheUpdateLogForgotIt() throws Exception {
    addDocs(block("p"));
    for (int i = 0; i < 3; i++) { // the update log remembers the last two commits' documents
      commit();
      addDocs(textDoc("other" + i, "Another document"));
    }
    commit();
    addDocs(childUpdate("pc4", "p", "body", "add", "from the index"));
    commit();
    assertVectorEquals(documentVector(TEXTS.get("c4") + "\nfrom the index"), storedVector("pc4"));
  }

  @Test
  public void anUpdateOfAChildThatDoesNotExistIsRefused() throws Exception {
    addDocs(block("p"));
    commit();
    expectError(
        400,
        () -> addDocs(childUpdate("nosuch", "p", "body", "add", "text")),
        "document 'nosuch' was not found among the labelled child documents of its root 'p'");
    expectError(
        400,
        () -> addDocs(childUpdate("nosuch", "p", "title", "set", "text")),
        "document 'nosuch' was not found among the labelled child documents of its root 'p'");
    commit();
    assertEquals(5, numFound("*:*"));
  }

  @Test
  public void anUpdateOfAnAnonymousChildIsRefused() throws Exception {
    // Solr's atomic update finds labelled children only (it would fail with a 500)
    SolrInputDocument parent = textDoc("a", "An anonymous parent");
    parent.addChildDocument(textDoc("ac1", "An anonymous child"));
    addDocs(parent);
    commit();
    expectError(
        400,
        () -> addDocs(childUpdate("ac1", "a", "title", "set", "Retitled")),
        "document 'ac1' was not found among the labelled child documents of its root 'a'");
    assertVectorEquals(documentVector("An anonymous child"), storedVector("ac1"));
  }

  @Test
  public void anUpdateOfAChildIsRefusedWhenTheSchemaHasNoNestPath() throws Exception {
    String name = "nonestpath";
    Path instanceDir = Path.of(h.getCoreContainer().getSolrHome()).resolve(name);
    Path conf = EchoConfigSet.copyTo(instanceDir);
    EchoConfigSet.edit(
        conf, "managed-schema.xml", "<field name=\"_nest_path_\" type=\"_nest_path_\"/>", "");
    h.getCoreContainer().create(name, instanceDir, Map.of(), false);
    try (EmbeddedSolrServer other = new EmbeddedSolrServer(h.getCoreContainer(), name)) {
      other.add(block("p"));
      other.commit();
      for (SolrInputDocument update :
          List.of(
              childUpdate("pc2", "p", "title", "set", "Set"),
              childUpdate("pc2", "p", "popularity", "set", 1))) {
        expectError(
            400,
            () -> other.add(update),
            "document 'pc2 (root=p)' is a nested document",
            "the schema has the _nest_path_ field");
      }
    } finally {
      h.getCoreContainer().unload(name, true, true, true);
    }
  }
}
