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
package io.solrecho.lm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.AfterClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TextTokenizerTest {
  private static final String UNICODE = "Crème brûlée, naïve façade — 東京 😀? 🎉👍🏽 中文字符";

  /**
   * The real tokenizers of fixtures/tokenizers, loaded once for the class (Qwen3's takes 0.5 s).
   */
  private static final Map<String, TextTokenizer> LOADED = new HashMap<>();

  @Rule public TemporaryFolder temp = new TemporaryFolder();

  /** The real tokenizer {@code name}: {@code gpt2}, {@code smollm} or {@code qwen3}. */
  private static TextTokenizer real(String name) throws IOException {
    TextTokenizer tokenizer = LOADED.get(name);
    if (tokenizer == null) {
      tokenizer = TextTokenizer.load(ProjectFixtures.tokenizer(name));
      LOADED.put(name, tokenizer);
    }
    return tokenizer;
  }

  @AfterClass
  public static void closeTokenizers() {
    LOADED.values().forEach(TextTokenizer::close);
  }

  @Test
  public void encodesWithoutSpecialTokensOrPrefixSpace() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    TokenizedText tokens = tokenizer.encode("Rewrite the following sentence: ");
    assertArrayEquals(new int[] {30003, 6525, 262, 1708, 6827, 25, 220}, tokens.ids());
    assertFalse(tokens.truncated());
  }

  @Test
  public void doesNotTruncateAt512Tokens() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    TokenizedText tokens = tokenizer.encode(words(2000));
    assertTrue("got " + tokens.size(), tokens.size() >= 2000);
    assertFalse(tokens.truncated());
  }

  @Test
  public void ignoresTruncationAndPaddingWrittenInTokenizerJson() throws IOException {
    // This tokenizer.json says: truncate at 192 and pad to 192.
    TextTokenizer tokenizer = real("smollm");
    assertEquals(1, tokenizer.encode("Hi").size());
    assertTrue(tokenizer.encode(words(300)).size() >= 300);
  }

  @Test
  public void recognisesSpecialTokensWrittenInText() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    assertArrayEquals(new int[] {64, 50256, 65}, tokenizer.encode("a<|endoftext|>b").ids());
  }

  @Test
  public void qwen3OffsetsMapEmojiAndCjkBackToTheirJavaSubstrings() throws IOException {
    TextTokenizer tokenizer = real("qwen3");
    assertOffsetsMapBack(tokenizer.encode(UNICODE));
  }

  @Test
  public void smolLmOffsetsMapEmojiAndCjkBackToTheirJavaSubstrings() throws IOException {
    TextTokenizer tokenizer = real("smollm");
    assertOffsetsMapBack(tokenizer.encode(UNICODE));
  }

  @Test
  public void qwen3NormalizesToNfcBeforeTokenizing() throws IOException {
    TextTokenizer tokenizer = real("qwen3");
    assertArrayEquals(tokenizer.encode("caf\u00e9").ids(), tokenizer.encode("cafe\u0301").ids());
  }

  @Test
  public void offsetsCountUtf16CharsAfterSupplementaryCharacters() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    String text = "😀 cat";
    TokenizedText tokens = tokenizer.encode(text);
    int last = tokens.size() - 1;
    assertEquals(" cat", text.substring(tokens.charStart(last), tokens.charEnd(last)));
  }

  @Test
  public void readsLoneSurrogatesAsReplacementCharacterKeepingIndices() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    String text = "x\uD800y\uDC00z";
    TokenizedText tokens = tokenizer.encode(text);
    assertArrayEquals(tokenizer.encode("x\uFFFDy\uFFFDz").ids(), tokens.ids());
    int last = tokens.size() - 1;
    assertEquals("z", text.substring(tokens.charStart(last), tokens.charEnd(last)));
  }

  @Test
  public void encodeHeadKeepsTheFirstTokensOfTheWholeText() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    String text = words(20_000);
    TokenizedText all = tokenizer.encode(text);
    TokenizedText head = tokenizer.encodeHead(text, 100);
    assertEquals(100, head.size());
    assertTrue(head.truncated());
    for (int i = 0; i < head.size(); i++) {
      assertEquals("token " + i, all.id(i), head.id(i));
      assertEquals("token " + i, all.charEnd(i), head.charEnd(i));
    }
  }

  @Test
  public void encodeHeadOfAShortTextIsTheWholeTextUntruncated() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    TokenizedText head = tokenizer.encodeHead("The cat sat on the mat.", 7);
    assertArrayEquals(tokenizer.encode("The cat sat on the mat.").ids(), head.ids());
    assertFalse(head.truncated());
  }

  @Test
  public void encodeHeadOfAMegabyteTakesMilliseconds() throws IOException {
    TextTokenizer tokenizer = real("gpt2");
    String text = words(300_000);
    assertTrue(text.length() > 1_000_000);
    tokenizer.encodeHead(text, 512); // warm-up
    long start = System.nanoTime();
    TokenizedText head = tokenizer.encodeHead(text, 512);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(512, head.size());
    // Tokenizing the whole megabyte takes about a second here; the head about 10 ms.
    assertTrue("encodeHead took " + millis + " ms", millis < 300);
  }

  @Test
  public void bosTokenIdComesFromConfigJsonWithoutTokenizerConfig() throws IOException {
    try (TextTokenizer tokenizer = TextTokenizer.load(ProjectFixtures.tinyModel())) {
      assertEquals(OptionalInt.of(ProjectFixtures.TINY_END_OF_TEXT), tokenizer.bosTokenId());
    }
  }

  @Test
  public void noBosTokenIdWithoutConfigJsonOrTokenizerConfig() throws IOException {
    assertEquals(OptionalInt.empty(), real("gpt2").bosTokenId());
  }

  @Test
  public void bosTokenIdComesFromTokenizerConfigBosToken() throws IOException {
    TextTokenizer tokenizer = real("smollm");
    assertEquals(OptionalInt.of(0), tokenizer.bosTokenId());
  }

  @Test
  public void bosTokenIdIsEmptyWhenTokenizerConfigSaysNull() throws IOException {
    TextTokenizer tokenizer = real("qwen3");
    assertEquals(OptionalInt.empty(), tokenizer.bosTokenId());
  }

  /**
   * Qwen3's tokenizer adds nothing around a text (a ByteLevel post-processor); its special ids are
   * those transformers' all_special_ids lists: eos, pad and the additional special tokens.
   */
  @Test
  public void qwen3AddsNoSpecialTokensAndNamesItsSpecialIds() throws IOException {
    SpecialTokens special = real("qwen3").specialTokens();
    assertEquals(0, special.added());
    for (int id : new int[] {151645, 151643, 151644, 151656}) {
      assertTrue(id + " is special", special.isSpecial(id));
    }
    assertFalse(special.isSpecial(real("qwen3").encode("Hello").id(0)));
  }

  /** The sentence-transformers fixtures' TemplateProcessing: EOS after, BOS before, or both. */
  @Test
  public void specialTokensAreWhatThePostProcessorPutsAroundAText() throws IOException {
    Map<String, int[][]> expected =
        Map.of(
            "qwen3_lasttoken_eos", new int[][] {{}, {383}},
            "mistral_lasttoken_bos", new int[][] {{383}, {}},
            "mistral_mean_instructions", new int[][] {{383}, {383}});
    for (Map.Entry<String, int[][]> fixture : expected.entrySet()) {
      try (TextTokenizer tokenizer =
          TextTokenizer.load(ProjectFixtures.sentenceTransformersModel(fixture.getKey()))) {
        SpecialTokens special = tokenizer.specialTokens();
        assertArrayEquals(fixture.getKey(), fixture.getValue()[0], special.before());
        assertArrayEquals(fixture.getKey(), fixture.getValue()[1], special.after());
        assertTrue("<|endoftext|> is named in tokenizer_config.json", special.isSpecial(383));
        assertArrayEquals(
            new int[] {fixture.getValue()[0].length == 0 ? 7 : 383, 7},
            Arrays.copyOf(special.around(new int[] {7, 7}), 2));
      }
    }
  }

  @Test
  public void missingTokenizerJsonNamesTheFolderAndSaysToDownloadIt() throws IOException {
    Path folder = temp.newFolder("model-without-tokenizer").toPath();
    IOException e = assertThrows(IOException.class, () -> TextTokenizer.load(folder));
    assertTrue(e.getMessage(), e.getMessage().contains(folder.toString()));
    assertTrue(e.getMessage(), e.getMessage().contains("download tokenizer.json"));
  }

  @Test
  public void missingModelFolderIsNamed() {
    Path folder = temp.getRoot().toPath().resolve("no-such-model");
    IOException e = assertThrows(IOException.class, () -> TextTokenizer.load(folder));
    assertTrue(e.getMessage(), e.getMessage().contains(folder.toString()));
  }

  @Test
  public void malformedTokenizerJsonNamesTheFile() throws IOException {
    Path folder = temp.newFolder("broken-model").toPath();
    Files.writeString(
        folder.resolve("tokenizer.json"), "{\"not\": \"a tokenizer\"}", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> TextTokenizer.load(folder));
    String file = folder.resolve("tokenizer.json").toString();
    assertTrue(e.getMessage(), e.getMessage().contains(file));
  }

  @Test
  public void encodingAfterCloseFailsClearly() throws IOException {
    TextTokenizer tokenizer = TextTokenizer.load(ProjectFixtures.tokenizer("gpt2"));
    tokenizer.close();
    tokenizer.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tokenizer.encode("Hi"));
    assertTrue(e.getMessage(), e.getMessage().contains("closed"));
  }

  @Test
  public void concurrentEncodingGivesTheSameTokensAsSequential() throws Exception {
    TextTokenizer tokenizer = real("qwen3");
    List<String> texts = new ArrayList<>();
    List<int[]> expected = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String text = i + " " + UNICODE + " " + words(i * 7);
      texts.add(text);
      expected.add(tokenizer.encode(text).ids());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 8; round++) {
        for (int i = 0; i < texts.size(); i++) {
          int index = i;
          results.add(
              pool.submit(
                  () ->
                      Arrays.equals(
                          expected.get(index), tokenizer.encode(texts.get(index)).ids())));
        }
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Every token covers whole Java characters (no half surrogate pair), the ranges run in order over
   * the whole text, and the emoji and CJK words are covered exactly by their tokens.
   */
  private static void assertOffsetsMapBack(TokenizedText tokens) {
    int covered = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int start = tokens.charStart(i);
      int end = tokens.charEnd(i);
      assertTrue("token " + i + " [" + start + ", " + end + ")", start <= covered && end >= start);
      assertFalse(
          "token " + i + " starts inside a surrogate pair",
          start > 0 && Character.isLowSurrogate(UNICODE.charAt(start)));
      assertFalse(
          "token " + i + " ends inside a surrogate pair",
          end < UNICODE.length() && Character.isLowSurrogate(UNICODE.charAt(end)));
      covered = Math.max(covered, end);
    }
    assertEquals(UNICODE.length(), covered);
    for (String word : new String[] {"東京", "😀", "🎉👍🏽", "中文字符"}) {
      assertEquals(word.trim(), coveredText(tokens, UNICODE.indexOf(word), word.length()).trim());
    }
  }

  /** The text covered by the tokens that intersect {@code [start, start + length)}. */
  private static String coveredText(TokenizedText tokens, int start, int length) {
    int from = Integer.MAX_VALUE;
    int to = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.charStart(i) < start + length && tokens.charEnd(i) > start) {
        from = Math.min(from, tokens.charStart(i));
        to = Math.max(to, tokens.charEnd(i));
      }
    }
    return UNICODE.substring(from, to);
  }

  /** A text of {@code count} common English words, about one token each. */
  static String words(int count) {
    String[] words = {"the", "cat", "sat", "on", "mat", "and", "dog", "ran", "far", "away"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : " ").append(words[(i * 7 + i / 10) % words.length]);
    }
    return text.toString();
  }
}
