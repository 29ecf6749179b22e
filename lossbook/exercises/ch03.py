"""Checks for the exercises of chapter 3 (the perceptron).

Expected values come from :class:`lossbook.perceptron.Perceptron` itself::

    from lossbook.exercises import ch03 as check
    check.train_loop(my_train)
"""

from __future__ import annotations

import numpy as np

from ..perceptron import Perceptron, logic_gate_data
from . import (
    WRONG,
    Feedback,
    compare_function,
    compare_values,
    exercise_name,
    is_placeholder,
    not_attempted,
    report,
    say,
)

__all__ = ["train_loop", "small_learning_rate", "threshold", "xor_feature", "two_layer_xor"]


def _package_weights(X, y, learning_rate, epochs):
    return Perceptron(np.shape(X)[1], learning_rate=learning_rate, epochs=epochs).fit(X, y).weights


def train_loop(fn) -> None:
    """Exercise 1: ``fn(X, y, learning_rate, epochs)`` returns the weights [b, w1, ...]
    of the perceptron rule from zero, one sample at a time, like ``Perceptron.fit``."""
    cases = []
    for gate, lr, epochs in [("and", 0.2, 10), ("or", 0.2, 10), ("nand", 0.1, 3), ("xor", 0.2, 7)]:
        X, y = logic_gate_data(gate)
        cases.append((X, y, lr, epochs))
    report(exercise_name(1), compare_function(fn, _package_weights, cases))


def small_learning_rate(weights) -> None:
    """Exercise 2: the AND weights after 10 epochs with learning rate 0.1."""
    X, y = logic_gate_data("and")
    expected = _package_weights(X, y, 0.1, 10)
    fb = compare_values(weights, expected)
    if fb.status == WRONG:
        try:
            got = np.asarray(weights, dtype=float)
        except (TypeError, ValueError):
            got = None
        if got is not None and got.shape == expected.shape and np.allclose(got, 2 * expected):
            fb = Feedback(WRONG, fb.message + say(
                " (학습률 0.2의 가중치입니다)", " (those are the weights for learning rate 0.2)"))
    report(exercise_name(2), fb)


def threshold(theta, margin) -> None:
    """Exercise 3: the trained AND perceptron's threshold θ = -b and by how much the
    weighted sum w·x of input (1, 1) exceeds it."""
    if is_placeholder(theta) or is_placeholder(margin):
        report(exercise_name(3), not_attempted())
        return
    X, y = logic_gate_data("and")
    b, w1, w2 = _package_weights(X, y, 0.2, 10)
    fb = compare_values([theta, margin], [-b, w1 + w2 - (-b)])
    if fb.status == WRONG:
        try:
            t = float(theta)
        except (TypeError, ValueError):
            t = None
        if t is not None and np.isclose(t, b):
            fb = Feedback(WRONG, fb.message + say(
                " (임계값은 b가 아니라 -b입니다)", " (the threshold is -b, not b)"))
    report(exercise_name(3), fb)


def xor_feature(X3) -> None:
    """Exercise 4: the XOR inputs with a third column x1·x2; the check trains Perceptron(3)."""
    X, y = logic_gate_data("xor")
    expected = np.column_stack([X, X[:, 0] * X[:, 1]])
    fb = compare_values(X3, expected)
    if fb.ok:
        p = Perceptron(3, learning_rate=0.2, epochs=10).fit(np.asarray(X3, float), y)
        fb = Feedback(fb.status, fb.message + say(
            f" Perceptron(3)이 {p.converged_epoch} 에포크에 수렴합니다.",
            f" Perceptron(3) converges in epoch {p.converged_epoch}."))
    report(exercise_name(4), fb)


def two_layer_xor(outputs) -> None:
    """Exercise 5: the outputs of AND(NAND(x), OR(x)) on the four inputs equal XOR."""
    _, y = logic_gate_data("xor")
    report(exercise_name(5), compare_values(outputs, y))
