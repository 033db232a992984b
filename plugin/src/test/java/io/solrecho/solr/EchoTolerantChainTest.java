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
import java.util.Map;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrInputDocument;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code TolerantUpdateProcessorFactory} in front of the embedding processor: a bad document in the
 * middle of a batched request is reported by its own id, and every other document of the request is
 * indexed with its vector.
 */
public class EchoTolerantChainTest extends EchoSolrTestCase {
  private static final String CHAIN = "echo-tolerant";

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> {
          // the shipped chain with batchSize 4 and onError=fail, behind a tolerant processor
          String chain = EchoConfigSet.chain(CHAIN, "fail", 4);
          String open = "<updateRequestProcessorChain name=\"" + CHAIN + "\">";
          assertTrue(chain, chain.startsWith(open));
          chain =
              chain.replace(
                  open,
                  open
                      + "<processor class=\"solr.TolerantUpdateProcessorFactory\">"
                      + "<int name=\"maxErrors\">10</int></processor>");
          EchoConfigSet.addToSolrConfig(conf, chain);
        });
  }

  @Before
  public void emptyIndex() throws Exception {
    client.deleteByQuery("*:*");
    commit();
  }

  @Test
  public void aDocumentWithoutTextIsReportedByIdAndTheOthersAreIndexed() throws Exception {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      docs.add(
          i == 5
              ? new SolrInputDocument("id", "d5", "category", "no text")
              : textDoc("d" + i, text(i)));
    }
    assertToleratedExactly("d5", docs);
  }

  @Test
  public void aHeldDocumentTheModelRefusesIsReportedByIdAndTheOthersAreIndexed() throws Exception {
    // "\u0001\u0002" is text to DocumentText, but the model refuses it: reported against d1 itself
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      docs.add(i == 1 ? textDoc("d1", "\u0001\u0002") : textDoc("d" + i, text(i)));
    }
    assertToleratedExactly("d1", docs);
  }

  private static String text(int i) {
    return "Document number " + i + " of a tolerant request.";
  }

  /**
   * Sends {@code docs} in one request: only {@code badId} is reported, and is the only one not
   * indexed.
   */
  private static void assertToleratedExactly(String badId, List<SolrInputDocument> docs)
      throws Exception {
    UpdateRequest request = new UpdateRequest();
    request.add(docs);
    request.setParam("update.chain", CHAIN);
    UpdateResponse rsp = request.process(client);
    commit();

    List<?> errors = (List<?>) rsp.getResponseHeader().get("errors");
    assertNotNull("tolerant errors in " + rsp.getResponseHeader(), errors);
    List<Object> ids = new ArrayList<>();
    for (Object error : errors) {
      ids.add(((Map<?, ?>) error).get("id"));
    }
    assertEquals("tolerated errors " + errors, List.of(badId), ids);
    String message = String.valueOf(((Map<?, ?>) errors.get(0)).get("message"));
    assertTrue(message, message.contains("document '" + badId + "'"));

    assertEquals(0, numFound("id:" + badId));
    assertEquals(docs.size() - 1, numFound("*:*"));
    for (SolrInputDocument doc : docs) {
      String id = (String) doc.getFieldValue("id");
      if (!id.equals(badId)) {
        assertVectorEquals(documentVector((String) doc.getFieldValue("title")), storedVector(id));
      }
    }
  }
}
