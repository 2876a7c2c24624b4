"""Running the app headless with AppTest, at a page and with a link's parameters, and reading
what it shows."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run(**params: str | list[str]) -> AppTest:
    """The first page, opened from a link with ``params``."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params.update(params)
    return app.run()


def open_page(page: str, **params: str | list[str]) -> AppTest:
    """The page ``views/<page>.py``, opened from a link with ``params``."""
    return run(**params).switch_page(f"views/{page}.py").run()


def texts(app: AppTest) -> str:
    """The page's markdown and tables as one text."""
    return "\n".join([m.value for m in app.markdown] + [str(t.value) for t in app.table])
