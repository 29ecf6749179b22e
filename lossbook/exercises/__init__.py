"""Checks that answer back: instant feedback on the exercises of each chapter.

A learner cell holds a placeholder (``answer = ...`` or a function whose body is
``...``) and ends with a check from the chapter's module, e.g.
``lossbook.exercises.ch01``. The check compares the answer with lossbook's own
implementation and prints one line in the notebook's language:

- ``⏳`` not attempted yet, while the placeholder is still there;
- ``❌`` what is wrong, in which of the learner's variables, and on which input;
- ``✅`` correct.

Three promises hold for every check:

- **It never crashes.** Any answer (a string, ``None``, NaN, a wrong shape, a
  function that raises) becomes a ``❌`` line; a check never raises.
- **It never hands over a number to copy.** A number the learner types in is
  judged with a hint, never with the expected value. Only a *function* check
  shows the expected result for the failing input: copying it cannot pass,
  because the check calls the function again on other inputs.
- **It speaks one language.** Messages are :class:`Text` pairs (Korean, English)
  joined whole, never fragment by fragment, and shown in the language fixed by
  :func:`set_language` (the notebooks call ``lossbook.set_language("ko")`` in
  their set-up cell); where no language is known both whole lines are printed.

Every chapter module has a :class:`Chapter` that prints the feedback, remembers
it for :func:`progress`, and holds one hint per exercise (``check.hint(3)``).
A chapter module reads like this::

    from ..losses import mean_squared_error
    from . import Chapter, compare_function

    CHAPTER = Chapter(1, hints={1: ("한국어 힌트", "an English hint")})
    hint = CHAPTER.hint

    def check_mse(fn):
        cases = [([1.0, 0.0], [0.8, 0.1]), ([[1, 2], [3, 4]], [[1, 2], [3, 5]])]
        return compare_function(fn, mean_squared_error, cases)

    def mse(fn):
        CHAPTER.report(1, check_mse, fn)   # prints "Exercise 1: ✅ correct! ..."
"""

from __future__ import annotations

import dataclasses
import inspect
import math

import numpy as np

from .._lang import detected_language
from .._lang import set_language as _set_language

__all__ = [
    "Text",
    "Feedback",
    "Chapter",
    "say",
    "set_language",
    "report",
    "progress",
    "is_placeholder",
    "exercise_name",
    "not_attempted",
    "wrong",
    "correct",
    "labelled",
    "first_not_correct",
    "as_number",
    "compare_values",
    "call_learner",
    "compare_function",
    "compare_choices",
    "describe",
    "NOT_ATTEMPTED",
    "WRONG",
    "CORRECT",
]

NOT_ATTEMPTED = "not attempted"
WRONG = "wrong"
CORRECT = "correct"
_MARK = {NOT_ATTEMPTED: "⏳", WRONG: "❌", CORRECT: "✅"}

#: relative tolerance granted to an answer computed in float32
FLOAT32_RTOL = 1e-5


def set_language(lang: str | None) -> None:
    """Fix the language of feedback and figures: ``"ko"``, ``"en"`` (``None`` forgets it).

    The same as ``lossbook.set_language``; figures (``lossbook.plotting``) follow it too.
    """
    _set_language(lang)


# -- bilingual text -----------------------------------------------------------------------


class Text:
    """A message in both languages, shown in the notebook's language.

    ``Text`` pieces add up language by language, so a message built from parts
    never mixes languages; a plain ``str`` added to it goes into both.

    >>> str(Text("손실", "loss") + ": 1.0") in ("손실: 1.0", "loss: 1.0", "손실: 1.0\\nloss: 1.0")
    True
    """

    __slots__ = ("ko", "en")

    def __init__(self, ko: str, en: str | None = None):
        self.ko = ko
        self.en = ko if en is None else en

    @staticmethod
    def of(value) -> Text:
        return value if isinstance(value, Text) else Text(str(value))

    def __add__(self, other) -> Text:
        other = Text.of(other)
        return Text(self.ko + other.ko, self.en + other.en)

    def __radd__(self, other) -> Text:
        other = Text.of(other)
        return Text(other.ko + self.ko, other.en + self.en)

    def __bool__(self) -> bool:
        return bool(self.ko or self.en)

    def __str__(self) -> str:
        lang = detected_language()
        if lang == "ko":
            return self.ko
        if lang == "en":
            return self.en
        return self.ko if self.ko == self.en else f"{self.ko}\n{self.en}"

    def __repr__(self) -> str:
        return f"Text({self.ko!r}, {self.en!r})"

    def __eq__(self, other) -> bool:
        if isinstance(other, Text):
            return (self.ko, self.en) == (other.ko, other.en)
        return str(self) == other

    def __hash__(self) -> int:
        return hash((self.ko, self.en))


def say(ko: str, en: str) -> Text:
    """A message in both languages; ``str(say(ko, en))`` is the notebook's language."""
    return Text(ko, en)


def _join(parts, sep: str = "; ") -> Text:
    out = Text("")
    for k, part in enumerate(parts):
        out = out + (sep if k else "") + part
    return out


# -- feedback -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Feedback:
    """The outcome of a check: ``status`` is NOT_ATTEMPTED, WRONG or CORRECT."""

    status: str
    text: Text

    @property
    def ok(self) -> bool:
        return self.status == CORRECT

    @property
    def message(self) -> str:
        """The message in the notebook's language (both, one per line, when unknown)."""
        return str(self.text)

    def line(self, name) -> Text:
        """The whole line ``name: mark message``, in both languages."""
        return Text.of(name) + f": {_MARK[self.status]} " + self.text

    def __str__(self) -> str:
        return str(f"{_MARK[self.status]} " + self.text)


def report(name, feedback: Feedback) -> None:
    """Print ``feedback`` headed by the exercise's ``name``.

    Returns nothing, so a check on the last line of a cell prints its line only.
    """
    print(feedback.line(name))


def is_placeholder(value) -> bool:
    """True for the placeholders learner cells start with: ``...`` and ``None``."""
    return value is Ellipsis or value is None


def _all_placeholders(value) -> bool:
    if is_placeholder(value):
        return True
    if isinstance(value, (list, tuple)) and value:
        return all(is_placeholder(v) for v in value)
    if isinstance(value, dict) and value:
        return all(is_placeholder(v) for v in value.values())
    return False


def exercise_name(k: int) -> Text:
    """The heading of exercise ``k``: "연습 3" / "Exercise 3"."""
    return Text(f"연습 {k}", f"Exercise {k}")


def not_attempted(hint_ko: str = "", hint_en: str = "") -> Feedback:
    """The placeholder is still there (with an optional hint on what to write)."""
    return Feedback(
        NOT_ATTEMPTED,
        Text("아직 풀지 않았습니다" + (f" ({hint_ko})" if hint_ko else "") + ".",
             "not attempted yet" + (f" ({hint_en})" if hint_en else "") + "."),
    )


def wrong(ko, en=None) -> Feedback:
    """A wrong answer: ``wrong(ko, en)`` or ``wrong(text)``."""
    return Feedback(WRONG, ko if isinstance(ko, Text) else Text(ko, en))


def correct(ko: str = "맞았습니다!", en: str = "correct!") -> Feedback:
    return Feedback(CORRECT, Text(ko, en))


def labelled(label_ko, label_en, feedback: Feedback) -> Feedback:
    """Prefix a part's name ("dW: …") to a feedback that is not correct."""
    if feedback.ok:
        return feedback
    return Feedback(feedback.status, Text(label_ko, label_en) + ": " + feedback.text)


def first_not_correct(*feedbacks: Feedback) -> Feedback:
    """One feedback for a question in several parts: "not attempted" while every part
    is, else the first part that is not correct, else correct."""
    if all(fb.status == NOT_ATTEMPTED for fb in feedbacks):
        return feedbacks[0]
    return next((fb for fb in feedbacks if not fb.ok), feedbacks[0])


# -- describing values ---------------------------------------------------------------------


def _fmt(value) -> str:
    """A number as a learner would write it: 0.1, 16.11809565, nan."""
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):
        return _short(value)
    if math.isnan(x) or math.isinf(x):
        return str(x)
    if x == int(x) and abs(x) < 1e15:
        return str(float(x))
    return str(float(f"{x:.10g}"))


def _short(value, limit: int = 70) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value) -> str:
    """A short readable form of an input: arrays in one line, functions by name."""
    if isinstance(value, np.ndarray):
        with np.printoptions(threshold=12, edgeitems=3):
            body = np.array2string(value, separator=", ",
                                   formatter={"float_kind": "{:.6g}".format}).replace("\n", "")
        return f"np.array({' '.join(body.split())})" if value.ndim else _fmt(value)
    if callable(value):
        name = getattr(value, "__name__", type(value).__name__)
        return name if name != "<lambda>" else "lambda"
    if isinstance(value, float):
        return _fmt(value)
    return _short(value)


def _kind(value) -> str:
    if isinstance(value, str):
        return f"the string {_short(value)}"
    if callable(value):
        return f"the function {describe(value)}"
    return f"{type(value).__name__} {_short(value)}"


def _kind_ko(value) -> str:
    if isinstance(value, str):
        return f"문자열 {_short(value)}"
    if callable(value):
        return f"함수 {describe(value)}"
    return f"{type(value).__name__} {_short(value)}"


def as_number(value):
    """``value`` as a float if it is one number in any spelling, else ``None``.

    Accepts ints, floats, NumPy scalars, one-element arrays or lists, and strings
    such as ``"1e-08"``; refuses ``bool``, NaN-free checks are left to the caller.

    >>> as_number("1e-08"), as_number([7.0]), as_number("abc")
    (1e-08, 7.0, None)
    """
    if isinstance(value, (bool, np.bool_)) or is_placeholder(value):
        return None
    if isinstance(value, str):
        try:
            return float(value.strip().replace("−", "-"))
        except ValueError:
            return None
    try:
        arr = np.asarray(value, dtype=float)
    except Exception:  # noqa: BLE001 - anything that is not a number
        return None
    return float(arr.reshape(-1)[0]) if arr.size == 1 else None


def _as_float_array(value):
    """``(array, None)``, or ``(None, reason)`` if ``value`` is not numbers."""
    if isinstance(value, str):
        return None, Text(
            f"숫자가 필요한데 {_kind_ko(value)}입니다 (따옴표를 빼세요)",
            f"expected a number, got {_kind(value)} (drop the quotes)")
    if isinstance(value, dict) or callable(value):
        return None, Text(f"숫자(또는 배열)가 필요한데 {_kind_ko(value)}입니다",
                          f"expected a number or array, got {_kind(value)}")
    try:
        with np.errstate(all="ignore"):
            arr = np.asarray(value, dtype=float)
    except Exception:  # noqa: BLE001 - ragged lists, objects, complex numbers, ...
        return None, Text(f"숫자(또는 배열)가 필요한데 {_kind_ko(value)}입니다",
                          f"expected a number or array, got {_kind(value)}")
    return arr, None


def _is_float32(value) -> bool:
    dtype = getattr(value, "dtype", None)
    if dtype is not None:
        return dtype == np.float32
    if isinstance(value, (list, tuple)):
        return any(_is_float32(v) for v in value)
    return False


def _precision_hint() -> Text:
    return Text(" — 6~7자리까지만 맞습니다: float32로 계산했나요? float64(NumPy의 기본값)로 "
                "계산해 보세요",
                " — it agrees to only 6 or 7 digits: did you compute in float32? Try float64 "
                "(NumPy's default)")


def compare_values(got, expected, *, rtol: float = 1e-7, atol: float = 1e-10,
                   name: str | Text | None = None, show_expected: bool = False,
                   hint: Text | None = None, squeeze: bool | None = None) -> Feedback:
    """Compare a learner's number or array ``got`` with ``expected``.

    Checks, in order: placeholder, something numeric, shape (a one-element array
    is a number), finite values, and ``|got - expected| <= atol + rtol·|expected|``
    entry by entry. Axes of size 1 do not matter for a typed-in answer (``[[1], [2]]`` is
    ``[1, 2]``), but do for a function's result (``squeeze``, by default the opposite of
    ``show_expected``). A float32 answer gets float32's tolerance; a float64 answer
    that agrees only to float32 precision gets a hint naming precision.

    The message names ``name`` (the learner's variable) and the first entry that
    differs; the expected value is shown only with ``show_expected=True`` (for
    results of the learner's functions, where copying it cannot pass); ``hint``
    is appended to a wrong answer.
    """
    if isinstance(name, Text):
        who = name
    else:
        who = Text(f"`{name}`") if name else Text("답", "the answer")
    if is_placeholder(got):
        return not_attempted()
    if squeeze is None:
        squeeze = not show_expected
    exp_arr = np.asarray(expected, dtype=float)
    got_arr, reason = _as_float_array(got)
    if got_arr is None:
        return wrong(who + ": " + reason)
    if got_arr.shape != exp_arr.shape:
        if got_arr.size == exp_arr.size == 1 or (
                squeeze and np.squeeze(got_arr).shape == np.squeeze(exp_arr).shape):
            got_arr = got_arr.reshape(exp_arr.shape)
        else:
            return wrong(
                who + Text(f"의 모양(shape)이 {got_arr.shape}입니다. {exp_arr.shape}여야 합니다",
                           f" has shape {got_arr.shape}; it needs shape {exp_arr.shape}"))
    tail = hint if hint is not None else Text("")
    nonfinite = ~np.isfinite(got_arr)
    if nonfinite.any():
        first = tuple(int(i) for i in np.argwhere(nonfinite)[0])
        index = first[0] if len(first) == 1 else first
        where = "" if got_arr.ndim == 0 else f" (index {index})"
        where_ko = "" if got_arr.ndim == 0 else f" (인덱스 {index})"
        value = _fmt(got_arr[first]) if got_arr.ndim else _fmt(got_arr)
        return wrong(who + Text(f": {value}이(가) 있습니다{where_ko}",
                                f" contains {value}{where}") + tail)
    close = np.isclose(got_arr, exp_arr, rtol=rtol, atol=atol)
    if close.all():
        return correct()
    close32 = np.isclose(got_arr, exp_arr, rtol=max(rtol, FLOAT32_RTOL), atol=atol)
    if close32.all():
        if _is_float32(got):
            return correct("맞았습니다! (float32의 정밀도 안에서)",
                           "correct! (to float32 precision)")
        tail = _precision_hint() + tail
    bad = ~close
    if exp_arr.ndim == 0:
        g = _fmt(got_arr.item())
        if show_expected:
            e = _fmt(exp_arr.item())
            return wrong(who + Text(f": {g}, 기대한 값은 {e}",
                                    f" is {g}; expected {e}") + tail)
        return wrong(who + Text(f" = {g}은(는) 맞지 않습니다", f" = {g} is not right") + tail)
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    index = first[0] if len(first) == 1 else first
    g = _fmt(got_arr[first].item())
    others = int(bad.sum()) - 1
    more_ko = f" (그 밖에 {others}개 항목도 다름)" if others else ""
    more_en = f" (and {others} other entries)" if others else ""
    if show_expected:
        e = _fmt(exp_arr[first].item())
        return wrong(who + Text(f": 인덱스 {index}에서 다릅니다: {g}, 기대한 값은 {e}{more_ko}",
                                f" differs at index {index}: got {g}, expected {e}{more_en}")
                     + tail)
    return wrong(who + Text(f": 인덱스 {index}의 값 {g}이(가) 맞지 않습니다{more_ko}",
                            f" is not right at index {index}: {g}{more_en}") + tail)


def _call_text(fn_name: str, names, args) -> str:
    parts = [f"{n}={describe(a)}" if n else describe(a)
             for n, a in zip(names, args, strict=True)]
    return f"{fn_name}({', '.join(parts)})"


def _param_names(fn, n_args: int):
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return [None] * n_args
    names = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return (names + [None] * n_args)[:n_args]


def call_learner(fn, args):
    """Call the learner's ``fn(*args)``: ``(result, None)`` or ``(None, Feedback)``.

    ``NotImplementedError`` and a ``None`` result mean "not attempted"; any other
    exception is reported, never raised.
    """
    try:
        with np.errstate(all="ignore"):
            got = fn(*args)
    except NotImplementedError:
        return None, not_attempted()
    except Exception as exc:  # noqa: BLE001 - the learner's code: report, don't crash
        return None, wrong(Text(f"오류가 났습니다: {type(exc).__name__}: {exc}",
                                f"raised {type(exc).__name__}: {exc}"))
    if got is None:
        return None, not_attempted(
            "함수가 None을 돌려줍니다: 본문을 쓰고 결과를 return 하세요",
            "the function returns None: write its body and return the result")
    return got, None


def compare_function(fn, reference, cases, *, rtol: float = 1e-7, atol: float = 1e-10,
                     parts=None) -> Feedback:
    """Call the learner's ``fn`` and lossbook's ``reference`` on each case and compare.

    ``cases`` is a list of argument tuples. A function that still returns ``None``
    (its body is the ``...`` placeholder, or it has no ``return``) or raises
    ``NotImplementedError`` is "not attempted yet"; an exception or a wrong result
    is reported with the call that caused it, ``my_sse(y_true=…, y_pred=…)``.
    ``parts`` names the items of a reference that returns a tuple, ``("dX", "dW")``.
    """
    if not callable(fn):
        if is_placeholder(fn):
            return not_attempted()
        return wrong(f"함수가 필요한데 {_kind_ko(fn)}입니다",
                     f"expected a function, got {_kind(fn)}")
    fn_name = getattr(fn, "__name__", "fn")
    for args in cases:
        call = _call_text(fn_name, _param_names(fn, len(args)), args)
        got, problem = call_learner(fn, [np.copy(a) if isinstance(a, np.ndarray) else a
                                         for a in args])
        if problem is not None:
            if problem.status == NOT_ATTEMPTED:
                return problem
            return Feedback(WRONG, Text(f"{call}에서 ", f"{call} ") + problem.text)
        expected = reference(*args)
        if _all_placeholders(got):
            return not_attempted()
        if parts:
            if not isinstance(got, (tuple, list)) or len(got) != len(parts):
                names = ", ".join(parts)
                return wrong(Text(f"{call}: ({names}) {len(parts)}개를 튜플로 돌려주어야 합니다",
                                  f"{call}: return the {len(parts)} results ({names}) as a tuple"))
            for part, g, e in zip(parts, got, expected, strict=True):
                fb = compare_values(g, e, rtol=rtol, atol=atol, name=part, show_expected=True)
                if not fb.ok:
                    return Feedback(WRONG, Text(f"{call}: ") + fb.text)
            continue
        fb = compare_values(got, expected, rtol=rtol, atol=atol, show_expected=True,
                            name=Text(f"{call}의 결과", f"the result of {call}"))
        if not fb.ok:
            return fb
    return correct(f"맞았습니다! ({len(cases)}개 입력 모두 일치)",
                   f"correct! (all {len(cases)} inputs match)")


def compare_choices(got, expected: dict, hints: dict | None = None, *, normalize=None,
                    name: str = "answer") -> Feedback:
    """Compare answers to a multiple-choice question, ``{"a": "mse", ...}``.

    ``normalize(item, value)`` turns an accepted spelling into the canonical answer
    (e.g. "MSE" → "mse"), returning the value unchanged if it does not know it. A
    wrong item is named with its hint (``hints[item] = (ko, en)``), never with the
    expected answer, so the learner can try again.
    """
    if _all_placeholders(got):
        return not_attempted()
    if not isinstance(got, dict):
        return wrong(f"`{name}`은(는) 사전(dict)이어야 하는데 {_kind_ko(got)}입니다",
                     f"`{name}` must be a dict, got {_kind(got)}")
    missing = [k for k in expected if is_placeholder(got.get(k))]
    off = []
    for k in expected:
        if k in missing:
            continue
        value = got[k]
        if normalize is not None:
            try:
                value = normalize(k, value)
            except Exception:  # noqa: BLE001 - an odd answer is simply not right
                value = got[k]
        try:
            same = bool(value == expected[k])
        except Exception:  # noqa: BLE001 - e.g. an array compared with a string
            same = False
        if not same:
            off.append(k)
    if not off and not missing:
        return correct("모두 맞았습니다!", "all correct!")
    parts = []
    for k in off:
        hint_ko, hint_en = (hints or {}).get(k, ("", ""))
        parts.append(Text(f"({k}) {_short(got[k], 40)}은(는) 아닙니다"
                          + (f" — {hint_ko}" if hint_ko else ""),
                          f"({k}) {_short(got[k], 40)} is not right"
                          + (f" — {hint_en}" if hint_en else "")))
    if missing:
        keys = ", ".join(f"({k})" for k in missing)
        parts.append(Text(f"아직 답하지 않은 항목: {keys}", f"not answered yet: {keys}"))
    return Feedback(WRONG, _join(parts))


# -- chapters: report, hints, progress -------------------------------------------------------

#: this session's results: {chapter: {exercise: status}}
_RESULTS: dict[int, dict[int, str]] = {}
_CHAPTERS: dict[int, Chapter] = {}
_last_chapter: list[int] = []


class Chapter:
    """The exercises of one chapter: prints feedback, remembers it, gives hints.

    ``hints`` maps each exercise number to a ``(ko, en)`` pair.
    """

    def __init__(self, number: int, hints: dict[int, tuple[str, str]]):
        self.number = number
        self.hints = dict(hints)
        _CHAPTERS[number] = self

    @property
    def exercises(self) -> list[int]:
        return sorted(self.hints)

    def feedback(self, k: int, check, *args) -> Feedback:
        """Run ``check(*args)`` for exercise ``k``; anything it raises becomes feedback."""
        try:
            fb = check(*args)
        except Exception as exc:  # noqa: BLE001 - a check must never crash in a notebook
            fb = wrong(Text(f"이 답은 검사할 수 없습니다 ({type(exc).__name__}: {exc}). "
                            "문제가 요구하는 종류의 값인지 확인하세요",
                            f"this answer cannot be checked ({type(exc).__name__}: {exc}); "
                            "is it the kind of value the exercise asks for?"))
        if not fb.ok and k in self.hints:
            fb = Feedback(fb.status, fb.text + Text(f" (힌트: check.hint({k}))",
                                                    f" (hint: check.hint({k}))"))
        _RESULTS.setdefault(self.number, {})[k] = fb.status
        _last_chapter[:] = [self.number]
        return fb

    def report(self, k: int, check, *args) -> None:
        """Print the feedback of exercise ``k`` on one line (both lines if no language)."""
        report(exercise_name(k), self.feedback(k, check, *args))

    def hint_text(self, k) -> Text:
        key = _exercise_number(k)
        if key not in self.hints:
            known = ", ".join(str(n) for n in self.exercises)
            return Text(f"{self.number}장에는 연습 {k}이(가) 없습니다 (연습: {known})",
                        f"chapter {self.number} has no exercise {k} (exercises: {known})")
        ko, en = self.hints[key]
        return exercise_name(key) + Text(" 힌트: ", " hint: ") + Text(ko, en)

    def hint(self, k) -> None:
        """Print the hint of exercise ``k`` (``3``, ``"3"`` or ``"ex3"``)."""
        print(self.hint_text(k))

    def progress_text(self) -> Text:
        done = _RESULTS.get(self.number, {})
        marks = [f"{k} {_MARK[done.get(k, NOT_ATTEMPTED)]}" for k in self.exercises]
        n_ok = sum(1 for k in self.exercises if done.get(k) == CORRECT)
        n = len(self.exercises)
        return Text(f"{self.number}장 연습 ({n}개 중 {n_ok}개 맞음): ",
                    f"Chapter {self.number} exercises ({n_ok} of {n} correct): ") \
            + "  ".join(marks)

    def progress(self) -> None:
        """Print this session's ✅/❌/⏳ for every exercise of the chapter."""
        print(self.progress_text())


def _exercise_number(k):
    if isinstance(k, str):
        digits = "".join(ch for ch in k if ch.isdigit())
        return int(digits) if digits else k
    return k


def progress(chapter: int | None = None) -> None:
    """Print this session's ✅/❌/⏳ for the exercises of ``chapter``.

    Without an argument: the chapter whose check ran last (in a notebook, its own).
    ⏳ marks an exercise not yet checked in this session, or still a placeholder.
    """
    if chapter is None:
        if not _last_chapter:
            print(Text("이번 세션에서 아직 실행한 검사가 없습니다.",
                       "no exercise has been checked in this session yet."))
            return
        chapter = _last_chapter[0]
    if chapter not in _CHAPTERS:
        import importlib

        try:
            importlib.import_module(f"{__name__}.ch{int(chapter):02d}")
        except (ImportError, TypeError, ValueError):
            print(Text(f"{chapter}장의 연습은 없습니다.",
                       f"there are no exercises for chapter {chapter}."))
            return
    _CHAPTERS[chapter].progress()
