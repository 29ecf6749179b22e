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

and a softmax output trained with (sparse) categorical cross-entropy uses the fused
gradient dL/dz = (p − t) / N (likewise sigmoid + binary cross-entropy).

Speed without a second code path: every layer keeps its output, gradient and
parameter-gradient arrays between batches and writes into them (``out=``), ReLU's
backward multiplies by its mask in place, the first layer skips the gradient of its
input, all weights live in one flat array so the optimizer makes one update per step,
``fit`` gathers each shuffled batch into a small contiguous array, and NumPy's
BLAS runs on one thread (see ``BLAS_THREADS``). ``dtype="float32"`` halves the memory
traffic (float64 is the default).
"""

from __future__ import annotations

import contextlib
import numbers

import numpy as np

from lossbook._checks import as_float_array, check_labels

__all__ = [
    "Sequential",
    "Dense",
    "Flatten",
    "Input",
    "History",
    "set_seed",
]

_global_rng = np.random.default_rng()

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


def set_seed(seed):
    """Seed the generator that models without their own ``seed`` use (weights, shuffling).

    Like ``keras.utils.set_random_seed``: call it once, then build the model.
    """
    global _global_rng
    _global_rng = np.random.default_rng(seed)


# ---------------------------------------------------------------------------
# Activations: forward from lossbook.activations, backward from the layer output.
# ---------------------------------------------------------------------------

# Derivatives that are cheap to compute from the output a = f(z).
_BACKWARD_FROM_OUTPUT = ("linear", "relu", "sigmoid", "tanh", "softmax")


def _activation_forward(name, z):
    """Apply activation ``name`` to ``z`` in place where possible; return the output."""
    if name == "linear":
        return z
    if name == "relu":
        return np.maximum(z, 0, out=z)
    if name == "softmax":  # stable: subtract the row maximum first
        z -= z.max(axis=-1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=-1, keepdims=True)
        return z
    from lossbook import activations

    return np.asarray(activations.get(name)(z), dtype=z.dtype)


def _activation_backward(name, da, a, z=None):
    """Turn dL/da into dL/dz (in place in ``da``) given the output ``a`` (or input ``z``)."""
    if name == "linear":
        return da
    if name == "relu":
        da *= a > 0
        return da
    if name == "sigmoid":
        da *= a * (1 - a)
        return da
    if name == "tanh":
        da *= 1 - a * a
        return da
    if name == "softmax":  # Jacobian-vector product: s ⊙ (da − Σ da·s)
        da -= (da * a).sum(axis=-1, keepdims=True)
        da *= a
        return da
    from lossbook import activations

    da[...] = activations.get_grad(name)(z, upstream=da)
    return da


def _resolve_activation(identifier):
    if identifier is None:
        return "linear"
    if not isinstance(identifier, str):
        raise TypeError(
            f"Dense activation must be a Keras string name such as 'relu', "
            f"got {type(identifier).__name__}"
        )
    name = identifier.strip().lower()
    if name in _BACKWARD_FROM_OUTPUT:
        return name
    from lossbook import activations

    activations.get_grad(name)  # raises ValueError for unknown names
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

    def backward(self, dout, need_dx=True):
        return dout


class Input(Layer):
    """Declares the shape of one sample, e.g. ``Input((28, 28))`` (the batch axis is left out)."""

    def __init__(self, shape, name=None):
        super().__init__(name)
        if isinstance(shape, numbers.Integral):
            shape = (shape,)
        shape = tuple(shape)
        if not shape or any(not isinstance(s, numbers.Integral) or s <= 0 for s in shape):
            raise ValueError(f"Input shape must be positive integers, got {shape}")
        self.shape = tuple(int(s) for s in shape)


class Flatten(Layer):
    """Reshapes each sample to a vector: (n, 28, 28) → (n, 784). No weights."""

    def output_shape(self, input_shape):
        return (int(np.prod(input_shape)),)

    def forward(self, x, training=False):
        self._shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, dout, need_dx=True):
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
        if isinstance(units, bool) or not isinstance(units, numbers.Integral) or units <= 0:
            raise ValueError(f"Dense units must be a positive integer, got {units!r}")
        self.units = int(units)
        self.activation = _resolve_activation(activation)
        self.use_bias = bool(use_bias)
        self.kernel = self.bias = None
        self._out = self._dx = None  # buffers reused from batch to batch

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

    def _buffer(self, attr, rows, cols):
        buf = getattr(self, attr)
        if buf is None or buf.shape[0] < rows or buf.shape[1] != cols:
            buf = np.empty((rows, cols), dtype=self.kernel.dtype)
            setattr(self, attr, buf)
        return buf[:rows]  # a contiguous view: the last, smaller batch reuses the buffer

    def forward(self, x, training=False):
        z = self._buffer("_out", len(x), self.units)
        np.matmul(x, self.kernel, out=z)
        if self.use_bias:
            z += self.bias
        # other activations (e.g. leaky_relu) need their input z for the backward pass
        self._z = None if self.activation in _BACKWARD_FROM_OUTPUT else z.copy()
        a = _activation_forward(self.activation, z)
        if a is not z:
            z[...] = a
        self._x, self._a = x, z
        return z

    def backward(self, dout, need_dx=True, fused=False):
        """Given dL/da (or dL/dz when ``fused``), fill dW, db and return dL/dx.

        ``dout`` is overwritten (it becomes dL/dz).
        """
        dz = dout if fused else _activation_backward(
            self.activation, dout, self._a, self._z
        )
        np.matmul(self._x.T, dz, out=self.d_kernel)
        if self.use_bias:
            np.sum(dz, axis=0, out=self.d_bias)
        if not need_dx:  # the first layer: nobody needs dL/dx
            return None
        dx = self._buffer("_dx", len(dz), self.kernel.shape[0])
        return np.matmul(dz, self.kernel.T, out=dx)


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
        self._pack_parameters()

    def _pack_parameters(self):
        """Make every weight (and gradient) array a view into ONE flat array.

        The optimizers are elementwise, so one update of the flat array equals one
        update per weight; it just makes ~8x fewer NumPy calls per step (measured:
        Adam 1.0 -> 0.77 ms per step for the seed MLP in float32).
        """
        pairs = [(layer, w, g) for layer in self.layers for w, g in layer._param_attrs]
        size = sum(getattr(layer, w).size for layer, w, _ in pairs)
        self._flat_params = np.empty(size, dtype=self.dtype)
        self._flat_grads = np.zeros(size, dtype=self.dtype)
        start = 0
        for layer, w_attr, g_attr in pairs:
            w = getattr(layer, w_attr)
            stop = start + w.size
            view = self._flat_params[start:stop].reshape(w.shape)
            view[...] = w
            setattr(layer, w_attr, view)
            setattr(layer, g_attr, self._flat_grads[start:stop].reshape(w.shape))
            start = stop

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
        from lossbook import losses, optimizers

        if loss is None:
            raise ValueError("compile needs a loss, e.g. loss='sparse_categorical_crossentropy'")
        self.optimizer = optimizers.get(optimizer)
        self.loss = losses.get(loss)
        self.loss_name = getattr(self.loss, "__name__", type(self.loss).__name__)
        if not self.layers:
            raise ValueError("add layers to the model before compile")
        last = self.layers[-1]
        last = last.activation if isinstance(last, Dense) else None
        # softmax + (sparse) CCE and sigmoid + BCE: dL/dz = (p − t) / N, no Jacobian needed
        self._is_fused = (last == "softmax" and self.loss_name in (_SPARSE, _CCE)) or (
            last == "sigmoid" and self.loss_name == _BCE
        )
        self._loss_grad = None if self._is_fused else losses.get_grad(loss)
        metrics = [] if metrics is None else (
            [metrics] if isinstance(metrics, str) else list(metrics)
        )
        for m in metrics:
            if not isinstance(m, str) or m.strip().lower() not in ("accuracy", "acc", *_ACCURACY):
                known = ", ".join(["accuracy", *_ACCURACY])
                raise ValueError(f"unknown metric {m!r}; known metrics: {known}")
        self.metrics = [m.strip().lower() for m in metrics]
        self.compiled = True

    # -- forward / backward -------------------------------------------------
    def _forward(self, x, training=False):
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def _output_grad(self, y, p):
        """dL/d(output) of the batch-mean loss, or dL/dz of the last layer when fused."""
        n = len(p)
        if self._is_fused:
            g = p.copy()
            if self.loss_name == _SPARSE:  # (p − onehot(y)) / N
                g[np.arange(n), y] -= 1
                g /= n
            else:  # (p − t) / N, divided by the width too for BCE (mean over last axis)
                g -= y
                g /= n if self.loss_name == _CCE else n * p.shape[-1]
            return g, True
        # get_grad gives the derivative of the summed per-sample losses; fit minimises the mean
        g = np.asarray(self._loss_grad(y, p), dtype=p.dtype) / n
        return np.ascontiguousarray(g), False

    def _backward(self, y, p):
        g, fused = self._output_grad(y, p)
        # dL/dx is only needed while some earlier layer still has weights to train
        # (the first Dense, even after Flatten, skips its largest product dz·Wᵀ)
        first = next((i for i, layer in enumerate(self.layers) if layer.weights), 0)
        for i in range(len(self.layers) - 1, first - 1, -1):
            layer = self.layers[i]
            if isinstance(layer, Dense):
                g = layer.backward(g, need_dx=i > first, fused=fused and i == len(self.layers) - 1)
            else:
                g = layer.backward(g, need_dx=i > first)

    def _train_step(self, x, y):
        """One mini-batch: forward, loss, backward, optimizer update. Returns (loss sum, p)."""
        p = self._forward(x, training=True)
        loss = self._batch_loss(y, p)
        self._backward(y, p)
        self.optimizer.apply([self._flat_grads], [self._flat_params])
        return loss, p

    def _batch_loss(self, y, p):
        """Sum over the batch of the per-sample losses."""
        if self.loss_name == _SPARSE and self._is_fused:  # fast: only the true-class column
            eps = 1e-7
            picked = np.clip(p[np.arange(len(p)), y], eps, 1 - eps)
            return float(-np.log(picked).sum())
        return float(np.sum(self.loss(y, p)))

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
        _check_int(epochs, "epochs", allow_zero=True)
        _check_int(batch_size, "batch_size")
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
        _check_int(batch_size, "batch_size")
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
        _check_int(batch_size, "batch_size")
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


def _check_int(value, name, allow_zero=False):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < (
        0 if allow_zero else 1
    ):
        bound = ">= 0" if allow_zero else ">= 1"
        raise ValueError(f"{name} must be an integer {bound}, got {value!r}")


def _logs(loss, metric, acc):
    logs = {"loss": float(loss)}
    if metric is not None and acc is not None:
        logs[metric] = float(acc)
    return logs


def _progress(steps, epoch, epochs):
    from tqdm import tqdm

    return tqdm(total=steps, desc=f"Epoch {epoch + 1}/{epochs}", unit="step", leave=True)

