"""A non-editable install ships the styles, the sample reports and the extractors' data files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        check=True, capture_output=True, timeout=300,
    )
    (whl,) = out.glob("briefing-*.whl")
    return whl


def test_wheel_contains_styles_samples_and_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for sample in (ROOT / "sample_reports").iterdir():
        if not sample.name.startswith("."):
            assert f"briefing/_data/sample_reports/{sample.name}" in names
    for style in (ROOT / "styles").glob("*.tcss"):
        assert f"briefing/_data/styles/{style.name}" in names
    data = ROOT / "briefing" / "extract" / "data"
    if data.is_dir():
        for f in data.iterdir():
            assert f"briefing/extract/data/{f.name}" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_layout_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        "from briefing.resources import samples_dir, styles_dir; import briefing;"
        "print(briefing.__file__); print(samples_dir()); print(styles_dir())"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path)}, check=True, timeout=60)
    module, samples, styles = out.stdout.split("\n")[:3]
    assert module.startswith(str(tmp_path))
    assert samples == str(tmp_path / "briefing" / "_data" / "sample_reports")
    assert styles == str(tmp_path / "briefing" / "_data" / "styles")
