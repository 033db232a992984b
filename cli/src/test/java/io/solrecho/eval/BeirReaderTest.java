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

  private static Path sample() {
    return EvalSamples.data().resolve("scifact-beir");
  }

  private static BeirReader scifact() {
    return new BeirReader(sample());
  }

  @Test
  public void corpusDocumentsKeepTitleAndText() throws IOException {
    List<BeirDocument> corpus = scifact().readCorpus();
    assertEquals(12, corpus.size());
    BeirDocument first = corpus.get(0);
    assertEquals("201", first.id());
    assertEquals("Afternoon naps and recall in older adults", first.title());
    assertTrue(first.text().startsWith("We followed 120 adults over 65 for six months."));
    BeirDocument untitled = corpus.get(5);
    assertEquals("206", untitled.id());
    assertEquals("", untitled.title());
  }

  @Test
  public void testQrelsHaveTheirQueriesAndJudgments() throws IOException {
    Qrels qrels = scifact().readQrels("test");
    assertEquals(4, qrels.queryCount());
    assertEquals(5, qrels.judgmentCount());
    assertEquals(Map.of("205", 1, "209", 1), qrels.judgments("3"));
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
  public void theJudgedQueriesAreTheSplitsQueriesInFileOrder() throws IOException {
    assertEquals(7, scifact().readQueries().size());
    List<BeirQuery> test = scifact().readQueries(scifact().readQrels("test"));
    assertEquals(
        List.of("1", "2", "3", "6"), test.stream().map(BeirQuery::id).collect(Collectors.toList()));
    assertEquals("Evening screen light delays falling asleep.", test.get(2).text());
  }

  @Test
  public void theFirstJudgedQueriesGiveAQuickSubset() throws IOException {
    Qrels first = scifact().readQrels("test").firstQueries(3);
    assertEquals(3, first.queryCount());
    assertEquals(3, scifact().readQueries(first).size());
  }

  @Test
  public void gzippedFilesFromAnywhereReadAsTheFolder() throws IOException {
    Path corpus = tmp.getRoot().toPath().resolve("corpus.jsonl.gz");
    Path queries = tmp.getRoot().toPath().resolve("queries.jsonl.gz");
    Files.write(corpus, EvalSamples.gzip(sample().resolve("corpus.jsonl")));
    Files.write(queries, EvalSamples.gzip(sample().resolve("queries.jsonl")));
    Path qrels = tmp.newFolder("judgments").toPath();
    Files.writeString(
        qrels.resolve("test.tsv"),
        Files.readString(sample().resolve("qrels/test.tsv")).replace("\n", "\r\n"));

    BeirReader reader = new BeirReader(corpus, queries, qrels);

    assertEquals(scifact().readCorpus(), reader.readCorpus());
    assertEquals(scifact().readQueries(), reader.readQueries());
    Qrels expected = scifact().readQrels("test");
    Qrels read = reader.readQrels("test");
    assertEquals(expected.queryIds(), read.queryIds());
    expected.queryIds().forEach(q -> assertEquals(expected.judgments(q), read.judgments(q)));
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
