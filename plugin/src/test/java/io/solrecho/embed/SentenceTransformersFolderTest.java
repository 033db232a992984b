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
package io.solrecho.embed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.ProjectFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Reading sentence-transformers folders: both layouts of the fixtures, and every recipe that
 * solr-echo does not reproduce refused with the file and the value, not embedded differently.
 */
public class SentenceTransformersFolderTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private static SentenceTransformersFolder read(String fixture) throws IOException {
    return SentenceTransformersFolder.read(ProjectFixtures.sentenceTransformersModel(fixture))
        .orElseThrow();
  }

  @Test
  public void readsTheOlderLayoutOfQwen3Embedding() throws IOException {
    SentenceTransformersFolder folder = read("qwen3_lasttoken_eos");
    assertEquals(Pooling.LAST, folder.pooling());
    assertTrue(folder.includePrompt());
    assertTrue(
        "2_Normalize is listed (its folder is not there, as on the hub)", folder.normalize());
    assertEquals("sentence_bert_config.json max_seq_length", 56, folder.maxSeqLength());
    assertEquals(
        Map.of("query", "Instruct: Find answers\nQuery:", "document", ""), folder.prompts());
  }

  @Test
  public void readsTheNewerLayoutOfSentenceTransformers6() throws IOException {
    SentenceTransformersFolder folder = read("mistral_lasttoken_bos");
    assertEquals("pooling_mode lasttoken", Pooling.LAST, folder.pooling());
    assertTrue(folder.normalize());
    assertEquals("tokenizer_config.json model_max_length", 48, folder.maxSeqLength());
  }

  @Test
  public void readsMeanPoolingWithoutThePrompt() throws IOException {
    SentenceTransformersFolder folder = read("mistral_mean_instructions");
    assertEquals(Pooling.MEAN, folder.pooling());
    assertFalse(folder.includePrompt());
    assertFalse(folder.normalize());
    assertEquals(64, folder.maxSeqLength());
    assertEquals(
        "query and document always there, as in sentence-transformers 6",
        List.of("query", "document", "retrieval", "summary"),
        List.copyOf(folder.prompts().keySet()));
  }

  @Test
  public void aFolderWithoutModulesJsonIsNotOne() throws IOException {
    assertTrue(SentenceTransformersFolder.read(ProjectFixtures.tinyModel()).isEmpty());
  }

  @Test
  public void rolesTakeTheQueryAndDocumentPromptsNotTheDefaultOne() throws IOException {
    SentenceTransformersFolder folder = read("mistral_mean_instructions");
    assertEquals("Find: ", folder.prompt(TextRole.QUERY, null, "queryPrompt"));
    assertEquals("", folder.prompt(TextRole.DOCUMENT, null, "documentPrompt"));
    assertEquals("Summarize: ", folder.prompt(TextRole.DOCUMENT, "summary", "documentPrompt"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> folder.prompt(TextRole.QUERY, "nope", "queryPrompt"));
    assertMentions(e, "queryPrompt", "'nope'", "[query, document, retrieval, summary]");
  }

  @Test
  public void aDenseModuleIsRefused() throws IOException {
    Path folder = copy("qwen3_lasttoken_eos");
    editArray(
        folder.resolve("modules.json"),
        modules -> {
          JsonObject dense = new JsonObject();
          dense.addProperty("idx", 3);
          dense.addProperty("name", "3");
          dense.addProperty("path", "3_Dense");
          dense.addProperty("type", "sentence_transformers.models.Dense");
          modules.add(dense);
        });
    assertMentions(refused(folder), "modules.json", "sentence_transformers.models.Dense");
  }

  @Test
  public void aTransformerInASubfolderIsRefused() throws IOException {
    Path folder = copy("qwen3_lasttoken_eos");
    editArray(
        folder.resolve("modules.json"),
        modules -> modules.get(0).getAsJsonObject().addProperty("path", "0_Transformer"));
    assertMentions(refused(folder), "modules.json", "'0_Transformer'");
  }

  @Test
  public void otherPoolingsAreRefused() throws IOException {
    Path folder = copy("qwen3_lasttoken_eos");
    Path pooling = folder.resolve("1_Pooling").resolve("config.json");
    edit(pooling, c -> c.addProperty("pooling_mode_cls_token", true));
    assertMentions(refused(folder), "1_Pooling/config.json", "[cls, lasttoken]");
    edit(
        pooling,
        c -> {
          c.addProperty("pooling_mode_cls_token", false);
          c.addProperty("pooling_mode_lasttoken", false);
          c.addProperty("pooling_mode_weightedmean_tokens", true);
        });
    assertMentions(refused(folder), "[weightedmean]");
    Path newer = copy("mistral_lasttoken_bos");
    edit(
        newer.resolve("1_Pooling").resolve("config.json"),
        c -> c.addProperty("pooling_mode", "max"));
    assertMentions(refused(newer), "[max]", "mean", "lasttoken");
  }

  @Test
  public void settingsThatChangeTheTokensAreRefused() throws IOException {
    Path folder = copy("qwen3_lasttoken_eos");
    Path config = folder.resolve("sentence_bert_config.json");
    edit(config, c -> c.addProperty("do_lower_case", true));
    assertMentions(refused(folder), "sentence_bert_config.json", "do_lower_case");
    edit(
        config,
        c -> {
          c.addProperty("do_lower_case", false);
          c.add("processing_kwargs", JsonParser.parseString("{\"text\": {\"max_length\": 8}}"));
        });
    assertMentions(refused(folder), "processing_kwargs");
    edit(
        config,
        c -> {
          c.remove("processing_kwargs");
          c.add("tokenizer_args", JsonParser.parseString("{\"add_eos_token\": true}"));
        });
    assertMentions(refused(folder), "tokenizer_args.add_eos_token");
  }

  @Test
  public void tokenizerArgumentsMayRaiseTheLimit() throws IOException {
    Path folder = copy("qwen3_lasttoken_eos");
    edit(
        folder.resolve("sentence_bert_config.json"),
        c ->
            c.add(
                "tokenizer_args",
                JsonParser.parseString("{\"model_max_length\": 100, \"padding_side\": \"left\"}")));
    assertEquals(
        "model_max_length of the tokenizer arguments wins over max_seq_length",
        100,
        SentenceTransformersFolder.read(folder).orElseThrow().maxSeqLength());
  }

  @Test
  public void withoutALimitTheModelPositionsCap() throws IOException {
    Path folder = copy("qwen3_lasttoken_eos");
    edit(folder.resolve("sentence_bert_config.json"), c -> c.remove("max_seq_length"));
    assertEquals(
        "tokenizer_config.json's 131072 capped at max_position_embeddings",
        128,
        SentenceTransformersFolder.read(folder).orElseThrow().maxSeqLength());
  }

  @Test
  public void otherModelTypesAndBadDefaultPromptsAreRefused() throws IOException {
    Path folder = copy("mistral_mean_instructions");
    Path prompts = folder.resolve("config_sentence_transformers.json");
    edit(prompts, c -> c.addProperty("default_prompt_name", "missing"));
    assertMentions(refused(folder), "default_prompt_name", "'missing'");
    edit(
        prompts,
        c -> {
          c.addProperty("default_prompt_name", "retrieval");
          c.addProperty("model_type", "SparseEncoder");
        });
    assertMentions(refused(folder), "model_type SparseEncoder");
  }

  @Test
  public void aMissingPoolingConfigIsNamed() throws IOException {
    Path folder = copy("qwen3_lasttoken_eos");
    Files.delete(folder.resolve("1_Pooling").resolve("config.json"));
    IOException e = assertThrows(IOException.class, () -> SentenceTransformersFolder.read(folder));
    assertMentions(e, folder.resolve("1_Pooling").resolve("config.json").toString());
  }

  private IllegalArgumentException refused(Path folder) {
    return assertThrows(
        IllegalArgumentException.class, () -> SentenceTransformersFolder.read(folder));
  }

  private Path copy(String fixture) throws IOException {
    Path source = ProjectFixtures.sentenceTransformersModel(fixture);
    Path target = temp.newFolder(fixture).toPath();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }

  private static void edit(Path file, Consumer<JsonObject> change) throws IOException {
    JsonObject json =
        JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    change.accept(json);
    Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
  }

  private static void editArray(Path file, Consumer<JsonArray> change) throws IOException {
    JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    change.accept(json.getAsJsonArray());
    Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage() + " should mention " + part, e.getMessage().contains(part));
    }
  }
}
