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

import com.codahale.metrics.Counter;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.TextRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.SolrTestCaseJ4;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.cloud.SolrCloudTestCase;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.core.SolrCore;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * SolrCloud, 2 shards x 2 replicas on 2 nodes: each document is embedded once, on the node that
 * receives it, and every replica holds the same vector; atomic updates (of root and nested
 * documents) and queries work across shards, and an atomic update that changes the text is embedded
 * from the shard leader's latest document. A failing document, a shard leader's among them, leaves
 * the same documents indexed as without the plugin, also behind a tolerant processor.
 */
@SolrTestCaseJ4.SuppressSSL
public class EchoCloudTest extends SolrCloudTestCase {
  private static final String COLLECTION = "echo";

  /** For the atomic updates of the input fields, apart from the documents COLLECTION counts. */
  private static final String ATOMIC = "echo-atomic";

  /** 2 shards x 1 replica: each node leads one shard. */
  private static final String FAILURES = "echo-failures";

  private static Embedder embedder;

  @BeforeClass
  public static void startCluster() throws Exception {
    EchoConfigSet.useToyModel();
    System.setProperty(
        "metricsEnabled", "true"); // MiniSolrCloudCluster's solr.xml turns metrics off by default
    Path conf = EchoConfigSet.copyTo(createTempDir("configset"));
    EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-b4", "fail", 4));
    EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.PLAIN_CHAIN);
    EchoConfigSet.addToSolrConfig(
        conf, EchoConfigSet.tolerant(EchoConfigSet.chain("echo-b4-tolerant", "fail", 4)));
    EchoConfigSet.addToSolrConfig(
        conf, EchoConfigSet.tolerant(EchoConfigSet.plainChain("plain-tolerant")));
    configureCluster(2).addConfig("echo", conf).configure();
    CollectionAdminRequest.createCollection(COLLECTION, "echo", 2, 2)
        .process(cluster.getSolrClient());
    cluster.waitForActiveCollection(COLLECTION, 2, 4);
    CollectionAdminRequest.createCollection(ATOMIC, "echo", 2, 2).process(cluster.getSolrClient());
    cluster.waitForActiveCollection(ATOMIC, 2, 4);
    CollectionAdminRequest.createCollection(FAILURES, "echo", 2, 1)
        .process(cluster.getSolrClient());
    cluster.waitForActiveCollection(FAILURES, 2, 2);
    embedder = EchoConfigSet.toyEmbedder();
  }

  @AfterClass
  public static void closeEmbedder() {
    if (embedder != null) {
      embedder.close();
      embedder = null;
    }
  }

  private static String text(int i) {
    return "Cloud document "
        + i
        + (i % 3 == 0 ? " is about rivers." : " talks about mountains and snow.");
  }

  private static SolrInputDocument doc(int i) {
    return new SolrInputDocument("id", "doc" + i, "title", text(i));
  }

  /** UPDATE.echo.vector.embeddings summed over every core of every node. */
  private static long embeddingsOnAllNodes() {
    long sum = 0;
    for (JettySolrRunner jetty : cluster.getJettySolrRunners()) {
      for (SolrCore core : jetty.getCoreContainer().getCores()) {
        Counter counter =
            (Counter)
                core.getSolrMetricsContext()
                    .getMetricRegistry()
                    .getMetrics()
                    .get("UPDATE.echo.vector.embeddings");
        sum += counter == null ? 0 : counter.getCount();
      }
    }
    return sum;
  }

  /** id to stored vector, for each replica of each shard, read with distrib=false. */
  private static Map<String, Map<String, List<?>>> vectorsByReplica(Slice slice) throws Exception {
    Map<String, Map<String, List<?>>> byReplica = new HashMap<>();
    for (Replica replica : slice.getReplicas()) {
      try (SolrClient client = getHttpSolrClient(replica)) {
        Map<String, List<?>> vectors = new HashMap<>();
        for (SolrDocument doc :
            client
                .query(params("q", "*:*", "distrib", "false", "rows", "1000", "fl", "id,vector"))
                .getResults()) {
          vectors.put((String) doc.getFieldValue("id"), (List<?>) doc.getFieldValue("vector"));
        }
        byReplica.put(replica.getName(), vectors);
      }
    }
    return byReplica;
  }

  private static void assertEveryReplicaHoldsTheEnginesVectors(Map<String, String> textById)
      throws Exception {
    int seen = 0;
    for (Slice slice : getCollectionState(COLLECTION).getSlices()) {
      Map<String, Map<String, List<?>>> byReplica = vectorsByReplica(slice);
      assertEquals(2, byReplica.size());
      List<Map<String, List<?>>> replicas = new ArrayList<>(byReplica.values());
      assertEquals(
          "replicas of " + slice.getName() + " hold identical vectors",
          replicas.get(0),
          replicas.get(1));
      for (Map.Entry<String, List<?>> stored : replicas.get(0).entrySet()) {
        float[] expected =
            embedder
                .embed(List.of(textById.get(stored.getKey())), TextRole.DOCUMENT)
                .get(0)
                .vector();
        float[] actual = new float[stored.getValue().size()];
        for (int i = 0; i < actual.length; i++) {
          actual[i] = ((Number) stored.getValue().get(i)).floatValue();
        }
        assertArrayEquals(stored.getKey(), expected, actual, 1e-5f);
        seen++;
      }
    }
    assertEquals(textById.size(), seen);
  }

  @Test
  public void eachDocumentIsEmbeddedOnceAndEveryReplicaHoldsTheSameVector() throws Exception {
    long before = embeddingsOnAllNodes();
    Map<String, String> textById = new HashMap<>();
    UpdateRequest routed = new UpdateRequest();
    for (int i = 0; i < 30; i++) {
      routed.add(doc(i));
      textById.put("doc" + i, text(i));
    }
    routed.process(cluster.getSolrClient(), COLLECTION);
    // sent to one node, which embeds and forwards to the leaders of both shards
    UpdateRequest viaOneNode = new UpdateRequest();
    for (int i = 30; i < 40; i++) {
      viaOneNode.add(doc(i));
      textById.put("doc" + i, text(i));
    }
    try (SolrClient node =
        getHttpSolrClient(cluster.getJettySolrRunner(0).getBaseUrl().toString())) {
      viaOneNode.process(node, COLLECTION);
    }
    cluster.getSolrClient().commit(COLLECTION);
    assertEquals(
        40,
        cluster.getSolrClient().query(COLLECTION, params("q", "*:*")).getResults().getNumFound());
    assertEquals(
        "embedded exactly once each, summed over all nodes", 40, embeddingsOnAllNodes() - before);
    assertEveryReplicaHoldsTheEnginesVectors(textById);

    // an atomic update that leaves the text alone: no embedding, the vector is carried over on
    // every replica
    SolrInputDocument atomic = new SolrInputDocument("id", "doc7");
    atomic.setField("popularity", Collections.singletonMap("set", 3));
    cluster.getSolrClient().add(COLLECTION, atomic);
    // one that sets the text: embedded once more
    SolrInputDocument newText = new SolrInputDocument("id", "doc8");
    newText.setField("title", Collections.singletonMap("set", "A new title for document eight."));
    newText.setField("body", Collections.singletonMap("set", null));
    cluster.getSolrClient().add(COLLECTION, newText);
    textById.put("doc8", "A new title for document eight.");
    cluster.getSolrClient().commit(COLLECTION);
    assertEquals(41, embeddingsOnAllNodes() - before);
    assertEveryReplicaHoldsTheEnginesVectors(textById);

    // the nearest neighbour of a document's own text, across both shards, is that document
    for (int i : new int[] {3, 8, 17, 35}) {
      SolrDocument top =
          cluster
              .getSolrClient()
              .query(
                  COLLECTION,
                  params("q", "{!echo f=vector topK=5}" + textById.get("doc" + i), "fl", "id"))
              .getResults()
              .get(0);
      assertEquals("doc" + i, top.getFieldValue("id"));
    }
  }

  /** A client of a node that does not host the leader of the shard {@code id} belongs to. */
  private static SolrClient nodeWithoutTheLeaderOf(String collection, String id) {
    Replica leader = sliceOf(collection, id).getLeader();
    for (JettySolrRunner jetty : cluster.getJettySolrRunners()) {
      if (!jetty.getNodeName().equals(leader.getNodeName())) {
        return getHttpSolrClient(jetty.getBaseUrl().toString());
      }
    }
    throw new AssertionError("every node hosts " + leader);
  }

  private static Slice sliceOf(String collection, String id) {
    DocCollection state = getCollectionState(collection);
    return state.getRouter().getTargetSlice(id, null, null, new ModifiableSolrParams(), state);
  }

  /**
   * Every replica of the shard of {@code id} holds the same vector, the engine's for {@code text}.
   */
  private static void assertEveryReplicaHolds(String collection, String id, String text)
      throws Exception {
    assertEveryReplicaHolds(collection, id, id, text);
  }

  /** The same, for a document of the block of {@code root}, which is in the root's shard. */
  private static void assertEveryReplicaHolds(
      String collection, String root, String id, String text) throws Exception {
    float[] expected = embedder.embed(List.of(text), TextRole.DOCUMENT).get(0).vector();
    List<Object> vectors = new ArrayList<>();
    for (Replica replica : sliceOf(collection, root).getReplicas()) {
      try (SolrClient client = getHttpSolrClient(replica)) {
        SolrDocumentList docs =
            client
                .query(params("q", "id:" + id, "distrib", "false", "fl", "id,vector"))
                .getResults();
        assertEquals(replica.getName(), 1, docs.size());
        List<?> vector = (List<?>) docs.get(0).getFieldValue("vector");
        float[] actual = new float[vector.size()];
        for (int i = 0; i < actual.length; i++) {
          actual[i] = ((Number) vector.get(i)).floatValue();
        }
        assertArrayEquals(replica.getName(), expected, actual, 1e-5f);
        vectors.add(vector);
      }
    }
    assertEquals(2, vectors.size());
    assertEquals("replicas hold identical vectors", vectors.get(0), vectors.get(1));
  }

  private static SolrInputDocument atomic(String id, String field, String operation, Object value) {
    SolrInputDocument doc = new SolrInputDocument("id", id);
    doc.setField(field, Collections.singletonMap(operation, value));
    return doc;
  }

  @Test
  public void aPartialUpdateThroughANodeWithoutTheShardLeaderIsEmbeddedOnceFromTheLeadersDocument()
      throws Exception {
    // not committed: only the leader's update log has it when the partial update comes
    cluster
        .getSolrClient()
        .add(
            ATOMIC,
            new SolrInputDocument(
                "id", "a1", "title", "Written to the leader.", "body", "A first paragraph."));
    long before = embeddingsOnAllNodes();
    try (SolrClient node = nodeWithoutTheLeaderOf(ATOMIC, "a1")) {
      new UpdateRequest()
          .add(atomic("a1", "body", "add", "A second paragraph."))
          .process(node, ATOMIC);
    }
    cluster.getSolrClient().commit(ATOMIC);
    assertEquals(
        "embedded exactly once, summed over all nodes", 1, embeddingsOnAllNodes() - before);
    assertEveryReplicaHolds(
        ATOMIC, "a1", "Written to the leader.\nA first paragraph.\nA second paragraph.");

    // the cloud client sends it to the leader, which reads its own copy
    cluster.getSolrClient().add(ATOMIC, atomic("a1", "title", "set", "Retitled on the leader."));
    cluster.getSolrClient().commit(ATOMIC);
    assertEquals(2, embeddingsOnAllNodes() - before);
    assertEveryReplicaHolds(
        ATOMIC, "a1", "Retitled on the leader.\nA first paragraph.\nA second paragraph.");
  }

  @Test
  public void partialUpdatesOfOneDocumentInOneRequestBuildOnEachOtherAcrossNodes()
      throws Exception {
    cluster
        .getSolrClient()
        .add(ATOMIC, new SolrInputDocument("id", "a2", "title", "Before.", "body", "Kept."));
    cluster.getSolrClient().commit(ATOMIC);
    long before = embeddingsOnAllNodes();
    try (SolrClient node = nodeWithoutTheLeaderOf(ATOMIC, "a2")) {
      // the first may still be on its way to the leader when the second is read
      new UpdateRequest()
          .add(atomic("a2", "title", "set", "After."))
          .add(atomic("a2", "body", "add", "Added."))
          .process(node, ATOMIC);
    }
    cluster.getSolrClient().commit(ATOMIC);
    assertEquals(2, embeddingsOnAllNodes() - before);
    assertEveryReplicaHolds(ATOMIC, "a2", "After.\nKept.\nAdded.");
  }

  @Test
  public void aNestedDocumentsUpdateThroughANodeWithoutTheLeaderIsEmbeddedFromTheLeadersBlock()
      throws Exception {
    SolrInputDocument root = new SolrInputDocument("id", "n1", "title", "A root in the cloud.");
    SolrInputDocument child = new SolrInputDocument("id", "n1c", "title", "A child.");
    child.setField(
        "replies", List.of(new SolrInputDocument("id", "n1g", "title", "A grandchild.")));
    root.setField("comments", List.of(child));
    // not committed: only the leader's update log has the block when the partial update comes
    cluster.getSolrClient().add(ATOMIC, root);
    long before = embeddingsOnAllNodes();
    SolrInputDocument update = new SolrInputDocument("id", "n1g", "_root_", "n1");
    update.setField("body", Collections.singletonMap("add", "Added through another node."));
    try (SolrClient node = nodeWithoutTheLeaderOf(ATOMIC, "n1")) {
      new UpdateRequest().add(update).process(node, ATOMIC);
    }
    cluster.getSolrClient().commit(ATOMIC);
    assertEquals(
        "embedded exactly once, summed over all nodes", 1, embeddingsOnAllNodes() - before);
    assertEveryReplicaHolds(ATOMIC, "n1", "n1g", "A grandchild.\nAdded through another node.");
    assertEveryReplicaHolds(ATOMIC, "n1", "n1c", "A child.");
  }

  private static String failingText(int i) {
    return "Cloud document " + i + " of a request with a failing document.";
  }

  /** A client of the node that leads the shard {@code id} belongs to in FAILURES. */
  private static JettySolrRunner leaderNodeOf(String id) {
    Replica leader = sliceOf(FAILURES, id).getLeader();
    for (JettySolrRunner jetty : cluster.getJettySolrRunners()) {
      if (jetty.getNodeName().equals(leader.getNodeName())) {
        return jetty;
      }
    }
    throw new AssertionError("no node hosts " + leader);
  }

  /**
   * Sends 40 documents, those at {@code bad} with a number field that is not a number, in one
   * request to {@code node} through {@code chain}, on an empty FAILURES.
   */
  private static UpdateOutcome sendFailing(JettySolrRunner node, String chain, Set<Integer> bad)
      throws Exception {
    cluster.getSolrClient().deleteByQuery(FAILURES, "*:*");
    cluster.getSolrClient().commit(FAILURES);
    UpdateRequest request = new UpdateRequest();
    for (int i = 0; i < 40; i++) {
      SolrInputDocument doc = new SolrInputDocument("id", "f" + i, "title", failingText(i));
      if (bad.contains(i)) {
        doc.setField("popularity", "not a number");
      }
      request.add(doc);
    }
    request.setParam("update.chain", chain);
    try (SolrClient client = getHttpSolrClient(node.getBaseUrl().toString())) {
      return UpdateOutcome.of(
          () -> request.process(client, FAILURES),
          () -> {
            cluster.getSolrClient().commit(FAILURES);
            Set<String> ids = new TreeSet<>();
            for (SolrDocument doc :
                cluster
                    .getSolrClient()
                    .query(FAILURES, params("q", "*:*", "rows", "100", "fl", "id,vector,title"))
                    .getResults()) {
              String id = (String) doc.getFieldValue("id");
              ids.add(id);
              if (chain.startsWith("echo")) {
                float[] expected =
                    embedder
                        .embed(
                            List.of(failingText(Integer.parseInt(id.substring(1)))),
                            TextRole.DOCUMENT)
                        .get(0)
                        .vector();
                assertArrayEquals(id, expected, EchoSolrTestCase.vectorOf(doc), 1e-5f);
              }
            }
            return ids;
          });
    }
  }

  @Test
  public void aFailingDocumentEndsTheRequestWhereItDoesWithoutThePlugin() throws Exception {
    // the receiving node leads the failing document's shard: it fails there, at once, and the
    // documents before it that the other shard's leader gets are indexed too
    int bad = 6;
    while (sliceOf(FAILURES, "f" + bad).getName().equals(sliceOf(FAILURES, "f0").getName())) {
      bad++;
    }
    JettySolrRunner node = leaderNodeOf("f" + bad);
    UpdateOutcome plain = sendFailing(node, "plain", Set.of(bad));
    UpdateOutcome echo = sendFailing(node, "echo-b4", Set.of(bad));
    assertEquals(400, echo.status());
    assertTrue(echo.indexed().contains("f0"));
    assertFalse(echo.indexed().contains("f" + (bad + 1)));
    echo.assertSameAs(plain);
  }

  @Test
  public void behindATolerantProcessorTheBadDocumentsOfEveryShardAreReportedById()
      throws Exception {
    // bad documents on both shards: the receiving node's own and the other leader's
    Set<Integer> bad = Set.of(1, 2, 3, 5, 8, 13, 21, 34, 39);
    JettySolrRunner node = cluster.getJettySolrRunner(0);
    UpdateOutcome plain = sendFailing(node, "plain-tolerant", bad);
    UpdateOutcome echo = sendFailing(node, "echo-b4-tolerant", bad);
    assertEquals(200, echo.status());
    assertEquals(bad.size(), echo.reported().size());
    assertEquals(40 - bad.size(), echo.indexed().size());
    Set<String> shards = new TreeSet<>();
    for (int i : bad) {
      shards.add(sliceOf(FAILURES, "f" + i).getName());
    }
    assertEquals("bad documents on both shards", 2, shards.size());
    echo.assertSameAs(plain);
  }
}
