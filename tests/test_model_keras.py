"""lossbook.model one step off the course's path, each feature beside real Keras 3 (JAX).

Same weights in, same numbers out: every test builds a Keras twin of the lossbook model
with the same weights, trains or evaluates both the same way, and compares.
"""

import inspect

import numpy as np
import pytest

from lossbook import activations, losses, regularizers
from lossbook import callbacks as lbc
from lossbook.model import Dense, Dropout, Flatten, Input, Sequential
from lossbook.optimizers import SGD, Adam

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def keras_twin(keras, model, **dense_kwargs):
    """A Keras Sequential with the layers and weights of the lossbook ``model``."""
    layers = [keras.Input(model._input_shape)]
    for layer in model.layers:
        if isinstance(layer, Dense):
            layers.append(keras.layers.Dense(layer.units, activation=layer.activation,
                                             use_bias=layer.use_bias, **dense_kwargs))
        elif isinstance(layer, Flatten):
            layers.append(keras.layers.Flatten())
        elif isinstance(layer, Dropout):
            layers.append(keras.layers.Dropout(layer.rate))
    twin = keras.Sequential(layers)
    twin.set_weights(model.get_weights())
    return twin


def net(out="softmax", units=3, inputs=5, seed=0, **dense_kwargs):
    return Sequential([Input((inputs,)), Dense(4, activation="tanh", **dense_kwargs),
                       Dense(units, activation=out)], seed=seed)


def close(a, b, tol=1e-6):
    np.testing.assert_allclose(a, b, rtol=tol, atol=tol)


def same_weights(model, twin, tol=1e-6):
    for ours, theirs in zip(model.get_weights(), twin.get_weights(), strict=True):
        close(ours, theirs, tol)


@pytest.fixture
def data(rng):
    x = rng.normal(size=(24, 5))
    y = rng.integers(0, 3, 24)
    return x, y


# --- signatures ---------------------------------------------------------------------------


def _positional(fn):
    return [p.name for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


@pytest.mark.keras
def test_signatures_follow_keras(keras):
    """Every Keras parameter at the same position, with the same default; lossbook's own
    parameters keyword-only. A positional Keras call then means the same in lossbook."""
    pairs = [
        (Sequential.__init__, keras.Sequential.__init__),
        (Dense.__init__, keras.layers.Dense.__init__),
        (Dropout.__init__, keras.layers.Dropout.__init__),
        (Flatten.__init__, keras.layers.Flatten.__init__),
        (Sequential.fit, keras.Model.fit),
        (Sequential.evaluate, keras.Model.evaluate),
        (Sequential.predict, keras.Model.predict),
        (Sequential.compile, keras.Model.compile),
        (Sequential.save_weights, keras.Model.save_weights),
        (Sequential.load_weights, keras.Model.load_weights),
    ]
    assert _positional(Input.__init__)[1:] == _positional(keras.Input)
    for ours, theirs in pairs:
        assert _positional(ours) == _positional(theirs), ours.__qualname__
        ours_sig, theirs_sig = inspect.signature(ours), inspect.signature(theirs)
        for name in _positional(theirs):
            assert ours_sig.parameters[name].default == theirs_sig.parameters[name].default, (
                ours.__qualname__, name)


@pytest.mark.keras
def test_fit_positional_batch_size_then_epochs(keras, data):
    """model.fit(x, y, 16, 2): batch size 16, 2 epochs, as in Keras."""
    x, y = data
    model = net()
    twin = keras_twin(keras, model)
    model.compile(SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    twin.compile(keras.optimizers.SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    batches = []
    counter = lbc.LambdaCallback(on_train_batch_end=lambda batch, logs: batches.append(batch))
    history = model.fit(x, y, 16, 2, 0, [counter], shuffle=False)
    keras_history = twin.fit(x, y, 16, 2, 0, shuffle=False)
    assert history.epoch == keras_history.epoch == [0, 1]
    assert model.loss == twin.loss == "sparse_categorical_crossentropy"  # as given to compile
    assert batches == [0, 1, 0, 1]  # 24 samples in batches of 16: two steps per epoch
    close(history.history["loss"], keras_history.history["loss"])
    same_weights(model, twin)


@pytest.mark.keras
def test_refused_keras_arguments_raise_type_errors(data):
    x, y = data
    with pytest.raises(TypeError, match="kernel_constraint"):
        Dense(3, kernel_constraint="non_neg")
    with pytest.raises(TypeError, match="lora_rank"):
        Dense(3, lora_rank=4)
    with pytest.raises(TypeError, match="unexpected keyword argument.*units_out"):
        Dense(3, units_out=4)
    with pytest.raises(TypeError, match="batch_size"):
        Input((5,), 32)  # Keras's second argument: a fixed batch size
    assert Input(batch_shape=(None, 28, 28)).shape == (28, 28)
    with pytest.raises(TypeError, match="data_format"):
        Flatten("channels_first")
    model = net()
    with pytest.raises(TypeError, match="weighted_metrics"):
        model.compile("sgd", "mse", weighted_metrics=["mae"])
    with pytest.raises(TypeError, match="steps_per_execution"):
        model.compile("sgd", "mse", steps_per_execution=4)
    model.compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(TypeError, match="steps_per_epoch"):
        model.fit(x, y, steps_per_epoch=2, verbose=0)
    with pytest.raises(TypeError, match="steps"):
        model.evaluate(x, y, steps=1)
    with pytest.raises(TypeError, match="unexpected keyword argument.*use_multiprocessing"):
        model.evaluate(x, y, use_multiprocessing=True)
    with pytest.raises(TypeError, match="max_shard_size"):
        model.save_weights("m.weights.h5", max_shard_size=1)
    with pytest.raises(TypeError):
        model.fit(x, y, 16, 2, 0, None, 0.0, None, True, None, None, 0, None, None, None, 1, 0)


@pytest.mark.keras
def test_keras_positional_layer_and_model_arguments(keras):
    """Dense(3, "relu", True, "he_normal") sets the kernel initializer, as in Keras;
    Sequential(layers, False) makes a model whose weights fit does not change."""
    layer = Dense(3, "relu", True, "he_normal")
    assert layer.name is None and type(layer.kernel_initializer).__name__ == "HeNormal"
    model = Sequential([Input((5,)), Dense(3, activation="softmax")], False)
    assert model.trainable is False
    before = model.get_weights()
    model.compile("sgd", "sparse_categorical_crossentropy")
    model.fit(np.ones((4, 5)), [0, 1, 2, 0], verbose=0)
    for a, b in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


# --- losses and metrics in compile ----------------------------------------------------------


@pytest.mark.keras
def test_logits_output_with_from_logits_loss_trains_as_keras(keras, data):
    x, y = data
    model = net(out=None)
    twin = keras_twin(keras, model)
    model.compile(Adam(learning_rate=0.01), losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    twin.compile(keras.optimizers.Adam(learning_rate=0.01),
                 keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                 metrics=["accuracy"])
    h = model.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=0)
    kh = twin.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=0)
    close(h.history["loss"], kh.history["loss"])
    close(h.history["accuracy"], kh.history["accuracy"])
    same_weights(model, twin)


@pytest.mark.keras
def test_several_metrics_in_history_and_evaluate(keras, data):
    x, y = data
    metrics = ["accuracy", "sparse_categorical_accuracy", "sparse_categorical_crossentropy"]
    model = net()
    twin = keras_twin(keras, model)
    model.compile(SGD(learning_rate=0.1), "sparse_categorical_crossentropy", metrics=metrics)
    twin.compile(keras.optimizers.SGD(learning_rate=0.1), "sparse_categorical_crossentropy",
                 metrics=metrics)
    h = model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    kh = twin.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    assert set(h.history) == set(kh.history) == {"loss", *metrics}
    for key in kh.history:
        close(h.history[key], kh.history[key])
    ours, theirs = model.evaluate(x, y, return_dict=True), twin.evaluate(x, y, verbose=0,
                                                                       return_dict=True)
    assert set(ours) == set(theirs)
    for key in theirs:
        close(ours[key], theirs[key])
    assert model.metrics_names == ["loss", *metrics]
    close(model.evaluate(x, y), [ours[k] for k in model.metrics_names])


@pytest.mark.keras
def test_mae_mse_metrics_and_loss_weights(keras, rng):
    x, y = rng.normal(size=(16, 5)), rng.normal(size=(16, 2))
    model = net(out=None, units=2)
    twin = keras_twin(keras, model)
    model.compile(SGD(learning_rate=0.05), "mse", loss_weights=0.5, metrics=["mae", "mse"])
    twin.compile(keras.optimizers.SGD(learning_rate=0.05), "mse", loss_weights=0.5,
                 metrics=["mae", "mse"])
    h = model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    kh = twin.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    for key in ("loss", "mae", "mse"):
        close(h.history[key], kh.history[key])
    same_weights(model, twin)


# --- fit as in Keras -------------------------------------------------------------------------


@pytest.mark.keras
def test_validation_split_takes_the_last_fraction(keras, data):
    x, y = data
    model = net()
    twin = keras_twin(keras, model)
    model.compile(SGD(learning_rate=0.1), "sparse_categorical_crossentropy", metrics=["acc"])
    twin.compile(keras.optimizers.SGD(learning_rate=0.1), "sparse_categorical_crossentropy",
                 metrics=["acc"])
    h = model.fit(x, y, batch_size=5, epochs=2, validation_split=0.25, shuffle=False, verbose=0)
    kh = twin.fit(x, y, batch_size=5, epochs=2, validation_split=0.25, shuffle=False, verbose=0)
    assert set(h.history) == set(kh.history) == {"loss", "acc", "val_loss", "val_acc"}
    for key in kh.history:
        close(h.history[key], kh.history[key])
    same_weights(model, twin)
    # the validation samples are the last 6, never trained on: training on the first 18
    # alone gives the same weights
    alone = net()
    alone.compile(SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    alone.fit(x[:18], y[:18], batch_size=5, epochs=2, shuffle=False, verbose=0)
    for a, b in zip(alone.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="not sufficient to split"):
        model.fit(x[:1], y[:1], validation_split=0.5, verbose=0)


@pytest.mark.keras
@pytest.mark.parametrize("kind", ["sample_weight", "class_weight"])
def test_sample_and_class_weights(keras, data, kind):
    x, y = data
    model = net()
    twin = keras_twin(keras, model)
    model.compile(SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    twin.compile(keras.optimizers.SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    if kind == "sample_weight":
        weights = {"sample_weight": np.linspace(0.0, 2.0, len(x))}
    else:
        weights = {"class_weight": {0: 1.0, 1: 3.0, 2: 0.5}}
    h = model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0, **weights)
    kh = twin.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0, **weights)
    close(h.history["loss"], kh.history["loss"])
    same_weights(model, twin)
    if kind == "sample_weight":
        w = weights["sample_weight"]
        ours = model.evaluate(x, y, sample_weight=w)
        close(ours, twin.evaluate(x, y, sample_weight=w, verbose=0))
        # Keras's "sum_over_batch_size": Σ w·l / n, not a weighted mean
        per_sample = losses.sparse_categorical_crossentropy(y, model.predict(x))
        close(ours, np.sum(w * per_sample) / len(x), 1e-12)


@pytest.mark.keras
@pytest.mark.parametrize("shuffle", ["batch", False])
def test_initial_epoch_and_shuffle_batch(keras, data, shuffle):
    """shuffle="batch" reorders samples within each batch only, which leaves each batch's
    mean gradient unchanged: the same numbers as Keras's "batch" (up to rounding)."""
    x, y = data
    model = net()
    twin = keras_twin(keras, model)
    model.compile(SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    twin.compile(keras.optimizers.SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    h = model.fit(x, y, batch_size=8, epochs=3, initial_epoch=1, shuffle=shuffle, verbose=0)
    kh = twin.fit(x, y, batch_size=8, epochs=3, initial_epoch=1, shuffle=shuffle, verbose=0)
    assert h.epoch == kh.epoch == [1, 2]
    close(h.history["loss"], kh.history["loss"])
    same_weights(model, twin)


@pytest.mark.keras
def test_early_stopping_restores_best_weights_as_keras(keras, data):
    x, y = data
    model = net()
    twin = keras_twin(keras, model)
    model.compile(SGD(learning_rate=2.0), "sparse_categorical_crossentropy")
    twin.compile(keras.optimizers.SGD(learning_rate=2.0), "sparse_categorical_crossentropy")
    ours = lbc.EarlyStopping(patience=1, restore_best_weights=True)
    theirs = keras.callbacks.EarlyStopping(patience=1, restore_best_weights=True)
    h = model.fit(x, y, batch_size=4, epochs=30, validation_split=0.5, shuffle=False,
                  callbacks=[ours], verbose=0)
    kh = twin.fit(x, y, batch_size=4, epochs=30, validation_split=0.5, shuffle=False,
                  callbacks=[theirs], verbose=0)
    assert h.epoch == kh.epoch and len(h.epoch) < 30
    assert ours.stopped_epoch == theirs.stopped_epoch
    assert model.stop_training
    close(h.history["val_loss"], kh.history["val_loss"])
    same_weights(model, twin)


# --- layers and models -----------------------------------------------------------------------


@pytest.mark.keras
def test_dropout_identity_at_inference_scaled_in_training(keras, rng):
    x = rng.normal(size=(200, 5))
    model = Sequential([Input((5,)), Dense(50, activation="relu"), Dropout(0.4, seed=3),
                        Dense(3, activation="softmax")], seed=0)
    twin = keras_twin(keras, model)
    close(model.predict(x), twin.predict(x, verbose=0))
    close(model(x), np.asarray(twin(x, training=False)))
    drop = model.layers[1]
    a = rng.normal(size=(400, 50)) + 5
    out = drop.forward(a, training=True)
    kept = out != 0
    np.testing.assert_allclose(out[kept], a[kept] / 0.6, rtol=1e-12)
    assert abs(kept.mean() - 0.6) < 0.01
    np.testing.assert_array_equal(drop.backward(np.ones_like(a)), kept / 0.6)
    again = Dropout(0.4, seed=3)
    again.build((50,), None, np.float64)
    np.testing.assert_array_equal(again.forward(a, training=True), out)  # seeded
    rows = Dropout(0.5, noise_shape=(None, 1), seed=0)
    rows.build((50,), None, np.float64)
    dropped = rows.forward(np.ones((100, 50)), training=True)
    assert np.all((dropped == 0).all(axis=1) | (dropped == 2).all(axis=1))
    with pytest.raises(ValueError, match="rate"):
        Dropout(1.5)


def test_dropout_gradient_matches_finite_differences(rng):
    """With the mask held fixed, the model's gradient is that of the masked network."""
    x, y = rng.normal(size=(6, 5)), rng.integers(0, 3, 6)
    model = Sequential([Input((5,)), Dense(4, activation="tanh"), Dropout(0.5, seed=1),
                        Dense(3, activation="softmax")], seed=0)
    model.compile(SGD(learning_rate=1.0), "sparse_categorical_crossentropy")
    before = model.get_weights()
    model.fit(x, y, batch_size=6, shuffle=False, verbose=0)
    grads = [b - a for b, a in zip(before, model.get_weights(), strict=True)]
    model.set_weights(before)
    mask = model.layers[1].mask

    def loss():
        h = np.tanh(x @ model.weights[0] + model.weights[1]) * mask
        return losses.sparse_categorical_crossentropy(
            y, activations.softmax(h @ model.weights[2] + model.weights[3])).mean()

    for w, g in zip(model.weights, grads, strict=True):
        numeric = np.zeros_like(w)
        for i in np.ndindex(w.shape):
            old = w[i]
            w[i] = old + 1e-6
            up = loss()
            w[i] = old - 1e-6
            numeric[i] = (up - loss()) / 2e-6
            w[i] = old
        np.testing.assert_allclose(g, numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.keras
def test_kernel_regularizer_added_to_the_loss_as_keras(keras, data):
    x, y = data
    # (L1 on the kernel, whose entries are never 0; at 0 JAX takes |w|' = 1, lossbook 0)
    model = net(kernel_regularizer="l1", bias_regularizer=regularizers.L2(0.05))
    twin = keras.Sequential([keras.Input((5,)),
                             keras.layers.Dense(4, activation="tanh", kernel_regularizer="l1",
                                                bias_regularizer=keras.regularizers.L2(0.05)),
                             keras.layers.Dense(3, activation="softmax")])
    twin.set_weights(model.get_weights())
    model.compile(SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    twin.compile(keras.optimizers.SGD(learning_rate=0.1), "sparse_categorical_crossentropy")
    close(model.evaluate(x, y), twin.evaluate(x, y, verbose=0))
    h = model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    kh = twin.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    close(h.history["loss"], kh.history["loss"])
    same_weights(model, twin)


@pytest.mark.parametrize("name, check", [
    ("he_normal", lambda w, fan_in, fan_out: abs(w.std() / np.sqrt(2 / fan_in) - 1) < 0.05),
    ("glorot_uniform", lambda w, fan_in, fan_out: np.abs(w).max() <= np.sqrt(6 / (fan_in
                                                                                  + fan_out))),
    ("zeros", lambda w, fan_in, fan_out: not w.any()),
    ("ones", lambda w, fan_in, fan_out: np.all(w == 1)),
])
def test_kernel_initializers_by_keras_name(name, check):
    model = Sequential([Input((300,)), Dense(200, kernel_initializer=name,
                                             bias_initializer="ones")], seed=0)
    assert check(model.layers[0].kernel, 300, 200)
    assert np.all(model.layers[0].bias == 1)


@pytest.mark.keras
def test_call_input_shape_and_unbuilt_models_as_keras(keras, rng, capsys):
    x = rng.normal(size=(4, 5))
    model = Sequential([Dense(3, activation="softmax", input_shape=(5,))], seed=0)
    assert model.built and model.layers[0].kernel.shape == (5, 3)
    close(model(x), model.predict(x), 1e-15)
    close(model(x, training=True), model.predict(x), 1e-15)
    unbuilt = Sequential([Dense(3)])
    kunbuilt = keras.Sequential([keras.layers.Dense(3)])
    assert unbuilt.get_weights() == kunbuilt.get_weights() == []
    assert unbuilt.weights == []
    with pytest.raises(ValueError, match="isn't built"):
        kunbuilt.count_params()
    with pytest.raises(ValueError, match="isn't built"):
        unbuilt.count_params()
    unbuilt.summary()
    out = capsys.readouterr().out
    assert "unbuilt" in out and "Total params: 0" in out
    unbuilt(x)  # calling the model builds it, as in Keras
    assert unbuilt.count_params() == 5 * 3 + 3


@pytest.mark.keras
def test_save_weights_keras_reads_and_writes(keras, data, tmp_path):
    x, y = data
    model = Sequential([Input((5,)), Dense(4, activation="relu"), Dropout(0.2),
                        Dense(3, activation="softmax")], seed=0)
    model.compile(Adam(learning_rate=0.01), "sparse_categorical_crossentropy")
    model.fit(x, y, epochs=2, verbose=0)
    path = tmp_path / "trained.weights.h5"
    model.save_weights(path)
    twin = keras.Sequential([keras.Input((5,)), keras.layers.Dense(4, activation="relu"),
                             keras.layers.Dropout(0.2),
                             keras.layers.Dense(3, activation="softmax")])
    twin.load_weights(path)
    for a, b in zip(model.get_weights(), twin.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    back = tmp_path / "keras.weights.h5"
    twin.set_weights([w + 1.0 for w in twin.get_weights()])
    twin.save_weights(back)
    model.load_weights(back)
    for a, b in zip(model.get_weights(), twin.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    close(model.predict(x), twin.predict(x, verbose=0))
