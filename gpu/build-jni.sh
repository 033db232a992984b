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

# Builds DJL's PyTorch JNI library (libdjl_torch.so) from DJL's sources against a given libtorch, for a
# libtorch that no pytorch-jni jar carries a JNI for (README, "Running on a GPU", 3; docs/gpu.md).
#
# usage: gpu/build-jni.sh TORCH_DIR DJL_SOURCES OUTPUT_FILE
#   TORCH_DIR    a pip-installed torch package folder (.../site-packages/torch) or an unpacked libtorch
#                zip: it holds lib/libtorch.so and include/
#   DJL_SOURCES  a checkout of github.com/deepjavalibrary/djl at the tag of the DJL version in use (v0.35.1),
#                or the djl-jni folder of the GPU bundle (gpu/build-bundle.sh); the JNI header is generated
#                with javac when engines/pytorch/pytorch-native/build/include does not have it yet
#   OUTPUT_FILE  where the library goes, e.g. $DJL_CACHE_DIR/pytorch/2.11.0-cu130-linux-x86_64/0.35.1-libdjl_torch.so
# Needs JAVA_HOME (a JDK, or a runtime with include/jni.h) and g++ (or $CXX). The sources are compiled
# as DJL's CMakeLists.txt does (release, the C++ standard and ABI of that libtorch), without CMake, so a
# CUDA libtorch needs no CUDA toolkit: the JNI is built without DJL's USE_CUDA extras (a separate CUDA
# stream for TorchScript modules, emptyCudaCache), which solr-echo does not call; CUDA tensors work
# through libtorch itself.
set -euo pipefail
if [ $# -ne 3 ]; then
  sed -n '18,32p' "$0" >&2
  exit 2
fi
torch_dir="$(cd "$1" && pwd)"
sources="$(cd "$2" && pwd)"
output="$3"
native="$sources/engines/pytorch/pytorch-native"
include="$native/build/include"
: "${JAVA_HOME:?JAVA_HOME must point at a Java runtime with include/jni.h}"

[ -f "$torch_dir/lib/libtorch.so" ] || { echo "build-jni: no lib/libtorch.so in $torch_dir" >&2; exit 2; }
[ -d "$native/src/main/native" ] || { echo "build-jni: no engines/pytorch/pytorch-native in $sources" >&2; exit 2; }
[ -f "$JAVA_HOME/include/jni.h" ] || { echo "build-jni: no include/jni.h in JAVA_HOME=$JAVA_HOME" >&2; exit 2; }

if [ ! -f "$include/ai_djl_pytorch_jni_PyTorchLibrary.h" ]; then
  # The header comes from the Java class that declares the native methods; javac needs the DJL api jar.
  : "${DJL_CLASSPATH:?the JNI header is missing: set DJL_CLASSPATH to the DJL api and pytorch-engine jars for javac}"
  classes="$(mktemp -d)"
  "$JAVA_HOME/bin/javac" -cp "$DJL_CLASSPATH" -h "$include" -d "$classes" \
    "$sources/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
  rm -rf "$classes"
fi

# The C++ standard and ABI flag libtorch's own CMake config asks of its users (C++17 and the compiler's
# default ABI when it names none).
config="$torch_dir/share/cmake/Torch/TorchConfig.cmake"
standard=$(grep -o 'CXX_STANDARD [0-9]*' "$config" 2>/dev/null | head -1 | cut -d' ' -f2 || true)
abi=$(grep -o '_GLIBCXX_USE_CXX11_ABI=[01]' "$config" 2>/dev/null | head -1 || true)
flags=(-std=c++"${standard:-17}" -O3 -DNDEBUG -fPIC ${abi:+-D$abi}
  -I"$include" -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" -I"$sources/api/src/main/native"
  -I"$torch_dir/include" -I"$torch_dir/include/torch/csrc/api/include")
libs=(-ltorch -ltorch_cpu -lc10)
[ -f "$torch_dir/lib/libtorch_cuda.so" ] && libs+=(-ltorch_cuda -lc10_cuda)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
export work CXX="${CXX:-g++}"
printf '%s\0' "$native"/src/main/native/*.cc |
  xargs -0 -P "$(nproc)" -I{} sh -c 'f=$1; shift; "$CXX" "$@" -c "$f" -o "$work/$(basename "$f" .cc).o" || exit 255' _ {} "${flags[@]}"
# DJL loads every library of the libtorch folder before the JNI, so it needs no search path of its own.
"$CXX" -shared -o "$work/libdjl_torch.so" "$work"/*.o -L"$torch_dir/lib" -Wl,--no-as-needed "${libs[@]}"
mkdir -p "$(dirname "$output")"
cp "$work/libdjl_torch.so" "$output"
echo "build-jni: $output built against $torch_dir (C++${standard:-17}${abi:+, $abi}, ${libs[*]}) in $(( $(date +%s) - start )) s"
