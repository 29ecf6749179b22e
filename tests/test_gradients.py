"""Tests for lossbook.gradients: finite differences and gradient descent."""

import math

import numpy as np
import pytest
from helpers import rel_err
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossbook.gradients import (
    gradient_descent,
    numerical_derivative,
    numerical_gradient,
    ravine,
    ravine_grad,
    saddle,
    saddle_grad,
    sphere,
    sphere_grad,
)

# -- numerical_derivative ------------------------------------------------------------


def test_derivative_of_dlfs_function_1():
    # f(x) = 0.01x² + 0.1x, f'(x) = 0.02x + 0.1: 0.2 at x=5 and 0.3 at x=10 (by hand).
    def f(x):
        return 0.01 * x**2 + 0.1 * x

    assert numerical_derivative(f, 5.0) == pytest.approx(0.2, rel=1e-9)
    assert numerical_derivative(f, 10) == pytest.approx(0.3, rel=1e-9)


def test_central_beats_forward_difference():
    # f = x³ at x = 1: forward error = 3h + h² (~3e-4), central error = h² (1e-8).
    h = 1e-4
    forward = numerical_derivative(lambda x: x**3, 1.0, h=h, method="forward")
    central = numerical_derivative(lambda x: x**3, 1.0, h=h)
    assert forward - 3 == pytest.approx(3 * h + h**2, rel=1e-4)
    assert central - 3 == pytest.approx(h**2, rel=1e-4)
    assert abs(forward - 3) > 1000 * abs(central - 3)


def test_tiny_h_rounds_to_zero():
    # 1.0 + 1e-50 == 1.0 in float64, so the difference quotient is exactly 0.
    assert numerical_derivative(lambda x: x**2, 1.0, h=1e-50) == 0.0


def test_derivative_bad_input():
    with pytest.raises(ValueError, match="h must be a finite number > 0, got 0.0"):
        numerical_derivative(math.sin, 1.0, h=0.0)
    with pytest.raises(ValueError, match="h must be a finite number > 0, got -0.001"):
        numerical_derivative(math.sin, 1.0, h=-1e-3)
    with pytest.raises(TypeError, match="x must be a real number, got list"):
        numerical_derivative(math.sin, [1.0])
    with pytest.raises(ValueError, match="x must be finite, got nan"):
        numerical_derivative(math.sin, float("nan"))
    with pytest.raises(ValueError, match="unknown method 'backward'; known methods"):
        numerical_derivative(math.sin, 1.0, method="backward")
    with pytest.raises(TypeError, match="f must be callable, got int"):
        numerical_derivative(3, 1.0)
    with pytest.raises(
        ValueError, match=r"f must return a finite number; f\(x \+ h\) returned inf"
    ):
        numerical_derivative(lambda x: math.inf, 1.0)


# -- numerical_gradient --------------------------------------------------------------


@pytest.mark.parametrize(
    "f, grad, point",
    [
        (sphere, sphere_grad, [3.0, 4.0]),
        (sphere, sphere_grad, [0.0, 2.0]),
        (ravine, ravine_grad, [-7.0, 2.0]),
        (saddle, saddle_grad, [1.5, -0.5]),
    ],
)
def test_numerical_gradient_matches_analytic(f, grad, point):
    assert rel_err(numerical_gradient(f, point), grad(point)) < 1e-7


def test_analytic_gradients_by_hand():
    np.testing.assert_allclose(sphere_grad([3.0, 4.0]), [6.0, 8.0], rtol=1e-12)
    np.testing.assert_allclose(ravine_grad([-7.0, 2.0]), [-0.7, 4.0], rtol=1e-12)
    np.testing.assert_allclose(saddle_grad([1.5, -0.5]), [3.0, 1.0], rtol=1e-12)
    assert sphere([3.0, 4.0]) == 25.0
    assert ravine([-10.0, 1.0]) == pytest.approx(100 / 20 + 1, rel=1e-12)
    assert saddle([1.0, 2.0]) == -3.0


def test_numerical_gradient_any_shape():
    # f(W) = Σ sin(W_ij)·W_ij², gradient cos(W)·W² + 2·sin(W)·W
    W = np.array([[0.3, -1.2, 2.0], [0.5, 0.0, -0.7]])
    g = numerical_gradient(lambda A: np.sum(np.sin(A) * A**2), W)
    assert g.shape == W.shape
    assert rel_err(g, np.cos(W) * W**2 + 2 * np.sin(W) * W) < 1e-7
    g0 = numerical_gradient(lambda a: float(a) ** 3, 2.0)  # a 0-d point
    assert g0.shape == () and float(g0) == pytest.approx(12.0, rel=1e-7)


def test_numerical_gradient_leaves_input_untouched_and_sees_float64():
    x = np.array([1, 2, 3])  # integers on purpose
    seen = []

    def f(v):
        seen.append(v.dtype)
        v[0] = 1e9  # even a badly behaved f cannot change the caller's array
        return float(np.sum(v**2))

    numerical_gradient(f, x)
    np.testing.assert_array_equal(x, [1, 2, 3])
    assert set(seen) == {np.dtype(np.float64)}

    y = np.array([1.0, -2.0])
    np.testing.assert_allclose(numerical_gradient(lambda v: np.sum(v**2), y), [2.0, -4.0])
    np.testing.assert_array_equal(y, [1.0, -2.0])


def test_numerical_gradient_restores_each_element():
    # f must see x with exactly one element perturbed at a time.
    x0 = np.array([1.0, 2.0, 3.0])
    calls = []
    numerical_gradient(lambda v: calls.append(v.copy()) or 0.0, x0, h=0.5)
    assert len(calls) == 6
    for k, v in enumerate(calls):
        changed = np.flatnonzero(v != x0)
        assert changed.tolist() == [k // 2]
        assert v[k // 2] - x0[k // 2] == (0.5 if k % 2 == 0 else -0.5)


@settings(max_examples=50, deadline=None)
@given(
    A=hnp.arrays(np.float64, (3, 3), elements=st.floats(-5, 5)),
    b=hnp.arrays(np.float64, (3,), elements=st.floats(-5, 5)),
    x=hnp.arrays(np.float64, (3,), elements=st.floats(-5, 5)),
)
def test_numerical_gradient_of_quadratics(A, b, x):
    # f = ½ xᵀAx + bᵀx has gradient ½(A + Aᵀ)x + b; central differences are exact
    # for quadratics up to rounding.
    g = numerical_gradient(lambda v: 0.5 * v @ A @ v + b @ v, x)
    expected = 0.5 * (A + A.T) @ x + b
    scale = 1 + np.max(np.abs(A)) * (1 + np.max(np.abs(x))) + np.max(np.abs(b))
    assert np.max(np.abs(g - expected)) <= 1e-7 * scale


def test_numerical_gradient_bad_input():
    with pytest.raises(ValueError, match="f must return a scalar.*shape \\(2,\\)"):
        numerical_gradient(lambda v: v * 2, [1.0, 2.0])
    with pytest.raises(ValueError, match="f must return a finite number.*returned nan"):
        numerical_gradient(lambda v: float("nan"), [1.0, 2.0])
    with pytest.raises(TypeError, match="f must return a real number.*NoneType"):
        numerical_gradient(lambda v: None, [1.0])
    with pytest.raises(ValueError, match="x contains NaN or infinity"):
        numerical_gradient(sphere, [1.0, np.inf])
    with pytest.raises(ValueError, match="x is empty"):
        numerical_gradient(sphere, [])
    with pytest.raises(ValueError, match="h must be a finite number > 0"):
        numerical_gradient(sphere, [1.0], h=0)
    with pytest.raises(TypeError, match="x must be numeric"):
        numerical_gradient(sphere, "1.0")


# -- gradient descent ----------------------------------------------------------------


def test_gradient_descent_on_sphere_closed_form():
    # x_k = x_0·(1 − 2·lr)^k for f = |x|².
    lr, steps = 0.1, 30
    path = gradient_descent(sphere, [-3.0, 4.0], learning_rate=lr, steps=steps, grad=sphere_grad)
    k = np.arange(steps + 1)[:, None]
    np.testing.assert_allclose(path, np.array([-3.0, 4.0]) * (1 - 2 * lr) ** k, rtol=1e-12)
    numeric = gradient_descent(sphere, [-3.0, 4.0], learning_rate=lr, steps=steps)
    assert rel_err(numeric, path) < 1e-7


def test_gradient_descent_ravine_and_saddle_closed_form():
    lr, steps = 0.3, 20
    k = np.arange(steps + 1)
    path = gradient_descent(ravine, [-7.0, 2.0], learning_rate=lr, steps=steps, grad=ravine_grad)
    np.testing.assert_allclose(path[:, 0], -7.0 * (1 - lr / 10) ** k, rtol=1e-12)
    np.testing.assert_allclose(path[:, 1], 2.0 * (1 - 2 * lr) ** k, rtol=1e-12)
    lr = 0.05
    path = gradient_descent(saddle, [1.0, 1e-3], learning_rate=lr, steps=steps, grad=saddle_grad)
    np.testing.assert_allclose(path[:, 0], (1 - 2 * lr) ** k, rtol=1e-12)
    np.testing.assert_allclose(path[:, 1], 1e-3 * (1 + 2 * lr) ** k, rtol=1e-12)  # escapes


def test_gradient_descent_shapes_and_defaults():
    path = gradient_descent(sphere, [1.0, 2.0])
    assert path.shape == (101, 2)
    np.testing.assert_array_equal(path[0], [1.0, 2.0])
    # default lr 0.01 on sphere: x_100 = x_0·0.98^100
    np.testing.assert_allclose(path[-1], np.array([1.0, 2.0]) * 0.98**100, rtol=1e-7)
    W0 = np.ones((2, 3))
    path = gradient_descent(lambda W: np.sum(W**2), W0, learning_rate=0.25, steps=3)
    assert path.shape == (4, 2, 3)
    np.testing.assert_array_equal(W0, 1.0)
    only_start = gradient_descent(sphere, [1.0, 2.0], steps=0)
    np.testing.assert_array_equal(only_start, [[1.0, 2.0]])


def test_gradient_descent_bad_input():
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0, got 0.0"):
        gradient_descent(sphere, [1.0], learning_rate=0.0)
    with pytest.raises(ValueError, match="steps must be an integer >= 0, got -1"):
        gradient_descent(sphere, [1.0], steps=-1)
    with pytest.raises(TypeError, match="steps must be an integer, got float"):
        gradient_descent(sphere, [1.0], steps=10.0)
    with pytest.raises(TypeError, match="grad must be callable or None, got str"):
        gradient_descent(sphere, [1.0], grad="sphere_grad")
    with pytest.raises(ValueError, match=r"grad\(x\) must have the shape of x \(2,\), got \(3,\)"):
        gradient_descent(sphere, [1.0, 2.0], grad=lambda x: np.ones(3))
    with pytest.raises(ValueError, match=r"f must return a scalar; f\(init_x\)"):
        gradient_descent(lambda x: x, [1.0, 2.0])
    with pytest.raises(ValueError, match="diverged to a non-finite x at step"):
        gradient_descent(sphere, [1.0], learning_rate=1e200, steps=5, grad=sphere_grad)
    with pytest.raises(ValueError, match="init_x contains NaN"):
        gradient_descent(sphere, [np.nan])


def test_test_functions_work_on_grids_and_check_shape():
    xs, ys = np.meshgrid(np.linspace(-2, 2, 5), np.linspace(-1, 1, 3))
    Z = ravine(np.stack([xs, ys]))
    assert Z.shape == (3, 5)
    np.testing.assert_allclose(Z, xs**2 / 20 + ys**2, rtol=1e-12)
    np.testing.assert_allclose(saddle(np.stack([xs, ys])), xs**2 - ys**2, rtol=1e-12)
    with pytest.raises(ValueError, match=r"x must hold 2 coordinates.*got shape \(3,\)"):
        ravine([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="x must hold a 1-D array"):
        sphere(1.0)
