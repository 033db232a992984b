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

import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * A sequence's hidden states do not depend on what it is batched with or on tokens after it: right
 * padding beside longer rows, appended tokens and left padding with explicit position ids all leave
 * its states within 1e-5 of running it alone (transformers itself shows up to 4e-6 here). Random
 * token ids with a fixed seed; the sequences are longer than mistral_sliding_window's window of 6.
 */
@RunWith(Parameterized.class)
public class BatchInvarianceTest {
  static final double TOLERANCE = 1e-5;

  @Parameters(name = "{0}")
  public static Collection<Object[]> fixtures() {
    return Arrays.asList(
        new Object[][] {{"llama"}, {"mistral_sliding_window"}, {"gpt2"}, {"gpt_neox"}});
  }

  private static final Map<String, CausalLanguageModel> MODELS = new HashMap<>();

  private final String fixture;

  public BatchInvarianceTest(String fixture) {
    this.fixture = fixture;
  }

  private CausalLanguageModel model() throws Exception {
    synchronized (MODELS) {
      CausalLanguageModel model = MODELS.get(fixture);
      if (model == null) {
        model =
            CausalLanguageModel.load(
                ProjectFixtures.referenceModel(fixture), LmOptions.of("cpu", "float32"));
        MODELS.put(fixture, model);
      }
      return model;
    }
  }

  @AfterClass
  public static void closeModels() {
    MODELS.values().forEach(CausalLanguageModel::close);
    MODELS.clear();
  }

  private static int[] randomIds(Random random, int length, int vocab) {
    return random.ints(length, 1, vocab).toArray();
  }

  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  private HiddenStates alone(int[] ids) throws Exception {
    return model().forward(TokenBatch.rightPadded(List.of(ids), 0));
  }

  private void assertClose(String what, double error) {
    System.out.printf(Locale.ROOT, "batch invariance %s %s: max abs %.2e%n", fixture, what, error);
    assertTrue(fixture + ": " + what + " differs by " + error, error <= TOLERANCE);
  }

  @Test
  public void rightPaddingBesideLongerSequencesDoesNotChangeStates() throws Exception {
    int vocab = model().config().vocabSize();
    Random random = new Random(7);
    List<int[]> sequences =
        List.of(
            randomIds(random, 11, vocab),
            randomIds(random, 29, vocab),
            randomIds(random, 3, vocab),
            randomIds(random, 17, vocab));
    HiddenStates batched = model().forward(TokenBatch.rightPadded(sequences, 0));
    for (int b = 0; b < sequences.size(); b++) {
      int[] real = range(0, sequences.get(b).length);
      assertClose(
          "row " + b + " (length " + real.length + ") right-padded vs alone",
          StateDifference.between(alone(sequences.get(b)), 0, real, batched, b, real));
    }
  }

  @Test
  public void appendingTokensDoesNotChangeEarlierPositions() throws Exception {
    int vocab = model().config().vocabSize();
    int[] full = randomIds(new Random(11), 40, vocab);
    HiddenStates longer = alone(full);
    for (int prefix : new int[] {1, 8, 9, 25}) {
      int[] positions = range(0, prefix);
      assertClose(
          "first " + prefix + " of 40 tokens vs the prefix alone",
          StateDifference.between(
              alone(Arrays.copyOf(full, prefix)), 0, positions, longer, 0, positions));
    }
  }

  @Test
  public void leftPaddingWithExplicitPositionIdsMatchesRunningAlone() throws Exception {
    int vocab = model().config().vocabSize();
    Random random = new Random(13);
    int[][] sequences = {
      randomIds(random, 12, vocab), randomIds(random, 31, vocab), randomIds(random, 5, vocab)
    };
    int length = 31;
    int[][] ids = new int[sequences.length][length];
    int[][] mask = new int[sequences.length][length];
    int[][] positions = new int[sequences.length][length];
    for (int b = 0; b < sequences.length; b++) {
      int pad = length - sequences[b].length;
      System.arraycopy(sequences[b], 0, ids[b], pad, sequences[b].length);
      for (int t = pad; t < length; t++) {
        mask[b][t] = 1;
        positions[b][t] = t - pad;
      }
    }
    HiddenStates batched = model().forward(new TokenBatch(ids, mask, positions));
    for (int b = 0; b < sequences.length; b++) {
      int n = sequences[b].length;
      assertClose(
          "row " + b + " (length " + n + ") left-padded with position ids vs alone",
          StateDifference.between(
              alone(sequences[b]), 0, range(0, n), batched, b, range(length - n, length)));
    }
  }
}
