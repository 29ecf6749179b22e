"""book/_ext/korean_search.py: Korean words in the book's search.

The index side (``split``) and the query side (``QUERY_JS``, run here in Node.js, and
its Python twin ``query_terms``) must agree: every term a query looks up is in the
index of any text that contains the query word, with a particle or more attached.
The browser tests (tests/browser/test_search.py) measure the same thing through the real
search page.
"""

import json
import pathlib
import random
import shutil
import subprocess

import pytest
import yaml
from korean_search import (
    _WORD,
    PARTICLES,
    QUERY_JS,
    STEMMER_JS,
    SearchEnglishKorean,
    bigrams,
    index_terms,
    query_terms,
    strip_particle,
)
from sphinx.search.en import SearchEnglish

ROOT = pathlib.Path(__file__).resolve().parents[1]

TERMS = ["손실", "기울기", "학습률", "가중치", "미분", "확률", "편향", "오차", "활성화", "최솟값",
         "경사 하강법", "교차 엔트로피", "엔트로피"]
ATTACHED = ["", "을", "를", "이", "가", "은", "는", "의", "에서", "으로", "과", "와", "도",
            "입니다", "함수", "함수는", "하면", "했다"]


@pytest.fixture(scope="module")
def lang():
    return SearchEnglishKorean({})


def indexed(lang, text):
    """The index terms Sphinx stores for ``text`` (IndexBuilder.feed: split, stem, lower)."""
    return {lang.stem(w).lower() for w in lang.split(text) if lang.word_filter(w)}


def looked_up(lang, query):
    """The terms the search page looks up for ``query`` (searchtools.js _parseQuery)."""
    return {lang.stem(t.lower()) for w in _WORD.findall(query) for t in query_terms(w)}


@pytest.mark.parametrize("word, keep, expected", [
    ("손실을", 1, "손실"), ("기울기가", 1, "기울기"), ("학습률은", 1, "학습률"),
    ("가중치를", 1, "가중치"), ("최솟값에서", 1, "최솟값"), ("확률로", 1, "확률"),
    ("손실함수의", 1, "손실함수"), ("활성화", 1, "활성화"), ("값을", 1, "값"),
    ("값을", 2, "값을"), ("결과", 2, "결과"), ("편향입니다", 1, "편향"), ("미분", 1, "미분"),
])
def test_strip_particle(word, keep, expected):
    assert strip_particle(word, keep) == expected


def test_particles_longest_first():
    assert PARTICLES.index("에서") < PARTICLES.index("에")
    assert PARTICLES.index("으로") < PARTICLES.index("로")
    assert strip_particle("모델에서는") == "모델"


def test_bigrams():
    assert bigrams("손실함수") == ["손실", "실함", "함수"]
    assert bigrams("값") == ["값"]


def test_index_terms():
    assert index_terms("gradient") == ["gradient"]
    terms = index_terms("손실함수는")
    assert {"손실함수는", "손실함수", "손실", "함수"} <= set(terms)
    assert len(terms) == len(set(terms))
    assert "ReLU" in index_terms("ReLU는") and "값" in index_terms("x값을")


def test_query_terms():
    assert query_terms("손실을") == ["손실"]
    assert query_terms("학습률") == ["학습", "습률"]
    assert query_terms("결과") == ["결과"]
    assert query_terms("ReLU는") == ["ReLU"]
    assert query_terms("x값을") == ["x", "값을"]
    assert query_terms("gradient") == ["gradient"]


@pytest.mark.parametrize("term", TERMS)
def test_every_attached_form_is_found(lang, term):
    """A query finds the term with any particle or compound attached, before or after."""
    for before in ("", "교차"):
        for after in ATTACHED:
            text = f"이 장은 {before}{term}{after} 다룹니다."
            assert looked_up(lang, term) <= indexed(lang, text), (term, text)


def test_one_letter_word(lang):
    """A one-letter word is found with particles attached, not inside compounds
    (Hangul is indexed in pieces of two letters)."""
    for after in ("", "을", "이", "은", "에서"):
        assert looked_up(lang, "값") <= indexed(lang, f"가장 작은 값{after} 찾는다")
    assert not looked_up(lang, "값") <= indexed(lang, "최솟값")


def test_query_with_particle_finds_bare_word(lang):
    assert looked_up(lang, "손실을") <= indexed(lang, "손실이 줄어든다")
    assert looked_up(lang, "ReLU는") <= indexed(lang, "ReLUs are piecewise linear")
    assert looked_up(lang, "기울기가") <= indexed(lang, "기울기")


def test_unrelated_text_is_not_found(lang):
    assert not looked_up(lang, "확률") <= indexed(lang, "손실 함수와 기울기")
    assert not looked_up(lang, "학습률") <= indexed(lang, "학습 속도와 비율")  # 학습, 률 apart


def test_english_indexing_unchanged(lang):
    text = ("The gradients of the losses flow backwards; ReLU activations and "
            "sigmoid_cross_entropy with 3 layers.")
    assert lang.split(text) == SearchEnglish({}).split(text)
    english = SearchEnglish({})
    assert indexed(lang, text) == {english.stem(w).lower() for w in english.split(text)
                                   if english.word_filter(w)}
    assert looked_up(lang, "gradient") <= indexed(lang, text)


def test_extension_registered_in_config():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["local_extensions"].get("korean_search") == "book/_ext"


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_javascript_twin_agrees():
    """QUERY_JS (the page's splitQuery) and STEMMER_JS give what the Python twin gives."""
    rng = random.Random(11)
    syllables = "손실기울학습률가중치미분확률편향오차활성화최솟값을를이가은는의에서으로과와도만"
    queries = ["손실", "손실을 기울기가", "학습률은", "ReLU는 gradient", "최솟값에서는", "값을",
               "결과", "cross-entropy 손실함수", "x값", "Gradients, losses"]
    queries += ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 7)))
                for _ in range(300)]
    script = (QUERY_JS + STEMMER_JS + """
const stemmer = new Stemmer();
const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(queries.map((q) => splitQuery(q)
    .map((t) => stemmer.stemWord(t.toLowerCase())))));
""")
    out = subprocess.run([NODE, "-e", script], input=json.dumps(queries), text=True,
                         capture_output=True, check=True).stdout
    lang = SearchEnglishKorean({})
    expected = [[lang.stem(t.lower()) for w in _WORD.findall(q) for t in query_terms(w)]
                for q in queries]
    assert json.loads(out) == expected


def as_list(entry):
    """A searchindex.js entry: one document number or a list of them."""
    return [] if entry is None else [entry] if isinstance(entry, int) else entry


def test_sphinx_build_uses_it(tmp_path):
    """A two-page Sphinx build with the extension: the index holds 손실 for a page that
    only says 손실을, and the search page gets the Korean query splitter."""
    from sphinx.cmd.build import build_main

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['korean_search']\nlanguage = 'en'\n", encoding="utf-8")
    (src / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   ko\n", encoding="utf-8")
    (src / "ko.rst").write_text("목적 함수\n=========\n\n교차 엔트로피 손실을 최소화하는 가중치를 "
                                "찾는다. Gradients flow.\n", encoding="utf-8")
    out = tmp_path / "html"
    assert build_main(["-q", "-b", "html", str(src), str(out)]) == 0
    index = (out / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(index[index.index("(") + 1: index.rindex(")")])
    ko = data["docnames"].index("ko")
    for term in ("손실", "가중치", "가중", "엔트로피", "트로", "gradient", "flow"):
        assert ko in as_list(data["terms"].get(term)), term
    language_data = (out / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "lossbookQueryTerms" in language_data and "LossbookPorterStemmer" in language_data
