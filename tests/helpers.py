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


def assert_keras_signature(ours, theirs):
    """lossbook's ``ours`` takes Keras's ``theirs``'s parameters in Keras's order.

    Every parameter Keras accepts positionally has the same name, position and default
    in lossbook; Keras's keyword-only parameters exist with the same default; anything
    lossbook adds is keyword-only. So a Keras call means the same in lossbook or fails
    with a TypeError naming the argument.
    """
    import inspect

    def params(f):
        return [p for p in inspect.signature(f).parameters.values() if p.name != "self"]

    mine, keras = params(ours), params(theirs)
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    keras_pos = [p for p in keras if p.kind in positional]
    mine_pos = [p for p in mine if p.kind in positional]
    assert [(p.name, p.default) for p in mine_pos] == [(p.name, p.default) for p in keras_pos], (
        f"{ours}: positional parameters differ from Keras's")
    by_name = {p.name: p for p in mine}
    for p in keras:
        if p.kind == inspect.Parameter.KEYWORD_ONLY:
            assert p.name in by_name and by_name[p.name].default == p.default, p.name
    extras = [p for p in mine if p.name not in {q.name for q in keras}]
    for p in extras:
        assert p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD), (
            f"{ours}: lossbook's extra parameter {p.name!r} must be keyword-only")


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
