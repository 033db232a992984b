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

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The manifest beside a downloaded model ({@value #FILE_NAME}): for one repository and revision,
 * the sha256, size and modification time of every file that was downloaded and verified, and the
 * optional files the hub does not have. A file whose size and time still match is trusted without
 * hashing it again; one whose time changed is hashed once more; any other is downloaded again.
 */
final class VerifiedFiles {
  static final String FILE_NAME = ".solr-echo-download.json";
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /** The JSON form. */
  private static final class Manifest {
    String repo;
    String revision;
    Map<String, Entry> files = new TreeMap<>();
    List<String> absent = new ArrayList<>();
  }

  private static final class Entry {
    String sha256;
    long size;
    long modified;
  }

  private final Path folder;
  private final Manifest manifest;

  private VerifiedFiles(Path folder, Manifest manifest) {
    this.folder = folder;
    this.manifest = manifest;
  }

  /**
   * Reads the manifest in {@code folder}; one for another repository or revision, or an unreadable
   * one, counts as none.
   */
  static VerifiedFiles open(Path folder, String repo, String revision) throws IOException {
    Manifest manifest = null;
    try (Reader reader =
        Files.newBufferedReader(folder.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
      manifest = GSON.fromJson(reader, Manifest.class);
    } catch (NoSuchFileException e) {
      // first download into this folder
    } catch (JsonParseException e) {
      // damaged: verify everything again
    }
    if (manifest == null
        || !repo.equals(manifest.repo)
        || !revision.equals(manifest.revision)
        || manifest.files == null
        || manifest.absent == null) {
      manifest = new Manifest();
      manifest.repo = repo;
      manifest.revision = revision;
    }
    return new VerifiedFiles(folder, manifest);
  }

  /**
   * True when {@code name} was verified before and is still the same file; hashes it again if its
   * time changed.
   */
  boolean isVerified(String name) throws IOException {
    Entry entry = manifest.files.get(name);
    Path file = folder.resolve(name);
    if (entry == null || !Files.isRegularFile(file) || Files.size(file) != entry.size) {
      return false;
    }
    long modified = Files.getLastModifiedTime(file).toMillis();
    if (modified == entry.modified) {
      return true;
    }
    if (Sha256.of(file).equals(entry.sha256)) {
      entry.modified = modified;
      save();
      return true;
    }
    manifest.files.remove(name);
    save();
    return false;
  }

  /** The sha256 recorded for {@code name}, or null. */
  String sha256(String name) {
    Entry entry = manifest.files.get(name);
    return entry == null ? null : entry.sha256;
  }

  boolean isAbsent(String name) {
    return manifest.absent.contains(name);
  }

  /** Records {@code name}, now in the folder, as verified with {@code sha256}. */
  void recordVerified(String name, String sha256) throws IOException {
    Path file = folder.resolve(name);
    Entry entry = new Entry();
    entry.sha256 = Objects.requireNonNull(sha256);
    entry.size = Files.size(file);
    entry.modified = Files.getLastModifiedTime(file).toMillis();
    manifest.files.put(name, entry);
    manifest.absent.remove(name);
    save();
  }

  /** Records that the hub has no {@code name} at this revision. */
  void recordAbsent(String name) throws IOException {
    if (!manifest.absent.contains(name)) {
      manifest.absent.add(name);
      manifest.files.remove(name);
      save();
    }
  }

  private void save() throws IOException {
    Path target = folder.resolve(FILE_NAME);
    Path temporary = folder.resolve(FILE_NAME + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      GSON.toJson(manifest, writer);
    }
    try {
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
