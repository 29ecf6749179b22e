"""The exercise-check core: one language, never a crash, never the expected value to copy."""

import numpy as np
import pytest

import lossbook
from lossbook import _lang
from lossbook.exercises import (
    CORRECT,
    NOT_ATTEMPTED,
    WRONG,
    Text,
    as_number,
    ch01,
    ch05,
    compare_choices,
    compare_function,
    compare_values,
    exercise_name,
    first_not_correct,
    labelled,
    not_attempted,
    progress,
    report,
    say,
    wrong,
)
from lossbook.losses import mean_squared_error

pytestmark = pytest.mark.usefixtures("english")


def test_say_follows_the_notebook_language(monkeypatch, tmp_path):
    assert str(say("손실", "loss")) == "loss"
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert str(say("손실", "loss")) == "손실"
    monkeypatch.delenv("LOSSBOOK_LANG")
    monkeypatch.chdir(tmp_path)  # neither ko nor en: Colab's /content
    assert str(say("손실", "loss")) == "손실\nloss"  # whole messages, one per line


def test_set_language_wins_over_the_folder_and_drives_figures(monkeypatch, tmp_path):
    monkeypatch.delenv("LOSSBOOK_LANG")
    monkeypatch.chdir(tmp_path)
    lossbook.set_language("ko")
    try:
        assert str(say("손실", "loss")) == "손실"
        from lossbook.plotting import tr

        assert tr("축", "axis") == "축"
        lossbook.exercises.set_language("en")
        assert tr("축", "axis") == "axis" and str(say("손실", "loss")) == "loss"
    finally:
        lossbook.set_language(None)
    with pytest.raises(ValueError, match="must be one of"):
        lossbook.set_language("de")


def test_messages_are_joined_whole_never_fragment_by_fragment(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("LOSSBOOK_LANG")
    monkeypatch.chdir(tmp_path)
    ch05.affine_backward(lambda X, W, G: (G @ W.T, X.T @ G, G.sum(axis=1)))
    ko_line, en_line = capsys.readouterr().out.rstrip("\n").split("\n")
    assert ko_line.startswith("연습 4: ❌") and "input" not in ko_line and "힌트" in ko_line
    assert en_line.startswith("Exercise 4: ❌") and "입력" not in en_line and "hint" in en_line
    assert "`db`" in ko_line and "`db`" in en_line


def test_text_adds_language_by_language():
    t = Text("가", "a") + ": " + Text("나", "b")
    assert (t.ko, t.en) == ("가: 나", "a: b")
    assert str(t) == "a: b"


def test_values_placeholder_wrong_right():
    assert compare_values(..., 1.0).status == NOT_ATTEMPTED
    assert compare_values(0.5, 0.5 + 1e-12).status == CORRECT
    fb = compare_values(0.4, 0.5, name="loss")
    assert fb.status == WRONG and fb.message == "`loss` = 0.4 is not right"
    assert "0.5" not in fb.message  # never the value to copy


def test_values_name_the_variable_and_the_index_but_not_the_expected_value():
    got = np.array([1.0, 2.0, 3.0, 9.0, 8.0])
    fb = compare_values(got, [1.0, 2.0, 3.0, 4.0, 5.0], name="grads")
    assert fb.message == "`grads` is not right at index 3: 9.0 (and 1 other entries)"
    fb = compare_values(got, [1.0, 2.0, 3.0, 4.0, 5.0], name="grads", show_expected=True)
    assert fb.message == "`grads` differs at index 3: got 9.0, expected 4.0 (and 1 other entries)"


@pytest.mark.parametrize("garbage", ["abc", {"a": 1}, [1, [2, 3]], 1j, object(), len])
def test_values_turn_any_garbage_into_feedback(garbage):
    fb = compare_values(garbage, 1.0, name="x")
    assert fb.status == WRONG and fb.message.startswith("`x`")


def test_values_shape_nan_and_one_element_arrays():
    fb = compare_values([1.0, 2.0], [1.0, 2.0, 3.0], name="dx")
    assert fb.message == "`dx` has shape (2,); it needs shape (3,)"
    assert compare_values([np.nan], [1.0], name="p").message == "`p` contains nan (index 0)"
    assert compare_values(np.array([7.0]), 7.0).ok
    assert compare_values([[7.0]], 7.0).ok
    assert compare_values(7.0, [7.0]).ok


def test_float32_answers_pass_and_float32_precision_is_named():
    exact = -np.log(0.6)
    in_float32 = np.float32(exact * (1 + 2e-6))  # rounding errors of a float32 computation
    assert compare_values(in_float32, exact).ok
    assert "float32" in compare_values(in_float32, exact).message
    assert compare_values(np.array([in_float32]), exact).ok
    fb = compare_values(float(in_float32), exact, name="cee_a")
    assert fb.status == WRONG and "float32" in fb.message


def test_number_spellings():
    assert as_number("1e-08") == 1e-8
    assert as_number(np.array([[2.5]])) == 2.5
    assert as_number("x") is None and as_number(True) is None and as_number([1, 2]) is None


def test_values_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert compare_values(0.4, 0.5, name="g").message == "`g` = 0.4은(는) 맞지 않습니다"
    assert compare_values(..., 0.5).message == "아직 풀지 않았습니다."


def test_function_checks_show_the_failing_call():
    def placeholder(y_true, y_pred):
        ...

    def raises(y_true, y_pred):
        raise NotImplementedError

    def sse(y_true, y_pred):  # a classic slip: the sum instead of the mean
        return np.sum((np.asarray(y_true) - np.asarray(y_pred)) ** 2, axis=-1)

    def mse(y_true, y_pred):
        return np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2, axis=-1)

    def crashes(y_true, y_pred):
        return y_true.shape  # lists have no shape

    cases = [([1.0, 0.0], [1.0, 0.0]), ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.5], [3.0, 5.0]])]
    assert compare_function(placeholder, mean_squared_error, cases).status == NOT_ATTEMPTED
    assert "returns None" in compare_function(placeholder, mean_squared_error, cases).message
    assert compare_function(raises, mean_squared_error, cases).status == NOT_ATTEMPTED
    assert compare_function(..., mean_squared_error, cases).status == NOT_ATTEMPTED
    fb = compare_function(sse, mean_squared_error, cases)
    assert fb.status == WRONG
    assert fb.message == ("the result of sse(y_true=[[1.0, 2.0], [3.0, 4.0]], "
                          "y_pred=[[1.0, 2.5], [3.0, 5.0]]) differs at index 0: got 0.25, "
                          "expected 0.125 (and 1 other entries)")
    fb = compare_function(crashes, mean_squared_error, cases)
    assert fb.message == ("crashes(y_true=[1.0, 0.0], y_pred=[1.0, 0.0]) raised "
                          "AttributeError: 'list' object has no attribute 'shape'")
    fb = compare_function(mse, mean_squared_error, cases)
    assert fb.status == CORRECT and fb.message == "correct! (all 2 inputs match)"
    fb = compare_function(lambda a, b: "text", mean_squared_error, cases)
    assert fb.status == WRONG and "string" in fb.message


def test_choices_with_spellings():
    expected = {"a": "mse", "b": "binary_crossentropy"}
    hints = {"b": ("출력이 하나", "one output")}
    assert compare_choices({"a": ..., "b": ...}, expected).status == NOT_ATTEMPTED
    fb = compare_choices({"a": "mse", "b": "mse"}, expected, hints)
    assert fb.message == "(b) 'mse' is not right — one output"
    fb = compare_choices({"a": "mse", "b": ...}, expected)
    assert fb.message == "not answered yet: (b)"
    assert compare_choices(dict(expected), expected).ok
    lower = compare_choices({"a": "MSE", "b": "binary_crossentropy"}, expected,
                            normalize=lambda k, v: v.lower())
    assert lower.ok
    assert compare_choices([1], expected).message == "`answer` must be a dict, got list [1]"


def test_report_prints_one_line(capsys):
    assert report(exercise_name(1), compare_values(1.0, 1.0)) is None
    assert capsys.readouterr().out == "Exercise 1: ✅ correct!\n"


def test_parts_of_a_question():
    ok, off = compare_values(1.0, 1.0), compare_values(2.0, 1.0, name="dW")
    assert labelled("dW", "dW", ok) is ok
    assert labelled("part 1", "part 1", off).message == "part 1: `dW` = 2.0 is not right"
    todo = not_attempted()
    assert first_not_correct(todo, todo).status == NOT_ATTEMPTED
    assert first_not_correct(ok, todo, off) is todo
    assert first_not_correct(ok, ok).ok
    assert str(exercise_name(3)) == "Exercise 3"
    assert wrong("틀림", "wrong").status == WRONG


def test_a_check_that_breaks_still_answers(capsys):
    def broken(answer):
        raise RuntimeError("boom")

    ch01.CHAPTER.report(3, broken, 1.0)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 3: ❌ this answer cannot be checked (RuntimeError: boom)")


def test_hints_and_progress(capsys):
    ch01.hint(3)
    assert capsys.readouterr().out.startswith("Exercise 3 hint: pass the target first")
    ch01.hint("ex7")
    assert capsys.readouterr().out.startswith("Exercise 7 hint:")
    ch01.hint(42)
    assert "no exercise 42" in capsys.readouterr().out
    for k in ch01.CHAPTER.exercises:  # every exercise of every chapter has a hint
        assert ch01.CHAPTER.hints[k][0] and ch01.CHAPTER.hints[k][1]
    ch01.loss_names({"a": "mse", "b": "binary_crossentropy", "c": "sparse_categorical_crossentropy",
                     "d": "binary_crossentropy", "e": "categorical_crossentropy"})
    ch01.mse_vs_sse(1.0)
    capsys.readouterr()
    progress()
    line = capsys.readouterr().out
    assert line.startswith("Chapter 1 exercises (") and "4 ❌" in line and "7 ✅" in line
    progress(5)
    assert capsys.readouterr().out.startswith("Chapter 5 exercises")
    progress(99)
    assert "no exercises for chapter 99" in capsys.readouterr().out


@pytest.mark.parametrize("chapter", range(1, 8))
def test_every_exercise_of_every_chapter_has_a_hint(chapter):
    import importlib

    module = importlib.import_module(f"lossbook.exercises.ch{chapter:02d}")
    assert module.CHAPTER.exercises == list(range(1, len(module.CHAPTER.exercises) + 1))
    assert all(ko and en and ko != en or ko == en for ko, en in module.CHAPTER.hints.values())
    assert _lang.LANGUAGES == ("ko", "en")


@pytest.mark.parametrize("chapter", range(1, 8))
def test_each_exercise_cell_calls_a_check_of_its_chapter(chapter):
    """One hint per exercise cell, and every exercise and solution cell ends with a check
    of its own chapter's module (so progress() counts the right exercises)."""
    import importlib
    import json
    import pathlib
    import re

    module = importlib.import_module(f"lossbook.exercises.ch{chapter:02d}")
    book = pathlib.Path(__file__).resolve().parents[1] / "book" / "en"
    (path,) = book.glob(f"{chapter:02d}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    tagged = {"exercise": [], "solution": []}
    for cell in cells:
        for tag in set(cell.get("metadata", {}).get("tags", [])) & set(tagged):
            calls = re.findall(r"^check\.(\w+)\(", "".join(cell["source"]), flags=re.M)
            assert calls and calls[-1] in module.__all__, (tag, calls)
            tagged[tag].append(calls[-1])
    assert len(tagged["exercise"]) == len(module.CHAPTER.exercises)
    assert tagged["solution"] == tagged["exercise"]
