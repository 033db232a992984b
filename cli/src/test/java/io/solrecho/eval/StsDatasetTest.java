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
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    List<StsPair> all = EvalData.local(EvalSamples.data()).sts(StsDataset.STS12).read();
    assertEquals(15, all.size());
    List<StsPair> some = StsDataset.spread(all, 5);
    assertEquals(5, some.size());
    // the first 5 pairs are MSRpar and MSRvid; a spread sample reaches the last subset (SMTnews)
    Set<StsPair> tail = new HashSet<>(all.subList(12, 15));
    assertTrue(some.stream().anyMatch(tail::contains));
  }

  @Test
  public void everyDatasetIsReadFromALocalFolder() throws IOException {
    Map<StsDataset, Integer> pairs = new EnumMap<>(StsDataset.class);
    EvalData data = EvalData.local(EvalSamples.data());
    for (StsDataset dataset : StsDataset.values()) {
      pairs.put(dataset, data.sts(dataset).read().size());
    }
    assertEquals(
        Map.of(
            StsDataset.STSB, 12,
            StsDataset.SICK, 7,
            StsDataset.STS12, 15,
            StsDataset.STS13, 9,
            StsDataset.STS14, 18,
            StsDataset.STS15, 12,
            StsDataset.STS16, 12),
        pairs);
  }

  @Test
  public void everyDatasetHasMtebsTestFileAtAPinnedCommit() {
    Set<String> repos = new HashSet<>();
    for (StsDataset dataset : StsDataset.values()) {
      HubDataFile hub = dataset.hub();
      assertTrue(hub.repo(), hub.repo().startsWith("mteb/"));
      assertEquals("test.jsonl.gz", hub.path());
      assertTrue(hub.revision(), hub.revision().matches("[0-9a-f]{40}"));
      repos.add(hub.repo());
    }
    assertEquals(StsDataset.values().length, repos.size());
    assertEquals(1, StsDataset.SICK.minScore(), 0);
    assertEquals(0, StsDataset.STS16.minScore(), 0);
  }

  @Test
  public void aLocalFolderWithoutTheSetNamesThePathAndTheOption() {
    Path empty = EvalSamples.data().resolve("sts12-16");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EvalData.local(empty).sts(StsDataset.SICK));
    assertTrue(
        e.getMessage(),
        e.getMessage().startsWith("--data: SICK-R not found at " + empty.resolve("sick/SICK.txt")));
    assertTrue(e.getMessage(), e.getMessage().contains("leave --data out to download"));
  }
}
