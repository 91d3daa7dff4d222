"""`corpuskit annotate ...`: push to / pull from Label Studio, offline files, schemas, labeling functions.

Thin: each command parses, calls the Python API in this package and prints. User-facing errors are
`CorpuskitError`s, which `corpuskit.cli.main` prints as one line with exit code 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from corpuskit.errors import CorpuskitError

console = Console(stderr=True, soft_wrap=True)  # soft wrap: a summary line stays one line in logs
out = Console()

annotate_app = typer.Typer(no_args_is_help=True, help="Label Studio round trip, offline files, weak labels.")

StoreOpt = typer.Option(None, "--store", help="Store folder (default: $CORPUSKIT_STORE or ./store).")
SchemaOpt = typer.Option("medical", "--schema", help="Task schema: built-in name (medical, legal, finance, pii) "
                                                     "or a YAML/JSON file.")
UrlOpt = typer.Option(None, "--url", envvar="LABEL_STUDIO_URL", help="Label Studio URL [env LABEL_STUDIO_URL].")
KeyOpt = typer.Option(None, "--api-key", envvar="LABEL_STUDIO_API_KEY", show_default=False,
                      help="Legacy token or personal access token [env LABEL_STUDIO_API_KEY].")
PredOpt = typer.Option("none", "--predictions",
                       help="Pre-annotations: none, deid (the deid stage's spans), lf:FILE (labeling functions), "
                            "spans:PREFIX (record spans whose source starts with PREFIX, e.g. model:).")


def _client(url: str | None, api_key: str | None):
    from corpuskit.stages.annotate.client import LabelStudioClient

    return LabelStudioClient.from_env(url, api_key)


@annotate_app.command("push")
def push_cmd(
    version: str = typer.Argument(..., help="DATASET[@VERSION|@TAG] or a version id."),
    project: str = typer.Option(..., "--project", help="Project title; created if missing, reused if present."),
    schema: str = SchemaOpt,
    predictions: str = PredOpt,
    allow_raw: bool = typer.Option(False, "--allow-raw", help="Also push records that were not de-identified."),
    batch_size: int = typer.Option(200, "--batch-size", help="Tasks per import request."),
    update_config: bool = typer.Option(False, "--update-config", help="Replace an existing project's config."),
    url: str | None = UrlOpt, api_key: str | None = KeyOpt, store: Path | None = StoreOpt,
) -> None:
    """Import a version's records as tasks (resumable: records already in the project are skipped)."""
    from corpuskit.stages.annotate.push import push

    if batch_size < 1:
        raise CorpuskitError(f"--batch-size must be at least 1, got {batch_size}")
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), console=console, transient=True,
                  disable=not console.is_terminal) as bar:
        task = bar.add_task("push", total=None)
        res = push(version, project, schema, predictions, allow_raw, store, _client(url, api_key), batch_size,
                   update_config, progress=lambda done, total: bar.update(task, completed=done, total=total))
    console.print(f"project '{res.project}' (id {res.project_id}{', created' if res.created_project else ''}): "
                  f"{res.imported} tasks imported, {res.already_present} already there, "
                  f"{res.with_predictions} with predictions")
    if res.present_from_other_versions:
        console.print(f"{res.present_from_other_versions} of those records were pushed from another version and were "
                      "not sent again; pull checks that their text is unchanged")
    if res.skipped_prediction_labels:
        console.print(f"prediction labels not in the schema, skipped: {res.skipped_prediction_labels}")
    out.print_json(json.dumps(res.to_json(), ensure_ascii=False))


@annotate_app.command("pull")
def pull_cmd(
    version: str = typer.Argument(..., help="The version that was pushed: DATASET[@VERSION|@TAG]."),
    project: str | None = typer.Option(None, "--project", help="Project title on the server."),
    from_file: Path | None = typer.Option(None, "--from-file", help="A Label Studio JSON export (offline)."),
    schema: str = SchemaOpt,
    policy: str = typer.Option("majority", "--policy", help="majority | reviewer | drop-conflicts"),
    reviewer: list[str] = typer.Option([], "--reviewer", help="Reviewer user id or email (policy reviewer)."),
    keep_unannotated: bool = typer.Option(False, "--keep-unannotated", help="Keep records nobody annotated."),
    url: str | None = UrlOpt, api_key: str | None = KeyOpt, store: Path | None = StoreOpt,
) -> None:
    """Validate annotations and write them as a new version whose parent is VERSION; print its id."""
    from corpuskit.stages.annotate.pull import pull
    from corpuskit.stages.annotate.resolve import POLICIES

    if policy not in POLICIES:
        raise CorpuskitError(f"--policy must be one of {', '.join(POLICIES)}, got '{policy}'")
    client = _client(url, api_key) if project is not None else None
    res = pull(version, project, from_file, schema, policy, reviewer, keep_unannotated, store, client)
    ag = res.agreement
    console.print(f"{res.dataset}@{res.version_id} (parent {res.parent}): {res.records} records, "
                  f"{res.quarantined} quarantined, {len(res.conflicts)} conflicts")
    table = Table("agreement", "value", title=f"{ag['tasks_with_2plus']} tasks with 2+ annotators")
    for group, k in (ag.get("classes") or {}).items():
        table.add_row(f"{group}: Cohen's kappa (mean over pairs)", _fmt(k["cohen_kappa_mean"]))
        table.add_row(f"{group}: Fleiss' kappa", _fmt(k["fleiss_kappa"]))
    if "spans" in ag:
        table.add_row("spans: F1 between annotators", _fmt(ag["spans"]["f1"]))
    console.print(table)
    if res.conflicts:
        console.print("tasks to revisit: " + ", ".join(str(t) for c in res.conflicts for t in c["task_ids"]))
    out.print(res.version_id)


@annotate_app.command("export")
def export_cmd(
    version: str = typer.Argument(..., help="DATASET[@VERSION|@TAG] or a version id."),
    out_file: Path = typer.Option(..., "--out", "-o", help="Label Studio import file to write (JSON)."),
    schema: str = SchemaOpt, predictions: str = PredOpt,
    allow_raw: bool = typer.Option(False, "--allow-raw", help="Also export records that were not de-identified."),
    store: Path | None = StoreOpt,
) -> None:
    """Offline: write tasks as a Label Studio import file plus the labeling config next to it."""
    from corpuskit.stages.annotate.offline import export_tasks

    res = export_tasks(version, out_file, schema, predictions, allow_raw, store)
    console.print(f"{res['tasks']} tasks → {res['file']}; labeling config → {res['label_config']}")


@annotate_app.command("schema")
def schema_cmd(name: str | None = typer.Argument(None, help="Schema name or file; omit to list them.")) -> None:
    """Print a task schema's Label Studio labeling config, or list the schemas."""
    from corpuskit.stages.annotate.schema import available_schemas, load_schema

    if name is None:
        out.print("\n".join(available_schemas()))
        return
    out.print(load_schema(name).label_config(), markup=False, highlight=False)


@annotate_app.command("lf-stats")
def lf_stats_cmd(
    version: str = typer.Argument(..., help="DATASET[@VERSION|@TAG] or a version id."),
    functions: Path = typer.Option(..., "--functions", "-f", help="Labeling function YAML file."),
    store: Path | None = StoreOpt,
) -> None:
    """Coverage, overlap and conflict of each labeling function on a version (writes nothing)."""
    from corpuskit.stages.annotate.labeling_functions import LabelingFunctionSet
    from corpuskit.stages.annotate.push import load_version

    lfs = LabelingFunctionSet.load(functions)
    for rec in load_version(version, store).records:
        lfs.apply(rec["text"], rec)
    report = lfs.stats.report()
    table = Table("function", "coverage", "overlap", "conflict", "emitted", title=f"{report['records']} records")
    for name, st in report["functions"].items():
        table.add_row(name, f"{st['coverage']:.3f}", f"{st['overlap']:.3f}", f"{st['conflict']:.3f}",
                      str(st["emitted"]))
    out.print(table)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def register(app: typer.Typer) -> None:
    app.add_typer(annotate_app, name="annotate")
