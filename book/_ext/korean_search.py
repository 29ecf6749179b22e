"""Korean words in the book's search (a Sphinx search language, registered in _config.yml).

Sphinx's search index holds whitespace-separated words, and Korean attaches particles
to them: the text says 손실을, 손실이, 손실함수는 and the index held those as separate
terms, so a search for 손실 listed only pages with the bare word. The page's search
script does match a query of three or more letters inside longer terms, but never one
of two (손실, 확률, 미분, 오차), and not even a longer one once that exact term exists
somewhere (학습률 then misses 학습률은).

The book's language stays ``en`` (English stemming and stop words unchanged); this
module replaces Sphinx's English search language by one that, in addition:

- index side (:meth:`SearchEnglishKorean.split`): every run of Hangul in a word adds
  the run with a trailing particle stripped (손실을 -> 손실) and every two-letter piece
  of the run (손실함수는 -> 손실, 실함, 함수, 수는), the way CJK search engines index
  bigrams; the Latin part of a mixed word is indexed on its own (ReLU는 -> relu);
- query side (``js_splitter_code``, the page's ``splitQuery``): a Hangul run loses a
  trailing particle when at least two letters remain (손실을 -> 손실; 결과 stays), and a
  word of three letters or more becomes its two-letter pieces (학습률 -> 학습, 습률),
  which the page's search requires all at once; a particle after a Latin word is
  dropped (ReLU는 -> relu). So a search lists every page whose text contains the word,
  whatever is attached to it; ``js_stemmer_code`` leaves Hangul alone and stems
  everything else with Sphinx's Porter stemmer, as before.

Limits: a one-letter word (값) is found as a word with particles (값을, 값이), not inside
compounds (최솟값); three-letter queries match pages holding all their pieces, which in
this book are the pages holding the word. The index grew from 217 to 305 kB.

``QUERY_JS`` and :func:`query_terms` are the same algorithm: tests/test_search_ko.py
runs both (the JavaScript in Node.js) on the same queries, and the browser check
measures recall through the real search page.
"""

from __future__ import annotations

import json
import re

from sphinx.search.en import SearchEnglish, js_porter_stemmer

HANGUL = re.compile(r"[\uac00-\ud7a3]+")  # precomposed Hangul syllables
_WORD = re.compile(r"\w+")

# Common particles and copula endings, longest first (a suffix is stripped once).
PARTICLES = tuple(sorted({
    "에서는", "에서도", "에게서", "으로는", "으로도", "으로써", "으로서", "이라는", "이라고",
    "이라면", "이지만", "입니다", "이므로", "에서", "에게", "에는", "에도", "으로", "부터",
    "까지", "보다", "처럼", "만큼", "마다", "과는", "와는", "과의", "와의", "로는", "로도",
    "로서", "로써", "이나", "이며", "이고", "이다", "이란", "라는", "라고", "란", "은", "는",
    "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로",
}, key=lambda p: (-len(p), p)))


def strip_particle(word: str, keep: int = 1) -> str:
    """``word`` without its trailing particle, if at least ``keep`` letters remain."""
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= keep:
            return word[: -len(particle)]
    return word


def bigrams(run: str) -> list[str]:
    """The two-letter pieces of a Hangul run (the run itself if it is shorter)."""
    return [run[k:k + 2] for k in range(len(run) - 1)] or [run]


def index_terms(word: str) -> list[str]:
    """What one word of the text adds to the search index (before stemming)."""
    if not HANGUL.search(word):
        return [word]
    terms = [word]
    terms += [part for part in HANGUL.split(word) if part]  # ReLU는 -> ReLU
    for run in HANGUL.findall(word):
        terms.append(strip_particle(run))
        terms += bigrams(run)
    return list(dict.fromkeys(terms))


def query_terms(word: str) -> list[str]:
    """What one word of a search query looks up (Python twin of ``QUERY_JS``)."""
    if not HANGUL.search(word):
        return [word]
    latin = [part for part in HANGUL.split(word) if part]
    terms = list(latin)
    for run in HANGUL.findall(word):
        if latin and run in PARTICLES:  # ReLU는 -> relu
            continue
        run = strip_particle(run, keep=2)
        terms += bigrams(run) if len(run) > 2 else [run]
    return list(dict.fromkeys(terms))


QUERY_JS = """
/* lossbook: Korean words in search queries (book/_ext/korean_search.py) */
var LOSSBOOK_PARTICLES = __PARTICLES__;
var LOSSBOOK_HANGUL = /[\\uac00-\\ud7a3]+/g;
function lossbookStripParticle(word, keep) {
  for (const p of LOSSBOOK_PARTICLES) {
    if (word.endsWith(p) && word.length - p.length >= keep) return word.slice(0, -p.length);
  }
  return word;
}
function lossbookQueryTerms(word) {
  const runs = word.match(LOSSBOOK_HANGUL);
  if (!runs) return [word];
  const latin = word.split(LOSSBOOK_HANGUL).filter((part) => part);
  const terms = [...latin];
  for (let run of runs) {
    if (latin.length && LOSSBOOK_PARTICLES.includes(run)) continue;  // ReLU는 -> relu
    run = lossbookStripParticle(run, 2);
    if (run.length > 2) {
      for (let k = 0; k + 1 < run.length; k++) terms.push(run.slice(k, k + 2));
    } else {
      terms.push(run);
    }
  }
  return [...new Set(terms)];
}
var splitQuery = function (query) {
  return query
    .split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu)
    .filter((term) => term)
    .flatMap(lossbookQueryTerms);
};
""".replace("__PARTICLES__", json.dumps(PARTICLES, ensure_ascii=False))

STEMMER_JS = js_porter_stemmer + """
/* lossbook: Hangul terms are looked up as they are (book/_ext/korean_search.py) */
var LossbookPorterStemmer = Stemmer;
Stemmer = function () {
  const porter = new LossbookPorterStemmer();
  this.stemWord = (w) => (/[\\uac00-\\ud7a3]/.test(w) ? w : porter.stemWord(w));
};
"""


class SearchEnglishKorean(SearchEnglish):
    """Sphinx's English search (Porter stemming, stop words) plus Korean words."""

    js_splitter_code = QUERY_JS
    js_stemmer_code = STEMMER_JS

    def split(self, input: str) -> list[str]:
        return [term for word in _WORD.findall(input) for term in index_terms(word)]

    def stem(self, word: str) -> str:
        if HANGUL.search(word):
            return word
        return super().stem(word)


def setup(app):
    app.add_search_language(SearchEnglishKorean)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
