"""Metrics: numbers reported during training, accumulated over batches, as in Keras 3.

A metric object keeps a running state. Each batch calls
``metric.update_state(y_true, y_pred, sample_weight=None)``; ``metric.result()``
gives the value over everything seen so far; ``metric.reset_state()`` starts over
(Keras does that at the start of every epoch). Most metrics are a running
(weighted) mean of a per-sample value:

    result = Σ_i w_i·v_i / Σ_i w_i        (w_i = 1 without sample_weight)

where v_i is, per sample, a loss (``MeanSquaredError``, ``BinaryCrossentropy``, ...,
the same functions as ``lossbook.losses``) or a match 1/0 (the accuracies).

``fit`` checks its data once, then calls ``metric.update_state_unchecked`` per batch:
the same update with the function's bare formula (``f.unchecked``), without checks.

``get("mae")`` finds a metric by its Keras name; ``for_compile("accuracy", ...)``
applies Keras 3's rule that turns ``metrics=["accuracy"]`` into the binary,
categorical or sparse categorical accuracy.
"""

from __future__ import annotations

import functools
import inspect

import numpy as np

from . import losses
from ._checks import as_float_array
from .losses import (
    binary_crossentropy,
    categorical_crossentropy,
    mean_absolute_error,
    mean_squared_error,
    mean_squared_logarithmic_error,
    sparse_categorical_crossentropy,
)

__all__ = [
    "Metric",
    "Sum",
    "Mean",
    "MeanMetricWrapper",
    "Accuracy",
    "BinaryAccuracy",
    "CategoricalAccuracy",
    "SparseCategoricalAccuracy",
    "MeanSquaredError",
    "MeanAbsoluteError",
    "MeanSquaredLogarithmicError",
    "BinaryCrossentropy",
    "CategoricalCrossentropy",
    "SparseCategoricalCrossentropy",
    "accuracy",
    "binary_accuracy",
    "categorical_accuracy",
    "sparse_categorical_accuracy",
    "mean_squared_error",
    "mean_absolute_error",
    "mean_squared_logarithmic_error",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
    "get",
    "for_compile",
]


# --- per-sample match functions ----------------------------------------------------------


def _match_function(targets, **prepare):
    """Decorator: the public match function checks its inputs with the losses' one input
    check (``losses._prepare``), then runs the formula. The formula stays reachable,
    unchecked, as ``f.unchecked`` (``fit`` checks its data once, not every batch)."""

    def decorate(formula):
        signature = inspect.signature(formula)

        @functools.wraps(formula)
        def checked(*args, **kwargs):
            arguments = signature.bind(*args, **kwargs).arguments
            if "threshold" in arguments:
                arguments["threshold"] = float(as_float_array(arguments["threshold"],
                                                              "threshold"))
            arguments["y_true"], arguments["y_pred"] = losses._prepare(
                arguments["y_true"], arguments["y_pred"], targets, **prepare)
            return formula(**arguments)

        checked.unchecked = formula
        return checked

    return decorate


@_match_function("values")
def accuracy(y_true, y_pred):
    """1.0 where y_pred equals y_true exactly, else 0.0 (element by element).

    >>> accuracy([[1, 2], [3, 4]], [[1, 2], [3, 5]])
    array([[1., 1.],
           [1., 0.]])
    """
    return (y_true == y_pred).astype(y_pred.dtype)


@_match_function("values")
def binary_accuracy(y_true, y_pred, threshold=0.5):
    """1.0 where y_true equals the thresholded prediction [y_pred > threshold], else 0.0.

    Element by element, as Keras: a target must be exactly 0 or 1 to ever match,
    so soft targets such as 0.95 and 0.05 always score 0.

    >>> binary_accuracy([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]])
    array([[1.],
           [1.],
           [1.],
           [0.]])
    """
    return (y_true == (y_pred > threshold)).astype(y_pred.dtype)


@_match_function("values")
def categorical_accuracy(y_true, y_pred):
    """1.0 where the largest prediction sits at the largest target (one-hot), else 0.0.

    >>> categorical_accuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]])
    array([0., 1.])
    """
    return (np.argmax(y_true, axis=-1) == np.argmax(y_pred, axis=-1)).astype(y_pred.dtype)


@_match_function("labels", from_logits=True)  # any scores: no check that they are probabilities
def sparse_categorical_accuracy(y_true, y_pred):
    """1.0 where the largest prediction sits at the integer label, else 0.0.

    >>> sparse_categorical_accuracy([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]])
    array([0., 1.])
    """
    return (y_true == np.argmax(y_pred, axis=-1)).astype(y_pred.dtype)


# --- metric objects -----------------------------------------------------------------------


class Metric:
    """Base class: a running state, ``update_state`` per batch, ``result()``, ``reset_state()``.

    ``metric(...)`` updates the state and returns the result, as in Keras.
    """

    def __init__(self, dtype=None, name=None):
        if dtype is not None and np.dtype(dtype) not in (np.float32, np.float64):
            raise ValueError(f"dtype must be 'float32', 'float64' or None; got {dtype!r}")
        self.dtype = np.dtype(dtype or "float64").name
        self.name = name or losses._snake_case(type(self).__name__)
        self.reset_state()

    def update_state(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} must define update_state")

    def update_state_unchecked(self, *args, **kwargs):
        """``update_state`` for data checked once before (as ``fit`` does): metrics whose
        function has an unchecked formula skip the input checks; the others check."""
        self.update_state(*args, **kwargs)

    def result(self):
        raise NotImplementedError(f"{type(self).__name__} must define result")

    def reset_state(self):
        """Forget everything seen so far."""

    def __call__(self, *args, **kwargs):
        self.update_state(*args, **kwargs)
        return self.result()

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r} result={self.result()!r}>"


def _per_sample(values, sample_weight, reduce, mask=None):
    """Keras's ``reduce_to_samplewise_values``: one value (and one weight) per sample.

    The weights are aligned with the values as in the losses; values with more axes
    than the weights are first reduced (``reduce``: mean or sum) over the extra axes.
    A mask (``ignore_class``) only takes effect together with a sample_weight, as in Keras.
    """
    if sample_weight is not None:
        sample_weight = as_float_array(sample_weight, "sample_weight", dtype=values.dtype)
        if np.any(sample_weight < 0):
            raise ValueError("sample_weight must not be negative")
        if mask is not None:
            mask, sample_weight = losses._align_ranks(mask, sample_weight)
            sample_weight = sample_weight * mask
        values, sample_weight = losses._align_ranks(values, sample_weight)
        if values.ndim > sample_weight.ndim:
            values = reduce(values, axis=tuple(range(sample_weight.ndim, values.ndim)))
        try:
            sample_weight = np.broadcast_to(sample_weight, values.shape)
        except ValueError:
            raise ValueError(
                f"sample_weight has shape {sample_weight.shape}, which does not fit values of "
                f"shape {values.shape}"
            ) from None
        values = values * sample_weight
        if sample_weight.ndim > 1:
            sample_weight = reduce(sample_weight, axis=tuple(range(1, sample_weight.ndim)))
    if values.ndim > 1:
        values = reduce(values, axis=tuple(range(1, values.ndim)))
    return values, sample_weight


class Sum(Metric):
    """The running (weighted) sum of the given values: Σ w·v."""

    def __init__(self, name="sum", dtype=None):
        super().__init__(name=name, dtype=dtype)

    def reset_state(self):
        self.total = 0.0

    def update_state(self, values, sample_weight=None):
        values = as_float_array(values, "values", dtype=self.dtype)
        values, _ = _per_sample(values, sample_weight, np.sum)
        self.total += float(np.sum(values))

    def result(self):
        return float(np.asarray(self.total, self.dtype))


class Mean(Metric):
    """The running (weighted) mean of the given values: Σ w·v / Σ w.

    >>> m = Mean()
    >>> m.update_state([1, 3, 5, 7])
    >>> m.result()
    4.0
    >>> m.update_state([1, 3], sample_weight=[1, 0])  # the running mean of 1, 3, 5, 7, 1
    >>> m.result()
    3.4
    >>> m.reset_state()
    >>> m.result()
    0.0
    """

    def __init__(self, name="mean", dtype=None):
        super().__init__(name=name, dtype=dtype)

    def reset_state(self):
        self.total = 0.0
        self.count = 0.0

    def update_state(self, values, sample_weight=None):
        self._accumulate(as_float_array(values, "values", dtype=self.dtype), sample_weight)

    def _accumulate(self, values, sample_weight, mask=None):
        values, sample_weight = _per_sample(values, sample_weight, np.mean, mask)
        self.total += float(np.sum(values))
        if sample_weight is not None:
            self.count += float(np.sum(sample_weight))
        else:
            self.count += values.shape[0] if values.ndim else 1

    def result(self):
        """Σ w·v / Σ w so far (0.0 before any weight)."""
        mean = self.total / self.count if self.count else 0.0
        return float(np.asarray(mean, self.dtype))


class MeanMetricWrapper(Mean):
    """The running mean of a per-sample function ``fn(y_true, y_pred, **kwargs)``."""

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        if not callable(fn):
            raise TypeError(f"fn must be a function, got {type(fn).__name__}")
        if fn in losses._DERIVATIVES or fn in _MATCHES:
            inspect.signature(fn).bind(None, None, **kwargs)  # TypeError naming a wrong option
        self._fn = fn
        self._fn_kwargs = kwargs
        super().__init__(name=name or getattr(fn, "__name__", None), dtype=dtype)

    def update_state(self, y_true, y_pred, sample_weight=None):
        values = np.asarray(self._fn(y_true, y_pred, **self._fn_kwargs), dtype=self.dtype)
        self._accumulate(values, sample_weight, self._mask(y_true, y_pred))

    def update_state_unchecked(self, y_true, y_pred, sample_weight=None):
        """``update_state`` with the function's bare formula (no input checks)."""
        formula = getattr(self._fn, "unchecked", self._fn)
        values = np.asarray(formula(y_true, y_pred, **self._fn_kwargs), dtype=self.dtype)
        self._accumulate(values, sample_weight, self._mask(y_true, y_pred))

    def _mask(self, y_true, y_pred):
        return None

    def get_config(self):
        return {**super().get_config(), **self._fn_kwargs}


_MATCHES = (accuracy, binary_accuracy, categorical_accuracy, sparse_categorical_accuracy)


class Accuracy(MeanMetricWrapper):
    """How often y_pred equals y_true exactly."""

    def __init__(self, name="accuracy", dtype=None):
        super().__init__(accuracy, name=name, dtype=dtype)


class BinaryAccuracy(MeanMetricWrapper):
    """How often [y_pred > threshold] equals y_true (targets exactly 0 or 1).

    >>> m = BinaryAccuracy()
    >>> m([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]])
    0.75
    """

    def __init__(self, name="binary_accuracy", dtype=None, threshold=0.5):
        threshold = float(as_float_array(threshold, "threshold"))
        super().__init__(binary_accuracy, name=name, dtype=dtype, threshold=threshold)
        self.threshold = threshold


class CategoricalAccuracy(MeanMetricWrapper):
    """How often the largest prediction sits at the one-hot target's 1."""

    def __init__(self, name="categorical_accuracy", dtype=None):
        super().__init__(categorical_accuracy, name=name, dtype=dtype)


class SparseCategoricalAccuracy(MeanMetricWrapper):
    """How often the largest prediction sits at the integer label.

    >>> m = SparseCategoricalAccuracy()
    >>> m([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]])
    0.5
    """

    def __init__(self, name="sparse_categorical_accuracy", dtype=None):
        super().__init__(sparse_categorical_accuracy, name=name, dtype=dtype)


class MeanSquaredError(MeanMetricWrapper):
    """The running mean of ``losses.mean_squared_error``."""

    def __init__(self, name="mean_squared_error", dtype=None):
        super().__init__(mean_squared_error, name=name, dtype=dtype)


class MeanAbsoluteError(MeanMetricWrapper):
    """The running mean of ``losses.mean_absolute_error``."""

    def __init__(self, name="mean_absolute_error", dtype=None):
        super().__init__(mean_absolute_error, name=name, dtype=dtype)


class MeanSquaredLogarithmicError(MeanMetricWrapper):
    """The running mean of ``losses.mean_squared_logarithmic_error``."""

    def __init__(self, name="mean_squared_logarithmic_error", dtype=None):
        super().__init__(mean_squared_logarithmic_error, name=name, dtype=dtype)


class BinaryCrossentropy(MeanMetricWrapper):
    """The running mean of ``losses.binary_crossentropy``."""

    def __init__(self, name="binary_crossentropy", dtype=None, from_logits=False,
                 label_smoothing=0):
        super().__init__(binary_crossentropy, name=name, dtype=dtype, from_logits=from_logits,
                         label_smoothing=label_smoothing)


class CategoricalCrossentropy(MeanMetricWrapper):
    """The running mean of ``losses.categorical_crossentropy``."""

    def __init__(self, name="categorical_crossentropy", dtype=None, from_logits=False,
                 label_smoothing=0, axis=-1):
        super().__init__(categorical_crossentropy, name=name, dtype=dtype,
                         from_logits=from_logits, label_smoothing=label_smoothing, axis=axis)


class SparseCategoricalCrossentropy(MeanMetricWrapper):
    """The running mean of ``losses.sparse_categorical_crossentropy``."""

    def __init__(self, name="sparse_categorical_crossentropy", dtype=None, from_logits=False,
                 ignore_class=None, axis=-1):
        super().__init__(sparse_categorical_crossentropy, name=name, dtype=dtype,
                         from_logits=from_logits, ignore_class=ignore_class, axis=axis)

    def _mask(self, y_true, y_pred):
        ignore = self._fn_kwargs["ignore_class"]
        if ignore is None:
            return None
        labels = np.asarray(y_true)
        if labels.ndim == np.ndim(y_pred):  # labels of shape (n, 1)
            labels = np.squeeze(labels, axis=self._fn_kwargs["axis"])
        return (labels != ignore).astype(self.dtype)


# --- lookup by name -----------------------------------------------------------------------

_CLASSES = (Mean, Sum, Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy,
            MeanSquaredError, MeanAbsoluteError, MeanSquaredLogarithmicError,
            BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy)

#: Every name ``get`` knows, as Keras: class names, their snake_case and the short aliases.
_ALL_OBJECTS = {
    **{cls.__name__: cls for cls in _CLASSES},
    **{losses._snake_case(cls.__name__): cls for cls in _CLASSES},
    "mse": MeanSquaredError, "MSE": MeanSquaredError,
    "mae": MeanAbsoluteError, "MAE": MeanAbsoluteError,
    "msle": MeanSquaredLogarithmicError, "MSLE": MeanSquaredLogarithmicError,
    "bce": BinaryCrossentropy, "BCE": BinaryCrossentropy,
}


def get(identifier):
    """Return a metric by its Keras identifier, as ``keras.metrics.get``.

    A name ("mae", "MSE", "binary_accuracy", "BinaryAccuracy", ...) gives a new
    instance with default arguments, a dict {"class_name": ..., "config": {...}} an
    instance with that config; a Metric instance or any callable passes through,
    None gives None. Names are case-sensitive, as in Keras. Note that "accuracy"
    here is ``Accuracy`` (exact equality); ``for_compile`` is what picks the binary
    or categorical accuracy for ``compile(metrics=["accuracy"])``.

    >>> get("mae")
    <MeanAbsoluteError name='mean_absolute_error' result=0.0>
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        cls = _ALL_OBJECTS.get(identifier.get("class_name"))
        if cls is None:
            raise ValueError(f"unknown metric {identifier!r}: class_name must name a metric")
        return cls.from_config(identifier.get("config", {}))
    if isinstance(identifier, str):
        if identifier not in _ALL_OBJECTS:
            known = ", ".join(sorted(_ALL_OBJECTS))
            raise ValueError(f"unknown metric {identifier!r}; known names: {known}")
        return _ALL_OBJECTS[identifier]()
    if inspect.isclass(identifier):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError(f"could not interpret metric identifier {identifier!r}")


def for_compile(identifier, loss, y_true, y_pred):
    """The metric ``compile(metrics=[identifier])`` builds, named as Keras names it.

    Keras 3's rule (``keras/src/trainers/compile_utils.py``, ``get_metric``): for
    "accuracy" or "acc" (any case) it looks at the shapes of the first batch:

    * y_pred has one column                        -> ``BinaryAccuracy``;
    * y_true has fewer axes than y_pred, or y_true
      has one column and y_pred more than one      -> ``SparseCategoricalAccuracy``;
    * otherwise                                    -> ``CategoricalAccuracy``.

    Any other identifier goes through ``get``; a plain function is wrapped in
    ``MeanMetricWrapper``. The metric is named by the string as written ("acc" stays
    "acc", "mae" stays "mae"), or by the object's own name: that name is the
    history key. ``loss`` is the compiled loss; Keras 3 chooses from the shapes alone,
    so it does not change the choice (Keras 2 looked at the loss).

    >>> for_compile("acc", "sparse_categorical_crossentropy", np.zeros(4), np.zeros((4, 10)))
    <SparseCategoricalAccuracy name='acc' result=0.0>
    """
    if identifier is None:
        raise ValueError("expected a metric, received None")
    if str(identifier).lower() in ("accuracy", "acc"):
        true_shape, pred_shape = np.shape(y_true), np.shape(y_pred)
        if pred_shape[-1:] == (1,):
            metric = BinaryAccuracy()
        elif len(true_shape) < len(pred_shape) or (true_shape[-1:] == (1,)
                                                   and pred_shape[-1] > 1):
            metric = SparseCategoricalAccuracy()
        else:
            metric = CategoricalAccuracy()
    else:
        metric = get(identifier)
    if isinstance(identifier, str):
        name = identifier
    elif isinstance(metric, Metric):
        name = metric.name
    else:
        name = losses._snake_case(getattr(metric, "__name__", type(metric).__name__))
    if not isinstance(metric, Metric):
        metric = MeanMetricWrapper(metric)
    metric.name = name
    return metric
