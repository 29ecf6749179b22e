"""Shared test setup.

Keras is a test-only reference: the ``keras`` fixture imports Keras 3 with the
JAX backend on the CPU, float64 enabled, the first time a test asks for it.
"""

import os

import numpy as np
import pytest

# Must be set before Keras or JAX are imported anywhere in the test session.
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("JAX_ENABLE_X64", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@pytest.fixture(scope="session")
def keras():
    """Real Keras 3 (JAX backend) with float64 as the default float type."""
    keras = pytest.importorskip("keras")
    assert keras.backend.backend() == "jax", "tests compare against the JAX backend"
    keras.config.set_floatx("float64")
    # Keras keeps the dtype policy of the first layer ever made: if a test built a layer
    # before this fixture ran, layers would stay float32. Set the policy too.
    keras.config.set_dtype_policy("float64")
    return keras


@pytest.fixture
def english(monkeypatch):
    """Exercise feedback in English: no language fixed by an earlier test, LOSSBOOK_LANG=en.

    Test modules of the exercise checks use it with
    ``pytestmark = pytest.mark.usefixtures("english")``.
    """
    from lossbook import _lang

    monkeypatch.setattr(_lang, "_override", None)
    monkeypatch.setenv("LOSSBOOK_LANG", "en")


@pytest.fixture
def rng():
    """A seeded random generator, fresh for every test."""
    return np.random.default_rng(20261125)
