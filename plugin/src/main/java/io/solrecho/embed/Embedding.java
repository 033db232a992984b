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
 * One text's vector with how it was made: the prompt's token ids, the pooled token range {@code
 * [pooledStart, pooledEnd)} and whether the text was truncated.
 */
public final class Embedding {
  private final float[] vector;
  private final EncodedPrompt prompt;

  Embedding(float[] vector, EncodedPrompt prompt) {
    this.vector = vector;
    this.prompt = prompt;
  }

  /** A copy of the vector. */
  public float[] vector() {
    return vector.clone();
  }

  /** The prompt's token ids. */
  public int[] ids() {
    return prompt.ids();
  }

  public int pooledStart() {
    return prompt.pooledStart();
  }

  public int pooledEnd() {
    return prompt.pooledEnd();
  }

  /** Tokens in the prompt (the cost of this embedding). */
  public int tokens() {
    return prompt.length();
  }

  /** Whether the text was longer than the per-copy token limit and was cut. */
  public boolean truncated() {
    return prompt.truncated();
  }
}
