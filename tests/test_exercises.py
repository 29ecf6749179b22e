"""The exercise checks: placeholder, wrong answers named precisely, right answers."""

import numpy as np
import pytest

from lossbook.exercises import (
    CORRECT,
    NOT_ATTEMPTED,
    WRONG,
    compare_choices,
    compare_function,
    compare_values,
    exercise_name,
    first_not_correct,
    labelled,
    not_attempted,
    report,
    say,
    wrong,
)
from lossbook.losses import mean_squared_error

pytestmark = pytest.mark.usefixtures("english")


def test_say_follows_the_notebook_language(monkeypatch, tmp_path):
    assert say("손실", "loss") == "loss"
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert say("손실", "loss") == "손실"
    monkeypatch.delenv("LOSSBOOK_LANG")
    monkeypatch.chdir(tmp_path)  # neither ko nor en: Colab's /content
    assert say("손실", "loss") == "손실 / loss"


def test_values_placeholder_wrong_right():
    assert compare_values(..., 1.0).status == NOT_ATTEMPTED
    assert compare_values(0.5, 0.5 + 1e-12).status == CORRECT
    wrong = compare_values(0.4, 0.5)
    assert wrong.status == WRONG and wrong.message == "value differs: got 0.4, expected 0.5"


def test_values_name_the_first_differing_index():
    got = np.array([1.0, 2.0, 3.0, 9.0, 8.0])
    fb = compare_values(got, [1.0, 2.0, 3.0, 4.0, 5.0])
    assert fb.message == "differs at index 3: got 9.0, expected 4.0 (and 1 other entries)"
    fb = compare_values(np.eye(2), np.zeros((2, 2)))
    assert fb.message.startswith("differs at index (0, 0): got 1.0, expected 0.0")


def test_values_shape_type_and_nan():
    fb = compare_values([1.0, 2.0], [1.0, 2.0, 3.0])
    assert fb.message == "shape differs: got (2,), expected (3,)"
    assert "expected a number or array" in compare_values("abc", 1.0).message
    assert compare_values([np.nan], [1.0]).status == WRONG


def test_values_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert compare_values(0.4, 0.5).message == "값이 다릅니다: 0.4, 기대한 값은 0.5"
    assert compare_values(..., 0.5).message == "아직 풀지 않았습니다."


def test_function_checks():
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
    expected = "input 2: differs at index 0: got 0.25, expected 0.125 (and 1 other entries)"
    assert fb.message == expected
    fb = compare_function(crashes, mean_squared_error, cases)
    assert fb.message == "input 1 raised AttributeError: 'list' object has no attribute 'shape'"
    fb = compare_function(mse, mean_squared_error, cases)
    assert fb.status == CORRECT and fb.message == "correct! (all 2 inputs match)"


def test_choices():
    expected = {"a": "mse", "b": "binary_crossentropy"}
    hints = {"b": ("출력이 하나", "one output")}
    assert compare_choices({"a": ..., "b": ...}, expected).status == NOT_ATTEMPTED
    fb = compare_choices({"a": "mse", "b": "mse"}, expected, hints)
    assert fb.message == "(b) 'mse' is not right — one output"
    fb = compare_choices({"a": "mse", "b": ...}, expected)
    assert fb.message == "not answered yet: (b)"
    assert compare_choices(dict(expected), expected).ok


def test_report_prints_one_line(capsys):
    assert report("Exercise 1", compare_values(1.0, 1.0)) is None
    assert capsys.readouterr().out == "Exercise 1: ✅ correct!\n"


def test_parts_of_a_question():
    ok, off = compare_values(1.0, 1.0), compare_values(2.0, 1.0)
    assert labelled("dW", "dW", ok) is ok
    assert labelled("dW", "dW", off).message == "dW: value differs: got 2.0, expected 1.0"
    todo = not_attempted()
    assert first_not_correct(todo, todo).status == NOT_ATTEMPTED
    assert first_not_correct(ok, todo, off) is todo
    assert first_not_correct(ok, ok).ok
    assert exercise_name(3) == "Exercise 3"
    assert wrong("틀림", "wrong").status == WRONG
