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
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.Test;

public class ToyTripletsTest {
  @Test
  public void builtInSetHasTwentyTripletsOfEachKind() throws IOException {
    List<ToyTriplet> triplets = ToyTriplets.builtIn();
    assertEquals(40, triplets.size());
    assertEquals(20, triplets.stream().filter(t -> t.kind() == ToyTriplet.Kind.S1).count());
    assertEquals(20, triplets.stream().filter(t -> t.kind() == ToyTriplet.Kind.S2).count());
    assertEquals(40, new HashSet<>(triplets.stream().map(ToyTriplet::id).toList()).size());
  }

  @Test
  public void builtInNegativesKeepTheUndecidingPartOfTheQueryWordForWord() throws IOException {
    for (ToyTriplet t : ToyTriplets.builtIn()) {
      List<String> query = Arrays.asList(t.query().split(" "));
      List<String> negative = Arrays.asList(t.negative().split(" "));
      int prefix = commonPrefix(query, negative);
      int suffix = commonPrefix(reversed(query), reversed(negative));
      if (t.kind() == ToyTriplet.Kind.S1) {
        assertTrue(
            t.id() + ": S1 negative must end like the query", suffix >= 3 && suffix > prefix);
      } else {
        assertTrue(
            t.id() + ": S2 negative must start like the query", prefix >= 3 && prefix > suffix);
      }
      assertTrue(
          t.id() + ": texts must differ",
          !t.query().equals(t.positive()) && !t.query().equals(t.negative()));
    }
  }

  @Test
  public void unknownKindIsReportedWithItsIndex() {
    String json = "{\"triplets\":[" + triplet("a", "S1") + "," + triplet("b", "S3") + "]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ToyTriplets.parse(new StringReader(json), "test.json"));
    assertEquals("test.json: triplets[1]: kind must be S1 or S2, got 'S3'", e.getMessage());
  }

  @Test
  public void missingFieldIsReported() {
    String json =
        "{\"triplets\":[{\"id\":\"a\",\"kind\":\"S2\",\"query\":\"q\",\"positive\":\"p\"}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ToyTriplets.parse(new StringReader(json), "test.json"));
    assertEquals("test.json: triplets[0]: \"negative\" must be a non-blank string", e.getMessage());
  }

  @Test
  public void repeatedIdIsRejected() {
    String json = "{\"triplets\":[" + triplet("a", "S1") + "," + triplet("a", "S2") + "]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ToyTriplets.parse(new StringReader(json), "test.json"));
    assertTrue(e.getMessage(), e.getMessage().contains("id 'a' is used twice"));
  }

  private static String triplet(String id, String kind) {
    return "{\"id\":\""
        + id
        + "\",\"kind\":\""
        + kind
        + "\",\"query\":\"q\",\"positive\":\"p\",\"negative\":\"n\"}";
  }

  private static int commonPrefix(List<String> a, List<String> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
      n++;
    }
    return n;
  }

  private static List<String> reversed(List<String> words) {
    List<String> copy = new ArrayList<>(words);
    Collections.reverse(copy);
    return copy;
  }
}
