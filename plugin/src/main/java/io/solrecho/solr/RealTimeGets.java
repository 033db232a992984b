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
import java.util.List;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.cloud.CloudDescriptor;
import org.apache.solr.cloud.ZkController;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrCore;
import org.apache.solr.request.LocalSolrQueryRequest;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestHandler;
import org.apache.solr.response.DocsStreamer;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.update.AddUpdateCommand;

/**
 * Real-time gets ({@code /get}, so that updates not yet committed count) of the latest version of
 * documents, where it is: in standalone Solr, and in SolrCloud when the receiving core leads the
 * document's shard, from the receiving core; otherwise from the leader of the shard that the
 * collection's router assigns the document to, as Solr does when a replica fetches a document from
 * its leader: the leader, not any replica, because a replica may not have applied the latest update
 * yet.
 */
final class RealTimeGets {
  private static final String HANDLER = "/get";

  /**
   * The fields of a whole block: children hang in fields named by their labels, which only {@code
   * *} returns.
   */
  static final String BLOCK_FIELDS = "*,[child limit=-1]";

  private final SolrQueryRequest req;

  RealTimeGets(SolrQueryRequest req) {
    this.req = req;
  }

  /**
   * The leader of the shard of the document {@code cmd} adds, or null when the receiving core reads
   * it itself.
   *
   * @throws SolrException 503 when the leader is not known
   */
  Replica remoteLeader(AddUpdateCommand cmd) {
    SolrCore core = req.getCore();
    CloudDescriptor cloud = core.getCoreDescriptor().getCloudDescriptor();
    if (cloud == null || !core.getCoreContainer().isZooKeeperAware()) {
      return null;
    }
    ZkController zk = core.getCoreContainer().getZkController();
    DocCollection collection = zk.getClusterState().getCollection(cloud.getCollectionName());
    // the same routing as DistributedZkUpdateProcessor's
    Slice slice =
        collection
            .getRouter()
            .getTargetSlice(
                cmd.getIndexedIdStr(),
                cmd.getSolrInputDocument(),
                null,
                req.getParams(),
                collection);
    Replica leader;
    try {
      leader = zk.getZkStateReader().getLeaderRetry(collection.getName(), slice.getName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SolrException(
          SolrException.ErrorCode.SERVICE_UNAVAILABLE,
          "the leader of shard " + slice.getName() + " was not found (interrupted)",
          e);
    }
    return leader.getName().equals(cloud.getCoreNodeName()) ? null : leader;
  }

  /**
   * The documents {@code ids} that exist, with the fields (and transformers) {@code fl}: one
   * non-distributed {@code /get} of {@code leader}, or of the receiving core when it is null.
   *
   * @throws SolrException when the get fails
   */
  SolrDocumentList get(Replica leader, Collection<String> ids, String fl)
      throws IOException, SolrServerException {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set(CommonParams.DISTRIB, false);
    params.set("ids", String.join(",", ids.stream().map(RealTimeGets::escaped).toList()));
    params.set(CommonParams.FL, fl);
    NamedList<Object> response = leader == null ? local(params) : remote(leader, params);
    return (SolrDocumentList) response.get("response");
  }

  /**
   * {@code id} as a value of the comma-separated {@code ids} list, which reads backslash escapes.
   */
  private static String escaped(String id) {
    return id.replace("\\", "\\\\").replace(",", "\\,");
  }

  private NamedList<Object> local(ModifiableSolrParams params) {
    SolrCore core = req.getCore();
    SolrRequestHandler handler = core.getRequestHandler(HANDLER);
    if (handler == null) {
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR,
          "core " + core.getName() + " has no " + HANDLER + " handler (real-time get)");
    }
    try (LocalSolrQueryRequest get = new LocalSolrQueryRequest(core, params)) {
      SolrQueryResponse rsp = new SolrQueryResponse();
      handler.handleRequest(get, rsp);
      if (rsp.getException() != null) {
        throw new SolrException(
            SolrException.ErrorCode.SERVER_ERROR,
            HANDLER + " failed: " + rsp.getException().getMessage(),
            rsp.getException());
      }
      NamedList<Object> values = rsp.getValues();
      SolrDocumentList docs = (SolrDocumentList) values.get("response");
      docs.forEach(doc -> withExternalValues(doc, core.getLatestSchema()));
      return values;
    }
  }

  /**
   * {@code doc} and its child documents with their values as a response carries them: in-process
   * they are Lucene's stored fields, which the response writer would convert.
   */
  private static void withExternalValues(SolrDocument doc, IndexSchema schema) {
    for (String name : new ArrayList<>(doc.getFieldNames())) {
      List<Object> values = new ArrayList<>();
      for (Object value : doc.getFieldValues(name)) {
        if (value instanceof IndexableField) {
          value = DocsStreamer.getValue(schema.getFieldOrNull(name), (IndexableField) value);
        } else if (value instanceof SolrDocument) {
          withExternalValues((SolrDocument) value, schema);
        }
        values.add(value);
      }
      doc.setField(name, doc.getFieldValue(name) instanceof Collection ? values : values.get(0));
    }
    if (doc.getChildDocuments() != null) {
      doc.getChildDocuments().forEach(child -> withExternalValues(child, schema));
    }
  }

  private NamedList<Object> remote(Replica leader, ModifiableSolrParams params)
      throws IOException, SolrServerException {
    GenericSolrRequest get =
        new GenericSolrRequest(SolrRequest.METHOD.GET, HANDLER, params).setRequiresCollection(true);
    return req.getCoreContainer()
        .getUpdateShardHandler()
        .getUpdateOnlyHttpClient()
        .requestWithBaseUrl(leader.getBaseUrl(), leader.getCoreName(), get)
        .getResponse();
  }
}
