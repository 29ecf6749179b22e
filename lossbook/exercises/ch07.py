"""Checks for the exercises of chapter 7 (compiling and training a model).

Expected values come from lossbook itself (``lossbook.optimizers.get``), from NumPy
(machine epsilon) or from a shape rule that mirrors Keras 3's
``keras/src/trainers/compile_utils.py`` (the unit tests compare it with Keras)::

    from lossbook.exercises import ch07 as check
    check.validation_split(valid_idx, train_idx, len(x_train))
"""

from __future__ import annotations

import functools
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
    # a loss object (compile turns a name into one, as Keras does) is named by its .name
    name = getattr(loss, "name", None)
    if isinstance(name, str):
        return name.strip().lower()
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
        return wrong("`weight_difference`는 두 모델을 학습시켜 재야 합니다: `sparse_m`과 "
                     "`onehot_m`을 만들어 학습하고 check.one_hot_same(weight_difference, "
                     "sparse_m, onehot_m)으로 넘기세요",
                     "`weight_difference` must be measured on two trained models: build and "
                     "train `sparse_m` and `onehot_m`, and pass them, "
                     "check.one_hot_same(weight_difference, sparse_m, onehot_m)")
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


# == the section "Off the path": logits, early stopping, class weights ==========================

CHAPTER.hints.update({
    6: ("마지막 층을 Dense(10)(활성화 없음)로 두고 compile(loss=losses.SparseCategorical"
        "Crossentropy(from_logits=True), ...); 확률은 activations.softmax(logits_m.predict(x))",
        "end the model with Dense(10) (no activation), compile(loss=losses.SparseCategorical"
        "Crossentropy(from_logits=True), ...); probabilities are "
        "activations.softmax(logits_m.predict(x))"),
    7: ("fit(x_train[:1500], y_train[:1500], epochs=20, shuffle=False, validation_split=0.2, "
        "callbacks=[stop])로 학습하고, history.history['val_loss']가 가장 작은 에포크를 "
        "1부터 세세요",
        "fit(x_train[:1500], y_train[:1500], epochs=20, shuffle=False, validation_split=0.2, "
        "callbacks=[stop]), then find the epoch with the smallest history.history['val_loss'], "
        "counting from 1"),
    8: ("n_c = np.bincount(t); w_c = len(t) / (3 * n_c). 첫 배치의 샘플 가중치는 "
        "[class_weight[c] for c in t[:4]]이고, 손실 객체에 sample_weight=로 넘깁니다",
        "n_c = np.bincount(t); w_c = len(t) / (3 * n_c). The first batch's sample weights are "
        "[class_weight[c] for c in t[:4]], passed to the loss object as sample_weight="),
})

__all__ += ["logits_model", "early_stopping", "class_weights", "CLASS_LABELS", "FIRST_LOGITS",
            "softmax_rows"]


@functools.lru_cache(maxsize=1)
def _mnist_scaled():
    """(x_train, y_train), (x_test, y_test) of the bundled MNIST, pixels scaled to [0, 1]
    (read once per session)."""
    from ..datasets import load_mnist  # noqa: PLC0415 - only the checks that need it load it

    (x_train, y_train), (x_test, y_test) = load_mnist()
    return (x_train / 255.0, y_train), (x_test / 255.0, y_test)


def _is_model(value) -> bool:
    return all(callable(getattr(value, m, None)) for m in ("get_weights", "predict"))


def _not_a_model(name, value) -> Feedback:
    return wrong(f"`{name}`은(는) 학습한 모델이어야 하는데 {describe(value)}입니다",
                 f"`{name}` must be a trained model, got {describe(value)}")


def _predict(model, x):
    try:
        out = model.predict(x, verbose=0)
    except TypeError:  # a predict without verbose=
        out = model.predict(x)
    return np.asarray(out, dtype=float)


def _output_activation(model) -> str:
    """The name of the last layer's activation ("linear" when there is none)."""
    layers = getattr(model, "layers", None) or [None]
    act = getattr(layers[-1], "activation", None)
    if act is None:
        return "linear"
    return (act if isinstance(act, str) else getattr(act, "__name__", type(act).__name__)).lower()


def _from_logits(loss):
    """The loss's from_logits (False for a name or a function without it)."""
    value = getattr(loss, "from_logits", None)
    if value is None and callable(getattr(loss, "get_config", None)):
        try:
            value = loss.get_config().get("from_logits")
        except Exception:  # noqa: BLE001 - a learner's own loss class
            value = None
    return bool(value)


def _steps(model) -> int:
    try:
        return int(np.asarray(getattr(getattr(model, "optimizer", None), "iterations", 0)))
    except Exception:  # noqa: BLE001
        return 0


def softmax_rows(z):
    """Row-wise softmax (the probabilities behind a logits model's outputs)."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# -- exercise 6: a logits output with from_logits=True ------------------------------------------


def check_logits_model(logits_m, probs) -> Feedback:
    """A trained model ending in logits, compiled with a from_logits=True loss, and the
    probabilities it gives for the first 100 test images.

    The model is checked (last activation, the loss's from_logits, steps taken) and the
    probabilities are recomputed from it, so numbers alone cannot pass.
    """
    if is_placeholder(logits_m) and is_placeholder(probs):
        return not_attempted()
    if is_placeholder(logits_m):
        return not_attempted("모델 logits_m도 만드세요", "build the model logits_m too")
    if not _is_model(logits_m):
        return _not_a_model("logits_m", logits_m)
    activation = _output_activation(logits_m)
    from_logits = _from_logits(getattr(logits_m, "loss", None))
    if activation in ("softmax", "sigmoid") and from_logits:
        return wrong(f"`logits_m`의 마지막 층이 {activation}인데 손실은 from_logits=True입니다: "
                     "손실이 확률에 소프트맥스를 한 번 더 적용합니다. 마지막 층의 활성화를 빼세요",
                     f"the last layer of `logits_m` applies {activation}, but the loss has "
                     "from_logits=True: the loss applies a second softmax to probabilities. "
                     "Drop the last layer's activation")
    if activation != "linear":
        return wrong(f"`logits_m`의 마지막 층 활성화가 {activation}입니다: 로짓을 내려면 "
                     "활성화가 없어야 합니다(Dense(10))",
                     f"the last layer of `logits_m` has activation {activation}; to output "
                     "logits it must have none (Dense(10))")
    if not from_logits:
        return wrong("`logits_m`의 손실이 from_logits=True가 아닙니다: compile(loss=losses."
                     "SparseCategoricalCrossentropy(from_logits=True))로 컴파일하세요",
                     "the loss of `logits_m` does not have from_logits=True: compile it with "
                     "loss=losses.SparseCategoricalCrossentropy(from_logits=True)")
    if _steps(logits_m) == 0:
        return wrong("`logits_m`이 아직 학습하지 않았습니다: fit으로 한 에포크 학습시키세요",
                     "`logits_m` has not been trained: fit it for one epoch")
    if is_placeholder(probs):
        return not_attempted("probs를 구하세요", "compute probs")
    _, (x_test, _) = _mnist_scaled()
    logits = _predict(logits_m, x_test[:100])
    got, reason = _as_numbers(probs)
    if got is None:
        return wrong(Text("`probs`: ") + reason)
    if got.shape != logits.shape:
        return wrong(f"`probs`의 모양이 {got.shape}입니다. 시험 이미지 100장 × 클래스 10개, "
                     f"{logits.shape}여야 합니다",
                     f"`probs` has shape {got.shape}; 100 test images × 10 classes need "
                     f"{logits.shape}")
    if np.allclose(got, logits, rtol=1e-6, atol=1e-9):
        return wrong("`probs`는 logits_m.predict의 출력 그대로, 즉 로짓입니다: 소프트맥스를 "
                     "적용하세요",
                     "`probs` is what logits_m.predict returns, i.e. logits: apply a softmax")
    if not np.all(np.isfinite(got)) or np.any(got < 0) or \
            not np.allclose(got.sum(axis=1), 1.0, rtol=0, atol=1e-6):
        return wrong("`probs`의 행이 확률 분포가 아닙니다(음수가 아니고 합이 1이어야 합니다): "
                     "소프트맥스를 마지막 축(axis=-1)에 적용했나요?",
                     "the rows of `probs` are not probability distributions (non-negative, "
                     "summing to 1): was the softmax taken over the last axis (axis=-1)?")
    if not np.allclose(got, softmax_rows(logits), rtol=1e-5, atol=1e-7):
        return wrong("`probs`가 logits_m이 시험 이미지 앞 100장(x_test[:100], 255로 나눈 값)에 "
                     "내는 확률이 아닙니다",
                     "`probs` are not the probabilities logits_m gives for the first 100 test "
                     "images (x_test[:100], divided by 255)")
    return correct("맞았습니다! 로짓을 내는 모델을 from_logits=True로 학습했고, 확률은 예측 뒤의 "
                   "소프트맥스입니다",
                   "correct! a model that outputs logits, trained with from_logits=True; "
                   "probabilities come from a softmax after prediction")


def _as_numbers(value):
    """``(float array, None)`` or ``(None, Text reason)``."""
    from . import _as_float_array  # noqa: PLC0415 - the shared helper

    return _as_float_array(value)


def logits_model(logits_m, probs) -> None:
    """Exercise 6: print the feedback on the logits model and its probabilities."""
    CHAPTER.report(6, check_logits_model, logits_m, probs)


# -- exercise 7: validation_split and EarlyStopping(restore_best_weights=True) ------------------

#: exercise 7 trains on the first ES_IMAGES training images with validation_split=ES_SPLIT
ES_IMAGES, ES_SPLIT = 1500, 0.2


def _val_losses(history):
    logs = getattr(history, "history", history)
    if not isinstance(logs, dict):
        return None
    values = logs.get("val_loss")
    try:
        values = [float(v) for v in values]
    except Exception:  # noqa: BLE001 - missing or odd
        return None
    return values or None


def check_early_stopping(best_epoch, es_model=..., es_history=...) -> Feedback:
    """The epoch (counting from 1) whose weights EarlyStopping restored.

    Checked against the learner's own History (its smallest val_loss), and the model is
    evaluated on the validation part (the last 20% of the first 1,500 training images) to
    verify that the best weights really were restored.
    """
    if is_placeholder(best_epoch):
        return not_attempted()
    if is_placeholder(es_model) or is_placeholder(es_history):
        return not_attempted("모델과 History도 넘기세요: check.early_stopping(best_epoch, "
                             "es_model, es_history)",
                             "pass the model and the History too: "
                             "check.early_stopping(best_epoch, es_model, es_history)")
    if not _is_model(es_model):
        return _not_a_model("es_model", es_model)
    val = _val_losses(es_history)
    if val is None:
        return wrong("`es_history`에 'val_loss'가 없습니다: fit이 돌려준 History를 넘기고, "
                     "fit에 validation_split=0.2를 주세요",
                     "`es_history` has no 'val_loss': pass the History that fit returned, "
                     "and give fit validation_split=0.2")
    best = int(np.argmin(val)) + 1
    if len(val) == best:
        return wrong(f"`es_history`의 {len(val)}에포크 가운데 마지막 에포크의 val_loss가 가장 "
                     "작습니다: 조기 종료가 일어나지 않았습니다. epochs=20, patience=2로 "
                     "학습했나요?",
                     f"the last of the {len(val)} epochs in `es_history` has the smallest "
                     "val_loss: training did not stop early. Did you use epochs=20 and "
                     "patience=2?")
    (x_train, y_train), _ = _mnist_scaled()
    split = int(ES_IMAGES * (1 - ES_SPLIT))
    x_val, y_val = x_train[split:ES_IMAGES], y_train[split:ES_IMAGES]
    try:
        result = es_model.evaluate(x_val, y_val, verbose=0)
    except Exception as exc:  # noqa: BLE001 - an uncompiled model, wrong input shape, ...
        return wrong(f"`es_model`을 평가할 수 없습니다 ({type(exc).__name__}: {exc})",
                     f"`es_model` cannot be evaluated ({type(exc).__name__}: {exc})")
    model_loss = float(np.ravel(result)[0])
    if not np.isclose(model_loss, val[best - 1], rtol=1e-6, atol=1e-9):
        if np.isclose(model_loss, val[-1], rtol=1e-6, atol=1e-9):
            return wrong("`es_model`은 마지막 에포크의 가중치를 갖고 있습니다: EarlyStopping에 "
                         "restore_best_weights=True를 주세요",
                         "`es_model` holds the weights of the last epoch: give EarlyStopping "
                         "restore_best_weights=True")
        return wrong(f"`es_model`의 검증 손실(x_train[{split}:{ES_IMAGES}])이 `es_history`의 "
                     "어느 val_loss와도 맞지 않습니다: x_train[:1500]과 validation_split=0.2로 "
                     "학습한 그 모델과 History인가요?",
                     f"the validation loss of `es_model` (on x_train[{split}:{ES_IMAGES}]) "
                     "matches no val_loss of `es_history`: are they the model and History of "
                     "one fit on x_train[:1500] with validation_split=0.2?")
    number = as_number(best_epoch)
    if number is None or number != int(number):
        return wrong(f"`best_epoch`는 에포크 번호(정수)여야 하는데 {describe(best_epoch)}입니다",
                     f"`best_epoch` must be an epoch number (an integer), got "
                     f"{describe(best_epoch)}")
    number = int(number)
    if number == best:
        return correct(f"맞았습니다! {best}에포크의 가중치가 되돌아왔고, 모델의 검증 손실이 "
                       "History의 최솟값과 같습니다",
                       f"correct! the weights of epoch {best} are back, and the model's "
                       "validation loss is the smallest in the History")
    if number == best - 1:
        return wrong(f"`best_epoch` = {number}은(는) 0부터 센 번호입니다(EarlyStopping."
                     "best_epoch처럼). Keras의 메시지처럼 1부터 세세요",
                     f"`best_epoch` = {number} counts from 0 (like EarlyStopping.best_epoch); "
                     "count from 1, as Keras's message does")
    if number == len(val):
        return wrong(f"`best_epoch` = {number}은(는) 학습이 멈춘 마지막 에포크입니다: "
                     "restore_best_weights=True는 그 가중치를 버리고 되돌립니다",
                     f"`best_epoch` = {number} is the last epoch trained: "
                     "restore_best_weights=True throws those weights away")
    return wrong(f"`best_epoch` = {number}은(는) 맞지 않습니다 — es_history.history['val_loss']를 "
                 "보세요",
                 f"`best_epoch` = {number} is not right — look at "
                 "es_history.history['val_loss']")


def early_stopping(best_epoch, es_model=..., es_history=...) -> None:
    """Exercise 7: print the feedback on the restored epoch."""
    CHAPTER.report(7, check_early_stopping, best_epoch, es_model, es_history)


# -- exercise 8: class_weight and Keras's reduction ---------------------------------------------

#: the labels of exercise 8 and the logits of its first mini-batch (batch_size=4)
CLASS_LABELS = np.array([0, 2, 0, 0, 1, 0, 0, 2, 0, 0])
FIRST_LOGITS = np.array([[2.0, -1.0, 0.5],
                         [0.3, 0.1, -0.4],
                         [1.5, 0.2, 0.0],
                         [-0.5, 1.0, 0.8]])


def _balanced(labels, n_classes=3):
    counts = np.bincount(labels, minlength=n_classes)
    return {c: len(labels) / (n_classes * counts[c]) for c in range(n_classes)}


def _per_sample_loss(labels, logits):
    p = softmax_rows(logits)
    return -np.log(p[np.arange(len(labels)), labels])


def _weights_dict(value):
    """``({int: float}, None)`` or ``(None, Feedback)``."""
    if not isinstance(value, dict):
        return None, wrong(f"`class_weight`는 {{클래스: 가중치}} 사전이어야 하는데 "
                           f"{describe(value)}입니다 (Keras의 class_weight도 사전입니다)",
                           f"`class_weight` must be a dict {{class: weight}}, got "
                           f"{describe(value)} (Keras's class_weight is a dict too)")
    out = {}
    for key, weight in value.items():
        try:
            k = int(key)
        except (TypeError, ValueError):
            k = None
        if k is None or isinstance(key, (bool, np.bool_)) or k != key:
            return None, wrong(f"`class_weight`의 키 {key!r}가 클래스 번호(정수)가 아닙니다",
                               f"`class_weight` key {key!r} is not a class number (an integer)")
        w = as_number(weight)
        if w is None or not np.isfinite(w):
            return None, wrong(f"`class_weight[{k}]`가 숫자가 아닙니다: {describe(weight)}",
                               f"`class_weight[{k}]` is not a number: {describe(weight)}")
        out[k] = w
    return out, None


def check_class_weights(class_weight, first_batch_loss) -> Feedback:
    """Balanced class weights w_c = n/(C·n_c) for CLASS_LABELS, and the loss of the first
    mini-batch of 4 as Keras computes it: sum(w·l)/n, n the batch size."""
    if is_placeholder(class_weight) and is_placeholder(first_batch_loss):
        return not_attempted()
    if is_placeholder(class_weight):
        return not_attempted("class_weight도 만드세요", "make class_weight too")
    got, problem = _weights_dict(class_weight)
    if problem is not None:
        return problem
    expected = _balanced(CLASS_LABELS)
    if sorted(got) != sorted(expected):
        return wrong(f"`class_weight`의 키가 {sorted(got)}입니다: 클래스 0, 1, 2마다 하나씩 "
                     "있어야 합니다",
                     f"`class_weight` has keys {sorted(got)}; it needs one per class 0, 1, 2")
    w_got = np.array([got[c] for c in range(3)])
    w_exp = np.array([expected[c] for c in range(3)])
    if not np.allclose(w_got, w_exp, rtol=1e-6, atol=0):
        counts = np.bincount(CLASS_LABELS, minlength=3)
        if np.argmax(w_got) == np.argmax(counts):
            return wrong("`class_weight`: 가장 흔한 클래스 0이 가장 큰 가중치를 받습니다: "
                         "드문 클래스가 커야 합니다(n_c로 나누세요)",
                         "`class_weight`: the most common class, 0, gets the largest weight; "
                         "the rare classes should (divide by n_c)")
        if np.allclose(w_got / w_got.sum(), w_exp / w_exp.sum(), rtol=1e-6):
            return wrong("`class_weight`의 비율은 맞지만 크기가 다릅니다: w_c = n / (C·n_c)로 "
                         "샘플에 대한 가중치의 평균이 1이 되게 하세요",
                         "`class_weight` has the right ratios but the wrong scale: with "
                         "w_c = n / (C·n_c) the weights average 1 over the samples")
        return wrong("`class_weight`가 w_c = n / (C·n_c)가 아닙니다 (n = 10, C = 3)",
                     "`class_weight` is not w_c = n / (C·n_c) (n = 10, C = 3)")
    if is_placeholder(first_batch_loss):
        return not_attempted("first_batch_loss를 구하세요", "compute first_batch_loss")
    labels = CLASS_LABELS[:4]
    per_sample = _per_sample_loss(labels, FIRST_LOGITS)
    weights = np.array([expected[c] for c in labels])
    target = float(np.sum(weights * per_sample) / len(labels))
    value = as_number(first_batch_loss)
    if value is not None and not np.isclose(value, target, rtol=1e-6, atol=1e-12):
        mistakes = [
            (float(np.sum(weights * per_sample) / np.sum(weights)),
             "가중 평균 sum(w·l)/sum(w)입니다: Keras는 가중치의 합이 아니라 배치 크기로 나눕니다",
             "that is the weighted mean sum(w·l)/sum(w); Keras divides by the batch size, not "
             "by the sum of the weights"),
            (float(np.mean(per_sample)),
             "가중치를 쓰지 않은 평균입니다: sample_weight=[class_weight[c] for c in t[:4]]를 "
             "넘기세요",
             "that is the unweighted mean: pass sample_weight=[class_weight[c] for c in t[:4]]"),
            (float(np.sum(weights * per_sample)),
             "합 sum(w·l)입니다: 배치 크기 4로 나누세요",
             "that is the sum sum(w·l); divide by the batch size, 4"),
        ]
        for wrong_value, ko, en in mistakes:
            if np.isclose(value, wrong_value, rtol=1e-6, atol=1e-12):
                return wrong(f"`first_batch_loss` = {describe(first_batch_loss)}: {ko}",
                             f"`first_batch_loss` = {describe(first_batch_loss)}: {en}")
    fb = compare_values(first_batch_loss, target, rtol=1e-6, atol=1e-12, name="first_batch_loss")
    if fb.ok:
        return correct("맞았습니다! Keras의 손실은 sum(w·l)/n, n은 배치 크기입니다",
                       "correct! Keras's loss is sum(w·l)/n, with n the batch size")
    return fb


def class_weights(class_weight, first_batch_loss) -> None:
    """Exercise 8: print the feedback on the class weights and the first batch's loss."""
    CHAPTER.report(8, check_class_weights, class_weight, first_batch_loss)
