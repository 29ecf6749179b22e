"""A chapter's flow survives a learner's broken exercise.

- The set-up cell (the chapter's first code cell) imports the checks, so a SyntaxError
  in an exercise cannot leave ``check`` undefined for the rest of the chapter.
- No solution uses a name that only an exercise cell defines (the exercise may be
  broken or half done), or that only an earlier solution defines (solutions are folded
  and may be run in any order): each runs after the set-up cell and the chapter's text.
- Every chapter ends summary, exercises, solutions (tools/nbbuild.py refuses a source
  that does not; here the committed notebooks are read).

The names are read from the code with :mod:`ast` (bound: assignments, imports, ``def``,
``class``, used: every other name
that is not a function parameter), so this runs in milliseconds.
"""

from __future__ import annotations

import ast
import builtins
import json
import pathlib

import nbbuild
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "book" / "en").glob("[0-9][0-9]_*.ipynb"))  # code = Korean twin's
IDS = [p.stem for p in NOTEBOOKS]


def code_cells(path: pathlib.Path) -> list[tuple[str, list[str]]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [("".join(c["source"]), c.get("metadata", {}).get("tags", []))
            for c in cells if c["cell_type"] == "code"]


def python(source: str) -> ast.Module:
    """A cell's code without IPython magics (``%pip`` lines)."""
    lines = [line if not line.lstrip().startswith(("%", "!"))
             else line[:len(line) - len(line.lstrip())] + "pass" for line in source.splitlines()]
    return ast.parse("\n".join(lines))


def _walk_module_level(tree: ast.AST):
    """The nodes of ``tree`` outside function bodies (what runs at the cell's top level)."""
    for node in ast.iter_child_nodes(tree):
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _walk_module_level(node)


def _binds(nodes) -> set[str]:
    names = set()
    for node in nodes:
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def bound(source: str) -> set[str]:
    """Names a cell binds for the cells after it (not a function's local names)."""
    return _binds(_walk_module_level(python(source)))


def used(source: str) -> set[str]:
    """Names a cell reads that it does not bind itself."""
    tree = python(source)
    loads = {node.id for node in ast.walk(tree)
             if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    parameters = {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}
    return loads - _binds(ast.walk(tree)) - parameters - set(dir(builtins))


def test_chapters_found():
    assert len(NOTEBOOKS) == len(nbbuild.titles())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_set_up_cell_imports_the_checks(path):
    cells = code_cells(path)
    chapter_setup = cells[1][0]  # cells[0] is nbbuild's language / Colab set-up
    assert "check" in bound(chapter_setup), (
        f"{path.stem}: the chapter's set-up cell must import its checks (… as check)")
    for source, tags in cells[2:]:
        if "exercise" in tags:
            assert "check" not in bound(source), (
                f"{path.stem}: an exercise cell rebinds check:\n{source[:200]}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_solutions_need_no_exercise_and_no_other_solution(path):
    cells = code_cells(path)
    text = set().union(*(bound(s) for s, tags in cells
                         if "exercise" not in tags and "solution" not in tags))
    only_exercises = set().union(*(bound(s) for s, tags in cells if "exercise" in tags)) - text
    solutions = [s for s, tags in cells if "solution" in tags]
    assert solutions, f"{path.stem}: no solution cells"
    before: set[str] = set()
    problems = []
    for k, source in enumerate(solutions, 1):
        needs = used(source)
        if needs & only_exercises:
            problems.append(f"solution cell {k} uses {sorted(needs & only_exercises)}, "
                            "defined only in exercise cells")
        if needs & (before - text):
            problems.append(f"solution cell {k} uses {sorted(needs & (before - text))}, "
                            "defined only in an earlier solution")
        before |= bound(source)
    assert not problems, f"{path.stem}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", nbbuild.LANGS)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_chapter_ends_summary_exercises_solutions(path, lang):
    nb = json.loads((ROOT / "book" / lang / path.name).read_text(encoding="utf-8"))
    lines = ["".join(c["source"]).splitlines() for c in nb["cells"]
             if c["cell_type"] == "markdown"]
    where = [next((k for k, cell in enumerate(lines) if heading in cell), None)
             for heading in nbbuild.ENDING[lang]]
    assert None not in where and where == sorted(where), (
        f"{lang}/{path.name}: want {' → '.join(nbbuild.ENDING[lang])}, cells at {where}")


def test_the_name_reader_sees_what_a_solution_needs():
    exercise = "y_a = np.zeros(10)\nanswer = ...\ncheck.two(answer)"
    solution = ("def f(x):\n    local = x + offset\n    return local\n"
                "answer = f(y_a)\ncheck.two(answer)")
    assert bound(exercise) >= {"y_a", "answer"}
    assert bound(solution) == {"f", "answer"}
    assert used(solution) == {"offset", "y_a", "check"}
    assert used('if "google.colab" in sys.modules:\n    %pip install x\nimport sys') == set()


def _chapter(*order):
    """A minimal chapter source whose last sections come in ``order``."""
    from cells import code, md

    text = {"summary": ("## 요약", "## Summary"), "exercises": ("## 연습 문제", "## Exercises"),
            "solutions": ("## 풀이", "## Solutions")}
    cells = []
    for name in order:
        cells.append(md(ko=text[name][0], en=text[name][1]))
        if name == "exercises":
            cells.append(code("answer = ...", tags=["exercise"]))
        if name == "solutions":
            cells.append(code("answer = 1", tags=["solution", "hide-cell"]))
    return cells


def test_nbbuild_refuses_a_chapter_out_of_order():
    nbbuild.check_exercises("good", _chapter("summary", "exercises", "solutions"))
    with pytest.raises(ValueError, match="must end"):
        nbbuild.check_exercises("bad", _chapter("exercises", "summary", "solutions"))
    with pytest.raises(ValueError, match="0 cells with '## 요약'"):
        nbbuild.check_exercises("none", _chapter("exercises", "solutions"))


@pytest.mark.parametrize("lang", nbbuild.LANGS)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_solutions_are_folded_in_jupyter_and_on_the_web(path, lang):
    """Solution code: hidden source and outputs in Jupyter, a labelled fold on the web.
    Solution prose: inside a dropdown "N번 풀이 보기" / "Show solution N"."""
    cells = json.loads((ROOT / "book" / lang / path.name).read_text(encoding="utf-8"))["cells"]
    heading = nbbuild.ENDING[lang][2]
    start = next(k for k, c in enumerate(cells)
                 if c["cell_type"] == "markdown" and heading in "".join(c["source"]).splitlines())
    show = nbbuild.UI[lang]["show"].split()[-1]  # 보기 / solution
    code = prose = 0
    for cell in cells[start + 1:-1]:  # the last cell is the chapter navigation
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            meta = cell["metadata"]
            assert "solution" in meta["tags"], f"a code cell in the solutions is not one:\n{source}"
            assert meta["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
            assert meta["mystnb"]["code_prompt_show"] == nbbuild.UI[lang]["show_code"]
            code += 1
        else:
            first = source.splitlines()[0]
            assert first.startswith(":::") and "{dropdown}" in first and show in first, first
            prose += 1
    assert code and prose, f"{lang}/{path.name}: {code} solution code cells, {prose} folded texts"
