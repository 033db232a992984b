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

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentBase;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.update.AddUpdateCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vectors already stored for the root documents of one batch, by the text they were made from
 * ({@code reuseVectors}): a text whose vector is found here need not be embedded again.
 *
 * <p>One real-time get per batch (per shard leader in SolrCloud, see {@link RealTimeGets}) reads
 * the stored blocks of the batch's root documents: the root with, in a schema with {@code
 * _nest_path_}, every descendant (passages and other child documents). A stored vector counts when
 * its document carries the current model fingerprint and a text hash ({@link TextHash}); it is then
 * the vector of exactly that text under this model, whatever version of the document was read, so a
 * vector found by the hash of a text is that text's vector. A get that fails costs nothing but the
 * reuse: it is logged and the texts are embedded.
 */
final class StoredVectors {
  private static final Logger log = LoggerFactory.getLogger(MethodHandles.lookup().lookupClass());

  private final RealTimeGets gets;
  private final String idField;
  private final String fingerprintField;
  private final String textHashField;
  private final List<String> vectorFields;
  private final String fl;

  StoredVectors(SolrQueryRequest req, EchoUpdateSettings settings) {
    this.gets = new RealTimeGets(req);
    this.idField = req.getSchema().getUniqueKeyField().getName();
    this.fingerprintField = settings.fingerprintField();
    this.textHashField = settings.textHashField();
    this.vectorFields = new ArrayList<>(List.of(settings.outputField()));
    if (settings.passages().enabled()) {
      vectorFields.add(settings.passages().outputField());
    }
    IndexSchema schema = req.getSchema();
    boolean nested =
        schema.isUsableForChildDocs()
            && schema.getFieldOrNull(IndexSchema.NEST_PATH_FIELD_NAME) != null;
    this.fl =
        nested
            ? RealTimeGets.BLOCK_FIELDS
            : String.join(
                ",", List.of(idField, settings.outputField(), fingerprintField, textHashField));
  }

  /**
   * For each root document that {@code roots} add, by its id: the stored vectors of its block
   * written with {@code fingerprint}, by text hash.
   */
  Map<String, Map<String, float[]>> read(List<AddUpdateCommand> roots, String fingerprint) {
    // the receiving core's own documents under the key null
    Map<Replica, List<String>> idsByLeader = new LinkedHashMap<>();
    Map<String, Map<String, float[]>> vectors = new HashMap<>();
    try {
      for (AddUpdateCommand cmd : roots) {
        idsByLeader
            .computeIfAbsent(gets.remoteLeader(cmd), leader -> new ArrayList<>())
            .add(cmd.getIndexedIdStr());
      }
    } catch (RuntimeException e) {
      log.warn("solr-echo: no shard leader for stored vectors; embedding them: {}", e.toString());
      return vectors;
    }
    idsByLeader.forEach((leader, ids) -> read(leader, ids, fingerprint, vectors));
    return vectors;
  }

  private void read(
      Replica leader,
      List<String> ids,
      String fingerprint,
      Map<String, Map<String, float[]>> vectors) {
    try {

      for (SolrDocument root : gets.get(leader, ids, fl)) {
        Map<String, float[]> byHash = new HashMap<>();
        collect(root, fingerprint, byHash);
        vectors.put(String.valueOf(root.getFirstValue(idField)), byHash);
      }
    } catch (Exception e) {
      log.warn(
          "solr-echo: stored vectors of {} could not be read from {}; embedding them: {}",
          ids,
          leader == null ? "this core" : leader.getCoreUrl(),
          e.toString());
    }
  }

  /** Adds the reusable vectors of {@code doc} and its descendants to {@code byHash}. */
  private void collect(
      SolrDocumentBase<?, ?> doc, String fingerprint, Map<String, float[]> byHash) {
    // stored strings may come as other CharSequences (Solr's UTF-8 ones)
    Object hash = first(doc, textHashField);
    if (hash != null && fingerprint.equals(String.valueOf(first(doc, fingerprintField)))) {
      for (String field : vectorFields) {
        float[] vector = vector(doc.getFieldValues(field));
        if (vector != null) {
          byHash.put(hash.toString(), vector);
        }
      }
    }
    for (String name : doc.getFieldNames()) {
      Collection<Object> values = doc.getFieldValues(name);
      for (Object value : values == null ? List.of() : values) {
        if (value instanceof SolrDocumentBase) {
          collect((SolrDocumentBase<?, ?>) value, fingerprint, byHash);
        }
      }
    }
    if (doc.getChildDocuments() != null) {
      for (Object child : doc.getChildDocuments()) {
        collect((SolrDocumentBase<?, ?>) child, fingerprint, byHash);
      }
    }
  }

  private static Object first(SolrDocumentBase<?, ?> doc, String field) {
    Collection<Object> values = doc.getFieldValues(field);
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  private static float[] vector(Collection<Object> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    float[] vector = new float[values.size()];
    int i = 0;
    for (Object value : values) {
      vector[i++] = ((Number) value).floatValue();
    }
    return vector;
  }
}
