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

import io.solrecho.embed.WholeNumber;
import io.solrecho.lm.LmOptions;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option types the commands share, as picocli converters: a wrong value is a usage error that names
 * the option ({@code Invalid value for option '--max-tokens': expected ...}).
 */
public final class Converters {
  private Converters() {}

  /** A whole number of at least 1: counts, sizes, token limits. */
  public static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return wholeNumber(value, 1);
    }
  }

  /** A whole number of at least 0: counts that may be none, such as warm-up runs. */
  public static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return wholeNumber(value, 0);
    }
  }

  private static int wholeNumber(String value, int least) {
    try {
      return WholeNumber.parse(value, least);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** A number above 0: seconds, rates. */
  public static final class PositiveNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double parsed;
      try {
        parsed = Double.parseDouble(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("expected a number above 0, got '" + value + "'");
      }
      if (!(parsed > 0) || Double.isInfinite(parsed)) {
        throw new TypeConversionException("expected a number above 0, got " + value.trim());
      }
      return parsed;
    }
  }

  /** A TCP port, 0 to 65535 (0: any free port). */
  public static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value.trim());
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new TypeConversionException("expected a port from 0 to 65535, got '" + value + "'");
    }
  }

  /** A device for {@link LmOptions}: {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}. */
  public static final class Device implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return LmOptions.of(value, null).deviceName();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected auto, cpu, cuda or cuda:N, got '" + value + "'");
      }
    }
  }

  /** A compute type for {@link LmOptions}: {@code auto}, {@code float32} or {@code float16}. */
  public static final class Dtype implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return LmOptions.of(null, value).dtypeName();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected auto, float32 or float16, got '" + value + "'");
      }
    }
  }

  /**
   * An enum constant by its name in lower case ({@code echo}, {@code offsets}); {@link Main}
   * registers one for every enum type of the commands' options.
   */
  static final class LowerCaseEnum<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    LowerCaseEnum(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
          return constant;
        }
      }
      throw new TypeConversionException("expected one of " + names(type) + ", got '" + value + "'");
    }

    /** The constants' names in lower case, comma-separated. */
    static String names(Class<? extends Enum<?>> type) {
      StringBuilder names = new StringBuilder();
      for (Enum<?> constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ");
        names.append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      return names.toString();
    }
  }
}
