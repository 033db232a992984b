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

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/** Draws a {@link BarChart} as a PNG with XChart (headless: no display needed). */
final class BarChartRenderer {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
  };

  private BarChartRenderer() {}

  /** Writes {@code chart} to {@code file}, replacing it. */
  static void writePng(BarChart chart, Path file) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    int groups = chart.categories().size();
    int bars = groups * chart.series().size();
    CategoryChart drawing =
        new CategoryChartBuilder()
            .width(Math.max(640, Math.min(1600, 160 + 28 * bars + 40 * groups)))
            .height(480)
            .title(chart.title())
            .yAxisTitle(chart.yAxisTitle())
            .build();
    CategoryStyler style = drawing.getStyler();
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotGridVerticalLinesVisible(false);
    style.setSeriesColors(PALETTE);
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setLegendLayout(Styler.LegendLayout.Horizontal);
    style.setLegendVisible(chart.series().size() > 1);
    style.setLabelsVisible(bars <= 48);
    style.setLabelsRotation(bars > 16 ? 90 : 0);
    style.setYAxisDecimalPattern("#0.#");
    style.setYAxisMin(chart.yMin());
    style.setYAxisMax(chart.yMax());
    style.setXAxisLabelRotation(groups > 6 ? 30 : 0);
    style.setAvailableSpaceFill(0.8);
    for (Map.Entry<String, List<Double>> series : chart.series().entrySet()) {
      List<Double> values = new ArrayList<>();
      for (Double value : series.getValue()) {
        values.add(value == null || !Double.isFinite(value) ? null : value);
      }
      drawing.addSeries(series.getKey(), chart.categories(), values);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(drawing, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
