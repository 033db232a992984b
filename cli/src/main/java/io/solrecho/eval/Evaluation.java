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
package io.solrecho.eval;

import io.solrecho.embed.Embedder;
import io.solrecho.embed.Embedding;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.TextRole;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.TextTokenizer;
import io.solrecho.progress.ProgressBar;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the evaluation that an {@link EvalConfig} describes: reads the data once, loads the model
 * once, and for each setup embeds every distinct text of every dataset once (longest first, in
 * chunks that the embedder cuts into micro-batches) before scoring the STS sets and the toy study
 * from those vectors. Data sets of other modules ({@link EvalDataset}) run afterwards, on their
 * own.
 */
final class Evaluation {
  private final EvalConfig config;

  Evaluation(EvalConfig config) {
    this.config = config;
  }

  EvalReport run() throws Exception {
    long begin = System.nanoTime();
    List<Timing> timings = new ArrayList<>();
    Map<StsDataset, List<StsPair>> sts = new LinkedHashMap<>();
    for (Map.Entry<StsDataset, StsSource> dataset : config.stsDatasets.entrySet()) {
      sts.put(dataset.getKey(), StsDataset.spread(dataset.getValue().read(), config.limit));
    }
    List<ToyTriplet> toy = config.toy ? ToyTriplets.builtIn() : List.of();
    List<String> texts = distinctTexts(sts, toy);
    Map<String, Long> dataCounts = new LinkedHashMap<>();
    dataCounts.put("pairs", (long) sts.values().stream().mapToInt(List::size).sum());
    dataCounts.put("triplets", (long) toy.size());
    dataCounts.put("distinct_texts", (long) texts.size());
    timings.add(new Timing("read data", Timing.secondsSince(begin), dataCounts));

    Map<String, String> info = new LinkedHashMap<>();
    Map<String, Map<StsDataset, StsSection.Score>> stsScores = new LinkedHashMap<>();
    Map<String, ToyStudy.Score> toyScores = new LinkedHashMap<>();
    Map<String, EmbeddingSettings> settingsByName = new LinkedHashMap<>();
    long load = System.nanoTime();
    if (texts.isEmpty()) {
      info.put("model", config.model.toAbsolutePath().normalize().toString());
    } else {
      try (TextTokenizer tokenizer = TextTokenizer.load(config.model);
          CausalLanguageModel model = CausalLanguageModel.load(config.model, config.lmOptions)) {
        timings.add(Timing.of("load model", Timing.secondsSince(load)));
        describeModel(model, info);
        for (Map.Entry<EmbeddingSetup, EmbeddingSettings> setup : config.setups.entrySet()) {
          String name = setup.getKey().name();
          settingsByName.put(name, setup.getValue());
          Map<String, float[]> vectors;
          try (Embedder embedder = new Embedder(model, tokenizer, setup.getValue())) {
            vectors = embed(embedder, name, texts, timings);
          }
          Function<List<String>, float[][]> lookup =
              batch -> batch.stream().map(vectors::get).toArray(float[][]::new);
          if (!sts.isEmpty()) {
            Map<StsDataset, StsSection.Score> row = new LinkedHashMap<>();
            sts.forEach((dataset, pairs) -> row.put(dataset, score(lookup, pairs)));
            stsScores.put(name, row);
          }
          if (!toy.isEmpty()) {
            toyScores.put(name, new ToyStudy(lookup).score(toy));
          }
        }
      }
    }
    List<ReportSection> extensionSections = new ArrayList<>();
    for (EvalDataset.Run extension : config.extensions.values()) {
      EvalDataset.Result result = extension.run();
      extensionSections.addAll(result.sections());
      timings.addAll(result.timings());
    }
    describeRun(info, sts, toy, begin);
    List<ReportSection> sections = new ArrayList<>();
    if (!settingsByName.isEmpty()) {
      sections.add(new SetupsSection(settingsByName));
    }
    if (!sts.isEmpty()) {
      Map<StsDataset, StsSection.Column> columns = new LinkedHashMap<>();
      sts.forEach(
          (dataset, list) ->
              columns.put(
                  dataset,
                  new StsSection.Column(list.size(), config.stsDatasets.get(dataset).origin())));
      sections.add(new StsSection(columns, stsScores));
    }
    if (!toy.isEmpty()) {
      sections.add(new ToyStudySection(toyScores));
    }
    sections.addAll(extensionSections);
    return new EvalReport(
        "solr-echo evaluation: " + config.model.toAbsolutePath().normalize().getFileName(),
        info,
        sections,
        timings);
  }

  /** Every sentence of every pair and triplet, each once, in order of first appearance. */
  static List<String> distinctTexts(Map<StsDataset, List<StsPair>> sts, List<ToyTriplet> toy) {
    Set<String> texts = new LinkedHashSet<>();
    for (List<StsPair> pairs : sts.values()) {
      for (StsPair pair : pairs) {
        texts.add(pair.sentence1());
        texts.add(pair.sentence2());
      }
    }
    for (ToyTriplet t : toy) {
      texts.add(t.query());
      texts.add(t.positive());
      texts.add(t.negative());
    }
    return new ArrayList<>(texts);
  }

  /**
   * Embeds {@code texts} as documents, longest first, a few micro-batches per call so that progress
   * is reported as it goes.
   */
  private static Map<String, float[]> embed(
      Embedder embedder, String setup, List<String> texts, List<Timing> timings) {
    List<String> order = new ArrayList<>(texts);
    order.sort(Comparator.comparingInt(String::length).reversed());
    int chunk = 2 * embedder.settings().maxBatchSize();
    Map<String, float[]> vectors = new HashMap<>(2 * texts.size());
    long tokens = 0;
    long truncated = 0;
    long start = System.nanoTime();
    try (ProgressBar progress = ProgressBar.step("embed " + setup, order.size(), "texts")) {
      for (int from = 0; from < order.size(); from += chunk) {
        List<String> part = order.subList(from, Math.min(order.size(), from + chunk));
        List<Embedding> embeddings;
        try {
          embeddings = embedder.embed(part, TextRole.DOCUMENT);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "setup " + setup + ": " + e.getMessage() + " (option --max-tokens sets maxTokens)",
              e);
        }
        for (int i = 0; i < part.size(); i++) {
          Embedding embedding = embeddings.get(i);
          vectors.put(part.get(i), embedding.vector());
          tokens += embedding.tokens();
          truncated += embedding.truncated() ? 1 : 0;
        }
        progress.advance(part.size());
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("texts", (long) texts.size());
    counts.put("tokens", tokens);
    counts.put("truncated", truncated);
    timings.add(new Timing("embed " + setup, Timing.secondsSince(start), counts));
    return vectors;
  }

  /** Spearman x100 of one set, or the reason there is none (e.g. all similarities equal). */
  private static StsSection.Score score(
      Function<List<String>, float[][]> lookup, List<StsPair> pairs) {
    try {
      return StsSection.Score.of(new StsEvaluator(lookup).spearmanX100(pairs));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return StsSection.Score.failed(e.getMessage());
    }
  }

  private void describeModel(CausalLanguageModel model, Map<String, String> info) {
    info.put("model", config.model.toAbsolutePath().normalize().toString());
    info.put("architecture", model.config().toString());
    info.put("positions", String.valueOf(model.config().maxPositions()));
    info.put("device / dtype", model.device() + " / " + model.dtype());
    EmbeddingSettings first = config.setups.values().iterator().next();
    info.put("max tokens per copy", String.valueOf(first.maxTokensPerCopy()));
    info.put(
        "micro-batch",
        first.maxBatchSize() + " texts, " + first.maxBatchTokens() + " padded tokens");
    info.put(
        "embedding parameters",
        config.parameters.isEmpty() ? "defaults" : config.parameters.toString());
  }

  private void describeRun(
      Map<String, String> info,
      Map<StsDataset, List<StsPair>> sts,
      List<ToyTriplet> toy,
      long begin) {
    List<String> datasets = new ArrayList<>();
    sts.keySet().forEach(d -> datasets.add(d.key()));
    if (!toy.isEmpty()) {
      datasets.add(EvalConfig.TOY);
    }
    datasets.addAll(config.extensions.keySet());
    info.put("datasets", String.join(", ", datasets));
    info.put(
        "limit",
        config.limit == Integer.MAX_VALUE
            ? "none (whole test sets)"
            : config.limit + " pairs per STS set, spread evenly over the set");
    if (!sts.isEmpty() || !config.extensions.isEmpty()) {
      info.put("data", config.data.description());
    }
    info.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    info.put(
        "java / cores",
        System.getProperty("java.version") + " / " + Runtime.getRuntime().availableProcessors());
    info.put("total time", ProgressBar.duration(Timing.secondsSince(begin)));
  }
}
