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
 * document would not show it yet. Nested documents count by their own id: an update of one reads it
 * from its root's block, and must find it there (Solr cannot add a nested document with an atomic
 * update of itself).
 */
final class LatestInputFields {
  static final int REMEMBERED = 1024;

  /** What the request left of one document: its root's id and its input fields, null if deleted. */
  private record Left(String root, SolrInputDocument inputFields) {}

  private final EchoUpdateSettings settings;
  private final StoredDocuments stored;
  private final AtomicUpdateDocumentMerger merger;
  private final String idField;
  private final Map<String, Left> recent;

  LatestInputFields(SolrQueryRequest req, EchoUpdateSettings settings) {
    this.settings = settings;
    this.stored = new StoredDocuments(req, settings);
    this.merger = new AtomicUpdateDocumentMerger(req);
    this.idField = req.getSchema().getUniqueKeyField().getName();
    int capacity = Math.max(REMEMBERED, settings.batchSize());
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Left> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Remembers what {@code cmd}, which Solr accepted so far, leaves of the input fields: those of
   * its document when it is whole (it replaces the entire stored block) or {@code updated} when it
   * is an atomic update that changes them, and those of the child documents it brings (the ones
   * with a unique key yet). Returns what it changed, for {@link #undo} when the document fails
   * after all.
   *
   * @param updated what {@link #afterAtomicUpdate} returned for it, or null
   */
  Change added(AddUpdateCommand cmd, boolean atomic, SolrInputDocument updated) {
    Change change = new Change();
    SolrInputDocument doc = cmd.getSolrInputDocument();
    Object id = doc.getFieldValue(idField);
    if (id == null) {
      return change;
    }
    String root = cmd.getIndexedIdStr();
    if (!atomic) {
      List<String> block = new ArrayList<>();
      recent.forEach(
          (key, left) -> {
            if (root.equals(left.root())) {
              block.add(key);
            }
          });
      for (String key : block) {
        change.record(key, recent.remove(key), null);
      }
      put(change, id.toString(), new Left(root, withInputFieldsOf(doc, empty(id))));
    } else if (updated != null) {
      put(change, cmd.getSelfOrNestedDocIdStr(), new Left(root, updated));
    }
    for (ChildDocuments.Child child : ChildDocuments.of(doc)) {
      Object childId = child.doc().getFieldValue(idField);
      if (childId != null) {
        put(
            change,
            childId.toString(),
            new Left(root, withInputFieldsOf(child.doc(), empty(childId))));
      }
    }
    return change;
  }

  private void put(Change change, String key, Left left) {
    change.record(key, recent.put(key, left), left);
  }

  /**
   * Takes back what {@link #added} remembered for a document that failed after all (Solr did not
   * index it): each entry it wrote that no later update has replaced is what it was before.
   */
  void undo(Change change) {
    for (int i = change.keys.size() - 1; i >= 0; i--) {
      String key = change.keys.get(i);
      if (recent.get(key) == change.after.get(i)) {
        Left before = change.before.get(i);
        if (before == null) {
          recent.remove(key);
        } else {
          recent.put(key, before);
        }
      }
    }
  }

  /**
   * The input fields (and the unique key) of the document the atomic update {@code cmd} leaves, not
   * to be changed. {@code replacesAll}: whether it sets every input field, so that the stored
   * document of a root document is not needed.
   *
   * @throws SolrException 400 for an update of a nested document that does not exist
   */
  SolrInputDocument afterAtomicUpdate(AddUpdateCommand cmd, boolean replacesAll)
      throws IOException {
    String self = cmd.getSelfOrNestedDocIdStr();
    String root = cmd.getIndexedIdStr();
    boolean nested = !self.equals(root);
    SolrInputDocument doc = cmd.getSolrInputDocument();
    SolrInputDocument target = empty(doc.getFieldValue(idField));
    if (!replacesAll || nested) {
      Left remembered = recent.get(self);
      SolrInputDocument before = remembered == null ? stored.latest(cmd) : remembered.inputFields();
      if (nested && before == null) {
        throw new SolrException(
            SolrException.ErrorCode.BAD_REQUEST,
            "document '"
                + self
                + "' was not found among the labelled child documents of its root '"
                + root
                + "': an atomic update changes an existing labelled child document (Solr finds"
                + " no other); to add one, update its parent or send the whole block");
      }
      if (!replacesAll && before != null) {
        withInputFieldsOf(before, target);
      }
    }
    return merger.merge(operations(doc), target);
  }

  /** What one {@link #added} changed: per document id, the entry before and the one written. */
  static final class Change {
    private final List<String> keys = new ArrayList<>();
    private final List<Left> before = new ArrayList<>();
    private final List<Left> after = new ArrayList<>();

    private void record(String key, Left previous, Left written) {
      keys.add(key);
      before.add(previous);
      after.add(written);
    }

    /** Whether it changed what is remembered of document {@code id}. */
    boolean touches(String id) {
      return keys.contains(id);
    }
  }

  /** Remembers that the request deleted {@code id}, with the block it is the root of. */
  void deleted(String id) {
    recent.values().removeIf(left -> id.equals(left.root()));
    recent.put(id, new Left(id, null));
  }

  /**
   * Forgets everything remembered, after a change that may touch any document (a delete by query, a
   * rollback).
   */
  void forgetAll() {
    recent.clear();
  }

  /** A document with only the unique key {@code id}. */
  private SolrInputDocument empty(Object id) {
    SolrInputDocument empty = new SolrInputDocument();
    empty.setField(idField, id);
    return empty;
  }

  /**
   * The unique key and input-field operations of {@code update}, copied: the merger may change what
   * it gets.
   */
  private SolrInputDocument operations(SolrInputDocument update) {
    SolrInputDocument operations = empty(update.getFieldValue(idField));
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
