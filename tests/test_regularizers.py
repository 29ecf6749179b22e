"""lossbook.regularizers against Keras 3: the penalty Keras adds to the loss, its
gradient (finite differences and JAX), names and argument checks."""

import inspect

import numpy as np
import pytest
from helpers import central_diff

from lossbook import regularizers as lr

keras_only = pytest.mark.keras

CONFIGS = [("L1", {}), ("L1", {"l1": 0.3}), ("L2", {}), ("L2", {"l2": 0.25}),
           ("L1L2", {}), ("L1L2", {"l1": 0.1, "l2": 0.2}), ("L1L2", {"l1": None, "l2": 0.5}),
           ("L1", {"l1": None}), ("L2", {"l2": 0})]


def params(obj):
    return [(p.name, p.kind, p.default) for p in inspect.signature(obj).parameters.values()]


@keras_only
@pytest.mark.parametrize("name", ["Regularizer", "L1", "L2", "L1L2"])
def test_signatures_match_keras(keras, name):
    mine, theirs = getattr(lr, name), getattr(keras.regularizers, name)
    assert params(mine) == params(theirs)
    assert params(mine.__call__) == params(theirs.__call__)
    assert params(lr.get) == params(keras.regularizers.get)


@keras_only
@pytest.mark.parametrize("name, kwargs", CONFIGS)
def test_penalty_and_gradient_equal_keras(keras, name, kwargs, rng):
    import jax

    mine = getattr(lr, name)(**kwargs)
    theirs = getattr(keras.regularizers, name)(**kwargs)
    assert mine.get_config() == theirs.get_config()
    for shape in [(4, 3), (7,), (2, 3, 2), "zeros"]:
        # "zeros": a bias that starts at 0, where |w| has no derivative (JAX takes +1)
        w = np.zeros(5) if shape == "zeros" else rng.normal(size=shape)
        shape = w.shape
        assert mine(w) == pytest.approx(float(theirs(w)), rel=1e-12, abs=1e-15)
        jax_grad = np.asarray(jax.grad(lambda v: theirs(v))(w))
        np.testing.assert_allclose(mine.gradient(w), jax_grad, rtol=1e-12, atol=1e-15)
        if np.all(w != 0):  # finite differences need a derivative
            np.testing.assert_allclose(mine.gradient(w), central_diff(mine, w), rtol=1e-6,
                                       atol=1e-9)
        assert isinstance(mine(w), float) and mine.gradient(w).shape == shape


def test_exact_values():
    w = np.array([[1.0, -2.0], [0.0, 3.0]])
    assert lr.L1(0.1)(w) == pytest.approx(0.6, rel=1e-15)
    assert lr.L2(0.1)(w) == pytest.approx(1.4, rel=1e-15)  # no ½: 0.1·(1 + 4 + 9)
    assert lr.L1L2(0.1, 0.1)(w) == pytest.approx(2.0, rel=1e-15)
    np.testing.assert_array_equal(lr.L1(0.1).gradient(w), [[0.1, -0.1], [0.1, 0.1]])  # +1 at 0
    np.testing.assert_array_equal(lr.L2(0.5).gradient(w), w)
    assert lr.L2()(w.astype(np.float32)) == pytest.approx(0.14, rel=1e-6)
    assert lr.L2().gradient(w.astype(np.float32)).dtype == np.float32
    assert np.isnan(lr.L2()(np.array([np.nan])))  # NaN weights reach the loss


@keras_only
def test_penalty_is_what_keras_adds_to_the_loss(keras, rng):
    """A Keras model with kernel regularizers: its loss is mse + Σ penalties of the kernels."""
    x, y = rng.normal(size=(10, 3)), rng.normal(size=(10, 1))
    regs = [lr.L1L2(0.01, 0.02), lr.L2(0.05)]
    model = keras.Sequential([
        keras.Input((3,)),
        keras.layers.Dense(4, activation="tanh",
                           kernel_regularizer=keras.regularizers.L1L2(0.01, 0.02)),
        keras.layers.Dense(1, kernel_regularizer=keras.regularizers.L2(0.05)),
    ])
    model.compile(loss="mse")
    keras_loss = model.evaluate(x, y, batch_size=10, verbose=0)
    kernels = model.get_weights()[0::2]
    mse = np.mean((np.asarray(model(x)) - y) ** 2)
    mine = mse + sum(reg(k) for reg, k in zip(regs, kernels, strict=True))
    assert mine == pytest.approx(keras_loss, rel=1e-6)
    assert mine - mse > 0.01  # the penalty is a visible part of the loss


@keras_only
def test_get_resolves_names_like_keras(keras):
    from keras.src.regularizers import ALL_OBJECTS_DICT

    names = [n for n in ALL_OBJECTS_DICT if "orthogonal" not in n.lower()]
    assert sorted(names) == sorted(lr._BY_NAME)
    for name in names:
        assert type(lr.get(name)).__name__ == type(keras.regularizers.get(name)).__name__
    for bad in ("L3", "l1_l2", "weight_decay", 0.01):
        with pytest.raises(ValueError, match="Could not interpret regularizer identifier"):
            keras.regularizers.get(bad)
        with pytest.raises(ValueError, match="Could not interpret regularizer identifier"):
            lr.get(bad)
    with pytest.raises(ValueError, match="exists in Keras but not in lossbook"):
        lr.get("OrthogonalRegularizer")
    assert lr.get(None) is None
    reg = lr.L2(0.3)
    assert lr.get(reg) is reg
    got = lr.get({"class_name": "L1L2", "config": {"l1": 0.1, "l2": 0.2}})
    assert got.get_config() == keras.regularizers.get(
        {"class_name": "L1L2", "config": {"l1": 0.1, "l2": 0.2}}).get_config()


@keras_only
@pytest.mark.parametrize("bad", [-0.1, float("nan"), float("inf"), "0.1"])
def test_bad_factors_raise_like_keras(keras, bad):
    for module in (lr, keras.regularizers):
        with pytest.raises(ValueError, match="expected a non-negative float"):
            module.L2(bad)
        with pytest.raises(ValueError, match="expected a non-negative float"):
            module.L1L2(l1=bad)


def test_non_numeric_weights_raise():
    with pytest.raises(TypeError, match="numeric weight array"):
        lr.L1()(np.array(["a"]))
