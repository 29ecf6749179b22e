"""Chapter 7 exercise checks: the right answer passes, the placeholder is "not attempted",
typical wrong answers are named precisely; the "accuracy" rule matches Keras 3."""

import numpy as np
import pytest

from lossbook import optimizers
from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from lossbook.exercises import ch07 as check

pytestmark = pytest.mark.usefixtures("english")


def test_validation_split():
    n = 22699
    order = np.random.default_rng(1234).permutation(n)
    assert check.check_validation_split(order[:5000], order[5000:], n).status == CORRECT
    assert check.check_validation_split(..., ..., n).status == NOT_ATTEMPTED
    # the seed's set difference done wrong: validation drawn with replacement
    valid = np.random.default_rng(0).choice(n, 5000)
    fb = check.check_validation_split(valid, np.setdiff1d(np.arange(n), valid), n)
    assert fb.status == WRONG and fb.message.startswith("the training set has")
    fb = check.check_validation_split(order[:5000], order[4999:-1], n)
    assert fb.status == WRONG and fb.message.startswith("the two parts share 1 indices")
    fb = check.check_validation_split(order[:4000], order[4000:], n)
    assert fb.status == WRONG and "needs 5000" in fb.message


def test_adam_string():
    right = optimizers.Adam(learning_rate=0.005)
    assert check.check_adam_string(0.001, right).status == CORRECT
    assert check.check_adam_string(..., ...).status == NOT_ATTEMPTED
    fb = check.check_adam_string(0.005, right)
    assert fb.status == WRONG and fb.message.startswith("learning rate of 'adam': value differs")
    fb = check.check_adam_string(0.001, "adam")
    assert fb.status == WRONG and "expected an Adam object" in fb.message
    fb = check.check_adam_string(0.001, optimizers.Adam())
    assert fb.status == WRONG and "0.005" in fb.message


def test_one_hot_same():
    assert check.check_one_hot_same(0.0).status == CORRECT
    assert check.check_one_hot_same(3e-16).status == CORRECT
    assert check.check_one_hot_same(...).status == NOT_ATTEMPTED
    fb = check.check_one_hot_same(0.02)
    assert fb.status == WRONG and "set_weights" in fb.message


def test_accuracy_rule():
    right = {"a": "sparse_categorical_accuracy", "b": "sparse_categorical_accuracy",
             "c": "categorical_accuracy", "d": "binary_accuracy"}
    assert check.check_accuracy_rule(right).status == CORRECT
    assert check.check_accuracy_rule({k: ... for k in "abcd"}).status == NOT_ATTEMPTED
    fb = check.check_accuracy_rule({**right, "b": "categorical_accuracy"})  # the missed case
    assert fb.status == WRONG and fb.message.startswith("(b) 'categorical_accuracy' is not right")


def test_accuracy_rule_is_keras_rule():
    compile_utils = pytest.importorskip("keras.src.trainers.compile_utils")
    for y_shape, p_shape in [*check.ACCURACY_CASES.values(), ((8, 3), (8, 3)), ((8,), (8, 1))]:
        y, p = np.zeros(y_shape), np.zeros(p_shape)
        is_binary, is_sparse = compile_utils.is_binary_or_sparse_categorical(y, p)
        keras_name = ("binary_accuracy" if is_binary else
                      "sparse_categorical_accuracy" if is_sparse else "categorical_accuracy")
        assert check.keras_accuracy_for(y_shape, p_shape) == keras_name, (y_shape, p_shape)


def test_float32_start():
    assert check.check_float32_start("1e-8").status == CORRECT
    assert check.check_float32_start(...).status == NOT_ATTEMPTED
    fb = check.check_float32_start("1e-16")  # float64's answer
    assert fb.status == WRONG and "np.finfo(np.float32).eps" in fb.message
    assert "pick one of" in check.check_float32_start(1e-8).message


def test_feedback_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert check.check_one_hot_same(0.5).message.startswith("값이 다릅니다")
