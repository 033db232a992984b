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

"""The one summary table of gpu/verify.sh, from the files its steps left in OUT (argument 1).

Reads machine.txt, steps.tsv, gpu-tests.out (the "verify ..." lines GpuVerificationTest prints and
JUnit's result line), bench-*.out (bench-lm's JSON) and bench-*-memory.csv (nvidia-smi samples, MiB),
and prints a Markdown table: check, measured, limit, status. Works on partial results, so that a run
cut short still reports what it did.
"""

import glob
import json
import os
import re
import sys

FIDELITY_LIMITS = {"float32": 1e-4, "float16": 5e-2}


def read(out, name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def fidelity_rows(tests):
    rows = []
    for dtype, limit in FIDELITY_LIMITS.items():
        found = re.findall(
            r"^\.*verify \S+ %s (\S+): hidden max abs (\S+), logits max abs (\S+)$" % dtype,
            tests,
            re.M,
        )
        if not found:
            rows.append(("fidelity " + dtype, "not run", "<= %g" % limit, "MISSING"))
            continue
        worst = max(found, key=lambda f: max(float(f[1]), float(f[2])))
        error = max(float(worst[1]), float(worst[2]))
        expected = re.search(r"^\.*verify \S+ %s fixtures: (\d+)$" % dtype, tests, re.M)
        fixtures = int(expected.group(1)) if expected else None
        status = "ok" if error <= limit and len(found) == fixtures else "FAIL"
        measured = "%d/%s fixtures, worst %.1e (%s)" % (len(found), fixtures or "?", error, worst[0])
        rows.append(("fidelity " + dtype, measured, "<= %g" % limit, status))
    return rows


def test_rows(tests):
    rows = []
    budget = re.search(r"^\.*verify budget: (.*)$", tests, re.M)
    rows.append(
        ("free memory and batch budget", budget.group(1) if budget else "not run", "", "ok" if budget else "MISSING")
    )
    oom = re.search(r"^\.*verify out of memory: (.*)$", tests, re.M)
    rows.append(
        (
            "real out-of-memory error",
            (oom.group(1)[:160] if oom else "not run (needs a GPU)"),
            "DeviceOutOfMemoryException",
            "ok" if oom else "skipped",
        )
    )
    result = re.search(r"^(OK \(\d+ tests?\)|Tests run: \d+,\s+Failures: \d+)", tests, re.M)
    rows.append(
        ("GpuVerificationTest", result.group(1) if result else "no result", "OK", "ok" if result and result.group(1).startswith("OK") else "FAIL")
    )
    return rows


def bench_rows(out):
    rows = []
    finished = [line.split("\t")[0] for line in (read(out, "steps.tsv") or "").splitlines()]
    for path in sorted(glob.glob(os.path.join(out, "bench-*.out"))):
        name = os.path.basename(path)[: -len(".out")]
        text = read(out, os.path.basename(path)) or ""
        try:
            report = json.loads(text[text.index("{") :])
        except ValueError:
            err = (read(out, name + ".err") or "").strip().splitlines()
            if name not in finished:
                rows.append((name, "no report: running, or cut short", "", "MISSING"))
            else:
                rows.append((name, "no report: " + (err[-1][:160] if err else "empty"), "", "FAIL"))
            continue
        model = os.path.basename(report["model"])
        matmul = report["matmul_gflops"] / 1000
        rows.append(
            (
                "%s %s on %s" % (model, report["dtype"], report["device"]),
                "%s; matmul %.3g TFLOP/s (%s); %s"
                % (report["engine"], matmul, report["matmul_shape"], report["batch_budget"]),
                "",
                "ran",
            )
        )
        for run in report["runs"]:
            mfu = " MFU %.1f%%," % (100 * run["mfu"]) if "mfu" in run else ""
            budget = ", budget %d rows" % run["budget_rows"] if "budget_rows" in run else ""
            rows.append(
                (
                    "  %dx%d" % (run["batch"], run["length"]),
                    "%.0f tokens/s, %.3g TFLOP/s,%s %.2f of matmul, %.3f s/batch%s"
                    % (
                        run["tokens_per_s"],
                        run["model_gflops"] / 1000,
                        mfu,
                        run["ratio_to_matmul"],
                        run["seconds_per_batch"],
                        budget,
                    ),
                    "",
                    "ran",
                )
            )
        memory = read(out, name + "-memory.csv")
        samples = [int(v) for v in (memory or "").split() if v.strip().isdigit()]
        if samples:
            rows.append(("  GPU memory used", "peak %d MiB (nvidia-smi, every 200 ms)" % max(samples), "", ""))
    return rows


def step_rows(out):
    steps = read(out, "steps.tsv") or ""
    rows = []
    for line in steps.splitlines():
        name, rc, seconds = line.split("\t")
        rows.append(("step " + name, "exit %s, %s s" % (rc, seconds), "exit 0", "ok" if rc == "0" else "FAIL"))
    return rows


def main():
    out = sys.argv[1]
    machine = (read(out, "machine.txt") or "").strip().splitlines()
    tests = read(out, "gpu-tests.out") or ""
    rows = [("machine", "; ".join(machine), "", "")]
    rows += fidelity_rows(tests) + test_rows(tests) + bench_rows(out) + step_rows(out)
    print("| check | measured | limit | status |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |")


main()
