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


def _fields(row: dict[str, Any], options: list[str]) -> dict[str, str]:
    lang = row.get("lang") or "en"
    domain = row.get("domain") or "general"
    entities = [{"label": s["label"], "text": row["text"][s["start"]:s["end"]]} for s in row.get("spans") or []]
    return {
        "text": row["text"],
        "labels": ", ".join(row.get("labels") or []),
        "options": ", ".join(options),
        "domain": DOMAIN_NAMES.get(lang, {}).get(domain, domain),
        "entities": json.dumps(entities, ensure_ascii=False),
    }


def render(row: dict[str, Any], task: Task, fmt: Format, options: list[str],
           templates: dict[str, Any] | None = None) -> dict[str, Any]:
    tpl_all = (templates or TEMPLATES)[task]
    tpl = tpl_all.get(row.get("lang") or "en") or tpl_all["en"]
    f = _fields(row, options)
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


def export_version(dsdict, out_dir: str | Path, fmt: Format = "alpaca", task: Task = "classify",
                   template_file: str | Path | None = None, name: str = "corpuskit") -> dict[str, int]:
    """Write `<out_dir>/<split>.jsonl` per split plus `dataset_info.json`; returns rows per split."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    templates = yaml.safe_load(Path(template_file).read_text("utf-8")) if template_file else None
    options = sorted({label for split in dsdict.values() for labels in split["labels"] for label in labels})
    counts: dict[str, int] = {}
    info: dict[str, Any] = {}
    for split_name, split in dsdict.items():
        path = out / f"{split_name}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for row in _rows(split):
                f.write(json.dumps(render(row, task, fmt, options, templates), ensure_ascii=False) + "\n")
                counts[split_name] = counts.get(split_name, 0) + 1
        info[f"{name}_{split_name}"] = _dataset_info(path.name, fmt, task)
    (out / "dataset_info.json").write_text(json.dumps(info, ensure_ascii=False, indent=2), "utf-8")
    return counts


def _rows(split) -> Iterator[dict[str, Any]]:
    for batch in split.data.to_batches(max_chunksize=1024):
        yield from batch.to_pylist()


def _dataset_info(file_name: str, fmt: Format, task: Task) -> dict[str, Any]:
    if task == "pretrain":
        return {"file_name": file_name, "columns": {"prompt": "text"}}
    if fmt == "alpaca":
        return {"file_name": file_name, "columns": {"prompt": "instruction", "query": "input", "response": "output"}}
    return {"file_name": file_name, "formatting": "sharegpt", "columns": {"messages": "conversations"}}
