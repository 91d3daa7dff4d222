"""The versioned store: `<store>/<dataset>/<version-id>/` with immutable, atomically written versions.

Each version directory is a `datasets.DatasetDict` written by `save_to_disk` (so
`datasets.load_from_disk(version_dir)` works), plus `manifest.json` and a dataset
card `README.md`. A version is staged in a hidden sibling directory and renamed
into place only when complete: a crash or SIGKILL never leaves a partial version
visible, and the rerun produces the same id.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa

from corpuskit import records
from corpuskit.errors import CorpuskitError, VersionNotFound
from corpuskit.store.card import render_card
from corpuskit.store.counts import Counts, split_order
from corpuskit.store.fingerprint import canonical_json, fingerprint

MANIFEST = "manifest.json"
TAGS = "tags.json"
STAGING_PREFIX = ".staging-"
DEFAULT_SPLIT = "train"


def default_root() -> Path:
    return Path(os.environ.get("CORPUSKIT_STORE", "store"))


class VersionStore:
    def __init__(self, root: str | Path | None = None):
        self.root = Path(root) if root is not None else default_root()

    # -- lookup ------------------------------------------------------------------------
    def datasets(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def version_dir(self, dataset: str, version_id: str) -> Path:
        return self.root / dataset / version_id

    def exists(self, dataset: str, version_id: str) -> bool:
        return (self.version_dir(dataset, version_id) / MANIFEST).is_file()

    def versions(self, dataset: str) -> list[dict[str, Any]]:
        """Manifests of every complete version of `dataset`, oldest first."""
        base = self.root / dataset
        if not base.is_dir():
            return []
        out = []
        for d in base.iterdir():
            if d.is_dir() and not d.name.startswith(".") and (d / MANIFEST).is_file():
                out.append(json.loads((d / MANIFEST).read_text("utf-8")))
        return sorted(out, key=lambda m: (m["created"], m["id"]))

    def tags(self, dataset: str) -> dict[str, str]:
        path = self.root / dataset / TAGS
        return json.loads(path.read_text("utf-8")) if path.is_file() else {}

    def resolve(self, dataset: str, ref: str = "latest") -> str:
        """Version id for `ref`: "latest", a tag, a full id or a unique id prefix."""
        versions = self.versions(dataset)
        if not versions:
            raise VersionNotFound(f"dataset '{dataset}' has no versions in store {self.root}")
        if ref in ("latest", "", None):
            return versions[-1]["id"]
        tags = self.tags(dataset)
        if ref in tags:
            return tags[ref]
        matches = [m["id"] for m in versions if m["id"].startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise VersionNotFound(f"version prefix '{ref}' is ambiguous in '{dataset}': {', '.join(matches)}")
        raise VersionNotFound(f"no version '{ref}' in dataset '{dataset}' (store {self.root})")

    def find(self, ref: str) -> tuple[str, str]:
        """(dataset, version id) for `name`, `name@ref` or a bare version id/prefix."""
        if "@" in ref:
            dataset, _, vref = ref.partition("@")
            return dataset, self.resolve(dataset, vref or "latest")
        if ref in self.datasets():
            return ref, self.resolve(ref)
        hits = [(d, m["id"]) for d in self.datasets() for m in self.versions(d) if m["id"].startswith(ref)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise VersionNotFound(f"'{ref}' matches several versions; write DATASET@VERSION")
        raise VersionNotFound(f"no dataset or version '{ref}' in store {self.root}")

    def manifest(self, dataset: str, ref: str = "latest") -> dict[str, Any]:
        vid = self.resolve(dataset, ref)
        return json.loads((self.version_dir(dataset, vid) / MANIFEST).read_text("utf-8"))

    def load(self, dataset: str, ref: str = "latest"):
        """The version as a `datasets.DatasetDict` (memory-mapped)."""
        from datasets import load_from_disk

        return load_from_disk(str(self.version_dir(dataset, self.resolve(dataset, ref))))

    def tag(self, dataset: str, ref: str, name: str) -> str:
        vid = self.resolve(dataset, ref)
        if name == "latest" or any(m["id"].startswith(name) for m in self.versions(dataset)):
            raise CorpuskitError(f"tag name '{name}' would shadow a version id or 'latest'")
        tags = self.tags(dataset)
        tags[name] = vid
        _atomic_write(self.root / dataset / TAGS, json.dumps(tags, indent=2, sort_keys=True))
        return vid

    # -- writing -------------------------------------------------------------------------
    def begin(self, dataset: str, fingerprint_parts: Mapping[str, Any]) -> VersionWriter:
        return VersionWriter(self, dataset, fingerprint_parts)

    def commit(self, dataset: str, splits: Mapping[str, Iterable[pa.RecordBatch]] | Iterable[pa.RecordBatch],
               fingerprint: Mapping[str, Any], manifest: Mapping[str, Any] | None = None,
               parent: str | None = None) -> str:
        """Write a version in one call; returns its id (the existing one if already stored).

        `splits` is either `{split: batches}` or one stream of batches routed by their `split` column.
        """
        writer = self.begin(dataset, fingerprint)
        if writer.cached:
            return writer.version_id
        with writer:
            if isinstance(splits, Mapping):
                for name, batches in splits.items():
                    writer.write(batches, split=name)
            else:
                writer.write(splits)
            return writer.commit(dict(manifest or {}), parent=parent)


class VersionWriter:
    """Stages one version in a hidden directory; `commit()` renames it into place."""

    def __init__(self, store: VersionStore, dataset: str, fingerprint_parts: Mapping[str, Any]):
        if not dataset or "/" in dataset or dataset.startswith(".") or "@" in dataset:
            raise CorpuskitError(f"invalid dataset name '{dataset}'")
        self.store, self.dataset = store, dataset
        self.fingerprint_parts = dict(fingerprint_parts)
        self.version_id = fingerprint(self.fingerprint_parts)
        self.final_dir = store.version_dir(dataset, self.version_id)
        self.cached = store.exists(dataset, self.version_id)
        self.staging: Path | None = None
        self._writers: dict[str, pa.ipc.RecordBatchStreamWriter] = {}
        self.counts = Counts()

    def __enter__(self) -> VersionWriter:
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.abort()

    def open(self) -> Path:
        base = self.store.root / self.dataset
        base.mkdir(parents=True, exist_ok=True)
        _clean_dead_staging(base)
        self.staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{self.version_id}-{os.getpid()}-", dir=base))
        (self.staging / "_arrow").mkdir()
        return self.staging

    @property
    def workdir(self) -> Path:
        if self.staging is None:
            self.open()
        return self.staging

    @property
    def scratch(self) -> Path:
        """Temporary files of this build (spills, stage scratch); removed before the version is committed."""
        path = self.workdir / "_scratch"
        path.mkdir(exist_ok=True)
        return path

    def write(self, batches: Iterable[pa.RecordBatch], split: str | None = None) -> None:
        if split is not None:
            self._writer(split)  # the split exists even when it gets no records
        for batch in batches:
            batch = records.conform(batch)
            if split is not None:
                batch = batch.set_column(
                    batch.schema.get_field_index("split"), "split", pa.array([split] * batch.num_rows, pa.string())
                )
                self._writer(split).write_batch(batch)
                self.counts.add(batch)
                continue
            column = batch.column("split").to_pylist()
            for name in dict.fromkeys(column):
                mask = pa.array([s == name for s in column])
                part = batch.filter(mask)
                if name is None:
                    part = part.set_column(part.schema.get_field_index("split"), "split",
                                           pa.array([DEFAULT_SPLIT] * part.num_rows, pa.string()))
                self._writer(name or DEFAULT_SPLIT).write_batch(part)
                self.counts.add(part)

    def _writer(self, split: str) -> pa.ipc.RecordBatchStreamWriter:
        if split not in self._writers:
            sink = pa.OSFile(str(self.workdir / "_arrow" / f"{split}.arrow"), "wb")
            self._writers[split] = pa.ipc.new_stream(sink, records.RECORD_SCHEMA)
            # a stream with no batch at all cannot be opened by `datasets`; an empty one can
            self._writers[split].write_batch(records.conform(pa.RecordBatch.from_pylist([], records.RECORD_SCHEMA)))
        return self._writers[split]

    def commit(self, manifest: dict[str, Any], parent: str | None = None) -> str:
        """Finish the version: DatasetDict, manifest, card, then one atomic rename."""
        from datasets import Dataset, DatasetDict
        from datasets.utils.logging import disable_progress_bar

        disable_progress_bar()  # our own progress display owns the terminal
        staging = self.workdir
        for w in self._writers.values():
            w.close()
        if not self._writers:
            self._writer(DEFAULT_SPLIT).close()
        arrow_dir = staging / "_arrow"
        splits = {p.stem: Dataset.from_file(str(p)) for p in sorted(arrow_dir.glob("*.arrow"))}
        ordered = {k: splits[k] for k in sorted(splits, key=split_order)}
        DatasetDict(ordered).save_to_disk(str(staging))
        for name, ds in ordered.items():
            if ds.num_rows == 0:
                _keep_empty_split(staging / name, arrow_dir / f"{name}.arrow")
        del splits, ordered
        shutil.rmtree(arrow_dir)
        shutil.rmtree(staging / "_scratch", ignore_errors=True)

        full = {
            "id": self.version_id,
            "dataset": self.dataset,
            "parent": parent if parent != self.version_id else None,
            "created": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
            **manifest,
            "fingerprint": json.loads(canonical_json(self.fingerprint_parts)),
            "counts": self.counts.to_json(),
        }
        (staging / MANIFEST).write_text(json.dumps(full, ensure_ascii=False, indent=2), "utf-8")
        (staging / "README.md").write_text(render_card(full), "utf-8")
        _fsync_tree(staging)
        try:
            os.rename(staging, self.final_dir)
        except OSError:
            if not self.store.exists(self.dataset, self.version_id):
                raise
            # another build of the same version won the race: identical content by construction
        self.staging = None
        return self.version_id

    def abort(self) -> None:
        for w in self._writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001 - best effort cleanup of a failed build
                pass
        self._writers.clear()
        if self.staging is not None and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        self.staging = None


def _keep_empty_split(split_dir: Path, arrow_file: Path) -> None:
    """`save_to_disk` writes no shard for an empty split, and `load_from_disk` then fails on it;
    keep the (schema-only) stream file as its one shard."""
    shard = "data-00000-of-00001.arrow"
    shutil.copyfile(arrow_file, split_dir / shard)
    state_path = split_dir / "state.json"
    state = json.loads(state_path.read_text("utf-8"))
    state["_data_files"] = [{"filename": shard}]
    state_path.write_text(json.dumps(state, indent=2), "utf-8")


def _clean_dead_staging(base: Path) -> None:
    """Remove staging dirs left by killed builds (their PID no longer runs)."""
    for d in base.glob(f"{STAGING_PREFIX}*"):
        try:
            pid = int(d.name[len(STAGING_PREFIX):].split("-")[1])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not _pid_alive(pid):
            shutil.rmtree(d, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_tree(root: Path) -> None:
    for dirpath, _, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)
