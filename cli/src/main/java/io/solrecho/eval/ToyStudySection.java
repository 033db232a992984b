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
 * Toy-study results: per setup, the share of triplets where the query is closer to the positive
 * than to the negative, for S1 (early part decides), S2 (late part decides) and all triplets, as a
 * table and a bar chart ({@code toy-study.png}). 50% is chance.
 */
public final class ToyStudySection implements ReportSection {
  private final Map<String, ToyStudy.Score> scores;

  /**
   * @param scores per setup name, in row order
   */
  public ToyStudySection(Map<String, ToyStudy.Score> scores) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("toy study section needs at least one setup");
    }
    this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
  }

  @Override
  public String key() {
    return "toy";
  }

  @Override
  public String title() {
    return "Toy study (S1: early part decides, S2: late part decides)";
  }

  @Override
  public String markdown() {
    ToyStudy.Score any = scores.values().iterator().next();
    MarkdownTable table = new MarkdownTable("setup", "S1 %", "S2 %", "all %");
    scores.forEach(
        (setup, s) ->
            table.row(
                setup,
                MarkdownTable.number(s.s1Percent(), 1),
                MarkdownTable.number(s.s2Percent(), 1),
                MarkdownTable.number(s.overallPercent(), 1)));
    return "Share of triplets with cos(q, s+) > cos(q, s-), in percent (50 is chance), on the built-in set of "
        + any.s1Total()
        + " S1 and "
        + any.s2Total()
        + " S2 triplets. Query q = [A, B], positive s+ = [A+, B+];"
        + " S1 negative s- = [A-, B] (same end as q), S2 negative s- = [A, B-] (same start as q).\n\n"
        + table;
  }

  @Override
  public JsonElement json() {
    JsonObject root = new JsonObject();
    root.addProperty("metric", "percent_of_triplets_with_positive_closer");
    JsonObject all = new JsonObject();
    scores.forEach(
        (setup, s) -> {
          JsonObject entry = new JsonObject();
          entry.add("s1_percent", JsonNumbers.of(s.s1Percent()));
          entry.add("s2_percent", JsonNumbers.of(s.s2Percent()));
          entry.add("all_percent", JsonNumbers.of(s.overallPercent()));
          entry.addProperty("s1_right", s.s1Right());
          entry.addProperty("s1_total", s.s1Total());
          entry.addProperty("s2_right", s.s2Right());
          entry.addProperty("s2_total", s.s2Total());
          all.add(setup, entry);
        });
    root.add("scores", all);
    return root;
  }

  @Override
  public List<BarChart> charts() {
    List<Double> s1 = new ArrayList<>();
    List<Double> s2 = new ArrayList<>();
    List<Double> overall = new ArrayList<>();
    scores
        .values()
        .forEach(
            s -> {
              s1.add(s.s1Percent());
              s2.add(s.s2Percent());
              overall.add(s.overallPercent());
            });
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("S1 (early part decides)", s1);
    series.put("S2 (late part decides)", s2);
    series.put("all", overall);
    return List.of(
        new BarChart(
            "toy-study.png",
            "Toy study: positive closer than negative (50% = chance)",
            "% of triplets",
            new ArrayList<>(scores.keySet()),
            series,
            0.0,
            100.0));
  }
}
