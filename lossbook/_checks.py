"""Input validation shared by every lossbook module.

Every public function converts and checks its inputs here, so that bad input
fails loudly with a message naming the argument and the problem, instead of
giving a silently wrong number.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "as_float_array",
    "check_same_shape",
    "check_probabilities",
    "check_labels",
    "check_positive",
    "check_int",
    "lookup",
]


def as_float_array(x, name, *, allow_empty=False, dtype=None):
    """Return ``x`` as a finite floating-point NumPy array.

    Integers and booleans become float64; float16/32/64 keep their precision
    unless ``dtype`` is given. Raises ``TypeError`` for non-numeric input and
    ``ValueError`` for NaN, infinity or (unless ``allow_empty``) an empty array.
    """
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got a string: {x!r}")
    try:
        arr = np.asarray(x)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array: {exc}") from None
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or arr.dtype == bool
    ):
        raise TypeError(f"{name} must be numeric, got dtype {arr.dtype}")
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real, got complex dtype {arr.dtype}")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    elif not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty (shape {arr.shape}); need at least one value")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = tuple(int(i) for i in bad)
        raise ValueError(
            f"{name} contains NaN or infinity (first at index {where}: {float(arr[where])})"
        )
    return arr


def check_same_shape(a, b, name_a="y_true", name_b="y_pred"):
    """Raise ``ValueError`` unless arrays ``a`` and ``b`` have the same shape."""
    if a.shape != b.shape:
        raise ValueError(
            f"shape mismatch: {name_a} has shape {a.shape} but {name_b} has shape {b.shape}"
        )


def check_probabilities(p, name):
    """Raise ``ValueError`` unless every value of ``p`` lies in [0, 1]."""
    if np.any(p < 0) or np.any(p > 1):
        bad = np.argwhere((p < 0) | (p > 1))[0]
        where = tuple(int(i) for i in bad)
        raise ValueError(
            f"{name} must hold probabilities in [0, 1]; found {float(p[where])!r} at index {where}"
            " (pass from_logits=True for raw scores)"
        )


def check_labels(labels, n_classes, name="y_true"):
    """Return integer class labels, checking they are whole numbers in [0, n_classes)."""
    arr = np.asarray(labels)
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or arr.dtype == bool
    ):
        raise TypeError(f"{name} must hold integer class labels, got dtype {arr.dtype}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); need at least one label")
    if np.issubdtype(arr.dtype, np.floating):
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name} contains NaN or infinity; labels must be integers")
        fractional = arr[arr != np.round(arr)]
        if fractional.size:
            raise ValueError(
                f"{name} must hold whole-number class labels, got {float(fractional[0])!r}"
            )
    ints = arr.astype(np.int64)
    if np.any(ints < 0) or np.any(ints >= n_classes):
        bad = ints[(ints < 0) | (ints >= n_classes)][0]
        raise ValueError(
            f"{name} has label {int(bad)}, outside the valid range 0..{n_classes - 1}"
            f" for {n_classes} classes"
        )
    return ints


def check_positive(value, name, *, allow_zero=False):
    """Return ``value`` as a float after checking it is a finite (non-)positive number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be a finite number {bound}, got {value}")
    return value


def check_int(value, name, *, minimum=0):
    """Return ``value`` as an ``int`` after checking it is a whole number >= ``minimum``.

    Python and NumPy integers pass; ``bool`` and floats such as ``10.0`` raise
    ``TypeError``, values below ``minimum`` raise ``ValueError``.

    >>> check_int(np.int64(3), "epochs")
    3
    >>> check_int(0, "batch_size", minimum=1)
    Traceback (most recent call last):
        ...
    ValueError: batch_size must be an integer >= 1, got 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}")
    return int(value)


def lookup(identifier, table, kind):
    """Resolve a Keras-style string identifier in ``table`` (name -> object).

    Callables pass through unchanged. Unknown strings raise ``ValueError``
    listing the known names; anything else raises ``TypeError``.
    """
    if callable(identifier) and not isinstance(identifier, str):
        return identifier
    if not isinstance(identifier, str):
        raise TypeError(
            f"{kind} identifier must be a string or a callable, got {type(identifier).__name__}"
        )
    key = identifier.strip().lower()
    if key not in table:
        known = ", ".join(sorted(table))
        raise ValueError(f"unknown {kind} {identifier!r}; known names: {known}")
    return table[key]
