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
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code tie_word_embeddings}: transformers before version 5 left the key out of config.json when
 * it had its default, true, so a missing key means the LM head is the token embedding; an explicit
 * false reads its own {@code lm_head.weight} when logits are asked for, and a base model without
 * one (an embedding model) loads and gives hidden states, but no logits.
 */
public class TiedEmbeddingsTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final LmOptions CPU = LmOptions.of("cpu", "float32");

  /** {@code h . W^T} in double for a row-major {@code [vocab, hidden]} matrix {@code w}. */
  private static float[] project(float[] h, float[] w) {
    float[] out = new float[w.length / h.length];
    for (int v = 0; v < out.length; v++) {
      double dot = 0;
      for (int i = 0; i < h.length; i++) {
        dot += (double) h[i] * w[v * h.length + i];
      }
      out[v] = (float) dot;
    }
    return out;
  }

  /**
   * GPT-2 and Gemma checkpoints written before transformers 5 have no {@code tie_word_embeddings}
   * key (transformers 5 writes it); the gpt2 fixture's config.json without it still loads as tied,
   * with the reference logits.
   */
  @Test
  public void configWithoutTheKeyIsTied() throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("gpt2", folder, c -> c.remove("tie_word_embeddings"));
    FixtureCopies.weights("gpt2", folder);
    ModelConfig config = ModelConfig.read(folder);
    assertFalse(config.json().contains("tie_word_embeddings"));
    assertTrue(config.tiedEmbeddings());
    try (CausalLanguageModel model = CausalLanguageModel.load(folder, CPU)) {
      for (ReferenceCase c : ReferenceCase.read(ProjectFixtures.referenceModel("gpt2"))) {
        double error = c.logitError(model);
        assertTrue(c.name + ": logits differ by " + error, error <= 1e-4);
      }
    }
  }

  @Test
  public void tiedModelWithoutLmHeadProjectsOntoTheTokenEmbedding() throws Exception {
    Path gpt2 = ProjectFixtures.referenceModel("gpt2");
    Map<String, RawSafetensors.Tensor> tensors =
        RawSafetensors.read(gpt2.resolve(ModelWeights.SINGLE_FILE));
    assertFalse(tensors.containsKey("lm_head.weight"));
    float[] wte = tensors.get("transformer.wte.weight").values();
    ReferenceCase c = ReferenceCase.read(gpt2).get(0);
    try (CausalLanguageModel model = CausalLanguageModel.load(gpt2, CPU)) {
      HiddenStates states = model.forward(c.batch);
      float[][] logits = model.lastTokenLogits(c.batch);
      for (int b = 0; b < c.batch.size(); b++) {
        int[] real = c.batch.realPositions(b);
        float[] expected = project(states.vector(b, real[real.length - 1]), wte);
        double error = MaxAbsError.of(expected, logits[b]);
        assertTrue("row " + b + ": logits differ from h . wte^T by " + error, error <= 1e-4);
      }
    }
  }

  @Test
  public void explicitlyUntiedGpt2WithoutLmHeadLoadsAsABaseModel() throws Exception {
    assertUntiedCopyWithoutLmHeadIsABaseModel("gpt2");
  }

  @Test
  public void explicitlyUntiedLlamaWithoutLmHeadLoadsAsABaseModel() throws Exception {
    assertUntiedCopyWithoutLmHeadIsABaseModel("llama3_rope_tied");
  }

  /**
   * A copy of tied {@code fixture} whose config.json says untied loads: its hidden states are the
   * reference's, and asking for logits names the missing lm_head.weight.
   */
  private void assertUntiedCopyWithoutLmHeadIsABaseModel(String fixture) throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config(fixture, folder, c -> c.addProperty("tie_word_embeddings", false));
    FixtureCopies.weights(fixture, folder);
    try (CausalLanguageModel model = CausalLanguageModel.load(folder, CPU)) {
      List<ReferenceCase> cases = ReferenceCase.read(ProjectFixtures.referenceModel(fixture));
      for (ReferenceCase c : cases) {
        double error = c.hiddenError(model.forward(c.batch));
        assertTrue(c.name + ": hidden states differ by " + error, error <= 1e-4);
      }
      TokenBatch batch = cases.get(0).batch;
      UnsupportedOperationException e =
          assertThrows(UnsupportedOperationException.class, () -> model.lastTokenLogits(batch));
      assertTrue(
          e.getMessage(),
          e.getMessage().contains("no LM head") && e.getMessage().contains("'lm_head.weight'"));
    }
  }

  /**
   * A Qwen3-Embedding-shaped sentence-transformers folder: a base Qwen3Model saved without the
   * {@code model.} prefix and without a head, untied. It loads with every tensor (none missing,
   * none left over) and refuses logits.
   */
  @Test
  public void baseModelWithoutPrefixOrHeadLoadsEveryTensorAndRefusesLogits() throws Exception {
    Path folder = ProjectFixtures.sentenceTransformersModel("qwen3_lasttoken_eos");
    Map<String, RawSafetensors.Tensor> tensors =
        RawSafetensors.read(folder.resolve(ModelWeights.SINGLE_FILE));
    assertTrue(tensors.containsKey("embed_tokens.weight"));
    assertFalse(tensors.containsKey("lm_head.weight"));
    long elements = tensors.values().stream().mapToLong(t -> t.values().length).sum();
    try (CausalLanguageModel model = CausalLanguageModel.load(folder, CPU)) {
      assertFalse(model.config().tiedEmbeddings());
      assertEquals(elements * 4, model.weightBytes());
      TokenBatch batch = TokenBatch.rightPadded(List.of(new int[] {5, 6, 7}), 0);
      assertEquals(3, model.forward(batch).length());
      assertThrows(UnsupportedOperationException.class, () -> model.lastTokenLogits(batch));
    }
  }

  @Test
  public void untiedModelUsesItsOwnLmHead() throws Exception {
    Path llama = ProjectFixtures.referenceModel("llama");
    List<ReferenceCase> cases = ReferenceCase.read(llama);
    Map<String, RawSafetensors.Tensor> tensors =
        RawSafetensors.read(llama.resolve(ModelWeights.SINGLE_FILE));
    float[] head = tensors.get("lm_head.weight").values();
    float[] embedding = tensors.get("model.embed_tokens.weight").values();
    assertFalse(
        "the llama fixture's head differs from its embedding", Arrays.equals(head, embedding));
    try (CausalLanguageModel model = CausalLanguageModel.load(llama, CPU)) {
      ReferenceCase c = cases.get(0);
      HiddenStates states = model.forward(c.batch);
      int[] real = c.batch.realPositions(0);
      float[] expected = project(states.vector(0, real[real.length - 1]), head);
      double error = MaxAbsError.of(expected, model.lastTokenLogits(c.batch)[0]);
      assertTrue("logits differ from h . lm_head^T by " + error, error <= 1e-4);
    }
  }
}
