"""Tests for lossbook.datasets: IDX parsing, npz loading, checksums, the bundled MNIST."""

import gzip
import shutil
import struct

import numpy as np
import pytest

from lossbook import datasets
from lossbook.datasets import MNIST_CREDIT, load_mnist, read_idx

STEMS = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}


def idx_bytes(array):
    """IDX encoding written independently of the loader: magic, big-endian dims, data."""
    array = np.asarray(array, dtype=np.uint8)
    magic = {1: 2049, 3: 2051}[array.ndim]
    return struct.pack(">I", magic) + struct.pack(f">{array.ndim}I", *array.shape) + (
        array.tobytes()
    )


def small_mnist(rng, n_train=7, n_test=5):
    return {
        "x_train": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "y_train": rng.integers(0, 10, n_train, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "y_test": rng.integers(0, 10, n_test, dtype=np.uint8),
    }


def write_folder(folder, arrays, compress):
    for key, stem in STEMS.items():
        data = idx_bytes(arrays[key])
        if compress:
            (folder / (stem + ".gz")).write_bytes(gzip.compress(data))
        else:
            (folder / stem).write_bytes(data)


def assert_loaded(result, arrays):
    (x_train, y_train), (x_test, y_test) = result
    for got, key in zip((x_train, y_train, x_test, y_test), STEMS, strict=True):
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, arrays[key])


@pytest.mark.parametrize("compress", [True, False])
def test_folder_of_idx_files(tmp_path, rng, compress):
    arrays = small_mnist(rng)
    write_folder(tmp_path, arrays, compress)
    assert_loaded(load_mnist(tmp_path), arrays)


def test_keras_npz(tmp_path, rng):
    arrays = small_mnist(rng)
    np.savez(tmp_path / "mnist.npz", **arrays)
    assert_loaded(load_mnist(tmp_path / "mnist.npz"), arrays)
    assert_loaded(load_mnist(str(tmp_path / "mnist.npz")), arrays)


def test_read_idx_reads_header_dimensions(tmp_path):
    path = tmp_path / "a.idx"
    path.write_bytes(bytes([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]))
    np.testing.assert_array_equal(read_idx(path), [[[1, 2, 3], [4, 5, 6]]])


def test_wrong_magic_number(tmp_path, rng):
    arrays = small_mnist(rng)
    write_folder(tmp_path, arrays, compress=False)
    # a label file where an image file belongs
    (tmp_path / STEMS["x_test"]).write_bytes(idx_bytes(arrays["y_test"]))
    with pytest.raises(ValueError, match=r"t10k-images-idx3-ubyte: wrong IDX magic number 2049"):
        load_mnist(tmp_path)


def test_unknown_magic_number(tmp_path):
    path = tmp_path / "bad"
    path.write_bytes(struct.pack(">II", 1234, 0))
    with pytest.raises(ValueError, match=r"bad: wrong IDX magic number 1234"):
        read_idx(path)


def test_truncated_data(tmp_path, rng):
    arrays = small_mnist(rng)
    write_folder(tmp_path, arrays, compress=True)
    data = idx_bytes(arrays["x_train"])[:-10]
    (tmp_path / (STEMS["x_train"] + ".gz")).write_bytes(gzip.compress(data))
    with pytest.raises(ValueError, match=r"train-images-idx3-ubyte.gz: IDX data truncated"):
        load_mnist(tmp_path)


def test_trailing_bytes(tmp_path, rng):
    path = tmp_path / "labels"
    path.write_bytes(idx_bytes([1, 2, 3]) + b"\x00")
    with pytest.raises(ValueError, match=r"labels: IDX data has trailing bytes"):
        read_idx(path)


def test_truncated_header(tmp_path):
    path = tmp_path / "tiny"
    path.write_bytes(struct.pack(">I", 2051) + b"\x00\x00")
    with pytest.raises(ValueError, match=r"tiny: truncated IDX header"):
        read_idx(path)


def test_truncated_gzip(tmp_path, rng):
    arrays = small_mnist(rng)
    write_folder(tmp_path, arrays, compress=True)
    path = tmp_path / (STEMS["y_test"] + ".gz")
    path.write_bytes(path.read_bytes()[:15])
    with pytest.raises(ValueError, match=r"t10k-labels-idx1-ubyte.gz: corrupt or truncated gzip"):
        load_mnist(tmp_path)


def test_missing_file(tmp_path, rng):
    write_folder(tmp_path, small_mnist(rng), compress=True)
    (tmp_path / (STEMS["y_train"] + ".gz")).unlink()
    with pytest.raises(FileNotFoundError, match=r"train-labels-idx1-ubyte"):
        load_mnist(tmp_path)
    with pytest.raises(FileNotFoundError, match=r"MNIST path not found"):
        load_mnist(tmp_path / "nowhere")


def test_image_label_count_mismatch(tmp_path, rng):
    arrays = small_mnist(rng)
    arrays["y_test"] = arrays["y_test"][:-1]
    write_folder(tmp_path, arrays, compress=False)
    with pytest.raises(ValueError, match=r"x_test has 5 images but y_test has 4 labels"):
        load_mnist(tmp_path)


def test_npz_problems(tmp_path, rng):
    arrays = small_mnist(rng)
    no_test = {k: v for k, v in arrays.items() if k != "y_test"}
    np.savez(tmp_path / "missing.npz", **no_test)
    with pytest.raises(ValueError, match=r"missing.npz: missing arrays \['y_test'\]"):
        load_mnist(tmp_path / "missing.npz")
    np.savez(tmp_path / "float.npz", **dict(arrays, x_train=arrays["x_train"] / 255))
    with pytest.raises(ValueError, match=r"array x_train has dtype float64, expected uint8"):
        load_mnist(tmp_path / "float.npz")
    (tmp_path / "junk.npz").write_bytes(b"this is not a zip file at all")
    with pytest.raises(ValueError, match=r"junk.npz: not a readable .npz file"):
        load_mnist(tmp_path / "junk.npz")
    np.savez(tmp_path / "objects.npz", **dict(arrays, y_test=np.array([1, "a"], dtype=object)))
    with pytest.raises(ValueError, match=r"objects.npz: corrupt .npz member"):
        load_mnist(tmp_path / "objects.npz")


@pytest.fixture(scope="module")
def bundled():
    return load_mnist()


def test_bundled_shapes_and_labels(bundled):
    (x_train, y_train), (x_test, y_test) = bundled
    assert x_train.shape == (22699, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (22699,) and y_train.dtype == np.uint8
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    assert y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    counts = [2258, 2581, 2215, 2369, 2222, 2010, 2235, 2356, 2163, 2290]
    assert np.bincount(y_train, minlength=10).tolist() == counts
    # the official MNIST test-set class counts
    test_counts = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    assert np.bincount(y_test, minlength=10).tolist() == test_counts
    assert x_train.max() == 255 and x_train.min() == 0


def test_bundled_checksum_mismatch(tmp_path, monkeypatch):
    for f in datasets._BUNDLED_DIR.glob("*.gz"):
        shutil.copy(f, tmp_path / f.name)
    damaged = tmp_path / "t10k-labels-idx1-ubyte.gz"
    data = bytearray(damaged.read_bytes())
    data[-20] ^= 0xFF
    damaged.write_bytes(bytes(data))
    monkeypatch.setattr(datasets, "_BUNDLED_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"t10k-labels-idx1-ubyte.gz: sha256 checksum mismatch"):
        load_mnist()
    damaged.unlink()
    with pytest.raises(FileNotFoundError, match=r"bundled MNIST file missing"):
        load_mnist()


def test_credit():
    for word in ("LeCun", "Cortes", "Burges", "CC BY-SA 3.0"):
        assert word in MNIST_CREDIT
