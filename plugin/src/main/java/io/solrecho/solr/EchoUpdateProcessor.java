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
import io.solrecho.embed.Embedder;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.EncodedPrompt;
import io.solrecho.embed.Passage;
import io.solrecho.embed.PassageSplitter;
import io.solrecho.embed.TextRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.update.AddUpdateCommand;
import org.apache.solr.update.CommitUpdateCommand;
import org.apache.solr.update.DeleteUpdateCommand;
import org.apache.solr.update.MergeIndexesCommand;
import org.apache.solr.update.RollbackUpdateCommand;
import org.apache.solr.update.processor.AtomicUpdateDocumentMerger;
import org.apache.solr.update.processor.DistributedUpdateProcessor.DistributedUpdatesAsyncException;
import org.apache.solr.update.processor.UpdateRequestProcessor;

/**
 * Writes the vector and fingerprint of each added document, and of the child documents it brings
 * ({@code nested}), and the passages of a root document's text ({@code passages.*}). What a
 * document's text is: {@link DocumentText}; of an atomic update: {@link LatestInputFields}. What
 * the chain guarantees, case by case, and why it runs before {@code
 * DistributedUpdateProcessorFactory}: the README's "What the update chain guarantees".
 *
 * <p>Per added document: its texts are read and encoded for the model at once (a text the model
 * refuses fails there, against its own document), and the document is held back. When {@code
 * batchSize} documents or texts are held, or a delete, commit or the end of the request comes, the
 * texts whose vectors are stored already ({@code reuseVectors}, {@link StoredVectors}: one
 * real-time get per batch) keep them, the others are embedded, and the held documents are passed on
 * with their vectors, in their order. The first document that fails (here or further down the
 * chain) ends the request there, as without batching: the documents held after it are dropped.
 * Behind a {@code TolerantUpdateProcessorFactory}, a held document's failure is kept and reported
 * with its id when the request finishes ({@link ToleratedFailures}), and the request goes on unless
 * that was one error more than it tolerates.
 */
final class EchoUpdateProcessor extends UpdateRequestProcessor {
  private final EchoUpdateSettings settings;
  private final EchoModel model;
  private final EchoUpdateMetrics metrics;
  private final LatestInputFields latest;
  private final IndexSchema schema;
  private final PassageSettings passages;

  /** Null when vectors are not reused. */
  private final StoredVectors stored;

  /** Whether the schema has the text hash field. */
  private final boolean writesHash;

  private PassageSplitter splitter;

  /** Null when no tolerant processor precedes this one. */
  private final ToleratedFailures tolerated;

  private final List<HeldAdd> held = new ArrayList<>();
  private int heldTexts;

  /** The request failed at a document whose error the tolerant processor learns at its end. */
  private boolean stopped;

  EchoUpdateProcessor(
      EchoUpdateSettings settings,
      EchoModel model,
      EchoUpdateMetrics metrics,
      SolrQueryRequest req,
      ToleratedFailures tolerated,
      UpdateRequestProcessor next) {
    super(next);
    this.settings = settings;
    this.model = model;
    this.metrics = metrics;
    this.latest = new LatestInputFields(req, settings);
    this.schema = req.getSchema();
    this.passages = settings.passages();
    this.stored = settings.reuseVectors() ? new StoredVectors(req, settings) : null;
    this.writesHash = schema.getFieldOrNull(settings.textHashField()) != null;
    this.tolerated = tolerated;
  }

  @Override
  public void processAdd(AddUpdateCommand cmd) throws IOException {
    if (stopped) {
      return; // as without batching, the request ended before this document
    }
    if (tolerated != null && updatesAHeldDocument(cmd)) {
      // whether the held update of its document fails decides what this one is applied to
      flush();
      if (stopped) {
        return;
      }
    }
    HeldAdd add;
    try {
      add = hold(cmd);
    } catch (IOException | RuntimeException e) {
      metrics.errors.inc();
      // The documents before this one first: one of them may fail first, as without batching.
      flush();
      if (stopped) {
        return;
      }
      if (tolerated != null && !tolerated.thrown(cmd)) {
        stopped = true;
      }
      throw e;
    }
    held.add(add);
    heldTexts += add.texts();
    if (held.size() >= settings.batchSize() || heldTexts >= settings.batchSize()) {
      flush();
    }
  }

  /** Whether {@code cmd} is an atomic update of a document that a held update changes. */
  private boolean updatesAHeldDocument(AddUpdateCommand cmd) {
    Object id = cmd.getSolrInputDocument().getFieldValue(schema.getUniqueKeyField().getName());
    if (held.isEmpty() || id == null || !AtomicUpdateDocumentMerger.isAtomicUpdate(cmd)) {
      return false;
    }
    return held.stream().anyMatch(add -> add.change.touches(id.toString()));
  }

  /**
   * A copy of {@code cmd} (loaders reuse theirs) with the documents of it to embed, their texts
   * encoded.
   *
   * @throws SolrException 400 for a document that cannot be embedded ({@code onError=fail}) or an
   *     atomic update the chain refuses; 503 when its stored document cannot be read
   */
  private HeldAdd hold(AddUpdateCommand cmd) throws IOException {
    HeldAdd add = new HeldAdd((AddUpdateCommand) cmd.clone());
    SolrInputDocument doc = cmd.getSolrInputDocument();
    boolean atomic = AtomicUpdateDocumentMerger.isAtomicUpdate(cmd);
    boolean nested = atomic && isNestedUpdate(cmd);
    if (atomic) {
      checkAtomicUpdate(cmd, nested);
    }
    // the input fields an atomic update leaves, when it changes them
    SolrInputDocument updated = null;
    if (settings.nested().embeds(nested)) {
      DocumentText text = null;
      if (!atomic) {
        if (passages.enabled()) {
          doc.removeField(passages.label()); // the client's; this document's own replace them
        }
        text = DocumentText.of(doc, settings);
      } else {
        DocumentText.AtomicChange change = DocumentText.atomicChange(doc, settings);
        if (change == DocumentText.AtomicChange.NONE) {
          metrics.unchanged.inc(); // Solr carries the stored vector (and passages) over
        } else {
          updated = latest.afterAtomicUpdate(cmd, change == DocumentText.AtomicChange.REPLACE);
          text = DocumentText.ofUpdated(updated, settings);
        }
      }
      if (text != null) {
        boolean ownVector = !passages.enabled() || passages.parentVector();
        Target target =
            new Target(
                doc,
                text,
                "document '" + cmd.getPrintableId() + "'",
                ownVector ? settings.outputField() : null);
        add.targets.add(target);
        if (passages.enabled() && !nested) {
          add.passages = passagesOf(cmd, target);
        }
      }
    }
    if (settings.nested().embeds(true)) {
      for (ChildDocuments.Child child : ChildDocuments.of(doc)) {
        add.targets.add(
            new Target(
                child.doc(),
                DocumentText.of(child.doc(), settings),
                label(cmd, child),
                settings.outputField()));
      }
    }
    if (add.passages != null) {
      add.targets.addAll(add.passages.targets);
    }
    for (Target target : add.targets) {
      encode(target);
    }
    add.change = latest.added(cmd, atomic, updated);
    return add;
  }

  /**
   * The passages of the text of the root document {@code parent} reads, as child documents to
   * embed; none when it has no text.
   */
  private PassageBlock passagesOf(AddUpdateCommand cmd, Target parent) {
    PassageBlock block = new PassageBlock(parent.doc, parent.input.atomic());
    String text = parent.input.text();
    Object id = parent.doc.getFieldValue(schema.getUniqueKeyField().getName());
    if (text == null || id == null) {
      return block; // rejected or skipped with its parent; without an id Solr rejects it
    }
    PassageSplitter.Passages split;
    try {
      split = splitter().split(text);
    } catch (IllegalArgumentException e) {
      return block; // refused with its parent, which is encoded from the same text
    }
    if (split.truncated()) {
      metrics.truncated.inc();
    }
    List<Passage> parts = split.passages();
    for (int i = 0; i < parts.size(); i++) {
      Passage passage = parts.get(i);
      SolrInputDocument child = new SolrInputDocument();
      child.setField(schema.getUniqueKeyField().getName(), id + "/" + passages.label() + "#" + i);
      child.setField(passages.textField(), passage.text());
      child.setField(passages.startField(), passage.start());
      child.setField(passages.endField(), passage.end());
      block.targets.add(
          new Target(
              child,
              DocumentText.ofPassage(passage.text()),
              "passage "
                  + i
                  + " (characters "
                  + passage.start()
                  + "-"
                  + passage.end()
                  + ") of document '"
                  + cmd.getPrintableId()
                  + "'",
              passages.outputField()));
    }
    return block;
  }

  private PassageSplitter splitter() {
    if (splitter == null) {
      Embedder embedder = model.service().embedder();
      int modelMaxTokens = embedder.textTokenLimit(TextRole.DOCUMENT);
      splitter =
          new PassageSplitter(
              embedder.tokenizer(),
              passages.maxTokens(modelMaxTokens),
              passages.overlap(modelMaxTokens),
              passages.max());
    }
    return splitter;
  }

  private String label(AddUpdateCommand cmd, ChildDocuments.Child child) {
    Object id = child.doc().getFieldValue(schema.getUniqueKeyField().getName());
    return "child document "
        + (id == null ? "" : "'" + id + "' ")
        + "at "
        + child.path()
        + " of document '"
        + cmd.getPrintableId()
        + "'";
  }

  /**
   * Whether {@code cmd} is an atomic update of a nested document: Solr reads its {@code _root_}
   * field.
   */
  private static boolean isNestedUpdate(AddUpdateCommand cmd) {
    if (cmd.getSolrInputDocument().getFieldValue(IndexSchema.ROOT_FIELD_NAME) == null) {
      return false;
    }
    String root = cmd.getIndexedIdStr();
    return root != null && !root.equals(cmd.getSelfOrNestedDocIdStr());
  }

  /**
   * Refuses an atomic update of the fields this processor writes (the client's value would not fit
   * the text), and one of a nested document that Solr cannot apply (it would answer 500).
   */
  private void checkAtomicUpdate(AddUpdateCommand cmd, boolean nested) {
    SolrInputDocument doc = cmd.getSolrInputDocument();
    if (settings.nested().embeds(nested)) {
      List<String> written =
          new ArrayList<>(
              List.of(
                  settings.outputField(), settings.fingerprintField(), settings.textHashField()));
      if (passages.enabled() && !nested) {
        written.add(passages.label());
      }
      for (String field : written) {
        if (doc.containsKey(field)) {
          throw new SolrException(
              SolrException.ErrorCode.BAD_REQUEST,
              "document '"
                  + cmd.getPrintableId()
                  + "': field '"
                  + field
                  + "' is written by the echo chain (EchoUpdateProcessorFactory, model '"
                  + settings.model()
                  + "'); an atomic update cannot change it. Update the input fields "
                  + settings.inputFields()
                  + " and the chain embeds the new text");
        }
      }
    }
    if (nested && schema.getFieldOrNull(IndexSchema.NEST_PATH_FIELD_NAME) == null) {
      throw new SolrException(
          SolrException.ErrorCode.BAD_REQUEST,
          "document '"
              + cmd.getPrintableId()
              + "' is a nested document: Solr applies an atomic update to one only when the schema"
              + " has the "
              + IndexSchema.NEST_PATH_FIELD_NAME
              + " field (<fieldType name=\"_nest_path_\" class=\"solr.NestPathField\"/>); update"
              + " its root with the whole block instead");
    }
  }

  /**
   * Encodes the text of {@code target} for the model, or refuses its document ({@code
   * onError=fail}).
   */
  private void encode(Target target) {
    if (target.input.problem() != null) {
      if (settings.onError() == EchoUpdateSettings.OnError.FAIL) {
        throw rejection(target, target.input.problem());
      }
      return;
    }
    try {
      EncodedPrompt prompt =
          model.service().embedder().encode(target.input.text(), TextRole.DOCUMENT);
      if (target.outputField != null) { // else only its passages are embedded
        target.prompt = prompt;
        target.hash = TextHash.of(target.input.text());
      }
    } catch (IllegalArgumentException e) {
      if (settings.onError() == EchoUpdateSettings.OnError.FAIL) {
        throw rejection(target, e.getMessage());
      }
      target.vector = CompletableFuture.failedFuture(e);
    } catch (IllegalStateException e) {
      target.vector =
          CompletableFuture.failedFuture(
              new RejectedExecutionException("the model is being released", e));
    }
  }

  /**
   * Gives the texts of {@code batch} whose vectors are stored already those vectors, and queues the
   * others for the model.
   */
  private void embed(List<HeldAdd> batch) {
    if (stored != null) {
      reuse(batch);
    }
    long deadline = System.nanoTime() + model.definition().timeout().toNanos();
    for (HeldAdd add : batch) {
      for (Target target : add.targets) {
        if (target.prompt != null && target.reused == null) {
          target.vector = model.service().submit(target.prompt, deadline);
        }
      }
    }
  }

  /** Finds the stored vectors of the texts of the root documents of {@code batch}. */
  private void reuse(List<HeldAdd> batch) {
    List<HeldAdd> roots = new ArrayList<>();
    for (HeldAdd add : batch) {
      if (!isNestedUpdate(add.cmd) && add.targets.stream().anyMatch(t -> t.prompt != null)) {
        roots.add(add);
      }
    }
    if (roots.isEmpty()) {
      return;
    }
    Map<String, Map<String, float[]>> vectors =
        stored.read(roots.stream().map(add -> add.cmd).toList(), model.fingerprint());
    for (HeldAdd add : roots) {
      Map<String, float[]> byHash = vectors.getOrDefault(add.cmd.getIndexedIdStr(), Map.of());
      for (Target target : add.targets) {
        if (target.prompt != null) {
          target.reused = byHash.get(target.hash);
        }
      }
    }
  }

  /**
   * Passes the held documents on with their vectors, in order, up to the first that fails: it ends
   * the request (its error is thrown), or with a tolerant processor in front it is kept and the
   * others go on, until the failures are more than the request tolerates.
   */
  private void flush() throws IOException {
    if (held.isEmpty()) {
      return;
    }
    List<HeldAdd> batch = new ArrayList<>(held);
    held.clear();
    heldTexts = 0;
    embed(batch);
    boolean interrupted = awaitVectors(batch);
    for (int i = 0; i < batch.size() && !stopped; i++) {
      HeldAdd add = batch.get(i);
      try {
        write(add, interrupted);
        super.processAdd(add.cmd);
      } catch (IOException | RuntimeException e) {
        if (tolerated != null && tolerated.kept(add.cmd, e)) {
          latest.undo(add.change); // not indexed: a later update reads what Solr holds
          continue;
        }
        // the request ends here: the documents after this one are not passed on
        batch.subList(i + 1, batch.size()).forEach(HeldAdd::cancel);
        if (tolerated == null) {
          throw e;
        }
        stopped = true;
      }
    }
  }

  /**
   * Waits (up to the model timeout) for the vectors of the batch, queued as their documents
   * arrived; true when interrupted.
   */
  private boolean awaitVectors(List<HeldAdd> batch) {
    long deadline = System.nanoTime() + model.definition().timeout().toNanos();
    // the texts given to the model: not those whose stored vectors are reused
    long texts =
        batch.stream()
            .flatMap(add -> add.targets.stream())
            .filter(target -> target.vector != null)
            .count();
    if (texts == 0) {
      return false;
    }
    metrics.batchSize.update(texts);
    try (Timer.Context ignored = metrics.embedTime.time()) {
      for (HeldAdd add : batch) {
        for (Target target : add.targets) {
          if (target.vector != null) {
            try {
              target.vector.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | CancellationException e) {
              // reported per document, in order, by write
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    return false;
  }

  /** Puts the vectors and fingerprints into the documents of {@code add}, or takes them out. */
  private void write(HeldAdd add, boolean interrupted) {
    try {
      for (Target target : add.targets) {
        write(target, interrupted);
      }
      if (add.passages != null) {
        add.passages.attach(passages.label());
        metrics.passages.inc(add.passages.targets.size());
      }
    } catch (RuntimeException e) {
      metrics.errors.inc();
      throw e;
    }
  }

  private void write(Target target, boolean interrupted) {
    boolean atomic = target.input.atomic();
    if (target.reused != null) {
      writeVector(target, target.reused);
      metrics.reused.inc();
      return;
    }
    if (target.vector != null) {
      try {
        writeVector(target, await(target, interrupted).vector());
        return;
      } catch (IllegalArgumentException e) {
        if (settings.onError() == EchoUpdateSettings.OnError.FAIL) {
          throw rejection(target, e.getMessage());
        }
      }
    }
    boolean ownVector = target.outputField != null;
    writeNoVector(target.doc, atomic, ownVector ? target.outputField : settings.outputField());
    if (ownVector || target.input.problem() != null || target.vector != null) {
      metrics.skipped.inc(); // its text was missing or refused
    }
  }

  /**
   * The vector of {@code target}; {@link IllegalArgumentException} when the model rejects its text.
   */
  private Embedding await(Target target, boolean interrupted) {
    try {
      Embedding embedding = target.vector.getNow(null);
      if (embedding == null) {
        target.vector.cancel(false);
        throw unavailable(
            target,
            interrupted
                ? "interrupted while waiting for its vector"
                : "no vector within " + model.definition().timeout().toMillis() + " ms",
            null);
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
      throw unavailable(target, String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (CancellationException e) {
      throw unavailable(target, "its embedding was cancelled", e);
    }
  }

  private void writeVector(Target target, float[] vector) {
    List<Float> values = new ArrayList<>(vector.length);
    for (float v : vector) {
      values.add(v);
    }
    boolean atomic = target.input.atomic();
    set(target.doc, atomic, target.outputField, values);
    set(target.doc, atomic, settings.fingerprintField(), model.fingerprint());
    if (writesHash) {
      set(target.doc, atomic, settings.textHashField(), target.hash);
    }
  }

  /**
   * No vector in {@code outputField}: a whole document gets none (a client's is removed); an atomic
   * update removes the stored one, which no longer fits the text.
   */
  private void writeNoVector(SolrInputDocument doc, boolean atomic, String outputField) {
    for (String field :
        List.of(outputField, settings.fingerprintField(), settings.textHashField())) {
      if (atomic) {
        set(doc, true, field, null);
      } else {
        doc.removeField(field);
      }
    }
  }

  private static void set(SolrInputDocument doc, boolean atomic, String field, Object value) {
    doc.setField(field, atomic ? Collections.singletonMap("set", value) : value);
  }

  private SolrException rejection(Target target, String problem) {
    return new SolrException(
        SolrException.ErrorCode.BAD_REQUEST,
        target.label
            + " cannot be embedded into '"
            + settings.outputField()
            + "' (onError="
            + settings.onError().name().toLowerCase(Locale.ROOT)
            + "): "
            + problem);
  }

  private SolrException unavailable(Target target, String problem, Throwable cause) {
    return new SolrException(
        SolrException.ErrorCode.SERVICE_UNAVAILABLE,
        target.label
            + " was not indexed: model '"
            + model.definition().name()
            + "' did not embed it: "
            + problem
            + "; retry later",
        cause);
  }

  @Override
  public void processDelete(DeleteUpdateCommand cmd) throws IOException {
    flush();
    if (stopped) {
      return;
    }
    if (cmd.isDeleteById()) {
      latest.deleted(cmd.getId());
    } else {
      latest.forgetAll();
    }
    super.processDelete(cmd);
  }

  @Override
  public void processCommit(CommitUpdateCommand cmd) throws IOException {
    flush();
    if (!stopped) {
      super.processCommit(cmd);
    }
  }

  @Override
  public void processMergeIndexes(MergeIndexesCommand cmd) throws IOException {
    flush();
    if (!stopped) {
      latest.forgetAll();
      super.processMergeIndexes(cmd);
    }
  }

  @Override
  public void processRollback(RollbackUpdateCommand cmd) throws IOException {
    flush();
    if (!stopped) {
      latest.forgetAll();
      super.processRollback(cmd);
    }
  }

  /**
   * Passes on what is held (it all came before whatever ended the request: a document that failed
   * before this processor, a body that could not be read, a client gone), then finishes the chain.
   */
  @Override
  public void finish() throws IOException {
    Exception failed = null;
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      failed = e;
    }
    try {
      super.finish();
    } catch (DistributedUpdatesAsyncException e) {
      if (tolerated == null) {
        throw e; // replaces an earlier error, as without batching
      }
      tolerated.report(e);
    }
    if (failed instanceof IOException) {
      throw (IOException) failed;
    }
    if (failed != null) {
      throw (RuntimeException) failed;
    }
    if (tolerated != null) {
      tolerated.report(null);
    }
  }

  /** An added document held back, with the documents of it to embed. */
  private static final class HeldAdd {
    final AddUpdateCommand cmd;

    /** Every document to embed, the passages last. */
    final List<Target> targets = new ArrayList<>();

    /** The passages of a root document, when they are cut. */
    PassageBlock passages;

    /** What it changed of the request's latest input fields. */
    LatestInputFields.Change change;

    HeldAdd(AddUpdateCommand cmd) {
      this.cmd = cmd;
    }

    /** Stops the embeddings of a document that is not passed on. */
    void cancel() {
      for (Target target : targets) {
        if (target.vector != null) {
          target.vector.cancel(false);
        }
      }
    }

    int texts() {
      int texts = 0;
      for (Target target : targets) {
        texts += target.prompt == null ? 0 : 1;
      }
      return texts;
    }
  }

  /** The passages of one root document's text: child documents, in order, of its label field. */
  private static final class PassageBlock {
    final SolrInputDocument parent;
    final boolean atomic;
    final List<Target> targets = new ArrayList<>();

    PassageBlock(SolrInputDocument parent, boolean atomic) {
      this.parent = parent;
      this.atomic = atomic;
    }

    /**
     * Puts the passages into the parent's {@code label} field; an atomic update replaces the stored
     * ones (removes them when there are none).
     */
    void attach(String label) {
      List<SolrInputDocument> docs = new ArrayList<>(targets.size());
      targets.forEach(target -> docs.add(target.doc));
      if (atomic) {
        set(parent, true, label, docs.isEmpty() ? null : docs);
      } else if (!docs.isEmpty()) {
        parent.setField(label, docs);
      }
    }
  }

  /**
   * One document of a held add (the added document, a child of it or a passage) that gets a vector.
   */
  private static final class Target {
    final SolrInputDocument doc;
    final DocumentText input;

    /** How messages name it. */
    final String label;

    /** Where its vector goes; null for a root document that only has passages. */
    final String outputField;

    /** Its text for the model, once encoded. */
    EncodedPrompt prompt;

    /** {@link TextHash} of its text, once encoded. */
    String hash;

    /** Its stored vector, when its text has not changed. */
    float[] reused;

    /** Its vector from the model, or why it has none. */
    CompletableFuture<Embedding> vector;

    Target(SolrInputDocument doc, DocumentText input, String label, String outputField) {
      this.doc = doc;
      this.input = input;
      this.label = label;
      this.outputField = outputField;
    }
  }
}
