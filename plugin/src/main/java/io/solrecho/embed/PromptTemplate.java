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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template of an {@link EmbeddingMode}, parsed and checked once: literal text with the
 * text written as {@code {x}} and, optionally, an instruction fixed at construction written as
 * {@code {instruction}} (query and document templates are simply two instances).
 *
 * <p>An echo template writes {@code {x}} exactly twice, classical and PromptEOL templates once. The
 * pooled copy is the last {@code {x}}. Special tokens are written literally (such as {@code <s>});
 * nothing else is added. Other braces are literal text, but a brace-enclosed word other than {@code
 * x} and {@code instruction}, such as {@code {text}}, is rejected as a typo.
 *
 * <p>The template is held as its pieces: the literal text before, between and after the copies of
 * the text. The instruction is a piece of its own, so that with {@link SpanConvention#PIECES} it is
 * tokenized on its own, like a variable of the reference implementation.
 */
public final class PromptTemplate {
  /** How a template writes the text to embed. */
  public static final String TEXT = "{x}";

  /** How a template writes its instruction. */
  public static final String INSTRUCTION = "{instruction}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final EmbeddingMode mode;
  private final String template;
  private final String instruction;

  /** {@code gaps.get(i)}: the literal pieces before copy {@code i}; the last: after all copies. */
  private final List<List<String>> gaps;

  private PromptTemplate(EmbeddingMode mode, String template, String instruction) {
    if (mode == null) {
      throw new IllegalArgumentException("embedding mode must not be null");
    }
    if (template == null) {
      throw new IllegalArgumentException("template must not be null (" + mode + " mode)");
    }
    this.mode = mode;
    this.template = template;
    this.instruction = instruction;
    this.gaps = parse();
  }

  /** The template of {@code mode} from the given string, which has no {@code {instruction}}. */
  public static PromptTemplate of(EmbeddingMode mode, String template) {
    return new PromptTemplate(mode, template, null);
  }

  /** The template of {@code mode} with {@code {instruction}} replaced by {@code instruction}. */
  public static PromptTemplate of(EmbeddingMode mode, String template, String instruction) {
    if (instruction == null) {
      throw new IllegalArgumentException(
          "instruction must not be null for template \""
              + template
              + "\" (use the factory without instruction)");
    }
    return new PromptTemplate(mode, template, instruction);
  }

  /** The embedding mode this template was checked for. */
  public EmbeddingMode mode() {
    return mode;
  }

  /** The template string as configured, placeholders included. */
  public String template() {
    return template;
  }

  /** The instruction put in place of {@code {instruction}}, if the template has one. */
  public Optional<String> instruction() {
    return Optional.ofNullable(instruction);
  }

  /** The prompt for {@code text}: the template with every placeholder replaced. */
  public String render(String text) {
    StringBuilder prompt = new StringBuilder();
    for (int gap = 0; gap < gaps.size(); gap++) {
      if (gap > 0) {
        prompt.append(text);
      }
      gaps.get(gap).forEach(prompt::append);
    }
    return prompt.toString();
  }

  /** The non-empty literal pieces before copy {@code gap}, or after the last copy. */
  List<String> literalPieces(int gap) {
    return gaps.get(gap);
  }

  /** Where the pooled (last) copy of {@code text} starts in {@link #render render(text)}. */
  int pooledCopyStart(String text) {
    int start = (gaps.size() - 2) * text.length();
    for (int gap = 0; gap < gaps.size() - 1; gap++) {
      for (String piece : gaps.get(gap)) {
        start += piece.length();
      }
    }
    return start;
  }

  @Override
  public String toString() {
    return mode
        + " template \""
        + template
        + "\""
        + (instruction == null ? "" : " with instruction \"" + instruction + "\"");
  }

  private List<List<String>> parse() {
    List<List<String>> parsed = new ArrayList<>();
    List<String> gap = new ArrayList<>();
    boolean usesInstruction = false;
    int literalStart = 0;
    Matcher placeholder = PLACEHOLDER.matcher(template);
    while (placeholder.find()) {
      addIfNotEmpty(gap, template.substring(literalStart, placeholder.start()));
      literalStart = placeholder.end();
      if (placeholder.group().equals(TEXT)) {
        parsed.add(List.copyOf(gap));
        gap.clear();
      } else if (placeholder.group().equals(INSTRUCTION)) {
        usesInstruction = true;
        addIfNotEmpty(gap, requireInstruction());
      } else {
        throw new IllegalArgumentException(
            "unknown placeholder "
                + placeholder.group()
                + " in "
                + this
                + ": write the text as "
                + TEXT
                + " and the instruction as "
                + INSTRUCTION);
      }
    }
    addIfNotEmpty(gap, template.substring(literalStart));
    parsed.add(List.copyOf(gap));
    int copies = parsed.size() - 1;
    if (copies != mode.textCopies()) {
      throw new IllegalArgumentException(
          mode
              + " template \""
              + template
              + "\" must contain "
              + TEXT
              + " exactly "
              + mode.textCopies()
              + (mode.textCopies() == 1 ? " time" : " times")
              + ", found "
              + copies
              + (mode == EmbeddingMode.ECHO ? " (the last copy is pooled)" : ""));
    }
    if (instruction != null && !usesInstruction) {
      throw new IllegalArgumentException(
          this + " has no " + INSTRUCTION + " placeholder: add one or give no instruction");
    }
    return List.copyOf(parsed);
  }

  private String requireInstruction() {
    if (instruction == null || instruction.isBlank()) {
      throw new IllegalArgumentException(
          mode
              + " template \""
              + template
              + "\" uses "
              + INSTRUCTION
              + " but no instruction was given");
    }
    return instruction;
  }

  private static void addIfNotEmpty(List<String> pieces, String piece) {
    if (!piece.isEmpty()) {
      pieces.add(piece);
    }
  }
}
