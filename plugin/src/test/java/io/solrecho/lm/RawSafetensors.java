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
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tensors of a fixture's {@code .safetensors} file read and written by test code alone (Gson
 * header plus raw little-endian values), independently of {@link SafetensorsFile}, so tests can
 * rewrite fixtures (shards, other dtypes, dropped tensors) into a temporary folder.
 */
final class RawSafetensors {
  /** One tensor as float32 values (BF16 widened), in header order. */
  record Tensor(String name, String dtype, long[] shape, float[] values) {
    Tensor withValues(float[] replaced) {
      return new Tensor(name, dtype, shape, replaced);
    }
  }

  private RawSafetensors() {}

  /** All tensors of {@code file}, keyed by name in header order; only F32 and BF16 are decoded. */
  static Map<String, Tensor> read(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = Math.toIntExact(bytes.getLong(0));
    JsonObject header =
        JsonParser.parseString(new String(bytes.array(), 8, headerLength, StandardCharsets.UTF_8))
            .getAsJsonObject();
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
      if (entry.getKey().equals("__metadata__")) {
        continue;
      }
      JsonObject info = entry.getValue().getAsJsonObject();
      String dtype = info.get("dtype").getAsString();
      JsonArray shapeJson = info.getAsJsonArray("shape");
      long[] shape = new long[shapeJson.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeJson.get(i).getAsLong();
      }
      int begin = 8 + headerLength + info.getAsJsonArray("data_offsets").get(0).getAsInt();
      int end = 8 + headerLength + info.getAsJsonArray("data_offsets").get(1).getAsInt();
      float[] values;
      if (dtype.equals("F32")) {
        values = new float[(end - begin) / 4];
        for (int i = 0; i < values.length; i++) {
          values[i] = bytes.getFloat(begin + 4 * i);
        }
      } else if (dtype.equals("BF16")) {
        values = new float[(end - begin) / 2];
        for (int i = 0; i < values.length; i++) {
          values[i] = Float.intBitsToFloat((bytes.getShort(begin + 2 * i) & 0xFFFF) << 16);
        }
      } else {
        throw new IOException("test reader: unsupported dtype " + dtype + " of " + entry.getKey());
      }
      tensors.put(entry.getKey(), new Tensor(entry.getKey(), dtype, shape, values));
    }
    return tensors;
  }

  /**
   * Writes {@code tensors} to {@code file} as {@code dtype} ({@code F32}, {@code F16} or {@code
   * BF16}, values rounded to nearest even by {@link #round}), in header order.
   */
  static void write(Collection<Tensor> tensors, String dtype, Path file) throws IOException {
    int width = dtype.equals("F32") ? 4 : 2;
    JsonObject header = new JsonObject();
    long offset = 0;
    for (Tensor t : tensors) {
      JsonObject entry = new JsonObject();
      entry.addProperty("dtype", dtype);
      JsonArray shape = new JsonArray();
      Arrays.stream(t.shape()).forEach(shape::add);
      entry.add("shape", shape);
      JsonArray offsets = new JsonArray();
      offsets.add(offset);
      offsets.add(offset + (long) width * t.values().length);
      entry.add("data_offsets", offsets);
      header.add(t.name(), entry);
      offset += (long) width * t.values().length;
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer bytes =
        ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(padded).put(json);
    while (bytes.position() < 8 + padded) {
      bytes.put((byte) ' ');
    }
    for (Tensor t : tensors) {
      for (float v : t.values()) {
        switch (dtype) {
          case "F32":
            bytes.putFloat(v);
            break;
          case "F16":
            bytes.putShort(halfBits(roundToF16(v)));
            break;
          case "BF16":
            bytes.putShort((short) (Float.floatToRawIntBits(roundToBf16(v)) >>> 16));
            break;
          default:
            throw new IllegalArgumentException("test writer: unsupported dtype " + dtype);
        }
      }
    }
    Files.write(file, bytes.array());
  }

  /** The IEEE half-precision bits of {@code v}, a value half precision holds exactly. */
  private static short halfBits(float v) {
    int sign = Float.floatToRawIntBits(v) >>> 31 << 15;
    float magnitude = Math.abs(v);
    if (magnitude > 65504) {
      throw new IllegalArgumentException("test writer: " + v + " is beyond half precision");
    }
    if (magnitude < 0x1p-14f) {
      return (short) (sign | (int) (magnitude * 0x1p24f));
    }
    int exponent = Math.getExponent(magnitude);
    int mantissa = (int) ((Math.scalb(magnitude, -exponent) - 1) * 1024);
    return (short) (sign | (exponent + 15) << 10 | mantissa);
  }

  /** Every tensor with {@code f} applied to a copy of its values. */
  static List<Tensor> map(Collection<Tensor> tensors, UnaryOperator<Float> f) {
    List<Tensor> out = new ArrayList<>();
    for (Tensor t : tensors) {
      float[] values = t.values().clone();
      for (int i = 0; i < values.length; i++) {
        values[i] = f.apply(values[i]);
      }
      out.add(t.withValues(values));
    }
    return out;
  }

  /**
   * {@code v} rounded to nearest-even with {@code mantissaBits} explicit mantissa bits and the
   * given smallest normal exponent: 10 / -14 gives IEEE half (F16), 7 / -126 gives bfloat16. Done
   * in double with {@link Math#rint} (half-even).
   */
  static float round(float v, int mantissaBits, int minExponent) {
    if (v == 0 || !Float.isFinite(v)) {
      return v;
    }
    double ulp = Math.scalb(1.0, Math.max(Math.getExponent(v), minExponent) - mantissaBits);
    return (float) (Math.rint(v / ulp) * ulp);
  }

  static float roundToF16(float v) {
    return round(v, 10, -14);
  }

  static float roundToBf16(float v) {
    return round(v, 7, -126);
  }
}
