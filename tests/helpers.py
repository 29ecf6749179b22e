"""Small numerical helpers shared by the tests (independent of lossbook's own code)."""

import numpy as np


def central_diff(f, x, h=1e-6):
    """Central finite differences (f(x + h·e_i) − f(x − h·e_i)) / 2h of the scalar function
    f at x (any shape), one entry at a time; f gets a float64 array shaped like x."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        fp = f(x)
        x[idx] = old - h
        fm = f(x)
        x[idx] = old
        grad[idx] = (fp - fm) / (2 * h)
    return grad


def rel_err(a, b):
    """max|a − b| / max(max|a|, max|b|): the largest error relative to the largest entry."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.max(np.abs(a - b)) / max(np.max(np.abs(a)), np.max(np.abs(b)), 1e-300)
