"""Pull annotations back as a new dataset version whose parent is the pushed one.

Source: a live project's full JSON export (every task, annotations with annotator ids, lead time and
ground-truth flags), or the same JSON exported by hand from an air-gapped server (`from_file`).
Both go through the same validation: a task must name a record of the version and carry its exact
text; every result must fit the schema and the text (see `validate.py`); refused annotations and
unresolvable records are quarantined with reasons. Records nobody annotated are left out unless
`keep_unannotated=True` (a record with a quarantined task or annotation is never kept unchanged).

Output records keep their fields and `deid` spans; annotation spans come from the resolved result
(`source="annotator:<id>"` for one annotator, `"resolved:<policy>"` for several) and `labels` from the
choices. `meta.annotation` holds task ids, annotators, lead time and per-task agreement.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpuskit import records
from corpuskit.errors import CorpuskitError
from corpuskit.stages.annotate.agreement import project_agreement, task_agreement
from corpuskit.stages.annotate.client import LabelStudioClient
from corpuskit.stages.annotate.push import VersionRecords, load_version
from corpuskit.stages.annotate.resolve import POLICIES, latest_per_annotator, resolve
from corpuskit.stages.annotate.schema import TEXT_NAME, TaskSchema, load_schema
from corpuskit.stages.annotate.validate import ParsedAnnotation, Rejection, parse_annotation
from corpuskit.stages.base import RunContext

STAGE = "annotate.pull.v1"
STAGE_VERSION = "1"


@dataclass
class PullResult:
    dataset: str
    version_id: str
    parent: str
    records: int
    quarantined: int
    conflicts: list[dict[str, Any]]
    agreement: dict[str, Any]
    manifest: dict[str, Any]


def read_export(tasks: list[Mapping[str, Any]], version: VersionRecords, schema: TaskSchema,
                policy: str = "majority", reviewers: Collection[str] = (), keep_unannotated: bool = False,
                ctx: RunContext | None = None) -> tuple[list[dict[str, Any]], dict[str, Any], RunContext]:
    """Validate and resolve exported tasks against `version`: (output records, annotation report, ctx)."""
    if policy not in POLICIES:
        raise CorpuskitError(f"unknown policy '{policy}'; choose one of {', '.join(POLICIES)}")
    ctx = ctx or RunContext()
    by_id = {r["id"]: r for r in version.records}
    valid: dict[str, list[ParsedAnnotation]] = {}
    task_ids: dict[str, list[int]] = {}
    stat = Counter()
    for task in tasks:
        data, tid = task.get("data") or {}, task.get("id")
        rid = data.get("record_id")
        if data.get("dataset") not in (None, version.dataset) or rid is None:
            stat["tasks_not_from_this_dataset"] += 1
            continue
        rec = by_id.get(str(rid))
        if rec is None:
            ctx.quarantine(STAGE, "unknown record: task names a record id not in this version",
                           record_id=str(rid), task_id=tid)
            continue
        if data.get(TEXT_NAME) != rec["text"]:
            ctx.quarantine(STAGE, "text changed: task text differs from the record text in this version",
                           record_id=rec["id"], task_id=tid)
            continue
        stat["tasks"] += 1
        task_ids.setdefault(rec["id"], []).append(tid)
        for ann in task.get("annotations") or []:
            if ann.get("was_cancelled"):
                stat["annotations_skipped_by_annotator"] += 1
                continue
            parsed = parse_annotation(ann, tid, rec["text"], schema)
            if isinstance(parsed, Rejection):
                stat["annotations_refused"] += 1
                for reason in parsed.reasons:
                    ctx.quarantine(STAGE, reason, record_id=rec["id"], task_id=tid,
                                   annotation_id=parsed.annotation_id, annotator=parsed.annotator)
                continue
            stat["annotations_valid"] += 1
            stat["spans_without_text"] += parsed.spans_without_text
            valid.setdefault(rec["id"], []).append(parsed)

    conflicts, out = [], []
    refused = {e.record_id for e in ctx.quarantined}
    by_task_for_agreement: dict[int, list[ParsedAnnotation]] = {}
    for rec in version.records:
        anns = valid.get(rec["id"])
        if not anns:
            if keep_unannotated and rec["id"] not in refused:
                out.append(dict(rec))
            continue
        anns = latest_per_annotator(anns)
        by_task_for_agreement[task_ids[rec["id"]][0]] = anns
        res = resolve(anns, schema, policy, reviewers)
        if res.disagreements:
            conflicts.append({"task_ids": task_ids[rec["id"]], "record_id": rec["id"],
                              "disagree_on": res.disagreements, "resolved": res.unresolved is None})
        if res.unresolved:
            ctx.quarantine(STAGE, f"unresolved conflict: {res.unresolved} under policy {policy}",
                           record_id=rec["id"], task_id=task_ids[rec["id"]][0])
            continue
        new = dict(rec)
        kept = [s for s in rec.get("spans") or [] if (s.get("source") or "").startswith("deid")]
        new["spans"] = kept + [{"start": s, "end": e, "label": lab, "source": res.source} for s, e, lab in res.spans]
        new["labels"] = res.labels
        meta = records.load_meta(rec.get("meta"))
        leads = [a.lead_time for a in anns if a.lead_time is not None]
        meta["annotation"] = {
            "task_ids": task_ids[rec["id"]], "annotators": sorted(a.annotator for a in anns),
            "lead_time_s": round(sum(leads), 3) if leads else None, "policy": policy, "source": res.source,
            "agreement": task_agreement(anns, schema), "conflict": bool(res.disagreements),
        }
        new["meta"] = records.dump_meta(meta)
        out.append(new)
    stat["records_out"] = len(out)
    stat["records_annotated"] = sum(1 for r in version.records if valid.get(r["id"]))
    report = {
        "policy": policy, "reviewers": sorted(reviewers), "schema": schema.name,
        "schema_digest": schema.digest(), "stats": dict(stat),
        "agreement": project_agreement(by_task_for_agreement, schema),
        "conflicts": sorted(conflicts, key=lambda c: c["task_ids"]),
    }
    for k, v in stat.items():
        ctx.stat(STAGE, k, v, add=False)
    return out, report, ctx


def annotations_digest(tasks: list[Mapping[str, Any]]) -> str:
    """Hash of what a pull reads (record ids, texts, annotations): same export, same version id."""
    keys = ("id", "completed_by", "result", "was_cancelled", "ground_truth", "lead_time")
    slim = sorted(
        [{"task": t.get("id"), "record_id": (t.get("data") or {}).get("record_id"),
          "text_sha": hashlib.sha256(str((t.get("data") or {}).get(TEXT_NAME)).encode()).hexdigest(),
          "annotations": sorted(({k: a.get(k) for k in keys} for a in t.get("annotations") or []),
                                key=lambda a: str(a.get("id")))} for t in tasks],
        key=lambda t: (str(t["record_id"]), str(t["task"])))
    return hashlib.sha256(json.dumps(slim, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def load_export_file(path: str | Path) -> list[dict[str, Any]]:
    """A Label Studio JSON export (the full "JSON" format: a list of tasks with annotations)."""
    path = Path(path)
    try:
        tasks = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpuskitError(f"{path}: cannot read a Label Studio JSON export: {type(exc).__name__}") from None
    if not isinstance(tasks, list) or any(not isinstance(t, dict) or "data" not in t for t in tasks):
        raise CorpuskitError(f"{path}: not a Label Studio JSON export (expected a list of tasks with 'data'; "
                             "JSON_MIN, CSV and CoNLL exports are not accepted)")
    return tasks


def pull(ref: str, project: str | None = None, from_file: str | Path | None = None,
         schema: str | TaskSchema = "medical", policy: str = "majority", reviewers: Collection[str] = (),
         keep_unannotated: bool = False, store: str | Path | None = None,
         client: LabelStudioClient | None = None) -> PullResult:
    """Pull annotations for version `ref` from a project (or an export file) into a new version."""
    from corpuskit.pipeline import code_version, quarantine_summary
    from corpuskit.store import VersionStore

    if (project is None) == (from_file is None):
        raise CorpuskitError("give exactly one of --project (a live server) or --from-file (a JSON export)")
    t0 = time.perf_counter()
    task_schema = load_schema(schema)
    version = load_version(ref, store)
    if from_file is not None:
        tasks = load_export_file(from_file)
        origin: dict[str, Any] = {"file": Path(from_file).name}
        reviewer_ids = set(reviewers)
    else:
        ls = client or LabelStudioClient.from_env()
        ls.resume_hint = f"rerun `corpuskit annotate pull {ref} --project {project!r}`"
        proj = ls.find_project(project)
        if proj is None:
            raise CorpuskitError(f"no project '{project}' on {ls.url}; push to it first")
        tasks = ls.export_json(proj.id)
        origin = {"project": project, "project_id": proj.id, "url": ls.url}
        emails = ls.user_ids_by_email() if any("@" in r for r in reviewers) else {}
        reviewer_ids = {emails.get(r, r) for r in reviewers}
    out, report, ctx = read_export(tasks, version, task_schema, policy, reviewer_ids, keep_unannotated)
    report = {**origin, **report}
    params = {"policy": policy, "reviewers": sorted(reviewer_ids), "keep_unannotated": keep_unannotated,
              "schema": task_schema.name, "schema_digest": task_schema.digest()}
    fingerprint = {"parent": version.ref, "stage": STAGE, "stage_version": STAGE_VERSION, "params": params,
                   "annotations_sha256": annotations_digest(tasks)}
    manifest = {
        "code_version": code_version(),
        "config": {"annotate.pull": {**params, **{k: v for k, v in origin.items() if k != "url"}}},
        "inputs": {"version": version.ref, **origin},
        "stages": [{"name": STAGE, "version": STAGE_VERSION, "params": params,
                    "stats": ctx.stats.get(STAGE, {}), "seconds": round(time.perf_counter() - t0, 3)}],
        "quarantine": quarantine_summary(ctx),
        "reports": {"annotation": report},
    }
    by_split: dict[str, list[dict[str, Any]]] = {}
    for rec in out:
        by_split.setdefault(rec.get("split") or "train", []).append(rec)
    if not out:  # an empty version would say nothing useful; the reasons go in the error instead
        top = ", ".join(f"{r}: {n}" for r, n in Counter(e.reason.split(":")[0] for e in ctx.quarantined).most_common(4))
        raise CorpuskitError(
            f"no record of {version.ref} has a usable annotation ({report['stats'].get('tasks', 0)} tasks read, "
            f"{len(ctx.quarantined)} quarantined{': ' + top if top else ''}, {len(report['conflicts'])} conflicts); "
            "nothing written. Annotate more, or try another --policy (e.g. reviewer)")
    splits = {name: [records.to_batch(recs)] for name, recs in by_split.items()}
    vs = VersionStore(store)
    vid = vs.commit(version.dataset, splits, fingerprint, manifest, parent=version.version_id)
    return PullResult(version.dataset, vid, version.version_id, len(out), len(ctx.quarantined),
                      report["conflicts"], report["agreement"], vs.manifest(version.dataset, vid))
