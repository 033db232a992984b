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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class PearsonCorrelationTest {
  @Test
  public void matchesHandComputedValue() {
    // x = [1, 2, 3], y = [1, 2, 4]: means 2 and 7/3; dx = [-1, 0, 1], dy = [-4/3, -1/3, 5/3]
    // sum dx*dy = 4/3 + 5/3 = 3; sum dx^2 = 2; sum dy^2 = (16 + 1 + 25)/9 = 14/3
    // r = 3 / sqrt(2 * 14/3) = 3 / sqrt(28/3)
    assertEquals(
        3 / Math.sqrt(28.0 / 3),
        PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {1, 2, 4}),
        1e-12);
  }

  @Test
  public void linearRelationIsPerfect() {
    assertEquals(
        1.0, PearsonCorrelation.of(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 9}), 1e-12);
    assertEquals(
        -1.0, PearsonCorrelation.of(new double[] {1, 2, 3, 4}, new double[] {9, 7, 5, 3}), 1e-12);
  }

  @Test
  public void constantSampleIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PearsonCorrelation.of(new double[] {2, 2, 2}, new double[] {1, 2, 3}));
  }
}
