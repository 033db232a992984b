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

/**
 * Where a data set in BEIR's formats is found: its folder under {@code --data} (BEIR's layout:
 * {@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/<split>.tsv}), and its files on the
 * Hugging Face hub, where corpus and queries ({@code .jsonl.gz}) and the judgments usually live in
 * two repositories.
 *
 * @param title the name in messages, e.g. {@code SciFact}
 * @param folder the folder under {@code --data}, e.g. {@code scifact-beir}
 * @param corpus the corpus on the hub
 * @param queries the queries on the hub
 * @param qrels the judgments of one split on the hub, a file named {@code <split>.tsv}
 */
public record BeirSource(
    String title, String folder, HubDataFile corpus, HubDataFile queries, HubDataFile qrels) {
  private static final String QRELS_SUFFIX = ".tsv";

  public BeirSource {
    if (title == null || folder == null || corpus == null || queries == null || qrels == null) {
      throw new IllegalArgumentException("a BEIR source needs a title, a folder and three files");
    }
    if (!qrels.fileName().endsWith(QRELS_SUFFIX)) {
      throw new IllegalArgumentException(
          "the qrels file must be named <split>.tsv, got '" + qrels.path() + "'");
    }
  }

  /** The split whose judgments {@link #qrels} holds, e.g. {@code test}. */
  public String split() {
    String name = qrels.fileName();
    return name.substring(0, name.length() - QRELS_SUFFIX.length());
  }
}
