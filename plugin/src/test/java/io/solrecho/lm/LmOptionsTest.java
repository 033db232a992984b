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

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.solrecho.ProjectFixtures;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.Test;

/**
 * {@link LmOptions} accepts the documented device and dtype spellings and names the parameter
 * ({@code device} or {@code dtype}) when a value is wrong, including a GPU the engine does not see.
 */
public class LmOptionsTest {

  private static void assertMentions(Throwable e, String... parts) {
    for (String part : parts) {
      assertTrue(
          "message should mention '" + part + "': " + e.getMessage(),
          e.getMessage().contains(part));
    }
  }

  @Test
  public void unknownDeviceNamesTheDeviceParameter() {
    for (String device :
        new String[] {"tpu", "cuda:", "cuda:-1", "cuda:x", "gpu0", "cuda:99999999999", ""}) {
      IllegalArgumentException e =
          assertThrows(device, IllegalArgumentException.class, () -> LmOptions.of(device, "auto"));
      assertMentions(e, "device", "'" + device + "'");
    }
  }

  @Test
  public void unknownDtypeNamesTheDtypeParameter() {
    for (String dtype : new String[] {"int8", "bfloat16", "fp32", ""}) {
      IllegalArgumentException e =
          assertThrows(dtype, IllegalArgumentException.class, () -> LmOptions.of("cpu", dtype));
      assertMentions(e, "dtype", "'" + dtype + "'");
    }
  }

  @Test
  public void validSpellingsBecomeTypedValues() {
    LmOptions options = LmOptions.of(" CUDA:1 ", "Float16");
    assertEquals(Optional.of(Device.gpu(1)), options.device());
    assertEquals(Optional.of(DataType.FLOAT16), options.dtype());
    assertEquals("device=cuda:1, dtype=float16", options.toString());
    assertEquals(Optional.of(Device.gpu(0)), LmOptions.of("cuda", "auto").device());
    assertEquals(Optional.of(Device.gpu(2)), LmOptions.of("gpu:2", "auto").device());
    assertEquals(Optional.of(Device.cpu()), LmOptions.of("cpu", "auto").device());
    assertEquals(Optional.of(DataType.FLOAT32), LmOptions.of("cpu", "float32").dtype());
    assertEquals(Optional.empty(), LmOptions.of(null, null).device());
    assertEquals(Optional.empty(), LmOptions.of(null, null).dtype());
  }

  /**
   * On a machine without GPUs this is {@code cuda:0}; elsewhere, the first index past the last GPU.
   */
  @Test
  public void gpuTheEngineDoesNotSeeIsReportedAsADeviceError() {
    int gpus = PyTorchEngine.get().getGpuCount();
    Path folder = ProjectFixtures.referenceModel("llama");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CausalLanguageModel.load(folder, LmOptions.of("cuda:" + gpus, "auto")).close());
    assertMentions(e, "device", "cuda:" + gpus, gpus + " GPU(s)", "device=cpu");
  }

  /**
   * The message names the build of libtorch the engine runs ("a CPU-only build" or "a CUDA build")
   * and says how to give DJL a CUDA one.
   */
  @Test
  public void cudaBeyondTheEngineGpusNamesTheBuild() {
    boolean cpuOnly = !PyTorchEngine.get().hasCapability("CUDA");
    int gpus = PyTorchEngine.get().getGpuCount();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CausalLanguageModel.load(
                        ProjectFixtures.referenceModel("llama"),
                        LmOptions.of("cuda:" + gpus, "float16"))
                    .close());
    assertMentions(
        e,
        "device: cuda:" + gpus,
        gpus + " GPU(s)",
        cpuOnly ? "a CPU-only build" : "a CUDA build",
        "device=cpu",
        "PYTORCH_LIBRARY_PATH");
  }

  @Test
  public void autoPicksTheFirstGpuOrElseTheCpu() throws Exception {
    boolean gpu = PyTorchEngine.get().getGpuCount() > 0;
    try (CausalLanguageModel model =
        CausalLanguageModel.load(ProjectFixtures.referenceModel("gpt2"), LmOptions.defaults())) {
      assertEquals(gpu ? "gpu(0)" : "cpu()", model.device());
      assertEquals(gpu ? "float16" : "float32", model.dtype());
    }
  }

  @Test
  public void float16IsHonouredOnTheCpu() throws Exception {
    try (CausalLanguageModel model =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("gpt2"), LmOptions.of("cpu", "float16"))) {
      assertEquals("cpu()", model.device());
      assertEquals("float16", model.dtype());
    }
  }

  @Test
  public void cpuDeviceAndAutoDtypeComputeInFloat32() throws Exception {
    try (CausalLanguageModel model =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("gpt2"), LmOptions.of("cpu", "auto"))) {
      assertEquals("cpu()", model.device());
      assertEquals("float32", model.dtype());
    }
  }
}
