"""Backpropagation: computational graphs, gates and network layers.

Three views of the same idea, the chain rule applied node by node from the output back:

1. ``Value`` — a scalar node of a computational graph (in the spirit of micrograd).
   Every operation stores, right next to its forward value, its *local gradients*
   (d out / d input for each input). ``backward()`` then multiplies each node's
   upstream gradient by its local gradients and passes the products on::

       downstream gradient = upstream gradient × local gradient

2. ``AddGate``, ``MultiplyGate``, ``MaxGate`` — gates with ``forward(x, y)`` and
   ``backward(dout) -> (dx, dy)``: add distributes, multiply swaps, max routes.

3. ``Affine``, ``ReLU``, ``Sigmoid``, ``SoftmaxCrossEntropy`` — layers with
   ``forward`` / ``backward`` that cache what backward needs, and ``TwoLayerNet``
   built from them, whose backprop gradient can be checked against numerical gradients.

>>> x = Value(3.0, label="x")
>>> y = x * x + x          # a reused node: dy/dx = 2x + 1
>>> y.backward()
>>> x.grad
7.0
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from lossbook import activations, losses
from lossbook._checks import (
    as_float_array,
    check_int,
    check_labels,
    check_probabilities,
    check_same_shape,
)

__all__ = [
    "Value",
    "topological_order",
    "graph_table",
    "sigmoid_circuit",
    "AddGate",
    "MultiplyGate",
    "MaxGate",
    "Affine",
    "ReLU",
    "Sigmoid",
    "SoftmaxCrossEntropy",
    "TwoLayerNet",
]


# =====================================================================================
# 1. Scalar computational graph
# =====================================================================================


def _real(value, name):
    """A finite Python float from a real number (not bool, not a Value)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


class Value:
    """A scalar node: ``data`` (forward value), ``grad`` (d output / d this node).

    Build graphs with ``+ - * /`` (with other Values or plain numbers), ``exp()``,
    ``inv()`` (1/x), ``sigmoid()``, ``relu()`` and ``maximum(other)``; then call
    ``backward()`` on the output. Adding or multiplying by a plain number makes a
    one-input node such as "+1" or "*-1", as drawn in the CS231n circuit.

    >>> a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    >>> c = a * b + 1
    >>> c.backward()
    >>> c.data, a.grad, b.grad
    (-5.0, -3.0, 2.0)
    """

    __array_priority__ = 1000  # so that numpy_scalar * Value uses Value.__rmul__

    def __init__(self, data, label="", _children=(), op=""):
        self.data = _real(data, f"Value {label!r} data" if label else "Value data")
        self.grad = 0.0
        self.label = str(label)
        self.op = op
        self._children = tuple(_children)
        self._local = ()  # d self / d child, one entry per child, set by the op below

    @staticmethod
    def _node(data, children, op, local):
        out = Value(data, _children=children, op=op)
        out._local = tuple(float(g) for g in local)
        return out

    # -- two-input nodes (a plain number makes a one-input "+c" / "*c" node) ------------
    def __add__(self, other):
        if isinstance(other, Value):
            # out = a + b          d out/da = 1, d out/db = 1
            return self._node(self.data + other.data, (self, other), "+", (1.0, 1.0))
        c = _real(other, "constant")
        # out = a + c          d out/da = 1
        return self._node(self.data + c, (self,), f"{c:+g}", (1.0,))

    def __mul__(self, other):
        if isinstance(other, Value):
            # out = a·b            d out/da = b, d out/db = a
            return self._node(self.data * other.data, (self, other), "*", (other.data, self.data))
        c = _real(other, "constant")
        # out = c·a            d out/da = c
        return self._node(self.data * c, (self,), f"*{c:g}", (c,))

    def maximum(self, other):
        """max(a, b): the gradient goes to the larger input (to ``a`` on a tie)."""
        if not isinstance(other, Value):
            other = Value(other, label=f"{_real(other, 'constant'):g}")
        a_wins = self.data >= other.data
        # out = max(a, b)      d out/da = 1 if a >= b else 0, d out/db = the other one
        return self._node(
            max(self.data, other.data), (self, other), "max", (float(a_wins), float(not a_wins))
        )

    # -- one-input nodes ---------------------------------------------------------------
    def exp(self):
        """exp(a); local gradient exp(a)."""
        try:
            e = math.exp(self.data)
        except OverflowError:
            raise ValueError(f"exp({self.data}) overflows float64") from None
        # out = e^a            d out/da = e^a
        return self._node(e, (self,), "exp", (e,))

    def inv(self):
        """1/a; local gradient −1/a²."""
        if self.data == 0:
            raise ValueError("inv() of a Value equal to 0 (division by zero)")
        # out = 1/a            d out/da = -1/a²
        return self._node(1.0 / self.data, (self,), "1/x", (-1.0 / self.data**2,))

    def sigmoid(self):
        """σ(a) = 1/(1 + e^−a); local gradient σ(a)·(1 − σ(a)). Stable for any a."""
        s = float(activations.sigmoid(self.data))
        # out = σ(a)           d out/da = σ(a)(1 - σ(a))
        return self._node(s, (self,), "sigmoid", (s * (1.0 - s),))

    def relu(self):
        """max(a, 0); local gradient 1 if a > 0 else 0."""
        return self._node(max(self.data, 0.0), (self,), "relu", (float(self.data > 0),))

    # -- sugar built from the nodes above -------------------------------------------------
    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __truediv__(self, other):
        if isinstance(other, Value):
            return self * other.inv()
        c = _real(other, "constant")
        if c == 0:
            raise ValueError("division of a Value by 0")
        return self * (1.0 / c)

    def __rtruediv__(self, other):
        return self.inv() * other

    __radd__ = __add__
    __rmul__ = __mul__

    # -- backward ------------------------------------------------------------------------
    def backward(self):
        """Fill ``grad`` of every node of the graph with d self / d node.

        Gradients are reset to 0 first, so calling ``backward()`` twice gives the same
        numbers (not doubled); a node used twice (x * x) collects both contributions.
        """
        order = topological_order(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for child, local in zip(node._children, node._local, strict=True):
                child.grad += local * node.grad  # downstream = local × upstream

    def __repr__(self):
        label = f", label={self.label!r}" if self.label else ""
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g}{label})"


def topological_order(root):
    """Every node that ``root`` depends on, inputs before the nodes that use them."""
    if not isinstance(root, Value):
        raise TypeError(f"root must be a Value, got {type(root).__name__}")
    order, seen = [], set()
    stack = [(root, False)]
    while stack:  # iterative depth-first search: no recursion limit on long chains
        node, expanded = stack.pop()
        if expanded:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        for child in reversed(node._children):
            if id(child) not in seen:
                stack.append((child, False))
    return order


def graph_table(root):
    """One dict per node of ``root``'s graph, inputs first, for tables and drawings.

    Keys: ``id`` (position in the list), ``label`` (given label or "n<id>"), ``op``
    ("" for inputs), ``value`` (forward), ``grad`` (the upstream gradient d root / d node),
    ``inputs`` (ids of the node's inputs), ``local_grads`` (d node / d input, per input)
    and ``downstream`` (local × upstream, the gradient this node sends to each input).
    Call ``root.backward()`` first to fill in the gradients.
    """
    order = topological_order(root)
    ids = {id(node): i for i, node in enumerate(order)}
    table = []
    for i, node in enumerate(order):
        table.append(
            {
                "id": i,
                "label": node.label or f"n{i}",
                "op": node.op,
                "value": node.data,
                "grad": node.grad,
                "inputs": [ids[id(c)] for c in node._children],
                "local_grads": list(node._local),
                "downstream": [g * node.grad for g in node._local],
            }
        )
    return table


def sigmoid_circuit(w=(2.0, -3.0, -3.0), x=(-1.0, -2.0), fused=False):
    """The CS231n sigmoid neuron f(w, x) = 1 / (1 + exp(−(w0·x0 + w1·x1 + w2))).

    Returns ``(f, inputs)``: the output Value (call ``f.backward()``) and a dict of the
    input Values by label ("w0", "x0", "w1", "x1", "w2"). With ``fused=False`` the sigmoid
    is spelled out as the gates *-1, exp, +1, 1/x; with ``fused=True`` it is one node.

    >>> f, inputs = sigmoid_circuit()
    >>> f.backward()
    >>> round(f.data, 2), round(inputs["w0"].grad, 2), round(inputs["x0"].grad, 2)
    (0.73, -0.2, 0.39)
    """
    w = as_float_array(w, "w")
    x = as_float_array(x, "x")
    if w.shape != (3,) or x.shape != (2,):
        raise ValueError(f"need w of shape (3,) and x of shape (2,), got {w.shape} and {x.shape}")
    inputs = {
        "w0": Value(w[0], label="w0"),
        "x0": Value(x[0], label="x0"),
        "w1": Value(w[1], label="w1"),
        "x1": Value(x[1], label="x1"),
        "w2": Value(w[2], label="w2"),
    }
    a = inputs["w0"] * inputs["x0"]
    a.label = "w0*x0"
    b = inputs["w1"] * inputs["x1"]
    b.label = "w1*x1"
    s = a + b
    s.label = "w0*x0 + w1*x1"
    z = s + inputs["w2"]
    z.label = "z"
    if fused:
        f = z.sigmoid()
    else:
        neg = z * -1
        neg.label = "-z"
        e = neg.exp()
        e.label = "exp(-z)"
        d = e + 1
        d.label = "1 + exp(-z)"
        f = d.inv()
    f.label = "f"
    return f, inputs


# =====================================================================================
# 2. Gates: forward(x, y) and backward(dout) -> (dx, dy)
# =====================================================================================


def _out(arr):
    return float(arr) if np.ndim(arr) == 0 else arr


class _Gate:
    def forward(self, x, y):
        x = as_float_array(x, "x")
        y = as_float_array(y, "y")
        check_same_shape(x, y, "x", "y")
        self.x, self.y = x, y
        return _out(self._forward(x, y))

    def backward(self, dout):
        if getattr(self, "x", None) is None:
            raise RuntimeError(f"{type(self).__name__}.backward() called before forward()")
        dout = as_float_array(dout, "dout")
        check_same_shape(self.x, dout, "the gate's output", "dout")
        dx, dy = self._backward(dout)
        return _out(dx), _out(dy)


class AddGate(_Gate):
    """out = x + y. Backward *distributes*: dx = dout, dy = dout."""

    def _forward(self, x, y):
        return x + y

    def _backward(self, dout):
        return dout * 1.0, dout * 1.0


class MultiplyGate(_Gate):
    """out = x·y. Backward *swaps* the inputs: dx = dout·y, dy = dout·x."""

    def _forward(self, x, y):
        return x * y

    def _backward(self, dout):
        return dout * self.y, dout * self.x


class MaxGate(_Gate):
    """out = max(x, y). Backward *routes* dout to the larger input (x on a tie)."""

    def _forward(self, x, y):
        return np.maximum(x, y)

    def _backward(self, dout):
        x_wins = self.x >= self.y
        return np.where(x_wins, dout, 0.0), np.where(x_wins, 0.0, dout)


# =====================================================================================
# 3. Layers: forward(x) caches, backward(dout) returns dx
# =====================================================================================


class _Layer:
    def _check_dout(self, dout, expected_shape):
        """dout as an array of the shape forward() returned (the values are not checked)."""
        if getattr(self, "_cache_shape", None) is None:
            raise RuntimeError(f"{type(self).__name__}.backward() called before forward()")
        dout = np.asarray(dout)
        if dout.shape != expected_shape:
            raise ValueError(
                f"{type(self).__name__}.backward: dout has shape {dout.shape},"
                f" expected {expected_shape} (the shape forward() returned)"
            )
        return dout


class Affine(_Layer):
    """Affine layer y = x @ W + b on the last axis (Keras ``Dense`` without activation;
    the name follows *Deep Learning from Scratch*).

    ``W`` has shape (in, out) and ``b`` shape (out,). They are used by reference, so an
    optimizer updating them in place updates the layer. ``backward(dout)`` returns
    dx = dout·Wᵀ and writes the weight gradients dW = xᵀ·dout and db = Σ dout (over
    samples) into the arrays ``dW`` and ``db``, made once here: whoever holds them sees
    each new gradient. ``lossbook.model.Dense`` is this layer followed by an activation.

    ``input_gradient = False`` skips dx. That is for a first layer, whose input x is the
    data: nothing before it has weights, so nobody needs dL/dx (``lossbook.model`` sets
    it, saving the largest product of the backward pass).

    Shapes are checked; the values are not (a NaN in x gives NaN out).
    """

    def __init__(self, W, b):
        self.W = as_float_array(W, "W")
        self.b = as_float_array(b, "b")
        if self.W.ndim != 2:
            raise ValueError(f"W must be 2-D (in, out), got shape {self.W.shape}")
        if self.b.shape != (self.W.shape[1],):
            raise ValueError(
                f"b must have shape ({self.W.shape[1]},) to match W of shape {self.W.shape},"
                f" got {self.b.shape}"
            )
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        self.input_gradient = True
        self._cache_shape = None

    def forward(self, x):
        x = np.asarray(x, dtype=self.W.dtype)
        if x.ndim == 0 or x.shape[-1] != self.W.shape[0]:
            raise ValueError(
                f"Affine.forward: x must end in {self.W.shape[0]} features (W is"
                f" {self.W.shape}), got shape {x.shape}"
            )
        self.x = x
        out = x @ self.W
        out += self.b  # + b, added in place (no second array of the output's size)
        self._cache_shape = out.shape
        return out

    def backward(self, dout):
        dout = self._check_dout(dout, self._cache_shape)
        x = self.x.reshape(-1, self.W.shape[0])  # one row per sample (x may have more axes)
        g = dout.reshape(-1, self.W.shape[1])
        np.matmul(x.T, g, out=self.dW)  # dW = xᵀ·dout, written into the array dW
        np.sum(g, axis=0, out=self.db)  # db = Σ_rows dout
        if not self.input_gradient:
            return None
        return dout @ self.W.T  # dx = dout·Wᵀ


class ReLU(_Layer):
    """y = max(x, 0); backward passes dout where x > 0 and 0 elsewhere (also at x = 0)."""

    def __init__(self):
        self._cache_shape = None

    def forward(self, x):
        x = as_float_array(x, "x")
        self.mask = x > 0
        self._cache_shape = x.shape
        return activations.relu(x)

    def backward(self, dout):
        dout = self._check_dout(dout, self._cache_shape)
        return dout * self.mask


class Sigmoid(_Layer):
    """y = σ(x); backward dx = dout·y·(1 − y), using the cached output y."""

    def __init__(self):
        self._cache_shape = None

    def forward(self, x):
        self.out = activations.sigmoid(x)
        self._cache_shape = self.out.shape
        return self.out

    def backward(self, dout):
        dout = self._check_dout(dout, self._cache_shape)
        return dout * self.out * (1.0 - self.out)


class SoftmaxCrossEntropy(_Layer):
    """Softmax followed by categorical cross-entropy, averaged over the batch.

    loss = −(1/N) Σ_n Σ_k t_nk · log softmax(z_n)_k, computed from log-softmax so that
    logits of ±1e4 stay finite. ``forward(logits, y_true)`` takes logits (N, C) (or one
    sample (C,)) and y_true either one-hot / probability rows of the same shape or integer
    labels of shape (N,). ``backward(dout=1.0)`` returns dout·(softmax(z) − t)/N
    (for one-hot t; soft rows give dout·(softmax(z)·Σt − t)/N). The math comes from
    ``lossbook.losses.categorical_crossentropy(..., from_logits=True)`` and its ``_grad``.
    """

    def __init__(self):
        self._cache_shape = None

    def forward(self, logits, y_true):
        z = as_float_array(logits, "logits")
        if z.ndim not in (1, 2):
            raise ValueError(f"logits must be (N, C) or (C,), got shape {z.shape}")
        z2 = z.reshape(1, -1) if z.ndim == 1 else z
        n, c = z2.shape
        t = np.asarray(y_true)
        if t.shape == z.shape:
            t = as_float_array(t, "y_true")
            check_probabilities(t, "y_true")
            t2 = t.reshape(n, c)
        elif t.shape == (n,) or (z.ndim == 1 and t.shape == ()):
            labels = check_labels(t.reshape(n), c, "y_true")
            t2 = np.zeros_like(z2)
            t2[np.arange(n), labels] = 1.0
        else:
            raise ValueError(
                f"y_true must be one-hot with the logits' shape {z.shape} or integer labels"
                f" of shape ({n},), got shape {t.shape}"
            )
        self.y = activations.softmax(z2, axis=-1)  # the predicted probabilities
        self.t = t2
        per_sample = losses.categorical_crossentropy(t2, z2, from_logits=True)
        # d loss / d z = (softmax(z)·Σt − t) / N, which is (softmax(z) − t) / N for one-hot t
        self._dz = losses.categorical_crossentropy_grad(t2, z2, from_logits=True) / n
        self._cache_shape = ()
        self._logits_shape = z.shape
        self.loss = float(np.mean(per_sample))
        return self.loss

    def backward(self, dout=1.0):
        dout = self._check_dout(dout, ())
        return (float(dout) * self._dz).reshape(self._logits_shape)


class TwoLayerNet:
    """input → Affine → ReLU (or Sigmoid) → Affine → SoftmaxCrossEntropy.

    Weights are drawn from N(0, weight_init_std²) with ``np.random.default_rng(seed)``,
    biases start at 0. ``params`` holds W1, b1, W2, b2; ``gradient`` (backprop) and
    ``numerical_gradient`` (central differences) return dicts with the same keys.
    """

    def __init__(
        self,
        input_size,
        hidden_size,
        output_size,
        weight_init_std=0.01,
        seed=0,
        activation="relu",
    ):
        input_size = check_int(input_size, "input_size", minimum=1)
        hidden_size = check_int(hidden_size, "hidden_size", minimum=1)
        output_size = check_int(output_size, "output_size", minimum=1)
        std = _real(weight_init_std, "weight_init_std")
        if std <= 0:
            raise ValueError(f"weight_init_std must be > 0, got {std}")
        hidden_layers = {"relu": ReLU, "sigmoid": Sigmoid}
        if activation not in hidden_layers:
            raise ValueError(f"unknown activation {activation!r}; known: relu, sigmoid")
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": std * rng.standard_normal((input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": std * rng.standard_normal((hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }
        self.layers = {
            "Affine1": Affine(self.params["W1"], self.params["b1"]),
            "Activation1": hidden_layers[activation](),
            "Affine2": Affine(self.params["W2"], self.params["b2"]),
        }
        self.last_layer = SoftmaxCrossEntropy()

    def predict(self, x):
        """Logits (scores before softmax) for a batch x of shape (N, input_size)."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        """Mean softmax cross-entropy of the batch; t one-hot (N, C) or labels (N,)."""
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        """Fraction of samples whose largest logit is the true class."""
        scores = self.predict(x)
        t = np.asarray(t)
        labels = np.argmax(t, axis=1) if t.ndim == 2 else check_labels(t, scores.shape[1], "t")
        return float(np.mean(np.argmax(scores, axis=1) == labels))

    def gradient(self, x, t):
        """Gradients of ``loss(x, t)`` for every parameter, by backpropagation."""
        self.loss(x, t)
        dout = self.last_layer.backward(1.0)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        d1, d2 = self.layers["Affine1"], self.layers["Affine2"]
        return {"W1": d1.dW, "b1": d1.db, "W2": d2.dW, "b2": d2.db}

    def numerical_gradient(self, x, t, h=1e-4):
        """Gradients of ``loss(x, t)`` by central differences (slow; for checking backprop)."""
        from lossbook.gradients import numerical_gradient

        grads = {}
        for key, param in self.params.items():
            original = param.copy()

            def loss_at(p, param=param):
                param[...] = p  # the layers hold ``param`` by reference
                return self.loss(x, t)

            try:
                grads[key] = numerical_gradient(loss_at, original, h=h)
            finally:
                param[...] = original
        return grads
