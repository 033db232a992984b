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
package io.solrecho;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The repository's own test fixtures, {@code fixtures/} (written by {@code fixtures/generate.py}
 * and {@code fixtures/import_tokenizers.py}, see fixtures/README.md): tiny random models of every
 * supported architecture with transformers' reference outputs, the project's tiny GPT-2, and real
 * tokenizers. They are part of every clone, so a missing file is an error, never a skipped test.
 */
public final class ProjectFixtures {
  /** Every model fixture, one per architecture and checkpoint variant. */
  public static final List<String> REFERENCE_MODELS =
      List.of(
          "llama",
          "llama_bf16",
          "llama3_rope_tied",
          "mistral_sliding_window",
          "qwen2",
          "qwen3",
          "qwen3_legacy_config",
          "gpt2",
          "gpt_neox",
          "phi3",
          "gemma");

  /**
   * The sentence-transformers folders ({@code fixtures/sentence-transformers}): tiny decoder
   * embedding models with the vectors of sentence-transformers itself ({@code st_reference.json}).
   */
  public static final List<String> SENTENCE_TRANSFORMERS_MODELS =
      List.of("qwen3_lasttoken_eos", "mistral_lasttoken_bos", "mistral_mean_instructions");

  /** The id of {@code <|endoftext|>}, the tiny GPT-2's BOS/EOS (the last id, as in GPT-2). */
  public static final int TINY_END_OF_TEXT = 2047;

  private static final Map<String, Path> UNPACKED = new HashMap<>();

  private ProjectFixtures() {}

  /**
   * The {@code fixtures} folder of the repository this test runs in, or the one {@code
   * -Dsolrecho.fixtures=DIR} names (for runs outside the checkout, e.g. docs/gpu-verification.md).
   */
  public static Path root() {
    String configured = System.getProperty("solrecho.fixtures", "");
    if (!configured.isBlank()) {
      return existing(Paths.get(configured).toAbsolutePath().normalize());
    }
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate : List.of(dir.resolve("fixtures"), dir.resolve("../fixtures"))) {
      if (Files.isRegularFile(candidate.resolve("generate.py"))) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("the repository's fixtures/ folder was not found from " + dir);
  }

  /** The folder of one model fixture, e.g. {@code llama}. */
  public static Path referenceModel(String name) {
    return existing(root().resolve("models").resolve(name));
  }

  /** The sentence-transformers folder {@code name}, e.g. {@code qwen3_lasttoken_eos}. */
  public static Path sentenceTransformersModel(String name) {
    return existing(root().resolve("sentence-transformers").resolve(name));
  }

  /**
   * The project's tiny GPT-2 (16 dimensions, 256 positions, its own 2048-token BPE tokenizer): the
   * model of the Solr tests, the demo and the command-line examples.
   */
  public static Path tinyModel() {
    return existing(root().resolve("tiny-gpt2"));
  }

  /**
   * A folder holding the real tokenizer {@code name} ({@code gpt2}, {@code smollm}, {@code qwen3})
   * as a model folder has it: its {@code tokenizer.json}, unpacked once per JVM from the committed
   * {@code tokenizer.json.gz} into {@code target/fixture-tokenizers}, and its {@code
   * tokenizer_config.json} where it has one.
   */
  public static synchronized Path tokenizer(String name) {
    Path unpacked = UNPACKED.get(name);
    if (unpacked == null) {
      unpacked = unpack(existing(root().resolve("tokenizers").resolve(name)));
      UNPACKED.put(name, unpacked);
    }
    return unpacked;
  }

  private static Path unpack(Path source) {
    Path target =
        Paths.get("target", "fixture-tokenizers", source.getFileName().toString()).toAbsolutePath();
    try {
      Files.createDirectories(target);
      Path partial = Files.createTempFile(target, "tokenizer", ".part");
      try (InputStream in =
          new GZIPInputStream(
              Files.newInputStream(existing(source.resolve("tokenizer.json.gz"))))) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(
          partial,
          target.resolve("tokenizer.json"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      Path config = source.resolve("tokenizer_config.json");
      if (Files.exists(config)) {
        Files.copy(
            config, target.resolve("tokenizer_config.json"), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(target.resolve("tokenizer_config.json"));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("unpacking the tokenizer fixture " + source, e);
    }
  }

  private static Path existing(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          "fixture missing: "
              + path
              + " (fixtures/ is part of the repository; see fixtures/README.md)");
    }
    return path;
  }
}
