"""Chapter 5 exercise checks: right answers pass, placeholders wait, typical slips are named."""

import numpy as np
import pytest

from lossbook.backprop import TwoLayerNet
from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from lossbook.exercises import ch05 as check

pytestmark = pytest.mark.usefixtures("english")


def test_add_multiply():
    assert check.check_add_multiply([..., ..., ...]).status == NOT_ATTEMPTED
    assert check.check_add_multiply([3, 3, 3]).status == CORRECT
    fb = check.check_add_multiply([3, 3, 9])  # f itself instead of df/dz = q
    assert fb.status == WRONG and fb.message == "differs at index 2: got 9.0, expected 3.0"


def test_sigmoid_neuron():
    s = 1 / (1 + np.exp(-1.0))
    ds = s * (1 - s)
    assert check.check_sigmoid_neuron(..., ...).status == NOT_ATTEMPTED
    assert check.check_sigmoid_neuron(ds * np.array([2, 1, 1]), ds * np.array([1, -1])).ok
    assert check.check_sigmoid_neuron([0.39, 0.20, 0.20], [0.20, -0.20]).ok  # two decimals
    fb = check.check_sigmoid_neuron([0.40, 0.20, 0.20], [0.20, -0.20])  # rounded too early
    assert fb.status == WRONG and fb.message.startswith("dw: differs at index 0: got 0.4")
    fb = check.check_sigmoid_neuron([0.39, 0.20, 0.0], [0.20, -0.20])  # forgot the bias input 1
    assert fb.status == WRONG and fb.message.startswith("dw: differs at index 2: got 0.0")
    fb = check.check_sigmoid_neuron([0.39, 0.20, 0.20], ...)
    assert fb.status == NOT_ATTEMPTED and fb.message.startswith("dx: ")


def test_shared_node():
    assert check.check_shared_node(...).status == NOT_ATTEMPTED
    assert check.check_shared_node(7).status == CORRECT
    fb = check.check_shared_node(6)
    assert fb.status == WRONG
    assert fb.message.endswith("also add the gradient 1 that the add node sends to x")
    fb = check.check_shared_node(4)
    assert "both inputs of the multiply node are x" in fb.message


def right_affine(X, W, G):
    return G @ W.T, X.T @ G, G.sum(axis=0)


def test_affine_backward():
    assert check.check_affine_backward(right_affine).status == CORRECT

    def placeholder(X, W, G):
        ...

    assert check.check_affine_backward(placeholder).status == NOT_ATTEMPTED
    assert check.check_affine_backward(...).status == NOT_ATTEMPTED

    def transposed(X, W, G):
        return G @ W.T, G.T @ X, G.sum(axis=0)

    assert check.check_affine_backward(transposed).message == (
        "input 1, dW: shape differs: got (2, 4), expected (4, 2)")

    def mean_bias(X, W, G):
        return G @ W.T, X.T @ G, G.mean(axis=0)

    fb = check.check_affine_backward(mean_bias)
    assert fb.status == WRONG and fb.message.startswith("input 1, db: differs at index 0")

    def two_only(X, W, G):
        return X.T @ G, G.sum(axis=0)

    assert check.check_affine_backward(two_only).message == "return three arrays, (dX, dW, db)"


def test_softmax_cross_entropy_grad():
    def right(logits, labels):
        z = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        t = np.eye(logits.shape[1])[labels]
        return (p - t) / len(labels)

    def no_mean(logits, labels):
        return right(logits, labels) * len(labels)

    def placeholder(logits, labels):
        ...

    assert check.check_softmax_cross_entropy_grad(right).status == CORRECT
    assert check.check_softmax_cross_entropy_grad(placeholder).status == NOT_ATTEMPTED
    fb = check.check_softmax_cross_entropy_grad(no_mean)
    assert fb.status == WRONG and fb.message.startswith("input 1: differs at index (0, 0)")


def test_batch_factors():
    blank = {"dW": ..., "db": ..., "dW_mean_loss": ...}
    assert check.check_batch_factors(blank).status == NOT_ATTEMPTED
    assert check.check_batch_factors({"dW": 2, "db": 2, "dW_mean_loss": 1}).status == CORRECT
    fb = check.check_batch_factors({"dW": 2, "db": 2, "dW_mean_loss": 2})
    assert fb.status == WRONG
    assert fb.message.startswith("(dW_mean_loss) 2.0 is not right — with a mean loss")


def test_kink_moves():
    rng = np.random.default_rng(0)
    x_batch = rng.standard_normal((8, 4))
    net = TwoLayerNet(4, 5, 3, seed=0)
    z = x_batch @ net.params["W1"] + net.params["b1"]
    n, _ = np.unravel_index(np.argmin(np.abs(z)), z.shape)
    move_w1 = 1e-4 * np.max(np.abs(x_batch[n]))
    assert check.check_kink_moves(..., ..., x_batch, net).status == NOT_ATTEMPTED
    assert check.check_kink_moves(move_w1, 1e-4, x_batch, net).status == CORRECT
    fb = check.check_kink_moves(1e-4, 1e-4, x_batch, net)  # "every parameter moves z by h"
    assert fb.status == WRONG and fb.message.startswith("move_W1: value differs")
