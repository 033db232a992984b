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
 * Downloads from the Hugging Face hub: model folders for {@code demo}, data sets for {@code eval}.
 *
 * <p>{@link io.solrecho.download.HubDownloader} is the entry point (endpoint, token, timeouts and
 * retries from a builder; {@code HF_ENDPOINT} and {@code HF_TOKEN} read by its callers). One run
 * over the files of a repository at a revision is a {@code RepositorySnapshot}; each file is a
 * {@code ResumableDownload} through {@code FILE.incomplete}, resumed with {@code Range} requests,
 * retried when it stalls ({@code IdleTimeoutInputStream}) and checked against the sha256 ({@code
 * Sha256}) or git blob id ({@code GitBlobId}) the hub announced before it takes its place. {@code
 * HubClient} follows redirects by hand so that the token only goes to the hub's own origin; the
 * manifest {@code VerifiedFiles} lets a later run skip files verified before. Failures are a {@link
 * io.solrecho.download.HubDownloadException} that says what to do.
 *
 * <p>Progress goes to a {@link io.solrecho.progress.ProgressBar}; nothing here knows models or data
 * sets beyond their file names.
 */
package io.solrecho.download;
