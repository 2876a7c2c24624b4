"""The library stays pure: only incentives/ui (and app.py, views/) may import Streamlit."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import incentives

_CHECK = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
    if any(module == "streamlit" or module.startswith("streamlit.") for module in sys.modules):
        print(name)
        break
"""


def _library_modules() -> list[str]:
    names = [
        module.name
        for module in pkgutil.walk_packages(incentives.__path__, prefix="incentives.")
        if not (module.name == "incentives.ui" or module.name.startswith("incentives.ui."))
    ]
    return ["incentives", *sorted(names)]


def test_the_library_modules_are_found():
    modules = _library_modules()
    assert {"incentives.engine", "incentives.payroll.run", "incentives.vocabulary"} <= set(modules)
    assert not any(name.startswith("incentives.ui") for name in modules)


def test_importing_any_module_outside_the_ui_imports_no_streamlit():
    """Each module is imported in turn in a fresh interpreter; the first to bring Streamlit
    in is named."""
    result = subprocess.run(
        [sys.executable, "-c", _CHECK, json.dumps(_library_modules())],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == "", f"{result.stdout.strip()} imports streamlit"
