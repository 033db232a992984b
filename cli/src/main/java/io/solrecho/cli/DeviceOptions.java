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

import io.solrecho.lm.LmOptions;
import picocli.CommandLine.Option;

/**
 * {@code --device} and {@code --dtype}: where and in which compute type a model runs. A picocli
 * mixin of every command that loads a model.
 */
public final class DeviceOptions {
  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      converter = Converters.Device.class,
      description =
          "auto (the first GPU when the engine sees one, else the CPU), cpu, cuda or cuda:N;"
              + " default ${DEFAULT-VALUE}")
  private String device;

  @Option(
      names = "--dtype",
      paramLabel = "DTYPE",
      defaultValue = "auto",
      converter = Converters.Dtype.class,
      description =
          "compute type: auto (float16 on a GPU, float32 on the CPU), float32 or float16;"
              + " default ${DEFAULT-VALUE}")
  private String dtype;

  /** The device as given: {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}. */
  public String device() {
    return device;
  }

  /** The compute type as given: {@code auto}, {@code float32} or {@code float16}. */
  public String dtype() {
    return dtype;
  }

  /** The options for loading a model. */
  public LmOptions lmOptions() {
    return LmOptions.of(device, dtype);
  }
}
