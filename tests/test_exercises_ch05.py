"""Chapter 5 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong

from lossbook.backprop import Value
from lossbook.exercises import ch05 as check
from lossbook.gradients import numerical_gradient

pytestmark = pytest.mark.usefixtures("english")


def test_ex1_add_multiply():
    assert_right(check.check_add_multiply([3.0, 3.0, 3.0]))
    assert_right(check.check_add_multiply(np.array([[3], [3], [3]])))
    fb = check.check_add_multiply([3, 3, 9])  # f itself instead of df/dz = q
    assert_wrong(fb, "`grads` is not right at index 2: 9.0")
    assert_garbage_is_feedback(check.check_add_multiply, 1)


def test_ex2_sigmoid_neuron():
    s = 1 / (1 + np.exp(-1.0))
    ds = s * (1 - s)
    assert_right(check.check_sigmoid_neuron(ds * np.array([2, 1, 1]), ds * np.array([1, -1])))
    assert_right(check.check_sigmoid_neuron([0.39, 0.20, 0.20], [0.20, -0.20]))  # two decimals
    assert_wrong(check.check_sigmoid_neuron([0.39, 0.20, 0.0], [0.20, -0.20]),
                 "`dw` is not right at index 2: 0.0")
    assert_wrong(check.check_sigmoid_neuron([0.39, 0.20, 0.20], [[0.20, -0.20, 0.2]]),
                 "`dx` has shape (1, 3); it needs shape (2,)")
    assert_garbage_is_feedback(check.check_sigmoid_neuron, 2)


def test_ex3_shared_node():
    assert_right(check.check_shared_node(7))
    assert_right(check.check_shared_node(np.array([7.0])))
    assert_right(check.check_shared_node(numerical_gradient(lambda x: x * x + x, np.array([3.0]))))
    v = Value(3.0)
    (v * v + v).backward()
    assert_right(check.check_shared_node(v.grad))
    assert_wrong(check.check_shared_node(6), "`g_prime` = 6.0", "gradient 1 that the add node")
    assert_wrong(check.check_shared_node(4), "both inputs of the multiply node")
    assert_wrong(check.check_shared_node([3, 3, 1]), "`g_prime` has shape (3,)")
    assert_wrong(check.check_shared_node(v), "`g_prime`", ".grad")
    assert_garbage_is_feedback(check.check_shared_node, 1)


def affine(X, W, G):
    return G @ W.T, X.T @ G, G.sum(axis=0)


def test_ex4_affine_backward():
    assert_right(check.check_affine_backward(affine))
    assert_right(check.check_affine_backward(
        lambda X, W, G: [np.einsum("nm,dm->nd", G, W), np.einsum("nd,nm->dm", X, G),
                         np.ones(len(G)) @ G]))
    fb = check.check_affine_backward(lambda X, W, G: (G @ W.T, X.T @ G, G.mean(axis=0)))
    assert_wrong(fb, "<lambda>(X=np.array([[", "`db` differs at index 0")
    assert_wrong(check.check_affine_backward(lambda X, W, G: (G @ W.T, X.T @ G)),
                 "return the 3 results (dX, dW, db) as a tuple")
    assert_garbage_is_feedback(check.check_affine_backward, 1)


def softmax_ce_grad(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return (p - np.eye(logits.shape[1])[labels]) / len(labels)


def test_ex5_softmax_cross_entropy_grad():
    assert_right(check.check_softmax_cross_entropy_grad(softmax_ce_grad))

    def with_put_along(logits, labels):
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        p[np.arange(len(labels)), labels] -= 1
        return p / len(labels)

    assert_right(check.check_softmax_cross_entropy_grad(with_put_along))
    fb = check.check_softmax_cross_entropy_grad(lambda z, t: softmax_ce_grad(z, t) * len(t))
    assert_wrong(fb, "<lambda>(z=np.array([[2, 1, 0.1], [0.5, 2.5, -1]]), t=np.array([0, 2]))")
    assert_garbage_is_feedback(check.check_softmax_cross_entropy_grad, 1)


def test_ex6_batch_factors():
    assert_right(check.check_batch_factors({"dW": 2, "db": 2, "dW_mean_loss": 1}))
    assert_right(check.check_batch_factors({"dW": "2", "db": 2.0, "dW_mean_loss": np.float32(1)}))
    assert_wrong(check.check_batch_factors({"dW": 2, "db": 2, "dW_mean_loss": 0.5}),
                 "(dW_mean_loss) 0.5 is not right", "carries the 1/N")
    assert_garbage_is_feedback(check.check_batch_factors, 1)


def test_ex7_kink_moves():
    assert_right(check.check_kink_moves(lambda x_n, h=1e-4: (h * np.max(np.abs(x_n)), h)))
    assert_right(check.check_kink_moves(lambda x_n, h=1e-4: [h * max(abs(v) for v in x_n), h]))
    # max instead of max |x|: the check's rows make the two differ
    fb = check.check_kink_moves(lambda x_n, h=1e-4: (h * np.max(x_n), h))
    assert_wrong(fb, "<lambda>(x_n=np.array([0.5, -2, 1, 0.3]), h=0.0001)", "`move_W1`")
    assert_garbage_is_feedback(check.check_kink_moves, 1)
