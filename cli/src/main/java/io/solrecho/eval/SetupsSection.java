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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.solrecho.embed.EmbeddingSettings;
import io.solrecho.embed.TextRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedding setups compared in a report: mode, pooling and the exact prompt template of each.
 */
public final class SetupsSection implements ReportSection {
  private final Map<String, EmbeddingSettings> setups;

  /**
   * @param setups settings per setup name, in report order
   */
  public SetupsSection(Map<String, EmbeddingSettings> setups) {
    this.setups = Collections.unmodifiableMap(new LinkedHashMap<>(setups));
  }

  @Override
  public String key() {
    return "setups";
  }

  @Override
  public String title() {
    return "Setups";
  }

  @Override
  public String markdown() {
    MarkdownTable table = new MarkdownTable("setup", "mode", "pooling", "template");
    setups.forEach(
        (name, s) ->
            table.row(
                name,
                EmbeddingSetup.lower(s.mode()),
                EmbeddingSetup.lower(s.pooling()),
                MarkdownTable.code(s.template(TextRole.DOCUMENT).template())));
    return "Pooling is over the second copy of the text for echo, over the text for classical, and on the last"
        + " prompt token for PromptEOL.\n\n"
        + table;
  }

  @Override
  public JsonElement json() {
    JsonArray array = new JsonArray();
    setups.forEach(
        (name, s) -> {
          JsonObject entry = new JsonObject();
          entry.addProperty("name", name);
          entry.addProperty("mode", EmbeddingSetup.lower(s.mode()));
          entry.addProperty("pooling", EmbeddingSetup.lower(s.pooling()));
          entry.addProperty("template", s.template(TextRole.DOCUMENT).template());
          entry.addProperty("max_tokens_per_copy", s.maxTokensPerCopy());
          entry.addProperty("normalize", s.normalize());
          entry.addProperty("add_bos", s.addBos());
          entry.addProperty("spans", EmbeddingSetup.lower(s.spanConvention()));
          array.add(entry);
        });
    return array;
  }

  @Override
  public List<BarChart> charts() {
    return List.of();
  }
}
