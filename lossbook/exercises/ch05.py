"""Checks for the exercises of chapter 5 (backpropagation).

Every expected value is computed here with lossbook's own implementation
(:mod:`lossbook.backprop`), never typed in::

    from lossbook.exercises import ch05 as check
    check.affine_backward(my_affine_backward)
"""

from __future__ import annotations

import numpy as np

from ..backprop import Affine, SoftmaxCrossEntropy, Value, sigmoid_circuit
from . import (
    CORRECT,
    WRONG,
    Feedback,
    compare_choices,
    compare_function,
    compare_values,
    exercise_name,
    first_not_correct,
    is_placeholder,
    labelled,
    not_attempted,
    report,
    say,
)

__all__ = [
    "add_multiply",
    "sigmoid_neuron",
    "shared_node",
    "affine_backward",
    "softmax_cross_entropy_grad",
    "batch_factors",
    "kink_moves",
]


def _all_placeholders(answer) -> bool:
    if is_placeholder(answer):
        return True
    return isinstance(answer, (list, tuple)) and all(is_placeholder(a) for a in answer)


# -- exercise 1: (x + y) z by hand ---------------------------------------------------------


def _add_multiply_grads(x=1.0, y=2.0, z=3.0):
    xs, ys, zs = Value(x), Value(y), Value(z)
    ((xs + ys) * zs).backward()
    return np.array([xs.grad, ys.grad, zs.grad])


def check_add_multiply(answer) -> Feedback:
    if _all_placeholders(answer):
        return compare_values(..., 0.0)
    return compare_values(answer, _add_multiply_grads())


def add_multiply(answer) -> None:
    """Exercise 1: ``answer = [df/dx, df/dy, df/dz]`` for f = (x + y)·z at (1, 2, 3)."""
    report(exercise_name(1), check_add_multiply(answer))


# -- exercise 2: the sigmoid neuron with other inputs ------------------------------------------

NEURON_W, NEURON_X = (1.0, -1.0, 0.0), (2.0, 1.0)


def _neuron_grads():
    f, inputs = sigmoid_circuit(w=NEURON_W, x=NEURON_X)
    f.backward()
    return (np.array([inputs[k].grad for k in ("w0", "w1", "w2")]),
            np.array([inputs[k].grad for k in ("x0", "x1")]))


def check_sigmoid_neuron(dw, dx) -> Feedback:
    exp_dw, exp_dx = _neuron_grads()
    fb_dw = (compare_values(..., 0.0) if _all_placeholders(dw)
             else compare_values(dw, exp_dw, rtol=0, atol=5e-3))
    fb_dx = (compare_values(..., 0.0) if _all_placeholders(dx)
             else compare_values(dx, exp_dx, rtol=0, atol=5e-3))
    return first_not_correct(labelled("dw", "dw", fb_dw), labelled("dx", "dx", fb_dx))


def sigmoid_neuron(dw, dx) -> None:
    """Exercise 2: df/dw (3 numbers) and df/dx (2 numbers) for w = [1, -1, 0], x = [2, 1]."""
    report(exercise_name(2), check_sigmoid_neuron(dw, dx))


# -- exercise 3: a node used in several places -------------------------------------------------


def _shared_grad(x=3.0):
    v = Value(x)
    (v * v + v).backward()
    return v.grad


def check_shared_node(answer) -> Feedback:
    fb = compare_values(answer, _shared_grad())
    if fb.status != WRONG:
        return fb
    x = 3.0
    hints = {
        x + 1: ("곱셈 노드의 두 입력이 모두 x입니다: 두 입력 쪽 기울기를 모두 더하세요",
                "both inputs of the multiply node are x: add the gradients sent to both"),
        2 * x: ("덧셈 노드가 x에게 보내는 기울기 1도 더하세요",
                "also add the gradient 1 that the add node sends to x"),
    }
    for value, (ko, en) in hints.items():
        if np.isclose(float(np.asarray(answer, dtype=float)), value):
            return Feedback(WRONG, fb.message + say(f" — {ko}", f" — {en}"))
    return fb


def shared_node(answer) -> None:
    """Exercise 3: g'(3) for g(x) = x·x + x."""
    report(exercise_name(3), check_shared_node(answer))


# -- exercise 4: the backward pass of an affine layer ------------------------------------------


def _affine_cases():
    rng = np.random.default_rng(5)
    return [
        (rng.standard_normal((3, 4)), rng.standard_normal((4, 2)), rng.standard_normal((3, 2))),
        (rng.standard_normal((1, 2)), rng.standard_normal((2, 3)), rng.standard_normal((1, 3))),
        (rng.standard_normal((5, 3)), rng.standard_normal((3, 3)), rng.standard_normal((5, 3))),
    ]


def _affine_reference(X, W, G):
    layer = Affine(W, np.zeros(W.shape[1]))
    layer.forward(X)
    dX = layer.backward(G)
    return dX, layer.dW, layer.db


def check_affine_backward(fn) -> Feedback:
    if not callable(fn):
        return compare_function(fn, _affine_reference, [])
    for k, (X, W, G) in enumerate(_affine_cases(), start=1):
        try:
            got = fn(X.copy(), W.copy(), G.copy())
        except NotImplementedError:
            return not_attempted()
        except Exception as exc:  # noqa: BLE001 - the learner's code: report, don't crash
            error = f"{type(exc).__name__}: {exc}"
            return Feedback(WRONG, say(f"입력 {k}에서 오류가 났습니다: {error}",
                                       f"input {k} raised {error}"))
        if got is None:
            return not_attempted("함수가 None을 돌려줍니다: 본문을 쓰고 결과를 return 하세요",
                                  "the function returns None: write its body and return the result")
        if not isinstance(got, (tuple, list)) or len(got) != 3:
            return Feedback(WRONG, say("(dX, dW, db) 세 개를 돌려주어야 합니다",
                                       "return three arrays, (dX, dW, db)"))
        for label, g, e in zip(("dX", "dW", "db"), got, _affine_reference(X, W, G), strict=True):
            fb = compare_values(g, e)
            if fb.status != CORRECT:
                return Feedback(WRONG, say(f"입력 {k}, ", f"input {k}, ") + f"{label}: "
                                + fb.message)
    return Feedback(CORRECT, say("맞았습니다! (3개 입력 모두 일치)",
                                 "correct! (all 3 inputs match)"))


def affine_backward(fn) -> None:
    """Exercise 4: ``fn(X, W, G)`` returns (dX, dW, db) for Y = X W + b and G = dL/dY."""
    report(exercise_name(4), check_affine_backward(fn))


# -- exercise 5: softmax + cross-entropy ----------------------------------------------------------


def _softmax_ce_reference(logits, labels):
    layer = SoftmaxCrossEntropy()
    layer.forward(logits, labels)
    return layer.backward()


def _softmax_ce_cases():
    rng = np.random.default_rng(7)
    return [
        (np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]]), np.array([0, 2])),
        (rng.standard_normal((4, 5)), np.array([4, 0, 1, 1])),
        (np.array([[1000.0, 0.0]]), np.array([1])),   # large logits: subtract the max
    ]


def check_softmax_cross_entropy_grad(fn) -> Feedback:
    return compare_function(fn, _softmax_ce_reference, _softmax_ce_cases())


def softmax_cross_entropy_grad(fn) -> None:
    """Exercise 5: ``fn(logits, labels)`` returns dL/dz of the batch-mean cross-entropy."""
    report(exercise_name(5), check_softmax_cross_entropy_grad(fn))


# -- exercise 6: what a bigger batch does to dW and db ---------------------------------------------


def _batch_factors():
    X, W, G = _affine_cases()[0]
    once, twice = (Affine(W, np.zeros(W.shape[1])) for _ in range(2))
    once.forward(X)
    once.backward(G)
    twice.forward(np.vstack([X, X]))
    twice.backward(np.vstack([G, G]))
    summed = (float(np.mean(twice.dW / once.dW)), float(np.mean(twice.db / once.db)))
    twice.backward(np.vstack([G, G]) / 2)   # a batch-mean loss: G carries 1/N
    return {"dW": summed[0], "db": summed[1], "dW_mean_loss": float(np.mean(twice.dW / once.dW))}


def check_batch_factors(answer) -> Feedback:
    expected = {k: round(v, 6) for k, v in _batch_factors().items()}
    if isinstance(answer, dict):
        answer = {k: (round(float(v), 6) if isinstance(v, (int, float)) else v)
                  for k, v in answer.items()}
    hints = {
        "dW": ("dW = Xᵀ G는 샘플에 대한 합입니다", "dW = Xᵀ G is a sum over the samples"),
        "db": ("db도 G를 샘플 방향으로 더한 것입니다", "db also sums G over the samples"),
        "dW_mean_loss": ("평균 손실에서는 G = ∂L/∂Y에 1/N이 들어 있습니다",
                         "with a mean loss, G = ∂L/∂Y itself carries the 1/N"),
    }
    return compare_choices(answer, expected, hints)


def batch_factors(answer) -> None:
    """Exercise 6: factors ``{"dW": a, "db": b, "dW_mean_loss": c}`` for a doubled batch."""
    report(exercise_name(6), check_batch_factors(answer))


# -- exercise 7: which parameter crosses the ReLU kink -------------------------------------


def _kink_moves(x_batch, net, h):
    z = np.asarray(x_batch) @ net.params["W1"] + net.params["b1"]
    n, _ = np.unravel_index(np.argmin(np.abs(z)), z.shape)
    return h * float(np.max(np.abs(x_batch[n]))), h


def check_kink_moves(move_w1, move_b1, x_batch, net, h=1e-4) -> Feedback:
    exp_w1, exp_b1 = _kink_moves(x_batch, net, h)
    return first_not_correct(
        labelled("move_W1", "move_W1", compare_values(move_w1, exp_w1, rtol=1e-2)),
        labelled("move_b1", "move_b1", compare_values(move_b1, exp_b1, rtol=1e-2)),
    )


def kink_moves(move_w1, move_b1, x_batch, net, h=1e-4) -> None:
    """Exercise 7: how far z moves (at most) when one W1 entry, or one b1 entry, moves by h."""
    report(exercise_name(7), check_kink_moves(move_w1, move_b1, x_batch, net, h))
