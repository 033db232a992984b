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
package io.solrecho.embed;

/**
 * One passage of a longer text, as {@link PassageSplitter} cuts it.
 *
 * @param text the passage, {@code whole.substring(start, end)} of the text it was cut from
 * @param start UTF-16 index of its first character in that text
 * @param end UTF-16 index just after its last character
 * @param tokens its tokens when tokenized on its own (at most the splitter's {@code maxTokens})
 */
public record Passage(String text, int start, int end, int tokens) {}
