"""Committed notebooks are clean: executed in order, reproducible output, no errors,
imports a reader can install from requirements.txt alone. No kernel is started."""

import ast
import importlib.metadata as md
import json
import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "book").glob("*/*.ipynb"))
IDS = [str(p.relative_to(ROOT / "book")) for p in NOTEBOOKS]

# Tags that change what nbval checks: each tagged cell must say why in a first-line
# comment, preferably "# <tag>: <reason>" (a plain sentence of 3+ words also passes).
EXPLAINED_TAGS = ("nbval-ignore-output", "nbval-skip", "raises-exception")

# Output that differs from run to run (nbval would fail) or shows a broken figure.
BAD_OUTPUT = {
    "a memory address": re.compile(r"\bat 0x[0-9a-fA-F]{4,}|\b0x[0-9a-fA-F]{8,}"),
    "timing text": re.compile(
        r"Wall time|CPU times|\d\s*(ms|µs|us|ns|s) ± |\d+(\.\d+)?\s*(it/s|s/it|ms/step|s/step)"
        r"|\[\d\d:\d\d<\d\d:\d\d"
    ),
    "a missing-glyph warning": re.compile(r"Glyph .* missing from|does not have a glyph"),
}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def text(value):
    return "".join(value) if isinstance(value, list) else value


def code_cells(path):
    return [c for c in load(path)["cells"] if c["cell_type"] == "code"]


def output_texts(cell):
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            yield text(out["text"])
        elif out["output_type"] in ("execute_result", "display_data"):
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/") and mime != "text/html":
                    yield text(value)
                elif mime == "text/html":  # skip embedded base64 images (animations)
                    yield re.sub(r"base64,[A-Za-z0-9+/=\\\n]+", "base64,", text(value))
        elif out["output_type"] == "error":
            yield "\n".join(out.get("traceback", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_cells_executed_in_order(path):
    counts = [c.get("execution_count") for c in code_cells(path)]
    assert counts, f"{path.name} has no code cells"
    assert None not in counts, (
        f"{path.name}: code cell {counts.index(None)} was never executed"
        " (nbval skips unexecuted cells; run tools/nbbuild.py)"
    )
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts} are not 1, 2, 3, ... (run top to bottom)"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_are_reproducible_and_error_free(path):
    for k, cell in enumerate(code_cells(path)):
        tags = cell.get("metadata", {}).get("tags", [])
        errors = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
        if errors and "raises-exception" not in tags:
            e = errors[0]
            pytest.fail(f"{path.name}: code cell {k} raised {e['ename']}: {e['evalue']}")
        if "nbval-ignore-output" in tags:
            continue
        for out in output_texts(cell):
            for what, pattern in BAD_OUTPUT.items():
                m = pattern.search(out)
                assert m is None, f"{path.name}: code cell {k} output shows {what}: {m.group(0)!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_special_tags_are_explained(path):
    for k, cell in enumerate(code_cells(path)):
        tags = [t for t in cell.get("metadata", {}).get("tags", []) if t in EXPLAINED_TAGS]
        if not tags:
            continue
        first = (text(cell["source"]).splitlines() or [""])[0]
        reason = re.sub(rf"^#\s*({'|'.join(EXPLAINED_TAGS)})?:?", "", first).split()
        assert first.startswith("#") and len(reason) >= 3, (
            f"{path.name}: code cell {k} is tagged {tags} but its first line is not a comment"
            f" saying why (e.g. '# {tags[0]}: <reason>'), got {first!r}"
        )


# --- imports -----------------------------------------------------------------

def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def required_distributions():
    """Distributions in requirements.txt and, recursively, what they depend on."""
    todo = []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith(("-c", "-r", "--")):
            continue
        if line.startswith("-e"):
            todo.append("lossbook")
            continue
        todo.append(re.split(r"[\s\[=<>!~;]", line, maxsplit=1)[0])
    seen = set()
    while todo:
        name = normalize(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = md.requires(name) or []
        except md.PackageNotFoundError:
            continue
        for req in requires:
            if "extra ==" in req:
                continue  # optional extras are not installed by requirements.txt
            todo.append(re.split(r"[\s\[=<>!~;(]", req, maxsplit=1)[0])
    return seen


def imported_modules(source):
    """Top-level module names imported by a code cell (IPython magics stripped)."""
    lines = [  # a magic becomes `pass` at the same indent, so `if ...: !pip ...` parses
        line[: len(line) - len(line.lstrip())] + "pass"
        if line.lstrip().startswith(("%", "!")) else line
        for line in source.splitlines()
    ]
    tree = ast.parse("\n".join(lines))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_requirements_closure_sees_the_basics():
    allowed = required_distributions()
    for dist in ("numpy", "matplotlib", "keras", "lossbook", "pillow"):
        assert dist in allowed


def test_import_parser():
    src = "%matplotlib inline\nimport numpy as np, os.path\nfrom lossbook import losses\n"
    src += "from . import x\nif True:\n    !pip list\n"
    assert sorted(imported_modules(src)) == ["lossbook", "numpy", "os"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_imports_are_installable_from_requirements(path):
    allowed = required_distributions()
    dists = md.packages_distributions()
    for k, cell in enumerate(code_cells(path)):
        for module in imported_modules(text(cell["source"])):
            if module in sys.stdlib_module_names or module == "lossbook":
                continue
            owners = {normalize(d) for d in dists.get(module, [])}
            assert owners, f"{path.name}: code cell {k} imports {module!r}, which is not installed"
            assert owners & allowed, (
                f"{path.name}: code cell {k} imports {module!r} (from {sorted(owners)}),"
                " which requirements.txt does not install"
            )
