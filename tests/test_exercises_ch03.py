"""Chapter 3 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong

from lossbook.exercises import ch03 as check
from lossbook.perceptron import Perceptron, logic_gate_data

pytestmark = pytest.mark.usefixtures("english")


def train(X, y, learning_rate=0.2, epochs=10):
    weights = np.zeros(X.shape[1] + 1)
    for _ in range(epochs):
        for x_i, target in zip(X, y, strict=True):
            output = 1 if np.dot(x_i, weights[1:]) + weights[0] > 0 else 0
            weights[1:] += learning_rate * (target - output) * x_i
            weights[0] += learning_rate * (target - output)
    return weights


def test_ex1_train_loop():
    assert_right(check.check_train_loop(train))
    assert_right(check.check_train_loop(
        lambda X, y, learning_rate, epochs: Perceptron(X.shape[1], learning_rate=learning_rate,
                                                       epochs=epochs).fit(X, y).weights.tolist()))

    def batch_update(X, y, learning_rate=0.2, epochs=10):  # whole-batch instead of per sample
        weights = np.zeros(X.shape[1] + 1)
        for _ in range(epochs):
            out = (X @ weights[1:] + weights[0] > 0).astype(float)
            weights[1:] += learning_rate * (y - out) @ X
            weights[0] += learning_rate * np.sum(y - out)
        return weights

    assert_wrong(check.check_train_loop(batch_update), "batch_update(X=np.array([[0, 0]")
    assert_garbage_is_feedback(check.check_train_loop, 1)


def test_ex2_small_learning_rate():
    X, y = logic_gate_data("and")
    right = Perceptron(2, learning_rate=0.1, epochs=10).fit(X, y).weights
    assert_right(check.check_small_learning_rate(right))
    assert_right(check.check_small_learning_rate(list(right)))
    fb = check.check_small_learning_rate(2 * right)
    assert_wrong(fb, "`weights_small`", "learning rate 0.2")
    assert_garbage_is_feedback(check.check_small_learning_rate, 1)


def test_ex3_threshold():
    X, y = logic_gate_data("and")
    b, w1, w2 = Perceptron(2, learning_rate=0.2, epochs=10).fit(X, y).weights
    assert_right(check.check_threshold(-b, w1 + w2 + b))
    assert_right(check.check_threshold(np.array([-b]), np.float32(w1 + w2 + b)))
    assert_wrong(check.check_threshold(b, w1 + w2 + b), "`theta`", "-b, not b")
    assert_wrong(check.check_threshold(-b, w1 + w2), "`margin`", "subtract θ")
    assert_garbage_is_feedback(check.check_threshold, 2)


def test_ex4_xor_feature():
    X, _ = logic_gate_data("xor")
    assert_right(check.check_xor_feature(np.column_stack([X, X[:, 0] * X[:, 1]])))
    assert_right(check.check_xor_feature(np.column_stack([X, X.prod(axis=1)]).astype(int)))
    assert_wrong(check.check_xor_feature(np.column_stack([X, X.sum(axis=1)])), "`X3`")
    assert_garbage_is_feedback(check.check_xor_feature, 1)


def test_ex5_two_layer_xor():
    X, y = logic_gate_data("xor")
    models = {g: Perceptron(2, learning_rate=0.2, epochs=10).fit(*logic_gate_data(g))
              for g in ("nand", "or", "and")}
    hidden = np.column_stack([models["nand"].predict(X), models["or"].predict(X)])
    assert_right(check.check_two_layer_xor(models["and"].predict(hidden), hidden))
    assert_right(check.check_two_layer_xor([0, 1, 1, 0], hidden.tolist()))
    # the XOR targets copied, no network built
    assert_wrong(check.check_two_layer_xor(y, ...), "`hidden` is still empty")
    assert_wrong(check.check_two_layer_xor(y, hidden[:, ::-1]), "`hidden`", "NAND first")
    assert_wrong(check.check_two_layer_xor(y, np.ones((4, 2))), "`hidden`")
    assert_garbage_is_feedback(check.check_two_layer_xor, 2)
