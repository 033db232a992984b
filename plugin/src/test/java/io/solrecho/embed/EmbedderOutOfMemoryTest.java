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
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.engine.EngineException;
import io.solrecho.ProjectFixtures;
import io.solrecho.lm.BatchBudget;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.DeviceOutOfMemoryException;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.SharedPrefix;
import io.solrecho.lm.TextTokenizer;
import io.solrecho.lm.TokenBatch;
import io.solrecho.lm.TokenSpans;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Device out-of-memory handling, with the fault injected in place of the forward pass on the CPU: a
 * micro-batch that runs out of memory is split in halves and retried until it fits, and no vector
 * is lost or changed; a single prompt that does not fit fails with its length and the device; other
 * engine errors are not retried; the GPU batch budget caps micro-batches.
 */
public class EmbedderOutOfMemoryTest {
  private static final EmbeddingSettings SETTINGS =
      EmbeddingSettings.builder().maxBatchSize(8).build();
  private static CausalLanguageModel model;
  private static TextTokenizer tokenizer;

  @BeforeClass
  public static void load() throws Exception {
    Path folder = ProjectFixtures.tinyModel();
    tokenizer = TextTokenizer.load(folder);
    model = CausalLanguageModel.load(folder, LmOptions.of("cpu", "float32"));
  }

  @AfterClass
  public static void close() {
    if (model != null) {
      model.close();
    }
    if (tokenizer != null) {
      tokenizer.close();
    }
  }

  private static List<String> eightTexts() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      texts.add("Text " + i + " is about " + "things ".repeat(1 + 3 * i) + "and ends here.");
    }
    return texts;
  }

  /** A forward pass that records batch sizes and throws {@code fault} for batches it picks. */
  private static final class FaultyForward implements BatchRunner {
    final List<Integer> sizes = new CopyOnWriteArrayList<>();
    private final Function<TokenBatch, RuntimeException> fault;

    FaultyForward(Function<TokenBatch, RuntimeException> fault) {
      this.fault = fault;
    }

    @Override
    public float[][] run(TokenBatch batch, TokenSpans spans, SharedPrefix prefix) {
      sizes.add(batch.size());
      RuntimeException e = fault.apply(batch);
      if (e != null) {
        throw e;
      }
      return model.meanStates(batch, spans, prefix);
    }
  }

  /**
   * What {@link CausalLanguageModel#forward} throws when PyTorch reports a CUDA out-of-memory
   * error.
   */
  private static DeviceOutOfMemoryException injectedOom(TokenBatch batch) {
    String engine = "CUDA out of memory. Tried to allocate 2.00 GiB (injected)";
    return new DeviceOutOfMemoryException(
        "gpu(0) ran out of memory running "
            + batch.size()
            + " sequence(s) of "
            + batch.length()
            + " tokens in float16 ("
            + engine
            + ")",
        new EngineException(engine));
  }

  private static Embedder embedder(FaultyForward forward, BatchBudget budget) {
    return new Embedder(model, tokenizer, SETTINGS, forward, budget);
  }

  @Test
  public void aBatchOfEightThatOnlyFitsInPairsIsSplitAndLosesNothing() {
    List<Embedding> expected =
        new Embedder(model, tokenizer, SETTINGS).embed(eightTexts(), TextRole.DOCUMENT);
    FaultyForward forward =
        new FaultyForward(batch -> batch.size() > 2 ? injectedOom(batch) : null);
    List<Embedding> split =
        embedder(forward, BatchBudget.unlimited("test")).embed(eightTexts(), TextRole.DOCUMENT);
    assertEquals("8 fails, each 4 fails, each 2 runs", List.of(8, 4, 2, 2, 4, 2, 2), forward.sizes);
    assertEquals(8, split.size());
    for (int i = 0; i < 8; i++) {
      assertArrayEquals("text " + i, expected.get(i).vector(), split.get(i).vector(), 1e-6f);
      assertArrayEquals(expected.get(i).ids(), split.get(i).ids());
    }
  }

  @Test
  public void aSinglePromptThatDoesNotFitNamesItsLengthAndTheDevice() {
    FaultyForward forward = new FaultyForward(EmbedderOutOfMemoryTest::injectedOom);
    Embedder embedder = embedder(forward, BatchBudget.unlimited("test"));
    int length = embedder.encode("one long text", TextRole.DOCUMENT).length();
    DeviceOutOfMemoryException e =
        assertThrows(
            DeviceOutOfMemoryException.class,
            () -> embedder.embed(List.of("one long text"), TextRole.DOCUMENT));
    assertEquals(List.of(1), forward.sizes);
    for (String part :
        new String[] {
          "single prompt of " + length + " tokens", "cpu()", "maxTokens", "CUDA out of memory"
        }) {
      assertTrue(
          "message should mention '" + part + "': " + e.getMessage(),
          e.getMessage().contains(part));
    }
  }

  @Test
  public void otherEngineErrorsAreNotRetried() {
    EngineException illegalAccess =
        new EngineException("CUDA error: an illegal memory access was encountered");
    FaultyForward forward = new FaultyForward(batch -> illegalAccess);
    Embedder embedder = embedder(forward, BatchBudget.unlimited("test"));
    EngineException e =
        assertThrows(EngineException.class, () -> embedder.embed(eightTexts(), TextRole.DOCUMENT));
    assertSame(illegalAccess, e);
    assertEquals("one call, no split", List.of(8), forward.sizes);
  }

  @Test
  public void theGpuBudgetCapsMicroBatches() {
    // 3 sequences of the longest text fit: rows of shorter texts may be a few more, never above the
    // budget
    BatchBudget probe = BatchBudget.forFreeMemory(0, model.config(), "float32");
    int longest =
        new Embedder(model, tokenizer, SETTINGS)
            .encode(eightTexts().get(7), TextRole.DOCUMENT)
            .length();
    long free = (long) Math.ceil(3 * probe.bytesPerSequence(longest) / 0.8) + 1;
    BatchBudget budget = BatchBudget.forFreeMemory(free, model.config(), "float32");
    assertEquals(3, budget.maxRows(longest));
    List<TokenBatch> batches = new CopyOnWriteArrayList<>();
    FaultyForward forward =
        new FaultyForward(
            batch -> {
              batches.add(batch);
              return null;
            });
    List<Embedding> capped = embedder(forward, budget).embed(eightTexts(), TextRole.DOCUMENT);
    List<Embedding> expected =
        new Embedder(model, tokenizer, SETTINGS).embed(eightTexts(), TextRole.DOCUMENT);
    assertTrue("more than one micro-batch: " + forward.sizes, forward.sizes.size() > 1);
    for (TokenBatch batch : batches) {
      assertTrue(
          batch.size() + " rows of " + batch.length(),
          batch.size() <= budget.maxRows(batch.length()));
    }
    for (int i = 0; i < 8; i++) {
      assertArrayEquals("text " + i, expected.get(i).vector(), capped.get(i).vector(), 1e-6f);
    }
  }

  @Test
  public void onTheCpuTheConfiguredLimitsAloneApply() {
    assertFalse(new Embedder(model, tokenizer, SETTINGS).batchBudget().limited());
  }

  @Test
  public void theServiceFailsOnlyTheRequestThatDoesNotFitAlone() throws Exception {
    int tooLong = longestPromptLength();
    Throwable failure =
        failureOfTheLongestThroughTheService(
            new FaultyForward(batch -> batch.length() >= tooLong ? injectedOom(batch) : null));
    assertTrue(
        failure.getMessage(),
        failure instanceof DeviceOutOfMemoryException
            && failure.getMessage().contains("single prompt of " + tooLong + " tokens"));
  }

  @Test
  public void theServiceFailsOnlyTheRequestWhosePassOverflows() throws Exception {
    int poison = longestPromptLength();
    Throwable failure =
        failureOfTheLongestThroughTheService(
            new FaultyForward(
                batch ->
                    batch.length() >= poison
                        ? new ArithmeticException("float16 activations overflowed (injected)")
                        : null));
    assertTrue(String.valueOf(failure), failure instanceof ArithmeticException);
  }

  private int longestPromptLength() {
    return new Embedder(model, tokenizer, SETTINGS)
        .encode(eightTexts().get(7), TextRole.DOCUMENT)
        .length();
  }

  /**
   * Submits the eight texts to a service over {@code forward}, checks that the first seven get the
   * vectors they get alone, and returns why the eighth (the longest) failed.
   */
  private Throwable failureOfTheLongestThroughTheService(FaultyForward forward) throws Exception {
    List<String> texts = eightTexts();
    Embedder plain = new Embedder(model, tokenizer, SETTINGS);
    List<CompletableFuture<Embedding>> futures = new ArrayList<>();
    try (EmbeddingService service =
        new EmbeddingService(
            embedder(forward, BatchBudget.unlimited("test")), 16, Duration.ofSeconds(60))) {
      for (String text : texts) {
        futures.add(service.submit(text, TextRole.DOCUMENT));
      }
      for (int i = 0; i < 7; i++) {
        assertArrayEquals(
            "text " + i,
            plain.embed(List.of(texts.get(i)), TextRole.DOCUMENT).get(0).vector(),
            futures.get(i).get().vector(),
            1e-6f);
      }
      return assertThrows(ExecutionException.class, () -> futures.get(7).get()).getCause();
    }
  }
}
