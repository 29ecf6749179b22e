"""Checks for the exercises of chapter 1 (loss functions).

Every expected value comes from :mod:`lossbook.losses` itself::

    from lossbook.exercises import ch01 as check
    check.sum_squared_error_fn(my_sse)
    check.hint(1)        # a hint for exercise 1
    check.progress()     # this session's ✅/❌/⏳
"""

from __future__ import annotations

import numpy as np

from .. import losses
from ..activations import sigmoid
from ..losses import (
    binary_crossentropy,
    cross_entropy_error,
    mean_squared_error,
    sum_squared_error,
)
from . import (
    Chapter,
    Feedback,
    Text,
    as_number,
    compare_choices,
    compare_function,
    compare_values,
    first_not_correct,
    is_placeholder,
    not_attempted,
)

__all__ = [
    "sum_squared_error_fn",
    "cross_entropy_error_fn",
    "two_predictions",
    "two_predictions_data",
    "mse_vs_sse",
    "mse_data",
    "bce_third_example",
    "from_logits",
    "loss_names",
    "hint",
    "progress",
]

CHAPTER = Chapter(1, hints={
    1: ("두 입력을 np.asarray로 배열로 바꾸고, 차이를 제곱해 모두 더한 뒤 절반을 취하세요",
        "turn both inputs into arrays with np.asarray, square the differences, add them up and "
        "halve the sum"),
    2: ("정답이 1인 항만 남기면 0·log 0 = nan을 피할 수 있습니다: "
        "-np.sum(y_true * np.log(y_pred + delta))에서 y_true > 0인 원소만 쓰세요",
        "keep only the terms whose target is non-zero and 0·log 0 = nan never appears: "
        "-np.sum(y_true * np.log(y_pred + delta)) over the elements with y_true > 0"),
    3: ("losses.sum_squared_error(t6, y_a)처럼 정답을 먼저 넘기세요; 교차 엔트로피는 "
        "losses.cross_entropy_error",
        "pass the target first, as in losses.sum_squared_error(t6, y_a); the cross-entropy is "
        "losses.cross_entropy_error"),
    4: ("losses.mean_squared_error(y_true, y_pred)는 샘플마다 값 하나를 돌려줍니다: "
        ".mean()을 구하고 C = y_pred.shape[-1]을 써서 C/2를 곱하세요",
        "losses.mean_squared_error(y_true, y_pred) returns one value per sample: take .mean(), "
        "then multiply by C/2 with C = y_pred.shape[-1]"),
    5: ("losses.binary_crossentropy(targets[:, None], third[:, None])는 샘플마다 값 하나를 "
        "돌려줍니다: 그 평균",
        "losses.binary_crossentropy(targets[:, None], third[:, None]) gives one value per sample: "
        "average them"),
    6: ("(a) losses.binary_crossentropy(t0, sigmoid(z30)), "
        "(b) losses.binary_crossentropy(t0, z30, from_logits=True); "
        "각각 [0]으로 숫자 하나를 꺼내세요",
        "(a) losses.binary_crossentropy(t0, sigmoid(z30)), "
        "(b) losses.binary_crossentropy(t0, z30, from_logits=True); take [0] of each for a number"),
    7: ("출력이 실수 하나면 회귀, 클래스 둘이면 시그모이드 하나, 여러 클래스 중 하나면 소프트맥스: "
        "정수 레이블에는 'sparse_'가 붙습니다",
        "a real-valued output is regression; two classes, one sigmoid; one of many classes, "
        "softmax, and integer labels take the 'sparse_' name"),
})
hint = CHAPTER.hint
progress = CHAPTER.progress

# The output of the "What would I say" post (correct class 6) and two more one-sample cases.
_Y = np.array([0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.8, 0.0, 0.1, 0.0])
_T6 = np.eye(10)[6]
_ONE_SAMPLE_CASES = [
    (_T6, _Y),
    (np.eye(10)[4], _Y),
    (np.array([0.0, 1.0, 0.0]), np.array([0.2, 0.7, 0.1])),
]


# -- exercises 1 and 2: write the textbook losses --------------------------------------------


def check_sum_squared_error_fn(fn) -> Feedback:
    return compare_function(fn, sum_squared_error, _ONE_SAMPLE_CASES)


def sum_squared_error_fn(fn) -> None:
    """Exercise 1: ``fn(y_true, y_pred)`` is the textbook ½·Σ(y - t)² of one sample."""
    CHAPTER.report(1, check_sum_squared_error_fn, fn)


def check_cross_entropy_error_fn(fn) -> Feedback:
    return compare_function(fn, cross_entropy_error, _ONE_SAMPLE_CASES)


def cross_entropy_error_fn(fn) -> None:
    """Exercise 2: ``fn(y_true, y_pred)`` is -Σ t·log(y + δ), δ = 1e-7, of one sample.

    The second case gives the correct class probability 0: without δ the answer is inf.
    """
    CHAPTER.report(2, check_cross_entropy_error_fn, fn)


# -- exercise 3: two predictions ----------------------------------------------------------------


def two_predictions_data():
    """The data of exercise 3: ``t6, y_a, y_b`` (correct class 6)."""
    y_a = np.zeros(10)
    y_a[[6, 5]] = [0.6, 0.4]
    y_b = np.zeros(10)
    y_b[[6, 0, 2, 4, 8]] = [0.6, 0.1, 0.1, 0.1, 0.1]
    return _T6.copy(), y_a, y_b


def _one_value(got, expected, name, slips) -> Feedback:
    """compare_values for one number, with a hint for each known slip ``{value: (ko, en)}``.

    ``rtol=1e-6`` accepts -log(0.6) for -log(0.6 + 1e-7): the δ shifts it by 3e-7 relatively.
    """
    fb = compare_values(got, expected, rtol=1e-6, name=name)
    value = as_number(got)
    if fb.ok or value is None:
        return fb
    for slip, (ko, en) in slips.items():
        if np.isclose(value, slip, rtol=1e-6):
            return Feedback(fb.status, fb.text + Text(f" — {ko}", f" — {en}"))
    return fb


def check_two_predictions(sse_a, sse_b, cee_a, cee_b) -> Feedback:
    t6, y_a, y_b = two_predictions_data()
    half = ("½을 빠뜨렸나요?", "did you forget the ½?")
    order = ("인자 순서: 정답(t6)이 먼저, 예측이 나중입니다", "argument order: the target t6 first")
    parts = []
    for name, got, y in (("sse_a", sse_a, y_a), ("sse_b", sse_b, y_b)):
        expected = sum_squared_error(t6, y)
        parts.append(_one_value(got, expected, name, {2 * expected: half}))
    for name, got, y in (("cee_a", cee_a, y_a), ("cee_b", cee_b, y_b)):
        parts.append(_one_value(got, cross_entropy_error(t6, y), name,
                                {float(cross_entropy_error(y, t6)): order}))
    return first_not_correct(*parts)


def two_predictions(sse_a, sse_b, cee_a, cee_b) -> None:
    """Exercise 3: the SSE and the CEE of the predictions ``y_a`` and ``y_b`` (class 6)."""
    CHAPTER.report(3, check_two_predictions, sse_a, sse_b, cee_a, cee_b)


# -- exercise 4: Keras's MSE and the textbook SSE ------------------------------------------------


def mse_data():
    """The data of exercise 4: ``rng.random((4, 5))`` twice with seed 1 (y_pred, then y_true).

    Returned as ``(y_true, y_pred)``.
    """
    rng = np.random.default_rng(1)
    y_pred = rng.random((4, 5))
    y_true = rng.random((4, 5))
    return y_true, y_pred


def check_mse_vs_sse(scaled) -> Feedback:
    y_true, y_pred = mse_data()
    mse = float(np.mean(mean_squared_error(y_true, y_pred)))
    c = y_pred.shape[-1]
    slips = {
        mse: ("MSE 그대로입니다: C/2를 곱했나요?",
              "that is the MSE itself: did you multiply by C/2?"),
        c * mse: ("C를 곱했습니다: C/2입니다", "you multiplied by C; it is C/2"),
        c / 2 * mse * len(y_true):
            ("샘플 수로 나누지 않은 합입니다: 샘플 평균을 쓰세요",
             "that is the sum over the samples: use the mean"),
    }
    return _one_value(scaled, sum_squared_error(y_true, y_pred), "scaled", slips)


def mse_vs_sse(scaled) -> None:
    """Exercise 4: ``C/2 * mean(mean_squared_error(y_true, y_pred))`` equals the textbook SSE."""
    CHAPTER.report(4, check_mse_vs_sse, scaled)


# -- exercise 5: the post's third example ---------------------------------------------------------

BCE_LABEL = np.array([1.0, 0.0, 0.0, 1.0, 0.0])
BCE_PREDICT = np.array([0.30, 0.40, 0.20, 0.65, 0.2])


def check_bce_third_example(value) -> Feedback:
    """Both the Keras form (clipping) and the post's ``BCEE`` (δ = 1e-7 inside the log)
    are accepted: they differ by about 2e-7."""
    expected = float(binary_crossentropy(BCE_LABEL[:, None], BCE_PREDICT[:, None]).mean())
    slips = {
        expected * len(BCE_LABEL): ("합을 구했습니다: 샘플 수 N으로 나누세요",
                                    "that is the sum: divide by the number of samples N"),
        float(binary_crossentropy(BCE_PREDICT[:, None], BCE_LABEL[:, None]).mean()):
            ("인자 순서: 정답이 먼저, 예측이 나중입니다", "argument order: targets first"),
    }
    return _one_value(value, expected, "bce_third", slips)


def bce_third_example(value) -> None:
    """Exercise 5: the binary cross-entropy of the post's third example (mean over 5 samples)."""
    CHAPTER.report(5, check_bce_third_example, value)


# -- exercise 6: through the sigmoid, or from the logit -----------------------------------------


def check_from_logits(via_sigmoid, via_logits) -> Feedback:
    """BCE of t = 0, z = 30 through the sigmoid and with ``from_logits=True``, with lossbook."""
    if is_placeholder(via_sigmoid) and is_placeholder(via_logits):
        return not_attempted()
    t0, z30 = np.array([[0.0]]), np.array([[30.0]])
    clipped = float(binary_crossentropy(t0, sigmoid(z30))[0])
    exact = float(binary_crossentropy(t0, z30, from_logits=True)[0])
    unclipped = float(-np.log(1 - sigmoid(30.0)))  # 30.001: 1 - σ(30) rounded in float64
    keras32 = float(-np.log(np.float32(1) - (np.float32(1) - np.float32(1e-7))))
    fb_a = _one_value(via_sigmoid, clipped, "via_sigmoid", {
        unclipped: ("잘라내기 없이 식을 직접 계산한 값입니다. (a)는 "
                    "losses.binary_crossentropy(t0, sigmoid(z30))가 내는 값을 묻습니다",
                    "that is the formula applied directly, without clipping; (a) asks what "
                    "losses.binary_crossentropy(t0, sigmoid(z30)) gives"),
        exact: ("그것은 (b)의 값입니다", "that is (b)'s value"),
        keras32: ("Keras의 float32가 자른 값입니다. lossbook은 float64로 1e-7에서 자릅니다",
                  "that is Keras's float32 clipping; lossbook clips at 1e-7 in float64"),
    })
    fb_b = _one_value(via_logits, exact, "via_logits", {
        clipped: ("from_logits=True를 주고 z30을 그대로 넘겼나요?",
                  "did you pass z30 itself with from_logits=True?"),
    })
    return first_not_correct(fb_a, fb_b)


def from_logits(via_sigmoid, via_logits) -> None:
    """Exercise 6: BCE of t = 0, z = 30 through the sigmoid and with ``from_logits=True``."""
    CHAPTER.report(6, check_from_logits, via_sigmoid, via_logits)


# -- exercise 7: which loss -------------------------------------------------------------------

LOSS_NAMES = {
    "a": "mean_squared_error",
    "b": "binary_crossentropy",
    "c": "sparse_categorical_crossentropy",
    "d": "binary_crossentropy",
    "e": "categorical_crossentropy",
}
_LOSS_HINTS = {
    "a": ("집값은 연속적인 수치입니다: 회귀", "a house price is a real number: regression"),
    "b": ("클래스가 둘: 시그모이드 출력 하나", "two classes: one sigmoid output"),
    "c": ("정수 레이블에는 'sparse'가 붙은 이름", "integer labels take the 'sparse' name"),
    "d": ("여러 물체가 동시에 있을 수 있음: 클래스마다 시그모이드",
          "several objects at once: one sigmoid per class"),
    "e": ("원-핫 정답에는 'sparse'가 없는 이름", "one-hot targets take the name without 'sparse'"),
}


def canonical_loss(item, value):
    """The lossbook name of any Keras spelling of a loss: "MSE", "MeanSquaredError",
    ``keras.losses.mean_squared_error``, a ``keras.losses.MeanSquaredError()`` object.
    "mae" counts as "mse" for (a) (many outliers)."""
    if isinstance(value, str):
        name = value
    elif callable(value) and hasattr(value, "__name__"):
        name = value.__name__
    else:
        name = type(value).__name__
    try:
        found = losses.get(name.strip()).__name__
    except (TypeError, ValueError):
        return value
    if item == "a" and found == "mean_absolute_error":
        return "mean_squared_error"
    return found


def check_loss_names(answer) -> Feedback:
    return compare_choices(answer, LOSS_NAMES, _LOSS_HINTS, normalize=canonical_loss,
                           name="answer")


def loss_names(answer) -> None:
    """Exercise 7: the Keras loss string for each of the problems (a)–(e)."""
    CHAPTER.report(7, check_loss_names, answer)

