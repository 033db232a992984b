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

import org.apache.solr.client.solrj.SolrQuery;
import org.junit.Test;

/** The BM25 request takes a claim as words, never as query syntax. */
public class LexicalQueryTest {
  @Test
  public void syntaxCharactersAreEscapedAndWordsKept() {
    assertEquals(
        "0\\-dimensional biomaterials \\(in vivo\\) show \\\"inductive\\\" properties\\?",
        LexicalQuery.escape("0-dimensional biomaterials (in vivo) show \"inductive\" properties?"));
  }

  @Test
  public void operatorWordsAreLowerCasedSoTheyAreTerms() {
    assertEquals("cats and dogs or not mice", LexicalQuery.escape("Cats AND dogs OR NOT mice"));
  }

  @Test
  public void theRequestIsEdismaxOverTitleAndBodyWithTheTextAsAParameter() {
    SolrQuery query = LexicalQuery.bm25("A/B: tests", 100);
    assertEquals("{!edismax qf='title body' q.op=OR v=$lexicalText}", query.getQuery());
    assertEquals("a\\/b\\: tests", query.get("lexicalText"));
    assertEquals(Integer.valueOf(100), query.getRows());
    assertEquals("id", query.getFields());
  }
}
