"""Checks for the exercises of chapter 2 (activation functions).

Expected values come from :mod:`lossbook.activations`::

    from lossbook.exercises import ch02 as check
    check.stable_softmax(my_softmax)
    check.hint(2)
"""

from __future__ import annotations

import numpy as np

from ..activations import leaky_relu_grad, relu_grad, sigmoid_grad, softmax, tanh_grad
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
)

__all__ = ["vanishing_layers", "stable_softmax", "tanh_derivative", "three_layers",
           "dying_relu", "three_layer_weights", "hint", "progress"]

CHAPTER = Chapter(2, hints={
    1: ("σ'(0) = 0.25입니다. 0.25**L을 L = 1, 2, …에 대해 계산하며 처음으로 1e-10보다 작아지는 "
        "L을 찾으세요 (while 반복문, 또는 log로)",
        "σ'(0) = 0.25. Compute 0.25**L for L = 1, 2, … and find the first L below 1e-10 "
        "(a while loop, or a logarithm)"),
    2: ("소프트맥스는 모든 z에서 같은 상수를 빼도 변하지 않습니다: z - z.max()로 np.exp가 넘치지 "
        "않게 하세요",
        "softmax does not change when the same constant is subtracted from every z: use "
        "z - z.max() so that np.exp cannot overflow"),
    3: ("tanh를 미분하면 tanh 자신으로 쓸 수 있습니다 (시그모이드의 σ(1 - σ)처럼)",
        "the derivative of tanh can be written with tanh itself (like the sigmoid's σ(1 - σ))"),
    4: ("((x W1 + b1) W2 + b2) W3 + b3를 전개하세요: W = W1 @ W2 @ W3이고 "
        "b는 b1, b2, b3가 뒤의 행렬을 거친 것의 합",
        "expand ((x W1 + b1) W2 + b2) W3 + b3: W = W1 @ W2 @ W3, and b is the sum of b1, b2, b3 "
        "each multiplied by the matrices after it"),
    5: ("activations.relu_grad와 activations.leaky_relu_grad를 z = -2.0에서 불러 보세요 "
        "(함수의 기본 기울기)",
        "call activations.relu_grad and activations.leaky_relu_grad at z = -2.0 "
        "(the function's default slope)"),
})
hint = CHAPTER.hint
progress = CHAPTER.progress


def _slip(fb: Feedback, got, slips) -> Feedback:
    """Append the hint of a known slip ``{value: (ko, en)}`` to a wrong single value."""
    value = as_number(got)
    if fb.ok or value is None:
        return fb
    for slip, (ko, en) in slips.items():
        if np.isclose(value, slip, rtol=1e-9, atol=1e-12):
            return Feedback(fb.status, fb.text + Text(f" — {ko}", f" — {en}"))
    return fb


# -- exercise 1 -------------------------------------------------------------------------------


def check_vanishing_layers(layers) -> Feedback:
    best = float(sigmoid_grad(0.0))
    expected = 1
    while best**expected >= 1e-10:
        expected += 1
    fb = compare_values(layers, expected, rtol=0.0, atol=0.0, name="layers")
    below = expected - 1
    return _slip(fb, layers, {
        below: (f"0.25**{below} = {best**below:.2e}은 아직 1e-10보다 큽니다",
                f"0.25**{below} = {best**below:.2e} is still above 1e-10"),
        1e-10: ("L은 층의 수(정수)입니다", "L is a number of layers (a whole number)"),
    })


def vanishing_layers(layers) -> None:
    """Exercise 1: the smallest L with sigmoid'(0)**L < 1e-10 (sigmoid'(0) = 0.25)."""
    CHAPTER.report(1, check_vanishing_layers, layers)


# -- exercise 2 -------------------------------------------------------------------------------

_SOFTMAX_CASES = [
    (np.array([1.0, 2.0, 3.0]),),
    (np.array([-3.0, -2.0, -1.0]),),
    (np.array([1010.0, 1000.0, 990.0]),),
    (np.array([0.0, 800.0]),),
]


def check_stable_softmax(fn) -> Feedback:
    fb = compare_function(fn, softmax, _SOFTMAX_CASES)
    if not fb.ok and "nan" in fb.text.en:
        fb = Feedback(fb.status, fb.text + Text(
            " (np.exp가 넘쳤습니다: 먼저 최댓값을 빼세요)",
            " (np.exp overflowed: subtract the maximum first)"))
    return fb


def stable_softmax(fn) -> None:
    """Exercise 2: ``fn(z)`` is the softmax of a 1-D logit vector, stable for large logits."""
    CHAPTER.report(2, check_stable_softmax, fn)


# -- exercise 3 -------------------------------------------------------------------------------


def check_tanh_derivative(fn) -> Feedback:
    cases = [(np.linspace(-3.0, 3.0, 13),), (np.array([0.0, 20.0, -20.0]),)]
    return compare_function(fn, tanh_grad, cases)


def tanh_derivative(fn) -> None:
    """Exercise 3: ``fn(z)`` is the derivative of tanh, elementwise."""
    CHAPTER.report(3, check_tanh_derivative, fn)


# -- exercise 4 -------------------------------------------------------------------------------


def three_layer_weights(seed: int = 3):
    """The weights of exercise 4: W1 (3, 4), b1 (4,), W2 (4, 5), b2 (5,), W3 (5, 2), b3 (2,)."""
    rng = np.random.default_rng(seed)
    shapes = [(3, 4), (4,), (4, 5), (5,), (5, 2), (2,)]
    return tuple(rng.normal(size=s) for s in shapes)


def check_three_layers(W, b) -> Feedback:
    """The single layer x·W + b equal to the three layers without activation: since
    ((x W1 + b1) W2 + b2) W3 + b3 = x (W1 W2 W3) + ((b1 W2 + b2) W3 + b3) for every x,
    W and b are compared with those two products."""
    if is_placeholder(W) and is_placeholder(b):
        return not_attempted()
    W1, b1, W2, b2, W3, b3 = three_layer_weights()
    return first_not_correct(compare_values(W, W1 @ W2 @ W3, name="W"),
                             compare_values(b, (b1 @ W2 + b2) @ W3 + b3, name="b"))


def three_layers(W, b) -> None:
    """Exercise 4: the single layer x·W + b equal to the three layers without activation."""
    CHAPTER.report(4, check_three_layers, W, b)


# -- exercise 5 -------------------------------------------------------------------------------


def check_dying_relu(relu_slope, leaky_slope) -> Feedback:
    if is_placeholder(relu_slope) and is_placeholder(leaky_slope):
        return not_attempted()
    fb_relu = _slip(compare_values(relu_slope, float(relu_grad(-2.0)), name="relu_slope"),
                    relu_slope, {1.0: ("z = -2는 음수입니다", "z = -2 is negative")})
    fb_leaky = _slip(
        compare_values(leaky_slope, float(leaky_relu_grad(-2.0)), name="leaky_slope"),
        leaky_slope, {0.3: ("0.3은 keras.layers.LeakyReLU 층의 기본값입니다. 함수의 기본값은?",
                            "0.3 is the default of the keras.layers.LeakyReLU layer; "
                            "and the function's?"),
                      0.01: ("0.01은 흔히 쓰는 값이지만 lossbook(과 keras.activations)의 "
                             "기본값은 아닙니다",
                             "0.01 is common, but not the default of lossbook "
                             "(or keras.activations)")})
    return first_not_correct(fb_relu, fb_leaky)


def dying_relu(relu_slope, leaky_slope) -> None:
    """Exercise 5: the derivatives of ReLU and of Leaky ReLU (lossbook's default) at z = -2."""
    CHAPTER.report(5, check_dying_relu, relu_slope, leaky_slope)
