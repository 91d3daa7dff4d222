"""The dataset card: a Hugging Face style README.md with a YAML header, generated from the manifest."""

from __future__ import annotations

from typing import Any

import yaml


def render_card(m: dict[str, Any]) -> str:
    counts = m.get("counts", {})
    splits = counts.get("records", {})
    langs = sorted({lang for per in counts.get("by_lang", {}).values() for lang in per if lang != "<none>"})
    header = {
        "pretty_name": f"{m['dataset']} ({m['id']})",
        "language": langs,
        "tags": ["corpuskit"] + sorted({d for per in counts.get("by_domain", {}).values() for d in per
                                         if d != "<none>"}),
        "size_categories": [_size_category(counts.get("total", 0))],
        "dataset_info": {"splits": [{"name": s, "num_examples": n} for s, n in splits.items()]},
        "corpuskit": {"version_id": m["id"], "parent": m.get("parent"),
                      "code_version": m.get("code_version")},
    }
    lines = ["---", yaml.safe_dump(header, allow_unicode=True, sort_keys=False).rstrip(), "---", ""]
    lines += [f"# {m['dataset']} — version `{m['id']}`", ""]
    lines += [
        "Built by corpuskit. Load it with:",
        "",
        "```python",
        "import corpuskit",
        f"ds = corpuskit.load({m['dataset']!r}, version={m['id']!r})",
        "# or: datasets.load_from_disk(<this folder>)",
        "```",
        "",
        f"- parent version: `{m.get('parent')}`",
        f"- created: {m.get('created')}",
        f"- code version: {m.get('code_version')}",
        "",
        "## Splits",
        "",
        "| split | records |",
        "|---|---|",
    ]
    lines += [f"| {s} | {n} |" for s, n in splits.items()]
    for key in ("by_lang", "by_domain", "by_label"):
        per = counts.get(key)
        if not per:
            continue
        values = sorted({v for c in per.values() for v in c})
        lines += ["", f"## Records {key.replace('_', ' ')}", "", "| split | " + " | ".join(values) + " |",
                  "|---|" + "---|" * len(values)]
        lines += [f"| {s} | " + " | ".join(str(c.get(v, 0)) for v in values) + " |" for s, c in per.items()]
    stages = m.get("stages", [])
    if stages:
        lines += ["", "## Stages", "", "| stage | version | seconds | stats |", "|---|---|---|---|"]
        for st in stages:
            stats = ", ".join(f"{k}={v}" for k, v in st.get("stats", {}).items() if not isinstance(v, (dict, list)))
            lines.append(f"| {st['name']} | {st['version']} | {st.get('seconds', 0):.2f} | {stats} |")
    q = m.get("quarantine", {})
    lines += ["", "## Quarantine", "", f"{q.get('count', 0)} item(s) quarantined; reasons:", ""]
    lines += [f"- {reason}: {n}" for reason, n in q.get("by_reason", {}).items()]
    leakage = m.get("reports", {}).get("leakage")
    if leakage:
        lines += ["", "## Leakage report", "", "```", yaml.safe_dump(leakage, sort_keys=True).rstrip(), "```"]
    return "\n".join(lines) + "\n"


def _size_category(n: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
                        (1_000_000, "100K<n<1M")):
        if n < limit:
            return name
    return "n>1M"
