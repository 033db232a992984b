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
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The sample collection's files as its README describes them, and errors that name the line. */
public class SampleCollectionTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private final ProjectLayout layout = ProjectLayout.locate();

  @Test
  public void theSampleCollectionHas160DocumentsAnd25QueriesWhoseExpectedDocumentsExist()
      throws Exception {
    List<SampleCollection.Document> documents =
        SampleCollection.readDocuments(layout.sampleDocuments());
    assertEquals(160, documents.size());
    assertEquals("doc-001", documents.get(0).id());
    assertEquals(8, documents.stream().map(SampleCollection.Document::category).distinct().count());
    Set<String> ids =
        documents.stream().map(SampleCollection.Document::id).collect(Collectors.toSet());
    List<SampleCollection.Query> queries = SampleCollection.readQueries(layout.sampleQueries());
    assertEquals(25, queries.size());
    for (SampleCollection.Query query : queries) {
      assertTrue(
          query.id() + " expects 1 to 3 documents",
          query.relevant().size() >= 1 && query.relevant().size() <= 3);
      assertTrue(query.id() + " expects existing documents", ids.containsAll(query.relevant()));
    }
  }

  @Test
  public void aDocumentBecomesASolrDocumentWithTheEmbeddedFields() {
    SampleCollection.Document doc =
        new SampleCollection.Document("doc-9", "music", "Title", "Body text.");
    assertEquals("doc-9", doc.toSolr().getFieldValue("id"));
    assertEquals("music", doc.toSolr().getFieldValue("category"));
    assertEquals("Title", doc.toSolr().getFieldValue("title"));
    assertEquals("Body text.", doc.toSolr().getFieldValue("body"));
  }

  @Test
  public void aMalformedDocumentIsReportedWithItsLineNumber() throws Exception {
    Path file = temp.newFile("docs.jsonl").toPath();
    Files.writeString(
        file,
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"}\n\n{\"id\": \"b\", \"title\": \"T\"}\n");
    assertRefused(file, "docs.jsonl line 3: \"body\" is missing");
    Files.writeString(
        file,
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"}\n{\"id\": \"a\", \"title\": \"U\", \"body\": \"C\"}\n");
    assertRefused(file, "docs.jsonl line 2: duplicate id 'a'");
    Files.writeString(file, "not json\n");
    assertRefused(file, "docs.jsonl line 1: ");
  }

  private static void assertRefused(Path file, String message) throws Exception {
    try {
      SampleCollection.readDocuments(file);
      fail("accepted " + Files.readString(file));
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().contains(message));
    }
  }

  @Test
  public void aQueryWithoutTextIsReportedByItsPosition() throws Exception {
    Path file = temp.newFile("queries.json").toPath();
    Files.writeString(
        file,
        "{\"queries\": [{\"id\": \"q1\", \"text\": \"t\", \"relevant\": [\"a\"]}, {\"id\": \"q2\"}]}");
    try {
      SampleCollection.readQueries(file);
      fail("accepted a query without text");
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage(), e.getMessage().endsWith("queries.json, query #2: \"text\" is missing"));
    }
  }
}
