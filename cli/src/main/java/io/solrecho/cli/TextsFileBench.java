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
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.embed.TextRole;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Echo and classical throughput on the texts of a file (one per line), exactly as embedded: every
 * run embeds every text through {@link Embedder#embed} (tokenization included; no cache, no
 * de-duplication), the two modes interleaved run by run after untimed warm-ups; the figure is the
 * median texts/s of each mode. Only the command line and public embedding settings are involved, so
 * other tools (the peer benchmark) can call it.
 */
final class TextsFileBench {
  private TextsFileBench() {}

  /** The non-empty lines of {@code file}. */
  static List<String> readTexts(Path file) throws IOException {
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        texts.add(line);
      }
    }
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("--texts-file: " + file + " has no non-empty line");
    }
    return texts;
  }

  /**
   * The report: per mode the texts/s of every timed run, their median and the prompt tokens, and
   * the echo/classical ratio of the median times.
   *
   * @param parameters embedding parameters per mode (names of {@link EmbeddingParameters})
   */
  static JsonObject measure(
      Path model,
      LmOptions lm,
      Map<String, Map<String, String>> parameters,
      List<String> texts,
      int warmup,
      int runs)
      throws IOException {
    Map<String, Embedder> embedders = new LinkedHashMap<>();
    Map<String, double[]> seconds = new LinkedHashMap<>();
    Map<String, Long> tokens = new LinkedHashMap<>();
    JsonObject report = new JsonObject();
    report.addProperty("model", model.toString());
    report.addProperty("texts", texts.size());
    report.addProperty("warmup", warmup);
    report.addProperty("runs", runs);
    report.addProperty("cpu_cores", Runtime.getRuntime().availableProcessors());
    report.addProperty("loadavg_start", loadAverage());
    try {
      for (Map.Entry<String, Map<String, String>> mode : parameters.entrySet()) {
        embedders.put(
            mode.getKey(), Embedder.open(model, lm, EmbeddingParameters.parse(mode.getValue())));
        seconds.put(mode.getKey(), new double[runs]);
      }
      for (int i = 0; i < warmup; i++) {
        for (Map.Entry<String, Embedder> e : embedders.entrySet()) {
          e.getValue().embed(texts, TextRole.DOCUMENT);
        }
      }
      for (int run = 0; run < runs; run++) {
        for (Map.Entry<String, Embedder> e : embedders.entrySet()) {
          long start = System.nanoTime();
          List<Embedding> vectors = e.getValue().embed(texts, TextRole.DOCUMENT);
          seconds.get(e.getKey())[run] = (System.nanoTime() - start) / 1e9;
          tokens.put(e.getKey(), promptTokens(vectors));
        }
      }
      JsonObject modes = new JsonObject();
      for (Map.Entry<String, Embedder> e : embedders.entrySet()) {
        double[] times = seconds.get(e.getKey());
        JsonObject mode = new JsonObject();
        JsonArray rates = new JsonArray();
        for (double t : times) {
          rates.add(BenchJson.round(texts.size() / t));
        }
        double median = median(times);
        mode.addProperty("median_texts_per_s", BenchJson.round(texts.size() / median));
        mode.addProperty("median_seconds", BenchJson.round(median));
        mode.add("texts_per_s", rates);
        mode.addProperty("prompt_tokens", tokens.get(e.getKey()));
        mode.addProperty("settings", e.getValue().settings().toString());
        modes.add(e.getKey(), mode);
      }
      report.add("modes", modes);
      if (seconds.containsKey("echo") && seconds.containsKey("classical")) {
        report.addProperty(
            "echo_to_classical_time_ratio",
            BenchJson.round(median(seconds.get("echo")) / median(seconds.get("classical"))));
      }
      report.addProperty("loadavg_end", loadAverage());
      return report;
    } finally {
      embedders.values().forEach(Embedder::close);
    }
  }

  /** The report as lines for people. */
  static String text(JsonObject report) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d texts, %d runs after %d warm-ups, load %s -> %s%n",
            report.get("texts").getAsInt(),
            report.get("runs").getAsInt(),
            report.get("warmup").getAsInt(),
            report.get("loadavg_start").getAsString(),
            report.get("loadavg_end").getAsString()));
    for (Map.Entry<String, JsonElement> e : report.getAsJsonObject("modes").entrySet()) {
      JsonObject mode = e.getValue().getAsJsonObject();
      out.append(
          String.format(
              Locale.ROOT,
              "%-10s %8.2f texts/s (median of %s), %d prompt tokens%n",
              e.getKey(),
              mode.get("median_texts_per_s").getAsDouble(),
              mode.get("texts_per_s"),
              mode.get("prompt_tokens").getAsLong()));
    }
    if (report.has("echo_to_classical_time_ratio")) {
      out.append("echo/classical time ")
          .append(report.get("echo_to_classical_time_ratio").getAsDouble())
          .append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or the JVM's 1 minute one. */
  private static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long promptTokens(List<Embedding> vectors) {
    return vectors.stream().mapToLong(Embedding::tokens).sum();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
