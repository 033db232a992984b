#!/usr/bin/env bash
#
# Copyright 2026 The solr-echo authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#

# GPU verification of solr-echo in one go (docs/gpu-verification.md), on a machine with an NVIDIA GPU and
# PyTorch (its libtorch is the one used) but no Java and no network; the bundle from gpu/build-bundle.sh
# brings the rest. Steps:
#   1. builds DJL's JNI for the machine's libtorch (gpu/build-jni.sh), unless already built;
#   2. GpuVerificationTest: every fixture against transformers on the GPU in float32 (1e-4) and float16
#      (5e-2), the free-memory reading and batch budget, a real CUDA out-of-memory error;
#   3. bench-lm: tokens/s and MFU of random SmolLM2-135M- and Mistral-7B-shaped models at 1x512, 8x512,
#      32x512 and the largest batch the budget allows, with the GPU memory used sampled by nvidia-smi;
#   4. prints one summary table and writes it to $OUT/summary.md, with every step's output, exit status
#      and time in $OUT/details.tgz (both rewritten after each step, so a run cut short reports too).
#
# usage: gpu/verify.sh [--cpu-dry-run]
#   --cpu-dry-run  the same steps on the CPU, skipping only what needs CUDA (the out-of-memory check and
#                  the budget-sized batches) and with a 1-layer Mistral-7B-shaped model, in float32
# Environment: OUT (results, default ./gpu-verify-out), TORCH_DIR (the torch package folder, default the
# one python3 finds), WORK (scratch, default /tmp/solr-echo-verify; keeps the JNI and the random models
# between runs), PEAK_TFLOPS_F16/PEAK_TFLOPS_F32 (the GPU's dense peaks; known for H100/H200/A100),
# ONLY (step names to run, e.g. "bench-mistral7b-f16" for a rerun; default all).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bundle="$root/.gpu-bundle"
dry=0
[ "${1:-}" = "--cpu-dry-run" ] && dry=1
OUT="${OUT:-$root/gpu-verify-out}"
WORK="${WORK:-/tmp/solr-echo-verify}"
[ -f "$bundle/jre.tgz" ] || { echo "verify: no $bundle: run gpu/build-bundle.sh first" >&2; exit 2; }
results="$WORK/results"
rm -rf "$results"
mkdir -p "$OUT" "$results"

python=python3
[ -x /opt/torch/.venv/bin/python3 ] && python=/opt/torch/.venv/bin/python3
summarize() {
  "$python" "$root/gpu/summary.py" "$results" > "$OUT/summary.md" 2>> "$results/summary-errors.txt"
  tar -C "$WORK" -czf "$OUT/details.tgz" results
}
# step NAME COMMAND...: runs COMMAND with its output in results/NAME.out and .err, and records its exit
# status and seconds; skipped when ONLY names other steps.
step() {
  local name="$1" start rc
  shift
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then
    return 0
  fi
  start=$(date +%s)
  "$@" > "$results/$name.out" 2> "$results/$name.err"
  rc=$?
  printf '%s\t%s\t%s\n' "$name" "$rc" "$(( $(date +%s) - start ))" >> "$results/steps.tsv"
  echo "verify: $name exit $rc in $(( $(date +%s) - start )) s" >&2
  summarize
  return $rc
}
: > "$results/steps.tsv"

# The machine.
{
  echo "mode: $([ $dry = 1 ] && echo cpu-dry-run || echo gpu)"
  ldd --version 2>&1 | head -1
  echo "cpu cores: $(nproc)"
  if command -v nvidia-smi > /dev/null; then
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1
  fi
} > "$results/machine.txt"

# Java.
tar -C "$WORK" -xzf "$bundle/jre.tgz"
export JAVA_HOME="$WORK/jre"

# The machine's libtorch: version and flavor from the torch package's version.py (no Python import).
if [ -z "${TORCH_DIR:-}" ]; then
  TORCH_DIR="$("$python" -c 'import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("torch").origin))')"
fi
[ -f "${TORCH_DIR:-}/lib/libtorch.so" ] || { echo "verify: no torch package found (set TORCH_DIR)" >&2; exit 2; }
torch_version="$(sed -n "s/^__version__ = '\([0-9.]*\).*/\1/p" "$TORCH_DIR/version.py")"
torch_cuda="$(sed -n "s/^cuda: .* = '\([0-9]*\)\.\([0-9]*\)'.*/\1\2/p" "$TORCH_DIR/version.py")"
flavor="${torch_cuda:+cu$torch_cuda}"
flavor="${flavor:-cpu}"
djl_version="$(cat "$bundle/djl-version")"
echo "libtorch: $torch_version $flavor at $TORCH_DIR" >> "$results/machine.txt"

# 1. The JNI, where DJL looks for it: its cache folder for this libtorch version and flavor.
export DJL_CACHE_DIR="$WORK/djl-cache"
jni="$DJL_CACHE_DIR/pytorch/$torch_version-$flavor-linux-x86_64/$djl_version-libdjl_torch.so"
if [ ! -f "$jni" ]; then
  ONLY="" step jni-build "$root/gpu/build-jni.sh" "$TORCH_DIR" "$bundle/djl-jni" "$jni" ||
    { tail -40 "$results/jni-build.err"; exit 1; }
fi

# DJL counts GPUs and reads their free memory through libcudart, which JNA finds in jna.library.path
# (a versioned libcudart.so.N is enough); pip's CUDA wheels keep it under site-packages/nvidia.
cudart="$(find "$(dirname "$TORCH_DIR")/nvidia" /usr/local/cuda/lib64 -name 'libcudart.so*' 2>/dev/null | sort | head -1)"
echo "libcudart: ${cudart:-none}" >> "$results/machine.txt"
export PYTORCH_LIBRARY_PATH="$TORCH_DIR/lib" PYTORCH_VERSION="$torch_version" PYTORCH_FLAVOR="$flavor" OPT_OUT_TRACKING=true
java_run() {
  "$JAVA_HOME/bin/java" -Dai.djl.offline=true ${cudart:+-Djna.library.path="$(dirname "$cudart")"} \
    -Dsolrecho.fixtures="$root/fixtures" -cp "$bundle/lib/*" "$@"
}

# 2. The JUnit checks.
device=cuda:0
[ $dry = 1 ] && device=cpu
step gpu-tests java_run -Xmx8g -Dsolrecho.verify.device=$device org.junit.runner.JUnitCore io.solrecho.lm.GpuVerificationTest

# 3. Throughput. Peaks: dense float16 tensor-core and float32 (no TF32) rates of the known GPUs, in TFLOP/s.
gpu_name="$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)"
case "$gpu_name" in
  *H100*PCIe*) peaks="756 51" ;;
  *H100*|*H200*|*GH200*) peaks="989 67" ;;
  *A100*) peaks="312 19.5" ;;
  *) peaks="" ;;
esac
read -r peak16 peak32 <<< "${peaks:-}"
peak16="${PEAK_TFLOPS_F16:-${peak16:-}}"
peak32="${PEAK_TFLOPS_F32:-${peak32:-}}"
# bench NAME PEAK ARGS...: one bench-lm run, with the GPU memory in use sampled every 200 ms.
bench() {
  local name="$1" peak="$2" sampler=""
  shift 2
  if [ $dry = 0 ]; then
    nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 200 > "$results/$name-memory.csv" 2>/dev/null &
    sampler=$!
  fi
  step "$name" java_run -Xmx48g io.solrecho.cli.Main bench-lm --cache "$WORK/models" ${peak:+--peak-tflops "$peak"} "$@"
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null
  return 0
}
if [ $dry = 0 ]; then
  bench bench-smollm2-f16 "$peak16" --shape smollm2-135m --device cuda:0 --dtype float16 --seconds 2 \
    --shapes 1x512,8x512,32x512,maxx512
  bench bench-smollm2-f32 "$peak32" --shape smollm2-135m --device cuda:0 --dtype float32 --seconds 2 \
    --shapes 1x512,8x512,32x512
  df -h "$WORK" >> "$results/machine.txt" 2>&1
  bench bench-mistral7b-f16 "$peak16" --shape mistral-7b --device cuda:0 --dtype float16 --seconds 2 \
    --shapes 1x512,8x512,32x512,maxx512
else
  bench bench-smollm2-f32 "" --shape smollm2-135m --device cpu --dtype float32 --seconds 1 --shapes 1x32,2x64
  bench bench-smollm2-f16 "" --shape smollm2-135m --device cpu --dtype float16 --seconds 1 --shapes 1x16
  bench bench-mistral7b-1layer-f32 "" --shape mistral-7b --layers 1 --device cpu --dtype float32 --seconds 1 \
    --shapes 1x16
fi

# 4. The table.
summarize
cat "$OUT/summary.md"
! grep -qv $'\t0\t' "$results/steps.tsv"
