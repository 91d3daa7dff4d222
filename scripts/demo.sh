#!/usr/bin/env bash
# The main job on the bundled sample corpora: set up, build a dataset version, check it, train briefly.
#   bash scripts/demo.sh            (store in ./store, adapter in ./runs/demo)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export CORPUSKIT_STORE="${CORPUSKIT_STORE:-store}"
CK=.venv/bin/corpuskit

# 1. ingest → de-identify → augment → split, into a content-addressed version (a cache hit when rerun)
VERSION="$($CK build sample_corpora/pipeline.yaml)"
$CK show "samples@$VERSION"
$CK check-leakage "samples@$VERSION"

# 2. a short LoRA run on that version: a tiny random DeepSeek-V3 and a BPE tokenizer trained on the
#    version's own train split (no model hub here). On real hardware: --model deepseek-ai/<checkpoint>.
ADAPTER="$($CK train "samples@$VERSION" --task sft --template pretrain --tiny-model deepseek_v3 \
  --max-steps 20 --lr 3e-3 --output runs/demo)"
$CK eval-model "$ADAPTER"
echo "dataset version samples@$VERSION → adapter $ADAPTER"
