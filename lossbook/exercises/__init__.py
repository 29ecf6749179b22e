"""Checks that answer back: instant feedback on the exercises of each chapter.

A learner cell holds a placeholder (``answer = ...`` or a function whose body is
``...``) and ends with a check from the chapter's module, e.g.
``lossbook.exercises.ch01``. The check compares the answer with lossbook's own
implementation and prints one line in the notebook's language:

- ``⏳`` not attempted yet, while the placeholder is still there;
- ``❌`` what is wrong and where ("differs at index 3: got …, expected …");
- ``✅`` correct.

The core functions below return a :class:`Feedback` (status and message) so they
can be tested; the chapter modules print it with :func:`report`. A chapter
module reads like this::

    from ..losses import mean_squared_error
    from . import compare_function, report, say

    def mse(fn):
        # Exercise 1: write the mean squared error.
        cases = [([1.0, 0.0], [0.8, 0.1]), ([[1, 2], [3, 4]], [[1, 2], [3, 5]])]
        report(say("연습 1", "Exercise 1"), compare_function(fn, mean_squared_error, cases))
 Messages use
:func:`lossbook._lang.detected_language`; where the language cannot be told
(Colab), they speak both languages.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from .._lang import detected_language

__all__ = [
    "Feedback",
    "say",
    "report",
    "is_placeholder",
    "exercise_name",
    "not_attempted",
    "wrong",
    "labelled",
    "first_not_correct",
    "compare_values",
    "compare_function",
    "compare_choices",
    "NOT_ATTEMPTED",
    "WRONG",
    "CORRECT",
]

NOT_ATTEMPTED = "not attempted"
WRONG = "wrong"
CORRECT = "correct"
_MARK = {NOT_ATTEMPTED: "⏳", WRONG: "❌", CORRECT: "✅"}


def say(ko: str, en: str) -> str:
    """The message in the notebook's language, or both when it is unknown."""
    lang = detected_language()
    if lang == "ko":
        return ko
    if lang == "en":
        return en
    return f"{ko} / {en}"


@dataclasses.dataclass(frozen=True)
class Feedback:
    """The outcome of a check: ``status`` is NOT_ATTEMPTED, WRONG or CORRECT."""

    status: str
    message: str

    @property
    def ok(self) -> bool:
        return self.status == CORRECT

    def __str__(self) -> str:
        return f"{_MARK[self.status]} {self.message}"


def report(name: str, feedback: Feedback) -> None:
    """Print ``feedback`` headed by the exercise's ``name``.

    Returns nothing, so a check on the last line of a cell prints one line only.
    """
    print(f"{name}: {feedback}")


def is_placeholder(value) -> bool:
    """True for the placeholders learner cells start with: ``...`` and ``None``."""
    return value is Ellipsis or value is None


def exercise_name(k: int) -> str:
    """The heading of exercise ``k`` in the notebook's language: "연습 3" / "Exercise 3"."""
    return say(f"연습 {k}", f"Exercise {k}")


def not_attempted(hint_ko: str = "", hint_en: str = "") -> Feedback:
    """The placeholder is still there (with an optional hint on what to write)."""
    return Feedback(
        NOT_ATTEMPTED,
        say("아직 풀지 않았습니다" + (f" ({hint_ko})" if hint_ko else "") + ".",
            "not attempted yet" + (f" ({hint_en})" if hint_en else "") + "."),
    )


def wrong(ko: str, en: str) -> Feedback:
    """A wrong answer, said in the notebook's language."""
    return Feedback(WRONG, say(ko, en))


def labelled(label_ko: str, label_en: str, feedback: Feedback) -> Feedback:
    """Prefix a part's name ("dW: …") to a feedback that is not correct."""
    if feedback.ok:
        return feedback
    return Feedback(feedback.status, say(label_ko, label_en) + ": " + feedback.message)


def first_not_correct(*feedbacks: Feedback) -> Feedback:
    """One feedback for a question in several parts: "not attempted" while every part
    is, else the first part that is not correct, else correct."""
    if all(fb.status == NOT_ATTEMPTED for fb in feedbacks):
        return feedbacks[0]
    return next((fb for fb in feedbacks if not fb.ok), feedbacks[0])


def _fmt(value) -> str:
    if isinstance(value, (float, np.floating)):
        return str(float(f"{float(value):.10g}"))
    return repr(value)


def compare_values(got, expected, *, rtol: float = 1e-7, atol: float = 1e-10) -> Feedback:
    """Compare a number or array ``got`` with ``expected``.

    Checks, in order: placeholder, something numeric, shape, finite values, and
    ``|got - expected| <= atol + rtol·|expected|`` entry by entry; a wrong answer
    names the first entry that differs and how many others do.
    """
    if is_placeholder(got):
        return not_attempted()
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        kind = type(got).__name__
        return wrong(f"숫자(또는 배열)가 필요한데 {kind} 입니다: {got!r}",
                     f"expected a number or array, got {kind}: {got!r}")
    exp_arr = np.asarray(expected, dtype=float)
    if got_arr.shape != exp_arr.shape:
        return wrong(f"모양(shape)이 다릅니다: {got_arr.shape}, 기대한 모양은 {exp_arr.shape}",
                     f"shape differs: got {got_arr.shape}, expected {exp_arr.shape}")
    bad = ~np.isclose(got_arr, exp_arr, rtol=rtol, atol=atol) | ~np.isfinite(got_arr)
    if not bad.any():
        return Feedback(CORRECT, say("맞았습니다!", "correct!"))
    if exp_arr.ndim == 0:
        g, e = _fmt(got_arr.item()), _fmt(exp_arr.item())
        return wrong(f"값이 다릅니다: {g}, 기대한 값은 {e}",
                     f"value differs: got {g}, expected {e}")
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    index = first[0] if len(first) == 1 else first
    g, e = _fmt(got_arr[first].item()), _fmt(exp_arr[first].item())
    others = int(bad.sum()) - 1
    more_ko = f" (그 밖에 {others}개 항목도 다름)" if others else ""
    more_en = f" (and {others} other entries)" if others else ""
    return wrong(f"인덱스 {index}에서 다릅니다: {g}, 기대한 값은 {e}{more_ko}",
                 f"differs at index {index}: got {g}, expected {e}{more_en}")


def compare_function(fn, reference, cases, *, rtol: float = 1e-7, atol: float = 1e-10) -> Feedback:
    """Call the learner's ``fn`` and lossbook's ``reference`` on each case and compare.

    ``cases`` is a list of argument tuples. A function that still returns ``None``
    (its body is the ``...`` placeholder, or it has no ``return``) or raises
    ``NotImplementedError`` is "not attempted yet"; an exception is reported with
    the input that caused it; the first case whose result differs is named.
    """
    if not callable(fn):
        if is_placeholder(fn):
            return not_attempted()
        return wrong(f"함수가 필요한데 {type(fn).__name__} 입니다",
                     f"expected a function, got {type(fn).__name__}")
    for k, args in enumerate(cases):
        try:
            got = fn(*args)
        except NotImplementedError:
            return not_attempted()
        except Exception as exc:  # noqa: BLE001 - the learner's code: report, don't crash
            error = f"{type(exc).__name__}: {exc}"
            return wrong(f"입력 {k + 1}에서 오류가 났습니다: {error}",
                         f"input {k + 1} raised {error}")
        if got is None:
            return not_attempted("함수가 None을 돌려줍니다: 본문을 쓰고 결과를 return 하세요",
                                  "the function returns None: write its body and return the result")
        result = compare_values(got, reference(*args), rtol=rtol, atol=atol)
        if not result.ok:
            return Feedback(WRONG, say(f"입력 {k + 1}: ", f"input {k + 1}: ") + result.message)
    return Feedback(CORRECT, say(f"맞았습니다! ({len(cases)}개 입력 모두 일치)",
                                 f"correct! (all {len(cases)} inputs match)"))


def compare_choices(got: dict, expected: dict, hints: dict | None = None) -> Feedback:
    """Compare answers to a multiple-choice question, ``{"a": "mse", ...}``.

    A wrong item is named with its hint (``hints[item] = (ko, en)``), not with
    the expected answer, so the learner can try again.
    """
    untouched = isinstance(got, dict) and all(is_placeholder(v) for v in got.values())
    if is_placeholder(got) or untouched:
        return not_attempted()
    if not isinstance(got, dict):
        return wrong(f"사전(dict)이 필요한데 {type(got).__name__} 입니다",
                     f"expected a dict, got {type(got).__name__}")
    missing = [k for k in expected if is_placeholder(got.get(k))]
    off = [k for k in expected if k not in missing and got[k] != expected[k]]
    if not off and not missing:
        return Feedback(CORRECT, say("모두 맞았습니다!", "all correct!"))
    parts_ko, parts_en = [], []
    for k in off:
        hint_ko, hint_en = (hints or {}).get(k, ("", ""))
        parts_ko.append(f"({k}) {got[k]!r}은(는) 아닙니다" + (f" — {hint_ko}" if hint_ko else ""))
        parts_en.append(f"({k}) {got[k]!r} is not right" + (f" — {hint_en}" if hint_en else ""))
    if missing:
        parts_ko.append("아직 답하지 않은 항목: " + ", ".join(f"({k})" for k in missing))
        parts_en.append("not answered yet: " + ", ".join(f"({k})" for k in missing))
    return wrong("; ".join(parts_ko), "; ".join(parts_en))
