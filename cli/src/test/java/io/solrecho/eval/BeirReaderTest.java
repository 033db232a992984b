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
package io.solrecho.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BeirReaderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static BeirReader scifact() {
    return new BeirReader(SharedFixtures.resolve("data/scifact-beir"));
  }

  @Test
  public void scifactCorpusHas5183Documents() throws IOException {
    List<BeirDocument> corpus = scifact().readCorpus();
    assertEquals(5183, corpus.size());
    BeirDocument first = corpus.get(0);
    assertEquals("4983", first.id());
    assertTrue(
        first
            .title()
            .startsWith("Microstructural development of human newborn cerebral white matter"));
    assertTrue(first.text().startsWith("Alterations of the architecture of cerebral white matter"));
    assertEquals(first.title() + " " + first.text(), first.titleAndText());
  }

  @Test
  public void scifactTestQrelsHave300QueriesAnd339Judgments() throws IOException {
    Qrels qrels = scifact().readQrels("test");
    assertEquals(300, qrels.queryCount());
    assertEquals(339, qrels.judgmentCount());
    assertEquals(Map.of("31715818", 1), qrels.judgments("1"));
  }

  @Test
  public void everyJudgedDocumentIsInTheCorpus() throws IOException {
    Set<String> corpusIds =
        scifact().readCorpus().stream().map(BeirDocument::id).collect(Collectors.toSet());
    Qrels qrels = scifact().readQrels("test");
    Set<String> judged = new HashSet<>();
    qrels.queryIds().forEach(q -> judged.addAll(qrels.judgments(q).keySet()));
    assertFalse(judged.isEmpty());
    judged.removeAll(corpusIds);
    assertEquals(Set.of(), judged);
  }

  @Test
  public void scifactHas1109QueriesOf300AreTestQueries() throws IOException {
    assertEquals(1109, scifact().readQueries().size());
    Qrels qrels = scifact().readQrels("test");
    List<BeirQuery> test = scifact().readQueries(qrels);
    assertEquals(300, test.size());
    assertEquals(qrels.queryIds(), test.stream().map(BeirQuery::id).collect(Collectors.toSet()));
  }

  @Test
  public void limitsGiveQuickSubsets() throws IOException {
    assertEquals(scifact().readCorpus().subList(0, 10), scifact().readCorpus(10));
    assertEquals(
        List.of("0", "2"),
        scifact().readQueries(2).stream().map(BeirQuery::id).collect(Collectors.toList()));
    Qrels first = scifact().readQrels("test").firstQueries(5);
    assertEquals(5, first.queryCount());
    assertEquals(5, scifact().readQueries(first).size());
  }

  @Test
  public void invalidJsonNamesFileAndLine() throws IOException {
    Path dir =
        dataset(
            "{\"_id\": \"d1\", \"title\": \"\", \"text\": \"x\"}\n{\"_id\": \"d2\", \"text\": \n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new BeirReader(dir).readCorpus());
    assertEquals(2, e.line());
    assertTrue(
        e.getMessage(),
        e.getMessage().startsWith(dir.resolve("corpus.jsonl") + ":2: not valid JSON"));
  }

  @Test
  public void documentWithoutTextIsRejected() throws IOException {
    Path dir = dataset("{\"_id\": \"d1\", \"title\": \"t\"}\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new BeirReader(dir).readCorpus());
    assertTrue(e.getMessage(), e.getMessage().contains(":1: missing 'text'"));
  }

  @Test
  public void missingTitleReadsAsEmpty() throws IOException {
    Path dir = dataset("{\"_id\": \"d1\", \"text\": \"body\"}\n");
    BeirDocument doc = new BeirReader(dir).readCorpus().get(0);
    assertEquals(new BeirDocument("d1", "", "body"), doc);
    assertEquals("body", doc.titleAndText());
  }

  @Test
  public void duplicateDocumentIdIsRejected() throws IOException {
    Path dir = dataset("{\"_id\": \"d1\", \"text\": \"a\"}\n{\"_id\": \"d1\", \"text\": \"b\"}\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new BeirReader(dir).readCorpus());
    assertTrue(e.getMessage(), e.getMessage().contains(":2: duplicate _id 'd1'"));
  }

  @Test
  public void qrelsWithoutHeaderAreRejected() throws IOException {
    Path dir = dataset("");
    Files.writeString(dir.resolve("qrels/test.tsv"), "1\td1\t1\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new BeirReader(dir).readQrels("test"));
    assertTrue(
        e.getMessage(),
        e.getMessage()
            .contains("test.tsv:1: expected the header query-id<TAB>corpus-id<TAB>score"));
  }

  @Test
  public void qrelsScoreMustBeAnInteger() throws IOException {
    Path dir = dataset("");
    Files.writeString(
        dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\thigh\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new BeirReader(dir).readQrels("test"));
    assertTrue(
        e.getMessage(), e.getMessage().contains("test.tsv:3: score is not an integer: 'high'"));
  }

  @Test
  public void gradedQrelsKeepGrades() throws IOException {
    Path dir = dataset("");
    Files.writeString(
        dir.resolve("qrels/test.tsv"),
        "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq2\td3\t1\n");
    Qrels qrels = new BeirReader(dir).readQrels("test");
    assertEquals(List.of("q1", "q2"), List.copyOf(qrels.queryIds()));
    assertEquals(Map.of("d1", 2, "d2", 0), qrels.judgments("q1"));
    assertEquals(3, qrels.judgmentCount());
  }

  @Test
  public void judgedQueryMissingFromQueriesFileIsRejected() throws IOException {
    Path dir = dataset("");
    Qrels qrels = Qrels.of(Map.of("q9", Map.of("d1", 1)));
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> new BeirReader(dir).readQueries(qrels));
    assertTrue(e.getMessage(), e.getMessage().contains("1 judged queries are missing, e.g. 'q9'"));
  }

  @Test
  public void splitNameMustBePlain() throws IOException {
    Path dir = dataset("");
    assertThrows(IllegalArgumentException.class, () -> new BeirReader(dir).readQrels("../corpus"));
  }

  private Path dataset(String corpus) throws IOException {
    Path dir = tmp.newFolder("beir").toPath();
    Files.writeString(dir.resolve("corpus.jsonl"), corpus);
    Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"what?\"}\n");
    Files.createDirectories(dir.resolve("qrels"));
    return dir;
  }
}
