"""Tests for lossbook.perceptron: the seed-001 perceptron, reproduced exactly."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossbook.perceptron import Perceptron, logic_gate_data

TRUTH_X = [[0, 0], [0, 1], [1, 0], [1, 1]]


def reference_fit(X, y, activation, lr=0.2, epochs=10):
    """Independent plain-Python version of the seed's training loop (bias first)."""
    b, w = 0.0, [0.0] * len(X[0])
    history = []
    for _ in range(epochs):
        errors = 0
        for x_i, target in zip(X, y, strict=True):
            z = sum(wj * xj for wj, xj in zip(w, x_i, strict=True)) + b
            out = activation(z)
            step = lr * (target - out)
            w = [wj + step * xj for wj, xj in zip(w, x_i, strict=True)]
            b = b + step
            errors += target != out
        history.append(([b, *w], errors))
    return history


def seed_step(z):
    return 1 if z > 0 else 0


# -- the seed's AND example ------------------------------------------------------------


def test_and_gate_first_two_epochs_match_hand_trace():
    # Epoch 1: only (1,1) is wrong (z = 0 -> 0, target 1): all weights += 0.2.
    # Epoch 2: (0,0) z=0.2 -> 1 (b -= 0.2); (0,1) z=0.2 -> 1 (b, w2 -= 0.2);
    #          (1,0) z=0 -> 0 ok; (1,1) z=0 -> 0 (all += 0.2)  =>  [0, 0.4, 0.2].
    X, y = logic_gate_data("and")
    p = Perceptron(2, epochs=2).fit(X, y)
    np.testing.assert_allclose(p.history[0]["weights"], [0.2, 0.2, 0.2], rtol=0, atol=1e-12)
    np.testing.assert_allclose(p.history[1]["weights"], [0.0, 0.4, 0.2], rtol=0, atol=1e-12)
    assert [h["errors"] for h in p.history] == [1, 3]


def test_and_gate_final_weights_are_bias_first_and_not_the_seeds_claim():
    X, y = logic_gate_data("and")
    p = Perceptron(2).fit(X, y)
    # The seed prints [-0.4, 0.4, 0.2] but reads it as w1=-0.4, w2=0.4, b=0.2.
    # The array is bias first: b = -0.4, w1 = 0.4, w2 = 0.2.
    np.testing.assert_allclose(p.weights, [-0.4, 0.4, 0.2], rtol=0, atol=1e-12)
    # Hand check that these weights are a fixed point: z = -0.4, -0.2, 0, 0.2 -> 0, 0, 0, 1.
    np.testing.assert_allclose(p.net_input(X), [-0.4, -0.2, 0.0, 0.2], atol=1e-12)
    assert p.predict(X).tolist() == [0, 0, 0, 1]
    # The seed's reading (b=0.2, w1=-0.4, w2=0.4) would fire on (0, 1): 0.2 + 0.4 > 0.
    claimed = Perceptron(2)
    claimed.weights = np.array([0.2, -0.4, 0.4])
    assert claimed.predict(X).tolist() != [0, 0, 0, 1]


def test_and_gate_history_matches_independent_reference():
    X, y = logic_gate_data("and")
    p = Perceptron(2).fit(X, y)
    ref = reference_fit(TRUTH_X, [0, 0, 0, 1], seed_step)
    assert len(p.history) == 10
    for got, (weights, errors) in zip(p.history, ref, strict=True):
        np.testing.assert_allclose(got["weights"], weights, rtol=1e-12, atol=1e-12)
        assert got["errors"] == errors
    first_clean = next(i for i, (_, e) in enumerate(ref, start=1) if e == 0)
    assert p.converged and p.converged_epoch == first_clean
    assert [h["epoch"] for h in p.history] == list(range(1, 11))


def test_weight_history_starts_at_zero_and_follows_history():
    X, y = logic_gate_data("and")
    p = Perceptron(2, epochs=4).fit(X, y)
    wh = p.weight_history
    assert wh.shape == (5, 3)
    np.testing.assert_array_equal(wh[0], 0.0)
    for k, h in enumerate(p.history, start=1):
        np.testing.assert_array_equal(wh[k], h["weights"])
    # history holds copies, not views of the live weights
    assert p.history[0]["weights"] is not p.weights
    assert not np.shares_memory(p.history[-1]["weights"], p.weights)


def test_step_history_has_one_row_per_sample_and_moves_only_on_errors():
    X, y = logic_gate_data("and")
    p = Perceptron(2, epochs=6).fit(X, y)
    sh = p.step_history
    assert sh.shape == (6 * 4 + 1, 3)
    np.testing.assert_array_equal(sh[0], 0.0)
    np.testing.assert_array_equal(sh[4::4], p.weight_history[1:])  # epoch ends agree
    for k in range(1, len(sh)):  # replay the rule on sample (k - 1) mod 4
        x_i, target = X[(k - 1) % 4], y[(k - 1) % 4]
        z = sh[k - 1][0] + x_i @ sh[k - 1][1:]
        output = 1.0 if z > 0 else 0.0
        expected = sh[k - 1] + 0.2 * (target - output) * np.r_[1.0, x_i]
        np.testing.assert_allclose(sh[k], expected, rtol=0, atol=1e-15)
        assert np.array_equal(sh[k], sh[k - 1]) == (output == target)
    moves = sum(not np.array_equal(a, b) for a, b in zip(sh[1:], sh[:-1], strict=True))
    assert moves == sum(h["errors"] for h in p.history)
    assert Perceptron(2).step_history.shape == (1, 3)  # before fit: just the zero start


def test_fit_restarts_from_zero_and_returns_self():
    X, y = logic_gate_data("and")
    p = Perceptron(2)
    assert p.fit(X, y) is p
    first = p.weights.copy()
    p.fit(X, y)
    np.testing.assert_array_equal(p.weights, first)


def test_predict_single_sample_and_batch():
    X, y = logic_gate_data("and")
    p = Perceptron(2).fit(X, y)
    single = p.predict([1, 1])
    assert single == 1 and isinstance(single, int)
    batch = p.predict(X)
    assert batch.shape == (4,) and batch.dtype == np.int64


# -- the seed's variants without a step activation -------------------------------------


def test_no_activation_reproduces_seed_output():
    X, y = logic_gate_data("and")
    for activation in (None, "none", "NONE"):
        p = Perceptron(2, activation=activation).fit(X, y)
        ref = reference_fit(TRUTH_X, [0, 0, 0, 1], lambda z: z)
        np.testing.assert_allclose(p.weights, ref[-1][0], rtol=1e-12, atol=1e-12)
        # the number the seed prints for input (0, 0): the raw sum, not a class
        assert p.predict([0, 0]) == pytest.approx(-0.16483626841185234, rel=1e-12)
        assert not p.converged


def test_seed_linear_activation_is_two_z_plus_one():
    X, y = logic_gate_data("and")
    p = Perceptron(2, activation="linear").fit(X, y)
    ref = reference_fit(TRUTH_X, [0, 0, 0, 1], lambda z: 2 * z + 1)
    np.testing.assert_allclose(p.weights, ref[-1][0], rtol=1e-12, atol=1e-12)
    z = p.net_input(X)
    np.testing.assert_allclose(p.predict(X), 2 * z + 1, rtol=1e-12, atol=1e-12)


def test_callable_activation():
    X, y = logic_gate_data("or")
    p = Perceptron(2, activation=lambda z: 1 if z >= 0.5 else 0).fit(X, y)
    ref = reference_fit(TRUTH_X, [0, 1, 1, 1], lambda z: 1 if z >= 0.5 else 0)
    np.testing.assert_allclose(p.weights, ref[-1][0], rtol=1e-12, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(
    data=st.lists(
        st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(0, 1)),
        min_size=1,
        max_size=8,
    ),
    lr=st.sampled_from([0.05, 0.1, 0.2, 0.5, 1.0]),
    epochs=st.integers(0, 6),
)
def test_matches_reference_on_random_data(data, lr, epochs):
    X = [[a, b] for a, b, _ in data]
    y = [t for _, _, t in data]
    p = Perceptron(2, learning_rate=lr, epochs=epochs).fit(X, y)
    ref = reference_fit(X, y, seed_step, lr=lr, epochs=epochs)
    expected = ref[-1][0] if ref else [0.0, 0.0, 0.0]
    np.testing.assert_allclose(p.weights, expected, rtol=1e-12, atol=1e-12)
    assert [h["errors"] for h in p.history] == [e for _, e in ref]


# -- logic gates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "gate, truth",
    [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("nand", [1, 1, 1, 0]), ("xor", [0, 1, 1, 0])],
)
def test_logic_gate_data(gate, truth):
    X, y = logic_gate_data(gate)
    np.testing.assert_array_equal(X, TRUTH_X)
    assert X.dtype == np.float64
    assert y.tolist() == truth


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
def test_linearly_separable_gates_are_learned(gate):
    X, y = logic_gate_data(gate)
    p = Perceptron(2, epochs=20).fit(X, y)
    assert p.converged
    assert p.predict(X).tolist() == y.tolist()
    assert p.history[-1]["errors"] == 0


def test_xor_never_converges():
    X, y = logic_gate_data("xor")
    p = Perceptron(2, epochs=200).fit(X, y)
    assert not p.converged and p.converged_epoch is None
    assert all(h["errors"] > 0 for h in p.history)
    assert p.predict(X).tolist() != y.tolist()


def test_unknown_gate():
    with pytest.raises(ValueError, match="unknown logic gate 'xnor'.*and, nand, or, xor"):
        logic_gate_data("xnor")


# -- decision boundary ------------------------------------------------------------------


def test_decision_boundary_is_the_zero_line_and_separates_and():
    X, y = logic_gate_data("and")
    p = Perceptron(2).fit(X, y)
    b, w1, w2 = p.weights
    x1 = np.linspace(-1, 2, 7)
    x2 = p.decision_boundary(x1)
    np.testing.assert_allclose(b + w1 * x1 + w2 * x2, 0.0, atol=1e-12)
    # hand: b=-0.4, w1=0.4, w2=0.2 -> x2 = 2 - 2·x1
    np.testing.assert_allclose(x2, 2 - 2 * x1, rtol=1e-12, atol=1e-12)
    assert isinstance(p.decision_boundary(0.5), float)
    # (1, 1) lies above the line, the three 0-samples on or below it
    assert 1 > p.decision_boundary(1.0)
    assert all(pt[1] <= p.decision_boundary(pt[0]) + 1e-12 for pt in X[:3])


def test_decision_boundary_of_an_earlier_epoch():
    X, y = logic_gate_data("and")
    p = Perceptron(2).fit(X, y)
    row = p.weight_history[1]  # [0.2, 0.2, 0.2] after epoch 1: x2 = -1 - x1
    np.testing.assert_allclose(p.decision_boundary([0.0, 1.0], weights=row), [-1.0, -2.0])


def test_decision_boundary_errors():
    p = Perceptron(2)
    with pytest.raises(ValueError, match="w2 is 0"):
        p.decision_boundary(0.0)  # zero weights: no line
    with pytest.raises(ValueError, match="needs a 2-input perceptron, this one has 3"):
        Perceptron(3).decision_boundary(0.0)
    with pytest.raises(ValueError, match=r"weights must have shape \(3,\)"):
        p.decision_boundary(0.0, weights=[1.0, 2.0])


# -- bad input --------------------------------------------------------------------------


def test_bad_constructor_arguments():
    with pytest.raises(ValueError, match="n_inputs must be an integer >= 1, got 0"):
        Perceptron(0)
    with pytest.raises(TypeError, match="n_inputs must be an integer"):
        Perceptron(2.0)
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0"):
        Perceptron(2, learning_rate=0)
    with pytest.raises(ValueError, match="epochs must be an integer >= 0, got -1"):
        Perceptron(2, epochs=-1)
    with pytest.raises(TypeError, match="epochs must be an integer, got bool"):
        Perceptron(2, epochs=True)
    with pytest.raises(ValueError, match="unknown activation 'sigmoid'.*linear, none, step"):
        Perceptron(2, activation="sigmoid")


def test_bad_training_data():
    X, y = logic_gate_data("and")
    p = Perceptron(2)
    with pytest.raises(ValueError, match=r"X must have shape \(2,\) or \(n_samples, 2\)"):
        p.fit(np.ones((4, 3)), y)
    with pytest.raises(ValueError, match=r"X must be 2-D \(n_samples, 2\), got shape \(2,\)"):
        p.fit([0.0, 1.0], [1])
    with pytest.raises(ValueError, match=r"y must have shape \(4,\).*got shape \(3,\)"):
        p.fit(X, y[:3])
    with pytest.raises(ValueError, match=r"X contains NaN or infinity \(first at index \(1, 0\)"):
        p.fit([[0, 0], [np.nan, 1]], [0, 1])
    with pytest.raises(ValueError, match="y must hold 0/1 targets for the step activation"):
        p.fit(X, [0, 0, 0, -1])
    with pytest.raises(ValueError, match="X is empty"):
        p.fit(np.empty((0, 2)), [])
    with pytest.raises(TypeError, match="X must be numeric"):
        p.predict("1, 1")
    with pytest.raises(ValueError, match=r"got shape \(3,\)"):
        p.predict([1.0, 1.0, 1.0])
