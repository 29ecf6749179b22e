"""A tiny Keras-style model: ``Sequential``, ``Dense``, ``compile``, ``fit``.

The seed network of the course, written the way Keras writes it::

    model = Sequential([
        Input((28, 28)),
        Flatten(),
        Dense(300, activation="relu"),
        Dense(200, activation="relu"),
        Dense(100, activation="relu"),
        Dense(10, activation="softmax"),
    ], seed=0)
    model.compile(optimizer=lossbook.optimizers.Adam(learning_rate=0.005),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=1, batch_size=32)

A ``Dense`` layer is chapter 5's affine layer followed by an activation:

    forward   z = x·W + b,        a = f(z)
    backward  dz = da ⊙ f'(z),    dW = xᵀ·dz,  db = Σ_rows dz,  dx = dz·Wᵀ

The formulas are not repeated here: the affine map is ``lossbook.backprop.Affine``,
f and f' come from ``lossbook.activations`` and the losses and their gradients from
``lossbook.losses`` — the same code the chapters teach.

The output gradient. For a softmax output with (sparse) categorical cross-entropy,
or a sigmoid output with binary cross-entropy, backpropagation starts at the output
layer's z with chapter 5's dL/dz = (p − t)/n (``backprop.SoftmaxCrossEntropy``):
``compile`` chooses it. Any other pair uses the chain rule, dL/dp from the loss and
then f'. The two differ where Keras's loss clips p to [1e-7, 1 − 1e-7]: clipped, the
chain rule gives 0 (for logits z = [30, 0, −5] with label 1, p₁ ≈ 9e-14 is clipped, and
Keras's dL/dz is [0, 0, 0]), while (p − t)/n is the exact derivative, [1, −1, 0]: the
model keeps learning from a sample it gets badly wrong. Everywhere else they agree to
rounding (tests/test_model.py shows both).

Two devices only make it faster, without changing a number; each is explained where
it is used: all weights live in one long vector (``_one_long_vector``), and the first
layer skips dL/dx (``Affine.input_gradient``). NumPy's BLAS runs on one thread
(``BLAS_THREADS``). ``dtype="float32"`` halves the memory traffic (float64 is the default).
"""

from __future__ import annotations

import contextlib
import functools
import numbers

import numpy as np

from lossbook import activations, losses, optimizers
from lossbook._checks import as_float_array, check_int, check_labels
from lossbook.backprop import Affine

__all__ = [
    "Sequential",
    "Dense",
    "Flatten",
    "Input",
    "History",
    "set_seed",
]

_global_rng = np.random.default_rng()


def set_seed(seed):
    """Seed the generator that models without their own ``seed`` use (weights, shuffling).

    Like ``keras.utils.set_random_seed``: call it once, then build the model.
    """
    global _global_rng
    _global_rng = np.random.default_rng(seed)


def _resolve_activation(identifier):
    """A Keras string name ("relu", "softmax", ...; None is "linear") checked against
    ``lossbook.activations``."""
    if identifier is None:
        return "linear"
    if not isinstance(identifier, str):
        raise TypeError(
            f"Dense activation must be a Keras string name such as 'relu', "
            f"got {type(identifier).__name__}"
        )
    name = identifier.strip().lower()
    activations.get(name)  # raises ValueError for unknown names
    return name


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------


class Layer:
    """Base class: ``build(input_shape)``, ``forward(x)``, ``backward(dout)``."""

    def __init__(self, name=None):
        self.name = name
        self.built = False
        self.input_shape = None

    def build(self, input_shape, rng, dtype):
        self.input_shape = tuple(input_shape)
        self.built = True

    def output_shape(self, input_shape):
        return tuple(input_shape)

    @property
    def weights(self):
        return []

    def forward(self, x, training=False):
        return x

    def backward(self, dout):
        """dL/d(input) from dout = dL/d(output)."""
        return dout


class Input(Layer):
    """Declares the shape of one sample, e.g. ``Input((28, 28))`` (the batch axis is left out)."""

    def __init__(self, shape, name=None):
        super().__init__(name)
        shape = (shape,) if isinstance(shape, numbers.Integral) else tuple(shape)
        if not shape:
            raise ValueError("Input shape needs at least one axis, got ()")
        self.shape = tuple(check_int(s, "each Input shape entry", minimum=1) for s in shape)


class Flatten(Layer):
    """Reshapes each sample to a vector: (n, 28, 28) → (n, 784). No weights."""

    def output_shape(self, input_shape):
        return (int(np.prod(input_shape)),)

    def forward(self, x, training=False):
        self._shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, dout):
        return dout.reshape(self._shape)


class Dense(Layer):
    """Fully connected layer ``a = activation(x·W + b)`` (Keras ``Dense``): chapter 5's
    affine layer (``self.affine``, a ``backprop.Affine``) followed by an activation.

    Kernel initialised Glorot-uniform, U(−l, l) with l = √(6 / (fan_in + fan_out)),
    bias zero. Weights are built on the first input, like Keras.

    >>> layer = Dense(3, activation="relu")
    >>> layer.build((4,), np.random.default_rng(0), np.float64)
    >>> layer.forward(np.ones((2, 4))).shape
    (2, 3)
    """

    def __init__(self, units, activation=None, use_bias=True, name=None):
        super().__init__(name)
        self.units = check_int(units, "Dense units", minimum=1)
        self.activation = _resolve_activation(activation)
        # the bare formulas f and f' (fit checks its data once, not every batch)
        self._f = activations.get(self.activation).formula
        self._f_grad = activations.get_grad(self.activation).formula
        self.use_bias = bool(use_bias)
        self.affine = None

    def build(self, input_shape, rng, dtype):
        if len(input_shape) != 1:
            raise ValueError(
                f"Dense expects flat inputs (n, features), got sample shape {tuple(input_shape)};"
                " add Flatten() first"
            )
        fan_in, fan_out = int(input_shape[0]), self.units
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        kernel = rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(dtype)
        self.affine = Affine(kernel, np.zeros(fan_out, dtype=dtype))  # without a bias, b stays 0
        super().build(input_shape, rng, dtype)

    def output_shape(self, input_shape):
        return (self.units,)

    @property
    def kernel(self):
        return self.affine.W if self.affine is not None else None

    @property
    def bias(self):
        return self.affine.b if self.affine is not None and self.use_bias else None

    @property
    def weights(self):
        """The weight arrays, in Keras order: kernel, then bias (if the layer has one);
        none before the layer is built."""
        if self.affine is None:
            return []
        return [self.kernel, self.bias] if self.use_bias else [self.kernel]

    @property
    def grads(self):
        """dL/d(each weight), filled by ``backward``, in the order of ``weights``."""
        return [self.affine.dW, self.affine.db] if self.use_bias else [self.affine.dW]

    def forward(self, x, training=False):
        """z = x·W + b, then a = f(z); keeps z for the backward pass."""
        self.z = self.affine.forward(x)
        return self._f(self.z)

    def backward(self, da):
        """From da = dL/da: dz = da ⊙ f'(z) by the chain rule, then the affine layer's
        backward fills dW = xᵀ·dz, db = Σ_rows dz and returns dx = dz·Wᵀ."""
        dz = self._f_grad(self.z, upstream=da)
        return self.affine.backward(dz)


# ---------------------------------------------------------------------------
# Accuracy metrics, resolved the way Keras resolves "accuracy"
# ---------------------------------------------------------------------------


def _sparse_categorical_accuracy(y_true, y_pred):
    return y_pred.argmax(axis=-1) == y_true.reshape(-1)


def _categorical_accuracy(y_true, y_pred):
    return y_pred.argmax(axis=-1) == y_true.argmax(axis=-1)


def _binary_accuracy(y_true, y_pred):
    return ((y_pred > 0.5) == (y_true > 0.5)).mean(axis=-1)


_ACCURACY = {
    "sparse_categorical_accuracy": _sparse_categorical_accuracy,
    "categorical_accuracy": _categorical_accuracy,
    "binary_accuracy": _binary_accuracy,
}


class History:
    """What ``fit`` returns: ``history.history["loss"]`` etc., one value per epoch."""

    def __init__(self):
        self.history = {}
        self.epoch = []

    def __repr__(self):
        return f"History(epochs={len(self.epoch)}, keys={list(self.history)})"


# ---------------------------------------------------------------------------
# Sequential
# ---------------------------------------------------------------------------

_SPARSE = "sparse_categorical_crossentropy"

# Output layer and loss pairs whose gradient starts at the logits z (chapter 5):
# the gradient, wrt z, of the loss summed over the batch.
_LOGITS_GRADIENTS = {
    ("softmax", _SPARSE): functools.partial(
        losses.sparse_categorical_crossentropy_grad, from_logits=True),
    ("softmax", "categorical_crossentropy"): functools.partial(
        losses.categorical_crossentropy_grad, from_logits=True),
    ("sigmoid", "binary_crossentropy"): functools.partial(
        losses.binary_crossentropy_grad, from_logits=True),
}


def _one_blas_thread(method):
    """Run ``method`` with NumPy's BLAS on ``BLAS_THREADS`` threads (see its comment)."""

    @functools.wraps(method)
    def limited(*args, **kwargs):
        with _blas_threads():
            return method(*args, **kwargs)

    return limited


class Sequential:
    """A stack of layers trained with ``compile`` / ``fit`` (Keras ``Sequential``).

    ``seed`` seeds weight initialisation and shuffling (else ``set_seed``'s generator);
    ``dtype`` is "float64" (default) or "float32".
    """

    def __init__(self, layers=None, seed=None, dtype="float64", name="sequential"):
        try:
            ok = np.dtype(dtype) in (np.float32, np.float64)
        except TypeError:
            ok = False
        if not ok:
            raise ValueError(f"dtype must be 'float32' or 'float64', got {dtype!r}")
        self.dtype = np.dtype(dtype)
        self.name = name
        self.rng = np.random.default_rng(seed) if seed is not None else _global_rng
        self.layers = []
        self._input_shape = None
        self.optimizer = self.loss = None
        self.compiled = False
        for layer in layers or []:
            self.add(layer)

    # -- building ----------------------------------------------------------
    def add(self, layer):
        if isinstance(layer, Input):
            if self.layers or self._input_shape is not None:
                raise ValueError("Input must be the first layer of a Sequential model")
            self._input_shape = layer.shape
            return
        if not isinstance(layer, Layer):
            raise TypeError(f"Sequential.add expects a layer, got {type(layer).__name__}")
        self.layers.append(layer)
        if self._input_shape is not None:
            self.build(self._input_shape)

    def build(self, input_shape):
        """Create the weights of every layer for samples of shape ``input_shape``."""
        shape = tuple(input_shape)
        self._input_shape = shape
        for layer in self.layers:
            if not layer.built:
                layer.build(shape, self.rng, self.dtype)
            elif layer.input_shape != shape:
                raise ValueError(
                    f"layer {layer.name or type(layer).__name__} was built for inputs "
                    f"{layer.input_shape}, got {shape}"
                )
            shape = layer.output_shape(shape)
        self.output_shape = shape
        dense = [layer for layer in self.layers if layer.weights]
        # The first layer with weights gets the data as its input x: nobody needs dL/dx
        # there, so its backward skips that product (the largest of the backward pass).
        for layer in dense:
            layer.affine.input_gradient = layer is not dense[0]
        # What the optimizer updates: one long vector of all weights (see _one_long_vector).
        self._weight_vector, self._gradient_vector = _one_long_vector(dense, self.dtype)
        self._variable_sizes = [w.size for w in self.weights]  # for clipnorm, per weight

    @property
    def built(self):
        return bool(self.layers) and all(layer.built for layer in self.layers)

    @property
    def weights(self):
        return [w for layer in self.layers for w in layer.weights]

    def get_weights(self):
        """Copies of all weights in Keras order (kernel, bias of each layer)."""
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        """Overwrite all weights (Keras order); shapes must match."""
        mine = self.weights
        if len(weights) != len(mine):
            raise ValueError(f"expected {len(mine)} weight arrays, got {len(weights)}")
        for i, (w, new) in enumerate(zip(mine, weights, strict=True)):
            new = np.asarray(new)
            if new.shape != w.shape:
                raise ValueError(f"weight {i} has shape {w.shape}, got {new.shape}")
            w[...] = new

    def count_params(self):
        return sum(w.size for w in self.weights)

    # -- compile -----------------------------------------------------------
    def compile(self, optimizer="rmsprop", loss=None, metrics=None):
        """Choose optimizer and loss (strings or objects) and the metrics to report.

        For a softmax output with (sparse) categorical cross-entropy, or a sigmoid output
        with binary cross-entropy, backpropagation starts from dL/dz = (p − t)/n at the
        output layer's z (chapter 5); for any other pair, from dL/dp (see ``backward``).

        ``metrics=["accuracy"]`` is resolved like Keras: binary accuracy for a single
        output unit, sparse categorical accuracy for integer labels, categorical
        accuracy for one-hot targets.
        """
        if loss is None:
            raise ValueError("compile needs a loss, e.g. loss='sparse_categorical_crossentropy'")
        self.optimizer = optimizers.get(optimizer)
        self.loss = losses.get(loss)
        self.loss_name = getattr(self.loss, "__name__", type(self.loss).__name__)
        self.loss_gradient = losses.get_grad(loss)
        if not self.layers:
            raise ValueError("add layers to the model before compile")
        output = getattr(self.layers[-1], "activation", None)
        self.logits_gradient = _LOGITS_GRADIENTS.get((output, self.loss_name))
        metrics = [] if metrics is None else (
            [metrics] if isinstance(metrics, str) else list(metrics)
        )
        for m in metrics:
            if not isinstance(m, str) or m.strip().lower() not in ("accuracy", "acc", *_ACCURACY):
                known = ", ".join(["accuracy", *_ACCURACY])
                raise ValueError(f"unknown metric {m!r}; known metrics: {known}")
        self.metrics = [m.strip().lower() for m in metrics]
        self.compiled = True

    # -- the algorithm: forward, loss, backward, update ----------------------
    def train_batch(self, x, y):
        """One training step on the mini-batch (x, y): forward, loss, backward, update.

        Returns the batch's loss summed over its samples, and the model's outputs p.
        """
        p = self.forward(x, training=True)
        loss = float(np.sum(self.loss(y, p)))
        self.backward(y, p)
        self.optimizer.apply(self._gradient_vector, self._weight_vector,  # w ← w − step
                             variable_sizes=self._variable_sizes)
        return loss, p

    def forward(self, x, training=False):
        """The layers in order: each one's output is the next one's input."""
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def backward(self, y, p):
        """Backpropagation: the gradient of the batch-mean loss, from the output layer
        back to the first layer with weights, each layer filling its weight gradients.

        Softmax or sigmoid output with its cross-entropy: start at the output layer's z
        with dL/dz = (p − t)/n (chapter 5), the exact derivative even where Keras clips p.
        Any other pair: start at p with dL/dp, and the output layer applies f' itself.
        """
        n = len(p)
        layers = [layer for layer in self.layers if layer.built]
        first = next(i for i, layer in enumerate(layers) if layer.weights)
        if self.logits_gradient is not None:
            output = layers.pop()
            g = output.affine.backward(self.logits_gradient(y, output.z) / n)
        else:
            g = self.loss_gradient(y, p) / n
        for layer in reversed(layers[first:]):  # layers before the first have no weights
            g = layer.backward(g)

    # -- data checks -------------------------------------------------------
    def _prepare(self, x, y=None, name="x"):
        x = as_float_array(x, name, dtype=self.dtype)
        if x.ndim < 2:
            raise ValueError(f"{name} must have a batch axis: shape (n, ...), got {x.shape}")
        if not self.built:
            self.build(x.shape[1:])
        if x.shape[1:] != self._input_shape:
            raise ValueError(
                f"{name} has sample shape {x.shape[1:]} but the model expects {self._input_shape}"
            )
        if y is None:
            return x, None
        y_name = "y" if name == "x" else name.replace("x", "y", 1)
        if len(y) != len(x):
            raise ValueError(
                f"{name} and {y_name} have different lengths: {len(x)} samples, {len(y)} targets"
            )
        out = self.output_shape
        if self.loss_name == _SPARSE:
            y = np.asarray(y)
            if y.ndim == 2 and y.shape[1] == 1:
                y = y[:, 0]
            if y.ndim != 1:
                raise ValueError(
                    f"{y_name} must hold integer labels of shape (n,) for "
                    f"sparse_categorical_crossentropy, got shape {y.shape}"
                )
            y = check_labels(y, out[-1], y_name)
        else:
            y = as_float_array(y, y_name, dtype=self.dtype)
            if y.ndim == 1 and out == (1,):
                y = y[:, None]
            if y.shape[1:] != out:
                raise ValueError(
                    f"{y_name} has shape {y.shape} but the model outputs {(len(x), *out)}"
                    f" for loss {self.loss_name}"
                )
        return x, y

    def _accuracy_fn(self, y):
        m = self.metrics[0] if self.metrics else None
        if m is None:
            return None
        if m in _ACCURACY:
            return _ACCURACY[m]
        if self.output_shape[-1] == 1:
            return _binary_accuracy
        if y.ndim == 1:
            return _sparse_categorical_accuracy
        return _categorical_accuracy

    def _metric_name(self):
        return self.metrics[0] if self.metrics else None

    # -- public training API -----------------------------------------------
    @_one_blas_thread
    def fit(self, x, y, epochs=1, batch_size=32, validation_data=None, shuffle=True,
            verbose=1, seed=None):
        """Train for ``epochs`` passes over (x, y) in mini-batches; return a ``History``.

        The per-epoch "loss" and metric are averages over the batches seen during the
        epoch (as Keras reports them); "val_loss"/"val_…" are measured after the epoch.
        verbose=0 silent, 1 a progress bar (tqdm), 2 one line per epoch. ``seed`` seeds
        the shuffling of this call (else the model's generator).
        """
        if not self.compiled:
            raise RuntimeError("call compile(optimizer, loss) before fit")
        check_int(epochs, "epochs")
        check_int(batch_size, "batch_size", minimum=1)
        if verbose not in (0, 1, 2):
            raise ValueError(f"verbose must be 0, 1 or 2, got {verbose!r}")
        x, y = self._prepare(x, y)
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                raise ValueError("validation_data must be a tuple (x_val, y_val)")
            x_val, y_val = self._prepare(*validation_data, name="x_val")
        rng = np.random.default_rng(seed) if seed is not None else self.rng
        history = History()
        for epoch in range(epochs):
            bar = [_ProgressBar(-(-len(x) // batch_size), epoch, epochs)] if verbose == 1 else []
            logs = self.train_epoch(x, y, batch_size, shuffle, rng, callbacks=bar)
            if validation_data is not None:
                val = self._evaluate(x_val, y_val, batch_size)
                logs.update({"val_" + k: v for k, v in val.items()})
            for b in bar:
                b.on_epoch_end(epoch, logs)
            if verbose == 2:
                text = " - ".join(f"{k}: {v:.4f}" for k, v in logs.items())
                print(f"Epoch {epoch + 1}/{epochs} - {text}")
            history.epoch.append(epoch)
            for k, v in logs.items():
                history.history.setdefault(k, []).append(v)
        self.history = history
        return history

    def train_epoch(self, x, y, batch_size=32, shuffle=True, rng=None, callbacks=()):
        """One epoch: the samples of (x, y) in a new random order (``shuffle=True``, drawn
        from ``rng``, else the model's generator), cut into mini-batches of ``batch_size``,
        one ``train_batch`` each.

        Returns the logs: the loss (and metric) averaged over all the epoch's samples.
        """
        n = len(x)
        order = (rng or self.rng).permutation(n) if shuffle else np.arange(n)
        acc_fn, metric = self._accuracy_fn(y), self._metric_name()
        loss_sum, correct = 0.0, 0.0
        for step, start in enumerate(range(0, n, batch_size)):
            rows = order[start:start + batch_size]  # this mini-batch's row numbers
            batch_loss, p = self.train_batch(x[rows], y[rows])
            loss_sum += batch_loss
            if acc_fn is not None:
                correct += float(np.sum(acc_fn(y[rows], p)))
            seen = start + len(rows)
            logs = _logs(loss_sum / seen, metric, correct / seen if acc_fn else None)
            for callback in callbacks:  # e.g. the progress bar of verbose=1
                callback.on_train_batch_end(step, logs)
        return logs

    @_one_blas_thread
    def evaluate(self, x, y, batch_size=32, verbose=0):
        """Mean loss over (x, y), and the metric: ``[loss, accuracy]`` as Keras returns it."""
        logs = self._evaluate(x, y, batch_size)
        return list(logs.values()) if len(logs) > 1 else logs["loss"]

    def _evaluate(self, x, y, batch_size):
        """The logs of ``evaluate``: {"loss": mean loss, metric: value}."""
        if not self.compiled:
            raise RuntimeError("call compile(optimizer, loss) before evaluate")
        check_int(batch_size, "batch_size", minimum=1)
        x, y = self._prepare(x, y)
        acc_fn = self._accuracy_fn(y)
        loss_sum, correct = 0.0, 0.0
        for start in range(0, len(x), batch_size):
            p = self.forward(x[start:start + batch_size])
            yb = y[start:start + batch_size]
            loss_sum += float(np.sum(self.loss(yb, p)))
            if acc_fn is not None:
                correct += float(np.sum(acc_fn(yb, p)))
        n = len(x)
        return _logs(loss_sum / n, self._metric_name(), correct / n if acc_fn else None)

    @_one_blas_thread
    def predict(self, x, batch_size=32, verbose=0):
        """Model outputs for ``x``, computed in batches: shape (n, *output_shape)."""
        check_int(batch_size, "batch_size", minimum=1)
        x, _ = self._prepare(x)
        out = np.empty((len(x), *self.output_shape), dtype=self.dtype)
        for start in range(0, len(x), batch_size):
            out[start:start + batch_size] = self.forward(x[start:start + batch_size])
        return out

    def __call__(self, x):
        return self.predict(x, batch_size=max(len(x), 1))

    def summary(self):
        """Print each layer's output shape and parameter count."""
        lines = [f'Model: "{self.name}"']
        shape = self._input_shape
        for layer in self.layers:
            shape = layer.output_shape(shape) if shape is not None else None
            n = sum(w.size for w in layer.weights)
            lines.append(f"  {type(layer).__name__:<8} {str((None, *shape)) if shape else '?':<16}"
                         f" {n:>9,}")
        lines.append(f"Total params: {self.count_params():,}")
        print("\n".join(lines))


def _logs(loss, metric, acc):
    logs = {"loss": float(loss)}
    if metric is not None and acc is not None:
        logs[metric] = float(acc)
    return logs


class _ProgressBar:
    """The progress bar of ``verbose=1`` (tqdm), refreshed every 50 steps."""

    def __init__(self, steps, epoch, epochs):
        from tqdm import tqdm

        self.bar = tqdm(total=steps, desc=f"Epoch {epoch + 1}/{epochs}", unit="step", leave=True)

    def on_train_batch_end(self, batch, logs):
        self.bar.update(1)
        if batch % 50 == 0 or self.bar.n == self.bar.total:
            self.bar.set_postfix(logs, refresh=False)

    def on_epoch_end(self, epoch, logs):
        self.bar.set_postfix(logs, refresh=True)
        self.bar.close()


# Threads NumPy's BLAS may use inside fit/evaluate/predict (None: leave it alone).
# The seed MLP's matrices are small (32x784 @ 784x300). On the shared 2-core machine
# this was written on, one epoch's matrix products took 0.92 s with one thread and
# 2.5 s with two, and a whole epoch 2.7 s with one thread but 88 s with two (threads
# spinning while they wait for a busy core). On a nearly idle machine two threads are
# faster (epoch ~1.1-1.4 s instead of ~1.2-1.8 s) but still fall to ~13 s as soon as one
# other job keeps a core busy, so one thread stays the safe default; set it to 2 (or
# None) on a machine of your own. Needs threadpoolctl; skipped without it.
BLAS_THREADS = 1


def _blas_threads():
    """Context manager limiting BLAS threads to ``BLAS_THREADS`` (if threadpoolctl exists)."""
    if BLAS_THREADS is None:
        return contextlib.nullcontext()
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional: without it NumPy keeps its default thread count
        return contextlib.nullcontext()
    return threadpool_limits(BLAS_THREADS, user_api="blas")


def _one_long_vector(dense_layers, dtype):
    """Put all weights in one long vector, and all their gradients in a second one.

    The optimizer then sees one long vector w and its gradient, as chapter 6's
    optimizers did, and makes one update per step instead of one per weight array
    (its update is the same elementwise formula either way; measured for the seed MLP
    in float32: Adam 0.94 ms per step on one vector, 1.33 ms on eight arrays).
    Each layer's W, b, dW and db become windows (NumPy views, reshaped) into the two
    vectors: writing into dW writes into the gradient vector, which is why
    ``Affine.backward`` writes its gradients into dW and db rather than making new
    arrays. Returns ``([weights], [gradients])`` for ``optimizer.apply(grads, weights)``.
    """
    pairs = [(layer.affine, w, g) for layer in dense_layers
             for w, g in (("W", "dW"), ("b", "db"))[: 2 if layer.use_bias else 1]]
    size = sum(getattr(affine, w).size for affine, w, _ in pairs)
    weights, gradients = np.empty(size, dtype=dtype), np.zeros(size, dtype=dtype)
    start = 0
    for affine, w_name, g_name in pairs:
        w = getattr(affine, w_name)
        stop = start + w.size
        window = weights[start:stop].reshape(w.shape)
        window[...] = w
        setattr(affine, w_name, window)
        setattr(affine, g_name, gradients[start:stop].reshape(w.shape))
        start = stop
    return [weights], [gradients]
