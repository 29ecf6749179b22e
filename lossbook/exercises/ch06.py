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
    Chapter,
    Feedback,
    Text,
    as_number,
    call_learner,
    compare_choices,
    compare_function,
    compare_values,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)

__all__ = [
    "first_steps",
    "momentum_step",
    "nesterov_look_ahead",
    "adagrad_paper_start",
    "stability",
    "plateau",
    "plateau_grad",
    "hint",
    "progress",
]

CHAPTER = Chapter(6, hints={
    1: ("RMSprop: 누적 s = (1 - ρ)·g² (ρ = 0.9)에서 걸음 η·g/√(s + ε). Adam: 첫 걸음에서는 "
        "편향 보정된 m̂ = g, v̂ = g²이라 걸음은 약 η·g/(|g| + ε)",
        "RMSprop: the accumulator is s = (1 - ρ)·g² (ρ = 0.9) and the step η·g/√(s + ε). Adam: "
        "on the first step the bias-corrected m̂ = g and v̂ = g², so the step is about "
        "η·g/(|g| + ε)"),
    2: ("순서가 중요합니다: 먼저 v = mu * v - lr * g, 그다음 w = w + v; (w, v)를 돌려주세요",
        "order matters: first v = mu * v - lr * g, then w = w + v; return (w, v)"),
    3: ("w = np.array(w0, dtype=float), v = 0으로 시작해 points에 w + mu * v를 넣고, steps번: "
        "v = mu * v - lr * grad_fn(w + mu * v); w = w + v; 다시 w + mu * v를 기록",
        "start from w = np.array(w0, dtype=float), v = 0, record w + mu * v, then steps times: "
        "v = mu * v - lr * grad_fn(w + mu * v); w = w + v; record w + mu * v again"),
    4: ("누적값이 0에서 시작하는 Adagrad(initial_accumulator_value)로 plateau_grad를 minimize에 "
        "넣으세요; 100걸음 뒤의 x는 경로의 마지막 행입니다",
        "give minimize an Adagrad whose accumulator starts at 0 (initial_accumulator_value) and "
        "plateau_grad; x after 100 steps is the last row of the path"),
    5: ("모멘텀은 η < 1 + μ = 1.9, 케라스식 네스테로프는 η < (1 + μ)/(1 + 2μ) ≈ 0.68에서 "
        "안정합니다",
        "momentum is stable for η < 1 + μ = 1.9, Keras-style Nesterov for "
        "η < (1 + μ)/(1 + 2μ) ≈ 0.68"),
})
hint = CHAPTER.hint
progress = CHAPTER.progress


def _first_step(optimizer, g):
    """How far ``optimizer`` moves a weight at 0 on its first step with gradient ``g``."""
    w = np.array([0.0])
    optimizer.apply([np.array([g])], [w])
    return -w[0]


# -- exercise 1: first steps of RMSprop and Adam ----------------------------------------------


def check_first_steps(rmsprop_step, adam_step) -> Feedback:
    """RMSprop(0.01) and Adam(0.01), gradient 2: the size of the first step."""
    if is_placeholder(rmsprop_step) and is_placeholder(adam_step):
        return not_attempted()
    parts = [
        ("rmsprop_step", rmsprop_step, _first_step(RMSprop(learning_rate=0.01), 2.0)),
        ("adam_step", adam_step, _first_step(Adam(learning_rate=0.01), 2.0)),
    ]
    for name, got, expected in parts:
        fb = compare_values(got, expected, rtol=1e-3, atol=0.0, name=name)  # 4 digits by hand
        value = as_number(got)
        if not fb.ok and value is not None and np.isclose(value, -expected, rtol=1e-3):
            fb = Feedback(fb.status, fb.text + Text(" — 걸음의 크기(양수)를 적으세요",
                                                    " — give the size of the step (positive)"))
        if fb.status != CORRECT:
            return fb
    return correct("맞았습니다! (두 걸음 모두)", "correct! (both steps)")


def first_steps(rmsprop_step, adam_step) -> None:
    """Exercise 1: print the feedback on the two first steps."""
    CHAPTER.report(1, check_first_steps, rmsprop_step, adam_step)


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
    name = getattr(fn, "__name__", "momentum_step")
    for k, (w0, gs, lr, mu) in enumerate(_momentum_cases(), start=1):
        opt = SGD(learning_rate=lr, momentum=mu)
        w_ref = w0.copy()
        w, v = w0.copy(), np.zeros_like(w0)
        for step, g in enumerate(gs, start=1):
            opt.apply([g], [w_ref])
            v_ref = opt.slots[0]["momentum"]
            where = Text(f"입력 {k}의 {step}번째 걸음, {name}(w, v, g, lr={lr}, mu={mu})",
                         f"input {k}, step {step}, {name}(w, v, g, lr={lr}, mu={mu})")
            out, problem = call_learner(fn, (w.copy(), v.copy(), g.copy(), lr, mu))
            if problem is not None:
                if problem.status != "wrong":
                    return problem
                return wrong(where + ": " + problem.text)
            if not isinstance(out, (tuple, list)) or len(out) != 2:
                return wrong(where + Text(": (새 w, 새 v) 두 값을 튜플로 돌려주세요",
                                          ": return the pair (new w, new v) as a tuple"))
            for label, got, expected in (("v", out[1], v_ref), ("w", out[0], w_ref)):
                fb = compare_values(got, expected, rtol=1e-9, atol=1e-12, name=label,
                                    show_expected=True)
                if fb.status != CORRECT:
                    return wrong(where + ": " + fb.text)
            w, v = (np.asarray(x, dtype=float) for x in out)
    return correct("맞았습니다! (SGD(momentum=...)과 매 걸음 일치)",
                   "correct! (matches SGD(momentum=...) at every step)")


def momentum_step(fn) -> None:
    """Exercise 2: print the feedback on the learner's momentum step."""
    CHAPTER.report(2, check_momentum_step, fn)


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
    CHAPTER.report(3, check_nesterov_look_ahead, fn)


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
    opt = Adagrad(learning_rate=0.1, initial_accumulator_value=0.0)
    expected = minimize(opt, plateau_grad, [3.0], steps=100)[-1, 0]
    fb = compare_values(x_100, expected, rtol=1e-6, atol=1e-9, name="x_100")
    value = as_number(x_100)
    if fb.ok or value is None:
        return fb
    keras_start = minimize(Adagrad(learning_rate=0.1), plateau_grad, [3.0], steps=100)[-1, 0]
    if np.isclose(value, keras_start, rtol=1e-6):
        return wrong(Text("`x_100`: Keras 기본값(G₀ = 0.1)으로 계산한 값입니다. "
                          "initial_accumulator_value=0.0을 주세요",
                          "`x_100`: that is Keras's default start (G₀ = 0.1); "
                          "pass initial_accumulator_value=0.0"))
    return fb


def adagrad_paper_start(x_100) -> None:
    """Exercise 4: print the feedback on Adagrad with the paper's G₀ = 0."""
    CHAPTER.report(4, check_adagrad_paper_start, x_100)


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
    return compare_choices(answers, expected, hints, normalize=_behaviour_word, name="answers")


def _behaviour_word(item, value):
    """"converges" in any usual spelling: "Converge", "converged", "수렴"; same for diverges."""
    if not isinstance(value, str):
        return value
    word = value.strip().lower()
    if word.startswith("converg") or word.startswith("수렴"):
        return "converges"
    if word.startswith("diverg") or word.startswith("발산"):
        return "diverges"
    return value


def stability(answers) -> None:
    """Exercise 5: print the feedback on the four stability predictions."""
    CHAPTER.report(5, check_stability, answers)

