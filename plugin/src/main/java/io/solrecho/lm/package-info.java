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
/**
 * Causal language models in Java over DJL's PyTorch engine: reads a Hugging Face model folder and
 * runs the decoder's forward pass, on CPU or CUDA. Knows nothing of prompts, embeddings or Solr.
 *
 * <p>The public surface: {@link io.solrecho.lm.CausalLanguageModel} ({@code load} with {@link
 * io.solrecho.lm.LmOptions}, {@code forward} to {@link io.solrecho.lm.HiddenStates}, {@code
 * meanStates} over {@link io.solrecho.lm.TokenSpans} with an optional {@link
 * io.solrecho.lm.SharedPrefix}, {@code lastTokenLogits}) taking a padded {@link
 * io.solrecho.lm.TokenBatch}; {@link io.solrecho.lm.TextTokenizer} and {@link
 * io.solrecho.lm.TokenizedText} for the model's {@code tokenizer.json}; {@link
 * io.solrecho.lm.ModelConfig} for its {@code config.json}; {@link io.solrecho.lm.BatchBudget} and
 * {@link io.solrecho.lm.DeviceOutOfMemoryException} for what fits on a GPU.
 *
 * <p>Inside, as transformers' modeling files: an {@link io.solrecho.lm.Architecture} per {@code
 * model_type} with named traits, a {@code CheckpointLayout} per checkpoint family (Llama family,
 * GPT-2, GPT-NeoX) mapping tensor names onto one {@code Decoder} of {@code DecoderLayer}s, whose
 * blocks are {@code Attention} (with {@code RotaryEmbedding}), a {@code FeedForward} (gated or
 * plain) and a {@code Norm} (RMSNorm or LayerNorm). The weights come from memory-mapped safetensors
 * files ({@code ModelWeights}, {@code SafetensorsFile}), handed to layouts by {@code TensorSource}
 * and hashed for fingerprints by {@code WeightsDigest}; every engine call goes through {@code
 * PyTorchEngine}, offline and with the plugin's class loader.
 *
 * <p>{@link io.solrecho.embed} builds embeddings on this package; nothing here depends on another
 * package of the project.
 */
package io.solrecho.lm;
