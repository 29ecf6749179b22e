"""Tests for lossbook.losses: hand values, float64 references, Keras, gradients, errors."""

import math

import numpy as np
import pytest
from helpers import central_diff, rel_err
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossbook import losses as L  # noqa: N812

EPS = 1e-7
KERAS_NAMES = [
    "mean_squared_error",
    "mean_absolute_error",
    "mean_squared_logarithmic_error",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
]
CROSSENTROPIES = KERAS_NAMES[3:]

# seed 001: the answer is class 6, softmax output puts 0.8 there
SEED_T = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]
SEED_Y = [0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.8, 0.0, 0.1, 0.0]
# the textbook example: the answer is class 2, 0.6 there
BOOK_T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
BOOK_Y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
BOOK_Y_WRONG = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]


# --- helpers -----------------------------------------------------------------------------


def random_probs(rng, shape, low=0.05):
    """Rows of a softmax-like distribution with every entry well inside (0, 1)."""
    p = rng.uniform(low, 1.0, size=shape)
    return p / p.sum(axis=-1, keepdims=True)


def random_one_hot(rng, shape):
    labels = rng.integers(0, shape[-1], size=shape[:-1])
    return np.eye(shape[-1])[labels], labels


# --- independent float64 references (loops over samples, plain math) --------------------


def per_row(fn, *arrays):
    """Apply fn(row_a, row_b, ...) to every sample (last axis) of equally shaped arrays."""
    lead = arrays[0].shape[:-1]
    out = np.empty(lead)
    for idx in np.ndindex(lead):
        out[idx] = fn(*[list(a[idx]) for a in arrays])
    return out


def ref_mse(t, y):
    return math.fsum((a - b) ** 2 for a, b in zip(t, y, strict=True)) / len(t)


def ref_mae(t, y):
    return math.fsum(abs(a - b) for a, b in zip(t, y, strict=True)) / len(t)


def ref_msle(t, y):
    return math.fsum(
        (math.log(max(b, EPS) + 1) - math.log(max(a, EPS) + 1)) ** 2
        for a, b in zip(t, y, strict=True)
    ) / len(t)


def ref_bce(t, y):
    total = 0.0
    for a, b in zip(t, y, strict=True):
        p = min(max(b, EPS), 1 - EPS)
        total += a * math.log(p) + (1 - a) * math.log(1 - p)
    return -total / len(t)


def ref_bce_logits(t, z):
    # -[t·log σ(z) + (1-t)·log(1-σ(z))] with log σ(z) = -log(1+e^-z), log(1-σ(z)) = -z - log(1+e^-z)
    total = 0.0
    for a, b in zip(t, z, strict=True):
        log_p = -math.log1p(math.exp(-b)) if b > 0 else b - math.log1p(math.exp(b))
        log_q = log_p - b
        total += a * log_p + (1 - a) * log_q
    return -total / len(t)


def ref_cce(t, y):
    s = math.fsum(y)
    return -math.fsum(
        a * math.log(min(max(b / s, EPS), 1 - EPS)) for a, b in zip(t, y, strict=True)
    )


def ref_cce_logits(t, z):
    m = max(z)
    lse = m + math.log(math.fsum(math.exp(v - m) for v in z))
    return -math.fsum(a * (v - lse) for a, v in zip(t, z, strict=True))


REFERENCE = {
    "mean_squared_error": ref_mse,
    "mean_absolute_error": ref_mae,
    "mean_squared_logarithmic_error": ref_msle,
    ("binary_crossentropy", False): ref_bce,
    ("binary_crossentropy", True): ref_bce_logits,
    ("categorical_crossentropy", False): ref_cce,
    ("categorical_crossentropy", True): ref_cce_logits,
}


# --- hand-computed values ----------------------------------------------------------------


def test_seed_001_example_by_hand():
    # SSE = ½(0.1² + 0.2² + 0.1²) = ½·0.06 = 0.03 ; CEE = -ln(0.8 + 1e-7)
    assert L.sum_squared_error(SEED_T, SEED_Y) == pytest.approx(0.03, rel=1e-12)
    assert L.cross_entropy_error(SEED_T, SEED_Y) == pytest.approx(-math.log(0.8 + 1e-7), rel=1e-12)
    # integer label 6 gives the same cross entropy
    assert L.cross_entropy_error(6, SEED_Y) == pytest.approx(-math.log(0.8 + 1e-7), rel=1e-12)


def test_textbook_example_by_hand():
    # correct class 2 at 0.6: SSE = ½(0.01 + 0.0025 + 0.16 + 0.0025 + 0.01 + 0.01) = 0.0975
    assert L.sum_squared_error(BOOK_T, BOOK_Y) == pytest.approx(0.0975, rel=1e-12)
    assert L.cross_entropy_error(BOOK_T, BOOK_Y) == pytest.approx(0.510825457, rel=1e-8)
    # wrong guess (0.6 on class 7, 0.1 on class 2): SSE = ½(0.01+0.0025+0.81+0.0025+0.01+0.36)
    assert L.sum_squared_error(BOOK_T, BOOK_Y_WRONG) == pytest.approx(0.5975, rel=1e-12)
    assert L.cross_entropy_error(BOOK_T, BOOK_Y_WRONG) == pytest.approx(2.302584093, rel=1e-8)


def test_seed_000_best_and_worst_case():
    t = np.zeros(10)
    t[2] = 1
    assert L.sum_squared_error(t, t) == 0.0
    worst = np.zeros(10)
    worst[5] = 1
    assert L.sum_squared_error(t, worst) == 1.0  # ½·(1 + 1)
    # a confident wrong answer: -ln(0 + 1e-7) = 7·ln 10
    assert L.cross_entropy_error(t, worst) == pytest.approx(7 * math.log(10), rel=1e-12)
    assert L.cross_entropy_error(t, worst, delta=0) == math.inf


def test_textbook_batch_is_mean_and_labels_equal_one_hot():
    y = np.array([BOOK_Y, BOOK_Y_WRONG, SEED_Y])
    labels = np.array([2, 2, 6])
    one_hot = np.eye(10)[labels]
    expect = (-math.log(0.6 + 1e-7) - math.log(0.1 + 1e-7) - math.log(0.8 + 1e-7)) / 3
    assert L.cross_entropy_error(one_hot, y) == pytest.approx(expect, rel=1e-12)
    assert L.cross_entropy_error(labels, y) == pytest.approx(expect, rel=1e-12)
    # seed 000's batch code computed -Σ label·log(y[label]); with label 0 that term vanishes
    y2 = np.array([[0.5, 0.5], [0.9, 0.1]])
    assert L.cross_entropy_error([0, 0], y2) == pytest.approx(
        -(math.log(0.5 + 1e-7) + math.log(0.9 + 1e-7)) / 2, rel=1e-12
    )
    sse = (0.0975 + 0.5975 + 0.03) / 3
    assert L.sum_squared_error(one_hot, y) == pytest.approx(sse, rel=1e-12)


def test_keras_docstring_examples_by_hand():
    y_pred = [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]
    expect = [-math.log(0.95), -math.log(0.1)]
    np.testing.assert_allclose(
        L.categorical_crossentropy([[0, 1, 0], [0, 0, 1]], y_pred), expect, rtol=1e-12
    )
    np.testing.assert_allclose(
        L.sparse_categorical_crossentropy([1, 2], y_pred), expect, rtol=1e-12
    )
    np.testing.assert_allclose(
        L.binary_crossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]),
        [-math.log(0.4), -(math.log(0.6) + math.log(0.4)) / 2],
        rtol=1e-12,
    )
    np.testing.assert_allclose(
        L.mean_squared_error([[0, 1], [0, 0]], [[1, 1], [1, 0]]), [0.5, 0.5], rtol=1e-15
    )
    np.testing.assert_allclose(
        L.mean_absolute_error([[0, 1], [0, 0]], [[1, 1], [1, 0]]), [0.5, 0.5], rtol=1e-15
    )
    # MSLE: (ln(e) - ln 1)² averaged over 2 entries (y_true 0 -> clamped to 1e-7)
    np.testing.assert_allclose(
        L.mean_squared_logarithmic_error([[0.0, 0.0]], [[math.e - 1, 0.0]]), [0.5], rtol=1e-6
    )


def test_categorical_renormalises_like_keras():
    # y_pred [1, 3] is divided by its sum 4 first: -ln(3/4)
    np.testing.assert_allclose(L.categorical_crossentropy([0, 1], [0.25, 0.75]), -math.log(0.75))
    np.testing.assert_allclose(L.categorical_crossentropy([0, 1], [0.1, 0.3]), -math.log(0.75))
    # a zero probability on the true class is clipped to 1e-7
    np.testing.assert_allclose(L.categorical_crossentropy([1, 0], [0.0, 1.0]), -math.log(1e-7))
    np.testing.assert_allclose(L.binary_crossentropy([1.0], [0.0]), -math.log(1e-7))


def test_mse_gradient_by_hand():
    # d/dy mean((y - t)²) over 2 entries = (y - t)
    np.testing.assert_allclose(L.mean_squared_error_grad([[0, 1]], [[1, 3]]), [[1.0, 2.0]])
    np.testing.assert_allclose(
        L.sum_squared_error_grad(SEED_T, SEED_Y), np.subtract(SEED_Y, SEED_T)
    )
    np.testing.assert_allclose(L.cross_entropy_error_grad(6, SEED_Y)[6], -1 / (0.8 + 1e-7))


# --- float64 references at 1e-12 ------------------------------------------------------------


@pytest.mark.parametrize("shape", [(6,), (5, 4), (2, 3, 5)])
@pytest.mark.parametrize("name", ["mean_squared_error", "mean_absolute_error",
                                  "mean_squared_logarithmic_error"])
def test_regression_losses_match_reference(name, shape, rng):
    t = rng.normal(size=shape)
    y = rng.normal(size=shape)  # MSLE clamps the negative ones to 1e-7
    if name == "mean_squared_logarithmic_error":
        t = np.abs(t) * (rng.uniform(size=shape) > 0.3)
    got = L.get(name)(t, y)
    assert np.shape(got) == shape[:-1]
    np.testing.assert_allclose(got, per_row(REFERENCE[name], t, y), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("shape", [(6,), (5, 4), (2, 3, 5)])
@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("name", ["binary_crossentropy", "categorical_crossentropy"])
def test_crossentropies_match_reference(name, from_logits, shape, rng):
    if name == "binary_crossentropy":
        t = rng.uniform(size=shape)
        y = rng.normal(scale=5, size=shape) if from_logits else rng.uniform(size=shape)
        if not from_logits:
            y.flat[::4] = 0.0  # some entries hit the clipping
            y.flat[1::5] = 1.0
    else:
        t, _ = random_one_hot(rng, shape)
        y = rng.normal(scale=5, size=shape) if from_logits else rng.uniform(size=shape)
        if not from_logits:
            y.flat[::3] = 0.0
    got = L.get(name)(t, y, from_logits=from_logits)
    assert np.shape(got) == shape[:-1]
    expect = per_row(REFERENCE[(name, from_logits)], t, y)
    np.testing.assert_allclose(got, expect, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("from_logits", [False, True])
def test_sparse_equals_categorical_with_one_hot(from_logits, rng):
    shape = (3, 4, 6)
    t, labels = random_one_hot(rng, shape)
    y = rng.normal(size=shape) if from_logits else rng.uniform(size=shape)
    ref = per_row(REFERENCE[("categorical_crossentropy", from_logits)], t, y)
    got = L.sparse_categorical_crossentropy(labels, y, from_logits=from_logits)
    np.testing.assert_allclose(got, ref, rtol=1e-12)
    got = L.sparse_categorical_crossentropy(labels[..., None], y, from_logits=from_logits)
    np.testing.assert_allclose(got, ref, rtol=1e-12)
    np.testing.assert_allclose(
        L.sparse_categorical_crossentropy_grad(labels, y, from_logits=from_logits),
        L.categorical_crossentropy_grad(t, y, from_logits=from_logits),
        rtol=1e-12,
    )


def test_textbook_losses_match_reference(rng):
    y = random_probs(rng, (8, 10), low=0.0)
    y[0, 3] = 0.0
    t, labels = random_one_hot(rng, y.shape)
    sse = math.fsum(0.5 * (a - b) ** 2 for a, b in zip(y.ravel(), t.ravel(), strict=True)) / 8
    cee = -math.fsum(math.log(y[i, labels[i]] + 1e-7) for i in range(8)) / 8
    assert L.sum_squared_error(t, y) == pytest.approx(sse, rel=1e-12)
    assert L.cross_entropy_error(t, y) == pytest.approx(cee, rel=1e-12)
    assert L.cross_entropy_error(labels, y) == pytest.approx(cee, rel=1e-12)
    # one sample (1-D) is not divided by anything
    assert L.cross_entropy_error(t[0], y[0], delta=1e-3) == pytest.approx(
        -math.log(y[0, labels[0]] + 1e-3), rel=1e-12
    )


# --- Keras 3 ------------------------------------------------------------------------------------


def keras_inputs(name, from_logits, rng, shape=(6, 5)):
    if name == "sparse_categorical_crossentropy":
        labels = rng.integers(0, shape[-1], size=shape[:-1])
        t = labels
    elif name == "categorical_crossentropy":
        t, _ = random_one_hot(rng, shape)
    else:
        t = rng.uniform(size=shape)
    if from_logits:
        y = rng.normal(scale=4, size=shape)
        k = min(3, y.size)
        y.flat[:k] = [1e4, -1e4, 0.0][:k]
    elif name in CROSSENTROPIES:
        y = rng.uniform(size=shape)
        if shape[-1] >= 2:
            y.reshape(-1, shape[-1])[0, :2] = [0.0, 1.0]  # clipping at both ends
        y[1] = random_probs(rng, shape[-1:])  # a row that already sums to 1
    else:
        y = rng.normal(size=shape)
    return t, y


CASES = [(n, False) for n in KERAS_NAMES] + [(n, True) for n in CROSSENTROPIES]


@pytest.mark.keras
@pytest.mark.parametrize("name, from_logits", CASES)
def test_losses_match_keras(name, from_logits, keras, rng):
    t, y = keras_inputs(name, from_logits, rng)
    kw = {"from_logits": True} if from_logits else {}
    expect = np.asarray(getattr(keras.losses, name)(t, y, **kw))
    got = L.get(name)(t, y, **kw)
    assert got.shape == expect.shape
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got, expect, rtol=1e-6, atol=1e-6)


@pytest.mark.keras
@pytest.mark.parametrize("name, from_logits", CASES)
def test_gradients_match_jax_grad_of_keras(name, from_logits, keras, rng):
    import jax
    import jax.numpy as jnp

    t, y = keras_inputs(name, from_logits, rng)
    if not from_logits and name in CROSSENTROPIES:
        y[0, :2] = [0.3, 0.6]  # keep away from the clip boundaries' kinks
    kw = {"from_logits": True} if from_logits else {}
    if name == "mean_absolute_error":
        y = np.where(np.abs(y - t) < 1e-3, y + 0.01, y)
    keras_fn = getattr(keras.losses, name)
    expect = np.asarray(jax.grad(lambda v: jnp.sum(keras_fn(t, v, **kw)))(y))
    got = L.get_grad(name)(t, y, **kw)
    assert got.shape == y.shape
    np.testing.assert_allclose(got, expect, rtol=1e-6, atol=1e-6)


@pytest.mark.keras
def test_get_accepts_what_keras_accepts(keras):
    for name in ["mse", "MSE", "mae", "MAE", "msle", "MSLE", "bce", "BCE"] + KERAS_NAMES:
        assert L.get(name).__name__ == keras.losses.get(name).__name__
    for cls in ["MeanSquaredError", "BinaryCrossentropy", "SparseCategoricalCrossentropy"]:
        assert keras.losses.get(cls) is not None
        assert type(L.get(cls)).__name__ == type(keras.losses.get(cls)).__name__
        assert L.get(cls).fn.__name__ == keras.losses.get(cls).fn.__name__
    for name in ["meansquarederror", "Mse", "CCE", "crossentropy"]:  # Keras refuses these too
        with pytest.raises(ValueError):
            keras.losses.get(name)
        with pytest.raises(ValueError, match=f"unknown loss '{name}'"):
            L.get(name)


# --- gradients vs finite differences ------------------------------------------------------


def grad_cases(rng):
    shape = (3, 4)
    t_real = rng.normal(size=shape)
    t_prob = rng.uniform(size=shape)
    t_hot, labels = random_one_hot(rng, shape)
    y_real = rng.normal(size=shape)
    y_real = np.where(np.abs(y_real - t_real) < 1e-2, y_real + 0.05, y_real)  # MAE kinks
    y_pos = rng.uniform(0.1, 3.0, size=shape)
    y_prob = rng.uniform(0.05, 0.95, size=shape)
    y_dist = random_probs(rng, shape, low=0.1)
    logits = rng.normal(scale=3, size=shape)
    return [
        ("sum_squared_error", t_real, y_real, {}),
        ("cross_entropy_error", t_hot, y_dist, {}),
        ("cross_entropy_error", labels, y_dist, {"delta": 0.01}),
        ("mean_squared_error", t_real, y_real, {}),
        ("mean_absolute_error", t_real, y_real, {}),
        ("mean_squared_logarithmic_error", np.abs(t_real), y_pos, {}),
        ("binary_crossentropy", t_prob, y_prob, {}),
        ("binary_crossentropy", t_prob, logits, {"from_logits": True}),
        ("categorical_crossentropy", t_hot, y_prob, {}),  # rows do not sum to 1
        ("categorical_crossentropy", t_prob, y_dist, {}),  # soft targets
        ("categorical_crossentropy", t_prob, logits, {"from_logits": True}),
        ("sparse_categorical_crossentropy", labels, y_prob, {}),
        ("sparse_categorical_crossentropy", labels, logits, {"from_logits": True}),
    ]


@pytest.mark.parametrize("case", range(13))
def test_gradients_vs_finite_difference(case, rng):
    name, t, y, kw = grad_cases(rng)[case]
    loss, grad = L.get(name), L.get_grad(name)
    n = 3  # samples: textbook losses return the batch mean, the gradient is of the sum
    scale = n if name in ("sum_squared_error", "cross_entropy_error") else 1

    def total(v):
        return scale * np.sum(loss(t, v, **kw))

    assert rel_err(grad(t, y, **kw), central_diff(total, y)) < 1e-7


def test_gradient_is_zero_where_keras_clips():
    # clipped probabilities carry no gradient (the derivative of clip is 0 outside)
    g = L.binary_crossentropy_grad([[1.0, 0.0, 1.0]], [[0.0, 1.0, 0.5]])
    np.testing.assert_allclose(g, [[0.0, 0.0, -1 / (0.5 * 3)]])
    g = L.mean_squared_logarithmic_error_grad([[1.0, 1.0]], [[-2.0, 1.0]])
    assert g[0, 0] == 0.0 and g[0, 1] == 0.0


# --- stability ------------------------------------------------------------------------------


def test_extreme_logits_give_the_analytic_limit():
    with np.errstate(all="raise"):
        bce = L.binary_crossentropy(
            [[1.0], [0.0], [1.0], [0.0], [0.5]], [[-1e4], [1e4], [1e4], [-1e4], [1e4]],
            from_logits=True,
        )
        cce = L.categorical_crossentropy(
            [[0, 1, 0], [1, 0, 0], [0, 0, 1]], [[1e4, -1e4, 0.0]] * 3, from_logits=True
        )
        scce = L.sparse_categorical_crossentropy([1, 0, 2], [[1e4, -1e4, 0.0]] * 3,
                                                 from_logits=True)
        g_bce = L.binary_crossentropy_grad([[1.0, 0.0]], [[-1e4, 1e4]], from_logits=True)
        g_cce = L.categorical_crossentropy_grad([[0, 1, 0]], [[1e4, -1e4, 0.0]],
                                                from_logits=True)
    np.testing.assert_allclose(bce, [1e4, 1e4, 0.0, 0.0, 5e3], rtol=1e-15, atol=0)
    np.testing.assert_allclose(cce, [2e4, 0.0, 1e4], rtol=1e-15, atol=0)
    np.testing.assert_allclose(scce, cce, rtol=1e-15)
    np.testing.assert_allclose(g_bce, [[-0.5, 0.5]])
    np.testing.assert_allclose(g_cce, [[1.0, -1.0, 0.0]])


# --- properties ---------------------------------------------------------------------------

shapes = hnp.array_shapes(min_dims=1, max_dims=3, max_side=5)


@settings(max_examples=50, deadline=None)
@given(shapes, st.integers(0, 2**32 - 1), st.booleans())
def test_losses_are_non_negative_with_right_shape(shape, seed, from_logits):
    rng = np.random.default_rng(seed)
    for name in KERAS_NAMES + ["sum_squared_error", "cross_entropy_error"]:
        if from_logits and name not in CROSSENTROPIES:
            continue
        kw = {"from_logits": True} if from_logits else {}
        t, y = keras_inputs(name, from_logits, rng, shape=(2,) + shape)
        if name in ("sum_squared_error", "cross_entropy_error"):
            t, y = random_one_hot(rng, (2,) + shape)[0], random_probs(rng, (2,) + shape)
        out = L.get(name)(t, y, **kw)
        # the textbook δ makes a perfect prediction score -log(1 + δ), just below 0
        floor = -1.1e-7 * np.sum(t) / len(t) if name == "cross_entropy_error" else 0.0
        assert np.all(np.asarray(out) >= floor)
        if name in KERAS_NAMES:
            assert out.shape == (2,) + shape[:-1]
            assert L.get_grad(name)(t, y, **kw).shape == y.shape


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(np.float64, shapes, elements=st.floats(-1e3, 1e3)), st.integers(0, 2**32 - 1))
def test_mse_mae_symmetric_and_zero_on_equal(y, seed):
    t = np.random.default_rng(seed).normal(size=y.shape)
    for f in (L.mean_squared_error, L.mean_absolute_error, L.sum_squared_error):
        np.testing.assert_allclose(f(t, y), f(y, t), rtol=1e-15)
        assert np.all(np.asarray(f(y, y)) == 0)


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=2, max_side=5),
                  elements=st.floats(-20, 20)))
def test_logit_and_probability_forms_agree(z):
    # without clipping, CE(t, softmax z) from probabilities == CE(t, z) from logits
    t = np.eye(z.shape[-1])[np.argmax(z, axis=-1)]
    p = np.exp(z - z.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    if np.all((p > 1e-6) & (p < 1 - 1e-6)):
        np.testing.assert_allclose(
            L.categorical_crossentropy(t, p), L.categorical_crossentropy(t, z, from_logits=True),
            rtol=1e-9, atol=1e-12,
        )
    s = 1 / (1 + np.exp(-z))
    if np.all((s > 1e-6) & (s < 1 - 1e-6)):
        tb = (z > 0).astype(float)
        np.testing.assert_allclose(
            L.binary_crossentropy(tb, s), L.binary_crossentropy(tb, z, from_logits=True),
            rtol=1e-9, atol=1e-12,
        )


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CASES), st.integers(0, 2**32 - 1))
def test_float32_input_keeps_working(case, seed):
    name, from_logits = case
    rng = np.random.default_rng(seed)
    t, y = keras_inputs(name, from_logits, rng)
    kw = {"from_logits": True} if from_logits else {}
    if name in CROSSENTROPIES and not from_logits:
        # float32 rounds the clip bound 1 - 1e-7 to 1 - 1.19e-7: compare away from it
        y = np.clip(y, 1e-3, 1 - 1e-3)
    y32 = y.astype(np.float32)
    out = L.get(name)(t, y32, **kw)
    grad = L.get_grad(name)(t, y32, **kw)
    assert out.dtype == np.float32 and grad.dtype == np.float32
    assert np.all(np.isfinite(out)) and np.all(np.isfinite(grad))
    ref = L.get(name)(t, y32.astype(np.float64), **kw)
    np.testing.assert_allclose(out, ref, rtol=1e-4, atol=1e-4)


def test_integer_inputs_become_float64():
    assert L.mean_squared_error([[1, 2]], [[2, 2]]).dtype == np.float64
    assert L.categorical_crossentropy([[0, 1]], [[0, 1]]).dtype == np.float64


# --- lookup ---------------------------------------------------------------------------------


def test_get_and_get_grad():
    assert L.get("mse") is L.mean_squared_error
    assert L.get("MSE") is L.mean_squared_error
    assert L.get("bce") is L.binary_crossentropy
    assert L.get("sum_squared_error") is L.sum_squared_error
    assert L.get("cross_entropy_error") is L.cross_entropy_error
    assert L.get(L.mean_absolute_error) is L.mean_absolute_error
    assert L.get_grad("msle") is L.mean_squared_logarithmic_error_grad
    assert L.get_grad(L.sparse_categorical_crossentropy) is L.sparse_categorical_crossentropy_grad
    for name in KERAS_NAMES + ["sum_squared_error", "cross_entropy_error"]:
        assert L.get_grad(name) is getattr(L, name + "_grad")


def test_get_unknown_names():
    with pytest.raises(ValueError, match=r"unknown loss 'cce'; known names: .*bce.*mse"):
        L.get("cce")
    assert L.get(None) is None  # as keras.losses.get(None)
    with pytest.raises(ValueError, match="could not interpret loss identifier 5"):
        L.get(5)
    with pytest.raises(ValueError, match="no known derivative for loss"):
        L.get_grad(lambda t, y: 0.0)


# --- bad input -------------------------------------------------------------------------------

ALL_LOSSES = KERAS_NAMES + ["sum_squared_error", "cross_entropy_error"]


@pytest.mark.parametrize("fn_name", ALL_LOSSES + [n + "_grad" for n in ALL_LOSSES])
def test_bad_inputs_raise_clearly(fn_name):
    f = getattr(L, fn_name)
    good_t = [[0, 1]] if "sparse" not in fn_name else [1]
    with pytest.raises(ValueError, match=r"y_pred contains NaN or inf.*at index \(0, 1\)"):
        f(good_t, [[0.5, np.nan]])
    with pytest.raises(ValueError, match="y_pred contains NaN or infinity"):
        f(good_t, [[np.inf, 0.5]])
    with pytest.raises(ValueError, match="y_pred is empty"):
        f([], [])
    with pytest.raises(TypeError, match="y_pred must be numeric"):
        f(good_t, "0.5")
    with pytest.raises(ValueError, match=r"mismatch: y_true.*\(3,\).*y_pred has shape \(1, 2\)"):
        f([0, 1, 0], [[0.5, 0.5]])
    with pytest.raises(ValueError, match="y_pred is a scalar"):
        f(1.0, 0.5)
    if "sparse" not in fn_name:
        with pytest.raises(ValueError, match=r"y_true contains NaN or infinity"):
            f([[0.0, np.nan]], [[0.5, 0.5]])


@pytest.mark.parametrize("name", CROSSENTROPIES + ["cross_entropy_error"])
@pytest.mark.parametrize("suffix", ["", "_grad"])
def test_probability_checks(name, suffix):
    f = getattr(L, name + suffix)
    t = [1] if "sparse" in name else [[0.0, 1.0]]
    with pytest.raises(ValueError, match=r"y_pred must hold probabilities in \[0, 1\].*1\.5"):
        f(t, [[0.5, 1.5]])
    with pytest.raises(ValueError, match=r"y_pred must hold probabilities.*-0\.2.*index \(0, 0\)"):
        f(t, [[-0.2, 0.5]])
    if "sparse" not in name:
        with pytest.raises(ValueError, match=r"y_true must hold probabilities.*2.0"):
            f([[0.0, 2.0]], [[0.5, 0.5]])
    if name != "cross_entropy_error":  # logits may be any real number
        assert np.all(np.isfinite(f(t, [[-3.0, 7.5]], from_logits=True)))


@pytest.mark.parametrize("name", ["sparse_categorical_crossentropy", "cross_entropy_error"])
def test_label_checks(name):
    f = getattr(L, name)
    y = [[0.2, 0.8], [0.5, 0.5]]
    with pytest.raises(ValueError, match=r"y_true has label 2, outside the valid range 0..1"):
        f([0, 2], y)
    with pytest.raises(ValueError, match="y_true has label -1"):
        f([-1, 0], y)
    with pytest.raises(ValueError, match=r"whole-number class labels, got .*0\.5"):
        f([0.5, 1.0], y)
    assert f(np.array([1.0, 0.0]), y) == pytest.approx(f([1, 0], y))


def test_sparse_shape_message():
    with pytest.raises(ValueError, match=r"labels need shape \(2,\) \(or \(2, 1\)\)"):
        L.sparse_categorical_crossentropy([0, 1, 1], [[0.2, 0.8], [0.5, 0.5]])
    with pytest.raises(ValueError, match=r"one-hot \(shape \(2, 2\)\) or integer labels"):
        L.cross_entropy_error([0, 1, 1], [[0.2, 0.8], [0.5, 0.5]])


def test_zero_rows_and_bad_delta():
    with pytest.raises(ValueError, match=r"y_pred sums to 0 along the last axis at sample \(1,\)"):
        L.categorical_crossentropy([[0, 1], [1, 0]], [[0.5, 0.5], [0.0, 0.0]])
    with pytest.raises(ValueError, match="delta must be a finite number >= 0"):
        L.cross_entropy_error([0, 1], [0.5, 0.5], delta=-1e-7)
    with pytest.raises(ValueError, match="delta is 0"):
        L.cross_entropy_error_grad([0, 1], [0.5, 0.0], delta=0)


# =============================================================================================
# Loss classes: Keras 3's own test cases (keras/src/losses/losses_test.py), the facts ported
# =============================================================================================

Y_REG_T = np.array([[1, 9, 2], [-5, -2, 6]])
Y_REG_P = np.array([[4, 8, 12], [8, 1, 3]], dtype="float32")
SW_COL = np.array([[1.2], [3.4]])


def almost(actual, desired, decimal=3):
    """Keras's TestCase.assertAlmostEqual: |actual - desired| < 1.5·10^-decimal, same shapes."""
    np.testing.assert_almost_equal(np.asarray(actual), np.asarray(desired), decimal=decimal)


# (class, kwargs for the call, expected) from MeanSquaredErrorTest / MeanAbsoluteErrorTest /
# MeanSquaredLogarithmicErrorTest
REGRESSION_CASES = [
    (L.MeanSquaredError, {}, {}, 49.5),
    (L.MeanSquaredError, {}, {"sample_weight": 2.3}, 113.85),
    (L.MeanSquaredError, {}, {"sample_weight": SW_COL}, 767.8 / 6),
    (L.MeanSquaredError, {}, {"sample_weight": 0}, 0.0),
    (L.MeanSquaredError, {"reduction": None}, {"sample_weight": 2.3}, [84.3333, 143.3666]),
    (L.MeanSquaredError, {"reduction": "sum"}, {"sample_weight": 2.3}, 227.69998),
    (L.MeanSquaredError, {"reduction": "mean_with_sample_weight"}, {"sample_weight": SW_COL},
     (110 / 3 * 1.2 + 187 / 3 * 3.4) / (1.2 + 3.4)),
    (L.MeanAbsoluteError, {}, {}, 5.5),
    (L.MeanAbsoluteError, {}, {"sample_weight": 2.3}, 12.65),
    (L.MeanAbsoluteError, {}, {"sample_weight": SW_COL}, 81.4 / 6),
    (L.MeanAbsoluteError, {}, {"sample_weight": 0}, 0.0),
    (L.MeanAbsoluteError, {"reduction": None}, {"sample_weight": 2.3}, [10.7333, 14.5666]),
    (L.MeanAbsoluteError, {"reduction": "sum"}, {"sample_weight": 2.3}, 25.29999),
    (L.MeanAbsoluteError, {"reduction": "mean_with_sample_weight"}, {"sample_weight": SW_COL},
     (14 / 3 * 1.2 + 19 / 3 * 3.4) / (1.2 + 3.4)),
    (L.MeanSquaredLogarithmicError, {}, {}, 1.4370),
    (L.MeanSquaredLogarithmicError, {}, {"sample_weight": 2.3}, 3.3051),
    (L.MeanSquaredLogarithmicError, {}, {"sample_weight": SW_COL}, 3.7856),
    (L.MeanSquaredLogarithmicError, {}, {"sample_weight": 0}, 0.0),
    (L.MeanSquaredLogarithmicError, {"reduction": "mean_with_sample_weight"},
     {"sample_weight": SW_COL}, 1.646),
]


@pytest.mark.parametrize("cls, init, call, expected", REGRESSION_CASES)
def test_keras_regression_cases(cls, init, call, expected):
    almost(cls(**init)(Y_REG_T, Y_REG_P, **call), expected)


@pytest.mark.parametrize("cls, expected", [(L.MeanSquaredError, 97.833336),
                                           (L.MeanAbsoluteError, 13.833333),
                                           (L.MeanSquaredLogarithmicError, 2.647374)])
def test_keras_timestep_weighted(cls, expected):
    y_true = np.asarray([1, 9, 2, -5, -2, 6]).reshape(2, 3, 1)
    y_pred = np.asarray([4, 8, 12, 8, 1, 3]).reshape(2, 3, 1)
    weights = np.array([3, 6, 5, 0, 4, 2]).reshape((2, 3))
    almost(cls()(y_true, y_pred, sample_weight=weights), expected)


def test_keras_all_correct_and_base_function_rank():
    y = np.array([[4, 8, 12], [8, 1, 3]])
    assert L.MeanSquaredError()(y, y) == 0.0 and L.MeanAbsoluteError()(y, y) == 0.0
    # targets (3,) meet predictions (3, 1): Keras drops/adds the axis of length 1
    assert L.mean_squared_error(np.array([4, 8, 12]), np.array([[3], [0], [1]])).shape == (3,)


T3 = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype="float32")
P3 = np.array([[0.9, 0.05, 0.05], [0.5, 0.89, 0.6], [0.05, 0.01, 0.94]], dtype="float32")
LOGITS3 = np.array([[8.0, 1.0, 1.0], [0.0, 9.0, 1.0], [2.0, 3.0, 5.0]])
B_T = np.array([1, 0, 1, 0]).reshape([2, 2])
B_P = np.array([1, 1, 1, 0], dtype="float32").reshape([2, 2])
B_T2 = np.array([[1, 0, 1], [0, 1, 1]])
B_Z2 = np.array([[10.0, -10.0, 10.0], [10.0, 10.0, -10.0]])


def test_keras_binary_crossentropy_cases():
    bce, bce_z = L.BinaryCrossentropy(), L.BinaryCrossentropy(from_logits=True)
    almost(bce(T3, T3), 0.0)
    almost(bce_z(T3, np.where(T3 == 1, 10.0, -10.0)), 0.0)
    almost(bce(T3, np.array([[0.9, 0.1, 0.2], [0.3, 0.8, 0.1], [0.1, 0.2, 0.7]],
                            dtype="float32")), 0.20046903, decimal=6)
    almost(bce(B_T, B_P), 3.98559)  # float32: the clip bound 1 - 1e-7 rounds to 1 - 2^-23
    almost(bce_z(B_T2, B_Z2), 3.3333)
    almost(bce(B_T, B_P, sample_weight=2.3), 9.1668)
    almost(bce_z(B_T2, B_Z2, sample_weight=2.3), 7.666)
    almost(bce(B_T, B_P, sample_weight=np.array([1.2, 3.4]).reshape((2, 1))), 4.7827)
    almost(bce_z(B_T2, B_Z2, sample_weight=np.array([4, 3])), 10.0)
    almost(L.BinaryCrossentropy(from_logits=True, reduction=None)(B_T2, B_Z2), [0.0, 6.666])
    smooth = L.BinaryCrossentropy(from_logits=True, label_smoothing=0.1)
    almost(smooth(np.array([[1, 0, 1]]), np.array([[10.0, -10.0, -10.0]])),
           (10.0 + 5.0 * 0.1) / 3.0)
    with pytest.raises(ValueError, match="shape mismatch"):
        bce(np.array([[0], [1], [2]]), P3.astype(float))


def test_keras_categorical_crossentropy_cases():
    cce, cce_z = L.CategoricalCrossentropy(), L.CategoricalCrossentropy(from_logits=True)
    almost(cce(T3.astype("int64"), T3), 0.0)
    almost(cce_z(T3, 10.0 * T3), 0.0)
    almost(cce(T3, P3), 0.3239)
    almost(cce_z(T3, LOGITS3), 0.0573)
    almost(cce(T3, P3, sample_weight=2.3), 0.7449)
    almost(cce_z(T3, LOGITS3, sample_weight=2.3), 0.1317)
    weights = np.array([[1.2], [3.4], [5.6]])
    almost(cce(T3, P3, sample_weight=weights), 1.0696)
    almost(cce_z(T3, LOGITS3, sample_weight=weights), 0.31829)
    np.testing.assert_allclose(
        L.CategoricalCrossentropy(from_logits=True, reduction=None)(T3, LOGITS3),
        (0.001822, 0.000459, 0.169846), atol=1e-6, rtol=1e-6)
    smooth = L.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
    almost(smooth(np.array([[1, 0, 0]]), np.array([[100.0, -100.0, -100.0]])), 400.0 * 0.1 / 3)
    with pytest.raises(ValueError, match="shape mismatch"):
        cce(np.array([[0], [1], [2]]), P3)


def test_keras_sparse_categorical_crossentropy_cases():
    labels = np.array([[0], [1], [2]])
    scce, scce_z = L.SparseCategoricalCrossentropy(), L.SparseCategoricalCrossentropy(True)
    almost(scce(labels, T3), 0.0)
    almost(scce_z(labels, 10.0 * T3), 0.0)
    almost(scce(np.array([0, 1, 2]), P3), 0.3239)
    almost(scce_z(np.array([0, 1, 2]), LOGITS3), 0.0573)
    almost(scce(labels, P3, sample_weight=2.3), 0.7449)
    almost(scce_z(labels, LOGITS3, sample_weight=2.3), 0.1317)
    weights = np.array([[1.2], [3.4], [5.6]])
    almost(scce(labels, P3, sample_weight=weights), 1.0696)
    almost(scce_z(labels, LOGITS3, sample_weight=weights), 0.31829)
    np.testing.assert_allclose(
        L.SparseCategoricalCrossentropy(from_logits=True, reduction=None)(labels, LOGITS3),
        (0.001822, 0.000459, 0.169846), atol=1e-6, rtol=1e-6)


def test_keras_ignore_class_cases():
    logits = np.array([[[0.854, 0.698, 0.598], [0.088, 0.86, 0.018]]])
    loss = L.SparseCategoricalCrossentropy(from_logits=True, ignore_class=-1, reduction=None)
    np.testing.assert_allclose(loss(np.array([[-1, 2]]), logits), [[0.0, 1.480129]], atol=1e-6)
    np.testing.assert_allclose(loss(np.array([[[-1], [2]]]), logits), [[0.0, 1.480129]],
                               atol=1e-6)
    # reduced: the ignored sample leaves the mean (Keras's mask), so the mean is over 1 sample
    mean = L.SparseCategoricalCrossentropy(from_logits=True, ignore_class=-1)
    almost(mean(np.array([[-1, 2]]), logits), 1.480129, decimal=6)


SEG_T2 = np.array([[0, 1, 1, 0], [1, 0, 1, 0], [0, 0, 1, 1], [1, 1, 0, 1]])
SEG_T3 = np.array([[0, 1, 2, 0], [1, 0, 1, 0], [0, 0, 1, 1], [1, 1, 0, 1]])


def test_keras_segmentation_cases():
    perfect2 = np.eye(2)[SEG_T2]
    almost(L.SparseCategoricalCrossentropy()(SEG_T2, perfect2), 0.0)
    noisy2 = perfect2.copy()
    noisy2[0, 3] = [0.2, 0.8]
    noisy2[3, 3] = [0.6, 0.4]
    # 16 pixels; Keras's clipping makes each of the 14 perfect ones cost -log(1 - 1e-7)
    expected2 = (-np.log(0.2) - np.log(0.4) - 14 * np.log(1 - 1e-7)) / 16.0
    np.testing.assert_allclose(L.SparseCategoricalCrossentropy()(SEG_T2, noisy2), expected2,
                               rtol=1e-12)
    perfect3 = np.eye(3)[SEG_T3]
    almost(L.SparseCategoricalCrossentropy()(SEG_T3, perfect3), 0.0)
    noisy3 = perfect3.copy()
    noisy3[0, 3] = [0.2, 0.0, 0.8]
    noisy3[1, 0] = [0.7, 0.3, 0.0]
    noisy3[3, 2] = [0.5, 0.5, 0.0]
    expected3 = (-np.log(0.2) - np.log(0.3) - np.log(0.5) - 13 * np.log(1 - 1e-7)) / 16.0
    np.testing.assert_allclose(L.SparseCategoricalCrossentropy()(SEG_T3, noisy3), expected3,
                               rtol=1e-12)
    # classes on axis 0: Keras on JAX refuses ("must have the same shape up until the last
    # dimension"); lossbook computes it, as Keras on torch does (the torch case of the test)
    for labels, probs, expected in [(SEG_T2, noisy2, expected2), (SEG_T3, noisy3, expected3)]:
        moved = np.moveaxis(probs, 2, 0)
        np.testing.assert_allclose(L.SparseCategoricalCrossentropy(axis=0)(labels, moved),
                                   expected, rtol=1e-12)
        batch = np.array([moved] * 3)
        np.testing.assert_allclose(
            L.SparseCategoricalCrossentropy(axis=1)(np.array([labels] * 3), batch),
            expected, rtol=1e-12)


@pytest.mark.parametrize("loss", [
    L.MeanSquaredError(name="mymse"), L.MeanAbsoluteError(name="myname"),
    L.MeanSquaredLogarithmicError(name="mysloge"), L.BinaryCrossentropy(name="bce", axis=-1),
    L.CategoricalCrossentropy(name="cce", axis=-1), L.SparseCategoricalCrossentropy(name="scce"),
    L.CategoricalCrossentropy(from_logits=True, label_smoothing=0.2, reduction="sum"),
])
def test_config_round_trip(loss):
    config = loss.get_config()
    again = type(loss).from_config(config)
    assert again.get_config() == config
    assert L.get({"class_name": type(loss).__name__, "config": config}).get_config() == config


def test_dtype_arg():
    loss = L.MeanSquaredError(dtype="float32")
    assert loss(Y_REG_T, Y_REG_P.astype(np.float64)).dtype == np.float32
    assert L.CategoricalCrossentropy()(T3, P3).dtype == np.float32  # follows float32 y_pred
    assert L.CategoricalCrossentropy()(T3, P3.astype(float)).dtype == np.float64
    with pytest.raises(ValueError, match="dtype must be 'float32', 'float64' or None"):
        L.MeanSquaredError(dtype="int32")


# =============================================================================================
# Loss classes beside real Keras (~1e-6), exact float64 formulas (1e-12), finite differences
# =============================================================================================

CLASS_CASES = [
    ("MeanSquaredError", {}),
    ("MeanAbsoluteError", {}),
    ("MeanSquaredLogarithmicError", {}),
    ("BinaryCrossentropy", {}),
    ("BinaryCrossentropy", {"from_logits": True, "label_smoothing": 0.2}),
    ("BinaryCrossentropy", {"label_smoothing": 0.1, "axis": 0}),
    ("CategoricalCrossentropy", {"label_smoothing": 0.1}),
    ("CategoricalCrossentropy", {"from_logits": True}),
    ("CategoricalCrossentropy", {"from_logits": True, "axis": 0}),
    ("SparseCategoricalCrossentropy", {}),
    ("SparseCategoricalCrossentropy", {"from_logits": True, "ignore_class": 2}),
]
SCALAR_REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight"]
WEIGHT_KINDS = [None, "scalar", "vector", "column"]


def class_inputs(cls_name, options, rng, shape=(6, 5), smooth=False):
    """(y_true, y_pred, per-sample shape) for a loss class; ``smooth`` keeps away from kinks."""
    name = getattr(L, cls_name)().fn.__name__
    from_logits = options.get("from_logits", False)
    t, y = keras_inputs(name, from_logits, rng, shape)
    if smooth:
        if from_logits:
            y = rng.normal(scale=3, size=shape)
        elif name == "mean_absolute_error":
            y = np.where(np.abs(y - t) < 1e-2, y + 0.05, y)
        elif name == "mean_squared_logarithmic_error":
            y = rng.uniform(0.1, 3.0, size=shape)
        elif name in CROSSENTROPIES:
            y = rng.uniform(0.05, 0.95, size=shape)
    if name == "mean_squared_logarithmic_error":
        t = np.abs(t)
    axis = options.get("axis", -1) % len(shape)
    return t, y, shape[:axis] + shape[axis + 1:]


def make_weight(kind, values_shape, rng):
    if kind is None:
        return None
    if kind == "scalar":
        return 1.7
    w = rng.uniform(0.0, 2.0, size=values_shape)
    return w[..., None] if kind == "column" else w


@pytest.mark.keras
@pytest.mark.parametrize("weight_kind", WEIGHT_KINDS)
@pytest.mark.parametrize("cls_name, options", CLASS_CASES)
def test_loss_classes_match_keras(cls_name, options, weight_kind, keras, rng):
    t, y, values_shape = class_inputs(cls_name, options, rng)
    sw = make_weight(weight_kind, values_shape, rng)
    if options.get("axis", -1) != -1 and cls_name == "SparseCategoricalCrossentropy":
        pytest.skip("Keras on JAX supports only the last axis for sparse labels")
    for reduction in SCALAR_REDUCTIONS + [None]:
        ours = getattr(L, cls_name)(**options, reduction=reduction)
        theirs = getattr(keras.losses, cls_name)(**options, reduction=reduction)
        expect = np.asarray(theirs(t, y, sample_weight=sw))
        got = ours(t, y, sample_weight=sw)
        assert np.shape(got) == expect.shape, reduction
        np.testing.assert_allclose(got, expect, rtol=1e-6, atol=1e-6, err_msg=str(reduction))


@pytest.mark.keras
@pytest.mark.parametrize("weight_kind", [None, "vector"])
@pytest.mark.parametrize("cls_name, options", CLASS_CASES)
def test_loss_class_gradients_match_jax_grad_of_keras(cls_name, options, weight_kind, keras, rng):
    import jax

    t, y, values_shape = class_inputs(cls_name, options, rng, smooth=True)
    sw = make_weight(weight_kind, values_shape, rng)
    for reduction in ["sum_over_batch_size", "mean_with_sample_weight"]:  # (FD: all of them)
        ours = getattr(L, cls_name)(**options, reduction=reduction)
        theirs = getattr(keras.losses, cls_name)(**options, reduction=reduction)
        expect = np.asarray(jax.grad(lambda v: theirs(t, v, sample_weight=sw))(y))  # noqa: B023
        got = ours.gradient(*ours.validate(t, y, sw))
        np.testing.assert_allclose(got, expect, rtol=1e-6, atol=1e-9, err_msg=reduction)


def ref_reduce(losses_, weights, reduction, given_weights):
    """Σ w·l / D written out: D = number of losses, 1 ('sum') or Σ of the given weights."""
    total = math.fsum((losses_ * weights).ravel())
    if reduction == "sum":
        return total
    if reduction == "mean_with_sample_weight" and given_weights is not None:
        return total / math.fsum(np.ravel(given_weights))
    return total / losses_.size


@pytest.mark.parametrize("reduction", SCALAR_REDUCTIONS)
@pytest.mark.parametrize("weight_kind", WEIGHT_KINDS)
@pytest.mark.parametrize("name", ["mean_squared_error", ("binary_crossentropy", True),
                                  ("categorical_crossentropy", False)])
def test_loss_classes_match_float64_formula(name, weight_kind, reduction, rng):
    name, from_logits = (name, None) if isinstance(name, str) else name
    cls = {"mean_squared_error": L.MeanSquaredError, "binary_crossentropy": L.BinaryCrossentropy,
           "categorical_crossentropy": L.CategoricalCrossentropy}[name]
    kw = {} if from_logits is None else {"from_logits": from_logits}
    t, y = keras_inputs(name, bool(from_logits), rng)
    sw = make_weight(weight_kind, (6,), rng)
    per_sample = per_row(REFERENCE[name if from_logits is None else (name, from_logits)], t, y)
    weights = np.ones(6) if sw is None else np.broadcast_to(np.ravel(sw) if np.ndim(sw) else sw,
                                                            (6,))
    expect = ref_reduce(per_sample, weights, reduction, sw)
    got = cls(**kw, reduction=reduction)(t, y, sample_weight=sw)
    assert got == pytest.approx(expect, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("from_logits", [False, True])
def test_label_smoothing_and_axis_match_float64_formula(from_logits, rng):
    s = 0.3
    t, _ = random_one_hot(rng, (4, 5))
    y = rng.normal(size=(4, 5)) if from_logits else random_probs(rng, (4, 5))
    cce = per_row(REFERENCE[("categorical_crossentropy", from_logits)], t * (1 - s) + s / 5, y)
    got = L.categorical_crossentropy(t, y, from_logits, s)
    np.testing.assert_allclose(got, cce, rtol=1e-12)
    # axis=0: the same numbers with the classes in the first axis
    np.testing.assert_allclose(L.categorical_crossentropy(t.T, y.T, from_logits, s, axis=0), cce,
                               rtol=1e-12)
    tb = rng.uniform(size=(4, 5))
    yb = rng.normal(size=(4, 5)) if from_logits else rng.uniform(size=(4, 5))
    bce = per_row(REFERENCE[("binary_crossentropy", from_logits)], tb * (1 - s) + s / 2, yb)
    np.testing.assert_allclose(L.binary_crossentropy(tb, yb, from_logits, s), bce, rtol=1e-12)
    np.testing.assert_allclose(L.binary_crossentropy(tb.T, yb.T, from_logits, s, axis=0), bce,
                               rtol=1e-12)
    labels = rng.integers(0, 5, size=4)
    np.testing.assert_allclose(
        L.sparse_categorical_crossentropy(labels, y.T, from_logits, axis=0),
        per_row(REFERENCE[("categorical_crossentropy", from_logits)], np.eye(5)[labels], y),
        rtol=1e-12)


@pytest.mark.parametrize("reduction", SCALAR_REDUCTIONS)
@pytest.mark.parametrize("weight_kind", WEIGHT_KINDS)
@pytest.mark.parametrize("cls_name, options", CLASS_CASES)
def test_loss_class_gradients_vs_finite_differences(cls_name, options, weight_kind, reduction,
                                                    rng):
    t, y, values_shape = class_inputs(cls_name, options, rng, shape=(4, 3), smooth=True)
    sw = make_weight(weight_kind, values_shape, rng)
    loss = getattr(L, cls_name)(**options, reduction=reduction)
    t, y, sw = loss.validate(t, y, sw)
    numeric = central_diff(lambda v: loss.value(t, v, sw), y)
    assert rel_err(loss.gradient(t, y, sw), numeric) < 1e-7


@pytest.mark.parametrize("reduction", SCALAR_REDUCTIONS)
@pytest.mark.parametrize("cls_name, options", [c for c in CLASS_CASES if "Crossentropy" in c[0]])
def test_logits_gradient_is_the_exact_gradient_wrt_z(cls_name, options, reduction, rng):
    t, _, values_shape = class_inputs(cls_name, options, rng, shape=(4, 3))
    z = rng.normal(scale=3, size=(4, 3))
    sw = make_weight("vector", values_shape, rng)
    as_given = getattr(L, cls_name)(**options, reduction=reduction)
    on_logits = getattr(L, cls_name)(**{**options, "from_logits": True}, reduction=reduction)
    t, z, sw = on_logits.validate(t, z, sw)
    numeric = central_diff(lambda v: on_logits.value(t, v, sw), z)
    assert rel_err(as_given.logits_gradient(t, z, sw), numeric) < 1e-7
    np.testing.assert_allclose(on_logits.logits_gradient(t, z, sw), on_logits.gradient(t, z, sw),
                               rtol=1e-13)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("weight_kind", [None, "vector"])
@pytest.mark.parametrize("cls_name, options", [c for c in CLASS_CASES if "Crossentropy" in c[0]])
def test_logits_gradient_from_probabilities_is_logits_gradient(cls_name, options, weight_kind,
                                                               dtype, rng):
    """The model passes the p its output layer computed: the same numbers, bit for bit."""
    t, _, values_shape = class_inputs(cls_name, options, rng, shape=(4, 3))
    loss = getattr(L, cls_name)(**options)
    stand_in = np.full((4, 3), 0.5, dtype=dtype)
    t, _, sw = loss.validate(t, stand_in, make_weight(weight_kind, values_shape, rng))
    z = rng.normal(scale=3, size=(4, 3)).astype(dtype)
    axis = options.get("axis", -1)
    p = L._sigmoid(z) if cls_name == "BinaryCrossentropy" else L._softmax(z, axis=axis)
    fused = loss.logits_gradient_from_probabilities(t, p, sw)
    assert fused.dtype == np.dtype(dtype)
    np.testing.assert_array_equal(fused, loss.logits_gradient(t, z, sw))


@pytest.mark.parametrize("n", [3, 7, 32])
@pytest.mark.parametrize("cls_name, options", CLASS_CASES)
def test_default_mean_equals_the_weighted_path_with_unit_weights(cls_name, options, n, rng):
    """No weights and the default reduction take a direct path; unit weights take the general
    one (weights and divisor): both give the mean of the n losses and its gradient."""
    t, y, values_shape = class_inputs(cls_name, options, rng, shape=(n, 3))
    loss = getattr(L, cls_name)(**options)
    t, y, _ = loss.validate(t, y)
    ones = np.ones(values_shape)
    np.testing.assert_allclose(loss.value(t, y), loss.value(t, y, ones), rtol=1e-15)
    if "ignore_class" not in options:  # (ignored samples leave the mean)
        np.testing.assert_allclose(loss.value(t, y), np.mean(loss.call(t, y)), rtol=1e-15)
    np.testing.assert_allclose(loss.gradient(t, y), loss.gradient(t, y, ones), rtol=1e-15)


@pytest.mark.keras
def test_logits_gradient_differs_from_keras_clipped_path(keras):
    """The fused gradient p - t keeps working where Keras's clipped probabilities give 0."""
    import jax

    z = np.array([[30.0, 0.0, -5.0]])
    label = np.array([1])
    fused = L.SparseCategoricalCrossentropy().logits_gradient(label, z)
    np.testing.assert_allclose(fused, [[1.0, -1.0, 0.0]], atol=1e-12)
    keras_loss = keras.losses.SparseCategoricalCrossentropy()
    clipped = np.asarray(jax.grad(lambda v: keras_loss(label, keras.ops.softmax(v)))(z))
    np.testing.assert_allclose(clipped, [[0.0, 0.0, 0.0]], atol=1e-12)
    # lossbook's probability path follows Keras's clipping (its documented choice)
    ours = L.SparseCategoricalCrossentropy()
    p = L._softmax(z)
    chain = ours.gradient(label, p)  # dL/dp, then through softmax: 0 where Keras clips
    from lossbook import activations
    np.testing.assert_allclose(activations.softmax_grad(z, chain), clipped, atol=1e-12)


def test_reduction_none_has_no_gradient_and_bad_arguments_are_refused():
    t, y = [[0.0, 1.0]], [[0.3, 0.7]]
    with pytest.raises(ValueError, match="reduction=None"):
        L.BinaryCrossentropy(reduction=None).gradient(np.array(t), np.array(y))
    with pytest.raises(ValueError, match="reduction must be one of"):
        L.MeanSquaredError(reduction="average")
    with pytest.raises(ValueError, match=r"sample_weight has shape \(3,\).*shape \(1,\)"):
        L.MeanSquaredError()(t, y, sample_weight=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="sample_weight must not be negative"):
        L.MeanSquaredError()(t, y, sample_weight=[-1.0])
    with pytest.raises(ValueError, match="sample_weight contains NaN"):
        L.MeanSquaredError()(t, y, sample_weight=[np.nan])
    with pytest.raises(TypeError, match="from_logits must be True or False"):
        L.BinaryCrossentropy(from_logits="yes")
    with pytest.raises(ValueError, match=r"label_smoothing must lie in \[0, 1\]"):
        L.categorical_crossentropy(t, y, label_smoothing=1.5)
    with pytest.raises(TypeError, match="axis must be an integer"):
        L.binary_crossentropy(t, y, axis=True)
    with pytest.raises(ValueError, match="axis 2 is out of range"):
        L.CategoricalCrossentropy(axis=2)(t, y)
    with pytest.raises(TypeError, match="ignore_class must be an integer"):
        L.SparseCategoricalCrossentropy(ignore_class=0.5)
    with pytest.raises(TypeError, match="unexpected keyword argument 'reduction'"):
        L.mean_squared_error(t, y, reduction="sum")
    with pytest.raises(TypeError, match="unexpected keyword argument 'label_smoothing'"):
        L.sparse_categorical_crossentropy([1], y, label_smoothing=0.1)
    with pytest.raises(TypeError, match="unexpected keyword argument 'delta'"):
        L.LossFunctionWrapper(L.mean_squared_error, delta=0.1)
    with pytest.raises(ValueError, match="y_true has label 5"):
        L.SparseCategoricalCrossentropy(ignore_class=-1)([5], y)
    with pytest.raises(NotImplementedError, match="cannot train with it"):
        L.LossFunctionWrapper(lambda a, b: np.sum((a - b) ** 2, axis=-1)).gradient(
            np.array(t), np.array(y))


def test_wrappers_and_get_give_keras_objects():
    assert isinstance(L.get("CategoricalCrossentropy"), L.CategoricalCrossentropy)
    assert L.get("CategoricalCrossentropy")([[0, 1]], [[0.5, 0.5]]) == pytest.approx(math.log(2))
    loss = L.CategoricalCrossentropy(from_logits=True)
    assert L.get(loss) is loss and loss.from_logits
    with pytest.raises(AttributeError):
        loss.from_logits = False  # the formula's option: fixed at construction
    wrapped = L.LossFunctionWrapper(L.mean_squared_error)
    assert wrapped.name == "loss_function_wrapper"  # as Keras names it (compile passes a name)
    assert L.LossFunctionWrapper(L.mean_squared_error, name="mse").name == "mse"
    assert wrapped([[1.0, 2.0]], [[2.0, 2.0]]) == L.MeanSquaredError()([[1.0, 2.0]], [[2.0, 2.0]])
    # textbook losses return the batch mean already; the wrapper's gradient is of that mean
    sse = L.LossFunctionWrapper(L.sum_squared_error)
    t, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[0.2, 0.7], [0.4, 0.1]])
    assert sse(t, y) == L.sum_squared_error(t, y)
    assert rel_err(sse.gradient(t, y), central_diff(lambda v: sse.value(t, v), y)) < 1e-8
    with pytest.raises(ValueError, match="takes no sample_weight"):
        sse(t, y, sample_weight=[1.0, 2.0])


def test_unchecked_form_is_the_formula():
    t, y, bad = np.array([[0.0, 1.0]]), np.array([[0.3, 0.7]]), np.array([[0.3, np.nan]])
    for fn in L._DERIVATIVES:
        target = np.array([1]) if "sparse" in fn.__name__ else t
        assert fn.unchecked.__name__ == fn.__name__
        np.testing.assert_array_equal(fn.unchecked(target, y), fn(target, y))
        with pytest.raises(ValueError, match="NaN"):
            fn(target, bad)
        with np.errstate(invalid="ignore"):
            assert np.isnan(fn.unchecked(target, bad)).any()  # no check: the training loop's


# --- Keras 3's signatures ----------------------------------------------------------------------

MIRRORED_FUNCTIONS = KERAS_NAMES + ["get"]
MIRRORED_CLASSES = ["Loss", "LossFunctionWrapper", "MeanSquaredError", "MeanAbsoluteError",
                    "MeanSquaredLogarithmicError", "BinaryCrossentropy",
                    "CategoricalCrossentropy", "SparseCategoricalCrossentropy"]


@pytest.mark.keras
@pytest.mark.parametrize("name", MIRRORED_FUNCTIONS)
def test_functions_take_keras_parameters_in_keras_order(name, keras):
    from helpers import assert_keras_signature

    assert_keras_signature(getattr(L, name), getattr(keras.losses, name))
    if name != "get":  # the derivative takes the loss's arguments
        assert_keras_signature(getattr(L, name + "_grad"), getattr(keras.losses, name))


@pytest.mark.keras
@pytest.mark.parametrize("name", MIRRORED_CLASSES)
def test_classes_take_keras_parameters_in_keras_order(name, keras):
    from helpers import assert_keras_signature
    from keras.src.losses.losses import LossFunctionWrapper  # not exported by keras.losses

    ours = getattr(L, name)
    theirs = LossFunctionWrapper if name == "LossFunctionWrapper" else getattr(keras.losses, name)
    assert_keras_signature(ours.__init__, theirs.__init__)
    assert_keras_signature(ours.__call__, theirs.__call__)
    if name not in ("Loss", "LossFunctionWrapper"):
        assert ours().name == theirs().name
        assert set(ours().get_config()) == set(theirs().get_config()) - {"dtype"}
