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

import java.util.Locale;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * Solr's own lexical ranking of a free-text query: {@code edismax} over {@code title} and {@code
 * body} with the schema's default similarity (BM25, k1 = 1.2, b = 0.75), any term may match. The
 * text is taken as words, not as query syntax: it is lower-cased (so that AND, OR and NOT are not
 * operators; the fields' analyzer lower-cases anyway) and every syntax character is escaped.
 */
final class LexicalQuery {
  /** The fields searched and their (equal) weights. */
  static final String FIELDS = "title body";

  private static final String SYNTAX = "\\+-!():^[]\"{}~*?|&/";

  private LexicalQuery() {}

  /** The {@code rows} best documents' ids for {@code text}. */
  static SolrQuery bm25(String text, int rows) {
    SolrQuery query = new SolrQuery("{!edismax qf='" + FIELDS + "' q.op=OR v=$lexicalText}");
    query.set("lexicalText", escape(text));
    query.setRows(rows);
    query.setFields("id");
    return query;
  }

  /**
   * {@code text} as plain words for the standard query syntax: lower case, syntax characters
   * escaped.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if (SYNTAX.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
