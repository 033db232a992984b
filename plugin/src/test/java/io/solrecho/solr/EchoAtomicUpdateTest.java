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
import org.apache.solr.client.solrj.request.ContentStreamUpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Atomic updates: those that leave the input fields alone keep the stored vector without embedding;
 * those that change the input fields, however, embed the text the update leaves, read with Solr's
 * real-time get and merged with Solr's own atomic-update semantics.
 */
public class EchoAtomicUpdateTest extends EchoSolrTestCase {
  private static final String ORIGINAL = "The original title\nThe original body";

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(
        conf -> EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-skip", "skip", 16)));
  }

  @Before
  public void indexOneDocument() throws Exception {
    client.deleteByQuery("*:*");
    addDocs(textDoc("1", "The original title", "The original body"));
    commit();
  }

  private static SolrInputDocument atomic(String id, Object... fieldsAndOperations) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField("id", id);
    for (int i = 0; i < fieldsAndOperations.length; i += 3) {
      doc.setField(
          (String) fieldsAndOperations[i],
          Collections.singletonMap(
              (String) fieldsAndOperations[i + 1], fieldsAndOperations[i + 2]));
    }
    return doc;
  }

  @Test
  public void anUpdateThatLeavesTheTextAloneKeepsTheVectorWithoutEmbedding() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    long unchanged = metric("UPDATE.echo.vector.unchanged");
    addDocs(atomic("1", "popularity", "set", 5));
    commit();
    assertEquals("no embedding", embeddings, metric("UPDATE.echo.vector.embeddings"));
    assertEquals(unchanged + 1, metric("UPDATE.echo.vector.unchanged"));
    assertEquals(5, stored("1").getFieldValue("popularity"));
    assertVectorEquals(documentVector(ORIGINAL), storedVector("1"));
    assertEquals(embedder.fingerprint(), stored("1").getFieldValue("echo_fingerprint"));
  }

  @Test
  public void anUpdateOfAnUncommittedDocumentAlsoKeepsItsVector() throws Exception {
    addDocs(textDoc("2", "Not yet committed", "when the update arrives"));
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(atomic("2", "popularity", "inc", 1));
    commit();
    assertEquals("no embedding", embeddings, metric("UPDATE.echo.vector.embeddings"));
    assertVectorEquals(
        documentVector("Not yet committed\nwhen the update arrives"), storedVector("2"));
  }

  @Test
  public void anUpdateThatSetsTheInputFieldsEmbedsTheNewText() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(
        atomic("1", "title", "set", "A new title", "body", "set", List.of("new body", "and more")));
    commit();
    assertEquals(embeddings + 1, metric("UPDATE.echo.vector.embeddings"));
    assertVectorEquals(documentVector("A new title\nnew body\nand more"), storedVector("1"));
  }

  @Test
  public void anUpdateThatSetsOneOfTwoInputFieldsEmbedsItWithTheStoredOther() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(atomic("1", "title", "set", "Only the title"));
    commit();
    assertEquals(embeddings + 1, metric("UPDATE.echo.vector.embeddings"));
    assertEquals("Only the title", stored("1").getFieldValue("title"));
    assertVectorEquals(documentVector("Only the title\nThe original body"), storedVector("1"));
    assertEquals(embedder.fingerprint(), stored("1").getFieldValue("echo_fingerprint"));
  }

  @Test
  public void anUpdateThatAddsToAMultiValuedInputFieldEmbedsTheLongerText() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(atomic("1", "body", "add", "one more paragraph", "popularity", "set", 2));
    commit();
    assertEquals(embeddings + 1, metric("UPDATE.echo.vector.embeddings"));
    assertEquals(
        List.of("The original body", "one more paragraph"), stored("1").getFieldValues("body"));
    assertVectorEquals(documentVector(ORIGINAL + "\none more paragraph"), storedVector("1"));
  }

  @Test
  public void anUpdateThatRemovesAValueEmbedsWhatRemains() throws Exception {
    addDocs(textDoc("3", "Three", "first", "second", "third"));
    addDocs(atomic("3", "body", "remove", List.of("first", "third")));
    commit();
    assertVectorEquals(documentVector("Three\nsecond"), storedVector("3"));
  }

  @Test
  public void anUpdateBuildsOnAnUncommittedEarlierUpdate() throws Exception {
    addDocs(atomic("1", "body", "add", "added before the commit"));
    addDocs(atomic("1", "title", "set", "Retitled"));
    commit();
    assertVectorEquals(
        documentVector("Retitled\nThe original body\nadded before the commit"), storedVector("1"));
  }

  @Test
  public void updatesOfOneDocumentInOneRequestBuildOnEachOther() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    // held in one batch: none of them is in the index or the update log when the next is read
    addDocs(
        textDoc("4", "Four", "whole"),
        atomic("4", "body", "add", "then added"),
        atomic("4", "title", "set", "Four, retitled"));
    commit();
    assertEquals(embeddings + 3, metric("UPDATE.echo.vector.embeddings"));
    assertVectorEquals(documentVector("Four, retitled\nwhole\nthen added"), storedVector("4"));
  }

  @Test
  public void anUpdateOfADocumentDeletedEarlierInTheRequestStartsFromNothing() throws Exception {
    // JSON keeps the order of the commands (an UpdateRequest sends its deletes after its documents)
    ContentStreamUpdateRequest request = new ContentStreamUpdateRequest("/update");
    request.addContentStream(
        new ContentStreamBase.StringStream(
            "{\"delete\": {\"id\": \"1\"}, \"add\": {\"doc\": {\"id\": \"1\", \"body\": {\"add\": \"a new beginning\"}}}}",
            "application/json"));
    request.process(client);
    commit();
    assertNull(stored("1").getFieldValue("title"));
    assertVectorEquals(documentVector("a new beginning"), storedVector("1"));
  }

  @Test
  public void anUpdateOfADocumentThatDoesNotExistEmbedsItsOwnValues() throws Exception {
    addDocs(
        atomic(
            "new", "body", "add", List.of("first words", "second words"), "popularity", "inc", 1));
    commit();
    assertEquals(1, stored("new").getFieldValue("popularity"));
    assertVectorEquals(documentVector("first words\nsecond words"), storedVector("new"));
  }

  @Test
  public void anUpdateThatLeavesNoTextIsRefusedWithOnErrorFail() throws Exception {
    expectError(
        400,
        () -> addDocs(atomic("1", "body", "removeregex", ".*", "title", "set", null)),
        "document '1'",
        "after this atomic update, none of the input fields [title, body] has a value");
    assertEquals("The original title", stored("1").getFieldValue("title"));
    assertVectorEquals(documentVector(ORIGINAL), storedVector("1"));
  }

  @Test
  public void anOperationSolrRejectsIsRejectedWithSolrsMessage() throws Exception {
    expectError(
        400,
        () -> addDocs(atomic("1", "title", "inc", 1)),
        "'inc' is not supported on non-numeric field title");
    assertVectorEquals(documentVector(ORIGINAL), storedVector("1"));
  }

  @Test
  public void anUpdateWithTheCurrentVersionIsEmbedded() throws Exception {
    SolrInputDocument update = atomic("1", "title", "set", "Versioned");
    update.setField("_version_", stored("1").getFieldValue("_version_"));
    addDocs(update);
    commit();
    assertVectorEquals(documentVector("Versioned\nThe original body"), storedVector("1"));
  }

  @Test
  public void anUpdateWithAStaleVersionIsRejectedAndKeepsTheVector() throws Exception {
    long read = (Long) stored("1").getFieldValue("_version_");
    addDocs(atomic("1", "body", "add", "a concurrent change"));
    SolrInputDocument update = atomic("1", "title", "set", "Stale");
    update.setField("_version_", read);
    expectError(409, () -> addDocs(update), "version conflict");
    commit();
    assertEquals("The original title", stored("1").getFieldValue("title"));
    assertVectorEquals(documentVector(ORIGINAL + "\na concurrent change"), storedVector("1"));
  }

  @Test
  public void anUpdateThatEmptiesTheTextIsRefusedWithOnErrorFail() throws Exception {
    expectError(
        400,
        () -> addDocs(atomic("1", "title", "set", " ", "body", "set", null)),
        "document '1'",
        "only empty or whitespace text");
    assertVectorEquals(documentVector(ORIGINAL), storedVector("1"));
  }

  @Test
  public void anUpdateThatEmptiesTheTextRemovesTheVectorWithOnErrorSkip() throws Exception {
    addWithChain(
        "echo-skip", atomic("1", "title", "set", "", "body", "set", null, "popularity", "set", 7));
    commit();
    assertNull("a vector that no longer fits the text is removed", storedVector("1"));
    assertNull(stored("1").getFieldValue("echo_fingerprint"));
    assertEquals(7, stored("1").getFieldValue("popularity"));
  }

  private static List<Float> aVector() {
    List<Float> vector = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      vector.add(i == 0 ? 1f : 0f);
    }
    return vector;
  }

  /** The stored document 1 is still the one indexed before the test, vector and all. */
  private static void assertDocumentKept() throws Exception {
    commit();
    SolrDocument doc = stored("1");
    assertEquals("The original title", doc.getFieldValue("title"));
    assertEquals(List.of("The original body"), doc.getFieldValues("body"));
    assertVectorEquals(documentVector(ORIGINAL), vectorOf(doc));
    assertEquals(embedder.fingerprint(), doc.getFieldValue("echo_fingerprint"));
  }

  @Test
  public void anUpdateOfTheVectorIsRefusedAndTheDocumentKept() throws Exception {
    expectError(
        400,
        () -> addDocs(atomic("1", "vector", "set", aVector())),
        "document '1': field 'vector' is written by the echo chain",
        "EchoUpdateProcessorFactory");
    assertDocumentKept();
  }

  @Test
  public void anUpdateOfTheFingerprintIsRefusedAndTheDocumentKept() throws Exception {
    expectError(
        400,
        () -> addDocs(atomic("1", "echo_fingerprint", "set", "0123456789abcdef")),
        "field 'echo_fingerprint' is written by the echo chain");
    assertDocumentKept();
  }

  @Test
  public void anUpdateOfTheTextThatAlsoSetsTheVectorIsRefused() throws Exception {
    expectError(
        400,
        () -> addDocs(atomic("1", "title", "set", "New title", "vector", "set", aVector())),
        "field 'vector' is written by the echo chain");
    assertDocumentKept();
  }

  @Test
  public void anUpdateThatRemovesTheVectorIsRefusedAlsoWhenSkipping() throws Exception {
    expectError(
        400,
        () -> addWithChain("echo-skip", atomic("1", "vector", "set", null)),
        "field 'vector' is written by the echo chain");
    assertDocumentKept();
  }

  @Test
  public void aWholeDocumentReplacingAnotherIsEmbeddedAgain() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(textDoc("1", "Replaced", "entirely"));
    commit();
    assertEquals(embeddings + 1, metric("UPDATE.echo.vector.embeddings"));
    assertVectorEquals(documentVector("Replaced\nentirely"), storedVector("1"));
  }
}
