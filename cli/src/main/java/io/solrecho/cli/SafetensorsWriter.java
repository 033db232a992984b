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

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes tensors as a {@code .safetensors} file, in F32 or F16, for the benchmarks' random models
 * ({@link RandomModel}). Each tensor's values are produced chunk by chunk while the file is written
 * ({@link TensorValues}), so that a model of billions of parameters never sits in memory; chunks
 * are produced and encoded on all cores, and written in order.
 */
final class SafetensorsWriter {
  private static final int CHUNK_VALUES = 1 << 16;

  /** Produces a tensor's values by position, one chunk at a time, while the file is written. */
  @FunctionalInterface
  interface TensorValues {
    /**
     * Fills {@code chunk[0..count)} with the tensor's values at {@code offset..offset+count-1} (in
     * row-major order). Called from several threads at once, for different offsets.
     */
    void fill(long offset, float[] chunk, int count);
  }

  /** The element types written, by their name in the header. */
  private enum Dtype {
    F32,
    F16;

    int bytes() {
      return this == F32 ? Float.BYTES : Short.BYTES;
    }
  }

  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, TensorValues> values = new LinkedHashMap<>();
  private final Map<String, Dtype> types = new LinkedHashMap<>();

  /**
   * Adds a tensor stored as {@code dtype} ({@code F32} or {@code F16}) whose {@code shape}'s
   * element count of values {@code source} produces when the file is written; F16 values are
   * rounded to nearest even.
   *
   * @throws IllegalArgumentException naming the tensor for another dtype
   */
  SafetensorsWriter add(String name, long[] shape, String dtype, TensorValues source) {
    Dtype type;
    try {
      type = Dtype.valueOf(dtype);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': unsupported dtype " + dtype + " (F32 or F16)", e);
    }
    elementCount(shape);
    shapes.put(name, shape.clone());
    values.put(name, source);
    types.put(name, type);
    return this;
  }

  private static long elementCount(long[] shape) {
    return Arrays.stream(shape).reduce(1, Math::multiplyExact);
  }

  /** Writes all tensors added so far to {@code file}. */
  void write(Path file) throws IOException {
    JsonObject header = new JsonObject();
    long offset = 0;
    for (String name : shapes.keySet()) {
      long bytes = elementCount(shapes.get(name)) * types.get(name).bytes();
      JsonObject entry = new JsonObject();
      entry.addProperty("dtype", types.get(name).name());
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
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer start = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
      start.putLong(padded).put(json);
      while (start.hasRemaining()) {
        start.put((byte) ' ');
      }
      writeFully(out, start.flip());
      ChunkEncoder[] encoders = new ChunkEncoder[Runtime.getRuntime().availableProcessors()];
      Arrays.setAll(encoders, i -> new ChunkEncoder());
      for (String name : shapes.keySet()) {
        writeValues(
            out, elementCount(shapes.get(name)), values.get(name), types.get(name), encoders);
      }
    }
  }

  /**
   * Encodes one tensor's chunks, one per encoder at a time in parallel, and writes them in order.
   */
  private static void writeValues(
      FileChannel out, long count, TensorValues source, Dtype type, ChunkEncoder[] encoders)
      throws IOException {
    for (long done = 0; done < count; ) {
      long first = done;
      int used = (int) Math.min(encoders.length, (count - first + CHUNK_VALUES - 1) / CHUNK_VALUES);
      IntStream.range(0, used)
          .parallel()
          .forEach(
              i -> {
                long offset = first + (long) i * CHUNK_VALUES;
                encoders[i].encode(
                    source, type, offset, (int) Math.min(CHUNK_VALUES, count - offset));
              });
      for (int i = 0; i < used; i++) {
        writeFully(out, encoders[i].bytes.flip());
      }
      done = Math.min(count, first + (long) used * CHUNK_VALUES);
    }
  }

  /** The buffers for producing and encoding one chunk. */
  private static final class ChunkEncoder {
    private final float[] floats = new float[CHUNK_VALUES];
    private final ByteBuffer bytes =
        ByteBuffer.allocateDirect(CHUNK_VALUES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);

    void encode(TensorValues source, Dtype type, long offset, int count) {
      source.fill(offset, floats, count);
      bytes.clear();
      for (int i = 0; i < count; i++) {
        if (type == Dtype.F16) {
          bytes.putShort(toF16(floats[i]));
        } else {
          bytes.putFloat(floats[i]);
        }
      }
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  /** IEEE half precision, round to nearest even (Float.floatToFloat16 needs Java 20). */
  private static short toF16(float v) {
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
}
