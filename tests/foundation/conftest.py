import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import toy_stages  # noqa: E402

toy_stages.register()


@pytest.fixture
def corpus(tmp_path):
    """A small input folder: three text files, one of them empty."""
    root = tmp_path / "inputs"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("first line\nsecond line\n", "utf-8")
    (root / "sub" / "b.txt").write_text("第三行\n", "utf-8")
    (root / "empty.txt").write_text("", "utf-8")
    return root
