"""The shared extraction corpus, found beside the repository, or a clear skip."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "README.md").is_file():
        pytest.skip(f"the extraction corpus is not at {CORPUS} (../shared/corpus from the repo)")
    return CORPUS
