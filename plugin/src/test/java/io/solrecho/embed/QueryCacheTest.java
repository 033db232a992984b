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
package io.solrecho.embed;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** LRU behaviour and key separation of the query cache. */
public class QueryCacheTest {
  private static final PromptTemplate ECHO = PromptTemplate.defaultFor(EmbeddingMode.ECHO);
  private static final PromptTemplate CLASSICAL =
      PromptTemplate.defaultFor(EmbeddingMode.CLASSICAL);

  @Test
  public void aStoredVectorIsReturnedAndCountedAsAHit() {
    QueryCache cache = new QueryCache(4);
    assertNull(cache.get("fp", ECHO, "q"));
    cache.put("fp", ECHO, "q", new float[] {1, 2});
    assertArrayEquals(new float[] {1, 2}, cache.get("fp", ECHO, "q"), 0f);
    assertEquals(1, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  public void fingerprintTemplateAndTextAreAllPartOfTheKey() {
    QueryCache cache = new QueryCache(4);
    cache.put("fp", ECHO, "q", new float[] {1});
    assertNull(cache.get("other", ECHO, "q"));
    assertNull(cache.get("fp", CLASSICAL, "q"));
    assertNull(cache.get("fp", ECHO, "Q"));
  }

  @Test
  public void theLeastRecentlyUsedEntryIsEvicted() {
    QueryCache cache = new QueryCache(2);
    cache.put("fp", ECHO, "a", new float[] {1});
    cache.put("fp", ECHO, "b", new float[] {2});
    cache.get("fp", ECHO, "a");
    cache.put("fp", ECHO, "c", new float[] {3});
    assertNull(cache.get("fp", ECHO, "b"));
    assertArrayEquals(new float[] {1}, cache.get("fp", ECHO, "a"), 0f);
    assertEquals(2, cache.size());
  }

  @Test
  public void callersCannotChangeCachedVectors() {
    QueryCache cache = new QueryCache(2);
    float[] vector = {1};
    cache.put("fp", ECHO, "a", vector);
    vector[0] = 9;
    cache.get("fp", ECHO, "a")[0] = 7;
    assertArrayEquals(new float[] {1}, cache.get("fp", ECHO, "a"), 0f);
  }

  @Test
  public void capacityZeroStoresNothing() {
    QueryCache cache = new QueryCache(0);
    cache.put("fp", ECHO, "a", new float[] {1});
    assertNull(cache.get("fp", ECHO, "a"));
  }
}
