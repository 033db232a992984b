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
package io.solrecho;

import static org.junit.Assume.assumeTrue;

/**
 * The one reason a test may be skipped: it needs a GPU. Its message starts with {@value #REASON};
 * {@code .ci/run} fails the build when a test is skipped for any other reason.
 */
public final class NeedsGpu {
  /** How every skip message of a GPU test starts. */
  public static final String REASON = "needs a GPU";

  private NeedsGpu() {}

  /**
   * The device the GPU checks run on, given as {@code -Dsolrecho.verify.device=cuda:N} with a CUDA
   * libtorch (gpu/verify.sh does so), or {@code cpu} for the CPU dry run of those checks ({@code
   * gpu/verify.sh --cpu-dry-run}); without it the calling test is skipped.
   */
  public static String device() {
    String device = System.getProperty("solrecho.verify.device", "");
    assumeTrue(
        REASON + ": run gpu/verify.sh, or set -Dsolrecho.verify.device=cuda:N with a CUDA libtorch",
        !device.isEmpty());
    return device;
  }
}
