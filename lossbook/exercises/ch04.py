"""Checks for the exercises of chapter 4 (gradient descent).

Every expected value is computed here with lossbook's own implementation
(:mod:`lossbook.gradients`), never typed in::

    from lossbook.exercises import ch04 as check
    check.numerical_gradient(my_numerical_gradient)
"""

from __future__ import annotations

import functools

import numpy as np

from .. import gradients as grads
from . import (
    CORRECT,
    NOT_ATTEMPTED,
    Chapter,
    Feedback,
    Text,
    as_number,
    compare_choices,
    compare_function,
    compare_values,
    first_not_correct,
    is_placeholder,
    not_attempted,
)

__all__ = [
    "numerical_gradient",
    "gradient_descent",
    "learning_rates",
    "best_h",
    "error_orders",
    "ravine",
    "saddle_steps",
    "hint",
    "progress",
]

CHAPTER = Chapter(4, hints={
    1: ("x를 float 복사본으로 만들고(np.array(x, dtype=float)), np.ndindex(x.shape)로 원소마다: "
        "원래 값을 기억하고, +h와 -h에서 f를 계산하고, 원래 값으로 되돌린 뒤 "
        "(f(x+h) - f(x-h)) / (2h)",
        "make x a float copy (np.array(x, dtype=float)); for each idx in np.ndindex(x.shape): "
        "remember the value, evaluate f at +h and at -h, put the value back, and store "
        "(f(x+h) - f(x-h)) / (2h)"),
    2: ("path = [x]로 시작해 steps번 x = x - learning_rate * grad(x)를 하고 매번 path에 "
        "붙이세요; np.array(path)를 돌려줍니다",
        "start with path = [x], repeat x = x - learning_rate * grad(x) steps times appending "
        "each x, and return np.array(path)"),
    3: ("x²의 기울기는 2x라서 한 걸음마다 x에 (1 - 2η)가 곱해집니다: x_10 = (1 - 2η)**10",
        "the gradient of x² is 2x, so each step multiplies x by (1 - 2η): x_10 = (1 - 2η)**10"),
    4: ("numerical_derivative(f, 2.0, h=h, method=...)를 세 h로 계산하고 참값 4와의 오차를 "
        "비교하세요",
        "compute numerical_derivative(f, 2.0, h=h, method=...) for the three h and compare the "
        "errors with the true value 4"),
    5: ("h를 10배 줄였을 때 오차가 몇 배 주는지 재 보세요: 10배면 차수 1, 100배면 차수 2",
        "measure how much the error shrinks when h is 10 times smaller: 10 times means order 1, "
        "100 times order 2"),
    6: ("한 걸음마다 x에는 (1 - η/10), y에는 (1 - 2η)가 곱해집니다: |1 - 2η| < 1이어야 합니다",
        "each step multiplies x by (1 - η/10) and y by (1 - 2η): it needs |1 - 2η| < 1"),
    7: ("x² - y²에서 한 걸음마다 y에 (1 + 2η) = 1.2가 곱해집니다: 1.2**k · 1e-8 > 1인 가장 작은 "
        "정수 k",
        "on x² - y² each step multiplies y by (1 + 2η) = 1.2: the smallest whole k with "
        "1.2**k · 1e-8 > 1"),
})
hint = CHAPTER.hint
progress = CHAPTER.progress


class ChangedInputError(Exception):
    """Raised (and reported) when the learner's function modifies the caller's x."""


# -- exercise 1: the numerical gradient ----------------------------------------------------


def _tiny_model_loss(W):
    """Squared error of a 2-input, 3-output linear model: a function of a matrix W."""
    X = np.array([[1.0, -2.0], [0.5, 3.0]])
    T = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    return 0.5 * np.sum((np.tanh(X @ W) - T) ** 2)


def _gradient_cases():
    return [
        (grads.sphere, np.array([3.0, 4.0])),
        (lambda p: 2 * p[0] + 3 * p[1] ** 2 - np.sin(p[2]), np.array([1.0, 2.0, 0.5])),
        (lambda p: p[0] * p[1] + np.sin(p[1] * p[2]) + p[3] ** 3, np.array([1.0, -2.0, 0.5, 1.5])),
        (_tiny_model_loss, np.array([[0.1, -0.2, 0.3], [0.4, 0.0, -0.1]])),
    ]


def _guarded(fn):
    """Call the learner's fn on a copy of x and refuse a function that changes x."""

    @functools.wraps(fn)
    def call(f, x):
        x_in = np.array(x, dtype=float)
        before = x_in.copy()
        out = fn(f, x_in)
        if not np.array_equal(x_in, before):
            raise ChangedInputError(Text(
                "함수가 x를 바꾼 채로 돌려줍니다. 원소 하나를 ±h 만큼 움직였다면 "
                "다음 원소로 가기 전에 원래 값으로 되돌리세요",
                "your function leaves x changed; after moving one element by ±h, put its original "
                "value back before moving on to the next element",
            ))
        return out

    return call


def check_numerical_gradient(fn) -> Feedback:
    if not callable(fn):
        return compare_function(fn, grads.numerical_gradient, [])
    return compare_function(_guarded(fn), grads.numerical_gradient, _gradient_cases(), rtol=1e-7,
                            atol=1e-9)


def numerical_gradient(fn) -> None:
    """Exercise 1: ``fn(f, x)`` returns the central-difference gradient of f at x (any shape)."""
    CHAPTER.report(1, check_numerical_gradient, fn)


# -- exercise 2: gradient descent -----------------------------------------------------------


def _descent_reference(grad, init_x, learning_rate, steps):
    def anything(x):  # gradient_descent only evaluates f once, to check it returns a number
        return 0.0

    return grads.gradient_descent(anything, init_x, learning_rate=learning_rate, steps=steps,
                                  grad=grad)


def _descent_cases():
    return [
        (grads.sphere_grad, np.array([1.25]), 0.01, 1),
        (grads.sphere_grad, np.array([-3.0, 4.0]), 0.1, 5),
        (grads.ravine_grad, np.array([-7.0, 2.0]), 0.5, 4),
        (grads.saddle_grad, np.array([-1.0, 0.001]), 0.1, 3),
    ]


def check_gradient_descent(fn) -> Feedback:
    if not callable(fn):
        return compare_function(fn, _descent_reference, [])

    @functools.wraps(fn)
    def call(grad, init_x, learning_rate, steps):
        return fn(grad, np.array(init_x, dtype=float), learning_rate, steps)

    return compare_function(call, _descent_reference, _descent_cases())


def gradient_descent(fn) -> None:
    """Exercise 2: ``fn(grad, init_x, learning_rate, steps)`` returns the path, start included."""
    CHAPTER.report(2, check_gradient_descent, fn)


# -- exercise 3: three learning rates on x**2 -----------------------------------------------

LEARNING_RATES = (0.5, 1.0, 1.1)


def _x10():
    return np.array([
        grads.gradient_descent(grads.sphere, [1.0], learning_rate=lr, steps=10,
                               grad=grads.sphere_grad)[-1, 0]
        for lr in LEARNING_RATES
    ])


def check_learning_rates(answer) -> Feedback:
    if is_placeholder(answer) or (
        isinstance(answer, (list, tuple)) and all(is_placeholder(a) for a in answer)
    ):
        return not_attempted()
    return compare_values(answer, _x10(), rtol=1e-3, atol=1e-3, name="x10")


def learning_rates(answer) -> None:
    """Exercise 3: ``answer`` = [x_10 for η = 0.5, 1.0, 1.1], starting from x_0 = 1 on x²."""
    CHAPTER.report(3, check_learning_rates, answer)


# -- exercise 4: the best h -------------------------------------------------------------------

STEPS_H = (1e-4, 1e-8, 1e-12)


def _best_h(method):
    def f(x):
        return x**2 + 3

    errors = [abs(grads.numerical_derivative(f, 2.0, h=h, method=method) - 4.0) for h in STEPS_H]
    return STEPS_H[int(np.argmin(errors))]


def check_best_h(answer) -> Feedback:
    expected = {"forward": _best_h("forward"), "central": _best_h("central")}
    hints = {
        "forward": ("절단 오차는 h에 비례해 줄고, 반올림 오차는 1/h에 비례해 커집니다: "
                    "둘이 비슷해지는 곳",
                    "truncation error shrinks like h, rounding error grows like 1/h: "
                    "look where they meet"),
        "central": ("이차 함수에서는 f''' = 0이라 중앙 차분의 절단 오차가 0입니다: "
                    "남는 것은 반올림 오차뿐",
                    "for a quadratic f''' = 0, so the central difference has no truncation error: "
                    "only rounding error is left"),
    }
    return compare_choices(answer, expected, hints, normalize=_one_of(STEPS_H), name="best")


def _one_of(options):
    """A normalizer for compare_choices: any spelling of a number ("1e-08", 1e-8, [1e-8])
    becomes the option it equals."""

    def normalize(item, value):
        number = as_number(value)
        if number is None:
            return value
        return next((o for o in options if np.isclose(number, o, rtol=1e-6, atol=0)), value)

    return normalize


def best_h(answer) -> None:
    """Exercise 4: ``answer = {"forward": h, "central": h}``, each one of 1e-4, 1e-8, 1e-12."""
    CHAPTER.report(4, check_best_h, answer)


# -- exercise 5: orders of the truncation error -------------------------------------------------


def _measured_order(method):
    """Slope of log(error) against log(h) for e^x at x = 1, where truncation error dominates."""
    h1, h2 = 1e-2, 1e-3
    e1, e2 = (abs(grads.numerical_derivative(np.exp, 1.0, h=h, method=method) - np.e)
              for h in (h1, h2))
    return int(round(np.log(e1 / e2) / np.log(h1 / h2)))


def check_error_orders(answer) -> Feedback:
    expected = {"forward": _measured_order("forward"), "central": _measured_order("central")}
    hints = {
        "forward": ("f(x+h) - f(x)를 h로 나누면 남는 첫 오차 항은 (h/2)·f''(x)입니다",
                    "divide f(x+h) - f(x) by h: the first error term left is (h/2)·f''(x)"),
        "central": ("f(x+h) - f(x-h)에서는 f(x)와 f'' 항이 상쇄됩니다: 남는 첫 항은 f''' 항",
                    "in f(x+h) - f(x-h) the f(x) and f'' terms cancel: the first term left is the "
                    "f''' term"),
    }
    return compare_choices(answer, expected, hints, normalize=_one_of((1, 2, 3, 4)),
                           name="order")


def error_orders(answer) -> None:
    """Exercise 5: ``answer = {"forward": p, "central": q}``, errors proportional to h**p, h**q."""
    CHAPTER.report(5, check_error_orders, answer)


# -- exercise 6: the largest learning rate on the ravine ----------------------------------------


def _ravine_max_lr():
    """2 / (largest curvature), the curvatures being the eigenvalues of the numerical Hessian."""
    point = np.array([-7.0, 2.0])
    hessian = np.array([grads.numerical_gradient(lambda p, i=i: grads.ravine_grad(p)[i], point)
                        for i in range(2)])
    return 2.0 / float(np.max(np.linalg.eigvalsh((hessian + hessian.T) / 2)))


def _ravine_x100():
    path = grads.gradient_descent(grads.ravine, [-7.0, 2.0], learning_rate=0.99, steps=100,
                              grad=grads.ravine_grad)
    return float(path[-1, 0])


def check_ravine(max_lr, x_100) -> Feedback:
    return first_not_correct(
        compare_values(max_lr, _ravine_max_lr(), rtol=1e-6, name="max_lr"),
        compare_values(x_100, _ravine_x100(), rtol=1e-2, name="x_100"),
    )


def ravine(max_lr, x_100) -> None:
    """Exercise 6: the largest stable learning rate, and x after 100 steps at η = 0.99."""
    CHAPTER.report(6, check_ravine, max_lr, x_100)


# -- exercise 7: escaping the saddle ------------------------------------------------------------


def _escape_steps():
    path = grads.gradient_descent(grads.saddle, [1.0, 1e-8], learning_rate=0.1, steps=200,
                              grad=grads.saddle_grad)
    return int(np.argmax(np.abs(path[:, 1]) > 1))


def check_saddle_steps(answer) -> Feedback:
    fb = compare_values(answer, _escape_steps(), rtol=0, atol=0, name="steps_to_escape")
    if fb.status == CORRECT or fb.status == NOT_ATTEMPTED:
        return fb
    hint = Text(" — 1.2**k · 1e-8 > 1 을 만족하는 가장 작은 정수 k; 올림을 했나요?",
                " — the smallest whole k with 1.2**k · 1e-8 > 1; did you round up?")
    return Feedback(fb.status, fb.text + hint)


def saddle_steps(answer) -> None:
    """Exercise 7: the number of steps until |y| > 1 from (1, 1e-8) on x² - y², η = 0.1."""
    CHAPTER.report(7, check_saddle_steps, answer)
