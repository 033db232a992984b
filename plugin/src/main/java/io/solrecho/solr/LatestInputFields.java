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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocumentBase;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.update.AddUpdateCommand;
import org.apache.solr.update.processor.AtomicUpdateDocumentMerger;

/**
 * The input fields of the documents one update request changes, as the request leaves them: what an
 * atomic update that touches them is applied to, with Solr's own {@link AtomicUpdateDocumentMerger}
 * (so {@code set}, {@code add}, {@code add-distinct}, {@code remove}, {@code removeregex} and
 * {@code inc} mean what they mean to Solr).
 *
 * <p>The first update of a document in the request starts from the stored document ({@link
 * StoredDocuments}), or from an empty one when there is none, as Solr's atomic update of a new
 * document does. A later update of the same document starts from what the earlier one left, which
 * is remembered for the {@value #REMEMBERED} documents the request changed last: the earlier update
 * may still be held in a batch here, or on its way to the shard leader in SolrCloud, so the stored
 * document would not show it yet. An update of a nested (child) document is embedded only when it
 * sets every input field or none: its stored version is part of its root's.
 */
final class LatestInputFields {
  static final int REMEMBERED = 1024;

  /** Remembered for a document the request deleted. */
  private static final SolrInputDocument DELETED = new SolrInputDocument();

  private final EchoUpdateSettings settings;
  private final StoredDocuments stored;
  private final AtomicUpdateDocumentMerger merger;
  private final IndexSchema schema;
  private final String idField;
  private final Map<String, SolrInputDocument> recent;

  LatestInputFields(SolrQueryRequest req, EchoUpdateSettings settings) {
    this.settings = settings;
    this.stored = new StoredDocuments(req, settings);
    this.merger = new AtomicUpdateDocumentMerger(req);
    this.schema = req.getSchema();
    this.idField = schema.getUniqueKeyField().getName();
    int capacity = Math.max(REMEMBERED, settings.batchSize());
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, SolrInputDocument> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Remembers the input fields of the whole document {@code cmd} adds, if it has a unique key yet.
   */
  void replaced(AddUpdateCommand cmd) {
    SolrInputDocument doc = cmd.getSolrInputDocument();
    if (doc.getFieldValue(idField) != null) {
      recent.put(cmd.getIndexedIdStr(), withInputFieldsOf(doc, empty(doc)));
    }
  }

  /**
   * The input fields (and the unique key) of the document the atomic update {@code cmd} leaves;
   * read, not to be changed. {@code replacesAll}: whether it sets every input field, so that the
   * stored document is not needed.
   *
   * @throws SolrException 400 for an update of a nested document that does not set every input
   *     field
   */
  SolrInputDocument afterAtomicUpdate(AddUpdateCommand cmd, boolean replacesAll)
      throws IOException {
    String id = cmd.getIndexedIdStr();
    SolrInputDocument doc = cmd.getSolrInputDocument();
    boolean nested =
        !schema.indexableUniqueKey(cmd.getSelfOrNestedDocIdStr()).equals(cmd.getIndexedId());
    if (nested && !replacesAll) {
      throw new SolrException(
          SolrException.ErrorCode.BAD_REQUEST,
          "document '"
              + cmd.getSelfOrNestedDocIdStr()
              + "' is a nested document: to embed it into '"
              + settings.outputField()
              + "', an atomic update must"
              + " set all of "
              + settings.inputFields()
              + " or none");
    }
    SolrInputDocument target = empty(doc);
    if (!replacesAll) {
      SolrInputDocument remembered = recent.get(id);
      SolrInputDocument before =
          remembered == null ? stored.latest(cmd) : remembered == DELETED ? null : remembered;
      if (before != null) {
        withInputFieldsOf(before, target);
      }
    }
    SolrInputDocument merged = merger.merge(operations(doc), target);
    if (!nested) {
      recent.put(id, merged);
    }
    return merged;
  }

  /** Remembers that the request deleted {@code indexedId}. */
  void deleted(String indexedId) {
    recent.put(indexedId, DELETED);
  }

  /**
   * Forgets everything remembered, after a change that may touch any document (a delete by query, a
   * rollback).
   */
  void forgetAll() {
    recent.clear();
  }

  /** A document with only the unique key of {@code doc}. */
  private SolrInputDocument empty(SolrInputDocument doc) {
    SolrInputDocument empty = new SolrInputDocument();
    empty.setField(idField, doc.getFieldValue(idField));
    return empty;
  }

  /**
   * The unique key and input-field operations of {@code update}, copied: the merger may change what
   * it gets.
   */
  private SolrInputDocument operations(SolrInputDocument update) {
    SolrInputDocument operations = empty(update);
    for (String name : settings.inputFields()) {
      SolrInputField field = update.getField(name);
      if (field != null) {
        operations.setField(name, copyValue(field.getValue()));
      }
    }
    return operations;
  }

  /**
   * Adds copies of the input fields of {@code from} to {@code to}: the merger changes value lists
   * in place.
   */
  private SolrInputDocument withInputFieldsOf(SolrInputDocument from, SolrInputDocument to) {
    for (String name : settings.inputFields()) {
      SolrInputField field = from.getField(name);
      if (field != null && field.getValue() != null) {
        to.setField(name, new ArrayList<>(field.getValues()));
      }
    }
    return to;
  }

  private static Object copyValue(Object value) {
    if (value instanceof Map && !(value instanceof SolrDocumentBase)) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, copyValue(v)));
      return copy;
    }
    if (value instanceof Collection) {
      List<Object> copy = new ArrayList<>();
      for (Object v : (Collection<?>) value) {
        copy.add(copyValue(v));
      }
      return copy;
    }
    return value;
  }
}
