"""Chapter 7 exercise checks, each tried four ways: right, differently right, typical wrong,
garbage; the "accuracy" rule matches Keras 3."""

import numpy as np
import pytest
from exercise_cases import assert_garbage_is_feedback, assert_right, assert_wrong

from lossbook import optimizers
from lossbook.exercises import NOT_ATTEMPTED
from lossbook.exercises import ch07 as check
from lossbook.model import Dense, Input, Sequential

pytestmark = pytest.mark.usefixtures("english")

N = 22699


def test_ex1_validation_split():
    order = np.random.default_rng(1234).permutation(N)
    assert_right(check.check_validation_split(order[:5000], order[5000:], N))
    valid = np.sort(np.random.default_rng(7).choice(N, 5000, replace=False))
    assert_right(check.check_validation_split(valid.tolist(), np.setdiff1d(np.arange(N), valid),
                                              N))
    # unshuffled: the first 5,000 images
    fb = check.check_validation_split(np.arange(5000), np.arange(5000, N), N)
    assert_wrong(fb, "`valid_idx` sits in one corner", "shuffling")
    # the post's np.random.choice with replacement
    valid = np.random.default_rng(0).choice(N, 5000)
    fb = check.check_validation_split(valid, np.setdiff1d(np.arange(N), valid), N)
    assert_wrong(fb, "`train_idx` has")
    assert_wrong(check.check_validation_split(order[:5000], order[4999:-1], N),
                 "share 1 indices")
    assert_wrong(check.check_validation_split(order[:5000] * 1.0, order[5000:], N),
                 "`valid_idx` must be an array of integer indices")
    assert_garbage_is_feedback(lambda a, b: check.check_validation_split(a, b, N), 2)


def test_ex2_adam_string():
    assert_right(check.check_adam_string(0.001, optimizers.Adam(learning_rate=0.005)))
    assert_right(check.check_adam_string(np.array([1e-3]), optimizers.Adam(learning_rate=5e-3)))
    assert_wrong(check.check_adam_string(0.005, optimizers.Adam(learning_rate=0.005)),
                 "`string_lr` = 0.005 is not right")
    assert_wrong(check.check_adam_string(0.001, "adam"), "must be an Adam object")
    assert_wrong(check.check_adam_string(0.001, optimizers.Adam()),
                 "`optimizer_0005.learning_rate` = 0.001 is not right")
    assert_garbage_is_feedback(check.check_adam_string, 2)


def _models(same_start=True, shuffle=False):
    x = np.random.default_rng(0).normal(size=(40, 4))
    y = np.arange(40) % 3
    a = Sequential([Input((4,)), Dense(3, activation="softmax")], seed=1)
    b = Sequential([Input((4,)), Dense(3, activation="softmax")], seed=2)
    if same_start:
        b.set_weights(a.get_weights())
    a.compile(optimizer=optimizers.Adam(learning_rate=0.005),
              loss="sparse_categorical_crossentropy")
    b.compile(optimizer=optimizers.Adam(learning_rate=0.005), loss="categorical_crossentropy")
    a.fit(x, y, batch_size=8, shuffle=shuffle, verbose=0, seed=3)
    b.fit(x, np.eye(3)[y], batch_size=8, shuffle=shuffle, verbose=0, seed=4)
    diff = max(np.max(np.abs(p - q)) for p, q in zip(a.get_weights(), b.get_weights(),
                                                     strict=True))
    return a, b, diff


def test_ex3_one_hot_same():
    a, b, diff = _models()
    assert diff < 1e-12
    assert_right(check.check_one_hot_same(diff, a, b))
    assert_right(check.check_one_hot_same(np.array([diff]), a, b))
    # 0 written down without running the experiment
    assert_wrong(check.check_one_hot_same(0, ..., ...), "must be measured on two trained models")
    assert check.check_one_hot_same(..., ..., ...).status == NOT_ATTEMPTED
    assert_wrong(check.check_one_hot_same(0, a, a), "the same model")
    untrained = Sequential([Input((4,)), Dense(3, activation="softmax")], seed=1)
    untrained.compile(optimizer="adam", loss="categorical_crossentropy")
    assert_wrong(check.check_one_hot_same(0, a, untrained), "training steps")
    assert_wrong(check.check_one_hot_same(0, b, a), "the losses are")
    c, d, diff_cd = _models(same_start=False)
    assert_wrong(check.check_one_hot_same(diff_cd, c, d), "set_weights")
    assert_wrong(check.check_one_hot_same(0.5, a, b), "`weight_difference` = 0.5 is not right")
    assert_garbage_is_feedback(check.check_one_hot_same, 1)
    assert_garbage_is_feedback(lambda w, m: check.check_one_hot_same(w, m, m), 2)
    for garbage in ("model", 3, [a, b]):
        assert_wrong(check.check_one_hot_same(0.0, garbage, b))


def test_ex4_accuracy_rule():
    right = {"a": "categorical_accuracy", "b": "binary_accuracy",
             "c": "sparse_categorical_accuracy", "d": "sparse_categorical_accuracy"}
    assert_right(check.check_accuracy_rule(right))
    assert_right(check.check_accuracy_rule({"a": "CategoricalAccuracy", "b": "BinaryAccuracy",
                                            "c": "SparseCategoricalAccuracy",
                                            "d": " Sparse Categorical Accuracy "}))
    # the four answers the chapter prints just above, in order, do not pass
    printed = ["sparse_categorical_accuracy", "sparse_categorical_accuracy",
               "categorical_accuracy", "binary_accuracy"]
    fb = check.check_accuracy_rule(dict(zip("abcd", printed, strict=True)))
    assert_wrong(fb, "(a) 'sparse_categorical_accuracy' is not right")
    assert_wrong(check.check_accuracy_rule({**right, "b": "sparse_categorical_accuracy"}),
                 "(b)", "single output unit")
    assert_garbage_is_feedback(check.check_accuracy_rule, 1)


def test_accuracy_rule_is_keras_rule():
    compile_utils = pytest.importorskip("keras.src.trainers.compile_utils")
    for y_shape, p_shape in [*check.ACCURACY_CASES.values(), ((32,), (32, 10)),
                             ((32, 1), (32, 10)), ((32, 10), (32, 10)), ((32, 1), (32, 1))]:
        y, p = np.zeros(y_shape), np.zeros(p_shape)
        is_binary, is_sparse = compile_utils.is_binary_or_sparse_categorical(y, p)
        keras_name = ("binary_accuracy" if is_binary else
                      "sparse_categorical_accuracy" if is_sparse else "categorical_accuracy")
        assert check.keras_accuracy_for(y_shape, p_shape) == keras_name, (y_shape, p_shape)


def test_ex5_float32_start():
    assert_right(check.check_float32_start("1e-8"))
    for spelling in ("1e-08", "1E-8", 1e-8, np.float32(1e-8)):
        assert_right(check.check_float32_start(spelling))
    fb = check.check_float32_start("1e-16")  # float64's answer
    assert_wrong(fb, "`float32_start` = '1e-16' is not right", "np.finfo(np.float32).eps")
    assert_wrong(check.check_float32_start("1e-7"), "pick one of")
    assert_garbage_is_feedback(check.check_float32_start, 1)


def test_feedback_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    assert check.check_float32_start("1e-4").message.startswith("`float32_start` = '1e-4'은(는)")


# -- the section "Off the path": exercises 6-8 ---------------------------------------------------

from lossbook import activations, callbacks, losses  # noqa: E402
from lossbook.datasets import load_mnist  # noqa: E402
from lossbook.model import Flatten  # noqa: E402


@pytest.fixture(scope="module")
def mnist():
    (x_train, y_train), (x_test, y_test) = load_mnist()
    return (x_train / 255.0, y_train), (x_test / 255.0, y_test)


def _small(last_activation=None, seed=6):
    # a small model is enough for the checks (they look at the last layer, loss and steps)
    return Sequential([Input((28, 28)), Flatten(), Dense(32, activation="relu"),
                       Dense(10, activation=last_activation)], seed=seed)


def _trained(mnist, loss, last_activation=None, n=300):
    (x, y), _ = mnist
    m = _small(last_activation)
    m.compile(optimizer=optimizers.Adam(learning_rate=0.005), loss=loss)
    m.fit(x[:n], y[:n], epochs=1, shuffle=False, verbose=0)
    return m


def test_ex6_logits_model(mnist):
    _, (x_test, _) = mnist
    m = _trained(mnist, losses.SparseCategoricalCrossentropy(from_logits=True))
    logits = m.predict(x_test[:100], verbose=0)
    # right: lossbook's softmax; differently right: float32, a hand-written softmax, Keras's
    assert_right(check.check_logits_model(m, activations.softmax(logits)))
    assert_right(check.check_logits_model(m, activations.softmax(logits).astype(np.float32)))
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    assert_right(check.check_logits_model(m, (e / e.sum(axis=1, keepdims=True)).tolist()))
    keras = pytest.importorskip("keras")
    assert_right(check.check_logits_model(m, np.asarray(keras.ops.softmax(logits))))
    # typical wrong: logits handed in as probabilities; softmax over the wrong axis;
    # other images; double softmax; string loss; softmax output; untrained
    assert_wrong(check.check_logits_model(m, logits), "i.e. logits: apply a softmax")
    assert_wrong(check.check_logits_model(m, activations.softmax(logits, axis=0)),
                 "not probability distributions")
    other = activations.softmax(m.predict(x_test[100:200], verbose=0))
    assert_wrong(check.check_logits_model(m, other), "x_test[:100]")
    double = _trained(mnist, losses.SparseCategoricalCrossentropy(from_logits=True), "softmax")
    assert_wrong(check.check_logits_model(double, double.predict(x_test[:100], verbose=0)),
                 "second softmax")
    probs_model = _trained(mnist, "sparse_categorical_crossentropy", "softmax")
    assert_wrong(check.check_logits_model(probs_model, probs_model.predict(x_test[:100],
                                                                           verbose=0)),
                 "has activation softmax")
    untrained = _small()
    untrained.compile(optimizer="adam", loss=losses.SparseCategoricalCrossentropy(from_logits=True))
    assert_wrong(check.check_logits_model(untrained, activations.softmax(logits)),
                 "has not been trained")
    assert_wrong(check.check_logits_model(m, activations.softmax(logits)[:10]), "shape (10, 10)")
    fb = check.check_logits_model(..., activations.softmax(logits))
    assert fb.status == NOT_ATTEMPTED
    assert_garbage_is_feedback(check.check_logits_model, 2)
    assert_garbage_is_feedback(lambda a, b: check.check_logits_model(m, b), 2)


def test_ex6_accepts_a_keras_model(mnist):
    keras = pytest.importorskip("keras")
    (x, y), (x_test, _) = mnist
    keras.utils.set_random_seed(0)
    k = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                          keras.layers.Dense(10)])
    k.compile(optimizer="adam",
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    k.fit(x[:64], y[:64], epochs=1, verbose=0)
    probs = np.asarray(keras.ops.softmax(k.predict(x_test[:100], verbose=0)))
    assert_right(check.check_logits_model(k, probs))


def _es_fit(mnist, restore=True, epochs=20, patience=2):
    (x, y), _ = mnist
    m = _small(seed=7)
    m.compile(optimizer=optimizers.Adam(learning_rate=0.01),
              loss=losses.SparseCategoricalCrossentropy(from_logits=True))
    stop = callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                   restore_best_weights=restore)
    h = m.fit(x[:1500], y[:1500], epochs=epochs, shuffle=False, validation_split=0.2,
              callbacks=[stop], verbose=0)
    return m, h, stop


@pytest.fixture(scope="module")
def early_stopped(mnist):
    return _es_fit(mnist)


def test_ex7_early_stopping(mnist, early_stopped):
    m, h, stop = early_stopped
    val = h.history["val_loss"]
    best = int(np.argmin(val)) + 1
    assert best < len(val), "the fixture must stop early"
    assert_right(check.check_early_stopping(best, m, h))
    # differently right: from the callback, as a string, as a float, History's dict
    assert_right(check.check_early_stopping(stop.best_epoch + 1, m, h.history))
    assert_right(check.check_early_stopping(str(best), m, h))
    assert_right(check.check_early_stopping(float(best), m, h))
    # typical wrong: the last epoch; counted from 0; another epoch
    assert_wrong(check.check_early_stopping(len(val), m, h), "the last epoch trained")
    assert_wrong(check.check_early_stopping(best - 1, m, h), "counts from 0")
    other = next(e for e in range(1, len(val) + 1) if e not in (best, best - 1, len(val)))
    assert_wrong(check.check_early_stopping(other, m, h), f"`best_epoch` = {other} is not right")
    assert_wrong(check.check_early_stopping(2.5, m, h), "an integer")
    fb = check.check_early_stopping(best, ..., ...)
    assert fb.status == NOT_ATTEMPTED and "pass the model and the History" in fb.message
    assert_garbage_is_feedback(check.check_early_stopping, 1)
    assert_garbage_is_feedback(lambda b, x: check.check_early_stopping(best, x, h), 2)
    assert_garbage_is_feedback(lambda b, x: check.check_early_stopping(best, m, x), 2)


def test_ex7_without_restore_best_weights(mnist):
    m, h, _ = _es_fit(mnist, restore=False)
    best = int(np.argmin(h.history["val_loss"])) + 1
    assert_wrong(check.check_early_stopping(best, m, h), "restore_best_weights=True")


def test_ex7_model_and_history_of_different_runs(mnist, early_stopped):
    m, h, _ = early_stopped
    (x, y), _ = mnist
    other = _small(seed=8)
    other.compile(optimizer="adam", loss=losses.SparseCategoricalCrossentropy(from_logits=True))
    other.fit(x[:100], y[:100], epochs=1, verbose=0)
    best = int(np.argmin(h.history["val_loss"])) + 1
    assert_wrong(check.check_early_stopping(best, other, h), "matches no val_loss")
    assert_wrong(check.check_early_stopping(1, m, {"loss": [1.0]}), "has no 'val_loss'")


def _ex8_reference():
    t = check.CLASS_LABELS
    counts = np.bincount(t)
    cw = {c: len(t) / (3 * counts[c]) for c in range(3)}
    w = np.array([cw[c] for c in t[:4]])
    z = check.FIRST_LOGITS
    per = -np.log(activations.softmax(z)[np.arange(4), t[:4]])
    return cw, w, per


def test_ex8_class_weights():
    cw, w, per = _ex8_reference()
    loss = losses.SparseCategoricalCrossentropy(from_logits=True)(
        check.CLASS_LABELS[:4], check.FIRST_LOGITS, sample_weight=w)
    assert np.isclose(loss, np.sum(w * per) / 4)
    assert_right(check.check_class_weights(cw, loss))
    # differently right: NumPy keys and values, a one-element array, float32, Keras's value
    np_keys = {np.int64(c): np.float64(v) for c, v in cw.items()}
    assert_right(check.check_class_weights(np_keys, np.array([loss])))
    assert_right(check.check_class_weights(cw, np.float32(loss)))
    keras = pytest.importorskip("keras")
    k_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(
        check.CLASS_LABELS[:4], check.FIRST_LOGITS, sample_weight=w)
    assert_right(check.check_class_weights(cw, float(k_loss)))
    # typical wrong weights: inverted, unnormalised, not a dict, a class missing
    counts = np.bincount(check.CLASS_LABELS)
    assert_wrong(check.check_class_weights({c: counts[c] / 10 for c in range(3)}, loss),
                 "the most common class")
    assert_wrong(check.check_class_weights({c: 1 / counts[c] for c in range(3)}, loss),
                 "right ratios but the wrong scale")
    assert_wrong(check.check_class_weights([cw[0], cw[1], cw[2]], loss), "must be a dict")
    assert_wrong(check.check_class_weights({0: cw[0], 1: cw[1]}, loss), "one per class")
    # typical wrong losses: weighted mean, unweighted mean, the sum; none shows the value
    for wrong_loss, text in [(np.sum(w * per) / np.sum(w), "weighted mean"),
                             (np.mean(per), "unweighted mean"),
                             (np.sum(w * per), "divide by the batch size")]:
        fb = check.check_class_weights(cw, wrong_loss)
        assert_wrong(fb, text)
        assert f"{loss:.6f}"[:6] not in fb.message
    assert_wrong(check.check_class_weights(cw, 1.234), "`first_batch_loss` = 1.234 is not right")
    assert check.check_class_weights(cw, ...).status == NOT_ATTEMPTED
    assert_garbage_is_feedback(check.check_class_weights, 2)
    assert_garbage_is_feedback(lambda a, b: check.check_class_weights(cw, b), 2)


def test_ex8_feedback_in_korean(monkeypatch):
    monkeypatch.setenv("LOSSBOOK_LANG", "ko")
    cw, w, per = _ex8_reference()
    fb = check.check_class_weights(cw, np.sum(w * per) / np.sum(w))
    assert "가중 평균" in fb.message and "weighted" not in fb.message


def test_new_exercises_have_hints():
    for k in (6, 7, 8):
        assert check.CHAPTER.hints[k][0] and check.CHAPTER.hints[k][1]
