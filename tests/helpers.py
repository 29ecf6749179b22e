"""Small numerical helpers shared by the tests (independent of lossbook's own code)."""

import numpy as np


def central_diff(f, x, h=1e-6):
    """Central finite difference of the scalar function f at x (any shape)."""
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
    """‖a − b‖ / max(‖a‖, ‖b‖): the relative error of two arrays."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b), 1e-300)
