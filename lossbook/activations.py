"""Activation functions and their derivatives.

Each activation ``f`` comes with ``f_grad``, its derivative. For the elementwise
activations ``f_grad(x)`` is ``df/dx`` at every entry of ``x``; passing
``upstream=g`` returns the chain-rule product ``g * df/dx`` instead. Softmax is
not elementwise, so ``softmax_grad(x, upstream)`` is the vector-Jacobian product
and ``softmax_jacobian(x)`` the full matrix of one vector. Either way
``get_grad(name)(x, upstream=g)`` is what backpropagation needs.

Each formula is written once, in the unchecked kernels at the top of this file;
the public functions check their input and call them, and ``lossbook.model``
trains with the same kernels (``kernels(name)``).

Names, argument order and defaults follow ``keras.activations`` (Keras 3), plus
the textbook ``step`` function. Outputs keep the floating dtype of the input
(integers become float64).
"""

from __future__ import annotations

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
    "kernels",
]


# --- unchecked kernels (shared with lossbook.losses and lossbook.model) ---------------


def _sigmoid(x):
    # exp(-|x|) never overflows; for x < 0 use exp(x) / (1 + exp(x)).
    with np.errstate(under="ignore"):  # exp(-1e4) underflowing to 0 is the exact limit
        e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def _log_softmax(x, axis=-1):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    with np.errstate(under="ignore"):
        return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _softmax(x, axis=-1):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    with np.errstate(under="ignore"):
        e = np.exp(shifted)
        return e / np.sum(e, axis=axis, keepdims=True)


def _relu(x):
    return np.maximum(x, 0)


def _leaky_relu(x, negative_slope=0.2):
    return np.where(x >= 0, x, negative_slope * x)


def _step(x):
    return (x > 0).astype(x.dtype)


def _linear(x):
    return x


# Backward kernels: from the upstream gradient g = dL/dy and the OUTPUT y = f(x), the
# gradient dL/dx = g ⊙ f'(x) (for softmax, the vector-Jacobian product). Every derivative
# here can be read off the output, so a layer that keeps y needs nothing else.


def _linear_backward(g, y):
    return g  # f'(x) = 1


def _step_backward(g, y):
    return np.zeros_like(g)  # f'(x) = 0 (no derivative at the jump itself)


def _sigmoid_backward(g, y):
    return g * y * (1 - y)  # σ'(x) = σ(x)·(1 − σ(x))


def _tanh_backward(g, y):
    return g * (1 - y * y)  # tanh'(x) = 1 − tanh(x)²


def _relu_backward(g, y):
    return g * (y > 0)  # relu'(x) = 1 where x > 0, which is exactly where y > 0


def _leaky_relu_backward(g, y, negative_slope=0.2):
    return np.where(y > 0, g, negative_slope * g)  # 1 where x > 0, negative_slope elsewhere


def _softmax_backward(g, y, axis=-1):
    return y * (g - np.sum(g * y, axis=axis, keepdims=True))  # s ⊙ (g − Σ_j g_j s_j)


def _log_softmax_backward(g, y, axis=-1):
    return g - np.exp(y) * np.sum(g, axis=axis, keepdims=True)  # g − softmax(x)·Σ_j g_j


def _grad(backward, x, y, upstream):
    """``backward(g, y)`` with g = ``upstream`` (checked), or g = 1 for the plain derivative."""
    g = np.ones_like(x) if upstream is None else _upstream(upstream, x)
    return backward(g, y)


def _upstream(upstream, x):
    """The upstream gradient as a float array shaped like ``x``."""
    g = as_float_array(upstream, "upstream")
    check_same_shape(g, x, "upstream", "x")
    return g


def _vector_input(x, axis):
    x = as_float_array(x, "x")
    if x.ndim == 0:
        raise ValueError("x must have at least one axis for softmax; got a scalar")
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {type(axis).__name__}")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for x with {x.ndim} dimension(s)")
    return x


# --- step -----------------------------------------------------------------------------


def step(x):
    """Step function of the perceptron: 1 where x > 0, else 0.

    step(x) = 1 if x > 0 else 0        (so step(0) = 0)

    >>> step([-1.0, 0.0, 2.5])
    array([0., 0., 1.])
    """
    return _step(as_float_array(x, "x"))


def step_grad(x, *, upstream=None):
    """Derivative of ``step``: 0 everywhere.

    step'(x) = 0 for x != 0. At x = 0 the step jumps, so no derivative exists
    there; we return 0 as well. This is why a network of step units cannot
    learn by gradient descent.

    >>> step_grad([-1.0, 0.0, 2.5])
    array([0., 0., 0.])
    """
    x = as_float_array(x, "x")
    return _grad(_step_backward, x, _step(x), upstream)


# --- linear ---------------------------------------------------------------------------


def linear(x):
    """Linear (identity) activation: f(x) = x.

    >>> linear([-1.0, 2.0])
    array([-1.,  2.])
    """
    return as_float_array(x, "x").copy()


def linear_grad(x, *, upstream=None):
    """Derivative of ``linear``: f'(x) = 1.

    >>> linear_grad([-1.0, 2.0])
    array([1., 1.])
    """
    x = as_float_array(x, "x")
    return _grad(_linear_backward, x, x, upstream).copy()  # never the caller's own array


# --- sigmoid --------------------------------------------------------------------------


def sigmoid(x):
    """Logistic sigmoid: σ(x) = 1 / (1 + exp(-x)).

    Computed without overflow, so σ(1e4) = 1 and σ(-1e4) = 0 with no warnings.

    >>> sigmoid([0.0, 2.0])
    array([0.5       , 0.88079708])
    """
    return _sigmoid(as_float_array(x, "x"))


def sigmoid_grad(x, *, upstream=None):
    """Derivative of ``sigmoid``: σ'(x) = σ(x)·(1 - σ(x)).

    >>> sigmoid_grad([0.0])
    array([0.25])
    """
    x = as_float_array(x, "x")
    return _grad(_sigmoid_backward, x, _sigmoid(x), upstream)


# --- tanh -----------------------------------------------------------------------------


def tanh(x):
    """Hyperbolic tangent: tanh(x) = (e^x - e^-x) / (e^x + e^-x).

    >>> tanh([0.0, 1.0])
    array([0.        , 0.76159416])
    """
    return np.tanh(as_float_array(x, "x"))


def tanh_grad(x, *, upstream=None):
    """Derivative of ``tanh``: tanh'(x) = 1 - tanh(x)².

    >>> tanh_grad([0.0])
    array([1.])
    """
    x = as_float_array(x, "x")
    return _grad(_tanh_backward, x, np.tanh(x), upstream)


# --- relu -----------------------------------------------------------------------------


def relu(x):
    """Rectified linear unit: relu(x) = max(x, 0).

    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    return _relu(as_float_array(x, "x"))


def relu_grad(x, *, upstream=None):
    """Derivative of ``relu``: 1 where x > 0, else 0.

    At the kink x = 0 we use relu'(0) = 0 (the left derivative), as Keras/JAX do.

    >>> relu_grad([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    x = as_float_array(x, "x")
    return _grad(_relu_backward, x, _relu(x), upstream)


# --- leaky relu -----------------------------------------------------------------------


def leaky_relu(x, negative_slope=0.2):
    """Leaky ReLU: x where x >= 0, negative_slope·x where x < 0.

    The default slope 0.2 is Keras 3's (``keras.activations.leaky_relu``).

    >>> leaky_relu([-2.0, 0.0, 3.0])
    array([-0.4,  0. ,  3. ])
    """
    x = as_float_array(x, "x")
    a = check_positive(negative_slope, "negative_slope", allow_zero=True)
    return _leaky_relu(x, a)


def leaky_relu_grad(x, negative_slope=0.2, *, upstream=None):
    """Derivative of ``leaky_relu``: 1 where x > 0, negative_slope where x <= 0.

    At the kink x = 0 we use the left derivative (negative_slope), the same
    convention as ``relu_grad`` (JAX's autodiff returns 1 there instead).

    >>> leaky_relu_grad([-2.0, 0.0, 3.0])
    array([0.2, 0.2, 1. ])
    """
    x = as_float_array(x, "x")
    a = check_positive(negative_slope, "negative_slope", allow_zero=True)
    return _grad(lambda g, y: _leaky_relu_backward(g, y, a), x, _leaky_relu(x, a), upstream)


# --- softmax --------------------------------------------------------------------------


def softmax(x, axis=-1):
    """Softmax along ``axis``: softmax(x)_i = exp(x_i) / Σ_j exp(x_j).

    The maximum is subtracted first (which does not change the result), so
    large inputs such as 1e4 do not overflow.

    >>> softmax([1.0, 1.0])
    array([0.5, 0.5])
    >>> softmax([0.0, 1e4]).tolist()
    [0.0, 1.0]
    """
    x = _vector_input(x, axis)
    return _softmax(x, axis)


def softmax_grad(x, upstream, axis=-1):
    """Vector-Jacobian product of ``softmax``: gᵀJ with J = diag(s) - s sᵀ.

    Returns s ⊙ (g - Σ_j g_j s_j), where s = softmax(x) and g = ``upstream``
    (the gradient of the loss with respect to s), along ``axis``.

    >>> softmax_grad([0.0, 0.0], upstream=[1.0, 0.0])
    array([ 0.25, -0.25])
    """
    x = _vector_input(x, axis)
    return _softmax_backward(_upstream(upstream, x), _softmax(x, axis), axis)


def softmax_jacobian(x):
    """Jacobian of ``softmax`` for one vector: J_ij = s_i·(δ_ij - s_j).

    >>> softmax_jacobian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    x = as_float_array(x, "x")
    if x.ndim != 1:
        raise ValueError(f"softmax_jacobian needs one vector (1-D x), got shape {x.shape}")
    s = _softmax(x)
    return np.diag(s) - np.outer(s, s)


def log_softmax(x, axis=-1):
    """Log of ``softmax``: log_softmax(x)_i = x_i - log Σ_j exp(x_j).

    Computed as (x - max) - log Σ exp(x - max): finite even for ±1e4.

    >>> log_softmax([0.0, 0.0])
    array([-0.69314718, -0.69314718])
    """
    x = _vector_input(x, axis)
    return _log_softmax(x, axis)


def log_softmax_grad(x, upstream, axis=-1):
    """Vector-Jacobian product of ``log_softmax``: g - softmax(x)·Σ_j g_j.

    >>> log_softmax_grad([0.0, 0.0], upstream=[1.0, 0.0])
    array([ 0.5, -0.5])
    """
    x = _vector_input(x, axis)
    return _log_softmax_backward(_upstream(upstream, x), _log_softmax(x, axis), axis)


# --- lookup by name -------------------------------------------------------------------

_ACTIVATIONS = {
    "step": step,
    "linear": linear,
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": relu,
    "leaky_relu": leaky_relu,
    "softmax": softmax,
    "log_softmax": log_softmax,
}

_GRADIENTS = {
    step: step_grad,
    linear: linear_grad,
    sigmoid: sigmoid_grad,
    tanh: tanh_grad,
    relu: relu_grad,
    leaky_relu: leaky_relu_grad,
    softmax: softmax_grad,
    log_softmax: log_softmax_grad,
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
    return lookup(identifier, _ACTIVATIONS, "activation")


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
    fn = get(identifier)
    try:
        return _GRADIENTS[fn]
    except (KeyError, TypeError):
        known = ", ".join(sorted(_ACTIVATIONS))
        raise ValueError(
            f"no known derivative for activation {identifier!r}; "
            f"known activations: {known}"
        ) from None


_KERNELS = {
    "step": (_step, _step_backward),
    "linear": (_linear, _linear_backward),
    "sigmoid": (_sigmoid, _sigmoid_backward),
    "tanh": (np.tanh, _tanh_backward),
    "relu": (_relu, _relu_backward),
    "leaky_relu": (_leaky_relu, _leaky_relu_backward),
    "softmax": (_softmax, _softmax_backward),
    "log_softmax": (_log_softmax, _log_softmax_backward),
}


def kernels(name):
    """The unchecked ``(forward, backward)`` pair of a named activation, for training loops.

    ``forward(x)`` is f(x) along the last axis; ``backward(g, y)`` turns the upstream
    gradient g = dL/dy into dL/dx = g ⊙ f'(x) from the output y = f(x) alone. No input
    checks and no copies (``linear`` returns x itself): the caller passes finite float
    arrays. ``lossbook.model`` trains with these, the public functions above call them.

    >>> forward, backward = kernels("sigmoid")
    >>> y = forward(np.array([0.0, 2.0]))
    >>> backward(np.ones(2), y).round(6)      # σ'(x) = σ(x)·(1 − σ(x))
    array([0.25    , 0.104994])
    """
    if not isinstance(name, str) or name.strip().lower() not in _KERNELS:
        known = ", ".join(sorted(_KERNELS))
        raise ValueError(f"unknown activation {name!r}; known activations: {known}")
    return _KERNELS[name.strip().lower()]
