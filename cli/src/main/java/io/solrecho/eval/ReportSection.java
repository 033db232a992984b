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
package io.solrecho.eval;

import com.google.gson.JsonElement;
import java.util.List;

/**
 * One part of an evaluation report (STS, toy study, later retrieval): its Markdown, its raw numbers
 * and its charts. A section holds finished results only; running the evaluation is someone else's
 * job, so sections are cheap to build from synthetic numbers in tests.
 */
public interface ReportSection {
  /**
   * Short stable name ({@code [a-z0-9-]+}): the section's member in {@code results.json} and the
   * prefix of its chart files, e.g. {@code sts}, {@code toy}, {@code retrieval}.
   */
  String key();

  /** The section heading. */
  String title();

  /** The section body in Markdown (tables, notes), without its heading and without the charts. */
  String markdown();

  /** The raw numbers, exactly as measured (no rounding), for {@code results.json}. */
  JsonElement json();

  /** Charts to draw as PNG below the body; each file name must start with {@link #key()}. */
  List<BarChart> charts();
}
