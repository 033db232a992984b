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
/**
 * Progress bars on a terminal stream: {@link io.solrecho.progress.ProgressBar} shows one run of
 * work at a time (amount done, rate, time left), redrawn in place on a terminal or as occasional
 * lines in logs; {@link io.solrecho.progress.ProgressUnit} says whether it counts bytes or items.
 * Used by the downloads ({@link io.solrecho.download}), {@code eval} and the local-Solr tools;
 * depends on nothing else of the project.
 */
package io.solrecho.progress;
