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
package io.solrecho.download;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GitBlobIdTest {
  @Rule public TemporaryFolder temporary = new TemporaryFolder();

  @Test
  public void blobIdsOfKnownContents() throws Exception {
    // what `git hash-object` prints for an empty file and for "hello\n"
    Path empty = temporary.newFile().toPath();
    assertEquals("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", GitBlobId.of(empty));
    Path hello = temporary.newFile().toPath();
    Files.writeString(hello, "hello\n", StandardCharsets.UTF_8);
    assertEquals("ce013625030ba8dba906f756967f9e9ca394464a", GitBlobId.of(hello));
  }

  @Test
  public void fortyHexEtagsAreBlobIdsAndOthersAreNot() {
    String id = "ce013625030ba8dba906f756967f9e9ca394464a";
    assertEquals(id, GitBlobId.fromEtag("\"" + id + "\""));
    assertEquals(id, GitBlobId.fromEtag("W/\"" + id.toUpperCase(Locale.ROOT) + "\""));
    assertNull(GitBlobId.fromEtag("\"" + id + id.substring(0, 24) + "\""));
    assertNull(GitBlobId.fromEtag("W/\"redirect\""));
    assertNull(GitBlobId.fromEtag(null));
  }
}
