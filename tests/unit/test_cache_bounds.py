"""Every cache the app keeps is bounded, so many visitors with many inputs cannot fill the
server's memory: a cached function that takes arguments keeps a limited number of results."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from streamlit.runtime.caching.cache_utils import CachedFunc

import incentives.ui


def cached_functions() -> list[tuple[str, CachedFunc]]:
    found = []
    for module_info in pkgutil.iter_modules(incentives.ui.__path__):
        module = importlib.import_module(f"incentives.ui.{module_info.name}")
        for name, value in vars(module).items():
            if isinstance(value, CachedFunc) and value.__module__ == module.__name__:
                found.append((f"{module.__name__}.{name}", value))
    return found


def test_the_ui_caches_results():
    # The pages' views and shared computations are cached; finding none means the test is blind
    names = [name for name, _ in cached_functions()]
    assert "incentives.ui.cache._comparison" in names
    assert "incentives.ui.cache.compare_view" in names


def test_every_cache_with_arguments_has_a_bound():
    unbounded = [
        name
        for name, cached in cached_functions()
        if inspect.signature(cached._info.func).parameters and cached._info.max_entries is None
    ]
    assert not unbounded
