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
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code .safetensors} file: its parsed header and memory-mapped access to each tensor's bytes.
 *
 * <p>The format is an 8-byte little-endian header length, a JSON header mapping tensor names to
 * {@code dtype}, {@code shape} and {@code data_offsets}, then the raw little-endian tensor data.
 * Opening validates the whole layout up front, so a Git LFS pointer, a truncated download or a file
 * of another format fails with a message naming the file instead of a native crash later.
 */
final class SafetensorsFile implements Closeable {
  private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
  private static final String LFS_POINTER_PREFIX = "version https://git-lfs";

  private final Path path;
  private final FileChannel channel;
  private final long dataStart;
  private final Map<String, TensorInfo> tensors;

  private SafetensorsFile(
      Path path, FileChannel channel, long dataStart, Map<String, TensorInfo> tensors) {
    this.path = path;
    this.channel = channel;
    this.dataStart = dataStart;
    this.tensors = tensors;
  }

  /** Opens and validates {@code path}. */
  static SafetensorsFile open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long size = channel.size();
      ByteBuffer prefix =
          ByteBuffer.allocate((int) Math.min(size, 64)).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(prefix, 0);
      String start = new String(prefix.array(), 0, prefix.position(), StandardCharsets.US_ASCII);
      if (start.startsWith(LFS_POINTER_PREFIX)) {
        throw new IOException(
            path
                + " is a Git LFS pointer file ("
                + size
                + " bytes), not the weights: "
                + "run 'git lfs pull' in the model folder or download the model with the Hugging Face CLI");
      }
      if (size < 8) {
        throw new IOException(
            path + " is not a safetensors file: only " + size + " bytes (truncated download?)");
      }
      long headerLength = prefix.getLong(0);
      if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) {
        throw new IOException(
            path
                + " is not a valid safetensors file: header length "
                + headerLength
                + " does not fit in a file of "
                + size
                + " bytes (truncated or not safetensors)");
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLength);
      channel.read(header, 8);
      long dataStart = 8 + headerLength;
      Map<String, TensorInfo> tensors =
          parseHeader(path, new String(header.array(), StandardCharsets.UTF_8));
      long dataEnd = tensors.values().stream().mapToLong(TensorInfo::end).max().orElse(0);
      if (dataStart + dataEnd > size) {
        throw new IOException(
            path
                + " is truncated: its header describes "
                + dataEnd
                + " bytes of tensor data but only "
                + (size - dataStart)
                + " are present; download the file again");
      }
      return new SafetensorsFile(path, channel, dataStart, tensors);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static Map<String, TensorInfo> parseHeader(Path path, String json) throws IOException {
    JsonObject header;
    try {
      header = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(
          path + " is not a valid safetensors file: its header is not a JSON object", e);
    }
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
      if (entry.getKey().equals("__metadata__")) {
        continue;
      }
      tensors.put(entry.getKey(), parseEntry(path, entry.getKey(), entry.getValue()));
    }
    return Collections.unmodifiableMap(tensors);
  }

  private static TensorInfo parseEntry(Path path, String name, JsonElement element)
      throws IOException {
    String dtype;
    long[] shape;
    long begin;
    long end;
    try {
      JsonObject entry = element.getAsJsonObject();
      dtype = entry.get("dtype").getAsString();
      JsonArray dims = entry.getAsJsonArray("shape");
      shape = new long[dims.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = dims.get(i).getAsLong();
      }
      JsonArray offsets = entry.getAsJsonArray("data_offsets");
      if (offsets.size() != 2) {
        throw new IllegalStateException("data_offsets needs two values");
      }
      begin = offsets.get(0).getAsLong();
      end = offsets.get(1).getAsLong();
    } catch (RuntimeException e) {
      // Gson reports absent keys as null (NPE) and wrong JSON kinds as
      // IllegalState/ClassCast/NumberFormat.
      throw new IOException(
          "tensor '"
              + name
              + "' in "
              + path
              + " has a malformed header entry "
              + element
              + "; expected {\"dtype\": ..., \"shape\": [...], \"data_offsets\": [begin, end]} (corrupt or not"
              + " a safetensors file)",
          e);
    }
    SafetensorsType type = SafetensorsType.fromHeader(dtype);
    if (type == null) {
      throw new IOException(
          "tensor '"
              + name
              + "' in "
              + path
              + " has dtype "
              + dtype
              + "; supported weight types are F32, F16 and BF16");
    }
    if (begin < 0) {
      throw new IOException(
          "tensor '"
              + name
              + "' in "
              + path
              + " has negative data_offsets ["
              + begin
              + ", "
              + end
              + "] (corrupt header)");
    }
    TensorInfo info = new TensorInfo(name, type, shape, begin, end, path);
    if (end < begin || end - begin != info.elementCount() * type.bytes()) {
      throw new IOException(
          "tensor '"
              + name
              + "' in "
              + path
              + ": shape "
              + info.shapeText()
              + " of "
              + dtype
              + " needs "
              + info.elementCount() * type.bytes()
              + " bytes but data_offsets span "
              + (end - begin));
    }
    return info;
  }

  Path path() {
    return path;
  }

  Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** The bytes of {@code tensor}, memory-mapped read-only, in little-endian order. */
  ByteBuffer map(TensorInfo tensor) throws IOException {
    long length = tensor.end() - tensor.begin();
    if (length > Integer.MAX_VALUE) {
      throw new IOException(
          "tensor '"
              + tensor.name()
              + "' in "
              + path
              + " is larger than 2 GiB, which cannot be mapped");
    }
    return channel
        .map(FileChannel.MapMode.READ_ONLY, dataStart + tensor.begin(), length)
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Reads bytes of {@code tensor} from {@code offset} (within its data) until {@code into} is full,
   * with positioned reads that leave the memory maps alone.
   */
  void read(TensorInfo tensor, long offset, ByteBuffer into) throws IOException {
    long position = dataStart + tensor.begin() + offset;
    while (into.hasRemaining()) {
      int read = channel.read(into, position);
      if (read < 0) {
        throw new IOException(path + " ended inside tensor '" + tensor.name() + "'");
      }
      position += read;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
