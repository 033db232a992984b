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

import io.solrecho.lm.BatchBudget;
import io.solrecho.lm.CausalLanguageModel;
import io.solrecho.lm.DeviceOutOfMemoryException;
import io.solrecho.lm.LmOptions;
import io.solrecho.lm.SharedPrefix;
import io.solrecho.lm.TextTokenizer;
import io.solrecho.lm.TokenBatch;
import io.solrecho.lm.TokenSpans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Embeds texts with a causal LM following {@link EmbeddingSettings}: prompts are built per role, by
 * a {@link PromptEncoder} from templates or as a sentence-transformers folder says, sorted by
 * length and cut into micro-batches so that padding stays within a batch, run through the model,
 * and pooled over each prompt's pooled range. On a GPU the micro-batches also stay within a {@link
 * BatchBudget} read from the device's free memory when the embedder is built; a micro-batch that
 * still runs out of device memory is split in halves and retried, down to single prompts.
 * Thread-safe; for many concurrent callers put an {@link EmbeddingService} in front.
 */
public final class Embedder implements AutoCloseable {
  private static final int PAD_ID = 0;

  private final CausalLanguageModel model;
  private final TextTokenizer tokenizer;
  private final boolean ownsModel;
  private final EmbeddingSettings settings;
  private final TextEncoder documentEncoder;
  private final TextEncoder queryEncoder;
  private final VectorPooling pooling;
  private final String fingerprint;
  private final BatchRunner forward;
  private final List<SharedPrefix> prefixes;
  private final BatchBudget budget;

  /** An embedder over an already loaded model and tokenizer, which the caller keeps and closes. */
  public Embedder(CausalLanguageModel model, TextTokenizer tokenizer, EmbeddingSettings settings) {
    this(model, tokenizer, settings, false, null, BatchBudget.of(model));
  }

  /**
   * For tests: {@code forward} stands in for the model's pooled forward pass (to inject device
   * faults).
   */
  Embedder(
      CausalLanguageModel model,
      TextTokenizer tokenizer,
      EmbeddingSettings settings,
      BatchRunner forward,
      BatchBudget budget) {
    this(model, tokenizer, settings, false, forward, budget);
  }

  private Embedder(
      CausalLanguageModel model,
      TextTokenizer tokenizer,
      EmbeddingSettings settings,
      boolean owns,
      BatchRunner forward,
      BatchBudget budget) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.ownsModel = owns;
    this.settings = resolved(settings, model.folder());
    this.budget = budget;
    this.documentEncoder = encoder(tokenizer, this.settings, TextRole.DOCUMENT);
    this.queryEncoder = encoder(tokenizer, this.settings, TextRole.QUERY);
    this.pooling = new VectorPooling(this.settings.pooling(), this.settings.normalize());
    this.forward = forward != null ? forward : model::meanStates;
    this.prefixes = new ArrayList<>();
    if (forward == null) {
      sharePrefix(documentEncoder.constantPrefix());
      sharePrefix(queryEncoder.constantPrefix());
    }
    this.fingerprint =
        ModelFingerprint.of(
            model.config().json(), model.weightsDigest(), identity(this.settings, tokenizer));
  }

  private static EmbeddingSettings resolved(EmbeddingSettings settings, Path folder) {
    try {
      return settings.resolve(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TextEncoder encoder(
      TextTokenizer tokenizer, EmbeddingSettings settings, TextRole role) {
    if (settings.mode().usesTemplates()) {
      return new PromptEncoder(tokenizer, settings.template(role), settings);
    }
    return new SentenceTransformersEncoder(
        tokenizer,
        settings.prompt(role),
        settings.pooling(),
        settings.includePrompt(),
        settings.maxTokensPerCopy());
  }

  /**
   * The settings, and for a sentence-transformers recipe the special tokens its tokenizer adds,
   * which decide its vectors as much.
   */
  private static String identity(EmbeddingSettings settings, TextTokenizer tokenizer) {
    return settings.mode().usesTemplates()
        ? settings.describe()
        : settings.describe() + "\nspecialTokens=" + tokenizer.specialTokens();
  }

  /**
   * Loads the model and tokenizer in {@code folder}, with {@code settings} resolved against it (see
   * {@link EmbeddingSettings#resolve}); closing the embedder closes them.
   *
   * @throws IOException when the folder's files cannot be read
   * @throws IllegalArgumentException when the settings do not suit the folder
   */
  public static Embedder open(Path folder, LmOptions options, EmbeddingSettings settings)
      throws IOException {
    EmbeddingSettings resolved = settings.resolve(folder);
    TextTokenizer tokenizer = TextTokenizer.load(folder);
    try {
      CausalLanguageModel model = CausalLanguageModel.load(folder, options);
      try {
        return new Embedder(model, tokenizer, resolved, true, null, BatchBudget.of(model));
      } catch (RuntimeException e) {
        model.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  public EmbeddingSettings settings() {
    return settings;
  }

  public CausalLanguageModel model() {
    return model;
  }

  /** The model's tokenizer, e.g. for a {@link PassageSplitter}. */
  public TextTokenizer tokenizer() {
    return tokenizer;
  }

  /** The device-memory limit on micro-batches (unlimited on the CPU). */
  public BatchBudget batchBudget() {
    return budget;
  }

  /** Length of every vector: the model's hidden size. */
  public int dimension() {
    return model.config().hiddenSize();
  }

  /**
   * The most tokens of a text of {@code role} that are embedded whole: {@code maxTokens} per copy,
   * or for a sentence-transformers recipe its limit less the prompt's and the special tokens.
   */
  public int textTokenLimit(TextRole role) {
    return (role == TextRole.QUERY ? queryEncoder : documentEncoder).textTokenLimit();
  }

  /**
   * Identity of model + settings; vectors from embedders with another fingerprint are not
   * comparable.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * The prompt for {@code text} in {@code role}.
   *
   * @throws IllegalArgumentException for null, empty or whitespace-only text, or a prompt longer
   *     than the model's positions
   */
  public EncodedPrompt encode(String text, TextRole role) {
    EncodedPrompt prompt = (role == TextRole.QUERY ? queryEncoder : documentEncoder).encode(text);
    int limit = model.config().maxPositions();
    if (limit > 0 && prompt.length() > limit) {
      throw new IllegalArgumentException(
          "text: its prompt has "
              + prompt.length()
              + " tokens, more than the "
              + limit
              + " positions of the model in "
              + model.folder()
              + "; lower "
              + maxTokens());
    }
    return prompt;
  }

  /**
   * Embeds {@code texts} in one role, in order.
   *
   * @throws IllegalArgumentException naming the index of the first text that cannot be embedded
   */
  public List<Embedding> embed(List<String> texts, TextRole role) {
    List<EncodedPrompt> prompts = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      try {
        prompts.add(encode(texts.get(i), role));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("texts[" + i + "]: " + e.getMessage(), e);
      }
    }
    return embedPrompts(prompts);
  }

  /**
   * Embeds already encoded prompts, in order, in length-sorted micro-batches.
   *
   * @throws DeviceOutOfMemoryException naming the prompt length and the device when a single prompt
   *     does not fit in device memory
   */
  public List<Embedding> embedPrompts(List<EncodedPrompt> prompts) {
    Integer[] order = new Integer[prompts.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> prompts.get(i).length()).reversed());
    Embedding[] results = new Embedding[prompts.size()];
    int start = 0;
    while (start < order.length) {
      int longest = prompts.get(order[start]).length();
      int maxRows = Math.min(settings.maxBatchSize(), budget.maxRows(longest));
      int end = start + 1;
      while (end < order.length
          && end - start < maxRows
          && (long) (end - start + 1) * longest <= settings.maxBatchTokens()) {
        end++;
      }
      embedBatch(prompts, Arrays.copyOfRange(order, start, end), results);
      start = end;
    }
    return Arrays.asList(results);
  }

  /** Runs one micro-batch; when the device runs out of memory, runs each half instead. */
  private void embedBatch(List<EncodedPrompt> prompts, Integer[] members, Embedding[] results) {
    List<int[]> ids = new ArrayList<>(members.length);
    int[] starts = new int[members.length];
    int[] ends = new int[members.length];
    for (int row = 0; row < members.length; row++) {
      EncodedPrompt prompt = prompts.get(members[row]);
      ids.add(prompt.ids());
      starts[row] = pooling.start(prompt);
      ends[row] = pooling.end(prompt);
    }
    float[][] means;
    try {
      means =
          forward.run(
              TokenBatch.rightPadded(ids, PAD_ID),
              TokenSpans.of(starts, ends),
              prefixOf(ids.get(0)));
    } catch (DeviceOutOfMemoryException e) {
      if (members.length == 1) {
        EncodedPrompt prompt = prompts.get(members[0]);
        throw new DeviceOutOfMemoryException(
            "a single prompt of "
                + prompt.length()
                + " tokens does not fit in the"
                + " memory of "
                + model.device()
                + " ("
                + model.dtype()
                + "); lower "
                + maxTokens()
                + (model.dtype().equals("float16") ? "" : ", use dtype=float16")
                + " or free device memory: "
                + e.getMessage(),
            e);
      }
      int half = members.length / 2;
      embedBatch(prompts, Arrays.copyOfRange(members, 0, half), results);
      embedBatch(prompts, Arrays.copyOfRange(members, half, members.length), results);
      return;
    }
    for (int row = 0; row < members.length; row++) {
      results[members[row]] = new Embedding(pooling.finish(means[row]), prompts.get(members[row]));
    }
  }

  /** {@code maxTokens (now N per copy)}, for messages. */
  private String maxTokens() {
    return "maxTokens (now "
        + settings.maxTokensPerCopy()
        + (settings.mode().usesTemplates() ? " per copy)" : " per sequence)");
  }

  /**
   * Computes the keys and values of a template's constant start once (none for an empty one or one
   * already shared), so that every batch starts after it.
   */
  private void sharePrefix(int[] ids) {
    if (ids.length == 0 || prefixes.stream().anyMatch(p -> Arrays.equals(p.ids(), ids))) {
      return;
    }
    prefixes.add(model.sharedPrefix(ids));
  }

  /** The shared prefix {@code ids} start with (the longest when several do), or null. */
  private SharedPrefix prefixOf(int[] ids) {
    SharedPrefix best = null;
    for (SharedPrefix prefix : prefixes) {
      int[] start = prefix.ids();
      if (start.length <= ids.length
          && Arrays.equals(start, 0, start.length, ids, 0, start.length)
          && (best == null || start.length > best.length())) {
        best = prefix;
      }
    }
    return best;
  }

  @Override
  public void close() {
    prefixes.forEach(SharedPrefix::close);
    if (ownsModel) {
      model.close();
      tokenizer.close();
    }
  }

  @Override
  public String toString() {
    return "Embedder("
        + model
        + ", "
        + settings
        + ", "
        + budget
        + ", fingerprint="
        + fingerprint
        + ")";
  }
}
