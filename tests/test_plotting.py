"""lossbook.plotting: Korean text, language choice, deterministic animations."""

import io
import subprocess
import sys
import warnings

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from lossbook import _lang, _player, plotting  # noqa: E402


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    """Each test starts with no language override and closes its figures."""
    monkeypatch.setattr(_lang, "_override", None)
    monkeypatch.delenv("LOSSBOOK_LANG", raising=False)
    with warnings.catch_warnings():  # setup() adds a warnings filter; keep it local
        yield
    plt.close("all")


def bowl(p):
    return p[0] ** 2 + 10 * p[1] ** 2


PATH = np.array([[-3.0, 1.0], [-2.0, -0.5], [-1.0, 0.2], [0.0, 0.0]])


def test_import_lossbook_does_not_import_matplotlib():
    code = "import sys, lossbook; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_korean_text_renders_without_missing_glyphs():
    plotting.setup("ko")
    fig, ax = plt.subplots()
    ax.plot([-1, 0, 1], [1, 0, 1], label="손실 함수 −1")
    ax.set_xlabel("예측 확률")
    ax.set_ylabel("기울기 θ")
    ax.set_title("경사 하강법: -0.5")
    ax.legend()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    glyph = [str(w.message) for w in caught if "glyph" in str(w.message).lower()]
    assert glyph == []
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert matplotlib.rcParams["font.family"] == ["NanumGothic", "DejaVu Sans"]


def test_math_text_mixed_with_hangul_renders():
    plotting.setup("ko")
    fig, ax = plt.subplots()
    ax.set_title("협곡 $x^2/20 - y^2$, 단계 3")
    fig.savefig(io.BytesIO(), format="png")  # raises if any glyph were missing


def test_log_axis_minus_is_an_error_and_log_ticks_fix_it():
    """10^-8 tick labels are math text, which logs (not warns) a missing minus."""
    plotting.setup("ko")
    fig, ax = plt.subplots()
    ax.loglog([1e-8, 1.0], [1e-8, 1.0])
    with pytest.raises(RuntimeError, match="does not have a glyph"):
        fig.savefig(io.BytesIO(), format="png")
    plotting.log_ticks(ax.xaxis)
    plotting.log_ticks(ax.yaxis)
    fig.savefig(io.BytesIO(), format="png")
    assert ax.xaxis.get_major_formatter()(1e-8, 0) == "1e-08"


def test_missing_glyph_is_an_error_after_setup():
    plotting.setup("en")
    # Only DejaVu Sans, which has no Hangul: drawing must fail, not draw boxes.
    fig, ax = plt.subplots()
    ax.set_title("손실", family="DejaVu Sans")
    with pytest.raises(UserWarning, match="missing from font"):
        fig.savefig(io.BytesIO(), format="png")


def test_setup_rejects_unknown_language():
    with pytest.raises(ValueError, match=r"lang must be one of \('ko', 'en'\), got 'fr'"):
        plotting.setup("fr")


def test_language_from_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert plotting.language() == "ko"
    monkeypatch.setenv("LOSSBOOK_LANG", "EN")
    assert plotting.language() == "en"
    monkeypatch.setenv("LOSSBOOK_LANG", "de")
    with pytest.raises(ValueError, match="LOSSBOOK_LANG must be one of"):
        plotting.language()


@pytest.mark.parametrize("folder, expected", [("ko", "ko"), ("en", "en"), ("book", "en")])
def test_language_from_working_directory(monkeypatch, tmp_path, folder, expected):
    (tmp_path / folder).mkdir()
    monkeypatch.chdir(tmp_path / folder)
    assert plotting.language() == expected


def test_env_beats_folder_and_setup_beats_env(monkeypatch, tmp_path):
    (tmp_path / "ko").mkdir()
    monkeypatch.chdir(tmp_path / "ko")
    monkeypatch.setenv("LOSSBOOK_LANG", "en")
    assert plotting.language() == "en"
    plotting.setup("ko")
    assert plotting.language() == "ko"


def test_tr(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert plotting.tr("예측 확률", "predicted probability") == "예측 확률"
    monkeypatch.setenv("LOSSBOOK_LANG", "en")
    assert plotting.tr("예측 확률", "predicted probability") == "predicted probability"


def test_plot_functions_draws_each_curve():
    plotting.setup("en")
    x = np.linspace(-2, 2, 5)
    fig, ax = plotting.plot_functions(x, {"square": lambda t: t**2, "const": np.ones(5)},
                                      xlabel="x", title="t")
    assert isinstance(fig, matplotlib.figure.Figure)
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["square", "const"]
    np.testing.assert_array_equal(lines[0].get_ydata(), [4.0, 1.0, 0.0, 1.0, 4.0])
    assert ax.get_legend() is not None


def test_plot_functions_bad_input():
    with pytest.raises(ValueError, match="functions is empty"):
        plotting.plot_functions([0, 1], {})
    with pytest.raises(ValueError, match="x must be 1-D"):
        plotting.plot_functions([[0, 1]], {"a": lambda t: t})
    with pytest.raises(ValueError, match="values of 'bad' contains NaN"):
        plotting.plot_functions([0, 1], {"bad": lambda t: np.full(2, np.nan)})


def test_contour_paths_returns_figure_with_path():
    plotting.setup("en")
    fig, ax = plotting.contour_paths(bowl, {"SGD": PATH}, (-4, 4), (-2, 2), minimum=(0, 0))
    assert isinstance(fig, matplotlib.figure.Figure)
    sgd = [ln for ln in ax.get_lines() if ln.get_label() == "SGD"]
    np.testing.assert_array_equal(sgd[0].get_xydata(), PATH)
    assert ax.get_xlim() == (-4.0, 4.0)


def test_contour_paths_accepts_pointwise_function():
    plotting.setup("en")
    calls = []

    def scalar_only(p):
        calls.append(1)
        return float(p[0] ** 2 + p[1] ** 2)  # float() fails on a grid

    plotting.contour_paths(scalar_only, {"a": PATH}, (-1, 1), (-1, 1), n=10)
    assert len(calls) == 1 + 100  # one failed grid call, then one per point


def test_contour_paths_bad_input():
    with pytest.raises(ValueError, match=r"path 'SGD' must have shape \(n, 2\), got \(4,\)"):
        plotting.contour_paths(bowl, {"SGD": [1, 2, 3, 4]}, (-1, 1), (-1, 1))
    with pytest.raises(ValueError, match="paths is empty"):
        plotting.contour_paths(bowl, {}, (-1, 1), (-1, 1))
    with pytest.raises(ValueError, match="xlim must be"):
        plotting.contour_paths(bowl, {"a": PATH}, (1, -1), (-1, 1))
    with pytest.raises(ValueError, match="path 'a' contains NaN"):
        plotting.contour_paths(bowl, {"a": [[0, np.nan]]}, (-1, 1), (-1, 1))


def test_animate_paths_html_is_deterministic_and_offline():
    plotting.setup("ko")
    paths = {"SGD": PATH, "Adam": PATH / 2}
    one = plotting.animate_paths(bowl, paths, (-4, 4), (-2, 2), n=20)
    two = plotting.animate_paths(bowl, paths, (-4, 4), (-2, 2), n=20)
    assert one == two
    assert one.count("data:image/png;base64,") == len(PATH)  # one frame per point
    assert "https://" not in one and "http://" not in one  # no CDN icons
    assert "<i class=" not in one
    assert 'class="animation"' in one
    other = plotting.animate_paths(bowl, {"SGD": PATH[:2]}, (-4, 4), (-2, 2), n=20)
    ids = [h.split('id="_anim_img', 1)[1].split('"', 1)[0] for h in (one, other)]
    assert ids[0] != ids[1]  # two animations on one page do not clash
    assert plt.get_fignums() == []  # the figure is closed, not shown twice


def test_animate_paths_subsamples_long_paths():
    plotting.setup("en")
    long = np.column_stack([np.linspace(-3, 0, 200), np.linspace(1, 0, 200)])
    html = plotting.animate_paths(bowl, {"GD": long}, (-4, 4), (-2, 2), n=20, max_frames=5)
    assert html.count("data:image/png;base64,") == 5


def test_animate_decision_boundary():
    plotting.setup("en")
    X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    history = [[-0.5, 0, 0], [-0.5, 0.3, 0.3], [-0.7, 0.5, 0.5], [0.0, 0.0, 0.0]]
    one = plotting.animate_decision_boundary(history, X, [0, 0, 0, 1])
    two = plotting.animate_decision_boundary(history, X, [0, 0, 0, 1])
    assert one == two
    assert one.count("data:image/png;base64,") == 4


def test_animate_decision_boundary_per_sample_rings_the_current_sample():
    from lossbook.perceptron import Perceptron, logic_gate_data

    plotting.setup("en")
    X, y = logic_gate_data("and")
    steps = Perceptron(2, epochs=1).fit(X, y).step_history  # 5 rows
    one = plotting.animate_decision_boundary(steps, X, y, per_sample=True)
    assert one == plotting.animate_decision_boundary(steps, X, y, per_sample=True)
    assert one.count("data:image/png;base64,") == 5
    # the frames differ from the plain animation (ring and note on frames 1..4)
    plain = plotting.animate_decision_boundary(steps, X, y)
    assert plain.count("data:image/png;base64,") == 5 and plain != one


def test_animate_decision_boundary_bad_input():
    X = [[0, 0], [1, 1]]
    with pytest.raises(ValueError, match=r"history must be a list of \[b, w1, w2\]"):
        plotting.animate_decision_boundary([[1, 2]], X, [0, 1])
    with pytest.raises(ValueError, match=r"y must have shape \(2,\)"):
        plotting.animate_decision_boundary([[0, 1, 1]], X, [0, 1, 1])
    with pytest.raises(ValueError, match="y must hold 0/1 labels"):
        plotting.animate_decision_boundary([[0, 1, 1]], X, [0, 2])


def _graph_f():
    from lossbook.backprop import Value

    x, y, z = Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")
    q = x + y
    q.label = "q"
    f = q * z
    f.label = "f"
    f.backward()
    return f


def test_draw_graph_writes_the_table_values_and_gradients():
    from lossbook.backprop import graph_table

    f = _graph_f()
    plotting.setup(lang="en")
    fig, ax = plotting.draw_graph(f, title="f = (x + y)z", digits=1)
    texts = ax.texts
    green = sorted(float(t.get_text()) for t in texts if t.get_color() == "green")
    red = sorted(float(t.get_text()) for t in texts if t.get_color() == "red")
    table = graph_table(f)
    edges = [(i, row["downstream"][j]) for row in table for j, i in enumerate(row["inputs"])]
    # one green and one red number per edge, plus the edge leaving the output (gradient 1)
    assert green == sorted([table[i]["value"] for i, _ in edges] + [f.data])
    assert red == sorted([g for _, g in edges] + [1.0])
    assert red == [-4.0, -4.0, -4.0, 1.0, 3.0]  # df/dq = z, df/dx = df/dy = z, df/dz = q
    boxes = [t.get_text() for t in texts if t.get_bbox_patch() is not None
             and t.get_bbox_patch().get_boxstyle().__class__.__name__ == "Round"]
    assert sorted(boxes) == sorted(["x", "y", "+", "z", "×"])
    assert ax.get_title() == "f = (x + y)z"


def test_draw_graph_rejects_other_objects():
    with pytest.raises(TypeError, match="draw_graph needs a lossbook.backprop.Value, got float"):
        plotting.draw_graph(3.0)


# --- animations: accessible, with a still frame, on public matplotlib API only ---

AND_X = [[0, 0], [0, 1], [1, 0], [1, 1]]
AND_HISTORY = [[-0.5, 0, 0], [-0.5, 0.3, 0.3], [-0.7, 0.5, 0.5]]


def _img_tag(html):
    return html[html.index("<img id=\"_anim_img"):].split(">", 1)[0] + ">"


def _frames(html):
    import base64

    return [base64.b64decode(m[3].replace("\\\n", "")) for m in _player._FRAME.finditer(html)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_animation_alt_text_and_labels_in_the_notebook_language(lang):
    plotting.setup(lang)
    short = PATH[[0, -1]]  # two frames: the markup is what is checked here
    paths = {"SGD": short, "Adam": short / 2}
    html = plotting.animate_paths(bowl, paths, (-4, 4), (-2, 2), n=10, title="bowl")
    expected = {
        "ko": ("애니메이션 — bowl: 함수의 등고선 위에 최적화 경로(SGD, Adam)를 0단계부터 1단계까지"
               " 한 단계씩 그립니다. 1단계의 위치: SGD (0.00, 0.00), Adam (0.00, 0.00)."),
        "en": ("Animation — bowl: the optimisation paths (SGD, Adam) drawn on the contour plot"
               " of the function, one step at a time from step 0 to step 1. Positions at step"
               " 1: SGD (0.00, 0.00), Adam (0.00, 0.00)."),
    }[lang]
    assert html.alt == expected
    assert f'alt="{expected}"' in _img_tag(html)
    slider = {"ko": 'aria-label="애니메이션 프레임"', "en": 'aria-label="Animation frame"'}[lang]
    assert 'class="anim-slider" ' + slider in html
    play = {"ko": 'title="재생" aria-label="재생"', "en": 'title="Play" aria-label="Play"'}[lang]
    assert play in html
    assert ('>왕복</label>' in html) == (lang == "ko") and ('>Reflect</label>' in html) == (
        lang == "en")
    assert '<span aria-hidden="true">▶</span>' in html  # symbols are not read out


def test_decision_boundary_alt_names_the_last_weights_and_can_be_given():
    plotting.setup("en")
    html = plotting.animate_decision_boundary(AND_HISTORY, AND_X, [0, 0, 0, 1], title="AND",
                                              per_sample=True)
    assert html.alt.startswith("Animation — AND: the perceptron's decision boundary")
    assert "rings the sample just used" in html.alt
    assert html.alt.endswith("Last step 2: b = -0.70, w = (0.50, 0.50).")
    own = plotting.animate_decision_boundary(AND_HISTORY, AND_X, [0, 0, 0, 1],
                                             alt='The line "moves" <up>.')
    assert own.alt == 'The line "moves" <up>.'
    assert 'alt="The line &quot;moves&quot; &lt;up&gt;."' in _img_tag(own)
    for bad in ("", "  ", 3):
        with pytest.raises(ValueError, match="alt must be a non-empty description"):
            plotting.animate_decision_boundary(AND_HISTORY, AND_X, [0, 0, 0, 1], alt=bad)


def test_animation_displays_html_with_a_png_still_frame_and_alt_as_text():
    import base64

    from IPython.core.interactiveshell import InteractiveShell
    from PIL import Image

    plotting.setup("en")
    html = plotting.animate_decision_boundary(AND_HISTORY, AND_X, [0, 0, 0, 1])
    assert isinstance(html, str)  # IPython.display.HTML(html) keeps working
    data, _ = InteractiveShell.instance().display_formatter.format(html)
    assert set(data) == {"text/html", "text/plain", "image/png"}
    assert data["text/html"] == str(html)
    assert data["text/plain"] == html.alt  # not the repr of the whole player
    png = base64.b64decode(data["image/png"])
    frames = _frames(html)
    assert len(frames) == 3 and png == html.png == frames[-1]  # the last frame
    import copy
    import pickle

    for clone in (copy.deepcopy(html), pickle.loads(pickle.dumps(html))):
        assert (clone, clone.alt, clone.png) == (html, html.alt, html.png)
    still = Image.open(io.BytesIO(png))
    assert still.mode == "P" and len(still.getcolors()) <= 64  # palette frame
    assert still.size == (500, 450)  # figsize (5, 4.5) at dpi 100


def test_animation_size_limit_is_an_error():
    plotting.setup("en")
    with matplotlib.rc_context({"animation.embed_limit": 0.001}):
        with pytest.raises(RuntimeError, match="animation larger than"):
            plotting.animate_decision_boundary(AND_HISTORY, AND_X, [0, 0, 0, 1])


def test_plotting_uses_no_private_matplotlib_writer_state():
    """issue 13: frames come from the public HTMLWriter; nothing reads its privates."""
    import inspect

    source = inspect.getsource(plotting)
    for private in ("_hit_limit", "_total_bytes", "_saved_frames", "_bytes_limit",
                    "_animation_data", "grab_frame"):
        assert private not in source


def test_matplotlib_jshtml_is_what_plotting_expects():
    """The one contract with matplotlib: what its public HTMLWriter writes.

    If a matplotlib upgrade changes the player's markup, this fails and names the
    part that changed (_player._jshtml and _deterministic_html raise the same way).
    """
    import tempfile

    from matplotlib.animation import FuncAnimation, HTMLWriter

    fig, ax = plt.subplots(figsize=(1, 1))
    anim = FuncAnimation(fig, lambda k: ax.set_title(str(k)), frames=3)
    writer = HTMLWriter(fps=5, embed_frames=True, default_mode="loop")
    writer.frame_format = "png"
    with tempfile.TemporaryDirectory() as tmp:
        anim.save(f"{tmp}/a.html", writer=writer, dpi=20)
        html = open(f"{tmp}/a.html", encoding="utf-8").read()
    version = f"matplotlib {matplotlib.__version__}"
    frames = _frames(html)
    assert len(frames) == 3, f"{version}: frames no longer embedded as frames[i] = data:png"
    assert all(f.startswith(b"\x89PNG") for f in frames), f"{version}: frames are not PNG"
    (uid,) = set(__import__("re").findall(r'id="_anim_img([0-9a-f]{32})"', html))
    for mark in (f'<img id="_anim_img{uid}">',
                 f'<input id="_anim_slider{uid}" type="range" class="anim-slider"',
                 *(f'<i class="{cls}"></i>' for cls in _player._ICONS),
                 *(f'aria-label="{label}"' for label in _player._PLAYER_KO
                   if label not in ("Once", "Loop", "Reflect")),
                 *(f">{label}</label>" for label in ("Once", "Loop", "Reflect"))):
        assert html.count(mark) == 1, f"{version} changed the jshtml player: {mark!r}"


def test_unexpected_jshtml_fails_clearly(monkeypatch):
    plotting.setup("en")
    monkeypatch.setattr(_player, "_FRAME", __import__("re").compile("no such frame line"))
    with pytest.raises(RuntimeError, match=r"unexpected matplotlib jshtml \(found 0 of 3"):
        plotting.animate_decision_boundary(AND_HISTORY, AND_X, [0, 0, 0, 1])
