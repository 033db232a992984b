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
package io.solrecho.harness;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.solrecho.demo.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The benchmark's configset: the checkout's, without Solr's query result cache, with a query vector
 * cache for every timed query.
 */
public class BenchConfigSetTest {
  @Test
  public void theCopyHasNoQueryResultCacheAndEverythingElse() throws Exception {
    Path source = ProjectLayout.locate().configSet();
    assertTrue(Files.readString(source.resolve("solrconfig.xml")).contains("<queryResultCache"));
    Path folder;
    try (BenchConfigSet copy = BenchConfigSet.copyWithoutQueryResultCache(source, 5000)) {
      folder = copy.folder();
      String config = Files.readString(folder.resolve("solrconfig.xml"));
      assertFalse(config, config.contains("queryResultCache"));
      assertTrue(config, config.contains("<filterCache"));
      assertTrue(
          config, config.matches("(?s).*<cache name=\"echoQueryCache\"[^>]*\\bsize=\"5000\".*"));
      assertTrue(config, config.contains("io.solrecho.solr.EchoUpdateProcessorFactory"));
      assertEquals(
          Files.readString(source.resolve("managed-schema.xml")),
          Files.readString(folder.resolve("managed-schema.xml")));
      assertTrue(Files.isRegularFile(folder.resolve("echo-models.json")));
    }
    assertFalse("deleted on close", Files.exists(folder));
  }
}
