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

import com.codahale.metrics.Timer;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.TextRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.update.AddUpdateCommand;
import org.apache.solr.update.CommitUpdateCommand;
import org.apache.solr.update.DeleteUpdateCommand;
import org.apache.solr.update.MergeIndexesCommand;
import org.apache.solr.update.RollbackUpdateCommand;
import org.apache.solr.update.processor.AtomicUpdateDocumentMerger;
import org.apache.solr.update.processor.UpdateRequestProcessor;

/**
 * Writes each added document's vector and fingerprint (see {@link DocumentText} for what is read).
 * The documents of one request are held back and embedded together, {@code batchSize} at a time,
 * then passed on in their original order; a delete, commit or the end of the request first passes
 * on what is held, so the order of operations is kept. A document that fails stops the request
 * there, as it would without batching: the documents before it are indexed, the ones after it are
 * not. Each text is queued for the model as its document arrives, so a text the model refuses is
 * reported against its own document, also behind a {@code TolerantUpdateProcessorFactory}; only an
 * overloaded or failing model (503) surfaces on the document that completes the batch. The
 * processor owns the vector and fingerprint fields: values sent by a client are replaced, or
 * removed when the document gets no vector.
 *
 * <p>An atomic update that changes the input fields gets the vector of the text it leaves (see
 * {@link LatestInputFields}), written as {@code set} operations that Solr's merge stores with the
 * rest of the document. The stored document is read here, before {@code
 * DistributedUpdateProcessorFactory} reads it again to merge the update: if another request changes
 * the input fields of the same document in between, Solr merges both changes into the fields, but
 * the vector is computed from the text without the other change (until the text changes again). An
 * update that carries the document's exact {@code _version_} (optimistic concurrency) cannot race
 * so: Solr applies it only if the document is still at that version, the one read here.
 */
final class EchoUpdateProcessor extends UpdateRequestProcessor {
  private final EchoUpdateSettings settings;
  private final EchoModel model;
  private final EchoUpdateMetrics metrics;
  private final LatestInputFields latest;
  private final List<Pending> pending = new ArrayList<>();
  private long batchDeadline;

  EchoUpdateProcessor(
      EchoUpdateSettings settings,
      EchoModel model,
      EchoUpdateMetrics metrics,
      SolrQueryRequest req,
      UpdateRequestProcessor next) {
    super(next);
    this.settings = settings;
    this.model = model;
    this.metrics = metrics;
    this.latest = new LatestInputFields(req, settings);
  }

  @Override
  public void processAdd(AddUpdateCommand cmd) throws IOException {
    DocumentText input;
    try {
      input = read(cmd);
    } catch (IOException | RuntimeException e) {
      // The documents before this one are indexed, as without batching.
      flush();
      metrics.errors.inc();
      throw e;
    }
    if (input.problem() != null && settings.onError() == EchoUpdateSettings.OnError.FAIL) {
      flush();
      throw rejection(cmd, input.problem());
    }
    if (pending.isEmpty()) {
      batchDeadline = System.nanoTime() + model.definition().timeout().toNanos();
    }
    // Loaders reuse their command object for the next document: hold a copy.
    Pending held = new Pending((AddUpdateCommand) cmd.clone(), input);
    if (input.text() != null) {
      // Queued now: text the model refuses fails at once, so it is reported against this document
      // (also behind a TolerantUpdateProcessor), not against the one that later fills the batch.
      held.vector = model.service().submit(input.text(), TextRole.DOCUMENT, batchDeadline);
      String refusal = refusal(held.vector);
      if (refusal != null && settings.onError() == EchoUpdateSettings.OnError.FAIL) {
        flush();
        throw rejection(cmd, refusal);
      }
    }
    pending.add(held);
    if (pending.size() >= settings.batchSize()) {
      flush();
    }
  }

  private DocumentText read(AddUpdateCommand cmd) throws IOException {
    SolrInputDocument doc = cmd.getSolrInputDocument();
    if (!AtomicUpdateDocumentMerger.isAtomicUpdate(cmd)) {
      latest.replaced(cmd);
      return DocumentText.of(doc, settings);
    }
    switch (DocumentText.atomicChange(doc, settings)) {
      case NONE:
        return DocumentText.UNCHANGED;
      case REPLACE:
        return DocumentText.ofUpdated(latest.afterAtomicUpdate(cmd, true), settings);
      default:
        return DocumentText.ofUpdated(latest.afterAtomicUpdate(cmd, false), settings);
    }
  }

  private void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = new ArrayList<>(pending);
    pending.clear();
    awaitVectors(batch);
    for (int i = 0; i < batch.size(); i++) {
      try {
        write(batch.get(i));
        super.processAdd(batch.get(i).cmd);
      } catch (IOException | RuntimeException e) {
        // Keep the documents after the failing one: a tolerant processor in front of this one goes
        // on
        // with the request, and they are indexed (or reported) by the next flush instead of being
        // lost.
        pending.addAll(0, batch.subList(i + 1, batch.size()));
        throw e;
      }
    }
  }

  /** Puts the vector and fingerprint in the document, or takes them out. */
  private void write(Pending p) {
    SolrInputDocument doc = p.cmd.getSolrInputDocument();
    if (p.input.unchanged()) {
      doc.removeField(settings.outputField());
      doc.removeField(settings.fingerprintField());
      metrics.unchanged.inc();
      return;
    }
    if (p.input.text() != null) {
      try {
        writeVector(doc, p.input.atomic(), await(p));
        return;
      } catch (IllegalArgumentException e) {
        if (settings.onError() == EchoUpdateSettings.OnError.FAIL) {
          throw rejection(p.cmd, e.getMessage());
        }
      }
    }
    writeNoVector(doc, p.input.atomic());
    metrics.skipped.inc();
  }

  /**
   * Waits (up to the model timeout) for the vectors of the batch, queued as their documents
   * arrived.
   */
  private void awaitVectors(List<Pending> batch) {
    long deadline = System.nanoTime() + model.definition().timeout().toNanos();
    int texts = (int) batch.stream().filter(p -> p.vector != null).count();
    if (texts == 0) {
      return;
    }
    metrics.batchSize.update(texts);
    try (Timer.Context ignored = metrics.embedTime.time()) {
      for (Pending p : batch) {
        if (p.vector != null) {
          try {
            p.vector.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (ExecutionException | TimeoutException e) {
            // reported per document, in order, by await
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(p.cmd, "interrupted while waiting for its vector", e);
          }
        }
      }
    }
  }

  /** Why the model refused a text, when its request already failed so; null otherwise. */
  private static String refusal(CompletableFuture<Embedding> vector) {
    if (!vector.isCompletedExceptionally()) {
      return null;
    }
    try {
      vector.getNow(null);
      return null;
    } catch (CompletionException e) {
      return e.getCause() instanceof IllegalArgumentException ? e.getCause().getMessage() : null;
    } catch (CancellationException e) {
      return null;
    }
  }

  /** The vector of {@code p}; {@link IllegalArgumentException} when the model rejects its text. */
  private Embedding await(Pending p) {
    try {
      Embedding embedding = p.vector.getNow(null);
      if (embedding == null) {
        p.vector.cancel(false);
        throw unavailable(
            p.cmd, "no vector within " + model.definition().timeout().toMillis() + " ms", null);
      }
      metrics.embeddings.inc();
      metrics.tokens.inc(embedding.tokens());
      if (embedding.truncated()) {
        metrics.truncated.inc();
      }
      return embedding;
    } catch (CompletionException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e.getCause();
      }
      throw unavailable(p.cmd, String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (CancellationException e) {
      throw unavailable(p.cmd, "its embedding was cancelled", e);
    }
  }

  private void writeVector(SolrInputDocument doc, boolean atomic, Embedding embedding) {
    float[] vector = embedding.vector();
    List<Float> values = new ArrayList<>(vector.length);
    for (float v : vector) {
      values.add(v);
    }
    set(doc, atomic, settings.outputField(), values);
    set(doc, atomic, settings.fingerprintField(), model.fingerprint());
  }

  /**
   * No vector: a whole document gets none; an atomic update removes the stored one, which no longer
   * fits the text.
   */
  private void writeNoVector(SolrInputDocument doc, boolean atomic) {
    if (atomic) {
      set(doc, true, settings.outputField(), null);
      set(doc, true, settings.fingerprintField(), null);
    } else {
      doc.removeField(settings.outputField());
      doc.removeField(settings.fingerprintField());
    }
  }

  private static void set(SolrInputDocument doc, boolean atomic, String field, Object value) {
    doc.setField(field, atomic ? Collections.singletonMap("set", value) : value);
  }

  private SolrException rejection(AddUpdateCommand cmd, String problem) {
    metrics.errors.inc();
    return new SolrException(
        SolrException.ErrorCode.BAD_REQUEST,
        "document '"
            + cmd.getPrintableId()
            + "' cannot be embedded into '"
            + settings.outputField()
            + "' (onError="
            + settings.onError().name().toLowerCase(Locale.ROOT)
            + "): "
            + problem);
  }

  private SolrException unavailable(AddUpdateCommand cmd, String problem, Throwable cause) {
    metrics.errors.inc();
    return new SolrException(
        SolrException.ErrorCode.SERVICE_UNAVAILABLE,
        "document '"
            + cmd.getPrintableId()
            + "' was not indexed: model '"
            + model.definition().name()
            + "' did not embed it: "
            + problem
            + "; retry later",
        cause);
  }

  @Override
  public void processDelete(DeleteUpdateCommand cmd) throws IOException {
    flush();
    if (cmd.isDeleteById()) {
      latest.deleted(cmd.getIndexedId().utf8ToString());
    } else {
      latest.forgetAll();
    }
    super.processDelete(cmd);
  }

  @Override
  public void processCommit(CommitUpdateCommand cmd) throws IOException {
    flush();
    super.processCommit(cmd);
  }

  @Override
  public void processMergeIndexes(MergeIndexesCommand cmd) throws IOException {
    flush();
    latest.forgetAll();
    super.processMergeIndexes(cmd);
  }

  @Override
  public void processRollback(RollbackUpdateCommand cmd) throws IOException {
    flush();
    latest.forgetAll();
    super.processRollback(cmd);
  }

  @Override
  public void finish() throws IOException {
    flush();
    super.finish();
  }

  private static final class Pending {
    final AddUpdateCommand cmd;
    final DocumentText input;
    CompletableFuture<Embedding> vector;

    Pending(AddUpdateCommand cmd, DocumentText input) {
      this.cmd = cmd;
      this.input = input;
    }
  }
}
