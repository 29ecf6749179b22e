"""Check every internal link of the built HTML book: the file exists, and so does the anchor.

Sphinx's ``-n -W`` catches broken references in the sources; this catches what
reaches the reader: every ``href``/``src`` inside ``_build/html`` that points to
a local file (relative or root-relative) must resolve, and a ``#fragment`` must
name an ``id`` in the target page. External links (http, mailto, ...) are not
followed: the checks run with no network.

Usage: ``python tools/check_links.py [--build _build/html]``; exit 1 on any broken link.
"""

from __future__ import annotations

import argparse
import html.parser
import pathlib
import sys
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]
SKIP_DIRS = {"_sources", "_static"}  # vendored theme/MathJax files, not our pages


class Links(html.parser.HTMLParser):
    """Collect the ids defined in a page and the local links it makes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            value = attrs.get(key)
            if value and not (tag == "link" and attrs.get("rel") == "preconnect"):
                self.links.append(value)


def parse(path: pathlib.Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def check(build: pathlib.Path) -> tuple[int, int, list[str]]:
    pages = [p for p in build.rglob("*.html")
             if not SKIP_DIRS.intersection(p.relative_to(build).parts)]
    cache: dict[pathlib.Path, Links] = {}

    def links_of(path):
        if path not in cache:
            cache[path] = parse(path)
        return cache[path]

    problems, checked = [], 0
    for page in sorted(pages):
        for link in links_of(page).links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or link.startswith(("//", "data:", "javascript:")):
                continue  # external, inline or script: not a file of the book
            checked += 1
            if url.path:
                base = build if url.path.startswith("/") else page.parent
                target = (base / urllib.parse.unquote(url.path.lstrip("/"))).resolve()
            else:
                target = page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(build)}: {link}"
            if build.resolve() not in target.parents and target != build.resolve():
                problems.append(f"{where} points outside the book")
            elif not target.exists():
                problems.append(f"{where} -> missing file")
            elif url.fragment and target.suffix == ".html":
                fragment = urllib.parse.unquote(url.fragment)
                if fragment not in links_of(target).ids:
                    problems.append(f"{where} -> no #{fragment} in {target.name}")
    return len(pages), checked, problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "_build" / "html"))
    args = parser.parse_args(argv)
    build = pathlib.Path(args.build)
    if not (build / "index.html").exists():
        print(f"link check: no built book in {build}")
        return 1
    pages, checked, problems = check(build)
    print(f"link check: {pages} pages, {checked} internal links, {len(problems)} broken")
    for line in problems:
        print("  - " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
