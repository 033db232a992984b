package io.solrecho.solr;

import java.util.Collections;
import java.util.List;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Atomic updates: those that leave the input fields alone keep the stored vector without embedding;
 * those that set the input fields embed the new text; others are refused with a clear 400.
 */
public class EchoAtomicUpdateTest extends EchoSolrTestCase {
  private static final String ORIGINAL = "The original title\nThe original body";

  @BeforeClass
  public static void startCore() throws Exception {
    initEchoCore(conf -> EchoConfigSet.addToSolrConfig(conf, EchoConfigSet.chain("echo-skip", "skip", 16)));
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
      doc.setField((String) fieldsAndOperations[i],
          Collections.singletonMap((String) fieldsAndOperations[i + 1], fieldsAndOperations[i + 2]));
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
    assertVectorEquals(documentVector("Not yet committed\nwhen the update arrives"), storedVector("2"));
  }

  @Test
  public void anUpdateThatSetsTheInputFieldsEmbedsTheNewText() throws Exception {
    long embeddings = metric("UPDATE.echo.vector.embeddings");
    addDocs(atomic("1", "title", "set", "A new title", "body", "set", List.of("new body", "and more")));
    commit();
    assertEquals(embeddings + 1, metric("UPDATE.echo.vector.embeddings"));
    assertVectorEquals(documentVector("A new title\nnew body\nand more"), storedVector("1"));
  }

  @Test
  public void anUpdateThatSetsSomeInputFieldsButNotAllIsRefused() throws Exception {
    expectError(400, () -> addDocs(atomic("1", "title", "set", "Only the title")),
        "document '1'", "sets [title] but not [body]", "send the whole document");
    assertEquals("The original title", stored("1").getFieldValue("title"));
    assertVectorEquals(documentVector(ORIGINAL), storedVector("1"));
  }

  @Test
  public void anUpdateThatAddsToAnInputFieldIsRefused() throws Exception {
    expectError(400, () -> addDocs(atomic("1", "title", "set", "t", "body", "add", "one more paragraph")),
        "document '1'", "atomic update [add] on inputField 'body' is not supported");
    assertVectorEquals(documentVector(ORIGINAL), storedVector("1"));
  }

  @Test
  public void anUpdateThatEmptiesTheTextIsRefusedWithOnErrorFail() throws Exception {
    expectError(400, () -> addDocs(atomic("1", "title", "set", " ", "body", "set", null)),
        "document '1'", "only empty or whitespace text");
    assertVectorEquals(documentVector(ORIGINAL), storedVector("1"));
  }

  @Test
  public void anUpdateThatEmptiesTheTextRemovesTheVectorWithOnErrorSkip() throws Exception {
    UpdateRequest request = new UpdateRequest();
    request.add(atomic("1", "title", "set", "", "body", "set", null, "popularity", "set", 7));
    request.setParam("update.chain", "echo-skip");
    request.process(client);
    commit();
    assertNull("a vector that no longer fits the text is removed", storedVector("1"));
    assertNull(stored("1").getFieldValue("echo_fingerprint"));
    assertEquals(7, stored("1").getFieldValue("popularity"));
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
