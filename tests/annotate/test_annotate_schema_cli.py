"""Task schemas (built-in and user files) → labeling configs the real server accepts; the CLI."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

import pytest
from annotate_testkit import EN1, ZH1, make_version, sample_records, span

from corpuskit.stages.annotate.schema import SchemaError, available_schemas, load_schema


@pytest.mark.parametrize("name", ["medical", "legal", "finance", "pii"])
def test_builtin_schemas_make_configs_the_server_accepts(name, ls_client, project_name):
    schema = load_schema(name)
    project, created = ls_client.find_or_create_project(f"{project_name}-{name}", schema.label_config())
    assert created
    assert ls_client.find_or_create_project(f"{project_name}-{name}", schema.label_config())[0].id == project.id
    assert set(available_schemas()) >= {"medical", "legal", "finance", "pii"}


def test_reusing_a_project_with_another_config_is_refused(ls_client, project_name):
    from corpuskit.stages.annotate.client import LabelStudioError

    ls_client.find_or_create_project(project_name, load_schema("medical").label_config())
    with pytest.raises(LabelStudioError, match="different labeling config"):
        ls_client.find_or_create_project(project_name, load_schema("legal").label_config())


def test_user_schema_file_and_its_errors(tmp_path):
    good = tmp_path / "triage.yaml"
    good.write_text("name: triage\nchoices: [{name: urgency, values: [急, 缓]}]\n"
                    "spans: {labels: [{value: 'A&B <x>'}]}\n", "utf-8")
    xml = load_schema(good).label_config()
    assert '<Label value="A&amp;B &lt;x&gt;"/>' in xml and '<Choices name="urgency"' in xml
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nchoices: [{name: a, values: [x]}, {name: b, values: [x]}]\n", "utf-8")
    with pytest.raises(SchemaError, match="unique across groups"):
        load_schema(bad)
    with pytest.raises(SchemaError, match="built-in: finance, legal, medical, pii"):
        load_schema("nope")


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """`corpuskit ...` in-process through the real entry point (`corpuskit.cli.main`), so its error
    handling is what runs; a subprocess per call would spend most of the time importing."""
    from corpuskit.cli import main

    def run(*args: str, env: dict[str, str]) -> CliResult:
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        monkeypatch.setattr(sys, "argv", ["corpuskit", *args])
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return run


def test_cli_push_pull_round_trip_and_one_line_errors(tmp_path, ls_server, project_name, cli):
    store = tmp_path / "store"
    ref = make_version(store, sample_records())
    env = {"CORPUSKIT_STORE": str(store), "LABEL_STUDIO_URL": ls_server.url,
           "LABEL_STUDIO_API_KEY": ls_server.admin_token}
    pushed = cli("annotate", "push", ref, "--project", project_name, "--predictions", "deid", "--schema", "pii",
                  env=env)
    assert pushed.returncode == 0, pushed.stderr
    info = json.loads(pushed.stdout)
    assert info["imported"] == 4 and info["with_predictions"] == 1  # en-2's deid PERSON span
    tasks = ls_server.tasks_by_record(info["project_id"])
    ls_server.annotate("annotator1@example.com", tasks["en-1"].id, [span(EN1, "Patient", "PERSON")])
    pulled = cli("annotate", "pull", ref, "--project", project_name, "--schema", "pii", env=env)
    assert pulled.returncode == 0, pulled.stderr
    vid = pulled.stdout.strip().splitlines()[-1]
    assert "1 records, 0 quarantined, 0 conflicts" in pulled.stderr
    shown = cli("show", f"notes@{vid}", env=env)
    assert shown.returncode == 0, shown.stderr

    for args, msg in [
        (["annotate", "pull", ref, "--project", "no-such-project-xyz"], "no project 'no-such-project-xyz'"),
        (["annotate", "push", "nope@latest", "--project", "x"], "error:"),
        (["annotate", "pull", ref, "--project", project_name, "--policy", "vote"], "majority"),
        (["annotate", "push", ref, "--project", "x", "--predictions", "model"], "--predictions must be"),
    ]:
        res = cli(*args, env=env)
        assert res.returncode == 2 and msg in res.stderr and "Traceback" not in res.stderr, (args, res.stderr)
    unauth = cli("annotate", "pull", ref, "--project", project_name, env={**env, "LABEL_STUDIO_API_KEY": "bad-token-123"})
    assert unauth.returncode == 2 and "refused the API key" in unauth.stderr and "Traceback" not in unauth.stderr
    assert ZH1 not in unauth.stderr + pulled.stderr


def test_cli_export_and_lf_stats(tmp_path, cli):
    store = tmp_path / "store"
    ref = make_version(store, sample_records())
    (tmp_path / "lfs.yaml").write_text("functions:\n  - {name: sym, keywords: [发热, fever], label: 症状}\n", "utf-8")
    env = {"CORPUSKIT_STORE": str(store)}
    res = cli("annotate", "export", ref, "-o", str(tmp_path / "tasks.json"), "--predictions",
               f"lf:{tmp_path / 'lfs.yaml'}", env=env)
    assert res.returncode == 0, res.stderr
    tasks = json.loads((tmp_path / "tasks.json").read_text("utf-8"))
    assert sum("predictions" in t for t in tasks) == 2
    stats = cli("annotate", "lf-stats", ref, "-f", str(tmp_path / "lfs.yaml"), env=env)
    assert stats.returncode == 0 and "0.500" in stats.stdout, stats.stderr


def test_pii_schema_labels_are_the_deid_stage_labels():
    from corpuskit.stages.deid.labels import CANONICAL_LABELS

    assert load_schema("pii").span_labels == set(CANONICAL_LABELS)


def test_json_schema_file_is_in_step_and_validates_builtin_schemas():
    import jsonschema
    import yaml

    from corpuskit.stages.annotate.schema import BUILTIN_DIR, JSON_SCHEMA_PATH, task_schema_json_schema

    on_disk = json.loads(JSON_SCHEMA_PATH.read_text("utf-8"))
    assert on_disk == task_schema_json_schema(), "regenerate schemas/tasks/task.schema.json"
    for path in BUILTIN_DIR.glob("*.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text("utf-8")), on_disk)
    assert "task.schema" not in available_schemas()
