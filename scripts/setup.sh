#!/usr/bin/env bash
# Set up a development environment in .venv: corpuskit, its test extras and the trainer plugin.
# Safe to rerun. Works on a fresh machine that reaches only the package registries.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"

[[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
.venv/bin/pip install -q --upgrade pip
# torch first, pinned: on these machines torch==2.13.0 is a local CPU build (~16 s);
# an unpinned torch (or a range that admits a newer one) pulls a multi-GB CUDA build.
.venv/bin/pip install -q "torch==2.13.0"
.venv/bin/pip install -q -e ".[test]" -e "plugins/corpuskit-trainer"
echo "corpuskit environment ready in .venv ($(.venv/bin/corpuskit --help >/dev/null && echo ok))"
