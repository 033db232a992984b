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

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The Hugging Face tokenizer of a model folder ({@code tokenizer.json}), used exactly as written:
 * no special tokens added, no truncation, no padding (whatever {@code tokenizer.json} or DJL's
 * defaults say; DJL would otherwise cut at 512 tokens). Token ranges are returned as Java UTF-16
 * indices.
 *
 * <p>Special tokens written in the text itself (such as {@code <|endoftext|>}) are still
 * recognised, as transformers does. Lone surrogates are replaced by U+FFFD before tokenizing: the
 * native tokenizer needs valid Unicode, and one {@code char} for another keeps every index valid
 * for the caller's string.
 *
 * <p>Thread-safe: any number of threads may encode at once (the native tokenizer is immutable once
 * built); {@link #close()} waits for encodings under way and later calls fail.
 */
public final class TextTokenizer implements AutoCloseable {
  /** The file this class reads from a model folder. */
  public static final String FILE_NAME = "tokenizer.json";

  /**
   * Characters of text tokenized per wanted token by {@link #encodeHead}: tokens of real text
   * average 2 to 6 characters, so the first try almost always yields enough tokens.
   */
  private static final int CHARS_PER_TOKEN_BUDGET = 32;

  private final HuggingFaceTokenizer tokenizer;
  private final Path folder;
  private final TokenizerConfig config;
  private final OptionalInt bosTokenId;
  private volatile SpecialTokens specialTokens;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private TextTokenizer(HuggingFaceTokenizer tokenizer, Path folder) throws IOException {
    this.tokenizer = tokenizer;
    this.folder = folder;
    this.config = TokenizerConfig.read(folder);
    this.bosTokenId = readBosTokenId();
  }

  /**
   * Loads {@code tokenizer.json} from a model folder, and the BOS token from {@code
   * tokenizer_config.json} or {@code config.json} when they say it.
   *
   * @throws IOException when the folder or its {@code tokenizer.json} is missing or unreadable
   */
  public static TextTokenizer load(Path modelFolder) throws IOException {
    if (modelFolder == null) {
      throw new IllegalArgumentException("model folder must not be null");
    }
    Path folder = modelFolder.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new IOException("model folder not found (or not a folder): " + folder);
    }
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "no "
              + FILE_NAME
              + " in model folder "
              + folder
              + ": download "
              + FILE_NAME
              + " together with the model weights (every Hugging Face model repository"
              + " has one)");
    }
    HuggingFaceTokenizer tokenizer;
    try {
      // DJL finds the tokenizer's native library through the context class loader (Solr's is not
      // ours).
      tokenizer =
          PyTorchEngine.withPluginClassLoader(
              () -> {
                try {
                  return HuggingFaceTokenizer.builder()
                      .optTokenizerPath(file)
                      .optAddSpecialTokens(false)
                      .optTruncation(false)
                      .optPadding(false)
                      .build();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw new IOException("cannot read " + file + ": " + e.getCause().getMessage(), e.getCause());
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return new TextTokenizer(tokenizer, folder);
    } catch (IOException | RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  /** The model folder this tokenizer was loaded from. */
  public Path folder() {
    return folder;
  }

  /**
   * The id of the model's beginning-of-sequence token: from {@code tokenizer_config.json}'s {@code
   * bos_token} when that file names one (a {@code null} there means the model uses none), otherwise
   * from {@code config.json}'s {@code bos_token_id}; empty when neither says.
   */
  public OptionalInt bosTokenId() {
    return bosTokenId;
  }

  /**
   * The ids the post-processor of {@code tokenizer.json} puts around a text when transformers adds
   * special tokens (as sentence-transformers does), and the ids {@code tokenizer_config.json} names
   * special; found once, by tokenizing a probe text with and without them.
   *
   * @throws IllegalStateException when the post-processor changes the text's own tokens
   */
  public SpecialTokens specialTokens() {
    SpecialTokens known = specialTokens;
    if (known == null) {
      known = findSpecialTokens();
      specialTokens = known;
    }
    return known;
  }

  /** Tokenizes the whole text. */
  public TokenizedText encode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the tokenizer of " + folder + " is closed");
      }
      String valid = withoutLoneSurrogates(text);
      return toTokenizedText(valid, tokenizer.encode(valid));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tokenizes only as much of the text as its first {@code maxTokens} tokens need, so that the cost
   * does not grow with the length of a huge text.
   *
   * <p>The text is cut to {@code 32 * maxTokens} characters (at its last whitespace in the second
   * half of that budget, so that no word is split), tokenized, and the budget doubled until the cut
   * text has more than {@code maxTokens} tokens or the whole text fits. The tokens kept are then
   * those of the whole text, unless a run of more than {@code 16 * maxTokens} characters without
   * whitespace straddles the cut. The result is {@link TokenizedText#truncated()} when tokens were
   * left out.
   */
  public TokenizedText encodeHead(String text, int maxTokens) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
    }
    for (long budget = (long) CHARS_PER_TOKEN_BUDGET * maxTokens;
        budget < text.length();
        budget *= 2) {
      TokenizedText head = encode(text.substring(0, cutIndex(text, (int) budget)));
      if (head.size() > maxTokens) {
        return head.firstTokens(maxTokens);
      }
    }
    TokenizedText all = encode(text);
    return all.size() > maxTokens ? all.firstTokens(maxTokens) : all;
  }

  /** Frees the native tokenizer, after the encodings under way. */
  @Override
  public void close() {
    Lock lock = lifecycle.writeLock();
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        tokenizer.close();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "TextTokenizer[" + folder.resolve(FILE_NAME) + "]";
  }

  /** Where to cut {@code text} to keep about {@code budget} chars without splitting a word. */
  private static int cutIndex(String text, int budget) {
    for (int i = budget; i > budget / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    boolean splitsPair =
        Character.isLowSurrogate(text.charAt(budget))
            && Character.isHighSurrogate(text.charAt(budget - 1));
    return splitsPair ? budget - 1 : budget;
  }

  private static String withoutLoneSurrogates(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      boolean pairStart =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pairStart) {
        i++;
        continue;
      }
      if (chars == null) {
        chars = text.toCharArray();
      }
      chars[i] = '\uFFFD';
    }
    return chars == null ? text : new String(chars);
  }

  /** Converts the native code-point ranges into UTF-16 indices of {@code text}. */
  private static TokenizedText toTokenizedText(String text, Encoding encoding) {
    long[] ids = encoding.getIds();
    CharSpan[] spans = encoding.getCharTokenSpans();
    int[] utf16Index = utf16IndexOfCodePoint(text);
    int[] tokenIds = new int[ids.length];
    int[] starts = new int[ids.length];
    int[] ends = new int[ids.length];
    int previousEnd = 0;
    for (int i = 0; i < ids.length; i++) {
      tokenIds[i] = Math.toIntExact(ids[i]);
      CharSpan span = spans[i];
      // A token without a range (none is expected without added special tokens) stays empty.
      starts[i] = span == null ? previousEnd : toUtf16(utf16Index, span.getStart());
      ends[i] = span == null ? previousEnd : toUtf16(utf16Index, span.getEnd());
      previousEnd = ends[i];
    }
    return new TokenizedText(tokenIds, starts, ends, false);
  }

  /** Index {@code k} holds the UTF-16 index of code point {@code k}; null when they are equal. */
  private static int[] utf16IndexOfCodePoint(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      return null;
    }
    int[] index = new int[codePoints + 1];
    int utf16 = 0;
    for (int k = 0; k < codePoints; k++) {
      index[k] = utf16;
      utf16 += Character.charCount(text.codePointAt(utf16));
    }
    index[codePoints] = utf16;
    return index;
  }

  private static int toUtf16(int[] utf16Index, int codePoint) {
    return utf16Index == null ? codePoint : utf16Index[codePoint];
  }

  private OptionalInt readBosTokenId() throws IOException {
    if (config.declares("bos_token")) {
      if (config.declaresNone("bos_token")) {
        return OptionalInt.empty();
      }
      OptionalInt id =
          config.token("bos_token").map(this::idOfSingleToken).orElse(OptionalInt.empty());
      if (id.isPresent()) {
        return id;
      }
    }
    Path modelConfig = folder.resolve("config.json");
    if (Files.isRegularFile(modelConfig)) {
      JsonElement id = TokenizerConfig.readJsonObject(modelConfig).get("bos_token_id");
      if (id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isNumber()) {
        return OptionalInt.of(id.getAsInt());
      }
    }
    return OptionalInt.empty();
  }

  private SpecialTokens findSpecialTokens() {
    String probe = "Hello world";
    int[] plain = encode(probe).ids();
    int[] full;
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the tokenizer of " + folder + " is closed");
      }
      full = toInts(tokenizer.encode(probe, true, false).getIds());
    } finally {
      lock.unlock();
    }
    int at = indexOf(full, plain);
    if (at < 0) {
      throw new IllegalStateException(
          "the post-processor of "
              + folder.resolve(FILE_NAME)
              + " changes the tokens of the text itself ("
              + Arrays.toString(plain)
              + " became "
              + Arrays.toString(full)
              + "); only special tokens added around the text are supported");
    }
    int[] special =
        config.specialTokens().stream()
            .map(this::idOfSingleToken)
            .filter(OptionalInt::isPresent)
            .mapToInt(OptionalInt::getAsInt)
            .toArray();
    return new SpecialTokens(
        Arrays.copyOfRange(full, 0, at),
        Arrays.copyOfRange(full, at + plain.length, full.length),
        special);
  }

  /** Where {@code part} starts in {@code whole}, or -1. */
  private static int indexOf(int[] whole, int[] part) {
    for (int start = 0; start + part.length <= whole.length; start++) {
      if (Arrays.equals(whole, start, start + part.length, part, 0, part.length)) {
        return start;
      }
    }
    return -1;
  }

  private static int[] toInts(long[] ids) {
    int[] ints = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ints[i] = Math.toIntExact(ids[i]);
    }
    return ints;
  }

  /** The id of {@code token} when the tokenizer reads it as exactly one token. */
  private OptionalInt idOfSingleToken(String token) {
    long[] ids = tokenizer.encode(token).getIds();
    return ids.length == 1 ? OptionalInt.of(Math.toIntExact(ids[0])) : OptionalInt.empty();
  }
}
