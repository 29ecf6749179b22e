"""MNIST handwritten digits, loaded exactly like ``keras.datasets.mnist.load_data()``.

>>> (x_train, y_train), (x_test, y_test) = load_mnist()
>>> x_train.shape, x_train.dtype, y_test.shape
((22699, 28, 28), dtype('uint8'), (10000,))

The package bundles the official test set and the first 22,699 training images
(see ``lossbook/data/mnist/PROVENANCE.md``). Pass ``path`` to load the full set
from the four official IDX files or from Keras's ``mnist.npz``.

An IDX file is a tiny binary format: a 4-byte big-endian magic number
(``0x00000801`` = 2049 for label files, ``0x00000803`` = 2051 for image files),
one big-endian uint32 per dimension, then the uint8 values row by row.
"""

from __future__ import annotations

import gzip
import hashlib
import zipfile
from pathlib import Path

import numpy as np

__all__ = ["load_mnist", "MNIST_CREDIT", "read_idx"]

MNIST_CREDIT = (
    "MNIST handwritten digits by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, "
    "licensed under CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)."
)

_BUNDLED_DIR = Path(__file__).resolve().parent / "data" / "mnist"

# Expected sha256 of the bundled files (copied from PROVENANCE.md).
_BUNDLED_SHA256 = {
    "t10k-images-idx3-ubyte.gz":
        "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz":
        "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    "train-images-idx3-ubyte-first22699.gz":
        "aca4d1a357e3dad8d5e60711802a7fc4c2a1761fb5d38e75fe4249e32823451d",
    "train-labels-idx1-ubyte.gz":
        "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
}

_IDX_MAGIC = {2049: 1, 2051: 3}  # magic number -> number of dimensions
_STEMS = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_bytes(path):
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"MNIST file not found: {path}")
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":  # gzip signature
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise ValueError(f"{path}: corrupt or truncated gzip data ({exc})") from None
    return raw


def read_idx(path, expected_magic=None):
    """Read one IDX file (optionally gzip-compressed) into a uint8 array.

    Checks the magic number (2049 labels, 2051 images), the header and that the
    payload holds exactly prod(dims) bytes.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if len(raw) < 8:
        raise ValueError(f"{path}: truncated IDX header ({len(raw)} bytes)")
    magic = int.from_bytes(raw[:4], "big")
    if magic not in _IDX_MAGIC or (expected_magic is not None and magic != expected_magic):
        want = expected_magic if expected_magic is not None else "2049 or 2051"
        raise ValueError(f"{path}: wrong IDX magic number {magic} (expected {want})")
    ndim = _IDX_MAGIC[magic]
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise ValueError(f"{path}: truncated IDX header ({len(raw)} bytes, need {header})")
    dims = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    size = int(np.prod(dims))
    payload = len(raw) - header
    if payload != size:
        problem = "truncated" if payload < size else "has trailing bytes"
        raise ValueError(
            f"{path}: IDX data {problem}: header says {dims} = {size} bytes, found {payload}"
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(dims).copy()


def _find(folder, stem):
    for name in (stem + ".gz", stem, stem.replace("-idx", ".idx")):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"MNIST file not found in {folder}: {stem}(.gz)")


def _check_pair(x, y, x_name, y_name):
    if x.shape[1:] != (28, 28):
        raise ValueError(f"{x_name}: images must be 28x28, got {x.shape[1:]}")
    if x.shape[0] != y.shape[0]:
        raise ValueError(
            f"{x_name} has {x.shape[0]} images but {y_name} has {y.shape[0]} labels"
        )
    if y.size and y.max() > 9:
        raise ValueError(f"{y_name}: label {int(y.max())} outside 0..9")


def _load_npz(path):
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, EOFError, ValueError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{path}: not a readable .npz file ({exc})") from None
    if not isinstance(data, np.lib.npyio.NpzFile):
        raise ValueError(f"{path}: expected an .npz archive, found a single array")
    with data:
        missing = [k for k in _STEMS if k not in data.files]
        if missing:
            raise ValueError(f"{path}: missing arrays {missing} (found {data.files})")
        try:
            arrays = {k: np.asarray(data[k]) for k in _STEMS}
        except (OSError, EOFError, ValueError, zipfile.BadZipFile) as exc:
            raise ValueError(f"{path}: corrupt .npz member ({exc})") from None
    for k, a in arrays.items():
        if a.dtype != np.uint8:
            raise ValueError(f"{path}: array {k} has dtype {a.dtype}, expected uint8")
    return arrays


def _load_folder(folder, bundled):
    arrays = {}
    for key, stem in _STEMS.items():
        if bundled:
            name = stem + ("-first22699.gz" if key == "x_train" else ".gz")
            file = folder / name
            if not file.is_file():
                raise FileNotFoundError(f"bundled MNIST file missing: {file}")
            got = _sha256(file)
            if got != _BUNDLED_SHA256[name]:
                raise ValueError(
                    f"{file}: sha256 checksum mismatch (got {got}, expected "
                    f"{_BUNDLED_SHA256[name]}); the bundled file is damaged"
                )
        else:
            file = _find(folder, stem)
        arrays[key] = read_idx(file, 2049 if key.startswith("y") else 2051)
    if bundled:  # the label file is complete; the image file is a prefix
        arrays["y_train"] = arrays["y_train"][: len(arrays["x_train"])].copy()
    return arrays


def load_mnist(path=None):
    """Load MNIST as ``(x_train, y_train), (x_test, y_test)`` like Keras does.

    Images are uint8 arrays of shape (n, 28, 28), labels uint8 arrays of shape (n,).

    path=None: the bundled copy, sha256-verified: the 10,000 official test images and
    the first 22,699 official training images. The bundled label file holds all
    60,000 training labels; the first 22,699 (those matching the images) are used.
    path=folder: the four official IDX files (``train-images-idx3-ubyte`` etc.,
    gzip-compressed or not). path=file.npz: Keras's ``mnist.npz``.

    >>> (x_train, y_train), _ = load_mnist()
    >>> y_train[:10].tolist()
    [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    """
    if path is None:
        arrays = _load_folder(_BUNDLED_DIR, bundled=True)
    else:
        path = Path(path).expanduser()
        if path.is_dir():
            arrays = _load_folder(path, bundled=False)
        elif path.is_file():
            arrays = _load_npz(path)
        else:
            raise FileNotFoundError(f"MNIST path not found: {path}")
    _check_pair(arrays["x_train"], arrays["y_train"], "x_train", "y_train")
    _check_pair(arrays["x_test"], arrays["y_test"], "x_test", "y_test")
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])
