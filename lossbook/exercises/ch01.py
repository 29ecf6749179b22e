"""Checks for the exercises of chapter 1 (loss functions).

Every expected value comes from :mod:`lossbook.losses` itself::

    from lossbook.exercises import ch01 as check
    check.sum_squared_error(my_sse)
"""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid
from ..losses import (
    binary_crossentropy,
    cross_entropy_error,
    mean_squared_error,
    sum_squared_error,
)
from . import (
    NOT_ATTEMPTED,
    WRONG,
    Feedback,
    compare_choices,
    compare_function,
    compare_values,
    exercise_name,
    is_placeholder,
    report,
    say,
)

__all__ = [
    "sum_squared_error_fn",
    "cross_entropy_error_fn",
    "two_predictions",
    "mse_vs_sse",
    "bce_third_example",
    "from_logits",
    "loss_names",
]

# The output of the "What would I say" post (correct class 6) and two more one-sample cases.
_Y = np.array([0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.8, 0.0, 0.1, 0.0])
_T6 = np.eye(10)[6]
_ONE_SAMPLE_CASES = [
    (_T6, _Y),
    (np.eye(10)[4], _Y),
    (np.array([0.0, 1.0, 0.0]), np.array([0.2, 0.7, 0.1])),
]


def _values(values, expected, **kw) -> Feedback:
    """compare_values for several answers at once; a placeholder anywhere is 'not attempted'."""
    if any(is_placeholder(v) for v in values):
        return Feedback(NOT_ATTEMPTED, say("아직 풀지 않았습니다.", "not attempted yet."))
    return compare_values(list(values), expected, **kw)


def sum_squared_error_fn(fn) -> None:
    """Exercise 1: ``fn(y_true, y_pred)`` is the textbook ½·Σ(y - t)² of one sample."""
    report(exercise_name(1), compare_function(fn, sum_squared_error, _ONE_SAMPLE_CASES))


def cross_entropy_error_fn(fn) -> None:
    """Exercise 2: ``fn(y_true, y_pred)`` is -Σ t·log(y + δ), δ = 1e-7, of one sample.

    The second case gives the correct class probability 0: without δ the answer is inf.
    """
    report(exercise_name(2), compare_function(fn, cross_entropy_error, _ONE_SAMPLE_CASES))


def _two_predictions():
    y_a = np.zeros(10)
    y_a[[6, 5]] = [0.6, 0.4]
    y_b = np.zeros(10)
    y_b[[6, 0, 2, 4, 8]] = [0.6, 0.1, 0.1, 0.1, 0.1]
    return y_a, y_b


def two_predictions(sse_a, sse_b, cee_a, cee_b) -> None:
    """Exercise 3: the SSE and the CEE of the predictions ``y_a`` and ``y_b`` (class 6)."""
    y_a, y_b = _two_predictions()
    expected = [sum_squared_error(_T6, y_a), sum_squared_error(_T6, y_b),
                cross_entropy_error(_T6, y_a), cross_entropy_error(_T6, y_b)]
    report(exercise_name(3), _values([sse_a, sse_b, cee_a, cee_b], expected))


def mse_data():
    """The data of exercise 4: ``rng.random((4, 5))`` twice with seed 1 (y_pred, then y_true)."""
    rng = np.random.default_rng(1)
    y_pred = rng.random((4, 5))
    y_true = rng.random((4, 5))
    return y_true, y_pred


def mse_vs_sse(scaled) -> None:
    """Exercise 4: ``C/2 * mean(mean_squared_error(y_true, y_pred))`` equals the textbook SSE."""
    y_true, y_pred = mse_data()
    fb = compare_values(scaled, sum_squared_error(y_true, y_pred))
    if fb.status == WRONG and not is_placeholder(scaled):
        mse = float(np.mean(mean_squared_error(y_true, y_pred)))
        if np.isclose(float(np.asarray(scaled, dtype=float).sum()), mse):
            fb = Feedback(fb.status, fb.message + say(
                " (이것은 MSE 그대로입니다: C/2를 곱했나요?)",
                " (that is the MSE itself: did you multiply by C/2?)"))
    report(exercise_name(4), fb)


BCE_LABEL = np.array([1.0, 0.0, 0.0, 1.0, 0.0])
BCE_PREDICT = np.array([0.30, 0.40, 0.20, 0.65, 0.2])


def bce_third_example(value) -> None:
    """Exercise 5: the binary cross-entropy of the post's third example (mean over 5 samples).

    Both the Keras form (clipping) and the post's ``BCEE`` (δ = 1e-7 inside the log)
    are accepted: they differ by about 2e-7.
    """
    expected = float(binary_crossentropy(BCE_LABEL, BCE_PREDICT))
    fb = compare_values(value, expected, rtol=1e-6)
    if fb.status == WRONG and not is_placeholder(value):
        try:
            got = float(value)
        except (TypeError, ValueError):
            got = None
        if got is not None and np.isclose(got, expected * len(BCE_LABEL), rtol=1e-6):
            fb = Feedback(fb.status, fb.message + say(
                " (합을 구했습니다: 샘플 수 N으로 나누세요)",
                " (that is the sum: divide by the number of samples N)"))
    report(exercise_name(5), fb)


def from_logits(via_sigmoid, via_logits) -> None:
    """Exercise 6: BCE of t = 0, z = 30 through the sigmoid and with ``from_logits=True``."""
    t0, z30 = np.array([[0.0]]), np.array([[30.0]])
    expected = [float(binary_crossentropy(t0, sigmoid(z30))[0]),
                float(binary_crossentropy(t0, z30, from_logits=True)[0])]
    report(exercise_name(6), _values([via_sigmoid, via_logits], expected))


LOSS_NAMES = {
    "a": "mse",
    "b": "binary_crossentropy",
    "c": "sparse_categorical_crossentropy",
    "d": "binary_crossentropy",
    "e": "categorical_crossentropy",
}
_LOSS_HINTS = {
    "a": ("집값은 연속적인 수치입니다: 회귀", "a house price is a real number: regression"),
    "b": ("클래스가 둘: 시그모이드 출력 하나", "two classes: one sigmoid output"),
    "c": ("정수 레이블에는 'sparse'가 붙은 이름", "integer labels take the 'sparse' name"),
    "d": ("여러 물체가 동시에 있을 수 있음: 클래스마다 시그모이드",
          "several objects at once: one sigmoid per class"),
    "e": ("원-핫 정답에는 'sparse'가 없는 이름", "one-hot targets take the name without 'sparse'"),
}


def loss_names(answer) -> None:
    """Exercise 7: the Keras loss string for each of the problems (a)–(e)."""
    if isinstance(answer, dict) and answer.get("a") == "mae":
        answer = {**answer, "a": "mse"}  # "mae" is right too (many outliers)
    report(exercise_name(7), compare_choices(answer, LOSS_NAMES, _LOSS_HINTS))
