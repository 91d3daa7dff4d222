"""The README's "adding a recognizer" example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_recognizer_example() -> str:
    section = (
        README.read_text(encoding="utf-8")
        .split("<!-- section:deid -->")[1]
        .split("<!-- /section:deid -->")[0]
    )
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return next(b for b in blocks if "class NpiRecognizer" in b)


def test_readme_recognizer_example(recognize):
    namespace: dict = {}
    exec(compile(readme_recognizer_example(), "README-example", "exec"), namespace)  # noqa: S102 - our own README
    cls = namespace["NpiRecognizer"]
    assert namespace["npi_ok"]("1234567893") and not namespace["npi_ok"]("1234567890")
    assert ("ID", "1234567893") in recognize(cls, "Provider 1234567893 signed.", "en")
    assert ("ID", "1234567890") not in recognize(cls, "Invoice 1234567890 paid.", "en")
