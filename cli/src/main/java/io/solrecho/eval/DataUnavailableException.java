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

import java.io.IOException;

/**
 * A data set could not be had from the Hugging Face hub: no connection, a refusal, a missing file,
 * or damaged data. The message names the data set and the file, and says how to go on (offline:
 * {@code --data DIR}).
 */
public final class DataUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  DataUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
