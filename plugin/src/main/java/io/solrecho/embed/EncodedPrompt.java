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

import java.util.Arrays;

/**
 * The token ids of one prompt and the range of positions to pool over, {@code [pooledStart,
 * pooledEnd)}, never empty. {@link #truncated()} tells whether the text was cut to fit the token
 * limit of its copies.
 */
public final class EncodedPrompt {
  private final int[] ids;
  private final int pooledStart;
  private final int pooledEnd;
  private final boolean truncated;

  EncodedPrompt(int[] ids, int pooledStart, int pooledEnd, boolean truncated) {
    if (pooledStart < 0 || pooledStart >= pooledEnd || pooledEnd > ids.length) {
      throw new IllegalArgumentException(
          "pooled range ["
              + pooledStart
              + ", "
              + pooledEnd
              + ") is empty or outside a prompt of "
              + ids.length
              + " tokens");
    }
    this.ids = ids;
    this.pooledStart = pooledStart;
    this.pooledEnd = pooledEnd;
    this.truncated = truncated;
  }

  /** A copy of the prompt's token ids. */
  public int[] ids() {
    return ids.clone();
  }

  /** Number of tokens in the prompt. */
  public int length() {
    return ids.length;
  }

  /** Position of the first pooled token. */
  public int pooledStart() {
    return pooledStart;
  }

  /** Position just after the last pooled token. */
  public int pooledEnd() {
    return pooledEnd;
  }

  /** True when the text had more tokens than a copy may hold and was cut. */
  public boolean truncated() {
    return truncated;
  }

  @Override
  public String toString() {
    return "EncodedPrompt"
        + Arrays.toString(ids)
        + " pooled ["
        + pooledStart
        + ", "
        + pooledEnd
        + ")"
        + (truncated ? " truncated" : "");
  }
}
