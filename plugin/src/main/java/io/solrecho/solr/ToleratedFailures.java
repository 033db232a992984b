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
import java.util.List;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.ToleratedUpdateError;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.update.AddUpdateCommand;
import org.apache.solr.update.SolrCmdDistributor;
import org.apache.solr.update.processor.DistributedUpdateProcessor.DistributedUpdatesAsyncException;
import org.apache.solr.update.processor.TolerantUpdateProcessor;
import org.apache.solr.update.processor.TolerantUpdateProcessorFactory;
import org.apache.solr.update.processor.UpdateRequestProcessor;
import org.apache.solr.update.processor.UpdateRequestProcessorFactory;

/**
 * The errors of one request whose chain has a {@code TolerantUpdateProcessorFactory} in front of
 * the echo processor. That processor records an error against the document it is passing on when
 * the error is thrown; a document the echo processor held back fails later, while another document
 * is being passed on, or at the end of the request. Those failures are kept here, with the id of
 * the document that failed, and reported when the request finishes the way Solr reports the
 * failures of documents that a remote shard leader indexed: as a {@link
 * DistributedUpdatesAsyncException} whose exception carries {@link ToleratedUpdateError} metadata,
 * which the tolerant processor adds to the {@code errors} of its response.
 *
 * <p>The tolerant processor stops a request at its {@code maxErrors + 1}-th error (the request
 * parameter, else its configured value). So that a held document's failure stops the request at the
 * same document, every error the echo processor sees, thrown or kept, is also counted by a private
 * instance of Solr's own tolerant processor, made by the same factory for the same request, in
 * front of a processor that fails every document: it throws once the limit is passed.
 */
final class ToleratedFailures {
  private final UpdateRequestProcessor limit;
  private final SchemaField uniqueKey;
  private final List<Failure> kept = new ArrayList<>();
  private boolean exceeded;

  private record Failure(String id, Exception error) {}

  private ToleratedFailures(UpdateRequestProcessor limit, SolrQueryRequest req) {
    this.limit = limit;
    this.uniqueKey = req.getSchema().getUniqueKeyField();
  }

  /**
   * The failures of {@code req}, when a tolerant processor precedes {@code self} in its chain (it
   * records errors and goes on); null otherwise, and a failing document ends the request.
   */
  static ToleratedFailures of(SolrQueryRequest req, UpdateRequestProcessorFactory self) {
    List<UpdateRequestProcessorFactory> chain;
    try {
      chain = req.getCore().getUpdateProcessorChain(req.getParams()).getProcessors();
    } catch (SolrException e) {
      return null; // not a chain the request names: nothing tolerant was set up for it
    }
    for (UpdateRequestProcessorFactory factory : chain) {
      if (factory == self) {
        return null;
      }
      if (factory instanceof TolerantUpdateProcessorFactory) {
        SolrQueryResponse unused = new SolrQueryResponse();
        unused.addResponseHeader(new SimpleOrderedMap<>());
        UpdateRequestProcessor limit = factory.getInstance(req, unused, new FailsEveryDocument());
        // a replica applying its leader's updates gets no tolerant processor
        return limit instanceof TolerantUpdateProcessor ? new ToleratedFailures(limit, req) : null;
      }
    }
    return null;
  }

  /**
   * Counts the error of {@code cmd} that is thrown to the tolerant processor, which records it.
   *
   * @return false when it is one more than the request tolerates
   */
  boolean thrown(AddUpdateCommand cmd) {
    if (!exceeded) {
      try {
        limit.processAdd(cmd);
      } catch (SolrException | IOException e) {
        exceeded = true;
      }
    }
    return !exceeded;
  }

  /**
   * Keeps the failure of the held document {@code cmd}, to be reported when the request finishes.
   *
   * @return false when it is one more than the request tolerates
   */
  boolean kept(AddUpdateCommand cmd, Exception error) {
    kept.add(new Failure(printableId(cmd), error));
    return thrown(cmd);
  }

  /**
   * Reports the kept failures, with those of {@code downstream} (documents that remote shard
   * leaders failed; may be null) when there are any.
   */
  void report(DistributedUpdatesAsyncException downstream) {
    List<SolrCmdDistributor.SolrError> errors = new ArrayList<>();
    if (downstream != null) {
      errors.addAll(downstream.errors);
    }
    if (!kept.isEmpty()) {
      errors.add(keptAsOneError());
    }
    if (!errors.isEmpty()) {
      throw new DistributedUpdatesAsyncException(errors);
    }
  }

  /**
   * The kept failures as one error: the first one's status and message (what the client gets if the
   * request fails), every one's id and message in the metadata.
   */
  private SolrCmdDistributor.SolrError keptAsOneError() {
    Exception first = kept.get(0).error();
    int code =
        first instanceof SolrException
            ? ((SolrException) first).code()
            : SolrException.ErrorCode.SERVER_ERROR.code;
    SolrException exception =
        new SolrException(SolrException.ErrorCode.getErrorCode(code), first.getMessage(), first);
    NamedList<String> metadata = new NamedList<>();
    for (Failure failure : kept) {
      ToleratedUpdateError error =
          new ToleratedUpdateError(
              ToleratedUpdateError.CmdType.ADD, failure.id(), failure.error().getMessage());
      metadata.add(error.getMetadataKey(), error.getMetadataValue());
    }
    exception.setMetadata(metadata);
    SolrCmdDistributor.SolrError error = new SolrCmdDistributor.SolrError();
    error.e = exception;
    error.statusCode = code;
    return error;
  }

  /** The document's id as the tolerant processor writes it (the root's for a nested document). */
  private String printableId(AddUpdateCommand cmd) {
    return uniqueKey
        .getType()
        .indexedToReadable(cmd.getIndexedId(), new CharsRefBuilder())
        .toString();
  }

  /** Behind the private tolerant processor: every document fails, so that it counts. */
  private static final class FailsEveryDocument extends UpdateRequestProcessor {
    FailsEveryDocument() {
      super(null);
    }

    @Override
    public void processAdd(AddUpdateCommand cmd) {
      throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "counted");
    }
  }
}
