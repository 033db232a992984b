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

import io.solrecho.download.HubDownloader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where {@code bin/solr-echo eval} finds its data sets: in a local folder ({@code --data DIR},
 * {@link #local}), or on the Hugging Face hub at pinned revisions, downloaded once into a cache
 * ({@link #hub}). Either way a data set is found, fetched if need be, and checked when it is asked
 * for, so that a missing or unreachable data set stops the run before any model is loaded.
 */
public interface EvalData {
  /**
   * The test set of {@code dataset}.
   *
   * @throws IllegalArgumentException when a local folder lacks it, naming the path and {@code
   *     --data}
   * @throws DataUnavailableException when it cannot be downloaded; the message says how to go on
   */
  StsSource sts(StsDataset dataset) throws IOException;

  /**
   * A reader of the BEIR data set {@code source}.
   *
   * @throws IllegalArgumentException when a local folder lacks it, naming the path and {@code
   *     --data}
   * @throws DataUnavailableException when it cannot be downloaded; the message says how to go on
   */
  BeirReader beir(BeirSource source) throws IOException;

  /** Where the data sets come from, for the report. */
  String description();

  /**
   * The data sets in {@code folder}, laid out as {@code stsbenchmark/sts-test.csv}, {@code
   * sick/SICK.txt}, {@code sts12-16/} (SentEval's layout of the SemEval files) and BEIR folders
   * such as {@code scifact-beir/}.
   */
  static EvalData local(Path folder) {
    return new LocalEvalData(folder);
  }

  /**
   * The data sets on the hub that {@code downloader} reaches, kept under {@code cache} (one folder
   * per repository and revision); files already there and verified are not downloaded again.
   */
  static EvalData hub(HubDownloader downloader, Path cache) {
    return new HubEvalData(downloader, cache);
  }
}
