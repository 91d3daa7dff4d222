"""Offline mode for air-gapped sites: tasks to a Label Studio import file, and back from an export file.

`export_tasks` writes the same tasks `push` would send (record id, text, predictions) as a JSON list
that Label Studio's Import dialog accepts; the labeling config to paste into the project goes next to
it (`<file>.label_config.xml`). Reading a Label Studio JSON export back is `pull(..., from_file=...)`,
with exactly the validation a live pull does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from corpuskit.stages.annotate.push import PredictionSource, build_tasks, check_deidentified, load_version
from corpuskit.stages.annotate.schema import TaskSchema, load_schema


def export_tasks(ref: str, out: str | Path, schema: str | TaskSchema = "medical", predictions: str = "none",
                 allow_raw: bool = False, store: str | Path | None = None) -> dict[str, Any]:
    """Write version `ref` as a Label Studio import file; returns counts and the files written."""
    task_schema = load_schema(schema)
    source = PredictionSource.parse(predictions)
    version = load_version(ref, store)
    raw = check_deidentified(version, allow_raw)
    tasks = list(build_tasks(version, task_schema, source))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    config_path = out.with_name(out.name + ".label_config.xml")
    _atomic_write(out, json.dumps(tasks, ensure_ascii=False, indent=1))
    _atomic_write(config_path, task_schema.label_config() + "\n")
    return {"version": version.ref, "tasks": len(tasks), "with_predictions": sum("predictions" in t for t in tasks),
            "raw_records": raw, "file": str(out), "label_config": str(config_path),
            "skipped_prediction_labels": dict(source.skipped_labels),
            "labeling_functions": source.lfs.stats.report() if source.lfs is not None else None}


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)
