"""Tests for lossbook.activations: hand values, float64 references, Keras, gradients."""

import math

import numpy as np
import pytest
from helpers import central_diff, rel_err
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossbook import activations as A  # noqa: N812

ELEMENTWISE = ["step", "linear", "sigmoid", "tanh", "relu", "leaky_relu"]


# --- independent float64 references (written without lossbook) ------------------------


def ref_sigmoid(x):
    # moderate inputs only; plain textbook formula
    return 1.0 / (1.0 + np.exp(-x))


REFERENCE = {
    "step": lambda x: np.array([1.0 if v > 0 else 0.0 for v in x.ravel()]).reshape(x.shape),
    "linear": lambda x: x,
    "sigmoid": ref_sigmoid,
    "tanh": lambda x: (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)),
    "relu": lambda x: np.where(x > 0, x, 0.0),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.2 * x),
}

REFERENCE_GRAD = {
    "step": lambda x: np.zeros_like(x),
    "linear": lambda x: np.ones_like(x),
    "sigmoid": lambda x: np.exp(-x) / (1.0 + np.exp(-x)) ** 2,
    "tanh": lambda x: 4.0 / (np.exp(x) + np.exp(-x)) ** 2,  # sech²
    "relu": lambda x: np.where(x > 0, 1.0, 0.0),
    "leaky_relu": lambda x: np.where(x > 0, 1.0, 0.2),
}


def ref_softmax_1d(v):
    e = [math.exp(a - max(v)) for a in v]
    s = math.fsum(e)
    return [a / s for a in e]


def away_from_kink(rng, shape, low=-4.0, high=4.0, gap=1e-3):
    x = rng.uniform(low, high, size=shape)
    return np.where(np.abs(x) < gap, x + np.sign(x + 1e-12) * 2 * gap, x)


# --- hand-computed values --------------------------------------------------------------


def test_step_seed_convention():
    # seed 001: output 1 if x > 0 else 0, so the step at exactly 0 is 0
    assert A.step([-3.0, -1e-12, 0.0, 1e-12, 5.0]).tolist() == [0, 0, 0, 1, 1]
    assert A.step_grad([-1.0, 0.0, 1.0]).tolist() == [0, 0, 0]


def test_sigmoid_hand_values():
    # σ(ln 3) = 1 / (1 + 1/3) = 3/4 ; σ(0) = 1/2 ; σ(-ln 3) = 1/4
    np.testing.assert_allclose(
        A.sigmoid([math.log(3), 0.0, -math.log(3)]), [0.75, 0.5, 0.25], rtol=1e-15
    )
    # σ'(ln 3) = 3/4 · 1/4 = 3/16
    np.testing.assert_allclose(A.sigmoid_grad([math.log(3)]), [3 / 16], rtol=1e-15)


def test_tanh_hand_values():
    # tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 3/5 ; derivative 1 - 9/25 = 16/25
    np.testing.assert_allclose(A.tanh([math.log(2)]), [0.6], rtol=1e-15)
    np.testing.assert_allclose(A.tanh_grad([math.log(2)]), [16 / 25], rtol=1e-14)


def test_relu_and_leaky_hand_values():
    x = [-2.0, -0.5, 0.0, 0.5, 2.0]
    assert A.relu(x).tolist() == [0, 0, 0, 0.5, 2.0]
    assert A.relu_grad(x).tolist() == [0, 0, 0, 1, 1]  # relu'(0) = 0 by convention
    assert A.leaky_relu(x).tolist() == [-0.4, -0.1, 0.0, 0.5, 2.0]
    assert A.leaky_relu(x, negative_slope=0.01).tolist() == [-0.02, -0.005, 0.0, 0.5, 2.0]
    assert A.leaky_relu_grad(x).tolist() == [0.2, 0.2, 0.2, 1, 1]
    assert A.leaky_relu_grad(x, 0.1).tolist() == [0.1, 0.1, 0.1, 1, 1]


def test_softmax_hand_values():
    # exp(0), exp(ln 2), exp(ln 3) = 1, 2, 3  ->  1/6, 2/6, 3/6
    s = A.softmax([0.0, math.log(2), math.log(3)])
    np.testing.assert_allclose(s, [1 / 6, 2 / 6, 3 / 6], rtol=1e-14)
    np.testing.assert_allclose(
        A.log_softmax([0.0, math.log(2), math.log(3)]),
        [math.log(1 / 6), math.log(2 / 6), math.log(3 / 6)],
        rtol=1e-14,
    )
    # Jacobian for s = (1/2, 1/2): [[1/4, -1/4], [-1/4, 1/4]]
    np.testing.assert_allclose(A.softmax_jacobian([5.0, 5.0]), [[0.25, -0.25], [-0.25, 0.25]])


# --- independent float64 references at 1e-12 --------------------------------------------


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize("shape", [(7,), (4, 5), (2, 3, 4)])
def test_elementwise_matches_reference(name, shape, rng):
    x = away_from_kink(rng, shape, -6, 6)
    f, g = A.get(name), A.get_grad(name)
    np.testing.assert_allclose(f(x), REFERENCE[name](x), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(g(x), REFERENCE_GRAD[name](x), rtol=1e-12, atol=1e-12)
    up = rng.normal(size=shape)
    np.testing.assert_allclose(
        g(x, upstream=up), up * REFERENCE_GRAD[name](x), rtol=1e-12, atol=1e-12
    )


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_matches_reference(axis, rng):
    x = rng.normal(scale=3.0, size=(3, 4, 5))
    moved = np.moveaxis(x, axis, -1)
    expect = np.array([ref_softmax_1d(list(v)) for v in moved.reshape(-1, moved.shape[-1])])
    expect = np.moveaxis(expect.reshape(moved.shape), -1, axis)
    np.testing.assert_allclose(A.softmax(x, axis=axis), expect, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(
        A.log_softmax(x, axis=axis), np.log(expect), rtol=1e-12, atol=1e-12
    )


def test_softmax_grad_is_jacobian_product(rng):
    x = rng.normal(size=(6, 4))
    up = rng.normal(size=(6, 4))
    vjp = A.softmax_grad(x, up)
    for row, g, out in zip(x, up, vjp, strict=True):
        s = np.array(ref_softmax_1d(list(row)))
        jac = np.array([[s[i] * ((i == j) - s[j]) for j in range(4)] for i in range(4)])
        np.testing.assert_allclose(A.softmax_jacobian(row), jac, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(out, g @ jac, rtol=1e-12, atol=1e-15)
        # log_softmax Jacobian: δ_ij - s_j
        ljac = np.eye(4) - s[None, :]
        np.testing.assert_allclose(
            A.log_softmax_grad(row, g), g @ ljac, rtol=1e-12, atol=1e-15
        )


# --- finite differences ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "linear"])
def test_elementwise_grad_vs_finite_difference(name, rng):
    x = away_from_kink(rng, (3, 4))
    f = A.get(name)
    numeric = central_diff(lambda v: np.sum(f(v)), x)
    assert rel_err(A.get_grad(name)(x), numeric) < 1e-7


@pytest.mark.parametrize("axis", [-1, 0])
def test_softmax_vjp_vs_finite_difference(axis, rng):
    x = rng.normal(size=(3, 4))
    up = rng.normal(size=(3, 4))
    numeric = central_diff(lambda v: np.sum(up * A.softmax(v, axis=axis)), x)
    assert rel_err(A.softmax_grad(x, up, axis=axis), numeric) < 1e-7
    numeric = central_diff(lambda v: np.sum(up * A.log_softmax(v, axis=axis)), x)
    assert rel_err(A.log_softmax_grad(x, up, axis=axis), numeric) < 1e-7


# --- Keras 3 and JAX ---------------------------------------------------------------------


@pytest.mark.keras
@pytest.mark.parametrize("name", ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"])
def test_matches_keras(name, keras, rng):
    x = rng.normal(scale=4.0, size=(5, 6))
    x[0, :3] = [1e4, -1e4, 0.0]
    expect = np.asarray(keras.activations.get(name)(x))
    got = A.get(name)(x)
    np.testing.assert_allclose(got, expect, rtol=1e-6, atol=1e-6)


@pytest.mark.keras
def test_keras_defaults_match(keras, rng):
    x = rng.normal(size=(4, 3))
    np.testing.assert_allclose(
        A.leaky_relu(x), np.asarray(keras.activations.leaky_relu(x)), rtol=1e-6
    )
    np.testing.assert_allclose(
        A.softmax(x, axis=0), np.asarray(keras.activations.softmax(x, axis=0)), rtol=1e-6
    )
    np.testing.assert_allclose(
        A.log_softmax(x), np.asarray(keras.activations.log_softmax(x)), rtol=1e-6
    )
    assert keras.activations.get(None)(1.5) == A.get(None)(1.5) == 1.5


@pytest.mark.keras
@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "softmax"])
def test_grad_matches_jax(name, keras, rng):
    import jax

    x = away_from_kink(rng, (4, 5))
    up = rng.normal(size=(4, 5))
    keras_fn = keras.activations.get(name)
    out, vjp = jax.vjp(keras_fn, x)
    # Keras 3.15 computes tanh in float32 even for float64 input: match the cotangent dtype
    expect = np.asarray(vjp(up.astype(out.dtype))[0])
    got = A.get_grad(name)(x, upstream=up)
    np.testing.assert_allclose(got, expect, rtol=1e-6, atol=1e-6)


@pytest.mark.keras
def test_relu_grad_at_zero_matches_jax(keras):
    import jax

    assert float(jax.grad(keras.activations.relu)(0.0)) == A.relu_grad([0.0])[0] == 0.0


# --- stability -------------------------------------------------------------------------


def test_large_inputs_are_finite_without_warnings():
    x = np.array([-1e4, -800.0, -40.0, 0.0, 40.0, 800.0, 1e4])
    with np.errstate(all="raise"):
        s = A.sigmoid(x)
        ds = A.sigmoid_grad(x)
        sm = A.softmax(x)
        lsm = A.log_softmax(x)
        t = A.tanh(x)
    assert s[0] == 0.0 and s[-1] == 1.0 and s[3] == 0.5
    assert np.all(np.diff(s) >= 0)
    assert ds[0] == 0.0 and ds[-1] == 0.0
    np.testing.assert_array_equal(sm, [0, 0, 0, 0, 0, 0, 1])
    assert lsm[-1] == 0.0 and lsm[0] == -2e4
    np.testing.assert_array_equal(t[[0, -1]], [-1.0, 1.0])
    # the analytic limit σ(-x) ~ e^-x for a large but representable x
    np.testing.assert_allclose(A.sigmoid([-40.0]), [math.exp(-40) / (1 + math.exp(-40))])


# --- properties --------------------------------------------------------------------------

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)


@settings(max_examples=50, deadline=None)
@given(
    hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5), elements=finite),
    st.floats(-100, 100),
)
def test_softmax_sums_to_one_and_is_shift_invariant(x, c):
    s = A.softmax(x)
    np.testing.assert_allclose(np.sum(s, axis=-1), 1.0, rtol=1e-12)
    assert np.all(s >= 0) and s.shape == x.shape
    np.testing.assert_allclose(A.softmax(x + c), s, rtol=1e-9, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=finite))
def test_sigmoid_symmetry_and_tanh_identity(x):
    np.testing.assert_allclose(A.sigmoid(-x), 1 - A.sigmoid(x), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(A.tanh(x), 2 * A.sigmoid(2 * x) - 1, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(ELEMENTWISE + ["softmax", "log_softmax"]),
       st.sampled_from([np.float32, np.float64]),
       hnp.array_shapes(min_dims=1, max_dims=3, max_side=4),
       st.integers(0, 2**32 - 1))
def test_shape_and_dtype_are_kept(name, dtype, shape, seed):
    x = np.random.default_rng(seed).normal(scale=3, size=shape).astype(dtype)
    out = A.get(name)(x)
    assert out.shape == x.shape and out.dtype == dtype
    if name in ELEMENTWISE:
        grad = A.get_grad(name)(x)
        assert grad.shape == x.shape and grad.dtype == dtype
        # float32 agrees with float64 to float32 precision
        np.testing.assert_allclose(out, A.get(name)(x.astype(np.float64)), rtol=1e-5, atol=1e-6)


def test_integer_input_becomes_float64():
    assert A.relu([1, -2]).dtype == np.float64
    assert A.sigmoid(np.int32(0)) == 0.5


# --- lookup ----------------------------------------------------------------------------


def test_get_names_and_none():
    for name in ELEMENTWISE + ["softmax", "log_softmax"]:
        assert A.get(name) is getattr(A, name)
        assert A.get_grad(name) is getattr(A, name + "_grad")
    assert A.get("ReLU") is A.relu
    assert A.get(None) is A.linear
    assert A.get(A.tanh) is A.tanh
    assert A.get_grad(A.tanh) is A.tanh_grad
    assert A.get_grad(None) is A.linear_grad


def test_get_unknown_name_lists_known():
    with pytest.raises(ValueError, match=r"unknown activation 'swishy'.*relu.*sigmoid"):
        A.get("swishy")
    with pytest.raises(TypeError, match="activation identifier must be a string"):
        A.get(3)
    with pytest.raises(ValueError, match="no known derivative for activation"):
        A.get_grad(np.sin)


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ELEMENTWISE + ["softmax", "log_softmax"])
def test_bad_inputs_raise(name):
    f = A.get(name)
    with pytest.raises(ValueError, match=r"x contains NaN or infinity \(first at index \(1,\)"):
        f([0.0, np.nan])
    with pytest.raises(ValueError, match="x contains NaN or infinity"):
        f([np.inf])
    with pytest.raises(ValueError, match="x is empty"):
        f([])
    with pytest.raises(TypeError, match="x must be numeric"):
        f("1.0")


def test_bad_gradient_arguments():
    with pytest.raises(ValueError, match=r"upstream has shape \(3,\) but x has shape \(2,\)"):
        A.sigmoid_grad([0.0, 1.0], upstream=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"upstream has shape \(1, 2\) but x has shape \(2,\)"):
        A.softmax_grad([0.0, 1.0], [[1.0, 2.0]])
    with pytest.raises(ValueError, match="upstream contains NaN"):
        A.relu_grad([1.0], upstream=[np.nan])
    with pytest.raises(ValueError, match=r"softmax_jacobian needs one vector.*\(2, 2\)"):
        A.softmax_jacobian([[1.0, 2.0], [3.0, 4.0]])


def test_bad_softmax_axis_and_slope():
    with pytest.raises(ValueError, match="axis 2 is out of range for x with 2 dimension"):
        A.softmax(np.zeros((2, 3)), axis=2)
    with pytest.raises(TypeError, match="axis must be an integer"):
        A.softmax([1.0, 2.0], axis=0.5)
    with pytest.raises(ValueError, match="softmax; got a scalar"):
        A.softmax(1.0)
    with pytest.raises(ValueError, match="negative_slope must be a finite number >= 0"):
        A.leaky_relu([1.0], negative_slope=-0.1)
    with pytest.raises(TypeError, match="negative_slope must be a real number"):
        A.leaky_relu_grad([1.0], negative_slope="0.2")
