"""Each Python file stays short enough to read as one thing: at most 450 lines."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MOST_LINES = 450


def test_no_python_file_is_over_450_lines():
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked, "no Python files found: is this a git checkout?"
    lengths = {
        path: len((ROOT / path).read_text(encoding="utf-8").splitlines()) for path in tracked
    }
    assert {path: n for path, n in lengths.items() if n > MOST_LINES} == {}
