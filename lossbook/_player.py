"""The animation player of lossbook.plotting: matplotlib's jshtml, made reproducible,
offline and accessible.

:func:`lossbook.plotting.animate_paths` and ``animate_decision_boundary`` draw the
frames; this module turns a matplotlib ``FuncAnimation`` into an :class:`AnimationHTML`:
matplotlib's own HTML player (slider, play/pause/step buttons, loop modes) with

- the frames as 64-colour palette PNGs (about 4x smaller, deterministic);
- stable element ids (a hash of the HTML, not a random uuid): reruns give the same bytes;
- text symbols instead of Font Awesome icons from a CDN (works offline);
- alt text, a named slider and, on Korean pages, Korean button names;
- a still frame (``image/png``) for PDF/LaTeX, which cannot play it.

The book's web pages move the frames out of the page into files and load them on demand
(book/_ext/lossbook_screens.py); the notebook keeps them inline, so it works anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import io
import pathlib
import re
import tempfile
from html import escape

from ._lang import language, tr

# Text symbols for the player buttons instead of Font Awesome icons, which
# matplotlib loads from a CDN: the book and the notebooks must work offline.
# Only characters common fonts have (media-control symbols U+23E9.. often lack one).
# They are hidden from screen readers: each button is named by its aria-label.
_ICONS = {
    "fa fa-minus": "−", "fa fa-fast-backward": "|◀◀", "fa fa-step-backward": "|◀",
    "fa fa-play fa-flip-horizontal": "◀", "fa fa-pause": "||", "fa fa-play": "▶",
    "fa fa-step-forward": "▶|", "fa fa-fast-forward": "▶▶|", "fa fa-plus": "+",
}
# The player's labels (button names and tooltips, repetition modes) in Korean.
_PLAYER_KO = {
    "Decrease speed": "느리게", "First frame": "첫 프레임", "Previous frame": "이전 프레임",
    "Play backwards": "거꾸로 재생", "Pause": "일시 정지", "Play": "재생",
    "Next frame": "다음 프레임", "Last frame": "마지막 프레임", "Increase speed": "빠르게",
    "Repetition mode": "반복 방식", "Once": "한 번", "Loop": "반복", "Reflect": "왕복",
}
# One embedded frame of matplotlib's jshtml (matplotlib.animation's HTMLWriter with
# embed_frames=True): base64 with each line break escaped as backslash-newline.
_FRAME = re.compile(r'(frames\[(\d+)\] = "data:image/png;base64,)([A-Za-z0-9+/=\\\n]*)(")')


class AnimationHTML(str):
    """An animation: matplotlib's jshtml player (a ``str`` of HTML) with a still frame.

    Shown by Jupyter as itself (no ``IPython.display.HTML`` needed), it offers three
    formats: ``text/html`` (the player: HTML pages), ``image/png`` (``png``, the last
    frame: PDF/LaTeX, which cannot play it) and ``text/plain`` (``alt``, also the
    player image's alt text). ``HTML(animation)`` still works but shows the player only.
    """

    alt: str
    png: bytes

    def __new__(cls, html: str, alt: str, png: bytes):
        obj = super().__new__(cls, html)
        obj.alt, obj.png = alt, png
        return obj

    def __reduce__(self):  # copy and pickle keep the alt text and the still frame
        return AnimationHTML, (str(self), self.alt, self.png)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": str(self), "text/plain": self.alt,
                "image/png": base64.b64encode(self.png).decode("ascii")}

    def _repr_pretty_(self, printer, cycle):  # IPython's text/plain for a str subclass
        printer.text(self.alt)


def _unexpected(what: str) -> RuntimeError:
    import matplotlib

    return RuntimeError(
        f"unexpected matplotlib jshtml ({what}): matplotlib {matplotlib.__version__} "
        "changed what HTMLWriter writes; update lossbook._player._jshtml"
    )


def _palette_png(png: bytes) -> bytes:
    """``png`` as a 64-colour palette PNG (median cut, no dithering: deterministic).

    Contour plots have many anti-aliased shades; the palette makes the frames about
    4x smaller with no visible change, so a 40-frame animation stays under a megabyte.
    """
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB").quantize(
        colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    img.save(out, format="png", optimize=True)
    return out.getvalue()


def _jshtml(anim, n_frames: int, interval: float, default_mode: str) -> tuple[str, bytes]:
    """Render ``anim`` with matplotlib's public HTMLWriter; return (html, last frame).

    Only public API: ``HTMLWriter(embed_frames=True, embed_limit=...)`` and
    ``Animation.save``. The frames it embeds are then re-encoded as palette PNGs
    (:func:`_palette_png`). The one assumption about matplotlib's output, the line
    ``frames[i] = "data:image/png;base64,..."`` per frame, is checked: a matplotlib
    that writes something else makes this raise (tests/test_plotting.py pins it).
    """
    import matplotlib
    from matplotlib.animation import HTMLWriter

    limit = matplotlib.rcParams["animation.embed_limit"]  # MB, for the palette frames
    # matplotlib's own limit applies to the full-colour frames, about 4x larger; a
    # frame it drops shows up below as a missing frame.
    writer = HTMLWriter(fps=1000 / interval, embed_frames=True, default_mode=default_mode,
                        embed_limit=8 * limit)
    writer.frame_format = "png"
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp, "animation.html")
        anim.save(str(path), writer=writer, dpi=100)
        html = path.read_text(encoding="utf-8")
    found = [int(f[1]) for f in _FRAME.findall(html)]
    if found != list(range(n_frames)):
        declared = re.search(r"var frames = new Array\((\d+)\);", html)
        if declared and int(declared[1]) == len(found) == len(set(found)) < n_frames:
            raise _too_large()  # matplotlib dropped the frames beyond its embed_limit
        raise _unexpected(f"found {len(found)} of {n_frames} embedded PNG frames")
    pngs = []

    def palette(m):
        png = _palette_png(base64.b64decode(m[3].replace("\\\n", "")))
        pngs.append(png)
        data = base64.encodebytes(png).decode("ascii").replace("\n", "\\\n")
        return m[1] + data + m[4]

    html = _FRAME.sub(palette, html)
    if sum(len(p) for p in pngs) * 4 / 3 >= limit * 1024 * 1024:
        raise _too_large()
    return html, pngs[-1]


def _too_large() -> RuntimeError:
    return RuntimeError(
        "animation larger than rcParams['animation.embed_limit'] MB;"
        " use fewer frames (max_frames) or a smaller figure"
    )


def _deterministic_html(html: str, alt: str) -> str:
    """Make matplotlib's jshtml reproducible, offline and accessible.

    matplotlib names the player's elements with a random ``uuid4().hex``; it is
    replaced by a hash of the HTML itself, so the same animation gives the same
    bytes (and different animations on one page still get different ids). The
    CDN stylesheet link for the button icons is removed (see ``_ICONS``). The
    image gets ``alt``, the frame slider a label, and on Korean pages the
    buttons and repetition modes are named in Korean.
    """
    ids = set(re.findall(r'id="_anim_img([0-9a-f]{32})"', html))
    if len(ids) != 1:
        raise _unexpected("cannot find the animation id")
    (uid,) = ids
    html = re.sub(r'<link rel="stylesheet"\s+href="https://[^"]*font-awesome[^"]*">\s*', "", html)
    for cls, text in _ICONS.items():
        html = html.replace(f'<i class="{cls}"></i>', f'<span aria-hidden="true">{text}</span>')
    marks = {
        f'<img id="_anim_img{uid}">':
            f'<img id="_anim_img{uid}" alt="{escape(alt, quote=True)}">',
        f'<input id="_anim_slider{uid}" type="range" class="anim-slider"':
            f'<input id="_anim_slider{uid}" type="range" class="anim-slider" '
            f'aria-label="{tr("애니메이션 프레임", "Animation frame")}"',
    }
    for old, new in marks.items():
        if html.count(old) != 1:
            raise _unexpected(f"cannot find {old[:30]!r}")
        html = html.replace(old, new)
    if language() == "ko":
        for en, ko in _PLAYER_KO.items():
            for old in (f'title="{en}"', f'aria-label="{en}"', f">{en}</label>"):
                html = html.replace(old, old.replace(en, ko))
    if "<i class=" in html:
        raise _unexpected("a player icon without a text symbol")
    stable = "lb" + hashlib.sha256(html.replace(uid, "").encode()).hexdigest()[:30]
    return html.replace(uid, stable)


def _animation(fig, update, n_frames, interval, default_mode, alt) -> AnimationHTML:
    """Render ``update(0..n_frames-1)`` to a deterministic, accessible animation."""
    import matplotlib.pyplot as plt
    from matplotlib.animation import FuncAnimation

    anim = FuncAnimation(fig, update, frames=n_frames, interval=interval, blit=False)
    try:
        html, still = _jshtml(anim, n_frames, interval, default_mode)
    finally:
        plt.close(fig)  # the animation is the output; do not also show the last frame
    return AnimationHTML(_deterministic_html(html, alt), alt, still)
