"""Chapter 1 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong

from lossbook import losses
from lossbook.activations import sigmoid
from lossbook.exercises import ch01 as check

pytestmark = pytest.mark.usefixtures("english")


def sse(y_true, y_pred):
    return 0.5 * np.sum((np.asarray(y_pred, float) - np.asarray(y_true, float)) ** 2)


def test_ex1_sum_squared_error():
    assert_right(check.check_sum_squared_error_fn(sse))
    assert_right(check.check_sum_squared_error_fn(  # a loop, returning a float32
        lambda t, y: np.float32(sum(0.5 * (a - b) ** 2 for a, b in zip(y, t, strict=True)))))
    fb = check.check_sum_squared_error_fn(lambda t, y: 2 * sse(t, y))  # forgot the ½
    assert_wrong(fb, "<lambda>(t=np.array([0, 0, 0, 0, 0, 0, 1, 0, 0, 0]), "
                 "y=np.array([0, 0, 0, 0, 0.1, 0, 0.8, 0, 0.1, 0])) is 0.06; expected 0.03")
    assert_garbage_is_feedback(check.check_sum_squared_error_fn, 1)


def cee(y_true, y_pred):
    t, y = np.asarray(y_true, float), np.asarray(y_pred, float)
    return -np.sum(t[t > 0] * np.log(y[t > 0] + 1e-7))


def test_ex2_cross_entropy_error():
    assert_right(check.check_cross_entropy_error_fn(cee))
    assert_right(check.check_cross_entropy_error_fn(losses.cross_entropy_error))
    with np.errstate(divide="ignore"):
        fb = check.check_cross_entropy_error_fn(lambda t, y: -np.sum(t * np.log(y)))  # no δ
    assert_wrong(fb, "contains nan")
    assert_garbage_is_feedback(check.check_cross_entropy_error_fn, 1)


def test_ex3_two_predictions():
    t6, y_a, y_b = check.two_predictions_data()
    answers = [losses.sum_squared_error(t6, y_a), losses.sum_squared_error(t6, y_b),
               losses.cross_entropy_error(t6, y_a), losses.cross_entropy_error(t6, y_b)]
    assert_right(check.check_two_predictions(*answers))
    # exact −log 0.6 (no δ), one-element arrays, float32
    assert_right(check.check_two_predictions(np.array([0.16]), np.float32(0.1), -np.log(0.6),
                                             -np.log(0.6)))
    fb = check.check_two_predictions(answers[0], answers[1], losses.cross_entropy_error(y_a, t6),
                                     answers[3])
    assert_wrong(fb, "`cee_a`", "argument order")
    assert "0.51" not in fb.message  # the expected value is never shown
    assert_wrong(check.check_two_predictions(0.32, *answers[1:]), "`sse_a`", "½")
    assert_garbage_is_feedback(check.check_two_predictions, 4)


def test_ex4_mse_vs_sse():
    y_true, y_pred = check.mse_data()
    scaled = 5 / 2 * losses.mean_squared_error(y_true, y_pred).mean()
    assert_right(check.check_mse_vs_sse(scaled))
    assert_right(check.check_mse_vs_sse(np.array([losses.sum_squared_error(y_true, y_pred)])))
    fb = check.check_mse_vs_sse(losses.mean_squared_error(y_true, y_pred).mean())
    assert_wrong(fb, "`scaled`", "MSE itself")
    assert_wrong(check.check_mse_vs_sse(losses.mean_squared_error(y_true, y_pred)),
                 "`scaled` has shape (4,)")
    assert_garbage_is_feedback(check.check_mse_vs_sse, 1)


def test_ex5_bce_third_example():
    third = np.array([0.30, 0.40, 0.20, 0.65, 0.2])
    targets = np.array([1.0, 0.0, 0.0, 1.0, 0.0])
    assert_right(check.check_bce_third_example(
        losses.binary_crossentropy(targets[:, None], third[:, None]).mean()))
    post_bcee = -np.mean(targets * np.log(third + 1e-7) + (1 - targets) * np.log(1 - third + 1e-7))
    assert_right(check.check_bce_third_example(post_bcee))
    fb = check.check_bce_third_example(5 * post_bcee)
    assert_wrong(fb, "`bce_third`", "divide by the number of samples")
    assert_garbage_is_feedback(check.check_bce_third_example, 1)


def test_ex6_from_logits():
    t0, z30 = np.array([[0.0]]), np.array([[30.0]])
    a = losses.binary_crossentropy(t0, sigmoid(z30))[0]
    b = losses.binary_crossentropy(t0, z30, from_logits=True)[0]
    assert_right(check.check_from_logits(a, b))
    assert_right(check.check_from_logits(float(a), np.log1p(np.exp(30.0))))
    fb = check.check_from_logits(-np.log(1 - sigmoid(30.0)), b)  # the formula, unclipped
    assert_wrong(fb, "`via_sigmoid`", "without clipping")
    assert "16.1" not in fb.message
    assert_wrong(check.check_from_logits(a, a), "`via_logits`", "from_logits=True")
    assert_garbage_is_feedback(check.check_from_logits, 2)


def test_ex7_loss_names():
    right = {"a": "mse", "b": "binary_crossentropy", "c": "sparse_categorical_crossentropy",
             "d": "binary_crossentropy", "e": "categorical_crossentropy"}
    assert_right(check.check_loss_names(right))
    for a in ("mean_squared_error", "MSE", "MeanSquaredError", "mae", losses.mean_squared_error):
        assert_right(check.check_loss_names({**right, "a": a}))
    assert_right(check.check_loss_names({**right, "c": "SparseCategoricalCrossentropy",
                                         "e": "CategoricalCrossentropy", "b": "bce"}))
    fb = check.check_loss_names({**right, "c": "categorical_crossentropy"})
    assert_wrong(fb, "(c) 'categorical_crossentropy' is not right", "'sparse'")
    assert_wrong(check.check_loss_names({**right, "a": "msle"}), "(a)", "regression")
    assert_garbage_is_feedback(check.check_loss_names, 1)
