"""Chapter 4 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong
from helpers import central_diff

from lossbook import gradients as grads
from lossbook.exercises import ch04 as check

pytestmark = pytest.mark.usefixtures("english")


def central(f, x, h=1e-4):
    """A learner's central-difference gradient: the tests' shared one, with the book's h."""
    return central_diff(f, x, h)


def test_ex1_numerical_gradient():
    assert_right(check.check_numerical_gradient(central))
    assert_right(check.check_numerical_gradient(grads.numerical_gradient))

    def forward(f, x, h=1e-4):
        x = np.array(x, dtype=float)
        g = np.zeros_like(x)
        for idx in np.ndindex(x.shape):
            keep = x[idx]
            x[idx] = keep + h
            g[idx] = (f(x) - f(np.where(np.arange(x.size).reshape(x.shape) == -1, 0, x))) / h
            x[idx] = keep
        return g

    def changes_x(f, x, h=1e-4):
        for idx in np.ndindex(x.shape):
            x[idx] += h
        return central(f, x, h)

    assert_wrong(check.check_numerical_gradient(forward), "forward(f=sphere, x=np.array([3, 4]))")
    assert_wrong(check.check_numerical_gradient(changes_x), "leaves x changed")
    assert_garbage_is_feedback(check.check_numerical_gradient, 1)


def descent(grad, init_x, learning_rate, steps):
    x = np.array(init_x, dtype=float)
    path = [x]
    for _ in range(steps):
        x = x - learning_rate * grad(x)
        path.append(x)
    return np.array(path)


def test_ex2_gradient_descent():
    assert_right(check.check_gradient_descent(descent))
    assert_right(check.check_gradient_descent(
        lambda grad, x0, lr, steps: [list(p) for p in descent(grad, x0, lr, steps)]))
    fb = check.check_gradient_descent(lambda g, x0, lr, steps: descent(g, x0, lr, steps)[1:])
    assert_wrong(fb, "has shape (1, 1); it needs shape (2, 1)")
    assert_garbage_is_feedback(check.check_gradient_descent, 1)


def test_ex3_learning_rates():
    assert_right(check.check_learning_rates([0.0, 1.0, 1.2**10]))
    assert_right(check.check_learning_rates(np.array([[0.0], [1.0], [6.1917364224]])))
    fb = check.check_learning_rates([0.0, 1.0, -(1.2**10)])
    assert_wrong(fb, "`x10` is not right at index 2")
    assert "expected" not in fb.message
    assert_garbage_is_feedback(check.check_learning_rates, 1)


def test_ex4_best_h():
    assert_right(check.check_best_h({"forward": 1e-8, "central": 1e-4}))
    assert_right(check.check_best_h({"forward": "1e-08", "central": np.float32(1e-4)}))
    assert_wrong(check.check_best_h({"forward": 1e-12, "central": 1e-4}), "(forward) 1e-12")
    assert_garbage_is_feedback(check.check_best_h, 1)


def test_ex5_error_orders():
    assert_right(check.check_error_orders({"forward": 1, "central": 2}))
    assert_right(check.check_error_orders({"forward": 1.0, "central": "2"}))
    assert_wrong(check.check_error_orders({"forward": 2, "central": 2}), "(forward) 2")
    assert_garbage_is_feedback(check.check_error_orders, 1)


def test_ex6_ravine():
    x_100 = -7 * (1 - 0.99 / 10) ** 100
    assert_right(check.check_ravine(1.0, x_100))
    assert_right(check.check_ravine(2 / 2, np.array([x_100])))
    assert_wrong(check.check_ravine(2.0, x_100), "`max_lr` = 2.0 is not right")
    assert_wrong(check.check_ravine(1.0, -7.0), "`x_100` = -7.0 is not right")
    assert_garbage_is_feedback(check.check_ravine, 2)


def test_ex7_saddle_steps():
    k = int(np.ceil(np.log(1e8) / np.log(1.2)))
    assert_right(check.check_saddle_steps(k))
    assert_right(check.check_saddle_steps(float(k)))
    fb = check.check_saddle_steps(k - 1)  # rounded down
    assert_wrong(fb, f"`steps_to_escape` = {float(k - 1)} is not right", "round up")
    assert_garbage_is_feedback(check.check_saddle_steps, 1)


def test_messages_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    fb = check.check_ravine(2.0, 1.0)
    assert fb.message == "`max_lr` = 2.0은(는) 맞지 않습니다"
