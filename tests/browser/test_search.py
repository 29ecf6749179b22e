"""The book's search page, in both languages: it finishes, finds, and finds what is there.

Recall: for each term of ``SEARCH_RECALL`` the pages the real search page lists, against
the pages whose article text holds the term; summed over a language's terms, the share of
pages listed must reach the threshold (Korean words with particles attached:
book/_ext/korean_search.py).
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from .helpers import pages, settle

SEARCH_TERMS = ("손실", "gradient")
SEARCH_RECALL = {  # terms whose every page the search page must list (recall >= the value)
    "ko": (("손실", "기울기", "학습률", "가중치", "미분", "확률", "편향", "오차", "활성화",
            "최솟값"), 0.95),
    "en": (("loss", "gradient", "derivative", "weight", "activation", "optimizer",
            "perceptron", "sigmoid"), 0.95),
}


def article_text(path) -> str:
    """The text of a built page's ``<article>`` (what the search index is made from),
    without scripts and styles."""
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").article
    if article is None:
        return ""
    for tag in article.find_all(["script", "style"]):
        tag.decompose()
    return article.get_text(" ")


def holds(text: str, term: str, lang: str) -> bool:
    """Ground truth: a Korean term anywhere in the text (particles attach to it, compounds
    contain it); an English one as a word, any case, plural and -ed/-ing forms included
    (what the English stemmer joins: gradient, gradients; not lossbook for loss)."""
    if lang == "ko":
        return term in text
    return re.search(rf"\b{re.escape(term)}(s|es|ed|ing)?\b", text, re.I) is not None


def search(page, base_url: str, term: str) -> set[str] | None:
    """The pages (relative to the site) the search page lists for ``term``; None if the
    search did not finish. A Hangul query gets the Korean search page (book/_static/
    lossbook.js), whose closing line is Korean."""
    from playwright.sync_api import Error

    page.goto(base_url + "search.html?q=" + urllib.parse.quote(term))
    try:
        page.wait_for_function(
            """() => { const s = document.querySelector('#search-results .search-summary');
                       const done = /Search finished|did not match|검색을 마쳤|맞는 문서가 없/;
                       return s && done.test(s.innerText); }""",
            timeout=20000)
    except Error:
        return None
    # The results page fetches each hit's page for its summary; let those finish, or
    # the next search aborts them.
    settle(page)
    hrefs = page.eval_on_selector_all("#search-results ul.search li a",
                                      "els => els.map(a => a.href)")
    root = urllib.parse.urlsplit(base_url).path
    return {urllib.parse.urlsplit(h).path[len(root):] for h in hrefs}


@pytest.mark.parametrize("term", SEARCH_TERMS)
def test_search_finds_the_term(term, new_page, base_url):
    page = new_page()
    listed = search(page, base_url, term)
    assert listed is not None, f"the search for {term!r} did not finish"
    assert listed, f"the search for {term!r} found nothing"
    assert page.console_errors == [] and page.failed_requests == []


@pytest.mark.parametrize("lang", SEARCH_RECALL)
def test_search_recall(lang, new_page, base_url, site_dir, record_property):
    terms, threshold = SEARCH_RECALL[lang]
    texts = {rel: article_text(site_dir / rel) for rel in pages(site=site_dir)}
    page = new_page()
    found = total = extra = 0
    missed, per_term = [], []
    for term in terms:
        truth = {rel for rel, text in texts.items() if holds(text, term, lang)}
        listed = search(page, base_url, term)
        if listed is None:
            missed.append(f"{term}: search did not finish")
            listed = set()
        found += len(truth & listed)
        total += len(truth)
        extra += len(listed - truth)
        per_term.append(f"{term} {len(truth & listed)}/{len(truth)}")
        missed += [f"{term}: {rel}" for rel in sorted(truth - listed)]
    recall = found / total if total else 0.0
    record_property("search", f"search recall {lang}: {found}/{total} = {recall:.3f} "
                              f"({extra} listed without the term; {' '.join(per_term)})")
    assert total, f"no page holds any of {terms}"
    assert recall >= threshold, f"recall {recall:.3f}; missed " + "; ".join(missed[:8])
