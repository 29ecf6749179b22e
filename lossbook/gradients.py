"""Numerical derivatives and plain gradient descent.

The derivative is the slope of f over a vanishingly small step h. A computer cannot take
h → 0, so we pick a small finite h and use the *central difference*::

    f'(x) ≈ (f(x + h) − f(x − h)) / (2h)          error ~ h²

which is far more accurate than the *forward difference* (f(x + h) − f(x)) / h (error ~ h).
Too small an h fails the other way: with h = 1e-50, x + h rounds back to x in float64
and the "derivative" comes out as exactly 0.

Gradient descent walks downhill along the gradient::

    x ← x − learning_rate · ∇f(x)

>>> round(numerical_derivative(lambda x: x**2, 3.0), 8)
6.0
>>> gradient_descent(sphere, [-3.0, 4.0], learning_rate=0.1, steps=100)[-1].round(6).tolist()
[-0.0, 0.0]
"""

from __future__ import annotations

import numbers

import numpy as np

from lossbook._checks import as_float_array, check_int, check_positive

__all__ = [
    "numerical_derivative",
    "numerical_gradient",
    "gradient_descent",
    "sphere",
    "sphere_grad",
    "ravine",
    "ravine_grad",
    "saddle",
    "saddle_grad",
]


def _scalar_output(value, where):
    """Return f's output as a float, raising if it is not one finite real number."""
    arr = np.asarray(value)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(f"f must return a real number; {where} returned {type(value).__name__}")
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"f must return a real number; {where} returned complex {value!r}")
    if arr.size != 1:
        raise ValueError(f"f must return a scalar; {where} returned an array of shape {arr.shape}")
    out = float(arr.reshape(()))
    if not np.isfinite(out):
        raise ValueError(f"f must return a finite number; {where} returned {out}")
    return out


def numerical_derivative(f, x, h=1e-4, method="central"):
    """Slope of a scalar function f at the number x by finite differences.

    central: (f(x + h) − f(x − h)) / (2h);  forward: (f(x + h) − f(x)) / h.

    >>> round(numerical_derivative(lambda x: 0.01 * x**2 + 0.1 * x, 5.0), 10)
    0.2
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"x must be a real number, got {type(x).__name__}")
    x = float(x)
    if not np.isfinite(x):
        raise ValueError(f"x must be finite, got {x}")
    h = check_positive(h, "h")
    if method == "central":
        return (_scalar_output(f(x + h), "f(x + h)") - _scalar_output(f(x - h), "f(x - h)")) / (
            2 * h
        )
    if method == "forward":
        return (_scalar_output(f(x + h), "f(x + h)") - _scalar_output(f(x), "f(x)")) / h
    raise ValueError(f"unknown method {method!r}; known methods: central, forward")


def numerical_gradient(f, x, h=1e-4):
    """Gradient of a scalar function f at the array x by central differences.

    ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / (2h), for every element of x (any shape).
    f is called with a float64 copy of x; the caller's x is never modified.

    >>> numerical_gradient(lambda v: v[0]**2 + v[1]**2, [3.0, 4.0]).round(6).tolist()
    [6.0, 8.0]
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    h = check_positive(h, "h")
    x = as_float_array(x, "x", dtype=np.float64).copy()
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        x[idx] = original + h
        f_plus = _scalar_output(f(x), f"f(x + h) at index {idx}")
        x[idx] = original - h
        f_minus = _scalar_output(f(x), f"f(x - h) at index {idx}")
        x[idx] = original  # restore before moving to the next element
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad


def gradient_descent(f, init_x, learning_rate=0.01, steps=100, grad=None):
    """Run x ← x − learning_rate·∇f(x) and return the whole path.

    The gradient is ``grad(x)`` if given, else ``numerical_gradient(f, x)``. Returns an
    array of shape (steps + 1, *x.shape): row 0 is ``init_x``, row k the point after k steps.

    >>> gradient_descent(sphere, [1.0, 2.0], learning_rate=0.25, steps=2, grad=sphere_grad).tolist()
    [[1.0, 2.0], [0.5, 1.0], [0.25, 0.5]]
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    if grad is not None and not callable(grad):
        raise TypeError(f"grad must be callable or None, got {type(grad).__name__}")
    learning_rate = check_positive(learning_rate, "learning_rate")
    steps = check_int(steps, "steps")
    x = as_float_array(init_x, "init_x", dtype=np.float64).copy()
    _scalar_output(f(x.copy()), "f(init_x)")

    path = np.empty((int(steps) + 1, *x.shape))
    path[0] = x
    for k in range(1, int(steps) + 1):
        if grad is None:
            g = numerical_gradient(f, x)
        else:
            g = as_float_array(grad(x.copy()), f"grad(x) at step {k}", dtype=np.float64)
            if g.shape != x.shape:
                raise ValueError(
                    f"grad(x) must have the shape of x {x.shape}, got {g.shape} at step {k}"
                )
        with np.errstate(over="ignore", invalid="ignore"):  # reported just below
            x = x - learning_rate * g
        if not np.all(np.isfinite(x)):
            raise ValueError(
                f"gradient descent diverged to a non-finite x at step {k};"
                f" try a smaller learning_rate than {learning_rate}"
            )
        path[k] = x
    return path


# -- test functions for the chapters -----------------------------------------------------
# Each takes a point x (x[0], x[1], ...) and also works on stacked grids such as
# np.stack(np.meshgrid(xs, ys)) for contour plots.


def _point(x, n=None):
    x = as_float_array(x, "x", dtype=np.float64)
    if x.ndim == 0 or (n is not None and x.shape[0] != n):
        need = "a 1-D array" if n is None else f"{n} coordinates along the first axis"
        raise ValueError(f"x must hold {need}, got shape {x.shape}")
    return x


def sphere(x):
    """Bowl f(x) = x0² + x1² + ... (summed over the first axis); minimum 0 at the origin."""
    x = _point(x)
    return np.sum(x**2, axis=0)


def sphere_grad(x):
    """∇ sphere = 2·x."""
    return 2.0 * _point(x)


def ravine(x):
    """Long narrow valley f(x, y) = x²/20 + y²; minimum 0 at (0, 0), steep in y, flat in x."""
    x = _point(x, 2)
    return x[0] ** 2 / 20.0 + x[1] ** 2


def ravine_grad(x):
    """∇ ravine = (x/10, 2y)."""
    x = _point(x, 2)
    return np.stack([x[0] / 10.0, 2.0 * x[1]])


def saddle(x):
    """Saddle f(x, y) = x² − y²; gradient 0 at (0, 0) but no minimum (falls away along y)."""
    x = _point(x, 2)
    return x[0] ** 2 - x[1] ** 2


def saddle_grad(x):
    """∇ saddle = (2x, −2y)."""
    x = _point(x, 2)
    return np.stack([2.0 * x[0], -2.0 * x[1]])
