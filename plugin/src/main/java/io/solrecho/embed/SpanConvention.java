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
 * How a prompt is tokenized and how its pooled tokens are found. The two give different ids as soon
 * as a BPE merge crosses a piece boundary (typically the space before the text).
 */
public enum SpanConvention {
  /**
   * What the reference implementation ({@code EchoParser}) does: every literal piece of the
   * template and the text are tokenized on their own and the ids concatenated; the pooled tokens
   * are exactly those of the pooled copy of the text.
   */
  PIECES,
  /**
   * The whole prompt string is tokenized once; the pooled tokens are those whose character range
   * intersects the pooled copy of the text, whose place follows from the template.
   */
  OFFSETS
}
