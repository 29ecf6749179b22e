"""Callbacks: code that ``fit`` calls at fixed moments of training, as in Keras 3.

``fit`` calls, in this order::

    on_train_begin()
    for each epoch:   on_epoch_begin(epoch)
        for each batch:   on_train_batch_begin(batch) … on_train_batch_end(batch, logs)
        (validation:  on_test_begin() … on_test_end(logs))
        on_epoch_end(epoch, logs)     logs = {"loss": …, "accuracy": …, "val_loss": …}
        stop if a callback set model.stop_training = True
    on_train_end(logs)

``fit`` builds the list as Keras does: ``CallbackList(callbacks, add_history=True,
add_progbar=verbose != 0, verbose=verbose, epochs=epochs, steps=batches_per_epoch,
model=model)``, sets ``model.stop_training = False``, and returns ``model.history``.

A callback reaches the model through ``self.model`` and uses only ``stop_training``,
``optimizer.learning_rate``, ``get_weights()``/``set_weights()``, ``save_weights()``,
``history`` and, for ``mode="auto"``, the names of ``model.metrics``. The built-in ones
below follow Keras 3.15 decision for decision: the same logs give the same stopping
epoch, learning rates, files and restored weights.

>>> class Model:
...     stop_training = False
>>> stopper = EarlyStopping(monitor="loss", patience=2)
>>> stopper.set_model(Model())
>>> stopper.on_train_begin()
>>> for epoch, loss in enumerate([0.9, 0.5, 0.6, 0.55, 0.4]):
...     stopper.on_epoch_end(epoch, {"loss": loss})
...     if stopper.model.stop_training:
...         break
>>> epoch, stopper.best      # best 0.5 at epoch 1; epochs 2 and 3 did not beat it
(3, 0.5)
"""

from __future__ import annotations

import csv
import math
import operator
import os
import warnings

import numpy as np

__all__ = [
    "Callback",
    "CallbackList",
    "History",
    "ProgbarLogger",
    "EarlyStopping",
    "ModelCheckpoint",
    "LearningRateScheduler",
    "ReduceLROnPlateau",
    "LambdaCallback",
    "TerminateOnNaN",
    "CSVLogger",
]


class Callback:
    """Base class: override the ``on_…`` methods you need; each does nothing by default.

    ``self.model`` is the model being trained, ``self.params`` a dict such as
    ``{"verbose": 1, "epochs": 10, "steps": 4}`` (both set by ``fit``).
    """

    def __init__(self):
        self.params = None
        self._model = None

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self._model = model

    @property
    def model(self):
        return self._model

    def on_batch_begin(self, batch, logs=None):
        """Older name of ``on_train_batch_begin`` (Keras still calls it from there)."""

    def on_batch_end(self, batch, logs=None):
        """Older name of ``on_train_batch_end`` (Keras still calls it from there)."""

    def on_epoch_begin(self, epoch, logs=None):
        """Start of epoch ``epoch`` (counted from 0)."""

    def on_epoch_end(self, epoch, logs=None):
        """End of epoch ``epoch``; ``logs`` holds its training and ``val_`` results."""

    def on_train_batch_begin(self, batch, logs=None):
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch, logs=None):
        """End of a training batch; ``logs`` holds the running results of this epoch."""
        self.on_batch_end(batch, logs=logs)

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass


_HOOKS = tuple(name for name in vars(Callback) if name.startswith("on_"))


def _plain_logs(logs):
    """Logs as Keras hands them to callbacks: a new dict, keys sorted, nested dicts
    flattened, numbers as Python floats."""
    result = {}
    for key, value in sorted((logs or {}).items()):
        if isinstance(value, dict):
            result.update(_plain_logs(value))
            continue
        try:
            value = float(value)
        except (TypeError, ValueError):
            pass
        result[key] = value
    return result


def _flatten(callbacks):
    if isinstance(callbacks, (list, tuple)):
        return [c for item in callbacks for c in _flatten(item)]
    return [callbacks]


class CallbackList(Callback):
    """Several callbacks called as one: ``cbs.on_epoch_end(epoch, logs)`` calls each in turn.

    ``add_history`` appends a ``History`` (and sets ``model.history`` to it),
    ``add_progbar`` a ``ProgbarLogger``, unless the list already has one; ``**params``
    are given to every callback with ``set_params``.
    """

    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None,
                 **params):
        self.callbacks = _flatten(callbacks) if callbacks else []
        for c in self.callbacks:
            if not isinstance(c, Callback):
                raise TypeError(
                    f"callbacks must be Callback instances, got {type(c).__name__}: {c!r}"
                )
        self._history = next((c for c in self.callbacks if isinstance(c, History)), None)
        self._progbar = next((c for c in self.callbacks if isinstance(c, ProgbarLogger)), None)
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if self._progbar is None and add_progbar:
            self._progbar = ProgbarLogger()
            self.callbacks.append(self._progbar)
        self.params = None
        self._model = None
        self.set_model(model)
        self.set_params(params)

    def set_params(self, params):
        self.params = params
        if params:
            for c in self.callbacks:
                c.set_params(params)

    def set_model(self, model):
        if model is None:
            return
        self._model = model
        if self._history:
            model.history = self._history
        for c in self.callbacks:
            c.set_model(model)

    def _call(self, hook, *args, **kwargs):
        for c in self.callbacks:
            getattr(c, hook)(*args, **kwargs)

    # Keras passes ``logs`` positionally to the epoch/train/test/predict hooks and as
    # ``logs=`` to the batch hooks; a LambdaCallback's functions see the same.
    def on_epoch_begin(self, epoch, logs=None):
        self._call("on_epoch_begin", epoch, _plain_logs(logs))

    def on_epoch_end(self, epoch, logs=None):
        self._call("on_epoch_end", epoch, _plain_logs(logs))

    def on_batch_begin(self, batch, logs=None):
        self._call("on_batch_begin", batch, logs=_plain_logs(logs))

    def on_batch_end(self, batch, logs=None):
        self._call("on_batch_end", batch, logs=_plain_logs(logs))

    def on_train_batch_begin(self, batch, logs=None):
        self._call("on_train_batch_begin", batch, logs=_plain_logs(logs))

    def on_train_batch_end(self, batch, logs=None):
        self._call("on_train_batch_end", batch, logs=_plain_logs(logs))

    def on_test_batch_begin(self, batch, logs=None):
        self._call("on_test_batch_begin", batch, logs=_plain_logs(logs))

    def on_test_batch_end(self, batch, logs=None):
        self._call("on_test_batch_end", batch, logs=_plain_logs(logs))

    def on_predict_batch_begin(self, batch, logs=None):
        self._call("on_predict_batch_begin", batch, logs=_plain_logs(logs))

    def on_predict_batch_end(self, batch, logs=None):
        self._call("on_predict_batch_end", batch, logs=_plain_logs(logs))

    def on_train_begin(self, logs=None):
        self._call("on_train_begin", _plain_logs(logs))

    def on_train_end(self, logs=None):
        self._call("on_train_end", _plain_logs(logs))

    def on_test_begin(self, logs=None):
        self._call("on_test_begin", _plain_logs(logs))

    def on_test_end(self, logs=None):
        self._call("on_test_end", _plain_logs(logs))

    def on_predict_begin(self, logs=None):
        self._call("on_predict_begin", _plain_logs(logs))

    def on_predict_end(self, logs=None):
        self._call("on_predict_end", _plain_logs(logs))


class History(Callback):
    """Records every epoch's logs: ``history.history["loss"]`` is the list of epoch losses.

    ``fit`` adds one to every run and returns it (it is also ``model.history``).
    """

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = []

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)
        self.model.history = self

    def __repr__(self):
        return f"History(epochs={len(self.epoch)}, keys={list(self.history)})"


class ProgbarLogger(Callback):
    """Prints ``Epoch 2/5`` and, at the end of each epoch, one line with its logs.

    Keras draws a live bar with timings; lossbook prints the final line only (the same
    numbers, no times, so that notebook outputs stay the same from run to run).
    """

    def __init__(self):
        super().__init__()
        self.verbose = 1
        self.epochs = 1
        self.target = None
        self._in_fit = False

    def set_params(self, params):
        verbose = params["verbose"]
        self.verbose = 1 if verbose == "auto" else verbose
        self.epochs = params["epochs"]
        self.target = params["steps"]

    def on_train_begin(self, logs=None):
        self._in_fit = True

    def on_epoch_begin(self, epoch, logs=None):
        if self.verbose and self.epochs > 1:
            print(f"Epoch {epoch + 1}/{self.epochs}")

    def on_epoch_end(self, epoch, logs=None):
        self._print_line(logs)

    def on_test_end(self, logs=None):
        if not self._in_fit:
            self._print_line(logs)

    def _print_line(self, logs):
        if not self.verbose:
            return
        line = f"{self.target}/{self.target}" if self.target else ""
        for key, value in (logs or {}).items():
            if isinstance(value, float):
                value = f"{value:.4f}" if abs(value) > 1e-3 else f"{value:.4e}"
            line += f" - {key}: {value}"
        print(line)


# ---------------------------------------------------------------------------
# Watching one quantity: EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
# ---------------------------------------------------------------------------

# Which way is better for Keras's built-in metrics (their ``_direction``), by class name.
_METRIC_DIRECTION = {
    **dict.fromkeys(
        ["Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy",
         "TopKCategoricalAccuracy", "SparseTopKCategoricalAccuracy", "AUC", "Precision",
         "Recall", "R2Score"], "up"),
    **dict.fromkeys(
        ["MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError",
         "MeanSquaredLogarithmicError", "RootMeanSquaredError", "BinaryCrossentropy",
         "CategoricalCrossentropy", "SparseCategoricalCrossentropy"], "down"),
}


def _metric_direction(model, name):
    """"up" or "down" for the model's metric called ``name`` (None if unknown).

    A metric's own ``_direction`` wins (as in Keras), else its class name is looked up.
    """
    direction = None
    for m in _flatten(list(getattr(model, "metrics", None) or [])):
        for inner in _flatten(list(getattr(m, "metrics", None) or [m])):
            if getattr(inner, "name", None) == name:
                found = getattr(inner, "_direction", None)
                direction = found or _METRIC_DIRECTION.get(type(inner).__name__, direction)
    return direction


class MonitorCallback(Callback):
    """Base of the callbacks that watch one logged quantity (``monitor``).

    ``mode="min"``/``"max"`` says which way is better; ``"auto"`` decides from the name as
    Keras does: ``loss``/``val_loss`` are minimised; a metric of the model goes the way that
    metric says (accuracy up, errors down); anything else is a ValueError asking for
    ``mode``. A value counts as an improvement only if it beats the best by more than
    ``min_delta``.
    """

    def __init__(self, monitor="val_loss", mode="auto", baseline=None, min_delta=0):
        super().__init__()
        if mode not in ("auto", "min", "max"):
            warnings.warn(
                f"{type(self).__name__} mode '{mode}' is unknown, fallback to auto mode.",
                stacklevel=2,
            )
            mode = "auto"
        self.monitor = monitor
        self.mode = mode
        self.best = baseline
        self.min_delta = abs(min_delta)
        self.monitor_op = None

    def _set_monitor_op(self):
        if self.mode == "min":
            self.monitor_op = operator.lt
        elif self.mode == "max":
            self.monitor_op = operator.gt
        else:
            name = self.monitor.removeprefix("val_")
            if name == "loss":
                self.monitor_op = operator.lt
            direction = _metric_direction(self.model, name)
            if direction is not None:
                self.monitor_op = operator.gt if direction == "up" else operator.lt
            if self.monitor_op is None:
                raise ValueError(
                    f"{type(self).__name__} callback received monitor={self.monitor}, but "
                    "cannot tell whether that metric should be maximized or minimized. "
                    "Pass mode='max' to keep the highest value or mode='min' for the lowest."
                )
        if self.monitor_op is operator.lt:
            self.min_delta *= -1

    def _is_improvement(self, monitor_value, reference_value):
        """current − min_delta beats reference (min_delta is negative when minimising)."""
        if reference_value is None:
            return True
        return bool(self.monitor_op(monitor_value - self.min_delta, reference_value))


class EarlyStopping(MonitorCallback):
    """Stop training when ``monitor`` has not improved for ``patience`` epochs.

    - ``min_delta``: smaller changes do not count as improvement.
    - ``baseline``: the wait is only reset by values that also beat the baseline.
    - ``restore_best_weights``: at the end of training put back the weights of the best
      epoch (whether or not training stopped early).
    - ``start_from_epoch``: epochs before this one are not watched (warm-up).

    >>> class Model:
    ...     stop_training = False
    >>> stopper = EarlyStopping(monitor="val_accuracy", mode="max", min_delta=0.01)
    >>> stopper.set_model(Model())
    >>> stopper.on_train_begin()
    >>> stopper.on_epoch_end(0, {"val_accuracy": 0.80})
    >>> stopper.on_epoch_end(1, {"val_accuracy": 0.805})   # +0.005 < min_delta: no progress
    >>> stopper.model.stop_training, stopper.best
    (True, 0.8)
    """

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto",
                 baseline=None, restore_best_weights=False, start_from_epoch=0):
        super().__init__(monitor, mode, min_delta=min_delta)
        self.patience = patience
        self.verbose = verbose
        self.baseline = baseline
        self.wait = 0
        self.stopped_epoch = 0
        self.restore_best_weights = restore_best_weights
        self.best_weights = None
        self.start_from_epoch = start_from_epoch

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        current = self.get_monitor_value(logs)
        if current is None or epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()  # first watched epoch
            self.best_epoch = epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(
                    "Restoring model weights from the end of the best epoch: "
                    f"{self.best_epoch + 1}."
                )
            self.model.set_weights(self.best_weights)

    def get_monitor_value(self, logs):
        logs = logs or {}
        value = logs.get(self.monitor)
        if value is None:
            warnings.warn(
                f"Early stopping conditioned on metric `{self.monitor}` which is not "
                f"available. Available metrics are: {','.join(logs)}",
                stacklevel=2,
            )
        return value


class ModelCheckpoint(MonitorCallback):
    """Save the model's weights during training (``save_weights_only=True``, ``.weights.h5``).

    ``filepath`` may hold ``{epoch}`` (counted from 1) and any log key, e.g.
    ``"ckpt/{epoch:02d}-{val_loss:.2f}.weights.h5"``. ``save_best_only`` saves only when
    ``monitor`` improves (``initial_value_threshold`` is the value to beat first);
    ``save_freq`` is ``"epoch"`` or a number of batches.

    lossbook writes weights only: a ``.keras`` or ``.h5`` full-model file (Keras's default,
    ``save_weights_only=False``) is refused with a ValueError.
    """

    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False,
                 save_weights_only=False, mode="auto", save_freq="epoch",
                 initial_value_threshold=None):
        super().__init__(monitor, mode, initial_value_threshold)
        self.verbose = verbose
        self.filepath = os.fspath(filepath)
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        self._batches_seen_since_last_saving = 0
        self._last_batch_seen = None
        self._current_epoch = 0
        if save_freq != "epoch" and not isinstance(save_freq, int):
            raise ValueError(
                f"Unrecognized save_freq: {save_freq}. "
                "Expected save_freq are 'epoch' or integer values"
            )
        if not save_weights_only:
            raise ValueError(
                "lossbook's ModelCheckpoint saves weights only: pass save_weights_only=True "
                "and a filepath ending in `.weights.h5` (whole-model `.keras`/`.h5` files "
                f"are Keras's own format). Received: filepath={self.filepath}"
            )
        if not self.filepath.endswith(".weights.h5"):
            raise ValueError(
                "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath "
                "provided must end in `.weights.h5` (Keras weights format). "
                f"Received: filepath={self.filepath}"
            )

    def on_train_batch_end(self, batch, logs=None):
        if self._should_save_on_batch(batch):
            self._save_model(self._current_epoch, batch, logs)

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        if self.save_freq == "epoch":
            self._save_model(epoch, None, logs)

    def _should_save_on_batch(self, batch):
        if self.save_freq == "epoch":
            return False
        if self._last_batch_seen is None or batch <= self._last_batch_seen:
            add = batch + 1  # a new epoch started
        else:
            add = batch - self._last_batch_seen
        self._batches_seen_since_last_saving += add
        self._last_batch_seen = batch
        if self._batches_seen_since_last_saving >= self.save_freq:
            self._batches_seen_since_last_saving = 0
            return True
        return False

    def _should_save_model(self, epoch, logs, filepath):
        logs = logs or {}
        if not self.save_best_only:
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1}: saving model to {filepath}")
            return True
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(
                f"Can save best model only with {self.monitor} available.", stacklevel=3
            )
            return True
        if np.ndim(current) > 0:
            warnings.warn(
                f"Can save best model only when `monitor` is a scalar value. Received: "
                f"{current}. Falling back to `save_best_only=False`.", stacklevel=3
            )
            return True
        best = "None" if self.best is None else f"{self.best:.5f}"
        if self._is_improvement(current, self.best):
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1}: {self.monitor} improved from {best} to "
                      f"{current:.5f}, saving model to {filepath}")
            self.best = current
            return True
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {best}")
        return False

    def _save_model(self, epoch, batch, logs):
        filepath = self._get_file_path(epoch, batch, logs)
        if not self._should_save_model(epoch, logs, filepath):
            return
        dirname = os.path.dirname(filepath)
        if dirname:
            os.makedirs(dirname, exist_ok=True)
        if os.path.isdir(filepath):
            raise OSError(
                "Please specify a non-directory filepath for ModelCheckpoint. "
                f"Filepath used is an existing directory: {filepath}"
            )
        self.model.save_weights(filepath)
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: finished saving model to {filepath}")

    def _get_file_path(self, epoch, batch, logs):
        logs = logs or {}
        try:
            if batch is None or "batch" in logs:
                return self.filepath.format(epoch=epoch + 1, **logs)
            return self.filepath.format(epoch=epoch + 1, batch=batch + 1, **logs)
        except KeyError as e:
            raise KeyError(
                f'Failed to format this callback filepath: "{self.filepath}". Reason: {e}'
            ) from None


# ---------------------------------------------------------------------------
# Changing the learning rate
# ---------------------------------------------------------------------------


class LearningRateScheduler(Callback):
    """Set the learning rate at the start of each epoch to ``schedule(epoch, lr)``.

    ``schedule`` gets the epoch (from 0) and the current rate (or only the epoch, if it
    takes one argument) and must return a float. The rate used is logged as
    ``logs["learning_rate"]``.

    >>> halve = LearningRateScheduler(lambda epoch, lr: lr * 0.5)
    >>> halve.schedule(0, 0.1)
    0.05
    """

    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose

    def on_epoch_begin(self, epoch, logs=None):
        optimizer = self.model.optimizer
        if not hasattr(optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "learning_rate" attribute.')
        try:
            lr = self.schedule(epoch, float(optimizer.learning_rate))
        except TypeError:  # a schedule of the epoch alone
            lr = self.schedule(epoch)
        if not isinstance(lr, (float, np.float32, np.float64)):
            raise ValueError(
                f"The output of the `schedule` function should be a float. Got: {lr}"
            )
        optimizer.learning_rate = lr
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {lr}.")

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}  # as Keras: an empty logs dict is not written to
        logs["learning_rate"] = float(self.model.optimizer.learning_rate)


class ReduceLROnPlateau(MonitorCallback):
    """Multiply the learning rate by ``factor`` when ``monitor`` stops improving.

    After ``patience`` epochs without an improvement larger than ``min_delta`` the rate
    becomes ``max(lr·factor, min_lr)``; then ``cooldown`` epochs pass before the count
    starts again. The current rate is logged as ``logs["learning_rate"]``.

    Keras also takes (and ignores) any other keyword; lossbook raises TypeError for them.
    """

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto",
                 min_delta=1e-4, cooldown=0, min_lr=0.0):
        super().__init__(monitor, mode, min_delta=min_delta)
        if factor >= 1.0:
            raise ValueError(
                f"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={factor}"
            )
        self.factor = factor
        self.min_lr = min_lr
        self.patience = patience
        self.verbose = verbose
        self.cooldown = cooldown
        self.cooldown_counter = 0
        self.wait = 0

    def _reset(self):
        self.best = None
        self.cooldown_counter = 0
        self.wait = 0

    def on_train_begin(self, logs=None):
        self._reset()

    def in_cooldown(self):
        return self.cooldown_counter > 0

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        logs = logs or {}
        optimizer = self.model.optimizer
        logs["learning_rate"] = float(optimizer.learning_rate)
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(
                f"Learning rate reduction is conditioned on metric `{self.monitor}` which is "
                f"not available. Available metrics are: {','.join(logs)}.",
                stacklevel=2,
            )
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self._is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif not self.in_cooldown():
            self.wait += 1
            if self.wait >= self.patience and self._reduce(optimizer, epoch):
                self.cooldown_counter = self.cooldown
                self.wait = 0

    def _reduce(self, optimizer, epoch):
        old_lr = float(optimizer.learning_rate)
        if not old_lr > np.float32(self.min_lr):  # Keras compares in float32 here
            return False
        new_lr = max(old_lr * self.factor, self.min_lr)
        optimizer.learning_rate = new_lr
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {new_lr}.")
        return True


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


class LambdaCallback(Callback):
    """A callback made of plain functions, e.g.
    ``LambdaCallback(on_epoch_end=lambda epoch, logs: print(epoch, logs["loss"]))``.

    ``on_epoch_*`` functions take ``(epoch, logs)``, ``on_train_batch_*`` ``(batch, logs)``,
    ``on_train_*`` ``(logs)``. Other hooks (``on_test_end=…``) can be given by keyword;
    a keyword that names no hook is a TypeError (Keras would silently keep it).
    """

    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_train_begin=None,
                 on_train_end=None, on_train_batch_begin=None, on_train_batch_end=None,
                 **kwargs):
        super().__init__()
        unknown = [k for k in kwargs if k not in _HOOKS]
        if unknown:
            raise TypeError(
                f"LambdaCallback got unexpected keyword argument(s) {unknown}; "
                f"the hooks are {list(_HOOKS)}"
            )
        given = {
            "on_epoch_begin": on_epoch_begin, "on_epoch_end": on_epoch_end,
            "on_train_begin": on_train_begin, "on_train_end": on_train_end,
            "on_train_batch_begin": on_train_batch_begin,
            "on_train_batch_end": on_train_batch_end, **kwargs,
        }
        for hook, fn in given.items():
            if fn is not None:
                setattr(self, hook, fn)


class TerminateOnNaN(Callback):
    """Stop training as soon as a batch's loss is NaN or infinite.

    ``raise_error=True`` raises RuntimeError instead of stopping quietly.
    """

    def __init__(self, raise_error=False):
        super().__init__()
        self.raise_error = raise_error

    def on_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and (math.isnan(loss) or math.isinf(loss)):
            if self.raise_error:
                raise RuntimeError(
                    f"NaN or Inf loss encountered at batch {batch}. Loss value: {loss}. "
                    "Terminating training immediately."
                )
            print(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True


class CSVLogger(Callback):
    """Write each epoch's logs as a row of a CSV file (``epoch`` first, keys sorted).

    ``append=True`` adds to an existing file instead of overwriting it; ``separator`` is the
    column separator. If there is no validation, ``val_`` columns are still written (``NA``),
    as Keras does.
    """

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.sep = separator
        self.filename = os.fspath(filename)
        self.append = append
        self.writer = None
        self.keys = None
        self.append_header = True
        self.csv_file = None

    def on_train_begin(self, logs=None):
        if self.append:
            if os.path.exists(self.filename):
                with open(self.filename) as f:
                    self.append_header = not f.readline()
            mode = "a"
        else:
            mode = "w"
        if self.csv_file and not self.csv_file.closed:
            self.csv_file.close()
        self.csv_file = open(self.filename, mode)  # noqa: SIM115 (closed in on_train_end)
        self.writer = None
        self.keys = None

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.keys is None:
            self.keys = sorted(logs)
            if self.keys and not any(k.startswith("val_") for k in self.keys):
                self.keys += [f"val_{k}" for k in self.keys]
        if not self.writer:
            class Dialect(csv.excel):
                delimiter = self.sep

            self.writer = csv.DictWriter(
                self.csv_file, fieldnames=["epoch", *self.keys], dialect=Dialect
            )
            if self.append_header:
                self.writer.writeheader()
        row = {"epoch": epoch}
        row.update((k, _csv_value(logs.get(k, "NA"))) for k in self.keys)
        self.writer.writerow(row)
        self.csv_file.flush()

    def on_train_end(self, logs=None):
        if self.csv_file and not self.csv_file.closed:
            self.csv_file.close()
        self.writer = None


def _csv_value(value):
    """A list-like log value is written as "[a, b, c]", as Keras does."""
    if isinstance(value, str) or (isinstance(value, np.ndarray) and value.ndim == 0):
        return value
    if isinstance(value, (list, tuple, np.ndarray)):
        return f'"[{", ".join(map(str, value))}]"'
    return value
