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

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

/**
 * Bad input fails before any native call with an {@link IllegalArgumentException} that names the
 * offending field as transformers does ({@code input_ids}, {@code attention_mask}, {@code
 * position_ids}).
 */
public class InputValidationTest {
  private static CausalLanguageModel llama;
  private static CausalLanguageModel gpt2;

  @BeforeClass
  public static void loadModels() throws Exception {
    llama =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("llama"), LmOptions.of("cpu", "float32"));
    gpt2 =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("gpt2"), LmOptions.of("cpu", "float32"));
  }

  @AfterClass
  public static void closeModels() {
    if (llama != null) {
      llama.close();
    }
    if (gpt2 != null) {
      gpt2.close();
    }
  }

  private static void assertRejected(ThrowingRunnable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String part : parts) {
      assertTrue(
          "message should mention '" + part + "': " + e.getMessage(),
          e.getMessage().contains(part));
    }
  }

  private static int[][] ones(int rows, int length) {
    int[][] mask = new int[rows][length];
    for (int[] row : mask) {
      Arrays.fill(row, 1);
    }
    return mask;
  }

  @Test
  public void tokenIdEqualToTheVocabularySizeNamesInputIds() {
    int vocab = llama.config().vocabSize();
    TokenBatch batch = TokenBatch.rightPadded(List.of(new int[] {5, vocab, 7}), 0);
    assertRejected(
        () -> llama.forward(batch), "input_ids", String.valueOf(vocab), "[0, " + vocab + ")");
  }

  @Test
  public void negativeTokenIdNamesInputIds() {
    TokenBatch batch = TokenBatch.rightPadded(List.of(new int[] {5, -1}), 0);
    assertRejected(() -> gpt2.lastTokenLogits(batch), "input_ids", "-1");
  }

  @Test
  public void raggedInputIdsNameInputIds() {
    assertRejected(
        () -> new TokenBatch(new int[][] {{1, 2, 3}, {1, 2}}, ones(2, 3), null),
        "input_ids",
        "row 1");
  }

  @Test
  public void raggedAttentionMaskNamesAttentionMask() {
    int[][] mask = {{1, 1, 1}, {1, 1}};
    assertRejected(
        () -> new TokenBatch(new int[][] {{1, 2, 3}, {4, 5, 6}}, mask, null),
        "attention_mask",
        "row 1");
  }

  @Test
  public void attentionMaskWithAnotherRowCountNamesAttentionMask() {
    assertRejected(
        () -> new TokenBatch(new int[][] {{1, 2, 3}, {4, 5, 6}}, ones(1, 3), null),
        "attention_mask");
  }

  @Test
  public void raggedPositionIdsNamePositionIds() {
    int[][] positions = {{0, 1, 2}, {0, 1}};
    assertRejected(
        () -> new TokenBatch(new int[][] {{1, 2, 3}, {4, 5, 6}}, ones(2, 3), positions),
        "position_ids",
        "row 1");
  }

  @Test
  public void sequenceLongerThanGpt2PositionsNamesPositionIds() {
    int positions = gpt2.config().maxPositions();
    int[] ids = new Random(1).ints(positions + 1, 1, gpt2.config().vocabSize()).toArray();
    assertRejected(
        () -> gpt2.forward(TokenBatch.rightPadded(List.of(ids), 0)),
        "position_ids",
        "[0, " + positions + ")");
  }

  @Test
  public void explicitPositionBeyondGpt2PositionsNamesPositionIds() {
    int positions = gpt2.config().maxPositions();
    TokenBatch batch =
        new TokenBatch(new int[][] {{1, 2}}, ones(1, 2), new int[][] {{positions - 1, positions}});
    assertRejected(() -> gpt2.forward(batch), "position_ids", String.valueOf(positions));
  }

  @Test
  public void emptyBatchNamesInputIds() {
    assertRejected(() -> TokenBatch.rightPadded(List.of(), 0), "input_ids");
    assertRejected(() -> new TokenBatch(new int[0][], new int[0][], null), "input_ids");
  }

  @Test
  public void emptySequenceNamesInputIds() {
    assertRejected(() -> new TokenBatch(new int[][] {{}}, new int[][] {{}}, null), "input_ids");
  }
}
