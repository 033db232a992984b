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

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.client.solrj.request.ContentStreamUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.update.processor.TolerantUpdateProcessorFactory;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A document that fails in a request of 40, at every position relative to the batches of 4 the echo
 * processor holds back: the same request through a chain without the plugin is the reference.
 * Indexed are exactly the documents Solr indexes without the plugin, and the client is told the
 * same, also behind {@link TolerantUpdateProcessorFactory} (with and without a {@code maxErrors}
 * limit), and when the body breaks off (malformed, or the client gone).
 */
public class EchoFailingDocumentTest extends EchoSolrTestCase {
  private static final int DOCS = 40;
  private static final String ECHO = "echo-b4";
  private static final String TOLERANT_ECHO = "echo-b4-tolerant";
  private static final String TOLERANT_PLAIN = "plain-tolerant";

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> {
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain(ECHO, "fail", 4));
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.PLAIN_CHAIN);
          EchoConfigSet.addToSolrConfig(
              conf, EchoConfigSet.tolerant(EchoConfigSet.chain(TOLERANT_ECHO, "fail", 4)));
          EchoConfigSet.addToSolrConfig(
              conf, EchoConfigSet.tolerant(EchoConfigSet.plainChain(TOLERANT_PLAIN)));
        });
  }

  private static String text(int i) {
    return "Document number " + i + " of a request with a failing document.";
  }

  /** 40 documents; those at {@code bad} fail in Solr's own field parsing (not a number). */
  private static List<SolrInputDocument> docs(Set<Integer> bad) {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      SolrInputDocument doc = textDoc("d" + i, text(i));
      if (bad.contains(i)) {
        doc.setField("popularity", "not a number");
      }
      docs.add(doc);
    }
    return docs;
  }

  /** Sends {@code docs} in one request through {@code chain}, on an empty index. */
  private static UpdateOutcome send(String chain, List<SolrInputDocument> docs, String... params)
      throws Exception {
    UpdateRequest request = new UpdateRequest();
    request.add(docs);
    request.setParam("update.chain", chain);
    for (int i = 0; i < params.length; i += 2) {
      request.setParam(params[i], params[i + 1]);
    }
    return outcome(() -> request.process(client));
  }

  private static UpdateOutcome outcome(UpdateOutcome.Request request) throws Exception {
    client.deleteByQuery("*:*");
    commit();
    return UpdateOutcome.of(request, EchoFailingDocumentTest::indexedIds);
  }

  private static Set<String> indexedIds() throws Exception {
    commit();
    Set<String> ids = new TreeSet<>();
    for (SolrDocument doc :
        client.query(params("q", "*:*", "rows", "1000", "fl", "id")).getResults()) {
      ids.add((String) doc.getFieldValue("id"));
    }
    return ids;
  }

  /** Every document the echo chain indexed has the vector of its text. */
  private static void assertVectors(Set<String> ids) throws Exception {
    for (String id : ids) {
      assertVectorEquals(documentVector(text(Integer.parseInt(id.substring(1)))), storedVector(id));
    }
  }

  private static void assertSameAsWithoutThePlugin(UpdateOutcome plain, UpdateOutcome echo)
      throws Exception {
    echo.assertSameAs(plain);
    assertVectors(echo.indexed());
  }

  @Test
  public void aFailingDocumentAtAnyPositionEndsTheRequestThereAsWithoutThePlugin()
      throws Exception {
    // batches of 4: 0 first, 1 middle, 3 last of a batch (it completes it), 4 right after a
    // boundary, 6, 7, 8, 38, and 39 the last of the request, which completes the last batch
    for (int bad : new int[] {0, 1, 3, 4, 6, 7, 8, 38, 39}) {
      assertFailsAtTheSameDocument(docs(Set.of(bad)), bad);
    }
    // 38 documents: the last batch is incomplete and passed on when the request finishes
    for (int bad : new int[] {36, 37}) {
      assertFailsAtTheSameDocument(docs(Set.of(bad)).subList(0, 38), bad);
    }
  }

  private static void assertFailsAtTheSameDocument(List<SolrInputDocument> docs, int bad)
      throws Exception {
    UpdateOutcome plain = send("plain", docs);
    UpdateOutcome echo = send(ECHO, docs);
    assertEquals("failing document d" + bad, bad, echo.indexed().size());
    assertEquals(400, echo.status());
    assertTrue(echo.message(), echo.message().contains("[doc=d" + bad + "]"));
    assertSameAsWithoutThePlugin(plain, echo);
  }

  @Test
  public void aHeldDocumentThatFailsFirstIsReportedRatherThanALaterRejectedOne() throws Exception {
    // d2 is held when d3, which has no text, is rejected: d2 is passed on first and fails first
    List<SolrInputDocument> docs = docs(Set.of(2));
    docs.get(3).removeField("title");
    UpdateOutcome plain = send("plain", docs(Set.of(2, 3)));
    UpdateOutcome echo = send(ECHO, docs);
    assertEquals(Set.of("d0", "d1"), echo.indexed());
    assertTrue(echo.message(), echo.message().contains("[doc=d2]"));
    assertSameAsWithoutThePlugin(plain, echo);
  }

  @Test
  public void aRejectedDocumentIsReportedAfterTheHeldOnesBeforeItAreIndexed() throws Exception {
    List<SolrInputDocument> docs = docs(Set.of());
    docs.get(6).removeField("title");
    Set<String> plain = send("plain", docs(Set.of(6))).indexed();
    UpdateOutcome echo = send(ECHO, docs);
    assertEquals(400, echo.status());
    assertTrue(echo.message(), echo.message().contains("document 'd6' cannot be embedded"));
    assertEquals(plain, echo.indexed());
    assertVectors(echo.indexed());
  }

  @Test
  public void behindATolerantProcessorEveryGoodDocumentIsIndexedAndTheBadOnesReportedById()
      throws Exception {
    Set<Integer> bad = Set.of(0, 3, 4, 17, 39);
    UpdateOutcome plain = send(TOLERANT_PLAIN, docs(bad));
    UpdateOutcome echo = send(TOLERANT_ECHO, docs(bad));
    assertEquals(200, echo.status());
    assertEquals(Set.of("d0", "d3", "d4", "d17", "d39"), echo.reported());
    assertEquals(DOCS - bad.size(), echo.indexed().size());
    assertSameAsWithoutThePlugin(plain, echo);
  }

  @Test
  public void behindATolerantProcessorTheRequestStopsAtTheSameDocumentBeyondMaxErrors()
      throws Exception {
    for (String maxErrors : new String[] {"0", "1", "2"}) {
      Set<Integer> bad = Set.of(3, 5, 6, 17);
      UpdateOutcome plain = send(TOLERANT_PLAIN, docs(bad), "maxErrors", maxErrors);
      UpdateOutcome echo = send(TOLERANT_ECHO, docs(bad), "maxErrors", maxErrors);
      assertEquals(400, echo.status());
      assertSameAsWithoutThePlugin(plain, echo);
    }
  }

  @Test
  public void behindATolerantProcessorRejectedAndFailingDocumentsCountTogether() throws Exception {
    // d2 is rejected by the echo processor at once, d5 fails in Solr after it was held
    List<SolrInputDocument> docs = docs(Set.of(5));
    docs.get(2).removeField("title");
    UpdateOutcome plain = send(TOLERANT_PLAIN, docs(Set.of(2, 5)), "maxErrors", "1");
    UpdateOutcome echo = send(TOLERANT_ECHO, docs, "maxErrors", "1");
    assertEquals(Set.of("d2", "d5"), echo.reported());
    assertEquals(plain.indexed(), echo.indexed());
    assertEquals(plain.status(), echo.status());
    assertEquals(plain.reported(), echo.reported());
    assertTrue(echo.message(), echo.message().contains("document 'd2' cannot be embedded"));
    assertVectors(echo.indexed());

    UpdateOutcome unlimited = send(TOLERANT_ECHO, docs);
    assertEquals(200, unlimited.status());
    assertEquals(Set.of("d2", "d5"), unlimited.reported());
    assertEquals(DOCS - 2, unlimited.indexed().size());
    assertVectors(unlimited.indexed());
  }

  @Test
  public void behindATolerantProcessorADocumentWithoutTextIsReportedByIdAndTheOthersIndexed()
      throws Exception {
    List<SolrInputDocument> docs = docs(Set.of());
    docs.set(5, new SolrInputDocument("id", "d5", "category", "no text"));
    UpdateOutcome echo = send(TOLERANT_ECHO, docs);
    assertEquals(Set.of("d5"), echo.reported());
    assertEquals(DOCS - 1, echo.indexed().size());
    assertVectors(echo.indexed());
  }

  @Test
  public void behindATolerantProcessorTextTheModelRefusesIsReportedAgainstItsOwnDocument()
      throws Exception {
    // "\u0001\u0002" is text to DocumentText, but the model refuses it: reported against d1 itself
    List<SolrInputDocument> docs = docs(Set.of());
    docs.set(1, textDoc("d1", "\u0001\u0002"));
    UpdateOutcome echo = send(TOLERANT_ECHO, docs);
    assertEquals(Set.of("d1"), echo.reported());
    assertEquals(DOCS - 1, echo.indexed().size());
    assertVectors(echo.indexed());
  }

  @Test
  public void behindATolerantProcessorAnUpdateAfterAFailedOneOfItsDocumentBuildsOnWhatSolrHolds()
      throws Exception {
    SolrDocument plain = afterAFailedWholeDocumentAndAnUpdate(TOLERANT_PLAIN);
    SolrDocument echo = afterAFailedWholeDocumentAndAnUpdate(TOLERANT_ECHO);
    assertEquals(List.of("old body", "one more paragraph"), echo.getFieldValues("body"));
    assertEquals(plain.getFieldValues("body"), echo.getFieldValues("body"));
    assertEquals(plain.getFieldValue("title"), echo.getFieldValue("title"));
    assertVectorEquals(documentVector("Old title\nold body\none more paragraph"), vectorOf(echo));
  }

  /**
   * d1 indexed, then one request through {@code chain}: d1 whole with a new text and a field that
   * fails in Solr, and an atomic update adding to d1's body; returns d1 as stored afterwards.
   */
  private static SolrDocument afterAFailedWholeDocumentAndAnUpdate(String chain) throws Exception {
    client.deleteByQuery("*:*");
    addWithChain(ECHO, textDoc("d1", "Old title", "old body"));
    commit();
    SolrInputDocument failing = textDoc("d1", "New title", "new body");
    failing.setField("popularity", "not a number");
    SolrInputDocument update = new SolrInputDocument("id", "d1");
    update.setField("body", Collections.singletonMap("add", "one more paragraph"));
    UpdateRequest request = new UpdateRequest();
    request.add(List.of(failing, update));
    request.setParam("update.chain", chain);
    UpdateOutcome outcome =
        UpdateOutcome.of(() -> request.process(client), EchoFailingDocumentTest::indexedIds);
    assertEquals(chain, Set.of("d1"), outcome.reported());
    return stored("d1");
  }

  /** 40 documents as a JSON array, of which only the first {@code length} characters are sent. */
  private static String jsonArray() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < DOCS; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"d")
          .append(i)
          .append("\",\"title\":\"")
          .append(text(i))
          .append("\"}");
    }
    return json.append("]").toString();
  }

  /** The first {@code docs} documents of the JSON array, then half of the next one. */
  private static String cutAfter(int docs) {
    String json = jsonArray();
    int end = json.indexOf("{\"id\":\"d" + docs + "\"");
    return json.substring(0, end + 12);
  }

  private static UpdateOutcome sendJson(String chain, ContentStreamBase body) throws Exception {
    ContentStreamUpdateRequest request = new ContentStreamUpdateRequest("/update");
    request.addContentStream(body);
    request.setParam("update.chain", chain);
    return outcome(() -> request.process(client));
  }

  @Test
  public void aMalformedBodyKeepsTheDocumentsBeforeTheBreakAsWithoutThePlugin() throws Exception {
    for (int complete : new int[] {0, 4, 6}) {
      UpdateOutcome plain =
          sendJson(
              "plain", new ContentStreamBase.StringStream(cutAfter(complete), "application/json"));
      UpdateOutcome echo =
          sendJson(
              ECHO, new ContentStreamBase.StringStream(cutAfter(complete), "application/json"));
      assertEquals(complete, echo.indexed().size());
      assertEquals(400, echo.status());
      assertSameAsWithoutThePlugin(plain, echo);
    }
  }

  /** A request body that breaks off after some bytes, as when the client's connection drops. */
  private static final class BrokenBody extends ContentStreamBase {
    private final byte[] sent;

    BrokenBody(String sent) {
      this.sent = sent.getBytes(StandardCharsets.UTF_8);
      this.contentType = "application/json";
    }

    @Override
    public InputStream getStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(sent);
      return new InputStream() {
        @Override
        public int read() throws IOException {
          int c = in.read();
          if (c < 0) {
            throw gone();
          }
          return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = in.read(b, off, len);
          if (n < 0) {
            throw gone();
          }
          return n;
        }
      };
    }

    /** What Jetty's request input throws when the client closed its connection. */
    private static IOException gone() {
      return new EOFException("Early EOF: the client closed its connection");
    }
  }

  @Test
  public void aClientGoneMidUploadLeavesTheDocumentsItSentAsWithoutThePlugin() throws Exception {
    for (int complete : new int[] {3, 4, 9}) {
      UpdateOutcome plain = sendJson("plain", new BrokenBody(cutAfter(complete)));
      UpdateOutcome echo = sendJson(ECHO, new BrokenBody(cutAfter(complete)));
      assertEquals(complete, echo.indexed().size());
      assertSameAsWithoutThePlugin(plain, echo);
    }
  }
}
