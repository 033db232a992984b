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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STS results: Spearman x100 of every setup on every dataset, with the average over the datasets,
 * as a table and two bar charts ({@code sts-average.png}, {@code sts-datasets.png}), and the pairs
 * evaluated per dataset with where they came from.
 */
public final class StsSection implements ReportSection {
  private final Map<StsDataset, Column> pairs;
  private final Map<String, Map<StsDataset, Score>> scores;

  /**
   * One dataset's column: the pairs evaluated, and where they came from.
   *
   * @param pairs the number of pairs evaluated
   * @param source the file and the pairs taken from it ({@link StsSource#origin()})
   */
  public record Column(int pairs, String source) {}

  /**
   * @param pairs the pairs evaluated per dataset, in column order
   * @param scores per setup name (row order), a score for every dataset of {@code pairs}
   */
  public StsSection(Map<StsDataset, Column> pairs, Map<String, Map<StsDataset, Score>> scores) {
    if (pairs.isEmpty() || scores.isEmpty()) {
      throw new IllegalArgumentException("STS section needs at least one dataset and one setup");
    }
    this.pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    Map<String, Map<StsDataset, Score>> copy = new LinkedHashMap<>();
    scores.forEach(
        (setup, row) -> {
          if (!row.keySet().equals(pairs.keySet())) {
            throw new IllegalArgumentException(
                "setup "
                    + setup
                    + " has scores for "
                    + row.keySet()
                    + ", expected "
                    + pairs.keySet());
          }
          copy.put(setup, Collections.unmodifiableMap(new LinkedHashMap<>(row)));
        });
    this.scores = Collections.unmodifiableMap(copy);
  }

  /** One setup on one dataset: Spearman x100, or why there is none. */
  public record Score(double spearmanX100, String error) {
    public static Score of(double spearmanX100) {
      return new Score(spearmanX100, null);
    }

    public static Score failed(String error) {
      return new Score(Double.NaN, error);
    }
  }

  /** The mean over all datasets, or NaN when a dataset has no score. */
  public double average(String setup) {
    double sum = 0;
    for (Score score : scores.get(setup).values()) {
      sum += score.spearmanX100();
    }
    return sum / pairs.size();
  }

  @Override
  public String key() {
    return "sts";
  }

  @Override
  public String title() {
    return "Semantic textual similarity";
  }

  @Override
  public String markdown() {
    List<String> header = new ArrayList<>(List.of("setup"));
    pairs.keySet().forEach(d -> header.add(d.title()));
    header.add("avg");
    MarkdownTable table = new MarkdownTable(header);
    for (String setup : scores.keySet()) {
      List<String> row = new ArrayList<>(List.of(setup));
      for (StsDataset dataset : pairs.keySet()) {
        row.add(
            MarkdownTable.numberMarkingBest(
                scores.get(setup).get(dataset).spearmanX100(), column(dataset), 2));
      }
      row.add(MarkdownTable.numberMarkingBest(average(setup), averages(), 2));
      table.row(row);
    }
    MarkdownTable counts = new MarkdownTable("dataset", "pairs", "source");
    pairs.forEach((d, c) -> counts.row(d.title(), String.valueOf(c.pairs()), c.source()));
    StringBuilder md =
        new StringBuilder(
            "Spearman correlation x100 between the cosine similarity of the two"
                + " sentences' embeddings and the gold score (higher is better; best per column in bold).\n\n");
    md.append(table).append('\n').append(counts);
    List<String> errors = new ArrayList<>();
    scores.forEach(
        (setup, row) ->
            row.forEach(
                (dataset, score) -> {
                  if (score.error() != null) {
                    errors.add("- " + setup + " on " + dataset.title() + ": " + score.error());
                  }
                }));
    if (!errors.isEmpty()) {
      md.append("\nNo score:\n\n").append(String.join("\n", errors)).append('\n');
    }
    return md.toString();
  }

  @Override
  public JsonElement json() {
    JsonObject root = new JsonObject();
    root.addProperty("metric", "spearman_x100");
    JsonObject pairCounts = new JsonObject();
    JsonObject sources = new JsonObject();
    pairs.forEach(
        (d, c) -> {
          pairCounts.addProperty(d.key(), c.pairs());
          sources.addProperty(d.key(), c.source());
        });
    root.add("pairs", pairCounts);
    root.add("sources", sources);
    JsonObject all = new JsonObject();
    JsonObject errors = new JsonObject();
    scores.forEach(
        (setup, row) -> {
          JsonObject values = new JsonObject();
          JsonObject setupErrors = new JsonObject();
          row.forEach(
              (dataset, score) -> {
                values.add(dataset.key(), JsonNumbers.of(score.spearmanX100()));
                if (score.error() != null) {
                  setupErrors.addProperty(dataset.key(), score.error());
                }
              });
          values.add("average", JsonNumbers.of(average(setup)));
          all.add(setup, values);
          if (setupErrors.size() > 0) {
            errors.add(setup, setupErrors);
          }
        });
    root.add("scores", all);
    root.add("errors", errors);
    return root;
  }

  @Override
  public List<BarChart> charts() {
    List<String> setups = new ArrayList<>(scores.keySet());
    List<Double> averages = new ArrayList<>();
    setups.forEach(s -> averages.add(average(s)));
    List<String> datasets = new ArrayList<>();
    pairs.keySet().forEach(d -> datasets.add(d.title()));
    Map<String, List<Double>> bySetup = new LinkedHashMap<>();
    for (String setup : setups) {
      List<Double> values = new ArrayList<>();
      pairs.keySet().forEach(d -> values.add(scores.get(setup).get(d).spearmanX100()));
      bySetup.put(setup, values);
    }
    return List.of(
        new BarChart(
            "sts-average.png",
            "STS average over " + pairs.size() + " datasets",
            "Spearman x100",
            setups,
            Map.of("average", averages)),
        new BarChart("sts-datasets.png", "STS per dataset", "Spearman x100", datasets, bySetup));
  }

  private List<Double> column(StsDataset dataset) {
    List<Double> values = new ArrayList<>();
    scores.values().forEach(row -> values.add(row.get(dataset).spearmanX100()));
    return values;
  }

  private List<Double> averages() {
    List<Double> values = new ArrayList<>();
    scores.keySet().forEach(s -> values.add(average(s)));
    return values;
  }
}
