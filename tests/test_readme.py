"""The README's Python examples run as written (statement by statement, in one namespace).

A statement whose comment names an error (``# UnknownNameError: unknown organ ...``) must raise
that error with that message.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest

import footviz

README = Path(__file__).resolve().parent.parent / "README.md"
ERROR = re.compile(r"#\s*(\w+Error): (.*?)(?:\.\.\.|$)")


def _blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)


def test_readme_has_python_examples():
    assert len(_blocks()) >= 5


def test_readme_examples_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    checked_errors = 0
    for block in _blocks():
        lines = block.splitlines()
        for stmt in ast.parse(block).body:
            source = "\n".join(lines[stmt.lineno - 1 : stmt.end_lineno])
            code = compile(ast.Module([stmt], []), str(README), "exec")
            expected = ERROR.search(lines[stmt.end_lineno - 1])
            if expected is None:
                exec(code, namespace)
                continue
            error = getattr(footviz, expected.group(1))
            with pytest.raises(error) as info:
                exec(code, namespace)
            assert str(info.value).startswith(expected.group(2).rstrip(" .,")), source
            checked_errors += 1
    assert checked_errors >= 1
    assert (tmp_path / "map.pdf").stat().st_size > 10_000
    assert (tmp_path / "two.pdf").exists() and (tmp_path / "heart_liver.png").exists()
