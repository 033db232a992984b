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
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Timer;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.TextRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.solr.SolrTestCaseJ4;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.SolrCore;
import org.junit.AfterClass;

/**
 * A standalone core on the shipped configset with the tiny GPT-2, an embedded client, and an {@link
 * Embedder} with the same settings to compare vectors against.
 */
@LuceneTestCase.SuppressCodecs({"SimpleText"})
public abstract class EchoSolrTestCase extends SolrTestCaseJ4 {
  static final String CORE = "collection1";
  static EmbeddedSolrServer client;
  static Embedder embedder;

  /** Starts the core on a copy of the configset, after {@code edits} to that copy. */
  static void initEchoCore(Consumer<Path> edits) throws Exception {
    EchoConfigSet.useToyModel();
    Path home = createTempDir("echo-home");
    edits.accept(EchoConfigSet.copyTo(home.resolve(CORE)));
    initCore("solrconfig.xml", "managed-schema.xml", home.toString(), CORE);
    client = new EmbeddedSolrServer(h.getCoreContainer(), CORE);
    embedder = EchoConfigSet.toyEmbedder();
  }

  /** Creates core {@code name} from an edited copy of the configset; the caller unloads it. */
  static void createCore(String name, Consumer<Path> edits) {
    Path instanceDir = Path.of(h.getCoreContainer().getSolrHome()).resolve(name);
    edits.accept(EchoConfigSet.copyTo(instanceDir));
    h.getCoreContainer().create(name, instanceDir, Map.of(), false);
  }

  /**
   * The messages of the failure to create core {@code name} after {@code edits}, with those of its
   * causes; fails when the core loads.
   */
  static String coreFailure(String name, Consumer<Path> edits) {
    Exception failure = null;
    try {
      createCore(name, edits);
    } catch (Exception e) {
      failure = e;
    }
    assertNotNull("the core should not load", failure);
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  @AfterClass
  public static void closeEcho() {
    if (embedder != null) {
      embedder.close();
      embedder = null;
    }
    client = null;
  }

  static SolrInputDocument textDoc(String id, String title, String... body) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField("id", id);
    if (title != null) {
      doc.setField("title", title);
    }
    for (String value : body) {
      doc.addField("body", value);
    }
    return doc;
  }

  static void addDocs(SolrInputDocument... docs) throws Exception {
    client.add(Arrays.asList(docs));
  }

  /** Adds {@code docs} in one request through the update chain {@code chain}. */
  static void addWithChain(String chain, SolrInputDocument... docs) throws Exception {
    UpdateRequest request = new UpdateRequest();
    request.add(Arrays.asList(docs));
    request.setParam("update.chain", chain);
    request.process(client);
  }

  static void commit() throws Exception {
    client.commit();
  }

  /** The stored document {@code id} after a commit, or null. */
  static SolrDocument stored(String id) throws Exception {
    QueryResponse rsp = client.query(params("q", "id:\"" + id + "\"", "fl", "*"));
    return rsp.getResults().isEmpty() ? null : rsp.getResults().get(0);
  }

  /** The stored vector of {@code id}, or null when it has none. */
  static float[] storedVector(String id) throws Exception {
    return vectorOf(stored(id));
  }

  /** The vector field of {@code doc}, or null when it has none. */
  static float[] vectorOf(SolrDocument doc) {
    return vectorOf(doc, "vector");
  }

  /** The vector in {@code field} of {@code doc}, or null when it has none. */
  static float[] vectorOf(SolrDocument doc, String field) {
    Object values = doc == null ? null : doc.getFieldValue(field);
    if (values == null) {
      return null;
    }
    List<?> list = (List<?>) values;
    float[] vector = new float[list.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = ((Number) list.get(i)).floatValue();
    }
    return vector;
  }

  static float[] documentVector(String text) {
    return embedder.embed(List.of(text), TextRole.DOCUMENT).get(0).vector();
  }

  static long numFound(String q, String... more) throws Exception {
    List<String> p = new ArrayList<>(List.of("q", q, "rows", "0"));
    p.addAll(List.of(more));
    return client.query(params(p.toArray(new String[0]))).getResults().getNumFound();
  }

  static final String[] TOPICS = {
    "the river that runs past the village", "the mountains to the north",
    "the market held every Saturday", "the old library and its books",
    "the harbour and the fishing boats", "the school on the hill"
  };

  /** Numbered sentences about the topics, at least {@code tokens} tokens of the model in all. */
  static String sentences(String prefix, int tokens) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; embedder.tokenizer().encode(text.toString()).size() < tokens; i++) {
      for (int j = 0; j < 20; j++, i++) {
        text.append(text.length() == 0 ? "" : " ")
            .append(prefix)
            .append(' ')
            .append(i)
            .append(" tells about ")
            .append(TOPICS[i % TOPICS.length])
            .append('.');
      }
    }
    return text.toString();
  }

  /** The passages of {@code root}, in order. */
  static List<SolrDocument> passagesOf(String root) throws Exception {
    return client
        .query(
            params(
                "q", "{!term f=_nest_parent_}" + root,
                "fq", "passage_start:[0 TO *]",
                "sort", "passage_start asc",
                "rows", "10000",
                "fl", "*"))
        .getResults();
  }

  /** The passages of {@code root} are those of {@code text}, each with the vector of its text. */
  static void assertPassagesOf(String root, String text) throws Exception {
    List<SolrDocument> passages = passagesOf(root);
    assertFalse("passages of " + root, passages.isEmpty());
    int i = 0;
    for (SolrDocument passage : passages) {
      String passageText = (String) passage.getFieldValue("passage_text");
      int start = (Integer) passage.getFieldValue("passage_start");
      int end = (Integer) passage.getFieldValue("passage_end");
      assertEquals(root + "/passages#" + i++, passage.getFieldValue("id"));
      assertEquals(text.substring(start, end), passageText);
      assertVectorEquals(documentVector(passageText), vectorOf(passage, "passage_vector"));
      assertEquals(embedder.fingerprint(), passage.getFieldValue("echo_fingerprint"));
      assertEquals(TextHash.of(passageText), passage.getFieldValue("echo_text_hash"));
    }
    assertEquals(text.length(), passages.get(passages.size() - 1).getFieldValue("passage_end"));
  }

  /** A counter's count, a timer's or histogram's number of updates, from the core's registry. */
  static long metric(String name) {
    return metric(CORE, name);
  }

  /** A counter's count, a timer's or histogram's number of updates, from a core's registry. */
  static long metric(String coreName, String name) {
    try (SolrCore core = h.getCoreContainer().getCore(coreName)) {
      Metric metric = core.getSolrMetricsContext().getMetricRegistry().getMetrics().get(name);
      if (metric == null) {
        throw new AssertionError(
            "no metric "
                + name
                + " in "
                + core.getSolrMetricsContext().getMetricRegistry().getNames());
      }
      if (metric instanceof Counter) {
        return ((Counter) metric).getCount();
      }
      if (metric instanceof Timer) {
        return ((Timer) metric).getCount();
      }
      return ((Histogram) metric).getCount();
    }
  }

  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /**
   * Runs {@code action}, which must fail with HTTP {@code code} and a message containing each
   * fragment.
   */
  static SolrException expectError(int code, Action action, String... fragments) {
    try {
      action.run();
    } catch (SolrException e) {
      assertEquals("status of " + e.getMessage(), code, e.code());
      for (String fragment : fragments) {
        assertTrue(
            "'" + e.getMessage() + "' should contain '" + fragment + "'",
            e.getMessage().contains(fragment));
      }
      return e;
    } catch (SolrServerException e) {
      throw new AssertionError("expected a SolrException, got " + e, e);
    } catch (Exception e) {
      throw new AssertionError("expected a SolrException, got " + e, e);
    }
    throw new AssertionError(
        "expected an error " + code + " containing " + Arrays.toString(fragments));
  }

  static void assertVectorEquals(float[] expected, float[] actual) {
    assertNotNull("vector", actual);
    assertArrayEquals(expected, actual, 1e-5f);
  }
}
