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
    Chapter,
    Feedback,
    Text,
    as_number,
    compare_choices,
    compare_values,
    correct,
    describe,
    is_placeholder,
    not_attempted,
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
    "hint",
    "progress",
]

CHAPTER = Chapter(7, hints={
    1: ("order = np.random.default_rng(1234).permutation(len(x_train))로 섞은 순서를 한 번 "
        "만들고, 앞 5,000개와 나머지로 나누세요",
        "make one shuffled order, order = np.random.default_rng(1234).permutation(len(x_train)), "
        "and split it into its first 5,000 entries and the rest"),
    2: ("model.compile(optimizer=\"adam\", ...) 뒤 model.optimizer.learning_rate를 보세요; "
        "다른 학습률은 optimizers.Adam(learning_rate=...) 객체로 줍니다",
        "after model.compile(optimizer=\"adam\", ...) look at model.optimizer.learning_rate; "
        "another learning rate takes an optimizers.Adam(learning_rate=...) object"),
    3: ("onehot_m.set_weights(sparse_m.get_weights())로 같은 시작점을 만들고, 둘 다 "
        "shuffle=False로 한 에포크 fit한 뒤 get_weights()끼리 np.abs(a - b).max()의 최댓값",
        "give both the same start with onehot_m.set_weights(sparse_m.get_weights()), fit each "
        "for one epoch with shuffle=False, then take the largest np.abs(a - b).max() over "
        "their get_weights()"),
    4: ("출력이 하나면 binary; 아니면 레이블의 축이 하나 적거나 레이블의 마지막 크기가 1이면 "
        "sparse_categorical; 나머지는 categorical",
        "one output unit: binary; otherwise labels with one axis fewer, or labels whose last "
        "size is 1: sparse_categorical; everything else: categorical"),
    5: ("float32의 기계 엡실론은 약 1.2e-7입니다. 크기 0.1인 수의 반올림 오차는 그 0.1배쯤",
        "float32's machine epsilon is about 1.2e-7; rounding a number of size 0.1 is off by about "
        "0.1 times that"),
})
hint = CHAPTER.hint
progress = CHAPTER.progress


# -- exercise 1: a validation split from one permutation ---------------------------------------


def _index_array(value, name):
    """``(integer array, None)`` or ``(None, Feedback)``."""
    try:
        arr = np.asarray(value).ravel()
    except Exception:  # noqa: BLE001 - ragged or odd objects
        arr = None
    if arr is None or arr.dtype.kind not in "iu":
        return None, wrong(f"`{name}`은(는) 정수 인덱스 배열이어야 합니다",
                           f"`{name}` must be an array of integer indices")
    return arr, None


def check_validation_split(valid_idx, train_idx, n, n_valid=5000) -> Feedback:
    """Two index arrays that do not overlap, together cover range(n), with n_valid in
    valid, and drawn from a shuffled order: an unshuffled split such as
    ``arange(n)[:5000]`` puts the validation set in one corner of the data."""
    if is_placeholder(valid_idx) or is_placeholder(train_idx):
        return not_attempted()
    valid, problem = _index_array(valid_idx, "valid_idx")
    if problem is not None:
        return problem
    train, problem = _index_array(train_idx, "train_idx")
    if problem is not None:
        return problem
    if valid.size != n_valid:
        return wrong(f"`valid_idx`의 인덱스가 {valid.size}개입니다. {n_valid}개여야 합니다",
                     f"`valid_idx` has {valid.size} indices; it needs {n_valid}")
    if train.size != n - n_valid:
        return wrong(f"`train_idx`의 인덱스가 {train.size}개입니다. {n - n_valid}개여야 합니다",
                     f"`train_idx` has {train.size} indices; it needs {n - n_valid}")
    both = np.intersect1d(valid, train)
    if both.size:
        return wrong(f"두 부분이 {both.size}개 인덱스에서 겹칩니다(예: {both[0]})",
                     f"the two parts share {both.size} indices (e.g. {both[0]})")
    if not np.array_equal(np.union1d(valid, train), np.arange(n)):
        return wrong("합쳐도 0..n-1 전체가 되지 않습니다(중복되거나 범위를 벗어난 인덱스)",
                     "together they do not cover 0..n-1 (repeated or out-of-range indices)")
    # a random 5,000 of n has its mean position within ±0.02·n of the middle (5 sigma)
    if abs(float(np.mean(valid)) / (n - 1) - 0.5) > 0.02:
        return wrong("`valid_idx`가 데이터의 한쪽 구석에 몰려 있습니다: 섞지 않고 잘랐나요? "
                     "permutation으로 섞은 순서에서 고르세요",
                     "`valid_idx` sits in one corner of the data: did you split without "
                     "shuffling? Take it from a permutation")
    return correct("맞았습니다! 섞였고, 겹치지 않고, 전체를 덮습니다",
                   "correct! shuffled, no overlap, and together they cover everything")


def validation_split(valid_idx, train_idx, n) -> None:
    """Exercise 1: print the feedback on the learner's validation split."""
    CHAPTER.report(1, check_validation_split, valid_idx, train_idx, n)


# -- exercise 2: a string gives the default learning rate -------------------------------------


def check_adam_string(string_lr, optimizer) -> Feedback:
    """The learning rate behind ``"adam"`` and an Adam object with learning rate 0.005."""
    if is_placeholder(string_lr) and is_placeholder(optimizer):
        return not_attempted()
    fb = compare_values(string_lr if as_number(string_lr) is None else as_number(string_lr),
                        optimizers.get("adam").learning_rate, name="string_lr")
    if fb.status != CORRECT:
        return fb
    if is_placeholder(optimizer):
        return not_attempted()
    if isinstance(optimizer, str) or type(optimizer).__name__ != "Adam":
        return wrong(f"`optimizer_0005`는 Adam 객체여야 하는데 {optimizer!r}입니다",
                     f"`optimizer_0005` must be an Adam object, got {optimizer!r}")
    lr = as_number(getattr(optimizer, "learning_rate", None))
    if lr is None:
        return wrong("`optimizer_0005`의 학습률을 읽을 수 없습니다",
                     "cannot read the learning rate of `optimizer_0005`")
    return compare_values(lr, 0.005, rtol=1e-6, name="optimizer_0005.learning_rate")


def adam_string(string_lr, optimizer) -> None:
    """Exercise 2: print the feedback on the learning rates."""
    CHAPTER.report(2, check_adam_string, string_lr, optimizer)


# -- exercise 3: one-hot labels train identically ---------------------------------------------


def _loss_name(model):
    loss = getattr(model, "loss_name", None) or getattr(model, "loss", None)
    if isinstance(loss, str):
        return loss.strip().lower()
    return getattr(loss, "__name__", type(loss).__name__).lower()


def check_one_hot_same(weight_difference, sparse_m=..., onehot_m=...) -> Feedback:
    """The largest weight difference between the sparse and the one-hot model.

    The models themselves are checked, so a difference written down without running the
    experiment does not pass: two different models, compiled with the sparse and the
    categorical cross-entropy, trained for the same number of steps; the difference is
    recomputed from their weights and must be rounding only.
    """
    if is_placeholder(weight_difference):
        return not_attempted()
    if is_placeholder(sparse_m) or is_placeholder(onehot_m):
        return not_attempted("두 모델도 넘기세요: check.one_hot_same(weight_difference, "
                             "sparse_m, onehot_m)",
                             "pass the two models too: check.one_hot_same(weight_difference, "
                             "sparse_m, onehot_m)")
    for name, model in (("sparse_m", sparse_m), ("onehot_m", onehot_m)):
        if not callable(getattr(model, "get_weights", None)):
            return wrong(f"`{name}`은(는) 모델이어야 하는데 {type(model).__name__}입니다",
                         f"`{name}` must be a model, got {type(model).__name__}")
    if sparse_m is onehot_m:
        return wrong("`sparse_m`과 `onehot_m`이 같은 모델입니다: 모델 두 개를 만드세요",
                     "`sparse_m` and `onehot_m` are the same model: build two models")
    losses = (_loss_name(sparse_m), _loss_name(onehot_m))
    if losses != ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        return wrong(f"손실이 {losses}입니다: sparse_m은 'sparse_categorical_crossentropy', "
                     "onehot_m은 'categorical_crossentropy'로 compile하세요",
                     f"the losses are {losses}: compile sparse_m with "
                     "'sparse_categorical_crossentropy' and onehot_m with "
                     "'categorical_crossentropy'")
    steps = [int(np.asarray(getattr(getattr(m, "optimizer", None), "iterations", 0)))
             for m in (sparse_m, onehot_m)]
    if min(steps) == 0 or steps[0] != steps[1]:
        return wrong(f"학습한 걸음 수가 {steps[0]}과 {steps[1]}입니다: 두 모델을 같은 데이터로 "
                     "한 에포크씩 fit하세요",
                     f"the models took {steps[0]} and {steps[1]} training steps: fit both for "
                     "one epoch on the same images")
    weights = list(zip(sparse_m.get_weights(), onehot_m.get_weights(), strict=False))
    measured = max(float(np.max(np.abs(np.asarray(a, float) - np.asarray(b, float))))
                   for a, b in weights)
    if measured > 1e-9:
        return wrong(f"두 모델의 가중치가 {measured:.1e}만큼 다릅니다 — 같은 초기 가중치"
                     "(set_weights)와 shuffle=False로 학습했나요?",
                     f"the two models' weights differ by {measured:.1e} — did both start from "
                     "the same weights (set_weights) with shuffle=False?")
    fb = compare_values(weight_difference, measured, rtol=1e-6, atol=1e-15,
                        name="weight_difference")
    if not fb.ok:
        return Feedback(fb.status, fb.text + Text(
            " — 두 모델의 get_weights()에서 잰 최대 차이가 아닙니다",
            " — that is not the largest difference over the two models' get_weights()"))
    return fb


def one_hot_same(weight_difference, sparse_m=..., onehot_m=...) -> None:
    """Exercise 3: print the feedback on the weight difference of the two trained models."""
    CHAPTER.report(3, check_one_hot_same, weight_difference, sparse_m, onehot_m)


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
    "a": ((64, 3), (64, 3)),
    "b": ((64,), (64, 1)),
    "c": ((64, 1), (64, 5)),
    "d": ((64,), (64, 5)),
}
# not the four cases the chapter prints just above the exercise, nor in their order

_ACCURACY_NAMES = {
    name.replace("_", ""): name
    for name in ("binary_accuracy", "sparse_categorical_accuracy", "categorical_accuracy")
}


def _accuracy_name(item, value):
    """"SparseCategoricalAccuracy", "sparse categorical accuracy", a Keras metric object
    or class: each becomes "sparse_categorical_accuracy"."""
    if not isinstance(value, str):
        value = getattr(value, "__name__", None) or type(value).__name__
    key = "".join(ch for ch in value.lower() if ch.isalpha())
    return _ACCURACY_NAMES.get(key, value)


def check_accuracy_rule(answers) -> Feedback:
    """``{"a": "sparse_categorical_accuracy", ...}`` for the shapes in ACCURACY_CASES."""
    expected = {k: keras_accuracy_for(*shapes) for k, shapes in ACCURACY_CASES.items()}
    hints = {
        "a": ("레이블과 출력의 모양이 같고 출력이 여러 개입니다",
              "labels and output have the same shape, with several outputs"),
        "b": ("규칙은 출력 크기부터 봅니다: 출력이 하나뿐입니다",
              "the rule looks at the output first: there is a single output unit"),
        "c": ("축 수는 같지만 레이블의 마지막 크기가 1이고 출력은 여러 개입니다",
              "same number of axes, but the labels' last size is 1 and there are several outputs"),
        "d": ("레이블의 축이 출력보다 하나 적습니다",
              "the labels have one axis fewer than the output"),
    }
    return compare_choices(answers, expected, hints, normalize=_accuracy_name, name="answers")


def accuracy_rule(answers) -> None:
    """Exercise 4: print the feedback on the four shape cases."""
    CHAPTER.report(4, check_accuracy_rule, answers)


# -- exercise 5: where a float32 comparison would start ----------------------------------------

_ORDERS = ("1e-16", "1e-12", "1e-8", "1e-4")


def check_float32_start(answer) -> Feedback:
    """The order of magnitude of float32 rounding on weights of size about 0.1.

    Any spelling of the number counts: "1e-8", "1e-08", 1e-8.
    """
    if is_placeholder(answer):
        return not_attempted()
    exponent = round(math.log10(float(np.finfo(np.float32).eps) * 0.1))
    value = as_number(answer)
    options = [float(o) for o in _ORDERS]
    choice = next((o for o in options
                   if value is not None and np.isclose(value, o, rtol=1e-6, atol=0)), None)
    shown = describe(answer)
    if choice is None:
        return wrong(f"`float32_start`: {', '.join(_ORDERS)} 중 하나를 고르세요 "
                     f"({shown}은(는) 보기에 없습니다)",
                     f"`float32_start`: pick one of {', '.join(_ORDERS)} "
                     f"({shown} is not one of them)")
    if round(math.log10(choice)) != exponent:
        return wrong(f"`float32_start` = {shown}은(는) 맞지 않습니다 — float32의 기계 엡실론 "
                     "np.finfo(np.float32).eps에 가중치 크기(약 0.1)를 곱해 보세요",
                     f"`float32_start` = {shown} is not right — multiply float32's machine "
                     "epsilon, np.finfo(np.float32).eps, by the weight size (about 0.1)")
    return correct()


def float32_start(answer) -> None:
    """Exercise 5: print the feedback on the float32 estimate."""
    CHAPTER.report(5, check_float32_start, answer)
