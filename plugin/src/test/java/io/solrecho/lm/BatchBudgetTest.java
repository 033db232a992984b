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
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import org.junit.Test;

/**
 * The GPU batch budget's arithmetic, with the free memory given rather than read from a device:
 * activation bytes per token and per query-key pair from the model's shape and compute type, 80% of
 * the free memory planned for, at least one sequence always; unlimited on the CPU.
 */
public class BatchBudgetTest {
  private static final long GIB = 1L << 30;

  /** SmolLM2-135M: hidden 576, 9/3 heads of 64, intermediate 1536, SiLU-gated MLP. */
  private static final ModelConfig SMOLLM2 =
      ModelConfig.parse(
          "{\"model_type\":\"llama\",\"hidden_size\":576,"
              + "\"num_hidden_layers\":30,\"num_attention_heads\":9,\"num_key_value_heads\":3,\"intermediate_size\":1536,"
              + "\"vocab_size\":49152,\"hidden_act\":\"silu\",\"max_position_embeddings\":8192}");

  /** Mistral-7B: hidden 4096, 32/8 heads of 128, intermediate 14336. */
  private static final ModelConfig MISTRAL_7B =
      ModelConfig.parse(
          "{\"model_type\":\"mistral\",\"hidden_size\":4096,"
              + "\"num_hidden_layers\":32,\"num_attention_heads\":32,\"num_key_value_heads\":8,\"intermediate_size\":14336,"
              + "\"vocab_size\":32000,\"hidden_act\":\"silu\",\"max_position_embeddings\":32768,\"sliding_window\":4096}");

  @Test
  public void bytesPerTokenAndPerKeyPairFollowTheModelShape() {
    // per token: 16 * (2 * 576) norm bytes + 2 * (16 * (576 + 192) + 7 * 576 + 6 * 1536 + 2 * 64) =
    // 69760
    // per query-key pair: 20 * 9 heads + 8 mask bytes = 188
    BatchBudget half = BatchBudget.forFreeMemory(10 * GIB, SMOLLM2, "float16");
    assertEquals(69760L, half.bytesPerSequence(1) - 188);
    assertEquals(128L * 69760 + 128L * 128 * 188, half.bytesPerSequence(128));
    // float32 doubles the compute-type part only: 18432 + 4 * 25664
    assertEquals(
        121088L + 188, BatchBudget.forFreeMemory(10 * GIB, SMOLLM2, "float32").bytesPerSequence(1));
  }

  @Test
  public void rowsAreThePlannedMemoryOverTheBytesOfOneSequence() {
    BatchBudget budget = BatchBudget.forFreeMemory(10 * GIB, SMOLLM2, "float16");
    assertTrue(budget.limited());
    assertEquals(8589934592L, budget.availableBytes()); // 80% of 10 GiB
    assertEquals(715, budget.maxRows(128)); // 8589934592 / 12009472
  }

  @Test
  public void aSevenBillionModelOnAGpuWith64GibFreeTakes125SequencesOf512Tokens() {
    // 512 * 524800 + 512^2 * 648 = 438566912 bytes per sequence; 0.8 * 64 GiB / that = 125.4
    assertEquals(125, BatchBudget.forFreeMemory(64 * GIB, MISTRAL_7B, "float16").maxRows(512));
  }

  @Test
  public void attentionMakesLongSequencesCostMoreThanTheirTokens() {
    BatchBudget budget = BatchBudget.forFreeMemory(64 * GIB, MISTRAL_7B, "float16");
    long tokensAt512 = 512L * budget.maxRows(512);
    long tokensAt4096 = 4096L * budget.maxRows(4096);
    assertTrue(
        tokensAt512 + " tokens at 512 vs " + tokensAt4096 + " at 4096",
        tokensAt4096 < tokensAt512 / 2);
    assertTrue(budget.maxRows(64) > budget.maxRows(128));
  }

  @Test
  public void oneSequenceIsAlwaysTriedEvenWhenTheEstimateSaysItDoesNotFit() {
    assertEquals(1, BatchBudget.forFreeMemory(1000, MISTRAL_7B, "float16").maxRows(4096));
    assertEquals(1, BatchBudget.forFreeMemory(0, SMOLLM2, "float32").maxRows(1));
  }

  @Test
  public void architectureSwitchesChangeTheEstimate() {
    String shape =
        "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"num_key_value_heads\":2,"
            + "\"intermediate_size\":128,\"vocab_size\":1000,\"hidden_act\":\"silu\"";
    long llama =
        BatchBudget.forFreeMemory(
                GIB, ModelConfig.parse("{\"model_type\":\"llama\"," + shape + "}"), "float32")
            .bytesPerSequence(1);
    long qwen3 =
        BatchBudget.forFreeMemory(
                GIB, ModelConfig.parse("{\"model_type\":\"qwen3\"," + shape + "}"), "float32")
            .bytesPerSequence(1);
    assertEquals("q/k norms: 16 bytes per query and key element", 16L * (64 + 32), qwen3 - llama);
    // GPT-2: LayerNorm, plain MLP with the 8-array tanh GELU: 16 * 128 + 4 * (16 * 128 + 448 + 9 *
    // 128 + 32)
    ModelConfig gpt2 =
        ModelConfig.parse(
            "{\"model_type\":\"gpt2\",\"n_embd\":64,\"n_layer\":2,\"n_head\":4,"
                + "\"n_inner\":128,\"vocab_size\":1000,\"activation_function\":\"gelu_new\"}");
    assertEquals(16768L + 88, BatchBudget.forFreeMemory(GIB, gpt2, "float32").bytesPerSequence(1));
  }

  @Test
  public void unlimitedLeavesTheConfiguredLimits() {
    BatchBudget unlimited = BatchBudget.unlimited("test");
    assertFalse(unlimited.limited());
    assertEquals(Integer.MAX_VALUE, unlimited.maxRows(100_000));
  }

  @Test
  public void onTheCpuTheBudgetIsUnlimited() throws Exception {
    try (CausalLanguageModel model =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("gpt2"), LmOptions.of("cpu", "float32"))) {
      BatchBudget budget = BatchBudget.of(model);
      assertFalse(budget.limited());
      assertTrue(budget.toString(), budget.toString().contains("CPU"));
    }
  }

  @Test
  public void badArgumentsAreNamed() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> BatchBudget.forFreeMemory(GIB, SMOLLM2, "bfloat16"))
            .getMessage()
            .contains("dtype"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> BatchBudget.forFreeMemory(-1, SMOLLM2, "float16"))
            .getMessage()
            .contains("freeBytes"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> BatchBudget.forFreeMemory(GIB, SMOLLM2, "float16").maxRows(0))
            .getMessage()
            .contains("length"));
  }
}
