"""Loss functions and their derivatives.

Two families live here:

* the textbook losses of the course, ``sum_squared_error`` and
  ``cross_entropy_error``, which return ONE number: the mean over a batch of
  the per-sample loss (a 1-D input is one sample);
* the Keras losses (``mean_squared_error``, ..., ``sparse_categorical_crossentropy``)
  with the names, argument order ``(y_true, y_pred)``, defaults and numerics of
  Keras 3: they return the loss of every sample, reducing only the last axis,
  so the result has the input's shape without its last axis.

Every loss ``f`` has a derivative ``f_grad`` with the same arguments. It returns
an array shaped like ``y_pred``: the gradient, with respect to ``y_pred``, of the
SUM over samples of the per-sample loss. The gradient of the batch MEAN (what
Keras minimises, and what the textbook losses return) is ``f_grad(...) / n``
with ``n`` the number of samples. ``get(name)`` and ``get_grad(name)`` find a
loss and its derivative from a Keras-style string.

Inputs are validated (shapes, NaN/inf, probabilities, labels) and computed in
float64, or in float32 when ``y_pred`` is float32 (``y_true`` is cast to the
dtype of ``y_pred``, as in Keras).
"""

from __future__ import annotations

import numpy as np

from ._checks import (
    as_float_array,
    check_labels,
    check_positive,
    check_probabilities,
    check_same_shape,
    lookup,
)
from .activations import _log_softmax, _sigmoid, _softmax

__all__ = [
    "EPSILON",
    "sum_squared_error",
    "sum_squared_error_grad",
    "cross_entropy_error",
    "cross_entropy_error_grad",
    "mean_squared_error",
    "mean_squared_error_grad",
    "mean_absolute_error",
    "mean_absolute_error_grad",
    "mean_squared_logarithmic_error",
    "mean_squared_logarithmic_error_grad",
    "binary_crossentropy",
    "binary_crossentropy_grad",
    "categorical_crossentropy",
    "categorical_crossentropy_grad",
    "sparse_categorical_crossentropy",
    "sparse_categorical_crossentropy_grad",
    "get",
    "get_grad",
]

#: Keras's fuzz factor ``keras.backend.epsilon()``: probabilities are clipped to
#: [EPSILON, 1 - EPSILON] before taking logs.
EPSILON = 1e-7


# --- input preparation ----------------------------------------------------------------


def _float_dtype(y_pred):
    """float64 by default; float32 (or wider) input keeps its precision."""
    return np.result_type(y_pred.dtype, np.float32)


def _pair(y_true, y_pred):
    """Validate a (y_true, y_pred) pair of the same shape; return float arrays."""
    y_pred = as_float_array(y_pred, "y_pred")
    y_true = as_float_array(y_true, "y_true")
    if y_pred.ndim == 0:
        raise ValueError(
            "y_pred is a scalar; a loss needs at least one axis (the values of one sample)"
        )
    check_same_shape(y_true, y_pred, "y_true", "y_pred")
    dtype = _float_dtype(y_pred)
    return y_true.astype(dtype, copy=False), y_pred.astype(dtype, copy=False)


def _probability_pair(y_true, y_pred, from_logits):
    y_true, y_pred = _pair(y_true, y_pred)
    check_probabilities(y_true, "y_true")
    if not from_logits:
        check_probabilities(y_pred, "y_pred")
    return y_true, y_pred


def _check_row_sums(y_pred):
    sums = np.sum(y_pred, axis=-1)
    if np.any(sums <= 0):
        where = tuple(int(i) for i in np.argwhere(sums <= 0)[0])
        raise ValueError(
            f"y_pred sums to 0 along the last axis at sample {where}; "
            "predicted probabilities must not all be 0"
        )


def _one_hot(labels, n_classes, dtype):
    return (labels[..., None] == np.arange(n_classes)).astype(dtype)


def _sparse_pair(y_true, y_pred, from_logits):
    """Validate integer labels against y_pred; return (one_hot, y_pred)."""
    labels, y_pred = _sparse_labels(y_true, y_pred, from_logits)
    return _one_hot(labels, y_pred.shape[-1], y_pred.dtype), y_pred


def _sparse_labels(y_true, y_pred, from_logits):
    """Validate integer labels against y_pred; return (labels, y_pred)."""
    y_pred = as_float_array(y_pred, "y_pred")
    if y_pred.ndim == 0:
        raise ValueError("y_pred is a scalar; it needs a last axis of class scores")
    y_pred = y_pred.astype(_float_dtype(y_pred), copy=False)
    labels = np.asarray(y_true)
    if labels.ndim == y_pred.ndim and labels.shape[-1:] == (1,):
        labels = labels[..., 0]  # Keras accepts labels of shape (n, 1)
    if labels.shape != y_pred.shape[:-1]:
        raise ValueError(
            f"shape mismatch: y_true (integer labels) has shape {np.shape(y_true)} but "
            f"y_pred has shape {y_pred.shape}; labels need shape {y_pred.shape[:-1]}"
            f" (or {y_pred.shape[:-1] + (1,)})"
        )
    labels = check_labels(labels, y_pred.shape[-1], "y_true")
    if not from_logits:
        check_probabilities(y_pred, "y_pred")
    return labels, y_pred


def _textbook_pair(y_true, y_pred):
    """y_true as one-hot (same shape) or integer labels (shape y_pred.shape[:-1])."""
    y_pred = as_float_array(y_pred, "y_pred")
    if y_pred.ndim == 0:
        raise ValueError("y_pred is a scalar; it needs a last axis of class probabilities")
    y_pred = y_pred.astype(_float_dtype(y_pred), copy=False)
    check_probabilities(y_pred, "y_pred")
    if np.shape(y_true) == y_pred.shape:
        y_true = as_float_array(y_true, "y_true").astype(y_pred.dtype, copy=False)
        check_probabilities(y_true, "y_true")
        return y_true, y_pred
    if np.shape(y_true) == y_pred.shape[:-1]:
        labels = check_labels(y_true, y_pred.shape[-1], "y_true")
        return _one_hot(labels, y_pred.shape[-1], y_pred.dtype), y_pred
    raise ValueError(
        f"shape mismatch: y_true has shape {np.shape(y_true)} but y_pred has shape "
        f"{y_pred.shape}; y_true must be one-hot (shape {y_pred.shape}) or integer "
        f"labels (shape {y_pred.shape[:-1]})"
    )


def _batch_size(y_pred):
    """Number of samples of a textbook loss: 1 for a 1-D input, else len(y_pred)."""
    return 1 if y_pred.ndim == 1 else y_pred.shape[0]


# --- textbook losses --------------------------------------------------------------------


def sum_squared_error(y_true, y_pred):
    """Sum of squared errors of the textbook: E = ½·Σ_k (y_k - t_k)².

    The sum runs over every element of one sample. A 1-D input is one sample;
    for a batch (2-D or more, samples along the first axis) the result is the
    batch MEAN of the per-sample E, i.e. ½·Σ(y - t)² / batch_size.

    Args:
        y_true: targets t (e.g. one-hot), same shape as ``y_pred``.
        y_pred: network outputs y.

    Returns:
        A float.

    >>> round(sum_squared_error([0, 0, 1], [0.1, 0.1, 0.8]), 6)
    0.03
    """
    y_true, y_pred = _pair(y_true, y_pred)
    total = 0.5 * np.sum((y_pred - y_true) ** 2)
    return float(total / _batch_size(y_pred))


def sum_squared_error_grad(y_true, y_pred):
    """Derivative of the summed ``sum_squared_error``: dE/dy = y - t.

    This is the gradient of the SUM over the batch; divide by the batch size
    for the gradient of the value ``sum_squared_error`` returns.

    >>> sum_squared_error_grad([0, 1], [0.5, 0.5])
    array([ 0.5, -0.5])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return y_pred - y_true


def cross_entropy_error(y_true, y_pred, delta=1e-7):
    """Cross-entropy error of the textbook: E = -Σ_k t_k·log(y_k + δ).

    δ keeps log away from log(0) = -inf (and makes a perfect prediction y = 1
    score -log(1 + δ) ≈ -1e-7, just below 0). ``y_true`` is either one-hot (or any
    target probabilities), shaped like ``y_pred``, or integer class labels of
    shape ``y_pred.shape[:-1]``. A 1-D ``y_pred`` is one sample; for a batch
    (samples along the first axis) the result is the batch MEAN of E.

    Args:
        y_true: one-hot targets or integer labels.
        y_pred: predicted probabilities in [0, 1] (e.g. softmax outputs).
        delta: small number added inside the log (default 1e-7).

    Returns:
        A float.

    >>> round(cross_entropy_error([0, 0, 1], [0.1, 0.1, 0.8]), 6)
    0.223143
    >>> round(cross_entropy_error([2, 0], [[0.1, 0.1, 0.8], [0.5, 0.25, 0.25]]), 6)
    0.458145
    """
    delta = check_positive(delta, "delta", allow_zero=True)
    t, y = _textbook_pair(y_true, y_pred)
    with np.errstate(divide="ignore"):  # log(0) = -inf only if delta = 0: loss is inf
        logs = np.log(np.where(t > 0, y + delta, 1.0))  # 0·log(...) counts as 0
    total = -np.sum(t * logs)
    return float(total / _batch_size(y))


def cross_entropy_error_grad(y_true, y_pred, delta=1e-7):
    """Derivative of the summed ``cross_entropy_error``: dE/dy_k = -t_k / (y_k + δ).

    Gradient of the SUM over the batch (divide by the batch size for the
    gradient of the mean that ``cross_entropy_error`` returns). Integer labels
    are turned into one-hot targets first.

    >>> cross_entropy_error_grad([0, 1], [0.5, 0.5], delta=0)
    array([ 0., -2.])
    """
    delta = check_positive(delta, "delta", allow_zero=True)
    t, y = _textbook_pair(y_true, y_pred)
    safe = np.where(t > 0, y + delta, 1.0)
    if np.any((t > 0) & (safe == 0)):
        raise ValueError("cross_entropy_error_grad is infinite: y_pred is 0 where y_true > 0"
                         " and delta is 0")
    return np.where(t > 0, -t / safe, 0.0).astype(y.dtype, copy=False)


# --- Keras regression losses -------------------------------------------------------------


def mean_squared_error(y_true, y_pred):
    """Mean squared error over the last axis: mean((y_true - y_pred)²).

    Args:
        y_true: targets, shape ``(..., d)``.
        y_pred: predictions, same shape.

    Returns:
        Per-sample losses, shape ``(...)``.

    >>> mean_squared_error([[0, 1], [0, 0]], [[1, 1], [1, 0]])
    array([0.5, 0.5])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return np.mean((y_true - y_pred) ** 2, axis=-1)


def mean_squared_error_grad(y_true, y_pred):
    """Derivative of ``mean_squared_error``: 2·(y_pred - y_true) / d.

    >>> mean_squared_error_grad([[0, 1]], [[1, 1]])
    array([[1., 0.]])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return 2 * (y_pred - y_true) / y_pred.shape[-1]


def mean_absolute_error(y_true, y_pred):
    """Mean absolute error over the last axis: mean(|y_true - y_pred|).

    >>> mean_absolute_error([[0, 1], [0, 0]], [[1, 1], [1, -1]])
    array([0.5, 1. ])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return np.mean(np.abs(y_true - y_pred), axis=-1)


def mean_absolute_error_grad(y_true, y_pred):
    """Derivative of ``mean_absolute_error``: sign(y_pred - y_true) / d.

    Where y_pred == y_true |·| has a kink; we use 0 there (like np.sign and JAX).

    >>> mean_absolute_error_grad([[0, 1]], [[1, 1]])
    array([[0.5, 0. ]])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return np.sign(y_pred - y_true) / y_pred.shape[-1]


def mean_squared_logarithmic_error(y_true, y_pred):
    """Mean squared logarithmic error: mean((log(1 + p) - log(1 + t))²).

    As in Keras, values below EPSILON (including negatives) are replaced by
    EPSILON first: p = max(y_pred, 1e-7), t = max(y_true, 1e-7).

    >>> mean_squared_logarithmic_error([[0.0, np.e - 1]], [[0.0, 0.0]]).round(6)
    array([0.5])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    p = np.log1p(np.maximum(y_pred, EPSILON))
    t = np.log1p(np.maximum(y_true, EPSILON))
    return np.mean((p - t) ** 2, axis=-1)


def mean_squared_logarithmic_error_grad(y_true, y_pred):
    """Derivative of ``mean_squared_logarithmic_error`` with respect to y_pred.

    2·(log(1 + p) - log(1 + t)) / ((1 + p)·d) where y_pred > EPSILON, and 0
    where y_pred is clamped to EPSILON.

    >>> mean_squared_logarithmic_error_grad([[0.0]], [[np.e - 1]]).round(6)
    array([[0.735759]])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    p = np.maximum(y_pred, EPSILON)
    diff = np.log1p(p) - np.log1p(np.maximum(y_true, EPSILON))
    grad = 2 * diff / ((1 + p) * y_pred.shape[-1])
    return np.where(y_pred > EPSILON, grad, 0.0).astype(y_pred.dtype, copy=False)


# --- Keras cross-entropies -----------------------------------------------------------


def binary_crossentropy(y_true, y_pred, from_logits=False):
    """Binary cross-entropy, averaged over the last axis.

    BCE = -mean(t·log(p) + (1 - t)·log(1 - p))

    With probabilities (``from_logits=False``) p is clipped to
    [1e-7, 1 - 1e-7] as in Keras. With logits z (p = σ(z)) the stable form
    max(z, 0) - z·t + log(1 + exp(-|z|)) is used, finite for any z.

    Args:
        y_true: targets in [0, 1], shape ``(..., d)``.
        y_pred: probabilities in [0, 1] or, with ``from_logits=True``, logits.
        from_logits: whether ``y_pred`` holds logits.

    Returns:
        Per-sample losses, shape ``(...)``.

    >>> binary_crossentropy([[1, 0]], [[0.9, 0.2]]).round(6)
    array([0.164252])
    >>> binary_crossentropy([[1.0]], [[-1e4]], from_logits=True)
    array([10000.])
    """
    t, y = _probability_pair(y_true, y_pred, from_logits)
    if from_logits:
        with np.errstate(under="ignore"):
            per_entry = np.maximum(y, 0) - y * t + np.log1p(np.exp(-np.abs(y)))
    else:
        p = np.clip(y, EPSILON, 1 - EPSILON)
        per_entry = -(t * np.log(p) + (1 - t) * np.log(1 - p))
    return np.mean(per_entry, axis=-1)


def binary_crossentropy_grad(y_true, y_pred, from_logits=False):
    """Derivative of ``binary_crossentropy`` with respect to y_pred.

    Logits: (σ(z) - t) / d. Probabilities: (p - t) / (p·(1 - p)·d) where
    1e-7 < p < 1 - 1e-7, and 0 where Keras's clipping is active (so a
    saturated probability gets no gradient; prefer ``from_logits=True``).

    >>> binary_crossentropy_grad([[1.0, 0.0]], [[0.0, 0.0]], from_logits=True)
    array([[-0.25,  0.25]])
    """
    t, y = _probability_pair(y_true, y_pred, from_logits)
    d = y.shape[-1]
    if from_logits:
        return _binary_logits_grad(t, _sigmoid(y))
    inside = (y > EPSILON) & (y < 1 - EPSILON)
    p = np.where(inside, y, 0.5)
    return np.where(inside, (p - t) / (p * (1 - p) * d), 0.0).astype(y.dtype, copy=False)


def _binary_logits_grad(t, p):
    """d BCE / d z from the probabilities p = σ(z): (p − t) / d, d = the last axis's length."""
    return (p - t) / p.shape[-1]


def _categorical_logits_grad(t, p):
    """d CCE / d z from the probabilities p = softmax(z): p·Σ_k t_k − t (p − t for one-hot t)."""
    return p * np.sum(t, axis=-1, keepdims=True) - t


def _categorical(t, y, from_logits):
    if from_logits:
        return -np.sum(t * _log_softmax(y), axis=-1)
    _check_row_sums(y)
    q = np.clip(y / np.sum(y, axis=-1, keepdims=True), EPSILON, 1 - EPSILON)
    return -np.sum(t * np.log(q), axis=-1)


def _sparse_categorical(labels, y, from_logits):
    """``_categorical`` with one-hot targets, reading only each sample's label column:
    -log q[label] (exactly -Σ_k t_k·log q_k when t is one-hot)."""
    column = labels[..., None]
    if from_logits:
        return -np.take_along_axis(_log_softmax(y), column, axis=-1)[..., 0]
    q = np.take_along_axis(y, column, axis=-1)[..., 0] / np.sum(y, axis=-1)  # rows sum to > 0
    return -np.log(np.clip(q, EPSILON, 1 - EPSILON))


def _categorical_grad(t, y, from_logits):
    if from_logits:
        # d/dz of -Σ t·(z - logsumexp z) = softmax(z)·Σt - t  (= softmax - t for one-hot)
        return _categorical_logits_grad(t, _softmax(y))
    _check_row_sums(y)
    s = np.sum(y, axis=-1, keepdims=True)
    q = y / s
    inside = (q > EPSILON) & (q < 1 - EPSILON)
    g = np.where(inside, -t / np.where(inside, q, 1.0), 0.0)  # dL/dq, 0 where clipped
    # q = y / Σy  =>  dL/dy_j = (g_j - Σ_i g_i q_i) / Σy
    return ((g - np.sum(g * q, axis=-1, keepdims=True)) / s).astype(y.dtype, copy=False)


def categorical_crossentropy(y_true, y_pred, from_logits=False):
    """Categorical cross-entropy over the last axis: -Σ_k t_k·log(p_k).

    Probabilities (``from_logits=False``): as Keras does, y_pred is first
    divided by its sum over the last axis, then clipped to [1e-7, 1 - 1e-7].
    Logits: log p = z - logsumexp(z), computed stably (finite for ±1e4).

    Args:
        y_true: one-hot (or soft) targets in [0, 1], shape ``(..., k)``.
        y_pred: probabilities or, with ``from_logits=True``, logits.
        from_logits: whether ``y_pred`` holds logits.

    Returns:
        Per-sample losses, shape ``(...)``.

    >>> categorical_crossentropy([[0, 1, 0]], [[0.05, 0.95, 0.0]]).round(6)
    array([0.051293])
    """
    t, y = _probability_pair(y_true, y_pred, from_logits)
    return _categorical(t, y, from_logits)


def categorical_crossentropy_grad(y_true, y_pred, from_logits=False):
    """Derivative of ``categorical_crossentropy`` with respect to y_pred.

    Logits: softmax(z)·Σ_k t_k - t, i.e. softmax(z) - t for one-hot targets.
    Probabilities: the derivative of Keras's renormalised, clipped formula.
    For rows summing to 1 with no clipping this is -t/p + Σ_k t_k: the
    textbook -t/p plus a constant that is orthogonal to the probability simplex.

    >>> categorical_crossentropy_grad([[0, 1]], [[0.0, 0.0]], from_logits=True)
    array([[ 0.5, -0.5]])
    """
    t, y = _probability_pair(y_true, y_pred, from_logits)
    return _categorical_grad(t, y, from_logits)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False):
    """Categorical cross-entropy with integer labels: -log(p[label]).

    Same numerics as ``categorical_crossentropy`` with ``y_true`` one-hot
    encoded. Labels have shape ``y_pred.shape[:-1]`` (a trailing axis of
    length 1 is also accepted, as in Keras) and lie in 0..k-1.

    Args:
        y_true: integer class labels.
        y_pred: probabilities or, with ``from_logits=True``, logits, shape ``(..., k)``.
        from_logits: whether ``y_pred`` holds logits.

    Returns:
        Per-sample losses, shape ``y_pred.shape[:-1]``.

    >>> sparse_categorical_crossentropy([1, 2], [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]).round(6)
    array([0.051293, 2.302585])
    """
    labels, y = _sparse_labels(y_true, y_pred, from_logits)
    if not from_logits:
        _check_row_sums(y)
    return _sparse_categorical(labels, y, from_logits)


def sparse_categorical_crossentropy_grad(y_true, y_pred, from_logits=False):
    """Derivative of ``sparse_categorical_crossentropy`` with respect to y_pred.

    Logits: softmax(z) - onehot(label).

    >>> sparse_categorical_crossentropy_grad([1], [[0.0, 0.0]], from_logits=True)
    array([[ 0.5, -0.5]])
    """
    t, y = _sparse_pair(y_true, y_pred, from_logits)
    return _categorical_grad(t, y, from_logits)


# --- lookup by name -------------------------------------------------------------------

_LOSSES = {
    "sum_squared_error": sum_squared_error,
    "cross_entropy_error": cross_entropy_error,
    "mean_squared_error": mean_squared_error,
    "mse": mean_squared_error,
    "meansquarederror": mean_squared_error,
    "mean_absolute_error": mean_absolute_error,
    "mae": mean_absolute_error,
    "meanabsoluteerror": mean_absolute_error,
    "mean_squared_logarithmic_error": mean_squared_logarithmic_error,
    "msle": mean_squared_logarithmic_error,
    "meansquaredlogarithmicerror": mean_squared_logarithmic_error,
    "binary_crossentropy": binary_crossentropy,
    "bce": binary_crossentropy,
    "binarycrossentropy": binary_crossentropy,
    "categorical_crossentropy": categorical_crossentropy,
    "categoricalcrossentropy": categorical_crossentropy,
    "sparse_categorical_crossentropy": sparse_categorical_crossentropy,
    "sparsecategoricalcrossentropy": sparse_categorical_crossentropy,
}

_GRADIENTS = {
    sum_squared_error: sum_squared_error_grad,
    cross_entropy_error: cross_entropy_error_grad,
    mean_squared_error: mean_squared_error_grad,
    mean_absolute_error: mean_absolute_error_grad,
    mean_squared_logarithmic_error: mean_squared_logarithmic_error_grad,
    binary_crossentropy: binary_crossentropy_grad,
    categorical_crossentropy: categorical_crossentropy_grad,
    sparse_categorical_crossentropy: sparse_categorical_crossentropy_grad,
}


def get(identifier):
    """Return the loss function for a Keras-style name (or a callable).

    Accepts the function names, Keras's aliases "mse", "mae", "msle", "bce"
    and Keras class names such as "MeanSquaredError" (case-insensitive), plus
    "sum_squared_error" and "cross_entropy_error". Callables pass through;
    unknown names raise ``ValueError`` listing the known ones.

    >>> get("mse") is mean_squared_error
    True
    """
    return lookup(identifier, _LOSSES, "loss")


def get_grad(identifier):
    """Return the derivative function of a named (or lossbook) loss.

    The result takes the same arguments as the loss and returns the gradient
    of the per-sample losses SUMMED over samples, shaped like ``y_pred``
    (divide by the number of samples for the gradient of the batch mean).

    >>> get_grad("categorical_crossentropy") is categorical_crossentropy_grad
    True
    """
    fn = get(identifier)
    try:
        return _GRADIENTS[fn]
    except (KeyError, TypeError):
        known = ", ".join(sorted(_LOSSES))
        raise ValueError(
            f"no known derivative for loss {identifier!r}; known losses: {known}"
        ) from None
