"""Shared shape of the per-chapter exercise-check tests.

Each chapter test module lists, for every exercise, four kinds of answers:

- ``right``: the solution's answer → ✅;
- ``differently_right``: another correct form (an alias, a one-element array, float32,
  a different but correct implementation) → ✅;
- ``typical_wrong``: a mistake a learner makes → ❌ with a message containing a given text
  (and never the expected value for answers typed in);
- ``garbage``: None-like, strings, wrong shapes, functions that raise → never an exception,
  a ❌ or ⏳ line.
"""

import numpy as np

from lossbook.exercises import CORRECT, NOT_ATTEMPTED, WRONG

GARBAGE = ["abc", {"a": 1}, [1, [2, 3]], np.nan, np.array([7.0]), [3, 3, 1], 1j, object(),
           lambda *a: 1 / 0, lambda *a: "x", lambda *a: (1, 2, 3)]


def assert_right(fb):
    assert fb.status == CORRECT, fb.message


def assert_wrong(fb, *texts):
    assert fb.status == WRONG, fb.message
    for text in texts:
        assert text in fb.message, fb.message


def assert_garbage_is_feedback(check, n_args):
    for g in GARBAGE:
        fb = check(*[g] * n_args)
        assert fb.status in (WRONG, NOT_ATTEMPTED, CORRECT), fb
        assert "cannot be checked" not in fb.message, (g, fb.message)
    assert check(*[...] * n_args).status == NOT_ATTEMPTED
