"""Task schemas: what annotators label, as data; the Label Studio labeling config is generated from it.

A schema file (YAML or JSON) names document-level choice groups and one span label set:

    name: medical
    choices:
      - {name: doc_type, multiple: false, values: [诊断记录, 出院小结]}
    spans:
      name: entities
      labels: [{value: 症状}, {value: 药物}]

Built-in schemas live in `schemas/tasks/`; `load_schema("medical")` finds them, and any path to a
user's own file works too. Choice values are unique across groups so a record's `labels` column can
hold plain values and still say which group each came from.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from xml.sax.saxutils import quoteattr

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from corpuskit.errors import CorpuskitError

TEXT_NAME = "text"  # the <Text> tag's name and the task data key holding the record text
BUILTIN_DIR = Path(__file__).resolve().parents[3] / "schemas" / "tasks"
# JSON Schema of a task schema file, for editors and readers without Python (kept in step by a test)
JSON_SCHEMA_PATH = BUILTIN_DIR / "task.schema.json"


class SchemaError(CorpuskitError):
    """A task schema file is missing or invalid."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChoiceGroup(_Strict):
    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    title: str | None = None
    multiple: bool = False
    required: bool = False
    values: list[str] = Field(min_length=1)


class SpanLabel(_Strict):
    value: str = Field(min_length=1)
    hint: str | None = None
    background: str | None = None


class SpanSet(_Strict):
    name: str = Field(default="entities", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    labels: list[SpanLabel] = Field(min_length=1)


class TaskSchema(_Strict):
    name: str
    domain: str | None = None
    description: str | None = None
    choices: list[ChoiceGroup] = Field(default_factory=list)
    spans: SpanSet | None = None

    @model_validator(mode="after")
    def _unique_names(self) -> TaskSchema:
        tags = [g.name for g in self.choices] + ([self.spans.name] if self.spans else [])
        if TEXT_NAME in tags or len(set(tags)) != len(tags):
            raise ValueError(f"choice group and span set names must be unique and not '{TEXT_NAME}': {tags}")
        values = [v for g in self.choices for v in g.values]
        dup = sorted({v for v in values if values.count(v) > 1})
        if dup:
            raise ValueError(f"choice values must be unique across groups; repeated: {dup}")
        if self.spans:
            labels = [lab.value for lab in self.spans.labels]
            if len(set(labels)) != len(labels):
                raise ValueError("span labels must be unique")
        if not self.choices and not self.spans:
            raise ValueError("a task schema needs at least one choice group or a span set")
        return self

    # -- lookups used by push, pull and validation ---------------------------------------
    @property
    def span_labels(self) -> frozenset[str]:
        return frozenset(lab.value for lab in self.spans.labels) if self.spans else frozenset()

    def group(self, name: str) -> ChoiceGroup | None:
        return next((g for g in self.choices if g.name == name), None)

    def group_of_value(self, value: str) -> ChoiceGroup | None:
        return next((g for g in self.choices if value in g.values), None)

    def digest(self) -> str:
        """Content hash: part of a pulled version's fingerprint."""
        canon = json.dumps(self.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]

    def label_config(self) -> str:
        """The Label Studio labeling config (XML) for this schema."""
        lines = ["<View>"]
        if self.spans:
            lines.append(f'  <Labels name={quoteattr(self.spans.name)} toName="{TEXT_NAME}">')
            for lab in self.spans.labels:
                attrs = f"value={quoteattr(lab.value)}"
                if lab.background:
                    attrs += f" background={quoteattr(lab.background)}"
                if lab.hint:
                    attrs += f" hint={quoteattr(lab.hint)}"
                lines.append(f"    <Label {attrs}/>")
            lines.append("  </Labels>")
        lines.append(f'  <Text name="{TEXT_NAME}" value="${TEXT_NAME}"/>')
        for g in self.choices:
            if g.title:
                lines.append(f"  <Header value={quoteattr(g.title)}/>")
            choice = "multiple" if g.multiple else "single"
            required = ' required="true"' if g.required else ""
            lines.append(f'  <Choices name={quoteattr(g.name)} toName="{TEXT_NAME}" choice="{choice}"'
                         f'{required} showInline="true">')
            lines += [f"    <Choice value={quoteattr(v)}/>" for v in g.values]
            lines.append("  </Choices>")
        lines.append("</View>")
        return "\n".join(lines)


def task_schema_json_schema() -> dict:
    """The JSON Schema that `schemas/tasks/task.schema.json` holds."""
    js = TaskSchema.model_json_schema()
    js["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    js["description"] = ("A corpuskit task schema: document-level choice groups and span labels; corpuskit "
                         "generates the Label Studio labeling config from it.")
    return js


def schema_dirs() -> list[Path]:
    """Where schema names are looked up: `$CORPUSKIT_TASK_SCHEMAS` (os.pathsep list), then built-ins."""
    extra = [Path(p) for p in os.environ.get("CORPUSKIT_TASK_SCHEMAS", "").split(os.pathsep) if p]
    return extra + [BUILTIN_DIR]


def available_schemas() -> list[str]:
    names = set()
    for d in schema_dirs():
        if d.is_dir():
            names |= {p.stem for p in d.iterdir()
                      if p.suffix in (".yaml", ".yml", ".json") and not p.name.endswith(".schema.json")}
    return sorted(names)


def load_schema(name_or_path: str | Path | TaskSchema) -> TaskSchema:
    """A schema by built-in name (`medical`), or from a YAML/JSON file path."""
    if isinstance(name_or_path, TaskSchema):
        return name_or_path
    path = Path(name_or_path)
    if not path.is_file():
        for d in schema_dirs():
            hits = [d / f"{name_or_path}{ext}" for ext in (".yaml", ".yml", ".json")]
            path = next((h for h in hits if h.is_file()), path)
            if path.is_file():
                break
        else:
            raise SchemaError(f"no task schema '{name_or_path}'; built-in: {', '.join(available_schemas())}, "
                              "or pass a path to a YAML/JSON schema file")
    try:
        data = yaml.safe_load(path.read_text("utf-8"))  # YAML is a superset of JSON
        return TaskSchema.model_validate(data)
    except (yaml.YAMLError, ValidationError, ValueError) as exc:
        first = str(exc).splitlines()
        raise SchemaError(f"{path}: invalid task schema: {' '.join(first[:3])}") from exc
