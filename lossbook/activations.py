"""Activation functions and their derivatives.

Each activation ``f`` comes with ``f_grad``, its derivative, written right below it.
For the elementwise activations ``f_grad(x)`` is ``df/dx`` at every entry of ``x``;
passing ``upstream=g`` returns the chain-rule product ``g * df/dx`` instead. Softmax
is not elementwise, so ``softmax_grad(x, upstream)`` is the vector-Jacobian product
and ``softmax_jacobian(x)`` the full matrix of one vector. Either way
``get_grad(name)(x, upstream=g)`` is what backpropagation needs.

Each function body is the formula and nothing else. The checks of the arguments
(finite numbers, matching shapes, a valid axis) are written once, in ``_checked``,
which wraps every public function. A training loop, which checks its data once,
calls the bare formula: ``relu.formula(z)`` (``lossbook.model`` does).

Names, argument order and defaults follow ``keras.activations`` (Keras 3), plus
the textbook ``step`` function. Outputs keep the floating dtype of the input
(integers become float64).
"""

from __future__ import annotations

import functools
import inspect

import numpy as np

from ._checks import as_float_array, check_positive, check_same_shape, lookup

__all__ = [
    "step",
    "step_grad",
    "linear",
    "linear_grad",
    "sigmoid",
    "sigmoid_grad",
    "tanh",
    "tanh_grad",
    "relu",
    "relu_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "softmax",
    "softmax_grad",
    "softmax_jacobian",
    "log_softmax",
    "log_softmax_grad",
    "get",
    "get_grad",
]


# --- the argument checks, in one place -------------------------------------------------


def _checked(formula):
    """The public function of ``formula``: its arguments are checked, then the formula runs.

    ``x`` and ``upstream`` become finite float arrays and ``upstream`` must have the
    shape of ``x``; ``axis`` must be an axis of ``x``; ``negative_slope`` a number >= 0.
    The unchecked formula stays reachable as ``.formula``.
    """
    signature = inspect.signature(formula)

    @functools.wraps(formula)
    def public(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        arguments = bound.arguments
        x = arguments["x"] = as_float_array(arguments["x"], "x")
        if arguments.get("upstream") is not None:
            upstream = arguments["upstream"] = as_float_array(arguments["upstream"], "upstream")
            check_same_shape(upstream, x, "upstream", "x")
        if "axis" in arguments:
            _check_axis(arguments["axis"], x, formula.__name__)
        if "negative_slope" in arguments:
            arguments["negative_slope"] = check_positive(
                arguments["negative_slope"], "negative_slope", allow_zero=True
            )
        return formula(*bound.args, **bound.kwargs)

    public.formula = formula
    return public


def _check_axis(axis, x, name):
    if x.ndim == 0:
        raise ValueError(f"x must have at least one axis for {name}; got a scalar")
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {type(axis).__name__}")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for x with {x.ndim} dimension(s)")


def _chain(local, upstream, x):
    """The chain rule for an elementwise f: upstream ⊙ f'(x), or f'(x) itself when there
    is no upstream gradient (as floats shaped like x)."""
    if upstream is None:
        return np.broadcast_to(local, x.shape).astype(x.dtype)
    return upstream * local


# --- step -----------------------------------------------------------------------------


@_checked
def step(x):
    """Step function of the perceptron: 1 where x > 0, else 0.

    step(x) = 1 if x > 0 else 0        (so step(0) = 0)

    >>> step([-1.0, 0.0, 2.5])
    array([0., 0., 1.])
    """
    return (x > 0).astype(x.dtype)


@_checked
def step_grad(x, *, upstream=None):
    """Derivative of ``step``: 0 everywhere.

    step'(x) = 0 for x != 0. At x = 0 the step jumps, so no derivative exists
    there; we return 0 as well. This is why a network of step units cannot
    learn by gradient descent.

    >>> step_grad([-1.0, 0.0, 2.5])
    array([0., 0., 0.])
    """
    return _chain(0, upstream, x)


# --- linear ---------------------------------------------------------------------------


@_checked
def linear(x):
    """Linear (identity) activation: f(x) = x.

    >>> linear([-1.0, 2.0])
    array([-1.,  2.])
    """
    return x.copy()  # a new array, never the caller's own


@_checked
def linear_grad(x, *, upstream=None):
    """Derivative of ``linear``: f'(x) = 1.

    >>> linear_grad([-1.0, 2.0])
    array([1., 1.])
    """
    return _chain(1, upstream, x)


# --- sigmoid --------------------------------------------------------------------------


@_checked
def sigmoid(x):
    """Logistic sigmoid: σ(x) = 1 / (1 + exp(-x)).

    Computed without overflow, so σ(1e4) = 1 and σ(-1e4) = 0 with no warnings:
    exp(-|x|) never overflows, and for x < 0 we use σ(x) = exp(x) / (1 + exp(x)).

    >>> sigmoid([0.0, 2.0])
    array([0.5       , 0.88079708])
    """
    with np.errstate(under="ignore"):  # exp(-1e4) underflowing to 0 is the exact limit
        e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


@_checked
def sigmoid_grad(x, *, upstream=None):
    """Derivative of ``sigmoid``: σ'(x) = σ(x)·(1 - σ(x)).

    >>> sigmoid_grad([0.0])
    array([0.25])
    """
    s = sigmoid.formula(x)
    return _chain(s * (1 - s), upstream, x)


# --- tanh -----------------------------------------------------------------------------


@_checked
def tanh(x):
    """Hyperbolic tangent: tanh(x) = (e^x - e^-x) / (e^x + e^-x).

    >>> tanh([0.0, 1.0])
    array([0.        , 0.76159416])
    """
    return np.tanh(x)


@_checked
def tanh_grad(x, *, upstream=None):
    """Derivative of ``tanh``: tanh'(x) = 1 - tanh(x)².

    >>> tanh_grad([0.0])
    array([1.])
    """
    t = np.tanh(x)
    return _chain(1 - t * t, upstream, x)


# --- relu -----------------------------------------------------------------------------


@_checked
def relu(x):
    """Rectified linear unit: relu(x) = max(x, 0).

    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    return np.maximum(x, 0)


@_checked
def relu_grad(x, *, upstream=None):
    """Derivative of ``relu``: relu'(x) = 1 where x > 0, else 0.

    At the kink x = 0 we use relu'(0) = 0 (the left derivative), as Keras/JAX do.

    >>> relu_grad([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    return _chain(x > 0, upstream, x)


# --- leaky relu -----------------------------------------------------------------------


@_checked
def leaky_relu(x, negative_slope=0.2):
    """Leaky ReLU: x where x >= 0, negative_slope·x where x < 0.

    The default slope 0.2 is Keras 3's (``keras.activations.leaky_relu``).

    >>> leaky_relu([-2.0, 0.0, 3.0])
    array([-0.4,  0. ,  3. ])
    """
    return np.where(x >= 0, x, negative_slope * x)


@_checked
def leaky_relu_grad(x, negative_slope=0.2, *, upstream=None):
    """Derivative of ``leaky_relu``: 1 where x > 0, negative_slope where x <= 0.

    At the kink x = 0 we use the left derivative (negative_slope), the same
    convention as ``relu_grad`` (JAX's autodiff returns 1 there instead).

    >>> leaky_relu_grad([-2.0, 0.0, 3.0])
    array([0.2, 0.2, 1. ])
    """
    return _chain(np.where(x > 0, 1, negative_slope).astype(x.dtype), upstream, x)


# --- softmax --------------------------------------------------------------------------


@_checked
def softmax(x, axis=-1):
    """Softmax along ``axis``: softmax(x)_i = exp(x_i) / Σ_j exp(x_j).

    The maximum is subtracted first (which does not change the result), so
    large inputs such as 1e4 do not overflow.

    >>> softmax([1.0, 1.0])
    array([0.5, 0.5])
    >>> softmax([0.0, 1e4]).tolist()
    [0.0, 1.0]
    """
    shifted = x - np.max(x, axis=axis, keepdims=True)
    with np.errstate(under="ignore"):  # exp(-1e4) underflowing to 0 is the exact limit
        e = np.exp(shifted)
        return e / np.sum(e, axis=axis, keepdims=True)


@_checked
def softmax_grad(x, upstream, axis=-1):
    """Vector-Jacobian product of ``softmax``: gᵀJ with J = diag(s) - s sᵀ.

    Returns s ⊙ (g - Σ_j g_j s_j), where s = softmax(x) and g = ``upstream``
    (the gradient of the loss with respect to s), along ``axis``.

    >>> softmax_grad([0.0, 0.0], upstream=[1.0, 0.0])
    array([ 0.25, -0.25])
    """
    s = softmax.formula(x, axis)
    return s * (upstream - np.sum(upstream * s, axis=axis, keepdims=True))


@_checked
def softmax_jacobian(x):
    """Jacobian of ``softmax`` for one vector: J_ij = s_i·(δ_ij - s_j).

    >>> softmax_jacobian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    if x.ndim != 1:
        raise ValueError(f"softmax_jacobian needs one vector (1-D x), got shape {x.shape}")
    s = softmax.formula(x)
    return np.diag(s) - np.outer(s, s)


@_checked
def log_softmax(x, axis=-1):
    """Log of ``softmax``: log_softmax(x)_i = x_i - log Σ_j exp(x_j).

    Computed as (x - max) - log Σ exp(x - max): finite even for ±1e4.

    >>> log_softmax([0.0, 0.0])
    array([-0.69314718, -0.69314718])
    """
    shifted = x - np.max(x, axis=axis, keepdims=True)
    with np.errstate(under="ignore"):
        return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


@_checked
def log_softmax_grad(x, upstream, axis=-1):
    """Vector-Jacobian product of ``log_softmax``: g - softmax(x)·Σ_j g_j.

    >>> log_softmax_grad([0.0, 0.0], upstream=[1.0, 0.0])
    array([ 0.5, -0.5])
    """
    return upstream - softmax.formula(x, axis) * np.sum(upstream, axis=axis, keepdims=True)


# The bare formulas under their former names, for lossbook.losses.
_sigmoid, _softmax, _log_softmax = sigmoid.formula, softmax.formula, log_softmax.formula


# --- lookup by name: one registry, name -> (f, f') --------------------------------------

_ACTIVATIONS = {
    "step": (step, step_grad),
    "linear": (linear, linear_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
    "softmax": (softmax, softmax_grad),
    "log_softmax": (log_softmax, log_softmax_grad),
}


def get(identifier):
    """Return the activation function for a Keras-style name (or a callable).

    Names: "step", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax",
    "log_softmax" (case-insensitive). ``None`` gives ``linear``, as in Keras.
    Callables are returned unchanged.

    >>> get("relu") is relu
    True
    >>> get(None) is linear
    True
    """
    if identifier is None:
        return linear
    found = lookup(identifier, _ACTIVATIONS, "activation")
    return found[0] if isinstance(identifier, str) else found


def get_grad(identifier):
    """Return the derivative function of a named (or lossbook) activation.

    Every returned function accepts ``(x, upstream=g)`` and then gives the
    gradient with respect to ``x`` (the elementwise ones also accept just ``x``
    and give df/dx). Raises ``ValueError`` for a callable that is not one of
    this module's activations, since its derivative is unknown.

    >>> get_grad("relu") is relu_grad
    True
    >>> get_grad("softmax")([0.0, 0.0], upstream=[1.0, 0.0])
    array([ 0.25, -0.25])
    """
    f = get(identifier)
    for function, derivative in _ACTIVATIONS.values():
        if f is function:
            return derivative
    raise ValueError(
        f"no known derivative for activation {identifier!r}; "
        f"known activations: {', '.join(_ACTIVATIONS)}"
    )
