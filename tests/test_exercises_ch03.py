"""Chapter 3 exercise checks: right answers pass, placeholders wait, typical slips are named."""

import numpy as np
import pytest

from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from lossbook.exercises import ch03 as check
from lossbook.perceptron import Perceptron, logic_gate_data

pytestmark = pytest.mark.usefixtures("english")


def outcome(capsys):
    line = capsys.readouterr().out.strip()
    mark = line.split(": ", 1)[1][0]
    return {"⏳": NOT_ATTEMPTED, "❌": WRONG, "✅": CORRECT}[mark], line


def make_train(bias_update=True):
    def train(X, y, learning_rate=0.2, epochs=10):
        weights = np.zeros(X.shape[1] + 1)
        for _ in range(epochs):
            for x_i, target in zip(X, y, strict=True):
                output = 1 if np.dot(x_i, weights[1:]) + weights[0] > 0 else 0
                weights[1:] += learning_rate * (target - output) * x_i
                if bias_update:
                    weights[0] += learning_rate * (target - output)
        return weights
    return train


def test_train_loop(capsys):
    def placeholder(X, y, learning_rate=0.2, epochs=10):
        ...
        return None

    check.train_loop(placeholder)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.train_loop(make_train())
    assert outcome(capsys)[0] == CORRECT
    check.train_loop(make_train(bias_update=False))  # forgot the bias rule
    status, line = outcome(capsys)
    assert status == WRONG and line.startswith("Exercise 1: ❌ input 1: differs at index 0")


def test_small_learning_rate(capsys):
    X, y = logic_gate_data("and")
    check.small_learning_rate(...)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.small_learning_rate(Perceptron(2, learning_rate=0.1).fit(X, y).weights)
    assert outcome(capsys)[0] == CORRECT
    check.small_learning_rate(Perceptron(2).fit(X, y).weights)  # still lr 0.2
    status, line = outcome(capsys)
    assert status == WRONG and "those are the weights for learning rate 0.2" in line


def test_threshold(capsys):
    check.threshold(..., ...)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.threshold(0.4, 0.2)
    assert outcome(capsys)[0] == CORRECT
    check.threshold(-0.4, 0.2)  # b itself, the post's reading
    status, line = outcome(capsys)
    assert status == WRONG and "the threshold is -b, not b" in line


def test_xor_feature(capsys):
    X, _ = logic_gate_data("xor")
    check.xor_feature(...)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.xor_feature(np.column_stack([X, X[:, 0] * X[:, 1]]))
    status, line = outcome(capsys)
    assert status == CORRECT and "converges in epoch 8" in line
    check.xor_feature(np.column_stack([X, X[:, 0] + X[:, 1]]))  # a sum is no new information
    status, line = outcome(capsys)
    assert status == WRONG and "differs at index (1, 2): got 1.0, expected 0.0" in line


def test_two_layer_xor(capsys):
    check.two_layer_xor(...)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.two_layer_xor([0, 1, 1, 0])
    assert outcome(capsys)[0] == CORRECT
    check.two_layer_xor([0, 1, 1, 1])  # OR instead of XOR
    status, line = outcome(capsys)
    assert status == WRONG and "differs at index 3: got 1.0, expected 0.0" in line
