"""lossbook.callbacks against Keras 3's own callbacks, decision for decision.

Both libraries' callbacks are driven by the same fit-like loop over the same logs on a
small stand-in model (``FakeModel``: stop_training, optimizer.learning_rate,
get_weights/set_weights, save_weights), and everything they decide is compared: the epoch
training stops at, the restored weights, the learning rates, the saved files, History,
the CSV file byte for byte. One test also replays a real ``keras.Model.fit``.
"""

import inspect
import itertools
import math

import numpy as np
import pytest

from lossbook import callbacks as lc

keras_only = pytest.mark.keras


class FakeOptimizer:
    def __init__(self, learning_rate):
        self.learning_rate = learning_rate


class FakeModel:
    """The part of a model callbacks may use. Its weights are [epoch + 0.5, …] after each
    epoch, so restored weights say which epoch they come from."""

    def __init__(self, learning_rate=0.1):
        self.stop_training = False
        self.optimizer = FakeOptimizer(learning_rate)
        self.weights = [np.zeros((2, 2)), np.zeros(2)]
        self.saved = []  # (filepath, weights) for every save_weights call
        self.history = None

    def get_weights(self):
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        self.weights = [np.array(w) for w in weights]

    def save_weights(self, filepath, overwrite=True):
        self.saved.append((str(filepath), self.get_weights()))


def run_fit(module, callbacks, epoch_logs, batch_logs=None, model=None, steps=2):
    """A fit loop as Keras 3's JAX trainer runs it, with given logs instead of training.

    Returns (model, history, lr at each epoch end, epochs run).
    """
    model = model or FakeModel()
    cbs = module.CallbackList(callbacks, add_history=True, add_progbar=False, model=model,
                              verbose=0, epochs=len(epoch_logs), steps=steps)
    model.stop_training = False
    cbs.on_train_begin()
    lrs, training_logs, ran = [], {}, 0
    for epoch, logs in enumerate(epoch_logs):
        cbs.on_epoch_begin(epoch)
        for batch in range(steps):
            cbs.on_train_batch_begin(batch)
            model.weights = [w * 0 + epoch + 0.5 + batch for w in model.weights]
            step = (batch_logs or {}).get((epoch, batch), {"loss": logs.get("loss", 0.0)})
            cbs.on_train_batch_end(batch, dict(step))
            if model.stop_training:
                break
        epoch_logs_copy = dict(logs)
        cbs.on_epoch_end(epoch, epoch_logs_copy)
        lrs.append(float(model.optimizer.learning_rate))
        training_logs = epoch_logs_copy
        ran += 1
        if model.stop_training:
            break
    cbs.on_train_end(logs=training_logs)
    return model, model.history, lrs, ran


def assert_same_run(a, b):
    (ma, ha, lra, na), (mb, hb, lrb, nb) = a, b
    assert na == nb, f"epochs run: lossbook {na}, Keras {nb}"
    assert lra == lrb
    assert ha.history == hb.history
    assert ha.epoch == hb.epoch
    for wa, wb in zip(ma.get_weights(), mb.get_weights(), strict=True):
        np.testing.assert_array_equal(wa, wb)
    assert [p for p, _ in ma.saved] == [p for p, _ in mb.saved]
    for (_, wa), (_, wb) in zip(ma.saved, mb.saved, strict=True):
        for x, y in zip(wa, wb, strict=True):
            np.testing.assert_array_equal(x, y)


def log_sequences(seed, n_seq=6, n_epochs=9, key="val_loss"):
    """Random epoch logs on a grid of 1/8 (exact in float32 too), so ties happen."""
    rng = np.random.default_rng(seed)
    for _ in range(n_seq):
        vals = rng.integers(0, 6, size=n_epochs) / 8
        yield [{"loss": float(v) + 1, key: float(v)} for v in vals]


# ---------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------

NAMES = ["Callback", "CallbackList", "History", "ProgbarLogger", "EarlyStopping",
         "ModelCheckpoint", "LearningRateScheduler", "ReduceLROnPlateau", "LambdaCallback",
         "TerminateOnNaN", "CSVLogger"]


def params(obj):
    return [(p.name, p.kind, p.default) for p in inspect.signature(obj).parameters.values()]


@keras_only
@pytest.mark.parametrize("name", NAMES)
def test_signature_matches_keras(keras, name):
    mine, theirs = params(getattr(lc, name)), params(getattr(keras.callbacks, name))
    if name == "ReduceLROnPlateau":  # Keras ignores any **kwargs; lossbook refuses them
        assert theirs[-1][1] is inspect.Parameter.VAR_KEYWORD
        theirs = theirs[:-1]
    assert mine == theirs


@keras_only
def test_hook_signatures_match_keras(keras):
    for hook in lc._HOOKS:
        assert params(getattr(lc.Callback, hook)) == params(getattr(keras.callbacks.Callback, hook))
    theirs = {n for n in dir(keras.callbacks.Callback) if n.startswith("on_")}
    assert set(lc._HOOKS) == theirs


def test_reduce_lr_refuses_unknown_keyword():
    with pytest.raises(TypeError, match="epsilon"):
        lc.ReduceLROnPlateau(epsilon=1e-3)


def test_lambda_callback_refuses_unknown_keyword():
    with pytest.raises(TypeError, match="on_epoch_ends"):
        lc.LambdaCallback(on_epoch_ends=print)


def test_callback_list_refuses_non_callbacks():
    with pytest.raises(TypeError, match="Callback instances"):
        lc.CallbackList([print])


# ---------------------------------------------------------------------------
# EarlyStopping
# ---------------------------------------------------------------------------

EARLY_CONFIGS = [
    dict(),
    dict(patience=2),
    dict(patience=3, min_delta=0.125),
    dict(patience=2, restore_best_weights=True),
    dict(patience=1, restore_best_weights=True, start_from_epoch=3),
    dict(patience=2, baseline=0.25),
    dict(patience=2, baseline=0.25, restore_best_weights=True),
    dict(patience=2, mode="max", restore_best_weights=True),
    dict(patience=0, min_delta=-0.125, mode="min"),
    dict(monitor="loss", patience=2, restore_best_weights=True),
    dict(monitor="val_accuracy", mode="max", patience=1, restore_best_weights=True),
    dict(monitor="val_loss", patience=4, start_from_epoch=2, baseline=0.5),
]


@keras_only
@pytest.mark.parametrize("config", EARLY_CONFIGS, ids=str)
def test_early_stopping_same_decisions_as_keras(keras, config):
    key = "val_accuracy" if config.get("monitor") == "val_accuracy" else "val_loss"
    stopped_early = 0
    for logs in log_sequences(len(str(config)), key=key):
        mine = run_fit(lc, [lc.EarlyStopping(**config)], logs)
        theirs = run_fit(keras.callbacks, [keras.callbacks.EarlyStopping(**config)], logs)
        assert_same_run(mine, theirs)
        stopped_early += mine[3] < len(logs)
    assert stopped_early > 0, "no sequence made training stop: the test would not see it"


@keras_only
def test_early_stopping_reused_across_fits_and_missing_monitor(keras):
    logs = [{"loss": 1.0, "val_loss": v} for v in (0.5, 0.25, 0.5, 0.5, 0.5, 0.125)]
    mine_cb = lc.EarlyStopping(patience=1, restore_best_weights=True)
    their_cb = keras.callbacks.EarlyStopping(patience=1, restore_best_weights=True)
    for _ in range(2):
        assert_same_run(run_fit(lc, [mine_cb], logs),
                        run_fit(keras.callbacks, [their_cb], logs))
    no_val = [{"loss": 1.0}] * 3
    with pytest.warns(UserWarning, match="val_loss"):
        mine = run_fit(lc, [lc.EarlyStopping()], no_val)
    with pytest.warns(UserWarning, match="val_loss"):
        theirs = run_fit(keras.callbacks, [keras.callbacks.EarlyStopping()], no_val)
    assert_same_run(mine, theirs)


@keras_only
def test_early_stopping_auto_mode_for_unknown_metric_raises_like_keras(keras):
    logs = [{"loss": 1.0, "val_f1": 0.5}]
    with pytest.raises(ValueError, match="mode='max'"):
        run_fit(lc, [lc.EarlyStopping(monitor="val_f1")], logs)
    with pytest.raises(ValueError, match="mode='max'"):
        run_fit(keras.callbacks, [keras.callbacks.EarlyStopping(monitor="val_f1")], logs)


def test_unknown_mode_warns_and_falls_back_to_auto():
    with pytest.warns(UserWarning, match="unknown"):
        cb = lc.EarlyStopping(mode="maximum")
    assert cb.mode == "auto"


@keras_only
def test_metric_direction_table_agrees_with_keras(keras):
    for name, direction in lc._METRIC_DIRECTION.items():
        assert getattr(keras.metrics, name)()._direction == direction, name


class SparseCategoricalAccuracy:  # stands for the model helper's metric objects
    name = "accuracy"


class MeanAbsoluteError:
    name = "mae"


class F1:  # a custom metric saying which way is better, as Keras metrics do
    name = "f1"
    _direction = "up"


class Grouped:  # a container of metrics, like Keras's CompileMetrics
    name = "compile_metrics"
    metrics = [MeanAbsoluteError(), F1()]


@pytest.mark.parametrize("metric, key, op", [
    (SparseCategoricalAccuracy(), "val_accuracy", "gt"),
    (F1(), "val_f1", "gt"),
    (Grouped(), "val_f1", "gt"),
    (Grouped(), "mae", "lt"),
    (MeanAbsoluteError(), "mae", "lt"),
    ("loss", "val_loss", "lt"),
])
def test_auto_mode_reads_the_models_metrics(metric, key, op):
    model = FakeModel()
    model.metrics = [metric] if metric != "loss" else []
    cb = lc.EarlyStopping(monitor=key)
    cb.set_model(model)
    cb._set_monitor_op()
    assert cb.monitor_op.__name__ == op


@keras_only
@pytest.mark.slow
def test_early_stopping_replays_a_real_keras_fit(keras):
    """Keras trains with EarlyStopping(restore_best_weights=True); a recorder keeps each
    epoch's logs and weights. Replayed through lossbook's EarlyStopping on a model showing
    the same weights, it stops at the same epoch and restores the same weights."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(64, 3))
    y = (x @ [1.0, -2.0, 0.5] + rng.normal(scale=2.0, size=64))[:, None]
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse", metrics=["mae"])
    seen = []
    recorder = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: seen.append((dict(logs), model.get_weights())))
    stopper = keras.callbacks.EarlyStopping(monitor="val_mae", patience=3,
                                            restore_best_weights=True)
    model.fit(x, y, epochs=60, batch_size=16, validation_split=0.5, verbose=0,
              callbacks=[recorder, stopper])
    assert stopper.stopped_epoch > 0, "the data should make Keras stop early"

    fake = FakeModel()
    fake.metrics = [MeanAbsoluteError()]
    mine = lc.EarlyStopping(monitor="val_mae", patience=3, restore_best_weights=True)
    cbs = lc.CallbackList([mine], model=fake)
    cbs.on_train_begin()
    for epoch, (logs, weights) in enumerate(seen):
        fake.set_weights(weights)
        cbs.on_epoch_end(epoch, logs)
        if fake.stop_training:
            break
    cbs.on_train_end()
    assert epoch == stopper.stopped_epoch == len(seen) - 1
    assert mine.best_epoch == stopper.best_epoch
    for a, b in zip(fake.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------------------
# ReduceLROnPlateau and LearningRateScheduler
# ---------------------------------------------------------------------------

PLATEAU_CONFIGS = [
    dict(),
    dict(patience=1),
    dict(patience=2, factor=0.5, cooldown=2),
    dict(patience=1, factor=0.5, min_lr=0.02),
    dict(patience=1, factor=0.2, min_delta=0.125, cooldown=1),
    dict(monitor="loss", patience=2, factor=0.5, mode="min"),
    dict(monitor="val_accuracy", mode="max", patience=1, factor=0.5),
]


@keras_only
@pytest.mark.parametrize("config", PLATEAU_CONFIGS, ids=str)
def test_reduce_lr_on_plateau_same_rates_as_keras(keras, config):
    key = "val_accuracy" if config.get("monitor") == "val_accuracy" else "val_loss"
    for logs in log_sequences(7 + len(config), n_epochs=12, key=key):
        mine = run_fit(lc, [lc.ReduceLROnPlateau(**config)], logs)
        theirs = run_fit(keras.callbacks, [keras.callbacks.ReduceLROnPlateau(**config)], logs)
        assert_same_run(mine, theirs)
        assert "learning_rate" in mine[1].history


@keras_only
def test_reduce_lr_factor_check_like_keras(keras):
    for module in (lc, keras.callbacks):
        with pytest.raises(ValueError, match="factor"):
            module.ReduceLROnPlateau(factor=1.0)


SCHEDULES = [
    lambda epoch, lr: lr * 0.5,
    lambda epoch, lr: lr if epoch < 2 else lr * math.exp(-0.1),
    lambda epoch: 0.1 / (epoch + 1),
    lambda epoch, lr: np.float64(0.3) ** (epoch + 1),
]


@keras_only
@pytest.mark.parametrize("schedule", range(len(SCHEDULES)))
def test_learning_rate_scheduler_same_rates_as_keras(keras, schedule):
    logs = [{"loss": 1.0}] * 5
    mine = run_fit(lc, [lc.LearningRateScheduler(SCHEDULES[schedule])], logs)
    theirs = run_fit(keras.callbacks,
                     [keras.callbacks.LearningRateScheduler(SCHEDULES[schedule])], logs)
    assert_same_run(mine, theirs)
    assert mine[1].history["learning_rate"] == mine[2]


@keras_only
def test_learning_rate_scheduler_rejects_non_float_like_keras(keras):
    for module in (lc, keras.callbacks):
        with pytest.raises(ValueError, match="should be a float"):
            run_fit(module, [module.LearningRateScheduler(lambda epoch: 1)], [{"loss": 1.0}])


@keras_only
def test_scheduler_and_plateau_together(keras):
    for logs in log_sequences(11, n_epochs=10):
        mine = run_fit(lc, [lc.LearningRateScheduler(lambda e, lr: lr * 0.9),
                            lc.ReduceLROnPlateau(patience=1, factor=0.5)], logs)
        theirs = run_fit(keras.callbacks,
                         [keras.callbacks.LearningRateScheduler(lambda e, lr: lr * 0.9),
                          keras.callbacks.ReduceLROnPlateau(patience=1, factor=0.5)], logs)
        assert_same_run(mine, theirs)


# ---------------------------------------------------------------------------
# ModelCheckpoint
# ---------------------------------------------------------------------------

CHECKPOINT_CONFIGS = [
    dict(filepath="ckpt.weights.h5"),
    dict(filepath="run/{epoch:02d}-{val_loss:.3f}.weights.h5"),
    dict(filepath="best.weights.h5", save_best_only=True),
    dict(filepath="best-{epoch}.weights.h5", save_best_only=True, mode="max"),
    dict(filepath="b.weights.h5", save_best_only=True, initial_value_threshold=0.25),
    dict(filepath="e{epoch}b{batch}.weights.h5", save_freq=3),
    dict(filepath="loss{loss:.2f}.weights.h5", monitor="loss", save_best_only=True),
]


@keras_only
@pytest.mark.parametrize("config", CHECKPOINT_CONFIGS, ids=str)
def test_model_checkpoint_same_saves_as_keras(keras, config, tmp_path):
    config = dict(config, filepath=str(tmp_path / config["filepath"]), save_weights_only=True)
    for logs in log_sequences(5, n_seq=3, n_epochs=7):
        mine = run_fit(lc, [lc.ModelCheckpoint(**config)], logs, steps=2)
        theirs = run_fit(keras.callbacks, [keras.callbacks.ModelCheckpoint(**config)], logs,
                         steps=2)
        assert_same_run(mine, theirs)
        assert mine[0].saved


@keras_only
def test_model_checkpoint_path_rules(keras, tmp_path):
    with pytest.raises(ValueError, match=r"\.weights\.h5"):
        lc.ModelCheckpoint(str(tmp_path / "m.keras"))  # Keras would save the whole model
    with pytest.raises(ValueError, match="save_weights_only=True"):
        lc.ModelCheckpoint(str(tmp_path / "m.keras"), save_weights_only=False)
    for module in (lc, keras.callbacks):
        with pytest.raises(ValueError, match=r"must end in `\.weights\.h5`"):
            module.ModelCheckpoint(str(tmp_path / "w.h5"), save_weights_only=True)
        with pytest.raises(ValueError, match="save_freq"):
            module.ModelCheckpoint(str(tmp_path / "w.weights.h5"), save_weights_only=True,
                                   save_freq="batch")
        cb = module.ModelCheckpoint(str(tmp_path / "{nope}.weights.h5"), save_weights_only=True)
        with pytest.raises(KeyError, match="nope"):
            run_fit(module, [cb], [{"loss": 1.0, "val_loss": 1.0}])


def test_model_checkpoint_writes_a_real_weights_file(tmp_path):
    pytest.importorskip("h5py")
    from lossbook import saving

    class Layer:
        def __init__(self, w):
            self.name, self.w = "d", w

        def get_weights(self):
            return [x.copy() for x in self.w]

        def set_weights(self, w):
            self.w = [np.array(x) for x in w]

    class Model(FakeModel):
        def __init__(self):
            super().__init__()
            self.layers = [Layer([np.ones((2, 3)), np.zeros(3)])]

        def save_weights(self, filepath, overwrite=True):
            self.layers[0].w = [x + 1 for x in self.layers[0].w]  # "training"
            saving.save_weights(self, filepath, overwrite)

    model = Model()
    path = tmp_path / "best.weights.h5"
    run_fit(lc, [lc.ModelCheckpoint(path, monitor="loss", save_best_only=True,
                                    save_weights_only=True)],
            [{"loss": v} for v in (3.0, 2.0, 2.5)], model=model)
    saved_twice = model.layers[0].get_weights()
    model.layers[0].set_weights([np.zeros((2, 3)), np.zeros(3)])
    saving.load_weights(model, path)
    for a, b in zip(model.layers[0].get_weights(), saved_twice, strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(saved_twice[0], 3.0)


# ---------------------------------------------------------------------------
# History, LambdaCallback, TerminateOnNaN, CSVLogger, CallbackList
# ---------------------------------------------------------------------------


@keras_only
def test_history_and_log_handling_like_keras(keras):
    logs = [{"val_loss": np.float32(0.5), "loss": np.float64(1.0), "accuracy": 1,
             "extra": {"nested": 2.0}, "name": "text"}] * 3
    mine = run_fit(lc, [], logs)
    theirs = run_fit(keras.callbacks, [], logs)
    assert_same_run(mine, theirs)
    assert list(mine[1].history) == list(theirs[1].history)  # keys sorted, as Keras
    assert all(type(v) is float for v in mine[1].history["loss"])


@keras_only
def test_lambda_callback_calls_like_keras(keras):
    def recorder(calls):
        def rec(tag):
            return lambda *a, **k: calls.append((tag, a, tuple(sorted(k.items()))))
        return dict(on_epoch_begin=rec("eb"), on_epoch_end=rec("ee"),
                    on_train_begin=rec("tb"), on_train_end=rec("te"),
                    on_train_batch_begin=rec("bb"), on_train_batch_end=rec("be"),
                    on_test_begin=rec("test"))

    logs = [{"loss": 1.0, "val_loss": 0.5}] * 2
    mine_calls, their_calls = [], []
    run_fit(lc, [lc.LambdaCallback(**recorder(mine_calls))], logs)
    run_fit(keras.callbacks, [keras.callbacks.LambdaCallback(**recorder(their_calls))], logs)
    assert mine_calls == their_calls
    assert len(mine_calls) == 2 + 2 * (2 + 2 * 2)
    cb = lc.LambdaCallback(on_test_begin=lambda logs: None)
    assert cb.on_test_begin(None) is None


@keras_only
@pytest.mark.parametrize("raise_error", [False, True])
def test_terminate_on_nan_like_keras(keras, raise_error, capsys):
    logs = [{"loss": 1.0}] * 4
    batch_logs = {(1, 1): {"loss": float("nan")}}
    if raise_error:
        for module in (lc, keras.callbacks):
            with pytest.raises(RuntimeError, match="NaN or Inf loss"):
                run_fit(module, [module.TerminateOnNaN(raise_error=True)], logs, batch_logs)
        return
    mine = run_fit(lc, [lc.TerminateOnNaN()], logs, batch_logs)
    mine_out = capsys.readouterr().out
    theirs = run_fit(keras.callbacks, [keras.callbacks.TerminateOnNaN()], logs, batch_logs)
    assert_same_run(mine, theirs)
    assert mine[3] == 2
    assert mine_out == capsys.readouterr().out == "Batch 1: Invalid loss, terminating training\n"
    inf = run_fit(lc, [lc.TerminateOnNaN()], logs, {(0, 0): {"loss": float("inf")}})
    assert inf[3] == 1


CSV_CASES = [
    (dict(), [{"loss": 1.0, "val_loss": 0.5, "accuracy": 0.25}] * 3),
    (dict(separator=";"), [{"loss": 1.0 / 3, "accuracy": 0.5}] * 2),
    (dict(), [{"loss": 1.0, "val_loss": 0.5}, {"loss": 0.5}]),
    (dict(), [{"loss": 1.0, "vec": [1.0, 2.0]}]),
]


@keras_only
@pytest.mark.parametrize("case", range(len(CSV_CASES)))
def test_csv_logger_writes_the_same_file_as_keras(keras, case, tmp_path):
    kwargs, logs = CSV_CASES[case]
    mine_path, their_path = tmp_path / "mine.csv", tmp_path / "theirs.csv"
    run_fit(lc, [lc.CSVLogger(mine_path, **kwargs)], logs)
    run_fit(keras.callbacks, [keras.callbacks.CSVLogger(str(their_path), **kwargs)], logs)
    assert mine_path.read_bytes() == their_path.read_bytes()
    # append: a second run adds rows without a second header
    run_fit(lc, [lc.CSVLogger(mine_path, append=True, **kwargs)], logs)
    run_fit(keras.callbacks, [keras.callbacks.CSVLogger(str(their_path), append=True,
                                                        **kwargs)], logs)
    assert mine_path.read_bytes() == their_path.read_bytes()
    # append to a file that does not exist yet writes the header
    run_fit(lc, [lc.CSVLogger(tmp_path / "new_m.csv", append=True, **kwargs)], logs)
    run_fit(keras.callbacks, [keras.callbacks.CSVLogger(str(tmp_path / "new_t.csv"),
                                                        append=True, **kwargs)], logs)
    assert (tmp_path / "new_m.csv").read_bytes() == (tmp_path / "new_t.csv").read_bytes()


@keras_only
def test_callback_list_adds_history_once_and_sets_params(keras):
    for module in (lc, keras.callbacks):
        model = FakeModel()
        h = module.History()
        cbs = module.CallbackList([h, module.TerminateOnNaN()], add_history=True,
                                  model=model, verbose=0, epochs=3, steps=5)
        assert len(cbs.callbacks) == 2 and model.history is h
        assert h.params == {"verbose": 0, "epochs": 3, "steps": 5}
        assert h.model is model


@keras_only
def test_all_callbacks_together_like_keras(keras, tmp_path):
    def make(module, sub):
        return [module.TerminateOnNaN(),
                module.LearningRateScheduler(lambda e, lr: lr * 0.95),
                module.ReduceLROnPlateau(patience=1, factor=0.5, cooldown=1),
                module.ModelCheckpoint(str(tmp_path / sub / "{epoch}.weights.h5"),
                                       save_best_only=True, save_weights_only=True),
                module.CSVLogger(str(tmp_path / f"{sub}.csv")),
                module.EarlyStopping(patience=3, restore_best_weights=True)]

    for logs in log_sequences(99, n_seq=4, n_epochs=12):
        mine = run_fit(lc, make(lc, "m"), logs)
        theirs = run_fit(keras.callbacks, make(keras.callbacks, "t"), logs)
        assert mine[1].history == theirs[1].history
        assert mine[2] == theirs[2] and mine[3] == theirs[3]
        assert [p.replace("/m/", "/") for p, _ in mine[0].saved] == \
               [p.replace("/t/", "/") for p, _ in theirs[0].saved]
        assert (tmp_path / "m.csv").read_bytes() == (tmp_path / "t.csv").read_bytes()


def test_progbar_logger_prints_plain_lines(capsys):
    logs = [{"loss": 0.5, "accuracy": 0.0001}] * 2
    model = FakeModel()
    cbs = lc.CallbackList([], add_progbar=True, model=model, verbose=1, epochs=2, steps=4)
    cbs.on_train_begin()
    for epoch, log in enumerate(logs):
        cbs.on_epoch_begin(epoch)
        cbs.on_epoch_end(epoch, log)
    cbs.on_train_end()
    assert capsys.readouterr().out == (
        "Epoch 1/2\n4/4 - accuracy: 1.0000e-04 - loss: 0.5000\n"
        "Epoch 2/2\n4/4 - accuracy: 1.0000e-04 - loss: 0.5000\n")


def test_callbacks_module_imports_nothing_heavy():
    import subprocess
    import sys

    code = ("import sys, lossbook.callbacks, lossbook.saving; print([m for m in "
            "('keras', 'h5py', 'jax', 'tqdm', 'matplotlib') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_grid_is_exact_in_float32():
    for a, b in itertools.product(range(6), repeat=2):
        assert np.float32(a / 8) - np.float32(b / 8) == a / 8 - b / 8


VERBOSE_CASES = [
    ("EarlyStopping", dict(patience=1, restore_best_weights=True, verbose=1)),
    ("EarlyStopping", dict(patience=2, verbose=1, start_from_epoch=2)),
    ("ReduceLROnPlateau", dict(patience=1, factor=0.5, min_lr=0.02, cooldown=1, verbose=1)),
    ("ReduceLROnPlateau", dict(patience=2, factor=0.1, verbose=1)),
    ("LearningRateScheduler", dict(schedule=lambda e, lr: lr / 2, verbose=1)),
    ("ModelCheckpoint", dict(filepath="{epoch}.weights.h5", save_weights_only=True,
                             save_best_only=True, verbose=1)),
    ("ModelCheckpoint", dict(filepath="w.weights.h5", save_weights_only=True, verbose=1)),
]


@keras_only
@pytest.mark.parametrize("case", range(len(VERBOSE_CASES)))
def test_verbose_messages_like_keras(keras, case, capsys):
    """verbose=1 prints what Keras prints; for ReduceLROnPlateau at min_lr this also shows
    Keras's float32 comparison (it 'reduces' min_lr to min_lr and restarts the cooldown)."""
    name, kwargs = VERBOSE_CASES[case]
    for logs in log_sequences(21, n_seq=3, n_epochs=12):
        run_fit(lc, [getattr(lc, name)(**kwargs)], logs)
        mine = capsys.readouterr().out
        run_fit(keras.callbacks, [getattr(keras.callbacks, name)(**kwargs)], logs)
        assert mine == capsys.readouterr().out
        assert mine


@keras_only
def test_reduce_lr_compares_with_min_lr_in_float32_like_keras(keras):
    """A rate above min_lr by less than float32 can tell is not reduced (Keras's rule)."""
    logs = [{"loss": 1.0, "val_loss": 1.0}] * 4
    for lr in (0.1 + 1e-10, 0.1 + 1e-6):
        runs = [run_fit(m, [m.ReduceLROnPlateau(patience=1, min_lr=0.1)], logs,
                        model=FakeModel(lr)) for m in (lc, keras.callbacks)]
        assert_same_run(*runs)
    assert runs[0][2][-1] == 0.1


@keras_only
@pytest.mark.slow
def test_learning_rate_callbacks_replay_a_real_keras_fit(keras):
    """Keras fits with LearningRateScheduler + ReduceLROnPlateau + EarlyStopping; replaying
    the logs Keras produced through lossbook's callbacks gives the same learning rates (to
    Keras's float32 storage of the rate), the same history keys and the same last epoch."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(48, 2))
    y = (x[:, :1] * 3.0 + rng.normal(scale=1.5, size=(48, 1)))
    keras.utils.set_random_seed(2)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(0.2), loss="mse", metrics=["mae"])
    raw, rates = [], []

    def make(module):
        return [module.LearningRateScheduler(lambda e, lr: lr * 0.9 if e > 2 else lr),
                module.ReduceLROnPlateau(patience=1, factor=0.5, min_delta=0.01),
                module.EarlyStopping(monitor="val_mae", patience=4, min_delta=0.01)]

    first = keras.callbacks.LambdaCallback(on_epoch_end=lambda e, logs: raw.append(dict(logs)))
    last = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda e, logs: rates.append(float(model.optimizer.learning_rate)))
    history = model.fit(x, y, epochs=30, batch_size=16, validation_split=0.25, verbose=0,
                        callbacks=[first, *make(keras.callbacks), last])
    assert len(raw) < 30, "Keras should stop early on these data"

    fake = FakeModel(0.2)
    fake.metrics = [MeanAbsoluteError()]  # "mae", so auto mode minimises val_mae as Keras
    mine = run_fit(lc, make(lc), raw, model=fake)
    assert mine[3] == len(raw)
    np.testing.assert_allclose(mine[2], rates, rtol=1e-6)
    assert len(set(mine[2])) > 2  # the rate did change, several times
    assert sorted(mine[1].history) == sorted(history.history)
    np.testing.assert_allclose(mine[1].history["learning_rate"],
                               history.history["learning_rate"], rtol=1e-6)
