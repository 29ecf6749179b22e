"""Rosenblatt's perceptron, trained one sample at a time (the seed's AND-gate example).

The perceptron computes a weighted sum and passes it through an activation::

    z = b + w1·x1 + ... + wn·xn          output = activation(z)

and after every sample it nudges the weights towards the target::

    w ← w + lr·(target − output)·x        b ← b + lr·(target − output)

Weights start at zero and samples are visited in data order, so training is fully
deterministic. ``weights`` holds the bias first: ``weights[0] = b``, ``weights[1:] = w``.

>>> X, y = logic_gate_data("and")
>>> p = Perceptron(2).fit(X, y)
>>> p.weights.round(12).tolist()      # b, w1, w2
[-0.4, 0.4, 0.2]
>>> p.predict(X).tolist()
[0, 0, 0, 1]
"""

from __future__ import annotations

import numpy as np

from lossbook import activations
from lossbook._checks import as_float_array, check_int, check_positive, lookup

__all__ = ["Perceptron", "logic_gate_data", "step", "identity", "seed_linear", "ACTIVATIONS"]


def step(z):
    """``lossbook.activations.step`` as integers: 1 where z > 0, else 0 (an int for a scalar).

    >>> step(0.3), step(0.0)
    (1, 0)
    """
    out = activations.step(z).astype(np.int64)
    return int(out) if out.ndim == 0 else out


def identity(z):
    """No activation: the output is the raw weighted sum z."""
    out = np.asarray(z, dtype=np.float64)
    return float(out) if out.ndim == 0 else out


def seed_linear(z):
    """The seed's "linear" activation y = 2·z + 1 (not Keras's "linear", which is the identity)."""
    out = 2.0 * np.asarray(z, dtype=np.float64) + 1.0
    return float(out) if out.ndim == 0 else out


#: Activation names accepted by :class:`Perceptron` (``None`` means ``"none"``).
ACTIVATIONS = {"step": step, "none": identity, "linear": seed_linear}

_GATES = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor": (0, 1, 1, 0),
}


def logic_gate_data(name):
    """Truth table of a two-input logic gate: ``X`` (4, 2) float64 and ``y`` (4,) int64.

    Rows are in the order (0,0), (0,1), (1,0), (1,1). Gates: "and", "or", "nand", "xor".

    >>> X, y = logic_gate_data("xor")
    >>> y.tolist()
    [0, 1, 1, 0]
    """
    targets = lookup(name, _GATES, "logic gate")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    return X, np.array(targets, dtype=np.int64)


class Perceptron:
    """A single perceptron trained with Rosenblatt's rule, exactly as in the seed.

    Args:
        n_inputs: number of input features n (weights has n + 1 entries, bias first).
        learning_rate: step size lr of the update rule (seed: 0.2).
        epochs: passes over the data (seed: 10). Training never stops early, like the seed.
        activation: "step" (default), ``None``/"none" (raw sum z), "linear" (the seed's
            2·z + 1), or any callable mapping z to an output.

    After ``fit``: ``weights`` (bias first), ``history`` (one dict per epoch with the
    weights at the end of the epoch and the number of ``errors`` — samples whose output
    differed from the target, i.e. updates that changed the weights), ``weight_history``
    (array of shape (epochs + 1, n + 1), row 0 = the zero start), ``step_history`` (the
    same after every single sample: shape (epochs · n_samples + 1, n + 1)) and
    ``converged_epoch`` (first epoch with no errors, or ``None``).
    """

    def __init__(self, n_inputs, learning_rate=0.2, epochs=10, activation="step"):
        self.n_inputs = check_int(n_inputs, "n_inputs", minimum=1)
        self.learning_rate = check_positive(learning_rate, "learning_rate")
        self.epochs = check_int(epochs, "epochs")
        if activation is None:
            activation = "none"
        self.activation_name = (
            activation if isinstance(activation, str) else getattr(activation, "__name__", "custom")
        )
        self.activation = lookup(activation, ACTIVATIONS, "activation")
        self.weights = np.zeros(self.n_inputs + 1)
        self.history = []
        self._steps = []  # weights after each sample, in training order
        self.converged_epoch = None

    # -- forward ---------------------------------------------------------------------
    def net_input(self, X):
        """Weighted sum z = b + x·w for one sample (1-D) or a batch (2-D)."""
        X = self._check_inputs(X)
        return np.dot(X, self.weights[1:]) + self.weights[0]

    def predict(self, X):
        """Output activation(z): a scalar for one sample (1-D), an array for a batch (2-D)."""
        return self.activation(self.net_input(X))

    # -- training --------------------------------------------------------------------
    def fit(self, X, y):
        """Train from zero weights, one sample at a time in data order; returns ``self``."""
        X = self._check_inputs(X)
        if X.ndim != 2:
            raise ValueError(f"X must be 2-D (n_samples, {self.n_inputs}), got shape {X.shape}")
        y = as_float_array(y, "y")
        if y.shape != (X.shape[0],):
            raise ValueError(
                f"y must have shape ({X.shape[0]},) to match X with {X.shape[0]} samples,"
                f" got shape {y.shape}"
            )
        if self.activation is step and not np.all((y == 0) | (y == 1)):
            bad = y[(y != 0) & (y != 1)][0]
            raise ValueError(f"y must hold 0/1 targets for the step activation, found {bad}")

        self.weights = np.zeros(self.n_inputs + 1)
        self.history = []
        self._steps = []
        self.converged_epoch = None
        for epoch in range(1, self.epochs + 1):
            errors = 0
            for x_i, target in zip(X, y, strict=True):
                output = self.activation(np.dot(x_i, self.weights[1:]) + self.weights[0])
                delta = self.learning_rate * (target - output)
                self.weights[1:] += delta * x_i
                self.weights[0] += delta
                errors += int(target != output)
                self._steps.append(self.weights.copy())
            self.history.append({"epoch": epoch, "weights": self.weights.copy(), "errors": errors})
            if errors == 0 and self.converged_epoch is None:
                self.converged_epoch = epoch
        return self

    @property
    def weight_history(self):
        """Weights (bias first) before training and after each epoch: shape (epochs + 1, n + 1)."""
        rows = [np.zeros(self.n_inputs + 1)] + [h["weights"] for h in self.history]
        return np.array(rows)

    @property
    def step_history(self):
        """Weights (bias first) before training and after every sample's update.

        Row k (k >= 1) is the weights after the k-th application of the rule, to sample
        (k − 1) mod n_samples of epoch (k − 1) // n_samples + 1; most rows repeat the
        previous one, because only a misclassified sample changes the weights.
        """
        return np.array([np.zeros(self.n_inputs + 1)] + self._steps)

    @property
    def converged(self):
        """True if some epoch made no errors (the data was separated)."""
        return self.converged_epoch is not None

    # -- the decision boundary ---------------------------------------------------------
    def decision_boundary(self, x1, weights=None):
        """x2 on the line b + w1·x1 + w2·x2 = 0, where the step output flips (2 inputs only).

        ``weights`` (bias first) defaults to the current weights; pass a row of
        ``weight_history`` to draw the line of an earlier epoch.
        """
        if self.n_inputs != 2:
            raise ValueError(
                f"decision_boundary needs a 2-input perceptron, this one has {self.n_inputs}"
            )
        w = self.weights if weights is None else as_float_array(weights, "weights")
        if w.shape != (3,):
            raise ValueError(f"weights must have shape (3,) (b, w1, w2), got {w.shape}")
        b, w1, w2 = w
        if w2 == 0:
            raise ValueError(
                f"w2 is 0 (weights b={b}, w1={w1}): the boundary is not a function of x1"
                " (vertical line or no line)"
            )
        x1 = as_float_array(x1, "x1")
        out = -(b + w1 * x1) / w2
        return float(out) if out.ndim == 0 else out

    def _check_inputs(self, X):
        X = as_float_array(X, "X")
        if X.ndim not in (1, 2) or X.shape[-1] != self.n_inputs:
            raise ValueError(
                f"X must have shape ({self.n_inputs},) or (n_samples, {self.n_inputs}),"
                f" got shape {X.shape}"
            )
        return X

    def __repr__(self):
        return (
            f"Perceptron(n_inputs={self.n_inputs}, learning_rate={self.learning_rate},"
            f" epochs={self.epochs}, activation={self.activation_name!r})"
        )
