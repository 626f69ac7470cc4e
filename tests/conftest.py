"""Shared test set-up: headless Qt, paths to the demo case and to ../shared/seeds."""
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS
