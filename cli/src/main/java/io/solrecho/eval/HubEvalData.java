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

import io.solrecho.download.HubDownloadException;
import io.solrecho.download.HubDownloader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The data sets on the Hugging Face hub, each at a pinned revision ({@link HubDataFile}), in the
 * formats the hub holds them: MTEB's STS files ({@link StsJsonlReader}) and BEIR's gzipped JSON
 * lines and TSV judgments ({@link BeirReader}). Files are downloaded into {@code
 * CACHE/<owner>--<name>/<revision>/}, checked against the hub's checksums, and taken from there
 * without any request once verified.
 */
final class HubEvalData implements EvalData {
  private final HubDownloader downloader;
  private final Path cache;

  HubEvalData(HubDownloader downloader, Path cache) {
    this.downloader = downloader;
    this.cache = cache;
  }

  @Override
  public StsSource sts(StsDataset dataset) throws IOException {
    HubDataFile hub = dataset.hub();
    Path file = fetch(dataset.title(), hub);
    return new StsSource(
        hub.describe() + " (as MTEB)",
        new StsJsonlReader(file, dataset.minScore(), dataset.maxScore())::read);
  }

  @Override
  public BeirReader beir(BeirSource source) throws IOException {
    Path corpus = fetch(source.title(), source.corpus());
    Path queries = fetch(source.title(), source.queries());
    Path qrels = fetch(source.title(), source.qrels());
    return new BeirReader(corpus, queries, qrels.getParent());
  }

  @Override
  public String description() {
    return "Hugging Face hub "
        + downloader.endpoint()
        + ", pinned revisions, cached in "
        + cache.toAbsolutePath().normalize();
  }

  /** The file in the cache, downloaded first unless it is there and verified. */
  private Path fetch(String title, HubDataFile file) throws DataUnavailableException {
    Path folder = cache.resolve(file.repo().replace("/", "--")).resolve(file.revision());
    try {
      downloader.downloadDatasetFiles(file.repo(), file.revision(), List.of(file.path()), folder);
    } catch (HubDownloadException e) {
      throw unavailable(title, file, e);
    } catch (IOException e) {
      throw new DataUnavailableException(
          title + ": could not write " + file.path() + " into the cache " + folder + ": " + e, e);
    }
    return folder.resolve(file.path());
  }

  private DataUnavailableException unavailable(
      String title, HubDataFile file, HubDownloadException e) {
    if (e.reason() != HubDownloadException.Reason.UNREACHABLE) {
      return new DataUnavailableException(
          title + ": could not download " + file.describe() + ": " + e.getMessage(), e);
    }
    return new DataUnavailableException(
        title
            + ": the Hugging Face hub at "
            + downloader.endpoint()
            + " cannot be reached to download "
            + file.describe()
            + " ("
            + e.why()
            + ").\n"
            + "To evaluate without network, read the data sets from a folder: bin/solr-echo eval --data DIR ...\n"
            + "  (stsbenchmark/sts-test.csv, sick/SICK.txt, sts12-16/, scifact-beir/; see the README),"
            + " or run once online to fill the cache "
            + cache.toAbsolutePath().normalize()
            + " (--cache DIR).",
        e);
  }
}
