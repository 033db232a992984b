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

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Nearest-rank percentiles of latencies. */
public class LatencySummaryTest {
  @Test
  public void percentilesAreNearestRank() {
    double[] millis = new double[100];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = 100 - i; // 100 .. 1, unsorted on purpose
    }
    LatencySummary summary = LatencySummary.of(millis);
    assertEquals(50.0, summary.p50Millis(), 0);
    assertEquals(99.0, summary.p99Millis(), 0);
    assertEquals(50.5, summary.meanMillis(), 1e-9);
    assertEquals(100.0, summary.maxMillis(), 0);
    assertEquals(100, summary.count());
  }

  @Test
  public void withFewerThanAHundredLatenciesP99IsTheLargest() {
    LatencySummary summary = LatencySummary.of(new double[] {3, 1, 2});
    assertEquals(2.0, summary.p50Millis(), 0);
    assertEquals(3.0, summary.p99Millis(), 0);
  }

  @Test(expected = IllegalArgumentException.class)
  public void noLatenciesIsAnError() {
    LatencySummary.of(new double[0]);
  }
}
