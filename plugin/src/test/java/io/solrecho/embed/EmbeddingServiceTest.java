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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.solrecho.ProjectFixtures;
import io.solrecho.lm.LmOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The shared embedding service: concurrent callers, per-request errors, back-pressure, shutdown.
 */
public class EmbeddingServiceTest {
  private static Embedder embedder;

  @BeforeClass
  public static void openEmbedder() throws Exception {
    embedder =
        Embedder.open(
            ProjectFixtures.tinyModel(),
            LmOptions.of("cpu", "auto"),
            EmbeddingSettings.builder().maxTokensPerCopy(100).maxBatchSize(8).build());
  }

  @AfterClass
  public static void closeEmbedder() {
    if (embedder != null) {
      embedder.close();
    }
  }

  private static List<String> texts(int count) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(
          "Document "
              + i
              + " talks about "
              + "topic ".repeat(1 + i % 9)
              + "and number "
              + (i * 7919 % 1000));
    }
    return texts;
  }

  @Test
  public void theWorkerComesFromTheGivenThreadFactoryAndStopsOnClose() throws Exception {
    List<Thread> made = new ArrayList<>();
    Embedding embedding;
    try (EmbeddingService service =
        new EmbeddingService(
            embedder,
            8,
            Duration.ofSeconds(60),
            work -> {
              Thread thread = new Thread(work, "server-worker");
              made.add(thread);
              return thread;
            })) {
      assertEquals(1, made.size());
      assertTrue(made.get(0).isAlive());
      embedding = service.embed("a text for the server's thread", TextRole.DOCUMENT);
    }
    assertArrayEquals(
        embedder
            .embed(List.of("a text for the server's thread"), TextRole.DOCUMENT)
            .get(0)
            .vector(),
        embedding.vector(),
        1e-6f);
    assertFalse("stopped by close()", made.get(0).isAlive());
  }

  @Test
  public void sixteenThreadsGetTheSingleThreadedVectors() throws Exception {
    List<String> texts = texts(96);
    List<float[]> expected = new ArrayList<>();
    for (String text : texts) {
      expected.add(embedder.embed(List.of(text), TextRole.DOCUMENT).get(0).vector());
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (EmbeddingService service = new EmbeddingService(embedder, 32, Duration.ofSeconds(60))) {
      List<Future<float[]>> results = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (String text : texts) {
          results.add(pool.submit(() -> service.embed(text, TextRole.DOCUMENT).vector()));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertArrayEquals(
            "text " + (i % texts.size()),
            expected.get(i % texts.size()),
            results.get(i).get(),
            1e-5f);
      }
      assertEquals(3L * texts.size(), service.embeddings());
      assertTrue(
          "requests were merged into shared passes: " + service.passes(),
          service.passes() < 3L * texts.size());
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Test
  public void aBadTextFailsOnlyItsOwnRequest() throws Exception {
    try (EmbeddingService service = new EmbeddingService(embedder, 8, Duration.ofSeconds(30))) {
      CompletableFuture<Embedding> good = service.submit("a fine sentence", TextRole.DOCUMENT);
      CompletableFuture<Embedding> empty = service.submit("   ", TextRole.DOCUMENT);
      CompletableFuture<Embedding> missing = service.submit(null, TextRole.DOCUMENT);
      assertEquals(16, good.get().vector().length);
      assertFailsWith(IllegalArgumentException.class, empty);
      assertFailsWith(IllegalArgumentException.class, missing);
    }
  }

  @Test
  public void embedAllNamesTheIndexOfABadText() {
    try (EmbeddingService service = new EmbeddingService(embedder, 8, Duration.ofSeconds(30))) {
      service.embedAll(List.of("one", "", "three"), TextRole.DOCUMENT);
      fail("expected an error for the empty text");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("texts[1]"));
    }
  }

  @Test
  public void aClosedServiceRejectsNewWork() throws Exception {
    EmbeddingService service = new EmbeddingService(embedder, 8, Duration.ofSeconds(30));
    service.close();
    assertFailsWith(RejectedExecutionException.class, service.submit("late", TextRole.QUERY));
  }

  @Test
  public void closingFinishesQueuedWork() throws Exception {
    EmbeddingService service = new EmbeddingService(embedder, 64, Duration.ofSeconds(30));
    List<CompletableFuture<Embedding>> futures = new ArrayList<>();
    for (String text : texts(40)) {
      futures.add(service.submit(text, TextRole.DOCUMENT));
    }
    service.close();
    for (CompletableFuture<Embedding> future : futures) {
      assertEquals(16, future.get(1, TimeUnit.SECONDS).vector().length);
    }
  }

  @Test
  public void aFullQueueRejectsAfterTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ThreadFactory heldWorker =
        work ->
            new Thread(
                () -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  work.run();
                });
    try (EmbeddingService service =
        new EmbeddingService(embedder, 1, Duration.ofMillis(50), heldWorker)) {
      CompletableFuture<Embedding> queued = service.submit("fills the queue", TextRole.DOCUMENT);
      CompletableFuture<Embedding> refused = service.submit("meets it full", TextRole.DOCUMENT);
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
      assertTrue(e.getCause().toString(), e.getCause() instanceof RejectedExecutionException);
      release.countDown();
      assertArrayEquals(
          embedder.embed(List.of("fills the queue"), TextRole.DOCUMENT).get(0).vector(),
          queued.get(30, TimeUnit.SECONDS).vector(),
          1e-6f);
    }
  }

  private static void assertFailsWith(Class<? extends Throwable> type, CompletableFuture<?> future)
      throws InterruptedException {
    try {
      future.get(30, TimeUnit.SECONDS);
      fail("expected " + type.getSimpleName());
    } catch (ExecutionException e) {
      assertTrue("got " + e.getCause(), type.isInstance(e.getCause()));
    } catch (TimeoutException e) {
      fail("no answer within 30 s");
    }
  }
}
