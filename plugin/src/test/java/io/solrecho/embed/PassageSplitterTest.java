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
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import io.solrecho.lm.TextTokenizer;
import java.io.IOException;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class PassageSplitterTest {
  private static TextTokenizer tokenizer;

  @BeforeClass
  public static void loadTokenizer() throws IOException {
    tokenizer = TextTokenizer.load(ProjectFixtures.tokenizer("gpt2"));
  }

  @AfterClass
  public static void closeTokenizer() {
    if (tokenizer != null) {
      tokenizer.close();
    }
  }

  /** Sentences of 6 to 12 tokens, numbered so that no two are alike. */
  private static String sentences(int count) {
    String[] topics = {
      "rivers flow to the sea",
      "mountains hold snow all year",
      "a quiet town by the lake",
      "the library opens at nine",
      "bridges cross the old canal"
    };
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : " ")
          .append("Sentence ")
          .append(i)
          .append(" says ")
          .append(topics[i % topics.length])
          .append('.');
    }
    return text.toString();
  }

  private static PassageSplitter.Passages split(String text, int maxTokens, int overlap) {
    return new PassageSplitter(tokenizer, maxTokens, overlap, 1000).split(text);
  }

  /** Every passage is its slice of the text and has at most {@code maxTokens} tokens of its own. */
  private static void assertSlicesWithinLimit(String text, List<Passage> passages, int maxTokens) {
    for (Passage passage : passages) {
      assertEquals(text.substring(passage.start(), passage.end()), passage.text());
      assertEquals(tokenizer.encode(passage.text()).size(), passage.tokens());
      assertTrue(
          passage + " has more than " + maxTokens + " tokens", passage.tokens() <= maxTokens);
      assertFalse(passage.text().isBlank());
    }
  }

  /** Every character of the text that is not whitespace is in some passage. */
  private static void assertCovers(String text, List<Passage> passages) {
    boolean[] covered = new boolean[text.length()];
    for (Passage passage : passages) {
      for (int i = passage.start(); i < passage.end(); i++) {
        covered[i] = true;
      }
    }
    for (int i = 0; i < text.length(); i++) {
      assertTrue(
          "character " + i + " is in no passage",
          covered[i] || Character.isWhitespace(text.charAt(i)));
    }
  }

  @Test
  public void aShortTextIsOnePassage() {
    PassageSplitter.Passages split = split("  A short text.\n", 32, 4);
    assertEquals(List.of(new Passage("A short text.", 2, 15, 4)), split.passages());
    assertFalse(split.truncated());
  }

  @Test
  public void aLongTextIsCutIntoPassagesOfAtMostMaxTokensThatCoverIt() {
    String text = sentences(200);
    List<Passage> passages = split(text, 40, 6).passages();
    assertTrue(passages.size() > tokenizer.encode(text).size() / 40);
    assertSlicesWithinLimit(text, passages, 40);
    assertCovers(text, passages);
    assertEquals(text.length(), passages.get(passages.size() - 1).end());
  }

  @Test
  public void passagesEndAtSentenceEndsAndStartAtSentenceStarts() {
    String text = sentences(100);
    List<Passage> passages = split(text, 40, 16).passages();
    for (int i = 0; i < passages.size(); i++) {
      Passage passage = passages.get(i);
      assertTrue(passage.text(), passage.text().endsWith("."));
      assertTrue(passage.text(), passage.text().startsWith("Sentence "));
    }
  }

  @Test
  public void neighboursShareAtMostTheOverlap() {
    String text = sentences(100);
    for (int overlap : new int[] {0, 5, 16}) {
      List<Passage> passages = split(text, 40, overlap).passages();
      for (int i = 1; i < passages.size(); i++) {
        Passage before = passages.get(i - 1);
        Passage after = passages.get(i);
        assertTrue(after.start() > before.start());
        if (overlap == 0) {
          assertTrue(after.start() >= before.end());
        } else if (after.start() < before.end()) {
          String shared = text.substring(after.start(), before.end());
          assertTrue(shared, tokenizer.encode(shared).size() <= overlap);
        }
      }
    }
  }

  @Test
  public void withOverlapTheStartOfEachPassageRepeatsTheEndOfTheOneBefore() {
    String text = sentences(60);
    List<Passage> passages = split(text, 40, 16).passages();
    assertTrue(passages.size() > 2);
    for (int i = 1; i < passages.size(); i++) {
      assertTrue(passages.get(i).start() < passages.get(i - 1).end());
    }
  }

  @Test
  public void aWordLongerThanAPassageIsCutInsideIt() {
    String text = "Begin " + "x".repeat(2000) + " end.";
    List<Passage> passages = split(text, 50, 5).passages();
    assertTrue(passages.size() > 2);
    assertSlicesWithinLimit(text, passages, 50);
    assertCovers(text, passages);
  }

  @Test
  public void offsetsAreUtf16IndicesOfTextWithCharactersBeyondTheBasicPlane() {
    // the tokenizer's spans count code points; each 𝄞 and 😀 is two UTF-16 units
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      text.append("Line ").append(i).append(" 𝄞 music and 😀 smiles, ünïcödé. ");
    }
    String whole = text.toString();
    List<Passage> passages = split(whole, 30, 4).passages();
    assertSlicesWithinLimit(whole, passages, 30);
    assertCovers(whole, passages);
    for (Passage passage : passages) {
      assertFalse(Character.isLowSurrogate(whole.charAt(passage.start())));
      assertFalse(Character.isHighSurrogate(whole.charAt(passage.end() - 1)));
    }
  }

  @Test
  public void controlCharactersAreReadAsSpacesAndPassagesCutFromTheTextAsGiven() {
    String text = sentences(40).replace(" says ", "\u0001says\u0002");
    List<Passage> passages = split(text, 30, 3).passages();
    assertSlicesWithinLimit(text, passages, 30);
    assertCovers(text, passages);
  }

  @Test
  public void atMostMaxPassagesAreCutAndTheRestIsSaidToBeLeftOut() {
    String text = sentences(200);
    PassageSplitter.Passages split = new PassageSplitter(tokenizer, 40, 4, 3).split(text);
    assertEquals(3, split.passages().size());
    assertTrue(split.truncated());
    assertFalse(split(text, 40, 4).truncated());
  }

  @Test
  public void blankTextAndBadSettingsAreRefused() {
    PassageSplitter splitter = new PassageSplitter(tokenizer, 10, 2, 5);
    assertThrows(IllegalArgumentException.class, () -> splitter.split(" \n\t "));
    assertThrows(IllegalArgumentException.class, () -> splitter.split("\u0001\u0002"));
    assertThrows(IllegalArgumentException.class, () -> new PassageSplitter(tokenizer, 10, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> new PassageSplitter(tokenizer, 0, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> new PassageSplitter(tokenizer, 10, 2, 0));
  }
}
