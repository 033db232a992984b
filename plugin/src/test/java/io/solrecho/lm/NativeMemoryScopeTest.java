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
package io.solrecho.lm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * Every forward call frees the native arrays it made: the model's scope holds only its weights
 * between calls, however many calls ran, whether they returned hidden states, logits, pooled means
 * or failed.
 */
public class NativeMemoryScopeTest {
  private static final LmOptions CPU = LmOptions.of("cpu", "float32");

  private static TokenBatch randomBatch(Random random, int vocab) {
    return TokenBatch.rightPadded(
        List.of(
            random.ints(1 + random.nextInt(30), 1, vocab).toArray(),
            random.ints(1 + random.nextInt(30), 1, vocab).toArray()),
        0);
  }

  private static void assertFiftyCallsLeaveNothingBehind(String fixture) throws Exception {
    try (CausalLanguageModel model =
        CausalLanguageModel.load(ProjectFixtures.referenceModel(fixture), CPU)) {
      Random random = new Random(3);
      int vocab = model.config().vocabSize();
      model.lastTokenLogits(randomBatch(random, vocab));
      int afterFirst = model.managedArrayCount();
      for (int i = 1; i < 50; i++) {
        TokenBatch batch = randomBatch(random, vocab);
        if (i % 3 == 0) {
          model.forward(batch);
        } else if (i % 3 == 1) {
          model.lastTokenLogits(batch);
        } else {
          model.meanStates(batch, TokenSpans.of(new int[] {0, 0}, new int[] {1, 1}));
        }
      }
      assertEquals(
          fixture + ": arrays in the model scope after 50 calls",
          afterFirst,
          model.managedArrayCount());
    }
  }

  @Test
  public void fiftyCallsOnARotaryModelLeaveNoArraysBehind() throws Exception {
    assertFiftyCallsLeaveNothingBehind("llama");
  }

  @Test
  public void fiftyCallsOnALearnedPositionModelLeaveNoArraysBehind() throws Exception {
    assertFiftyCallsLeaveNothingBehind("gpt2");
  }

  @Test
  public void aCallLeavesOnlyTheWeightsLoadedBeforeIt() throws Exception {
    try (CausalLanguageModel model =
        CausalLanguageModel.load(ProjectFixtures.referenceModel("gpt_neox"), CPU)) {
      int weights = model.managedArrayCount();
      assertTrue("the loaded model holds its weights", weights > 0);
      model.forward(randomBatch(new Random(5), model.config().vocabSize()));
      assertEquals(weights, model.managedArrayCount());
      model.lastTokenLogits(randomBatch(new Random(6), model.config().vocabSize()));
      assertEquals("the untied head, read once", weights + 1, model.managedArrayCount());
      model.lastTokenLogits(randomBatch(new Random(7), model.config().vocabSize()));
      assertEquals(weights + 1, model.managedArrayCount());
    }
  }

  @Test
  public void aCallThatFailsMidwayLeavesNoArraysBehind() throws Exception {
    try (CausalLanguageModel model =
        CausalLanguageModel.load(ProjectFixtures.referenceModel("gpt2"), CPU)) {
      int weights = model.managedArrayCount();
      int[] tooLong =
          new Random(9)
              .ints(model.config().maxPositions() + 1, 1, model.config().vocabSize())
              .toArray();
      assertThrows(
          IllegalArgumentException.class,
          () -> model.forward(TokenBatch.rightPadded(List.of(tooLong), 0)));
      assertEquals(weights, model.managedArrayCount());
    }
  }
}
