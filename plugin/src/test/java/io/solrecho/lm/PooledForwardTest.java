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
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The pooled path ({@link CausalLanguageModel#meanStates}) gives, for every architecture fixture,
 * the same vectors within 1e-5 as the plain full forward pass averaged in Java: echo-shaped spans
 * (the second copy of the text), classical ones (the text after a constant prompt prefix) and
 * single last tokens, in right-padded batches and left-padded ones with explicit position ids.
 * Every prompt starts with the same prefix, as prompts of one template do, and each case also runs
 * after that prefix's keys and values computed once ({@link SharedPrefix}).
 */
@RunWith(Parameterized.class)
public class PooledForwardTest {
  static final double TOLERANCE = 1e-5;
  private static final int[] PREFIX = {11, 12, 13, 14, 15};
  private static final int[] SUFFIX = {21, 22};

  @Parameters(name = "{0}")
  public static List<String> fixtures() {
    return ProjectFixtures.REFERENCE_MODELS;
  }

  private static final Map<String, CausalLanguageModel> MODELS = new HashMap<>();

  private final String fixture;

  public PooledForwardTest(String fixture) {
    this.fixture = fixture;
  }

  @BeforeClass
  public static void loadModels() throws Exception {
    for (String fixture : ProjectFixtures.REFERENCE_MODELS) {
      MODELS.put(
          fixture,
          CausalLanguageModel.load(
              ProjectFixtures.referenceModel(fixture), LmOptions.of("cpu", "float32")));
    }
  }

  @AfterClass
  public static void closeModels() {
    MODELS.values().forEach(CausalLanguageModel::close);
    MODELS.clear();
  }

  /** A prompt: its ids and pooled span. */
  record Prompt(int[] ids, int start, int end) {
    Prompt last() {
      return new Prompt(ids, end - 1, end);
    }
  }

  /** Echo prompts: prefix, text, separator, text again (pooled), suffix; texts of 3..20 tokens. */
  static List<Prompt> echoPrompts(Random random, int vocab) {
    List<Prompt> prompts = new ArrayList<>();
    for (int length : new int[] {17, 3, 9, 20, 12}) {
      int[] text = random.ints(length, 30, vocab).toArray();
      int[] ids = concat(PREFIX, text, new int[] {16, 17}, text, SUFFIX);
      int start = PREFIX.length + length + 2;
      prompts.add(new Prompt(ids, start, start + length));
    }
    return prompts;
  }

  /** Classical prompts: prefix then the pooled text. */
  static List<Prompt> classicalPrompts(Random random, int vocab) {
    List<Prompt> prompts = new ArrayList<>();
    for (int length : new int[] {4, 19, 1, 11}) {
      int[] ids = concat(PREFIX, random.ints(length, 30, vocab).toArray());
      prompts.add(new Prompt(ids, PREFIX.length, ids.length));
    }
    return prompts;
  }

  static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }

  @Test
  public void echoSpansMatchTheFullForward() {
    assertPooledMatches("echo", echoPrompts(new Random(1), vocab()));
  }

  @Test
  public void classicalSpansMatchTheFullForward() {
    assertPooledMatches("classical", classicalPrompts(new Random(2), vocab()));
  }

  @Test
  public void lastTokensMatchTheFullForward() {
    assertPooledMatches(
        "last echo", echoPrompts(new Random(3), vocab()).stream().map(Prompt::last).toList());
    assertPooledMatches(
        "last classical",
        classicalPrompts(new Random(4), vocab()).stream().map(Prompt::last).toList());
  }

  private int vocab() {
    return MODELS.get(fixture).config().vocabSize();
  }

  private void assertPooledMatches(String what, List<Prompt> prompts) {
    CausalLanguageModel model = MODELS.get(fixture);
    for (boolean left : new boolean[] {false, true}) {
      Batch batch = left ? leftPadded(prompts) : rightPadded(prompts);
      float[][] expected = plainMeans(model.forward(batch.tokens), batch.spans);
      String where = fixture + " " + what + (left ? " left-padded" : " right-padded");
      assertClose(where, expected, model.meanStates(batch.tokens, batch.spans));
      try (SharedPrefix prefix = model.sharedPrefix(PREFIX);
          SharedPrefix longer = model.sharedPrefix(concat(PREFIX, new int[] {99, 98}))) {
        assertClose(
            where + " after a shared prefix",
            expected,
            model.meanStates(batch.tokens, batch.spans, prefix));
        assertClose(
            where + " after the shared part of a longer prefix",
            expected,
            model.meanStates(batch.tokens, batch.spans, longer));
      }
    }
  }

  private static void assertClose(String where, float[][] expected, float[][] actual) {
    double error = MaxAbsError.of(expected, actual);
    System.out.printf(Locale.ROOT, "pooled %s: max abs %.2e%n", where, error);
    assertTrue(where + " differs by " + error, error <= TOLERANCE);
  }

  @Test
  public void aPrefixIsReusedOnlyWhereEveryRowSharesIt() {
    CausalLanguageModel model = MODELS.get(fixture);
    List<Prompt> prompts = new ArrayList<>(classicalPrompts(new Random(5), vocab()));
    int[] other = prompts.get(1).ids().clone();
    other[2] = 29;
    prompts.set(1, new Prompt(other, PREFIX.length, other.length));
    Batch batch = rightPadded(prompts);
    try (SharedPrefix prefix = model.sharedPrefix(PREFIX)) {
      assertEquals(2, prefix.sharedLength(batch.tokens, batch.spans));
      assertEquals(0, prefix.sharedLength(leftPadded(prompts).tokens, batch.spans));
      assertClose(
          fixture + " partly shared prefix",
          plainMeans(model.forward(batch.tokens), batch.spans),
          model.meanStates(batch.tokens, batch.spans, prefix));
    }
  }

  record Batch(TokenBatch tokens, TokenSpans spans) {}

  static Batch rightPadded(List<Prompt> prompts) {
    List<int[]> ids = prompts.stream().map(Prompt::ids).toList();
    int[] starts = prompts.stream().mapToInt(Prompt::start).toArray();
    int[] ends = prompts.stream().mapToInt(Prompt::end).toArray();
    return new Batch(TokenBatch.rightPadded(ids, 0), TokenSpans.of(starts, ends));
  }

  static Batch leftPadded(List<Prompt> prompts) {
    int length = prompts.stream().mapToInt(p -> p.ids().length).max().orElse(0);
    int size = prompts.size();
    int[][] ids = new int[size][length];
    int[][] mask = new int[size][length];
    int[][] positions = new int[size][length];
    int[] starts = new int[size];
    int[] ends = new int[size];
    for (int b = 0; b < size; b++) {
      Prompt p = prompts.get(b);
      int pad = length - p.ids().length;
      for (int t = 0; t < p.ids().length; t++) {
        ids[b][pad + t] = p.ids()[t];
        mask[b][pad + t] = 1;
        positions[b][pad + t] = t;
      }
      starts[b] = pad + p.start();
      ends[b] = pad + p.end();
    }
    return new Batch(new TokenBatch(ids, mask, positions), TokenSpans.of(starts, ends));
  }

  /** The mean over each span of the full forward's states, in double. */
  static float[][] plainMeans(HiddenStates states, TokenSpans spans) {
    float[][] means = new float[spans.size()][];
    for (int b = 0; b < spans.size(); b++) {
      double[] sum = new double[states.hiddenSize()];
      for (int t = spans.start(b); t < spans.end(b); t++) {
        float[] state = states.vector(b, t);
        for (int h = 0; h < sum.length; h++) {
          sum[h] += state[h];
        }
      }
      means[b] = new float[sum.length];
      for (int h = 0; h < sum.length; h++) {
        means[b][h] = (float) (sum[h] / (spans.end(b) - spans.start(b)));
      }
    }
    return means;
  }
}
