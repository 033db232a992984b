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
package io.solrecho.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.solrecho.ProjectFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Slice;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A real Solr from the Maven artifacts, with the configset adapted to the tiny GPT-2. */
public class LocalSolrTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private ModelDeclaration toy;

  @Before
  public void toyModel() {
    toy = ModelDeclaration.echoRetrieval(ProjectFixtures.tinyModel());
  }

  private static List<SolrInputDocument> documents() {
    List<SolrInputDocument> docs = new ArrayList<>();
    String[] titles = {
      "Rivers carry water to the sea",
      "Mountains are covered in snow",
      "Bread rises in a warm oven",
      "Stars shine in the night sky",
      "Trains run on steel rails"
    };
    for (int i = 0; i < titles.length; i++) {
      docs.add(new SolrInputDocument("id", "d" + i, "title", titles[i]));
    }
    return docs;
  }

  private static long count(SolrClient client, String query) throws Exception {
    return client.query(new SolrQuery(query)).getResults().getNumFound();
  }

  private static boolean listening(String baseUrl) throws IOException {
    URL url = new URL(baseUrl);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  public void standaloneEmbedsEveryDocumentAndTheEchoQueryFindsItsOwnText() throws Exception {
    List<SolrInputDocument> docs = documents();
    Path home;
    String baseUrl;
    try (LocalSolr solr = LocalSolr.builder(toy).start()) {
      home = solr.home();
      baseUrl = solr.baseUrl();
      assertFalse(solr.isCloud());
      List<long[]> progress = new ArrayList<>();
      assertEquals(
          docs.size(),
          solr.index(docs, 2, (indexed, total) -> progress.add(new long[] {indexed, total})));
      assertEquals(
          "a report per request", List.of(2L, 4L, 5L), progress.stream().map(p -> p[0]).toList());
      assertTrue(progress.stream().allMatch(p -> p[1] == docs.size()));
      for (SolrDocument doc :
          solr.solrClient().query(new SolrQuery("*:*").setFields("id", "vector")).getResults()) {
        assertEquals(
            doc.get("id") + " has a vector of the model's dimension",
            16,
            ((List<?>) doc.get("vector")).size());
      }
      for (SolrInputDocument doc : docs) {
        SolrDocument top =
            solr.solrClient()
                .query(LocalSolr.echoQuery((String) doc.getFieldValue("title"), 3))
                .getResults()
                .get(0);
        assertEquals(doc.getFieldValue("id"), top.get("id"));
      }
      assertTrue(Files.isDirectory(home.resolve("echo/conf")));
      assertTrue(
          Files.readString(home.resolve("echo/conf/managed-schema.xml"))
              .contains("vectorDimension=\"16\""));
      assertTrue(listening(baseUrl));
    }
    assertFalse("stopped", listening(baseUrl));
    assertFalse("temporary home deleted", Files.exists(home));
  }

  @Test
  public void aGivenHomeKeepsTheIndexAcrossRestarts() throws Exception {
    Path home = temp.newFolder("solr-home").toPath();
    try (LocalSolr solr = LocalSolr.builder(toy).home(home).start()) {
      solr.index(documents(), 10, IndexProgress.NONE);
    }
    assertTrue("a given home is kept", Files.isRegularFile(home.resolve("echo/core.properties")));
    try (LocalSolr solr = LocalSolr.builder(toy).home(home).start()) {
      assertEquals(documents().size(), count(solr.solrClient(), "echo_fingerprint:*"));
    }
  }

  @Test
  public void solrCloudSpreadsTheCollectionOverOneShardPerNode() throws Exception {
    try (LocalSolr solr = LocalSolr.builder(toy).cloud(2).start()) {
      assertTrue(solr.isCloud());
      assertEquals(2, solr.nodeUrls().size());
      solr.index(documents(), 5, IndexProgress.NONE);
      assertEquals(documents().size(), count(solr.solrClient(), "echo_fingerprint:*"));
      DocCollection collection =
          ((CloudSolrClient) solr.solrClient()).getClusterState().getCollection("echo");
      assertEquals(2, collection.getSlices().size());
      List<String> nodes = new ArrayList<>();
      for (Slice slice : collection.getSlices()) {
        assertEquals(1, slice.getReplicas().size());
        nodes.add(slice.getLeader().getNodeName());
      }
      assertEquals("one shard on each node", 2, nodes.stream().distinct().count());
      SolrDocument top =
          solr.solrClient()
              .query(LocalSolr.echoQuery("Stars shine in the night sky", 3))
              .getResults()
              .get(0);
      assertEquals("d3", top.get("id"));
    }
  }

  @Test
  public void aBusyPortIsReportedAsSuch() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      LocalSolr.builder(toy).port(busy.getLocalPort()).start().close();
      fail("started on a busy port");
    } catch (LocalSolr.PortInUseException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("the port is in use"));
    }
  }

  @Test
  public void aModelSolrCannotLoadIsReportedWithSolrsReason() throws Exception {
    try {
      LocalSolr.builder(toy.with("mode", "sideways")).start().close();
      fail("started with a bad model declaration");
    } catch (IllegalStateException e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("Solr could not load core 'echo'"));
      assertTrue(e.getMessage(), e.getMessage().contains("sideways"));
      assertNotNull(e.getCause());
    }
  }
}
