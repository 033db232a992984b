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
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.solrecho.ProjectFixtures;
import io.solrecho.lm.TextTokenizer;
import io.solrecho.lm.TokenizedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class PromptEncoderTest {
  private static final String ECHO_WITH_CLOSING = "Rewrite: {x}\nAgain: {x}\nDone.";

  /** GPT-2's {@code <|endoftext|>}, its BOS token. */
  private static final int GPT2_END_OF_TEXT = 50256;

  private static TextTokenizer tokenizer;

  /** The same tokenizer in a folder whose tokenizer_config.json declares the BOS token. */
  private static TextTokenizer withBos;

  @BeforeClass
  public static void loadTokenizer() throws IOException {
    Path folder = ProjectFixtures.tokenizer("gpt2");
    tokenizer = TextTokenizer.load(folder);
    Path declared = Files.createTempDirectory("gpt2-with-bos");
    Files.copy(folder.resolve("tokenizer.json"), declared.resolve("tokenizer.json"));
    Files.writeString(
        declared.resolve("tokenizer_config.json"),
        "{\"bos_token\": \"<|endoftext|>\"}",
        StandardCharsets.UTF_8);
    withBos = TextTokenizer.load(declared);
  }

  @AfterClass
  public static void closeTokenizer() {
    if (tokenizer != null) {
      tokenizer.close();
    }
    if (withBos != null) {
      withBos.close();
    }
  }

  private static PromptEncoder encoder(
      EmbeddingMode mode, String template, EmbeddingSettings.Builder options) {
    EmbeddingSettings settings = options.build();
    return new PromptEncoder(
        settings.addBos() ? withBos : tokenizer, PromptTemplate.of(mode, template), settings);
  }

  private static PromptEncoder pieces(EmbeddingMode mode, String template) {
    return encoder(mode, template, EmbeddingSettings.builder());
  }

  private static int[] ids(String text) {
    return tokenizer.encode(text).ids();
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }

  private static int[] pooledIds(EncodedPrompt prompt) {
    return Arrays.copyOfRange(prompt.ids(), prompt.pooledStart(), prompt.pooledEnd());
  }

  @Test
  public void piecesTruncationCutsBothCopiesIdenticallyAndKeepsTheClosingPiece() {
    String text = words(100);
    PromptEncoder encoder =
        encoder(
            EmbeddingMode.ECHO,
            ECHO_WITH_CLOSING,
            EmbeddingSettings.builder().maxTokensPerCopy(10));
    EncodedPrompt prompt = encoder.encode(text);
    int[] head = Arrays.copyOf(ids(text), 10);
    assertArrayEquals(
        concat(ids("Rewrite: "), head, ids("\nAgain: "), head, ids("\nDone.")), prompt.ids());
    assertArrayEquals(head, pooledIds(prompt));
    assertTrue(prompt.truncated());
  }

  @Test
  public void offsetsTruncationBuildsThePromptFromTheTextCutAtItsLastKeptToken() {
    String text = words(100);
    PromptTemplate template = PromptTemplate.of(EmbeddingMode.ECHO, ECHO_WITH_CLOSING);
    PromptEncoder encoder =
        new PromptEncoder(
            tokenizer,
            template,
            EmbeddingSettings.builder()
                .spanConvention(SpanConvention.OFFSETS)
                .maxTokensPerCopy(10)
                .build());
    EncodedPrompt prompt = encoder.encode(text);
    TokenizedText alone = tokenizer.encode(text);
    String kept = text.substring(0, alone.charEnd(9));
    assertArrayEquals(ids(template.render(kept)), prompt.ids());
    assertEquals(10, prompt.pooledEnd() - prompt.pooledStart());
    int[] closing = ids("\nDone.");
    assertArrayEquals(
        closing,
        Arrays.copyOfRange(prompt.ids(), prompt.length() - closing.length, prompt.length()));
    assertTrue(prompt.truncated());
  }

  @Test
  public void textWithinTheLimitIsNotTruncated() {
    EncodedPrompt prompt = pieces(EmbeddingMode.ECHO, ECHO_WITH_CLOSING).encode("A cat.");
    assertFalse(prompt.truncated());
    assertArrayEquals(ids("A cat."), pooledIds(prompt));
  }

  @Test
  public void a2000TokenTextIsNotCutAt512WhenMaxTokensIsLarger() {
    String text = words(2000);
    int tokens = ids(text).length;
    assertTrue(tokens >= 2000);
    for (SpanConvention convention : SpanConvention.values()) {
      EncodedPrompt prompt =
          encoder(
                  EmbeddingMode.ECHO,
                  ECHO_WITH_CLOSING,
                  EmbeddingSettings.builder().spanConvention(convention).maxTokensPerCopy(3000))
              .encode(text);
      assertEquals(convention.toString(), tokens, prompt.pooledEnd() - prompt.pooledStart());
      assertFalse(convention.toString(), prompt.truncated());
    }
  }

  @Test
  public void aMegabyteTextIsTruncatedQuickly() {
    String text = words(300_000);
    assertTrue(text.length() > 1_000_000);
    for (SpanConvention convention : SpanConvention.values()) {
      PromptEncoder encoder =
          encoder(
              EmbeddingMode.ECHO,
              ECHO_WITH_CLOSING,
              EmbeddingSettings.builder().spanConvention(convention));
      encoder.encode(text); // warm-up
      long start = System.nanoTime();
      EncodedPrompt prompt = encoder.encode(text);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(convention + ": truncated", prompt.truncated());
      assertEquals(
          EmbeddingSettings.DEFAULT_MAX_TOKENS_PER_COPY, prompt.pooledEnd() - prompt.pooledStart());
      // Tokenizing the whole megabyte alone takes about a second; this takes about 10 ms.
      assertTrue(convention + ": took " + millis + " ms", millis < 300);
    }
  }

  @Test
  public void instructionIsTokenizedAsAPieceOfItsOwn() {
    PromptTemplate query =
        PromptTemplate.of(
            EmbeddingMode.ECHO,
            "Instruct: {instruction}\nQuery: {x}\nQuery again: {x}",
            "Find the claim");
    EncodedPrompt prompt =
        new PromptEncoder(tokenizer, query, EmbeddingSettings.defaults()).encode("cats purr");
    int[] text = ids("cats purr");
    assertArrayEquals(
        concat(
            ids("Instruct: "),
            ids("Find the claim"),
            ids("\nQuery: "),
            text,
            ids("\nQuery again: "),
            text),
        prompt.ids());
    assertArrayEquals(text, pooledIds(prompt));
  }

  @Test
  public void instructionIsPartOfTheWholePromptWithOffsets() {
    PromptTemplate query =
        PromptTemplate.of(
            EmbeddingMode.ECHO,
            "Instruct: {instruction}\nQuery: {x}\nQuery again: {x}",
            "Find the claim");
    EncodedPrompt prompt =
        new PromptEncoder(
                tokenizer,
                query,
                EmbeddingSettings.builder().spanConvention(SpanConvention.OFFSETS).build())
            .encode("cats purr");
    assertArrayEquals(
        ids("Instruct: Find the claim\nQuery: cats purr\nQuery again: cats purr"), prompt.ids());
    assertArrayEquals(ids(" cats purr"), pooledIds(prompt));
  }

  @Test
  public void promptEolPoolsTheLastTokenOfThePrompt() {
    for (SpanConvention convention : SpanConvention.values()) {
      EncodedPrompt prompt =
          new PromptEncoder(
                  tokenizer,
                  PromptTemplate.of(
                      EmbeddingMode.PROMPTEOL, EmbeddingMode.PROMPTEOL.defaultTemplate()),
                  EmbeddingSettings.builder().spanConvention(convention).build())
              .encode("A cat sat.");
      assertEquals(convention.toString(), prompt.length() - 1, prompt.pooledStart());
      assertEquals(convention.toString(), prompt.length(), prompt.pooledEnd());
    }
  }

  @Test
  public void bosIsPutFirstAndShiftsThePooledRange() {
    int bos = GPT2_END_OF_TEXT;
    for (SpanConvention convention : SpanConvention.values()) {
      EmbeddingSettings.Builder options = EmbeddingSettings.builder().spanConvention(convention);
      EncodedPrompt plain = encoder(EmbeddingMode.ECHO, ECHO_WITH_CLOSING, options).encode("Hi");
      EncodedPrompt withBos =
          encoder(EmbeddingMode.ECHO, ECHO_WITH_CLOSING, options.addBos(true)).encode("Hi");
      assertArrayEquals(concat(new int[] {bos}, plain.ids()), withBos.ids());
      assertEquals(plain.pooledStart() + 1, withBos.pooledStart());
      assertEquals(plain.pooledEnd() + 1, withBos.pooledEnd());
    }
  }

  @Test
  public void everyPromptStartsWithTheConstantPrefix() {
    int bos = GPT2_END_OF_TEXT;
    assertArrayEquals(
        concat(new int[] {bos}, ids("Rewrite: ")),
        encoder(EmbeddingMode.ECHO, ECHO_WITH_CLOSING, EmbeddingSettings.builder().addBos(true))
            .constantPrefix());
    for (SpanConvention convention : SpanConvention.values()) {
      PromptEncoder encoder =
          encoder(
              EmbeddingMode.ECHO,
              ECHO_WITH_CLOSING,
              EmbeddingSettings.builder().spanConvention(convention));
      int[] prefix = encoder.constantPrefix();
      assertTrue(convention + ": a non-empty prefix", prefix.length > 0);
      for (String text : new String[] {"Hi", "cats purr", " leading space", "x"}) {
        int[] ids = encoder.encode(text).ids();
        assertArrayEquals(
            convention + " \"" + text + "\"", prefix, Arrays.copyOf(ids, prefix.length));
      }
    }
  }

  @Test
  public void noBosIsAddedByDefault() {
    EncodedPrompt prompt = pieces(EmbeddingMode.CLASSICAL, "{x}").encode("Hi");
    assertArrayEquals(ids("Hi"), prompt.ids());
  }

  @Test
  public void nullTextIsRejectedNamingText() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> pieces(EmbeddingMode.CLASSICAL, "{x}").encode(null));
    assertTrue(e.getMessage(), e.getMessage().startsWith("text "));
  }

  @Test
  public void emptyTextIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> pieces(EmbeddingMode.CLASSICAL, "{x}").encode(""));
    assertTrue(e.getMessage(), e.getMessage().contains("nothing to embed"));
  }

  @Test
  public void whitespaceOnlyTextIsRejected() {
    PromptEncoder encoder = pieces(EmbeddingMode.ECHO, ECHO_WITH_CLOSING);
    for (String blank : new String[] {" ", " \t\r\n ", "\u00a0\u2003", "\u0000\u0007 "}) {
      assertThrows(IllegalArgumentException.class, () -> encoder.encode(blank));
    }
  }

  @Test
  public void controlCharactersOtherThanTabAndNewlinesAreReadAsSpaces() {
    for (SpanConvention convention : SpanConvention.values()) {
      PromptEncoder encoder =
          encoder(
              EmbeddingMode.CLASSICAL,
              "{x}",
              EmbeddingSettings.builder().spanConvention(convention));
      assertArrayEquals(ids("a b c d"), encoder.encode("a\u0000b\u0007c\u007fd").ids());
      assertArrayEquals(ids("a\tb\nc\rd"), encoder.encode("a\tb\nc\rd").ids());
    }
  }

  @Test
  public void loneSurrogatesAreReadAsReplacementCharacters() {
    for (SpanConvention convention : SpanConvention.values()) {
      PromptEncoder encoder =
          encoder(
              EmbeddingMode.ECHO,
              ECHO_WITH_CLOSING,
              EmbeddingSettings.builder().spanConvention(convention));
      EncodedPrompt broken = encoder.encode("x\uD800y \uDC00z");
      EncodedPrompt replaced = encoder.encode("x\uFFFDy \uFFFDz");
      assertArrayEquals(convention.toString(), replaced.ids(), broken.ids());
      assertEquals(convention.toString(), replaced.pooledStart(), broken.pooledStart());
      assertEquals(convention.toString(), replaced.pooledEnd(), broken.pooledEnd());
    }
  }

  @Test
  public void encodedPromptIdsCannotBeChangedFromOutside() {
    EncodedPrompt prompt = pieces(EmbeddingMode.CLASSICAL, "{x}").encode("Hi");
    prompt.ids()[0] = -1;
    assertArrayEquals(ids("Hi"), prompt.ids());
  }

  @Test
  public void defaultOptionsArePiecesWith512TokensAndNoBos() {
    EmbeddingSettings options = EmbeddingSettings.defaults();
    assertEquals(SpanConvention.PIECES, options.spanConvention());
    assertEquals(512, options.maxTokensPerCopy());
    assertFalse(options.addBos());
  }

  @Test
  public void maxTokensBelowOneIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EmbeddingSettings.builder().maxTokensPerCopy(0));
    assertTrue(e.getMessage(), e.getMessage().contains("maxTokens"));
  }

  /** A text of {@code count} common English words, about one token each. */
  private static String words(int count) {
    String[] words = {"the", "cat", "sat", "on", "mat", "and", "dog", "ran", "far", "away"};
    return String.join(
        " ",
        IntStream.range(0, count)
            .mapToObj(i -> words[(i * 7 + i / 10) % words.length])
            .toArray(String[]::new));
  }
}
