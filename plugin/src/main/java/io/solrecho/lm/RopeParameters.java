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
package io.solrecho.lm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Rotary position embedding settings from config.json: base, rotated share of each head and the
 * frequency scaling. Reads both the transformers 5 {@code rope_parameters} block and the older
 * top-level {@code rope_theta} / {@code rope_scaling} keys (and GPT-NeoX's {@code rotary_pct} /
 * {@code rotary_emb_base}).
 */
final class RopeParameters {
  /** Frequency scaling schemes. */
  enum Scaling {
    DEFAULT,
    LINEAR,
    LLAMA3
  }

  private final double theta;
  private final int rotaryDim;
  private final Scaling scaling;
  private final double factor;
  private final double lowFreqFactor;
  private final double highFreqFactor;
  private final double originalMaxPositions;

  private RopeParameters(
      double theta,
      int rotaryDim,
      Scaling scaling,
      double factor,
      double lowFreqFactor,
      double highFreqFactor,
      double originalMaxPositions) {
    this.theta = theta;
    this.rotaryDim = rotaryDim;
    this.scaling = scaling;
    this.factor = factor;
    this.lowFreqFactor = lowFreqFactor;
    this.highFreqFactor = highFreqFactor;
    this.originalMaxPositions = originalMaxPositions;
  }

  static RopeParameters fromConfig(JsonObject c, int headDim) {
    JsonObject block = object(c, "rope_parameters");
    JsonObject scalingBlock = block != null ? block : object(c, "rope_scaling");
    double theta =
        block != null && block.has("rope_theta")
            ? block.get("rope_theta").getAsDouble()
            : ModelConfig.optionalDouble(
                c, "rope_theta", ModelConfig.optionalDouble(c, "rotary_emb_base", 10000.0));
    double partial =
        block != null && block.has("partial_rotary_factor")
            ? block.get("partial_rotary_factor").getAsDouble()
            : ModelConfig.optionalDouble(
                c, "partial_rotary_factor", ModelConfig.optionalDouble(c, "rotary_pct", 1.0));
    int rotaryDim = (int) (headDim * partial);
    if (scalingBlock == null) {
      return new RopeParameters(theta, rotaryDim, Scaling.DEFAULT, 1, 0, 0, 0);
    }
    String type =
        scalingBlock.has("rope_type")
            ? scalingBlock.get("rope_type").getAsString()
            : scalingBlock.has("type") ? scalingBlock.get("type").getAsString() : "default";
    switch (type) {
      case "default":
        return new RopeParameters(theta, rotaryDim, Scaling.DEFAULT, 1, 0, 0, 0);
      case "linear":
        return new RopeParameters(
            theta, rotaryDim, Scaling.LINEAR, scalingBlock.get("factor").getAsDouble(), 0, 0, 0);
      case "llama3":
        return new RopeParameters(
            theta,
            rotaryDim,
            Scaling.LLAMA3,
            scalingBlock.get("factor").getAsDouble(),
            scalingBlock.get("low_freq_factor").getAsDouble(),
            scalingBlock.get("high_freq_factor").getAsDouble(),
            scalingBlock.get("original_max_position_embeddings").getAsDouble());
      default:
        throw new IllegalArgumentException(
            "config.json: unsupported rope scaling type \""
                + type
                + "\"; supported: default, linear, llama3");
    }
  }

  private static JsonObject object(JsonObject c, String key) {
    JsonElement e = c.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  /** Number of leading dims of each head that are rotated. */
  int rotaryDim() {
    return rotaryDim;
  }

  /**
   * The rotation frequencies, one per pair of rotated dims, computed in float32 like transformers.
   */
  float[] inverseFrequencies() {
    int half = rotaryDim / 2;
    float[] inv = new float[half];
    for (int i = 0; i < half; i++) {
      float exponent = (float) (2 * i) / rotaryDim;
      inv[i] = (float) (1.0 / Math.pow(theta, exponent));
    }
    switch (scaling) {
      case LINEAR:
        for (int i = 0; i < half; i++) {
          inv[i] = (float) (inv[i] / factor);
        }
        return inv;
      case LLAMA3:
        return llama3(inv);
      default:
        return inv;
    }
  }

  /**
   * Llama 3.1 scaling: long wavelengths divided by factor, short kept, the band between smoothed.
   */
  private float[] llama3(float[] inv) {
    double lowFreqWavelen = originalMaxPositions / lowFreqFactor;
    double highFreqWavelen = originalMaxPositions / highFreqFactor;
    float[] out = new float[inv.length];
    for (int i = 0; i < inv.length; i++) {
      double wavelen = 2 * Math.PI / inv[i];
      if (wavelen < highFreqWavelen) {
        out[i] = inv[i];
      } else if (wavelen > lowFreqWavelen) {
        out[i] = (float) (inv[i] / factor);
      } else {
        double smooth =
            (originalMaxPositions / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        out[i] = (float) ((1 - smooth) * inv[i] / factor + smooth * inv[i]);
      }
    }
    return out;
  }
}
