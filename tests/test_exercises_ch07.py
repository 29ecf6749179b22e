"""Chapter 7 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage; the "accuracy" rule matches Keras 3."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong

from lossbook import optimizers
from lossbook.exercises import NOT_ATTEMPTED
from lossbook.exercises import ch07 as check
from lossbook.model import Dense, Input, Sequential

pytestmark = pytest.mark.usefixtures("english")

N = 22699


def test_ex1_validation_split():
    order = np.random.default_rng(1234).permutation(N)
    assert_right(check.check_validation_split(order[:5000], order[5000:], N))
    valid = np.sort(np.random.default_rng(7).choice(N, 5000, replace=False))
    assert_right(check.check_validation_split(valid.tolist(), np.setdiff1d(np.arange(N), valid),
                                              N))
    # unshuffled: the first 5,000 images
    fb = check.check_validation_split(np.arange(5000), np.arange(5000, N), N)
    assert_wrong(fb, "`valid_idx` sits in one corner", "shuffling")
    # the post's np.random.choice with replacement
    valid = np.random.default_rng(0).choice(N, 5000)
    fb = check.check_validation_split(valid, np.setdiff1d(np.arange(N), valid), N)
    assert_wrong(fb, "`train_idx` has")
    assert_wrong(check.check_validation_split(order[:5000], order[4999:-1], N),
                 "share 1 indices")
    assert_wrong(check.check_validation_split(order[:5000] * 1.0, order[5000:], N),
                 "`valid_idx` must be an array of integer indices")
    assert_garbage_is_feedback(lambda a, b: check.check_validation_split(a, b, N), 2)


def test_ex2_adam_string():
    assert_right(check.check_adam_string(0.001, optimizers.Adam(learning_rate=0.005)))
    assert_right(check.check_adam_string(np.array([1e-3]), optimizers.Adam(learning_rate=5e-3)))
    assert_wrong(check.check_adam_string(0.005, optimizers.Adam(learning_rate=0.005)),
                 "`string_lr` = 0.005 is not right")
    assert_wrong(check.check_adam_string(0.001, "adam"), "must be an Adam object")
    assert_wrong(check.check_adam_string(0.001, optimizers.Adam()),
                 "`optimizer_0005.learning_rate` = 0.001 is not right")
    assert_garbage_is_feedback(check.check_adam_string, 2)


def _models(same_start=True, shuffle=False):
    x = np.random.default_rng(0).normal(size=(40, 4))
    y = np.arange(40) % 3
    a = Sequential([Input((4,)), Dense(3, activation="softmax")], seed=1)
    b = Sequential([Input((4,)), Dense(3, activation="softmax")], seed=2)
    if same_start:
        b.set_weights(a.get_weights())
    a.compile(optimizer=optimizers.Adam(learning_rate=0.005),
              loss="sparse_categorical_crossentropy")
    b.compile(optimizer=optimizers.Adam(learning_rate=0.005), loss="categorical_crossentropy")
    a.fit(x, y, batch_size=8, shuffle=shuffle, verbose=0, seed=3)
    b.fit(x, np.eye(3)[y], batch_size=8, shuffle=shuffle, verbose=0, seed=4)
    diff = max(np.max(np.abs(p - q)) for p, q in zip(a.get_weights(), b.get_weights(),
                                                     strict=True))
    return a, b, diff


def test_ex3_one_hot_same():
    a, b, diff = _models()
    assert diff < 1e-12
    assert_right(check.check_one_hot_same(diff, a, b))
    assert_right(check.check_one_hot_same(np.array([diff]), a, b))
    # 0 written down without running the experiment
    fb = check.check_one_hot_same(0, ..., ...)
    assert fb.status == NOT_ATTEMPTED and "pass the two models" in fb.message
    assert_wrong(check.check_one_hot_same(0, a, a), "the same model")
    untrained = Sequential([Input((4,)), Dense(3, activation="softmax")], seed=1)
    untrained.compile(optimizer="adam", loss="categorical_crossentropy")
    assert_wrong(check.check_one_hot_same(0, a, untrained), "training steps")
    assert_wrong(check.check_one_hot_same(0, b, a), "the losses are")
    c, d, diff_cd = _models(same_start=False)
    assert_wrong(check.check_one_hot_same(diff_cd, c, d), "set_weights")
    assert_wrong(check.check_one_hot_same(0.5, a, b), "`weight_difference` = 0.5 is not right")
    assert_garbage_is_feedback(check.check_one_hot_same, 1)
    assert_garbage_is_feedback(lambda w, m: check.check_one_hot_same(0.0, m, m), 2)


def test_ex4_accuracy_rule():
    right = {"a": "categorical_accuracy", "b": "binary_accuracy",
             "c": "sparse_categorical_accuracy", "d": "sparse_categorical_accuracy"}
    assert_right(check.check_accuracy_rule(right))
    assert_right(check.check_accuracy_rule({"a": "CategoricalAccuracy", "b": "BinaryAccuracy",
                                            "c": "SparseCategoricalAccuracy",
                                            "d": " Sparse Categorical Accuracy "}))
    # the four answers the chapter prints just above, in order, do not pass
    printed = ["sparse_categorical_accuracy", "sparse_categorical_accuracy",
               "categorical_accuracy", "binary_accuracy"]
    fb = check.check_accuracy_rule(dict(zip("abcd", printed, strict=True)))
    assert_wrong(fb, "(a) 'sparse_categorical_accuracy' is not right")
    assert_wrong(check.check_accuracy_rule({**right, "b": "sparse_categorical_accuracy"}),
                 "(b)", "single output unit")
    assert_garbage_is_feedback(check.check_accuracy_rule, 1)


def test_accuracy_rule_is_keras_rule():
    compile_utils = pytest.importorskip("keras.src.trainers.compile_utils")
    for y_shape, p_shape in [*check.ACCURACY_CASES.values(), ((32,), (32, 10)),
                             ((32, 1), (32, 10)), ((32, 10), (32, 10)), ((32, 1), (32, 1))]:
        y, p = np.zeros(y_shape), np.zeros(p_shape)
        is_binary, is_sparse = compile_utils.is_binary_or_sparse_categorical(y, p)
        keras_name = ("binary_accuracy" if is_binary else
                      "sparse_categorical_accuracy" if is_sparse else "categorical_accuracy")
        assert check.keras_accuracy_for(y_shape, p_shape) == keras_name, (y_shape, p_shape)


def test_ex5_float32_start():
    assert_right(check.check_float32_start("1e-8"))
    for spelling in ("1e-08", "1E-8", 1e-8, np.float32(1e-8)):
        assert_right(check.check_float32_start(spelling))
    fb = check.check_float32_start("1e-16")  # float64's answer
    assert_wrong(fb, "`float32_start` = '1e-16' is not right", "np.finfo(np.float32).eps")
    assert_wrong(check.check_float32_start("1e-7"), "pick one of")
    assert_garbage_is_feedback(check.check_float32_start, 1)


def test_feedback_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert check.check_float32_start("1e-4").message.startswith("`float32_start` = '1e-4'은(는)")
