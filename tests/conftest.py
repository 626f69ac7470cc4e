"""Shared test set-up: headless Qt, paths to the demo case and to ../shared/seeds."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


def shared_dir(path: Path) -> Path:
    """Return a folder of ../shared; skip without it, except under CI where its absence is a failure."""
    if not path.is_dir():
        message = f"../shared/{path.name} is not present (third-party evaluation texts, kept outside the repo)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI must have it beside the clone", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def seeds_dir() -> Path:
    return shared_dir(SEEDS)


@pytest.fixture
def corpus_dir() -> Path:
    return shared_dir(CORPUS)
