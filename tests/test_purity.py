"""The core is pure: no I/O libraries, no click, no rich. Only the shells (cli) may import them."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsclip"
CORE = ["model", "config", "patterns", "decode", "normalize", "html", "pagemeta", "split", "classify", "revise",
        "assemble", "export", "report", "pipeline", "provenance", "short_lines", "user_rules", "words"]
FORBIDDEN = {"click", "rich", "sys", "os", "pathlib", "io", "shutil", "subprocess"}


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_io_or_ui(module):
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
            imported.add("open()")
    assert not imported & (FORBIDDEN | {"open()"}), f"{module} imports {imported & FORBIDDEN}"
