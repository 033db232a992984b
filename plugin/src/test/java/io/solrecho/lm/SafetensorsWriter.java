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

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes tensors given as floats into a {@code .safetensors} file in F32, F16 or BF16, to produce
 * test variants (shards, other dtypes) of fixture models. The runtime never writes weights, and DJL
 * cannot hold BF16 arrays, hence this small writer in the tests.
 */
final class SafetensorsWriter {
  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, float[]> values = new LinkedHashMap<>();
  private final Map<String, String> types = new LinkedHashMap<>();

  /** Adds a float32 tensor. */
  SafetensorsWriter add(String name, long[] shape, float[] data) {
    return add(name, shape, data, "F32");
  }

  /**
   * Adds a tensor stored as {@code dtype} ({@code F32}, {@code F16} or {@code BF16}); F16 and BF16
   * values are rounded to nearest even from the given floats.
   */
  SafetensorsWriter add(String name, long[] shape, float[] data, String dtype) {
    long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (count != data.length) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "': shape "
              + Arrays.toString(shape)
              + " needs "
              + count
              + " values, got "
              + data.length);
    }
    if (SafetensorsType.fromHeader(dtype) == null) {
      throw new IllegalArgumentException("tensor '" + name + "': unsupported dtype " + dtype);
    }
    shapes.put(name, shape.clone());
    values.put(name, data);
    types.put(name, dtype);
    return this;
  }

  /** Writes all tensors added so far to {@code file}. */
  void write(Path file) throws IOException {
    JsonObject header = new JsonObject();
    long offset = 0;
    for (String name : shapes.keySet()) {
      long bytes =
          (long) values.get(name).length * SafetensorsType.valueOf(types.get(name)).bytes();
      JsonObject entry = new JsonObject();
      entry.addProperty("dtype", types.get(name));
      JsonArray shape = new JsonArray();
      Arrays.stream(shapes.get(name)).forEach(shape::add);
      entry.add("shape", shape);
      JsonArray offsets = new JsonArray();
      offsets.add(offset);
      offsets.add(offset + bytes);
      entry.add("data_offsets", offsets);
      header.add(name, entry);
      offset += bytes;
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    try (OutputStream out =
        new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(length.array());
      out.write(json);
      for (int i = json.length; i < padded; i++) {
        out.write(' ');
      }
      for (String name : shapes.keySet()) {
        writeValues(out, values.get(name), types.get(name));
      }
    }
  }

  private static void writeValues(OutputStream out, float[] data, String dtype) throws IOException {
    int width = SafetensorsType.valueOf(dtype).bytes();
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : data) {
      if (chunk.remaining() < width) {
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      switch (dtype) {
        case "F16":
          chunk.putShort(toF16(v));
          break;
        case "BF16":
          chunk.putShort(toBf16(v));
          break;
        default:
          chunk.putFloat(v);
      }
    }
    out.write(chunk.array(), 0, chunk.position());
  }

  /** IEEE half precision, round to nearest even (Float.floatToFloat16 needs Java 20). */
  static short toF16(float v) {
    int bits = Float.floatToRawIntBits(v);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = ((bits >>> 23) & 0xFF) - 127 + 15;
    int mantissa = bits & 0x7FFFFF;
    if (((bits >>> 23) & 0xFF) == 0xFF) {
      return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0));
    }
    if (exponent >= 0x1F) {
      return (short) (sign | 0x7C00);
    }
    if (exponent <= 0) {
      if (exponent < -10) {
        return (short) sign;
      }
      mantissa |= 0x800000;
      int shift = 14 - exponent;
      int half = mantissa >> shift;
      int remainder = mantissa & ((1 << shift) - 1);
      int midpoint = 1 << (shift - 1);
      if (remainder > midpoint || (remainder == midpoint && (half & 1) != 0)) {
        half++;
      }
      return (short) (sign | half);
    }
    int half = (exponent << 10) | (mantissa >> 13);
    int remainder = mantissa & 0x1FFF;
    if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
      half++;
    }
    return (short) (sign | half);
  }

  private static short toBf16(float v) {
    int bits = Float.floatToRawIntBits(v);
    int rounding = 0x7FFF + ((bits >> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }
}
