import subprocess
import sys

import pytest
import yaml

from corpuskit.errors import ConfigError
from corpuskit.pipeline import load_config

from toy_stages import pipeline


def problems(cfg):
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    found = {}
    for path, msg in info.value.problems:
        found[path] = f"{found[path]} | {msg}" if path in found else msg
    return found


def test_every_problem_is_reported_at_once_with_its_yaml_path(corpus):
    cfg = pipeline(corpus)
    cfg["inputs"].append({"path": "does/not/exist"})
    cfg["stages"][1]["params"] = {"sleep": "slow", "typo": 1}
    cfg["stages"].append({"stage": "no.such.stage"})
    cfg["extra"] = True
    found = problems(cfg)
    assert "inputs[1].path" in found
    assert "stages[1].params.sleep" in found
    assert "stages[1].params.typo" in found
    assert "unknown stage 'no.such.stage'" in found["stages[2].stage"]
    assert "extra" in found[""] or any("extra" in m for m in found.values())


def test_schema_errors_name_their_path(corpus):
    found = problems({"dataset": "bad name!", "inputs": [], "stages": [{"params": {}}]})
    assert set(found) >= {"dataset", "inputs", "stages[0]"}


def test_stage_chain_is_checked_before_any_data_is_read(corpus):
    cfg = pipeline(corpus)
    cfg["stages"] = [cfg["stages"][1], {"stage": "test.needs_split.v1"}, cfg["stages"][0]]
    found = problems(cfg)
    assert "first stage must read the inputs" in found["stages[0].stage"]
    assert "requires ['split']" in found["stages[1].stage"]
    assert "can only be the first stage" in found["stages[2].stage"]


def test_bad_yaml_reports_the_line(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("dataset: x\ninputs: [\n", "utf-8")
    with pytest.raises(ConfigError, match="line 3"):
        load_config(path)


CLI = [sys.executable, "-c", "import sys; from corpuskit.cli import main; sys.argv[0]='corpuskit'; main()"]


@pytest.mark.parametrize("args, expected", [
    (["build", "missing.yaml"], "pipeline file not found"),
    (["show", "nosuchdataset", "--store", "{tmp}"], "no dataset or version"),
])
def test_cli_user_mistakes_are_one_line_errors(tmp_path, args, expected):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    out = subprocess.run(CLI + args, capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 2
    assert expected in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_cli_reports_unknown_stage_in_yaml(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump({"dataset": "d", "inputs": [{"path": "."}],
                                    "stages": [{"stage": "ingestt"}]}), "utf-8")
    out = subprocess.run(CLI + ["build", str(path), "--store", str(tmp_path / "s")], capture_output=True,
                         text=True, cwd=tmp_path)
    assert out.returncode == 2 and "stages[0].stage: unknown stage 'ingestt'" in out.stderr
    assert "Traceback" not in out.stderr
