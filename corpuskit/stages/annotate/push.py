"""Push a dataset version to Label Studio as tasks, with pre-annotations as predictions.

Each task carries its record id (`data.record_id`), the dataset and the version. Before importing, push
reads which record ids the project already holds and sends only the others, in batches; a failed batch
is retried after re-reading, so a repeated, retried or resumed push never creates a duplicate task.

Only de-identified text leaves the machine: a version with any record whose `deid.applied` is not
true is refused as a whole unless `allow_raw=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from corpuskit.errors import CorpuskitError
from corpuskit.stages.annotate.client import LabelStudioClient
from corpuskit.stages.annotate.labeling_functions import LabelingFunctionSet, combine
from corpuskit.stages.annotate.schema import TEXT_NAME, TaskSchema, load_schema


class RawTextRefused(CorpuskitError):
    """A version holds records that were not de-identified."""


@dataclass
class VersionRecords:
    dataset: str
    version_id: str
    records: list[dict[str, Any]]

    @property
    def ref(self) -> str:
        return f"{self.dataset}@{self.version_id}"


def load_version(ref: str, store: str | Path | None = None) -> VersionRecords:
    """Every record of a stored version (all splits), as dicts."""
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    dataset, vid = vs.find(ref)
    recs: list[dict[str, Any]] = []
    for split in vs.load(dataset, vid).values():
        for batch in split.data.to_batches(max_chunksize=1024):
            recs += batch.to_pylist()
    return VersionRecords(dataset, vid, recs)


def check_deidentified(version: VersionRecords, allow_raw: bool) -> int:
    """Number of raw records; raises unless `allow_raw`. The message lists ids, never text."""
    raw = [r["id"] for r in version.records if not (r.get("deid") or {}).get("applied")]
    if raw and not allow_raw:
        sample = ", ".join(raw[:5]) + (" …" if len(raw) > 5 else "")
        raise RawTextRefused(
            f"{len(raw)} of {len(version.records)} records in {version.ref} are not de-identified "
            f"(deid.applied is not true), e.g. {sample}. Run the deid stage first "
            "(`corpuskit apply deid ...`), or pass --allow-raw if this text may leave the machine.")
    return len(raw)


# -- predictions ------------------------------------------------------------------------------------
@dataclass
class PredictionSource:
    """Where pre-annotations come from: "none", "deid", "lf:FILE" or "spans:SOURCE_PREFIX"."""

    spec: str = "none"
    lfs: LabelingFunctionSet | None = None
    skipped_labels: dict[str, int] = field(default_factory=dict)

    @classmethod
    def parse(cls, spec: str | None) -> PredictionSource:
        spec = spec or "none"
        if spec in ("none", "deid"):
            return cls(spec)
        kind, _, arg = spec.partition(":")
        if kind == "lf" and arg:
            return cls(spec, LabelingFunctionSet.load(Path(arg)))
        if kind == "spans" and arg:
            return cls(spec)
        raise CorpuskitError(f"--predictions must be none, deid, lf:FILE or spans:SOURCE_PREFIX, got '{spec}'")

    def model_version(self, record: Mapping[str, Any]) -> str:
        if self.spec == "deid":
            return f"deid:{(record.get('deid') or {}).get('engine') or 'unknown'}"
        if self.lfs is not None:
            return f"lf:{self.lfs.name}@{self.lfs.digest()}"
        return self.spec.partition(":")[2]  # spans:model:ner -> model:ner

    def predict(self, record: Mapping[str, Any], schema: TaskSchema) -> dict[str, Any] | None:
        """One Label Studio prediction for a record, or None when there is nothing to suggest."""
        if self.spec == "none":
            return None
        text = record["text"]
        score, sources = 1.0, []
        if self.lfs is not None:
            outputs = self.lfs.apply(text, record)
            spans, labels = combine(outputs, drop_conflicts=False)
            kept, _ = combine(outputs, drop_conflicts=True)
            span_items = [(s, e, lab) for s, e, lab, _ in spans]
            # share of suggested spans no other function contradicts
            score = round(len(kept) / len(spans), 4) if spans else 1.0
        else:
            prefix = "deid" if self.spec == "deid" else self.spec.partition(":")[2]
            picked = [s for s in record.get("spans") or [] if (s.get("source") or "").startswith(prefix)]
            span_items = [(s["start"], s["end"], s["label"]) for s in picked]
            sources = sorted({s["source"] for s in picked})
            labels = []
        result = []
        for s, e, lab in sorted(set(span_items)):
            if lab not in schema.span_labels:
                self.skipped_labels[lab] = self.skipped_labels.get(lab, 0) + 1
                continue
            result.append({"id": f"p{len(result)}", "from_name": schema.spans.name, "to_name": TEXT_NAME,
                           "type": "labels", "value": {"start": s, "end": e, "text": text[s:e], "labels": [lab]}})
        by_group: dict[str, list[str]] = {}
        for lab in labels:
            group = schema.group_of_value(lab)
            if group is None:
                self.skipped_labels[lab] = self.skipped_labels.get(lab, 0) + 1
            elif group.multiple or not by_group.get(group.name):
                by_group.setdefault(group.name, []).append(lab)
        for name, values in by_group.items():
            result.append({"id": f"p{len(result)}", "from_name": name, "to_name": TEXT_NAME, "type": "choices",
                           "value": {"choices": values}})
        if not result:
            return None
        version = self.model_version(record)
        if self.spec.startswith("spans:") and sources:
            version = ",".join(sources)  # the models that made the spans: model:ner-v2
        return {"model_version": version, "score": score, "result": result}


def build_task(record: Mapping[str, Any], version: VersionRecords, prediction: dict[str, Any] | None) -> dict:
    data = {TEXT_NAME: record["text"], "record_id": record["id"], "dataset": version.dataset,
            "version": version.version_id, "lang": record.get("lang"), "domain": record.get("domain"),
            "split": record.get("split")}
    task: dict[str, Any] = {"data": data}
    if prediction is not None:
        task["predictions"] = [prediction]
    return task


def build_tasks(version: VersionRecords, schema: TaskSchema, predictions: PredictionSource) -> Iterator[dict]:
    for rec in version.records:
        yield build_task(rec, version, predictions.predict(rec, schema))


# -- push -------------------------------------------------------------------------------------------
@dataclass
class PushResult:
    project_id: int
    project: str
    created_project: bool
    records: int
    already_present: int
    present_from_other_versions: int
    imported: int
    with_predictions: int
    raw_records: int
    skipped_prediction_labels: dict[str, int]
    labeling_functions: dict[str, Any] | None = None  # coverage/overlap/conflict when --predictions lf:FILE

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def push(ref: str, project: str, schema: str | TaskSchema = "medical", predictions: str = "none",
         allow_raw: bool = False, store: str | Path | None = None, client: LabelStudioClient | None = None,
         batch_size: int = 200, update_config: bool = False,
         progress: Callable[[int, int], None] | None = None) -> PushResult:
    """Push version `ref` into Label Studio project `project` (created if missing).

    `progress(done, total)` is called after each batch with the number of tasks sent so far.
    """
    task_schema = load_schema(schema)
    source = PredictionSource.parse(predictions)
    version = load_version(ref, store)
    raw = check_deidentified(version, allow_raw)
    ls = client or LabelStudioClient.from_env()
    ls.resume_hint = f"rerun `corpuskit annotate push {ref} --project {project!r}`"
    config = task_schema.label_config()
    if update_config and ls.find_project(project) is not None:
        ls.update_label_config(ls.find_project(project).id, config)
    proj, created = ls.find_or_create_project(project, config, description=f"corpuskit {version.ref}")

    present: dict[str, str | None] = {}  # record id -> the version its task was pushed from

    def refresh() -> None:
        present.clear()
        present.update({str(t.data.get("record_id")): t.data.get("version") for t in ls.iter_tasks(proj.id)
                        if t.data})

    refresh()
    already = sum(1 for r in version.records if r["id"] in present)
    # same record id pushed from another version: not re-sent (a pull checks the text still matches)
    other_versions = sum(1 for r in version.records if present.get(r["id"], version.version_id) != version.version_id)
    pending = [t for t in build_tasks(version, task_schema, source) if t["data"]["record_id"] not in present]
    for i in range(0, len(pending), batch_size):
        batch = pending[i:i + batch_size]

        def send(batch: list[dict] = batch) -> int:
            todo = [t for t in batch if t["data"]["record_id"] not in present]
            n = ls.import_tasks(proj.id, todo) if todo else 0
            present.update({t["data"]["record_id"]: version.version_id for t in todo})
            return n

        ls.call(f"import tasks {i + 1}-{i + len(batch)} of {len(pending)}", send, reconcile=refresh)
        if progress is not None:
            progress(i + len(batch), len(pending))
    # count from the server, not from responses: a batch whose answer was lost may still have landed
    refresh()
    missing = [r["id"] for r in version.records if r["id"] not in present]
    if missing:
        raise CorpuskitError(f"{len(missing)} records are still missing from project '{project}' after the push; "
                             f"rerun `corpuskit annotate push {ref} --project {project!r}`")
    imported = len(version.records) - already
    return PushResult(
        project_id=proj.id, project=project, created_project=created, records=len(version.records),
        already_present=already, present_from_other_versions=other_versions, imported=imported,
        with_predictions=sum(1 for t in pending if "predictions" in t), raw_records=raw,
        skipped_prediction_labels=dict(source.skipped_labels),
        labeling_functions=source.lfs.stats.report() if source.lfs is not None else None,
    )
