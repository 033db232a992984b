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

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * Biases and the parallel residual follow config.json's switches where transformers reads them
 * ({@code attention_bias}, {@code mlp_bias}, {@code use_parallel_residual}) and the family's fixed
 * choice elsewhere; a switch that promises a bias the checkpoint lacks is a clear error.
 */
public class ArchitectureSwitchesTest {
  private static final String SHAPE =
      "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
          + "\"intermediate_size\":128,\"vocab_size\":1000";

  private static ModelConfig config(String modelType, String switches) {
    return ModelConfig.parse("{\"model_type\":\"" + modelType + "\"," + SHAPE + switches + "}");
  }

  private static String biases(ModelConfig c) {
    return c.queryKeyValueBias() + "/" + c.outputBias() + "/" + c.mlpBias();
  }

  @Test
  public void llamaReadsAttentionAndMlpBias() {
    assertEquals("false/false/false", biases(config("llama", "")));
    assertEquals("true/true/false", biases(config("llama", ",\"attention_bias\":true")));
    assertEquals("false/false/true", biases(config("llama", ",\"mlp_bias\":true")));
  }

  @Test
  public void qwen2AlwaysBiasesQueriesKeysAndValuesOnly() {
    assertEquals("true/false/false", biases(config("qwen2", "")));
  }

  @Test
  public void familiesWithoutTheSwitchIgnoreIt() {
    assertEquals("false/false/false", biases(config("mistral", ",\"attention_bias\":true")));
    assertEquals("false/false/false", biases(config("phi3", ",\"mlp_bias\":true")));
    assertEquals(
        "true/true/true",
        biases(
            ModelConfig.parse(
                "{\"model_type\":\"gpt2\",\"n_embd\":64,\"n_layer\":2,\"n_head\":4,"
                    + "\"vocab_size\":1000,\"attention_bias\":false}")));
  }

  @Test
  public void gptNeoXBiasesByDefaultAndReadsItsSwitches() {
    ModelConfig plain = config("gpt_neox", "");
    assertEquals("true/true/true", biases(plain));
    assertTrue(plain.parallelResidual());
    ModelConfig switched =
        config("gpt_neox", ",\"attention_bias\":false,\"use_parallel_residual\":false");
    assertEquals("false/false/true", biases(switched));
    assertEquals(false, switched.parallelResidual());
    assertEquals(false, config("llama", ",\"use_parallel_residual\":true").parallelResidual());
  }

  @Test
  public void aPromisedBiasMissingFromTheCheckpointIsNamed() throws Exception {
    Path folder = Files.createTempDirectory("switches");
    FixtureCopies.config("llama", folder, c -> c.addProperty("attention_bias", true));
    Files.copy(FixtureCopies.originalWeights("llama"), folder.resolve("model.safetensors"));
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CausalLanguageModel.load(folder, LmOptions.of("cpu", "float32")).close());
    assertTrue(e.getMessage(), e.getMessage().contains("q_proj.bias"));
  }
}
