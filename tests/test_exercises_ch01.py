"""Chapter 1 exercise checks: right answers pass, placeholders wait, typical slips are named."""

import numpy as np
import pytest

from lossbook import losses
from lossbook.activations import sigmoid
from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from lossbook.exercises import ch01 as check

pytestmark = pytest.mark.usefixtures("english")


def status_and_message(capsys):
    line = capsys.readouterr().out.strip()
    mark = line.split(": ", 1)[1][0]
    status = {"⏳": NOT_ATTEMPTED, "❌": WRONG, "✅": CORRECT}[mark]
    return status, line


def test_sse_function(capsys):
    def placeholder(y_true, y_pred):
        ...

    def right(y_true, y_pred):
        return 0.5 * np.sum((np.asarray(y_pred) - np.asarray(y_true)) ** 2)

    def no_half(y_true, y_pred):  # the slip: forgetting the ½
        return np.sum((np.asarray(y_pred) - np.asarray(y_true)) ** 2)

    check.sum_squared_error_fn(placeholder)
    assert status_and_message(capsys)[0] == NOT_ATTEMPTED
    check.sum_squared_error_fn(right)
    assert status_and_message(capsys)[0] == CORRECT
    check.sum_squared_error_fn(no_half)
    status, line = status_and_message(capsys)
    assert status == WRONG
    assert line == "Exercise 1: ❌ input 1: value differs: got 0.06, expected 0.03"


def test_cee_function(capsys):
    def right(y_true, y_pred):
        t, y = np.asarray(y_true, float), np.asarray(y_pred, float)
        return -np.sum(t[t > 0] * np.log(y[t > 0] + 1e-7))

    def no_delta(y_true, y_pred):  # the slip: log(0) for a zero probability
        t, y = np.asarray(y_true, float), np.asarray(y_pred, float)
        with np.errstate(divide="ignore"):
            return -np.sum(t[t > 0] * np.log(y[t > 0]))

    check.cross_entropy_error_fn(right)
    assert status_and_message(capsys)[0] == CORRECT
    check.cross_entropy_error_fn(no_delta)
    status, line = status_and_message(capsys)
    assert status == WRONG and line.startswith("Exercise 2: ❌ input 1: value differs")
    check.cross_entropy_error_fn(...)
    assert status_and_message(capsys)[0] == NOT_ATTEMPTED


def test_two_predictions(capsys):
    y_a = np.zeros(10)
    y_a[[6, 5]] = [0.6, 0.4]
    y_b = np.zeros(10)
    y_b[[6, 0, 2, 4, 8]] = [0.6, 0.1, 0.1, 0.1, 0.1]
    t6 = np.eye(10)[6]
    sse = [losses.sum_squared_error(t6, y) for y in (y_a, y_b)]
    cee = [losses.cross_entropy_error(t6, y) for y in (y_a, y_b)]
    check.two_predictions(..., ..., ..., ...)
    assert status_and_message(capsys)[0] == NOT_ATTEMPTED
    check.two_predictions(*sse, *cee)
    assert status_and_message(capsys)[0] == CORRECT
    check.two_predictions(sse[1], sse[0], *cee)  # swapped
    status, line = status_and_message(capsys)
    assert status == WRONG and "differs at index 0: got 0.1, expected 0.16" in line


def test_mse_vs_sse(capsys):
    y_true, y_pred = check.mse_data()
    mse = losses.mean_squared_error(y_true, y_pred).mean()
    check.mse_vs_sse(...)
    assert status_and_message(capsys)[0] == NOT_ATTEMPTED
    check.mse_vs_sse(y_pred.shape[-1] / 2 * mse)
    assert status_and_message(capsys)[0] == CORRECT
    check.mse_vs_sse(mse)  # forgot C/2
    status, line = status_and_message(capsys)
    assert status == WRONG and "did you multiply by C/2?" in line


def test_bce_third_example(capsys):
    label, predict = check.BCE_LABEL, check.BCE_PREDICT
    keras_like = float(losses.binary_crossentropy(label[:, None], predict[:, None]).mean())
    with_delta = -np.mean(label * np.log(predict + 1e-7)
                          + (1 - label) * np.log(1 - predict + 1e-7))
    for right in (keras_like, with_delta):
        check.bce_third_example(right)
        assert status_and_message(capsys)[0] == CORRECT
    check.bce_third_example(5 * keras_like)  # the sum, not the mean
    status, line = status_and_message(capsys)
    assert status == WRONG and "divide by the number of samples N" in line


def test_from_logits(capsys):
    t0, z30 = np.array([[0.0]]), np.array([[30.0]])
    a = losses.binary_crossentropy(t0, sigmoid(z30))[0]
    b = losses.binary_crossentropy(t0, z30, from_logits=True)[0]
    check.from_logits(a, ...)
    assert status_and_message(capsys)[0] == NOT_ATTEMPTED
    check.from_logits(a, b)
    assert status_and_message(capsys)[0] == CORRECT
    check.from_logits(a, a)  # the clipped value twice
    status, line = status_and_message(capsys)
    assert status == WRONG and "differs at index 1: got 16.11809565, expected 30.0" in line


def test_loss_names(capsys):
    right = dict(check.LOSS_NAMES)
    check.loss_names({k: ... for k in right})
    assert status_and_message(capsys)[0] == NOT_ATTEMPTED
    check.loss_names(right)
    assert status_and_message(capsys)[0] == CORRECT
    check.loss_names({**right, "a": "mae"})
    assert status_and_message(capsys)[0] == CORRECT
    check.loss_names({**right, "c": "categorical_crossentropy"})
    status, line = status_and_message(capsys)
    assert status == WRONG and "(c) 'categorical_crossentropy' is not right" in line
    assert "integer labels take the 'sparse' name" in line
