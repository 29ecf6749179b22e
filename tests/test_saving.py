"""lossbook.saving writes and reads Keras 3's ``.weights.h5`` files: both directions are
checked with real Keras models of the same architecture."""

import subprocess
import sys

import numpy as np
import pytest

from lossbook import saving

h5py = pytest.importorskip("h5py")
keras_only = pytest.mark.keras


class Layer:
    """The layer contract the model helper satisfies: name, get_weights, set_weights."""

    def __init__(self, name, weights):
        self.name = name
        self._weights = [np.asarray(w) for w in weights]

    def get_weights(self):
        return [w.copy() for w in self._weights]

    def set_weights(self, weights):
        assert len(weights) == len(self._weights)
        self._weights = [np.array(w) for w in weights]


class Dense(Layer):
    pass


class Dropout(Layer):
    pass


class Flatten(Layer):
    pass


class Input(Layer):
    pass


class Model:
    built = True
    name = "sequential"

    def __init__(self, layers):
        self.layers = layers

    def get_weights(self):
        return [w for layer in self.layers for w in layer.get_weights()]


# (Keras layer builder, stand-in layer builder), weights filled in from an rng
def architectures(keras):
    L = keras.layers
    return {
        "dense-dropout-dense": (
            [keras.Input((3,)), L.Dense(4, activation="relu"), L.Dropout(0.2), L.Dense(2)],
            [("Dense", [(3, 4), (4,)]), ("Dropout", []), ("Dense", [(4, 2), (2,)])]),
        "flatten-three-dense-no-bias": (
            [keras.Input((2, 3)), L.Flatten(), L.Dense(5), L.Dense(4, use_bias=False),
             L.Dense(1, activation="sigmoid")],
            [("Flatten", []), ("Dense", [(6, 5), (5,)]), ("Dense", [(5, 4)]),
             ("Dense", [(4, 1), (1,)])]),
    }


def stand_in(spec, rng, with_input=False):
    classes = {"Dense": Dense, "Dropout": Dropout, "Flatten": Flatten}
    layers = [Input("input", [])] if with_input else []
    for i, (kind, shapes) in enumerate(spec):
        layers.append(classes[kind](f"my_{kind.lower()}_{i}",
                                    [rng.normal(size=s) for s in shapes]))
    return Model(layers)


def same(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert x.shape == y.shape
        np.testing.assert_array_equal(x, y)


@keras_only
@pytest.mark.parametrize("arch", ["dense-dropout-dense", "flatten-three-dense-no-bias"])
def test_keras_saves_lossbook_loads(keras, arch, tmp_path, rng):
    keras_layers, spec = architectures(keras)[arch]
    kmodel = keras.Sequential(keras_layers)
    kmodel.compile(optimizer="adam", loss="mse")  # Keras then also writes optimizer state
    kmodel.set_weights([rng.normal(size=w.shape) for w in kmodel.get_weights()])
    path = tmp_path / "k.weights.h5"
    kmodel.save_weights(path)

    mine = stand_in(spec, rng)
    saving.load_weights(mine, path)
    same(mine.get_weights(), kmodel.get_weights())


@keras_only
@pytest.mark.parametrize("arch", ["dense-dropout-dense", "flatten-three-dense-no-bias"])
@pytest.mark.parametrize("compiled", [False, True])
def test_lossbook_saves_keras_loads(keras, arch, compiled, tmp_path, rng):
    keras_layers, spec = architectures(keras)[arch]
    mine = stand_in(spec, rng, with_input=True)  # an Input layer is skipped, as Keras does
    path = tmp_path / "l.weights.h5"
    saving.save_weights(mine, str(path))

    kmodel = keras.Sequential(keras_layers)
    if compiled:  # Keras then warns that the file has no optimizer state, and loads weights
        kmodel.compile(optimizer="adam", loss="mse")
        with pytest.warns(UserWarning, match="optimizer"):
            kmodel.load_weights(path)
    else:
        kmodel.load_weights(path)
    same(kmodel.get_weights(), mine.get_weights())


@keras_only
def test_file_layout_is_keras_layout(keras, tmp_path, rng):
    """Same groups, datasets, shapes and name attributes as the file Keras writes
    (Keras adds an optimizer group when compiled; lossbook never writes one)."""
    keras_layers, spec = architectures(keras)["flatten-three-dense-no-bias"]
    kmodel = keras.Sequential(keras_layers)
    kmodel.save_weights(tmp_path / "k.weights.h5")
    mine = stand_in(spec, rng)
    for layer, klayer in zip(mine.layers, kmodel.layers, strict=True):
        layer.name = klayer.name
    saving.save_weights(mine, tmp_path / "l.weights.h5")

    def layout(path):
        items = {}
        with h5py.File(path) as f:
            f.visititems(lambda name, obj: items.setdefault(
                name, (dict(obj.attrs), getattr(obj, "shape", None))))
        return items

    assert layout(tmp_path / "l.weights.h5") == layout(tmp_path / "k.weights.h5")


@keras_only
def test_float32_keras_model_reads_float64_file(keras, tmp_path, rng):
    keras_layers, spec = architectures(keras)["dense-dropout-dense"]
    mine = stand_in(spec, rng)
    saving.save_weights(mine, tmp_path / "w.weights.h5")
    kmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, dtype="float32"),
                               keras.layers.Dropout(0.2), keras.layers.Dense(2, dtype="float32")])
    kmodel.load_weights(tmp_path / "w.weights.h5")
    for a, b in zip(kmodel.get_weights(), mine.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b.astype(np.float32))


@keras_only
def test_todays_lossbook_sequential_round_trips_with_keras(keras, tmp_path):
    """lossbook.model.Sequential as it is on this branch (layers expose .weights only)."""
    from lossbook import model as lm

    mine = lm.Sequential([lm.Input((3,)), lm.Dense(4, activation="relu"), lm.Dense(2)], seed=0)
    initial = mine.get_weights()
    mine.compile(optimizer="sgd", loss="mean_squared_error")
    x = np.linspace(-1, 1, 24).reshape(8, 3)
    mine.fit(x, x[:, :2] ** 2, epochs=3, batch_size=4, verbose=0)
    assert not np.array_equal(mine.get_weights()[0], initial[0])  # trained
    saving.save_weights(mine, tmp_path / "l.weights.h5")
    kmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="relu"),
                               keras.layers.Dense(2)])
    kmodel.load_weights(tmp_path / "l.weights.h5")
    same(kmodel.get_weights(), mine.get_weights())

    kmodel.set_weights([w + 1 for w in kmodel.get_weights()])
    kmodel.save_weights(tmp_path / "k.weights.h5")
    saving.load_weights(mine, tmp_path / "k.weights.h5")
    same(mine.get_weights(), kmodel.get_weights())
    np.testing.assert_allclose(mine.predict(x), np.asarray(kmodel(x)), rtol=1e-12)


def test_mismatched_model_is_refused_naming_the_layer(tmp_path, rng):
    spec = [("Dense", [(3, 4), (4,)]), ("Dense", [(4, 2), (2,)])]
    saving.save_weights(stand_in(spec, rng), tmp_path / "w.weights.h5")
    wrong_shape = stand_in([("Dense", [(3, 4), (4,)]), ("Dense", [(4, 3), (3,)])], rng)
    before = wrong_shape.get_weights()
    with pytest.raises(ValueError, match=r"'dense_1'.*shape \(4, 3\).*\(4, 2\)"):
        saving.load_weights(wrong_shape, tmp_path / "w.weights.h5")
    no_bias = stand_in([("Dense", [(3, 4)]), ("Dense", [(4, 2), (2,)])], rng)
    with pytest.raises(ValueError, match="'dense'.*1 weight arrays, the file has 2"):
        saving.load_weights(no_bias, tmp_path / "w.weights.h5")
    extra = stand_in(spec + [("Dense", [(2, 1), (1,)])], rng)
    with pytest.raises(ValueError, match="'dense_2'.*the file has 0"):
        saving.load_weights(extra, tmp_path / "w.weights.h5")

    with pytest.warns(UserWarning, match="skipping layer 'dense_1'"):
        saving.load_weights(wrong_shape, tmp_path / "w.weights.h5", skip_mismatch=True)
    after = wrong_shape.get_weights()
    same(after[2:], before[2:])  # the mismatched layer is left as it was
    assert not np.array_equal(after[0], before[0])  # the matching one was loaded


@keras_only
def test_path_and_state_errors_like_keras(keras, tmp_path, rng):
    model = stand_in([("Dense", [(3, 4), (4,)])], rng)
    kmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4)])
    for bad in ("w.h5", "w.keras", "weights"):
        with pytest.raises(ValueError, match=r"must end in `\.weights\.h5`"):
            saving.save_weights(model, tmp_path / bad)
        with pytest.raises(ValueError, match=r"must end in `\.weights\.h5`"):
            kmodel.save_weights(tmp_path / bad)
        with pytest.raises(ValueError, match=r"must end in `\.weights\.h5`"):
            saving.load_weights(model, tmp_path / bad)
    with pytest.raises(FileNotFoundError, match="no weights file"):
        saving.load_weights(model, tmp_path / "missing.weights.h5")
    saving.save_weights(model, tmp_path / "w.weights.h5")
    with pytest.raises(FileExistsError, match="overwrite=False"):
        saving.save_weights(model, tmp_path / "w.weights.h5", overwrite=False)
    model.built = False
    with pytest.raises(ValueError, match="not yet been built"):
        saving.save_weights(model, tmp_path / "w.weights.h5")
    with pytest.raises(ValueError, match="not yet been built"):
        keras.Sequential([keras.layers.Dense(4)]).save_weights(tmp_path / "k.weights.h5")


def test_lossbook_imports_without_h5py_and_says_what_is_missing(tmp_path):
    code = (
        "import sys; sys.modules['h5py'] = None\n"
        "import lossbook, lossbook.saving, lossbook.callbacks\n"
        "class M: layers = []\n"
        "try:\n"
        f"    lossbook.saving.save_weights(M(), {str(tmp_path / 'w.weights.h5')!r})\n"
        "except ModuleNotFoundError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert "needs h5py: pip install h5py" in out.stdout


@keras_only
def test_group_names_follow_keras_snake_case(keras):
    from keras.src.utils.naming import to_snake_case

    for name in ("Dense", "Dropout", "BatchNormalization", "Conv2D", "LSTM", "ReLU",
                 "InputLayer", "MyHTTPLayer"):
        assert saving.to_snake_case(name) == to_snake_case(name)
