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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The weights of a model folder: {@code model.safetensors}, or the shards listed by {@code
 * model.safetensors.index.json}. Tensors are read from memory-mapped files and turned into {@link
 * NDArray}s of the compute type on request; BF16 is widened in Java because the engine cannot hold
 * BF16 tensors.
 */
final class ModelWeights implements Closeable {
  static final String SINGLE_FILE = "model.safetensors";
  static final String SHARD_INDEX = "model.safetensors.index.json";

  private final Path folder;
  private final List<SafetensorsFile> files;
  private final Map<String, TensorInfo> tensors;

  private ModelWeights(Path folder, List<SafetensorsFile> files, Map<String, TensorInfo> tensors) {
    this.folder = folder;
    this.files = files;
    this.tensors = tensors;
  }

  /** Opens the weights of {@code folder}, validating every file header. */
  static ModelWeights open(Path folder) throws IOException {
    List<Path> paths = weightFiles(folder);
    List<SafetensorsFile> files = new ArrayList<>();
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    try {
      for (Path path : paths) {
        SafetensorsFile file = SafetensorsFile.open(path);
        files.add(file);
        tensors.putAll(file.tensors());
      }
    } catch (IOException | RuntimeException e) {
      for (SafetensorsFile file : files) {
        file.close();
      }
      throw e;
    }
    return new ModelWeights(folder, files, tensors);
  }

  private static List<Path> weightFiles(Path folder) throws IOException {
    Path single = folder.resolve(SINGLE_FILE);
    Path index = folder.resolve(SHARD_INDEX);
    if (Files.isRegularFile(index)) {
      JsonObject weightMap =
          JsonParser.parseString(Files.readString(index, StandardCharsets.UTF_8))
              .getAsJsonObject()
              .getAsJsonObject("weight_map");
      if (weightMap == null) {
        throw new IOException(index + " has no \"weight_map\" object");
      }
      List<Path> shards = new ArrayList<>();
      for (String shard :
          new TreeSet<>(
              weightMap.entrySet().stream().map(e -> e.getValue().getAsString()).toList())) {
        Path path = folder.resolve(shard);
        if (!Files.isRegularFile(path)) {
          throw new IOException(
              index + " lists shard " + shard + ", which is missing from " + folder);
        }
        shards.add(path);
      }
      return shards;
    }
    if (Files.isRegularFile(single)) {
      return List.of(single);
    }
    throw new IOException(
        "model folder "
            + folder
            + " has neither "
            + SINGLE_FILE
            + " nor "
            + SHARD_INDEX
            + "; only safetensors weights are supported (convert .bin/.pth checkpoints with transformers' save_pretrained)");
  }

  boolean contains(String name) {
    return tensors.containsKey(name);
  }

  /**
   * Loads tensor {@code name} into {@code manager} as {@code type}, checking its shape.
   *
   * @throws IllegalArgumentException naming the tensor when it is missing or has another shape
   */
  NDArray load(NDManager manager, String name, DataType type, long... expectedShape)
      throws IOException {
    TensorInfo info = checked(name, expectedShape);
    ByteBuffer bytes = fileOf(info).map(info);
    Shape shape = new Shape(expectedShape);
    NDArray array;
    switch (info.type()) {
      case BF16:
        array = manager.create(widenBf16(bytes, info.elementCount()), shape, DataType.FLOAT32);
        break;
      case F16:
        array = manager.create(bytes, shape, DataType.FLOAT16);
        break;
      default:
        array = manager.create(bytes, shape, DataType.FLOAT32);
    }
    if (array.getDataType() == type) {
      return array;
    }
    NDArray converted = array.toType(type, false);
    array.close();
    return converted;
  }

  /**
   * Checks that tensor {@code name} is present with {@code expectedShape}, without reading it.
   *
   * @throws IllegalArgumentException naming the tensor when it is missing or has another shape
   */
  void check(String name, long... expectedShape) {
    checked(name, expectedShape);
  }

  private TensorInfo checked(String name, long... expectedShape) {
    TensorInfo info = tensors.get(name);
    if (info == null) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "' is missing from the weights in "
              + folder
              + " ("
              + tensors.size()
              + " tensors present); is config.json's model_type right for these weights?");
    }
    if (!Arrays.equals(info.shape(), expectedShape)) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "' in "
              + info.file()
              + " has shape "
              + info.shapeText()
              + " but config.json implies "
              + Arrays.toString(expectedShape));
    }
    return info;
  }

  /** BF16 is the top half of an F32: shift each value into the high 16 bits. */
  private static ByteBuffer widenBf16(ByteBuffer bf16, long count) {
    ShortBuffer in = bf16.asShortBuffer();
    ByteBuffer out =
        ByteBuffer.allocateDirect(Math.toIntExact(count * 4)).order(ByteOrder.nativeOrder());
    IntBuffer ints = out.asIntBuffer();
    for (int i = 0; i < count; i++) {
      ints.put(i, (in.get(i) & 0xFFFF) << 16);
    }
    return out;
  }

  private SafetensorsFile fileOf(TensorInfo info) {
    for (SafetensorsFile file : files) {
      if (file.path().equals(info.file())) {
        return file;
      }
    }
    throw new IllegalStateException("no open file for " + info.file());
  }

  /**
   * A digest of the weights' content (see {@link WeightsDigest}), independent of file order and
   * sharding.
   *
   * @throws UncheckedIOException when a file cannot be read
   */
  String digest() {
    try {
      return WeightsDigest.of(
          tensors, (tensor, offset, into) -> fileOf(tensor).read(tensor, offset, into));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading the weights in " + folder + " for their digest: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    for (SafetensorsFile file : files) {
      file.close();
    }
  }
}
