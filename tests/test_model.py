"""Tests for lossbook.model: gradients, Keras agreement, training, API and errors."""

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from lossbook import model as lbm
from lossbook.model import Dense, Flatten, Input, Sequential, set_seed
from lossbook.optimizers import SGD, Adam

ROOT = Path(__file__).resolve().parents[1]


def small_net(out_activation="softmax", units=3, hidden="tanh", seed=0, dtype="float64"):
    return Sequential(
        [Input((5,)), Dense(4, activation=hidden), Dense(units, activation=out_activation)],
        seed=seed, dtype=dtype,
    )


def gradient_by_sgd_step(model, x, y):
    """With SGD(lr=1) and one full batch, w_new = w - dL/dw: read the gradient off."""
    before = model.get_weights()
    model.fit(x, y, epochs=1, batch_size=len(x), shuffle=False, verbose=0)
    after = model.get_weights()
    model.set_weights(before)
    return [b - a for b, a in zip(before, after, strict=True)]


CASES = [
    # (output activation, loss, hidden activation, target kind)
    ("softmax", "sparse_categorical_crossentropy", "tanh", "sparse"),
    ("softmax", "categorical_crossentropy", "relu", "onehot"),
    ("sigmoid", "binary_crossentropy", "sigmoid", "binary"),
    ("linear", "mse", "leaky_relu", "real"),
    ("softmax", "mse", "tanh", "probs"),
]


@pytest.mark.parametrize("out, loss, hidden, kind", CASES)
def test_gradients_match_finite_differences(rng, out, loss, hidden, kind):
    n = 6
    x = rng.normal(size=(n, 5))
    labels = rng.integers(0, 3, n)
    y = {
        "sparse": labels,
        "onehot": np.eye(3)[labels],
        "binary": rng.integers(0, 2, (n, 3)).astype(float),
        "real": rng.normal(size=(n, 3)),
        "probs": np.eye(3)[labels],
    }[kind]
    model = small_net(out, hidden=hidden)
    model.compile(optimizer=SGD(learning_rate=1.0), loss=loss)
    grads = gradient_by_sgd_step(model, x, y)

    def mean_loss():
        return model.evaluate(x, y, batch_size=n)

    weights = model.weights
    h = 1e-6
    for w, g in zip(weights, grads, strict=True):
        numeric = np.zeros_like(w)
        for i in np.ndindex(w.shape):
            old = w[i]
            w[i] = old + h
            up = mean_loss()
            w[i] = old - h
            down = mean_loss()
            w[i] = old
            numeric[i] = (up - down) / (2 * h)
        scale = np.max(np.abs(numeric)) + 1e-12
        assert np.max(np.abs(g - numeric)) / scale < 1e-7


def keras_copy(keras, model, optimizer):
    layers = [keras.Input((model._input_shape[0],))]
    for layer in model.layers:
        layers.append(keras.layers.Dense(layer.units, activation=layer.activation))
    kmodel = keras.Sequential(layers)
    kmodel.set_weights(model.get_weights())
    kmodel.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                   metrics=["accuracy"])
    return kmodel


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("name", ["sgd", "adam"])
def test_training_matches_keras(keras, rng, name):
    x = rng.normal(size=(12, 5))
    y = rng.integers(0, 3, 12)
    model = Sequential([Dense(4, activation="relu"), Dense(3, activation="softmax")], seed=1)
    model.build((5,))
    if name == "sgd":
        ours, theirs = SGD(learning_rate=0.1), keras.optimizers.SGD(learning_rate=0.1)
    else:
        ours, theirs = Adam(learning_rate=0.01), keras.optimizers.Adam(learning_rate=0.01)
    kmodel = keras_copy(keras, model, theirs)
    model.compile(optimizer=ours, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # three batches of 4, no shuffling, two epochs
    h = model.fit(x, y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    kh = kmodel.fit(x, y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    for ours_w, keras_w in zip(model.get_weights(), kmodel.get_weights(), strict=True):
        np.testing.assert_allclose(ours_w, keras_w, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(h.history["loss"], kh.history["loss"], rtol=1e-6)
    np.testing.assert_allclose(h.history["accuracy"], kh.history["accuracy"], atol=1e-6)
    k_eval = kmodel.evaluate(x, y, verbose=0)
    np.testing.assert_allclose(model.evaluate(x, y), k_eval, rtol=1e-6)
    np.testing.assert_allclose(model.predict(x), kmodel.predict(x, verbose=0), rtol=1e-6)


def blobs(rng, n=150):
    centers = np.array([[0.0, 4.0], [4.0, 0.0], [-4.0, -4.0]])
    y = rng.integers(0, 3, n)
    return centers[y] + rng.normal(size=(n, 2)), y


def test_fit_learns_separable_blobs(rng):
    x, y = blobs(rng)
    x_val, y_val = blobs(rng, 60)
    model = Sequential([Dense(8, activation="relu"), Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer=Adam(learning_rate=0.05), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    history = model.fit(x, y, epochs=15, batch_size=16, validation_data=(x_val, y_val),
                        verbose=0, seed=0)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 15 for v in history.history.values())
    assert history.epoch == list(range(15))
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert history.history["val_accuracy"][-1] >= 0.95
    loss, acc = model.evaluate(x_val, y_val)
    assert acc >= 0.95
    p = model.predict(x_val)
    assert p.shape == (60, 3)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, atol=1e-12)
    # evaluate's numbers from predict with independent formulas (Keras clips p to
    # [1e-7, 1 - 1e-7] before the log)
    picked = np.clip(p[np.arange(60), y_val], 1e-7, 1 - 1e-7)
    np.testing.assert_allclose(loss, np.mean(-np.log(picked)), rtol=1e-12)
    assert acc == np.mean(p.argmax(axis=1) == y_val)


def test_accuracy_resolves_like_keras(rng):
    x, labels = blobs(rng, 40)
    onehot = np.eye(3)[labels]
    model = Sequential([Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
    p = model.predict(x)
    loss, acc = model.evaluate(x, onehot)
    assert acc == np.mean(p.argmax(1) == labels)
    np.testing.assert_allclose(loss, -np.mean(np.sum(onehot * np.log(p), axis=1)), rtol=1e-12)

    binary = (x[:, :1] > 0).astype(float)
    bmodel = Sequential([Dense(1, activation="sigmoid")], seed=0)
    bmodel.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
    q = bmodel.predict(x)
    loss, acc = bmodel.evaluate(x, binary[:, 0])  # (n,) targets for one output unit
    assert acc == np.mean((q > 0.5) == (binary > 0.5))
    bce = -np.mean(binary * np.log(q) + (1 - binary) * np.log(1 - q))
    np.testing.assert_allclose(loss, bce, rtol=1e-12)
    bmodel.compile(optimizer="sgd", loss="binary_crossentropy")
    assert isinstance(bmodel.evaluate(x, binary), float)  # no metrics: just the loss


def test_glorot_uniform_init_and_seeds():
    model = Sequential([Dense(300, activation="relu"), Dense(10)], seed=3)
    model.build((784,))
    kernel, bias = model.layers[0].kernel, model.layers[0].bias
    limit = np.sqrt(6 / (784 + 300))
    assert kernel.dtype == np.float64 and np.all(np.abs(kernel) <= limit)
    assert np.all(bias == 0)
    # uniform on [-l, l]: standard deviation l/sqrt(3)
    assert abs(kernel.std() / (limit / np.sqrt(3)) - 1) < 0.01
    same = Sequential([Dense(300, activation="relu"), Dense(10)], seed=3)
    same.build((784,))
    for a, b in zip(model.get_weights(), same.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    set_seed(7)
    a = Sequential([Dense(4)])
    a.build((3,))
    set_seed(7)
    b = Sequential([Dense(4)])
    b.build((3,))
    np.testing.assert_array_equal(a.layers[0].kernel, b.layers[0].kernel)
    assert model.count_params() == 784 * 300 + 300 + 300 * 10 + 10


def test_images_with_input_and_flatten(rng):
    x = rng.random((20, 4, 4))
    y = rng.integers(0, 2, 20)
    model = Sequential([Input((4, 4)), Flatten(), Dense(5, activation="relu"),
                        Dense(2, activation="softmax")], seed=0)
    assert model.layers[1].kernel.shape == (16, 5)  # built from Input, before any data
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["acc"])
    history = model.fit(x, y, epochs=2, batch_size=8, verbose=0)
    assert set(history.history) == {"loss", "acc"}
    flat = Sequential([Dense(5, activation="relu"), Dense(2, activation="softmax")])
    flat.build((16,))
    flat.set_weights(model.get_weights())
    np.testing.assert_allclose(model.predict(x), flat.predict(x.reshape(20, 16)), rtol=1e-12)


def test_float32_option(rng):
    x = rng.normal(size=(30, 5))
    y = rng.integers(0, 3, 30)
    model = small_net(dtype="float32")
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    assert all(w.dtype == np.float32 for w in model.get_weights())
    assert model.predict(x).dtype == np.float32


def test_huge_logits_stay_finite():
    model = Sequential([Dense(3, activation="softmax")], seed=0)
    model.build((1,))
    model.set_weights([np.array([[1e4, -1e4, 0.0]]), np.zeros(3)])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x = np.array([[1.0], [-1.0]])
    p = model.predict(x)
    np.testing.assert_array_equal(p, [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    loss, acc = model.evaluate(x, [1, 1])
    # Keras clips probabilities to [1e-7, 1 - 1e-7]: -log(1e-7) and -log(1 - 1e-7)
    np.testing.assert_allclose(loss, (-np.log(1e-7) - np.log1p(-1e-7)) / 2, rtol=1e-12)
    assert acc == 0.5
    model.fit(x, [1, 1], epochs=1, batch_size=2, verbose=0)
    assert all(np.all(np.isfinite(w)) for w in model.get_weights())


def test_verbose_modes(rng, capsys):
    """verbose=1 ("auto") and 2 print Keras's per-epoch lines (no tqdm needed), 0 nothing."""
    x, y = blobs(rng, 20)
    model = Sequential([Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    for verbose in (1, 2, "auto"):
        history = model.fit(x, y, epochs=2, verbose=verbose)
        lines = capsys.readouterr().out.strip().splitlines()
        assert lines[0] == "Epoch 1/2" and lines[2] == "Epoch 2/2"
        loss = history.history["loss"][1]
        assert lines[3].startswith("1/1 - ") and f"loss: {loss:.4f}" in lines[3]
    model.fit(x, y, epochs=1, verbose=0)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_errors(rng):
    x = rng.normal(size=(10, 5))
    y = rng.integers(0, 3, 10)
    model = small_net()
    with pytest.raises(RuntimeError, match="compile"):
        model.fit(x, y)
    with pytest.raises(ValueError, match="unknown loss 'hinge_loss'"):
        model.compile(optimizer="adam", loss="hinge_loss")
    with pytest.raises(ValueError, match="unknown optimizer 'adamax'"):
        model.compile(optimizer="adamax", loss="mse")
    with pytest.raises(ValueError, match="unknown metric 'f1'"):
        model.compile(optimizer="adam", loss="mse", metrics=["f1"])
    with pytest.raises(ValueError, match="unknown activation 'swishy'"):
        Dense(3, activation="swishy")
    with pytest.raises(ValueError, match="Dense units must be an integer >= 1, got 0"):
        Dense(0)
    with pytest.raises(ValueError, match="each Input shape entry must be an integer >= 1, got 0"):
        Input((28, 0))
    with pytest.raises(TypeError, match="each Input shape entry must be an integer, got float"):
        Input((2.5,))
    with pytest.raises(ValueError, match="Input shape needs at least one axis"):
        Input(())
    with pytest.raises(ValueError, match="dtype must be 'float32' or 'float64', got 'int8'"):
        Sequential([Dense(2)], dtype="int8")
    with pytest.raises(ValueError, match="dtype must be 'float32' or 'float64', got 'foo'"):
        Sequential([Dense(2)], dtype="foo")
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    with pytest.raises(ValueError, match="y has label 3, outside the valid range 0..2"):
        model.fit(x, np.full(10, 3), verbose=0)
    with pytest.raises(ValueError, match=r"y \(integer labels\) has shape \(10, 3\).*\(10,\)"):
        model.fit(x, np.eye(3)[y], verbose=0)
    with pytest.raises(ValueError, match="x and y have different lengths: 10 samples, 9"):
        model.fit(x, y[:9], verbose=0)
    with pytest.raises(ValueError, match=r"x has sample shape \(4,\) but the model expects \(5,\)"):
        model.predict(x[:, :4])
    bad = x.copy()
    bad[2, 1] = np.nan
    with pytest.raises(ValueError, match=r"x contains NaN or infinity \(first at index \(2, 1\)"):
        model.fit(bad, y, verbose=0)
    with pytest.raises(ValueError, match="batch_size must be an integer >= 1"):
        model.fit(x, y, batch_size=0)
    with pytest.raises(TypeError, match="batch_size must be an integer, got float"):
        model.fit(x, y, batch_size=2.0)
    with pytest.raises(ValueError, match="x_val and y_val have different lengths"):
        model.fit(x, y, validation_data=(x, y[:3]), verbose=0)
    with pytest.raises(ValueError, match="x is empty"):
        model.predict(np.zeros((0, 5)))
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    with pytest.raises(ValueError, match=r"y does not fit the model's output of shape \(10, 3\) "
                       r"for loss categorical_crossentropy: shape mismatch: y has shape \(10,\)"):
        model.fit(x, y, verbose=0)


def test_blas_thread_limit_can_be_disabled(rng, monkeypatch):
    x, y = blobs(rng, 20)
    monkeypatch.setattr(lbm, "BLAS_THREADS", None)
    model = Sequential([Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    assert np.isfinite(model.fit(x, y, epochs=1, verbose=0).history["loss"][0])


@pytest.mark.keras
@pytest.mark.slow  # about a minute: make bench runs it, the unit stage does not
def test_benchmark_smoke():
    env = dict(os.environ, KERAS_BACKEND="jax", JAX_PLATFORMS="cpu")
    env.pop("JAX_ENABLE_X64", None)
    pin = ["--cpus", "1"] if hasattr(os, "sched_setaffinity") else []
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "mlp_vs_keras.py"), "--limit", "256",
         "--repeats", "1", *pin],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("CPU time per epoch (all threads)") == 2, done.stdout
    if pin:  # both workers pinned to one CPU: neither can keep more than one core busy
        busy = [float(b) for b in re.findall(r"i\.e\. (\d+\.\d+) cores", done.stdout)]
        assert len(busy) == 2 and all(b <= 1.05 for b in busy), done.stdout
    last = done.stdout.strip().splitlines()[-1]
    ratio = r"\d+\.\d\d"
    two_core = "n/a" if pin else ratio  # a pinned run has only the per-core round
    assert re.fullmatch(
        rf"per_core_ratio={ratio if pin else 'n/a'} two_core_wall_ratio={two_core}"
        rf" two_core_cpu_ratio={two_core} acc_lossbook=0\.\d{{4}} acc_keras=0\.\d{{4}}",
        last,
    ), last


@pytest.mark.parametrize(
    "name", ["linear", "relu", "sigmoid", "tanh", "softmax", "leaky_relu", "log_softmax"]
)
def test_dense_trains_with_the_taught_formulas(name, rng):
    """Dense's forward is activations.<name>(x·W + b); its backward is activations.<name>_grad."""
    from lossbook import activations

    layer = Dense(4, activation=name)
    layer.build((3,), np.random.default_rng(0), np.float64)
    x = rng.standard_normal((5, 3))
    z = x @ layer.kernel + layer.bias
    a = layer.forward(x)
    np.testing.assert_allclose(a, activations.get(name)(z), rtol=1e-12, atol=1e-15)
    g = rng.standard_normal(a.shape)
    dx = layer.backward(g.copy())
    dz = activations.get_grad(name)(z, upstream=g)
    np.testing.assert_allclose(layer.affine.dW, x.T @ dz, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.affine.db, dz.sum(axis=0), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(dx, dz @ layer.kernel.T, rtol=1e-10, atol=1e-12)


def test_dense_is_the_affine_layer_of_chapter_5_plus_an_activation(rng):
    from lossbook.backprop import Affine

    layer = Dense(3, activation="tanh")
    layer.build((4,), np.random.default_rng(0), np.float64)
    assert isinstance(layer.affine, Affine)
    assert layer.kernel is layer.affine.W and layer.bias is layer.affine.b
    assert Dense(3, use_bias=False).bias is None


def test_first_layer_skips_the_input_gradient(rng):
    model = Sequential([Input((4, 2)), Flatten(), Dense(5, activation="relu"),
                        Dense(3, activation="softmax")], seed=0)
    first, second = model.layers[1], model.layers[2]
    assert not first.affine.input_gradient and second.affine.input_gradient
    x = rng.normal(size=(6, 4, 2))
    assert first.backward(first.forward(x.reshape(6, 8))) is None  # nobody needs dL/dx here


OUTPUT_PAIRS = [("softmax", "sparse_categorical_crossentropy"),
                ("softmax", "categorical_crossentropy"),
                ("sigmoid", "binary_crossentropy")]


@pytest.mark.parametrize("out, loss", OUTPUT_PAIRS)
def test_output_gradient_chosen_by_compile_agrees_with_the_chain_rule(rng, out, loss):
    """Away from clipping, dL/dz = (p − t)/n equals dL/dp followed by f' (the chain rule)."""
    from lossbook import activations, losses

    n = 5
    x = rng.normal(size=(n, 4))
    labels = rng.integers(0, 3, n)
    y = {"sparse_categorical_crossentropy": labels,
         "categorical_crossentropy": np.eye(3)[labels],
         "binary_crossentropy": rng.integers(0, 2, (n, 3)).astype(float)}[loss]
    model = Sequential([Input((4,)), Dense(3, activation=out)], seed=0)
    model.compile(optimizer=SGD(learning_rate=1.0), loss=loss)
    assert model.starts_at_logits
    grads = gradient_by_sgd_step(model, x, y)
    z = x @ model.layers[0].kernel + model.layers[0].bias
    p = activations.get(out)(z)
    dz = activations.get_grad(out)(z, upstream=losses.get_grad(loss)(y, p)) / n
    np.testing.assert_allclose(grads[0], x.T @ dz, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(grads[1], dz.sum(axis=0), rtol=1e-9, atol=1e-12)
    model.compile(optimizer="sgd", loss="mse")
    assert not model.starts_at_logits  # softmax + MSE: the chain rule


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_output_gradient_is_exact_where_keras_clips(keras):
    """Logits z = [30, 0, -5], label 1: softmax gives p1 ~ 9e-14, which Keras clips to 1e-7.

    The clipped loss is flat there, so the chain rule (and Keras) give dL/dz = [0, 0, 0]:
    the sample is badly wrong but nothing is learned from it. lossbook's output gradient
    (p - t)/n is the exact derivative, [1, -1, 0].
    """
    from lossbook import activations, losses

    z = np.array([[30.0, 0.0, -5.0]])
    x, y = np.array([[1.0]]), np.array([1])  # x = 1, so dL/dW = dL/dz and dL/db = dL/dz
    model = Sequential([Dense(3, activation="softmax")], seed=0)
    model.build((1,))
    model.set_weights([z, np.zeros(3)])
    model.compile(optimizer=SGD(learning_rate=1.0), loss="sparse_categorical_crossentropy")
    d_kernel, d_bias = gradient_by_sgd_step(model, x, y)
    np.testing.assert_allclose(d_kernel, [[1.0, -1.0, 0.0]], atol=1e-12)
    np.testing.assert_allclose(d_bias, [1.0, -1.0, 0.0], atol=1e-12)
    # the chain rule through the clipped loss (Keras's path): exactly zero
    p = activations.softmax(z)
    dp = losses.sparse_categorical_crossentropy_grad(y, p)
    np.testing.assert_array_equal(activations.softmax_grad(z, dp), 0.0)
    # Keras: one SGD(1) step leaves the weights where they were
    kmodel = keras.Sequential([keras.Input((1,)), keras.layers.Dense(3, activation="softmax")])
    kmodel.set_weights([z, np.zeros(3)])
    kmodel.compile(optimizer=keras.optimizers.SGD(learning_rate=1.0),
                   loss="sparse_categorical_crossentropy")
    kmodel.fit(x, y, batch_size=1, epochs=1, shuffle=False, verbose=0)
    np.testing.assert_array_equal(kmodel.get_weights()[0], z)
    np.testing.assert_array_equal(kmodel.get_weights()[1], 0.0)


def test_fit_checks_the_targets_against_the_metrics_once(rng):
    """Batches update the metrics without checks, so fit checks y against each metric first."""
    x = rng.normal(size=(8, 5))
    y_onehot = np.eye(3)[rng.integers(0, 3, size=8)]
    model = small_net()
    model.compile(optimizer=SGD(0.1), loss="categorical_crossentropy",
                  metrics=["sparse_categorical_accuracy"])
    with pytest.raises(ValueError, match="shape mismatch"):
        model.fit(x, y_onehot, batch_size=4, epochs=1, verbose=0)
