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
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.solrecho.SharedFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class StsDatasetTest {
  @Test
  public void spreadPicksEvenlySpacedItemsInOrder() {
    assertEquals(List.of(0, 3, 6), StsDataset.spread(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), 3));
    assertEquals(List.of(0, 2, 5, 7), StsDataset.spread(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 4));
  }

  @Test
  public void spreadKeepsEverythingWhenTheLimitIsLarger() {
    List<Integer> items = List.of(1, 2, 3);
    assertSame(items, StsDataset.spread(items, 3));
    assertSame(items, StsDataset.spread(items, Integer.MAX_VALUE));
  }

  @Test
  public void keysAreTheCommandLineNames() {
    assertSame(StsDataset.STS14, StsDataset.byKey("sts14"));
    assertEquals("SICK-R", StsDataset.byKey("sick").title());
    assertEquals(null, StsDataset.byKey("sts17"));
  }

  @Test
  public void limitedSemEvalYearDrawsFromEverySubset() throws IOException {
    Path data = SharedFixtures.resolve("data");
    List<StsPair> all = StsDataset.STS12.read(data, Integer.MAX_VALUE);
    assertEquals(3108, all.size());
    List<StsPair> some = StsDataset.STS12.read(data, 50);
    assertEquals(50, some.size());
    // the first 50 pairs are all MSRpar; a spread sample reaches the last subset (SMTnews) too
    Set<StsPair> tail = new HashSet<>(all.subList(all.size() - 399, all.size()));
    assertTrue(some.stream().anyMatch(tail::contains));
  }

  @Test
  public void everyDatasetReadsFromTheSharedFolder() throws IOException {
    Path data = SharedFixtures.resolve("data");
    for (StsDataset dataset : StsDataset.values()) {
      assertEquals(dataset.key(), 10, dataset.read(data, 10).size());
    }
  }
}
