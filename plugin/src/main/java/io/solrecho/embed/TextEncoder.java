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

/**
 * Turns a text of one role into the token ids the model runs and the positions it pools: a prompt
 * template ({@link PromptEncoder}) or a sentence-transformers folder's recipe ({@link
 * SentenceTransformersEncoder}).
 */
interface TextEncoder {
  /**
   * The prompt of {@code text}.
   *
   * @throws IllegalArgumentException when the text is null, empty or only whitespace, or leaves
   *     nothing to pool
   */
  EncodedPrompt encode(String text);

  /**
   * Token ids every prompt of this encoder very likely starts with (possibly none), whose keys and
   * values the model may compute once; callers must still compare.
   */
  int[] constantPrefix();

  /** The most tokens of a text that are embedded whole, not cut. */
  int textTokenLimit();
}
