"""Chapter 6 exercise checks: the right answer passes, the placeholder is "not attempted",
typical wrong answers are named precisely."""

import numpy as np
import pytest

from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from lossbook.exercises import ch06 as check
from lossbook.gradients import ravine_grad
from lossbook.optimizers import Adagrad, minimize

pytestmark = pytest.mark.usefixtures("english")


def test_first_steps():
    rms = 0.01 * 2 / np.sqrt(0.1 * 4 + 1e-7)
    adam = 0.01 * np.sqrt(0.001) / 0.1 * 0.2 / (np.sqrt(0.004) + 1e-7)
    assert check.check_first_steps(rms, adam).status == CORRECT
    assert check.check_first_steps(0.03162, 0.01).status == CORRECT  # rounded by hand
    assert check.check_first_steps(..., ...).status == NOT_ATTEMPTED
    wrong = check.check_first_steps(0.01, 0.01)  # RMSprop "is" lr·sign(g): forgets the bias
    assert wrong.status == WRONG and wrong.message.startswith("RMSprop: value differs: got 0.01")
    wrong = check.check_first_steps(rms, 0.01 * 0.2 / np.sqrt(0.004) * 0.1)  # no correction
    assert wrong.status == WRONG and wrong.message.startswith("Adam: ")


def test_momentum_step():
    def right(w, v, g, lr, mu):
        v = mu * v - lr * g
        return w + v, v

    def wrong_sign(w, v, g, lr, mu):
        v = mu * v + lr * g
        return w + v, v

    def placeholder(w, v, g, lr, mu):
        ...

    assert check.check_momentum_step(right).status == CORRECT
    assert check.check_momentum_step(...).status == NOT_ATTEMPTED
    assert check.check_momentum_step(placeholder).status == NOT_ATTEMPTED
    fb = check.check_momentum_step(wrong_sign)
    assert fb.status == WRONG and fb.message.startswith("input 1, step 1, v: differs at index 0")
    fb = check.check_momentum_step(lambda w, v, g, lr, mu: w - lr * g)
    assert fb.status == WRONG and "(new w, new v)" in fb.message


def test_nesterov_look_ahead():
    def right(grad_fn, w0, lr, mu, steps):
        w, v = np.array(w0, dtype=float), np.zeros(len(w0))
        points = [w.copy()]
        for _ in range(steps):
            v = mu * v - lr * grad_fn(w + mu * v)
            w = w + v
            points.append(w + mu * v)
        return np.array(points)

    def paper_w(grad_fn, w0, lr, mu, steps):  # returns w instead of the look-ahead point
        w, v = np.array(w0, dtype=float), np.zeros(len(w0))
        points = [w.copy()]
        for _ in range(steps):
            v = mu * v - lr * grad_fn(w + mu * v)
            w = w + v
            points.append(w.copy())
        return np.array(points)

    assert check.check_nesterov_look_ahead(right).status == CORRECT
    assert check.check_nesterov_look_ahead(...).status == NOT_ATTEMPTED
    fb = check.check_nesterov_look_ahead(paper_w)
    assert fb.status == WRONG and fb.message.startswith("input 1: differs at index (1, ")


def test_adagrad_paper_start():
    path = minimize(Adagrad(learning_rate=0.1, initial_accumulator_value=0.0),
                    check.plateau_grad, [3.0], steps=100)
    assert check.check_adagrad_paper_start(path[-1]).status == CORRECT  # shape (1,) is fine
    assert check.check_adagrad_paper_start(float(path[-1, 0])).status == CORRECT
    assert check.check_adagrad_paper_start(...).status == NOT_ATTEMPTED
    keras = minimize(Adagrad(learning_rate=0.1), check.plateau_grad, [3.0], steps=100)[-1]
    fb = check.check_adagrad_paper_start(keras)
    assert fb.status == WRONG and "initial_accumulator_value=0.0" in fb.message
    assert check.check_adagrad_paper_start(3.0).status == WRONG


def test_stability():
    right = {"a": "converges", "b": "diverges", "c": "converges", "d": "diverges"}
    assert check.check_stability(right).status == CORRECT
    assert check.check_stability({"a": "Converges ", "b": "diverges", "c": "converges",
                                  "d": "diverges"}).status == CORRECT
    assert check.check_stability({k: ... for k in "abcd"}).status == NOT_ATTEMPTED
    fb = check.check_stability({**right, "d": "converges"})
    assert fb.status == WRONG and fb.message.startswith("(d) 'converges' is not right")
    # the expected answers really are what the optimizer does
    end = minimize(check.SGD(learning_rate=1.95, momentum=0.9), ravine_grad, [-7.0, 2.0], 50)[-1]
    assert abs(end[1]) > 1


def test_feedback_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    fb = check.check_first_steps(0.01, 0.01)
    assert fb.message.startswith("RMSprop: 값이 다릅니다")
