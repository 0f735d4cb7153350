"""Every input that once broke an invariant (found by fuzzing or by hand) stays fixed; the samples
hold the invariants too (the first fuzz finding was the HTML sample itself)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.invariants import check_bytes

from tests.conftest import sample_paths

REGRESSIONS = sorted((Path(__file__).parent / "regressions").glob("*"))


@pytest.mark.parametrize("path", REGRESSIONS + sample_paths(), ids=lambda p: p.name)
def test_regression_input_holds_the_invariants(path):
    check_bytes(path.read_bytes())


def test_there_are_regression_inputs():
    assert REGRESSIONS
