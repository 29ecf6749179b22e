"""lossbook: the foundations of neural-network training, in NumPy.

The package behind the bilingual (Korean / English) lossbook course. One module
per concept of the course::

    lossbook.losses        loss functions and their derivatives
    lossbook.metrics       metrics reported during training (accuracy, mae, ...)
    lossbook.activations   activation functions and their derivatives
    lossbook.perceptron    Rosenblatt's perceptron (seed AND-gate training)
    lossbook.gradients     numerical gradients and plain gradient descent
    lossbook.backprop      computational-graph nodes and network layers
    lossbook.optimizers    SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam, Nadam, AdamW
    lossbook.schedules     learning-rate schedules (ExponentialDecay, CosineDecay, ...)
    lossbook.model         a tiny Keras-style Sequential with compile / fit
    lossbook.callbacks     EarlyStopping, ModelCheckpoint, … called by fit (Keras's protocol)
    lossbook.saving        save_weights / load_weights in Keras's .weights.h5 format
    lossbook.initializers  starting weights by Keras name (glorot_uniform, he_normal, …)
    lossbook.regularizers  L1 / L2 weight penalties added to the loss
    lossbook.datasets      MNIST loading (a bundled subset, or the official files)
    lossbook.plotting      Korean-capable figures shared by the chapters
    lossbook.exercises     checks that answer back in the chapters' exercises

Only NumPy is imported eagerly; matplotlib, tqdm and Keras are imported by the
functions that need them. Submodules load on first attribute access, so
``import lossbook`` is cheap and ``lossbook.losses`` just works.
"""

import importlib

from ._lang import set_language

__version__ = "0.1.0"

_SUBMODULES = (
    "losses",
    "metrics",
    "activations",
    "perceptron",
    "gradients",
    "backprop",
    "optimizers",
    "schedules",
    "model",
    "callbacks",
    "saving",
    "initializers",
    "regularizers",
    "datasets",
    "plotting",
    "exercises",
)

__all__ = list(_SUBMODULES) + ["__version__", "set_language"]


def __getattr__(name):
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'lossbook' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
