"""Binder builds this repository: ``runtime.txt`` names the Python the tests run on, and
every pinned distribution installs on that Python.

repo2docker (what mybinder.org runs) installs ``requirements.txt`` on Python 3.10 unless
``runtime.txt`` says ``python-X.Y``. So the file must exist and name the interpreter these
tests run on, and each pin of requirements.txt / constraints.txt must be installable
there: its ``Requires-Python`` admits that version and the wheel that was installed
carries a tag that Python accepts (``WHEEL`` file of its ``.dist-info``). The test
environment was installed from those same files, so an installed pin is the pin.
"""

from __future__ import annotations

import importlib.metadata as md
import io
import os
import pathlib
import re
import subprocess
import sys
import tarfile
import time

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.tags import Tag, compatible_tags, cpython_tags, parse_tag, platform_tags
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = pathlib.Path(__file__).resolve().parents[1]
PIN_FILES = ("requirements.txt", "constraints.txt")


def runtime_version(path: pathlib.Path = ROOT / "runtime.txt") -> tuple[int, int]:
    """``(major, minor)`` from a repo2docker ``runtime.txt`` (``python-3.11``)."""
    m = re.fullmatch(r"python-(\d+)\.(\d+)", path.read_text(encoding="utf-8").strip())
    if m is None:
        raise ValueError(f"{path.name} must hold one line python-X.Y, got {path.read_text()!r}")
    return int(m[1]), int(m[2])


def pins(path: pathlib.Path) -> dict[str, str]:
    """``{canonical name: version}`` of every ``name==version`` line of a pip file."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue  # -c constraints.txt, -e ., -r ...
        req = Requirement(line)
        specs = list(req.specifier)
        if len(specs) != 1 or specs[0].operator != "==":
            raise ValueError(f"{path.name}: {line!r} is not pinned with ==")
        out[canonicalize_name(req.name)] = specs[0].version
    return out


def lossbook_version() -> str:
    text = (ROOT / "lossbook" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M)[1]


def all_pins() -> dict[str, str]:
    out: dict[str, str] = {}
    for name in PIN_FILES:
        for dist, version in pins(ROOT / name).items():
            if out.setdefault(dist, version) != version:
                raise ValueError(f"{dist} pinned to {out[dist]} and {version}")
    return out


def admits(requires_python: str | None, version: tuple[int, int]) -> bool:
    """Whether a ``Requires-Python`` specifier admits Python ``X.Y`` (any micro)."""
    if not requires_python:
        return True
    spec = SpecifierSet(requires_python)
    # X.Y.0 decides ">=3.11"-style bounds; X.Y.99 those that name a micro ("<3.11.4").
    return any(Version(f"{version[0]}.{version[1]}.{micro}") in spec for micro in (0, 99))


def supported_tags(version: tuple[int, int]) -> set[Tag]:
    """Wheel tags CPython ``X.Y`` accepts on this platform (Binder runs Linux x86_64,
    like the machines the tests run on)."""
    platforms = list(platform_tags())
    tags = set(cpython_tags(version, platforms=platforms))
    tags |= set(compatible_tags(version, platforms=platforms))
    return tags


def wheel_tags(dist: md.Distribution) -> set[Tag] | None:
    """The tags in an installed distribution's ``WHEEL`` file (None if not from a wheel)."""
    text = dist.read_text("WHEEL")
    if text is None:
        return None
    tags: set[Tag] = set()
    for line in text.splitlines():
        if line.startswith("Tag:"):
            tags |= parse_tag(line.split(":", 1)[1].strip())
    return tags


def install_problems(version: tuple[int, int]) -> list[str]:
    """Every pin that would not install on CPython ``version`` (empty list: all do)."""
    ok_tags = supported_tags(version)
    problems = []
    for name, pinned in sorted(all_pins().items()):
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            problems.append(f"{name}=={pinned}: pinned but not installed in the test environment")
            continue
        if canonicalize_name(dist.metadata["Name"]) != name or dist.version != pinned:
            problems.append(f"{name}=={pinned}: the test environment has {dist.version}")
            continue
        requires = dist.metadata.get("Requires-Python")
        if not admits(requires, version):
            problems.append(f"{name}=={pinned}: Requires-Python {requires!r} "
                            f"excludes {version[0]}.{version[1]}")
        tags = wheel_tags(dist)
        if tags is not None and not tags & ok_tags:
            problems.append(f"{name}=={pinned}: wheel tags {sorted(map(str, tags))[:3]} "
                            f"do not install on {version[0]}.{version[1]}")
    return problems


def test_runtime_txt_is_the_test_python():
    assert runtime_version() == sys.version_info[:2], (
        f"runtime.txt says Python {runtime_version()}, the tests run on "
        f"{sys.version_info[:2]}: Binder would build another environment than the tested one"
    )


def test_every_pin_installs_on_the_binder_python():
    problems = install_problems(runtime_version())
    assert not problems, "\n".join(problems)


def test_requirements_pins_are_in_constraints():
    """requirements.txt and constraints.txt agree (all_pins raises on a conflict)."""
    req, con = pins(ROOT / "requirements.txt"), pins(ROOT / "constraints.txt")
    assert req, "requirements.txt pins nothing"
    assert {k: con.get(k) for k in req} == req


# The checks themselves can fail: on the Python repo2docker picks without runtime.txt.


def test_python_310_would_be_refused():
    problems = install_problems((3, 10))
    assert any(p.startswith("jax==") and "Requires-Python" in p for p in problems), problems
    assert any(p.startswith("numpy==") for p in problems), problems


@pytest.mark.parametrize("spec, version, expected", [
    (">=3.11", (3, 11), True),
    (">=3.11", (3, 10), False),
    (">=3.9,<3.11", (3, 11), False),
    ("<3.11.4", (3, 11), True),
    ("!=3.11.*", (3, 11), False),
    ("", (3, 10), True),
    (None, (3, 10), True),
])
def test_admits(spec, version, expected):
    assert admits(spec, version) is expected


def test_wheel_tags_are_judged():
    tags = supported_tags((3, 11))
    assert Tag("py3", "none", "any") in tags
    assert any(t.interpreter == "cp311" and t.abi == "cp311" for t in tags)
    assert not any(t.interpreter == "cp312" for t in tags)
    assert any(t.abi == "abi3" and t.interpreter == "cp39" for t in tags)  # stable ABI


def test_runtime_txt_format(tmp_path):
    bad = tmp_path / "runtime.txt"
    bad.write_text("3.11\n")
    with pytest.raises(ValueError):
        runtime_version(bad)
    bad.write_text("python-3.12\n")
    assert runtime_version(bad) == (3, 12)


def test_unpinned_line_is_refused(tmp_path):
    bad = tmp_path / "requirements.txt"
    bad.write_text("numpy>=2\n")
    with pytest.raises(ValueError):
        pins(bad)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("LOSSBOOK_BINDER_INSTALL") != "1",
                    reason="installs from PyPI into a fresh venv (about 30-100 s); "
                           "set LOSSBOOK_BINDER_INSTALL=1")
def test_fresh_install_like_binder(tmp_path):
    """What repo2docker does after choosing the Python: a clean checkout, a fresh
    environment on that Python, ``pip install --no-cache-dir -r requirements.txt`` alone;
    then the course package, its plots and Keras on JAX work there."""
    repo, venv = tmp_path / "repo", tmp_path / "venv"
    repo.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], check=True,
                             capture_output=True).stdout
    tarfile.open(fileobj=io.BytesIO(archive)).extractall(repo, filter="data")
    subprocess.run([sys._base_executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    t0 = time.perf_counter()
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-cache-dir",
                    "--disable-pip-version-check", "-r", "requirements.txt"], cwd=repo, check=True)
    print(f"pip install -r requirements.txt: {time.perf_counter() - t0:.0f} s")
    snippet = (
        "import lossbook, numpy as np, keras, matplotlib, koreanize_matplotlib, tqdm\n"
        "from lossbook import losses\n"
        f"assert lossbook.__file__.startswith({str(repo)!r})\n"
        "y, p = np.array([1.0, 0.0]), np.array([0.9, 0.2])\n"
        "print(lossbook.__version__, keras.__version__, keras.backend.backend(),\n"
        "      round(float(losses.binary_crossentropy(y, p)), 6))\n")
    env = dict(os.environ, KERAS_BACKEND="jax", JAX_PLATFORMS="cpu")
    out = subprocess.run([python, "-c", snippet], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out[:3] == [lossbook_version(), pins(ROOT / "requirements.txt")["keras"], "jax"]
    assert out[3] == "0.164252"
