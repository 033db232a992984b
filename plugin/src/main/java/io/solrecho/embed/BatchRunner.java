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

import io.solrecho.lm.SharedPrefix;
import io.solrecho.lm.TokenBatch;
import io.solrecho.lm.TokenSpans;

/**
 * Runs one micro-batch to its pooled vectors: the mean last-layer state over each row's span after
 * the prompts' shared start, if any ({@code CausalLanguageModel#meanStates}, or a stand-in that
 * injects device faults in tests).
 */
@FunctionalInterface
interface BatchRunner {
  float[][] run(TokenBatch batch, TokenSpans spans, SharedPrefix prefix);
}
