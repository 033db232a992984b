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

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.solrecho.embed.Embedder;
import io.solrecho.embed.EmbeddingParameters;
import io.solrecho.embed.EmbeddingService;
import io.solrecho.embed.TextRole;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-embed}: texts/s and tokens/s of echo and classical embedding through the shared
 * {@link EmbeddingService} with 1, 4 and 16 concurrent callers, the echo/classical time ratio, and
 * optionally process memory over a long run. Other benchmarks reuse the measurement through {@link
 * #measure(Path, LmOptions, Map, List, List, int)}.
 */
@CommandLine.Command(
    name = "bench-embed",
    description = {
      "Echo against classical embedding throughput through the shared embedding service with"
          + " 1, 4 and 16 concurrent callers, as JSON; memory over long runs.",
      "With --texts-file: median texts/s of echo and classical over --runs runs after --warmup"
          + " runs, each embedding every line of the file exactly as given (no cache, no"
          + " de-duplication), the modes interleaved.",
      ""
    })
public final class BenchEmbedCommand implements Command {
  /**
   * The tokenizer of the random model: SmolLM2's 49152-token vocabulary, the repository's copy
   * (gzip-compressed; relative to the checkout, where bin/solr-echo runs).
   */
  public static final String DEFAULT_TOKENIZER = "fixtures/tokenizers/smollm/tokenizer.json.gz";

  /** Where the random benchmark model is written once, under the user's home. */
  public static final String DEFAULT_CACHE = "${sys:user.home}/.cache/solr-echo/bench-models";

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "a model folder; default: a random SmolLM2-135M-shaped model with --tokenizer")
  private Path model;

  @Option(
      names = "--texts",
      paramLabel = "N",
      defaultValue = "48",
      converter = Converters.PositiveInt.class,
      description =
          "texts per measurement: bodies of sample-collection/documents.jsonl; default"
              + " ${DEFAULT-VALUE}")
  private int texts;

  @Option(
      names = "--callers",
      paramLabel = "N,N,...",
      split = ",",
      defaultValue = "1,4,16",
      converter = Converters.PositiveInt.class,
      description = "the numbers of concurrent callers to measure; default ${DEFAULT-VALUE}")
  private List<Integer> callers;

  @Option(
      names = "--memory",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description =
          "also embed N texts (e.g. 100000) and report heap and resident memory every N/10")
  private Integer memory;

  @Option(
      names = "--texts-file",
      paramLabel = "FILE",
      description = "one text per line: time these, exactly as given, instead of the callers runs")
  private Path textsFile;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "5",
      converter = Converters.PositiveInt.class,
      description = "with --texts-file: timed runs per mode; default ${DEFAULT-VALUE}")
  private int runs;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "2",
      converter = Converters.NonNegativeInt.class,
      description = "with --texts-file: untimed runs per mode first; default ${DEFAULT-VALUE}")
  private int warmup;

  @Option(
      names = "--json",
      description = "with --texts-file: print the report as JSON instead of a table")
  private boolean json;

  @Option(
      names = "--echo-template",
      paramLabel = "TEMPLATE",
      description = "with --texts-file: the echo document template ({x} twice)")
  private String echoTemplate;

  @Option(
      names = "--classical-template",
      paramLabel = "TEMPLATE",
      description = "with --texts-file: the classical document template ({x} once)")
  private String classicalTemplate;

  @Mixin private RandomModelOptions random;

  @Mixin private EmbeddingOptions embedding;

  @Mixin private DeviceOptions device;

  @Override
  public int run(PrintStream out) throws Exception {
    Path folder = model != null ? model : random.folder();
    if (textsFile != null) {
      return runTextsFile(folder, out);
    }
    JsonObject report =
        measure(
            folder,
            device.lmOptions(),
            embedding.parameters(),
            SampleTexts.take(texts),
            callers,
            memory != null ? memory : 0);
    out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
    return 0;
  }

  private int runTextsFile(Path folder, PrintStream out) throws Exception {
    Map<String, Map<String, String>> modes = new LinkedHashMap<>();
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("echo", echoTemplate);
    templates.put("classical", classicalTemplate);
    for (Map.Entry<String, String> mode : templates.entrySet()) {
      Map<String, String> parameters = new LinkedHashMap<>(embedding.parameters());
      parameters.put("mode", mode.getKey());
      if (mode.getValue() != null) {
        parameters.put("documentTemplate", mode.getValue());
      }
      modes.put(mode.getKey(), parameters);
    }
    JsonObject report =
        TextsFileBench.measure(
            folder, device.lmOptions(), modes, TextsFileBench.readTexts(textsFile), warmup, runs);
    out.print(
        json
            ? new GsonBuilder().setPrettyPrinting().create().toJson(report) + "\n"
            : TextsFileBench.text(report));
    return 0;
  }

  /**
   * The bench-embed report: for echo, then classical, texts/s and tokens/s through an {@link
   * EmbeddingService} with each number of concurrent callers ({@code runs}), the echo/classical
   * time ratio per number of callers, and with {@code memory > 0} the echo memory run.
   *
   * @param parameters embedding parameters (names of {@link io.solrecho.embed.EmbeddingParameters})
   *     shared by both modes; {@code mode} is set per mode
   * @param texts the texts of each measurement, embedded as documents
   * @param callers the numbers of concurrent callers to measure
   * @param memory embeddings of the memory run, or 0 for none
   */
  public static JsonObject measure(
      Path model,
      LmOptions lm,
      Map<String, String> parameters,
      List<String> texts,
      List<Integer> callers,
      int memory)
      throws Exception {
    JsonObject report = new JsonObject();
    report.addProperty("model", model.toString());
    report.addProperty("texts_per_measurement", texts.size());
    report.addProperty("cpu_cores", Runtime.getRuntime().availableProcessors());
    JsonArray runs = new JsonArray();
    Map<String, Double> secondsPerText = new LinkedHashMap<>();
    for (String mode : List.of("echo", "classical")) {
      Map<String, String> modeParameters = new LinkedHashMap<>(parameters);
      modeParameters.put("mode", mode);
      try (Embedder embedder =
          Embedder.open(model, lm, EmbeddingParameters.parse(modeParameters))) {
        embedder.embed(texts.subList(0, Math.min(4, texts.size())), TextRole.DOCUMENT);
        for (int c : callers) {
          JsonObject run = measure(embedder, texts, c);
          run.addProperty("mode", mode);
          runs.add(run);
          secondsPerText.put(mode + "/" + c, 1.0 / run.get("texts_per_s").getAsDouble());
        }
        if (mode.equals("echo") && memory > 0) {
          report.add("memory", memoryRun(embedder, texts, memory));
        }
      }
    }
    report.add("runs", runs);
    JsonObject ratios = new JsonObject();
    for (int c : callers) {
      ratios.addProperty(
          "callers_" + c,
          BenchJson.round(secondsPerText.get("echo/" + c) / secondsPerText.get("classical/" + c)));
    }
    report.add("echo_to_classical_time_ratio", ratios);
    return report;
  }

  /**
   * Checks that {@code tokenizer}, the random model's tokenizer.json, is a file.
   *
   * @throws IllegalArgumentException naming {@code --tokenizer} when it is not
   */
  public static void checkTokenizer(Path tokenizer) {
    if (!Files.isRegularFile(tokenizer)) {
      throw new IllegalArgumentException(
          "--tokenizer: "
              + tokenizer.toAbsolutePath()
              + " not found; the random"
              + " model needs a tokenizer.json with a 49152-token vocabulary (SmolLM2's), or pass --model DIR");
    }
  }

  /**
   * The random SmolLM2-135M-shaped model under {@code cache} (written on first use) with {@code
   * tokenizer} copied in as its tokenizer.json (unpacked when its name ends with {@code .gz}).
   *
   * @throws IllegalArgumentException when {@code tokenizer} is not a file
   */
  public static Path randomModelWithTokenizer(Path cache, Path tokenizer) throws IOException {
    checkTokenizer(tokenizer);
    Path folder = RandomModel.smolLm2Shape().materialize(cache);
    try (InputStream in =
        tokenizer.getFileName().toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(tokenizer))
            : Files.newInputStream(tokenizer)) {
      Files.copy(in, folder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    return folder;
  }

  private static JsonObject measure(Embedder embedder, List<String> texts, int callers)
      throws Exception {
    AtomicLong tokens = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    long start = System.nanoTime();
    try (EmbeddingService service = new EmbeddingService(embedder, 1024, Duration.ofMinutes(10))) {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        work.add(
            pool.submit(
                () -> {
                  for (int i = caller; i < texts.size(); i += callers) {
                    tokens.addAndGet(service.embed(texts.get(i), TextRole.DOCUMENT).tokens());
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    JsonObject run = new JsonObject();
    run.addProperty("callers", callers);
    run.addProperty("seconds", BenchJson.round(seconds));
    run.addProperty("texts_per_s", BenchJson.round(texts.size() / seconds));
    run.addProperty("tokens_per_s", BenchJson.round(tokens.get() / seconds));
    run.addProperty("mean_prompt_tokens", BenchJson.round((double) tokens.get() / texts.size()));
    return run;
  }

  private static JsonObject memoryRun(Embedder embedder, List<String> texts, int total)
      throws Exception {
    JsonArray samples = new JsonArray();
    int step = Math.max(1, total / 10);
    List<String> batch = new ArrayList<>();
    try (EmbeddingService service = new EmbeddingService(embedder, 4096, Duration.ofMinutes(10))) {
      for (int done = 0; done < total; ) {
        batch.clear();
        for (int i = 0; i < Math.min(step, total - done); i++) {
          batch.add(texts.get((done + i) % texts.size()) + " #" + (done + i));
        }
        for (int from = 0; from < batch.size(); from += 1024) {
          service.embedAll(
              batch.subList(from, Math.min(batch.size(), from + 1024)), TextRole.DOCUMENT);
        }
        done += batch.size();
        System.gc();
        JsonObject sample = new JsonObject();
        sample.addProperty("embeddings", done);
        sample.addProperty("rss_mib", BenchJson.round(ProcessMemory.residentMiB()));
        sample.addProperty("heap_used_mib", BenchJson.round(ProcessMemory.heapUsedMiB()));
        samples.add(sample);
        System.err.printf(
            Locale.ROOT,
            "memory run: %d/%d embeddings, rss %.0f MiB%n",
            done,
            total,
            ProcessMemory.residentMiB());
      }
    }
    JsonObject memory = new JsonObject();
    memory.add("samples", samples);
    double first = samples.get(0).getAsJsonObject().get("rss_mib").getAsDouble();
    double last = samples.get(samples.size() - 1).getAsJsonObject().get("rss_mib").getAsDouble();
    memory.addProperty("rss_growth_after_first_sample_mib", BenchJson.round(last - first));
    return memory;
  }
}
