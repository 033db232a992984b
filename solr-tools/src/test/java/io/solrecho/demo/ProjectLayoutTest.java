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
package io.solrecho.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Finding the checkout's configset, sample collection and models folder. */
public class ProjectLayoutTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void theCheckoutIsFoundAboveThisCode() {
    ProjectLayout layout = ProjectLayout.locate();
    assertTrue(Files.isRegularFile(layout.configSet().resolve("solrconfig.xml")));
    assertTrue(Files.isRegularFile(layout.sampleDocuments()));
    assertTrue(Files.isRegularFile(layout.sampleQueries()));
    assertEquals(layout.root().resolve("models"), layout.models());
    Path elsewhere = temp.getRoot().toPath().resolve("m");
    assertEquals(elsewhere, layout.withModels(elsewhere).models());
  }

  @Test
  public void aFolderWithoutTheConfigsetIsNoCheckout() {
    try {
      ProjectLayout.of(temp.getRoot().toPath());
      fail("accepted an empty folder");
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage(),
          e.getMessage()
              .endsWith("is not a solr-echo checkout: it has no solr-config/conf/solrconfig.xml"));
    }
  }
}
