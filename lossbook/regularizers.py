"""Weight penalties added to the loss, as Keras 3 adds them (``kernel_regularizer=``).

    L1(l1)       penalty = l1 · Σ|w|              gradient = l1 · sign(w)   (+1 at w = 0)
    L2(l2)       penalty = l2 · Σ w²              gradient = 2 · l2 · w
    L1L2(l1, l2) penalty = l1 · Σ|w| + l2 · Σ w²  (both gradients added)

Note Keras's L2 has no ½: ``L2(0.01)`` adds 0.01·Σw², whose gradient is 0.02·w. The
penalty is added once per batch to the (already averaged) loss, so it does not depend on
the batch size. At w = 0, |w| has no derivative; JAX (and so Keras on JAX) takes +1
there, and so does lossbook: an L1-penalised bias that starts at 0 moves as in Keras.

>>> reg = L2(0.01)
>>> reg(np.array([[1.0, -2.0]])), reg.gradient(np.array([[1.0, -2.0]]))
(0.05, array([[ 0.02, -0.04]]))
"""

from __future__ import annotations

import inspect
import math

import numpy as np

__all__ = ["Regularizer", "L1", "L2", "L1L2", "get"]


def _factor(value, name):
    """Keras's check: a finite, non-negative float."""
    if (not isinstance(value, (float, int)) or isinstance(value, bool)
            or math.isinf(value) or math.isnan(value) or value < 0):
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float. "
            f"Received: {name}={value}"
        )
    return float(value)


def _weights(x):
    """``x`` as a float array. NaN passes through: during training a NaN penalty must reach
    the loss (TerminateOnNaN watches it) rather than raise here."""
    w = np.asarray(x)
    if w.dtype.kind not in "fiub":
        raise TypeError(f"a regularizer needs a numeric weight array, got dtype {w.dtype}")
    return w if w.dtype.kind == "f" else w.astype(np.float64)


class Regularizer:
    """Base class: ``reg(w)`` is the penalty (a float), ``reg.gradient(w)`` its gradient."""

    def __call__(self, x):
        return 0.0

    def gradient(self, x):
        return np.zeros_like(_weights(x))

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def get_config(self):
        raise NotImplementedError(f"{self} does not implement get_config()")

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


def _sign(w):
    """d|w|/dw: −1 where w < 0, +1 where w > 0, and +1 at w = 0 (JAX's choice)."""
    return np.where(w < 0, -1.0, 1.0).astype(w.dtype, copy=False)


class L1(Regularizer):
    """l1 · Σ|w| (default l1 = 0.01): pushes weights to exactly zero."""

    def __init__(self, l1=0.01):
        self.l1 = _factor(0.01 if l1 is None else l1, "l1")

    def __call__(self, x):
        return float(self.l1 * np.sum(np.abs(_weights(x))))

    def gradient(self, x):
        return self.l1 * _sign(_weights(x))

    def get_config(self):
        return {"l1": self.l1}


class L2(Regularizer):
    """l2 · Σ w² (default l2 = 0.01): "weight decay", keeps weights small."""

    def __init__(self, l2=0.01):
        self.l2 = _factor(0.01 if l2 is None else l2, "l2")

    def __call__(self, x):
        w = _weights(x)
        return float(self.l2 * np.sum(w * w))

    def gradient(self, x):
        return 2.0 * self.l2 * _weights(x)

    def get_config(self):
        return {"l2": self.l2}


class L1L2(Regularizer):
    """l1 · Σ|w| + l2 · Σ w² (both 0 by default; ``None`` counts as 0)."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _factor(0.0 if l1 is None else l1, "l1")
        self.l2 = _factor(0.0 if l2 is None else l2, "l2")

    def __call__(self, x):
        w = _weights(x)
        return float(self.l1 * np.sum(np.abs(w)) + self.l2 * np.sum(w * w))

    def gradient(self, x):
        w = _weights(x)
        return self.l1 * _sign(w) + 2.0 * self.l2 * w

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


_BY_NAME = {"Regularizer": Regularizer, "regularizer": Regularizer, "L1": L1, "l1": L1,
            "L2": L2, "l2": L2, "L1L2": L1L2, "l1l2": L1L2}
_KERAS_ONLY = ("OrthogonalRegularizer", "orthogonal_regularizer")


def get(identifier):
    """A regularizer from a Keras name ("l1", "L2", "l1l2", …), a config dict, a class, an
    instance or a callable; ``None`` stays ``None``. Unknown names raise ValueError.

    >>> get("l2")
    L2(l2=0.01)
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        cls = _lookup(identifier.get("class_name"))
        return cls.from_config(identifier.get("config") or {})
    obj = _lookup(identifier) if isinstance(identifier, str) else identifier
    if inspect.isclass(obj) and callable(obj):
        return obj()
    if callable(obj):
        return obj
    raise ValueError(f"Could not interpret regularizer identifier: {identifier}")


def _lookup(name):
    if name in _KERAS_ONLY:
        raise ValueError(f"regularizer {name!r} exists in Keras but not in lossbook")
    if not isinstance(name, str) or name not in _BY_NAME:
        raise ValueError(
            f"Could not interpret regularizer identifier: {name}. Known names: {sorted(_BY_NAME)}"
        )
    return _BY_NAME[name]
