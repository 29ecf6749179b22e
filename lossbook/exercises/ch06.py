"""Checks for the exercises of chapter 6 (optimizers).

Every expected value is computed here with lossbook's own optimizers
(:mod:`lossbook.optimizers`), never typed in::

    from lossbook.exercises import ch06 as check
    check.momentum_step(momentum_step)
"""

from __future__ import annotations

import numpy as np

from .. import gradients
from ..optimizers import SGD, Adagrad, Adam, RMSprop, minimize
from . import (
    CORRECT,
    WRONG,
    Feedback,
    compare_choices,
    compare_function,
    compare_values,
    exercise_name,
    is_placeholder,
    labelled,
    report,
    say,
)

__all__ = [
    "first_steps",
    "momentum_step",
    "nesterov_look_ahead",
    "adagrad_paper_start",
    "stability",
    "plateau",
    "plateau_grad",
]


def _first_step(optimizer, g):
    """How far ``optimizer`` moves a weight at 0 on its first step with gradient ``g``."""
    w = np.array([0.0])
    optimizer.apply([np.array([g])], [w])
    return -w[0]


# -- exercise 1: first steps of RMSprop and Adam ----------------------------------------------


def check_first_steps(rmsprop_step, adam_step) -> Feedback:
    """RMSprop(0.01) and Adam(0.01), gradient 2: the size of the first step."""
    if is_placeholder(rmsprop_step) and is_placeholder(adam_step):
        return compare_values(..., 0.0)
    parts = [
        ("RMSprop", rmsprop_step, _first_step(RMSprop(learning_rate=0.01), 2.0)),
        ("Adam", adam_step, _first_step(Adam(learning_rate=0.01), 2.0)),
    ]
    for name, got, expected in parts:
        fb = compare_values(got, expected, rtol=1e-3, atol=0.0)  # 4 digits by hand
        if fb.status != CORRECT:
            return labelled(name, name, fb)
    return Feedback(CORRECT, say("맞았습니다! (두 걸음 모두)", "correct! (both steps)"))


def first_steps(rmsprop_step, adam_step) -> None:
    """Exercise 1: print the feedback on the two first steps."""
    report(exercise_name(1), check_first_steps(rmsprop_step, adam_step))


# -- exercise 2: one momentum step ------------------------------------------------------------


def _momentum_cases():
    rng = np.random.default_rng(6)
    return [
        (np.array([1.0, -2.0]), rng.normal(size=(4, 2)), 0.1, 0.9),
        (np.array([[0.5, 0.0, -1.5]]), rng.normal(size=(3, 1, 3)), 0.05, 0.5),
    ]


def check_momentum_step(fn) -> Feedback:
    """``fn(w, v, g, lr, mu) -> (w, v)``, chained over a few gradients, against SGD(momentum)."""
    if not callable(fn):
        return compare_function(fn, None, [])
    for k, (w0, gs, lr, mu) in enumerate(_momentum_cases()):
        opt = SGD(learning_rate=lr, momentum=mu)
        w_ref = w0.copy()
        w, v = w0.copy(), np.zeros_like(w0)
        for step, g in enumerate(gs, start=1):
            opt.apply([g], [w_ref])
            v_ref = opt.slots[0]["momentum"]
            try:
                out = fn(w.copy(), v.copy(), g.copy(), lr, mu)
            except NotImplementedError:
                return compare_values(..., 0.0)
            except Exception as exc:  # noqa: BLE001 - the learner's code: report, don't crash
                error = f"{type(exc).__name__}: {exc}"
                return Feedback(WRONG, say(
                    f"입력 {k + 1}, {step}번째 걸음에서 오류가 났습니다: {error}",
                    f"input {k + 1}, step {step} raised {error}"))
            if out is None:
                return compare_function(lambda: None, None, [()])
            if not isinstance(out, (tuple, list)) or len(out) != 2:
                return Feedback(WRONG, say("(새 w, 새 v) 두 값을 튜플로 돌려주세요",
                                           "return the pair (new w, new v) as a tuple"))
            w, v = (np.asarray(x, dtype=float) for x in out)
            for label, got, expected in (("v", v, v_ref), ("w", w, w_ref)):
                fb = compare_values(got, expected, rtol=1e-9, atol=1e-12)
                if fb.status != CORRECT:
                    return labelled(f"입력 {k + 1}, {step}번째 걸음의 {label}",
                                     f"input {k + 1}, step {step}, {label}", fb)
    return Feedback(CORRECT, say("맞았습니다! (SGD(momentum=...)과 매 걸음 일치)",
                                 "correct! (matches SGD(momentum=...) at every step)"))


def momentum_step(fn) -> None:
    """Exercise 2: print the feedback on the learner's momentum step."""
    report(exercise_name(2), check_momentum_step(fn))


# -- exercise 3: Nesterov momentum as in the paper ---------------------------------------------


def _keras_nesterov(grad_fn, w0, lr, mu, steps):
    return minimize(SGD(learning_rate=lr, momentum=mu, nesterov=True), grad_fn, w0, steps=steps)


def check_nesterov_look_ahead(fn) -> Feedback:
    """``fn(grad_fn, w0, lr, mu, steps)``: the look-ahead points w + mu·v, (steps + 1, d)."""
    cases = [
        (gradients.ravine_grad, [-7.0, 2.0], 0.1, 0.9, 30),
        (gradients.saddle_grad, [-1.0, 0.001], 0.05, 0.5, 12),
    ]
    return compare_function(fn, _keras_nesterov, cases, rtol=1e-9, atol=1e-12)


def nesterov_look_ahead(fn) -> None:
    """Exercise 3: print the feedback on the learner's paper-form Nesterov loop."""
    report(exercise_name(3), check_nesterov_look_ahead(fn))


# -- exercise 4: Adagrad started at zero, on the plateau -----------------------------------------


def plateau(x):
    """The plateau of chapter 4: f(x) = 1 − exp(−x²), almost flat for large |x|."""
    x = np.asarray(x, dtype=float)
    return 1 - np.exp(-(x**2))


def plateau_grad(x):
    """Its gradient, 2x·exp(−x²)."""
    x = np.asarray(x, dtype=float)
    return 2 * x * np.exp(-(x**2))


def check_adagrad_paper_start(x_100) -> Feedback:
    """Adagrad(0.1, initial_accumulator_value=0) from x = 3 on the plateau: x after 100 steps."""
    if not is_placeholder(x_100) and np.size(x_100) == 1:
        x_100 = float(np.asarray(x_100, dtype=float).ravel()[0])
    opt = Adagrad(learning_rate=0.1, initial_accumulator_value=0.0)
    expected = minimize(opt, plateau_grad, [3.0], steps=100)[-1, 0]
    fb = compare_values(x_100, expected, rtol=1e-6, atol=1e-9)
    if fb.status == WRONG and not is_placeholder(x_100):
        keras_start = minimize(Adagrad(learning_rate=0.1), plateau_grad, [3.0], steps=100)[-1, 0]
        if np.isclose(x_100, keras_start, rtol=1e-6):
            return Feedback(WRONG, say(
                "Keras 기본값(G₀ = 0.1)으로 계산한 값입니다. "
                "initial_accumulator_value=0.0을 주세요",
                "that is Keras's default start (G₀ = 0.1); pass initial_accumulator_value=0.0"))
    return fb


def adagrad_paper_start(x_100) -> None:
    """Exercise 4: print the feedback on Adagrad with the paper's G₀ = 0."""
    report(exercise_name(4), check_adagrad_paper_start(x_100))


# -- exercise 5: how large can the learning rate be? -----------------------------------------

_STABILITY_RUNS = {
    "a": (1.85, False),
    "b": (1.95, False),
    "c": (0.6, True),
    "d": (0.75, True),
}


def _behaviour(lr, nesterov):
    opt = SGD(learning_rate=lr, momentum=0.9, nesterov=nesterov)
    with np.errstate(over="ignore", invalid="ignore"):
        end = minimize(opt, gradients.ravine_grad, [-7.0, 2.0], steps=200)[-1]
    return "converges" if np.all(np.abs(end) < 1e-2) else "diverges"


def check_stability(answers) -> Feedback:
    """``{"a": "converges" or "diverges", ...}`` for the four runs of exercise 5."""
    expected = {k: _behaviour(lr, nesterov) for k, (lr, nesterov) in _STABILITY_RUNS.items()}
    hints = {
        "a": ("y 방향 점화식이 안정한 조건 2η < 2(1 + μ)를 확인하세요",
              "check the stability condition 2η < 2(1 + μ) of the y recurrence"),
        "b": ("1 + μ = 1.9와 비교해 보세요", "compare with 1 + μ = 1.9"),
        "c": ("Keras식 네스테로프의 경계는 η < (1 + μ)/(1 + 2μ)입니다",
              "the limit for Keras-style Nesterov is η < (1 + μ)/(1 + 2μ)"),
        "d": ("(1 + 0.9)/(1 + 1.8)을 계산해 보세요", "compute (1 + 0.9)/(1 + 1.8)"),
    }
    if isinstance(answers, dict):
        answers = {k: (v.strip().lower() if isinstance(v, str) else v) for k, v in answers.items()}
    return compare_choices(answers, expected, hints)


def stability(answers) -> None:
    """Exercise 5: print the feedback on the four stability predictions."""
    report(exercise_name(5), check_stability(answers))

