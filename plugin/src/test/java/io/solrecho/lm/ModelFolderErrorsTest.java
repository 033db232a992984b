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

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A broken model folder fails at load with the right exception type and a message that names what
 * is wrong (the file, the tensor, the config key) instead of a native crash or a bare NPE.
 */
public class ModelFolderErrorsTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static final LmOptions CPU = LmOptions.of("cpu", "float32");

  private static void assertMentions(Throwable e, String... parts) {
    for (String part : parts) {
      assertTrue(
          "message should mention '" + part + "': " + e.getMessage(),
          e.getMessage() != null && e.getMessage().contains(part));
    }
  }

  private static <T extends Throwable> T loadFails(Class<T> type, Path folder) {
    return assertThrows(type, () -> CausalLanguageModel.load(folder, CPU).close());
  }

  /** Writes a safetensors file with a hand-made header and {@code dataBytes} zero bytes of data. */
  private static void writeRaw(Path file, String header, int dataBytes) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(json.length).put(json);
    Files.write(file, out.array());
  }

  /**
   * Loads llama's weights under llama's config.json as changed by {@code edit}, which must fail.
   */
  private IllegalArgumentException loadWithEditedConfigFails(Consumer<JsonObject> edit)
      throws IOException {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder, edit);
    FixtureCopies.weights("llama", folder);
    return loadFails(IllegalArgumentException.class, folder);
  }

  /**
   * Damages a copy of llama's weights file in place; loading must fail with an IOException that
   * names the file and {@code parts}.
   */
  private void assertDamagedWeightsRejected(ChannelEdit damage, String... parts)
      throws IOException {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    Path weights = FixtureCopies.weights("llama", folder);
    try (FileChannel channel = FileChannel.open(weights, StandardOpenOption.WRITE)) {
      damage.apply(channel);
    }
    IOException e = loadFails(IOException.class, folder);
    assertMentions(e, weights.toString());
    assertMentions(e, parts);
  }

  /**
   * Writes a weights file with the hand-made {@code header} and 256 zero bytes of data; loading
   * must fail with an IOException that names the file and {@code parts}.
   */
  private void assertHeaderRejected(String header, String... parts) throws IOException {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    Path weights = folder.resolve(ModelWeights.SINGLE_FILE);
    writeRaw(weights, header, 256);
    IOException e = loadFails(IOException.class, folder);
    assertMentions(e, weights.toString());
    assertMentions(e, parts);
  }

  @FunctionalInterface
  private interface ChannelEdit {
    void apply(FileChannel channel) throws IOException;
  }

  @Test
  public void unsupportedModelTypeListsTheSupportedOnes() throws Exception {
    IllegalArgumentException e =
        loadWithEditedConfigFails(c -> c.addProperty("model_type", "bert"));
    assertMentions(e, "model_type", "\"bert\"");
    for (Architecture supported : Architecture.values()) {
      assertMentions(e, supported.modelType());
    }
  }

  @Test
  public void missingTensorIsNamed() throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    Map<String, RawSafetensors.Tensor> tensors =
        RawSafetensors.read(FixtureCopies.originalWeights("llama"));
    assertTrue(tensors.remove("model.layers.1.self_attn.k_proj.weight") != null);
    RawSafetensors.write(tensors.values(), "F32", folder.resolve(ModelWeights.SINGLE_FILE));
    IllegalArgumentException e = loadFails(IllegalArgumentException.class, folder);
    assertMentions(e, "'model.layers.1.self_attn.k_proj.weight'", "missing");
  }

  /** The LM head is read only for logits, but a mis-shaped one is reported when loading. */
  @Test
  public void misShapedLmHeadIsReportedAtLoad() throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    Map<String, RawSafetensors.Tensor> tensors =
        RawSafetensors.read(FixtureCopies.originalWeights("llama"));
    RawSafetensors.Tensor head = tensors.get("lm_head.weight");
    float[] fewerRows = Arrays.copyOf(head.values(), head.values().length - 32);
    tensors.put(
        "lm_head.weight",
        new RawSafetensors.Tensor(head.name(), head.dtype(), new long[] {383, 32}, fewerRows));
    RawSafetensors.write(tensors.values(), "F32", folder.resolve(ModelWeights.SINGLE_FILE));
    IllegalArgumentException e = loadFails(IllegalArgumentException.class, folder);
    assertMentions(e, "'lm_head.weight'", "[383, 32]", "[384, 32]");
  }

  @Test
  public void misShapedTensorNamesTheTensorAndBothShapes() throws Exception {
    IllegalArgumentException e =
        loadWithEditedConfigFails(c -> c.addProperty("intermediate_size", 96));
    assertMentions(
        e, "'model.layers.0.mlp.gate_proj.weight'", "[64, 32]", "[96, 32]", "config.json");
  }

  @Test
  public void misShapedEmbeddingFromWrongHiddenSizeNamesBothShapes() throws Exception {
    IllegalArgumentException e = loadWithEditedConfigFails(c -> c.addProperty("hidden_size", 48));
    assertMentions(e, "'model.embed_tokens.weight'", "[384, 32]", "[384, 48]");
  }

  @Test
  public void gitLfsPointerInsteadOfWeightsIsReported() throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    Files.writeString(
        folder.resolve(ModelWeights.SINGLE_FILE),
        "version https://git-lfs.github.com/spec/v1\n"
            + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 123\n",
        StandardCharsets.US_ASCII);
    IOException e = loadFails(IOException.class, folder);
    assertMentions(
        e, folder.resolve(ModelWeights.SINGLE_FILE).toString(), "Git LFS pointer", "git lfs pull");
  }

  @Test
  public void truncatedWeightsFileIsReported() throws Exception {
    assertDamagedWeightsRejected(channel -> channel.truncate(channel.size() - 100), "truncated");
  }

  @Test
  public void folderWithoutWeightsIsReported() throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.config("llama", folder);
    IOException e = loadFails(IOException.class, folder);
    assertMentions(e, folder.toString(), ModelWeights.SINGLE_FILE, ModelWeights.SHARD_INDEX);
  }

  @Test
  public void folderWithoutConfigIsReported() throws Exception {
    Path folder = temp.newFolder().toPath();
    FixtureCopies.weights("llama", folder);
    IOException e = loadFails(IOException.class, folder);
    assertMentions(e, folder.toString(), "config.json");
  }

  @Test
  public void nonExistentFolderIsReported() throws Exception {
    Path folder = temp.getRoot().toPath().resolve("no-such-model");
    IOException e = loadFails(IOException.class, folder);
    assertMentions(e, folder.toString(), "does not exist");
  }

  @Test
  public void headerThatIsNotJsonIsReported() throws Exception {
    assertDamagedWeightsRejected(
        channel ->
            channel.write(ByteBuffer.wrap("}garbage".getBytes(StandardCharsets.US_ASCII)), 8),
        "header");
  }

  @Test
  public void headerLengthBeyondTheFileIsReported() throws Exception {
    assertDamagedWeightsRejected(
        channel ->
            channel.write(
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40), 0),
        "header length");
  }

  @Test
  public void headerEntryWithoutDtypeNamesTheTensor() throws Exception {
    assertHeaderRejected(
        "{\"model.norm.weight\":{\"shape\":[64],\"data_offsets\":[0,256]}}",
        "'model.norm.weight'",
        "dtype");
  }

  @Test
  public void headerEntryThatIsNotAnObjectNamesTheTensor() throws Exception {
    assertHeaderRejected("{\"model.norm.weight\":[64]}", "'model.norm.weight'");
  }

  @Test
  public void negativeDataOffsetIsReported() throws Exception {
    assertHeaderRejected(
        "{\"model.norm.weight\":{\"dtype\":\"F32\",\"shape\":[64],\"data_offsets\":[-16,240]}}",
        "'model.norm.weight'",
        "data_offsets");
  }

  @Test
  public void unsupportedTensorDtypeIsNamed() throws Exception {
    assertHeaderRejected(
        "{\"model.norm.weight\":{\"dtype\":\"I64\",\"shape\":[32],\"data_offsets\":[0,256]}}",
        "'model.norm.weight'",
        "I64");
  }
}
