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
import java.util.Locale;
import org.junit.Test;

public class Sha256Test {
  private static final String SHA =
      "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

  @Test
  public void quotedSixtyFourHexEtagIsASha256() {
    assertEquals(SHA, Sha256.fromEtag("\"" + SHA + "\""));
  }

  @Test
  public void weakAndUpperCaseEtagsAreNormalised() {
    assertEquals(SHA, Sha256.fromEtag("W/\"" + SHA.toUpperCase(Locale.ROOT) + "\""));
  }

  @Test
  public void gitBlobIdsAndOtherTagsAreNotChecksums() {
    assertNull(Sha256.fromEtag("\"5e5ab8d1f4c0b4a7e3f8c5a2d1e0f9a8b7c6d5e4\""));
    assertNull(Sha256.fromEtag("W/\"redirect\""));
    assertNull(Sha256.fromEtag(null));
  }

  @Test
  public void hexOfAKnownDigest() {
    // sha256("abc")
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hex(Sha256.newDigest().digest("abc".getBytes(StandardCharsets.US_ASCII))));
  }
}
