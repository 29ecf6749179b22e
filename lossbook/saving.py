"""Weights files Keras can read: ``save_weights`` / ``load_weights`` in ``.weights.h5``.

Keras 3 writes a model's weights into an HDF5 file laid out like this::

    layers/dense/vars/0      kernel of the first Dense layer   (inputs, units)
    layers/dense/vars/1      its bias                          (units,)
    layers/dropout/vars      (empty: a layer without weights still gets a group)
    layers/dense_1/vars/0    kernel of the second Dense layer
    ...
    vars                     the model's own variables (none for Sequential)

A layer's group is named after its *class*, in snake case, numbered in the order the
layers come (``dense``, ``dense_1``, ``dense_2``); the layer's own ``name`` is only
stored as an attribute. So a file fits any model with the same layer types in the same
order, whatever the layers are called (so lossbook's layer classes carry Keras's class
names: Dense, Dropout, Flatten). The optimizer's state is not written: lossbook's
optimizers keep their moments in a different layout. A compiled Keras model loading the
file warns that it skips the optimizer, and loads the weights.

h5py (installed with Keras) is imported only when a file is written or read.
"""

from __future__ import annotations

import os
import re

import numpy as np

__all__ = ["save_weights", "load_weights"]

_SUFFIX = ".weights.h5"


def save_weights(model, filepath, overwrite=True):
    """Write ``model``'s weights to ``filepath`` (must end in ``.weights.h5``), as Keras does.

    ``overwrite=False`` refuses to replace an existing file (Keras asks on the console).
    """
    path = _check_path(filepath)
    _check_built(model, "saving")
    if not overwrite and os.path.exists(path):
        raise FileExistsError(f"{path} exists and overwrite=False")
    h5py = _h5py()
    with h5py.File(path, "w") as f:
        layers = f.create_group("layers")
        for key, layer in _keyed_layers(model):
            group = layers.create_group(key).create_group("vars")
            if isinstance(getattr(layer, "name", None), str):
                group.attrs["name"] = layer.name
            for i, array in enumerate(_get_arrays(layer)):
                group.create_dataset(str(i), data=np.asarray(array))
        top = f.create_group("vars")
        if isinstance(getattr(model, "name", None), str):
            top.attrs["name"] = model.name


def load_weights(model, filepath, skip_mismatch=False):
    """Read weights written by Keras (or by ``save_weights``) into ``model``.

    Every layer must find as many arrays as it has weights, with the same shapes;
    otherwise ``ValueError`` names the layer — unless ``skip_mismatch=True``, which
    leaves that layer unchanged (with a warning), as Keras does.
    """
    path = _check_path(filepath)
    _check_built(model, "loading")
    if not os.path.exists(path):
        raise FileNotFoundError(f"no weights file at {path}")
    h5py = _h5py()
    with h5py.File(path, "r") as f:
        for key, layer in _keyed_layers(model):
            name = f"layers/{key}/vars"
            group = f[name] if name in f else {}
            arrays = [np.asarray(group[str(i)]) for i in range(len(group))]
            mine = _get_arrays(layer)
            problem = _mismatch(mine, arrays)
            if problem is None:
                _set_arrays(layer, arrays)
            elif skip_mismatch:
                import warnings

                warnings.warn(f"skipping layer {key!r}: {problem}", stacklevel=2)
            else:
                raise ValueError(f"cannot load {path} into layer {key!r}: {problem}")


# -- the layout -------------------------------------------------------------
def to_snake_case(name):
    """Keras's group name for a layer class: ``"BatchNormalization"`` → ``"batch_normalization"``.

    >>> to_snake_case("Dense"), to_snake_case("BatchNormalization")
    ('dense', 'batch_normalization')
    """
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _keyed_layers(model):
    """(group name, layer) for every layer Keras lists in ``model.layers`` (no Input)."""
    used = {}
    for layer in model.layers:
        base = to_snake_case(type(layer).__name__)
        if base in ("input", "input_layer"):  # Keras's Sequential.layers has no InputLayer
            continue
        if base in used:
            used[base] += 1
            key = f"{base}_{used[base]}"
        else:
            used[base] = 0
            key = base
        yield key, layer


def _mismatch(mine, arrays):
    """Why ``arrays`` cannot replace a layer's weights ``mine`` (None if they can)."""
    if len(arrays) != len(mine):
        return f"it has {len(mine)} weight arrays, the file has {len(arrays)}"
    for i, (w, a) in enumerate(zip(mine, arrays, strict=True)):
        if np.shape(w) != a.shape:
            return f"weight {i} has shape {np.shape(w)}, the file has {a.shape}"
    return None


def _get_arrays(layer):
    if hasattr(layer, "get_weights"):
        return layer.get_weights()
    return [np.array(w) for w in getattr(layer, "weights", [])]


def _set_arrays(layer, arrays):
    if not arrays:
        return
    if hasattr(layer, "set_weights"):
        layer.set_weights(arrays)
    else:  # a layer exposing its weight arrays only: fill them in place
        for w, a in zip(layer.weights, arrays, strict=True):
            w[...] = a


def _check_path(filepath):
    path = os.fspath(filepath)
    if not isinstance(path, str) or not path.endswith(_SUFFIX):
        raise ValueError(f"The filename must end in `{_SUFFIX}`. Received: filepath={path}")
    return path


def _check_built(model, doing):
    if not getattr(model, "built", True):
        raise ValueError(
            f"{doing.capitalize()} weights of a model that has not yet been built: "
            "build it first (give it an Input, call build(input_shape) or fit it)."
        )


def _h5py():
    try:
        import h5py
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "Reading and writing .weights.h5 files needs h5py: pip install h5py "
            "(it comes with Keras)."
        ) from None
    return h5py
