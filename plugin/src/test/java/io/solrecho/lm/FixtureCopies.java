package io.solrecho.lm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.solrecho.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Copies of hf-reference fixture files into a test's temporary folder, optionally edited; the
 * shared folder itself is never written.
 */
final class FixtureCopies {
  private FixtureCopies() {}

  /** Writes {@code fixture}'s config.json into {@code folder}, after {@code edit} changed it. */
  static void config(String fixture, Path folder, Consumer<JsonObject> edit) throws IOException {
    Path source = SharedFixtures.referenceModel(fixture).resolve("config.json");
    JsonObject config = JsonParser.parseString(Files.readString(source, StandardCharsets.UTF_8)).getAsJsonObject();
    edit.accept(config);
    Files.writeString(folder.resolve("config.json"), config.toString(), StandardCharsets.UTF_8);
  }

  /** Copies {@code fixture}'s config.json unchanged into {@code folder}. */
  static void config(String fixture, Path folder) throws IOException {
    Files.copy(SharedFixtures.referenceModel(fixture).resolve("config.json"), folder.resolve("config.json"));
  }

  /** Copies {@code fixture}'s model.safetensors into {@code folder} and returns the copy. */
  static Path weights(String fixture, Path folder) throws IOException {
    Path copy = folder.resolve(ModelWeights.SINGLE_FILE);
    Files.copy(SharedFixtures.referenceModel(fixture).resolve(ModelWeights.SINGLE_FILE), copy);
    return copy;
  }

  /** The fixture's original model.safetensors (read only). */
  static Path originalWeights(String fixture) {
    return SharedFixtures.referenceModel(fixture).resolve(ModelWeights.SINGLE_FILE);
  }
}
