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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.EncodedPrompt;
import io.solrecho.embed.TextRole;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code embed}: one text per input line (or JSONL with a {@code text} field) in, one JSON object
 * per line out with the vector, the prompt's token ids and the pooled token range.
 */
@CommandLine.Command(
    name = "embed",
    description = {
      "Embed texts (one per line, or JSON lines with \"text\") and print their vectors as JSON"
          + " lines.",
      "",
      "Prints one line per input line: {\"id\" (when the input has one), \"vector\": [...],"
          + " \"ids\": [the prompt's token ids], \"pooled_range\": [start, end],"
          + " \"truncated\": true|false}, or {\"line\": N, \"error\": \"...\"} for a line that"
          + " cannot be embedded (the exit status is then 1).",
      ""
    })
public final class EmbedCommand implements Command {
  private static final int CHUNK = 256;

  /** How the input lines are read. */
  enum Format {
    /** One text per line. */
    LINES,
    /** One JSON object per line, with {@code text} and optionally {@code id}. */
    JSONL,
    /** JSONL when the first line is a JSON object with {@code text}, else lines. */
    AUTO
  }

  @Mixin private ModelOption model;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "the texts; default: standard input")
  private Path input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "lines, jsonl, or auto (jsonl when the first line is a JSON object with text);"
              + " default ${DEFAULT-VALUE}")
  private Format format;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      defaultValue = "document",
      description =
          "document, or query (embedded with --query-template, or a sentence-transformers"
              + " folder's query prompt); default ${DEFAULT-VALUE}")
  private TextRole role;

  @Option(
      names = "--prompt-name",
      paramLabel = "NAME",
      description =
          "the prompt of a sentence-transformers folder (config_sentence_transformers.json) for"
              + " --role; default: its query prompt for queries, its document prompt for documents")
  private String promptName;

  @Mixin private EmbeddingOptions embedding;

  @Mixin private DeviceOptions device;

  @Override
  public int run(PrintStream out) throws Exception {
    Format lineFormat = format;
    int failures = 0;
    try (Embedder embedder = Embedder.open(model.folder(), device.lmOptions(), settings());
        BufferedReader reader =
            input != null
                ? Files.newBufferedReader(input, StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      List<InputLine> chunk = new ArrayList<>();
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (lineFormat == Format.AUTO) {
          lineFormat = looksLikeJsonl(line) ? Format.JSONL : Format.LINES;
        }
        chunk.add(InputLine.parse(number, line, lineFormat == Format.JSONL));
        if (chunk.size() == CHUNK) {
          failures += write(embedder, chunk, role, out);
          chunk.clear();
        }
      }
      failures += write(embedder, chunk, role, out);
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  /** The embedding options, with {@code --prompt-name} as the prompt of {@code --role}. */
  private EmbeddingSettings settings() {
    Map<String, String> parameters = embedding.parameters();
    if (promptName != null) {
      parameters.put(role == TextRole.QUERY ? "queryPrompt" : "documentPrompt", promptName);
    }
    return EmbeddingParameters.parse(parameters);
  }

  private static boolean looksLikeJsonl(String line) {
    try {
      JsonElement e = JsonParser.parseString(line);
      return e.isJsonObject() && e.getAsJsonObject().has("text");
    } catch (JsonSyntaxException e) {
      return false;
    }
  }

  /** Embeds the good lines of {@code chunk} together and writes one result line per input line. */
  private static int write(
      Embedder embedder, List<InputLine> chunk, TextRole role, PrintStream out) {
    List<EncodedPrompt> prompts = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (InputLine input : chunk) {
      String error = input.error;
      if (error == null) {
        try {
          prompts.add(embedder.encode(input.text, role));
        } catch (IllegalArgumentException e) {
          error = e.getMessage();
        }
      }
      errors.add(error);
    }
    List<Embedding> embeddings = embedder.embedPrompts(prompts);
    int next = 0;
    int failures = 0;
    for (int i = 0; i < chunk.size(); i++) {
      JsonObject result = new JsonObject();
      if (chunk.get(i).id != null) {
        result.add("id", chunk.get(i).id);
      }
      if (errors.get(i) != null) {
        result.addProperty("line", chunk.get(i).number);
        result.addProperty("error", errors.get(i));
        failures++;
      } else {
        Embedding e = embeddings.get(next++);
        result.add("vector", JsonArrays.of(e.vector()));
        result.add("ids", JsonArrays.of(e.ids()));
        result.add("pooled_range", JsonArrays.of(new int[] {e.pooledStart(), e.pooledEnd()}));
        result.addProperty("truncated", e.truncated());
      }
      out.println(result);
    }
    return failures;
  }

  /** One input line: its text, or why it has none. */
  private static final class InputLine {
    final int number;
    final String text;
    final JsonElement id;
    final String error;

    private InputLine(int number, String text, JsonElement id, String error) {
      this.number = number;
      this.text = text;
      this.id = id;
      this.error = error;
    }

    static InputLine parse(int number, String line, boolean jsonl) {
      if (!jsonl) {
        return new InputLine(number, line, null, null);
      }
      try {
        JsonObject object = JsonParser.parseString(line).getAsJsonObject();
        JsonElement text = object.get("text");
        if (text == null || !text.isJsonPrimitive()) {
          return new InputLine(number, null, object.get("id"), "no string \"text\" field");
        }
        return new InputLine(number, text.getAsString(), object.get("id"), null);
      } catch (JsonSyntaxException | IllegalStateException e) {
        return new InputLine(number, null, null, "not a JSON object: " + e.getMessage());
      }
    }
  }
}
