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

import java.util.List;
import org.junit.Test;

public class MarkdownTableTest {
  @Test
  public void numberColumnsAreRightAligned() {
    String table =
        new MarkdownTable("setup", "STS-B", "note")
            .row("echo-mean", "**71.20**", "best")
            .row("classical-mean", "n/a", "failed")
            .toString();
    assertEquals(
        "| setup | STS-B | note |\n|---|---:|---|\n| echo-mean | **71.20** | best |\n"
            + "| classical-mean | n/a | failed |\n",
        table);
  }

  @Test
  public void pipesAndLineBreaksAreEscaped() {
    String table = new MarkdownTable("template").row("a|b\nc").toString();
    assertEquals("| template |\n|---|\n| a\\|b\\nc |\n", table);
  }

  @Test
  public void rowMustFitTheHeader() {
    assertThrows(IllegalArgumentException.class, () -> new MarkdownTable("a", "b").row("1"));
  }

  @Test
  public void missingNumbersShowAsNotAvailable() {
    assertEquals("n/a", MarkdownTable.number(Double.NaN, 2));
    assertEquals("-3.14", MarkdownTable.number(-3.14159, 2));
  }

  @Test
  public void theBestOfAColumnOfSeveralRowsIsBold() {
    List<Double> column = List.of(0.5, 0.75, Double.NaN, 0.75);
    assertEquals("**0.7500**", MarkdownTable.numberMarkingBest(0.75, column, 4));
    assertEquals("0.50", MarkdownTable.numberMarkingBest(0.5, column, 2));
    assertEquals("n/a", MarkdownTable.numberMarkingBest(Double.NaN, column, 2));
    assertEquals("0.75", MarkdownTable.numberMarkingBest(0.75, List.of(0.75), 2));
    assertEquals("n/a", MarkdownTable.numberMarkingBest(Double.NaN, List.of(Double.NaN, 1.0), 2));
  }
}
