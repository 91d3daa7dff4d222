"""Small stages for foundation tests: a source that reads *.txt files and a slow uppercase transform.

Real stages (ingest, deid, …) have their own tests; these keep the store and runner tests
independent of them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from corpuskit import records, registry
from corpuskit.stages.base import SourceStage, Stage, StageParams


class LinesParams(StageParams):
    lang: str = "en"


class TxtFilesSource(SourceStage):
    """One record per non-empty line of every *.txt file; empty files are quarantined."""

    name = "test.txt_files.v1"
    Params = LinesParams
    produces = frozenset({"lang", "source", "group_id"})

    def list_inputs(self, inputs):
        out = []
        for i, item in enumerate(inputs):
            root = Path(item.get("_abs_path") or item["path"])
            for p in sorted(root.rglob("*.txt")) if root.is_dir() else [root]:
                out.append({"path": str(p), "key": p.relative_to(root).as_posix() if root.is_dir() else p.name,
                            "input": i})
        return out

    def read(self, inputs, ctx):
        for f in self.list_inputs(inputs):
            lines = Path(f["path"]).read_text("utf-8").splitlines()
            if not any(line.strip() for line in lines):
                ctx.quarantine(self.name, "empty file", path=f["key"])
                continue
            recs = [
                records.new_record(
                    records.stable_id(f["key"], n), line, lang=self.params.lang, group_id=f["key"],
                    source={"path": f["key"], "line": n},
                )
                for n, line in enumerate(lines) if line.strip()
            ]
            yield records.to_batch(recs)


class UpperParams(StageParams):
    sleep: float = 0.0


class UpperStage(Stage):
    name = "test.upper.v1"
    Params = UpperParams
    requires = frozenset({"lang"})
    produces = frozenset({"labels"})

    def process_batch(self, batch, ctx):
        time.sleep(self.params.sleep)
        i = batch.schema.get_field_index("text")
        return batch.set_column(i, "text", pc.utf8_upper(batch.column("text")))


class NeedsSplitStage(Stage):
    name = "test.needs_split.v1"
    requires = frozenset({"split"})

    def process_batch(self, batch, ctx):
        return batch


def pipeline(inputs_path, sleep=0.0, dataset="toy"):
    return {
        "dataset": dataset,
        "inputs": [{"path": str(inputs_path)}],
        "stages": [
            {"stage": "test.txt_files.v1", "params": {"lang": "en"}},
            {"stage": "test.upper.v1", "params": {"sleep": sleep}},
        ],
    }


def register() -> None:
    for cls in (TxtFilesSource, UpperStage, NeedsSplitStage):
        registry.stages.register(cls.name)(cls)
