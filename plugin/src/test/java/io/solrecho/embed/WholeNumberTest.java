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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/**
 * The one rule for counts, sizes and limits read from configuration and the command line: a whole
 * number of at least a bound, with errors that say what was expected and what came.
 */
public class WholeNumberTest {
  @Test
  public void aWholeNumberAtTheBoundOrAboveIsReadWithoutSurroundingBlanks() {
    assertEquals(1, WholeNumber.atLeast("batchSize", "1", 1));
    assertEquals(512, WholeNumber.atLeast("maxTokens", " 512 ", 1));
    assertEquals(0, WholeNumber.atLeast("passages.overlap", "0", 0));
    assertEquals(7, WholeNumber.atLeast("shards", 7, 1));
  }

  @Test
  public void textThatIsNotAWholeNumberIsRefusedNamingTheParameterAndTheText() {
    for (String text : new String[] {"ten", "1.5", "", "2147483648"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> WholeNumber.atLeast("batchSize", text, 1));
      assertEquals(
          "batchSize: expected a whole number of at least 1, got '" + text + "'", e.getMessage());
    }
  }

  @Test
  public void aNumberBelowTheBoundIsRefusedNamingTheParameterAndTheBound() {
    IllegalArgumentException text =
        assertThrows(
            IllegalArgumentException.class, () -> WholeNumber.atLeast("maxTokens", "0", 1));
    assertEquals("maxTokens: expected a whole number of at least 1, got 0", text.getMessage());
    IllegalArgumentException number =
        assertThrows(IllegalArgumentException.class, () -> WholeNumber.atLeast("overlap", -1, 0));
    assertEquals("overlap: expected a whole number of at least 0, got -1", number.getMessage());
  }

  @Test
  public void parseSaysTheRuleWithoutANameForCallersThatNameTheOptionThemselves() {
    assertEquals(3, WholeNumber.parse("3", 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WholeNumber.parse("-2", 0));
    assertEquals("expected a whole number of at least 0, got -2", e.getMessage());
  }
}
