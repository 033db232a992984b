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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocumentBase;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.core.SolrCore;
import org.apache.solr.handler.component.RealTimeGetComponent;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.update.AddUpdateCommand;

/**
 * Reads the input fields of the latest version of a document (a root document or a nested one),
 * with real-time get semantics, so that updates not yet committed count: from the receiving core
 * ({@link RealTimeGetComponent} reads its update log or realtime searcher), or from the leader of
 * the document's shard ({@link RealTimeGets}).
 */
final class StoredDocuments {
  private final SolrQueryRequest req;
  private final RealTimeGets gets;
  private final String idField;
  private final Set<String> inputFields;

  /** The input fields and the unique key. */
  private final Set<String> fields;

  StoredDocuments(SolrQueryRequest req, EchoUpdateSettings settings) {
    this.req = req;
    this.gets = new RealTimeGets(req);
    this.idField = req.getSchema().getUniqueKeyField().getName();
    this.inputFields = new LinkedHashSet<>(settings.inputFields());
    this.fields = new LinkedHashSet<>(inputFields);
    fields.add(idField);
  }

  /**
   * The input fields of the stored document that {@code cmd} updates, in a new document (without
   * the unique key) that the caller may change, or null when there is no such document.
   *
   * @throws SolrException 503 when the shard leader cannot be reached
   */
  SolrInputDocument latest(AddUpdateCommand cmd) throws IOException {
    Replica leader;
    try {
      leader = gets.remoteLeader(cmd);
    } catch (SolrException e) {
      throw unavailable(cmd, e.getMessage(), e);
    }
    return leader == null ? local(req.getCore(), cmd) : remote(cmd, leader);
  }

  private SolrInputDocument local(SolrCore core, AddUpdateCommand cmd) throws IOException {
    // The update log's own copy or the realtime searcher's: read, never changed. A nested document
    // is read with its root's whole block, as Solr's atomic update reads it.
    boolean nested = isNested(cmd);
    SolrInputDocument doc =
        RealTimeGetComponent.getInputDocument(
            core,
            cmd.getIndexedId(),
            cmd.getIndexedId(),
            null,
            nested ? null : fields, // children hang in fields named by their labels
            nested
                ? RealTimeGetComponent.Resolution.ROOT_WITH_CHILDREN
                : RealTimeGetComponent.Resolution.DOC);
    return inputFieldsOf(doc, cmd);
  }

  private SolrInputDocument remote(AddUpdateCommand cmd, Replica leader) {
    String fl = isNested(cmd) ? RealTimeGets.BLOCK_FIELDS : String.join(",", fields);
    SolrDocumentList docs;
    try {
      docs = gets.get(leader, List.of(cmd.getIndexedIdStr()), fl);
    } catch (SolrServerException | IOException | SolrException e) {
      throw unavailable(
          cmd,
          "the stored document could not be read from "
              + leader.getCoreUrl()
              + ": "
              + e.getMessage(),
          e);
    }
    return inputFieldsOf(docs.isEmpty() ? null : docs.get(0), cmd);
  }

  private static boolean isNested(AddUpdateCommand cmd) {
    return !cmd.getSelfOrNestedDocIdStr().equals(cmd.getIndexedIdStr());
  }

  /**
   * The input fields of the document {@code cmd} updates, found in {@code block} (its root with
   * every descendant), or null.
   */
  private SolrInputDocument inputFieldsOf(SolrDocumentBase<?, ?> block, AddUpdateCommand cmd) {
    SolrDocumentBase<?, ?> doc = block == null ? null : find(block, cmd.getSelfOrNestedDocIdStr());
    return doc == null ? null : inputFields(doc::getFieldValues);
  }

  /**
   * The document {@code id} among {@code doc} and its labelled descendants, the ones Solr's atomic
   * update finds ({@code AtomicUpdateDocumentMerger}); null when there is none.
   */
  private SolrDocumentBase<?, ?> find(SolrDocumentBase<?, ?> doc, String id) {
    if (id.equals(String.valueOf(doc.getFieldValue(idField)))) {
      return doc;
    }
    for (String name : doc.getFieldNames()) {
      Collection<Object> values = doc.getFieldValues(name);
      for (Object value : values == null ? List.of() : values) {
        if (value instanceof SolrDocumentBase) {
          SolrDocumentBase<?, ?> found = find((SolrDocumentBase<?, ?>) value, id);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private SolrInputDocument inputFields(Function<String, Collection<Object>> values) {
    SolrInputDocument copy = new SolrInputDocument();
    for (String name : inputFields) {
      Collection<Object> fieldValues = values.apply(name);
      if (fieldValues != null && !fieldValues.isEmpty()) {
        copy.setField(name, new ArrayList<>(fieldValues));
      }
    }
    return copy;
  }

  private static SolrException unavailable(AddUpdateCommand cmd, String problem, Throwable cause) {
    return new SolrException(
        SolrException.ErrorCode.SERVICE_UNAVAILABLE,
        "document '"
            + cmd.getPrintableId()
            + "' was not indexed: its atomic update needs its stored input fields, but "
            + problem
            + "; retry later",
        cause);
  }
}
