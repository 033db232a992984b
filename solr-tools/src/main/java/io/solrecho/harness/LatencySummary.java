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
package io.solrecho.harness;

import com.google.gson.JsonObject;
import io.solrecho.cli.BenchJson;
import java.util.Arrays;

/**
 * Percentiles of request latencies, nearest-rank: the p-th percentile of n sorted values is the
 * value at rank ceil(p/100 * n), so p99 of 100 values is the 99th and of 20 values the 20th (the
 * largest).
 *
 * @param count the number of latencies
 * @param p50Millis the median
 * @param p99Millis the 99th percentile
 * @param meanMillis the mean
 * @param maxMillis the largest
 */
record LatencySummary(
    int count, double p50Millis, double p99Millis, double meanMillis, double maxMillis) {
  /**
   * @param millis the latencies in milliseconds, at least one
   * @throws IllegalArgumentException when there are none
   */
  static LatencySummary of(double[] millis) {
    if (millis.length == 0) {
      throw new IllegalArgumentException("no latencies to summarise");
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 99),
        Arrays.stream(sorted).average().orElseThrow(),
        sorted[sorted.length - 1]);
  }

  /** The nearest-rank percentile {@code p} (0 &lt; p &le; 100) of sorted values. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  JsonObject json() {
    JsonObject json = new JsonObject();
    json.addProperty("queries", count);
    json.addProperty("p50_ms", BenchJson.round(p50Millis));
    json.addProperty("p99_ms", BenchJson.round(p99Millis));
    json.addProperty("mean_ms", BenchJson.round(meanMillis));
    json.addProperty("max_ms", BenchJson.round(maxMillis));
    return json;
  }
}
