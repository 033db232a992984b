package io.solrecho.embed;

/**
 * Checks and cleans a text before it is embedded, the same way every time: {@code null} and empty
 * or whitespace-only texts are rejected (they would give a meaningless vector), and control
 * characters other than tab, line feed and carriage return become a space. Lone surrogates are
 * left to {@link io.solrecho.lm.TextTokenizer}, which reads them as U+FFFD. Each replacement is
 * one {@code char} for one, so indices into the cleaned text are indices into the original.
 */
final class TextSanitizer {
  private TextSanitizer() {}

  /** The cleaned text; throws {@link IllegalArgumentException} when there is nothing to embed. */
  static String sanitize(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    String cleaned = withoutControlCharacters(text);
    if (isBlank(cleaned)) {
      throw new IllegalArgumentException("text is empty or only whitespace (" + text.length()
          + " chars): there is nothing to embed");
    }
    return cleaned;
  }

  private static String withoutControlCharacters(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = ' ';
      }
    }
    return chars == null ? text : new String(chars);
  }

  private static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }
}
