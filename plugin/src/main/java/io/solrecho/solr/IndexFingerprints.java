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

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.schema.FieldType;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * The model fingerprints carried by live documents in one field of an index: the terms of the field
 * (a handful per segment), each checked for at least one live document so that deleted or
 * re-embedded documents do not count. Computed once per index reader, so once per searcher.
 */
final class IndexFingerprints {
  private final String field;
  private final Map<IndexReader.CacheKey, Set<String>> byReader =
      Collections.synchronizedMap(new WeakHashMap<>());

  IndexFingerprints(String field) {
    this.field = field;
  }

  /** The fingerprints in the searcher's index; empty when the field is absent or unused. */
  Set<String> of(SolrIndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return read(searcher);
    }
    Set<String> cached = byReader.get(helper.getKey());
    if (cached == null) {
      cached = read(searcher);
      byReader.put(helper.getKey(), cached);
    }
    return cached;
  }

  private Set<String> read(SolrIndexSearcher searcher) throws IOException {
    FieldType type = searcher.getSchema().getField(field).getType();
    Set<String> found = new TreeSet<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      TermsEnum term = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef bytes = term.next(); bytes != null; bytes = term.next()) {
        postings = term.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            found.add(type.indexedToReadable(bytes.utf8ToString()));
            break;
          }
        }
      }
    }
    return Collections.unmodifiableSet(found);
  }
}
