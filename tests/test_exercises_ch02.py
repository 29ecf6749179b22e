"""Chapter 2 exercise checks: right answers pass, placeholders wait, typical slips are named."""

import numpy as np
import pytest

from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from lossbook.exercises import ch02 as check

pytestmark = pytest.mark.usefixtures("english")


def outcome(capsys):
    line = capsys.readouterr().out.strip()
    mark = line.split(": ", 1)[1][0]
    return {"⏳": NOT_ATTEMPTED, "❌": WRONG, "✅": CORRECT}[mark], line


def test_vanishing_layers(capsys):
    check.vanishing_layers(...)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.vanishing_layers(17)
    assert outcome(capsys)[0] == CORRECT
    check.vanishing_layers(16)  # off by one: 0.25**16 is still above 1e-10
    status, line = outcome(capsys)
    assert status == WRONG and "0.25**16 = 2.33e-10 is still above 1e-10" in line


def test_stable_softmax(capsys):
    def placeholder(z):
        ...

    def naive(z):
        with np.errstate(over="ignore", invalid="ignore"):
            e = np.exp(np.asarray(z, float))
            return e / e.sum()

    def stable(z):
        e = np.exp(np.asarray(z, float) - np.max(z))
        return e / e.sum()

    check.stable_softmax(placeholder)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.stable_softmax(stable)
    assert outcome(capsys)[0] == CORRECT
    check.stable_softmax(naive)
    status, line = outcome(capsys)
    assert status == WRONG
    assert line.startswith("Exercise 2: ❌ input 3: differs at index 0: got nan")
    assert "subtract the maximum first" in line


def test_tanh_derivative(capsys):
    check.tanh_derivative(lambda z: 1 - np.tanh(z) ** 2)
    assert outcome(capsys)[0] == CORRECT
    check.tanh_derivative(lambda z: 1 - np.tanh(z))  # forgot the square
    status, line = outcome(capsys)
    assert status == WRONG and "input 1: differs at index 0" in line


def test_three_layers(capsys):
    W1, b1, W2, b2, W3, b3 = check.three_layer_weights()
    check.three_layers(..., ...)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.three_layers(W1 @ W2 @ W3, b1 @ W2 @ W3 + b2 @ W3 + b3)
    assert outcome(capsys)[0] == CORRECT
    check.three_layers(W1 @ W2 @ W3, b3)  # forgot the earlier biases
    status, line = outcome(capsys)
    assert status == WRONG and "x @ W + b differs from the three layers on six inputs" in line
    check.three_layers(W1 @ W2, b3)  # wrong shape
    status, line = outcome(capsys)
    assert status == WRONG


def test_dying_relu(capsys):
    check.dying_relu(0.0, ...)
    assert outcome(capsys)[0] == NOT_ATTEMPTED
    check.dying_relu(0.0, 0.2)
    assert outcome(capsys)[0] == CORRECT
    check.dying_relu(0.0, 0.3)  # the Keras layer's default
    status, line = outcome(capsys)
    assert status == WRONG and "keras.layers.LeakyReLU" in line
