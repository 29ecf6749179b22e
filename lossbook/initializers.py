"""Weight initializers: the starting values of a layer's kernel and bias, as Keras 3 names them.

The variance-scaling family keeps the variance of the signal about the same from layer to
layer. For a 2-D kernel of shape (fan_in, fan_out)::

    glorot_uniform   U(−limit, limit),  limit = √(6 / (fan_in + fan_out))   (Dense's default)
    glorot_normal    N(0, σ²) cut at ±2σ,  σ = √(2 / (fan_in + fan_out)) / 0.8796…
    he_uniform       limit = √(6 / fan_in)          he_normal    σ = √(2 / fan_in) / 0.8796…
    lecun_uniform    limit = √(3 / fan_in)          lecun_normal σ = √(1 / fan_in) / 0.8796…

0.8796… is the standard deviation of a unit normal cut at ±2, so the *cut* sample has
exactly the variance the formula asks for. The numbers cannot equal Keras's (JAX draws other
random numbers); their distribution is the same.

``init(shape, dtype=None)`` returns a NumPy array (float64 by default). Where the random
numbers come from:

- ``seed=<int>``: only from the seed; every call gives the same array (as Keras).
- ``seed=None`` and ``rng=<numpy Generator>`` (keyword-only, lossbook's extra): drawn from
  ``rng``, so ``Sequential(seed=...)`` reproduces all its layers.
- ``seed=None`` and no ``rng``: a seed is picked when the initializer is made, so one
  instance gives the same array on every call (as Keras).

>>> w = get("glorot_uniform")((4, 2), rng=np.random.default_rng(0))
>>> w.shape, bool(np.all(np.abs(w) <= np.sqrt(6 / (4 + 2))))
((4, 2), True)
"""

from __future__ import annotations

import inspect
import math
import numbers
import re

import numpy as np

__all__ = [
    "Initializer",
    "Constant",
    "Zeros",
    "Ones",
    "Identity",
    "RandomNormal",
    "RandomUniform",
    "TruncatedNormal",
    "VarianceScaling",
    "GlorotUniform",
    "GlorotNormal",
    "HeNormal",
    "HeUniform",
    "LecunNormal",
    "LecunUniform",
    "Orthogonal",
    "compute_fans",
    "get",
]

# standard deviation of a unit normal cut at ±2 (Keras's constant)
_TRUNCATED_STD = 0.8796256610342398


def _shape(shape):
    if isinstance(shape, numbers.Integral) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        shape = tuple(shape)
    except TypeError:
        raise TypeError(f"shape must be a tuple of integers, got {shape!r}") from None
    if not all(isinstance(s, numbers.Integral) and not isinstance(s, bool) and s >= 0
               for s in shape):
        raise ValueError(f"shape must hold non-negative integers, got {shape!r}")
    return tuple(int(s) for s in shape)


def _dtype(dtype):
    dtype = np.dtype("float64" if dtype is None else dtype)
    if dtype.kind != "f":
        raise ValueError(f"initializers make float arrays; got dtype={dtype.name}")
    return dtype


class Initializer:
    """Base class: ``init(shape, dtype=None)`` returns the starting array."""

    def __call__(self, shape, dtype=None, *, rng=None):
        raise NotImplementedError("Initializer subclasses must implement the `__call__()` method.")

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def clone(self):
        return self.__class__.from_config(self.get_config())

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


# ---------------------------------------------------------------------------
# Fixed values
# ---------------------------------------------------------------------------


class Constant(Initializer):
    """Every entry equal to ``value``.

    >>> Constant(0.5)((2,))
    array([0.5, 0.5])
    """

    def __init__(self, value=0.0):
        self.value = value

    def __call__(self, shape, dtype=None, *, rng=None):
        return np.full(_shape(shape), self.value, dtype=_dtype(dtype))

    def get_config(self):
        return {"value": self.value}


class Zeros(Initializer):
    """All zeros (Dense's default bias)."""

    def __call__(self, shape, dtype=None, *, rng=None):
        return np.zeros(_shape(shape), dtype=_dtype(dtype))


class Ones(Initializer):
    """All ones."""

    def __call__(self, shape, dtype=None, *, rng=None):
        return np.ones(_shape(shape), dtype=_dtype(dtype))


class Identity(Initializer):
    """``gain`` times the identity matrix (2-D shapes only)."""

    def __init__(self, gain=1.0):
        self.gain = gain

    def __call__(self, shape, dtype=None, *, rng=None):
        shape = _shape(shape)
        if len(shape) != 2:
            raise ValueError(
                "Identity matrix initializer can only be used for 2D matrices. "
                f"Received: shape={shape} of rank {len(shape)}."
            )
        return self.gain * np.eye(*shape, dtype=_dtype(dtype))

    def get_config(self):
        return {"gain": self.gain}


# ---------------------------------------------------------------------------
# Random values
# ---------------------------------------------------------------------------


class RandomInitializer(Initializer):
    """Base of the random initializers: holds ``seed`` and picks the random generator."""

    def __init__(self, seed=None):
        if seed is not None and (not isinstance(seed, numbers.Integral)
                                 or isinstance(seed, bool)):
            raise ValueError(f"`seed` argument should be an integer or None. Received: seed={seed}")
        self._init_seed = seed
        # an unseeded instance fixes its seed now, so it repeats itself like Keras's
        self.seed = int(np.random.default_rng().integers(2**31)) if seed is None else seed

    def _rng(self, rng):
        if self._init_seed is None and rng is not None:
            if not isinstance(rng, np.random.Generator):
                raise TypeError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
            return rng
        return np.random.default_rng(self.seed)

    def get_config(self):
        return {"seed": self._init_seed}


def _truncated_normal(rng, shape, mean, stddev):
    """Normal samples redrawn until each lies within two standard deviations of the mean."""
    z = rng.standard_normal(shape)
    outside = np.abs(z) > 2
    while np.any(outside):
        z[outside] = rng.standard_normal(int(outside.sum()))
        outside = np.abs(z) > 2
    return mean + stddev * z


class RandomNormal(RandomInitializer):
    """Normal samples N(mean, stddev²)."""

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        self.mean = mean
        self.stddev = stddev
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None, *, rng=None):
        values = self._rng(rng).normal(self.mean, self.stddev, _shape(shape))
        return values.astype(_dtype(dtype))

    def get_config(self):
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


class TruncatedNormal(RandomInitializer):
    """Normal samples N(mean, stddev²) cut at two standard deviations (redrawn beyond)."""

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        self.mean = mean
        self.stddev = stddev
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None, *, rng=None):
        values = _truncated_normal(self._rng(rng), _shape(shape), self.mean, self.stddev)
        return values.astype(_dtype(dtype))

    def get_config(self):
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


class RandomUniform(RandomInitializer):
    """Uniform samples in [minval, maxval)."""

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        self.minval = minval
        self.maxval = maxval
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None, *, rng=None):
        values = self._rng(rng).uniform(self.minval, self.maxval, _shape(shape))
        return values.astype(_dtype(dtype))

    def get_config(self):
        return {**super().get_config(), "minval": self.minval, "maxval": self.maxval}


def compute_fans(shape, input_axes=None, output_axes=None):
    """(fan_in, fan_out) as Keras counts them.

    A 2-D kernel (n_in, n_out) has fans (n_in, n_out); a vector (n,) has (n, n); for more
    axes (conv kernels) the leading axes multiply both. ``input_axes``/``output_axes``
    choose the axes explicitly.

    >>> compute_fans((784, 300)), compute_fans((3, 3, 16, 32))
    ((784, 300), (144, 288))
    """
    shape = tuple(shape)
    if input_axes is not None and output_axes is not None:
        return (int(math.prod(shape[a] for a in input_axes)),
                int(math.prod(shape[a] for a in output_axes)))
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive_field = math.prod(shape[:-2])
    return shape[-2] * receptive_field, shape[-1] * receptive_field


class VarianceScaling(RandomInitializer):
    """Samples with variance ``scale / n``, n = fan_in, fan_out or their mean (``mode``).

    ``distribution``: "truncated_normal" (also "normal"), "untruncated_normal" or "uniform"
    (limit = √(3·scale/n)).
    """

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None,
                 input_axes=None, output_axes=None):
        if scale <= 0.0:
            raise ValueError(f"Argument `scale` must be positive float. Received: scale={scale}")
        modes = ("fan_in", "fan_out", "fan_avg")
        if mode not in modes:
            raise ValueError(f"Invalid `mode` argument: {mode}. Please use one of {modes}")
        distribution = distribution.lower()
        if distribution == "normal":
            distribution = "truncated_normal"
        distributions = ("uniform", "truncated_normal", "untruncated_normal")
        if distribution not in distributions:
            raise ValueError(
                f"Invalid `distribution` argument: {distribution}. "
                f"Please use one of {distributions}"
            )
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
        self.input_axes = input_axes
        self.output_axes = output_axes
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None, *, rng=None):
        shape = _shape(shape)
        fan_in, fan_out = compute_fans(shape, self.input_axes, self.output_axes)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        variance = self.scale / max(1.0, n)
        rng = self._rng(rng)
        if self.distribution == "truncated_normal":
            values = _truncated_normal(rng, shape, 0.0, math.sqrt(variance) / _TRUNCATED_STD)
        elif self.distribution == "untruncated_normal":
            values = rng.normal(0.0, math.sqrt(variance), shape)
        else:
            limit = math.sqrt(3.0 * variance)
            values = rng.uniform(-limit, limit, shape)
        return values.astype(_dtype(dtype))

    def get_config(self):
        return {**super().get_config(), "scale": self.scale, "mode": self.mode,
                "distribution": self.distribution, "input_axes": self.input_axes,
                "output_axes": self.output_axes}


class _NamedVarianceScaling(VarianceScaling):
    """A VarianceScaling with fixed scale, mode and distribution (Glorot, He, LeCun)."""

    _settings = {}

    def __init__(self, seed=None, input_axes=None, output_axes=None):
        super().__init__(**self._settings, seed=seed, input_axes=input_axes,
                         output_axes=output_axes)

    def get_config(self):
        return {"seed": self._init_seed, "input_axes": self.input_axes,
                "output_axes": self.output_axes}


class GlorotUniform(_NamedVarianceScaling):
    """U(−limit, limit), limit = √(6 / (fan_in + fan_out)) — Glorot & Bengio (2010)."""

    _settings = dict(scale=1.0, mode="fan_avg", distribution="uniform")


class GlorotNormal(_NamedVarianceScaling):
    """Cut normal with variance 2 / (fan_in + fan_out) — Glorot & Bengio (2010)."""

    _settings = dict(scale=1.0, mode="fan_avg", distribution="truncated_normal")


class HeNormal(_NamedVarianceScaling):
    """Cut normal with variance 2 / fan_in, for ReLU layers — He et al. (2015)."""

    _settings = dict(scale=2.0, mode="fan_in", distribution="truncated_normal")


class HeUniform(_NamedVarianceScaling):
    """U(−limit, limit), limit = √(6 / fan_in) — He et al. (2015)."""

    _settings = dict(scale=2.0, mode="fan_in", distribution="uniform")


class LecunNormal(_NamedVarianceScaling):
    """Cut normal with variance 1 / fan_in — LeCun et al. (1998)."""

    _settings = dict(scale=1.0, mode="fan_in", distribution="truncated_normal")


class LecunUniform(_NamedVarianceScaling):
    """U(−limit, limit), limit = √(3 / fan_in) — LeCun et al. (1998)."""

    _settings = dict(scale=1.0, mode="fan_in", distribution="uniform")


class Orthogonal(RandomInitializer):
    """A random orthogonal matrix (rows or columns orthonormal) times ``gain``.

    Made from the QR decomposition of a normal sample, signs fixed so that it is uniform
    over orthogonal matrices. Shapes with more axes are flattened to (∏ leading, last).
    """

    def __init__(self, gain=1.0, seed=None):
        self.gain = gain
        super().__init__(seed=seed)

    def __call__(self, shape, dtype=None, *, rng=None):
        shape = _shape(shape)
        if len(shape) < 2:
            raise ValueError(
                "The tensor to initialize must be at least two-dimensional. "
                f"Received: shape={shape} of rank {len(shape)}."
            )
        rows, cols = math.prod(shape[:-1]), shape[-1]
        a = self._rng(rng).standard_normal((max(rows, cols), min(rows, cols)))
        q, r = np.linalg.qr(a)
        q = q * np.sign(np.diag(r))
        if rows < cols:
            q = q.T
        return (self.gain * q.reshape(shape)).astype(_dtype(dtype))

    def get_config(self):
        return {**super().get_config(), "gain": self.gain}


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


def _snake(name):
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


_CLASSES = [Initializer, Constant, Zeros, Ones, Identity, RandomNormal, RandomUniform,
            TruncatedNormal, VarianceScaling, GlorotUniform, GlorotNormal, HeNormal, HeUniform,
            LecunNormal, LecunUniform, Orthogonal]
_BY_NAME = {cls.__name__: cls for cls in _CLASSES}
_BY_NAME.update({_snake(cls.__name__): cls for cls in _CLASSES})
_BY_NAME.update({"IdentityInitializer": Identity, "OrthogonalInitializer": Orthogonal,
                 "normal": RandomNormal, "uniform": RandomUniform, "zero": Zeros, "one": Ones})
_KERAS_ONLY = ("STFT", "stft", "STFTInitializer")


def get(identifier):
    """An initializer from a Keras name ("he_normal", "HeNormal", "zeros", …), a config dict
    ``{"class_name": …, "config": {…}}``, a class, an instance or any callable.

    A NumPy array becomes an initializer returning that array (for its exact shape).
    Names are exact, as in Keras ("HE_NORMAL" is not a name); unknown ones raise ValueError.

    >>> get("he_normal"), get(None)
    (HeNormal(seed=None, input_axes=None, output_axes=None), None)
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        name, config = identifier.get("class_name"), identifier.get("config") or {}
        return _lookup(name).from_config(config)
    if isinstance(identifier, str):
        return _lookup(identifier)()
    if isinstance(identifier, (np.ndarray, np.generic)):
        return _from_array(np.asarray(identifier))
    if inspect.isclass(identifier) and callable(identifier):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError(f"Could not interpret initializer identifier: {identifier}")


def _lookup(name):
    if name in _KERAS_ONLY:
        raise ValueError(f"initializer {name!r} exists in Keras but not in lossbook")
    if not isinstance(name, str) or name not in _BY_NAME:
        raise ValueError(
            f"Could not interpret initializer identifier: {name}. "
            f"Known names: {sorted(_BY_NAME)}"
        )
    return _BY_NAME[name]


def _from_array(array):
    def initialize(shape, dtype=None, *, rng=None):
        if _shape(shape) != array.shape:
            raise ValueError(
                f"Expected `shape` to be {array.shape} for direct tensor as initializer. "
                f"Received shape={shape}"
            )
        return array.astype(_dtype(dtype))

    return initialize
