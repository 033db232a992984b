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
package io.solrecho.harness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.solrecho.eval.BeirDocument;
import io.solrecho.eval.BeirQuery;
import io.solrecho.eval.BeirReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Which queries and documents a limited retrieval run keeps. */
public class BeirSubsetTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private BeirReader reader;

  @Before
  public void writeDataSet() throws Exception {
    Path dir = tmp.newFolder("beir").toPath();
    StringBuilder corpus = new StringBuilder();
    for (int i = 1; i <= 8; i++) {
      corpus
          .append("{\"_id\": \"d")
          .append(i)
          .append("\", \"title\": \"T")
          .append(i)
          .append("\", \"text\": \"text ")
          .append(i)
          .append("\"}\n");
    }
    Files.writeString(dir.resolve("corpus.jsonl"), corpus);
    Files.writeString(
        dir.resolve("queries.jsonl"),
        "{\"_id\": \"q1\", \"text\": \"one\"}\n"
            + "{\"_id\": \"q2\", \"text\": \"two\"}\n{\"_id\": \"q3\", \"text\": \"three\"}\n");
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(
        dir.resolve("qrels/test.tsv"),
        "query-id\tcorpus-id\tscore\nq2\td7\t1\nq2\td5\t1\nq1\td8\t1\n" + "q3\td2\t1\n");
    reader = new BeirReader(dir);
  }

  private static List<String> ids(List<BeirDocument> documents) {
    return documents.stream().map(BeirDocument::id).collect(Collectors.toList());
  }

  @Test
  public void withoutLimitsItIsTheWholeSplit() throws Exception {
    BeirSubset subset = BeirSubset.read(reader, "test", BeirSubset.ALL, BeirSubset.ALL);
    assertEquals(
        List.of("q1", "q2", "q3"),
        subset.queries().stream().map(BeirQuery::id).collect(Collectors.toList()));
    assertEquals(8, subset.corpus().size());
    assertEquals(4, subset.judgedDocuments());
    assertFalse(subset.limited());
  }

  @Test
  public void aQueryLimitKeepsTheFirstJudgedQueriesTheirDocumentsAndTheFirstOthersInFileOrder()
      throws Exception {
    BeirSubset subset = BeirSubset.read(reader, "test", 2, 2);
    assertEquals(List.of("q2", "q1"), List.copyOf(subset.qrels().queryIds()));
    assertEquals(
        List.of("q1", "q2"),
        subset.queries().stream().map(BeirQuery::id).collect(Collectors.toList()));
    assertEquals(List.of("d1", "d2", "d5", "d7", "d8"), ids(subset.corpus()));
    assertEquals(3, subset.judgedDocuments());
    assertEquals(8, subset.corpusTotal());
    assertTrue(subset.limited());
  }

  @Test
  public void zeroOtherDocumentsLeavesOnlyTheJudgedOnes() throws Exception {
    assertEquals(List.of("d5", "d7"), ids(BeirSubset.read(reader, "test", 1, 0).corpus()));
  }

  @Test
  public void aJudgedDocumentMissingFromTheCorpusIsAnError() throws Exception {
    Files.writeString(
        tmp.getRoot().toPath().resolve("beir/qrels/test.tsv"),
        "query-id\tcorpus-id\tscore\nq1\tgone\t1\n");
    try {
      BeirSubset.read(reader, "test", 1, 0);
      throw new AssertionError("expected an IllegalArgumentException");
    } catch (IllegalArgumentException e) {
      assertEquals(
          "qrels/test.tsv judges 1 documents that corpus.jsonl does not have, e.g. 'gone'",
          e.getMessage());
    }
  }
}
