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

import io.solrecho.download.HubDownloader;
import io.solrecho.embed.EmbeddingMode;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.lm.LmOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;

/**
 * The options of {@code bin/solr-echo eval}, read and checked once before any model is loaded:
 * paths exist, every setup's settings (templates included) are valid, datasets are known, and their
 * data is found: in the {@code --data} folder, or downloaded from the hub into the cache.
 */
final class EvalConfig {
  /** Name of the toy study in {@code --datasets}. */
  static final String TOY = "toy";

  /** The cache of downloaded data sets under the user's cache folder. */
  static final String CACHE_FOLDER = "solr-echo/datasets";

  final Path model;
  final Path out;
  final EvalData data;
  final int limit;

  /** The chosen STS sets, found and ready to read, in --datasets order. */
  final Map<StsDataset, StsSource> stsDatasets;

  final boolean toy;
  final LmOptions lmOptions;

  /** Settings of each setup, in report order. */
  final Map<EmbeddingSetup, EmbeddingSettings> setups;

  /** The shared embedding parameters given on the command line (for the report). */
  final Map<String, String> parameters;

  /**
   * Data sets of other modules ({@link EvalDataset}), checked and ready, by key in --datasets
   * order.
   */
  final Map<String, EvalDataset.Run> extensions;

  private EvalConfig(
      Path model,
      Path out,
      EvalData data,
      int limit,
      Map<StsDataset, StsSource> stsDatasets,
      boolean toy,
      LmOptions lmOptions,
      Map<EmbeddingSetup, EmbeddingSettings> setups,
      Map<String, String> parameters,
      Map<String, EvalDataset.Run> extensions) {
    this.model = model;
    this.out = out;
    this.data = data;
    this.limit = limit;
    this.stsDatasets = stsDatasets;
    this.toy = toy;
    this.lmOptions = lmOptions;
    this.setups = setups;
    this.parameters = parameters;
    this.extensions = extensions;
  }

  /**
   * Checks the options together and finds the data.
   *
   * @param environment HF_ENDPOINT, HF_TOKEN and XDG_CACHE_HOME where set
   * @param extensions the data sets of other modules by key ({@link #extensions()}), their options
   *     set
   * @throws IllegalArgumentException naming the option that is wrong, or the missing local data
   * @throws DataUnavailableException when a data set cannot be downloaded
   */
  static EvalConfig read(
      EvalOptions options, Map<String, String> environment, Map<String, EvalDataset> extensions)
      throws IOException {
    Path model = options.model.folder();
    if (!Files.isRegularFile(model.resolve("config.json"))) {
      throw new IllegalArgumentException(
          "--model: "
              + model.toAbsolutePath()
              + " is not a model folder (no config.json); pass a Hugging Face model folder");
    }
    Path out = options.out;
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out: " + out.toAbsolutePath() + " exists and is not a folder");
    }
    int limit = Integer.MAX_VALUE;
    if (options.limit != null) {
      limit = options.limit;
      if (limit < 2) {
        throw new IllegalArgumentException(
            "--limit: Spearman's correlation needs at least 2 pairs, got " + limit);
      }
    }
    List<StsDataset> sts = new ArrayList<>();
    boolean toy = false;
    List<EvalDataset> chosenExtensions = new ArrayList<>();
    String known = allDatasetNames(extensions.keySet());
    String datasets = options.datasets;
    for (String name : (datasets == null ? known : datasets).split(",")) {
      String key = name.trim().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        continue;
      }
      StsDataset dataset = StsDataset.byKey(key);
      if (key.equals(TOY)) {
        toy = true;
      } else if (extensions.containsKey(key)) {
        if (!chosenExtensions.contains(extensions.get(key))) {
          chosenExtensions.add(extensions.get(key));
        }
      } else if (dataset == null) {
        throw new IllegalArgumentException(
            "--datasets: unknown dataset '" + name.trim() + "'; known: " + known);
      } else if (!sts.contains(dataset)) {
        sts.add(dataset);
      }
    }
    if (sts.isEmpty() && !toy && chosenExtensions.isEmpty()) {
      throw new IllegalArgumentException("--datasets: none given; known: " + known);
    }
    Map<String, String> parameters = options.tokens.parameters();
    Map<EmbeddingMode, String> templates = new EnumMap<>(EmbeddingMode.class);
    putIfGiven(templates, EmbeddingMode.ECHO, options.echoTemplate);
    putIfGiven(templates, EmbeddingMode.CLASSICAL, options.classicalTemplate);
    putIfGiven(templates, EmbeddingMode.PROMPTEOL, options.prompteolTemplate);
    List<EmbeddingSetup> setupList =
        options.setups == null ? EmbeddingSetup.DEFAULTS : EmbeddingSetup.parseList(options.setups);
    Map<EmbeddingSetup, EmbeddingSettings> setups = new LinkedHashMap<>();
    for (EmbeddingSetup setup : setupList) {
      setups.put(setup, setup.settings(parameters, templates.get(setup.mode())));
    }
    LmOptions lm = options.device.lmOptions();
    EvalData data = data(options, environment);
    Map<StsDataset, StsSource> stsSources = new LinkedHashMap<>();
    for (StsDataset dataset : sts) {
      stsSources.put(dataset, data.sts(dataset));
    }
    Map<String, String> modelParameters = new LinkedHashMap<>(parameters);
    modelParameters.put("device", lm.deviceName());
    modelParameters.put("dtype", lm.dtypeName());
    EvalDataset.Context context =
        new EvalDataset.Context(
            model,
            options.limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
            modelParameters);
    Map<String, EvalDataset.Run> prepared = new LinkedHashMap<>();
    for (EvalDataset extension : chosenExtensions) {
      prepared.put(extension.key(), extension.prepare(data, context));
    }
    return new EvalConfig(
        model,
        out,
        data,
        limit,
        Collections.unmodifiableMap(stsSources),
        toy,
        lm,
        Collections.unmodifiableMap(setups),
        Collections.unmodifiableMap(parameters),
        Collections.unmodifiableMap(prepared));
  }

  private static <K> void putIfGiven(Map<K, String> map, K key, Object value) {
    if (value != null) {
      map.put(key, value.toString());
    }
  }

  /**
   * The folder of {@code --data}, or the hub (HF_ENDPOINT, HF_TOKEN) with the cache of {@code
   * --cache}, by default {@value #CACHE_FOLDER} under XDG_CACHE_HOME or {@code ~/.cache}.
   */
  private static EvalData data(EvalOptions options, Map<String, String> environment) {
    if (options.data != null) {
      if (options.cache != null) {
        throw new IllegalArgumentException(
            "--cache: nothing is downloaded when --data gives the data sets; pass one or the other");
      }
      if (!Files.isDirectory(options.data)) {
        throw new IllegalArgumentException(
            "--data: " + options.data.toAbsolutePath() + " is not a folder");
      }
      return EvalData.local(options.data);
    }
    HubDownloader downloader =
        HubDownloader.builder().environment(environment).progress(System.err).build();
    return EvalData.hub(
        downloader, options.cache != null ? options.cache : defaultCache(environment));
  }

  static Path defaultCache(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Paths.get(xdg)
            : Paths.get(System.getProperty("user.home"), ".cache");
    return base.resolve(CACHE_FOLDER);
  }

  /** The keys of the built-in data sets, then {@code extensions}, comma-separated. */
  static String allDatasetNames(Collection<String> extensions) {
    List<String> names = new ArrayList<>();
    for (StsDataset dataset : StsDataset.values()) {
      names.add(dataset.key());
    }
    names.add(TOY);
    names.addAll(extensions);
    return String.join(",", names);
  }

  /** The data sets other modules on the classpath add ({@link java.util.ServiceLoader}), by key. */
  static Map<String, EvalDataset> extensions() {
    Map<String, EvalDataset> byKey = new LinkedHashMap<>();
    for (EvalDataset extension : ServiceLoader.load(EvalDataset.class)) {
      String key = extension.key();
      if (key == null
          || !key.matches("[a-z0-9][a-z0-9-]*")
          || key.equals(TOY)
          || StsDataset.byKey(key) != null
          || byKey.containsKey(key)) {
        throw new IllegalStateException(
            "eval data set "
                + extension.getClass().getName()
                + " has the key '"
                + key
                + "', which is malformed or taken; keys are [a-z0-9-]+ and unique");
      }
      byKey.put(key, extension);
    }
    return byKey;
  }
}
