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
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.solrecho.ProjectFixtures;
import io.solrecho.download.HubDownloader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The demo's default model: used from models/ when complete, else downloaded; offline, a message
 * that helps.
 */
public class DefaultModelTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  private Path models;
  private HubDownloader offline;

  @Before
  public void offlineHub() throws Exception {
    models = temp.newFolder("models").toPath();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    offline =
        HubDownloader.builder()
            .endpoint("http://127.0.0.1:" + closedPort)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
  }

  private Path completeFolder() throws Exception {
    Path folder = DefaultModel.folder(models);
    Files.createDirectories(folder);
    Path toy = ProjectFixtures.tinyModel();
    for (String file : new String[] {"config.json", "tokenizer.json", "model.safetensors"}) {
      Files.copy(toy.resolve(file), folder.resolve(file));
    }
    return folder;
  }

  @Test
  public void aCompleteFolderIsUsedWithoutAskingTheHub() throws Exception {
    Path folder = completeFolder();
    assertTrue(DefaultModel.isComplete(folder));
    assertEquals(folder, DefaultModel.ensure(models, offline));
  }

  @Test
  public void anUnfinishedDownloadGoesBackToTheHubAndOfflineSaysHowToPassAModelFolder()
      throws Exception {
    Path folder = completeFolder();
    Files.writeString(folder.resolve("model.safetensors.index.json.incomplete"), "{");
    assertFalse(DefaultModel.isComplete(folder));
    try {
      DefaultModel.ensure(models, offline);
      fail("no hub, yet no error");
    } catch (DefaultModel.ModelUnavailableException e) {
      assertTrue(
          e.getMessage(),
          e.getMessage()
              .startsWith(
                  "the demo's default model HuggingFaceTB/SmolLM2-135M-Instruct"
                      + " is not in "
                      + folder
                      + " and the Hugging Face hub at "
                      + offline.endpoint()
                      + " cannot be reached ("));
      assertTrue(e.getMessage(), e.getMessage().contains("bin/solr-echo demo --model DIR"));
    }
  }

  @Test
  public void aFolderWithoutWeightsIsNotComplete() throws Exception {
    Path folder = completeFolder();
    Files.delete(folder.resolve("model.safetensors"));
    assertFalse(DefaultModel.isComplete(folder));
    assertFalse(DefaultModel.isComplete(models.resolve("absent")));
  }
}
