"""lossbook.initializers against Keras 3: names, signatures, configs, and distributions
(the random numbers differ from JAX's; their limits, mean and spread must not)."""

import inspect

import numpy as np
import pytest

from lossbook import initializers as li

keras_only = pytest.mark.keras

CLASSES = ["Initializer", "Constant", "Zeros", "Ones", "Identity", "RandomNormal",
           "RandomUniform", "TruncatedNormal", "VarianceScaling", "GlorotUniform",
           "GlorotNormal", "HeNormal", "HeUniform", "LecunNormal", "LecunUniform", "Orthogonal"]


def params(obj):
    return [(p.name, p.kind, p.default) for p in inspect.signature(obj).parameters.values()]


@keras_only
@pytest.mark.parametrize("name", CLASSES)
def test_signatures_match_keras(keras, name):
    mine, theirs = getattr(li, name), getattr(keras.initializers, name)
    assert params(mine) == params(theirs)
    call = params(mine.__call__)
    assert call[:3] == params(theirs.__call__)
    assert call[3:] == [("rng", inspect.Parameter.KEYWORD_ONLY, None)]  # lossbook's extra
    assert params(li.get) == params(keras.initializers.get)


@keras_only
def test_get_resolves_every_keras_name_to_the_same_class(keras):
    from keras.src.initializers import ALL_OBJECTS_DICT

    names = [n for n in ALL_OBJECTS_DICT if "stft" not in n.lower()]
    assert len(names) == 38
    for name in names:
        if name in ("Constant", "constant"):
            # Keras 3.15 fails on these names (Constant.from_config needs "value");
            # lossbook gives Constant(value=0.0), the documented default
            with pytest.raises(KeyError, match="value"):
                keras.initializers.get(name)
            assert li.get(name).get_config() == {"value": 0.0}
            continue
        assert type(li.get(name)).__name__ == type(keras.initializers.get(name)).__name__, name
    for bad in ("HE_NORMAL", "henormal", "glorot", "l2", 5, 1.5):
        with pytest.raises(ValueError, match="Could not interpret initializer identifier"):
            keras.initializers.get(bad)
        with pytest.raises(ValueError, match="Could not interpret initializer identifier"):
            li.get(bad)
    with pytest.raises(ValueError, match="exists in Keras but not in lossbook"):
        li.get("STFT")


def test_get_passes_objects_through():
    he = li.HeNormal(seed=1)
    assert li.get(he) is he
    assert isinstance(li.get(li.Ones), li.Ones)
    fn = lambda shape, dtype=None: np.zeros(shape)  # noqa: E731
    assert li.get(fn) is fn
    assert li.get(None) is None


CONFIGS = [
    ("RandomNormal", dict(mean=1.0, stddev=2.0, seed=3)),
    ("RandomUniform", dict(minval=-1.0, maxval=2.0)),
    ("TruncatedNormal", dict(stddev=0.5, seed=7)),
    ("VarianceScaling", dict(scale=2.0, mode="fan_out", distribution="normal", seed=1)),
    ("VarianceScaling", dict(mode="fan_avg", distribution="uniform", input_axes=[0],
                             output_axes=[1])),
    ("GlorotUniform", dict(seed=5)),
    ("HeNormal", dict()),
    ("Constant", dict(value=2.5)),
    ("Zeros", dict()),
    ("Identity", dict(gain=3.0)),
    ("Orthogonal", dict(gain=0.5, seed=2)),
]


@keras_only
@pytest.mark.parametrize("name, kwargs", CONFIGS, ids=[c[0] for c in CONFIGS])
def test_config_matches_keras(keras, name, kwargs):
    mine = getattr(li, name)(**kwargs)
    theirs = getattr(keras.initializers, name)(**kwargs)
    if name == "Identity":  # Keras 3.15's Identity.get_config() forgets gain; lossbook keeps it
        assert theirs.get_config() == {} and mine.get_config() == kwargs
    else:
        assert mine.get_config() == theirs.get_config()
    assert mine.clone().get_config() == mine.get_config()
    via_dict = li.get({"class_name": name, "config": mine.get_config()})
    assert type(via_dict) is type(mine) and via_dict.get_config() == mine.get_config()


@keras_only
@pytest.mark.parametrize("shape", [(400, 300), (3, 3, 16, 32), (7,), (), (2, 5, 4)])
def test_compute_fans_matches_keras(keras, shape):
    from keras.src.initializers.random_initializers import compute_fans

    assert li.compute_fans(shape) == compute_fans(shape)
    if len(shape) == 3:
        assert li.compute_fans(shape, [0, 1], [2]) == compute_fans(shape, [0, 1], [2]) == (10, 4)


# name, kind, variance from (fan_in, fan_out)
FAMILY = [
    ("glorot_uniform", "uniform", lambda i, o: 2 / (i + o)),
    ("glorot_normal", "truncated", lambda i, o: 2 / (i + o)),
    ("he_uniform", "uniform", lambda i, o: 2 / i),
    ("he_normal", "truncated", lambda i, o: 2 / i),
    ("lecun_uniform", "uniform", lambda i, o: 1 / i),
    ("lecun_normal", "truncated", lambda i, o: 1 / i),
]
TRUNC = 0.8796256610342398


def check_distribution(w, kind, variance):
    """Limits, mean and standard deviation of a sample as the formula says."""
    n, std = w.size, np.sqrt(variance)
    if kind == "uniform":
        limit = np.sqrt(3 * variance)
        assert np.max(np.abs(w)) <= limit
        assert np.max(w) > 0.999 * limit and np.min(w) < -0.999 * limit
    else:  # normal with σ = std / 0.8796 cut at ±2σ
        cut = 2 * std / TRUNC
        assert np.max(np.abs(w)) <= cut
        assert np.max(w) > 0.99 * cut and np.min(w) < -0.99 * cut
    assert abs(np.mean(w)) < 5 * std / np.sqrt(n)
    assert np.std(w) == pytest.approx(std, rel=0.015)


@keras_only
@pytest.mark.parametrize("name, kind, variance", FAMILY, ids=[f[0] for f in FAMILY])
@pytest.mark.parametrize("shape", [(400, 300), (3, 3, 64, 128)])
def test_variance_scaling_family_distribution_like_keras(keras, name, kind, variance, shape):
    fan_in, fan_out = li.compute_fans(shape)
    mine = li.get(name)(shape, rng=np.random.default_rng(0))
    theirs = np.asarray(type(keras.initializers.get(name))(seed=0)(shape))
    assert mine.shape == theirs.shape == shape and mine.dtype == theirs.dtype == np.float64
    check_distribution(mine, kind, variance(fan_in, fan_out))
    check_distribution(theirs, kind, variance(fan_in, fan_out))  # the check is Keras's truth
    # the same quantiles, to sampling error (n ≈ 1e5: standard error ≈ 0.3 % of the spread)
    q = np.linspace(0.05, 0.95, 19)
    spread = np.sqrt(variance(fan_in, fan_out))
    np.testing.assert_allclose(np.quantile(mine, q), np.quantile(theirs, q), atol=0.03 * spread)


@keras_only
@pytest.mark.parametrize("name, kwargs, kind, mean, std", [
    ("RandomNormal", dict(mean=1.0, stddev=2.0), "normal", 1.0, 2.0),
    ("RandomNormal", dict(), "normal", 0.0, 0.05),
    ("TruncatedNormal", dict(mean=-1.0, stddev=0.5), "truncated", -1.0, 0.5 * TRUNC),
    ("RandomUniform", dict(minval=-1.0, maxval=3.0), "uniform", 1.0, 4 / np.sqrt(12)),
    ("VarianceScaling", dict(scale=3.0, mode="fan_out", distribution="untruncated_normal"),
     "normal", 0.0, np.sqrt(3.0 / 300)),
])
def test_simple_random_initializers_like_keras(keras, name, kwargs, kind, mean, std):
    shape = (400, 300)
    mine = getattr(li, name)(**kwargs, seed=4)(shape)
    theirs = np.asarray(getattr(keras.initializers, name)(**kwargs, seed=4)(shape))
    for w in (mine, theirs):
        assert np.mean(w) == pytest.approx(mean, abs=5 * std / np.sqrt(w.size))
        assert np.std(w) == pytest.approx(std, rel=0.015)
        if kind == "truncated":
            assert np.max(np.abs(w - mean)) <= 2 * kwargs["stddev"]
        if kind == "uniform":
            assert kwargs["minval"] <= w.min() and w.max() < kwargs["maxval"]
    q = np.linspace(0.05, 0.95, 19)
    np.testing.assert_allclose(np.quantile(mine, q), np.quantile(theirs, q), atol=0.03 * std)


@keras_only
@pytest.mark.parametrize("shape", [(6, 4), (4, 6), (2, 3, 5)])
def test_orthogonal_like_keras(keras, shape):
    for init in (li.Orthogonal(gain=2.0, seed=1), keras.initializers.Orthogonal(gain=2.0, seed=1)):
        w = np.asarray(init(shape)).reshape(-1, shape[-1])
        small = min(w.shape)
        gram = w.T @ w if w.shape[0] >= w.shape[1] else w @ w.T
        np.testing.assert_allclose(gram, 4.0 * np.eye(small), atol=1e-12)
    for module in (li, keras.initializers):
        with pytest.raises(ValueError, match="at least two-dimensional"):
            module.Orthogonal()((3,))


@keras_only
@pytest.mark.parametrize("name, kwargs", [("Zeros", {}), ("Ones", {}),
                                          ("Constant", {"value": -1.5}),
                                          ("Identity", {"gain": 2.0})])
@pytest.mark.parametrize("dtype", [None, "float32", "float64"])
def test_fixed_initializers_equal_keras(keras, name, kwargs, dtype):
    mine = getattr(li, name)(**kwargs)((3, 4), dtype=dtype)
    theirs = np.asarray(getattr(keras.initializers, name)(**kwargs)((3, 4), dtype=dtype))
    assert mine.dtype == theirs.dtype
    np.testing.assert_array_equal(mine, theirs)


@keras_only
def test_reproducibility_rules(keras):
    shape = (5, 3)
    # seed=int: every call and every instance with that seed gives the same array (as Keras)
    a, b = li.HeNormal(seed=3), li.HeNormal(seed=3)
    np.testing.assert_array_equal(a(shape), a(shape))
    np.testing.assert_array_equal(a(shape), b(shape))
    np.testing.assert_array_equal(a(shape), a(shape, rng=np.random.default_rng(9)))  # seed wins
    k = keras.initializers.HeNormal(seed=3)
    np.testing.assert_array_equal(np.asarray(k(shape)), np.asarray(k(shape)))
    # no seed, no rng: one instance repeats itself (as Keras); two instances differ
    c, d = li.GlorotUniform(), li.GlorotUniform()
    np.testing.assert_array_equal(c(shape), c(shape))
    assert not np.array_equal(c(shape), d(shape))
    k = keras.initializers.GlorotUniform()
    np.testing.assert_array_equal(np.asarray(k(shape)), np.asarray(k(shape)))
    # no seed, rng given: draws follow the generator, so a seeded generator reproduces them
    r1, r2 = np.random.default_rng(5), np.random.default_rng(5)
    first = [c(shape, rng=r1), c(shape, rng=r1)]
    assert not np.array_equal(*first)
    np.testing.assert_array_equal(first[0], c(shape, rng=r2))
    np.testing.assert_array_equal(first[1], d(shape, rng=r2))
    assert c(shape, dtype="float32", rng=np.random.default_rng(0)).dtype == np.float32


@keras_only
def test_bad_arguments_raise_like_keras(keras):
    for module in (li, keras.initializers):
        with pytest.raises(ValueError, match="seed"):
            module.RandomNormal(seed=1.5)
        with pytest.raises(ValueError, match="scale"):
            module.VarianceScaling(scale=0)
        with pytest.raises(ValueError, match="mode"):
            module.VarianceScaling(mode="fan_sum")
        with pytest.raises(ValueError, match="distribution"):
            module.VarianceScaling(distribution="cauchy")
    with pytest.raises(ValueError, match="float arrays"):
        li.Zeros()((2,), dtype="int32")
    with pytest.raises(ValueError, match="non-negative integers"):
        li.GlorotUniform()((2, -1))
    with pytest.raises(TypeError, match="tuple of integers"):
        li.Ones()(None)
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        li.HeNormal()((2, 2), rng=5)
    with pytest.raises(NotImplementedError):
        li.get("initializer")((2,))


def test_array_identifier():
    arr = np.arange(6.0).reshape(2, 3)
    init = li.get(arr)
    np.testing.assert_array_equal(init((2, 3)), arr)
    with pytest.raises(ValueError, match=r"Expected `shape` to be \(2, 3\)"):
        init((3, 2))
