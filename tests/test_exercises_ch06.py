"""Chapter 6 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong

from lossbook.exercises import ch06 as check
from lossbook.optimizers import Adagrad, minimize

pytestmark = pytest.mark.usefixtures("english")


def test_ex1_first_steps():
    rms = 0.01 * 2 / np.sqrt(0.1 * 4 + 1e-7)
    adam = 0.01 * np.sqrt(0.001) / 0.1 * 0.2 / (np.sqrt(0.004) + 1e-7)
    assert_right(check.check_first_steps(rms, adam))
    assert_right(check.check_first_steps(0.03162, np.array([0.01])))  # rounded by hand
    assert_wrong(check.check_first_steps(0.01, adam), "`rmsprop_step` = 0.01 is not right")
    assert_wrong(check.check_first_steps(-rms, adam), "size of the step (positive)")
    assert_garbage_is_feedback(check.check_first_steps, 2)


def momentum(w, v, g, lr, mu):
    v = mu * v - lr * g
    return w + v, v


def test_ex2_momentum_step():
    assert_right(check.check_momentum_step(momentum))
    assert_right(check.check_momentum_step(
        lambda w, v, g, lr, mu: [w + (mu * v - lr * g), mu * v - lr * g]))

    def w_first(w, v, g, lr, mu):  # updates w with the old v
        return w + v, mu * v - lr * g

    assert_wrong(check.check_momentum_step(w_first), "input 1, step 1", "`w` differs")
    assert_garbage_is_feedback(check.check_momentum_step, 1)


def nesterov(grad_fn, w0, lr, mu, steps):
    w, v = np.array(w0, dtype=float), np.zeros(len(w0))
    points = [w + mu * v]
    for _ in range(steps):
        v = mu * v - lr * grad_fn(w + mu * v)
        w = w + v
        points.append(w + mu * v)
    return np.array(points)


def test_ex3_nesterov_look_ahead():
    assert_right(check.check_nesterov_look_ahead(nesterov))
    assert_right(check.check_nesterov_look_ahead(
        lambda *a: [list(p) for p in nesterov(*a)]))

    def plain_points(grad_fn, w0, lr, mu, steps):  # records w, not the look-ahead point
        w, v = np.array(w0, dtype=float), np.zeros(len(w0))
        points = [w.copy()]
        for _ in range(steps):
            v = mu * v - lr * grad_fn(w + mu * v)
            w = w + v
            points.append(w)
        return np.array(points)

    assert_wrong(check.check_nesterov_look_ahead(plain_points),
                 "plain_points(grad_fn=ravine_grad, w0=[-7.0, 2.0], lr=0.1, mu=0.9, steps=30)")
    assert_garbage_is_feedback(check.check_nesterov_look_ahead, 1)


def test_ex4_adagrad_paper_start():
    path = minimize(Adagrad(learning_rate=0.1, initial_accumulator_value=0.0),
                    check.plateau_grad, [3.0], steps=100)
    assert_right(check.check_adagrad_paper_start(path[-1, 0]))
    assert_right(check.check_adagrad_paper_start(path[-1]))  # a one-element array
    keras_default = minimize(Adagrad(learning_rate=0.1), check.plateau_grad, [3.0], steps=100)
    fb = check.check_adagrad_paper_start(keras_default[-1, 0])
    assert_wrong(fb, "Keras's default start", "initial_accumulator_value=0.0")
    assert_garbage_is_feedback(check.check_adagrad_paper_start, 1)


def test_ex5_stability():
    right = {"a": "converges", "b": "diverges", "c": "converges", "d": "diverges"}
    assert_right(check.check_stability(right))
    assert_right(check.check_stability({"a": "Converged", "b": "diverge", "c": "수렴",
                                        "d": "발산"}))
    fb = check.check_stability({**right, "d": "converges"})
    assert_wrong(fb, "(d) 'converges' is not right", "(1 + 0.9)/(1 + 1.8)")
    assert_garbage_is_feedback(check.check_stability, 1)


def test_feedback_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    fb = check.check_momentum_step(lambda w, v, g, lr, mu: (w + v, mu * v - lr * g))
    assert fb.message.startswith("입력 1의 1번째 걸음") and "input" not in fb.message
