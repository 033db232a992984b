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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * F16 and BF16 weights on disk: they are widened to float32 exactly (a model stored as F16/BF16
 * computes exactly what the same rounded values stored as F32 compute), and the rounding itself
 * only moves the outputs of the float32 llama fixture by a bounded amount.
 */
public class WeightDtypesTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final LmOptions CPU = LmOptions.of("cpu", "float32");

  /**
   * Observed against llama's float32 reference.json (all three cases): F16 weights give 1.1e-2 on
   * hidden states and 6.0e-3 on logits. Half precision keeps 11 significant bits (relative rounding
   * up to 2^-11 = 4.9e-4 per weight), which three layers and the final norm amplify to about 1e-2
   * on outputs of order 1-4. 2e-2 leaves about 2x headroom and still fails for a wrong decode
   * (errors of order 1).
   */
  private static final double F16_TOLERANCE = 2e-2;

  /**
   * Observed: BF16 weights give 6.5e-2 on hidden states and 6.1e-2 on logits (the llama_bf16
   * fixture holds the same values). bfloat16 keeps 8 significant bits (relative rounding up to 2^-8
   * = 3.9e-3), eight times coarser than F16, and the observed error is about six times the F16 one;
   * 0.15 leaves 2.3x headroom.
   */
  private static final double BF16_TOLERANCE = 0.15;

  private static List<ReferenceCase> cases;
  private static Map<String, RawSafetensors.Tensor> llama;

  @BeforeClass
  public static void readLlama() throws IOException {
    cases = ReferenceCase.read(ProjectFixtures.referenceModel("llama"));
    llama = RawSafetensors.read(FixtureCopies.originalWeights("llama"));
  }

  private static Collection<RawSafetensors.Tensor> llamaTensors() {
    return llama.values();
  }

  /** A llama folder whose weights are {@code tensors} written as {@code dtype}. */
  private Path llamaWith(Collection<RawSafetensors.Tensor> tensors, String dtype)
      throws IOException {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    RawSafetensors.write(tensors, dtype, folder.resolve(ModelWeights.SINGLE_FILE));
    return folder;
  }

  private static void assertSameOutputs(Path expectedFolder, Path actualFolder) throws IOException {
    try (CausalLanguageModel expected = CausalLanguageModel.load(expectedFolder, CPU);
        CausalLanguageModel actual = CausalLanguageModel.load(actualFolder, CPU)) {
      for (ReferenceCase c : cases) {
        assertEquals(
            c.name,
            0.0,
            StateDifference.everywhere(expected.forward(c.batch), actual.forward(c.batch)),
            0.0);
      }
    }
  }

  /**
   * Largest error of hidden states and logits against llama's float32 reference, over all cases.
   */
  private static ReferenceCase.Errors errorAgainstFloat32Reference(Path folder, String label)
      throws IOException {
    ReferenceCase.Errors errors;
    try (CausalLanguageModel model = CausalLanguageModel.load(folder, CPU)) {
      errors = ReferenceCase.largestErrors(model, cases);
    }
    System.out.printf(
        Locale.ROOT,
        "dtype %s vs float32 reference: hidden max abs %.2e, logits max abs %.2e%n",
        label,
        errors.hidden(),
        errors.logits());
    return errors;
  }

  private void assertExactWidening(String dtype, UnaryOperator<Float> rounding) throws IOException {
    Collection<RawSafetensors.Tensor> tensors = llamaTensors();
    List<RawSafetensors.Tensor> rounded = RawSafetensors.map(tensors, rounding);
    int changed = 0;
    for (RawSafetensors.Tensor t : rounded) {
      float[] original = llama.get(t.name()).values();
      for (int i = 0; i < original.length; i++) {
        changed += original[i] != t.values()[i] ? 1 : 0;
      }
    }
    assertTrue(
        "rounding to " + dtype + " must change the fixture's float32 weights", changed > 1000);
    assertSameOutputs(llamaWith(rounded, "F32"), llamaWith(tensors, dtype));
  }

  @Test
  public void f16WeightsLoadAsExactlyTheirRoundedFloat32Values() throws Exception {
    assertExactWidening("F16", RawSafetensors::roundToF16);
  }

  @Test
  public void bf16WeightsLoadAsExactlyTheirRoundedFloat32Values() throws Exception {
    assertExactWidening("BF16", RawSafetensors::roundToBf16);
  }

  @Test
  public void bf16FixtureLoadsAsExactlyItsWidenedValues() throws Exception {
    Map<String, RawSafetensors.Tensor> bf16 =
        RawSafetensors.read(FixtureCopies.originalWeights("llama_bf16"));
    Path widened = temp.newFolder().toPath();
    FixtureCopies.config("llama_bf16", widened);
    RawSafetensors.write(bf16.values(), "F32", widened.resolve(ModelWeights.SINGLE_FILE));
    assertSameOutputs(widened, ProjectFixtures.referenceModel("llama_bf16"));
  }

  @Test
  public void bf16WriterRoundsLikeTorch() throws Exception {
    Map<String, RawSafetensors.Tensor> torchCast =
        RawSafetensors.read(FixtureCopies.originalWeights("llama_bf16"));
    Path written = temp.newFolder().toPath().resolve(ModelWeights.SINGLE_FILE);
    RawSafetensors.write(llamaTensors(), "BF16", written);
    Map<String, RawSafetensors.Tensor> ours = RawSafetensors.read(written);
    assertEquals(torchCast.keySet(), ours.keySet());
    for (RawSafetensors.Tensor t : ours.values()) {
      assertEquals("BF16", t.dtype());
      assertArrayEquals(t.name(), torchCast.get(t.name()).values(), t.values(), 0f);
    }
  }

  @Test
  public void f16WeightsStayCloseToTheFloat32Reference() throws Exception {
    ReferenceCase.Errors error =
        errorAgainstFloat32Reference(llamaWith(llamaTensors(), "F16"), "F16");
    assertTrue("F16 hidden states differ by " + error.hidden(), error.hidden() <= F16_TOLERANCE);
    assertTrue("F16 logits differ by " + error.logits(), error.logits() <= F16_TOLERANCE);
  }

  @Test
  public void bf16WeightsStayCloseToTheFloat32Reference() throws Exception {
    ReferenceCase.Errors error =
        errorAgainstFloat32Reference(llamaWith(llamaTensors(), "BF16"), "BF16");
    assertTrue("BF16 hidden states differ by " + error.hidden(), error.hidden() <= BF16_TOLERANCE);
    assertTrue("BF16 logits differ by " + error.logits(), error.logits() <= BF16_TOLERANCE);
  }
}
