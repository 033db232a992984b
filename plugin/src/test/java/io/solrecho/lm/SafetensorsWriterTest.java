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
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Tensors whose values are produced while the file is written (how random benchmark models of
 * billions of parameters are built, on all cores) give the same file as the same values given as
 * arrays, and the writer asks for them in bounded chunks.
 */
public class SafetensorsWriterTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static float[] values(int count) {
    SplittableRandom random = new SplittableRandom(3);
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  private void assertStreamedEqualsArray(String dtype) throws Exception {
    float[] big = values(300 * 701);
    float[] small = values(5);
    Path fromArrays = temp.newFile(dtype + "-arrays.safetensors").toPath();
    new SafetensorsWriter()
        .add("big", new long[] {300, 701}, big, dtype)
        .add("small", new long[] {5}, small, dtype)
        .write(fromArrays);

    List<Integer> requests = Collections.synchronizedList(new ArrayList<>());
    Path streamed = temp.newFile(dtype + "-streamed.safetensors").toPath();
    new SafetensorsWriter()
        .add(
            "big",
            new long[] {300, 701},
            dtype,
            (offset, chunk, count) -> {
              requests.add(count);
              System.arraycopy(big, (int) offset, chunk, 0, count);
            })
        .add(
            "small",
            new long[] {5},
            dtype,
            (offset, chunk, count) -> System.arraycopy(small, (int) offset, chunk, 0, count))
        .write(streamed);

    assertArrayEquals(dtype, Files.readAllBytes(fromArrays), Files.readAllBytes(streamed));
    assertEquals(big.length, requests.stream().mapToInt(Integer::intValue).sum());
    assertTrue(requests.toString(), requests.size() > 1);
    assertTrue(requests.toString(), requests.stream().allMatch(n -> n <= 1 << 16));
    try (SafetensorsFile file = SafetensorsFile.open(streamed)) {
      assertEquals(dtype, file.tensors().get("big").type().name());
      assertEquals(
          300L * 701 * SafetensorsType.valueOf(dtype).bytes(), file.tensors().get("big").end());
    }
  }

  @Test
  public void streamedFloat32TensorsEqualArrays() throws Exception {
    assertStreamedEqualsArray("F32");
  }

  @Test
  public void streamedFloat16TensorsEqualArrays() throws Exception {
    assertStreamedEqualsArray("F16");
  }

  @Test
  public void streamedBfloat16TensorsEqualArrays() throws Exception {
    assertStreamedEqualsArray("BF16");
  }

  @Test
  public void anUnsupportedDtypeIsRefusedWithTheTensorName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SafetensorsWriter()
                    .add("w", new long[] {2}, "I8", (offset, chunk, count) -> {}));
    assertTrue(e.getMessage(), e.getMessage().contains("tensor 'w': unsupported dtype I8"));
  }
}
