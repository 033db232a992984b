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

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link EvalReport} into a folder: {@value #MARKDOWN} (configuration, one part per
 * section with its tables and charts, timing), {@value #JSON} (the raw numbers) and one PNG per
 * chart.
 */
public final class ReportWriter {
  public static final String MARKDOWN = "report.md";
  public static final String JSON = "results.json";

  private ReportWriter() {}

  /**
   * Writes the report, creating {@code folder} if needed and replacing files of the same names.
   *
   * @return the files written: Markdown, JSON, then the charts
   */
  public static List<Path> write(EvalReport report, Path folder) throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    // numbers first: a chart that cannot be drawn must not cost the results
    written.add(
        Files.writeString(folder.resolve(MARKDOWN), markdown(report), StandardCharsets.UTF_8));
    written.add(
        Files.writeString(
            folder.resolve(JSON),
            new GsonBuilder()
                    .setPrettyPrinting()
                    .serializeNulls()
                    .disableHtmlEscaping()
                    .create()
                    .toJson(json(report))
                + "\n",
            StandardCharsets.UTF_8));
    for (ReportSection section : report.sections()) {
      for (BarChart chart : section.charts()) {
        Path file = folder.resolve(chart.fileName());
        BarChartRenderer.writePng(chart, file);
        written.add(file);
      }
    }
    return written;
  }

  /** The Markdown text of {@code report}. */
  public static String markdown(EvalReport report) {
    StringBuilder md = new StringBuilder("# ").append(report.title()).append("\n\n");
    if (!report.info().isEmpty()) {
      MarkdownTable info = new MarkdownTable("setting", "value");
      report.info().forEach(info::row);
      md.append("## Model and configuration\n\n").append(info).append('\n');
    }
    for (ReportSection section : report.sections()) {
      md.append("## ").append(section.title()).append("\n\n");
      String body = section.markdown().strip();
      if (!body.isEmpty()) {
        md.append(body).append("\n\n");
      }
      for (BarChart chart : section.charts()) {
        md.append("![").append(chart.title()).append("](").append(chart.fileName()).append(")\n\n");
      }
    }
    if (!report.timings().isEmpty()) {
      MarkdownTable timing = new MarkdownTable("step", "seconds", "counts");
      double total = 0;
      for (Timing t : report.timings()) {
        timing.row(t.step(), MarkdownTable.number(t.seconds(), 1), counts(t.counts()));
        total += t.seconds();
      }
      timing.row("**total**", MarkdownTable.number(total, 1), "");
      md.append("## Timing\n\n").append(timing).append('\n');
    }
    return md.toString();
  }

  /** The JSON document of {@code report}. */
  public static JsonObject json(EvalReport report) {
    JsonObject root = new JsonObject();
    root.addProperty("title", report.title());
    JsonObject info = new JsonObject();
    report.info().forEach((name, value) -> info.addProperty(jsonName(name), value));
    root.add("info", info);
    JsonObject sections = new JsonObject();
    JsonArray chartFiles = new JsonArray();
    for (ReportSection section : report.sections()) {
      sections.add(section.key(), section.json());
      section.charts().forEach(c -> chartFiles.add(c.fileName()));
    }
    root.add("sections", sections);
    JsonArray timings = new JsonArray();
    for (Timing t : report.timings()) {
      JsonObject entry = new JsonObject();
      entry.addProperty("step", t.step());
      entry.addProperty("seconds", t.seconds());
      t.counts().forEach(entry::addProperty);
      timings.add(entry);
    }
    root.add("timings", timings);
    root.add("charts", chartFiles);
    return root;
  }

  /** {@code device / dtype -> device_dtype}: the info names as JSON members. */
  static String jsonName(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static String counts(Map<String, Long> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((name, value) -> parts.add(name + "=" + value));
    return String.join(", ", parts);
  }
}
