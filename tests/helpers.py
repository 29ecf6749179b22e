"""Small helpers shared by the tests (independent of lossbook's own code): numerical ones,
and the alt-text rule of the notebooks and of the built pages."""

import re

import numpy as np


def central_diff(f, x, h=1e-6):
    """Central finite differences (f(x + h·e_i) − f(x − h·e_i)) / 2h of the scalar function
    f at x (any shape), one entry at a time; f gets a float64 array shaped like x."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        fp = f(x)
        x[idx] = old - h
        fm = f(x)
        x[idx] = old
        grad[idx] = (fp - fm) / (2 * h)
    return grad


def rel_err(a, b):
    """max|a − b| / max(max|a|, max|b|): the largest error relative to the largest entry."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.max(np.abs(a - b)) / max(np.max(np.abs(a)), np.max(np.abs(b)), 1e-300)


# What counts as a real alt text, one rule for the notebooks (test_figures_alt.py) and the
# built pages (tests/browser): not missing, not empty, not a file name or path (what myst-nb
# writes when a cell gives none: ``../../_images/f73a....png``).
HANGUL = re.compile("[\uac00-\ud7a3]")
FILE_NAME_ALT = re.compile(r"(_images/|^\.{0,2}/|^data:|\.(png|jpe?g|gif|svg|webp)$)", re.I)


def bad_alt(alt):
    """Why ``alt`` is not a real description of an image, or ``None`` if it is one."""
    if alt is None:
        return "no alt attribute"
    if not alt.strip():
        return "empty alt"
    if FILE_NAME_ALT.search(alt.strip()) or re.fullmatch(r"[\w.-]+\.\w{2,4}", alt.strip()):
        return f"alt is a file name: {alt[:60]!r}"
    return None
