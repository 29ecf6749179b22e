"""Tests for lossbook.optimizers.

Three independent checks of every update rule:
1. plain scalar float64 re-implementations written below (1e-12),
2. Keras 3 itself on the same gradient sequence (~1e-6; usually ~1e-15 with x64),
3. properties (hypothesis) and hand-computed values.
"""

import inspect
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossbook import optimizers as opt
from lossbook.optimizers import SGD, Adagrad, Adam, AdamW, Nadam, RMSprop

# A badly conditioned quadratic with a negative-curvature direction (a saddle):
# f(x) = ½ Σ h_i (x_i − c_i)², gradient h ⊙ (x − c).
H = np.array([1.0, 10.0, 0.1, 3.0, -0.5])
C = np.array([1.0, -2.0, 3.0, 0.5, 0.0])
X0 = np.array([0.3, 0.7, -1.0, 2.0, 0.01])


def quad_grad(x):
    return H * (np.asarray(x, dtype=np.float64) - C)


SETTINGS = [
    ("SGD", {"learning_rate": 0.05}),
    ("SGD", {"learning_rate": 0.02, "momentum": 0.9}),
    ("SGD", {"learning_rate": 0.02, "momentum": 0.9, "nesterov": True}),
    ("Adagrad", {"learning_rate": 0.3}),
    ("Adagrad", {"learning_rate": 0.1, "initial_accumulator_value": 0.0, "epsilon": 1e-3}),
    ("RMSprop", {"learning_rate": 0.01}),
    ("RMSprop", {"learning_rate": 0.01, "momentum": 0.8}),
    ("RMSprop", {"learning_rate": 0.01, "centered": True}),
    # (rho=0.5 here makes s − ḡ² cancel so badly that a 1e-15 change of x0 moves the
    # path by 3e-10: a property of the problem, not of the code, so rho=0.8.)
    ("RMSprop", {"learning_rate": 0.01, "rho": 0.8, "momentum": 0.5, "centered": True}),
    ("Adam", {"learning_rate": 0.05}),
    ("Adam", {"learning_rate": 0.05, "beta_1": 0.5, "beta_2": 0.9, "amsgrad": True}),
    ("Nadam", {"learning_rate": 0.05}),
    ("Nadam", {"learning_rate": 0.02, "beta_1": 0.7, "beta_2": 0.99, "epsilon": 1e-4}),
]
IDS = [f"{name}-{'-'.join(f'{k}={v}' for k, v in kw.items())}" for name, kw in SETTINGS]


# ---------------------------------------------------------------------------
# 1. Plain float64 reference implementations: one scalar coordinate at a time,
#    written from the papers / Keras formulas, sharing no code with lossbook.
# ---------------------------------------------------------------------------


def ref_sgd(xs, grad, steps, learning_rate=0.01, momentum=0.0, nesterov=False):
    xs, vel, path = list(xs), [0.0] * len(xs), []
    for _ in range(steps):
        g = grad(np.array(xs))
        for i in range(len(xs)):
            if momentum == 0:
                xs[i] = xs[i] - learning_rate * g[i]
            else:
                vel[i] = momentum * vel[i] - learning_rate * g[i]
                if nesterov:
                    xs[i] = xs[i] + momentum * vel[i] - learning_rate * g[i]
                else:
                    xs[i] = xs[i] + vel[i]
        path.append(list(xs))
    return np.array(path)


def ref_adagrad(xs, grad, steps, learning_rate=0.001, initial_accumulator_value=0.1,
                epsilon=1e-7):
    xs, acc, path = list(xs), [initial_accumulator_value] * len(xs), []
    for _ in range(steps):
        g = grad(np.array(xs))
        for i in range(len(xs)):
            acc[i] = acc[i] + g[i] ** 2
            xs[i] = xs[i] - learning_rate * g[i] / math.sqrt(acc[i] + epsilon)
        path.append(list(xs))
    return np.array(path)


def ref_rmsprop(xs, grad, steps, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7,
                centered=False):
    n = len(xs)
    xs, ms, mg, mom, path = list(xs), [0.0] * n, [0.0] * n, [0.0] * n, []
    for _ in range(steps):
        g = grad(np.array(xs))
        for i in range(n):
            ms[i] = rho * ms[i] + (1 - rho) * g[i] ** 2
            mg[i] = rho * mg[i] + (1 - rho) * g[i]
            var = ms[i] - mg[i] ** 2 if centered else ms[i]
            delta = learning_rate * g[i] / math.sqrt(var + epsilon)
            mom[i] = momentum * mom[i] + delta
            xs[i] = xs[i] - (mom[i] if momentum > 0 else delta)
        path.append(list(xs))
    return np.array(path)


def ref_adam(xs, grad, steps, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
             amsgrad=False):
    n = len(xs)
    xs, m, v, vmax, path = list(xs), [0.0] * n, [0.0] * n, [0.0] * n, []
    for t in range(1, steps + 1):
        g = grad(np.array(xs))
        for i in range(n):
            m[i] = beta_1 * m[i] + (1 - beta_1) * g[i]
            v[i] = beta_2 * v[i] + (1 - beta_2) * g[i] ** 2
            vmax[i] = max(vmax[i], v[i])
            vv = vmax[i] if amsgrad else v[i]
            # Kingma & Ba, end of section 2: epsilon-hat form with folded bias correction.
            step_size = learning_rate * math.sqrt(1 - beta_2**t) / (1 - beta_1**t)
            xs[i] = xs[i] - step_size * m[i] / (math.sqrt(vv) + epsilon)
        path.append(list(xs))
    return np.array(path)


def ref_nadam(xs, grad, steps, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    n = len(xs)
    xs, m, v, path = list(xs), [0.0] * n, [0.0] * n, []

    def mu(t):
        return beta_1 * (1 - 0.5 * 0.96**t)

    for t in range(1, steps + 1):
        g = grad(np.array(xs))
        prod_t = math.prod(mu(k) for k in range(1, t + 1))
        prod_next = prod_t * mu(t + 1)
        for i in range(n):
            m[i] = beta_1 * m[i] + (1 - beta_1) * g[i]
            v[i] = beta_2 * v[i] + (1 - beta_2) * g[i] ** 2
            m_hat = mu(t + 1) * m[i] / (1 - prod_next) + (1 - mu(t)) * g[i] / (1 - prod_t)
            v_hat = v[i] / (1 - beta_2**t)
            xs[i] = xs[i] - learning_rate * m_hat / (math.sqrt(v_hat) + epsilon)
        path.append(list(xs))
    return np.array(path)


REFERENCES = {
    "SGD": ref_sgd, "Adagrad": ref_adagrad, "RMSprop": ref_rmsprop, "Adam": ref_adam,
    "Nadam": ref_nadam,
}


def run_lossbook(name, kwargs, steps, x0=X0, grad=quad_grad):
    o = getattr(opt, name)(**kwargs)
    x = np.array(x0, dtype=np.float64)
    path = []
    for _ in range(steps):
        o.apply([grad(x)], [x])
        path.append(x.copy())
    assert o.iterations == steps
    return np.array(path)


@pytest.mark.parametrize(("name", "kwargs"), SETTINGS, ids=IDS)
def test_matches_float64_reference(name, kwargs):
    got = run_lossbook(name, kwargs, 100)
    want = REFERENCES[name](X0, quad_grad, 100, **kwargs)
    assert np.all(np.isfinite(want))
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("name", "kwargs"), SETTINGS, ids=IDS)
def test_matches_reference_on_random_gradients(name, kwargs, rng):
    draws = rng.normal(scale=3.0, size=(50, 12))
    x0 = rng.normal(size=12)
    it_a, it_b = iter(draws), iter(draws)
    got = run_lossbook(name, kwargs, 50, x0=x0, grad=lambda x: next(it_a))
    want = REFERENCES[name](x0, lambda x: next(it_b), 50, **kwargs)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("name", "kwargs"), SETTINGS, ids=IDS)
def test_apply_unchecked_is_apply_without_the_checks(name, kwargs, rng):
    """fit's step (no input checks) moves the weights exactly as apply does."""
    checked, unchecked = getattr(opt, name)(**kwargs), getattr(opt, name)(**kwargs)
    a, b = rng.normal(size=(2, 6)), rng.normal(size=(2, 6))
    a_unchecked, b_unchecked = a.copy(), b.copy()
    for g in rng.normal(scale=3.0, size=(20, 2, 2, 6)):
        checked.apply(list(g), [a, b])
        unchecked.apply_unchecked(list(g), [a_unchecked, b_unchecked])
    np.testing.assert_array_equal(a_unchecked, a)
    np.testing.assert_array_equal(b_unchecked, b)
    assert unchecked.iterations == checked.iterations == 20
    with pytest.raises(ValueError, match="NaN"):
        checked.apply([np.full((2, 6), np.nan), g[1]], [a, b])  # apply still checks


def test_adam_scratch_arrays_are_not_slots():
    """Adam's two scratch arrays (see its docstring) are not part of its state."""
    w = np.zeros(3)
    adam = opt.Adam(amsgrad=True)
    adam.apply([np.ones(3)], [w])
    assert list(adam.slots[0]) == ["momentum", "velocity", "velocity_hat"]


SHARED_DEFAULTS = {
    "weight_decay": None, "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
    "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None,
    "loss_scale_factor": None, "gradient_accumulation_steps": None,
}


def test_default_names_are_keras_names():
    # Keras numbers further instances (adam_1, adam_2, ...); lossbook does not.
    names = [cls().name for cls in (SGD, Adagrad, RMSprop, Adam, Nadam, AdamW)]
    assert names == ["sgd", "adagrad", "rm_sprop", "adam", "nadam", "adam_w"]


def test_default_configs():
    assert SGD().get_config() == {
        "name": "sgd", "learning_rate": 0.01, **SHARED_DEFAULTS,
        "momentum": 0.0, "nesterov": False,
    }
    assert Adagrad().get_config() == {
        "name": "adagrad", "learning_rate": 0.001, **SHARED_DEFAULTS,
        "initial_accumulator_value": 0.1, "epsilon": 1e-7,
    }
    assert RMSprop().get_config() == {
        "name": "rm_sprop", "learning_rate": 0.001, **SHARED_DEFAULTS,
        "rho": 0.9, "momentum": 0.0, "epsilon": 1e-7, "centered": False,
    }
    assert Adam().get_config() == {
        "name": "adam", "learning_rate": 0.001, **SHARED_DEFAULTS,
        "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": False,
    }
    assert Nadam().get_config() == {
        "name": "nadam", "learning_rate": 0.001, **SHARED_DEFAULTS,
        "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7,
    }


# ---------------------------------------------------------------------------
# Hand-computed values
# ---------------------------------------------------------------------------


def test_sgd_plain_by_hand():
    w = np.array([1.0, -2.0])
    SGD(learning_rate=0.1).apply([np.array([0.5, 4.0])], [w])
    np.testing.assert_allclose(w, [0.95, -2.4], rtol=1e-12)


def test_momentum_by_hand():
    # v1 = -0.1·1 = -0.1, w1 = 0.9; v2 = 0.5·(-0.1) - 0.1·1 = -0.15, w2 = 0.75
    w = np.array([1.0])
    o = SGD(learning_rate=0.1, momentum=0.5)
    o.apply([np.array([1.0])], [w])
    assert w[0] == pytest.approx(0.9, abs=1e-15)
    o.apply([np.array([1.0])], [w])
    assert w[0] == pytest.approx(0.75, abs=1e-15)
    np.testing.assert_allclose(o.slots[0]["momentum"], [-0.15], rtol=1e-12)


def test_nesterov_by_hand():
    # v1 = -0.1, w1 = 1 + 0.5·(-0.1) - 0.1 = 0.85
    w = np.array([1.0])
    SGD(learning_rate=0.1, momentum=0.5, nesterov=True).apply([np.array([1.0])], [w])
    assert w[0] == pytest.approx(0.85, abs=1e-15)


def test_nesterov_is_sutskever_lookahead():
    """Keras's Nesterov iterate w equals Sutskever et al.'s θ + μ·v (the look-ahead point)."""
    mu, lr = 0.9, 0.02
    theta, v = X0.copy(), np.zeros_like(X0)
    w = X0.copy()
    o = SGD(learning_rate=lr, momentum=mu, nesterov=True)
    for _ in range(100):
        o.apply([quad_grad(w)], [w])
        v = mu * v - lr * quad_grad(theta + mu * v)
        theta = theta + v
        np.testing.assert_allclose(w, theta + mu * v, rtol=1e-10, atol=1e-12)


def test_adagrad_by_hand():
    # G = 0.1 + 4 = 4.1, w = 1 - 0.5·2/√(4.1 + 1e-7)
    w = np.array([1.0])
    Adagrad(learning_rate=0.5).apply([np.array([2.0])], [w])
    assert w[0] == pytest.approx(1 - 1.0 / math.sqrt(4.1 + 1e-7), abs=1e-15)


def test_rmsprop_first_step_by_hand():
    # s = 0.1·g², step = lr·g/√(0.1 g² + ε)
    w = np.array([0.0, 0.0])
    g = np.array([3.0, -0.01])
    RMSprop(learning_rate=0.01).apply([g], [w])
    want = [-0.01 * 3 / math.sqrt(0.9 + 1e-7), 0.01 * 0.01 / math.sqrt(1e-5 + 1e-7)]
    np.testing.assert_allclose(w, want, rtol=1e-12)


def test_adam_first_step_is_about_learning_rate():
    # m = 0.1 g, v = 0.001 g², α = lr·√0.001/0.1  ⇒  step = lr·g/(|g| + ε/√0.001·...)
    w = np.array([0.0, 0.0])
    Adam(learning_rate=0.1).apply([np.array([5.0, -1e-3])], [w])
    s = math.sqrt(0.001)
    want = [-0.1 * (s / 0.1) * 0.5 / (s * 5.0 + 1e-7), 0.1 * (s / 0.1) * 1e-4 / (s * 1e-3 + 1e-7)]
    np.testing.assert_allclose(w, want, rtol=1e-12)


def test_learning_rate_schedule_is_called_with_iteration():
    seen = []

    class Schedule(opt.schedules.LearningRateSchedule):
        def __call__(self, step):
            seen.append(step)
            return 0.1 / (1 + step)

    w = np.array([1.0])
    o = SGD(learning_rate=Schedule())
    for _ in range(3):
        o.apply([np.array([1.0])], [w])
    assert seen == [0, 1, 2]
    assert w[0] == pytest.approx(1 - 0.1 - 0.05 - 0.1 / 3, abs=1e-15)


# ---------------------------------------------------------------------------
# 2. Keras 3 trajectories
# ---------------------------------------------------------------------------


def _keras_path(keras, name, kwargs, steps, x0=X0, grad=quad_grad, dtype="float64"):
    k_opt = getattr(keras.optimizers, name)(**kwargs)
    var = keras.Variable(np.array(x0, dtype=dtype), dtype=dtype)
    path = []
    for _ in range(steps):
        k_opt.apply([grad(np.asarray(var.value)).astype(dtype)], [var])
        path.append(np.array(var.value, dtype=np.float64))
    return np.array(path)


@pytest.mark.keras
@pytest.mark.parametrize(("name", "kwargs"), SETTINGS, ids=IDS)
def test_matches_keras_trajectory(keras, name, kwargs):
    want = _keras_path(keras, name, kwargs, 100)
    got = run_lossbook(name, kwargs, 100)
    # With JAX_ENABLE_X64 Keras computes in float64: measured max deviation ~2e-15.
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)


@pytest.mark.keras
def test_matches_keras_with_schedule(keras):
    sched = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
    k_opt = keras.optimizers.Adam(learning_rate=sched)
    var = keras.Variable(X0.copy(), dtype="float64")
    o = Adam(learning_rate=opt.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5))
    x = X0.copy()
    for _ in range(40):
        k_opt.apply([quad_grad(np.asarray(var.value))], [var])
        o.apply([quad_grad(x)], [x])
        np.testing.assert_allclose(x, np.asarray(var.value), rtol=1e-6, atol=1e-9)


@pytest.mark.keras
@pytest.mark.parametrize("name", ["SGD", "RMSprop", "Adam", "Nadam"])
def test_float32_tracks_float64_and_keras(keras, name):
    """float32 parameters stay float32 and follow the float64 path to float32 accuracy.

    Measured over 50 steps: ours vs float64 at most 4.5e-7; Keras float32 vs float64
    up to 4e-6 for Adam (it forms the bias correction in float32, we in float64).
    """
    kwargs = {"learning_rate": 0.01, **({"momentum": 0.9} if name == "SGD" else {})}
    keras32 = _keras_path(keras, name, kwargs, 50, dtype="float32")
    exact = REFERENCES[name](X0, quad_grad, 50, **kwargs)
    o = getattr(opt, name)(**kwargs)
    x = X0.astype(np.float32)
    for k in range(50):
        o.apply([quad_grad(x).astype(np.float32)], [x])
        assert x.dtype == np.float32
        np.testing.assert_allclose(x, exact[k], rtol=0, atol=2e-6)
        np.testing.assert_allclose(x, keras32[k], rtol=0, atol=1e-5)


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside Keras's get_config
@pytest.mark.parametrize("name", ["sgd", "adagrad", "rmsprop", "adam", "nadam"])
def test_get_defaults_match_keras(keras, name):
    ours = opt.get(name).get_config()
    theirs = keras.optimizers.get(name).get_config()
    assert list(ours) == list(theirs)  # the same keys in the same order
    for key, value in ours.items():
        if key != "name":  # Keras numbers its names: adam, adam_1, ...
            assert theirs[key] == pytest.approx(value), key


# ---------------------------------------------------------------------------
# 3. Properties
# ---------------------------------------------------------------------------

ALL_DEFAULTS = [SGD, Adagrad, RMSprop, Adam, Nadam]
FLOATS = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


@st.composite
def param_and_grad(draw, dtype=np.float64):
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4))
    p = draw(hnp.arrays(dtype, shape, elements=FLOATS.map(dtype)))
    g = draw(hnp.arrays(dtype, shape, elements=FLOATS.map(dtype)))
    return p, g


@settings(max_examples=50, deadline=None)
@given(pg=param_and_grad(np.float32), cls=st.sampled_from(ALL_DEFAULTS))
def test_float32_stays_float32_in_place(pg, cls):
    p, g = pg
    original = p
    o = cls()
    for _ in range(3):
        o.apply([g], [p])
    assert p is original and p.dtype == np.float32 and p.shape == g.shape
    assert all(s.dtype == np.float32 for slot in o.slots for s in slot.values())
    assert np.all(np.isfinite(p))


@settings(max_examples=50, deadline=None)
@given(pg=param_and_grad(), momentum=st.floats(0, 0.99), nesterov=st.booleans())
def test_zero_gradient_leaves_sgd_unchanged(pg, momentum, nesterov):
    p, _ = pg
    before = p.copy()
    o = SGD(learning_rate=0.1, momentum=momentum, nesterov=nesterov)
    for _ in range(3):
        o.apply(np.zeros_like(p), p)
    np.testing.assert_array_equal(p, before)


@settings(max_examples=50, deadline=None)
@given(pg=param_and_grad(), cls=st.sampled_from([Adagrad, RMSprop, Adam, Nadam]))
def test_zero_gradient_from_rest_leaves_adaptive_unchanged(pg, cls):
    p, _ = pg
    before = p.copy()
    cls().apply([np.zeros_like(p)], [p])
    np.testing.assert_array_equal(p, before)


@settings(max_examples=50, deadline=None)
@given(pg=param_and_grad(), lr=st.floats(1e-4, 1.0))
def test_adam_first_step_bounded_by_learning_rate(pg, lr):
    p, g = pg
    before = p.copy()
    Adam(learning_rate=lr).apply([g], [p])
    assert np.all(np.abs(p - before) <= lr * (1 + 1e-12) + 1e-12 * np.abs(before))
    # and the step goes against the gradient
    assert np.all((p - before) * g <= 0)


@settings(max_examples=50, deadline=None)
@given(a=param_and_grad(), b=param_and_grad(), cls=st.sampled_from(ALL_DEFAULTS))
def test_parameters_are_updated_independently(a, b, cls):
    (p1, g1), (p2, g2) = a, b
    q1, q2 = p1.copy(), p2.copy()
    together, first, second = cls(), cls(), cls()
    for _ in range(3):
        together.apply([g1, g2], [p1, p2])
        first.apply([g1], [q1])
        second.apply([g2], [q2])
    np.testing.assert_allclose(p1, q1, rtol=1e-15, atol=0)
    np.testing.assert_allclose(p2, q2, rtol=1e-15, atol=0)


@settings(max_examples=50, deadline=None)
@given(scale=st.floats(1e-2, 1e3), cls=st.sampled_from([RMSprop, Adam, Nadam]))
def test_adaptive_steps_ignore_gradient_scale(scale, cls):
    """With ε negligible, multiplying all gradients by c > 0 leaves RMSprop/Adam/Nadam unchanged."""
    draws = np.random.default_rng(3).normal(size=(10, 5))
    a, b = X0.copy(), X0.copy()
    oa, ob = cls(learning_rate=0.01, epsilon=1e-300), cls(learning_rate=0.01, epsilon=1e-300)
    for g in draws:
        oa.apply([g], [a])
        ob.apply([g * scale], [b])
    np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-14)


def test_huge_finite_gradients_are_accepted():
    # Their sum or squares overflow to inf, which must not be mistaken for an inf gradient.
    w = np.array([0.0, 0.0])
    SGD(learning_rate=1e-300).apply([np.array([1e308, 1e308])], [w])
    np.testing.assert_allclose(w, [-1e8, -1e8], rtol=1e-12)


def test_single_arrays_and_apply_gradients():
    a, b = np.array([1.0, 2.0]), np.array([1.0, 2.0])
    SGD(learning_rate=0.5).apply(np.array([1.0, 1.0]), a)
    SGD(learning_rate=0.5).apply_gradients([(np.array([1.0, 1.0]), b)])
    np.testing.assert_allclose(a, [0.5, 1.5], rtol=1e-15)
    np.testing.assert_allclose(b, [0.5, 1.5], rtol=1e-15)


def test_float64_gradient_cast_to_float32_param():
    p = np.array([1.0], dtype=np.float32)
    SGD(learning_rate=0.5).apply([np.array([1.0])], [p])
    assert p.dtype == np.float32 and p[0] == np.float32(0.5)


# ---------------------------------------------------------------------------
# get() and minimize()
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "cls"),
    [("sgd", SGD), ("adagrad", Adagrad), ("RMSprop", RMSprop), ("adam", Adam), (" Nadam", Nadam)],
)
def test_get_returns_new_default_instance(name, cls):
    a, b = opt.get(name), opt.get(name)
    assert type(a) is cls and a is not b
    assert a.get_config() == cls().get_config()


def test_get_passes_instances_through():
    o = Adam(learning_rate=0.1)
    assert opt.get(o) is o


def test_get_unknown_lists_known_names():
    with pytest.raises(ValueError, match=r"'adamax'.*adagrad, adam, adamw, nadam"):
        opt.get("adamax")
    with pytest.raises(TypeError, match="optimizer identifier must be a string"):
        opt.get(3)


def test_minimize_sgd_on_quadratic_by_hand():
    # f = x², x_{k+1} = x_k − lr·2x_k = (1 − 2lr)^k x_0
    path = opt.minimize(SGD(learning_rate=0.1), lambda x: 2 * x, [3.0, -1.0], steps=20)
    assert path.shape == (21, 2)
    want = np.array([[3.0, -1.0]]) * (0.8 ** np.arange(21))[:, None]
    np.testing.assert_allclose(path, want, rtol=1e-12)


def test_minimize_matches_reference_and_keeps_init():
    init = X0.copy()
    path = opt.minimize("adam", quad_grad, init, steps=30)
    np.testing.assert_array_equal(init, X0)
    np.testing.assert_array_equal(path[0], X0)
    np.testing.assert_allclose(path[1:], ref_adam(X0, quad_grad, 30), rtol=1e-12, atol=1e-12)
    assert opt.minimize("sgd", quad_grad, [[1.0, 2.0]], steps=0).shape == (1, 1, 2)


def test_minimize_seven_paths_on_ravine():
    """The chapter's picture: everybody gets closer to the minimum of a ravine."""
    h = np.array([0.1, 4.0])

    def ravine_grad(x):
        return h * x

    start = np.array([-7.0, 2.0])
    seven = [
        SGD(0.4), SGD(0.05, momentum=0.9), SGD(0.05, momentum=0.9, nesterov=True),
        Adagrad(1.0), RMSprop(0.1), Adam(0.3), Nadam(0.3),
    ]
    for o in seven:
        path = opt.minimize(o, ravine_grad, start, steps=100)
        assert np.all(np.isfinite(path))
        assert np.linalg.norm(path[-1]) < 0.5 * np.linalg.norm(start), repr(o)


def test_minimize_errors():
    with pytest.raises(ValueError, match="steps must be an integer >= 0, got -1"):
        opt.minimize("sgd", quad_grad, X0, steps=-1)
    with pytest.raises(TypeError, match="grad_fn must be callable"):
        opt.minimize("sgd", None, X0, steps=1)
    with pytest.raises(ValueError, match=r"step 3 of minimize: grads\[0\] contains NaN"):
        opt.minimize("sgd", lambda x: np.full_like(x, np.nan) if abs(x[0]) < 0.99 else x,
                     [1.0], steps=5)


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: SGD(learning_rate=-0.1), ValueError, r"learning_rate must be a finite number >="),
        (lambda: Adam(learning_rate=np.nan), ValueError, r"learning_rate must be a finite number"),
        (lambda: Adam(learning_rate="fast"), ValueError, r"learning_rate must be a number, a Le"),
        (lambda: Adam(learning_rate=None), ValueError, r"learning_rate must be a number"),
        (lambda: Adam(learning_rate=[0.1]), ValueError, r"learning_rate must be a number"),
        (lambda: SGD(momentum=1.0), ValueError, r"momentum must be in \[0, 1\), got 1.0"),
        (lambda: SGD(momentum=-0.5), ValueError, r"momentum must be a finite number >= 0"),
        (lambda: RMSprop(momentum=1.5), ValueError, r"momentum must be in \[0, 1\)"),
        (lambda: RMSprop(rho=1.0), ValueError, r"rho must be in \[0, 1\)"),
        (lambda: Adam(beta_1=1.0), ValueError, r"beta_1 must be in \[0, 1\)"),
        (lambda: Nadam(beta_2=-0.1), ValueError, r"beta_2 must be a finite number >= 0"),
        (lambda: Adam(epsilon=0.0), ValueError, r"epsilon must be a finite number > 0"),
        (lambda: Adagrad(epsilon=float("nan")), ValueError, r"epsilon must be a finite"),
        (lambda: Adagrad(initial_accumulator_value=-1), ValueError, "initial_accumulator_value"),
        (lambda: SGD(nesterov="yes"), TypeError, r"nesterov must be True or False"),
        (lambda: Adam(amsgrad=1), TypeError, r"amsgrad must be True or False"),
    ],
)
def test_bad_hyperparameters(make, error, message):
    with pytest.raises(error, match=message):
        make()


@pytest.mark.parametrize("cls", ALL_DEFAULTS)
def test_nan_gradient_names_index_and_changes_nothing(cls):
    p0, p1 = np.array([1.0, 2.0]), np.array([[3.0]])
    o = cls()
    g_bad = np.array([[np.nan]])
    with pytest.raises(ValueError, match=r"grads\[1\] contains NaN or infinity"):
        o.apply([np.array([1.0, 1.0]), g_bad], [p0, p1])
    np.testing.assert_array_equal(p0, [1.0, 2.0])
    assert o.iterations == 0
    with pytest.raises(ValueError, match=r"grads\[0\] contains NaN or infinity"):
        o.apply([np.array([np.inf, 1.0]), np.array([[1.0]])], [p0, p1])


def test_bad_shapes_and_counts():
    p = [np.zeros(3), np.zeros((2, 2))]
    o = Adam()
    with pytest.raises(ValueError, match=r"grads\[1\] has shape \(4,\) but params\[1\] has shape"):
        o.apply([np.zeros(3), np.zeros(4)], p)
    with pytest.raises(ValueError, match="got 1 gradients for 2 parameters"):
        o.apply([np.zeros(3)], p)
    with pytest.raises(ValueError, match="params is empty"):
        o.apply([], [])
    with pytest.raises(ValueError, match=r"grads\[0\] is empty"):
        SGD().apply([np.zeros(0)], [np.zeros(0)])


def test_params_must_not_change_between_steps():
    o = RMSprop()
    o.apply([np.ones(3), np.ones(2)], [np.zeros(3), np.zeros(2)])
    with pytest.raises(ValueError, match=r"built for 2 parameters but got 1"):
        o.apply([np.ones(3)], [np.zeros(3)])
    with pytest.raises(ValueError, match=r"params\[1\] changed from shape \(2,\)"):
        o.apply([np.ones(3), np.ones(5)], [np.zeros(3), np.zeros(5)])
    with pytest.raises(ValueError, match=r"params\[0\] changed .*float64.*float32"):
        o.apply([np.ones(3), np.ones(2)], [np.zeros(3, np.float32), np.zeros(2)])


@pytest.mark.parametrize(
    ("param", "message"),
    [
        ([1.0, 2.0], r"params\[0\] must be a floating-point NumPy array .* got list"),
        (3.0, r"params\[0\] must be a floating-point NumPy array .* got float"),
        (np.array([1, 2]), r"params\[0\] must be .* got int64 array"),
    ],
)
def test_params_must_be_float_arrays(param, message):
    with pytest.raises(TypeError, match=message):
        SGD().apply([np.ones(2)], [param])


def test_bad_params_and_grads_containers():
    with pytest.raises(TypeError, match="params must be a NumPy array or a list"):
        SGD().apply([np.ones(2)], 5)
    with pytest.raises(TypeError, match=r"grads\[0\] must be numeric"):
        SGD().apply([["a", "b"]], [np.ones(2)])
    frozen = np.ones(2)
    frozen.flags.writeable = False
    with pytest.raises(ValueError, match=r"params\[0\] is read-only"):
        SGD().apply([np.ones(2)], [frozen])


def test_bad_schedule_output():
    o = SGD(learning_rate=lambda: -1.0)
    with pytest.raises(ValueError, match=r"at iteration 0 must be a finite number >= 0"):
        o.apply([np.ones(1)], [np.ones(1)])
    o = SGD(learning_rate=lambda: "x")
    with pytest.raises(ValueError, match="learning_rate at iteration 0 must be a number"):
        o.apply([np.ones(1)], [np.ones(1)])
    w = np.ones(1)
    o = SGD(learning_rate=lambda step: 0.1)  # Keras calls a plain callable with no arguments
    with pytest.raises(TypeError, match="step"):
        o.apply([np.ones(1)], [w])
    assert w[0] == 1.0 and o.iterations == 0



# ---------------------------------------------------------------------------
# 4. Keras 3's shared arguments: clipping, weight decay, AdamW, name
# ---------------------------------------------------------------------------

OPTIMIZER_NAMES = ["SGD", "Adagrad", "RMSprop", "Adam", "Nadam", "AdamW"]

# Two variables (a 3×2 kernel and a bias) on a quadratic whose gradients start
# long (norms ~10) and shrink, so clipping acts early and stops acting later.
HW = np.array([[4.0, -1.0], [0.5, 8.0], [2.0, 3.0]])
CW = np.array([[1.0, -2.0], [0.5, 0.0], [-1.0, 2.0]])
HB, CB = np.array([6.0, 0.2]), np.array([-1.0, 3.0])
W0, B0 = np.array([[0.3, 0.7], [-1.0, 2.0], [0.01, -0.5]]), np.array([1.5, -0.4])


def two_var_grad(ws):
    w, b = ws
    return [HW * (w - CW), HB * (b - CB)]


def flat_two_var_grad(flat):
    """two_var_grad on the model's layout: both variables in one flat array."""
    w, b = flat[:6].reshape(3, 2), flat[6:]
    return np.concatenate([g.ravel() for g in two_var_grad([w, b])])


def lossbook_two_var_path(o, steps):
    ws = [W0.copy(), B0.copy()]
    path = []
    for _ in range(steps):
        o.apply(two_var_grad(ws), ws)
        path.append(np.concatenate([w.ravel() for w in ws]))
    return np.array(path)


def keras_two_var_path(keras, k_opt, steps):
    ws = [keras.Variable(W0.copy(), dtype="float64"), keras.Variable(B0.copy(), dtype="float64")]
    path = []
    for _ in range(steps):
        k_opt.apply(two_var_grad([np.asarray(w.value) for w in ws]), ws)
        path.append(np.concatenate([np.asarray(w.value).ravel() for w in ws]))
    return np.array(path)


BASE_KWARGS = {
    "SGD": {"learning_rate": 0.02, "momentum": 0.9},
    "Adagrad": {"learning_rate": 0.2},
    "RMSprop": {"learning_rate": 0.01},
    "Adam": {"learning_rate": 0.05},
    "Nadam": {"learning_rate": 0.05},
    "AdamW": {"learning_rate": 0.05},
}
SHARED_OPTIONS = [
    {"clipnorm": 0.5},
    {"clipnorm": 5.0},
    {"clipvalue": 0.3},
    {"global_clipnorm": 0.7},
    {"weight_decay": 0.1},
    {"weight_decay": 0.05, "global_clipnorm": 2.0},
]


@pytest.mark.keras
@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
@pytest.mark.parametrize("option", SHARED_OPTIONS, ids=lambda o: "-".join(map(str, o.items())))
def test_clipping_and_weight_decay_match_keras(keras, name, option):
    kwargs = {**BASE_KWARGS[name], **option}
    got = lossbook_two_var_path(getattr(opt, name)(**kwargs), 30)
    want = keras_two_var_path(keras, getattr(keras.optimizers, name)(**kwargs), 30)
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)
    # the option changes the path (so the comparison above can fail)
    plain = lossbook_two_var_path(getattr(opt, name)(**BASE_KWARGS[name]), 30)
    if name != "AdamW" or "weight_decay" not in option:
        assert np.max(np.abs(got - plain)) > 1e-4


def ref_clip(gs, clipnorm=None, clipvalue=None, global_clipnorm=None):
    """Keras's clipping of flat gradient lists, one number at a time."""
    if clipnorm:
        out = []
        for g in gs:
            norm = math.sqrt(sum(v * v for v in g))
            out.append([v * clipnorm / max(norm, clipnorm) for v in g])
        return out
    if global_clipnorm:
        norm = math.sqrt(sum(v * v for g in gs for v in g))
        return [[v * global_clipnorm / max(norm, global_clipnorm) for v in g] for g in gs]
    if clipvalue:
        return [[min(max(v, -clipvalue), clipvalue) for v in g] for g in gs]
    return gs


def ref_two_var(kind, steps, learning_rate, weight_decay=None, momentum=0.9, beta_1=0.9,
                beta_2=0.999, epsilon=1e-7, **clip):
    """SGD with momentum or Adam on the two variables, clipped and decayed as Keras does."""
    xs = [list(W0.ravel()), list(B0.ravel())]
    slot1 = [[0.0] * len(x) for x in xs]
    slot2 = [[0.0] * len(x) for x in xs]
    path = []
    for t in range(1, steps + 1):
        gs = two_var_grad([np.reshape(xs[0], W0.shape), np.array(xs[1])])
        gs = ref_clip([list(g.ravel()) for g in gs], **clip)
        for k, x in enumerate(xs):
            for i in range(len(x)):
                if weight_decay is not None:
                    x[i] = x[i] - x[i] * weight_decay * learning_rate
                g = gs[k][i]
                if kind == "SGD":
                    slot1[k][i] = momentum * slot1[k][i] - learning_rate * g
                    x[i] = x[i] + slot1[k][i]
                else:
                    slot1[k][i] = beta_1 * slot1[k][i] + (1 - beta_1) * g
                    slot2[k][i] = beta_2 * slot2[k][i] + (1 - beta_2) * g * g
                    alpha = learning_rate * math.sqrt(1 - beta_2**t) / (1 - beta_1**t)
                    x[i] = x[i] - alpha * slot1[k][i] / (math.sqrt(slot2[k][i]) + epsilon)
        path.append(xs[0] + xs[1])
    return np.array(path)


@pytest.mark.parametrize("name", ["SGD", "Adam"])
@pytest.mark.parametrize("option", SHARED_OPTIONS, ids=lambda o: "-".join(map(str, o.items())))
def test_clipping_and_weight_decay_match_float64_reference(name, option):
    kwargs = {**BASE_KWARGS[name], **option}
    got = lossbook_two_var_path(getattr(opt, name)(**kwargs), 40)
    want = ref_two_var(name, 40, **kwargs)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


def test_clipping_by_hand():
    g1, g2 = np.array([3.0, 4.0]), np.array([0.0, 12.0])  # norms 5 and 12, together 13
    o = SGD(clipnorm=6.0)
    c1, c2 = o._clip_gradients([g1, g2])
    np.testing.assert_allclose(c1, [3.0, 4.0], rtol=1e-15)  # short enough: unchanged
    np.testing.assert_allclose(c2, [0.0, 6.0], rtol=1e-15)  # 12 -> 6
    c1, c2 = SGD(global_clipnorm=6.5)._clip_gradients([g1, g2])  # scale 6.5/13
    np.testing.assert_allclose(np.concatenate([c1, c2]), [1.5, 2.0, 0.0, 6.0], rtol=1e-15)
    c1, c2 = SGD(clipvalue=3.5)._clip_gradients([g1, g2])
    np.testing.assert_allclose(np.concatenate([c1, c2]), [3.0, 3.5, 0.0, 3.5], rtol=1e-15)
    # zero gradients stay zero (no 0/0)
    (z,) = SGD(clipnorm=1.0)._clip_gradients([np.zeros(3)])
    np.testing.assert_array_equal(z, np.zeros(3))


def test_clipping_does_not_touch_the_callers_gradients():
    g = np.array([30.0, 40.0])
    w = np.zeros(2)
    SGD(learning_rate=1.0, clipnorm=1.0).apply([g], [w])
    np.testing.assert_array_equal(g, [30.0, 40.0])
    np.testing.assert_allclose(w, [-0.6, -0.8], rtol=1e-15)


def test_weight_decay_by_hand():
    w = np.array([2.0, -4.0])
    SGD(learning_rate=0.1, weight_decay=0.5).apply([np.array([1.0, 1.0])], [w])
    # decay first: w·(1 − 0.1·0.5) = [1.9, −3.8], then the step −0.1·g
    np.testing.assert_allclose(w, [1.8, -3.9], rtol=1e-15)


@pytest.mark.parametrize("name", ["SGD", "Adam", "RMSprop"])
@pytest.mark.parametrize(
    "option", [{"clipnorm": 0.5}, {"global_clipnorm": 0.7}, {"clipvalue": 0.3}, {}],
    ids=lambda o: "-".join(map(str, o.items())) or "none",
)
def test_one_flat_array_with_variable_sizes_equals_separate_variables(name, option):
    """The model's layout: one flat array and the variables' sizes."""
    kwargs = {**BASE_KWARGS[name], **option, "weight_decay": 0.01}
    separate = lossbook_two_var_path(getattr(opt, name)(**kwargs), 20)
    o = getattr(opt, name)(**kwargs)
    flat = np.concatenate([W0.ravel(), B0])
    path = []
    for _ in range(20):
        o.apply([flat_two_var_grad(flat)], [flat], variable_sizes=[6, 2])
        path.append(flat.copy())
    np.testing.assert_allclose(np.array(path), separate, rtol=1e-14, atol=1e-15)


def test_bad_variable_sizes():
    with pytest.raises(ValueError, match=r"variable_sizes \[2, 2\] \(total 4\) must describe ONE"):
        SGD(clipnorm=1.0).apply([np.ones(5)], [np.ones(5)], variable_sizes=[2, 2])
    with pytest.raises(ValueError, match="must describe ONE flat"):
        SGD(clipnorm=1.0).apply([np.ones(2)] * 2, [np.ones(2), np.ones(2)], variable_sizes=[2, 2])
    with pytest.raises(ValueError, match="variable_sizes entries must be an integer >= 1"):
        SGD(clipnorm=1.0).apply([np.ones(2)], [np.ones(2)], variable_sizes=[0, 2])


def test_adamw_is_adam_with_weight_decay():
    a = lossbook_two_var_path(AdamW(learning_rate=0.05, weight_decay=0.2), 30)
    b = lossbook_two_var_path(Adam(learning_rate=0.05, weight_decay=0.2), 30)
    np.testing.assert_array_equal(a, b)
    assert AdamW().weight_decay == 0.004
    with pytest.raises(ValueError, match="must be a float. Received: weight_decay=None"):
        AdamW(weight_decay=None)


@pytest.mark.keras
def test_adamw_refuses_none_like_keras(keras):
    with pytest.raises(ValueError, match="weight_decay=None"):
        keras.optimizers.AdamW(weight_decay=None)


@pytest.mark.keras
@pytest.mark.parametrize("name", ["Optimizer", *OPTIMIZER_NAMES])
def test_signatures_match_keras(keras, name):
    """Keras 3's parameters in Keras 3's order and defaults; lossbook extras keyword-only."""
    ours = list(inspect.signature(getattr(opt, name)).parameters.values())
    theirs = [
        p for p in inspect.signature(getattr(keras.optimizers, name)).parameters.values()
        if p.kind is not p.VAR_KEYWORD
    ]
    positional = [p for p in ours if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert [(p.name, p.default) for p in positional] == [(p.name, p.default) for p in theirs]
    assert all(p.kind is p.KEYWORD_ONLY for p in ours if p not in positional)


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_positional_arguments_mean_what_they_mean_in_keras(keras, name):
    """Every argument given positionally, in Keras's order: the same configuration."""
    params = list(inspect.signature(getattr(keras.optimizers, name)).parameters.values())
    values = {
        "learning_rate": 0.03, "momentum": 0.5, "nesterov": True, "rho": 0.8, "centered": True,
        "initial_accumulator_value": 0.2, "epsilon": 1e-6, "beta_1": 0.8, "beta_2": 0.99,
        "amsgrad": True, "weight_decay": 0.01, "clipnorm": 1.5, "name": "mine",
    }
    args = [values.get(p.name, p.default) for p in params if p.kind is not p.VAR_KEYWORD]
    ours = getattr(opt, name)(*args).get_config()
    theirs = getattr(keras.optimizers, name)(*args).get_config()
    assert ours == pytest.approx(theirs) and ours["name"] == "mine"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"use_ema": True}, r"use_ema=True is not supported by lossbook"),
        ({"ema_momentum": 0.5}, r"ema_momentum=0.5 is not supported"),
        ({"ema_overwrite_frequency": 10}, r"ema_overwrite_frequency=10 is not supported"),
        ({"loss_scale_factor": 128.0}, r"loss_scale_factor=128.0 is not supported"),
        ({"gradient_accumulation_steps": 4}, r"gradient_accumulation_steps=4 is not supported"),
        ({"decay": 0.1}, r"unexpected keyword argument 'decay'"),
        ({"lr": 0.1}, r"unexpected keyword argument 'lr'"),
        ({"name": 3}, r"name must be a string, got int"),
        ({"clipnorm": "1"}, r"clipnorm must be a real number"),
    ],
)
@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_refused_arguments_are_type_errors_naming_them(name, kwargs, message):
    with pytest.raises(TypeError, match=message):
        getattr(opt, name)(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"clipnorm": 1.0, "clipvalue": 1.0}, "Only one of `clipnorm`, `clipvalue` and `global_"),
        ({"clipvalue": 1.0, "global_clipnorm": 1.0}, "Only one of"),
        ({"clipnorm": 0.0}, r"clipnorm must be a finite number > 0, got 0.0"),
        ({"clipvalue": -1.0}, r"clipvalue must be a finite number > 0"),
        ({"global_clipnorm": np.inf}, r"global_clipnorm must be a finite number > 0"),
        ({"weight_decay": -0.1}, r"weight_decay must be a finite number >= 0"),
    ],
)
def test_bad_shared_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Adam(**kwargs)


@pytest.mark.keras
def test_keras_refuses_two_clips_too(keras):
    with pytest.raises(ValueError, match="Only one of `clipnorm`"):
        keras.optimizers.Adam(clipnorm=1.0, clipvalue=1.0)


def test_repr_shows_shared_arguments_only_when_given():
    # chapter 6 prints these: unchanged from before the shared arguments existed
    assert repr(SGD()) == "SGD(learning_rate=0.01, momentum=0.0, nesterov=False)"
    assert repr(Adam(clipnorm=1.0, name="a")) == (
        "Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False, "
        "clipnorm=1.0, name='a')"
    )
    assert repr(SGD(opt.schedules.InverseTimeDecay(0.1, 10, 1.0))).startswith(
        "SGD(learning_rate=InverseTimeDecay(initial_learning_rate=0.1, decay_steps=10"
    )


# ---------------------------------------------------------------------------
# 5. The learning rate: numbers, schedules, callables, the property
# ---------------------------------------------------------------------------


def test_learning_rate_property_reads_the_current_rate():
    o = SGD(learning_rate=opt.schedules.ExponentialDecay(0.1, 1, 0.5))
    w = np.zeros(1)
    assert o.learning_rate == 0.1
    o.apply([np.ones(1)], [w])
    o.apply([np.ones(1)], [w])
    assert o.learning_rate == 0.025  # schedule(iterations) with iterations = 2
    np.testing.assert_allclose(w, [-0.15], rtol=1e-15)  # the steps used 0.1 then 0.05


@pytest.mark.keras
def test_learning_rate_property_matches_keras_with_a_schedule(keras):
    ours = Adam(learning_rate=opt.schedules.PolynomialDecay(0.1, 10, end_learning_rate=0.0))
    theirs = keras.optimizers.Adam(
        learning_rate=keras.optimizers.schedules.PolynomialDecay(0.1, 10, end_learning_rate=0.0)
    )
    ws = [W0.copy(), B0.copy()]
    kws = [keras.Variable(W0.copy(), dtype="float64"), keras.Variable(B0.copy(), dtype="float64")]
    for _ in range(12):
        assert ours.learning_rate == pytest.approx(float(theirs.learning_rate), abs=1e-15)
        ours.apply(two_var_grad(ws), ws)
        theirs.apply(two_var_grad([np.asarray(w.value) for w in kws]), kws)
        assert ours.iterations == int(theirs.iterations)
    for w, kw in zip(ws, kws, strict=True):
        np.testing.assert_allclose(w, np.asarray(kw.value), rtol=1e-6, atol=1e-9)


@pytest.mark.keras
def test_setting_the_learning_rate_mid_training_matches_keras(keras):
    ours, theirs = Adam(learning_rate=0.05), keras.optimizers.Adam(learning_rate=0.05)
    ws = [W0.copy(), B0.copy()]
    kws = [keras.Variable(W0.copy(), dtype="float64"), keras.Variable(B0.copy(), dtype="float64")]
    for step in range(20):
        if step == 10:
            ours.learning_rate = 0.005
            theirs.learning_rate = 0.005
        ours.apply(two_var_grad(ws), ws)
        theirs.apply(two_var_grad([np.asarray(w.value) for w in kws]), kws)
    assert ours.learning_rate == 0.005
    for w, kw in zip(ws, kws, strict=True):
        np.testing.assert_allclose(w, np.asarray(kw.value), rtol=1e-6, atol=1e-9)
    # a schedule set later replaces the number, in both
    ours.learning_rate = opt.schedules.ExponentialDecay(0.1, 10, 0.5)
    theirs.learning_rate = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    assert ours.learning_rate == pytest.approx(float(theirs.learning_rate), rel=1e-12)


@pytest.mark.parametrize("bad", [-5, -1e-9, np.nan, np.inf, "0.01", None, [0.1], True])
def test_setting_a_bad_learning_rate_raises_and_keeps_the_old_one(bad):
    o = SGD(learning_rate=0.1)
    with pytest.raises(ValueError, match="learning_rate must be"):
        o.learning_rate = bad
    assert o.learning_rate == 0.1


def test_zero_learning_rate_is_allowed():
    w = np.ones(2)
    o = Adam(learning_rate=0.0)
    o.apply([np.ones(2)], [w])
    np.testing.assert_array_equal(w, [1.0, 1.0])
    o.learning_rate = np.float32(0.5)
    assert o.learning_rate == 0.5 and type(o.learning_rate) is float


@pytest.mark.keras
def test_setting_a_number_on_a_schedule_is_a_type_error_as_in_keras(keras):
    ours = SGD(learning_rate=opt.schedules.ExponentialDecay(0.1, 10, 0.5))
    theirs = keras.optimizers.SGD(
        learning_rate=keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    )
    with pytest.raises(TypeError, match="created with a `LearningRateSchedule`") as ours_error:
        ours.learning_rate = 0.01
    with pytest.raises(TypeError) as keras_error:
        theirs.learning_rate = 0.01
    assert str(ours_error.value) == str(keras_error.value)
    assert ours.learning_rate == 0.1  # still the schedule


@pytest.mark.keras
def test_setting_a_number_on_a_callable_is_a_type_error(keras):
    """Deliberate difference: Keras fails with AttributeError ('function' object has no
    attribute 'assign'); lossbook says why, with the TypeError it uses for schedules."""
    ours = SGD(learning_rate=lambda: 0.05)
    with pytest.raises(TypeError, match="created with a callable"):
        ours.learning_rate = 0.01
    theirs = keras.optimizers.SGD(learning_rate=lambda: 0.05)
    with pytest.raises(AttributeError, match="assign"):
        theirs.learning_rate = 0.01


@pytest.mark.keras
def test_callable_learning_rate_matches_keras(keras):
    """``learning_rate=lambda: ...`` is called with no arguments before every step."""
    rate = {"now": 0.05}
    ours = Adam(learning_rate=lambda: rate["now"])
    theirs = keras.optimizers.Adam(learning_rate=lambda: rate["now"])
    ws = [W0.copy(), B0.copy()]
    kws = [keras.Variable(W0.copy(), dtype="float64"), keras.Variable(B0.copy(), dtype="float64")]
    for step in range(16):
        rate["now"] = 0.05 if step < 8 else 0.01
        ours.apply(two_var_grad(ws), ws)
        theirs.apply(two_var_grad([np.asarray(w.value) for w in kws]), kws)
    assert ours.learning_rate == 0.01
    for w, kw in zip(ws, kws, strict=True):
        np.testing.assert_allclose(w, np.asarray(kw.value), rtol=1e-6, atol=1e-9)


@pytest.mark.keras
@pytest.mark.parametrize(
    "schedule",
    [
        ("CosineDecay", (0.1, 6)),
        ("CosineDecay", (0.0, 6, 0.0, "CosineDecay", 0.1, 3)),
        ("PiecewiseConstantDecay", ([2, 5], [0.1, 0.05, 0.0])),
        ("CosineDecayRestarts", (0.1, 3)),
        ("InverseTimeDecay", (0.1, 3, 0.5, True)),
    ],
    ids=lambda s: s[0],
)
def test_training_with_schedules_matches_keras(keras, schedule):
    """Including a rate that reaches 0 (CosineDecay's default alpha=0): no error, no step."""
    name, args = schedule
    ours = SGD(learning_rate=getattr(opt.schedules, name)(*args), momentum=0.5)
    theirs = keras.optimizers.SGD(
        learning_rate=getattr(keras.optimizers.schedules, name)(*args), momentum=0.5
    )
    got = lossbook_two_var_path(ours, 12)
    want = keras_two_var_path(keras, theirs, 12)
    # Keras computes its cosine schedules partly in float32: rates ~5e-9 off (see
    # test_schedules.py), positions ~2e-8 off after a few steps.
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-7)


def test_cosine_decay_to_zero_trains_on_without_error():
    o = SGD(learning_rate=opt.schedules.CosineDecay(0.1, decay_steps=5))
    path = lossbook_two_var_path(o, 12)
    assert o.learning_rate == 0.0
    # the steps of iterations 5, 6, ... use rate 0: the weights stop after 5 updates
    np.testing.assert_array_equal(path[5:], np.repeat(path[4:5], 7, axis=0))


# ---------------------------------------------------------------------------
# 6. get_config / from_config / serialize / get, both ways with Keras
# ---------------------------------------------------------------------------

ROUND_TRIP = [
    ("SGD", {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True, "clipnorm": 1.0}),
    ("Adagrad", {"learning_rate": 0.2, "epsilon": 1e-5, "global_clipnorm": 3.0}),
    ("RMSprop", {"learning_rate": 0.01, "centered": True, "clipvalue": 0.5, "name": "r"}),
    ("Adam", {"learning_rate": 0.05, "amsgrad": True, "weight_decay": 0.01}),
    ("Nadam", {"learning_rate": 0.05, "beta_1": 0.8}),
    ("AdamW", {"learning_rate": 0.05, "weight_decay": 0.1}),
]


@pytest.mark.parametrize(("name", "kwargs"), ROUND_TRIP, ids=[n for n, _ in ROUND_TRIP])
def test_config_round_trip(name, kwargs):
    o = getattr(opt, name)(**kwargs)
    again = type(o).from_config(o.get_config())
    assert again.get_config() == o.get_config() and again is not o
    np.testing.assert_array_equal(lossbook_two_var_path(again, 10), lossbook_two_var_path(o, 10))
    copy = opt.deserialize(opt.serialize(o))
    assert type(copy) is type(o) and copy.get_config() == o.get_config()
    assert opt.get(opt.serialize(o)).get_config() == o.get_config()


def test_config_round_trip_with_a_schedule_and_a_callable():
    s = opt.schedules.CosineDecay(0.1, 20, warmup_target=0.2, warmup_steps=5)
    o = Adam(learning_rate=s, clipnorm=2.0)
    config = o.get_config()
    assert config["learning_rate"] == opt.schedules.serialize(s)
    again = Adam.from_config(config)
    np.testing.assert_array_equal(lossbook_two_var_path(again, 12), lossbook_two_var_path(o, 12))

    def rate():
        return 0.01

    o = SGD(learning_rate=rate)
    assert o.get_config()["learning_rate"] is rate  # kept as the callable itself
    assert SGD.from_config(o.get_config()).learning_rate == 0.01


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("name", "kwargs"), ROUND_TRIP, ids=[n for n, _ in ROUND_TRIP])
def test_configs_move_between_keras_and_lossbook(keras, name, kwargs):
    ours = getattr(opt, name)(**kwargs)
    theirs = getattr(keras.optimizers, name)(**kwargs)
    keras_config = theirs.get_config()
    assert list(ours.get_config()) == list(keras_config)
    from_keras = getattr(opt, name).from_config(keras_config)
    assert from_keras.get_config() == pytest.approx({**keras_config})
    to_keras = getattr(keras.optimizers, name).from_config(ours.get_config())
    assert to_keras.get_config() == pytest.approx({**ours.get_config()})
    from_serialized = opt.get(keras.optimizers.serialize(theirs))
    assert type(from_serialized) is type(ours)
    assert keras.optimizers.get(opt.serialize(ours)).get_config() == pytest.approx(
        ours.get_config()
    )


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_config_with_a_schedule_moves_between_keras_and_lossbook(keras):
    ours = SGD(learning_rate=opt.schedules.ExponentialDecay(0.1, 10, 0.5, staircase=True))
    theirs = keras.optimizers.SGD(
        learning_rate=keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5, staircase=True)
    )
    config = theirs.get_config()
    assert ours.get_config() == {**config, "name": "sgd"}
    again = SGD.from_config(config)
    assert isinstance(again._learning_rate, opt.schedules.ExponentialDecay)
    to_keras = keras.optimizers.SGD.from_config(ours.get_config())
    assert float(to_keras.learning_rate) == 0.1


@pytest.mark.keras
@pytest.mark.parametrize("name", ["SGD", "sgd", "AdamW", "adamw", "RMSprop", "ADAM", "Nadam"])
def test_get_resolves_names_and_class_names_as_keras(keras, name):
    assert type(opt.get(name)).__name__ == type(keras.optimizers.get(name)).__name__


def test_get_and_deserialize_errors():
    with pytest.raises(TypeError, match="a string, a config dictionary or an Optimizer, got int"):
        opt.get(3)
    with pytest.raises(ValueError, match="'class_name' and 'config'"):
        opt.deserialize({"config": {}})
    with pytest.raises(ValueError, match="unknown optimizer 'Lion'"):
        opt.get({"class_name": "Lion", "config": {}})
    with pytest.raises(TypeError, match="serialize expects an Optimizer"):
        opt.serialize("adam")


# ---------------------------------------------------------------------------
# 7. In a model: the model's one flat weight array, clipped per weight as Keras
# ---------------------------------------------------------------------------


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(
    "option", [{"clipnorm": 0.02}, {"global_clipnorm": 0.05}, {"weight_decay": 0.3}],
    ids=lambda o: next(iter(o)),
)
def test_model_training_with_clipping_matches_keras(keras, rng, option):
    from lossbook.model import Dense, Sequential

    x = rng.normal(size=(12, 5))
    y = rng.integers(0, 3, 12)
    model = Sequential([Dense(4, activation="relu"), Dense(3, activation="softmax")], seed=1)
    model.build((5,))
    kmodel = keras.Sequential(
        [keras.Input((5,)), keras.layers.Dense(4, activation="relu"),
         keras.layers.Dense(3, activation="softmax")]
    )
    kmodel.set_weights(model.get_weights())
    model.compile(optimizer=SGD(0.5, **option), loss="sparse_categorical_crossentropy")
    kmodel.compile(optimizer=keras.optimizers.SGD(0.5, **option),
                   loss="sparse_categorical_crossentropy")
    model.fit(x, y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    kmodel.fit(x, y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    for ours, theirs in zip(model.get_weights(), kmodel.get_weights(), strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
@pytest.mark.parametrize("option", SHARED_OPTIONS, ids=lambda o: "-".join(map(str, o.items())))
def test_float32_stays_float32_with_clipping_and_decay(name, option):
    kwargs = {**BASE_KWARGS[name], **option}
    o32, o64 = getattr(opt, name)(**kwargs), getattr(opt, name)(**kwargs)
    flat32 = np.concatenate([W0.ravel(), B0]).astype(np.float32)
    flat64 = flat32.astype(np.float64)
    for _ in range(20):
        for o, flat in ((o32, flat32), (o64, flat64)):
            o.apply([flat_two_var_grad(flat).astype(flat.dtype)], [flat], variable_sizes=[6, 2])
        assert flat32.dtype == np.float32
    np.testing.assert_allclose(flat32, flat64, rtol=0, atol=2e-5)


@pytest.mark.keras
def test_keras_schedules_work_with_lossbook_optimizers(keras):
    """A Keras schedule object is called with the step, as Keras does (CosineDecay, whose
    rate reaches exactly 0 with the default alpha=0, included)."""
    ks = keras.optimizers.schedules
    for schedule in (ks.CosineDecay(0.1, 6), ks.ExponentialDecay(0.1, 3, 0.5)):
        ours = SGD(learning_rate=schedule, momentum=0.5)
        theirs = keras.optimizers.SGD(learning_rate=schedule, momentum=0.5)
        got = lossbook_two_var_path(ours, 9)
        want = keras_two_var_path(keras, theirs, 9)
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-7)
        with pytest.raises(TypeError, match="created with a `LearningRateSchedule`"):
            ours.learning_rate = 0.01
        again = SGD.from_config(ours.get_config())  # becomes lossbook's schedule of that name
        assert type(again._learning_rate).__name__ == type(schedule).__name__
        assert again._learning_rate.get_config() == schedule.get_config()
