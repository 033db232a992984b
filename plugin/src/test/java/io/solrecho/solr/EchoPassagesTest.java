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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Passages: the text of a root document cut into passages of at most {@code passages.maxTokens}
 * tokens, each embedded and stored as a labelled child document, so that the end of a long document
 * is found; {@code {!echo which=...}} ranks parents by their best passage, with parent-level
 * pre-filters, and {@code [child]} returns that passage. A block is replaced, never left with
 * orphans: re-indexing, atomic updates of the parent and of its text, deletes, and a failing
 * document in a batch.
 */
public class EchoPassagesTest extends EchoSolrTestCase {
  private static final String PARENTS = "*:* -_nest_path_:*";
  private static final String ANSWER = "The treasure is buried under the old oak tree by the mill.";

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> {
          String[] small = {"passages.maxTokens", "64", "passages.overlap", "8"};
          EchoConfigSet.addToSolrConfig(
              conf, EchoConfigSet.passagesChain("passages", "fail", 16, small));
          EchoConfigSet.addToSolrConfig(
              conf, EchoConfigSet.passagesChain("passages-skip", "skip", 16, small));
          EchoConfigSet.addToSolrConfig(
              conf, EchoConfigSet.passagesChain("passages-b4", "fail", 4, small));
          EchoConfigSet.addToSolrConfig(
              conf,
              EchoConfigSet.tolerant(
                  EchoConfigSet.passagesChain("passages-b4-tolerant", "fail", 4, small)));
          EchoConfigSet.addToSolrConfig(
              conf,
              EchoConfigSet.passagesChain(
                  "passages-only", "fail", 16, "passages.parentVector", "false"));
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.PLAIN_CHAIN);
          EchoConfigSet.addToSolrConfig(
              conf, EchoConfigSet.tolerant(EchoConfigSet.plainChain("plain-tolerant")));
        });
  }

  @Before
  public void emptyIndex() throws Exception {
    client.deleteByQuery("*:*");
    commit();
  }

  private static long passageCount() throws Exception {
    return numFound("passage_start:[0 TO *]");
  }

  /**
   * No passage without its parent: every passage hangs under a root document that is indexed, and
   * their number is the sum of each root's.
   */
  private static void assertNoOrphans() throws Exception {
    Set<String> roots = new TreeSet<>();
    for (SolrDocument doc :
        client.query(params("q", PARENTS, "rows", "10000", "fl", "id")).getResults()) {
      roots.add((String) doc.getFieldValue("id"));
    }
    SolrDocumentList passages =
        client
            .query(params("q", "passage_start:[0 TO *]", "rows", "10000", "fl", "id,_nest_parent_"))
            .getResults();
    for (SolrDocument passage : passages) {
      assertTrue(
          passage.getFieldValue("id") + " is an orphan",
          roots.contains((String) passage.getFieldValue("_nest_parent_")));
    }
  }

  private static final String BY_PASSAGE =
      "{!echo f=passage_vector which=$parents topK=5 v=$question}";

  /** The parents {@code q} finds for {@code question}, with {@code more} parameters. */
  private static SolrDocumentList parents(String q, String question, String... more)
      throws Exception {
    List<String> p = new ArrayList<>();
    p.addAll(List.of("q", q, "question", question, "parents", PARENTS, "fl", "id,score"));
    p.addAll(List.of(more));
    return client.query(params(p.toArray(new String[0]))).getResults();
  }

  @Test
  public void theEndOfALongDocumentIsFoundThroughItsPassages() throws Exception {
    String text = sentences("Line", 5000) + " " + ANSWER;
    assertTrue(embedder.tokenizer().encode(text).size() > 5000);
    List<SolrInputDocument> docs = new ArrayList<>();
    docs.add(textDoc("long", null, text));
    for (int i = 0; i < 20; i++) {
      docs.add(textDoc("other" + i, "Note " + i + " about " + TOPICS[i % TOPICS.length] + "."));
    }
    addWithChain("echo-passages", docs.toArray(new SolrInputDocument[0]));
    commit();
    List<SolrDocument> passages = passagesOf("long");
    assertTrue(passages.size() > 5000 / 100);
    SolrDocument last = passages.get(passages.size() - 1);
    String question = (String) last.getFieldValue("passage_text");
    assertTrue(question, question.endsWith(ANSWER));

    // by passages: the long document first, at the highest score there is (its last passage)
    SolrDocumentList found = parents(BY_PASSAGE, question);
    assertEquals("long", found.get(0).getFieldValue("id"));
    assertEquals(1.0f, (Float) found.get(0).getFieldValue("score"), 1e-5f);
    // by whole-text vectors the long document is its first 100 tokens only: a lesser match
    SolrDocument wholeText =
        client
            .query(
                params(
                    "q", "{!echo f=vector topK=30}" + question, "fq", "id:long", "fl", "id,score"))
            .getResults()
            .get(0);
    assertTrue(
        "whole-text score " + wholeText.getFieldValue("score"),
        (Float) wholeText.getFieldValue("score") < 0.999f);

    // [child] with the passage query as childFilter returns the passage that matched
    SolrDocument withPassage =
        client
            .query(
                params(
                    "q",
                    "{!echo f=passage_vector which=$parents topK=5 v=$question}",
                    "question",
                    question,
                    "parents",
                    PARENTS,
                    "fl",
                    "id,score,passages,[child limit=1 fl=id,passage_text,passage_start,passage_end"
                        + " childFilter='{!echo f=passage_vector childrenOf=$parents topK=5"
                        + " v=$question}']"))
            .getResults()
            .get(0);
    List<?> best = (List<?>) withPassage.getFieldValue("passages");
    assertEquals(1, best.size());
    assertEquals(last.getFieldValue("id"), ((SolrDocument) best.get(0)).getFieldValue("id"));
  }

  @Test
  public void everyPassageIsStoredWithItsTextOffsetsVectorFingerprintAndHash() throws Exception {
    String body = sentences("Fact", 300);
    long passages = metric("UPDATE.echo.vector.passages");
    addWithChain("passages", textDoc("p", "A title", body));
    commit();
    String text = "A title\n" + body;
    assertPassagesOf("p", text);
    assertEquals(passagesOf("p").size(), metric("UPDATE.echo.vector.passages") - passages);
    assertVectorEquals(documentVector(text), storedVector("p"));
    assertEquals(TextHash.of(text), stored("p").getFieldValue("echo_text_hash"));
    // labelled children: [child] hangs them in the root's "passages" field
    SolrDocument block =
        client
            .query(params("q", "id:p", "fl", "id,passages,[child limit=-1 fl=id]"))
            .getResults()
            .get(0);
    assertEquals(passagesOf("p").size(), ((List<?>) block.getFieldValue("passages")).size());
  }

  @Test
  public void withoutParentVectorOnlyThePassagesHaveVectors() throws Exception {
    SolrInputDocument doc = textDoc("p", "A title", sentences("Fact", 300));
    doc.setField("vector", Collections.nCopies(16, 0.5f)); // the client's: removed
    addWithChain("passages-only", doc);
    commit();
    assertNull(storedVector("p"));
    assertNull(stored("p").getFieldValue("echo_fingerprint"));
    assertPassagesOf("p", "A title\n" + sentences("Fact", 300));
  }

  @Test
  public void passagesTheClientSendsAreReplaced() throws Exception {
    SolrInputDocument doc = textDoc("p", "A short text about rivers.");
    doc.setField("passages", List.of(textDoc("p/fake", "A passage from the client")));
    addWithChain("passages", doc);
    commit();
    assertEquals(1, passageCount());
    assertPassagesOf("p", "A short text about rivers.");
  }

  @Test
  public void reindexingADocumentReplacesItsPassages() throws Exception {
    addWithChain("passages", textDoc("p", null, sentences("First", 600)));
    addWithChain("passages", textDoc("q", null, sentences("Other", 200)));
    commit();
    long before = passagesOf("p").size();
    addWithChain("passages", textDoc("p", null, sentences("Second", 150)));
    commit();
    assertTrue(passagesOf("p").size() < before);
    assertPassagesOf("p", sentences("Second", 150));
    assertEquals(passagesOf("p").size() + passagesOf("q").size(), passageCount());
    assertNoOrphans();
  }

  @Test
  public void anAtomicUpdateOfAnotherFieldKeepsThePassagesWithoutEmbedding() throws Exception {
    String body = sentences("Fact", 300);
    addWithChain("passages", textDoc("p", null, body));
    commit();
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    SolrInputDocument update = new SolrInputDocument("id", "p");
    update.setField("popularity", Collections.singletonMap("set", 7));
    addWithChain("passages", update);
    commit();
    assertEquals(embeddings, metric("UPDATE.echo.vector.embeddings"));
    assertEquals(7, stored("p").getFieldValue("popularity"));
    assertPassagesOf("p", body);
    assertNoOrphans();
  }

  @Test
  public void anAtomicUpdateOfTheTextReplacesThePassages() throws Exception {
    addWithChain("passages", textDoc("p", "Old title", sentences("Fact", 400)));
    commit();
    SolrInputDocument update = new SolrInputDocument("id", "p");
    update.setField("title", Collections.singletonMap("set", "New title"));
    update.setField("body", Collections.singletonMap("set", sentences("Changed", 100)));
    addWithChain("passages", update);
    commit();
    String text = "New title\n" + sentences("Changed", 100);
    assertPassagesOf("p", text);
    assertVectorEquals(documentVector(text), storedVector("p"));
    assertEquals(passagesOf("p").size(), passageCount());
    assertNoOrphans();

    // an update that leaves no text (onError=skip) leaves no passages
    SolrInputDocument clear = new SolrInputDocument("id", "p");
    clear.setField("title", Collections.singletonMap("set", null));
    clear.setField("body", Collections.singletonMap("set", null));
    addWithChain("passages-skip", clear);
    commit();
    assertNull(storedVector("p"));
    assertEquals(0, passageCount());
    assertEquals(1, numFound("*:*"));
  }

  @Test
  public void aBlockWithChildDocumentsKeepsItsPassagesThroughAnUpdateOfAChild() throws Exception {
    String body = sentences("Fact", 300);
    SolrInputDocument root = textDoc("p", null, body);
    root.setField("comments", List.of(textDoc("pc1", "A comment"), textDoc("pc2", "Another")));
    addWithChain("passages", root);
    commit();
    assertPassagesOf("p", body);
    assertVectorEquals(documentVector("A comment"), storedVector("pc1"));
    int passages = passagesOf("p").size();
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    SolrInputDocument update = new SolrInputDocument("id", "pc1", "_root_", "p");
    update.setField("body", Collections.singletonMap("add", "with a reply"));
    addWithChain("passages", update);
    commit();
    assertEquals("the comment only", embeddings + 1, metric("UPDATE.echo.vector.embeddings"));
    assertVectorEquals(documentVector("A comment\nwith a reply"), storedVector("pc1"));
    assertPassagesOf("p", body);
    assertEquals(1 + 2 + passages, numFound("*:*"));
  }

  @Test
  public void anAtomicUpdateOfThePassagesIsRefused() throws Exception {
    addWithChain("passages", textDoc("p", "A short text."));
    commit();
    SolrInputDocument update = new SolrInputDocument("id", "p");
    update.setField(
        "passages", Collections.singletonMap("add", textDoc("p/passages#9", "Another passage")));
    expectError(
        400,
        () -> addWithChain("passages", update),
        "field 'passages' is written by the echo chain");
    commit();
    assertPassagesOf("p", "A short text.");
  }

  @Test
  public void deletingADocumentDeletesItsPassages() throws Exception {
    addWithChain("passages", textDoc("p", null, sentences("Fact", 300)));
    addWithChain("passages", textDoc("q", null, sentences("Other", 300)));
    commit();
    client.deleteById("p");
    commit();
    assertEquals(0, passagesOf("p").size());
    assertEquals(passagesOf("q").size(), passageCount());
    assertEquals(1 + passagesOf("q").size(), numFound("*:*"));
  }

  @Test
  public void aDeleteByQueryOfRootsLeavesTheirPassagesAsSolrDoesButOneOfRootIdsDoesNot()
      throws Exception {
    addWithChain("passages", textDoc("p", null, sentences("Fact", 300)));
    addWithChain("passages", textDoc("q", null, sentences("Other", 300)));
    commit();
    int passagesOfQ = passagesOf("q").size();
    client.deleteByQuery("_root_:p");
    commit();
    assertEquals(1 + passagesOfQ, numFound("*:*"));
    client.deleteByQuery("id:q");
    commit();
    assertEquals("Solr deletes what the query matches", passagesOfQ, numFound("*:*"));
  }

  private static List<SolrInputDocument> batch(Set<Integer> bad) {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      SolrInputDocument doc = textDoc("d" + i, null, sentences("Doc " + i, 100));
      if (bad.contains(i)) {
        doc.setField("popularity", "not a number");
      }
      docs.add(doc);
    }
    return docs;
  }

  private static UpdateOutcome send(String chain, List<SolrInputDocument> docs) throws Exception {
    client.deleteByQuery("*:*");
    commit();
    UpdateRequest request = new UpdateRequest();
    request.add(docs);
    request.setParam("update.chain", chain);
    return UpdateOutcome.of(
        () -> request.process(client),
        () -> {
          commit();
          Set<String> ids = new TreeSet<>();
          for (SolrDocument doc :
              client.query(params("q", PARENTS, "rows", "100", "fl", "id")).getResults()) {
            ids.add((String) doc.getFieldValue("id"));
          }
          return ids;
        });
  }

  @Test
  public void aFailingDocumentOfABatchLeavesNoOrphansAsWithoutThePlugin() throws Exception {
    for (int bad : new int[] {0, 2, 5, 11}) {
      UpdateOutcome plain = send("plain", batch(Set.of(bad)));
      UpdateOutcome echo = send("passages-b4", batch(Set.of(bad)));
      assertEquals(bad, echo.indexed().size());
      echo.assertSameAs(plain);
      assertNoOrphans();
      for (String id : echo.indexed()) {
        assertPassagesOf(id, sentences("Doc " + id.substring(1), 100));
      }
    }
    UpdateOutcome plain = send("plain-tolerant", batch(Set.of(1, 6)));
    UpdateOutcome echo = send("passages-b4-tolerant", batch(Set.of(1, 6)));
    assertEquals(Set.of("d1", "d6"), echo.reported());
    echo.assertSameAs(plain);
    assertNoOrphans();
  }

  private static void indexCategories() throws Exception {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      SolrInputDocument doc = textDoc("c" + i, null, sentences("Item " + i, 150));
      doc.setField("category", i % 3 == 0 ? "kept" : "other");
      docs.add(doc);
    }
    addWithChain("passages", docs.toArray(new SolrInputDocument[0]));
    commit();
  }

  @Test
  public void parentFiltersArePreFilters() throws Exception {
    indexCategories();
    // the question is a passage of c1, which is filtered out: still 4 parents that pass
    String question = (String) passagesOf("c1").get(1).getFieldValue("passage_text");
    assertEquals("c1", parents(BY_PASSAGE, question).get(0).getFieldValue("id"));
    for (SolrDocumentList found :
        List.of(
            parents(BY_PASSAGE, question, "fq", "category:kept"),
            parents(
                "{!echo f=passage_vector which=$parents topK=5 parents.preFilter=category:kept"
                    + " v=$question}",
                question))) {
      Set<String> ids = new TreeSet<>();
      found.forEach(doc -> ids.add((String) doc.getFieldValue("id")));
      assertEquals(Set.of("c0", "c3", "c6", "c9"), ids);
    }
  }

  @Test
  public void childrenOfReturnsTheBestPassageOfEachParent() throws Exception {
    indexCategories();
    String question = (String) passagesOf("c4").get(2).getFieldValue("passage_text");
    SolrDocumentList passages =
        client
            .query(
                params(
                    "q",
                    "{!echo f=passage_vector childrenOf=$parents topK=6}" + question,
                    "parents",
                    PARENTS,
                    "fl",
                    "id,_nest_parent_,score"))
            .getResults();
    assertEquals(6, passages.size());
    assertEquals("c4/passages#2", passages.get(0).getFieldValue("id"));
    Set<Object> parents = new TreeSet<>();
    passages.forEach(doc -> parents.add(doc.getFieldValue("_nest_parent_")));
    assertEquals("one passage per parent", 6, parents.size());
  }

  @Test
  public void passageQueryParametersAreChecked() throws Exception {
    expectError(
        400,
        () ->
            client.query(
                params("q", "{!echo f=passage_vector which=$p childrenOf=$p}text", "p", PARENTS)),
        "cannot be combined");
    expectError(
        400,
        () ->
            client.query(
                params("q", "{!echo f=passage_vector parents.preFilter=category:kept}text")),
        "parents.preFilter needs which or childrenOf");
  }
}
