"""Export a version's splits as alpaca or sharegpt JSONL for LLaMA-Factory / ms-swift.

One prompt template per task and language; override them with a YAML file of the same shape
(`{task: {lang: {instruction: ..., output: ...}}}`; fields `{text}`, `{labels}`, `{options}`,
`{domain}`, `{entities}`). A `dataset_info.json` next to the files registers them with
LLaMA-Factory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import yaml

from corpuskit.errors import CorpuskitError

Task = Literal["classify", "extract", "pretrain"]
Format = Literal["alpaca", "sharegpt"]

TEMPLATES: dict[str, dict[str, dict[str, str]]] = {
    "classify": {
        "en": {"instruction": "Classify the following {domain} document. Options: {options}. "
                              "Answer with the matching label(s), comma-separated.",
               "output": "{labels}"},
        "zh": {"instruction": "请对下面的{domain}文本进行分类。可选类别：{options}。只回答类别名称，多个用逗号分隔。",
               "output": "{labels}"},
    },
    "extract": {
        "en": {"instruction": "Extract the entities in the following {domain} text as a JSON list of "
                              "{{\"label\", \"text\"}} objects.",
               "output": "{entities}"},
        "zh": {"instruction": "抽取下面{domain}文本中的实体，以 JSON 列表输出，每项包含 label 和 text。",
               "output": "{entities}"},
    },
    "pretrain": {"en": {"output": "{text}"}, "zh": {"output": "{text}"}},
}
DOMAIN_NAMES = {"zh": {"medical": "医疗", "legal": "法律", "finance": "金融", "general": "通用"}}


FIELDS = {"text": "", "labels": "", "options": "", "domain": "", "entities": "[]"}


def _fields(row: dict[str, Any], options: list[str], span_sources: set[str] | None) -> dict[str, str]:
    lang = row.get("lang") or "en"
    domain = row.get("domain") or "general"
    entities = [{"label": s["label"], "text": row["text"][s["start"]:s["end"]]} for s in row.get("spans") or []
                if _wanted(s.get("source"), span_sources)]
    return {
        "text": row["text"],
        "labels": ", ".join(row.get("labels") or []),
        "options": ", ".join(options),
        "domain": DOMAIN_NAMES.get(lang, {}).get(domain, domain),
        "entities": json.dumps(entities, ensure_ascii=False),
    }


def _wanted(source: str | None, span_sources: set[str] | None) -> bool:
    # deid spans mark placeholders such as [PERSON], not entities a model should learn to extract
    if span_sources is None:
        return source != "deid"
    return any(source == s or (source or "").startswith(s + ":") for s in span_sources)


def render(row: dict[str, Any], task: Task, fmt: Format, options: list[str],
           templates: dict[str, Any] | None = None, span_sources: set[str] | None = None) -> dict[str, Any]:
    """One training example for a record. `span_sources`: which spans are entities (default: all but deid)."""
    tpl_all = (templates or TEMPLATES)[task]
    tpl = tpl_all.get(row.get("lang") or "en") or tpl_all["en"]
    f = _fields(row, options, span_sources)
    output = tpl["output"].format(**f)
    if task == "pretrain":
        return {"text": output}
    instruction = tpl["instruction"].format(**f)
    if fmt == "alpaca":
        return {"instruction": instruction, "input": f["text"], "output": output, "id": row["id"]}
    return {"id": row["id"], "conversations": [
        {"from": "human", "value": f"{instruction}\n\n{f['text']}"},
        {"from": "gpt", "value": output},
    ]}


def load_templates(path: str | Path) -> dict[str, Any]:
    """The built-in templates with a YAML file's tasks/languages laid over them, each checked."""
    try:
        user = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CorpuskitError(f"template file {path}: {exc}") from None
    merged = {task: dict(langs) for task, langs in TEMPLATES.items()}
    if not isinstance(user, dict):
        raise CorpuskitError(f"template file {path}: expected a mapping of task → language → template")
    for task, langs in user.items():
        if task not in TEMPLATES or not isinstance(langs, dict):
            raise CorpuskitError(f"template file {path}: unknown task '{task}' (classify, extract, pretrain)")
        for lang, tpl in langs.items():
            keys = {"output"} if task == "pretrain" else {"instruction", "output"}
            if not isinstance(tpl, dict) or set(tpl) != keys:
                raise CorpuskitError(f"template file {path}: {task}.{lang} needs exactly {sorted(keys)}")
            for key, text in tpl.items():
                try:
                    str(text).format(**FIELDS)
                except (KeyError, IndexError, ValueError) as exc:
                    raise CorpuskitError(f"template file {path}: {task}.{lang}.{key}: bad field {exc} "
                                         f"(fields: {', '.join('{' + f + '}' for f in FIELDS)}; "
                                         "write {{ }} for braces)") from None
            merged[task][lang] = {k: str(v) for k, v in tpl.items()}
    return merged


def export_version(dsdict: Any, out_dir: str | Path, fmt: Format = "alpaca", task: Task = "classify",
                   template_file: str | Path | None = None, name: str = "corpuskit",
                   span_sources: set[str] | None = None) -> dict[str, dict[str, int]]:
    """Write `<out_dir>/<split>.jsonl` per split plus `dataset_info.json`.

    Returns `{split: {"written": n, "skipped": m}}`; classification skips records without labels
    (an empty answer teaches nothing but to answer nothing).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    templates = load_templates(template_file) if template_file else None
    options = sorted({label for split in dsdict.values() for labels in split["labels"] for label in labels})
    counts: dict[str, dict[str, int]] = {}
    info: dict[str, Any] = {}
    for split_name, split in dsdict.items():
        path = out / f"{split_name}.jsonl"
        counts[split_name] = {"written": 0, "skipped": 0}
        with path.open("w", encoding="utf-8") as f:
            for row in _rows(split):
                if task == "classify" and not row.get("labels"):
                    counts[split_name]["skipped"] += 1
                    continue
                example = render(row, task, fmt, options, templates, span_sources)
                f.write(json.dumps(example, ensure_ascii=False) + "\n")
                counts[split_name]["written"] += 1
        info[f"{name}_{split_name}"] = _dataset_info(path.name, fmt, task)
    (out / "dataset_info.json").write_text(json.dumps(info, ensure_ascii=False, indent=2), "utf-8")
    return counts


def export(version: str, out_dir: str | Path, fmt: Format = "alpaca", task: Task = "classify",
           store: str | Path | None = None, **kwargs: Any) -> dict[str, dict[str, int]]:
    """Export a stored version (`name`, `name@id`, `name@tag`) — what `corpuskit export` runs.

    >>> export("clinical@latest", "exports/alpaca", "alpaca", "classify")
    {'train': {'written': 812, 'skipped': 3}, ...}
    """
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    dataset, vid = vs.find(version)
    return export_version(vs.load(dataset, vid), out_dir, fmt, task, name=dataset, **kwargs)


def _rows(split: Any) -> Iterator[dict[str, Any]]:
    for batch in split.data.to_batches(max_chunksize=1024):
        yield from batch.to_pylist()


def _dataset_info(file_name: str, fmt: Format, task: Task) -> dict[str, Any]:
    if task == "pretrain":
        return {"file_name": file_name, "columns": {"prompt": "text"}}
    if fmt == "alpaca":
        return {"file_name": file_name, "columns": {"prompt": "instruction", "query": "input", "response": "output"}}
    return {"file_name": file_name, "formatting": "sharegpt", "columns": {"messages": "conversations"}}
