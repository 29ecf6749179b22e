"""The built book on every screen: weight, figures, anchors (registered in _config.yml).

Runs once the HTML build has finished (after ``lossbook_html``'s Korean interface) and
rewrites the written pages; the chapters' notebooks stay as they are (self-contained
for Colab and Binder). Each step is idempotent, so an incremental build can run it again.

1. Icons without ``fontawesome.js`` (1.49 MB, for about twenty icons).
   pydata-sphinx-theme 0.17.1 loads Font Awesome's JavaScript, which swaps every
   ``<i class="fa-solid fa-bars">`` for an inline ``<svg>``. We do that swap here, with
   the same path data read from the theme's own ``fontawesome.js`` (so the icons look
   exactly as before), and drop the script from every page.
2. The search index only on the search page (and sphinx-design's files only where
   a page uses its components, the launch menu's logos only once it opens). The theme
   loads ``searchindex.js``
   (300+ kB) and Sphinx's search scripts in every page's head for its search-as-you-type
   option, which this book does not use; the search page loads them itself.
3. Figures: every image of a chapter (not the animation player's) is ``loading="lazy"``
   and sits in a link to the full-size file, so a tap opens it at full size.
4. Animations: matplotlib's player keeps every frame as a base64 ``data:`` URI in the
   page (about 500 kB of HTML in chapters 4 and 6) and decodes all of them on load. The
   frames move to ``_images/anim-<hash>.png``, and the player fetches a frame when it
   shows it; its ``<img>`` is lazy and shows the first frame from the start.
5. Korean section anchors: Sphinx makes ids from ASCII only, so Korean headings were
   ``#id2``, ``#id3``. Twins have the same sections in the same order (tools/nbbuild.py
   writes both from one source), so every Korean section takes the id of its English
   twin's section (``#cross-entropy-error``), except explicit ``ko-...`` labels; links
   to the old ids, on every page and in the search index, follow. (An English section
   whose heading repeats another's, left as ``id2`` by Sphinx, first becomes
   ``gradient-descent-2``.)
6. The twin's sections for the header language switch (``lossbook.js``): a JSON list in
   ``<script id="lossbook-twin">`` so the switch lands on the same section.
7. Prev/next stay in one language (Korean "sources" no longer leads to "Course map").
8. Solution cells say "풀이 보기" / "Show solution" instead of "셀 내용 보기".
9. With the PDF edition built (``make pdf``, ``make book``), the download menu of each
   page links the PDF of its language.
10. The glossary table gets a class; on a phone ``lossbook.css`` lays it out as a
   definition list.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import pathlib
import re

SKIP_DIRS = {"_static", "_sources", "_images", "_sphinx_design_static", "jupyter_execute"}
LANG_DIRS = ("ko", "en")

# ---------------------------------------------------------------- 1. icons

_FA_SCRIPT = re.compile(
    r'\s*<script defer(?:="")? src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
_ICON = re.compile(r'<i class="([^"]*\bfa-[^"]*)"([^>]*)></i>')
_PACKS = {"fab": "fa-brands", "far": "fa-regular", "fas": "fa-solid"}
_STYLE_CLASSES = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far",
                  "fa-brands": "fab", "fab": "fab"}
_NOT_ICON_NAMES = {"fa-lg", "fa-xs", "fa-sm", "fa-2x", "fa-fw", "fa-spin", "fa-solid",
                   "fa-regular", "fa-brands"}


def fontawesome_packs(script: str) -> dict[str, str]:
    """The source text of each icon pack ("fas", "far", "fab") in Font Awesome's script."""
    packs = {}
    for prefix in _PACKS:
        call = script.find(f'd("{prefix}",p)')
        start = script.rfind("var p={", 0, call)
        if call < 0 or start < 0:
            raise ValueError(f"no {prefix} icon pack in fontawesome.js")
        packs[prefix] = script[start:call]
    return packs


def icon_svg_data(packs: dict[str, str], prefix: str, name: str) -> tuple[int, int, str] | None:
    """(width, height, path) of one icon, as Font Awesome's script draws it."""
    key = f'(?:"{re.escape(name)}"|\\b{re.escape(name)})' if name.isidentifier() \
        else f'"{re.escape(name)}"'
    m = re.search(key + r':\[(\d+),(\d+),\[[^\]]*\],"[^"]*",("(?:[^"\\]|\\.)*")\]',
                  packs.get(prefix, ""))
    if not m:
        return None
    return int(m[1]), int(m[2]), json.loads(m[3])


def inline_icons(html: str, packs: dict[str, str]) -> str:
    """Every ``<i class="fa-...">`` icon of a page as the ``<svg>`` Font Awesome draws."""

    def svg(m):
        classes = m[1].split()
        prefix = next((_STYLE_CLASSES[c] for c in classes if c in _STYLE_CLASSES), "fas")
        names = [c[3:] for c in classes if c.startswith("fa-") and c not in _NOT_ICON_NAMES]
        for name in names:
            data = icon_svg_data(packs, prefix, name)
            if data:
                break
        else:
            return m[0]
        width, height, path = data
        attrs = m[2]
        if "aria-hidden" not in attrs:
            attrs += ' aria-hidden="true"'
        return (f'<svg class="{m[1]} svg-inline--fa" data-icon="{name}"{attrs} focusable="false" '
                f'role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
                f'<path fill="currentColor" d="{path}"></path></svg>')

    return _FA_SCRIPT.sub("", _ICON.sub(svg, html))


# ---------------------------------------------------------------- 2. search index

_SEARCH_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)">'
    r"</script>")


def drop_search_scripts(html: str) -> str:
    return _SEARCH_SCRIPTS.sub("", html)


_DESIGN = re.compile(r'\s*<(?:link rel="stylesheet" type="text/css" '
                     r'href="[^"]*sphinx-design\.min\.css[^"]*" />'
                     r'|script [^>]*src="[^"]*design-tabs\.js[^"]*"></script>)')
_LAUNCH_LOGO = re.compile(r'<img alt="([^"]*)" src="([^"]*_static/images/logo_[^"]*)"')


def lighter_head(html: str) -> str:
    """No sphinx-design files on a page that uses none of its components, and the
    launch menu's logos only when the menu opens (two requests fewer per page)."""
    body = html[html.find("<body"):]
    if not re.search(r'class="[^"]*\bsd-', body):
        html = _DESIGN.sub("", html)
    return _LAUNCH_LOGO.sub(r'<img alt="\1" loading="lazy" src="\2"', html)


# ---------------------------------------------------------------- 3. figures

_ARTICLE = re.compile(r'(<article class="bd-article"[^>]*>)(.*?)(</article>)', re.S)
_IMG = re.compile(r'<img ([^>]*?)src="([^"]*_images/[^"]+)"([^>]*)>')


WIDE = 700  # px: a figure wider than this keeps 70 % of its size on a phone (CSS)


def png_size(path: pathlib.Path) -> tuple[int, int] | None:
    """Width and height of a PNG file, from its header."""
    try:
        with open(path, "rb") as f:
            head = f.read(24)
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def link_figures(html: str, folder: pathlib.Path | None = None) -> str:
    """Chapter images lazy and wrapped in a link to the full-size file.

    With ``folder`` (the page's folder in the build) images get their width and height
    (no layout shift while they load) and wide ones the class ``lossbook-wide``.
    """

    def article(m):
        body = m[2]
        out, last = [], 0
        for img in _IMG.finditer(body):
            before = body[:img.start()]
            out.append(body[last:img.start()])
            tag = img[0]
            if "loading=" not in tag:
                extra = ' loading="lazy" decoding="async"'
                size = png_size(folder / img[2]) if folder is not None else None
                if size and "width=" not in tag:
                    extra += f' width="{size[0]}" height="{size[1]}"'
                    if size[0] > WIDE and "_anim_img" not in tag:
                        extra += f' style="--lossbook-natural-width: {size[0]}px"'
                        tag = tag.replace("<img ", '<img class="lossbook-wide" ', 1)
                tag = tag[:-1].rstrip("/").rstrip() + extra + ">"
            inside_link = before.rfind("<a ") > before.rfind("</a>")
            if not inside_link and "_anim_img" not in tag:
                tag = f'<a class="lossbook-figure-link" href="{img[2]}">{tag}</a>'
            out.append(tag)
            last = img.end()
        out.append(body[last:])
        return m[1] + "".join(out) + m[3]

    return _ARTICLE.sub(article, html)


# ---------------------------------------------------------------- 4. animations

_FRAME = re.compile(r'(frames\[\d+\] = ")data:image/png;base64,([A-Za-z0-9+/=\\\n]+)(")')
_PRELOAD = re.compile(r"this\.frames\[i\] = new Image\(\);\s*this\.frames\[i\]\.src = frames\[i\];")
_ANIM_IMG = re.compile(r'<img id="_anim_img(\w+)"([^>]*)>')


def externalise_frames(html: str, images: pathlib.Path, prefix: str) -> str:
    """Animation frames as files in ``images``, fetched by the player when shown."""
    if "_anim_img" not in html:
        return html
    first = {}

    def frame(m):
        png = base64.b64decode(m[2].replace("\\\n", "").replace("\n", ""))
        name = "anim-" + hashlib.sha256(png).hexdigest()[:32] + ".png"
        path = images / name
        if not path.exists():
            path.write_bytes(png)
        first.setdefault(m.start(), name)
        return f"{m[1]}{prefix}{name}{m[3]}"

    html = _FRAME.sub(frame, html)
    html = _PRELOAD.sub("this.frames[i] = {src: frames[i]};", html)

    # The player's <img> shows its first frame before any script runs, and lazily.
    def img(m):
        script = html.find(f'var img_id = "_anim_img{m[1]}"', m.end())
        first_frame = re.search(r'frames\[0\] = "([^"]+)"', html[script:]) if script >= 0 else None
        attrs = m[2]
        if first_frame and " src=" not in attrs:
            attrs += f' src="{first_frame[1]}"'
        if "loading=" not in attrs:
            attrs += ' loading="lazy" decoding="async"'
        return f'<img id="_anim_img{m[1]}"{attrs}>'

    return _ANIM_IMG.sub(img, html)


# ---------------------------------------------------------------- 5./6. anchors

_SECTION_ID = re.compile(r'<section([^>]*?) id="([^"]+)"')


def section_ids(html: str) -> list[str]:
    return [m[2] for m in _SECTION_ID.finditer(_ARTICLE.search(html)[2])] \
        if _ARTICLE.search(html) else []


def anchor_map(ko_html: str, en_html: str) -> dict[str, str]:
    """Korean section id -> its English twin's section id, by position.

    Explicit ``ko-...`` labels stay; every other Korean section id is replaced (so a
    Korean section may take an id another Korean section had before).
    """
    ko, en = section_ids(ko_html), section_ids(en_html)
    if len(ko) != len(en):
        return {}
    kept = {old for old in ko if old.startswith("ko-")}
    taken = set(re.findall(r'\bid="([^"]+)"', ko_html)) - (set(ko) - kept)
    mapping = {}
    for old, new in zip(ko, en, strict=True):
        if old in kept or new in taken:
            continue
        if old != new:
            mapping[old] = new
        taken.add(new)
    return mapping


_NUMBERED_ID = re.compile(r"id\d+")
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)(?:<a class=\"headerlink\"|</h[1-6]>)", re.S)


def slug(text: str) -> str:
    """A heading's text as Sphinx/docutils would make an id of it (ASCII words)."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def readable_ids(html: str) -> dict[str, str]:
    """Sections of an English page still called ``id2`` (a heading repeating another,
    e.g. the page title): their heading's words, numbered (``gradient-descent-2``)."""
    taken = set(re.findall(r'\bid="([^"]+)"', html))
    mapping = {}
    for m in _SECTION_ID.finditer(html):
        if not _NUMBERED_ID.fullmatch(m[2]):
            continue
        heading = _HEADING.search(html, m.end())
        base = slug(heading[1]) if heading else ""
        if not base:
            continue
        k = 2
        while f"{base}-{k}" in taken:
            k += 1
        mapping[m[2]] = f"{base}-{k}"
        taken.add(mapping[m[2]])
    return mapping


def rename_sections(html: str, mapping: dict[str, str]) -> str:
    def section(m):
        return f'<section{m[1]} id="{mapping.get(m[2], m[2])}"'

    return _SECTION_ID.sub(section, html)


def rewrite_links(html: str, page: str, targets: dict[str, dict[str, str]]) -> str:
    """Links to renamed anchors (``page`` relative to the build root, posix)."""
    folder = page.rsplit("/", 1)[0] if "/" in page else ""

    def href(m):
        url = m[2]
        path, _, frag = url.partition("#")
        if not frag:
            return m[0]
        if path:
            parts = (folder.split("/") if folder else []) + path.split("/")
            stack = []
            for part in parts:
                if part == "..":
                    if stack:
                        stack.pop()
                elif part and part != ".":
                    stack.append(part)
            target = "/".join(stack)
        else:
            target = page
        new = targets.get(target, {}).get(frag)
        return f'{m[1]}{path}#{new}"' if new else m[0]

    return re.sub(r'(href=")([^"]*#[^"]*)"', href, html)


def twin_script(html: str, twin_sections: list[str], twin_href: str) -> str:
    data = json.dumps({"href": twin_href, "sections": twin_sections})
    tag = ('<script type="application/json" id="lossbook-twin">'
           f"{html_lib.escape(data, quote=False)}</script>")
    html = re.sub(r'<script type="application/json" id="lossbook-twin">.*?</script>\n?', "", html)
    return html.replace("</body>", tag + "\n</body>", 1)


def rewrite_search_index(path: pathlib.Path, targets: dict[str, dict[str, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    head, tail = "Search.setIndex(", ")"
    if not text.startswith(head):
        return
    index = json.loads(text[len(head):text.rstrip().rindex(tail)])
    docnames = index["docnames"]
    for key in ("alltitles", "indexentries"):
        for entries in index.get(key, {}).values():
            for entry in entries:
                if isinstance(entry, list) and len(entry) >= 2 and isinstance(entry[1], str):
                    entry[1] = targets.get(docnames[entry[0]] + ".html", {}).get(entry[1], entry[1])
    path.write_text(head + json.dumps(index, ensure_ascii=True, separators=(",", ":")) + tail,
                    encoding="utf-8")


# ---------------------------------------------------------------- 7./8./9.

_PREV_NEXT = re.compile(r'(<a class="(left-prev|right-next)"\s+href="([^"]*)".*?</a>)', re.S)


def same_language_prev_next(html: str, page: str) -> str:
    lang = page.split("/")[1] if page.startswith("book/") and page.count("/") == 2 else None
    if lang not in LANG_DIRS:
        return html

    def keep(m):
        href = m[3]
        other = [d for d in LANG_DIRS if d != lang][0]
        if href.startswith(f"../{other}/"):  # the bilingual landing page may stay
            return ""
        return m[0]

    return _PREV_NEXT.sub(keep, html)


SOLUTION_LABELS = {"ko": ("풀이 보기", "풀이 숨기기"), "en": ("Show solution", "Hide solution")}
_SOLUTION = re.compile(
    r'(<div class="cell tag_solution[^"]*">\s*<details[^>]*>\s*<summary>\s*'
    r'<p class="collapsed admonition-title">)[^<]*(</p>\s*<p class="expanded admonition-title">)'
    r'[^<]*(</p>)')


def label_solutions(html: str, lang: str) -> str:
    show, hide = SOLUTION_LABELS[lang]
    return _SOLUTION.sub(lambda m: f"{m[1]}{show}{m[2]}{hide}{m[3]}", html)


PDF_LABELS = {"ko": "책 전체 PDF", "en": "Whole book (PDF)"}
_DOWNLOAD_MENU = re.compile(
    r'(<div class="dropdown dropdown-download-buttons">.*?<ul class="dropdown-menu">)', re.S)


def pdf_edition_item(html: str, lang: str, href: str) -> str:
    """The download menu also offers the PDF edition of the page's language (its
    ".pdf" item prints the page: the print stylesheet makes that readable too)."""
    if "lossbook-pdf-edition" in html:
        return html
    item = (f'\n<li><a href="{href}" class="btn btn-sm dropdown-item lossbook-pdf-edition" '
            f'title="{PDF_LABELS[lang]}">'
            '<span class="btn__icon-container"><i class="fas fa-file-pdf"></i></span>'
            f'<span class="btn__text-container">{PDF_LABELS[lang]}</span></a></li>')
    return _DOWNLOAD_MENU.sub(lambda m: m[1] + item, html, count=1)


def mark_twin_links(html: str) -> str:
    """The 🌐 paragraphs (tools/nbbuild.py writes them) get a class: print hides them."""
    globe = "\N{GLOBE WITH MERIDIANS} "
    return html.replace("<p>" + globe, '<p class="lossbook-twin-link">' + globe)


def mark_glossary(html: str) -> str:
    return html.replace('<table class="table">', '<table class="table lossbook-glossary">', 1)


# ---------------------------------------------------------------- the build step


def page_language(page: str) -> str | None:
    parts = page.split("/")
    return parts[1] if len(parts) == 3 and parts[0] == "book" and parts[1] in LANG_DIRS else None


def fix_build(outdir: pathlib.Path, fontawesome: pathlib.Path) -> None:
    packs = fontawesome_packs(fontawesome.read_text(encoding="utf-8"))
    images = outdir / "_images"
    images.mkdir(exist_ok=True)
    pages = {p.relative_to(outdir).as_posix(): p for p in sorted(outdir.rglob("*.html"))
             if p.relative_to(outdir).parts[0] not in SKIP_DIRS}
    texts = {rel: p.read_text(encoding="utf-8") for rel, p in pages.items()}

    # Anchors first: every page's links may point at them. English sections still
    # numbered get readable ids, then Korean sections take their twin's ids.
    targets: dict[str, dict[str, str]] = {}
    for rel in texts:
        if page_language(rel) == "en":
            mapping = readable_ids(texts[rel])
            if mapping:
                targets[rel] = mapping
                texts[rel] = rename_sections(texts[rel], mapping)
    for rel in texts:
        if page_language(rel) == "ko":
            twin = rel.replace("book/ko/", "book/en/", 1)
            if twin in texts:
                mapping = anchor_map(texts[rel], texts[twin])
                if mapping:
                    targets[rel] = mapping
                    texts[rel] = rename_sections(texts[rel], mapping)

    for rel, html in texts.items():
        lang = page_language(rel)
        new = rewrite_links(html, rel, targets) if targets else html
        if lang and (outdir / f"lossbook-{lang}.pdf").exists():
            new = pdf_edition_item(new, lang, "../" * rel.count("/") + f"lossbook-{lang}.pdf")
        new = inline_icons(new, packs)
        if rel != "search.html":
            new = drop_search_scripts(new)
        new = lighter_head(new)
        if lang:
            depth = "../" * rel.count("/")
            new = link_figures(new, pages[rel].parent)
            new = externalise_frames(new, images, depth + "_images/")
            new = same_language_prev_next(new, rel)
            new = label_solutions(new, lang)
            new = mark_twin_links(new)
            other = "en" if lang == "ko" else "ko"
            twin = rel.replace(f"book/{lang}/", f"book/{other}/", 1)
            if twin in texts:
                href = f"../{other}/" + twin.rsplit("/", 1)[1]
                new = twin_script(new, section_ids(texts[twin]), href)
            if rel.endswith("/glossary.html"):
                new = mark_glossary(new)
        if new != html or rel in targets:
            pages[rel].write_text(new, encoding="utf-8")
    if targets and (outdir / "searchindex.js").exists():
        rewrite_search_index(outdir / "searchindex.js", targets)


def on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    import pydata_sphinx_theme

    fontawesome = (pathlib.Path(pydata_sphinx_theme.__file__).parent / "theme" /
                   "pydata_sphinx_theme" / "static" / "scripts" / "fontawesome.js")
    fix_build(pathlib.Path(app.outdir), fontawesome)


def setup(app):
    # after lossbook_html's fixes (400) and Korean interface (500)
    app.connect("build-finished", on_build_finished, priority=700)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
