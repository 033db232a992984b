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
import static org.junit.Assume.assumeTrue;

import ai.djl.engine.EngineException;
import io.solrecho.SharedFixtures;
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
   * A real allocation failure: 256 sequences of 16384 tokens need a 275 GB attention mask, which
   * the CPU allocator refuses at once (nothing is touched; about 1.5 GB of heap and 2.5 GB of
   * native memory are used before that). It reaches the caller as DeviceOutOfMemoryException naming
   * the batch, with every array of the call freed, and the model keeps working. Runs only where the
   * kernel refuses such a request up front (Linux overcommit mode 0 or 2, under 200 GB of memory
   * and swap); with overcommit mode 1 the mask would really be written.
   */
  @Test
  public void aRealAllocationFailureBecomesDeviceOutOfMemoryAndFreesTheCall() throws Exception {
    Path overcommit = Paths.get("/proc/sys/vm/overcommit_memory");
    assumeTrue(
        "skipped: needs Linux overcommit mode 0 or 2",
        Files.isReadable(overcommit) && !Files.readString(overcommit).trim().equals("1"));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long memory = os.getTotalMemorySize() + os.getTotalSwapSpaceSize();
    assumeTrue(
        "skipped: " + (memory >> 30) + " GB of memory and swap could hold the 275 GB mask's pages",
        memory < (200L << 30));
    try (CausalLanguageModel model =
        CausalLanguageModel.load(
            SharedFixtures.referenceModel("llama"), LmOptions.of("cpu", "float32"))) {
      int weights = model.managedArrayCount();
      int[][] ids = new int[256][16384];
      DeviceOutOfMemoryException e =
          assertThrows(
              DeviceOutOfMemoryException.class,
              () -> model.forward(TokenBatch.rightPadded(Arrays.asList(ids), 0)));
      assertTrue(
          e.getMessage(),
          e.getMessage()
                  .startsWith(
                      "cpu() ran out of memory running 256 sequence(s) of 16384"
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
