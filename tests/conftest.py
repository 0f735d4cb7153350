"""Shared helpers: a CliRunner, the samples folder, and a block factory for stage tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclip.model import Block, Role

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def make_block(text: str, index: int = 0, role: Role = Role.SHORT, **changes) -> Block:
    """A block as the splitter would make it, with the given role as both first and final role."""
    return Block(index=index, text=text, lines=(index + 1,), initial_role=role, role=role, **changes)


def sample_paths() -> list[Path]:
    """Every sample input: text clippings and saved pages; each has its expected .json beside it."""
    return sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.html")])
