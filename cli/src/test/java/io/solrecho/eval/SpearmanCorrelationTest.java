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

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SpearmanCorrelationTest {
  private static final double EPS = 1e-12;

  @Test
  public void tiedValuesShareTheAverageOfTheirRanks() {
    // sorted: 5 -> rank 1, 10 -> rank 2, the three 20s cover ranks 3, 4, 5 -> (3+4+5)/3 = 4
    assertArrayEquals(
        new double[] {2, 4, 4, 4, 1},
        SpearmanCorrelation.averageRanks(new double[] {10, 20, 20, 20, 5}),
        0);
  }

  @Test
  public void tiesInBothSamplesUseThePearsonCorrelationOfAverageRanks() {
    // x = [1, 2, 2, 3, 4]  -> ranks [1, 2.5, 2.5, 4, 5]
    // y = [2, 1, 4, 3, 3]  -> ranks [2, 1, 5, 3.5, 3.5]   (the two 3s share ranks 3 and 4)
    // both rank vectors have mean 3; centred:
    //   dx = [-2, -0.5, -0.5, 1, 2]      sum dx^2 = 4 + 0.25 + 0.25 + 1 + 4 = 9.5
    //   dy = [-1, -2, 2, 0.5, 0.5]       sum dy^2 = 1 + 4 + 4 + 0.25 + 0.25 = 9.5
    //   sum dx*dy = 2 + 1 - 1 + 0.5 + 1 = 3.5
    // rho = 3.5 / sqrt(9.5 * 9.5) = 7/19 = 0.368421... (scipy.stats.spearmanr agrees)
    // The no-ties shortcut 1 - 6*sum(d^2)/(n(n^2-1)) would give 1 - 6*12/120 = 0.4: wrong with
    // ties.
    double rho = SpearmanCorrelation.of(new double[] {1, 2, 2, 3, 4}, new double[] {2, 1, 4, 3, 3});
    assertEquals(7.0 / 19.0, rho, EPS);
  }

  @Test
  public void monotoneButNonLinearRelationIsPerfect() {
    assertEquals(
        1.0,
        SpearmanCorrelation.of(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 1000}),
        EPS);
  }

  @Test
  public void reversedOrderIsPerfectlyInverse() {
    assertEquals(
        -1.0,
        SpearmanCorrelation.of(new double[] {1, 2, 3, 4}, new double[] {0.9, 0.5, 0.1, -3}),
        EPS);
  }

  @Test
  public void doesNotDependOnTheOrderOfPairs() {
    double a = SpearmanCorrelation.of(new double[] {1, 2, 2, 3, 4}, new double[] {2, 1, 4, 3, 3});
    double b = SpearmanCorrelation.of(new double[] {4, 2, 3, 1, 2}, new double[] {3, 4, 3, 2, 1});
    assertEquals(a, b, EPS);
  }

  @Test
  public void constantSampleIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpearmanCorrelation.of(new double[] {1, 2, 3}, new double[] {5, 5, 5}));
    assertTrue(e.getMessage(), e.getMessage().contains("all 3 values of y are equal"));
  }

  @Test
  public void mismatchedLengthsAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpearmanCorrelation.of(new double[] {1, 2, 3}, new double[] {1, 2}));
    assertTrue(e.getMessage(), e.getMessage().contains("same length, got 3 and 2"));
  }

  @Test
  public void fewerThanTwoValuesAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SpearmanCorrelation.of(new double[] {1}, new double[] {1}));
  }

  @Test
  public void nanIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpearmanCorrelation.of(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3}));
    assertTrue(e.getMessage(), e.getMessage().contains("x[1]=NaN"));
  }
}
