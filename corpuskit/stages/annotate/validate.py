"""Check Label Studio results against the task schema and the record text.

The server accepts anything: spans past the end of the text, labels and choices that are not in the
labeling config. Every result is checked here, and an annotation with any bad result is refused as a
whole (a half-kept annotation would silently turn a missed check into a missing entity). Each reason is
"<kind>: <where>" and names the result, control and offsets, never the text.

Offsets are Python code-point offsets, as Label Studio stores them: `text[start:end]` is the span.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from corpuskit.stages.annotate.schema import TEXT_NAME, TaskSchema

Span = tuple[int, int, str]


@dataclass(frozen=True)
class ParsedAnnotation:
    """One annotator's valid work on one task."""

    task_id: int
    annotation_id: int | None
    annotator: str  # Label Studio user id as text ("3"), or "unknown"
    spans: frozenset[Span]
    choices: Mapping[str, tuple[str, ...]]  # group -> sorted values
    ground_truth: bool = False
    lead_time: float | None = None
    spans_without_text: int = 0


@dataclass
class Rejection:
    """Why an annotation was refused."""

    task_id: int | None
    annotation_id: int | None
    annotator: str | None
    reasons: list[str] = field(default_factory=list)


def annotator_id(annotation: Mapping[str, Any]) -> str:
    """`completed_by` is a user id in API exports and a user object in some UI exports."""
    who = annotation.get("completed_by")
    if isinstance(who, Mapping):
        who = who.get("id", who.get("email"))
    return str(who) if who is not None else "unknown"


def parse_annotation(annotation: Mapping[str, Any], task_id: int, text: str,
                     schema: TaskSchema) -> ParsedAnnotation | Rejection:
    """Validate one annotation's results; a `ParsedAnnotation` if all pass, else a `Rejection`."""
    ann_id = annotation.get("id")
    who = annotator_id(annotation)
    reasons: list[str] = []
    spans: set[Span] = set()
    choices: dict[str, set[str]] = {}
    no_text = 0
    results = annotation.get("result") or []
    if not isinstance(results, list):
        return Rejection(task_id, ann_id, who, ["malformed annotation: result is not a list"])
    for i, result in enumerate(results):
        where = f"result {i}"
        if not isinstance(result, Mapping) or not isinstance(result.get("value"), Mapping):
            reasons.append(f"malformed result: {where} has no value object")
            continue
        kind, control = result.get("type"), result.get("from_name")
        if result.get("to_name", TEXT_NAME) != TEXT_NAME:
            reasons.append(f"wrong target: {where} targets '{_short(result.get('to_name'))}', not '{TEXT_NAME}'")
            continue
        if kind == "labels":
            got, missing_text = _check_span(result["value"], control, text, schema, where, reasons)
            spans |= got
            no_text += missing_text
        elif kind == "choices":
            _check_choices(result["value"], control, schema, where, reasons, choices)
        else:
            reasons.append(f"unsupported result type: {where} has type '{_short(kind)}'")
    for group_name, values in choices.items():
        group = schema.group(group_name)
        if group is not None and not group.multiple and len(values) > 1:
            reasons.append(f"too many choices: single-choice group '{group_name}' has {len(values)} values")
    if reasons:
        return Rejection(task_id, ann_id, who, reasons)
    lead = annotation.get("lead_time")
    return ParsedAnnotation(
        task_id=task_id, annotation_id=ann_id, annotator=who, spans=frozenset(spans),
        choices={g: tuple(sorted(v)) for g, v in choices.items()},
        ground_truth=bool(annotation.get("ground_truth")),
        lead_time=float(lead) if isinstance(lead, (int, float)) else None, spans_without_text=no_text,
    )


def _check_span(value: Mapping[str, Any], control: Any, text: str, schema: TaskSchema, where: str,
                reasons: list[str]) -> tuple[set[Span], int]:
    if schema.spans is None or control != schema.spans.name:
        reasons.append(f"unknown span control: {where} uses '{_short(control)}'")
        return set(), 0
    start, end, labels = value.get("start"), value.get("end"), value.get("labels")
    if not (_is_int(start) and _is_int(end)):
        reasons.append(f"span offsets not integers: {where}")
        return set(), 0
    start, end = int(start), int(end)
    if not (0 <= start < end <= len(text)):
        reasons.append(f"span outside the text: {where} is [{start}, {end}), text length {len(text)}")
        return set(), 0
    if not isinstance(labels, list) or not labels:
        reasons.append(f"span without labels: {where}")
        return set(), 0
    unknown = [lab for lab in labels if lab not in schema.span_labels]
    if unknown:
        reasons.append(f"span label not in schema: {where}: {', '.join(_short(u) for u in unknown)}")
        return set(), 0
    missing_text = 0
    if "text" in value:
        if value["text"] != text[start:end]:
            reasons.append(f"span text mismatch: {where}: text[{start}:{end}] differs from the span's text (offsets shifted?)")
            return set(), 0
    else:
        missing_text = 1
    return {(int(start), int(end), str(lab)) for lab in labels}, missing_text


def _check_choices(value: Mapping[str, Any], control: Any, schema: TaskSchema, where: str,
                   reasons: list[str], out: dict[str, set[str]]) -> None:
    group = schema.group(control) if isinstance(control, str) else None
    if group is None:
        reasons.append(f"unknown choice group: {where} uses '{_short(control)}'")
        return
    picked = value.get("choices")
    if not isinstance(picked, list) or not picked:
        reasons.append(f"empty choices: {where}")
        return
    unknown = [c for c in picked if c not in group.values]
    if unknown:
        reasons.append(f"choice not in schema: {where}, group '{group.name}': {', '.join(_short(u) for u in unknown)}")
        return
    out.setdefault(group.name, set()).update(picked)


def _is_int(x: Any) -> bool:
    # JSON may carry 3.0 for 3; bool is an int subclass and is never an offset
    return (isinstance(x, int) and not isinstance(x, bool)) or (isinstance(x, float) and x.is_integer())


def _short(x: Any, limit: int = 40) -> str:
    """Names from a result (labels, controls) go into reasons; cap them, they come from outside."""
    s = str(x)
    return s if len(s) <= limit else s[:limit] + "…"
