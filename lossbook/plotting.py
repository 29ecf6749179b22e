"""Figures shared by the chapters: Korean-capable, deterministic, language-aware.

Every chapter starts with ``lossbook.plotting.setup()``, then labels its figures
with ``tr("한국어", "English")``: the code cells are identical in the Korean and
English notebooks, and ``tr`` picks the text of the notebook's language.

    >>> from lossbook.plotting import setup, tr, plot_functions
    >>> lang = setup()                     # NanumGothic, fixed dpi, glyph checks
    >>> fig, ax = plot_functions([-2, 0, 2], {"x²": lambda x: x**2},
    ...                          xlabel=tr("입력", "input"))

Unlike the rest of lossbook this module imports matplotlib at the top; it is only
loaded when a chapter asks for ``lossbook.plotting``.
"""

from __future__ import annotations

import importlib.util
import logging
import pathlib
import re
import warnings

import matplotlib
import numpy as np

from ._checks import as_float_array
from ._lang import LANGUAGES, language, set_language, tr  # noqa: F401 - re-exported
from ._player import AnimationHTML, _animation

__all__ = [
    "setup",
    "language",
    "tr",
    "plot_functions",
    "contour_paths",
    "animate_paths",
    "animate_decision_boundary",
    "AnimationHTML",
    "log_ticks",
    "draw_graph",
]

FONT_NAME = "NanumGothic"
# NanumGothic first: it is also the font of the non-math parts of math text, so a
# label such as "협곡 $x^2/20 + y^2$" keeps its Hangul. Characters it lacks in
# plain text (Greek, arrows) fall back to DejaVu Sans. One thing has no fallback:
# the minus sign in math-text tick labels of log axes (10^-8), drawn in the first
# font; setup() turns that into an error, and log_ticks(axis) gives plain labels.
FONT_FAMILY = [FONT_NAME, "DejaVu Sans"]
# Matplotlib's messages when a character cannot be drawn (it would show as a box).
MISSING_GLYPH = r"(Glyph .* missing from|Font .* does not have a glyph)"

def _font_file() -> pathlib.Path:
    """NanumGothic.ttf as shipped by koreanize-matplotlib.

    Found without importing ``koreanize_matplotlib`` (its import changes rcParams
    and imports ``distutils``, which is gone from Python 3.12).
    """
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or spec.origin is None:
        raise ImportError(
            "lossbook.plotting needs the Korean font of koreanize-matplotlib: "
            "pip install koreanize-matplotlib"
        )
    path = pathlib.Path(spec.origin).parent / "fonts" / f"{FONT_NAME}.ttf"
    if not path.exists():
        raise ImportError(f"koreanize-matplotlib is installed but {path} is missing")
    return path


def setup(lang: str | None = None) -> str:
    """Configure matplotlib for the book and return the language code.

    - registers NanumGothic (Hangul) with DejaVu Sans as fallback, and sets
      ``axes.unicode_minus = False`` (Korean fonts lack U+2212 MINUS SIGN);
    - fixed figure size, dpi 100 and ``svg.hashsalt``: reruns give the same files;
    - "Glyph ... missing from font" warnings become errors, so a figure that
      would draw boxes instead of letters fails the notebook check.

    ``lang`` ("ko" or "en") overrides :func:`language` for the rest of the session.
    """
    if lang is not None:
        set_language(lang)
    import matplotlib.pyplot as plt  # noqa: F401 - activates the inline backend first
    from matplotlib import font_manager

    font = str(_font_file())
    if font not in {f.fname for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(font)
    matplotlib.rcParams.update(
        {
            "font.family": FONT_FAMILY,
            "axes.unicode_minus": False,
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.facecolor": "white",
            "savefig.facecolor": "white",
            "svg.hashsalt": "lossbook",
            "axes.grid": True,
            "grid.alpha": 0.3,
            "animation.html": "jshtml",
        }
    )
    warnings.filterwarnings("error", message=MISSING_GLYPH)
    # Math text (tick labels such as 10^-8) reports a missing glyph through logging,
    # not warnings: make that an error too.
    mathtext_log = logging.getLogger("matplotlib.mathtext")
    if not any(isinstance(h, _MissingGlyphHandler) for h in mathtext_log.handlers):
        mathtext_log.addHandler(_MissingGlyphHandler())
    return language()


def log_ticks(axis, fmt="{:.0e}"):
    """Label a log-scaled ``axis`` (``ax.xaxis`` / ``ax.yaxis``) in plain text: 1e-08.

    Matplotlib's default log labels (10 with a superscript) are math text whose
    minus sign NanumGothic lacks; plain labels render in every font.
    """
    from matplotlib.ticker import FuncFormatter, NullFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _pos: fmt.format(value)))
    axis.set_minor_formatter(NullFormatter())
    return axis


class _MissingGlyphHandler(logging.Handler):
    """Turn matplotlib's logged "does not have a glyph" messages into errors."""

    def emit(self, record):
        message = record.getMessage()
        if re.search(MISSING_GLYPH, message):
            raise RuntimeError(f"a figure would draw a box instead of a character: {message}")


def _axes(ax, figsize=None):
    import matplotlib.pyplot as plt

    if ax is None:
        fig, ax = plt.subplots(figsize=figsize)
    else:
        fig = ax.figure
    return fig, ax


def _label(ax, title=None, xlabel=None, ylabel=None):
    if title:
        ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)


def plot_functions(x, functions, *, ax=None, title=None, xlabel=None, ylabel=None,
                   ylim=None, styles=None):
    """Draw several 1-D curves over the same ``x`` with a legend.

    ``functions`` maps a legend label to a callable ``f(x)`` or to an array of
    ``y`` values; ``styles`` optionally maps a label to plot keyword arguments.
    Returns ``(fig, ax)``.

    >>> fig, ax = plot_functions(np.linspace(-3, 3, 61),
    ...                          {"ReLU": lambda x: np.maximum(0, x), "x": lambda x: x})
    """
    x = as_float_array(x, "x")
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if not functions:
        raise ValueError("functions is empty; give at least one label -> function")
    fig, ax = _axes(ax)
    for label, f in functions.items():
        y = f(x) if callable(f) else f
        y = np.broadcast_to(as_float_array(y, f"values of {label!r}"), x.shape)
        ax.plot(x, y, label=label, **(styles or {}).get(label, {}))
    if ylim is not None:
        ax.set_ylim(*ylim)
    _label(ax, title, xlabel, ylabel)
    ax.legend()
    return fig, ax


def draw_graph(root, *, title=None, ax=None, figsize=(7, 3.6), digits=2):
    """Draw the computational graph of ``root`` (a ``lossbook.backprop.Value``).

    Everything comes from ``graph_table(root)``: nodes as boxes (inputs blue,
    operations yellow), laid out left to right by depth; above each edge the forward
    value that flows along it (green), below it the gradient that flows back (red).
    Call ``root.backward()`` first. Returns ``(fig, ax)``.

    >>> from lossbook.backprop import Value
    >>> x, y = Value(2.0, label="x"), Value(3.0, label="y")
    >>> f = x * y
    >>> f.backward()
    >>> fig, ax = draw_graph(f)
    """
    from .backprop import Value, graph_table

    if not isinstance(root, Value):
        raise TypeError(f"draw_graph needs a lossbook.backprop.Value, got {type(root).__name__}")
    table = graph_table(root)
    depth = {}
    for row in table:  # inputs come first: a node's depth is 1 + its deepest input
        depth[row["id"]] = 1 + max((depth[i] for i in row["inputs"]), default=-1)
    for row in table:  # put each input just left of the first node that uses it
        if not row["inputs"]:
            users = [r["id"] for r in table if row["id"] in r["inputs"]]
            depth[row["id"]] = min(depth[u] for u in users) - 1 if users else 0
    ypos, k = {}, 0
    for row in table:  # inputs one below the other; a node at the mean height of its inputs
        if not row["inputs"]:
            ypos[row["id"]] = -1.25 * k
            k += 1
        else:
            ypos[row["id"]] = float(np.mean([ypos[i] for i in row["inputs"]]))
    pos = {i: (1.6 * depth[i], ypos[i]) for i in depth}
    fig, ax = _axes(ax, figsize)
    half = 0.32  # half a box width: arrows start and end at the box edges
    white = {"fc": "white", "ec": "none", "alpha": 0.85, "pad": 0.5}
    edges = [(i, row["id"], row["downstream"][j]) for row in table
             for j, i in enumerate(row["inputs"])]
    out = table[-1]
    end = (pos[out["id"]][0] + 1.6, pos[out["id"]][1])
    for child, parent, grad in edges + [(out["id"], None, 1.0)]:  # d out / d out = 1
        (x0, y0), (x1, y1) = pos[child], pos[parent] if parent is not None else end
        ax.annotate("", xy=(x1 - half, y1), xytext=(x0 + half, y0),
                    arrowprops={"arrowstyle": "->", "color": "0.4"})
        xm, ym = x0 + 0.42 * (x1 - x0), y0 + 0.42 * (y1 - y0)  # nearer the source node
        ax.text(xm, ym + 0.08, f"{table[child]['value']:.{digits}f}", color="green",
                ha="center", va="bottom", fontsize=9, bbox=white)
        ax.text(xm, ym - 0.08, f"{grad:.{digits}f}", color="red", ha="center", va="top",
                fontsize=9, bbox=white)
    for row in table:
        text = row["op"].replace("*", "×") if row["op"] else row["label"]
        ax.text(*pos[row["id"]], text, ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round", "fc": "lightyellow" if row["op"] else "lightblue",
                      "ec": "0.3"})
    ax.text(*end, out["label"], ha="left", va="center", fontsize=10)
    ax.plot([], [], color="green", label=tr("순전파 값", "forward value"))
    ax.plot([], [], color="red", label=tr("기울기 (역전파)", "gradient (backward)"))
    ax.legend(loc="lower right", fontsize=9)
    ax.set_xlim(-0.6, end[0] + 0.6)
    ax.set_ylim(min(ypos.values()) - 0.7, max(ypos.values()) + 0.5)
    ax.axis("off")
    _label(ax, title)
    return fig, ax


def _grid_values(f, xlim, ylim, n):
    """Evaluate ``f`` on an n-by-n grid; ``f`` receives p with p[0] = x, p[1] = y."""
    xs = np.linspace(*xlim, n)
    ys = np.linspace(*ylim, n)
    X, Y = np.meshgrid(xs, ys)
    try:
        Z = np.asarray(f(np.stack([X, Y])), dtype=float)
    except Exception:  # not vectorised: evaluate point by point
        Z = None
    if Z is None or Z.shape != X.shape:
        pts = np.stack([X.ravel(), Y.ravel()], axis=1)
        Z = np.array([float(f(p)) for p in pts]).reshape(X.shape)
    return X, Y, Z


def _check_paths(paths):
    if not paths:
        raise ValueError("paths is empty; give at least one name -> (n, 2) array")
    out = {}
    for name, p in paths.items():
        arr = as_float_array(p, f"path {name!r}")
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise ValueError(f"path {name!r} must have shape (n, 2), got {arr.shape}")
        out[name] = arr
    return out


def _check_lim(lim, name):
    lim = as_float_array(lim, name)
    if lim.shape != (2,) or not lim[0] < lim[1]:
        raise ValueError(f"{name} must be (low, high) with low < high, got {lim.tolist()}")
    return tuple(lim)


def _contour_background(ax, f, xlim, ylim, levels, n, log):
    X, Y, Z = _grid_values(f, xlim, ylim, n)
    if log:
        Z = np.log10(Z - Z.min() + 1e-3)
    ax.contour(X, Y, Z, levels=levels, cmap="viridis", linewidths=0.8)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal", adjustable="box")


def contour_paths(f, paths, xlim, ylim, *, levels=20, n=200, log=False, ax=None,
                  title=None, minimum=None):
    """Contour plot of a 2-D function ``f`` with optimisation paths drawn on it.

    ``f(p)`` takes a point ``p = (x, y)``; it is called once with a stacked grid
    (``p[0]``, ``p[1]`` arrays) and falls back to one call per point. ``paths``
    maps a legend name to an ``(n, 2)`` array of visited points. ``log=True``
    spaces contours logarithmically (for valleys such as Rosenbrock's);
    ``minimum`` marks a known minimum with a star. Returns ``(fig, ax)``.

    >>> fig, ax = contour_paths(lambda p: p[0]**2 + 10 * p[1]**2,
    ...                         {"SGD": [[-3, 1], [-2, -0.5], [-1, 0.2]]}, (-4, 4), (-2, 2))
    """
    paths = _check_paths(paths)
    xlim, ylim = _check_lim(xlim, "xlim"), _check_lim(ylim, "ylim")
    fig, ax = _axes(ax)
    _contour_background(ax, f, xlim, ylim, levels, n, log)
    for name, p in paths.items():
        ax.plot(p[:, 0], p[:, 1], "o-", ms=3, lw=1.5, label=name)
    if minimum is not None:
        ax.plot(*minimum, "k*", ms=12)
    if title:
        ax.set_title(title)
    ax.legend(loc="upper right")
    return fig, ax


def _check_alt(alt):
    if alt is not None and (not isinstance(alt, str) or not alt.strip()):
        raise ValueError(f"alt must be a non-empty description of the animation, got {alt!r}")
    return alt


def _named(title):
    return tr(f"애니메이션 — {title}: ", f"Animation — {title}: ") if title else \
        tr("애니메이션: ", "Animation: ")


def _frame_indices(length, max_frames):
    if length <= max_frames:
        return np.arange(length)
    return np.unique(np.linspace(0, length - 1, max_frames).round().astype(int))


def animate_paths(f, paths, xlim, ylim, *, levels=20, n=150, log=False, interval=200,
                  max_frames=60, title=None, default_mode="loop", minimum=None, alt=None):
    """Animate optimisation paths on the contour plot of ``f``; return an :class:`AnimationHTML`.

    Same arguments as :func:`contour_paths`. Frame ``k`` shows every path up to
    its ``k``-th point (long paths are subsampled to at most ``max_frames``).
    The HTML (matplotlib's jshtml player, embedded palette-PNG frames at dpi 100) is
    byte-identical from one run to the next; end a cell with it to show the player
    (and, for PDF, its last frame). ``alt`` describes the animation for screen
    readers; by default it names the paths, the steps and where each path ends,
    in the notebook's language.
    """
    alt = _check_alt(alt)
    paths = _check_paths(paths)
    xlim, ylim = _check_lim(xlim, "xlim"), _check_lim(ylim, "ylim")
    import matplotlib.pyplot as plt

    # Equal axis scales: the figure takes the shape of the plotted region.
    height = min(max(6.0 * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0]) + 1.0, 3.0), 6.5)
    fig, ax = plt.subplots(figsize=(6.0, height), dpi=100)
    _contour_background(ax, f, xlim, ylim, levels, n, log)
    if minimum is not None:
        ax.plot(*minimum, "k*", ms=12)
    lines = {name: ax.plot([], [], "o-", ms=3, lw=1.5, label=name)[0] for name in paths}
    ax.legend(loc="upper right")
    longest = max(len(p) for p in paths.values())
    steps = _frame_indices(longest, max_frames)
    prefix = f"{title} — " if title else ""

    def update(frame):
        k = steps[frame]
        for name, p in paths.items():
            upto = p[: k + 1]
            lines[name].set_data(upto[:, 0], upto[:, 1])
        ax.set_title(f"{prefix}{tr('단계', 'step')} {k}")
        return list(lines.values())

    if alt is None:
        last = int(steps[-1])
        names = ", ".join(paths)
        ends = ", ".join(f"{name} ({p[min(last, len(p) - 1), 0]:.2f}, "
                         f"{p[min(last, len(p) - 1), 1]:.2f})" for name, p in paths.items())
        alt = _named(title) + tr(
            f"함수의 등고선 위에 최적화 경로({names})를 0단계부터 {last}단계까지 한 단계씩 "
            f"그립니다. {last}단계의 위치: {ends}.",
            f"the optimisation paths ({names}) drawn on the contour plot of the function, "
            f"one step at a time from step 0 to step {last}. Positions at step {last}: {ends}.")
    return _animation(fig, update, len(steps), interval, default_mode, alt)


def animate_decision_boundary(history, X, y, *, interval=500, max_frames=60, title=None,
                              margin=0.5, default_mode="loop", per_sample=False, alt=None):
    """Animate a perceptron's decision boundary as it learns; return an :class:`AnimationHTML`.

    ``history`` is a sequence of weight vectors ``[b, w1, w2]`` (one per step or
    epoch); the boundary is ``b + w1·x1 + w2·x2 = 0`` and the shaded side is
    where the perceptron outputs 1 (``b + w·x > 0``). ``X`` has shape (n, 2) and
    ``y`` holds 0/1 labels. With ``per_sample=True`` the history is one row per
    sample (``Perceptron.step_history``): frame k rings sample (k − 1) mod n, the
    one the rule was just applied to, and says whether it moved the line. ``alt``
    describes the animation for screen readers (default: what it shows and the last
    weights, in the notebook's language).

    >>> html = animate_decision_boundary([[-0.5, 0, 0], [-0.5, 0.3, 0.3]],
    ...                                  [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1])
    """
    alt = _check_alt(alt)
    W = as_float_array(history, "history")
    if W.ndim != 2 or W.shape[1] != 3:
        raise ValueError(f"history must be a list of [b, w1, w2] vectors, got shape {W.shape}")
    X = as_float_array(X, "X")
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    y = as_float_array(y, "y")
    if y.shape != (len(X),):
        raise ValueError(f"y must have shape ({len(X)},) to match X, got {y.shape}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must hold 0/1 labels")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], 200), np.linspace(lo[1], hi[1], 200))
    steps = _frame_indices(len(W), max_frames)
    fig, ax = plt.subplots(figsize=(5.0, 4.5), dpi=100)
    regions = ListedColormap(["#dde6f5", "#f8dccb"])
    prefix = f"{title} — " if title else ""

    def update(frame):
        k = steps[frame]
        b, w1, w2 = W[k]
        z = b + w1 * gx + w2 * gy
        ax.clear()
        ax.pcolormesh(gx, gy, (z > 0).astype(float), cmap=regions, vmin=0, vmax=1,
                      shading="auto")
        if z.min() < 0 < z.max():
            ax.contour(gx, gy, z, levels=[0], colors="k", linewidths=1.5)
        for label, marker, color in ((0, "o", "tab:blue"), (1, "s", "tab:red")):
            pts = X[y == label]
            ax.scatter(pts[:, 0], pts[:, 1], marker=marker, c=color, s=60,
                       edgecolors="k", label=f"y = {label}", zorder=3)
        ax.set_xlim(lo[0], hi[0])
        ax.set_ylim(lo[1], hi[1])
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.legend(loc="upper left")
        ax.set_title(f"{prefix}{tr('단계', 'step')} {k}: b={b:.2f}, w=({w1:.2f}, {w2:.2f})")
        if per_sample and k > 0:
            i = (k - 1) % len(X)
            ax.scatter(*X[i], s=400, facecolors="none", edgecolors="k", linewidths=2.5,
                       zorder=4)
            moved = not np.array_equal(W[k], W[k - 1])
            epoch = (k - 1) // len(X) + 1
            note = (tr(f"에포크 {epoch}, 샘플 {i + 1}: ", f"epoch {epoch}, sample {i + 1}: ")
                    + (tr("틀려서 경계가 움직임", "misclassified, the line moves") if moved
                       else tr("맞음, 그대로", "correct, no change")))
            ax.text(0.98, 0.02, note, transform=ax.transAxes, ha="right", va="bottom",
                    fontsize=9, bbox={"fc": "white", "ec": "0.6", "alpha": 0.9})
        return []

    if alt is None:
        last = int(steps[-1])
        b, w1, w2 = W[last]
        alt = _named(title) + tr(
            f"퍼셉트론의 결정 경계(검은 선)가 0단계부터 {last}단계까지 학습하며 움직입니다. "
            "파란 원은 y = 0, 빨간 사각형은 y = 1인 샘플이고, 주황색 영역은 퍼셉트론이 1을 "
            "출력하는 쪽입니다. "
            + ("각 프레임은 방금 쓴 샘플에 원을 두르고, 그 샘플을 틀렸을 때만 경계가 "
               "움직입니다. " if per_sample else "")
            + f"마지막 단계 {last}: b = {b:.2f}, w = ({w1:.2f}, {w2:.2f}).",
            f"the perceptron's decision boundary (black line) moving as it learns, from step 0 "
            f"to step {last}. Blue circles are samples with y = 0, red squares samples with "
            "y = 1; the orange region is where the perceptron outputs 1. "
            + ("Each frame rings the sample just used; the line moves only when that sample "
               "was misclassified. " if per_sample else "")
            + f"Last step {last}: b = {b:.2f}, w = ({w1:.2f}, {w2:.2f}).")
    return _animation(fig, update, len(steps), interval, default_mode, alt)
