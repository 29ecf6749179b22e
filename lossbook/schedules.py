"""Learning-rate schedules: the learning rate as a function of the step.

The same classes, arguments and formulas as ``keras.optimizers.schedules`` (Keras 3),
also reachable as ``lossbook.optimizers.schedules``. A schedule is a callable object:
``schedule(step)`` returns the learning rate for ``step``. Passed as an optimizer's
``learning_rate``, it is called before every update with ``step = optimizer.iterations``,
the number of updates already done, as Keras does: the first update uses
``schedule(0)``.

    ExponentialDecay        lr₀ · rate^(step / decay_steps)
    PiecewiseConstantDecay  a constant rate between boundaries
    PolynomialDecay         from lr₀ to end_learning_rate along (1 − step/decay_steps)^power
    InverseTimeDecay        lr₀ / (1 + rate · step / decay_steps)
    CosineDecay             half a cosine from lr₀ down to α·lr₀ (with an optional warm-up)
    CosineDecayRestarts     cosine decay that restarts, each period t_mul times longer

``serialize``/``deserialize`` write and read the dictionary Keras writes
(``{"module": "keras.optimizers.schedules", "class_name": ..., "config": ...}``), so a
configuration moves between Keras and lossbook unchanged.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = [
    "LearningRateSchedule",
    "ExponentialDecay",
    "PiecewiseConstantDecay",
    "PolynomialDecay",
    "InverseTimeDecay",
    "CosineDecay",
    "CosineDecayRestarts",
    "is_schedule",
    "serialize",
    "deserialize",
]

_KERAS_MODULE = "keras.optimizers.schedules"


# -- argument checks --------------------------------------------------------


def _number(value, name, *, minimum=0.0, allow_equal=True):
    """Return ``value`` as a float after checking it is a finite number >= (or >) ``minimum``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    value = float(value)
    too_small = value < minimum if allow_equal else value <= minimum
    if not math.isfinite(value) or too_small:
        bound = f">= {minimum:g}" if allow_equal else f"> {minimum:g}"
        raise ValueError(f"{name} must be a finite number {bound}, got {value}")
    return value


def _flag(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__}")
    return bool(value)


def _name(value):
    if not isinstance(value, str):
        raise TypeError(f"name must be a string, got {type(value).__name__}")
    return value


def _step(step):
    """The step as a float: a whole count of updates is what optimizers pass."""
    if isinstance(step, np.ndarray) and step.ndim == 0:
        step = step[()]
    if isinstance(step, (bool, np.bool_)) or not isinstance(step, numbers.Real):
        raise TypeError(f"step must be a number (the update count), got {type(step).__name__}")
    step = float(step)
    if not math.isfinite(step) or step < 0:
        raise ValueError(f"step must be a finite number >= 0, got {step}")
    return step


# -- the base class ---------------------------------------------------------


class LearningRateSchedule:
    """Base class: a subclass writes ``__call__(step)`` (and ``get_config()`` to be saved).

    >>> class Halving(LearningRateSchedule):
    ...     def __call__(self, step):
    ...         return 0.1 * 0.5**step
    >>> Halving()(3)
    0.0125
    """

    def __call__(self, step):
        raise NotImplementedError(
            f"Learning rate schedule '{type(self).__name__}' must override `__call__(self, step)`."
        )

    def get_config(self):
        raise NotImplementedError(
            f"Learning rate schedule '{type(self).__name__}' must override `get_config()` "
            "in order to be serializable."
        )

    @classmethod
    def from_config(cls, config):
        """A new schedule from ``get_config()``'s dictionary."""
        return cls(**config)

    def __repr__(self):
        try:
            config = self.get_config()
        except NotImplementedError:
            return f"{type(self).__name__}()"
        args = ", ".join(f"{k}={v!r}" for k, v in config.items() if k != "name")
        return f"{type(self).__name__}({args})"


def is_schedule(obj):
    """True for a learning-rate schedule: lossbook's, or Keras's (recognised by its base
    class's name, so Keras's schedules work with lossbook's optimizers without importing
    Keras), which an optimizer calls with the step. Other callables take no arguments.

    >>> is_schedule(ExponentialDecay(0.1, 10, 0.5)), is_schedule(lambda: 0.1)
    (True, False)
    """
    return any(cls.__name__ == "LearningRateSchedule" for cls in type(obj).__mro__)


# -- the schedules ----------------------------------------------------------


class ExponentialDecay(LearningRateSchedule):
    """Multiply the rate by ``decay_rate`` every ``decay_steps`` steps::

        lr(step) = initial_learning_rate · decay_rate^(step / decay_steps)

    With ``staircase=True`` the exponent is rounded down to a whole number, so the
    rate drops in steps.

    >>> s = ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
    >>> s(0), s(10), round(s(5), 6)
    (0.1, 0.05, 0.070711)
    """

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False,
                 name="ExponentialDecay"):
        _number(initial_learning_rate, "initial_learning_rate")
        _number(decay_steps, "decay_steps", allow_equal=False)
        _number(decay_rate, "decay_rate")
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = _flag(staircase, "staircase")
        self.name = _name(name)

    def __call__(self, step):
        p = _step(step) / self.decay_steps
        if self.staircase:
            p = math.floor(p)
        return float(self.initial_learning_rate * self.decay_rate**p)

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


class PiecewiseConstantDecay(LearningRateSchedule):
    """A constant rate on each interval between ``boundaries`` (one more value than boundaries)::

        lr(step) = values[0]    if step ≤ boundaries[0]
                   values[i]    if boundaries[i−1] < step ≤ boundaries[i]
                   values[-1]   if step > boundaries[-1]

    >>> s = PiecewiseConstantDecay(boundaries=[100, 200], values=[1.0, 0.5, 0.1])
    >>> s(100), s(101), s(500)
    (1.0, 0.5, 0.1)
    """

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        boundaries, values = list(boundaries), list(values)
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "The length of boundaries should be 1 less than the length of values. "
                f"Received: boundaries={boundaries} of length {len(boundaries)}, "
                f"and values={values} of length {len(values)}."
            )
        for i, b in enumerate(boundaries):
            _number(b, f"boundaries[{i}]")
        if any(b >= c for b, c in zip(boundaries, boundaries[1:], strict=False)):
            raise ValueError(f"boundaries must increase, got {boundaries}")
        for i, v in enumerate(values):
            _number(v, f"values[{i}]")
        self.boundaries = boundaries
        self.values = values
        self.name = _name(name)

    def __call__(self, step):
        step = _step(step)
        for boundary, value in zip(self.boundaries, self.values, strict=False):  # values[-1] below
            if step <= boundary:
                return float(value)
        return float(self.values[-1])

    def get_config(self):
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}


class PolynomialDecay(LearningRateSchedule):
    """From ``initial_learning_rate`` to ``end_learning_rate`` in ``decay_steps`` steps::

        p = min(step, decay_steps) / decay_steps
        lr(step) = (initial_learning_rate − end_learning_rate) · (1 − p)^power + end_learning_rate

    ``power=1`` is a straight line. With ``cycle=True`` the decay starts again from a
    lower height instead of stopping: ``decay_steps`` is multiplied by
    ⌈step / decay_steps⌉ (by 1 at step 0) and ``p = step / that``.

    >>> s = PolynomialDecay(0.1, decay_steps=100, end_learning_rate=0.0)
    >>> s(0), s(50), s(100), s(1000)
    (0.1, 0.05, 0.0, 0.0)
    """

    def __init__(self, initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0,
                 cycle=False, name="PolynomialDecay"):
        _number(initial_learning_rate, "initial_learning_rate")
        _number(decay_steps, "decay_steps", allow_equal=False)
        _number(end_learning_rate, "end_learning_rate")
        _number(power, "power")
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = _flag(cycle, "cycle")
        self.name = _name(name)

    def __call__(self, step):
        step, decay_steps = _step(step), float(self.decay_steps)
        if self.cycle:
            decay_steps *= 1.0 if step == 0 else math.ceil(step / decay_steps)
        else:
            step = min(step, decay_steps)
        p = step / decay_steps
        start, end = self.initial_learning_rate, self.end_learning_rate
        return float((start - end) * (1 - p) ** self.power + end)

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "end_learning_rate": self.end_learning_rate,
            "power": self.power,
            "cycle": self.cycle,
            "name": self.name,
        }


class InverseTimeDecay(LearningRateSchedule):
    """Divide the rate by a factor growing linearly with the step::

        lr(step) = initial_learning_rate / (1 + decay_rate · step / decay_steps)

    With ``staircase=True``, ``step / decay_steps`` is rounded down.

    >>> s = InverseTimeDecay(0.1, decay_steps=10, decay_rate=1.0)
    >>> s(0), s(10), s(30)
    (0.1, 0.05, 0.025)
    """

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False,
                 name="InverseTimeDecay"):
        _number(initial_learning_rate, "initial_learning_rate")
        _number(decay_steps, "decay_steps", allow_equal=False)
        _number(decay_rate, "decay_rate")
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = _flag(staircase, "staircase")
        self.name = _name(name)

    def __call__(self, step):
        p = _step(step) / self.decay_steps
        if self.staircase:
            p = math.floor(p)
        return float(self.initial_learning_rate / (1 + self.decay_rate * p))

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


class CosineDecay(LearningRateSchedule):
    """Half a cosine from the start rate down to ``alpha`` times it, then constant.

    Loshchilov & Hutter 2017, "SGDR: Stochastic gradient descent with warm restarts"
    (ICLR). Without warm-up (``warmup_target=None``), with s = min(step, decay_steps)::

        lr(step) = initial_learning_rate · ((1 − α)·½(1 + cos(π·s / decay_steps)) + α)

    With ``warmup_target``, the rate first rises in a straight line from
    ``initial_learning_rate`` to ``warmup_target`` over ``warmup_steps`` steps, then
    decays as above from ``warmup_target`` (s counted from the end of the warm-up).
    With the default ``alpha=0`` the rate reaches exactly 0 at the end, and stays 0.

    >>> s = CosineDecay(0.1, decay_steps=100)
    >>> s(0), round(s(50), 12), s(100), s(150)
    (0.1, 0.05, 0.0, 0.0)
    >>> w = CosineDecay(0.0, decay_steps=100, warmup_target=0.1, warmup_steps=10)
    >>> w(0), w(5), w(10)
    (0.0, 0.05, 0.1)
    """

    def __init__(self, initial_learning_rate, decay_steps, alpha=0.0, name="CosineDecay",
                 warmup_target=None, warmup_steps=0):
        _number(initial_learning_rate, "initial_learning_rate")
        _number(decay_steps, "decay_steps", allow_equal=False)
        _number(alpha, "alpha")
        if warmup_target is not None:
            _number(warmup_target, "warmup_target")
        _number(warmup_steps, "warmup_steps")
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.name = _name(name)
        self.warmup_target = warmup_target
        self.warmup_steps = warmup_steps

    def _decay(self, step, start):
        """½(1 + cos(π·step/decay_steps)), squeezed into [α, 1], times the start rate."""
        cosine = 0.5 * (1.0 + math.cos(math.pi * step / self.decay_steps))
        return start * ((1 - self.alpha) * cosine + self.alpha)

    def __call__(self, step):
        step = _step(step)
        if self.warmup_target is None:
            return float(self._decay(min(step, self.decay_steps), self.initial_learning_rate))
        step = min(step, self.decay_steps + self.warmup_steps)
        if step < self.warmup_steps:  # straight line from the initial rate to the target
            rise = self.warmup_target - self.initial_learning_rate
            return float(rise * step / self.warmup_steps + self.initial_learning_rate)
        return float(self._decay(step - self.warmup_steps, self.warmup_target))

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "alpha": self.alpha,
            "name": self.name,
            "warmup_target": self.warmup_target,
            "warmup_steps": self.warmup_steps,
        }


class CosineDecayRestarts(LearningRateSchedule):
    """Cosine decay that starts again ("warm restarts"), Loshchilov & Hutter 2017 (SGDR).

    Period i (i = 0, 1, ...) lasts ``first_decay_steps · t_mulⁱ`` steps and starts from
    ``initial_learning_rate · m_mulⁱ``. With f the fraction of the current period done::

        lr(step) = initial_learning_rate · ((1 − α)·m_mulⁱ·½(1 + cos(π·f)) + α)

    (the period i and f come from step / first_decay_steps as in Keras, with a logarithm
    when ``t_mul != 1``).

    >>> s = CosineDecayRestarts(0.1, first_decay_steps=10, t_mul=1.0, m_mul=0.5)
    >>> s(0), round(s(5), 12), s(10)
    (0.1, 0.05, 0.05)
    """

    def __init__(self, initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0,
                 alpha=0.0, name="SGDRDecay"):
        _number(initial_learning_rate, "initial_learning_rate")
        _number(first_decay_steps, "first_decay_steps", allow_equal=False)
        _number(t_mul, "t_mul", allow_equal=False)
        _number(m_mul, "m_mul")
        _number(alpha, "alpha")
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self.t_mul = t_mul
        self.m_mul = m_mul
        self.alpha = alpha
        self.name = _name(name)

    def __call__(self, step):
        fraction = _step(step) / self.first_decay_steps  # periods of the first length done
        t_mul = float(self.t_mul)
        if t_mul == 1.0:  # all periods equally long
            i = math.floor(fraction)
            fraction -= i
        else:  # period lengths 1, t, t², ...: i restarts once Σ tᵏ (k < i) periods are done
            i = math.floor(math.log(1.0 - fraction * (1.0 - t_mul)) / math.log(t_mul))
            done = (1.0 - t_mul**i) / (1.0 - t_mul)
            fraction = (fraction - done) / t_mul**i
        cosine = 0.5 * self.m_mul**i * (1.0 + math.cos(math.pi * fraction))
        return float(self.initial_learning_rate * ((1 - self.alpha) * cosine + self.alpha))

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "first_decay_steps": self.first_decay_steps,
            "t_mul": self.t_mul,
            "m_mul": self.m_mul,
            "alpha": self.alpha,
            "name": self.name,
        }


# -- saving -----------------------------------------------------------------

_SCHEDULES = {
    cls.__name__: cls
    for cls in (ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay, InverseTimeDecay,
                CosineDecay, CosineDecayRestarts)
}


def serialize(learning_rate_schedule):
    """The dictionary Keras writes for a schedule (lossbook's own under Keras's module name).

    >>> serialize(ExponentialDecay(0.1, 10, 0.5))["class_name"]
    'ExponentialDecay'
    """
    if not is_schedule(learning_rate_schedule):
        raise TypeError(
            "serialize expects a LearningRateSchedule, "
            f"got {type(learning_rate_schedule).__name__}"
        )
    cls = type(learning_rate_schedule)
    builtin = _SCHEDULES.get(cls.__name__) is cls
    return {
        "module": _KERAS_MODULE if builtin else cls.__module__,
        "class_name": cls.__name__,
        "config": learning_rate_schedule.get_config(),
        "registered_name": None if builtin else cls.__name__,
    }


def deserialize(config, custom_objects=None):
    """A new schedule from ``serialize``'s (or Keras's) dictionary.

    Your own ``LearningRateSchedule`` subclasses are found through
    ``custom_objects={"ClassName": ClassName}``, as in Keras.
    """
    if not isinstance(config, dict) or "class_name" not in config or "config" not in config:
        raise ValueError(
            "deserialize expects a dictionary with 'class_name' and 'config' "
            f"(what serialize returns), got {config!r}"
        )
    name = config["class_name"]
    known = {**_SCHEDULES, **(custom_objects or {})}
    if name not in known:
        raise ValueError(
            f"unknown learning-rate schedule {name!r}; known: {', '.join(sorted(known))} "
            "(pass your own classes with custom_objects={'Name': Class})"
        )
    return known[name].from_config(dict(config["config"]))
