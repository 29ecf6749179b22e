"""Checks for the exercises of chapter 7 (compiling and training a model).

Expected values come from lossbook itself (``lossbook.optimizers.get``), from NumPy
(machine epsilon) or from a shape rule that mirrors Keras 3's
``keras/src/trainers/compile_utils.py`` (the unit tests compare it with Keras)::

    from lossbook.exercises import ch07 as check
    check.validation_split(valid_idx, train_idx, len(x_train))
"""

from __future__ import annotations

import math

import numpy as np

from .. import optimizers
from . import (
    CORRECT,
    WRONG,
    Feedback,
    compare_choices,
    compare_values,
    exercise_name,
    is_placeholder,
    report,
    say,
    wrong,
)

__all__ = [
    "validation_split",
    "adam_string",
    "one_hot_same",
    "accuracy_rule",
    "float32_start",
    "keras_accuracy_for",
    "ACCURACY_CASES",
]


# -- exercise 1: a validation split from one permutation ---------------------------------------


def check_validation_split(valid_idx, train_idx, n, n_valid=5000) -> Feedback:
    """Two index arrays that do not overlap, together cover range(n), with n_valid in valid."""
    if is_placeholder(valid_idx) or is_placeholder(train_idx):
        return compare_values(..., 0)
    valid, train = np.asarray(valid_idx).ravel(), np.asarray(train_idx).ravel()
    if valid.dtype.kind not in "iu" or train.dtype.kind not in "iu":
        return wrong("인덱스는 정수 배열이어야 합니다",
                      "the indices must be integer arrays")
    if valid.size != n_valid:
        return wrong(f"검증 인덱스가 {valid.size}개입니다. {n_valid}개여야 합니다",
                      f"the validation set has {valid.size} indices; it needs {n_valid}")
    if train.size != n - n_valid:
        return wrong(f"훈련 인덱스가 {train.size}개입니다. {n - n_valid}개여야 합니다",
                      f"the training set has {train.size} indices; it needs {n - n_valid}")
    both = np.intersect1d(valid, train)
    if both.size:
        return wrong(f"두 부분이 {both.size}개 인덱스에서 겹칩니다(예: {both[0]})",
                      f"the two parts share {both.size} indices (e.g. {both[0]})")
    if not np.array_equal(np.union1d(valid, train), np.arange(n)):
        return wrong("합쳐도 0..n-1 전체가 되지 않습니다(중복되거나 범위를 벗어난 인덱스)",
                      "together they do not cover 0..n-1 (repeated or out-of-range indices)")
    return Feedback(CORRECT, say("맞았습니다! 겹치지 않고 전체를 덮습니다",
                                 "correct! no overlap, and together they cover everything"))


def validation_split(valid_idx, train_idx, n) -> None:
    """Exercise 1: print the feedback on the learner's validation split."""
    report(exercise_name(1), check_validation_split(valid_idx, train_idx, n))


# -- exercise 2: a string gives the default learning rate -------------------------------------


def check_adam_string(string_lr, optimizer) -> Feedback:
    """The learning rate behind ``"adam"`` and an Adam object with learning rate 0.005."""
    if is_placeholder(string_lr) and is_placeholder(optimizer):
        return compare_values(..., 0)
    fb = compare_values(string_lr, optimizers.get("adam").learning_rate)
    if fb.status != CORRECT:
        return Feedback(fb.status, say("문자열 'adam'의 학습률: ", "learning rate of 'adam': ")
                        + fb.message)
    if is_placeholder(optimizer):
        return compare_values(..., 0)
    if isinstance(optimizer, str) or type(optimizer).__name__ != "Adam":
        return wrong(f"Adam 객체가 필요한데 {optimizer!r} 입니다",
                      f"expected an Adam object, got {optimizer!r}")
    fb = compare_values(float(optimizer.learning_rate), 0.005)
    if fb.status != CORRECT:
        return Feedback(WRONG, say("객체의 학습률: ", "the object's learning rate: ") + fb.message)
    return Feedback(CORRECT, say("맞았습니다!", "correct!"))


def adam_string(string_lr, optimizer) -> None:
    """Exercise 2: print the feedback on the learning rates."""
    report(exercise_name(2), check_adam_string(string_lr, optimizer))


# -- exercise 3: one-hot labels train identically ---------------------------------------------


def check_one_hot_same(weight_difference) -> Feedback:
    """The largest weight difference between the sparse and the one-hot model: rounding only."""
    fb = compare_values(weight_difference, 0.0, rtol=0.0, atol=1e-12)
    if fb.status == WRONG:
        return Feedback(WRONG, fb.message + say(
            " — 두 모델이 같은 초기 가중치(set_weights)와 shuffle=False로 학습했나요?",
            " — did both models start from the same weights (set_weights) with shuffle=False?"))
    return fb


def one_hot_same(weight_difference) -> None:
    """Exercise 3: print the feedback on the weight difference."""
    report(exercise_name(3), check_one_hot_same(weight_difference))


# -- exercise 4: what "accuracy" resolves to ----------------------------------------------------


def keras_accuracy_for(y_true_shape, y_pred_shape) -> str:
    """The metric Keras 3 makes of ``metrics=["accuracy"]`` for these shapes.

    The rule of ``is_binary_or_sparse_categorical`` in Keras 3.15's
    ``keras/src/trainers/compile_utils.py``: one output unit → binary accuracy;
    labels with fewer axes than the output, **or** labels of last size 1 with several
    output units → sparse categorical accuracy; otherwise categorical accuracy.
    """
    is_binary = y_pred_shape[-1] == 1
    is_sparse = len(y_true_shape) < len(y_pred_shape) or (
        y_true_shape[-1] == 1 and y_pred_shape[-1] > 1)
    if is_binary:
        return "binary_accuracy"
    if is_sparse:
        return "sparse_categorical_accuracy"
    return "categorical_accuracy"


#: (labels shape, output shape) of the four cases of exercise 4
ACCURACY_CASES = {
    "a": ((32,), (32, 10)),
    "b": ((32, 1), (32, 10)),
    "c": ((32, 10), (32, 10)),
    "d": ((32, 1), (32, 1)),
}


def check_accuracy_rule(answers) -> Feedback:
    """``{"a": "sparse_categorical_accuracy", ...}`` for the shapes in ACCURACY_CASES."""
    expected = {k: keras_accuracy_for(*shapes) for k, shapes in ACCURACY_CASES.items()}
    hints = {
        "a": ("레이블의 축이 출력보다 하나 적습니다",
              "the labels have one axis fewer than the output"),
        "b": ("축 수는 같지만 레이블의 마지막 크기가 1이고 출력은 여러 개입니다",
              "same number of axes, but the labels' last size is 1 and there are several outputs"),
        "c": ("원-핫 레이블입니다", "these are one-hot labels"),
        "d": ("출력이 하나뿐입니다", "there is a single output unit"),
    }
    if isinstance(answers, dict):
        answers = {k: (v.strip().lower() if isinstance(v, str) else v) for k, v in answers.items()}
    return compare_choices(answers, expected, hints)


def accuracy_rule(answers) -> None:
    """Exercise 4: print the feedback on the four shape cases."""
    report(exercise_name(4), check_accuracy_rule(answers))


# -- exercise 5: where a float32 comparison would start ----------------------------------------

_ORDERS = ("1e-16", "1e-12", "1e-8", "1e-4")


def check_float32_start(answer) -> Feedback:
    """The order of magnitude of float32 rounding on weights of size about 0.1."""
    if is_placeholder(answer):
        return compare_values(..., 0)
    exponent = round(math.log10(float(np.finfo(np.float32).eps) * 0.1))
    expected = f"1e{exponent}"
    got = answer.strip().lower() if isinstance(answer, str) else answer
    if got not in _ORDERS:
        return wrong(f"{', '.join(_ORDERS)} 중 하나를 문자열로 고르세요",
                      f"pick one of {', '.join(_ORDERS)}, as a string")
    if got != expected:
        hint = ("float32의 기계 엡실론 np.finfo(np.float32).eps에 "
                "가중치 크기(약 0.1)를 곱해 보세요",
                "multiply float32's machine epsilon, np.finfo(np.float32).eps, by the weight size "
                "(about 0.1)")
        return wrong(f"{got}은(는) 아닙니다 — {hint[0]}", f"{got} is not right — {hint[1]}")
    return Feedback(CORRECT, say("맞았습니다!", "correct!"))


def float32_start(answer) -> None:
    """Exercise 5: print the feedback on the float32 estimate."""
    report(exercise_name(5), check_float32_start(answer))
