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
package io.solrecho.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
 * The writer of the benchmarks' random models: tensors whose values are produced while the file is
 * written (on all cores, in bounded chunks) land in the safetensors layout with their values, F16
 * rounded to nearest even.
 */
public class SafetensorsWriterTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** A written file read back by this test alone: its header and its data section. */
  private record Written(JsonObject header, ByteBuffer data) {
    static Written read(Path file) throws Exception {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      int headerLength = Math.toIntExact(bytes.getLong(0));
      assertEquals("the header is padded to 8 bytes", 0, headerLength % 8);
      JsonObject header =
          JsonParser.parseString(new String(bytes.array(), 8, headerLength, StandardCharsets.UTF_8))
              .getAsJsonObject();
      return new Written(header, bytes.position(8 + headerLength).slice().order(bytes.order()));
    }

    float[] values(String name) {
      JsonObject entry = header.getAsJsonObject(name);
      int begin = entry.getAsJsonArray("data_offsets").get(0).getAsInt();
      int end = entry.getAsJsonArray("data_offsets").get(1).getAsInt();
      boolean half = entry.get("dtype").getAsString().equals("F16");
      float[] values = new float[(end - begin) / (half ? 2 : 4)];
      for (int i = 0; i < values.length; i++) {
        values[i] = half ? halfToFloat(data.getShort(begin + 2 * i)) : data.getFloat(begin + 4 * i);
      }
      return values;
    }
  }

  /** IEEE half-precision bits as a float, decoded by arithmetic rather than bit shuffling. */
  private static float halfToFloat(short bits) {
    int sign = (bits & 0x8000) != 0 ? -1 : 1;
    int exponent = (bits >> 10) & 0x1F;
    int mantissa = bits & 0x3FF;
    if (exponent == 0x1F) {
      return mantissa == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
    }
    return exponent == 0
        ? sign * Math.scalb((float) mantissa, -24)
        : sign * Math.scalb(1 + mantissa / 1024f, exponent - 15);
  }

  /** {@code v} rounded to half precision, to nearest even, in double: infinite beyond its range. */
  private static float roundedToHalf(float v) {
    double ulp = Math.scalb(1.0, Math.max(Math.getExponent(v), -14) - 10);
    double rounded = Math.rint(v / ulp) * ulp;
    return Math.abs(rounded) > 65504 ? Math.copySign(Float.POSITIVE_INFINITY, v) : (float) rounded;
  }

  private static float[] gaussians(int count, double scale) {
    SplittableRandom random = new SplittableRandom(3);
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) (random.nextGaussian() * scale);
    }
    return values;
  }

  private static SafetensorsWriter.TensorValues of(float[] values) {
    return (offset, chunk, count) -> System.arraycopy(values, (int) offset, chunk, 0, count);
  }

  @Test
  public void tensorsAreWrittenInOrderWithTheirShapesAndValuesInBoundedChunks() throws Exception {
    float[] big = gaussians(300 * 701, 1);
    float[] small = gaussians(5, 1);
    List<Integer> requests = Collections.synchronizedList(new ArrayList<>());
    Path file = temp.newFile("f32.safetensors").toPath();
    new SafetensorsWriter()
        .add(
            "big",
            new long[] {300, 701},
            "F32",
            (offset, chunk, count) -> {
              requests.add(count);
              of(big).fill(offset, chunk, count);
            })
        .add("small", new long[] {5}, "F32", of(small))
        .write(file);

    Written written = Written.read(file);
    assertEquals(List.of("big", "small"), List.copyOf(written.header().keySet()));
    assertEquals("[300,701]", written.header().getAsJsonObject("big").get("shape").toString());
    assertEquals(
        "[0," + 4 * big.length + "]",
        written.header().getAsJsonObject("big").get("data_offsets").toString());
    assertArrayEquals(big, written.values("big"), 0f);
    assertArrayEquals(small, written.values("small"), 0f);
    assertEquals(4L * (big.length + small.length), written.data().remaining());
    assertEquals(big.length, requests.stream().mapToInt(Integer::intValue).sum());
    assertTrue(requests.toString(), requests.size() > 1);
    assertTrue(requests.toString(), requests.stream().allMatch(n -> n <= 1 << 16));
  }

  @Test
  public void float16ValuesAreRoundedToNearestEven() throws Exception {
    float[] ties = {
      1 + 0x1p-11f, // halfway between 1 and the next half: to 1 (even)
      1 + 3 * 0x1p-11f, // halfway, to 1 + 2^-9 (even)
      0x1p-25f, // half the smallest subnormal: to 0
      3 * 0x1p-25f, // halfway between subnormals 1 and 2: to 2 (even)
      65519, // below the midpoint to 65536: the largest half, 65504
      65520, // the midpoint: to infinity (even)
      -70000,
      0,
      -0f
    };
    float[] values = new float[3 * 20_000 + ties.length];
    for (int scale = 0; scale < 3; scale++) {
      System.arraycopy(
          gaussians(20_000, new double[] {1e-6, 1, 1e4}[scale]), 0, values, scale * 20_000, 20_000);
    }
    System.arraycopy(ties, 0, values, 60_000, ties.length);
    Path file = temp.newFile("f16.safetensors").toPath();
    new SafetensorsWriter().add("w", new long[] {values.length}, "F16", of(values)).write(file);

    Written written = Written.read(file);
    assertEquals("F16", written.header().getAsJsonObject("w").get("dtype").getAsString());
    float[] read = written.values("w");
    for (int i = 0; i < values.length; i++) {
      assertEquals("value " + values[i], roundedToHalf(values[i]), read[i], 0f);
    }
    assertEquals(1f, read[60_000], 0f);
    assertEquals(65504f, read[60_004], 0f);
    assertEquals(Float.POSITIVE_INFINITY, read[60_005], 0f);
  }

  @Test
  public void anUnsupportedDtypeIsRefusedWithTheTensorName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SafetensorsWriter().add("w", new long[] {2}, "BF16", (offset, chunk, n) -> {}));
    assertEquals("tensor 'w': unsupported dtype BF16 (F32 or F16)", e.getMessage());
  }
}
