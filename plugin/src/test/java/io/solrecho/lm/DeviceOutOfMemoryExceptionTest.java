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

import ai.djl.engine.EngineException;
import com.sun.management.OperatingSystemMXBean;
import io.solrecho.ProjectFixtures;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/**
 * Out-of-memory errors are recognised by the engine's messages (PyTorch reaches Java as an {@link
 * EngineException} whatever went wrong); other engine errors are not mistaken for them.
 */
public class DeviceOutOfMemoryExceptionTest {

  @Test
  public void pytorchOutOfMemoryMessagesAreRecognised() {
    for (String message :
        new String[] {
          "CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.11 GiB of which 1.02 GiB is free.",
          "CUDA error: out of memory\nCUDA kernel errors might be asynchronously reported",
          "CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`",
          "[enforce fail at alloc_cpu.cpp:119] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to"
              + " allocate 4398046511104 bytes. Error code 12 (Cannot allocate memory)",
          "DefaultCPUAllocator: not enough memory: you tried to allocate 1099511627776 bytes."
        }) {
      assertTrue(message, DeviceOutOfMemoryException.isOutOfMemory(new EngineException(message)));
    }
  }

  /**
   * A real allocation failure: sequences of 16384 tokens need a 1 GiB attention mask each, and the
   * test asks for four times the machine's memory and swap (at least 256 sequences, 275 GB), which
   * the CPU allocator refuses at once, before anything is written. It reaches the caller as
   * DeviceOutOfMemoryException naming the batch, with every array of the call freed, and the model
   * keeps working. Linux refuses such a request up front in its default overcommit mode 0 and in
   * mode 2; mode 1 would grant it and the mask would really be written, so the test fails there
   * instead of trying.
   */
  @Test
  public void aRealAllocationFailureBecomesDeviceOutOfMemoryAndFreesTheCall() throws Exception {
    Path overcommit = Paths.get("/proc/sys/vm/overcommit_memory");
    String mode = Files.isReadable(overcommit) ? Files.readString(overcommit).trim() : "unknown";
    assertTrue(
        "this test needs Linux overcommit mode 0 or 2 (/proc/sys/vm/overcommit_memory is "
            + mode
            + ")",
        mode.equals("0") || mode.equals("2"));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long gib = (os.getTotalMemorySize() + os.getTotalSwapSpaceSize()) >> 30;
    int sequences = (int) Math.min(4096, Math.max(256, 4 * gib));
    try (CausalLanguageModel model =
        CausalLanguageModel.load(
            ProjectFixtures.referenceModel("llama"), LmOptions.of("cpu", "float32"))) {
      int weights = model.managedArrayCount();
      int[][] ids = new int[sequences][16384];
      DeviceOutOfMemoryException e =
          assertThrows(
              DeviceOutOfMemoryException.class,
              () -> model.forward(TokenBatch.rightPadded(Arrays.asList(ids), 0)));
      assertTrue(
          e.getMessage(),
          e.getMessage()
                  .startsWith(
                      "cpu() ran out of memory running "
                          + sequences
                          + " sequence(s) of 16384"
                          + " tokens in float32 (")
              && e.getCause() instanceof EngineException);
      assertEquals(weights, model.managedArrayCount());
      assertEquals(
          3, model.forward(TokenBatch.rightPadded(List.of(new int[] {5, 6, 7}), 0)).length());
    }
  }

  @Test
  public void aWrappedEngineErrorIsFoundThroughItsCauses() {
    RuntimeException wrapped =
        new IllegalStateException(
            "forward failed",
            new EngineException("CUDA out of memory. Tried to allocate 20.00 MiB"));
    assertTrue(DeviceOutOfMemoryException.isOutOfMemory(wrapped));
  }

  @Test
  public void otherEngineErrorsAreNotOutOfMemory() {
    for (String message :
        new String[] {
          "CUDA error: an illegal memory access was encountered",
          "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
          "mat1 and mat2 shapes cannot be multiplied (4x64 and 32x64)"
        }) {
      assertFalse(message, DeviceOutOfMemoryException.isOutOfMemory(new EngineException(message)));
    }
  }

  @Test
  public void onlyEngineErrorsAreInspected() {
    assertFalse(
        DeviceOutOfMemoryException.isOutOfMemory(
            new IllegalArgumentException("text: out of memory")));
    assertFalse(DeviceOutOfMemoryException.isOutOfMemory(new RuntimeException((String) null)));
  }

  @Test
  public void theFirstLineDropsPytorchsStackTrace() {
    assertEquals(
        "CUDA out of memory. Tried to allocate 2.00 GiB.",
        DeviceOutOfMemoryException.firstLine(
            new EngineException(
                "CUDA out of memory. Tried to allocate 2.00 GiB.\nException raised from malloc at ...")));
  }
}
