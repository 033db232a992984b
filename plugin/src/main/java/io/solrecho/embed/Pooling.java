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

/** How the hidden states of the pooled tokens become one vector. */
public enum Pooling {
  /** Arithmetic mean over the pooled tokens: the zero-shot echo and classical default. */
  MEAN,
  /** The state of the last pooled token: what fine-tuned echo checkpoints and PromptEOL use. */
  LAST
}
