"""The public API is exactly what kg/__init__.py curates (as httpx checks its own)."""

from __future__ import annotations

import kg


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in dir(kg) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(kg, name)).__name__ == "module"}
    assert kg.__all__ == sorted(kg.__all__)
    assert set(kg.__all__) == public - modules


def test_every_public_name_has_a_docstring() -> None:
    for name in kg.__all__:
        assert getattr(kg, name).__doc__, name
