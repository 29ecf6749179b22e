"""Optimizers: how a gradient becomes a step.

Every optimizer here follows Keras 3's update rule exactly (same defaults, same
place for ``epsilon``, same Nesterov and Nadam formulas), so a reader can swap
``lossbook.optimizers.Adam()`` for ``keras.optimizers.Adam()`` and see the same
numbers. Like Keras's ``optimizer.apply(grads, variables)``, ``apply`` changes
the parameter arrays IN PLACE and keeps per-parameter state ("slots") such as
momentum or squared-gradient averages, created on the first call.

    SGD       plain gradient descent, Momentum and Nesterov momentum
    Adagrad   per-coordinate step sizes from the sum of squared gradients
    RMSprop   ... from a moving average of squared gradients
    Adam      momentum + RMSprop + bias correction
    Nadam     Adam with Nesterov momentum
    AdamW     Adam with decoupled weight decay

Every optimizer takes Keras 3's arguments in Keras 3's order, including the ones
all Keras optimizers share: ``weight_decay``, ``clipnorm``, ``clipvalue``,
``global_clipnorm`` and ``name``. ``learning_rate`` may be a number, a schedule
from ``lossbook.schedules`` (also ``lossbook.optimizers.schedules``) or a function
of no arguments, as in Keras. Keras's weight averaging (``use_ema``), loss scaling
and gradient accumulation are not implemented: their arguments exist (so that the
others sit in Keras's positions) and anything but their default is a TypeError.

``get("adam")`` resolves a Keras string identifier and ``minimize`` records the
path of an optimizer on a function, for the chapter's pictures.
"""

from __future__ import annotations

import math
import re
import sys

import numpy as np

from lossbook import schedules
from lossbook._checks import as_float_array, check_int, check_positive, check_same_shape, lookup
from lossbook.schedules import is_schedule

# ``from lossbook.optimizers.schedules import CosineDecay`` works as in Keras.
sys.modules[f"{__name__}.schedules"] = schedules

__all__ = [
    "Optimizer", "SGD", "Adagrad", "RMSprop", "Adam", "Nadam", "AdamW",
    "schedules", "get", "serialize", "deserialize", "minimize",
]


def _check_fraction(value, name):
    """Return ``value`` as a float after checking 0 <= value < 1."""
    value = check_positive(value, name, allow_zero=True)
    if value >= 1:
        raise ValueError(f"{name} must be in [0, 1), got {value}")
    return value


def _check_flag(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__}")
    return bool(value)


def _check_learning_rate(value, name="learning_rate"):
    """Return a learning rate as a float after checking it is a finite number >= 0.

    Like Keras's ValueError for a learning rate that is neither a float, a schedule
    nor a callable; 0 is allowed (a schedule may legitimately reach it).
    """
    is_number = not isinstance(value, (str, bytes, bool, np.bool_)) and np.ndim(value) == 0
    try:
        rate = float(value) if is_number else None
    except (TypeError, ValueError):
        rate = None
    if rate is None:
        raise ValueError(
            f"{name} must be a number, a LearningRateSchedule or a callable of no arguments, "
            f"got {value!r}"
        )
    if not math.isfinite(rate) or rate < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {rate}")
    return rate


def _check_optional_positive(value, name):
    """``None`` (off) or a finite number > 0 (Keras silently treats 0 and negatives as off)."""
    return None if value is None else check_positive(value, name)


def _as_list(arrays, name):
    if isinstance(arrays, np.ndarray):
        return [arrays]
    if isinstance(arrays, (list, tuple)):
        return list(arrays)
    raise TypeError(
        f"{name} must be a NumPy array or a list of NumPy arrays, got {type(arrays).__name__}"
    )


def _snake_case(class_name):
    """Keras's default optimizer name: ``RMSprop`` -> ``rm_sprop``, ``AdamW`` -> ``adam_w``."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def _clip_norm(g, clipnorm):
    """``g`` scaled down to length ``clipnorm`` if it is longer: g·c / max(‖g‖, c), as Keras."""
    return g * clipnorm / max(float(np.linalg.norm(g)), clipnorm)


# Keras arguments that lossbook keeps at their defaults (see the module docstring).
_NOT_IMPLEMENTED = {
    "use_ema": False,
    "ema_momentum": 0.99,
    "ema_overwrite_frequency": None,
    "loss_scale_factor": None,
    "gradient_accumulation_steps": None,
}


class Optimizer:
    """Base class: validation, lazy slot creation, the step counter, and what Keras's
    base optimizer does around every update (gradient clipping and weight decay).

    A subclass lists the state it keeps per parameter in ``_slot_names`` and
    writes one step for one parameter in ``_update(g, w, slots, lr)`` (gradient,
    parameter, state, learning rate): the update rule of its docstring, line by
    line, changing ``w`` and the slots in place (``m += ...``, ``w -= ...``).

    Around that update, one step of ``apply`` does what Keras does:

    1. clip the gradients (at most one of ``clipnorm``: each variable's gradient to
       length ≤ clipnorm; ``global_clipnorm``: all of them together; ``clipvalue``:
       every entry into [−clipvalue, clipvalue]);
    2. decoupled weight decay, before the update: w ← w − lr·weight_decay·w;
    3. the optimizer's own update with the clipped gradients;
    4. ``iterations += 1``. A schedule's rate for this step is ``schedule(iterations)``
       read before the increment (the first step uses ``schedule(0)``).

    >>> w = np.array([0.0, 0.0])
    >>> SGD(learning_rate=1.0, clipnorm=1.0).apply([np.array([3.0, 4.0])], [w])
    >>> w                   # the gradient (3, 4) has length 5: clipped to length 1 first
    array([-0.6, -0.8])
    """

    _slot_names: tuple[str, ...] = ()
    _config: dict = {}  # a subclass's own arguments, for get_config and repr

    def __init__(self, learning_rate, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None):
        given = {
            "use_ema": use_ema, "ema_momentum": ema_momentum,
            "ema_overwrite_frequency": ema_overwrite_frequency,
            "loss_scale_factor": loss_scale_factor,
            "gradient_accumulation_steps": gradient_accumulation_steps,
        }
        for arg, default in _NOT_IMPLEMENTED.items():
            if given[arg] is not default and given[arg] != default:
                raise TypeError(
                    f"{arg}={given[arg]!r} is not supported by lossbook (Keras's weight "
                    "averaging, loss scaling and gradient accumulation are not implemented); "
                    f"leave {arg} at its default {default!r}"
                )
        self.iterations = 0
        self.learning_rate = learning_rate  # checked by the property below
        self.weight_decay = None if weight_decay is None else check_positive(
            weight_decay, "weight_decay", allow_zero=True
        )
        self.clipnorm = _check_optional_positive(clipnorm, "clipnorm")
        self.clipvalue = _check_optional_positive(clipvalue, "clipvalue")
        self.global_clipnorm = _check_optional_positive(global_clipnorm, "global_clipnorm")
        if sum(c is not None for c in (clipnorm, clipvalue, global_clipnorm)) > 1:
            raise ValueError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
                f"Received: clipnorm={clipnorm}, clipvalue={clipvalue}, "
                f"global_clipnorm={global_clipnorm}"
            )
        if name is not None and not isinstance(name, str):
            raise TypeError(f"name must be a string, got {type(name).__name__}")
        self.name = _snake_case(type(self).__name__) if name is None else name
        self._base_config = {  # the arguments all optimizers share, as given
            "weight_decay": weight_decay, "clipnorm": clipnorm,
            "global_clipnorm": global_clipnorm, "clipvalue": clipvalue,
        }
        self._slots = None  # one dict of arrays per parameter, built on the first apply
        self._signature = None  # ((shape, dtype), ...) of the parameters

    # -- the learning rate ---------------------------------------------------

    @property
    def learning_rate(self):
        """The learning rate of the next step, as a float.

        Setting it works as in Keras: a number replaces a number (checked: finite,
        >= 0); a schedule or a callable replaces whatever was there. An optimizer
        built with a schedule or a callable refuses a number (TypeError), because the
        schedule would silently overrule it.

        >>> opt = SGD(learning_rate=0.1)
        >>> opt.learning_rate = 0.05
        >>> opt.learning_rate
        0.05
        """
        return self._current_learning_rate()

    @learning_rate.setter
    def learning_rate(self, value):
        if callable(value):  # a schedule, or a function of no arguments
            self._learning_rate = value
            return
        if callable(getattr(self, "_learning_rate", None)):
            kind = ("a `LearningRateSchedule` object"
                    if is_schedule(self._learning_rate) else "a callable")
            raise TypeError(
                f"This optimizer was created with {kind} as its `learning_rate` constructor "
                "argument, hence its learning rate is not settable. If you need the learning "
                "rate to be settable, you should instantiate the optimizer with a float "
                "`learning_rate` argument."
            )
        self._learning_rate = _check_learning_rate(value)

    def _current_learning_rate(self):
        lr = self._learning_rate
        if not callable(lr):  # a number
            return lr
        if is_schedule(lr):
            lr = lr(self.iterations)  # as Keras: the updates done so far (0 on the first)
        else:
            lr = lr()  # as Keras: a plain callable takes no arguments
        return _check_learning_rate(lr, f"learning_rate at iteration {self.iterations}")

    # -- public API ----------------------------------------------------------

    def apply(self, grads, params, *, variable_sizes=None):
        """Take one step: update every array of ``params`` in place from ``grads``.

        ``grads`` and ``params`` are lists of NumPy arrays (or one array each)
        with matching shapes. Pass the same parameter list on every call; the
        optimizer's state is kept by position in that list.

        ``variable_sizes`` (lossbook only, keyword-only): when ``params`` is ONE flat
        array holding several variables one after the other (as ``lossbook.model``
        keeps its weights), their sizes in order, so that ``clipnorm`` clips each
        variable's gradient on its own as Keras does. Nothing else uses it.
        """
        params = _as_list(params, "params")
        grads = _as_list(grads, "grads")
        if len(grads) != len(params):
            raise ValueError(
                f"got {len(grads)} gradients for {len(params)} parameters; need one per parameter"
            )
        if not params:
            raise ValueError("params is empty; need at least one parameter array")
        for i, p in enumerate(params):
            if not isinstance(p, np.ndarray) or p.dtype.kind != "f":
                kind = type(p).__name__ if not isinstance(p, np.ndarray) else f"{p.dtype} array"
                raise TypeError(
                    f"params[{i}] must be a floating-point NumPy array (updated in place), "
                    f"got {kind}"
                )
            if not p.flags.writeable:
                raise ValueError(f"params[{i}] is read-only; it cannot be updated in place")
        pairs = enumerate(zip(grads, params, strict=True))
        grads = [_check_gradient(g, p, i) for i, (g, p) in pairs]
        self.apply_unchecked(grads, params, variable_sizes=variable_sizes)

    def apply_unchecked(self, grads, params, *, variable_sizes=None):
        """``apply`` without its input checks (lossbook only), for a training loop whose
        gradients are lists of finite arrays shaped like ``params``, of their dtype, as
        ``Sequential.fit`` computes them. Checking them costs a pass over every
        gradient each step; ``apply`` is the one to call with gradients of your own."""
        self._build_or_check(params)
        lr = self._current_learning_rate()
        if self.clipnorm or self.global_clipnorm or self.clipvalue:
            grads = self._clip_gradients(grads, variable_sizes)
        if self.weight_decay is not None:
            self._apply_weight_decay(params, lr)
        self._before_step()
        for g, p, slots in zip(grads, params, self._slots, strict=True):
            self._update(g, p, slots, lr)
        self.iterations += 1

    def apply_gradients(self, grads_and_vars):
        """Keras-style spelling: ``apply_gradients([(g1, p1), (g2, p2), ...])``.

        Returns ``iterations`` afterwards, as Keras does."""
        pairs = list(grads_and_vars)
        self.apply([g for g, _ in pairs], [p for _, p in pairs])
        return self.iterations

    @property
    def slots(self):
        """Per-parameter state, e.g. ``[{"momentum": array}, ...]`` (empty before a step)."""
        if self._slots is None:
            return []
        return [{k: v for k, v in s.items() if not k.startswith("_")} for s in self._slots]

    def get_config(self):
        """The constructor arguments, with Keras's keys in Keras's order.

        A schedule is written as ``schedules.serialize`` writes it (Keras's dictionary);
        a plain callable learning rate is kept as the callable itself.
        """
        lr = self._learning_rate
        if is_schedule(lr):
            lr = schedules.serialize(lr)
        return {
            "name": self.name,
            "learning_rate": lr,
            **self._base_config,
            **_NOT_IMPLEMENTED,
            **self._config,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """A new optimizer (without state) from ``get_config()`` or Keras's config."""
        config = dict(config)
        if isinstance(config.get("learning_rate"), dict):
            config["learning_rate"] = schedules.deserialize(
                config["learning_rate"], custom_objects=custom_objects
            )
        return cls(**config)

    def __repr__(self):
        """The optimizer's own arguments, then the shared ones that differ from the default."""
        shared = {k: v for k, v in self._base_config.items() if v is not None}
        if self.name != _snake_case(type(self).__name__):
            shared["name"] = self.name
        args = {"learning_rate": self._learning_rate, **self._config, **shared}
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in args.items())})"

    # -- what Keras's base optimizer does around every update ------------------

    def _clip_gradients(self, grads, variable_sizes=None):
        """Keras's three ways to limit the gradients (at most one is set); new arrays."""
        if self.clipnorm:  # each variable's gradient to length ≤ clipnorm
            if variable_sizes is not None:  # one flat array holding several variables
                return [self._clip_each_variable(grads, variable_sizes)]
            return [_clip_norm(g, self.clipnorm) for g in grads]
        if self.global_clipnorm:  # all gradients together, as one long vector
            norm = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
            scale = self.global_clipnorm / max(norm, self.global_clipnorm)
            return [g * scale for g in grads]
        c = self.clipvalue  # every entry into [−c, c]
        return [np.clip(g, -c, c) for g in grads]

    def _clip_each_variable(self, grads, variable_sizes):
        """``clipnorm`` on a flat gradient: split at the variables' sizes, clip each, join."""
        sizes = [check_int(s, "variable_sizes entries", minimum=1) for s in variable_sizes]
        if len(grads) != 1 or grads[0].ndim != 1 or sum(sizes) != grads[0].size:
            shapes = [g.shape for g in grads]
            raise ValueError(
                f"variable_sizes {sizes} (total {sum(sizes)}) must describe ONE flat "
                f"parameter array of that total size; got arrays of shapes {shapes}"
            )
        pieces = np.split(grads[0], np.cumsum(sizes)[:-1])
        return np.concatenate([_clip_norm(piece, self.clipnorm) for piece in pieces])

    def _apply_weight_decay(self, params, lr):
        """Decoupled weight decay (Loshchilov & Hutter), before the update as in Keras."""
        for w in params:
            w -= w * self.weight_decay * lr  # w ← w − λ·lr·w

    # -- helpers for subclasses ------------------------------------------------

    def _build_or_check(self, params):
        signature = tuple((p.shape, p.dtype) for p in params)
        if self._signature is None:
            self._signature = signature
            self._slots = [self._make_slots(p) for p in params]
            return
        if signature == self._signature:
            return
        if len(signature) != len(self._signature):
            raise ValueError(
                f"{type(self).__name__} was built for {len(self._signature)} parameters but got "
                f"{len(signature)}; pass the same parameter list on every step "
                "(or use a new optimizer)"
            )
        for i, (new, old) in enumerate(zip(signature, self._signature, strict=True)):
            if new != old:
                raise ValueError(
                    f"params[{i}] changed from shape {old[0]} ({old[1]}) to {new[0]} ({new[1]}) "
                    "since the first step; pass the same parameter list on every step "
                    "(or use a new optimizer)"
                )

    def _make_slots(self, p):
        return {name: np.zeros_like(p) for name in self._slot_names}

    def _before_step(self):
        """Hook run once per step before the parameters are updated (Nadam uses it)."""

    def _update(self, g, w, slots, lr):  # pragma: no cover - abstract
        raise NotImplementedError


def _check_gradient(g, p, i):
    """Return gradient ``g`` for parameter ``p`` in p's dtype, checked for shape and finiteness."""
    name = f"grads[{i}]"
    if isinstance(g, np.ndarray) and g.dtype.kind == "f" and g.size:
        # Fast path for the training loop: g·g is NaN or inf if any entry is, in one
        # read-only pass; it can also overflow from large finite entries, so only then
        # check entry by entry (as_float_array finds and reports the bad value).
        if not math.isfinite(np.vdot(g, g)) and not np.isfinite(g).all():
            as_float_array(g, name)
    else:
        g = as_float_array(g, name)
    check_same_shape(g, p, name, f"params[{i}]")
    return g.astype(p.dtype, copy=False)


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with (Nesterov) momentum.

    Plain (``momentum=0``)::

        w ← w − lr·g

    Momentum (Polyak's heavy ball), velocity ``v`` starting at 0::

        v ← momentum·v − lr·g
        w ← w + v

    Nesterov momentum, in the form Keras uses (Sutskever et al. 2013, "On the
    importance of initialization and momentum in deep learning", rewritten to
    look ahead with the *new* velocity)::

        v ← momentum·v − lr·g
        w ← w + momentum·v − lr·g

    >>> w = np.array([1.0, -2.0])
    >>> SGD(learning_rate=0.1).apply([2 * w], [w])   # gradient of |w|²
    >>> w
    array([ 0.8, -1.6])
    """

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False,
                 # the arguments every Keras optimizer shares (see Optimizer):
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None):
        super().__init__(learning_rate, weight_decay, clipnorm, clipvalue, global_clipnorm,
                         use_ema, ema_momentum, ema_overwrite_frequency, loss_scale_factor,
                         gradient_accumulation_steps, name)
        self.momentum = _check_fraction(momentum, "momentum")
        self.nesterov = _check_flag(nesterov, "nesterov")
        self._slot_names = ("momentum",) if self.momentum > 0 else ()
        self._config = {
            "momentum": momentum, "nesterov": nesterov,
        }

    def _update(self, g, w, slots, lr):
        if self.momentum == 0:
            w -= lr * g  # w ← w − lr·g
            return
        v = slots["momentum"]
        v *= self.momentum
        v -= lr * g  # v ← momentum·v − lr·g
        if self.nesterov:
            w += self.momentum * v - lr * g  # w ← w + momentum·v − lr·g
        else:
            w += v  # w ← w + v


class Adagrad(Optimizer):
    """Adagrad: each coordinate's step shrinks with its summed squared gradients.

    Duchi, Hazan & Singer 2011, "Adaptive subgradient methods for online
    learning and stochastic optimization" (JMLR 12). Accumulator ``G`` starts at
    ``initial_accumulator_value``; as in Keras, ``epsilon`` sits inside the root::

        G ← G + g²
        w ← w − lr·g / √(G + ε)

    >>> w = np.array([1.0])
    >>> Adagrad(learning_rate=0.1, initial_accumulator_value=0.0).apply([np.array([3.0])], [w])
    >>> w.round(6)          # first step: lr·g/√(g² + ε) ≈ lr·sign(g)
    array([0.9])
    """

    _slot_names = ("accumulator",)

    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7,
                 # the arguments every Keras optimizer shares (see Optimizer):
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None):
        super().__init__(learning_rate, weight_decay, clipnorm, clipvalue, global_clipnorm,
                         use_ema, ema_momentum, ema_overwrite_frequency, loss_scale_factor,
                         gradient_accumulation_steps, name)
        self.initial_accumulator_value = check_positive(
            initial_accumulator_value, "initial_accumulator_value", allow_zero=True
        )
        self.epsilon = check_positive(epsilon, "epsilon")
        self._config = {
            "initial_accumulator_value": initial_accumulator_value,
            "epsilon": epsilon,
        }

    def _make_slots(self, p):
        slots = super()._make_slots(p)
        slots["accumulator"].fill(self.initial_accumulator_value)
        return slots

    def _update(self, g, w, slots, lr):
        G = slots["accumulator"]
        G += g * g  # G ← G + g²
        w -= lr * g / np.sqrt(G + self.epsilon)  # w ← w − lr·g / √(G + ε)


class RMSprop(Optimizer):
    """RMSprop: divide the step by a moving root-mean-square of recent gradients.

    Tieleman & Hinton 2012, Coursera "Neural Networks for Machine Learning",
    lecture 6.5. Averages start at 0; ``epsilon`` sits inside the root::

        s ← ρ·s + (1 − ρ)·g²
        Δ = lr·g / √(s + ε)                 (centered: √(s − ḡ² + ε),
                                             with ḡ ← ρ·ḡ + (1 − ρ)·g)
        w ← w − Δ                           (momentum: m ← momentum·m + Δ; w ← w − m)

    >>> w = np.array([1.0])
    >>> RMSprop(learning_rate=0.01).apply([np.array([2.0])], [w])
    >>> w.round(6)          # first step: lr·g/√(0.1·g²) = lr·√10
    array([0.968377])
    """

    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False,
                 # the arguments every Keras optimizer shares (see Optimizer):
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None):
        super().__init__(learning_rate, weight_decay, clipnorm, clipvalue, global_clipnorm,
                         use_ema, ema_momentum, ema_overwrite_frequency, loss_scale_factor,
                         gradient_accumulation_steps, name)
        self.rho = _check_fraction(rho, "rho")
        self.momentum = _check_fraction(momentum, "momentum")
        self.epsilon = check_positive(epsilon, "epsilon")
        self.centered = _check_flag(centered, "centered")
        self._slot_names = (
            ("velocity",)
            + (("momentum",) if self.momentum > 0 else ())
            + (("average_gradient",) if self.centered else ())
        )
        self._config = {
            "rho": rho, "momentum": momentum,
            "epsilon": epsilon, "centered": centered,
        }

    def _update(self, g, w, slots, lr):
        rho, s = self.rho, slots["velocity"]
        s *= rho
        s += (1 - rho) * g * g  # s ← ρ·s + (1 − ρ)·g²
        if self.centered:
            g_avg = slots["average_gradient"]
            g_avg *= rho
            g_avg += (1 - rho) * g  # ḡ ← ρ·ḡ + (1 − ρ)·g
            step = lr * g / np.sqrt(s - g_avg * g_avg + self.epsilon)  # Δ = lr·g / √(s − ḡ² + ε)
        else:
            step = lr * g / np.sqrt(s + self.epsilon)  # Δ = lr·g / √(s + ε)
        if self.momentum > 0:
            m = slots["momentum"]
            m *= self.momentum
            m += step  # m ← momentum·m + Δ
            w -= m  # w ← w − m
        else:
            w -= step  # w ← w − Δ


class Adam(Optimizer):
    """Adam: momentum on the gradient, RMSprop on its square, with bias correction.

    Kingma & Ba 2015, "Adam: A method for stochastic optimization" (ICLR).
    Moments start at 0; at step t = 1, 2, ... Keras folds the bias correction
    into the learning rate and adds ``epsilon`` outside the root::

        m ← m + (1 − β₁)·(g − m)
        v ← v + (1 − β₂)·(g² − v)           (amsgrad: v̂ ← max(v̂, v), used instead of v)
        α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
        w ← w − α·m / (√v + ε)

    ``_update`` writes each formula as NumPy steps into two scratch arrays of w's size,
    made once with the slots: ``np.subtract(g, m, out=scratch)`` puts g − m into
    ``scratch``, ``scratch *= 1 − β₁`` scales it in place, ``m += scratch`` adds it to m.
    Written as one expression, ``m += (1 − β₁)·(g − m)`` would make a new array for g − m
    in every step, and so would g², α·m and √v: for chapter 7's network, four new arrays
    of 316,810 numbers a step. Computing into arrays that already exist makes its
    training step about 7 % faster, with the same numbers to the last bit.

    >>> w = np.array([1.0])
    >>> Adam(learning_rate=0.1).apply([np.array([5.0])], [w])
    >>> w.round(6)          # the first step is ≈ lr·sign(g), whatever |g| is
    array([0.9])
    """

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 amsgrad=False,
                 # the arguments every Keras optimizer shares (see Optimizer):
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None):
        super().__init__(learning_rate, weight_decay, clipnorm, clipvalue, global_clipnorm,
                         use_ema, ema_momentum, ema_overwrite_frequency, loss_scale_factor,
                         gradient_accumulation_steps, name)
        self.beta_1 = _check_fraction(beta_1, "beta_1")
        self.beta_2 = _check_fraction(beta_2, "beta_2")
        self.epsilon = check_positive(epsilon, "epsilon")
        self.amsgrad = _check_flag(amsgrad, "amsgrad")
        self._slot_names = ("momentum", "velocity") + (("velocity_hat",) if self.amsgrad else ())
        self._slot_names += ("_scratch", "_scratch2")  # see the class docstring
        self._config = {
            "beta_1": beta_1, "beta_2": beta_2,
            "epsilon": epsilon, "amsgrad": amsgrad,
        }

    def _before_step(self):
        t = self.iterations + 1
        self._correction = math.sqrt(1 - self.beta_2**t) / (1 - self.beta_1**t)

    def _update(self, g, w, slots, lr):
        m, v = slots["momentum"], slots["velocity"]
        scratch, scratch2 = slots["_scratch"], slots["_scratch2"]  # see the class docstring
        # m ← m + (1 − β₁)·(g − m)
        np.subtract(g, m, out=scratch)
        scratch *= 1 - self.beta_1
        m += scratch
        # v ← v + (1 − β₂)·(g² − v)
        np.multiply(g, g, out=scratch)
        scratch -= v
        scratch *= 1 - self.beta_2
        v += scratch
        if self.amsgrad:  # v̂ ← max(v̂, v), used in place of v
            v = np.maximum(slots["velocity_hat"], v, out=slots["velocity_hat"])
        # w ← w − α·m / (√v + ε), with α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
        alpha = lr * self._correction
        np.multiply(m, alpha, out=scratch2)
        np.sqrt(v, out=scratch)
        scratch += self.epsilon
        scratch2 /= scratch
        w -= scratch2


class Nadam(Optimizer):
    """Nadam: Adam whose momentum looks one step ahead (Nesterov).

    Dozat 2016, "Incorporating Nesterov momentum into Adam" (ICLR workshop).
    Keras warms the momentum up with the schedule μₜ = β₁·(1 − ½·0.96ᵗ) and
    keeps the running product Πₜ = μ₁·μ₂·…·μₜ::

        m ← m + (1 − β₁)·(g − m)
        v ← v + (1 − β₂)·(g² − v)
        m̂ = μₜ₊₁·m / (1 − Πₜ₊₁) + (1 − μₜ)·g / (1 − Πₜ)
        v̂ = v / (1 − β₂ᵗ)
        w ← w − lr·m̂ / (√v̂ + ε)

    >>> w = np.array([1.0])
    >>> Nadam(learning_rate=0.1).apply([np.array([5.0])], [w])
    >>> w.round(6)          # first step: (1 + 0.1·μ₂/(1 − μ₁μ₂))·lr ≈ 1.063·lr
    array([0.893721])
    """

    _slot_names = ("momentum", "velocity")

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 # the arguments every Keras optimizer shares (see Optimizer):
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
                 loss_scale_factor=None, gradient_accumulation_steps=None, name=None):
        super().__init__(learning_rate, weight_decay, clipnorm, clipvalue, global_clipnorm,
                         use_ema, ema_momentum, ema_overwrite_frequency, loss_scale_factor,
                         gradient_accumulation_steps, name)
        self.beta_1 = _check_fraction(beta_1, "beta_1")
        self.beta_2 = _check_fraction(beta_2, "beta_2")
        self.epsilon = check_positive(epsilon, "epsilon")
        self._u_product = 1.0  # Πₜ, the product of the momentum schedule so far
        self._config = {
            "beta_1": beta_1, "beta_2": beta_2,
            "epsilon": epsilon,
        }

    def _mu(self, t):
        return self.beta_1 * (1.0 - 0.5 * 0.96**t)

    def _before_step(self):
        t = self.iterations + 1
        self._u_product *= self._mu(t)
        u_t, u_next = self._mu(t), self._mu(t + 1)
        self._coef_m = u_next / (1 - self._u_product * u_next)
        self._coef_g = (1 - u_t) / (1 - self._u_product)
        self._v_correction = 1 - self.beta_2**t

    def _update(self, g, w, slots, lr):
        m, v = slots["momentum"], slots["velocity"]
        m += (1 - self.beta_1) * (g - m)  # m ← m + (1 − β₁)·(g − m)
        v += (1 - self.beta_2) * (g * g - v)  # v ← v + (1 − β₂)·(g² − v)
        m_hat = self._coef_m * m + self._coef_g * g  # m̂ = μₜ₊₁·m/(1 − Πₜ₊₁) + (1 − μₜ)·g/(1 − Πₜ)
        v_hat = v / self._v_correction  # v̂ = v / (1 − β₂ᵗ)
        w -= lr * m_hat / (np.sqrt(v_hat) + self.epsilon)  # w ← w − lr·m̂ / (√v̂ + ε)


class AdamW(Adam):
    """AdamW: Adam plus decoupled weight decay, which shrinks the weights directly.

    Loshchilov & Hutter 2019, "Decoupled weight decay regularization" (ICLR). An L2
    penalty added to the loss would pass through Adam's per-coordinate scaling;
    AdamW instead pulls every weight towards 0 by the fraction lr·λ of itself,
    before Adam's step (as Keras does), and Adam's step sees only the loss's gradient::

        w ← w − lr·λ·w                      (λ = weight_decay, 0.004 by default)
        w ← w − α·m / (√v + ε)              (Adam's step, see ``Adam``)

    The same as ``Adam(weight_decay=λ)``: Keras's AdamW differs from Adam only in the
    default and position of ``weight_decay``.

    >>> w = np.array([1.0])
    >>> AdamW(learning_rate=0.1, weight_decay=0.5).apply([np.array([0.0])], [w])
    >>> w                   # zero gradient: only the decay, 1 − 0.1·0.5
    array([0.95])
    """

    def __init__(self, learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999,
                 epsilon=1e-7, amsgrad=False, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None):
        if weight_decay is None:
            raise ValueError("Argument `weight_decay` must be a float. Received: weight_decay=None")
        super().__init__(learning_rate, beta_1, beta_2, epsilon, amsgrad, weight_decay,
                         clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
                         ema_overwrite_frequency, loss_scale_factor,
                         gradient_accumulation_steps, name)


_OPTIMIZERS = {
    "sgd": SGD,
    "adagrad": Adagrad,
    "rmsprop": RMSprop,
    "adam": Adam,
    "adamw": AdamW,
    "nadam": Nadam,
}


def get(identifier):
    """Resolve a Keras optimizer name or class name to a NEW optimizer with default settings.

    As in Keras, the case does not matter ("adam", "Adam"), a dictionary from
    ``serialize`` (or Keras's) is rebuilt, and an ``Optimizer`` instance passes
    through unchanged.

    >>> get("adam")
    Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False)
    >>> get("AdamW")
    AdamW(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False, \
weight_decay=0.004)
    """
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if not isinstance(identifier, str):
        raise TypeError(
            "optimizer identifier must be a string, a config dictionary or an Optimizer, "
            f"got {type(identifier).__name__}"
        )
    return lookup(identifier, _OPTIMIZERS, "optimizer")()


def serialize(optimizer):
    """The dictionary Keras writes for an optimizer: module, class name and ``get_config()``.

    >>> serialize(SGD())["class_name"]
    'SGD'
    """
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"serialize expects an Optimizer, got {type(optimizer).__name__}")
    return {
        "module": "keras.optimizers",
        "class_name": type(optimizer).__name__,
        "config": optimizer.get_config(),
        "registered_name": None,
    }


def deserialize(config, custom_objects=None):
    """A new optimizer from ``serialize``'s (or Keras's) dictionary."""
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(
            "deserialize expects a dictionary with 'class_name' and 'config' "
            f"(what serialize returns), got {config!r}"
        )
    cls = lookup(config["class_name"], _OPTIMIZERS, "optimizer")
    return cls.from_config(config.get("config", {}), custom_objects=custom_objects)


def minimize(optimizer, grad_fn, init, steps):
    """Run ``steps`` optimizer steps from ``init`` and return the whole path.

    ``grad_fn(x)`` returns the gradient at ``x`` (same shape as ``x``). The
    result has shape ``(steps + 1, *init.shape)``: row 0 is the start, row k the
    point after k steps. ``optimizer`` is a name (a fresh default optimizer)
    or an instance, whose state carries on from any earlier use.

    >>> path = minimize(SGD(learning_rate=0.25), lambda x: 2 * x, [4.0, -2.0], steps=2)
    >>> path        # x ← x − 0.25·2x halves x each step
    array([[ 4. , -2. ],
           [ 2. , -1. ],
           [ 1. , -0.5]])
    """
    optimizer = get(optimizer)
    if not callable(grad_fn):
        raise TypeError(f"grad_fn must be callable, got {type(grad_fn).__name__}")
    steps = check_int(steps, "steps")
    x = np.array(as_float_array(init, "init"), dtype=np.float64)
    path = np.empty((int(steps) + 1, *x.shape))
    path[0] = x
    for k in range(1, int(steps) + 1):
        g = grad_fn(x.copy())
        try:
            optimizer.apply([g], [x])
        except ValueError as exc:
            raise ValueError(f"step {k} of minimize: {exc}") from None
        path[k] = x
    return path
