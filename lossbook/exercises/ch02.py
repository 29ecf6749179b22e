"""Checks for the exercises of chapter 2 (activation functions).

Expected values come from :mod:`lossbook.activations`::

    from lossbook.exercises import ch02 as check
    check.stable_softmax(my_softmax)
"""

from __future__ import annotations

import numpy as np

from ..activations import leaky_relu_grad, relu_grad, sigmoid_grad, softmax, tanh_grad
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

__all__ = ["vanishing_layers", "stable_softmax", "tanh_derivative", "three_layers",
           "dying_relu", "three_layer_weights"]


def vanishing_layers(layers) -> None:
    """Exercise 1: the smallest L with sigmoid'(0)**L < 1e-10 (sigmoid'(0) = 0.25)."""
    best = float(sigmoid_grad(0.0))
    expected = 1
    while best**expected >= 1e-10:
        expected += 1
    fb = compare_values(layers, expected)
    if fb.status == WRONG and not is_placeholder(layers):
        try:
            got = int(layers)
        except (TypeError, ValueError):
            got = None
        if got is not None and got == expected - 1:
            fb = Feedback(WRONG, fb.message + say(
                f" (0.25**{got} = {best**got:.2e}은 아직 1e-10보다 큽니다)",
                f" (0.25**{got} = {best**got:.2e} is still above 1e-10)"))
    report(exercise_name(1), fb)


_SOFTMAX_CASES = [
    (np.array([1.0, 2.0, 3.0]),),
    (np.array([-3.0, -2.0, -1.0]),),
    (np.array([1010.0, 1000.0, 990.0]),),
    (np.array([0.0, 800.0]),),
]


def stable_softmax(fn) -> None:
    """Exercise 2: ``fn(z)`` is the softmax of a 1-D logit vector, stable for large logits."""
    fb = compare_function(fn, softmax, _SOFTMAX_CASES)
    if fb.status == WRONG and "nan" in fb.message:
        fb = Feedback(WRONG, fb.message + say(
            " (np.exp가 넘쳤습니다: 먼저 최댓값을 빼세요)",
            " (np.exp overflowed: subtract the maximum first)"))
    report(exercise_name(2), fb)


def tanh_derivative(fn) -> None:
    """Exercise 3: ``fn(z)`` is the derivative of tanh, elementwise."""
    cases = [(np.linspace(-3.0, 3.0, 13),), (np.array([0.0, 20.0, -20.0]),)]
    report(exercise_name(3), compare_function(fn, tanh_grad, cases))


def three_layer_weights(seed: int = 3):
    """The weights of exercise 4: W1 (3, 4), b1 (4,), W2 (4, 5), b2 (5,), W3 (5, 2), b3 (2,)."""
    rng = np.random.default_rng(seed)
    shapes = [(3, 4), (4,), (4, 5), (5,), (5, 2), (2,)]
    return tuple(rng.normal(size=s) for s in shapes)


def three_layers(W, b) -> None:
    """Exercise 4: the single layer x·W + b equal to the three layers without activation."""
    if is_placeholder(W) or is_placeholder(b):
        report(exercise_name(4), not_attempted())
        return
    W1, b1, W2, b2, W3, b3 = three_layer_weights()
    x = np.random.default_rng(4).normal(size=(6, 3))
    expected = ((x @ W1 + b1) @ W2 + b2) @ W3 + b3
    try:
        got = x @ np.asarray(W, dtype=float) + np.asarray(b, dtype=float)
    except (TypeError, ValueError) as exc:
        report(exercise_name(4), Feedback(WRONG, say(
            f"x @ W + b를 계산할 수 없습니다: {exc}", f"cannot compute x @ W + b: {exc}")))
        return
    fb = compare_values(got, expected)
    if not fb.ok:
        fb = Feedback(WRONG, say("여섯 입력에서 x @ W + b가 세 층과 다릅니다: ",
                                 "x @ W + b differs from the three layers on six inputs: ")
                      + fb.message)
    report(exercise_name(4), fb)


def dying_relu(relu_slope, leaky_slope) -> None:
    """Exercise 5: the derivatives of ReLU and of Leaky ReLU (lossbook's default) at z = -2."""
    if is_placeholder(relu_slope) or is_placeholder(leaky_slope):
        report(exercise_name(5), not_attempted())
        return
    expected = [float(relu_grad(-2.0)), float(leaky_relu_grad(-2.0))]
    fb = compare_values([relu_slope, leaky_slope], expected)
    if fb.status == WRONG:
        try:
            leaky = float(leaky_slope)
        except (TypeError, ValueError):
            leaky = None
        if leaky is not None and np.isclose(leaky, 0.3):
            fb = Feedback(WRONG, fb.message + say(
                " (0.3은 keras.layers.LeakyReLU 층의 기본값입니다. 함수의 기본값은?)",
                " (0.3 is the default of the keras.layers.LeakyReLU layer; and the function's?)"))
    report(exercise_name(5), fb)
