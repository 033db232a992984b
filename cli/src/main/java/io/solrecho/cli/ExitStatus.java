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
package io.solrecho.cli;

/** The exit statuses of {@code bin/solr-echo}, as its usage help lists them. */
public final class ExitStatus {
  /** The command did its work; also {@code --help} and {@code --version}. */
  public static final int OK = 0;

  /** The command failed, or part of its work did (the message says what). */
  public static final int FAILED = 1;

  /** The command line, or an input it names, is wrong; nothing was done. */
  public static final int USAGE = 2;

  private ExitStatus() {}
}
