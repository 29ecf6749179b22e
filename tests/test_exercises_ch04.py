"""Chapter 4 exercise checks: right answers pass, placeholders wait, typical slips are named."""

import numpy as np
import pytest
from helpers import central_diff

from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from lossbook.exercises import ch04 as check

pytestmark = pytest.mark.usefixtures("english")


# -- exercise 1 -------------------------------------------------------------------------


def central(f, x, h=1e-4):  # a right answer: the shared test helper with the chapter's h
    return central_diff(f, x, h)


def test_numerical_gradient_right_and_placeholder():
    assert check.check_numerical_gradient(central).status == CORRECT

    def placeholder(f, x, h=1e-4):
        ...

    assert check.check_numerical_gradient(placeholder).status == NOT_ATTEMPTED
    assert check.check_numerical_gradient(...).status == NOT_ATTEMPTED


def test_numerical_gradient_forward_difference_is_named():
    def forward(f, x, h=1e-4):
        grad = np.zeros_like(x)
        fx = f(x)
        for idx in np.ndindex(x.shape):
            old = x[idx]
            x[idx] = old + h
            grad[idx] = (f(x) - fx) / h
            x[idx] = old
        return grad

    fb = check.check_numerical_gradient(forward)
    assert fb.status == WRONG
    assert fb.message.startswith("input 1: differs at index 0: got 6.0001")


def test_numerical_gradient_not_restoring_x_is_named():
    def forgets(f, x, h=1e-4):
        grad = np.zeros_like(x)
        for idx in np.ndindex(x.shape):
            old = x[idx]
            x[idx] = old + h
            up = f(x)
            x[idx] = old - h
            grad[idx] = (up - f(x)) / (2 * h)
        return grad

    fb = check.check_numerical_gradient(forgets)
    assert fb.status == WRONG
    assert "raised ChangedInputError" in fb.message and "put its original value back" in fb.message


# -- exercise 2 -------------------------------------------------------------------------


def test_gradient_descent():
    def descent(grad, init_x, learning_rate, steps):
        path = [init_x]
        for _ in range(steps):
            path.append(path[-1] - learning_rate * grad(path[-1]))
        return np.array(path)

    def last_point_only(grad, init_x, learning_rate, steps):
        return descent(grad, init_x, learning_rate, steps)[-1]

    def uphill(grad, init_x, learning_rate, steps):
        path = [init_x]
        for _ in range(steps):
            path.append(path[-1] + learning_rate * grad(path[-1]))
        return np.array(path)

    def placeholder(grad, init_x, learning_rate, steps):
        ...

    assert check.check_gradient_descent(descent).status == CORRECT
    assert check.check_gradient_descent(placeholder).status == NOT_ATTEMPTED
    fb = check.check_gradient_descent(last_point_only)
    assert fb.message == "input 1: shape differs: got (1,), expected (2, 1)"
    fb = check.check_gradient_descent(uphill)
    assert fb.status == WRONG
    assert fb.message.startswith("input 1: differs at index (1, 0): got 1.275, expected 1.225")


# -- exercises 3 to 7 ---------------------------------------------------------------------


def test_learning_rates():
    assert check.check_learning_rates(...).status == NOT_ATTEMPTED
    assert check.check_learning_rates([..., ..., ...]).status == NOT_ATTEMPTED
    assert check.check_learning_rates([0.0, 1.0, 1.2**10]).status == CORRECT
    assert check.check_learning_rates([0, 1, 6.19]).status == CORRECT
    fb = check.check_learning_rates([0.0, -1.0, 6.19])  # sign of (-1)**10 forgotten
    assert fb.status == WRONG and fb.message == "differs at index 1: got -1.0, expected 1.0"


def test_best_h():
    assert check.check_best_h({"forward": ..., "central": ...}).status == NOT_ATTEMPTED
    assert check.check_best_h({"forward": 1e-8, "central": 1e-4}).status == CORRECT
    fb = check.check_best_h({"forward": 1e-8, "central": 1e-12})  # "smaller is better"
    assert fb.status == WRONG
    assert fb.message.startswith("(central) 1e-12 is not right — for a quadratic")


def test_error_orders():
    assert check.check_error_orders({"forward": 1, "central": 2}).status == CORRECT
    fb = check.check_error_orders({"forward": 1, "central": 1})
    assert fb.status == WRONG and fb.message.startswith("(central) 1 is not right")
    assert check.check_error_orders({"forward": 1, "central": ...}).message == (
        "not answered yet: (central)")


def test_ravine():
    assert check.check_ravine(..., ...).status == NOT_ATTEMPTED
    x_100 = -7 * (1 - 0.99 / 10) ** 100
    assert check.check_ravine(1.0, x_100).status == CORRECT
    fb = check.check_ravine(2.0, x_100)  # 2/λ with λ = 1 instead of the y curvature 2
    assert fb.status == WRONG and fb.message == "max_lr: value differs: got 2.0, expected 1.0"
    fb = check.check_ravine(1.0, ...)
    assert fb.status == NOT_ATTEMPTED and fb.message.startswith("x_100: ")


def test_saddle_steps():
    assert check.check_saddle_steps(...).status == NOT_ATTEMPTED
    assert check.check_saddle_steps(102).status == CORRECT
    fb = check.check_saddle_steps(101)  # rounded down
    assert fb.status == WRONG
    assert fb.message.startswith("value differs: got 101.0, expected 102.0 (hint:")


def test_messages_in_korean(monkeypatch, capsys):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    check.saddle_steps(...)
    assert capsys.readouterr().out == "연습 7: ⏳ 아직 풀지 않았습니다.\n"
