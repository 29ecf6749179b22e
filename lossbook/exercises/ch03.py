"""Checks for the exercises of chapter 3 (the perceptron).

Expected values come from :class:`lossbook.perceptron.Perceptron` itself::

    from lossbook.exercises import ch03 as check
    check.train_loop(my_train)
"""

from __future__ import annotations

import numpy as np

from ..perceptron import Perceptron, logic_gate_data
from . import (
    Chapter,
    Feedback,
    Text,
    as_number,
    compare_function,
    compare_values,
    first_not_correct,
    is_placeholder,
    not_attempted,
    wrong,
)

__all__ = ["train_loop", "small_learning_rate", "threshold", "xor_feature", "two_layer_xor",
           "hint", "progress"]

CHAPTER = Chapter(3, hints={
    1: ("가중치를 np.zeros(X.shape[1] + 1)로 시작하고, 에포크마다 샘플을 하나씩: "
        "z = x·w + b, 출력 = 1 if z > 0 else 0, 그리고 w += η(t − 출력)x, b += η(t − 출력)",
        "start from np.zeros(X.shape[1] + 1); in each epoch, one sample at a time: "
        "z = x·w + b, output = 1 if z > 0 else 0, then w += η(t − output)x, b += η(t − output)"),
    2: ("AND 데이터로 Perceptron을 학습률 0.1, 10 에포크로 학습하고 .weights를 보세요",
        "train a Perceptron on the AND data with learning rate 0.1 for 10 epochs and look at "
        ".weights"),
    3: ("b, w1, w2 = p_and.weights; 출력은 w1·x1 + w2·x2 > θ일 때 1이므로 θ = -b, "
        "입력 (1, 1)의 여유는 (w1 + w2) - θ",
        "b, w1, w2 = p_and.weights; the output is 1 when w1·x1 + w2·x2 > θ, so θ = -b, and "
        "the margin of input (1, 1) is (w1 + w2) - θ"),
    4: ("셋째 열은 앞의 두 열의 곱입니다: np.column_stack으로 X_xor 옆에 붙이세요",
        "the third column is the product of the first two: attach it to X_xor with "
        "np.column_stack"),
    5: ("첫 층: models['nand']와 models['or']의 predict(X_xor)를 두 열로 나란히 (모양 (4, 2)); "
        "둘째 층: 그 hidden에 models['and'].predict",
        "first layer: predict(X_xor) of models['nand'] and models['or'] side by side as two "
        "columns (shape (4, 2)); second layer: models['and'].predict of that hidden"),
})
hint = CHAPTER.hint
progress = CHAPTER.progress


def _package_weights(X, y, learning_rate, epochs):
    return Perceptron(np.shape(X)[1], learning_rate=learning_rate, epochs=epochs).fit(X, y).weights


def check_train_loop(fn) -> Feedback:
    cases = []
    for gate, lr, epochs in [("and", 0.2, 10), ("or", 0.2, 10), ("nand", 0.1, 3), ("xor", 0.2, 7)]:
        X, y = logic_gate_data(gate)
        cases.append((X, y, lr, epochs))
    return compare_function(fn, _package_weights, cases)


def train_loop(fn) -> None:
    """Exercise 1: ``fn(X, y, learning_rate, epochs)`` returns the weights [b, w1, ...]
    of the perceptron rule from zero, one sample at a time, like ``Perceptron.fit``."""
    CHAPTER.report(1, check_train_loop, fn)


def check_small_learning_rate(weights) -> Feedback:
    X, y = logic_gate_data("and")
    expected = _package_weights(X, y, 0.1, 10)
    fb = compare_values(weights, expected, name="weights_small")
    if not fb.ok:
        try:
            got = np.asarray(weights, dtype=float)
        except (TypeError, ValueError):
            return fb
        if got.shape == expected.shape and np.allclose(got, 2 * expected):
            fb = Feedback(fb.status, fb.text + Text(
                " (학습률 0.2의 가중치입니다)", " (those are the weights for learning rate 0.2)"))
    return fb


def small_learning_rate(weights) -> None:
    """Exercise 2: the AND weights after 10 epochs with learning rate 0.1."""
    CHAPTER.report(2, check_small_learning_rate, weights)


def check_threshold(theta, margin) -> Feedback:
    if is_placeholder(theta) and is_placeholder(margin):
        return not_attempted()
    X, y = logic_gate_data("and")
    b, w1, w2 = _package_weights(X, y, 0.2, 10)
    fb_theta = compare_values(theta, -b, name="theta")
    t = as_number(theta)
    if not fb_theta.ok and t is not None and np.isclose(t, b):
        fb_theta = Feedback(fb_theta.status, fb_theta.text + Text(
            " (임계값은 b가 아니라 -b입니다)", " (the threshold is -b, not b)"))
    fb_margin = compare_values(margin, w1 + w2 - (-b), name="margin")
    m = as_number(margin)
    if not fb_margin.ok and m is not None and np.isclose(m, w1 + w2):
        fb_margin = Feedback(fb_margin.status, fb_margin.text + Text(
            " (그것은 w1 + w2입니다: θ를 빼세요)", " (that is w1 + w2: subtract θ)"))
    return first_not_correct(fb_theta, fb_margin)


def threshold(theta, margin) -> None:
    """Exercise 3: the trained AND perceptron's threshold θ = -b and by how much the
    weighted sum w·x of input (1, 1) exceeds it."""
    CHAPTER.report(3, check_threshold, theta, margin)


def check_xor_feature(X3) -> Feedback:
    X, y = logic_gate_data("xor")
    expected = np.column_stack([X, X[:, 0] * X[:, 1]])
    fb = compare_values(X3, expected, name="X3")
    if fb.ok:
        p = Perceptron(3, learning_rate=0.2, epochs=10).fit(np.asarray(X3, float), y)
        fb = Feedback(fb.status, fb.text + Text(
            f" Perceptron(3)이 {p.converged_epoch} 에포크에 수렴합니다.",
            f" Perceptron(3) converges in epoch {p.converged_epoch}."))
    return fb


def xor_feature(X3) -> None:
    """Exercise 4: the XOR inputs with a third column x1·x2; the check trains Perceptron(3)."""
    CHAPTER.report(4, check_xor_feature, X3)


def _gate(gate, X):
    Xg, yg = logic_gate_data(gate)
    p = Perceptron(2, learning_rate=0.2, epochs=10).fit(Xg, yg)
    return p.predict(np.asarray(X, dtype=float))


def check_two_layer_xor(outputs, hidden=...) -> Feedback:
    """The hidden layer (NAND, OR of X_xor) and the output AND(hidden), which equals XOR.

    Both are checked, so copying the XOR targets does not pass: ``xor_out`` must be the
    AND perceptron applied to the learner's own ``hidden``.
    """
    X, y = logic_gate_data("xor")
    if is_placeholder(hidden) and is_placeholder(outputs):
        return not_attempted()
    if is_placeholder(hidden):
        return wrong("`hidden`이 아직 비어 있습니다: 은닉층(NAND와 OR의 출력)을 먼저 만들고 "
                     "`xor_out`은 거기에 AND를 적용해 구하세요",
                     "`hidden` is still empty: build the hidden layer (the NAND and OR outputs) "
                     "first, and get `xor_out` by applying AND to it")
    expected_hidden = np.column_stack([_gate("nand", X), _gate("or", X)])
    fb = compare_values(hidden, expected_hidden, name="hidden")
    if not fb.ok:
        try:
            got = np.asarray(hidden, dtype=float)
        except (TypeError, ValueError):
            return fb
        if got.shape == (4, 2) and np.array_equal(got, expected_hidden[:, ::-1]):
            fb = Feedback(fb.status, fb.text + Text(" (열 순서: NAND가 먼저, OR가 나중)",
                                                    " (column order: NAND first, then OR)"))
        return fb
    fb = compare_values(outputs, _gate("and", hidden), name="xor_out")
    if not fb.ok:
        return Feedback(fb.status, fb.text + Text(
            " — xor_out은 AND 퍼셉트론에 hidden을 넣은 출력입니다",
            " — xor_out is the AND perceptron applied to hidden"))
    return compare_values(outputs, y, name="xor_out")


def two_layer_xor(outputs, hidden=...) -> None:
    """Exercise 5: the hidden layer and the outputs of AND(NAND(x), OR(x)) on the four inputs."""
    CHAPTER.report(5, check_two_layer_xor, outputs, hidden)
