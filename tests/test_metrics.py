"""Tests for lossbook.metrics: Keras 3's own cases, side by side with Keras, by hand, errors."""

import math

import numpy as np
import pytest
from helpers import assert_keras_signature

from lossbook import losses
from lossbook import metrics as M  # noqa: N812

# --- Keras 3's accuracy test cases (keras/src/metrics/accuracy_metrics_test.py), ported ----

B_TRUE = np.array([[1], [1], [0], [0]])
B_PRED = np.array([[0.98], [1], [0], [0.6]])
C_TRUE = np.array([[0, 0, 1], [0, 1, 0]])
C_PRED = np.array([[0.1, 0.9, 0.8], [0.05, 0.95, 0]])
S_PRED = np.array([[0.1, 0.6, 0.3], [0.05, 0.95, 0]])

ACCURACY_CASES = [
    (M.BinaryAccuracy(), B_TRUE, B_PRED, None, 0.75),
    (M.BinaryAccuracy(), np.array([1, 1, 0, 0]), B_PRED, None, 0.75),  # (n,) meets (n, 1)
    (M.BinaryAccuracy(), B_TRUE, B_PRED, np.array([1, 0, 0, 1]), 0.5),
    (M.BinaryAccuracy(), np.array([1, 1, 0, 0]), np.array([0.98, 1, 0, 0.6]),
     np.array([1, 0, 0, 1]), 0.5),
    (M.BinaryAccuracy(), np.array([[1, 1], [0, 0]]), np.array([[0.98, 1], [0, 0.6]]),
     np.array([[1, 0], [0, 1]]), 0.5),
    (M.BinaryAccuracy(), np.array([[1, 1], [0, 0]]), np.array([[0.98, 1], [0, 0.6]]),
     np.array([[1, 0]]), 1.0),
    (M.BinaryAccuracy(threshold=0.3), B_TRUE, np.array([[0.98], [0.5], [0.1], [0.2]]), None,
     1.0),
    (M.BinaryAccuracy(threshold=0.9), B_TRUE, np.array([[0.98], [0.5], [0.1], [0.2]]), None,
     0.75),
    (M.CategoricalAccuracy(), C_TRUE, C_PRED, None, 0.5),
    (M.CategoricalAccuracy(), C_TRUE, C_PRED, np.array([0.7, 0.3]), 0.3),
    (M.SparseCategoricalAccuracy(), np.array([[2], [1]]), S_PRED, None, 0.5),
    (M.SparseCategoricalAccuracy(), np.array([[2], [1]]), S_PRED, np.array([0.7, 0.3]), 0.3),
    (M.SparseCategoricalAccuracy(), np.array([[0], [1], [2]]),
     np.array([[0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9]]), None, 1.0),
    (M.SparseCategoricalAccuracy(), np.array([0, 1], dtype=np.int64),
     np.array([[0.9, 0.1], [0.1, 0.9]], dtype=np.float32), None, 1.0),
    (M.SparseCategoricalAccuracy(), np.array([0, 1, 2], dtype=np.int32),
     np.array([[0.9, 0.1, 0.0], [0.0, 0.9, 0.1], [0.1, 0.0, 0.9]]), None, 1.0),
    (M.SparseCategoricalAccuracy(), np.array([2, 1, 0], dtype=np.int32), np.eye(3)[[2, 1, 0]],
     None, 1.0),
    (M.Accuracy(), np.array([[1], [2], [3], [4]]), np.array([[0], [2], [3], [4]]), None, 0.75),
    (M.Accuracy(), np.array([[1], [2], [3], [4]]), np.array([[0], [2], [3], [4]]),
     np.array([1, 1, 0, 0]), 0.5),
]


@pytest.mark.parametrize("case", range(len(ACCURACY_CASES)))
def test_keras_accuracy_cases(case):
    metric, y_true, y_pred, sample_weight, expected = ACCURACY_CASES[case]
    metric.reset_state()
    metric.update_state(y_true, y_pred, sample_weight=sample_weight)
    assert metric.result() == pytest.approx(expected, abs=1e-3)


def test_keras_mean_and_regression_cases():
    m = M.Mean()
    m.update_state([1, 3, 5, 7])
    assert m.result() == 4.0
    m.reset_state()
    m.update_state([1, 3, 5, 7], sample_weight=[1, 1, 0, 0])
    assert m.result() == 2.0
    s = M.Sum()
    s.update_state([1, 3, 5, 7])
    assert s.result() == 16.0
    s.reset_state()
    s.update_state([1, 3, 5, 7], sample_weight=[1, 1, 0, 0])
    assert s.result() == 4.0
    # regression_metrics_test: MeanSquaredError / MeanAbsoluteError
    y_true = np.array([[0, 1, 0, 1, 0], [0, 0, 1, 1, 1], [1, 1, 1, 1, 0], [0, 0, 0, 0, 1]])
    y_pred = np.array([[0, 0, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0], [1, 1, 1, 1, 1]])
    mse = M.MeanSquaredError()
    mse.update_state(y_true, y_pred)
    assert mse.result() == pytest.approx(0.5, abs=1e-6)
    mse.reset_state()
    mse.update_state(y_true, y_pred, sample_weight=np.array([1.0, 1.5, 2.0, 2.5]))
    assert mse.result() == pytest.approx(0.54285, abs=1e-3)
    mae = M.MeanAbsoluteError()
    mae.update_state(y_true, y_pred, sample_weight=np.array([1.0, 1.5, 2.0, 2.5]))
    assert mae.result() == pytest.approx(0.54285, abs=1e-3)


def test_soft_binary_targets_score_zero_as_in_keras():
    """Keras compares y_true == [y_pred > 0.5] exactly: 0.95/0.05 targets never match."""
    soft = np.array([[0.95], [0.05], [0.95], [0.05]])
    pred = np.array([[0.9], [0.1], [0.2], [0.8]])
    assert M.BinaryAccuracy()(soft, pred) == 0.0
    assert M.BinaryAccuracy()(np.round(soft), pred) == 0.5


# --- side by side with Keras ---------------------------------------------------------------

METRIC_CASES = [
    ("Accuracy", {}, "int"),
    ("BinaryAccuracy", {}, "binary"),
    ("BinaryAccuracy", {"threshold": 0.7}, "binary"),
    ("BinaryAccuracy", {}, "soft"),
    ("CategoricalAccuracy", {}, "onehot"),
    ("SparseCategoricalAccuracy", {}, "sparse"),
    ("SparseCategoricalAccuracy", {}, "sparse_column"),
    ("MeanSquaredError", {}, "real"),
    ("MeanAbsoluteError", {}, "real"),
    ("MeanSquaredLogarithmicError", {}, "positive"),
    ("BinaryCrossentropy", {}, "binary"),
    ("BinaryCrossentropy", {"from_logits": True, "label_smoothing": 0.1}, "binary_logits"),
    ("CategoricalCrossentropy", {}, "onehot"),
    ("CategoricalCrossentropy", {"from_logits": True, "label_smoothing": 0.2}, "onehot_logits"),
    ("SparseCategoricalCrossentropy", {}, "sparse"),
    ("SparseCategoricalCrossentropy", {"from_logits": True, "ignore_class": 1}, "sparse_logits"),
]


def metric_batch(kind, rng, n=8, k=4):
    """(y_true, y_pred) of one batch for a kind of target."""
    probs = rng.uniform(0.05, 1.0, size=(n, k))
    probs /= probs.sum(axis=-1, keepdims=True)
    labels = rng.integers(0, k, size=n)
    return {
        "int": lambda: (rng.integers(0, 3, (n, 1)), rng.integers(0, 3, (n, 1)).astype(float)),
        "binary": lambda: (rng.integers(0, 2, (n, 1)).astype(float), rng.uniform(size=(n, 1))),
        "soft": lambda: (np.where(rng.uniform(size=(n, 1)) > 0.5, 0.95, 0.05),
                         rng.uniform(size=(n, 1))),
        "binary_logits": lambda: (rng.integers(0, 2, (n, 3)).astype(float),
                                  rng.normal(scale=3, size=(n, 3))),
        "onehot": lambda: (np.eye(k)[labels], probs),
        "onehot_logits": lambda: (np.eye(k)[labels], rng.normal(scale=3, size=(n, k))),
        "sparse": lambda: (labels, probs),
        "sparse_column": lambda: (labels[:, None], probs),
        "sparse_logits": lambda: (labels, rng.normal(scale=3, size=(n, k))),
        "real": lambda: (rng.normal(size=(n, k)), rng.normal(size=(n, k))),
        "positive": lambda: (rng.uniform(0, 3, (n, k)), rng.uniform(0, 3, (n, k))),
    }[kind]()


@pytest.mark.keras
@pytest.mark.parametrize("weighted", [None, "vector", "column"])
@pytest.mark.parametrize("cls_name, options, kind", METRIC_CASES)
def test_metrics_match_keras_over_two_batches(cls_name, options, kind, weighted, keras, rng):
    ours = getattr(M, cls_name)(**options)
    theirs = getattr(keras.metrics, cls_name)(**options)
    for _ in range(2):  # the state runs on over batches
        y_true, y_pred = metric_batch(kind, rng)
        sw = None if weighted is None else rng.uniform(0.0, 2.0, size=len(y_pred))
        if weighted == "column":
            sw = sw[:, None]
        ours.update_state(y_true, y_pred, sample_weight=sw)
        theirs.update_state(y_true, y_pred, sample_weight=sw)
        assert ours.result() == pytest.approx(float(theirs.result()), rel=1e-6, abs=1e-6)
    assert ours.name == theirs.name
    ours.reset_state()
    theirs.reset_state()
    assert ours.result() == float(theirs.result()) == 0.0


@pytest.mark.parametrize("weighted", [False, True])
def test_weighted_running_mean_matches_float64_formula(weighted, rng):
    metric = M.MeanSquaredError()
    total = count = 0.0
    for _ in range(3):
        y_true, y_pred = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
        w = rng.uniform(size=5) if weighted else np.ones(5)
        metric.update_state(y_true, y_pred, sample_weight=w if weighted else None)
        per_sample = [math.fsum((a - b) ** 2 for a, b in zip(t, p, strict=True)) / 3
                      for t, p in zip(y_true, y_pred, strict=True)]
        total += math.fsum(wi * v for wi, v in zip(w, per_sample, strict=True))
        count += math.fsum(w)
    assert metric.result() == pytest.approx(total / count, rel=1e-12)


# --- compile's choice of accuracy (Keras 3's rule) -------------------------------------------

CHOICE_CASES = [  # (y_true shape, y_pred shape, metric class)
    ((6,), (6, 10), M.SparseCategoricalAccuracy),
    ((6, 1), (6, 10), M.SparseCategoricalAccuracy),
    ((6, 10), (6, 10), M.CategoricalAccuracy),
    ((6, 1), (6, 1), M.BinaryAccuracy),
    ((6,), (6, 1), M.BinaryAccuracy),
    ((6, 3), (6, 3), M.CategoricalAccuracy),  # multi-label sigmoid outputs: Keras's rule too
]


@pytest.mark.keras
@pytest.mark.parametrize("identifier", ["accuracy", "acc", "ACC", "Accuracy"])
@pytest.mark.parametrize("true_shape, pred_shape, expected", CHOICE_CASES)
def test_for_compile_follows_keras(identifier, true_shape, pred_shape, expected, keras):
    from keras.src.trainers import compile_utils

    y_true, y_pred = np.zeros(true_shape), np.zeros(pred_shape)
    theirs = compile_utils.get_metric(identifier, y_true, y_pred)
    ours = M.for_compile(identifier, "mse", y_true, y_pred)
    assert type(ours) is expected
    assert type(ours).__name__ == type(theirs).__name__
    assert ours.name == theirs.name == identifier


@pytest.mark.keras
@pytest.mark.parametrize("identifier", ["mae", "mse", "MSE", "mean_squared_error",
                                        "binary_accuracy", "BinaryAccuracy",
                                        "sparse_categorical_crossentropy",
                                        "CategoricalCrossentropy"])
def test_for_compile_other_names_follow_keras(identifier, keras):
    from keras.src.trainers import compile_utils

    y_true, y_pred = np.zeros((4, 3)), np.zeros((4, 3))
    theirs = compile_utils.get_metric(identifier, y_true, y_pred)
    ours = M.for_compile(identifier, "mse", y_true, y_pred)
    assert type(ours).__name__ == type(theirs).__name__
    assert ours.name == theirs.name == identifier


def test_for_compile_objects_and_functions():
    metric = M.SparseCategoricalAccuracy(name="hits")
    assert M.for_compile(metric, None, np.zeros(3), np.zeros((3, 2))) is metric
    assert metric.name == "hits"
    wrapped = M.for_compile(losses.mean_absolute_error, None, np.zeros((3, 2)), np.zeros((3, 2)))
    assert isinstance(wrapped, M.MeanMetricWrapper) and wrapped.name == "mean_absolute_error"
    assert wrapped([[1.0, 2.0]], [[2.0, 2.0]]) == 0.5
    with pytest.raises(ValueError, match="expected a metric, received None"):
        M.for_compile(None, None, np.zeros(3), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="unknown metric 'crossentropy'"):  # Keras refuses too
        M.for_compile("crossentropy", None, np.zeros(3), np.zeros((3, 2)))


# --- get -------------------------------------------------------------------------------------


@pytest.mark.keras
@pytest.mark.parametrize("name", ["mae", "MAE", "mse", "MSE", "msle", "bce", "accuracy",
                                  "Accuracy", "binary_accuracy", "BinaryAccuracy",
                                  "categorical_accuracy", "sparse_categorical_accuracy",
                                  "mean_absolute_error", "MeanSquaredError",
                                  "binary_crossentropy", "CategoricalCrossentropy",
                                  "SparseCategoricalCrossentropy", "mean", "sum"])
def test_get_follows_keras(name, keras):
    ours, theirs = M.get(name), keras.metrics.get(name)
    assert type(ours).__name__ == type(theirs).__name__
    assert ours.name == theirs.name


@pytest.mark.keras
def test_get_refuses_what_keras_refuses(keras):
    for name in ["crossentropy", "f1", "Mae", "meanabsoluteerror"]:
        with pytest.raises(ValueError):
            keras.metrics.get(name)
        with pytest.raises(ValueError, match=f"unknown metric '{name}'"):
            M.get(name)
    assert M.get(None) is None and keras.metrics.get(None) is None
    metric = M.BinaryAccuracy(threshold=0.2)
    assert M.get(metric) is metric
    again = M.get({"class_name": "BinaryAccuracy", "config": metric.get_config()})
    assert again.get_config() == metric.get_config() == {"name": "binary_accuracy",
                                                         "dtype": "float64", "threshold": 0.2}


# --- Keras 3's signatures ----------------------------------------------------------------------

MIRRORED = ["Metric", "Mean", "Sum", "MeanMetricWrapper", "Accuracy", "BinaryAccuracy",
            "CategoricalAccuracy", "SparseCategoricalAccuracy", "MeanSquaredError",
            "MeanAbsoluteError", "MeanSquaredLogarithmicError", "BinaryCrossentropy",
            "CategoricalCrossentropy", "SparseCategoricalCrossentropy"]


@pytest.mark.keras
@pytest.mark.parametrize("name", MIRRORED)
def test_metric_classes_take_keras_parameters_in_keras_order(name, keras):
    ours, theirs = getattr(M, name), getattr(keras.metrics, name)
    for method in ("__init__", "update_state", "result", "reset_state", "__call__"):
        assert_keras_signature(getattr(ours, method), getattr(theirs, method))


@pytest.mark.keras
@pytest.mark.parametrize("name", ["binary_accuracy", "categorical_accuracy",
                                  "sparse_categorical_accuracy", "mean_squared_error",
                                  "mean_absolute_error", "binary_crossentropy", "get"])
def test_metric_functions_take_keras_parameters_in_keras_order(name, keras):
    assert_keras_signature(getattr(M, name), getattr(keras.metrics, name))


# --- bad input ---------------------------------------------------------------------------------


def test_bad_input_raises_clearly():
    with pytest.raises(ValueError, match=r"shape mismatch: y_true has shape \(2, 3\)"):
        M.CategoricalAccuracy().update_state(np.zeros((2, 3)), np.zeros((2, 4)))
    with pytest.raises(ValueError, match="y_pred contains NaN"):
        M.BinaryAccuracy().update_state([[1.0]], [[np.nan]])
    with pytest.raises(ValueError, match="y_true has label 3, outside the valid range 0..2"):
        M.SparseCategoricalAccuracy().update_state([3], [[0.2, 0.3, 0.5]])
    with pytest.raises(ValueError, match=r"labels need shape \(1, 2\)"):
        # Keras broadcasts labels (2, 1) against predictions (1, 2, 3); lossbook refuses
        M.SparseCategoricalAccuracy().update_state([[0], [0]], np.ones((1, 2, 3)) / 3)
    with pytest.raises(ValueError, match="sample_weight must not be negative"):
        M.Mean().update_state([1.0, 2.0], sample_weight=[1.0, -1.0])
    with pytest.raises(ValueError, match=r"sample_weight has shape \(3,\)"):
        M.Mean().update_state([1.0, 2.0], sample_weight=[1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match="y_pred must hold probabilities"):
        M.BinaryCrossentropy().update_state([[1.0]], [[1.5]])
    with pytest.raises(TypeError, match="unexpected keyword argument 'axis'"):
        M.MeanMetricWrapper(losses.mean_squared_error, axis=0)
    with pytest.raises(ValueError, match="dtype must be 'float32', 'float64' or None"):
        M.Mean(dtype="int8")


@pytest.mark.parametrize("name, y_true, y_pred", [
    ("sparse_categorical_accuracy", [2, 1, 0],
     [[0.1, 0.5, 0.4], [0.2, 0.7, 0.1], [0.9, 0.05, 0.05]]),
    ("categorical_accuracy", [[0, 0, 1], [0, 1, 0]], [[0.1, 0.5, 0.4], [0.2, 0.7, 0.1]]),
    ("binary_accuracy", [[1.0], [0.0], [1.0]], [[0.7], [0.2], [0.4]]),
    ("accuracy", [[1.0, 2.0]], [[1.0, 3.0]]),
    ("mse", [[1.0, 2.0]], [[0.5, 3.0]]),
])
def test_update_state_unchecked_counts_as_update_state(name, y_true, y_pred):
    """fit checks its data once, then each batch uses the bare formula: same results."""
    checked, unchecked = M.get(name), M.get(name)
    labels = np.asarray(y_true)
    y_true = labels if labels.dtype.kind == "i" else labels.astype(np.float64)
    for _ in range(2):
        checked.update_state(y_true, np.asarray(y_pred))
        unchecked.update_state_unchecked(y_true, np.asarray(y_pred))
    assert unchecked.result() == checked.result()


def test_match_functions_still_check_their_inputs():
    with pytest.raises(ValueError, match="shape mismatch"):
        M.sparse_categorical_accuracy([[0, 1, 0]], [[0.1, 0.8, 0.1]])
    with pytest.raises(ValueError, match="threshold"):
        M.binary_accuracy([[1.0]], [[0.5]], threshold=float("nan"))
    assert M.sparse_categorical_accuracy.unchecked(np.array([1]), np.array([[0.1, 0.8, 0.1]])) == 1
