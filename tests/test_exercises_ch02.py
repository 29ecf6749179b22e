"""Chapter 2 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong

from lossbook import activations
from lossbook.exercises import ch02 as check

pytestmark = pytest.mark.usefixtures("english")


def test_ex1_vanishing_layers():
    assert_right(check.check_vanishing_layers(17))
    assert_right(check.check_vanishing_layers(np.array([17.0])))
    fb = check.check_vanishing_layers(16)
    assert_wrong(fb, "`layers` = 16.0 is not right", "0.25**16 = 2.33e-10 is still above 1e-10")
    assert "17" not in fb.message
    assert_garbage_is_feedback(check.check_vanishing_layers, 1)


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def test_ex2_stable_softmax():
    assert_right(check.check_stable_softmax(softmax))
    assert_right(check.check_stable_softmax(activations.softmax))
    with np.errstate(over="ignore", invalid="ignore"):
        fb = check.check_stable_softmax(lambda z: np.exp(z) / np.exp(z).sum())
    assert_wrong(fb, "<lambda>(z=np.array([1010, 1000, 990]))", "nan", "subtract the maximum")
    assert_garbage_is_feedback(check.check_stable_softmax, 1)


def test_ex3_tanh_derivative():
    assert_right(check.check_tanh_derivative(lambda z: 1 - np.tanh(z) ** 2))
    assert_right(check.check_tanh_derivative(lambda z: 1 / np.cosh(z) ** 2))
    assert_wrong(check.check_tanh_derivative(lambda z: 1 - np.tanh(z)), "the result of <lambda>")
    assert_garbage_is_feedback(check.check_tanh_derivative, 1)


def test_ex4_three_layers():
    W1, b1, W2, b2, W3, b3 = check.three_layer_weights()
    assert_right(check.check_three_layers(W1 @ W2 @ W3, b1 @ W2 @ W3 + b2 @ W3 + b3))
    assert_right(check.check_three_layers((W1 @ W2 @ W3).tolist(),
                                          np.float32((b1 @ W2 + b2) @ W3 + b3)))
    assert_wrong(check.check_three_layers(W1 @ W2 @ W3, b1), "`b` has shape (4,)")
    assert_wrong(check.check_three_layers(W1 @ W2 @ W3, b3), "`b` is not right at index 0")
    assert_garbage_is_feedback(check.check_three_layers, 2)


def test_ex5_dying_relu():
    assert_right(check.check_dying_relu(activations.relu_grad(-2.0),
                                        activations.leaky_relu_grad(-2.0)))
    assert_right(check.check_dying_relu(0, np.array([0.2])))
    assert_wrong(check.check_dying_relu(0.0, 0.3), "`leaky_slope` = 0.3", "LeakyReLU layer")
    assert_wrong(check.check_dying_relu(1.0, 0.2), "`relu_slope`", "negative")
    assert_garbage_is_feedback(check.check_dying_relu, 2)
