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

# Assembles .gpu-bundle/ (git-ignored, under 64 MiB), everything gpu/verify.sh needs on a GPU machine
# that has PyTorch but no Java and no network: a Java runtime (with jni.h), the jars without any
# libtorch, and DJL's JNI sources with the JNI header generated here (fixtures/ travels with the
# work tree).
#
# usage: gpu/build-bundle.sh DJL_GIT_DIR
#   DJL_GIT_DIR  a git repository of github.com/deepjavalibrary/djl holding the tag of the DJL version
#                in pom.xml (v0.35.1)
# Run after a build: mvn -B -ntp -DskipTests package (the CLI jar, its lib/ and the plugin's test jar).
set -euo pipefail
if [ $# -ne 1 ]; then
  sed -n '18,26p' "$0" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
djl_git="$1"
bundle="$root/.gpu-bundle"
djl_version="$(sed -n 's|.*<djl.version>\(.*\)</djl.version>.*|\1|p' "$root/pom.xml" | head -1)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
cd "$root"

for built in cli/target/solr-echo-cli.jar cli/target/lib plugin/target/solr-echo-plugin-*-tests.jar; do
  [ -e "$built" ] || { echo "build-bundle: $built missing: run mvn -B -ntp -DskipTests package first" >&2; exit 2; }
done
rm -rf "$bundle"
mkdir -p "$bundle/lib" "$bundle/djl-jni"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# A Java 17 runtime with the modules the CLI and JUnit use, plus include/ for compiling the JNI.
"$java_home/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,jdk.management,jdk.unsupported \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$scratch/jre"
cp -r "$java_home/include" "$scratch/jre/include"
tar -C "$scratch" -czf "$bundle/jre.tgz" jre

# The jars: no libtorch (the machine's own is used) and no pytorch-jni (the JNI is built there for it).
cp cli/target/solr-echo-cli.jar plugin/target/solr-echo-plugin-*-tests.jar "$bundle/lib/"
for jar in cli/target/lib/*.jar; do
  case "$(basename "$jar")" in
    pytorch-native-*|pytorch-jni-*) ;;
    *) cp "$jar" "$bundle/lib/" ;;
  esac
done
cp ~/.m2/repository/junit/junit/4.13.2/junit-4.13.2.jar \
  ~/.m2/repository/org/hamcrest/hamcrest-core/1.3/hamcrest-core-1.3.jar "$bundle/lib/"
# The tokenizers jar carries natives for every platform; Linux x86_64 is the only one needed.
zip -q -d "$bundle"/lib/tokenizers-*.jar 'native/lib/linux-aarch64/*' 'native/lib/osx-*' 'native/lib/win-*' || true

git -C "$djl_git" archive "v$djl_version" engines/pytorch/pytorch-native/src/main/native api/src/main/native \
  engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java | tar -x -C "$bundle/djl-jni"
"$java_home/bin/javac" -cp "$(ls "$bundle"/lib/api-"$djl_version".jar "$bundle"/lib/pytorch-engine-"$djl_version".jar | tr '\n' :)" \
  -h "$bundle/djl-jni/engines/pytorch/pytorch-native/build/include" -d "$scratch/classes" \
  "$bundle/djl-jni/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
echo "$djl_version" > "$bundle/djl-version"

size_kib="$(du -sk "$bundle" | cut -f1)"
echo "build-bundle: $bundle is $((size_kib / 1024)) MiB (jre.tgz $(du -m "$bundle/jre.tgz" | cut -f1) MiB," \
  "lib $(du -sm "$bundle/lib" | cut -f1) MiB; fixtures/ travels with the work tree)"
if [ "$size_kib" -gt $((60 * 1024)) ]; then
  echo "build-bundle: over 60 MiB; a device call carries at most 64 MiB" >&2
  exit 1
fi
