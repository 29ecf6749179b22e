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

Inside, a ``Dense`` layer is an affine map followed by an activation:

    forward   z = x·W + b,        a = f(z)
    backward  dz = da ⊙ f'(z),    dW = xᵀ·dz,  db = Σ_rows dz,  dx = dz·Wᵀ

The formulas are not repeated here: f and f' come from ``lossbook.activations``
(``activations.kernels``) and the losses, their gradients and the clipping constant
``EPSILON`` from ``lossbook.losses`` — the same code the chapters teach.

Read the file top to bottom for the algorithm. The section "Speed" at the end
collects what only makes it faster without changing a number (skip it on a first
reading): NumPy's BLAS on one thread, all weights in one flat array (one optimizer
update per step), the fused output gradient dL/dz = (p − t) / N of softmax +
cross-entropy (and sigmoid + binary cross-entropy), and the first layer skipping
dL/dx. ``dtype="float32"`` halves the memory traffic (float64 is the default).
"""

from __future__ import annotations

import contextlib
import numbers

import numpy as np

from lossbook import activations, losses, optimizers
from lossbook._checks import as_float_array, check_int, check_labels

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
    activations.kernels(name)  # raises ValueError for unknown names
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

    _param_attrs = ()

    @property
    def weights(self):
        return []

    @property
    def grads(self):
        return []

    def forward(self, x, training=False):
        return x

    def backward(self, dout, need_dx=True, fused=False):
        """dL/d(input) from dout = dL/d(output); ``need_dx``/``fused``: see "Speed"."""
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

    def backward(self, dout, need_dx=True, fused=False):
        return dout.reshape(self._shape) if need_dx else None


class Dense(Layer):
    """Fully connected layer ``a = activation(x·W + b)`` (Keras ``Dense``).

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
        self._f, self._f_backward = activations.kernels(self.activation)
        self.use_bias = bool(use_bias)
        self.kernel = self.bias = None

    def build(self, input_shape, rng, dtype):
        if len(input_shape) != 1:
            raise ValueError(
                f"Dense expects flat inputs (n, features), got sample shape {tuple(input_shape)};"
                " add Flatten() first"
            )
        fan_in, fan_out = int(input_shape[0]), self.units
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        self.kernel = rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(dtype)
        self.bias = np.zeros(fan_out, dtype=dtype)
        self.d_kernel = np.zeros_like(self.kernel)
        self.d_bias = np.zeros_like(self.bias)
        super().build(input_shape, rng, dtype)

    def output_shape(self, input_shape):
        return (self.units,)

    @property
    def _param_attrs(self):  # (weight, gradient) attribute names, in Keras order
        return (("kernel", "d_kernel"), ("bias", "d_bias"))[: 2 if self.use_bias else 1]

    @property
    def weights(self):
        return [self.kernel, self.bias] if self.use_bias else [self.kernel]

    @property
    def grads(self):
        return [self.d_kernel, self.d_bias] if self.use_bias else [self.d_kernel]

    def forward(self, x, training=False):
        """a = f(x·W + b); keeps x and a for the backward pass."""
        z = x @ self.kernel
        if self.use_bias:
            z += self.bias
        self._x, self._a = x, self._f(z)
        return self._a

    def backward(self, dout, need_dx=True, fused=False):
        """From dout = dL/da: fill dW = xᵀ·dz and db = Σ_rows dz, return dL/dx = dz·Wᵀ.

        dz = dL/dz = dout ⊙ f'(z), computed from the kept output a. (``fused``: dout is
        already dL/dz; ``need_dx=False``: skip dL/dx. See "Speed".)
        """
        dz = dout if fused else self._f_backward(dout, self._a)  # dz = da ⊙ f'(z)
        # dW = xᵀ·dz, written straight into the weights' gradient array (see "Speed")
        np.matmul(self._x.T, dz, out=self.d_kernel)
        if self.use_bias:
            self.d_bias[...] = dz.sum(axis=0)  # db = Σ_rows dz
        return dz @ self.kernel.T if need_dx else None  # dx = dz·Wᵀ


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
_CCE = "categorical_crossentropy"
_BCE = "binary_crossentropy"


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
        # what the optimizer updates: every weight array and its gradient, as two lists
        # (each one flat array holding all of them, see "Speed")
        self._weight_list, self._grad_list = _one_flat_array(self.layers, self.dtype)
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

        ``metrics=["accuracy"]`` is resolved like Keras: binary accuracy for a single
        output unit, sparse categorical accuracy for integer labels, categorical
        accuracy for one-hot targets.
        """
        if loss is None:
            raise ValueError("compile needs a loss, e.g. loss='sparse_categorical_crossentropy'")
        self.optimizer = optimizers.get(optimizer)
        self.loss = losses.get(loss)
        self.loss_name = getattr(self.loss, "__name__", type(self.loss).__name__)
        self._loss_grad = losses.get_grad(loss)
        if not self.layers:
            raise ValueError("add layers to the model before compile")
        self._fused_grad = _fused_output_gradient(self.layers[-1], self.loss_name)
        metrics = [] if metrics is None else (
            [metrics] if isinstance(metrics, str) else list(metrics)
        )
        for m in metrics:
            if not isinstance(m, str) or m.strip().lower() not in ("accuracy", "acc", *_ACCURACY):
                known = ", ".join(["accuracy", *_ACCURACY])
                raise ValueError(f"unknown metric {m!r}; known metrics: {known}")
        self.metrics = [m.strip().lower() for m in metrics]
        self.compiled = True

    # -- one training step: forward, loss, backward, update ----------------
    def _train_step(self, x, y):
        """One mini-batch: forward, loss, backward, optimizer update. Returns (loss sum, p)."""
        p = self._forward(x, training=True)
        loss = self._batch_loss(y, p)
        self._backward(y, p)
        self.optimizer.apply(self._grad_list, self._weight_list,  # every w ← w − step, in place
                             variable_sizes=self._variable_sizes)
        return loss, p

    def _forward(self, x, training=False):
        """The layers in order: each one's output is the next one's input."""
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def _batch_loss(self, y, p):
        """Sum over the batch of the per-sample losses."""
        if self.loss_name == _SPARSE and self._fused_grad is not None:
            # the formula of losses.sparse_categorical_crossentropy without its input checks
            # (fit checked the labels once); p holds softmax probabilities, not logits
            return float(losses._sparse_categorical(y, p, from_logits=False).sum())
        return float(np.sum(self.loss(y, p)))

    def _backward(self, y, p):
        """Chain rule from the batch-mean loss back to the first layer.

        Each layer, last to first, turns dL/d(its output) into dL/d(its input) and fills
        its weight gradients on the way.
        """
        n = len(p)
        if self._fused_grad is None:  # dL/dp (losses.get_grad differentiates the batch sum)
            g, fused = np.asarray(self._loss_grad(y, p), dtype=p.dtype) / n, False
        else:  # dL/dz of the output layer directly (see "Speed")
            g, fused = self._fused_grad(y, p) / n, True
        first = _first_layer_with_weights(self.layers)  # no dL/dx before it (see "Speed")
        for i in reversed(range(first, len(self.layers))):
            is_output = i == len(self.layers) - 1
            g = self.layers[i].backward(g, need_dx=i > first, fused=fused and is_output)

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
    def fit(self, x, y, epochs=1, batch_size=32, validation_data=None, shuffle=True,
            verbose=1, seed=None):
        """Train for ``epochs`` passes over (x, y) in mini-batches; return a ``History``.

        The per-epoch "loss" and metric are averages over the batches seen during the
        epoch (as Keras reports them); "val_loss"/"val_…" are measured after the epoch.
        verbose=0 silent, 1 a progress bar (tqdm), 2 one line per epoch. ``seed`` seeds
        the shuffling of this call (else the model's generator).
        """
        with _blas_threads():
            return self._fit(x, y, epochs, batch_size, validation_data, shuffle, verbose, seed)

    def _fit(self, x, y, epochs=1, batch_size=32, validation_data=None, shuffle=True,
            verbose=1, seed=None):
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
        acc_fn = self._accuracy_fn(y)
        metric = self._metric_name()
        rng = np.random.default_rng(seed) if seed is not None else self.rng
        n = len(x)
        steps = -(-n // batch_size)
        history = History()
        for epoch in range(epochs):
            # a new random order each epoch; each batch gathers its own rows (x[idx] copies
            # batch_size rows into a small contiguous array, not a shuffled copy of all x)
            order = rng.permutation(n) if shuffle else None
            loss_sum, correct = 0.0, 0.0
            bar = _progress(steps, epoch, epochs) if verbose == 1 else None
            for step in range(steps):
                batch = slice(step * batch_size, (step + 1) * batch_size)
                if order is None:
                    xb, yb = x[batch], y[batch]
                else:
                    idx = order[batch]
                    xb, yb = x[idx], y[idx]
                batch_loss, p = self._train_step(xb, yb)
                loss_sum += batch_loss
                if acc_fn is not None:
                    correct += float(np.sum(acc_fn(yb, p)))
                if bar is not None:
                    bar.update(1)
                    if step % 50 == 0 or step == steps - 1:
                        seen = min((step + 1) * batch_size, n)
                        bar.set_postfix(_logs(loss_sum / seen, metric, correct / seen),
                                        refresh=False)
            logs = _logs(loss_sum / n, metric, correct / n if acc_fn else None)
            if validation_data is not None:
                val = self._evaluate(x_val, y_val, batch_size)
                val = val if isinstance(val, list) else [val]
                logs["val_loss"] = val[0]
                if metric is not None:
                    logs["val_" + metric] = val[1]
            if bar is not None:
                bar.set_postfix(logs, refresh=True)
                bar.close()
            if verbose == 2:
                text = " - ".join(f"{k}: {v:.4f}" for k, v in logs.items())
                print(f"Epoch {epoch + 1}/{epochs} - {text}")
            history.epoch.append(epoch)
            for k, v in logs.items():
                history.history.setdefault(k, []).append(v)
        self.history = history
        return history

    def evaluate(self, x, y, batch_size=32, verbose=0):
        """Mean loss over (x, y), and the metric: ``[loss, accuracy]`` as Keras returns it."""
        with _blas_threads():
            return self._evaluate(x, y, batch_size)

    def _evaluate(self, x, y, batch_size):
        if not self.compiled:
            raise RuntimeError("call compile(optimizer, loss) before evaluate")
        check_int(batch_size, "batch_size", minimum=1)
        x, y = self._prepare(x, y)
        acc_fn = self._accuracy_fn(y)
        loss_sum, correct = 0.0, 0.0
        for start in range(0, len(x), batch_size):
            p = self._forward(x[start:start + batch_size])
            yb = y[start:start + batch_size]
            loss_sum += self._batch_loss(yb, p)
            if acc_fn is not None:
                correct += float(np.sum(acc_fn(yb, p)))
        loss = loss_sum / len(x)
        return [loss, correct / len(x)] if acc_fn is not None else loss

    def predict(self, x, batch_size=32, verbose=0):
        """Model outputs for ``x``, computed in batches: shape (n, *output_shape)."""
        with _blas_threads():
            return self._predict(x, batch_size)

    def _predict(self, x, batch_size):
        check_int(batch_size, "batch_size", minimum=1)
        x, _ = self._prepare(x)
        out = np.empty((len(x), *self.output_shape), dtype=self.dtype)
        for start in range(0, len(x), batch_size):
            out[start:start + batch_size] = self._forward(x[start:start + batch_size])
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


def _progress(steps, epoch, epochs):
    from tqdm import tqdm

    return tqdm(total=steps, desc=f"Epoch {epoch + 1}/{epochs}", unit="step", leave=True)


# =====================================================================================
# Speed (skip this on a first reading). Nothing here changes a number the algorithm
# above computes (beyond rounding); it only makes an epoch take less time.
# =====================================================================================

# 1. BLAS threads.
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


# 2. One flat array for all weights, one for all gradients.
def _one_flat_array(layers, dtype):
    """Make every weight (and gradient) array a view into ONE flat array; return
    ``([flat_weights], [flat_grads])`` for ``optimizer.apply(grads, weights)``.

    The optimizers are elementwise, so one update of the flat array equals one update
    per weight; it just makes ~8x fewer NumPy calls per step (measured: Adam 1.0 ->
    0.77 ms per step for the seed MLP in float32). Dense.backward writes dW into its
    view (``np.matmul(..., out=self.d_kernel)``).
    """
    pairs = [(layer, w, g) for layer in layers for w, g in layer._param_attrs]
    size = sum(getattr(layer, w).size for layer, w, _ in pairs)
    flat_weights = np.empty(size, dtype=dtype)
    flat_grads = np.zeros(size, dtype=dtype)
    start = 0
    for layer, w_attr, g_attr in pairs:
        w = getattr(layer, w_attr)
        stop = start + w.size
        view = flat_weights[start:stop].reshape(w.shape)
        view[...] = w
        setattr(layer, w_attr, view)
        setattr(layer, g_attr, flat_grads[start:stop].reshape(w.shape))
        start = stop
    return [flat_weights], [flat_grads]


# 3. The fused output gradient.
def _fused_output_gradient(output_layer, loss_name):
    """``grad(y, p)`` giving dL/dz of the output layer's pre-activation z directly, or None.

    For softmax + (sparse) categorical cross-entropy, dL/dz = p − t per sample (and
    (p − t)/d for sigmoid + binary cross-entropy): one subtraction instead of the loss's
    gradient followed by the softmax Jacobian, and no clipping at p = 0 or 1. The
    formulas are ``losses._categorical_logits_grad`` and ``losses._binary_logits_grad``.
    """
    activation = getattr(output_layer, "activation", None)
    if activation == "softmax" and loss_name == _SPARSE:
        return lambda y, p: losses._categorical_logits_grad(
            losses._one_hot(y, p.shape[-1], p.dtype), p
        )
    if activation == "softmax" and loss_name == _CCE:
        return losses._categorical_logits_grad
    if activation == "sigmoid" and loss_name == _BCE:
        return losses._binary_logits_grad
    return None


# 4. The first layer with weights skips dL/dx.
def _first_layer_with_weights(layers):
    """Index of the first layer with weights: nobody needs dL/dx there or before it, so
    the backward pass stops at it and skips its largest product dz·Wᵀ."""
    return next((i for i, layer in enumerate(layers) if layer.weights), 0)
