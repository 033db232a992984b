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
package io.solrecho.embed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One per model: merges embedding requests from many threads into shared forward passes.
 *
 * <p>Callers encode their text on their own thread (so bad input fails at once, per request) and
 * put the prompt on a bounded queue; when it is full for longer than the timeout the request is
 * rejected (back-pressure). A single worker takes everything waiting, up to a few batches' worth,
 * and hands it to the {@link Embedder}, which sorts by length and micro-batches. If one prompt does
 * not fit in device memory even alone, the group is rerun request by request so that only that
 * request fails. Each caller waits at most the timeout for its vector. {@link #close()} stops
 * accepting work, lets the worker finish what is queued (waiting at most the timeout), then fails
 * anything left with a clear message.
 */
public final class EmbeddingService implements AutoCloseable {
  private final Embedder embedder;
  private final BlockingQueue<Request> queue;
  private final Duration timeout;
  private final Thread worker;
  private final AtomicLong embeddings = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();
  private final AtomicLong passes = new AtomicLong();
  private volatile boolean closed;

  /**
   * A service whose worker is a daemon thread named after the embedder's fingerprint.
   *
   * @param queueCapacity most requests waiting at once
   * @param timeout longest a request waits for queue space, and for its vector
   */
  public EmbeddingService(Embedder embedder, int queueCapacity, Duration timeout) {
    this(
        embedder,
        queueCapacity,
        timeout,
        work -> {
          Thread thread = new Thread(work, "solr-echo-embedder-" + embedder.fingerprint());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * @param queueCapacity most requests waiting at once
   * @param timeout longest a request waits for queue space, and for its vector
   * @param threads makes the worker thread (a server passes its own named factory); the worker
   *     stops when the service is closed
   */
  public EmbeddingService(
      Embedder embedder, int queueCapacity, Duration timeout, ThreadFactory threads) {
    WholeNumber.atLeast("queueCapacity", queueCapacity, 1);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.embedder = embedder;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.timeout = timeout;
    this.worker = threads.newThread(this::work);
    this.worker.start();
  }

  public Embedder embedder() {
    return embedder;
  }

  /**
   * Queues {@code text}. The future fails with {@link IllegalArgumentException} for text that
   * cannot be embedded, {@link RejectedExecutionException} when the queue stayed full or the
   * service is closed.
   */
  public CompletableFuture<Embedding> submit(String text, TextRole role) {
    return submit(text, role, System.nanoTime() + timeout.toNanos());
  }

  /**
   * Queues {@code text}, waiting for queue space until {@code deadlineNanos} ({@link
   * System#nanoTime} time), so a caller queueing many texts waits at most once for the whole group.
   */
  public CompletableFuture<Embedding> submit(String text, TextRole role, long deadlineNanos) {
    EncodedPrompt prompt;
    try {
      prompt = embedder.encode(text, role);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(
          new RejectedExecutionException("the embedding service is closing", e));
    }
    return submit(prompt, deadlineNanos);
  }

  /**
   * Queues a prompt encoded earlier by this service's {@link #embedder()}, waiting for queue space
   * until {@code deadlineNanos}: a caller can refuse bad text when it arrives and decide later
   * whether to embed it.
   */
  public CompletableFuture<Embedding> submit(EncodedPrompt prompt, long deadlineNanos) {
    CompletableFuture<Embedding> future = new CompletableFuture<>();
    if (closed) {
      future.completeExceptionally(
          new RejectedExecutionException("the embedding service is closed"));
      return future;
    }
    Request request = new Request(prompt, future);
    try {
      long wait = Math.max(0, deadlineNanos - System.nanoTime());
      if (!queue.offer(request, wait, TimeUnit.NANOSECONDS)) {
        future.completeExceptionally(
            new RejectedExecutionException(
                "embedding queue full ("
                    + queue.size()
                    + " waiting) until the deadline of "
                    + timeout.toMillis()
                    + " ms: the model cannot keep up; retry later"
                    + " or add capacity"));
      } else if (closed && queue.remove(request)) {
        // close() may have drained the queue between the check above and the offer.
        future.completeExceptionally(
            new RejectedExecutionException("the embedding service is closed"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.completeExceptionally(new RejectedExecutionException("interrupted while queueing", e));
    }
    return future;
  }

  /**
   * Embeds one text, waiting at most the timeout.
   *
   * @throws IllegalArgumentException for text that cannot be embedded
   * @throws EmbeddingFailedException when the request is rejected, times out or the model fails
   */
  public Embedding embed(String text, TextRole role) {
    return await(submit(text, role));
  }

  /** Embeds {@code texts} in order; all are queued before waiting, so they share forward passes. */
  public List<Embedding> embedAll(List<String> texts, TextRole role) {
    List<CompletableFuture<Embedding>> futures = new ArrayList<>(texts.size());
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String text : texts) {
      futures.add(submit(text, role, deadline));
    }
    List<Embedding> out = new ArrayList<>(texts.size());
    for (int i = 0; i < futures.size(); i++) {
      try {
        out.add(await(futures.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("texts[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private Embedding await(CompletableFuture<Embedding> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new EmbeddingFailedException("no embedding within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingFailedException("interrupted while waiting for an embedding", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) cause;
      }
      throw new EmbeddingFailedException(cause.getMessage(), cause);
    }
  }

  private void work() {
    int drainLimit = Math.max(1, embedder.settings().maxBatchSize() * 4);
    List<Request> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Request first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, drainLimit - 1);
        run(batch);
      } catch (InterruptedException e) {
        break;
      } finally {
        batch.clear();
      }
    }
    failQueued();
  }

  private void run(List<Request> batch) {
    List<Request> live = new ArrayList<>(batch.size());
    for (Request r : batch) {
      if (!r.future.isDone()) {
        live.add(r);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    List<EncodedPrompt> prompts = new ArrayList<>(live.size());
    live.forEach(r -> prompts.add(r.prompt));
    try {
      complete(live, embedder.embedPrompts(prompts));
    } catch (RuntimeException e) {
      if (live.size() == 1) {
        live.get(0).future.completeExceptionally(e);
        return;
      }
      // One prompt may be at fault (too large for the device even alone, float16 overflow): run
      // each
      // request by itself so only that one fails and the others' callers get their vectors.
      for (Request r : live) {
        run(List.of(r));
      }
    } catch (Error e) {
      live.forEach(r -> r.future.completeExceptionally(e));
    }
  }

  private void complete(List<Request> live, List<Embedding> results) {
    passes.incrementAndGet();
    for (int i = 0; i < live.size(); i++) {
      embeddings.incrementAndGet();
      tokens.addAndGet(results.get(i).tokens());
      live.get(i).future.complete(results.get(i));
    }
  }

  private void failQueued() {
    List<Request> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.forEach(
        r ->
            r.future.completeExceptionally(
                new RejectedExecutionException(
                    "the embedding service was closed before this text was embedded")));
  }

  /** Texts embedded so far. */
  public long embeddings() {
    return embeddings.get();
  }

  /** Prompt tokens processed so far. */
  public long tokens() {
    return tokens.get();
  }

  /** Groups of queued requests handed to the embedder so far. */
  public long passes() {
    return passes.get();
  }

  /**
   * Stops accepting, lets queued work finish within the timeout, fails the rest, and returns only
   * once the worker has stopped, so the model can be freed safely: a forward pass in progress
   * always runs to its end.
   */
  @Override
  public void close() {
    closed = true;
    boolean interrupted = false;
    try {
      worker.join(Math.max(1000, timeout.toMillis()));
    } catch (InterruptedException e) {
      interrupted = true;
    }
    failQueued();
    worker.interrupt();
    while (worker.isAlive()) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private record Request(EncodedPrompt prompt, CompletableFuture<Embedding> future) {}
}
