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

import io.solrecho.embed.EmbeddingMode;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.Pooling;
import io.solrecho.embed.TextRole;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class EmbeddingSetupTest {
  @Test
  public void nameIsModeDashPooling() {
    EmbeddingSetup setup = EmbeddingSetup.parse("PromptEOL-last");
    assertEquals(new EmbeddingSetup(EmbeddingMode.PROMPTEOL, Pooling.LAST), setup);
    assertEquals("prompteol-last", setup.name());
  }

  @Test
  public void defaultsAreThePapersZeroShotComparison() {
    assertEquals(
        List.of("echo-mean", "echo-last", "classical-mean", "classical-last", "prompteol-last"),
        EmbeddingSetup.DEFAULTS.stream().map(EmbeddingSetup::name).toList());
  }

  @Test
  public void unknownModeNamesTheAcceptedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EmbeddingSetup.parse("echo-max"));
    assertEquals(
        "setup 'echo-max': expected <mode>-<pooling> with mode echo|classical|prompteol and pooling"
            + " mean|last, e.g. echo-mean",
        e.getMessage());
  }

  @Test
  public void listRejectsRepeats() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmbeddingSetup.parseList("echo-mean, classical-mean,echo-mean"));
    assertEquals("setup 'echo-mean' is listed twice", e.getMessage());
  }

  @Test
  public void settingsUseTheModesZeroShotTemplateUnlessOverridden() {
    EmbeddingSetup setup = EmbeddingSetup.parse("echo-last");
    EmbeddingSettings defaults = setup.settings(Map.of("maxTokens", "60"), null);
    assertEquals(
        EmbeddingMode.ECHO.defaultTemplate(), defaults.template(TextRole.DOCUMENT).template());
    assertEquals(Pooling.LAST, defaults.pooling());
    assertEquals(60, defaults.maxTokensPerCopy());
    EmbeddingSettings custom =
        setup.settings(
            Map.of(), "Rewrite the following sentence: {x}\\nThe rewritten sentence: {x}");
    assertEquals(
        "Rewrite the following sentence: {x}\nThe rewritten sentence: {x}",
        custom.template(TextRole.DOCUMENT).template());
  }

  @Test
  public void badTemplateNamesTheSetup() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmbeddingSetup.parse("echo-mean").settings(Map.of(), "only once: {x}"));
    assertTrue(e.getMessage(), e.getMessage().startsWith("setup echo-mean: "));
  }
}
