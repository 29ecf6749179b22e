"""Tests for lossbook.backprop: graph nodes, gates, layers and TwoLayerNet."""

import math

import numpy as np
import pytest
from helpers import central_diff, rel_err
from hypothesis import given, settings
from hypothesis import strategies as st

from lossbook.backprop import (
    AddGate,
    Affine,
    MaxGate,
    MultiplyGate,
    ReLU,
    Sigmoid,
    SoftmaxCrossEntropy,
    TwoLayerNet,
    Value,
    graph_table,
    sigmoid_circuit,
    topological_order,
)


@pytest.fixture(scope="module")
def jax():
    jax = pytest.importorskip("jax")
    assert jax.numpy.zeros(1).dtype == np.float64, "tests need JAX_ENABLE_X64=1"
    return jax


def fd_partials(f, point, h=1e-5):
    """Central differences of a plain-float function f(*point)."""
    return central_diff(lambda p: f(*(float(v) for v in p)), point, h=h)


def sigmoid_ref(z):
    return 1.0 / (1.0 + math.exp(-z))


# -- Value: every node against finite differences --------------------------------------

NODE_CASES = [
    # (name, graph built from Values, same function on plain floats, point)
    ("add", lambda a, b: a + b, lambda a, b: a + b, (1.3, -0.7)),
    ("mul", lambda a, b: a * b, lambda a, b: a * b, (1.3, -0.7)),
    ("add_const", lambda a, b: (a + 1) * b, lambda a, b: (a + 1) * b, (0.4, 2.5)),
    ("neg", lambda a, b: -a * b, lambda a, b: -a * b, (0.4, 2.5)),
    ("exp", lambda a, b: (a * b).exp(), lambda a, b: math.exp(a * b), (0.4, -1.5)),
    ("inv", lambda a, b: (a + b).inv(), lambda a, b: 1 / (a + b), (0.4, 0.97)),
    ("sigmoid", lambda a, b: (a * b).sigmoid(), lambda a, b: sigmoid_ref(a * b), (0.8, -1.1)),
    ("relu", lambda a, b: (a - b).relu() * a, lambda a, b: max(a - b, 0) * a, (1.8, 0.3)),
    ("max_a", lambda a, b: a.maximum(b) * b, lambda a, b: max(a, b) * b, (1.8, 0.3)),
    ("max_b", lambda a, b: a.maximum(b) * a, lambda a, b: max(a, b) * a, (-1.8, 0.3)),
    ("sub_div", lambda a, b: (a - b) / (b * 2), lambda a, b: (a - b) / (b * 2), (1.2, 0.6)),
    ("rsub_rdiv", lambda a, b: 3 - 2 / a * b, lambda a, b: 3 - 2 / a * b, (1.2, 0.6)),
]


@pytest.mark.parametrize("name, build, plain, point", NODE_CASES, ids=[c[0] for c in NODE_CASES])
def test_each_node_matches_finite_differences(name, build, plain, point):
    a, b = Value(point[0], label="a"), Value(point[1], label="b")
    out = build(a, b)
    out.backward()
    assert out.data == pytest.approx(plain(*point), rel=1e-12)
    assert rel_err([a.grad, b.grad], fd_partials(plain, point)) < 1e-7


def test_local_gradients_by_hand():
    a, b = Value(3.0), Value(-2.0)
    assert (a * b)._local == (-2.0, 3.0)
    assert (a + b)._local == (1.0, 1.0)
    assert (a + 1)._local == (1.0,) and (a + 1).op == "+1"
    assert (a * -1)._local == (-1.0,) and (-a).op == "*-1"
    assert a.inv()._local == pytest.approx((-1 / 9,), rel=1e-15)
    assert a.exp()._local == (math.exp(3.0),)
    assert a.maximum(b)._local == (1.0, 0.0)
    assert b.maximum(a)._local == (0.0, 1.0)
    assert a.maximum(3.0)._local == (1.0, 0.0)  # tie goes to the first input
    assert Value(0.0).relu()._local == (0.0,)


def test_sigmoid_node_is_stable_for_huge_inputs():
    for z, s in [(1e4, 1.0), (-1e4, 0.0)]:
        v = Value(z)
        out = v.sigmoid()
        out.backward()
        assert out.data == s and v.grad == 0.0


# -- Value: the micrograd pitfalls -----------------------------------------------------


def test_backward_twice_does_not_double():
    x = Value(3.0)
    y = Value(-2.0)
    z = x * y + x.exp()
    z.backward()
    first = (x.grad, y.grad)
    z.backward()
    assert (x.grad, y.grad) == first
    assert first == pytest.approx((-2.0 + math.exp(3.0), 3.0), rel=1e-15)


def test_reused_node_accumulates():
    x = Value(3.0)
    sq = x * x
    sq.backward()
    assert x.grad == 6.0  # d(x²)/dx = 2x
    y = x * x + x  # 2x + 1
    y.backward()
    assert x.grad == 7.0
    # a diamond: shared intermediate used twice
    a = Value(0.5)
    s = a.sigmoid()
    out = s * s + s  # d/da = (2s + 1)·s(1 − s)
    out.backward()
    sv = sigmoid_ref(0.5)
    assert a.grad == pytest.approx((2 * sv + 1) * sv * (1 - sv), rel=1e-14)


def test_long_chain_has_no_recursion_limit():
    x = Value(1.0)
    y = x
    for _ in range(5000):
        y = y + 1
    y.backward()
    assert y.data == 5001.0 and x.grad == 1.0


# -- the CS231n sigmoid circuit (seed 002) ---------------------------------------------


@pytest.mark.parametrize("fused", [False, True])
def test_sigmoid_circuit_matches_exact_formulas(fused):
    w0, w1, w2, x0, x1 = 2.0, -3.0, -3.0, -1.0, -2.0
    z = w0 * x0 + w1 * x1 + w2  # = 1
    f_exact = 1.0 / (1.0 + math.exp(-z))
    dz = f_exact * (1.0 - f_exact)  # σ'(z) ≈ 0.1966
    f, inputs = sigmoid_circuit(fused=fused)
    f.backward()
    assert f.data == pytest.approx(f_exact, rel=1e-12)
    assert round(f.data, 2) == 0.73
    grads = {k: v.grad for k, v in inputs.items()}
    expected = {"w0": x0 * dz, "w1": x1 * dz, "w2": dz, "x0": w0 * dz, "x1": w1 * dz}
    for k in expected:
        assert grads[k] == pytest.approx(expected[k], rel=1e-12, abs=1e-15), k
    # the rounded numbers of the lecture: dw = [-0.20, -0.39, 0.20], dx = [0.39, -0.59]
    assert [round(grads[k], 2) for k in ("w0", "w1", "w2")] == [-0.2, -0.39, 0.2]
    assert [round(grads[k], 2) for k in ("x0", "x1")] == [0.39, -0.59]


def test_sigmoid_circuit_intermediate_gradients_of_seed_002():
    f, _ = sigmoid_circuit()
    f.backward()
    rows = {r["label"]: r for r in graph_table(f)}
    d = 1 + math.exp(-1.0)  # 1.37 at the input of 1/x
    assert rows["1 + exp(-z)"]["value"] == pytest.approx(d, rel=1e-15)
    assert rows["1 + exp(-z)"]["grad"] == pytest.approx(-1 / d**2, rel=1e-12)  # -0.53
    assert round(-1 / d**2, 2) == -0.53
    assert rows["exp(-z)"]["grad"] == pytest.approx(-1 / d**2, rel=1e-12)  # +1 passes it
    assert rows["-z"]["grad"] == pytest.approx(-1 / d**2 * math.exp(-1), rel=1e-12)  # -0.20
    assert rows["z"]["grad"] == pytest.approx(1 / d**2 * math.exp(-1), rel=1e-12)  # 0.20
    assert rows["-z"]["op"] == "*-1" and rows["1 + exp(-z)"]["op"] == "+1"


def test_graph_table_structure():
    f, _ = sigmoid_circuit()
    f.backward()
    table = graph_table(f)
    assert len(table) == 13  # 5 inputs + 2 mul + 2 add + *-1, exp, +1, 1/x
    assert table[-1]["label"] == "f" and table[-1]["grad"] == 1.0
    for row in table:
        assert set(row) == {
            "id",
            "label",
            "op",
            "value",
            "grad",
            "inputs",
            "local_grads",
            "downstream",
        }
        assert all(i < row["id"] for i in row["inputs"])  # inputs come first
        assert len(row["local_grads"]) == len(row["inputs"]) == len(row["downstream"])
        for g, dn in zip(row["local_grads"], row["downstream"], strict=True):
            assert dn == g * row["grad"]
    # each input's grad is the sum of what its users send down
    for row in table:
        sent = sum(
            user["downstream"][k]
            for user in table
            for k, i in enumerate(user["inputs"])
            if i == row["id"]
        )
        if row["id"] != table[-1]["id"]:
            assert row["grad"] == pytest.approx(sent, rel=1e-15)
    unlabeled = graph_table(Value(1.0) * Value(2.0))
    assert [r["label"] for r in unlabeled] == ["n0", "n1", "n2"]
    assert len(topological_order(Value(2.0) * Value(2.0))) == 3


def test_value_bad_input():
    with pytest.raises(ValueError, match="Value 'w' data must be finite, got nan"):
        Value(float("nan"), label="w")
    with pytest.raises(TypeError, match="Value data must be a real number, got str"):
        Value("1.0")
    with pytest.raises(TypeError, match="constant must be a real number, got list"):
        Value(1.0) + [1.0]
    with pytest.raises(ValueError, match=r"exp\(1000.0\) overflows float64"):
        Value(1000.0).exp()
    with pytest.raises(ValueError, match="inv\\(\\) of a Value equal to 0"):
        Value(0.0).inv()
    with pytest.raises(ValueError, match="division of a Value by 0"):
        Value(1.0) / 0
    with pytest.raises(TypeError, match="root must be a Value, got float"):
        graph_table(1.0)
    with pytest.raises(ValueError, match=r"need w of shape \(3,\) and x of shape \(2,\)"):
        sigmoid_circuit(w=[1.0, 2.0])


# -- gates -----------------------------------------------------------------------------


def test_gates_on_scalars_by_hand():
    mul, add, mx = MultiplyGate(), AddGate(), MaxGate()
    assert mul.forward(3.0, -4.0) == -12.0
    assert mul.backward(2.0) == (-8.0, 6.0)  # swaps: dx = dout·y, dy = dout·x
    assert add.forward(3.0, -4.0) == -1.0
    assert add.backward(2.0) == (2.0, 2.0)  # distributes
    assert mx.forward(3.0, -4.0) == 3.0
    assert mx.backward(2.0) == (2.0, 0.0)  # routes to the larger input
    mx.forward(-5.0, 1.0)
    assert mx.backward(2.0) == (0.0, 2.0)
    assert isinstance(mul.backward(1.0)[0], float)


def test_gates_on_arrays_match_finite_differences(rng):
    x = rng.standard_normal((3, 4))
    y = rng.standard_normal((3, 4))
    dout = rng.standard_normal((3, 4))
    plain = {AddGate: np.add, MultiplyGate: np.multiply, MaxGate: np.maximum}
    for gate_cls, fn in plain.items():
        gate = gate_cls()
        np.testing.assert_allclose(gate.forward(x, y), fn(x, y), rtol=1e-12)
        dx, dy = gate.backward(dout)
        h = 1e-6
        num_dx = (fn(x + h, y) - fn(x - h, y)) / (2 * h) * dout  # elementwise gates
        num_dy = (fn(x, y + h) - fn(x, y - h)) / (2 * h) * dout
        assert rel_err(dx, num_dx) < 1e-7 and rel_err(dy, num_dy) < 1e-7, gate_cls.__name__


def test_gate_errors():
    with pytest.raises(ValueError, match=r"shape mismatch: x has shape \(2,\) but y has shape"):
        MultiplyGate().forward([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(RuntimeError, match="MaxGate.backward\\(\\) called before forward"):
        MaxGate().backward(1.0)
    g = AddGate()
    g.forward([1.0, 2.0], [3.0, 4.0])
    with pytest.raises(ValueError, match="shape mismatch: the gate's output has shape"):
        g.backward([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="y contains NaN"):
        g.forward(1.0, float("nan"))


# -- layers against JAX ----------------------------------------------------------------


def test_dense_against_hand_formulas_and_jax(rng, jax):
    jnp = jax.numpy
    W = rng.standard_normal((4, 3))
    b = rng.standard_normal(3)
    x = rng.standard_normal((5, 4))
    dout = rng.standard_normal((5, 3))
    layer = Affine(W, b)
    out = layer.forward(x)
    np.testing.assert_allclose(out, x @ W + b, rtol=1e-12, atol=1e-12)
    dx = layer.backward(dout)

    def scalar(x_, W_, b_):
        return jnp.sum(dout * (x_ @ W_ + b_))

    jdx, jdW, jdb = jax.grad(scalar, argnums=(0, 1, 2))(x, W, b)
    np.testing.assert_allclose(dx, jdx, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.dW, jdW, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.db, jdb, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.dW, x.T @ dout, rtol=1e-12, atol=1e-12)


def test_dense_on_three_axes(rng):
    W, b = rng.standard_normal((4, 2)), rng.standard_normal(2)
    x = rng.standard_normal((2, 3, 4))
    dout = rng.standard_normal((2, 3, 2))
    layer = Affine(W, b)
    assert layer.forward(x).shape == (2, 3, 2)
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout @ W.T, rtol=1e-12)
    np.testing.assert_allclose(layer.dW, np.einsum("abi,abj->ij", x, dout), rtol=1e-12)
    np.testing.assert_allclose(layer.db, dout.sum(axis=(0, 1)), rtol=1e-12)


def test_dense_errors():
    with pytest.raises(ValueError, match=r"W must be 2-D \(in, out\), got shape \(3,\)"):
        Affine(np.ones(3), np.ones(3))
    with pytest.raises(ValueError, match=r"b must have shape \(2,\).*got \(3,\)"):
        Affine(np.ones((3, 2)), np.ones(3))
    layer = Affine(np.ones((3, 2)), np.zeros(2))
    with pytest.raises(ValueError, match=r"x must end in 3 features.*got shape \(4, 2\)"):
        layer.forward(np.ones((4, 2)))
    with pytest.raises(RuntimeError, match="Affine.backward\\(\\) called before forward"):
        layer.backward(np.ones((4, 2)))
    layer.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"dout has shape \(4, 3\), expected \(4, 2\)"):
        layer.backward(np.ones((4, 3)))


@pytest.mark.parametrize("layer_cls", [ReLU, Sigmoid])
def test_activation_layers_against_jax(layer_cls, rng, jax):
    jfn = {ReLU: jax.nn.relu, Sigmoid: jax.nn.sigmoid}[layer_cls]
    x = rng.standard_normal((4, 5)) * 3
    x[0, 0] = 0.0  # ReLU's kink: both use gradient 0 there
    x[1, :2] = [1e4, -1e4]
    dout = rng.standard_normal((4, 5))
    layer = layer_cls()
    out = layer.forward(x)
    assert np.all(np.isfinite(out))
    np.testing.assert_allclose(out, jfn(x), rtol=1e-12, atol=1e-12)
    _, vjp = jax.vjp(jfn, x)
    np.testing.assert_allclose(layer.backward(dout), vjp(dout)[0], rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError, match=r"dout has shape \(5,\), expected \(4, 5\)"):
        layer.backward(np.ones(5))


def test_relu_and_sigmoid_by_hand():
    relu = ReLU()
    np.testing.assert_array_equal(relu.forward([-1.0, 0.0, 2.0]), [0.0, 0.0, 2.0])
    np.testing.assert_array_equal(relu.backward([5.0, 5.0, 5.0]), [0.0, 0.0, 5.0])
    sig = Sigmoid()
    np.testing.assert_allclose(sig.forward([0.0]), [0.5])
    np.testing.assert_allclose(sig.backward([1.0]), [0.25])
    with pytest.raises(RuntimeError, match="Sigmoid.backward\\(\\) called before forward"):
        Sigmoid().backward([1.0])


# -- softmax + cross-entropy -----------------------------------------------------------


def softmax_ce_ref(z, t):
    """Exact float64 reference: mean over rows of logsumexp(z) − Σ t·z (rows of t sum to 1)."""
    m = z.max(axis=1, keepdims=True)
    lse = (m + np.log(np.exp(z - m).sum(axis=1, keepdims=True)))[:, 0]
    return float(np.mean(lse * t.sum(axis=1) - (t * z).sum(axis=1)))


def test_softmax_cross_entropy_against_reference_and_jax(rng, jax):
    z = rng.standard_normal((6, 4)) * 2
    labels = rng.integers(0, 4, size=6)
    t = np.eye(4)[labels]
    layer = SoftmaxCrossEntropy()
    loss = layer.forward(z, t)
    assert isinstance(loss, float)
    assert loss == pytest.approx(softmax_ce_ref(z, t), rel=1e-12)
    dz = layer.backward()

    def jloss(z_):
        return -jax.numpy.mean(jax.numpy.sum(t * jax.nn.log_softmax(z_), axis=1))

    np.testing.assert_allclose(dz, jax.grad(jloss)(z), rtol=1e-10, atol=1e-14)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    np.testing.assert_allclose(dz, (e / e.sum(1, keepdims=True) - t) / 6, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(layer.backward(2.5), 2.5 * dz, rtol=1e-12)
    # integer labels give the same numbers
    layer2 = SoftmaxCrossEntropy()
    assert layer2.forward(z, labels) == loss
    np.testing.assert_array_equal(layer2.backward(), dz)


@pytest.mark.keras
def test_softmax_cross_entropy_against_keras(rng, keras):
    z = rng.standard_normal((5, 3)) * 3
    t = np.eye(3)[rng.integers(0, 3, size=5)]
    expected = float(keras.losses.CategoricalCrossentropy(from_logits=True)(t, z))
    assert SoftmaxCrossEntropy().forward(z, t) == pytest.approx(expected, rel=1e-6)


def test_softmax_cross_entropy_huge_logits():
    # logits [1e4, -1e4]: softmax = [1, 0] exactly in float64.
    layer = SoftmaxCrossEntropy()
    assert layer.forward([[1e4, -1e4], [1e4, -1e4]], [0, 1]) == pytest.approx(1e4, rel=1e-12)
    # row 0 is right (loss 0), row 1 wrong (loss 2e4): mean 1e4
    np.testing.assert_allclose(layer.backward(), [[0.0, 0.0], [0.5, -0.5]], atol=1e-15)


def test_softmax_cross_entropy_single_sample_and_soft_labels():
    layer = SoftmaxCrossEntropy()
    # two equal logits: loss = log 2, gradient (0.5 − t)
    assert layer.forward([0.0, 0.0], [1.0, 0.0]) == pytest.approx(math.log(2), rel=1e-14)
    np.testing.assert_allclose(layer.backward(), [-0.5, 0.5], rtol=1e-14)
    assert layer.backward().shape == (2,)
    assert layer.forward([0.0, 0.0], 1) == pytest.approx(math.log(2), rel=1e-14)
    z = np.array([[1.0, 2.0, 0.5]])
    soft = np.array([[0.2, 0.5, 0.3]])
    assert layer.forward(z, soft) == pytest.approx(softmax_ce_ref(z, soft), rel=1e-12)
    # rows that do not sum to 1: the gradient is softmax·Σt − t, not softmax − t
    partial = np.array([[0.2, 0.2, 0.2]])
    layer.forward(z, partial)
    h = 1e-6
    num = [
        (
            softmax_ce_ref(z + h * np.eye(3)[k], partial)
            - softmax_ce_ref(z - h * np.eye(3)[k], partial)
        )
        / (2 * h)
        for k in range(3)
    ]
    assert rel_err(layer.backward()[0], num) < 1e-7


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.floats(-50, 50), min_size=6, max_size=6),
    st.lists(st.integers(0, 2), min_size=2, max_size=2),
)
def test_softmax_cross_entropy_gradient_matches_finite_differences(values, labels):
    z = np.array(values).reshape(2, 3)
    layer = SoftmaxCrossEntropy()
    layer.forward(z, labels)
    dz = layer.backward()
    t = np.eye(3)[labels]
    num = np.zeros_like(z)
    h = 1e-6
    for idx in np.ndindex(z.shape):
        up, dn = z.copy(), z.copy()
        up[idx] += h
        dn[idx] -= h
        num[idx] = (softmax_ce_ref(up, t) - softmax_ce_ref(dn, t)) / (2 * h)
    # gradient entries are at most 1/N in size; rounding of the loss limits the match
    assert np.max(np.abs(dz - num)) < 1e-7 * max(1.0, np.max(np.abs(z)))


def test_softmax_cross_entropy_errors():
    layer = SoftmaxCrossEntropy()
    with pytest.raises(ValueError, match="y_true has label 3, outside the valid range 0..2"):
        layer.forward(np.zeros((2, 3)), [0, 3])
    with pytest.raises(ValueError, match=r"y_true must be one-hot.*\(2, 3\).*got shape \(3,\)"):
        layer.forward(np.zeros((2, 3)), [0, 1, 2])
    with pytest.raises(ValueError, match="y_true must hold probabilities in \\[0, 1\\]"):
        layer.forward(np.zeros((1, 2)), [[1.5, -0.5]])
    with pytest.raises(ValueError, match=r"logits must be \(N, C\) or \(C,\)"):
        layer.forward(np.zeros((2, 2, 2)), [0, 1])
    with pytest.raises(ValueError, match="logits contains NaN or infinity"):
        layer.forward([[np.inf, 0.0]], [0])
    with pytest.raises(RuntimeError, match="called before forward"):
        SoftmaxCrossEntropy().backward()


# -- TwoLayerNet -----------------------------------------------------------------------


def _kink_margin(net, x, h):
    """Smallest |pre-activation| relative to how far a ±h weight nudge can move it."""
    a = x @ net.params["W1"] + net.params["b1"]
    reach = h * (np.abs(x).max() + 1)
    return np.min(np.abs(a)) / reach


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_two_layer_net_backprop_matches_numerical_gradient(activation, rng):
    x = rng.standard_normal((8, 5))
    t = rng.integers(0, 3, size=8)
    net = TwoLayerNet(5, 6, 3, weight_init_std=1.0, seed=3, activation=activation)
    h = 1e-5
    # guard: no ReLU kink within reach of the finite-difference steps, so the check is fair
    assert _kink_margin(net, x, h) > 10
    backprop = net.gradient(x, t)
    numeric = net.numerical_gradient(x, t, h=h)
    assert set(backprop) == {"W1", "b1", "W2", "b2"}
    for key in backprop:
        assert backprop[key].shape == net.params[key].shape
        assert rel_err(backprop[key], numeric[key]) < 1e-7, key


def test_two_layer_net_small_init_loss_is_log_classes(rng):
    # with tiny weights every logit is ≈ 0, softmax is uniform and the loss ≈ log C
    net = TwoLayerNet(4, 5, 10, weight_init_std=1e-4)
    x = rng.standard_normal((3, 4))
    assert net.loss(x, [1, 2, 3]) == pytest.approx(math.log(10), abs=1e-6)
    assert net.params["W1"].shape == (4, 5) and net.params["b2"].shape == (10,)
    np.testing.assert_array_equal(net.params["b1"], 0.0)


def test_two_layer_net_parameters_shared_and_restored(rng):
    net = TwoLayerNet(3, 4, 2, weight_init_std=0.5, seed=1)
    x = rng.standard_normal((5, 3))
    t = rng.integers(0, 2, size=5)
    before = {k: v.copy() for k, v in net.params.items()}
    loss0 = net.loss(x, t)
    net.numerical_gradient(x, t)
    for k in before:
        np.testing.assert_array_equal(net.params[k], before[k])
    assert net.loss(x, t) == loss0
    # a gradient step on params (in place) changes what the layers compute
    grads = net.gradient(x, t)
    for k in net.params:
        net.params[k] -= 0.5 * grads[k]
    assert net.loss(x, t) < loss0
    same = TwoLayerNet(3, 4, 2, weight_init_std=0.5, seed=1)
    np.testing.assert_array_equal(same.params["W1"], before["W1"])


def test_two_layer_net_accuracy_and_errors(rng):
    net = TwoLayerNet(2, 3, 2, weight_init_std=1.0)
    x = rng.standard_normal((10, 2))
    pred = np.argmax(net.predict(x), axis=1)
    assert net.accuracy(x, pred) == 1.0
    assert net.accuracy(x, np.eye(2)[1 - pred]) == 0.0
    with pytest.raises(ValueError, match="hidden_size must be an integer >= 1, got 0"):
        TwoLayerNet(2, 0, 2)
    with pytest.raises(TypeError, match="input_size must be an integer, got float"):
        TwoLayerNet(2.0, 3, 2)
    with pytest.raises(ValueError, match="weight_init_std must be > 0"):
        TwoLayerNet(2, 3, 2, weight_init_std=0)
    with pytest.raises(ValueError, match="unknown activation 'tanh'"):
        TwoLayerNet(2, 3, 2, activation="tanh")
    with pytest.raises(ValueError, match=r"x must end in 2 features.*got shape \(4, 3\)"):
        net.loss(np.ones((4, 3)), [0, 1, 0, 1])
    with pytest.raises(ValueError, match="y_true has label 2"):
        net.loss(np.ones((2, 2)), [0, 2])
