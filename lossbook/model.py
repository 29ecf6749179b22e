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
f and f' come from ``lossbook.activations``, the losses and their gradients from the
loss objects of ``lossbook.losses``, the metrics from ``lossbook.metrics`` — the same
code the chapters teach. ``fit`` calls ``lossbook.callbacks`` as Keras calls its
callbacks; ``save_weights``/``load_weights`` write and read Keras 3's ``.weights.h5``
(``lossbook.saving``); initializers and regularizers come from ``lossbook.initializers``
and ``lossbook.regularizers``. Every Keras argument is accepted in Keras's order and
honoured, or refused with a TypeError naming it.

The output gradient. For a softmax output with (sparse) categorical cross-entropy,
or a sigmoid output with binary cross-entropy, backpropagation starts at the output
layer's z with chapter 5's dL/dz = (p − t)/n (``backprop.SoftmaxCrossEntropy``):
``compile`` chooses it. Any other pair uses the chain rule, dL/dp from the loss and
then f'. The two differ where Keras's loss clips p to [1e-7, 1 − 1e-7]: clipped, the
chain rule gives 0 (for logits z = [30, 0, −5] with label 1, p₁ ≈ 9e-14 is clipped, and
Keras's dL/dz is [0, 0, 0]), while (p − t)/n is the exact derivative, [1, −1, 0]: the
model keeps learning from a sample it gets badly wrong. Everywhere else they agree to
rounding (tests/test_model.py shows both). The formula is written with p, and p is
what the output layer has just computed, so ``backward`` hands p to the loss
(``logits_gradient_from_probabilities``) instead of computing softmax(z) again.

``fit`` checks its data once (x and y against the loss in ``_prepare``, y against each
metric in ``_build_metrics``); the batches then use the loss's and the metrics'
formulas and the optimizer's step without checks (``compiled_loss.value``,
``metric.update_state_unchecked``, ``optimizer.apply_unchecked``).

Two devices of the model make it faster, without changing a number; each is explained
where it is used: all weights live in one long vector (``_one_long_vector``), and the
first layer skips dL/dx (``Affine.input_gradient``). (Adam's own device, its scratch
arrays, is explained in ``lossbook.optimizers.Adam``.) NumPy's BLAS runs on one thread
(``BLAS_THREADS``). ``dtype="float32"`` halves the memory traffic (float64 is the default).
"""

from __future__ import annotations

import contextlib
import functools
import math
import numbers

import numpy as np

from lossbook import activations, losses, optimizers, saving
from lossbook import callbacks as callbacks_module  # fit's own argument is called callbacks
from lossbook import metrics as metrics_module  # compile's own argument is called metrics
from lossbook._checks import as_float_array, check_int
from lossbook.backprop import Affine
from lossbook.callbacks import History

__all__ = [
    "Sequential",
    "Dense",
    "Dropout",
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


def _refuse(where, **arguments):
    """TypeError for a Keras argument lossbook does not support, if it was given."""
    for name, (value, default) in arguments.items():
        if value is not default and value != default:
            raise TypeError(
                f"{where}: lossbook does not support the Keras argument {name}={value!r}"
            )


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------


class Layer:
    """Base class: ``build(input_shape)``, ``forward(x)``, ``backward(dout)``.

    Keyword arguments every layer takes, as in Keras: ``name``, ``trainable`` and, for
    the first layer of a ``Sequential``, ``input_shape`` (one sample's shape).
    """

    def __init__(self, *, name=None, trainable=True, input_shape=None, **kwargs):
        if kwargs:
            raise TypeError(
                f"{type(self).__name__}: unexpected keyword argument(s) {', '.join(kwargs)}"
            )
        self.name = name
        self.trainable = bool(trainable)
        self.built = False
        self.input_shape = None
        self._declared_input_shape = None if input_shape is None else _sample_shape(input_shape)

    def build(self, input_shape, rng, dtype):
        self.input_shape = tuple(input_shape)
        self.built = True

    def output_shape(self, input_shape):
        return tuple(input_shape)

    @property
    def weights(self):
        return []

    def get_weights(self):
        """Copies of the layer's weights (kernel first, then bias), as Keras."""
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        """Overwrite the layer's weights (same order and shapes as ``get_weights``)."""
        mine = self.weights
        if len(weights) != len(mine):
            raise ValueError(
                f"layer {self.name or type(self).__name__} expects {len(mine)} weight arrays, "
                f"got {len(weights)}"
            )
        for i, (w, new) in enumerate(zip(mine, weights, strict=True)):
            new = np.asarray(new)
            if new.shape != w.shape:
                raise ValueError(f"weight {i} has shape {w.shape}, got {new.shape}")
            w[...] = new

    def forward(self, x, training=False):
        return x

    def backward(self, dout):
        """dL/d(input) from dout = dL/d(output)."""
        return dout


def _sample_shape(shape):
    shape = (shape,) if isinstance(shape, numbers.Integral) else tuple(shape)
    if not shape:
        raise ValueError("Input shape needs at least one axis, got ()")
    return tuple(check_int(s, "each Input shape entry", minimum=1) for s in shape)


class Input(Layer):
    """Declares the shape of one sample, e.g. ``Input((28, 28))`` (the batch axis is left out;
    ``batch_shape=(None, 28, 28)`` says the same). Keras's other arguments are refused:
    batches may have any size, and the model's ``dtype`` is the Sequential's."""

    def __init__(self, shape=None, batch_size=None, dtype=None, sparse=None, ragged=None,
                 batch_shape=None, name=None, tensor=None, optional=False):
        _refuse("Input", batch_size=(batch_size, None), dtype=(dtype, None),
                sparse=(sparse, None), ragged=(ragged, None), tensor=(tensor, None),
                optional=(optional, False))
        super().__init__(name=name)
        if (shape is None) == (batch_shape is None):
            raise ValueError("Input needs exactly one of shape or batch_shape")
        self.shape = _sample_shape(shape if batch_shape is None else tuple(batch_shape)[1:])


class Flatten(Layer):
    """Reshapes each sample to a vector: (n, 28, 28) → (n, 784). No weights."""

    def __init__(self, data_format=None, **kwargs):
        if data_format not in (None, "channels_last"):
            raise TypeError(f"Flatten: lossbook does not support the Keras argument "
                            f"data_format={data_format!r} (samples are channels-last)")
        super().__init__(**kwargs)

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

    The kernel starts from ``kernel_initializer`` (Glorot-uniform: U(−l, l) with
    l = √(6 / (fan_in + fan_out))), the bias from ``bias_initializer`` (zeros). Weights
    are built on the first input, like Keras. ``kernel_regularizer``/``bias_regularizer``
    (e.g. "l2") add their penalty to the loss, as Keras does.

    >>> layer = Dense(3, activation="relu")
    >>> layer.build((4,), np.random.default_rng(0), np.float64)
    >>> layer.forward(np.ones((2, 4))).shape
    (2, 3)
    """

    def __init__(self, units, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, lora_rank=None,
                 lora_alpha=None, quantization_config=None, **kwargs):
        super().__init__(**kwargs)
        _refuse("Dense", activity_regularizer=(activity_regularizer, None),
                kernel_constraint=(kernel_constraint, None),
                bias_constraint=(bias_constraint, None), lora_rank=(lora_rank, None),
                lora_alpha=(lora_alpha, None), quantization_config=(quantization_config, None))
        from lossbook import initializers, regularizers

        self.units = check_int(units, "Dense units", minimum=1)
        f = activations.get(activation)
        self.activation = f.__name__
        # the bare formulas f and f' (fit checks its data once, not every batch)
        self._f = f.formula
        self._f_grad = activations.get_grad(f).formula
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.affine = None

    def build(self, input_shape, rng, dtype):
        if len(input_shape) != 1:
            raise ValueError(
                f"Dense expects flat inputs (n, features), got sample shape {tuple(input_shape)};"
                " add Flatten() first"
            )
        fan_in = int(input_shape[0])
        kernel = self.kernel_initializer((fan_in, self.units), dtype=dtype, rng=rng)
        bias = (self.bias_initializer((self.units,), dtype=dtype, rng=rng) if self.use_bias
                else np.zeros(self.units, dtype=dtype))  # without a bias, b stays 0
        self.affine = Affine(kernel, bias)
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

    def penalty(self):
        """The regularizers' penalty on the current weights (0.0 without regularizers)."""
        total = 0.0
        if self.kernel_regularizer is not None:
            total += self.kernel_regularizer(self.kernel)
        if self.bias_regularizer is not None and self.use_bias:
            total += self.bias_regularizer(self.bias)
        return total

    def forward(self, x, training=False):
        """z = x·W + b, then a = f(z); keeps z for the backward pass."""
        self.z = self.affine.forward(x)
        return self._f(self.z)

    def backward(self, da):
        """From da = dL/da: dz = da ⊙ f'(z) by the chain rule, then ``backward_from_z``."""
        return self.backward_from_z(self._f_grad(self.z, upstream=da))

    def backward_from_z(self, dz):
        """From dz = dL/dz: the affine layer's backward (fills dW = xᵀ·dz and db = Σ_rows dz,
        returns dx = dz·Wᵀ), plus the gradients of the regularizers' penalties."""
        dx = self.affine.backward(dz)
        if self.kernel_regularizer is not None:
            self.affine.dW += self.kernel_regularizer.gradient(self.kernel)
        if self.bias_regularizer is not None and self.use_bias:
            self.affine.db += self.bias_regularizer.gradient(self.bias)
        return dx


class Dropout(Layer):
    """During training, zeroes each input with probability ``rate`` and scales the others
    by 1/(1 − rate), so that each output's expected value is its input; at inference
    (``training=False``: ``predict``, ``evaluate``) it passes x through unchanged.

    ``seed`` seeds this layer's masks; without it they come from the model's generator.
    ``noise_shape`` as Keras: e.g. ``(None, 1)`` drops whole rows (None = the input's size).

    >>> layer = Dropout(0.5, seed=0)
    >>> layer.build((4,), None, np.float64)
    >>> layer.forward(np.ones((1, 4)), training=True)
    array([[2., 0., 0., 0.]])
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(rate, bool) or not isinstance(rate, numbers.Real) or not 0 <= rate <= 1:
            raise ValueError(
                f"Invalid value received for argument `rate`. Expected a float value between "
                f"0 and 1. Received: rate={rate}"
            )
        self.rate = float(rate)
        self.noise_shape = None if noise_shape is None else tuple(noise_shape)
        self.seed = seed
        self._rng = None

    def build(self, input_shape, rng, dtype):
        self._rng = np.random.default_rng(self.seed) if self.seed is not None else rng
        super().build(input_shape, rng, dtype)

    def forward(self, x, training=False):
        if not training or self.rate == 0:
            self.mask = None
            return x
        shape = x.shape if self.noise_shape is None else tuple(
            n if s is None else s for s, n in zip(self.noise_shape, x.shape, strict=True))
        keep = self._rng.random(shape) >= self.rate  # kept with probability 1 − rate
        scale = 0.0 if self.rate == 1 else 1.0 / (1.0 - self.rate)
        self.mask = (keep * scale).astype(x.dtype)
        return x * self.mask

    def backward(self, dout):
        return dout if self.mask is None else dout * self.mask


# ---------------------------------------------------------------------------
# Sequential
# ---------------------------------------------------------------------------

# Loss functions compile turns into their Keras classes (what Keras's LossFunctionWrapper
# computes for them), so that the cross-entropies bring their logits_gradient.
_LOSS_CLASSES = {
    losses.sparse_categorical_crossentropy: losses.SparseCategoricalCrossentropy,
    losses.categorical_crossentropy: losses.CategoricalCrossentropy,
    losses.binary_crossentropy: losses.BinaryCrossentropy,
    losses.mean_squared_error: losses.MeanSquaredError,
    losses.mean_absolute_error: losses.MeanAbsoluteError,
    losses.mean_squared_logarithmic_error: losses.MeanSquaredLogarithmicError,
}

# Output activation and loss class whose gradient can start at the logits z (chapter 5).
_LOGITS_PAIRS = {
    ("softmax", losses.SparseCategoricalCrossentropy),
    ("softmax", losses.CategoricalCrossentropy),
    ("sigmoid", losses.BinaryCrossentropy),
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

    Keras's arguments ``layers``, ``trainable`` (False: ``fit`` leaves the weights as
    they are) and ``name``; lossbook's own, keyword-only: ``seed`` seeds weight
    initialisation, dropout and shuffling (else ``set_seed``'s generator), ``dtype`` is
    "float64" (default) or "float32".
    """

    def __init__(self, layers=None, trainable=True, name=None, *, seed=None, dtype="float64"):
        try:
            ok = np.dtype(dtype) in (np.float32, np.float64)
        except TypeError:
            ok = False
        if not ok:
            raise ValueError(f"dtype must be 'float32' or 'float64', got {dtype!r}")
        if not isinstance(trainable, bool):
            raise TypeError(f"trainable must be True or False, got {trainable!r}")
        self.dtype = np.dtype(dtype)
        self.trainable = trainable
        self.name = "sequential" if name is None else name
        self.rng = np.random.default_rng(seed) if seed is not None else _global_rng
        self.layers = []
        self._input_shape = None
        self.output_shape = None
        self.optimizer = self.loss = self.compiled_loss = None
        self.compiled = False
        self.stop_training = False
        self.history = None
        self._metrics = []
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
        if layer._declared_input_shape is not None:
            if self.layers or self._input_shape is not None:
                raise ValueError("input_shape= belongs to the first layer of a Sequential model")
            self._input_shape = layer._declared_input_shape
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
        # What the optimizer updates: one long vector of all trainable weights.
        trainable = [layer for layer in dense if layer.trainable]
        self._weight_vector, self._gradient_vector = _one_long_vector(trainable, self.dtype)
        self._variable_sizes = [w.size for layer in trainable for w in layer.weights]

    @property
    def built(self):
        return bool(self.layers) and all(layer.built for layer in self.layers)

    @property
    def weights(self):
        return [w for layer in self.layers for w in layer.weights]

    def get_weights(self):
        """Copies of all weights in Keras order (kernel, bias of each layer); [] unbuilt."""
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
        if not self.built:
            raise ValueError(
                f"You tried to call `count_params` on layer '{self.name}', but the layer isn't "
                "built. You can build it manually via: `layer.build(input_shape)`."
            )
        return sum(w.size for w in self.weights)

    def save_weights(self, filepath, overwrite=True, max_shard_size=None):
        """Write the weights to a Keras 3 ``.weights.h5`` file (``lossbook.saving``)."""
        _refuse("save_weights", max_shard_size=(max_shard_size, None))
        saving.save_weights(self, filepath, overwrite=overwrite)

    def load_weights(self, filepath, skip_mismatch=False, **kwargs):
        """Read weights from a Keras 3 ``.weights.h5`` file (``lossbook.saving``)."""
        if kwargs:
            raise TypeError(f"load_weights: unexpected keyword argument(s) {', '.join(kwargs)}")
        saving.load_weights(self, filepath, skip_mismatch=skip_mismatch)

    # -- compile -----------------------------------------------------------
    def compile(self, optimizer="rmsprop", loss=None, loss_weights=None, metrics=None,
                weighted_metrics=None, run_eagerly=False, steps_per_execution=1,
                jit_compile="auto", auto_scale_loss=True):
        """Choose the optimizer, the loss (a name, function or loss object) and the metrics.

        For a softmax output with (sparse) categorical cross-entropy, or a sigmoid output
        with binary cross-entropy, backpropagation starts from dL/dz = (p − t)/n at the
        output layer's z (chapter 5); for any other pair, from dL/dp (see ``backward``).

        ``metrics`` are resolved on the first data as Keras does ("accuracy" becomes
        binary, sparse categorical or categorical accuracy from the shapes).
        ``loss_weights`` (one number) scales the loss. lossbook always runs eagerly on
        NumPy, so ``run_eagerly``, ``jit_compile`` and ``auto_scale_loss`` change nothing;
        ``weighted_metrics`` and ``steps_per_execution`` other than 1 are not supported.
        """
        _refuse("compile", weighted_metrics=(weighted_metrics, None),
                steps_per_execution=(steps_per_execution, 1))
        if jit_compile is True:
            raise TypeError("compile: lossbook runs on NumPy and cannot jit_compile=True")
        if loss is None:
            raise ValueError("compile needs a loss, e.g. loss='sparse_categorical_crossentropy'")
        if not self.layers:
            raise ValueError("add layers to the model before compile")
        self.optimizer = optimizers.get(optimizer)
        self.loss = loss  # as given, like Keras's model.loss
        loss = losses.get(loss)
        if not isinstance(loss, losses.Loss):  # a function: its Keras class, as Keras wraps it
            known = _LOSS_CLASSES.get(loss)
            loss = known() if known else losses.LossFunctionWrapper(loss)
        self.compiled_loss = loss  # the loss object fit computes with
        self.loss_weight = _loss_weight(loss_weights)
        output = getattr(self.layers[-1], "activation", None)
        # start backpropagation at the logits z: chapter 5's dL/dz = (p − t)/n
        self.starts_at_logits = (output, type(loss)) in _LOGITS_PAIRS and not loss.from_logits
        if metrics is None:
            metrics = []
        elif isinstance(metrics, (str, metrics_module.Metric)) or callable(metrics):
            metrics = [metrics]
        elif isinstance(metrics, dict):
            raise TypeError("compile: metrics as a dict is for models with several outputs")
        self._metric_identifiers = list(metrics)
        for m in self._metric_identifiers:  # unknown names fail now, not in fit
            if not (isinstance(m, str) and m.lower() in ("accuracy", "acc")):
                metrics_module.get(m)
        self._metrics = []
        self.compiled = True

    @property
    def metrics(self):
        """The compiled metric objects (after the first fit/evaluate, as in Keras)."""
        return list(self._metrics)

    @property
    def metrics_names(self):
        """Names of the values ``evaluate`` returns: "loss", then each metric's name."""
        return ["loss", *(m.name for m in self._metrics)] if self.compiled else []

    def _build_metrics(self, y):
        """Resolve the compiled metrics once, on the shapes of the targets (Keras's rule),
        and check the targets y against each metric once, so that the batches need not."""
        if not self._metrics and self._metric_identifiers:
            p = np.zeros((1, *self.output_shape), dtype=self.dtype)
            self._metrics = [metrics_module.for_compile(m, self.compiled_loss, y[:1], p)
                             for m in self._metric_identifiers]
        stand_in = np.full((len(y), *self.output_shape), 0.5, dtype=self.dtype)
        for metric in self._metrics:
            metric.update_state(y, stand_in)  # a ValueError here names what is wrong
            metric.reset_state()

    # -- the algorithm: forward, loss, backward, update ----------------------
    def train_batch(self, x, y, sample_weight=None):
        """One training step on the mini-batch (x, y): forward, loss, backward, update.

        Returns the batch's loss (by default the mean over the batch, plus the weights'
        penalties) and the model's outputs p.
        """
        p = self.forward(x, training=True)
        loss = self.compute_loss(x, y, p, sample_weight)
        self.backward(y, p, sample_weight)
        if self.trainable:
            self.optimizer.apply_unchecked(self._gradient_vector, self._weight_vector,
                                           variable_sizes=self._variable_sizes)  # w ← w − step
        return loss, p

    def forward(self, x, training=False):
        """The layers in order: each one's output is the next one's input."""
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def backward(self, y, p, sample_weight=None):
        """Backpropagation: the gradient of the loss, from the output layer back to the
        first layer with weights, each layer filling its weight gradients.

        Softmax or sigmoid output with its cross-entropy: start at the output layer's z
        with dL/dz = (p − t)/n (chapter 5), the exact derivative even where Keras clips p.
        Any other pair: start at p with dL/dp, and the output layer applies f' itself.
        """
        layers = list(self.layers)
        first = next(i for i, layer in enumerate(layers) if layer.weights)
        if self.starts_at_logits:
            output = layers.pop()
            dz = self.compiled_loss.logits_gradient_from_probabilities(y, p, sample_weight)
            g = output.backward_from_z(dz * self.loss_weight)
        else:
            g = self.compiled_loss.gradient(y, p, sample_weight) * self.loss_weight
        for layer in reversed(layers[first:]):  # layers before the first have no weights
            g = layer.backward(g)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        """The loss as Keras computes it: the compiled loss of (y, y_pred), weighted by
        ``loss_weights``, plus the penalties of the layers' regularizers."""
        loss = float(self.compiled_loss.value(y, y_pred, sample_weight)) * self.loss_weight
        for layer in self.layers:
            if hasattr(layer, "penalty"):
                loss += layer.penalty()
        return loss

    # -- data checks -------------------------------------------------------
    def _prepare(self, x, y=None, sample_weight=None, name="x"):
        """Check (x, y, sample_weight) once: x float of the model's dtype and input shape,
        y checked by the loss against the output shape, sample_weight one number per sample."""
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
            return x, None, None
        y_name = "y" if name == "x" else name.replace("x", "y", 1)
        if len(y) != len(x):
            raise ValueError(
                f"{name} and {y_name} have different lengths: {len(x)} samples, {len(y)} targets"
            )
        # the loss checks y against a stand-in prediction of the model's output shape
        stand_in = np.full((len(x), *self.output_shape), 0.5, dtype=self.dtype)
        y_arr = np.asarray(y)
        if y_arr.ndim == 1 and self.output_shape == (1,):
            y_arr = y_arr[:, None]
        try:
            y, _, _ = self.compiled_loss.validate(y_arr, stand_in)
        except ValueError as error:
            raise ValueError(f"{y_name} does not fit the model's output of shape "
                             f"{(len(x), *self.output_shape)} for loss {self.compiled_loss.name}: "
                             f"{error}".replace("y_true", y_name)) from None
        if sample_weight is not None:
            sample_weight = as_float_array(sample_weight, "sample_weight", dtype=self.dtype)
            if sample_weight.shape != (len(x),):
                raise ValueError(f"sample_weight must hold one weight per sample, shape "
                                 f"({len(x)},); got {sample_weight.shape}")
            if np.any(sample_weight < 0):
                raise ValueError("sample_weight must not be negative")
        return x, y, sample_weight

    # -- public training API -----------------------------------------------
    @_one_blas_thread
    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose="auto", callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, class_weight=None,
            sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None,
            validation_batch_size=None, validation_freq=1, *, seed=None):
        """Train for ``epochs`` passes over (x, y) in mini-batches; return the ``History``.

        Keras's arguments in Keras's order. The per-epoch "loss" and metrics are averages
        over the epoch's batches (as Keras reports them); "val_loss"/"val_…" are measured
        after the epoch, on ``validation_data`` or on the last ``validation_split`` of
        (x, y), taken before any shuffling. ``shuffle="batch"`` shuffles within each batch
        only, as Keras. ``class_weight`` {class: weight} weighs each sample by its class
        (loss = Σ w·l / n, as Keras). ``callbacks`` follow Keras's protocol
        (``lossbook.callbacks``); one may set ``model.stop_training``. verbose: 0 silent,
        1 or "auto" a line per epoch, 2 the same. lossbook's ``seed`` (keyword-only)
        seeds this call's shuffling (else the model's generator).
        """
        _refuse("fit", steps_per_epoch=(steps_per_epoch, None),
                validation_steps=(validation_steps, None))
        if not self.compiled:
            raise RuntimeError("call compile(optimizer, loss) before fit")
        if x is None or y is None:
            raise ValueError("fit needs the data x and the targets y")
        batch_size = 32 if batch_size is None else check_int(batch_size, "batch_size", minimum=1)
        epochs = check_int(epochs, "epochs")
        initial_epoch = check_int(initial_epoch, "initial_epoch")
        validation_freq = check_int(validation_freq, "validation_freq", minimum=1)
        verbose = _verbose(verbose)
        if shuffle not in (True, False, "batch"):
            raise ValueError(f"shuffle must be True, False or 'batch', got {shuffle!r}")
        if class_weight is not None and sample_weight is not None:
            raise ValueError("You cannot `class_weight` and `sample_weight` at the same time.")
        if validation_split and validation_data is None:
            (x, y, sample_weight), validation_data = _split_last(x, y, sample_weight,
                                                                 validation_split)
        x, y, sample_weight = self._prepare(x, y, sample_weight)
        if class_weight is not None:
            sample_weight = _class_weights(y, class_weight, self.dtype)
        if validation_data is not None:
            x_val, y_val, w_val = self._validation(validation_data)
        self._build_metrics(y)
        if validation_data is not None:
            self._build_metrics(y_val)  # checks y_val against the metrics
        rng = np.random.default_rng(seed) if seed is not None else self.rng
        steps = math.ceil(len(x) / batch_size)
        cbs = callbacks_module.CallbackList(callbacks, add_history=True,
                                            add_progbar=verbose != 0, model=self,
                                            verbose=verbose, epochs=epochs, steps=steps)
        self.stop_training = False
        cbs.on_train_begin()
        logs = {}
        for epoch in range(initial_epoch, epochs):
            cbs.on_epoch_begin(epoch)
            logs = self.train_epoch(x, y, batch_size, shuffle, rng, sample_weight, cbs)
            if validation_data is not None and (epoch + 1) % validation_freq == 0:
                val = self._evaluate(x_val, y_val, validation_batch_size or batch_size,
                                     w_val, cbs)
                logs.update({"val_" + k: v for k, v in val.items()})
            cbs.on_epoch_end(epoch, logs)
            if self.stop_training:
                break
        cbs.on_train_end(logs)
        return self.history

    def train_epoch(self, x, y, batch_size=32, shuffle=True, rng=None, sample_weight=None,
                    callbacks=None):
        """One epoch: the samples of (x, y) in a new random order (``shuffle=True``, drawn
        from ``rng``, else the model's generator), cut into mini-batches of ``batch_size``,
        one ``train_batch`` each.

        Returns the logs: the loss (and metrics) averaged over all the epoch's samples.
        """
        n = len(x)
        rng = rng or self.rng
        order = rng.permutation(n) if shuffle is True else np.arange(n)
        for metric in self._metrics:
            metric.reset_state()
        loss_sum = 0.0
        for step, start in enumerate(range(0, n, batch_size)):
            rows = order[start:start + batch_size]  # this mini-batch's row numbers
            if shuffle == "batch":  # Keras's "batch": shuffle within the batch only
                rows = rng.permutation(rows)
            if callbacks:
                callbacks.on_train_batch_begin(step)
            w = None if sample_weight is None else sample_weight[rows]
            batch_loss, p = self.train_batch(x[rows], y[rows], w)
            loss_sum += batch_loss * len(rows)
            for metric in self._metrics:
                metric.update_state_unchecked(y[rows], p)
            logs = {"loss": loss_sum / (start + len(rows)),
                    **{m.name: float(m.result()) for m in self._metrics}}
            if callbacks:
                callbacks.on_train_batch_end(step, logs)
        return logs

    def _validation(self, validation_data):
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) not in (2, 3):
            raise ValueError("validation_data must be a tuple (x_val, y_val) or "
                             "(x_val, y_val, val_sample_weight)")
        return self._prepare(*validation_data, name="x_val")

    @_one_blas_thread
    def evaluate(self, x=None, y=None, batch_size=None, verbose="auto", sample_weight=None,
                 steps=None, callbacks=None, return_dict=False, **kwargs):
        """The loss over (x, y) and the compiled metrics, as Keras returns them: the loss
        alone, or ``[loss, metric, ...]`` (names in ``metrics_names``), or a dict with
        ``return_dict=True``. verbose=1 or "auto" prints them in one line, 0 nothing."""
        if kwargs:
            raise TypeError(f"evaluate: unexpected keyword argument(s) {', '.join(kwargs)}")
        _refuse("evaluate", steps=(steps, None))
        verbose = _verbose(verbose)
        if not self.compiled:
            raise RuntimeError("call compile(optimizer, loss) before evaluate")
        batch_size = 32 if batch_size is None else check_int(batch_size, "batch_size", minimum=1)
        x, y, sample_weight = self._prepare(x, y, sample_weight)
        self._build_metrics(y)
        cbs = callbacks_module.CallbackList(callbacks, add_progbar=verbose != 0, model=self,
                                            verbose=verbose, epochs=1,
                                            steps=math.ceil(len(x) / batch_size))
        logs = self._evaluate(x, y, batch_size, sample_weight, cbs)
        if return_dict:
            return logs
        return list(logs.values()) if len(logs) > 1 else logs["loss"]

    def _evaluate(self, x, y, batch_size, sample_weight=None, callbacks=None):
        """The logs of ``evaluate`` on checked data: {"loss": ..., metric: ...}."""
        check_int(batch_size, "batch_size", minimum=1)
        for metric in self._metrics:
            metric.reset_state()
        if callbacks:
            callbacks.on_test_begin()
        loss_sum = 0.0
        for step, start in enumerate(range(0, len(x), batch_size)):
            rows = slice(start, start + batch_size)
            if callbacks:
                callbacks.on_test_batch_begin(step)
            p = self.forward(x[rows])
            w = None if sample_weight is None else sample_weight[rows]
            loss_sum += self.compute_loss(x[rows], y[rows], p, w, training=False) * len(p)
            for metric in self._metrics:
                metric.update_state_unchecked(y[rows], p)
            logs = {"loss": loss_sum / min(start + batch_size, len(x)),
                    **{m.name: float(m.result()) for m in self._metrics}}
            if callbacks:
                callbacks.on_test_batch_end(step, logs)
        if callbacks:
            callbacks.on_test_end(logs)
        return logs

    @_one_blas_thread
    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None):
        """Model outputs for ``x``, computed in batches: shape (n, *output_shape).
        (Nothing is printed, whatever ``verbose`` says: lossbook shows no progress bar.)"""
        _refuse("predict", steps=(steps, None))
        _verbose(verbose)
        batch_size = 32 if batch_size is None else check_int(batch_size, "batch_size", minimum=1)
        x, _, _ = self._prepare(x)
        cbs = callbacks_module.CallbackList(callbacks, model=self)
        cbs.on_predict_begin()
        out = np.empty((len(x), *self.output_shape), dtype=self.dtype)
        for step, start in enumerate(range(0, len(x), batch_size)):
            cbs.on_predict_batch_begin(step)
            out[start:start + batch_size] = self.forward(x[start:start + batch_size])
            cbs.on_predict_batch_end(step, {"outputs": out[start:start + batch_size]})
        cbs.on_predict_end()
        return out

    def __call__(self, x, training=False):
        """The model's outputs for the batch x in one pass; ``training=True`` as in fit
        (dropout active)."""
        x, _, _ = self._prepare(x)
        return self.forward(x, training=bool(training))

    def summary(self):
        """Print each layer's output shape and parameter count ("?" before it is built)."""
        lines = [f'Model: "{self.name}"']
        shape = self._input_shape
        for layer in self.layers:
            shape = layer.output_shape(shape) if shape is not None else None
            n = sum(w.size for w in layer.weights)
            count = f"{n:>9,}" if layer.built else "0 (unbuilt)"
            lines.append(f"  {type(layer).__name__:<8} {str((None, *shape)) if shape else '?':<16}"
                         f" {count}")
        lines.append(f"Total params: {sum(w.size for w in self.weights):,}")
        print("\n".join(lines))


def _loss_weight(loss_weights):
    """compile's loss_weights for one output: None (1.0), a number, or a list of one."""
    if loss_weights is None:
        return 1.0
    if isinstance(loss_weights, (list, tuple)) and len(loss_weights) == 1:
        loss_weights = loss_weights[0]
    if isinstance(loss_weights, bool) or not isinstance(loss_weights, numbers.Real):
        raise TypeError(f"compile: loss_weights must be one number for a model with one "
                        f"output, got {loss_weights!r}")
    return float(loss_weights)


def _verbose(verbose):
    if verbose == "auto":
        return 1
    if verbose not in (0, 1, 2):
        raise ValueError(f"verbose must be 'auto', 0, 1 or 2, got {verbose!r}")
    return verbose


def _split_last(x, y, sample_weight, validation_split):
    """Keras's validation_split: the last fraction of the samples, before any shuffling."""
    if isinstance(validation_split, bool) or not 0 < validation_split < 1:
        raise ValueError(f"validation_split must be between 0 and 1, got {validation_split!r}")
    n = len(x)
    split_at = int(math.floor(n * (1.0 - validation_split)))
    if split_at == 0 or split_at == n:
        raise ValueError(
            f"Training data contains {n} samples, which is not sufficient to split it into a "
            f"validation and training set as specified by `validation_split={validation_split}`."
        )
    w = (None, None) if sample_weight is None else (sample_weight[:split_at],
                                                    sample_weight[split_at:])
    train = (x[:split_at], y[:split_at], w[0])
    val = (x[split_at:], y[split_at:]) if w[1] is None else (x[split_at:], y[split_at:], w[1])
    return train, val


def _class_weights(y, class_weight, dtype):
    """One weight per sample from its class, as Keras: class_weight.get(class, 1)."""
    if not isinstance(class_weight, dict):
        raise TypeError(f"class_weight must be a dict {{class: weight}}, got "
                        f"{type(class_weight).__name__}")
    y = np.asarray(y)
    if y.ndim > 1:
        y = np.argmax(y, axis=-1) if y.shape[-1] != 1 else y[..., 0]
    classes = np.round(y).astype(int)
    return np.array([class_weight.get(int(c), 1.0) for c in classes], dtype=dtype)


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
