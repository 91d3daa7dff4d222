"""Shared helpers for the annotate tests: the server handle, annotators, tiny versions in a real store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from label_studio_sdk import LabelStudio

from corpuskit import records
from corpuskit.store import VersionStore

# Known legacy tokens for the two annotators (longer than 5 characters, as Label Studio requires).
ANNOTATORS = {
    "annotator1@example.com": "ck0annotator1token00000000000000000000aa",
    "annotator2@example.com": "ck0annotator2token00000000000000000000bb",
}

# Code points outside the BMP: an emoji and a CJK Extension-B character (two UTF-16 units each).
EMOJI, EXT_B = "😀", "𠀀"

ZH1 = f"患者{EMOJI}发热{EXT_B}三天，服用阿司匹林后好转。"
EN1 = f"Patient {EMOJI} reports fever; took aspirin. CT of the chest {EXT_B} was normal."
ZH2 = f"诊断：急性胰腺炎{EXT_B}。行腹腔镜手术。"
EN2 = "Follow-up visit, no complaints."


@dataclass
class LabelStudioServer:
    url: str
    admin_token: str
    data_dir: str | None = None
    tokens: dict[str, str | None] = field(default_factory=dict)  # email -> token (None: act via admin)
    user_ids: dict[str, int] = field(default_factory=dict)

    def sdk(self, token: str | None = None) -> LabelStudio:
        return LabelStudio(base_url=self.url, api_key=token or self.admin_token)

    def add_annotators(self, add_user: Callable[[str, str], Any]) -> None:
        admin = self.sdk()
        existing = {u.email: u.id for u in admin.users.list()}
        for email, token in ANNOTATORS.items():
            if self.data_dir:
                if email not in existing:
                    add_user(email, token)
                self.tokens[email] = token
                self.user_ids[email] = self.sdk(token).users.whoami().id
            else:  # an outside server without its data dir: create the user, annotate on their behalf
                if email not in existing:
                    existing[email] = admin.users.create(username=email.split("@")[0], email=email,
                                                         password="corpuskit-user-pw").id
                self.tokens[email] = None
                self.user_ids[email] = existing[email]

    def annotate(self, email: str, task_id: int, result: list[dict], lead_time: float = 5.0,
                 ground_truth: bool | None = None) -> int:
        """Create an annotation as `email` (with their own token when we have it)."""
        token = self.tokens.get(email)
        kwargs: dict[str, Any] = {"result": result, "lead_time": lead_time}
        if ground_truth is not None:
            kwargs["ground_truth"] = ground_truth
        if token is None:
            kwargs["completed_by"] = self.user_ids[email]
        return self.sdk(token).annotations.create(id=task_id, **kwargs).id

    def personal_access_token(self) -> str:
        """A fresh personal access token (a JWT refresh token). Label Studio allows one per user, so an
        earlier one (from a previous session on the same server) is revoked first."""
        if self.admin_token.count(".") == 2:  # the server was handed to us with a PAT already
            return self.admin_token
        owner = self.sdk(self.tokens.get("annotator1@example.com"))
        for old in owner.tokens.list():
            owner.tokens.blacklist(refresh=old.token)
        return owner.tokens.create().token

    def tasks_by_record(self, project_id: int) -> dict[str, Any]:
        return {t.data["record_id"]: t for t in self.sdk().tasks.list(project=project_id, fields="all")}


def span(text: str, sub: str, label: str, *, nth: int = 0, control: str = "entities", **override: Any) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    value = {"start": start, "end": start + len(sub), "text": sub, "labels": [label], **override}
    return {"from_name": control, "to_name": "text", "type": "labels", "value": value}


def choice(group: str, *values: str) -> dict:
    return {"from_name": group, "to_name": "text", "type": "choices", "value": {"choices": list(values)}}


def sample_records(deid_applied: bool = True) -> list[dict[str, Any]]:
    deid = {"applied": deid_applied, "engine": "presidio-test", "entity_counts": "{}"}
    out = []
    for rid, text, lang, split in (("zh-1", ZH1, "zh", "train"), ("en-1", EN1, "en", "train"),
                                   ("zh-2", ZH2, "zh", "test"), ("en-2", EN2, "en", "test")):
        spans = []
        if rid == "en-2":  # a deid placeholder span: kept through a pull, pushed only as a deid prediction
            spans = [{"start": 0, "end": 9, "label": "PERSON", "source": "deid"}]
        out.append(records.new_record(rid, text, lang=lang, domain="medical", split=split, spans=spans,
                                      deid=deid, group_id=rid))
    return out


def make_version(store: Path, recs: list[dict[str, Any]], dataset: str = "notes", tag: str = "v0") -> str:
    """Commit records as a version in a real store; returns "dataset@id"."""
    by_split: dict[str, list[dict]] = {}
    for r in recs:
        by_split.setdefault(r.get("split") or "train", []).append(r)
    vs = VersionStore(store)
    vid = vs.commit(dataset, {s: [records.to_batch(rs)] for s, rs in by_split.items()},
                    fingerprint={"test": tag, "ids": [r["id"] for r in recs],
                                 "deid": [bool((r.get("deid") or {}).get("applied")) for r in recs]},
                    manifest={"stages": [], "quarantine": {"count": 0}})
    return f"{dataset}@{vid}"


LF_YAML = """
name: medical-lfs
functions:
  - {name: symptoms, keywords: [发热, fever], label: 症状, ignore_case: true}
  - {name: drugs, dictionary: {阿司匹林: 药物, aspirin: 药物}}
  - {name: anatomy, regex: "chest|腹腔", label: 解剖部位}
  - {name: discharge, regex: "好转", label: 出院小结, target: doc}
"""


def lf_numbers(text: str, record: dict) -> list:
    """A Python labeling function (referenced by dotted path in tests): numbers as 检查 values, and a
    document label for English records."""
    import re

    out: list = [(m.start(), m.end(), "检查") for m in re.finditer(r"\d+", text)]
    if record.get("lang") == "en":
        out.append("诊断记录")
    return out
