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
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The weights digest (part of the model fingerprint) follows the weights' values, not only their
 * names and shapes, and not how they are laid out in files.
 */
public class WeightsDigestTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** A norm (read whole) and a projection of 256 KiB (read in windows). */
  private static List<RawSafetensors.Tensor> checkpoint() {
    Random random = new Random(42);
    return List.of(
        tensor("model.norm.weight", new long[] {64}, random),
        tensor("model.layers.0.mlp.up_proj.weight", new long[] {256, 256}, random));
  }

  private static RawSafetensors.Tensor tensor(String name, long[] shape, Random random) {
    float[] values = new float[Math.toIntExact(shape[0] * (shape.length > 1 ? shape[1] : 1))];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return new RawSafetensors.Tensor(name, "F32", shape, values);
  }

  /**
   * {@code tensors} with the value at {@code index} of tensor {@code which} changed by {@code f}.
   */
  private static List<RawSafetensors.Tensor> changed(
      List<RawSafetensors.Tensor> tensors, int which, int index, UnaryOperator<Float> f) {
    List<RawSafetensors.Tensor> out = new ArrayList<>(tensors);
    float[] values = tensors.get(which).values().clone();
    values[index] = f.apply(values[index]);
    out.set(which, tensors.get(which).withValues(values));
    return out;
  }

  private String digest(List<RawSafetensors.Tensor> tensors, String dtype) throws IOException {
    Path folder = temp.newFolder().toPath();
    RawSafetensors.write(tensors, dtype, folder.resolve(ModelWeights.SINGLE_FILE));
    return digestOf(folder);
  }

  private static String digestOf(Path folder) throws IOException {
    try (ModelWeights weights = ModelWeights.open(folder)) {
      return weights.digest();
    }
  }

  @Test
  public void identicalCheckpointsHaveTheSameDigest() throws Exception {
    assertEquals(digest(checkpoint(), "F32"), digest(checkpoint(), "F32"));
  }

  @Test
  public void oneChangedWeightOfASmallTensorChangesTheDigest() throws Exception {
    String original = digest(checkpoint(), "F32");
    for (int index : new int[] {0, 31, 63}) {
      assertNotEquals(
          "norm weight " + index,
          original,
          digest(changed(checkpoint(), 0, index, v -> v + 1e-3f), "F32"));
    }
  }

  @Test
  public void oneChangedWeightInASampledWindowOfALargeTensorChangesTheDigest() throws Exception {
    String original = digest(checkpoint(), "F32");
    long[] windows = WeightsDigest.windowOffsets(4L * 256 * 256);
    for (long window : new long[] {windows[0], windows[7], windows[windows.length - 1]}) {
      int index = Math.toIntExact((window + WeightsDigest.WINDOW_BYTES / 2) / 4);
      assertNotEquals(
          "projection weight " + index,
          original,
          digest(changed(checkpoint(), 1, index, v -> -v), "F32"));
    }
  }

  @Test
  public void aFineTunedCheckpointWithTheSameNamesAndShapesHasAnotherDigest() throws Exception {
    List<RawSafetensors.Tensor> base = checkpoint();
    List<RawSafetensors.Tensor> tuned = new ArrayList<>(base);
    tuned.set(1, RawSafetensors.map(List.of(base.get(1)), v -> v * 1.001f).get(0));
    assertNotEquals(digest(base, "F32"), digest(tuned, "F32"));
  }

  @Test
  public void theSameValuesInAnotherDtypeHaveAnotherDigest() throws Exception {
    assertNotEquals(digest(checkpoint(), "F32"), digest(checkpoint(), "BF16"));
  }

  @Test
  public void theDigestDoesNotDependOnTensorOrderOrSharding() throws Exception {
    List<RawSafetensors.Tensor> tensors = checkpoint();
    String single = digest(tensors, "F32");
    assertEquals("reversed order", single, digest(List.of(tensors.get(1), tensors.get(0)), "F32"));

    Path sharded = temp.newFolder().toPath();
    JsonObject weightMap = new JsonObject();
    for (int i = 0; i < tensors.size(); i++) {
      String shard = "model-0000" + (i + 1) + "-of-00002.safetensors";
      RawSafetensors.write(List.of(tensors.get(i)), "F32", sharded.resolve(shard));
      weightMap.addProperty(tensors.get(i).name(), shard);
    }
    JsonObject index = new JsonObject();
    index.add("weight_map", weightMap);
    Files.writeString(
        sharded.resolve(ModelWeights.SHARD_INDEX), index.toString(), StandardCharsets.UTF_8);
    assertEquals("two shards", single, digestOf(sharded));
  }

  @Test
  public void windowsCoverSmallTensorsWholeAndSpreadOverLargeOnes() {
    assertArrayEquals(new long[] {}, WeightsDigest.windowOffsets(0));
    assertArrayEquals(new long[] {0}, WeightsDigest.windowOffsets(256));
    assertArrayEquals(
        new long[] {0, WeightsDigest.WINDOW_BYTES},
        WeightsDigest.windowOffsets(WeightsDigest.WINDOW_BYTES + 1));
    assertEquals(
        WeightsDigest.WINDOWS,
        WeightsDigest.windowOffsets(WeightsDigest.WHOLE_TENSOR_BYTES).length);

    long length = 15L * 1024 * 1024 * 1024;
    long[] windows = WeightsDigest.windowOffsets(length);
    assertEquals(WeightsDigest.WINDOWS, windows.length);
    assertEquals(0, windows[0]);
    assertEquals(length - WeightsDigest.WINDOW_BYTES, windows[windows.length - 1]);
    for (int i = 1; i < windows.length; i++) {
      assertTrue(windows[i] >= windows[i - 1] + WeightsDigest.WINDOW_BYTES);
    }
  }
}
