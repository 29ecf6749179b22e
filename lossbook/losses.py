"""Loss functions, their derivatives, and Keras-style loss classes.

Three layers, top to bottom:

* **the formulas**: ``mean_squared_error``, ..., ``sparse_categorical_crossentropy``
  with Keras 3's names, arguments ``(y_true, y_pred, ...)``, defaults and numerics.
  Each returns the loss of every sample, reducing only ``axis`` (the last one by
  default). The textbook losses of the course, ``sum_squared_error`` and
  ``cross_entropy_error``, return ONE number instead: the batch mean.
  Every loss ``f`` has a derivative ``f_grad`` with the same arguments, shaped like
  ``y_pred``: the gradient of the SUM over samples of ``f`` (each sample's loss
  depends only on its own row, so this is every per-sample derivative at once).
* **one input check**, ``_prepare``, applied by the decorator ``@_loss_function``:
  the public function checks shapes, NaN/inf, probabilities and labels, then runs
  the formula. ``f.unchecked`` is the bare formula, for a training loop whose data
  was checked once.
* **the classes** ``MeanSquaredError``, ..., ``SparseCategoricalCrossentropy``, as
  Keras writes them: ``loss(y_true, y_pred, sample_weight=None)`` weights the
  per-sample losses and reduces them to one number (``reduction``). For training
  they also give ``validate`` (check once), ``value`` and ``gradient`` (no checks)
  and, for the cross-entropies, ``logits_gradient`` (and the same from p,
  ``logits_gradient_from_probabilities``). With no weights and the default
  reduction, ``value`` and ``gradient`` take the direct path: the mean of the n losses.

Clipping, as in Keras (JAX backend): with probabilities (``from_logits=False``) the
cross-entropies clip p to [1e-7, 1 - 1e-7] before the log, so a saturated
probability costs at most -log(1e-7) ≈ 16.12 (15.94 in float32) and its gradient is
0. ``logits_gradient`` gives instead the exact dL/dz = p - t of sigmoid/softmax with
cross-entropy, which keeps pushing where the clipped path has stopped.

Inputs are computed in float64, or in float32 when ``y_pred`` is float32 (``y_true``
takes the dtype of ``y_pred``, as in Keras). ``get(name)`` finds a loss by its Keras
name: a function name gives the function, a class name an instance, as in Keras.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers

import numpy as np

from ._checks import as_float_array, check_labels, check_positive, check_probabilities
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
    "Loss",
    "LossFunctionWrapper",
    "MeanSquaredError",
    "MeanAbsoluteError",
    "MeanSquaredLogarithmicError",
    "BinaryCrossentropy",
    "CategoricalCrossentropy",
    "SparseCategoricalCrossentropy",
    "get",
    "get_grad",
]

#: Keras's fuzz factor ``keras.backend.epsilon()``: probabilities are clipped to
#: [EPSILON, 1 - EPSILON] before taking logs.
EPSILON = 1e-7


# --- the one input check ---------------------------------------------------------------


def _align_ranks(a, b):
    """Keras's ``squeeze_or_expand_to_same_rank``: if the ranks differ by one and the
    longer array ends in an axis of length 1, drop that axis (or, when the other array
    is 1-D, add one to it). So targets of shape (n,) meet predictions of shape (n, 1)."""
    if a.ndim == b.ndim + 1 and a.shape[-1] == 1:
        return (a, b[..., None]) if b.ndim == 1 else (a[..., 0], b)
    if b.ndim == a.ndim + 1 and b.shape[-1] == 1:
        return (a[..., None], b) if a.ndim == 1 else (a, b[..., 0])
    return a, b


def _prepare(y_true, y_pred, targets, *, from_logits=False, axis=-1, ignore_class=None,
             dtype=None):
    """Check a (y_true, y_pred) pair and return it as float arrays (labels as integers).

    ``targets`` says what ``y_true`` holds:
      "values"         any real numbers, shaped like y_pred (regression losses);
      "binary"         probabilities in [0, 1], shaped like y_pred;
      "categorical"    probabilities in [0, 1] along ``axis``, shaped like y_pred;
      "labels"         integer classes, y_pred's shape without ``axis`` (a trailing
                       axis of length 1 is dropped, as in Keras);
      "textbook"       one-hot rows shaped like y_pred, or integer labels (made one-hot);
      "any"            any real numbers (a loss function lossbook does not know).
    ``y_pred`` holds probabilities in [0, 1] for the cross-entropies unless
    ``from_logits``; probability rows must not sum to 0 (Keras divides by the sum).
    """
    y_pred = as_float_array(y_pred, "y_pred")
    if y_pred.ndim == 0:
        raise ValueError(
            "y_pred is a scalar; a loss needs at least one axis (the values of one sample)"
        )
    y_pred = y_pred.astype(dtype or np.result_type(y_pred.dtype, np.float32), copy=False)
    if not -y_pred.ndim <= axis < y_pred.ndim:
        raise ValueError(f"axis {axis} is out of range for y_pred of shape {y_pred.shape}")
    probabilities = targets not in ("values", "any") and not from_logits
    if probabilities:
        check_probabilities(y_pred, "y_pred")
    if targets == "labels" or (targets == "textbook" and np.shape(y_true) != y_pred.shape):
        y_true = _labels(y_true, y_pred, targets, axis, ignore_class)
    else:
        y_true = as_float_array(y_true, "y_true").astype(y_pred.dtype, copy=False)
        if targets != "textbook":
            y_true, y_pred = _align_ranks(y_true, y_pred)
        if targets != "any" and y_true.shape != y_pred.shape:
            raise ValueError(
                f"shape mismatch: y_true has shape {y_true.shape} but y_pred has shape "
                f"{y_pred.shape}"
            )
        if targets not in ("values", "any"):
            check_probabilities(y_true, "y_true")
    if probabilities and targets in ("categorical", "labels"):
        sums = np.sum(y_pred, axis=axis)
        if np.any(sums <= 0):
            where = tuple(int(i) for i in np.argwhere(sums <= 0)[0])
            along = "the last axis" if axis % y_pred.ndim == y_pred.ndim - 1 else f"axis {axis}"
            raise ValueError(
                f"y_pred sums to 0 along {along} at sample {where}; "
                "predicted probabilities must not all be 0"
            )
    return y_true, y_pred


def _labels(y_true, y_pred, targets, axis, ignore_class):
    """Integer labels for y_pred (classes along ``axis``), checked; one-hot for "textbook"."""
    n_classes = y_pred.shape[axis]
    need = y_pred.shape[:axis % y_pred.ndim] + y_pred.shape[axis % y_pred.ndim + 1:]
    labels = np.asarray(y_true)
    if targets == "labels" and labels.ndim == y_pred.ndim and labels.shape[axis] == 1:
        labels = np.squeeze(labels, axis=axis)  # Keras accepts labels of shape (n, 1)
    if labels.shape != need:
        if targets == "textbook":
            raise ValueError(
                f"shape mismatch: y_true has shape {np.shape(y_true)} but y_pred has shape "
                f"{y_pred.shape}; y_true must be one-hot (shape {y_pred.shape}) or integer "
                f"labels (shape {need})"
            )
        with_one = y_pred.shape[:-1] + (1,) if axis % y_pred.ndim == y_pred.ndim - 1 else None
        raise ValueError(
            f"shape mismatch: y_true (integer labels) has shape {np.shape(y_true)} but "
            f"y_pred has shape {y_pred.shape}; labels need shape {need}"
            + (f" (or {with_one})" if with_one else "")
        )
    if ignore_class is None:
        labels = check_labels(labels, n_classes, "y_true")
    else:  # the ignored label may lie outside 0..n_classes-1 (e.g. -1 or 255)
        ignored = labels == ignore_class
        labels = np.where(ignored, ignore_class, check_labels(np.where(ignored, 0, labels),
                                                              n_classes, "y_true"))
    if targets == "textbook":
        return _one_hot(labels, n_classes, y_pred.dtype)
    return labels


def _one_hot(labels, n_classes, dtype, axis=-1, ignore_class=None):
    """One-hot rows (classes along ``axis``); rows of ``ignore_class`` are all zero."""
    hot = (labels[..., None] == np.arange(n_classes)).astype(dtype)
    if ignore_class is not None:
        hot[labels == ignore_class] = 0.0
    return hot if axis in (-1, hot.ndim - 1) else np.moveaxis(hot, -1, axis)


def _check_options(options):
    """Check the keyword options of a loss (whichever of them it has)."""
    if "from_logits" in options and not isinstance(options["from_logits"], (bool, np.bool_)):
        raise TypeError(f"from_logits must be True or False, got {options['from_logits']!r}")
    if "label_smoothing" in options:
        smoothing = check_positive(options["label_smoothing"], "label_smoothing",
                                   allow_zero=True)
        if smoothing > 1:
            raise ValueError(f"label_smoothing must lie in [0, 1], got {smoothing}")
    if "axis" in options:
        axis = options["axis"]
        if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
            raise TypeError(f"axis must be an integer, got {axis!r}")
    if options.get("ignore_class") is not None:
        ignore = options["ignore_class"]
        if isinstance(ignore, bool) or not isinstance(ignore, numbers.Integral):
            raise TypeError(f"ignore_class must be an integer or None, got {ignore!r}")
    if "delta" in options:
        check_positive(options["delta"], "delta", allow_zero=True)


def _loss_function(targets):
    """Decorator: the public loss checks its inputs with ``_prepare``, then runs the formula.

    The formula stays reachable, unchecked, as ``f.unchecked``; ``f.targets`` says
    which check applies (the loss classes use both).
    """

    def decorate(formula):
        signature = inspect.signature(formula)

        @functools.wraps(formula)
        def checked(*args, **kwargs):
            options = signature.bind(*args, **kwargs)  # TypeError naming a wrong argument
            options.apply_defaults()
            options = options.arguments
            _check_options(options)
            prepare = {k: options[k] for k in ("from_logits", "axis", "ignore_class")
                       if k in options}
            options["y_true"], options["y_pred"] = _prepare(
                options["y_true"], options["y_pred"], targets, **prepare
            )
            return formula(**options)

        checked.unchecked = formula
        checked.targets = targets
        return checked

    return decorate


def _batch_size(y_pred):
    """Number of samples of a textbook loss: 1 for a 1-D input, else len(y_pred)."""
    return 1 if y_pred.ndim == 1 else y_pred.shape[0]


# --- textbook losses --------------------------------------------------------------------


@_loss_function("values")
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
    total = 0.5 * np.sum((y_pred - y_true) ** 2)
    return float(total / _batch_size(y_pred))


@_loss_function("values")
def sum_squared_error_grad(y_true, y_pred):
    """Derivative of the summed ``sum_squared_error``: dE/dy = y - t.

    This is the gradient of the SUM over the batch; divide by the batch size
    for the gradient of the value ``sum_squared_error`` returns.

    >>> sum_squared_error_grad([0, 1], [0.5, 0.5])
    array([ 0.5, -0.5])
    """
    return y_pred - y_true


@_loss_function("textbook")
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
    t, y = y_true, y_pred
    with np.errstate(divide="ignore"):  # log(0) = -inf only if delta = 0: loss is inf
        logs = np.log(np.where(t > 0, y + delta, 1.0))  # 0·log(...) counts as 0
    total = -np.sum(t * logs)
    return float(total / _batch_size(y))


@_loss_function("textbook")
def cross_entropy_error_grad(y_true, y_pred, delta=1e-7):
    """Derivative of the summed ``cross_entropy_error``: dE/dy_k = -t_k / (y_k + δ).

    Gradient of the SUM over the batch (divide by the batch size for the
    gradient of the mean that ``cross_entropy_error`` returns). Integer labels
    are turned into one-hot targets first.

    >>> cross_entropy_error_grad([0, 1], [0.5, 0.5], delta=0)
    array([ 0., -2.])
    """
    t, y = y_true, y_pred
    safe = np.where(t > 0, y + delta, 1.0)
    if np.any((t > 0) & (safe == 0)):
        raise ValueError("cross_entropy_error_grad is infinite: y_pred is 0 where y_true > 0"
                         " and delta is 0")
    return np.where(t > 0, -t / safe, 0.0).astype(y.dtype, copy=False)


# --- Keras regression losses -------------------------------------------------------------


@_loss_function("values")
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
    return np.mean((y_true - y_pred) ** 2, axis=-1)


@_loss_function("values")
def mean_squared_error_grad(y_true, y_pred):
    """Derivative of ``mean_squared_error``: 2·(y_pred - y_true) / d.

    >>> mean_squared_error_grad([[0, 1]], [[1, 1]])
    array([[1., 0.]])
    """
    return 2 * (y_pred - y_true) / y_pred.shape[-1]


@_loss_function("values")
def mean_absolute_error(y_true, y_pred):
    """Mean absolute error over the last axis: mean(|y_true - y_pred|).

    >>> mean_absolute_error([[0, 1], [0, 0]], [[1, 1], [1, -1]])
    array([0.5, 1. ])
    """
    return np.mean(np.abs(y_true - y_pred), axis=-1)


@_loss_function("values")
def mean_absolute_error_grad(y_true, y_pred):
    """Derivative of ``mean_absolute_error``: sign(y_pred - y_true) / d.

    Where y_pred == y_true |·| has a kink; we use 0 there (like np.sign and JAX).

    >>> mean_absolute_error_grad([[0, 1]], [[1, 1]])
    array([[0.5, 0. ]])
    """
    return np.sign(y_pred - y_true) / y_pred.shape[-1]


@_loss_function("values")
def mean_squared_logarithmic_error(y_true, y_pred):
    """Mean squared logarithmic error: mean((log(1 + p) - log(1 + t))²).

    As in Keras, values below EPSILON (including negatives) are replaced by
    EPSILON first: p = max(y_pred, 1e-7), t = max(y_true, 1e-7).

    >>> mean_squared_logarithmic_error([[0.0, np.e - 1]], [[0.0, 0.0]]).round(6)
    array([0.5])
    """
    p = np.log1p(np.maximum(y_pred, EPSILON))
    t = np.log1p(np.maximum(y_true, EPSILON))
    return np.mean((p - t) ** 2, axis=-1)


@_loss_function("values")
def mean_squared_logarithmic_error_grad(y_true, y_pred):
    """Derivative of ``mean_squared_logarithmic_error`` with respect to y_pred.

    2·(log(1 + p) - log(1 + t)) / ((1 + p)·d) where y_pred > EPSILON, and 0
    where y_pred is clamped to EPSILON.

    >>> mean_squared_logarithmic_error_grad([[0.0]], [[np.e - 1]]).round(6)
    array([[0.735759]])
    """
    p = np.maximum(y_pred, EPSILON)
    diff = np.log1p(p) - np.log1p(np.maximum(y_true, EPSILON))
    grad = 2 * diff / ((1 + p) * y_pred.shape[-1])
    return np.where(y_pred > EPSILON, grad, 0.0).astype(y_pred.dtype, copy=False)


# --- Keras cross-entropies -----------------------------------------------------------


@_loss_function("binary")
def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Binary cross-entropy, averaged over ``axis``.

    BCE = -mean(t·log(p) + (1 - t)·log(1 - p))

    Label smoothing s pulls the targets towards ½ first: t ← t·(1 - s) + s/2.
    With probabilities (``from_logits=False``) p is clipped to
    [1e-7, 1 - 1e-7] as in Keras. With logits z (p = σ(z)) the stable form
    max(z, 0) - z·t + log(1 + exp(-|z|)) is used, finite for any z.

    Args:
        y_true: targets in [0, 1], shape ``(..., d)``.
        y_pred: probabilities in [0, 1] or, with ``from_logits=True``, logits.
        from_logits: whether ``y_pred`` holds logits.
        label_smoothing: s in [0, 1].
        axis: the axis averaged over (default: the last).

    Returns:
        Per-sample losses: ``y_pred``'s shape without ``axis``.

    >>> binary_crossentropy([[1, 0]], [[0.9, 0.2]]).round(6)
    array([0.164252])
    >>> binary_crossentropy([[1.0]], [[-1e4]], from_logits=True)
    array([10000.])
    """
    t = y_true * (1 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        z = y_pred
        with np.errstate(under="ignore"):
            per_entry = np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))
    else:
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        per_entry = -(t * np.log(p) + (1 - t) * np.log(1 - p))
    return np.mean(per_entry, axis=axis)


@_loss_function("binary")
def binary_crossentropy_grad(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Derivative of ``binary_crossentropy`` with respect to y_pred.

    With t the (smoothed) targets and d the length of ``axis``:
    logits: (σ(z) - t) / d. Probabilities: (p - t) / (p·(1 - p)·d) where
    1e-7 < p < 1 - 1e-7, and 0 where Keras's clipping is active (so a
    saturated probability gets no gradient; prefer ``from_logits=True``).

    >>> binary_crossentropy_grad([[1.0, 0.0]], [[0.0, 0.0]], from_logits=True)
    array([[-0.25,  0.25]])
    """
    t = y_true * (1 - label_smoothing) + 0.5 * label_smoothing
    d = y_pred.shape[axis]
    if from_logits:
        return (_sigmoid(y_pred) - t) / d
    inside = (y_pred > EPSILON) & (y_pred < 1 - EPSILON)
    p = np.where(inside, y_pred, 0.5)
    return np.where(inside, (p - t) / (p * (1 - p) * d), 0.0).astype(y_pred.dtype, copy=False)


@_loss_function("categorical")
def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Categorical cross-entropy along ``axis``: -Σ_k t_k·log(p_k).

    Label smoothing s spreads part of each target over the k classes first:
    t ← t·(1 - s) + s/k.
    Probabilities (``from_logits=False``): as Keras does, y_pred is first
    divided by its sum along ``axis``, then clipped to [1e-7, 1 - 1e-7].
    Logits: log p = z - logsumexp(z), computed stably (finite for ±1e4).

    Args:
        y_true: one-hot (or soft) targets in [0, 1], shape ``(..., k)``.
        y_pred: probabilities or, with ``from_logits=True``, logits.
        from_logits: whether ``y_pred`` holds logits.
        label_smoothing: s in [0, 1].
        axis: the class axis (default: the last).

    Returns:
        Per-sample losses: ``y_pred``'s shape without ``axis``.

    >>> categorical_crossentropy([[0, 1, 0]], [[0.05, 0.95, 0.0]]).round(6)
    array([0.051293])
    """
    t = y_true * (1 - label_smoothing) + label_smoothing / y_true.shape[axis]
    if from_logits:
        log_p = _log_softmax(y_pred, axis=axis)
    else:
        p = y_pred / np.sum(y_pred, axis=axis, keepdims=True)
        log_p = np.log(np.clip(p, EPSILON, 1 - EPSILON))
    return -np.sum(t * log_p, axis=axis)


@_loss_function("categorical")
def categorical_crossentropy_grad(y_true, y_pred, from_logits=False, label_smoothing=0.0,
                                  axis=-1):
    """Derivative of ``categorical_crossentropy`` with respect to y_pred.

    Logits: softmax(z)·Σ_k t_k - t, i.e. softmax(z) - t for one-hot targets.
    Probabilities: the derivative of Keras's renormalised, clipped formula.
    With q = y/Σy and g_k = -t_k/q_k (0 where q is clipped), the chain rule
    through the division gives dL/dy_j = (g_j - Σ_k g_k·q_k) / Σy. For rows summing
    to 1 with no clipping this is -t/p + Σ_k t_k: the textbook -t/p plus a
    constant that is orthogonal to the probability simplex.

    >>> categorical_crossentropy_grad([[0, 1]], [[0.0, 0.0]], from_logits=True)
    array([[ 0.5, -0.5]])
    """
    t = y_true * (1 - label_smoothing) + label_smoothing / y_true.shape[axis]
    if from_logits:
        return _softmax(y_pred, axis=axis) * np.sum(t, axis=axis, keepdims=True) - t
    s = np.sum(y_pred, axis=axis, keepdims=True)
    q = y_pred / s
    inside = (q > EPSILON) & (q < 1 - EPSILON)
    g = np.where(inside, -t / np.where(inside, q, 1.0), 0.0)  # dL/dq, 0 where clipped
    return ((g - np.sum(g * q, axis=axis, keepdims=True)) / s).astype(y_pred.dtype, copy=False)


@_loss_function("labels")
def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None,
                                    axis=-1):
    """Categorical cross-entropy with integer labels: -log(p[label]).

    The formula of ``categorical_crossentropy`` with ``y_true`` one-hot encoded,
    reading only the label's column (the other terms are 0·log p). Labels have
    y_pred's shape without ``axis`` (a trailing axis of length 1 is also
    accepted, as in Keras) and lie in 0..k-1. Samples labelled
    ``ignore_class`` get loss 0 (the loss classes also leave them out of the mean).

    Args:
        y_true: integer class labels.
        y_pred: probabilities or, with ``from_logits=True``, logits, shape ``(..., k)``.
        from_logits: whether ``y_pred`` holds logits.
        ignore_class: a label to ignore (e.g. -1 or 255), or None.
        axis: the class axis (default: the last).

    Returns:
        Per-sample losses: ``y_pred``'s shape without ``axis``.

    >>> sparse_categorical_crossentropy([1, 2], [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]).round(6)
    array([0.051293, 2.302585])
    """
    ignored = None if ignore_class is None else y_true == ignore_class
    labels = np.expand_dims(y_true if ignored is None else np.where(ignored, 0, y_true), axis)
    if from_logits:
        log_p = np.take_along_axis(_log_softmax(y_pred, axis=axis), labels, axis=axis)
    else:
        p = np.take_along_axis(y_pred, labels, axis=axis) / np.sum(y_pred, axis, keepdims=True)
        log_p = np.log(np.clip(p, EPSILON, 1 - EPSILON))
    losses = -np.squeeze(log_p, axis=axis)
    return losses if ignored is None else np.where(ignored, 0.0, losses)


@_loss_function("labels")
def sparse_categorical_crossentropy_grad(y_true, y_pred, from_logits=False, ignore_class=None,
                                         axis=-1):
    """Derivative of ``sparse_categorical_crossentropy`` with respect to y_pred.

    Logits: softmax(z) - onehot(label); 0 for samples labelled ``ignore_class``.

    >>> sparse_categorical_crossentropy_grad([1], [[0.0, 0.0]], from_logits=True)
    array([[ 0.5, -0.5]])
    """
    one_hot = _one_hot(y_true, y_pred.shape[axis], y_pred.dtype, axis, ignore_class)
    return categorical_crossentropy_grad.unchecked(one_hot, y_pred, from_logits, axis=axis)


#: Each loss and its derivative.
_DERIVATIVES = {
    sum_squared_error: sum_squared_error_grad,
    cross_entropy_error: cross_entropy_error_grad,
    mean_squared_error: mean_squared_error_grad,
    mean_absolute_error: mean_absolute_error_grad,
    mean_squared_logarithmic_error: mean_squared_logarithmic_error_grad,
    binary_crossentropy: binary_crossentropy_grad,
    categorical_crossentropy: categorical_crossentropy_grad,
    sparse_categorical_crossentropy: sparse_categorical_crossentropy_grad,
}


# --- weighting and reduction ---------------------------------------------------------------

_REDUCTIONS = ("sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", "none", None)


def _weights(values_shape, sample_weight, mask, reduction, dtype=np.float64):
    """Weights w and divisor D of a reduction: the loss is Σ w·l / D ('none': w·l).

    As Keras's ``reduce_weighted_values``: w is ``sample_weight`` broadcast to the
    per-sample losses l (1 where None); D is the number of losses for
    "sum_over_batch_size" and "mean", the sum of the given weights for
    "mean_with_sample_weight", 1 for "sum". Samples masked out (``ignore_class``)
    get w = 0 and leave the mean, which then runs over the valid samples only.
    """
    n = float(np.prod(values_shape))
    if not values_shape:  # one number: Keras weights it and does not reduce
        return np.asarray(1.0 if sample_weight is None else sample_weight, dtype), 1.0
    if sample_weight is None and mask is None:  # every loss counts once
        return np.asarray(1.0, dtype), (1.0 if reduction in ("sum", "none", None) else n)
    weights = np.ones(values_shape, dtype) if sample_weight is None else sample_weight
    if mask is not None:
        valid = float(np.sum(mask))
        keep = n / valid if reduction in ("sum_over_batch_size", "mean") and valid else 1.0
        weights = (weights * np.where(mask, keep, 0.0)).astype(dtype, copy=False)
    if reduction in ("sum", "none", None):
        return np.broadcast_to(weights, values_shape), 1.0
    if reduction == "mean_with_sample_weight" and (sample_weight is not None or mask is not None):
        divisor = float(np.sum(weights))
    else:
        divisor = n
    return np.broadcast_to(weights, values_shape), divisor


class Loss:
    """Base class of the loss classes, as ``keras.losses.Loss``.

    ``loss(y_true, y_pred, sample_weight=None)`` = reduce(sample_weight · call(y_true, y_pred)).

    Args:
        name: the loss's name (default: the class name in snake_case).
        reduction: "sum_over_batch_size" (default: Σ w·l / number of losses),
            "sum" (Σ w·l), "mean" (as "sum_over_batch_size"),
            "mean_with_sample_weight" (Σ w·l / Σ w), or "none"/None (w·l, no reduction).
        dtype: "float32" or "float64" for the computation; None keeps float64
            (or float32 when y_pred is float32).

    Subclasses define ``call(y_true, y_pred)`` (per-sample losses). A subclass that
    also defines ``call_gradient`` (d call / d y_pred) can be trained.
    """

    #: what y_true holds, for ``_prepare`` (see there).
    targets = "any"

    def __init__(self, name=None, reduction="sum_over_batch_size", dtype=None):
        if reduction not in _REDUCTIONS:
            raise ValueError(
                f"reduction must be one of {', '.join(map(repr, _REDUCTIONS))}; got {reduction!r}"
            )
        if dtype is not None and np.dtype(dtype) not in (np.float32, np.float64):
            raise ValueError(f"dtype must be 'float32', 'float64' or None; got {dtype!r}")
        self.name = name or _snake_case(type(self).__name__)
        self.reduction = reduction
        self.dtype = None if dtype is None else np.dtype(dtype).name

    # options the formula takes (from_logits, axis, ...): none in the base class
    def _options(self):
        return {}

    def __call__(self, y_true, y_pred, sample_weight=None):
        """The reduced loss: inputs checked, then ``value``."""
        return self.value(*self.validate(y_true, y_pred, sample_weight))

    def validate(self, y_true, y_pred, sample_weight=None):
        """Check the inputs once; return (y_true, y_pred, sample_weight) as arrays."""
        options = self._options()
        y_true, y_pred = _prepare(
            y_true, y_pred, self.targets, dtype=self.dtype,
            **{k: options[k] for k in ("from_logits", "axis", "ignore_class") if k in options},
        )
        if sample_weight is not None:
            sample_weight = as_float_array(sample_weight, "sample_weight",
                                           dtype=y_pred.dtype)
            if np.any(sample_weight < 0):
                raise ValueError("sample_weight must not be negative")
            values_shape = self._values_shape(y_pred)
            aligned_values, aligned = _align_ranks(np.empty(values_shape), sample_weight)
            try:
                shape = np.broadcast_shapes(aligned_values.shape, aligned.shape)
            except ValueError:
                shape = None
            if shape != aligned_values.shape:
                raise ValueError(
                    f"sample_weight has shape {sample_weight.shape}, which does not fit the "
                    f"per-sample losses of shape {values_shape}"
                )
        return y_true, y_pred, sample_weight

    def _weighting(self, values, y_true, sample_weight):
        """(losses l, weights w, divisor D) with the weights aligned to l, as Keras does."""
        if sample_weight is not None:
            values, sample_weight = _align_ranks(values, np.asarray(sample_weight))
        mask = self._mask(y_true)
        if mask is not None:
            mask = mask.reshape(values.shape)  # values may have gained an axis of length 1
        weights, divisor = _weights(values.shape, sample_weight, mask, self.reduction,
                                    values.dtype)
        return values, weights, divisor

    def value(self, y_true, y_pred, sample_weight=None):
        """The reduced loss, without input checks (for data already validated)."""
        values = np.asarray(self.call(y_true, y_pred))
        if self._plain_mean(y_true, sample_weight) and values.ndim and values.size:
            return np.sum(values) / values.size  # the default: the mean of the n losses
        values, weights, divisor = self._weighting(values, y_true, sample_weight)
        if self.reduction in ("none", None) or values.ndim == 0:
            return (values * weights)[()]
        return np.sum(values * weights) / divisor if divisor else values.dtype.type(0.0)

    def gradient(self, y_true, y_pred, sample_weight=None):
        """d(reduced loss)/d y_pred, without input checks; shaped like y_pred.

        Each sample's loss l_i depends only on its own row, so the chain rule gives
        row i of the gradient = (w_i / D) · dl_i/dy_i, with w and D as in ``_weights``.
        """
        return self._chain(y_true, y_pred, sample_weight, self.call_gradient(y_true, y_pred))

    def _plain_mean(self, y_true, sample_weight):
        """True for the default case: no weights, no ignored samples, the mean over the
        batch. Then every loss weighs 1/n, and ``value``/``gradient`` say so directly."""
        return (sample_weight is None and self.reduction in ("sum_over_batch_size", "mean")
                and self._mask(y_true) is None)

    def _chain(self, y_true, y_pred, sample_weight, per_sample_gradient):
        shape = self._values_shape(y_pred)
        if self._plain_mean(y_true, sample_weight) and shape and math.prod(shape):
            n = math.prod(shape)  # the number of per-sample losses
            # the mean's gradient: each row's gradient times 1/n (1/n as a float64 number,
            # the same arithmetic as the weighted path below, so no number changes)
            return (np.float64(1 / n) * per_sample_gradient).astype(y_pred.dtype, copy=False)
        if self.reduction in ("none", None):
            raise ValueError(
                "a gradient needs one number: this loss has reduction=None (one loss per "
                "sample); use 'sum_over_batch_size' or 'sum'"
            )
        values = np.zeros(shape)  # only their shape matters here
        values, weights, divisor = self._weighting(values, y_true, sample_weight)
        scale = np.asarray(weights / divisor if divisor else 0.0 * weights)
        if scale.size == 1:  # one weight for all (a textbook loss returns one number)
            scale = scale.reshape(())
        else:  # one weight per sample: spread it along the axis the loss reduced
            axis = self._options().get("axis", -1) % y_pred.ndim
            scale = scale.reshape(y_pred.shape[:axis] + (1,) + y_pred.shape[axis + 1:])
        return (scale * per_sample_gradient).astype(y_pred.dtype, copy=False)

    def call(self, y_true, y_pred):
        raise NotImplementedError(f"{type(self).__name__} must define call(y_true, y_pred)")

    def call_gradient(self, y_true, y_pred):
        raise NotImplementedError(
            f"{type(self).__name__} has no call_gradient: lossbook cannot train with it"
        )

    def _mask(self, y_true):
        return None

    def _values_shape(self, y_pred):
        """The shape of ``call``'s losses: y_pred's without the axis the loss reduces."""
        axis = self._options().get("axis", -1) % y_pred.ndim
        return y_pred.shape[:axis] + y_pred.shape[axis + 1:]

    def get_config(self):
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        options = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({options})"


def _snake_case(name):
    return "".join("_" + c.lower() if c.isupper() and i else c.lower()
                   for i, c in enumerate(name))


class LossFunctionWrapper(Loss):
    """A loss class around a loss function ``fn`` and its keyword options, as in Keras.

    ``LossFunctionWrapper(mean_squared_error)`` behaves like ``MeanSquaredError()``;
    ``compile(loss="mse")`` uses one. A lossbook function brings its derivative;
    any other function can be evaluated but not trained with.
    """

    def __init__(self, fn, reduction="sum_over_batch_size", name=None, dtype=None, **kwargs):
        if not callable(fn):
            raise TypeError(f"fn must be a loss function, got {type(fn).__name__}")
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.targets = "any"
        if fn in _DERIVATIVES:
            signature = inspect.signature(fn)
            signature.bind(None, None, **kwargs)  # TypeError naming an unknown option
            _check_options(kwargs)
            self.targets = fn.targets
        self.fn = fn
        self._fn_kwargs = kwargs

    def _options(self):
        return self._fn_kwargs

    def call(self, y_true, y_pred):
        formula = getattr(self.fn, "unchecked", self.fn)
        return formula(y_true, y_pred, **self._fn_kwargs)

    def call_gradient(self, y_true, y_pred):
        if self.fn not in _DERIVATIVES:
            return super().call_gradient(y_true, y_pred)
        return _DERIVATIVES[self.fn].unchecked(y_true, y_pred, **self._fn_kwargs)

    def validate(self, y_true, y_pred, sample_weight=None):
        if self.fn in (sum_squared_error, cross_entropy_error) and sample_weight is not None:
            self._weighting(None, None, sample_weight)  # raises: the textbook losses take none
        return super().validate(y_true, y_pred, sample_weight)

    def _values_shape(self, y_pred):
        if self.fn in (sum_squared_error, cross_entropy_error):
            return ()  # the batch mean: one number
        return super()._values_shape(y_pred)

    def _weighting(self, values, y_true, sample_weight):
        if self.fn in (sum_squared_error, cross_entropy_error) and sample_weight is not None:
            raise ValueError(f"{self.fn.__name__} returns the batch mean: it takes no "
                             "sample_weight (use a Keras loss such as mean_squared_error)")
        return super()._weighting(values, y_true, sample_weight)

    def gradient(self, y_true, y_pred, sample_weight=None):
        grad = super().gradient(y_true, y_pred, sample_weight)
        if self.fn in (sum_squared_error, cross_entropy_error):  # they return the batch mean
            grad = grad / _batch_size(y_pred)
        return grad

    def get_config(self):
        return {**super().get_config(), "fn": getattr(self.fn, "__name__", self.fn),
                **self._fn_kwargs}

    @classmethod
    def from_config(cls, config):
        if cls is not LossFunctionWrapper:  # a named class knows its function
            return cls(**config)
        config = dict(config)
        fn = config.pop("fn")
        return cls(get(fn) if isinstance(fn, str) else fn, **config)


class MeanSquaredError(LossFunctionWrapper):
    """Mean squared error, reduced over the batch: reduce(mean((y_true - y_pred)², axis=-1)).

    >>> round(float(MeanSquaredError()([1.0, 0.0, 1.0], [0.9, 0.1, 0.8])), 12)
    0.02
    """

    def __init__(self, reduction="sum_over_batch_size", name="mean_squared_error", dtype=None):
        super().__init__(mean_squared_error, reduction=reduction, name=name, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class MeanAbsoluteError(LossFunctionWrapper):
    """Mean absolute error, reduced over the batch: reduce(mean(|y_true - y_pred|, axis=-1))."""

    def __init__(self, reduction="sum_over_batch_size", name="mean_absolute_error", dtype=None):
        super().__init__(mean_absolute_error, reduction=reduction, name=name, dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class MeanSquaredLogarithmicError(LossFunctionWrapper):
    """Mean squared logarithmic error, reduced over the batch."""

    def __init__(self, reduction="sum_over_batch_size", name="mean_squared_logarithmic_error",
                 dtype=None):
        super().__init__(mean_squared_logarithmic_error, reduction=reduction, name=name,
                         dtype=dtype)

    def get_config(self):
        return Loss.get_config(self)


class _CrossentropyLoss(LossFunctionWrapper):
    """What the three cross-entropy classes share: ``from_logits`` and ``logits_gradient``."""

    def logits_gradient(self, y_true, logits, sample_weight=None):
        """d(reduced loss)/dz for the loss of sigmoid(z) (binary) or softmax(z), exactly.

        The loss of the probabilities p = σ(z) or softmax(z), differentiated with respect
        to z in one step: per sample (p - t)/d (binary, d = length of ``axis``) or
        p·Σ_k t_k - t (categorical, p - t for one-hot t), scaled by weights and
        reduction as in ``gradient``. No clipping, whatever ``from_logits`` says: this is
        the fused output gradient of chapter 5, which Keras's clipped probability path
        does not reach when p rounds to 0 or 1. No input checks.
        """
        p = self._probabilities(logits)
        return self.logits_gradient_from_probabilities(y_true, p, sample_weight)

    def logits_gradient_from_probabilities(self, y_true, p, sample_weight=None):
        """``logits_gradient`` written with p = σ(z) or softmax(z), as chapter 5 writes
        dL/dz = (p − t)/n. A model whose output layer has just computed p passes it here,
        so p is not computed a second time from z. No input checks.
        """
        return self._chain(y_true, p, sample_weight, self._per_sample_logits_gradient(y_true, p))

    @property
    def from_logits(self):
        return self._fn_kwargs["from_logits"]

    def get_config(self):
        return {**Loss.get_config(self), **self._fn_kwargs}


class BinaryCrossentropy(_CrossentropyLoss):
    """Binary cross-entropy, reduced over the batch (see ``binary_crossentropy``)."""

    def __init__(self, from_logits=False, label_smoothing=0.0, axis=-1,
                 reduction="sum_over_batch_size", name="binary_crossentropy", dtype=None):
        super().__init__(binary_crossentropy, reduction=reduction, name=name, dtype=dtype,
                         from_logits=from_logits, label_smoothing=label_smoothing, axis=axis)
        self.label_smoothing = label_smoothing
        self.axis = axis

    def _probabilities(self, logits):
        return _sigmoid(logits)

    def _per_sample_logits_gradient(self, y_true, p):
        """(p − t)/d per sample, t the smoothed targets, d the length of ``axis``."""
        t = y_true * (1 - self.label_smoothing) + 0.5 * self.label_smoothing
        return (p - t) / p.shape[self.axis]


class CategoricalCrossentropy(_CrossentropyLoss):
    """Categorical cross-entropy, reduced over the batch (see ``categorical_crossentropy``).

    >>> loss = CategoricalCrossentropy()
    >>> round(float(loss([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])), 6)
    1.176939
    """

    def __init__(self, from_logits=False, label_smoothing=0.0, axis=-1,
                 reduction="sum_over_batch_size", name="categorical_crossentropy", dtype=None):
        super().__init__(categorical_crossentropy, reduction=reduction, name=name, dtype=dtype,
                         from_logits=from_logits, label_smoothing=label_smoothing, axis=axis)
        self.label_smoothing = label_smoothing
        self.axis = axis

    def _probabilities(self, logits):
        return _softmax(logits, axis=self.axis)

    def _per_sample_logits_gradient(self, y_true, p):
        """p·Σ_k t_k − t per sample (p − t for one-hot t), t the smoothed targets."""
        t = y_true * (1 - self.label_smoothing) + self.label_smoothing / y_true.shape[self.axis]
        return p * np.sum(t, axis=self.axis, keepdims=True) - t


class SparseCategoricalCrossentropy(_CrossentropyLoss):
    """Categorical cross-entropy with integer labels, reduced over the batch.

    With ``ignore_class`` the samples carrying that label count neither in the sum
    nor in the number of samples ("sum_over_batch_size" averages over the others),
    as in Keras.
    """

    def __init__(self, from_logits=False, ignore_class=None, reduction="sum_over_batch_size",
                 axis=-1, name="sparse_categorical_crossentropy", dtype=None):
        super().__init__(sparse_categorical_crossentropy, reduction=reduction, name=name,
                         dtype=dtype, from_logits=from_logits, ignore_class=ignore_class,
                         axis=axis)
        self.ignore_class = ignore_class

    def _mask(self, y_true):
        return None if self.ignore_class is None else y_true != self.ignore_class

    def _probabilities(self, logits):
        return _softmax(logits, axis=self._fn_kwargs["axis"])

    def _per_sample_logits_gradient(self, y_true, p):
        """p − onehot(label) per sample; 0 for samples labelled ``ignore_class``."""
        axis = self._fn_kwargs["axis"]
        t = _one_hot(y_true, p.shape[axis], p.dtype, axis, self.ignore_class)
        return p * np.sum(t, axis=axis, keepdims=True) - t

    def get_config(self):
        config = super().get_config()
        del config["axis"]  # as Keras, whose config leaves it out
        return config


# --- lookup by name -------------------------------------------------------------------

_CLASSES = (MeanSquaredError, MeanAbsoluteError, MeanSquaredLogarithmicError,
            BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy)

#: Every name ``get`` knows, spelled as Keras spells it (plus the textbook losses).
_ALL_OBJECTS = {
    **{fn.__name__: fn for fn in _DERIVATIVES},
    **{cls.__name__: cls for cls in _CLASSES},
    "mse": mean_squared_error, "MSE": mean_squared_error,
    "mae": mean_absolute_error, "MAE": mean_absolute_error,
    "msle": mean_squared_logarithmic_error, "MSLE": mean_squared_logarithmic_error,
    "bce": binary_crossentropy, "BCE": binary_crossentropy,
}


def get(identifier):
    """Return a loss by its Keras identifier, as ``keras.losses.get``.

    A function name or alias ("mean_squared_error", "mse", "MSE", "bce", ...) gives
    the function; a class name ("CategoricalCrossentropy") a new instance with
    default arguments; a dict {"class_name": ..., "config": {...}} an instance
    with that config. A Loss instance or any callable passes through, None gives
    None. Names are case-sensitive, as in Keras; unknown ones raise ``ValueError``.

    >>> get("mse") is mean_squared_error
    True
    >>> get("CategoricalCrossentropy")
    CategoricalCrossentropy(name='categorical_crossentropy', reduction='sum_over_batch_size', \
from_logits=False, label_smoothing=0.0, axis=-1)
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        cls = _ALL_OBJECTS.get(identifier.get("class_name"))
        if not (inspect.isclass(cls) and issubclass(cls, Loss)):
            raise ValueError(f"unknown loss {identifier!r}: class_name must name a loss class")
        return cls.from_config(identifier.get("config", {}))
    if isinstance(identifier, str):
        if identifier not in _ALL_OBJECTS:
            known = ", ".join(sorted(_ALL_OBJECTS))
            raise ValueError(f"unknown loss {identifier!r}; known names: {known}")
        identifier = _ALL_OBJECTS[identifier]
    if inspect.isclass(identifier):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError(f"could not interpret loss identifier {identifier!r}: give a name, "
                     "a loss function or a Loss instance")


def get_grad(identifier):
    """Return the derivative function of a named (or lossbook) loss function.

    The result takes the same arguments as the loss and returns the gradient
    of the per-sample losses SUMMED over samples, shaped like ``y_pred``
    (divide by the number of samples for the gradient of the batch mean).

    >>> get_grad("categorical_crossentropy") is categorical_crossentropy_grad
    True
    """
    fn = get(identifier)
    if fn not in _DERIVATIVES:
        known = ", ".join(f.__name__ for f in _DERIVATIVES)
        raise ValueError(
            f"no known derivative for loss {identifier!r}; known losses: {known}"
        )
    return _DERIVATIVES[fn]


# --- names lossbook.model still uses (its branch moves to logits_gradient) -----------------


def _sparse_categorical(labels, y, from_logits):
    """Unchecked per-sample sparse categorical cross-entropy (kept for lossbook.model)."""
    return sparse_categorical_crossentropy.unchecked(labels, y, from_logits)


def _categorical_logits_grad(t, p):
    """d CCE / d z from p = softmax(z): p·Σ_k t_k − t (kept for lossbook.model)."""
    return p * np.sum(t, axis=-1, keepdims=True) - t


def _binary_logits_grad(t, p):
    """d BCE / d z from p = σ(z): (p − t) / d (kept for lossbook.model)."""
    return (p - t) / p.shape[-1]
