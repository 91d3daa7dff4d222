"""Audit without leaks, the residual scan, and the optional encrypted re-identification vault.

Everything here that leaves the process (stats, manifest reports, record meta)
holds labels, recognizer names, counts and scores — never a detected value.
The vault is the one place values go, encrypted with Fernet, in a folder the user
names outside the dataset, and only when asked for.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from corpuskit.stages.deid.postprocess import Detection

# types a regex finds with few false positives: a residual hit of these is worth a look
RESIDUAL_LABELS = (
    "ID",
    "MRN",
    "PHONE",
    "EMAIL",
    "BANK_CARD",
    "ACCOUNT",
    "IP",
    "URL",
    "PASSPORT",
    "LICENSE_PLATE",
)
SCORE_BUCKETS = (0.5, 0.7, 0.85, 1.0)


def score_bucket(score: float) -> str:
    for b in SCORE_BUCKETS:
        if score < b:
            return f"<{b}"
    return "1.0"


def record_audit(detections: Sequence[Detection], operators: Counter, residual: Counter) -> dict:
    """Per-record audit for `meta["deid"]`: counts by recognizer, operator, score bucket, residual label."""
    return {
        "recognizers": dict(Counter(d.recognizer for d in detections)),
        "operators": dict(operators),
        "scores": dict(Counter(score_bucket(d.score) for d in detections)),
        "residual": dict(residual),
    }


class ResidualScanner:
    """Re-checks rewritten text with the regex recognizers of high-precision types.

    Hits that fall on text this stage inserted (a surrogate phone number looks like
    a phone number) are not residue and are ignored.
    """

    def __init__(self, analyzer, labels: Sequence[str] = RESIDUAL_LABELS):
        from presidio_analyzer import PatternRecognizer

        from corpuskit.stages.deid.labels import canonical

        self._canonical = canonical
        self._by_lang: dict[str, list] = {}
        for rec in analyzer.registry.recognizers:
            entities = {canonical(e) for e in rec.supported_entities}
            if isinstance(rec, PatternRecognizer) and entities & set(labels):
                self._by_lang.setdefault(rec.supported_language, []).append(rec)
        self.labels = set(labels)
        self.threshold = analyzer.default_score_threshold

    def scan(self, text: str, lang: str, inserted: Sequence[tuple[int, int]]) -> Counter:
        hits: Counter = Counter()
        for rec in self._by_lang.get(lang, []):
            for r in rec.analyze(text, rec.supported_entities, None) or []:
                label = self._canonical(r.entity_type)
                if label not in self.labels or r.score < max(self.threshold, 0.5):
                    continue
                if any(r.start < e and r.end > s for s, e in inserted):
                    continue
                hits[label] += 1
        return hits


class Vault:
    """Encrypted re-identification mapping: one Fernet token per record, one file per build.

    The key comes from the environment (never from pipeline params, which are
    fingerprinted and logged). Generate one with `Fernet.generate_key()`.
    """

    def __init__(self, folder: str | Path, key_env: str, run_name: str):
        key = os.environ.get(key_env)
        if not key:
            raise ValueError(
                f"vault enabled but environment variable {key_env} is not set "
                "(a Fernet key: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')"
            )
        try:
            self._fernet = Fernet(key.encode())
        except (ValueError, TypeError) as exc:
            raise ValueError(f"environment variable {key_env} is not a valid Fernet key") from exc
        self.path = Path(folder) / f"deid-vault-{run_name}.fernet"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "ab")

    def add(self, record_id: str, entries: list[dict]) -> None:
        if entries:
            payload = json.dumps({"id": record_id, "entries": entries}, ensure_ascii=False).encode()
            self._fh.write(self._fernet.encrypt(payload) + b"\n")

    def close(self) -> None:
        self._fh.close()


def read_vault(path: str | Path, key: str | bytes) -> list[dict]:
    """Decrypt a vault file (for authorised re-identification)."""
    fernet = Fernet(key if isinstance(key, bytes) else key.encode())
    out = []
    for line in Path(path).read_bytes().splitlines():
        if line.strip():
            try:
                out.append(json.loads(fernet.decrypt(line)))
            except InvalidToken as exc:
                raise ValueError(f"{path}: a line does not decrypt with this key") from exc
    return out
