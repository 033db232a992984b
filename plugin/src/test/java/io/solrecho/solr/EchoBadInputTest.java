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
import java.util.Date;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Bad documents and bad queries: each gets a clear error naming what is wrong (or, with {@code
 * onError=skip}, is indexed without a vector and counted), and nothing indexed before is lost.
 */
public class EchoBadInputTest extends EchoSolrTestCase {
  private static final String KEPT_TEXT = "A document indexed before the errors.";

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> {
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-skip", "skip", 16));
          EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.PLAIN_CHAIN);
        });
  }

  @Before
  public void indexADocument() throws Exception {
    client.deleteByQuery("*:*");
    addDocs(textDoc("kept", KEPT_TEXT));
    commit();
  }

  @After
  public void nothingIndexedBeforeIsLost() throws Exception {
    commit();
    assertVectorEquals(documentVector(KEPT_TEXT), storedVector("kept"));
    assertEquals(embedder.fingerprint(), stored("kept").getFieldValue("echo_fingerprint"));
  }

  // ---- documents, onError=fail (the shipped chain) and onError=skip

  @Test
  public void aDocumentWithoutInputFieldsIsRefusedNamingThem() throws Exception {
    SolrInputDocument doc = new SolrInputDocument("id", "bad", "category", "none");
    expectError(
        400,
        () -> addDocs(doc),
        "document 'bad'",
        "'vector'",
        "none of the input fields [title, body]");
    commit();
    assertEquals(0, numFound("id:bad"));
  }

  @Test
  public void aDocumentWithoutInputFieldsIsIndexedWithoutVectorWhenSkipping() throws Exception {
    long skipped = metric("UPDATE.echo.vector.skipped");
    addWithChain("echo-skip", new SolrInputDocument("id", "bad", "category", "none"));
    commit();
    assertEquals(1, numFound("id:bad"));
    assertNull(storedVector("bad"));
    assertNull(stored("bad").getFieldValue("echo_fingerprint"));
    assertEquals(skipped + 1, metric("UPDATE.echo.vector.skipped"));
  }

  @Test
  public void emptyTextIsRefused() throws Exception {
    expectError(
        400,
        () -> addDocs(textDoc("bad", "   ", "", "\n\t")),
        "document 'bad'",
        "only empty or whitespace text");
  }

  @Test
  public void emptyTextIsIndexedWithoutVectorWhenSkipping() throws Exception {
    addWithChain("echo-skip", textDoc("bad", "  "));
    commit();
    assertEquals(1, numFound("id:bad"));
    assertNull(storedVector("bad"));
  }

  @Test
  public void textTheModelRefusesIsRefused() throws Exception {
    // control characters are read as spaces by the model: nothing is left to embed
    expectError(
        400, () -> addDocs(textDoc("ctl", "\u0001\u0002")), "document 'ctl'", "nothing to embed");
  }

  @Test
  public void textTheModelRefusesIsIndexedWithoutVectorWhenSkipping() throws Exception {
    long skipped = metric("UPDATE.echo.vector.skipped");
    addWithChain(
        "echo-skip", textDoc("ctl", "\u0001\u0002"), textDoc("fine", "Embedded as usual."));
    commit();
    assertEquals(1, numFound("id:ctl"));
    assertNull(storedVector("ctl"));
    assertVectorEquals(documentVector("Embedded as usual."), storedVector("fine"));
    assertEquals(skipped + 1, metric("UPDATE.echo.vector.skipped"));
  }

  @Test
  public void aValueThatIsNotTextIsRefusedNamingTheField() throws Exception {
    SolrInputDocument doc = textDoc("bad", null);
    doc.setField("title", new Date(0));
    expectError(
        400, () -> addDocs(doc), "document 'bad'", "inputField 'title' holds a Date, not text");
  }

  @Test
  public void numbersAndBooleansAreText() throws Exception {
    SolrInputDocument doc = textDoc("n", null);
    doc.setField("title", 42);
    doc.addField("body", true);
    addDocs(doc);
    commit();
    assertVectorEquals(documentVector("42\ntrue"), storedVector("n"));
  }

  @Test
  public void aMegabyteOfTextIsCutToMaxTokensAndIndexed() throws Exception {
    StringBuilder text = new StringBuilder();
    while (text.length() < 1 << 20) {
      text.append("A very long document repeats itself. ");
    }
    long truncated = metric("UPDATE.echo.vector.truncated");
    addDocs(textDoc("long", text.toString()));
    commit();
    assertVectorEquals(documentVector(text.toString()), storedVector("long"));
    assertEquals(truncated + 1, metric("UPDATE.echo.vector.truncated"));
  }

  @Test
  public void aFailingDocumentStopsItsRequestThereAsWithoutBatching() throws Exception {
    expectError(
        400,
        () ->
            addDocs(
                textDoc("before", "Indexed: it comes first."),
                textDoc("bad", " "),
                textDoc("after", "Not indexed: the request stopped.")),
        "document 'bad'");
    commit();
    assertVectorEquals(documentVector("Indexed: it comes first."), storedVector("before"));
    assertEquals(0, numFound("id:bad OR id:after"));
  }

  @Test
  public void errorsAreCounted() throws Exception {
    long errors = metric("UPDATE.echo.vector.errors");
    expectError(400, () -> addDocs(textDoc("bad", "")));
    assertEquals(errors + 1, metric("UPDATE.echo.vector.errors"));
  }

  // ---- queries

  @Test
  public void aQueryLongerThanMaxQueryLengthIsRefused() throws Exception {
    String text = String.join("", Collections.nCopies(2049, "x"));
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector}" + text)),
        "2049 characters, more than maxQueryLength=2048");
  }

  @Test
  public void aTopKAboveMaxTopKIsRefused() throws Exception {
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector topK=1001}too many")),
        "topK must be at most maxTopK=1000",
        "got 1001");
  }

  @Test
  public void aTopKThatIsNotAPositiveIntegerIsRefused() throws Exception {
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector topK=0}none")),
        "topK: expected a whole number of at least 1, got 0");
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector topK=ten}none")),
        "topK: expected a whole number of at least 1, got 'ten'");
  }

  @Test
  public void aQueryWithoutTextIsRefused() throws Exception {
    expectError(400, () -> client.query(params("q", "{!echo f=vector}")), "needs query text");
    expectError(400, () -> client.query(params("q", "{!echo f=vector v=' '}")), "needs query text");
  }

  @Test
  public void aQueryWithoutAVectorFieldIsRefused() throws Exception {
    expectError(400, () -> client.query(params("q", "{!echo}text")), "'f' is missing");
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=title}text")),
        "field 'title' is not a DenseVectorField");
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=nosuch}text")),
        "field 'nosuch' is not defined in the schema");
  }

  @Test
  public void anUndeclaredModelIsRefusedWithTheDeclaredOnes() throws Exception {
    long errors = metric("QUERY.echo.toy.errors");
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector model=other}text")),
        "model: 'other' is not declared in echo-models.json; declared: [toy]");
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector model=../models/toy-gpt2}text")),
        "model: '../models/toy-gpt2' is not declared");
    assertEquals("counted under the default model", errors + 2, metric("QUERY.echo.toy.errors"));
  }

  @Test
  public void vectorsOfAnotherModelFingerprintMakeTheQueryFailUntilTheyAreGone() throws Exception {
    SolrInputDocument foreign =
        new SolrInputDocument(
            "id",
            "foreign",
            "title",
            "written by another model",
            "echo_fingerprint",
            "0123456789abcdef");
    List<Float> vector = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      vector.add(i == 0 ? 1f : 0f);
    }
    foreign.setField("vector", vector);
    addWithChain("plain", foreign);
    commit();
    expectError(
        400,
        () -> client.query(params("q", "{!echo f=vector}a query")),
        "fingerprint(s) [0123456789abcdef]",
        "model 'toy' (fingerprint " + embedder.fingerprint() + ")");
    client.deleteById("foreign");
    commit();
    assertEquals(1, numFound("{!echo f=vector}a query"));
  }
}
