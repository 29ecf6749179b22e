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
    "add_multiply",
    "sigmoid_neuron",
    "shared_node",
    "affine_backward",
    "softmax_cross_entropy_grad",
    "batch_factors",
    "kink_moves",
    "hint",
    "progress",
]

CHAPTER = Chapter(5, hints={
    1: ("q = x + y로 두면 f = q·z: 곱셈 노드는 입력을 맞바꿔 보내고(∂f/∂q = z, ∂f/∂z = q), "
        "덧셈 노드는 기울기를 그대로 나눠 줍니다",
        "let q = x + y, so f = q·z: the multiply node swaps its inputs (∂f/∂q = z, ∂f/∂z = q), "
        "the add node passes the gradient on unchanged"),
    2: ("z = w0·x0 + w1·x1 + w2를 먼저 구하고 σ'(z) = σ(z)(1 - σ(z))를 계산하세요",
        "compute z = w0·x0 + w1·x1 + w2 first, then σ'(z) = σ(z)(1 - σ(z))"),
    3: ("x는 곱셈 노드에 두 번, 덧셈 노드에 한 번 들어갑니다: 세 경로의 기울기를 모두 더하세요",
        "x enters the multiply node twice and the add node once: add the gradients of all three "
        "paths"),
    4: ("모양을 맞추세요: dX는 (N, D)이고 G는 (N, M), W는 (D, M)입니다. 어떤 곱이 (N, D)를 "
        "만드나요? b는 모든 샘플에 더해졌으니 db는 샘플 방향의 합입니다",
        "let the shapes guide you: dX is (N, D), G is (N, M) and W is (D, M); which product "
        "gives (N, D)? b was added to every sample, so db is a sum over the samples"),
    5: ("각 행에서 최댓값을 빼고 소프트맥스 p를 구하고, t = np.eye(C)[labels]로 원-핫을 만든 뒤 "
        "(p - t) / N",
        "subtract each row's maximum, take the softmax p, build one-hot rows "
        "t = np.eye(C)[labels], and return (p - t) / N"),
    6: ("dW = Xᵀ G와 db = Σ G는 샘플에 대한 합입니다: 같은 샘플이 두 번 들어가면?",
        "dW = Xᵀ G and db = Σ G are sums over the samples: what if every sample appears twice?"),
    7: ("z[n, j] = Σ_d x[n, d]·W1[d, j] + b1[j]: W1[d, j]를 h 움직이면 z는 x[n, d]·h 움직입니다. "
        "크기(절댓값)가 가장 큰 x[n, d]를 고르세요",
        "z[n, j] = Σ_d x[n, d]·W1[d, j] + b1[j]: moving W1[d, j] by h moves z by x[n, d]·h. "
        "Pick the x[n, d] largest in size (absolute value)"),
})
hint = CHAPTER.hint
progress = CHAPTER.progress


def _with_value_hint(fb: Feedback, answer) -> Feedback:
    """A ``Value`` node given where its gradient is asked for: point at ``.grad``."""
    items = answer if isinstance(answer, (list, tuple)) else [answer]
    if fb.ok or not any(hasattr(v, "grad") and hasattr(v, "data") for v in items):
        return fb
    return Feedback(fb.status, fb.text + Text(" — Value 노드 대신 그 기울기 .grad를 넣으세요",
                                              " — give the node's gradient, .grad, not the Value"))


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
        return not_attempted()
    return _with_value_hint(compare_values(answer, _add_multiply_grads(), name="grads"), answer)


def add_multiply(answer) -> None:
    """Exercise 1: ``answer = [df/dx, df/dy, df/dz]`` for f = (x + y)·z at (1, 2, 3)."""
    CHAPTER.report(1, check_add_multiply, answer)


# -- exercise 2: the sigmoid neuron with other inputs ------------------------------------------

NEURON_W, NEURON_X = (1.0, -1.0, 0.0), (2.0, 1.0)


def _neuron_grads():
    f, inputs = sigmoid_circuit(w=NEURON_W, x=NEURON_X)
    f.backward()
    return (np.array([inputs[k].grad for k in ("w0", "w1", "w2")]),
            np.array([inputs[k].grad for k in ("x0", "x1")]))


def check_sigmoid_neuron(dw, dx) -> Feedback:
    exp_dw, exp_dx = _neuron_grads()
    fb_dw = (not_attempted() if _all_placeholders(dw)
             else compare_values(dw, exp_dw, rtol=0, atol=5e-3, name="dw"))
    fb_dx = (not_attempted() if _all_placeholders(dx)
             else compare_values(dx, exp_dx, rtol=0, atol=5e-3, name="dx"))
    return first_not_correct(fb_dw, fb_dx)


def sigmoid_neuron(dw, dx) -> None:
    """Exercise 2: df/dw (3 numbers) and df/dx (2 numbers) for w = [1, -1, 0], x = [2, 1]."""
    CHAPTER.report(2, check_sigmoid_neuron, dw, dx)


# -- exercise 3: a node used in several places -------------------------------------------------


def _shared_grad(x=3.0):
    v = Value(x)
    (v * v + v).backward()
    return v.grad


def check_shared_node(answer) -> Feedback:
    """g'(3) = 7; a one-element array (e.g. from numerical_gradient) counts as a number."""
    fb = compare_values(answer, _shared_grad(), rtol=1e-6, name="g_prime")
    value = as_number(answer)
    if fb.ok or value is None:
        return _with_value_hint(fb, answer)
    x = 3.0
    slips = {
        x + 1: ("곱셈 노드의 두 입력이 모두 x입니다: 두 입력 쪽 기울기를 모두 더하세요",
                "both inputs of the multiply node are x: add the gradients sent to both"),
        2 * x: ("덧셈 노드가 x에게 보내는 기울기 1도 더하세요",
                "also add the gradient 1 that the add node sends to x"),
        x * x + x: ("그것은 g(3)의 값입니다. 기울기 g'(3)을 구하세요",
                    "that is g(3) itself; the exercise asks for the gradient g'(3)"),
        2 * (2 * x + 1): ("backward()를 두 번 불러 기울기가 쌓였나요?",
                          "did two calls of backward() add up the gradient?"),
    }
    for slip, (ko, en) in slips.items():
        if np.isclose(value, slip):
            return Feedback(fb.status, fb.text + Text(f" — {ko}", f" — {en}"))
    return fb


def shared_node(answer) -> None:
    """Exercise 3: g'(3) for g(x) = x·x + x."""
    CHAPTER.report(3, check_shared_node, answer)


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
    return compare_function(fn, _affine_reference, _affine_cases(), parts=("dX", "dW", "db"))


def affine_backward(fn) -> None:
    """Exercise 4: ``fn(X, W, G)`` returns (dX, dW, db) for Y = X W + b and G = dL/dY."""
    CHAPTER.report(4, check_affine_backward, fn)


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
    CHAPTER.report(5, check_softmax_cross_entropy_grad, fn)


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

    def normalize(item, value):
        number = as_number(value)
        return value if number is None else round(number, 6)

    hints = {
        "dW": ("dW = Xᵀ G는 샘플에 대한 합입니다", "dW = Xᵀ G is a sum over the samples"),
        "db": ("db도 G를 샘플 방향으로 더한 것입니다", "db also sums G over the samples"),
        "dW_mean_loss": ("평균 손실에서는 G = ∂L/∂Y에 1/N이 들어 있습니다",
                         "with a mean loss, G = ∂L/∂Y itself carries the 1/N"),
    }
    return compare_choices(answer, expected, hints, normalize=normalize, name="factors")


def batch_factors(answer) -> None:
    """Exercise 6: factors ``{"dW": a, "db": b, "dW_mean_loss": c}`` for a doubled batch."""
    CHAPTER.report(6, check_batch_factors, answer)


# -- exercise 7: which parameter crosses the ReLU kink -------------------------------------


def _kink_moves(x_n, h=1e-4):
    """(largest move of z[n, j] when one W1[d, j] moves by h, its move when b1[j] does)."""
    return h * float(np.max(np.abs(x_n))), h


def _kink_cases():
    """Sample rows whose largest entry is not the largest in size, so ``max`` instead of
    ``max |x|`` (or ``sum``, or ``mean``) gives a different value."""
    return [
        (np.array([0.5, -2.0, 1.0, 0.3]), 1e-4),
        (np.array([-0.1, -0.7, -0.2]), 1e-4),
        (np.array([1.5, -0.4, 0.9, -1.6, 0.2]), 1e-3),
    ]


def check_kink_moves(fn) -> Feedback:
    return compare_function(fn, _kink_moves, _kink_cases(), rtol=1e-6,
                            parts=("move_W1", "move_b1"))


def kink_moves(fn) -> None:
    """Exercise 7: ``fn(x_n, h)`` returns how far z[n, j] moves (at most) when one W1
    entry, or one b1 entry, moves by h, for the sample row ``x_n``."""
    CHAPTER.report(7, check_kink_moves, fn)
