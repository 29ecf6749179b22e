"""Chapter 7: compiling and training the MNIST model of the "Model compile" post in Keras
and in lossbook (source posts: "Model compile", "Loss functions, summarized")."""

from cells import code, md

TITLE = {
    "ko": "Keras 모델 컴파일: 손실·옵티마이저·지표",
    "en": "Compiling a Keras model: loss, optimizer, metrics",
}

CELLS = [
    # ------------------------------------------------------------------ goals
    md(
        ko=r"""
## 학습 목표

지금까지 손실 함수, 활성화 함수, 경사 하강법, 역전파, 옵티마이저를 하나씩 만들어 보았습니다. 이 장에서는 그 부품을 Keras {cite}`chollet2015keras`의 세 줄 `compile` → `fit` → `evaluate`로 한꺼번에 조립합니다. {ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 MNIST 모델(Dense 300-200-100-10)을 **진짜 Keras 3**와 `lossbook.model`로 나란히 학습시키고, 두 구현이 같은 계산을 하는지 숫자로 확인합니다. 이 장을 마치면 다음을 할 수 있습니다.

- `compile(optimizer, loss, metrics)`의 세 인자가 각각 무엇을 정하는지, 문자열(`"adam"`)과 객체(`Adam(learning_rate=0.005)`)가 어떻게 다른지 설명할 수 있다.
- `metrics=["accuracy"]`가 레이블과 출력의 모양에 따라 **희소 범주형 정확도(sparse categorical accuracy)** 등으로 바뀐다는 것을 안다.
- `fit`의 핵심(에포크마다 섞기, 미니배치마다 순전파 → 손실 → 역전파 → 옵티마이저)을 `lossbook` 소스에서 읽고 설명할 수 있다.
- 문제(회귀·이진 분류·다중 클래스 분류)와 레이블 형식(정수 또는 원-핫)에 맞는 손실을 고를 수 있다.
- 이진 교차 엔트로피의 손 계산 예제를 `lossbook`과 Keras로 다시 계산하고, 그 글의 숫자가 어디서 왔는지 설명할 수 있다.
- 같은 초기 가중치와 같은 미니배치로 학습한 Keras 모델과 `lossbook` 모델의 가중치 차이를 재고, 그 차이가 왜 학습이 길어질수록 커지는지 설명할 수 있다.
- 로짓 출력과 `from_logits=True`, `validation_split`과 `EarlyStopping`, `class_weight`를 Keras와 `lossbook`에서 똑같이 쓰고, Keras가 가중치가 붙은 배치의 손실을 어떻게 계산하는지 설명할 수 있다.
""",
        en=r"""
## Learning goals

So far we have built the parts one by one: loss functions, activations, gradient descent, backpropagation and optimizers. This chapter puts them together with the three calls of Keras {cite}`chollet2015keras`: `compile` → `fit` → `evaluate`. We train the MNIST model of {ref}`the “Model compile” post <en-post-model-compile>` (Dense 300-200-100-10) in **real Keras 3** and in `lossbook.model` side by side, and check with numbers that both compute the same thing. After this chapter you will be able to:

- explain what each argument of `compile(optimizer, loss, metrics)` decides, and how a string (`"adam"`) differs from an object (`Adam(learning_rate=0.005)`);
- know that `metrics=["accuracy"]` turns into **sparse categorical accuracy** (or another accuracy) depending on the shapes of the labels and of the output;
- read the core of `fit` in the `lossbook` source (shuffle every epoch; per mini-batch: forward, loss, backward, optimizer step) and explain it;
- choose the loss for the problem (regression, binary, multi-class) and the label format (integers or one-hot);
- recompute that post's binary cross-entropy examples with `lossbook` and Keras, and explain where its numbers come from;
- measure the weight difference between a Keras model and a `lossbook` model trained from the same initial weights on the same mini-batches, and explain why it grows as training goes on.
- use a logits output with `from_logits=True`, `validation_split` with `EarlyStopping`, and `class_weight` alike in Keras and `lossbook`, and explain how Keras computes the loss of a weighted batch.
""",
    ),
    code(
        """
import inspect
import os

os.environ["KERAS_BACKEND"] = "jax"   # choose the backend BEFORE importing keras
os.environ["JAX_PLATFORMS"] = "cpu"   # no GPU probing (and no warning about it)
os.environ["JAX_ENABLE_X64"] = "1"    # let JAX hold float64 arrays

import keras
import matplotlib.pyplot as plt
import numpy as np

from lossbook import activations, callbacks, losses, optimizers
from lossbook.datasets import load_mnist
from lossbook.exercises import ch07 as check
from lossbook.model import Dense, Flatten, Input, Sequential
from lossbook.plotting import setup, tr

keras.config.set_floatx("float64")    # float64 like lossbook (Keras's default is float32)
setup()
np.set_printoptions(precision=6, suppress=True)
print("Keras", keras.__version__, "backend:", keras.backend.backend(), "floatx:", keras.config.floatx())
"""
    ),
    # ------------------------------------------------------------------- data
    md(
        ko=r"""
## 데이터: MNIST

MNIST {cite}`lecun1998mnist`는 0부터 9까지 손으로 쓴 숫자를 28×28 흑백 이미지로 모은 데이터입니다. `lossbook.datasets.load_mnist()`는 `keras.datasets.mnist.load_data()`와 같은 모양의 배열을 돌려주지만, 인터넷에서 내려받지 않고 패키지에 들어 있는 사본을 읽습니다. 사본에는 공식 시험 세트(test set) 10,000장 전부와 공식 훈련 세트(training set)의 앞부분 22,699장이 들어 있습니다(전체 훈련 세트는 60,000장).
""",
        en=r"""
## The data: MNIST

MNIST {cite}`lecun1998mnist` holds handwritten digits 0–9 as 28×28 grey-scale images. `lossbook.datasets.load_mnist()` returns arrays shaped exactly like `keras.datasets.mnist.load_data()`, but reads the copy bundled with the package instead of downloading: the complete official test set (10,000 images) and the first 22,699 images of the official training set (which has 60,000).
""",
    ),
    code(
        """
(x_train_raw, y_train), (x_test_raw, y_test) = load_mnist()
print("x_train", x_train_raw.shape, x_train_raw.dtype, "  y_train", y_train.shape, y_train.dtype)
print("x_test ", x_test_raw.shape, x_test_raw.dtype, "  y_test ", y_test.shape, y_test.dtype)
print("first labels:", y_train[:10])
print("pixel range:", x_train_raw.min(), "to", x_train_raw.max())
"""
    ),
    md(
        ko=r"""
「모델 컴파일」 글은 픽셀을 최소-최대 스케일링(min-max scaling) $(x - \min)/(\max - \min)$으로 0과 1 사이로 옮깁니다. 위에서 보듯 최솟값이 0, 최댓값이 255이므로 이것은 그냥 $x/255$입니다. 레이블은 0~9의 **정수** 그대로 둡니다. 이 형식이 뒤에서 손실을 고를 때 중요합니다.
""",
        en=r"""
The post rescales pixels to [0, 1] with min-max scaling, $(x - \min)/(\max - \min)$. With a minimum of 0 and a maximum of 255 (above), that is simply $x/255$. The labels stay **integers** 0–9; this format matters when we choose the loss.
""",
    ),
    code(
        """
x_train = x_train_raw / 255.0   # float64 in [0, 1]
x_test = x_test_raw / 255.0
print(x_train.dtype, f"{x_train.min():.1f} .. {x_train.max():.1f}")
"""
    ),
    # ------------------------------------------------------------------ model
    md(
        ko=r"""
## 「모델 컴파일」 글의 모델

{ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 모델은 28×28 이미지를 784개짜리 벡터로 펴는 **평탄화 층(Flatten)** 뒤에 **완전 연결층(dense layer)** 네 개를 쌓습니다. 은닉층 세 개(300, 200, 100개 뉴런)는 ReLU, 출력층 10개는 소프트맥스를 씁니다. 층 이름도 그 글과 같게 붙였습니다.

층 하나는 $a = f(xW + b)$이고 매개변수는 $W$(입력 수 × 뉴런 수)와 $b$(뉴런 수)입니다. 매개변수 수를 손으로 세면

$$784\cdot300+300 \;+\; 300\cdot200+200 \;+\; 200\cdot100+100 \;+\; 100\cdot10+10 = 316{,}810$$

입니다. Keras와 `lossbook`이 같은 수를 세는지 확인합니다.
""",
        en=r"""
## The model of the “Model compile” post

The model of {ref}`the “Model compile” post <en-post-model-compile>` first unrolls each 28×28 image into a 784-vector with a **Flatten** layer, then stacks four **dense (fully connected) layers**: three hidden layers of 300, 200 and 100 neurons with ReLU, and an output layer of 10 with softmax. We keep the post's layer names.

Each layer computes $a = f(xW + b)$ with parameters $W$ (inputs × neurons) and $b$ (neurons). Counting by hand:

$$784\cdot300+300 \;+\; 300\cdot200+200 \;+\; 200\cdot100+100 \;+\; 100\cdot10+10 = 316{,}810 .$$

Keras and `lossbook` should count the same:
""",
    ),
    code(
        """
def keras_mnist_model():
    return keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(name="Flatten"),
        keras.layers.Dense(300, activation="relu", name="Hidden1"),
        keras.layers.Dense(200, activation="relu", name="Hidden2"),
        keras.layers.Dense(100, activation="relu", name="Hidden3"),
        keras.layers.Dense(10, activation="softmax", name="Output"),
    ])


def lossbook_mnist_model(seed):
    return Sequential([
        Input((28, 28)),
        Flatten(name="Flatten"),
        Dense(300, activation="relu", name="Hidden1"),
        Dense(200, activation="relu", name="Hidden2"),
        Dense(100, activation="relu", name="Hidden3"),
        Dense(10, activation="softmax", name="Output"),
    ], seed=seed)            # float64 by default


keras.utils.set_random_seed(0)       # seeds Keras's initialisers and its shuffling
keras_model = keras_mnist_model()
lb_model = lossbook_mnist_model(seed=0)
print("Keras    parameters:", f"{keras_model.count_params():,}")
print("lossbook parameters:", f"{lb_model.count_params():,}")
print("weight shapes:", [w.shape for w in lb_model.get_weights()])
"""
    ),
    md(
        ko=r"""
:::{admonition} 참고: Keras 3에서는 `input_shape=` 대신 `keras.Input`
:class: note
그 글은 `Flatten(input_shape=[28, 28])`처럼 첫 층에 입력 모양을 넘깁니다(TensorFlow 2.4 시절의 Keras). Keras 3에서도 동작은 하지만 "`input_shape`를 층에 넘기지 말고 `Input(shape)` 객체를 쓰라"는 경고가 나옵니다. 위 셀처럼 `keras.Input(shape=(28, 28))`을 맨 앞에 두는 것이 Keras 3의 방식이고, `lossbook.model`도 같은 모양(`Input((28, 28))`)을 씁니다.
:::

두 모델 모두 가중치를 Keras의 기본값대로 초기화합니다. 커널(kernel) $W$는 글로럿 균등 분포(Glorot uniform) $U(-r, r)$, $r = \sqrt{6/(n_\text{in} + n_\text{out})}$에서 뽑고, 편향 $b$는 0으로 둡니다. 난수 생성기가 달라서 두 모델의 가중치 값은 서로 다르지만 분포는 같습니다.
""",
        en=r"""
:::{admonition} Note: Keras 3 uses `keras.Input` instead of `input_shape=`
:class: note
The post passes the input shape to the first layer, `Flatten(input_shape=[28, 28])` (Keras as of TensorFlow 2.4). Keras 3 still accepts it but warns: do not pass `input_shape` to a layer, start the model with an `Input(shape)` object. The cell above does that with `keras.Input(shape=(28, 28))`, and `lossbook.model` uses the same form, `Input((28, 28))`.
:::

Both models initialise weights as Keras does by default: kernels $W$ from the Glorot uniform distribution $U(-r, r)$ with $r = \sqrt{6/(n_\text{in} + n_\text{out})}$, biases $b$ at zero. The random generators differ, so the two models start from different values drawn from the same distribution.
""",
    ),
    code(
        """
w_keras = keras_model.get_weights()[0]
w_lb = lb_model.get_weights()[0]
r = np.sqrt(6 / (784 + 300))
print(f"Glorot bound r = {r:.6f}")
print(f"Keras    Hidden1 kernel: min {w_keras.min():+.6f}  max {w_keras.max():+.6f}  std {w_keras.std():.4f}")
print(f"lossbook Hidden1 kernel: min {w_lb.min():+.6f}  max {w_lb.max():+.6f}  std {w_lb.std():.4f}")
print(f"std of U(-r, r) = r / sqrt(3) = {r / np.sqrt(3):.4f}")
print("biases all zero:", not keras_model.get_weights()[1].any(), not lb_model.get_weights()[1].any())
"""
    ),
    # ---------------------------------------------------------------- compile
    md(
        ko=r"""
## `compile`: 학습 방법 정하기

**컴파일(compile)** 은 모델을 어떻게 학습시킬지 정하는 단계입니다. 세 가지를 고릅니다.

| 인자 | 정하는 것 | 학습에 쓰이는가 |
|---|---|---|
| `loss` | 최소화할 **손실 함수(loss function)** | 쓰인다: 이 함수의 기울기로 가중치를 고친다 |
| `optimizer` | 기울기로 가중치를 고치는 규칙(**옵티마이저(optimizer)**, 6장) | 쓰인다 |
| `metrics` | 학습 중에 **보고만 하는** 평가 지표(metric) | 쓰이지 않는다 |

「모델 컴파일」 글처럼 학습률 0.005의 Adam, 희소 범주형 교차 엔트로피, 정확도로 두 모델을 컴파일합니다. `lossbook.model.Sequential.compile`은 Keras와 같은 인자를 받습니다.

:::{admonition} 1장의 권고: 로짓과 `from_logits=True`
:class: tip
이 모델은 출력층의 소프트맥스가 낸 **확률**을 손실에 넘깁니다. 1장에서 본 대로 확률은 부동소수점에서 정확히 0이나 1이 될 수 있고, 그러면 Keras는 확률을 잘라 내(clipping) 손실과 기울기가 틀어집니다({ref}`1장 <ko-float-exact-0-1>`). 새 모델이라면 출력층을 `Dense(10)`(활성화 없음, 출력은 로짓)으로 두고 `loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)`를 쓰는 편이 수치적으로 더 안전합니다. 확률이 필요하면 예측 뒤에 소프트맥스를 적용합니다. 이 장은 「모델 컴파일」 글의 모델을 그대로 재현하려고 소프트맥스 출력을 씁니다. 그 대가는 뒤의 "같은 배치, 같은 시작점"에서 다시 보게 됩니다(클리핑이 두 구현이 갈라지는 원인 중 하나입니다).
:::
""",
        en=r"""
## `compile`: deciding how to train

**Compiling** decides how the model will be trained. Three choices:

| argument | decides | used for training? |
|---|---|---|
| `loss` | the **loss function** to minimise | yes: the gradient is taken of it |
| `optimizer` | the rule that turns gradients into weight updates (chapter 6) | yes |
| `metrics` | measures that are only **reported** | no |

As in the post: Adam with learning rate 0.005, sparse categorical cross-entropy, accuracy. `lossbook.model.Sequential.compile` takes the same arguments as Keras.

:::{admonition} Chapter 1's advice: logits and `from_logits=True`
:class: tip
This model hands the **probabilities** of its softmax output layer to the loss. As chapter 1 showed, in floating point a probability can be exactly 0 or 1, and Keras then clips it, which distorts the loss and its gradient ({ref}`chapter 1 <en-float-exact-0-1>`). For a new model it is numerically safer to end with `Dense(10)` (no activation: the outputs are logits) and use `loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)`, applying a softmax after prediction when probabilities are needed. This chapter keeps the softmax output to reproduce the “Model compile” post's model as it is; the price shows up in "Same batches, same start" below (clipping is one reason why the two implementations drift apart).
:::
""",
    ),
    code(
        """
keras_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.005),
                    loss="sparse_categorical_crossentropy", metrics=["accuracy"])
lb_model.compile(optimizer=optimizers.Adam(learning_rate=0.005),
                 loss="sparse_categorical_crossentropy", metrics=["accuracy"])
"""
    ),
    md(
        ko=r"""
### 문자열은 무엇으로 바뀌나

`compile`에 문자열을 주면 Keras는 `keras.optimizers.get`, `keras.losses.get` 같은 함수로 그 이름을 실제 객체로 바꿉니다. `lossbook`에도 같은 이름의 `get()`이 있습니다. 옵티마이저 문자열은 **기본 하이퍼파라미터(hyperparameter)** 로 만든 새 옵티마이저가 됩니다. Adam의 기본 학습률은 0.001이므로, `optimizer="adam"`이라고 쓰면 그 글이 쓴 0.005가 아니라 0.001로 학습합니다.
""",
        en=r"""
### What the strings turn into

Given strings, `compile` looks the names up with `keras.optimizers.get`, `keras.losses.get` and friends. `lossbook` has `get()` functions with the same names. An optimizer string gives a new optimizer with the **default hyperparameters**: Adam's default learning rate is 0.001, so `optimizer="adam"` trains at 0.001, not at the post's 0.005.
""",
    ),
    code(
        """
opt_k = keras.optimizers.get("adam")
opt_l = optimizers.get("adam")
print(f"keras.optimizers.get('adam')   : {type(opt_k).__name__}, learning_rate={float(opt_k.learning_rate):g}, "
      f"beta_1={opt_k.beta_1}, beta_2={opt_k.beta_2}, epsilon={opt_k.epsilon:g}")
print(f"lossbook.optimizers.get('adam'): {opt_l}")
print("the case does not matter:", type(keras.optimizers.get("Adam")).__name__, type(optimizers.get("Adam")).__name__)
"""
    ),
    md(
        ko=r"""
손실 문자열은 함수가 됩니다. 작은 예로 두 `get()`이 같은 함수를 돌려주는지 확인해 봅시다. 샘플 두 개의 정답은 클래스 2와 0이고, 정답 클래스에 준 확률은 0.7과 0.5입니다. 희소 범주형 교차 엔트로피는 샘플마다 $-\log p_{\text{정답}}$이므로 $-\log 0.7 \approx 0.356675$, $-\log 0.5 \approx 0.693147$이어야 합니다.
""",
        en=r"""
A loss string becomes a function. A small check that both `get()`s return the same function: two samples with true classes 2 and 0, which receive probabilities 0.7 and 0.5. Sparse categorical cross-entropy is $-\log p_{\text{true}}$ per sample, so we expect $-\log 0.7 \approx 0.356675$ and $-\log 0.5 \approx 0.693147$.
""",
    ),
    code(
        """
loss_k = keras.losses.get("sparse_categorical_crossentropy")
loss_l = losses.get("sparse_categorical_crossentropy")
print("Keras   :", loss_k.__name__, "  lossbook:", loss_l.__name__)

labels = np.array([2, 0])
probs = np.array([[0.1, 0.2, 0.7],
                  [0.5, 0.25, 0.25]])
print("Keras   :", np.asarray(loss_k(labels, probs)).round(6))
print("lossbook:", loss_l(labels, probs).round(6))
print("by hand :", -np.log([0.7, 0.5]).round(6))
"""
    ),
    md(
        ko=r"""
### `"accuracy"`는 무슨 정확도인가

지표 문자열은 조금 다릅니다. `keras.metrics.get("accuracy")`가 돌려주는 `Accuracy`는 `y_true == y_pred`인 비율을 세는, 즉 예측이 이미 클래스 번호일 때만 의미 있는 지표입니다. 확률 10개를 내는 모델에 그대로 쓰면 맞는 값이 나올 수 없습니다. 그래서 `compile`은 `metrics=["accuracy"]`를 첫 배치에서 **레이블과 출력의 모양을 보고** 다시 해석합니다(손실 이름은 보지 않습니다).

- 출력이 하나(마지막 축 크기 1) → `binary_accuracy`: $p > 0.5$를 1로 보고 0/1 정답과 같은 비율. 시그모이드 + `binary_crossentropy`의 경우입니다.
- 레이블이 출력보다 축이 하나 적음(정수 레이블, 모양 `(n,)`), **또는** 레이블의 마지막 축 크기가 1인데 출력은 여러 개(정수 레이블을 모양 `(n, 1)`의 열로 준 경우) → `sparse_categorical_accuracy`: $\arg\max_k p_k$가 정수 레이블과 같은 비율. `sparse_categorical_crossentropy`의 경우입니다.
- 그 밖(원-핫 레이블, 모양 `(n, C)`) → `categorical_accuracy`: 예측의 $\arg\max$와 정답 원-핫의 $\arg\max$가 같은 비율. `categorical_crossentropy`의 경우입니다.

이 규칙은 Keras 3 소스 `keras/src/trainers/compile_utils.py`의 함수 하나에 들어 있습니다. 설치된 Keras에서 그 함수를 출력하고, 네 가지 모양에 대해 `compile`이 쓰는 `get_metric`이 무엇을 만드는지 봅시다. Keras가 실제 모델에서 무엇을 골랐는지는 모델이 한 번 학습하거나 평가된 뒤 `model.metrics`에서 볼 수 있습니다. 다음 절에서 학습한 뒤 확인합니다.
""",
        en=r"""
### Which accuracy is `"accuracy"`?

Metric strings are different. `keras.metrics.get("accuracy")` returns `Accuracy`, the fraction where `y_true == y_pred`: meaningful only when predictions already are class numbers, never for a model that outputs ten probabilities. So `compile` **reinterprets** `metrics=["accuracy"]` on the first batch from the **shapes of the labels and of the output** (it does not look at the loss name):

- one output (last axis of size 1) → `binary_accuracy`: how often $p > 0.5$ agrees with the 0/1 target; the sigmoid + `binary_crossentropy` case;
- labels with one axis fewer than the output (integer labels, shape `(n,)`), **or** labels whose last axis has size 1 while the output has several units (integer labels given as a column of shape `(n, 1)`) → `sparse_categorical_accuracy`: how often $\arg\max_k p_k$ equals the integer label; the `sparse_categorical_crossentropy` case;
- otherwise (one-hot labels, shape `(n, C)`) → `categorical_accuracy`: how often the $\arg\max$ of the prediction equals the $\arg\max$ of the one-hot target; the `categorical_crossentropy` case.

The rule is one function of the Keras 3 source, `keras/src/trainers/compile_utils.py`. Below we print it from the installed Keras and ask `get_metric`, which `compile` uses, what it makes of four pairs of shapes. What Keras chose for a real model shows up in `model.metrics` once the model has been trained or evaluated; we look after training in the next section.
""",
    ),
    code(
        """
print("keras.metrics.get('accuracy') ->", type(keras.metrics.get("accuracy")).__name__)
"""
    ),
    code(
        """
from keras.src.trainers import compile_utils  # Keras's own rule (an internal module)

print("Keras", keras.__version__)
print(inspect.getsource(compile_utils.is_binary_or_sparse_categorical))
shape_cases = {
    "integer labels (n,),   10 outputs": ((32,), (32, 10)),
    "integer labels (n, 1), 10 outputs": ((32, 1), (32, 10)),
    "one-hot labels (n, 10), 10 outputs": ((32, 10), (32, 10)),
    "0/1 labels (n, 1),     1 output  ": ((32, 1), (32, 1)),
}
for case, (y_shape, p_shape) in shape_cases.items():
    metric = compile_utils.get_metric("accuracy", np.zeros(y_shape), np.zeros(p_shape))
    print(f"{case} -> {type(metric).__name__}")
"""
    ),
    md(
        ko=r"""
두 번째 줄이 놓치기 쉬운 경우입니다. 레이블을 `(n, 1)` 열로 주면 레이블과 출력의 축 수가 같아서 "축이 하나 적다"는 조건에는 걸리지 않지만, `y_t_last_dim == 1 and y_p_last_dim > 1` 조건 때문에 범주형이 아니라 **희소** 범주형 정확도가 됩니다. 정수 레이블이 열 모양으로 저장된 데이터(예: CSV에서 읽은 레이블)에서 자주 생기는 일이고, Keras는 이것을 올바르게 처리합니다.
""",
        en=r"""
The second line is the easy-to-miss case. Labels given as an `(n, 1)` column have as many axes as the output, so "one axis fewer" does not apply; but the condition `y_t_last_dim == 1 and y_p_last_dim > 1` makes it **sparse** categorical accuracy, not categorical. It happens often with integer labels stored as a column (read from a CSV file, for instance), and Keras handles it correctly.
""",
    ),
    # ------------------------------------------------------------- training
    md(
        ko=r"""
## 한 에포크 학습하고 평가하기

이제 두 모델을 보통 쓰는 방식 그대로 학습시킵니다. 이 페이지가 몇 초 안에 실행되도록 훈련 이미지 앞 10,000장만 쓰고, 그것을 한 번 보는 1 **에포크(epoch)**, 배치 크기(batch size) 32, 매 에포크 섞기(`shuffle=True`, 기본값)로 학습합니다. 진행 막대는 `verbose=0`으로 끕니다. 계산은 두 모델 모두 float64입니다. Keras의 기본값은 float32이지만 첫 셀에서 `keras.config.set_floatx("float64")`로 바꿨습니다(뒤에서 두 구현을 반올림 수준까지 비교하기 위해서입니다).

`fit`이 돌려주는 `History`의 `history` 사전에는 에포크마다 `"loss"`와 `"accuracy"`가 들어 있습니다. 이 값은 에포크 **동안** 본 미니배치들의 평균이라, 가중치가 계속 바뀌는 중에 잰 값입니다.
""",
        en=r"""
## One epoch of training, then evaluation

Now train both models the usual way. To keep this page running in seconds we use the first 10,000 training images: one **epoch** over them, batch size 32, reshuffled every epoch (`shuffle=True`, the default), progress bars off (`verbose=0`). Both compute in float64: Keras's default is float32, but the first cell switched it with `keras.config.set_floatx("float64")` (so that we can later compare the two implementations down to rounding).

The `History` returned by `fit` holds `"loss"` and `"accuracy"` per epoch in its `history` dict. These are averages over the mini-batches seen **during** the epoch, measured while the weights were still changing.
""",
    ),
    code(
        """
n_fit = 10_000   # the first 10,000 training images
history_k = keras_model.fit(x_train[:n_fit], y_train[:n_fit], epochs=1, batch_size=32, verbose=0)
print("Keras    history keys:", sorted(history_k.history))
print(f"Keras    training loss {history_k.history['loss'][0]:.4f}, accuracy {history_k.history['accuracy'][0]:.4f}")
"""
    ),
    code(
        """
history_l = lb_model.fit(x_train[:n_fit], y_train[:n_fit], epochs=1, batch_size=32, verbose=0)
print("lossbook history keys:", sorted(history_l.history))
print(f"lossbook training loss {history_l.history['loss'][0]:.4f}, accuracy {history_l.history['accuracy'][0]:.4f}")
"""
    ),
    md(
        ko=r"""
`evaluate`는 학습이 끝난 가중치로 시험 세트 전체의 손실과 지표를 계산해 `[loss, accuracy]`를 돌려줍니다. 시험 세트는 학습에 한 번도 쓰지 않은 데이터입니다.
""",
        en=r"""
`evaluate` computes the loss and the metric over the whole test set with the final weights and returns `[loss, accuracy]`. The test set was never used for training.
""",
    ),
    code(
        """
test_loss_k, test_acc_k = keras_model.evaluate(x_test, y_test, batch_size=500, verbose=0)
test_loss_l, test_acc_l = lb_model.evaluate(x_test, y_test, batch_size=500, verbose=0)
print(f"Keras    test loss {test_loss_k:.4f}, test accuracy {test_acc_k:.4f}")
print(f"lossbook test loss {test_loss_l:.4f}, test accuracy {test_acc_l:.4f}")
print("Keras resolved 'accuracy' to:", [type(m).__name__ for m in keras_model.metrics[-1].metrics])
"""
    ),
    md(
        ko=r"""
Keras가 `"accuracy"`를 `SparseCategoricalAccuracy`로 바꾼 것이 보입니다. `lossbook`의 시험 정확도가 정말 희소 범주형 정확도인지 정의대로 직접 계산해 봅시다: 예측 확률의 $\arg\max$가 정수 레이블과 같은 비율입니다.
""",
        en=r"""
Keras turned `"accuracy"` into `SparseCategoricalAccuracy`. Is `lossbook`'s test accuracy the same thing? Compute it from the definition: the fraction of test images whose $\arg\max$ of the predicted probabilities equals the integer label.
""",
    ),
    code(
        """
p_test_l = lb_model.predict(x_test, batch_size=500)
p_test_k = keras_model.predict(x_test, batch_size=500, verbose=0)
print(f"lossbook: mean(argmax p == label) = {np.mean(p_test_l.argmax(axis=1) == y_test):.4f}")
print(f"Keras   : mean(argmax p == label) = {np.mean(p_test_k.argmax(axis=1) == y_test):.4f}")
"""
    ),
    md(
        ko=r"""
레이블을 `(n, 1)` 열로 주면 어떻게 될까요? 새로 컴파일한 Keras 모델을 그런 레이블로 평가해 보면 `compile`이 역시 희소 범주형 정확도를 고릅니다. `lossbook`은 `sparse_categorical_crossentropy`일 때 `(n, 1)` 레이블을 `(n,)`로 펴서 받으므로 같은 정확도를 냅니다.
""",
        en=r"""
And with labels given as an `(n, 1)` column? Evaluated with such labels, a freshly compiled Keras model again gets sparse categorical accuracy. `lossbook`, with `sparse_categorical_crossentropy`, flattens `(n, 1)` labels to `(n,)` and reports the same accuracy:
""",
    ),
    code(
        """
y_column = y_test[:, None]          # shape (10000, 1)
fresh = keras_mnist_model()
fresh.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
fresh.evaluate(x_test[:100], y_column[:100], verbose=0)
print("labels", y_column.shape, "-> Keras chose:", [type(m).__name__ for m in fresh.metrics[-1].metrics])
print(f"lossbook accuracy, labels (n,): {lb_model.evaluate(x_test, y_test, batch_size=500, verbose=0)[1]:.4f}"
      f"   labels (n, 1): {lb_model.evaluate(x_test, y_column, batch_size=500, verbose=0)[1]:.4f}")
"""
    ),
    md(
        ko=r"""
두 모델은 초기 가중치도, 미니배치를 섞는 순서도 서로 다르므로 위의 정확도가 똑같지는 않습니다. 그래도 한 에포크만에 둘 다 시험 이미지의 대부분을 맞힙니다. 시험 이미지 몇 장에 두 모델이 낸 답을 봅시다.
""",
        en=r"""
The two models start from different weights and see the mini-batches in different orders, so the accuracies printed above are not identical; both already get most test images right after one epoch. Here is what they answer on a few test images:
""",
    ),
    code(
        """
fig, axes = plt.subplots(1, 10, figsize=(10, 1.9))
for i, ax in enumerate(axes.flat):
    ax.imshow(x_test[i], cmap="gray_r")
    ax.set_title(f"{y_test[i]} | K{p_test_k[i].argmax()} L{p_test_l[i].argmax()}", fontsize=9)
    ax.axis("off")
fig.suptitle(tr("정답 | Keras(K)와 lossbook(L)의 예측", "label | predictions of Keras (K) and lossbook (L)"))
fig.tight_layout()
plt.show()
""",
        alt={
            "ko": "MNIST 시험 이미지 첫 10장(손글씨 숫자)을 한 줄로 놓고, 각 이미지 위에 정답과 Keras 모델(K), lossbook 모델(L)이 예측한 숫자를 적은 그림.",
            "en": "The first 10 MNIST test images (handwritten digits) in a row, each titled with its label and the digits predicted by the Keras model (K) and the lossbook model (L).",
        },
        caption={
            "ko": "시험 이미지 10장에 대한 두 모델의 예측",
            "en": "The two models' predictions on ten test images",
        },
        name="fig-mnist-predictions",
    ),
    md(
        ko=r"""
## `fit` 들여다보기

`fit` 한 줄 뒤에서는 무슨 일이 일어날까요? Keras의 `fit`은 여러 백엔드와 분산 학습을 다루느라 길지만, 하는 일은 `lossbook.model.Sequential.fit`과 같습니다. 이 장의 모델을 학습시킨 `lossbook` 소스를 그대로 출력해 읽어 봅시다. 먼저 미니배치 하나의 **학습 단계**입니다.
""",
        en=r"""
## A look inside `fit`

What happens behind that one line, `fit`? Keras's `fit` is long because it serves several backends and distributed training, but what it does is what `lossbook.model.Sequential.fit` does. Let us print and read the `lossbook` source that trained this chapter's model, starting with the **training step** for one mini-batch.
""",
    ),
    code(
        """
print(inspect.getsource(Sequential.train_batch))
"""
    ),
    md(
        ko=r"""
네 줄이 지금까지 만든 부품 네 가지입니다.

1. `self.forward(x, training=True)`: **순전파**. 층을 차례로 통과시켜 출력 확률 `p`를 얻습니다(2장 활성화 함수, 5장 층).
2. `self.compute_loss(x, y, p, sample_weight)`: 배치의 **손실**. 샘플마다 손실을 구해 배치 평균을 냅니다(1장). 규제(regularizer)가 있으면 그 벌점도 더합니다.
3. `self.backward(y, p, sample_weight)`: **역전파**. 손실의 기울기를 출력층에서 첫 층까지 연쇄 법칙으로 전해 각 층의 가중치 기울기를 채웁니다(5장).
4. `self.optimizer.apply_unchecked(...)`: **옵티마이저**. 그 기울기로 모든 가중치를 제자리에서 한 걸음 움직입니다(6장). 모델은 모든 가중치를 긴 벡터 하나에 담아 두므로, 옵티마이저는 6장에서처럼 벡터 하나 $w$와 그 기울기를 봅니다. 6장의 `apply`와 같은 걸음이지만 입력 검사를 건너뜁니다. 기울기는 모델이 방금 계산한 것이니 모양과 자료형이 맞고, 검사하려면 걸음마다 기울기 316,810개를 한 번 더 읽어야 합니다.

순전파와 역전파는 이렇게 생겼습니다.
""",
        en=r"""
Its four lines are the four parts built so far:

1. `self.forward(x, training=True)`: the **forward pass**, through the layers in order, giving the output probabilities `p` (activations, chapter 2; layers, chapter 5).
2. `self.compute_loss(x, y, p, sample_weight)`: the batch's **loss**, the mean of the per-sample losses (chapter 1), plus the penalties of any regularizers.
3. `self.backward(y, p, sample_weight)`: **backpropagation**, carrying the loss gradient from the output layer back to the first with the chain rule and filling each layer's weight gradients (chapter 5).
4. `self.optimizer.apply_unchecked(...)`: the **optimizer**, moving every weight one step, in place, with those gradients (chapter 6). The model keeps all its weights in one long vector, so the optimizer sees one vector $w$ and its gradient, as in chapter 6. It is chapter 6's `apply` without its input checks: the model has just computed the gradients, so their shapes and dtype are right, and checking them would read all 316,810 of them once more at every step.

The forward and backward passes look like this:
""",
    ),
    code(
        """
print(inspect.getsource(Sequential.forward))
print(inspect.getsource(Sequential.backward))
"""
    ),
    md(
        ko=r"""
`forward`는 각 층의 출력을 다음 층의 입력으로 넘길 뿐이고, `backward`는 같은 층들을 거꾸로(`reversed`) 돌며 `layer.backward`가 "출력에 대한 기울기"를 "입력에 대한 기울기"로 바꿉니다. 손실이 배치 **평균**이므로 손실 객체(`self.compiled_loss`)가 주는 기울기에는 샘플마다 $1/n$이 붙어 있습니다.

출발점은 두 가지입니다. 이 장의 모델처럼 소프트맥스 출력에 교차 엔트로피를 쓰면(시그모이드와 이진 교차 엔트로피도 같습니다) `compile`이 5장의 `SoftmaxCrossEntropy`와 같은 식 $\partial L/\partial z = (p - t)/n$(`self.compiled_loss.logits_gradient_from_probabilities`, from the $p$ the output layer has just computed)을 골라, 출력층의 $z$에서 바로 시작합니다(`output.backward_from_z`). 그 밖의 조합은 손실의 $\partial L/\partial p$에서 시작하고 출력층이 활성화 함수의 도함수를 곱합니다. 두 길은 보통 반올림 수준까지 같지만, Keras가 확률을 $[10^{-7},\ 1-10^{-7}]$로 잘라 내는 곳에서는 다릅니다. 로짓 $[30, 0, -5]$에 정답이 1이면 $p_1 \approx 9\times10^{-14}$이 잘리고, 잘린 손실은 평평하므로 Keras의 기울기는 $[0, 0, 0]$입니다. $(p - t)/n$은 정확한 미분 $[1, -1, 0]$을 주어, 크게 틀린 샘플에서도 계속 배웁니다. 아래 "같은 배치, 같은 시작점"에서 이 차이를 다시 만납니다. 마지막으로, 가중치가 있는 첫 층은 입력이 데이터 자체라서 입력에 대한 기울기가 필요 없으므로 그 곱셈을 건너뜁니다(5장의 `input_gradient`).

이제 에포크 하나입니다.
""",
        en=r"""
`forward` just hands each layer's output to the next layer, and `backward` walks the same layers in `reversed` order, each `layer.backward` turning "the gradient with respect to my output" into "the gradient with respect to my input". The loss is the batch **mean**, so the gradient the loss object (`self.compiled_loss`) returns carries a factor $1/n$ for every sample.

There are two starting points. With a softmax output and cross-entropy, as in this chapter's model (a sigmoid with binary cross-entropy likewise), `compile` chooses chapter 5's `SoftmaxCrossEntropy` formula $\partial L/\partial z = (p - t)/n$ (`self.compiled_loss.logits_gradient_from_probabilities`, from the $p$ the output layer has just computed) and starts right at the output layer's $z$ (`output.backward_from_z`). Any other pair starts from the loss's $\partial L/\partial p$, and the output layer multiplies by its activation's derivative. The two usually agree to rounding, but not where Keras clips probabilities to $[10^{-7},\ 1-10^{-7}]$: for logits $[30, 0, -5]$ with label 1, $p_1 \approx 9\times10^{-14}$ is clipped, the clipped loss is flat there, and Keras's gradient is $[0, 0, 0]$; $(p - t)/n$ is the exact derivative, $[1, -1, 0]$, so the model keeps learning from a sample it gets badly wrong. We meet this difference again in "Same batches, same start" below. Finally, the first layer with weights gets the data itself as its input, so nobody needs the gradient with respect to that input and the layer skips that product (chapter 5's `input_gradient`).

Now one epoch:
""",
    ),
    code(
        """
print(inspect.getsource(Sequential.train_epoch))
"""
    ),
    md(
        ko=r"""
- 에포크마다 `permutation(n)`이 **새 무작위 순서**를 만들고(`shuffle=False`이면 `0, 1, …, n-1` 그대로, `shuffle="batch"`이면 Keras처럼 미니배치 안에서만 섞습니다), 루프가 그 순서를 `batch_size`개씩 잘라 미니배치를 만듭니다. 미니배치는 `ceil(n / batch_size)`개이고 마지막 것은 더 작을 수 있습니다.
- 미니배치마다 `train_batch`가 한 번, 즉 가중치 갱신이 한 번 일어납니다. `callbacks`는 Keras의 콜백(callback)입니다. 진행 표시, `History`, `EarlyStopping` 같은 것들이 미니배치와 에포크의 앞뒤에서 불립니다. 10,000장을 배치 32로 학습하면 한 에포크는 313걸음입니다.
- `loss_sum`은 미니배치의 평균 손실에 그 크기를 곱해, 즉 샘플별 손실의 **합**을 모읍니다. 지표(metric) 객체는 `update_state`로 맞힌 샘플 수 같은 값을 누적합니다. 지금까지 본 샘플에 대한 평균이 `logs`이고, 에포크가 끝날 때의 `logs`가 `History`의 `"loss"`와 `"accuracy"`가 됩니다. 그래서 앞에서 말했듯 이 값은 가중치가 바뀌는 **중에** 잰 평균입니다.

`fit`은 이 함수를 `epochs`번 부르고, 검증 데이터가 있으면 에포크마다 평가해 `History`에 적습니다.

무작위성은 이 함수의 `permutation` 한 곳에만 있습니다. 미니배치를 무작위로 뽑는 것은 옵티마이저가 아니라 `fit`입니다({ref}`6장의 바로잡기 <ko-fix-minibatch>`). 그래서 아래 "같은 배치, 같은 시작점"에서는 `fit(..., shuffle=False)`만으로 두 모델이 같은 미니배치를 같은 순서로 보게 할 수 있습니다. 옵티마이저만 따로 부르면 무작위성이 전혀 없습니다. 같은 기울기로 Adam을 한 걸음씩 두 번 밟으면 결과가 똑같습니다. (「모델 컴파일」 글이 Adam을 "Momentum + Adagrad"라고 한 것도 정확하지 않습니다. Adam의 분모는 RMSprop의 이동 평균입니다. {ref}`6장의 바로잡기 <ko-fix-adam-adagrad>`를 보세요.)
""",
        en=r"""
- Every epoch, `permutation(n)` makes a **new random order** (with `shuffle=False` it is `0, 1, …, n-1`; with `shuffle="batch"` samples are shuffled only within each mini-batch, as Keras does), and the loop cuts that order into mini-batches of `batch_size`. There are `ceil(n / batch_size)` mini-batches, the last one possibly smaller.
- Each mini-batch runs `train_batch` once: one weight update. `callbacks` are Keras's callbacks (the progress line, `History`, `EarlyStopping`, ...), called before and after every mini-batch and epoch. Training on 10,000 images with batch size 32 takes 313 steps per epoch.
- `loss_sum` collects each mini-batch's mean loss times its size, that is the **sum** of the per-sample losses, and each metric object accumulates its counts (such as the samples predicted right) with `update_state`; the averages over the samples seen so far make the `logs`, and the `logs` at the end of the epoch become `History`'s `"loss"` and `"accuracy"`. That is why, as said above, they are averages measured **while** the weights were changing.

`fit` calls this function `epochs` times and, given validation data, evaluates after each epoch and records everything in `History`.

The randomness sits in one place only, the `permutation` in this function: the random mini-batches come from `fit`, not from the optimizer ({ref}`chapter 6's correction <en-fix-minibatch>`). That is why, in "Same batches, same start" below, `fit(..., shuffle=False)` alone makes both models see the same mini-batches in the same order. Called on its own, an optimizer has no randomness at all: two Adam steps with the same gradient give exactly the same result. (The “Model compile” post's "Adam = Momentum + Adagrad" is not accurate either: Adam's denominator is RMSprop's moving average; see {ref}`chapter 6's correction <en-fix-adam-adagrad>`.)
""",
    ),
    code(
        """
results = []
for _ in range(2):
    w = np.array([1.0, -2.0, 0.5])
    optimizers.Adam(learning_rate=0.005).apply([np.array([0.3, -4.0, 0.0])], [w])
    results.append(w)
print(results[0], results[1], "identical:", np.array_equal(results[0], results[1]))
"""
    ),
    # ----------------------------------------------------------- choose loss
    md(
        ko=r"""
## 손실 함수 고르기

손실은 **출력층이 무엇을 내는지**와 **레이블이 어떤 형식인지**로 정해집니다. {ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 표를 출력층과 함께 정리하면 다음과 같습니다.

| 문제 | 레이블 형식 | 출력층 | Keras 손실 이름 | 식(샘플 하나, 출력 $C$개) |
|---|---|---|---|---|
| 회귀(regression) | 실수 | 선형, $C$개 | `"mean_squared_error"` (`"mse"`) | $\frac1C\sum_k (y_k - t_k)^2$ |
| 회귀, 이상치가 많을 때 | 실수 | 선형 | `"mean_absolute_error"` (`"mae"`) | $\frac1C\sum_k \lvert y_k - t_k\rvert$ |
| 회귀, 양수이고 비율이 중요할 때 | 0 이상 실수 | 선형·ReLU | `"mean_squared_logarithmic_error"` (`"msle"`) | $\frac1C\sum_k (\log(1+y_k) - \log(1+t_k))^2$ |
| 이진 분류 | 0 또는 1 | 시그모이드 1개 | `"binary_crossentropy"` | $-[t\log p + (1-t)\log(1-p)]$ |
| 다중 클래스 분류 | 원-핫 벡터 | 소프트맥스 $C$개 | `"categorical_crossentropy"` | $-\sum_k t_k \log p_k$ |
| 다중 클래스 분류 | 정수 $0..C-1$ | 소프트맥스 $C$개 | `"sparse_categorical_crossentropy"` | $-\log p_{t}$ |

Keras는 샘플마다 이 값을 구한 뒤 배치에 대해 평균을 냅니다. MNIST 레이블은 정수이므로 그 글은 희소 범주형 교차 엔트로피를 골랐습니다. 같은 레이블을 원-핫으로 바꾸면 범주형 교차 엔트로피를 써야 하고, **값은 똑같습니다.** 둘은 레이블을 받는 형식만 다릅니다.
""",
        en=r"""
## Choosing the loss

The loss follows from **what the output layer produces** and **how the labels are written**. The table of {ref}`the “Model compile” post <en-post-model-compile>`, completed with the output layer:

| problem | label format | output layer | Keras loss name | formula (one sample, $C$ outputs) |
|---|---|---|---|---|
| regression | real numbers | linear, $C$ units | `"mean_squared_error"` (`"mse"`) | $\frac1C\sum_k (y_k - t_k)^2$ |
| regression with many outliers | real numbers | linear | `"mean_absolute_error"` (`"mae"`) | $\frac1C\sum_k \lvert y_k - t_k\rvert$ |
| regression, positive targets, ratios matter | reals ≥ 0 | linear or ReLU | `"mean_squared_logarithmic_error"` (`"msle"`) | $\frac1C\sum_k (\log(1+y_k) - \log(1+t_k))^2$ |
| binary classification | 0 or 1 | 1 sigmoid unit | `"binary_crossentropy"` | $-[t\log p + (1-t)\log(1-p)]$ |
| multi-class classification | one-hot vectors | $C$ softmax units | `"categorical_crossentropy"` | $-\sum_k t_k \log p_k$ |
| multi-class classification | integers $0..C-1$ | $C$ softmax units | `"sparse_categorical_crossentropy"` | $-\log p_{t}$ |

Keras computes the value per sample, then averages over the batch. MNIST labels are integers, hence the post's sparse categorical cross-entropy. With the same labels in one-hot form one must use categorical cross-entropy, and **the value is the same**: only the label format differs.
""",
    ),
    code(
        """
p5 = p_test_l[:5]   # lossbook's predicted probabilities for 5 test images
y5 = y_test[:5]
one_hot = np.eye(10)[y5]
print("integer labels:", y5)
print("one-hot labels:\\n", one_hot.astype(int))
print("sparse CCE (integers):", losses.sparse_categorical_crossentropy(y5, p5).round(6))
print("CCE (one-hot)        :", losses.categorical_crossentropy(one_hot, p5).round(6))
print("Keras CCE (one-hot)  :", np.asarray(keras.losses.categorical_crossentropy(one_hot, p5)).round(6))
"""
    ),
    md(
        ko=r"""
```{admonition} 바로잡기: 범주형 교차 엔트로피는 "3개 이상"에만 쓰는 것이 아니고, 이진 교차 엔트로피는 출력이 하나일 때 쓴다
:class: warning
「모델 컴파일」 글의 표는 "클래스 2개 → binary_crossentropy, 3개 이상 → categorical/sparse"로, {ref}`「손실 함수 정리」 글 <ko-post-loss-functions>`은 범주형 교차 엔트로피를 "클래스가 3개 이상인 경우"에 쓴다고 적었습니다. 정확한 기준은 클래스 수가 아니라 **출력층** 입니다. 이진 교차 엔트로피는 클래스 1의 확률 $p$ 하나를 내는 시그모이드 출력에 씁니다. 두 클래스라도 소프트맥스 출력 2개($[1-p,\ p]$)를 쓰면 범주형(또는 희소 범주형) 교차 엔트로피를 쓰고, 그 값은 이진 교차 엔트로피와 **같습니다**(아래 셀). 반대로 소프트맥스 10개 출력과 원-핫 레이블에 `binary_crossentropy`를 쓰면 Keras는 오류 없이 10개 출력을 각각 따로 이진 분류로 보고 평균을 내므로, 다른 손실을 최소화하게 됩니다.
```
""",
        en=r"""
```{admonition} Correction: categorical cross-entropy is not only for "three or more classes", and binary cross-entropy is for a single output
:class: warning
The “Model compile” post's table reads "2 classes → binary_crossentropy, 3 or more → categorical/sparse", and {ref}`the “Loss functions, summarized” post <en-post-loss-functions>` says categorical cross-entropy is used "when there are three or more classes". What decides is not the number of classes but the **output layer**. Binary cross-entropy goes with one sigmoid output, the probability $p$ of class 1. With two classes and a two-unit softmax ($[1-p,\ p]$) one uses categorical (or sparse categorical) cross-entropy, and its value **equals** the binary cross-entropy (next cell). Conversely, `binary_crossentropy` on a 10-unit softmax with one-hot labels raises no error in Keras: it treats the 10 outputs as 10 separate binary problems and averages them, so a different loss is minimised.
```
""",
    ),
    code(
        """
t = np.array([1.0, 0.0, 0.0, 1.0, 0.0])
p = np.array([0.8, 0.1, 0.05, 0.9, 0.05])
bce = losses.binary_crossentropy(t[:, None], p[:, None])       # one sigmoid output per sample
cce = losses.categorical_crossentropy(np.stack([1 - t, t], axis=1), np.stack([1 - p, p], axis=1))
print("BCE, one output     :", bce.round(6))
print("CCE, two-unit softmax:", cce.round(6))
"""
    ),
    md(
        ko=r"""
표의 MSE와 MAE는 **평균**입니다. {ref}`「손실 함수 정리」 글 <ko-post-loss-functions>`처럼 $\frac12\sum$로 적으면 Keras의 `"mse"`, `"mae"`와 다른 값이 나오는데, 그 차이는 {ref}`1장의 바로잡기 <ko-fix-mse-half>`에서 계산했습니다.
""",
        en=r"""
The MSE and MAE of the table are **means**. Written as $\frac12\sum$, as in {ref}`the “Loss functions, summarized” post <en-post-loss-functions>`, they give values different from Keras's `"mse"` and `"mae"`; {ref}`chapter 1's correction <en-fix-mse-half>` works out the difference.
""",
    ),
    # ------------------------------------------------------------ BCE examples
    md(
        ko=r"""
## 이진 교차 엔트로피 예제 다시 계산하기

{ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 이진 교차 엔트로피 부분은 샘플 5개(정답 $t = [1, 0, 0, 1, 0]$)에 예측 세 가지를 넣어 봅니다. 식은

$$\mathrm{BCE} = -\frac{1}{N}\sum_{i=1}^{N}\Big[t_i\log p_i + (1-t_i)\log(1-p_i)\Big]$$

입니다. 예를 들어 첫 예측 $p = [0.8, 0.1, 0.05, 0.9, 0.05]$의 각 항은 $-\log 0.8,\ -\log 0.9,\ -\log 0.95,\ -\log 0.9,\ -\log 0.95$이고 그 평균이 손실입니다. 그 글의 코드처럼 정답과 예측을 길이 5인 벡터 하나로 넘기면 Keras와 `lossbook`은 그것을 "출력 5개인 샘플 하나"로 보고 마지막 축에 대해 평균을 내므로, 결과는 같은 식입니다.
""",
        en=r"""
## The binary cross-entropy examples, recomputed

The binary cross-entropy part of {ref}`the “Model compile” post <en-post-model-compile>` feeds three predictions for five samples with targets $t = [1, 0, 0, 1, 0]$ into

$$\mathrm{BCE} = -\frac{1}{N}\sum_{i=1}^{N}\Big[t_i\log p_i + (1-t_i)\log(1-p_i)\Big].$$

For the first prediction, $p = [0.8, 0.1, 0.05, 0.9, 0.05]$, the terms are $-\log 0.8,\ -\log 0.9,\ -\log 0.95,\ -\log 0.9,\ -\log 0.95$ and the loss is their mean. Passed as one vector of length 5, as in the post's code, Keras and `lossbook` see "one sample with 5 outputs" and average over the last axis, which is the same formula.
""",
    ),
    code(
        """
t = np.array([1.0, 0.0, 0.0, 1.0, 0.0])
examples = {
    "close  ": np.array([0.8, 0.1, 0.05, 0.9, 0.05]),
    "closer ": np.array([0.95, 0.05, 0.01, 0.95, 0.01]),
    "farther": np.array([0.30, 0.40, 0.20, 0.65, 0.2]),
}
print("example    formula     lossbook    Keras")
for name, p in examples.items():
    by_formula = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    print(f"{name}  {by_formula:.8f}  {float(losses.binary_crossentropy(t, p)):.8f}  "
          f"{float(keras.losses.binary_crossentropy(t, p)):.8f}")
"""
    ),
    md(
        ko=r"""
그 글이 적은 값은 0.10729012273129139와 0.03479600741200121이고, 세 번째 예는 결과 없이 끝납니다. 위의 정확한 값과 소수점 일곱째 자리에서 다릅니다. 차이는 그 글의 구현이 $\log 0$을 피하려고 **두 로그 안에 모두** $\delta = 10^{-7}$을 더하기 때문입니다: $-\frac1N\sum[t\log(p+\delta) + (1-t)\log(1-p+\delta)]$. 이 식은 1장의 교과서 교차 엔트로피 오차 `cross_entropy_error`(로그 안에 $\delta$)를 두 칸짜리 분포 $[p,\ 1-p]$에 적용한 것과 같으므로, 그 글의 숫자를 `lossbook`으로 유효숫자 15자리까지 재현할 수 있습니다(마지막 자리는 더하는 순서에 따라 달라질 수 있습니다). Keras는 $\delta$를 더하는 대신 확률을 $[10^{-7},\ 1-10^{-7}]$로 **잘라 내므로(clipping)** 0과 1 사이의 확률에서는 정확한 식과 같은 값을 냅니다(위 표의 Keras 열 마지막 자리가 조금 다른 까닭은 아래에서 따로 봅니다).
""",
        en=r"""
The post prints 0.10729012273129139 and 0.03479600741200121, and shows no result for the third example. Both differ from the exact values above in the seventh decimal. The reason: to avoid $\log 0$ the post's code adds $\delta = 10^{-7}$ **inside both logs**, $-\frac1N\sum[t\log(p+\delta) + (1-t)\log(1-p+\delta)]$. That is chapter 1's textbook `cross_entropy_error` (with $\delta$ inside the log) applied to the two-entry distributions $[p,\ 1-p]$, so `lossbook` reproduces the post's numbers to 15 significant digits (the last digit depends on the order of the additions). Keras does not add $\delta$; it **clips** probabilities to $[10^{-7},\ 1-10^{-7}]$, which leaves probabilities strictly between 0 and 1 untouched and gives the exact value (why the last digits of the Keras column differ slightly is the subject of a cell below).
""",
    ),
    code(
        """
post_printed = {"close  ": 0.10729012273129139, "closer ": 0.03479600741200121, "farther": None}
print("example    with delta (15 digits)   post printed (15 digits)   exact - with delta")
for name, p in examples.items():
    two_way_t = np.stack([t, 1 - t], axis=1)
    two_way_p = np.stack([p, 1 - p], axis=1)
    with_delta = losses.cross_entropy_error(two_way_t, two_way_p, delta=1e-7)  # mean over the 5 samples
    exact = float(losses.binary_crossentropy(t, p))
    shown = "(no result shown)" if post_printed[name] is None else f"{post_printed[name]:.15g}"
    print(f"{name}  {with_delta:<23.15g}  {shown:<25}  {exact - with_delta:.2e}")
"""
    ),
    md(
        ko=r"""
### Keras 열의 마지막 자리

위 표의 Keras 열은 정확한 값과 $10^{-9}$~$10^{-8}$ 정도 다릅니다. 이 장은 `set_floatx("float64")`로 시작했고 Keras가 돌려준 값의 dtype도 float64인데, 왜 float64의 정밀도(약 $10^{-16}$)가 나오지 않을까요? 샘플별 다섯 항과 그 평균을 나눠서 재 봅시다.
""",
        en=r"""
### The last digits of the Keras column

The Keras column above differs from the exact values by $10^{-9}$ to $10^{-8}$. This chapter started with `set_floatx("float64")`, and Keras returns a float64 value, so why not float64 precision (about $10^{-16}$)? Measure the five per-sample terms and their mean separately:
""",
    ),
    code(
        """
from keras.src.backend.jax import numpy as jax_numpy  # the JAX backend's ops.mean

for name, p in examples.items():
    terms = keras.ops.binary_crossentropy(t, p)  # the five per-sample terms
    keras_mean = keras.ops.mean(terms)           # what keras.losses.binary_crossentropy returns
    exact_terms = -(t * np.log(p) + (1 - t) * np.log(1 - p))
    mean32 = np.mean(np.asarray(terms, dtype=np.float32), dtype=np.float32)
    print(f"{name} terms: {terms.dtype}, max |Keras - exact| = "
          f"{np.max(np.abs(np.asarray(terms) - exact_terms)):.0e} | mean: {keras_mean.dtype}, "
          f"Keras - exact = {float(keras_mean) - exact_terms.mean():+.1e}, "
          f"Keras - float32 mean = {float(keras_mean) - float(mean32):+.1e} "
          f"(one float32 step: {np.spacing(mean32):.1e})")
print([line.strip() for line in inspect.getsource(jax_numpy.mean).splitlines()
       if "compute_dtype =" in line][0])
print('keras.backend.result_type("float64", "float32") ->',
      keras.backend.result_type("float64", "float32"))
"""
    ),
    md(
        ko=r"""
다섯 항은 float64로 정확한 값과 똑같고(차이 0), 차이는 **평균**에서만 생깁니다. Keras의 JAX 백엔드 `ops.mean`은 계산 dtype을 `result_type(x.dtype, "float32")`로 정하는데, Keras의 형 승격 규칙에서 float64와 float32의 결과는 float32입니다(마지막 줄). 그래서 float64인 다섯 항을 **float32로 더해 평균을 낸 뒤** float64로 되돌려 줍니다. dtype은 float64이지만 유효숫자는 float32의 7자리쯤이고, Keras의 평균은 NumPy로 float32에서 낸 평균과 float32 한 칸 안에서 같습니다. 이진 교차 엔트로피처럼 마지막 축에 대해 `ops.mean`을 쓰는 손실에서 생기는 일입니다. MNIST 모델의 희소 범주형 교차 엔트로피에는 그런 평균이 없고, 배치 평균은 Keras가 `ops.sum`과 나눗셈으로 냅니다(`keras/src/losses/loss.py`의 `reduce_values`). 둘 다 float64이므로 뒤의 "같은 배치, 같은 시작점"에서 두 구현의 가중치가 $10^{-12}$ 안에서 일치합니다.
""",
        en=r"""
The five terms equal the exact values in float64 (difference 0); the difference arises only in the **mean**. The JAX backend's `ops.mean` sets its computation dtype to `result_type(x.dtype, "float32")`, and under Keras's type-promotion rules float64 with float32 gives float32 (last line). So the five float64 terms are **summed and averaged in float32**, and the result is cast back to float64: the dtype says float64, but only float32's seven-odd digits are meaningful, and Keras's mean agrees with NumPy's float32 mean to within one float32 step. It happens with losses that take `ops.mean` over the last axis, such as the binary cross-entropy. The MNIST model's sparse categorical cross-entropy takes no such mean, and Keras averages over the batch with `ops.sum` and a division (`reduce_values` in `keras/src/losses/loss.py`), both in float64; that is why the two implementations' weights agree to $10^{-12}$ in "Same batches, same start" below.
""",
    ),
    md(
        ko=r"""
```{admonition} 바로잡기: 「모델 컴파일」 글의 이진 교차 엔트로피 예제
:class: warning
- **숫자.** 글의 두 결과(0.10729012273129139, 0.03479600741200121)는 글의 코드가 실제로 내는 값이지만, 글이 적은 공식 $-\frac1N\sum[t\ln p + (1-t)\ln(1-p)]$의 값은 아닙니다. 코드가 두 로그 안에 $\delta=10^{-7}$을 더해서 손실이 약 $10^{-7}$만큼 작아졌습니다. 정확한 값은 0.107290234…와 0.034796111…입니다(위 두 셀). 세 번째 예($p = [0.30, 0.40, 0.20, 0.65, 0.2]$)는 결과가 빠져 있습니다. 값은 약 0.518374로, 예측이 정답에서 멀어지자 손실이 커진다는 글의 요점을 보여 줍니다.
- **유도.** 글은 $-\sum y_i\ln\hat y_i$를 "$y=0$의 교차 엔트로피", $-\sum(1-y_i)\ln(1-\hat y_i)$를 "$y=1$의 교차 엔트로피"라고 부르고 후자를 $H(y-1)$로 적습니다. 이름이 뒤바뀌었습니다. $y_i\ln\hat y_i$ 항은 정답이 $y_i=1$인 샘플에서만 남고, $(1-y_i)\ln(1-\hat y_i)$ 항은 $y_i=0$인 샘플에서만 남습니다. 정확한 유도는 샘플마다 두 칸짜리 분포 $P=[y_i,\ 1-y_i]$와 $Q=[\hat y_i,\ 1-\hat y_i]$의 교차 엔트로피 $H(P,Q) = -[y_i\ln\hat y_i + (1-y_i)\ln(1-\hat y_i)]$를 구하고, 이것을 $N$개 샘플에 대해 평균 내는 것입니다. (같은 글에서 $N$이 한 번은 클래스 수, 한 번은 샘플 수로 쓰였는데, 이진 교차 엔트로피의 $N$은 샘플 수입니다.)
```
""",
        en=r"""
```{admonition} Correction: the binary cross-entropy examples of the “Model compile” post
:class: warning
- **The numbers.** The post's two results (0.10729012273129139 and 0.03479600741200121) are what the post's code prints, but not the value of the formula the post states, $-\frac1N\sum[t\ln p + (1-t)\ln(1-p)]$: the code adds $\delta=10^{-7}$ inside both logs, which lowers the loss by about $10^{-7}$. The exact values are 0.107290234… and 0.034796111… (two cells above). The third example ($p = [0.30, 0.40, 0.20, 0.65, 0.2]$) has no result in the post; it is about 0.518374, which makes the post's point: predictions further from the targets give a larger loss.
- **The derivation.** The post calls $-\sum y_i\ln\hat y_i$ "the cross-entropy of $y=0$" and $-\sum(1-y_i)\ln(1-\hat y_i)$ "the cross-entropy of $y=1$", written $H(y-1)$. The names are swapped: the term $y_i\ln\hat y_i$ survives only for samples with $y_i=1$, the term $(1-y_i)\ln(1-\hat y_i)$ only for samples with $y_i=0$. The correct derivation takes, for each sample, the cross-entropy of the two-entry distributions $P=[y_i,\ 1-y_i]$ and $Q=[\hat y_i,\ 1-\hat y_i]$, $H(P,Q) = -[y_i\ln\hat y_i + (1-y_i)\ln(1-\hat y_i)]$, and averages it over the $N$ samples. (The post also uses $N$ once for the number of classes and once for the number of samples; in the binary cross-entropy $N$ counts samples.)
```
""",
    ),
    md(
        ko=r"""
「모델 컴파일」 글은 또 이진 분류의 출력층에 "시그모이드(0~1) 또는 하이퍼볼릭 탄젠트(−1~1)"를 쓴다고 합니다. tanh 출력은 음수가 될 수 있어 확률이 아니므로 $\log$에 넣을 수 없습니다. `lossbook`은 이런 입력을 어디가 잘못됐는지 알려 주며 거부하고(의도한 오류), Keras는 음수를 $10^{-7}$로 잘라 **아무 경고 없이** 그럴듯한 숫자를 냅니다.
""",
        en=r"""
The “Model compile” post also says a binary classifier's output uses "a sigmoid (0 to 1) or a hyperbolic tangent (−1 to 1)". A tanh output can be negative, so it is not a probability and cannot go into the $\log$. `lossbook` rejects it and says where (an intentional error below); Keras clips the negative values to $10^{-7}$ and returns a plausible-looking number **without any warning**.
""",
    ),
    code(
        """
tanh_out = np.tanh(np.array([1.2, -0.3, -2.0, 0.8, 0.4]))
print("tanh outputs:", tanh_out.round(4))
print(f"Keras binary_crossentropy: {float(keras.losses.binary_crossentropy(t, tanh_out)):.4f}  (no error)")
"""
    ),
    code(
        """
try:
    losses.binary_crossentropy(t, tanh_out)  # a tanh output is not a probability
except ValueError as error:
    print(f"ValueError: {error}")
""",
    ),
    md(
        ko=r"""
```{admonition} 바로잡기: 이진 교차 엔트로피에는 tanh 출력을 쓸 수 없다
:class: warning
「모델 컴파일」 글은 범주가 2개인 데이터에 "시그모이드 함수로 0~1 사이의 값을 반환하거나, 하이퍼볼릭 탄젠트 함수로 −1~1 사이의 값을 반환한다"고 하고 이어서 이진 교차 엔트로피를 설명합니다. 이진 교차 엔트로피는 $\log p$와 $\log(1-p)$를 쓰므로 $p$가 0과 1 사이의 **확률**이어야 합니다. tanh 출력을 그대로 넣으면 음수의 로그가 되어 정의되지 않고, Keras는 잘라 낸 값으로 조용히 틀린 손실을 냅니다(위 두 셀). 출력층은 시그모이드를 쓰거나, 로짓을 `from_logits=True`로 넘기십시오. tanh를 꼭 쓰려면 $(\tanh z + 1)/2 = \sigma(2z)$로 바꿔야 하는데, 이것은 결국 시그모이드입니다.
```
""",
        en=r"""
```{admonition} Correction: binary cross-entropy cannot take tanh outputs
:class: warning
The “Model compile” post says two-class data uses "the sigmoid, returning values between 0 and 1, or the hyperbolic tangent, returning values between −1 and 1", and goes on to the binary cross-entropy. The binary cross-entropy uses $\log p$ and $\log(1-p)$, so $p$ must be a **probability** in [0, 1]. A raw tanh output can be negative, whose log is undefined; Keras silently clips it and returns a wrong loss (two cells above). Use a sigmoid output layer, or pass logits with `from_logits=True`. Rescaling tanh as $(\tanh z + 1)/2 = \sigma(2z)$ works, but that is a sigmoid again.
```
""",
    ),
    # -------------------------------------------------------- fair comparison
    md(
        ko=r"""
## 같은 배치, 같은 시작점으로 비교하기

앞의 학습에서 두 모델의 정확도가 달랐던 것은 구현이 달라서일까요, 출발점과 배치 순서가 달라서일까요? 이것을 가리려면 나머지를 모두 같게 두고 비교해야 합니다.

1. Keras 모델을 하나 새로 만들고, 그 **초기 가중치를 그대로 복사해** `lossbook` 모델에 넣는다(`set_weights(get_weights())`; 두 라이브러리 모두 커널, 편향 순서로 가중치를 나열합니다).
2. 두 모델 모두 **float64** 로 계산한다(첫 셀부터 그렇게 했습니다). float32의 반올림 오차(약 $10^{-7}$)가 차이를 가리지 않게 하려는 것입니다.
3. `shuffle=False`로 두 모델이 같은 미니배치를 같은 순서로 보게 한다.

그다음 같은 수의 미니배치로 학습시키고, 모든 가중치의 차이 중 가장 큰 값 $\max\lvert W_\text{Keras} - W_\text{lossbook}\rvert$를 잽니다.
""",
        en=r"""
## Same batches, same start

Did the two accuracies above differ because of the implementations, or because of the different starting points and batch orders? To tell, keep everything else equal:

1. build a fresh Keras model and **copy its initial weights** into a `lossbook` model (`set_weights(get_weights())`; both libraries list the weights as kernel, bias, layer by layer);
2. compute in **float64** in both (as we have since the first cell), so that float32 rounding (about $10^{-7}$) does not hide the differences;
3. pass `shuffle=False`, so that both see the same mini-batches in the same order.

Then train both for the same number of mini-batches and measure the largest difference over all weights, $\max\lvert W_\text{Keras} - W_\text{lossbook}\rvert$.
""",
    ),
    code(
        """
keras.utils.set_random_seed(0)
keras64 = keras_mnist_model()
lb64 = lossbook_mnist_model(seed=1)   # its own initial weights are overwritten next
lb64.set_weights(keras64.get_weights())        # same starting point
keras64.compile(optimizer=keras.optimizers.Adam(learning_rate=0.005),
                loss="sparse_categorical_crossentropy", metrics=["accuracy"])
lb64.compile(optimizer=optimizers.Adam(learning_rate=0.005),
             loss="sparse_categorical_crossentropy", metrics=["accuracy"])


def max_weight_difference():
    return max(np.max(np.abs(wk - wl)) for wk, wl in zip(keras64.get_weights(), lb64.get_weights()))


print("dtypes:", keras64.weights[0].dtype, lb64.get_weights()[0].dtype)
print("max |W_keras - W_lossbook| before training:", max_weight_difference())
"""
    ),
    code(
        """
batch, steps_done = 32, 0
history_pairs = []


def train_both(n_steps):
    # Train both models on the next n_steps mini-batches of the training set, in order.
    global steps_done
    sl = slice(steps_done * batch, (steps_done + n_steps) * batch)
    hk = keras64.fit(x_train[sl], y_train[sl], batch_size=batch, epochs=1, shuffle=False, verbose=0)
    hl = lb64.fit(x_train[sl], y_train[sl], batch_size=batch, epochs=1, shuffle=False, verbose=0)
    steps_done += n_steps
    history_pairs.append((steps_done, max_weight_difference()))
    return hk.history, hl.history


hk, hl = train_both(10)
print(f"after 10 mini-batches: mean training loss Keras {hk['loss'][0]:.8f}, lossbook {hl['loss'][0]:.8f}")
print(f"                       training accuracy    Keras {hk['accuracy'][0]:.8f}, lossbook {hl['accuracy'][0]:.8f}")
print("max |W_keras - W_lossbook| < 1e-12:", history_pairs[-1][1] < 1e-12)
"""
    ),
    md(
        ko=r"""
미니배치 10개(가중치 갱신 10번)를 지난 뒤에도 두 모델의 가중치는 $10^{-12}$ 안에서 같습니다. float64의 상대 정밀도가 약 $10^{-16}$이므로, 남은 차이는 덧셈 순서 같은 반올림 차이뿐입니다. 순전파가 같고, `lossbook`이 소프트맥스와 교차 엔트로피를 합쳐 쓰는 역전파 $(p - t)/N$이 JAX가 Keras의 소프트맥스와 로그를 자동 미분해 얻는 기울기와 같으며, Adam 갱신도 Keras 3과 같은 식이라는 뜻입니다.

계속 학습시키면서 차이를 10걸음마다 재 봅시다.
""",
        en=r"""
After 10 mini-batches (10 weight updates) the two models' weights still agree to within $10^{-12}$. float64 carries a relative precision of about $10^{-16}$, so what is left is rounding, such as a different order of additions: the forward passes agree, `lossbook`'s fused softmax–cross-entropy backward $(p - t)/N$ gives the gradient that JAX's automatic differentiation finds through Keras's softmax and log, and the Adam updates follow the same Keras 3 formula.

Keep training and measure the difference every 10 steps:
""",
    ),
    code(
        """
for _ in range(14):
    train_both(10)
steps, diffs = np.array(history_pairs).T
print(f"after {steps_done} mini-batches: max |W_keras - W_lossbook| < 1e-6:", diffs[-1] < 1e-6)

# log10 on a linear axis (plain tick labels, no math-text minus signs)
plt.plot(steps, np.log10(diffs), "o-")
plt.axhline(np.log10(np.finfo(np.float64).eps), color="gray", linestyle=":",
            label=tr("float64 기계 엡실론", "float64 machine epsilon"))
plt.xlabel(tr("학습한 미니배치 수", "mini-batches trained"))
plt.ylabel("log10 max |W_Keras - W_lossbook|")
plt.title(tr("같은 시작점, 같은 배치: 가중치 차이", "same start, same batches: weight difference"))
plt.legend()
plt.show()
""",
        alt={
            "ko": "가로축은 학습한 미니배치 수(10~150), 세로축은 Keras와 lossbook 가중치의 최대 차이의 log10인 꺾은선 그래프. 차이는 70번째 미니배치까지 약 10^-14(float64 기계 엡실론을 나타낸 점선 -15.7보다 조금 위)에 머물다가, 80번째에 약 10^-12.5로, 150번째에 약 10^-8로 계단처럼 뛰어오른다.",
            "en": "Line plot with mini-batches trained (10 to 150) across and log10 of the largest difference between the Keras and lossbook weights up. The difference stays near 10^-14 (a little above float64 machine epsilon, the dotted line at -15.7) up to 70 mini-batches, then jumps like a staircase, to about 10^-12.5 at 80 and about 10^-8 at 150.",
        },
        caption={
            "ko": "같은 시작점과 같은 배치로 학습한 Keras와 lossbook의 가중치 차이",
            "en": "Weight difference between Keras and lossbook trained from the same start on the same batches",
        },
        name="fig-weight-difference",
    ),
    code(
        """
acc64_k = keras64.evaluate(x_test, y_test, batch_size=500, verbose=0)[1]
acc64_l = lb64.evaluate(x_test, y_test, batch_size=500, verbose=0)[1]
print(f"test accuracy after {steps_done} mini-batches: Keras {acc64_k:.4f}, lossbook {acc64_l:.4f}")
"""
    ),
    md(
        ko=r"""
차이는 반올림 수준에서 시작하지만 그래프에서 보듯 가끔 계단처럼 **뛰어오릅니다**. 까닭은 여럿입니다. ReLU는 입력이 0 근처인 뉴런에서 켜짐/꺼짐이 반올림 오차 하나로 바뀔 수 있고, Adam은 기울기를 $\sqrt{v}+\epsilon$으로 나누므로 $v$가 아주 작은 가중치에서는 작은 차이가 큰 걸음 차이로 커집니다. 또 Keras는 로그를 취하기 전에 확률을 $[10^{-7},\ 1-10^{-7}]$로 자르므로, 정답 확률이 $1-10^{-7}$보다 큰 샘플의 기울기는 Keras에서 정확히 0이지만 합친 식 $(p-t)/N$에서는 아주 작은 값으로 남습니다. 한 번 생긴 차이는 다음 걸음들에서 다시 증폭됩니다. 그래서 한 에포크(700여 걸음)를 끝까지 같은 배치로 학습시켜도 두 모델의 가중치는 결국 눈에 띄게 달라집니다. 이것은 어느 한쪽의 버그가 아닙니다. 덧셈 순서만 달라도 생기는 일이라, 같은 Keras라도 CPU나 스레드 수가 바뀌면 일어날 수 있습니다. 그래서 구현을 비교할 때는 위처럼 **짧은 구간**에서 가중치를 비교하고, 긴 학습은 정확도 같은 통계로 비교합니다.
""",
        en=r"""
The difference starts at rounding level but, as the plot shows, now and then **jumps** like a staircase. Several mechanisms: a ReLU neuron whose input is near 0 can switch on or off because of a single rounding error; Adam divides by $\sqrt{v}+\epsilon$, so for weights with a tiny $v$ a small difference becomes a large difference in the step; and Keras clips probabilities to $[10^{-7},\ 1-10^{-7}]$ before the log, so a sample whose true class gets more than $1-10^{-7}$ contributes exactly zero gradient in Keras but a tiny one in the fused formula $(p-t)/N$. Once created, a difference is amplified again by later steps. Train on the same batches for a whole epoch (700-odd steps) and the two weight sets end up visibly different. That is no bug on either side: a different order of additions is enough, so it can happen to Keras itself on another CPU or with another thread count. So implementations are compared on **short runs** at the level of weights, as above, and long runs through statistics such as accuracy.
""",
    ),
    # ------------------------------------------------------------ off the path
    md(
        ko=r"""
(ko-ch07-off-the-path)=
## 정해진 길 밖으로

지금까지는 「모델 컴파일」 글이 간 길을 그대로 따라갔습니다. 그 길을 벗어나 Keras를 쓰는 사람이 곧 찾게 되는 세 가지를 해 봅니다. 셋 다 앞 절처럼 **같은 초기 가중치, 같은 미니배치(`shuffle=False`), float64** 로 Keras와 `lossbook`을 나란히 학습시키고 숫자를 비교합니다.

1. 출력층이 **로짓(logit)** 을 내는 모델을 `SparseCategoricalCrossentropy(from_logits=True)`로 학습시킨다(앞의 팁 상자가 권한 방법).
2. `validation_split`으로 검증 세트를 떼어 두고, **조기 종료(early stopping)** 콜백이 가장 좋았던 에포크의 가중치를 되돌려 놓게 한다.
3. 한 클래스가 아주 적은 **클래스 불균형(class imbalance)** 데이터에서 `class_weight`로 그 클래스에 무게를 준다.

모델은 이 장의 Dense 300-200-100-10에서 출력층의 소프트맥스만 뺀 것입니다. 두 라이브러리의 모델을 만들고 같은 가중치를 넣어 컴파일하는 일을 함수 하나로 묶어 둡니다.
""",
        en=r"""
(en-ch07-off-the-path)=
## Off the path

So far we have followed the path of the “Model compile” post. Now three steps off it, the ones a Keras user reaches for next. Each runs Keras and `lossbook` side by side as in the previous section, with **the same initial weights, the same mini-batches (`shuffle=False`) and float64**, and compares the numbers:

1. train a model whose output layer produces **logits** with `SparseCategoricalCrossentropy(from_logits=True)` (the tip box's advice above);
2. hold out a validation set with `validation_split` and let an **early stopping** callback put back the weights of the best epoch;
3. on data with a **class imbalance**, where one class is rare, give that class more weight with `class_weight`.

The model is this chapter's Dense 300-200-100-10 without the output softmax. One function builds it in both libraries, copies the Keras weights into the `lossbook` model and compiles both alike:
""",
    ),
    code(
        """
def keras_logits_model():
    return keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(name="Flatten"),
        keras.layers.Dense(300, activation="relu", name="Hidden1"),
        keras.layers.Dense(200, activation="relu", name="Hidden2"),
        keras.layers.Dense(100, activation="relu", name="Hidden3"),
        keras.layers.Dense(10, name="Output"),          # no activation: the outputs are logits
    ])


def lossbook_logits_model(seed):
    return Sequential([
        Input((28, 28)),
        Flatten(name="Flatten"),
        Dense(300, activation="relu", name="Hidden1"),
        Dense(200, activation="relu", name="Hidden2"),
        Dense(100, activation="relu", name="Hidden3"),
        Dense(10, name="Output"),                       # no activation: the outputs are logits
    ], seed=seed)


def logits_pair(learning_rate=0.005):
    # A Keras model and a lossbook model with the same initial weights, compiled alike.
    keras.utils.set_random_seed(0)
    k = keras_logits_model()
    lb = lossbook_logits_model(seed=1)
    lb.set_weights(k.get_weights())
    k.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
    lb.compile(optimizer=optimizers.Adam(learning_rate=learning_rate),
               loss=losses.SparseCategoricalCrossentropy(from_logits=True),
               metrics=["accuracy"])
    return k, lb


def weight_gap(k, lb):
    # max |W_keras - W_lossbook| over all weights
    return max(np.max(np.abs(wk - wl)) for wk, wl in zip(k.get_weights(), lb.get_weights()))
"""
    ),
    md(
        ko=r"""
### 로짓과 `from_logits=True`

문자열 `"sparse_categorical_crossentropy"`에는 `from_logits`를 붙일 곳이 없습니다. 그래서 `compile(loss=...)`에 **손실 객체**를 넘깁니다. `keras.losses.SparseCategoricalCrossentropy(from_logits=True)`와 `lossbook.losses.SparseCategoricalCrossentropy(from_logits=True)`는 이름도 인자도 같습니다. `from_logits=True`인 손실은 로짓 $z$를 받아 소프트맥스와 로그를 한 식으로 계산합니다.

$$-\log \mathrm{softmax}(z)_t = \log\sum_k e^{z_k} - z_t$$

확률을 거치지 않으니 잘라 낼 것도 없습니다. 이 장의 앞에서 본 로짓 $[30, 0, -5]$, 정답 1인 샘플로 확인해 봅시다. 확률을 먼저 구하면 $p_1 \approx 9\times10^{-14}$이 $10^{-7}$로 잘려 손실이 $-\log 10^{-7} \approx 16.118$에서 멈추지만, 로짓에서 바로 계산하면 정확한 값 30이 나옵니다.
""",
        en=r"""
### Logits and `from_logits=True`

The string `"sparse_categorical_crossentropy"` has no place for `from_logits`, so `compile(loss=...)` gets a **loss object**. `keras.losses.SparseCategoricalCrossentropy(from_logits=True)` and `lossbook.losses.SparseCategoricalCrossentropy(from_logits=True)` share the name and the arguments. With `from_logits=True` the loss takes the logits $z$ and computes the softmax and the log as one formula,

$$-\log \mathrm{softmax}(z)_t = \log\sum_k e^{z_k} - z_t ,$$

with no probability in between and nothing to clip. Take the sample met earlier in this chapter, logits $[30, 0, -5]$ with label 1. Through probabilities, $p_1 \approx 9\times10^{-14}$ is clipped to $10^{-7}$ and the loss stops at $-\log 10^{-7} \approx 16.118$; from the logits it is the exact 30:
""",
    ),
    code(
        """
z = np.array([[30.0, 0.0, -5.0]])    # the logits of one sample whose label is 1
label = np.array([1])
exact = np.log(np.sum(np.exp(z))) - z[0, 1]   # -log softmax(z)_1 = log sum exp(z) - z_1
probs = activations.softmax(z)
print(f"softmax(z)_1 = {probs[0, 1]:.2e}, exact loss -log p_1 = {exact:.6f}")
print(f"from logits : Keras {float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(label, z)):.6f}"
      f"  lossbook {losses.SparseCategoricalCrossentropy(from_logits=True)(label, z):.6f}")
print(f"from softmax: Keras {float(keras.losses.SparseCategoricalCrossentropy()(label, probs)):.6f}"
      f"  lossbook {losses.SparseCategoricalCrossentropy()(label, probs):.6f}")
"""
    ),
    md(
        ko=r"""
이제 로짓 모델 두 개를 훈련 이미지 앞 1,000장으로 세 에포크(미니배치 32개씩 96걸음) 학습시키고, 에포크마다의 손실과 정확도, 마지막 가중치를 비교합니다.
""",
        en=r"""
Now train the two logits models on the first 1,000 training images for three epochs (32 mini-batches each, 96 steps) and compare the loss and accuracy per epoch and the final weights:
""",
    ),
    code(
        """
keras_lg, lb_lg = logits_pair()
print("same start:", weight_gap(keras_lg, lb_lg) == 0.0)
hk = keras_lg.fit(x_train[:1000], y_train[:1000], batch_size=32, epochs=3, shuffle=False, verbose=0)
hl = lb_lg.fit(x_train[:1000], y_train[:1000], batch_size=32, epochs=3, shuffle=False, verbose=0)
print("epoch  loss: Keras  lossbook     accuracy: Keras  lossbook")
for e in range(3):
    print(f"{e + 1:>5}  {hk.history['loss'][e]:12.8f}  {hl.history['loss'][e]:.8f}  "
          f"{hk.history['accuracy'][e]:15.4f}  {hl.history['accuracy'][e]:.4f}")
print("losses agree to 1e-12:", np.allclose(hk.history["loss"], hl.history["loss"], rtol=0, atol=1e-12))
print("after 96 steps, max |W_keras - W_lossbook| < 1e-10:", weight_gap(keras_lg, lb_lg) < 1e-10)
"""
    ),
    md(
        ko=r"""
로짓 모델의 `predict`는 확률이 아니라 로짓을 돌려줍니다. 확률이 필요하면 그 뒤에 소프트맥스를 적용합니다. 소프트맥스는 순서를 바꾸지 않으므로 예측한 클래스($\arg\max$)는 로짓에서 바로 읽어도 같습니다.
""",
        en=r"""
A logits model's `predict` returns logits, not probabilities; apply a softmax afterwards when probabilities are needed. The softmax keeps the order, so the predicted class ($\arg\max$) can be read from the logits directly:
""",
    ),
    code(
        """
logits_k = keras_lg.predict(x_test, batch_size=500, verbose=0)
logits_l = lb_lg.predict(x_test, batch_size=500, verbose=0)
probs_l = activations.softmax(logits_l)       # probabilities, when they are needed
print("first test image, logits :", logits_l[0].round(2))
print("first test image, softmax:", probs_l[0].round(4), " sum 1:", np.isclose(probs_l[0].sum(), 1.0))
print("logits agree to 1e-9:", np.allclose(logits_k, logits_l, rtol=0, atol=1e-9))
print(f"test accuracy: Keras {np.mean(logits_k.argmax(axis=1) == y_test):.4f}, "
      f"lossbook {np.mean(probs_l.argmax(axis=1) == y_test):.4f}")
"""
    ),
    md(
        ko=r"""
96걸음 뒤에도 두 구현의 손실은 소수점 열두째 자리까지, 가중치는 $10^{-10}$ 안에서 같습니다. 앞 절의 소프트맥스 모델에서 차이를 키웠던 원인 가운데 하나인 클리핑이 로짓 경로에는 없습니다. Keras도 `lossbook`도 로짓에서 정확한 식으로 손실과 기울기($\mathrm{softmax}(z) - t$를 배치 크기로 나눈 값)를 구합니다.
""",
        en=r"""
After 96 steps the two implementations' losses still agree to twelve decimals and their weights to within $10^{-10}$. Clipping, one of the causes that amplified the difference for the softmax model of the previous section, does not exist on the logits path: Keras and `lossbook` both compute the loss and its gradient ($\mathrm{softmax}(z) - t$ divided by the batch size) from the logits with the exact formula.
""",
    ),
    md(
        ko=r"""
### `validation_split`과 `EarlyStopping`

에포크를 늘리면 훈련 손실은 계속 내려가지만, 학습에 쓰지 않은 데이터의 손실은 어느 순간부터 다시 올라갑니다. 모델이 훈련 데이터에만 맞춰지는 **과대적합(overfitting)** 입니다. 언제 멈출지는 학습에 쓰지 않은 **검증 세트** 로 판단합니다.

- `fit(..., validation_split=0.2)`는 주어진 데이터의 **마지막** 20%를 검증 세트로 떼어 둡니다(**검증 분할(validation split)**). 섞기 **전에** 떼므로, 데이터가 클래스 순서로 정렬되어 있으면 검증 세트가 한쪽 클래스로 채워집니다(연습 1에서 미리 섞은 까닭). 매 에포크 끝에 검증 세트의 손실과 지표를 `History`의 `"val_loss"`, `"val_accuracy"`에 적습니다.
- **콜백(callback)** 은 `fit`이 정해진 순간(에포크 끝 등)에 불러 주는 객체입니다. `EarlyStopping(monitor="val_loss", patience=2)`는 에포크가 끝날 때마다 `logs["val_loss"]`를 보고, 두 에포크 동안 최솟값이 나아지지 않으면 `model.stop_training = True`로 학습을 멈춥니다. `restore_best_weights=True`이면 학습이 끝날 때 가장 좋았던 에포크의 가중치를 되돌려 놓습니다.

훈련 이미지 앞 1,500장(그중 마지막 300장이 검증 세트)으로 최대 20에포크를 학습시킵니다. `lossbook`의 콜백은 `lossbook.callbacks`에 Keras와 같은 이름으로 있습니다.
""",
        en=r"""
### `validation_split` and `EarlyStopping`

With more epochs the training loss keeps falling, but the loss on data not used for training turns up again at some point: the model fits the training data alone, which is **overfitting**. When to stop is judged on a **validation set** kept out of training.

- `fit(..., validation_split=0.2)` holds out the **last** 20% of the data it is given as the validation set (a **validation split**). It does so **before** shuffling, so data sorted by class would give a validation set of one class (which is why exercise 1 shuffles first). After every epoch it writes the validation loss and metrics into `History` as `"val_loss"` and `"val_accuracy"`.
- A **callback** is an object that `fit` calls at fixed moments (the end of each epoch, and others). `EarlyStopping(monitor="val_loss", patience=2)` reads `logs["val_loss"]` at the end of every epoch and, when two epochs pass without a new minimum, stops training by setting `model.stop_training = True`. With `restore_best_weights=True` it puts back the weights of the best epoch when training ends.

We train on the first 1,500 training images (the last 300 of them are the validation set) for at most 20 epochs. `lossbook`'s callbacks live in `lossbook.callbacks`, under Keras's names.
""",
    ),
    code(
        """
keras_es, lb_es = logits_pair()
stop_k = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
stop_l = callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
hk = keras_es.fit(x_train[:1500], y_train[:1500], batch_size=32, epochs=20, shuffle=False,
                  validation_split=0.2, callbacks=[stop_k], verbose=0)
hl = lb_es.fit(x_train[:1500], y_train[:1500], batch_size=32, epochs=20, shuffle=False,
               validation_split=0.2, callbacks=[stop_l], verbose=0)
print("History keys:", sorted(hl.history))
print("val_loss Keras   :", np.round(hk.history["val_loss"], 4))
print("val_loss lossbook:", np.round(hl.history["val_loss"], 4))
print("val_loss agrees to 1e-10:", np.allclose(hk.history["val_loss"], hl.history["val_loss"], rtol=0, atol=1e-10))
print(f"epochs run: Keras {len(hk.history['loss'])}, lossbook {len(hl.history['loss'])}; "
      f"best epoch: Keras {stop_k.best_epoch + 1}, lossbook {stop_l.best_epoch + 1}")
print("restored weights: max |W_keras - W_lossbook| < 1e-10:", weight_gap(keras_es, lb_es) < 1e-10)
"""
    ),
    code(
        """
epochs = np.arange(1, len(hl.history["loss"]) + 1)
plt.plot(epochs, hl.history["loss"], "o-", label=tr("훈련 손실(lossbook)", "training loss (lossbook)"))
plt.plot(epochs, hl.history["val_loss"], "s-", label=tr("검증 손실(lossbook)", "validation loss (lossbook)"))
plt.plot(epochs, hk.history["val_loss"], "k+", markersize=12, label=tr("검증 손실(Keras)", "validation loss (Keras)"))
plt.axvline(stop_l.best_epoch + 1, color="gray", linestyle=":",
            label=tr("되돌린 가중치의 에포크", "epoch of the restored weights"))
plt.xticks(epochs)
plt.xlabel(tr("에포크", "epoch"))
plt.ylabel(tr("손실", "loss"))
plt.title(tr("validation_split=0.2와 EarlyStopping(patience=2)",
             "validation_split=0.2 and EarlyStopping(patience=2)"))
plt.legend()
plt.show()
""",
        alt={
            "ko": "가로축은 에포크 1~5, 세로축은 손실인 꺾은선 그래프. lossbook의 훈련 손실은 약 1.01에서 0.11까지 계속 내려간다. 검증 손실은 0.57, 0.54, 0.47로 내려가다가 4에포크에 0.52, 5에포크에 0.79로 올라가고, Keras의 검증 손실(+ 표시)이 매 에포크 lossbook의 값 위에 정확히 놓인다. 3에포크에 되돌린 가중치의 에포크를 나타내는 점선이 있다.",
            "en": "Line plot of loss against epochs 1 to 5. The lossbook training loss falls all the way, from about 1.01 to 0.11. The validation loss falls 0.57, 0.54, 0.47, then rises to 0.52 at epoch 4 and 0.79 at epoch 5; Keras's validation loss (plus signs) sits exactly on lossbook's at every epoch. A dotted line at epoch 3 marks the epoch of the restored weights.",
        },
        caption={
            "ko": "검증 손실이 두 에포크 동안 나아지지 않자 멈추고 3에포크의 가중치를 되돌린 조기 종료(Keras와 lossbook)",
            "en": "Early stopping in Keras and lossbook: two epochs without a better validation loss stop training, and the weights of epoch 3 are put back",
        },
        name="fig-early-stopping",
    ),
    md(
        ko=r"""
두 구현이 같은 에포크에서 멈추고 같은 에포크의 가중치를 되돌렸습니다. 되돌린 모델을 검증 세트(1,500장 중 마지막 300장)로 평가하면 `History`에 적힌 가장 작은 `val_loss`가 그대로 나옵니다. 그 에포크의 가중치가 정말 돌아왔다는 뜻입니다.
""",
        en=r"""
Both stopped at the same epoch and put back the weights of the same epoch. Evaluated on the validation set (the last 300 of the 1,500 images), the restored model gives exactly the smallest `val_loss` in `History`: that epoch's weights really are back.
""",
    ),
    code(
        """
x_val, y_val = x_train[1200:1500], y_train[1200:1500]   # validation_split=0.2: the LAST 300 of 1,500
print(f"smallest val_loss in History {min(hl.history['val_loss']):.6f}; restored models on x_train[1200:1500]: "
      f"lossbook {lb_es.evaluate(x_val, y_val, verbose=0)[0]:.6f}, "
      f"Keras {keras_es.evaluate(x_val, y_val, verbose=0)[0]:.6f}")
"""
    ),
    md(
        ko=r"""
### 불균형 데이터와 `class_weight`

훈련 이미지 앞 2,000장에서 숫자 5를 20장만 남기고(고르게 20장) 나머지 숫자는 모두 둡니다. 5는 전체의 약 1%가 됩니다. 이런 데이터로 학습하면 모델은 5를 잘 맞히지 않아도 손실이 거의 줄지 않으므로, 5를 놓치는 쪽으로 배웁니다.

`fit(..., class_weight={클래스: 가중치})`는 샘플마다 그 클래스의 가중치(**클래스 가중치(class weight)**)를 **샘플 가중치(sample weight)** $w_i$로 붙입니다. 흔히 쓰는 "균형(balanced)" 가중치는 $w_c = n / (C\cdot n_c)$입니다($n$은 샘플 수, $C$는 클래스 수, $n_c$는 클래스 $c$의 샘플 수). 드문 클래스일수록 크고, 모든 샘플에 대한 가중치의 평균은 정확히 1입니다.
""",
        en=r"""
### Imbalanced data and `class_weight`

From the first 2,000 training images keep only 20 fives (spread evenly) and every other digit. Fives are now about 1% of the data. Trained on it, a model loses almost nothing by getting fives wrong, so it learns to miss them.

`fit(..., class_weight={class: weight})` attaches its class's weight (the **class weight**) to every sample as a **sample weight** $w_i$. The common "balanced" weights are $w_c = n / (C\cdot n_c)$ ($n$ samples, $C$ classes, $n_c$ samples of class $c$): the rarer the class, the larger its weight, and the weights average exactly 1 over the samples.
""",
    ),
    code(
        """
first = np.arange(2000)                                   # the first 2,000 training images
fives = first[y_train[first] == 5]
keep = np.sort(np.concatenate([first[y_train[first] != 5], fives[::len(fives) // 20][:20]]))
x_imb, y_imb = x_train[keep], y_train[keep]               # every digit, but only 20 fives
counts = np.bincount(y_imb, minlength=10)
class_weight = {c: len(y_imb) / (10 * counts[c]) for c in range(10)}   # "balanced"
print("images per digit:", counts, " total", len(y_imb))
print("class_weight    :", np.round([class_weight[c] for c in range(10)], 3))
print("mean weight over the samples:", round(np.mean([class_weight[c] for c in y_imb]), 12))
"""
    ),
    md(
        ko=r"""
가중치가 붙은 배치의 손실을 Keras는 어떻게 계산할까요? 손실 객체의 기본 `reduction="sum_over_batch_size"`는 샘플별 손실 $l_i$에 가중치를 곱해 더한 뒤 **배치 크기 $n$으로** 나눕니다.

$$L = \frac{1}{n}\sum_{i=1}^{n} w_i\, l_i$$

가중 평균 $\sum w_i l_i / \sum w_i$가 아닙니다. 가중치의 합으로 나누지 않으므로, 가중치가 큰 샘플이 든 배치는 손실도 기울기도 그만큼 커집니다. 학습 전 모델의 로짓으로 불균형 데이터의 첫 8장(5가 하나 있습니다)을 계산해 봅시다.
""",
        en=r"""
How does Keras compute the loss of a weighted batch? A loss object's default `reduction="sum_over_batch_size"` multiplies each per-sample loss $l_i$ by its weight, sums, and divides by **the batch size $n$**:

$$L = \frac{1}{n}\sum_{i=1}^{n} w_i\, l_i .$$

This is not the weighted mean $\sum w_i l_i / \sum w_i$: nothing divides by the sum of the weights, so a batch holding heavily weighted samples has a larger loss and a larger gradient. With the logits of an untrained model, on the first 8 images of the imbalanced data (one of them a five):
""",
    ),
    code(
        """
z_b = lossbook_logits_model(seed=5).predict(x_imb[:8], verbose=0)   # an untrained model's logits
t_b = y_imb[:8]
w_b = np.array([class_weight[c] for c in t_b])                      # class_weight -> sample weights
per_sample = losses.sparse_categorical_crossentropy(t_b, z_b, from_logits=True)
print("labels        :", t_b)
print("sample weights:", w_b.round(3))
print("per-sample l  :", per_sample.round(4))
keras_value = float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(t_b, z_b, sample_weight=w_b))
lossbook_value = losses.SparseCategoricalCrossentropy(from_logits=True)(t_b, z_b, sample_weight=w_b)
print(f"Keras {keras_value:.6f}, lossbook {lossbook_value:.6f}")
print(f"sum(w * l) / n      = {np.sum(w_b * per_sample) / len(t_b):.6f}   (n = {len(t_b)})")
print(f"sum(w * l) / sum(w) = {np.sum(w_b * per_sample) / np.sum(w_b):.6f}   (the weighted mean: not what Keras computes)")
"""
    ),
    md(
        ko=r"""
이제 같은 시작점에서 세 모델을 세 에포크 학습시킵니다. `class_weight`를 준 Keras 모델과 `lossbook` 모델, 그리고 비교를 위해 `class_weight` 없이 학습한 `lossbook` 모델입니다. 여기서는 Adam의 기본 학습률 0.001을 씁니다(0.005에서는 이 작은 실험의 잡음이 효과를 가립니다).
""",
        en=r"""
Now train three models from the same start for three epochs: Keras and `lossbook` with `class_weight`, and for comparison `lossbook` without it. Here Adam runs at its default learning rate, 0.001 (at 0.005 the noise of this small experiment hides the effect).
""",
    ),
    code(
        """
keras_cw, lb_cw = logits_pair(learning_rate=0.001)
_, lb_plain = logits_pair(learning_rate=0.001)            # the same start, trained without class_weight
hk = keras_cw.fit(x_imb, y_imb, batch_size=32, epochs=3, shuffle=False, class_weight=class_weight, verbose=0)
hl = lb_cw.fit(x_imb, y_imb, batch_size=32, epochs=3, shuffle=False, class_weight=class_weight, verbose=0)
lb_plain.fit(x_imb, y_imb, batch_size=32, epochs=3, shuffle=False, verbose=0)
print("weighted loss per epoch, Keras   :", np.round(hk.history["loss"], 6))
print("weighted loss per epoch, lossbook:", np.round(hl.history["loss"], 6))
print("losses agree to 1e-12:", np.allclose(hk.history["loss"], hl.history["loss"], rtol=0, atol=1e-12))
print("max |W_keras - W_lossbook| < 1e-10:", weight_gap(keras_cw, lb_cw) < 1e-10)
"""
    ),
    md(
        ko=r"""
`class_weight`가 바꾸는 것은 클래스마다의 **재현율(recall)**, 즉 시험 세트에서 숫자 $c$인 이미지 가운데 모델이 $c$라고 맞힌 비율입니다. 전체 정확도 하나로는 5를 거의 다 놓쳐도 1%쯤만 깎이므로 보이지 않습니다.
""",
        en=r"""
What `class_weight` changes is the **recall** of each class: of the test images of digit $c$, the fraction the model calls $c$. Overall accuracy hides it: missing nearly every five costs only about one percent.
""",
    ),
    code(
        """
def recall_per_class(predicted):
    # recall of digit c: the fraction of the test images of c that are predicted as c
    return np.array([np.mean(predicted[y_test == c] == c) for c in range(10)])


pred_plain = lb_plain.predict(x_test, batch_size=500, verbose=0).argmax(axis=1)
pred_cw = lb_cw.predict(x_test, batch_size=500, verbose=0).argmax(axis=1)
pred_cw_k = keras_cw.predict(x_test, batch_size=500, verbose=0).argmax(axis=1)
recall_plain, recall_cw = recall_per_class(pred_plain), recall_per_class(pred_cw)
print("digit               ", np.arange(10))
print("recall, no weights  ", recall_plain.round(2))
print("recall, class_weight", recall_cw.round(2))
print("Keras with class_weight predicts the same digits:", np.array_equal(pred_cw, pred_cw_k))
print(f"test images predicted as 5: {np.sum(pred_plain == 5)} -> {np.sum(pred_cw == 5)} "
      f"(the test set has {np.sum(y_test == 5)} fives)")
print(f"accuracy: {np.mean(pred_plain == y_test):.4f} -> {np.mean(pred_cw == y_test):.4f}")
"""
    ),
    code(
        """
digits = np.arange(10)
plt.bar(digits - 0.2, recall_plain, width=0.4, label=tr("class_weight 없음", "no class_weight"))
plt.bar(digits + 0.2, recall_cw, width=0.4, label=tr("균형 class_weight", "balanced class_weight"))
plt.xticks(digits)
plt.ylim(0, 1.2)
plt.yticks(np.linspace(0, 1, 6))
plt.xlabel(tr("숫자", "digit"))
plt.ylabel(tr("재현율(시험 세트)", "recall (test set)"))
plt.title(tr("5가 20장뿐인 훈련 데이터: 숫자별 재현율", "only 20 fives in the training data: recall per digit"))
plt.legend(loc="upper center", ncol=2)
plt.show()
""",
        alt={
            "ko": '숫자 0~9마다 시험 세트 재현율을 class_weight 없이 학습한 막대와 균형 class_weight로 학습한 막대로 나란히 보인 막대그래프. 5를 뺀 모든 숫자는 두 막대가 0.84~0.97이고, 5의 재현율은 0.27에서 0.52로 오른다. 9는 0.92에서 0.87로 내려가고, 나머지 숫자는 0.02 넘게 바뀌지 않는다.',
            "en": 'Grouped bar chart of the test-set recall of each digit 0 to 9, trained without class_weight and with balanced class_weight. Every digit except 5 has bars between 0.84 and 0.97; the recall of 5 rises from 0.27 to 0.52. Digit 9 falls from 0.92 to 0.87, and no other digit changes by more than 0.02.',
        },
        caption={
            "ko": "불균형 데이터에서 class_weight가 숫자별 재현율에 미치는 영향(lossbook; Keras도 같은 예측)",
            "en": "What class_weight does to the recall of each digit on imbalanced data (lossbook; Keras predicts the same)",
        },
        name="fig-class-weight-recall",
    ),
    md(
        ko=r"""
가중치 없이 학습한 모델은 시험 세트의 5 가운데 27%만 5라고 맞히고, 균형 `class_weight`로 학습한 모델은 52%를 맞힙니다. 모델이 5라고 답한 시험 이미지도 247장에서 482장으로 늘었습니다. 다른 숫자의 재현율은 거의 그대로이고(9만 0.92에서 0.87로 내려갑니다), 시험 세트는 5가 드물지 않으므로 전체 정확도도 0.8619에서 0.8802로 올랐습니다. `class_weight`는 데이터를 늘리지 않습니다. 5는 여전히 20장뿐이고, 그 20장의 손실에 9.2배의 무게를 실어 결정 경계를 5 쪽으로 옮길 뿐입니다. 그래서 재현율이 절반쯤에서 멈춥니다. 드문 클래스를 더 맞히는 대신 다른 클래스를 그 클래스로 잘못 부르는 일이 늘 수 있으므로, 클래스마다의 재현율을 보고 판단합니다.

세 실험 모두 Keras와 `lossbook`의 손실, 검증 손실, 멈춘 에포크, 되돌린 가중치, 예측이 반올림 수준까지 같았습니다. 두 구현이 `from_logits`, `validation_split`(마지막 20%, 섞기 전), `EarlyStopping`, `class_weight`와 손실의 `reduction`을 같은 규칙으로 다룬다는 뜻입니다.
""",
        en=r"""
Trained without weights, the model calls only 27% of the test set's fives a five; with balanced `class_weight`, 52%. The number of test images it calls a five grows from 247 to 482. The other digits keep nearly the same recall (only 9 falls, from 0.92 to 0.87), and since fives are not rare in the test set, overall accuracy rises too, from 0.8619 to 0.8802. `class_weight` adds no data: there are still only 20 fives, and their losses merely weigh 9.2 times as much, which moves the decision boundary towards 5. That is why the recall stops around one half. Calling the rare class more often can also mean calling other digits by its name more often, so the choice is judged on the recall of every class.

In all three experiments Keras and `lossbook` agree to rounding on the losses, the validation losses, the stopping epoch, the restored weights and the predictions: the two implementations follow the same rules for `from_logits`, `validation_split` (the last 20%, before shuffling), `EarlyStopping`, `class_weight` and the loss's `reduction`.
""",
    ),
    # ----------------------------------------------------------------- summary
    md(
        ko=r"""
## 요약

- `compile`은 **손실**(무엇을 최소화할지), **옵티마이저**(기울기로 가중치를 어떻게 고칠지), **지표**(무엇을 보고만 할지)를 정합니다. 지표는 학습에 쓰이지 않습니다.
- 문자열은 `get()`으로 실제 객체가 됩니다. 옵티마이저 문자열은 기본 하이퍼파라미터(Adam은 학습률 0.001)를 쓰므로, 다른 학습률이 필요하면 `keras.optimizers.Adam(learning_rate=0.005)`처럼 객체를 넘깁니다. `lossbook`도 같은 이름과 규칙을 씁니다.
- `"accuracy"`는 레이블과 출력의 모양에 따라 해석됩니다. 출력이 하나면 이진, 레이블이 `(n,)`이거나 `(n, 1)`이고 출력이 여러 개면 희소 범주형, 원-핫이면 범주형 정확도입니다.
- `fit`은 에포크마다 데이터를 섞어(`rng.permutation`) 미니배치로 자르고, 미니배치마다 순전파 → 손실 → 역전파 → 옵티마이저 한 걸음을 밟습니다. 무작위성은 섞는 곳에만 있습니다.
- 손실은 출력층과 레이블 형식으로 고릅니다: 회귀 → MSE/MAE, 시그모이드 출력 하나 → 이진 교차 엔트로피, 소프트맥스 + 원-핫 → 범주형, 소프트맥스 + 정수 → 희소 범주형. 범주형과 희소 범주형은 값이 같습니다. 새 모델이라면 로짓과 `from_logits=True`가 더 안전합니다.
- 「모델 컴파일」 글의 이진 교차 엔트로피 숫자는 로그 안에 $\delta$를 더한 구현의 값으로, 정확한 값과 $10^{-7}$ 정도 다릅니다. Keras는 $\delta$ 대신 클리핑을 쓰고, 마지막 축의 평균을 float32로 계산합니다. tanh 출력은 확률이 아니므로 이진 교차 엔트로피에 쓸 수 없습니다.
- 같은 초기 가중치와 같은 배치로 학습하면 Keras와 `lossbook`의 가중치는 반올림 수준까지 같습니다. 학습이 길어지면 반올림 차이가 증폭되므로, 긴 학습은 정확도로 비교합니다.
- 길 밖의 세 가지도 Keras와 같습니다. 로짓 출력은 손실 객체 `SparseCategoricalCrossentropy(from_logits=True)`로 학습하고 확률은 예측 뒤에 소프트맥스로 얻습니다. `validation_split`은 섞기 전 마지막 부분을 떼고, `EarlyStopping(restore_best_weights=True)`는 `val_loss`가 가장 작았던 에포크의 가중치를 되돌립니다. `class_weight`는 샘플 가중치가 되고 손실은 $\sum w_i l_i / n$($n$은 배치 크기)이며, 드문 클래스의 재현율을 올립니다.
""",
        en=r"""
## Summary

- `compile` fixes the **loss** (what to minimise), the **optimizer** (how gradients change the weights) and the **metrics** (what to report only). Metrics play no part in training.
- Strings become objects through `get()`. An optimizer string uses the default hyperparameters (Adam: learning rate 0.001), so for another learning rate pass an object such as `keras.optimizers.Adam(learning_rate=0.005)`. `lossbook` uses the same names and rules.
- `"accuracy"` follows the shapes: one output unit → binary; labels of shape `(n,)`, or `(n, 1)` with several output units → sparse categorical; one-hot labels → categorical accuracy.
- `fit` shuffles the data every epoch (`rng.permutation`), cuts it into mini-batches and, per mini-batch, runs forward pass → loss → backpropagation → one optimizer step. The shuffling is the only random part.
- Choose the loss from the output layer and the label format: regression → MSE/MAE, one sigmoid output → binary cross-entropy, softmax with one-hot labels → categorical, softmax with integer labels → sparse categorical. Categorical and sparse categorical give the same value. For a new model, logits with `from_logits=True` are safer.
- The “Model compile” post's binary cross-entropy numbers come from an implementation that adds $\delta$ inside the logs and differ from the exact values by about $10^{-7}$; Keras clips instead, and averages over the last axis in float32. A tanh output is not a probability and cannot feed the binary cross-entropy.
- Trained from the same initial weights on the same batches, Keras and `lossbook` agree to rounding level; over long runs rounding differences are amplified, so long runs are compared by accuracy.
- The three steps off the path work as in Keras too. A logits output trains with the loss object `SparseCategoricalCrossentropy(from_logits=True)`, and probabilities come from a softmax after prediction. `validation_split` holds out the last part before shuffling, and `EarlyStopping(restore_best_weights=True)` puts back the weights of the epoch with the smallest `val_loss`. `class_weight` becomes sample weights, the loss is $\sum w_i l_i / n$ ($n$ the batch size), and the rare class's recall goes up.
""",
    ),
    # --------------------------------------------------------------- exercises
    md(
        ko=r"""
## 연습 문제

각 문제의 코드 셀에서 `...`를 여러분의 답으로 바꾸고 셀을 실행하세요. 마지막 줄의 `check....`가 바로 채점합니다(⏳ 아직 풀지 않음, ❌ 어디가 틀렸는지, ✅ 정답). 풀이는 이 페이지 맨 끝의 {ref}`ko-ch07-solutions`에 있습니다.

**문제 1.** 「모델 컴파일」 글은 훈련 데이터에서 검증 세트(validation set) 5,000장을 뽑을 때 `np.random.choice`로 검증 인덱스를 고른 뒤 `set(index_list) - set(valid_index)`로 남은 인덱스를 구하고 `list(...)`로 바꿉니다. `np.random.choice`는 기본값(`replace=True`)에서 같은 인덱스를 여러 번 뽑을 수 있고, 집합(set)의 순회 순서는 파이썬이 보장하지 않습니다. `np.random.default_rng(1234)`의 `permutation` 한 번으로 번들 데이터(22,699장)를 검증 5,000장과 훈련 17,699장의 인덱스로 나누세요. 검사는 두 부분의 크기, 겹치지 않음, 합치면 전체가 됨을 확인합니다.
""",
        en=r"""
## Exercises

In each exercise's code cell, replace `...` with your answer and run the cell; the `check....` on its last line grades it at once (⏳ not attempted yet, ❌ what is wrong and where, ✅ correct). The solutions are at the very end of this page, under {ref}`en-ch07-solutions`.

**Exercise 1.** To hold out a validation set of 5,000 images, the “Model compile” post picks validation indices with `np.random.choice`, takes the rest with `set(index_list) - set(valid_index)` and turns it into a `list(...)`. With its default `replace=True`, `np.random.choice` can pick the same index several times, and Python promises no iteration order for a set. Split the indices of the bundled data (22,699 images) into 5,000 validation and 17,699 training indices with a single `permutation` from `np.random.default_rng(1234)`. The check verifies the sizes, that the parts do not overlap, and that together they cover everything.
""",
    ),
    code(
        """
valid_idx, train_idx = ..., ...  # index arrays into x_train
check.validation_split(valid_idx, train_idx, len(x_train))
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 2.** `lossbook` 모델을 `optimizer="adam"`(문자열)으로 컴파일하면 옵티마이저의 학습률은 얼마입니까(`model.optimizer`로 확인하세요)? 「모델 컴파일」 글처럼 0.005로 학습하려면 `compile`에 무엇을 넘겨야 합니까? 그 옵티마이저 객체를 답으로 주세요.
""",
        en=r"""
**Exercise 2.** Compile a `lossbook` model with `optimizer="adam"` (a string): what is its optimizer's learning rate (look at `model.optimizer`)? What must you pass to `compile` to train at the post's 0.005? Give that optimizer object as the answer.
""",
    ),
    code(
        """
string_lr = ...  # the learning rate of the optimizer made from "adam"
optimizer_0005 = ...  # an optimizer object that trains with Adam at 0.005
check.adam_string(string_lr, optimizer_0005)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 3.** 레이블을 원-핫으로 바꾸고(`np.eye(10)[y]`) 손실을 `"categorical_crossentropy"`로 바꿔도 학습이 **똑같이** 진행되는지 확인하세요. 같은 초기 가중치의 `lossbook` 모델 두 개를 하나는 정수 레이블과 희소 범주형 교차 엔트로피로, 다른 하나는 원-핫 레이블과 범주형 교차 엔트로피로 훈련 이미지 앞 2,000장에 대해 한 에포크(`shuffle=False`) 학습시키고, 두 모델의 모든 가중치 차이 중 가장 큰 값을 구하세요.
""",
        en=r"""
**Exercise 3.** Check that training proceeds **identically** with one-hot labels (`np.eye(10)[y]`) and `"categorical_crossentropy"`. Train two `lossbook` models with the same initial weights for one epoch (`shuffle=False`) on the first 2,000 training images, one with integer labels and sparse categorical cross-entropy, the other with one-hot labels and categorical cross-entropy, and find the largest difference over all their weights.
""",
    ),
    code(
        """
sparse_m = ...           # trained with integer labels, "sparse_categorical_crossentropy"
onehot_m = ...           # same start, one-hot labels, "categorical_crossentropy"
weight_difference = ...  # max |W_sparse - W_onehot| over all weights after one epoch
check.one_hot_same(weight_difference, sparse_m, onehot_m)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 4.** 출력이 10개(소프트맥스)이거나 1개(시그모이드)인 모델을 `metrics=["accuracy"]`로 컴파일했습니다. 레이블과 출력의 모양이 다음과 같을 때 Keras는 `"accuracy"`를 무엇으로 바꿉니까? `"binary_accuracy"`, `"sparse_categorical_accuracy"`, `"categorical_accuracy"` 중에서 고르세요.

(a) 레이블 `(64, 3)`, 출력 `(64, 3)` (b) 레이블 `(64,)`, 출력 `(64, 1)` (c) 레이블 `(64, 1)`, 출력 `(64, 5)` (d) 레이블 `(64,)`, 출력 `(64, 5)`
""",
        en=r"""
**Exercise 4.** A model with 10 outputs (softmax) or 1 output (sigmoid) is compiled with `metrics=["accuracy"]`. For these shapes of labels and output, what does Keras turn `"accuracy"` into? Choose among `"binary_accuracy"`, `"sparse_categorical_accuracy"` and `"categorical_accuracy"`.

(a) labels `(64, 3)`, output `(64, 3)` (b) labels `(64,)`, output `(64, 1)` (c) labels `(64, 1)`, output `(64, 5)` (d) labels `(64,)`, output `(64, 5)`
""",
    ),
    code(
        """
answers = {"a": ..., "b": ..., "c": ..., "d": ...}
check.accuracy_rule(answers)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 5.** "같은 배치, 같은 시작점" 실험에서 두 모델이 float32로 계산했다면 가중치 차이는 어느 정도 크기에서 시작할까요? 계산하지 말고 `"1e-16"`, `"1e-12"`, `"1e-8"`, `"1e-4"` 중에서 예상해 고르세요(가중치의 크기는 약 0.1입니다).
""",
        en=r"""
**Exercise 5.** In the "Same batches, same start" experiment, at what size would the weight difference start if both models computed in float32? Estimate without computing and choose among `"1e-16"`, `"1e-12"`, `"1e-8"` and `"1e-4"` (the weights are about 0.1 in size).
""",
    ),
    code(
        """
float32_start = ...  # one of "1e-16", "1e-12", "1e-8", "1e-4"
check.float32_start(float32_start)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 6.** ({ref}`ko-ch07-off-the-path`) 출력층이 로짓을 내는(마지막 층에 활성화가 없는) `lossbook` 모델 `logits_m`을 만들어 `losses.SparseCategoricalCrossentropy(from_logits=True)`로 컴파일하고, 훈련 이미지 앞 1,000장으로 한 에포크 학습시키세요. 그리고 시험 이미지 앞 100장(`x_test[:100]`)에 대해 그 모델이 예측한 **확률** `probs`(모양 `(100, 10)`)를 구하세요. 검사는 모델의 마지막 층과 손실, 학습 여부를 보고 확률을 모델에서 다시 계산합니다.
""",
        en=r"""
**Exercise 6.** ({ref}`en-ch07-off-the-path`) Build a `lossbook` model `logits_m` whose output layer produces logits (no activation on the last layer), compile it with `losses.SparseCategoricalCrossentropy(from_logits=True)` and train it for one epoch on the first 1,000 training images. Then compute the **probabilities** `probs` (shape `(100, 10)`) it predicts for the first 100 test images, `x_test[:100]`. The check looks at the model's last layer, its loss and whether it was trained, and recomputes the probabilities from the model.
""",
    ),
    code(
        """
logits_m = ...  # a lossbook model ending in logits, compiled with from_logits=True, trained
probs = ...     # its predicted probabilities for x_test[:100], shape (100, 10)
check.logits_model(logits_m, probs)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 7.** 문제 6처럼 만든 로짓 모델 `es_model`을 훈련 이미지 앞 1,500장으로 `validation_split=0.2`, `shuffle=False`, 최대 `epochs=20`, `callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)`로 학습시키세요. 학습이 끝난 모델은 몇 번째 에포크의 가중치를 갖고 있습니까? Keras가 `verbose=1`일 때 "Restoring model weights from the end of the best epoch: N."이라고 알리는 것처럼 1부터 센 번호 `best_epoch`를 답하고, 모델과 `fit`이 돌려준 `History`도 넘기세요. 검사는 모델을 검증 세트로 평가해 정말 그 에포크의 가중치인지 확인합니다.
""",
        en=r"""
**Exercise 7.** Train a logits model `es_model`, built as in exercise 6, on the first 1,500 training images with `validation_split=0.2`, `shuffle=False`, at most `epochs=20` and `callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)`. Which epoch's weights does the trained model hold? Answer with `best_epoch` counted from 1, as Keras reports it with `verbose=1` ("Restoring model weights from the end of the best epoch: N."), and pass the model and the `History` that `fit` returned. The check evaluates the model on the validation set to confirm that it holds that epoch's weights.
""",
    ),
    code(
        """
es_model = ...    # trained with validation_split=0.2 and EarlyStopping(..., restore_best_weights=True)
es_history = ...  # the History that fit returned
best_epoch = ...  # the epoch (counting from 1) whose weights es_model holds at the end
check.early_stopping(best_epoch, es_model, es_history)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 8.** 레이블이 `t = check.CLASS_LABELS`(`[0, 2, 0, 0, 1, 0, 0, 2, 0, 0]`, 클래스 3개)인 샘플 10개가 있습니다. (a) 균형 가중치 $w_c = n/(C\cdot n_c)$로 `class_weight` 사전을 만드세요. (b) 이 데이터로 `fit(..., batch_size=4, shuffle=False, class_weight=class_weight)`를 하면 첫 미니배치(앞의 4개)의 손실은 얼마입니까? 첫 미니배치에서 모델이 낸 로짓은 `check.FIRST_LOGITS`(모양 `(4, 3)`)입니다. `losses.SparseCategoricalCrossentropy(from_logits=True)`로 계산하세요.
""",
        en=r"""
**Exercise 8.** Ten samples have the labels `t = check.CLASS_LABELS` (`[0, 2, 0, 0, 1, 0, 0, 2, 0, 0]`, three classes). (a) Make the `class_weight` dict of balanced weights $w_c = n/(C\cdot n_c)$. (b) Trained on these samples with `fit(..., batch_size=4, shuffle=False, class_weight=class_weight)`, what loss does the first mini-batch (the first 4 samples) have? The model's logits for that mini-batch are `check.FIRST_LOGITS` (shape `(4, 3)`). Compute it with `losses.SparseCategoricalCrossentropy(from_logits=True)`.
""",
    ),
    code(
        """
t = check.CLASS_LABELS
class_weight = ...      # {class: weight}, balanced: n / (C * n_c)
first_batch_loss = ...  # the loss of the first mini-batch t[:4], logits check.FIRST_LOGITS
check.class_weights(class_weight, first_batch_loss)
""",
        tags=["exercise"],
    ),
    # --------------------------------------------------------------- solutions
    md(
        ko=r"""
(ko-ch07-solutions)=
## 풀이

먼저 스스로 풀어 보세요. 풀이는 설명(「N번 풀이 보기」)과 코드(「풀이 보기」)가 각각 접혀 있습니다. 풀이 코드는 답을 정의하고 같은 검사를 불러 ✅를 냅니다.

1. 순열(permutation)은 모든 인덱스를 한 번씩 무작위 순서로 늘어놓으므로, 앞 5,000개와 나머지는 저절로 겹치지 않고 합치면 전체가 됩니다. 집합 연산도, 중복 검사도 필요 없고 순서도 재현됩니다.
""",
        en=r"""
(en-ch07-solutions)=
## Solutions

Try on your own first. Each solution's explanation (“Show solution N”) and code (“Show solution”) are folded; the code defines the answer and calls the same check, which prints ✅.

1. A permutation lists every index once, in random order, so its first 5,000 entries and the rest cannot overlap and together cover everything: no set operations, no duplicate checks, and a reproducible order.
""",
    ),
    code(
        """
(x_train, y_train), _ = load_mnist()   # the bundled data, as at the top of the chapter
rng = np.random.default_rng(1234)
order = rng.permutation(len(x_train))
valid_idx, train_idx = order[:5000], order[5000:]
print("validation:", valid_idx.size, " training:", train_idx.size)
print("validation class counts:", np.bincount(y_train[valid_idx], minlength=10))
check.validation_split(valid_idx, train_idx, len(x_train))
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
2. 문자열은 기본값으로 만든 옵티마이저가 되므로 학습률은 Adam의 기본값입니다. 다른 학습률은 객체로 넘깁니다.
""",
        en=r"""
2. A string gives an optimizer with default settings, hence Adam's default learning rate; another learning rate needs an object.
""",
    ),
    code(
        """
m = Sequential([Input((28, 28)), Flatten(), Dense(10, activation="softmax")], seed=2)
m.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
string_lr = m.optimizer.learning_rate
optimizer_0005 = optimizers.Adam(learning_rate=0.005)
m.compile(optimizer=optimizer_0005, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
print("string 'adam':", string_lr, "  object:", m.optimizer)
check.adam_string(string_lr, optimizer_0005)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
3. 원-핫 레이블의 범주형 교차 엔트로피 $-\sum_k t_k\log p_k$는 정답 항 하나만 남아 $-\log p_t$, 즉 희소 범주형과 같은 값이고 기울기 $(p - t)/N$도 같습니다. 그래서 손실과 정확도, 가중치가 반올림 수준까지 같습니다. `"accuracy"`는 정수 레이블에서는 희소 범주형, 원-핫 레이블에서는 범주형 정확도가 되지만 세는 것은 같습니다.
""",
        en=r"""
3. With one-hot labels the categorical cross-entropy $-\sum_k t_k\log p_k$ keeps only the true-class term, $-\log p_t$: the sparse value, with the same gradient $(p - t)/N$. Losses, accuracies and weights therefore agree to rounding. `"accuracy"` becomes sparse categorical accuracy for integer labels and categorical accuracy for one-hot labels, but both count the same thing.
""",
    ),
    code(
        """
def mnist_model(seed):   # the chapter's lossbook model
    return Sequential([Input((28, 28)), Flatten(), Dense(300, activation="relu"),
                       Dense(200, activation="relu"), Dense(100, activation="relu"),
                       Dense(10, activation="softmax")], seed=seed)


(x_raw, y_train), _ = load_mnist()
x_train = x_raw / 255.0
sparse_m = mnist_model(seed=3)
onehot_m = mnist_model(seed=4)
onehot_m.set_weights(sparse_m.get_weights())
sparse_m.compile(optimizer=optimizers.Adam(learning_rate=0.005),
                 loss="sparse_categorical_crossentropy", metrics=["accuracy"])
onehot_m.compile(optimizer=optimizers.Adam(learning_rate=0.005),
                 loss="categorical_crossentropy", metrics=["accuracy"])
h_sparse = sparse_m.fit(x_train[:2000], y_train[:2000], shuffle=False, verbose=0)
h_onehot = onehot_m.fit(x_train[:2000], np.eye(10)[y_train[:2000]], shuffle=False, verbose=0)
print(f"sparse : loss {h_sparse.history['loss'][0]:.10f}  accuracy {h_sparse.history['accuracy'][0]:.4f}")
print(f"one-hot: loss {h_onehot.history['loss'][0]:.10f}  accuracy {h_onehot.history['accuracy'][0]:.4f}")
weight_difference = max(np.max(np.abs(a - b))
                        for a, b in zip(sparse_m.get_weights(), onehot_m.get_weights()))
check.one_hot_same(weight_difference, sparse_m, onehot_m)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
4. Keras의 규칙(`is_binary_or_sparse_categorical`)을 그대로 따르면 됩니다. (b)가 놓치기 쉬운 경우입니다. 아래 셀은 Keras 자신에게 물어봅니다.
""",
        en=r"""
4. Follow Keras's rule (`is_binary_or_sparse_categorical`); (b) is the easy-to-miss case. The cell below asks Keras itself:
""",
    ),
    code(
        """
from keras.src.trainers import compile_utils

answers = {}   # Keras's class names are accepted as answers, e.g. "SparseCategoricalAccuracy"
for key, (y_shape, p_shape) in check.ACCURACY_CASES.items():
    metric = compile_utils.get_metric("accuracy", np.zeros(y_shape), np.zeros(p_shape))
    answers[key] = type(metric).__name__
print(answers)
check.accuracy_rule(answers)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
5. float32의 기계 엡실론은 $2^{-23} \approx 1.2\times10^{-7}$이므로, 첫 걸음부터 가중치 크기(약 0.1)에 이 값을 곱한 $10^{-8}$ 정도의 반올림 차이가 생깁니다. float64($\approx 2.2\times10^{-16}$)보다 여덟 자릿수쯤 크고, 앞에서 본 증폭도 그만큼 일찍 눈에 띄는 크기가 됩니다. 그래서 구현을 비교하는 테스트는 float64로 합니다.
""",
        en=r"""
5. float32's machine epsilon is $2^{-23} \approx 1.2\times10^{-7}$, so from the first step there are rounding differences of about that times the weight size (about 0.1), i.e. around $10^{-8}$: some eight orders of magnitude above float64 ($\approx 2.2\times10^{-16}$), and the amplification seen above reaches visible sizes correspondingly earlier. That is why tests comparing implementations run in float64.
""",
    ),
    code(
        """
eps32 = np.finfo(np.float32).eps
print(f"float32 machine epsilon {eps32:.2e}, times 0.1: {0.1 * eps32:.1e}")
float32_start = "1e-8"
check.float32_start(float32_start)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
6. 마지막 층을 `Dense(10)`으로 두면 출력은 로짓이고, 손실 객체의 `from_logits=True`가 소프트맥스와 로그를 한 식으로 계산합니다. 모델의 `predict`는 로짓을 돌려주므로 확률은 그 뒤에 소프트맥스로 얻습니다. 마지막 층에 소프트맥스를 둔 채 `from_logits=True`를 쓰면 소프트맥스가 두 번 적용되어 다른 손실을 최소화합니다.
""",
        en=r"""
6. With `Dense(10)` as the last layer the outputs are logits, and the loss object's `from_logits=True` computes the softmax and the log as one formula. The model's `predict` returns logits, so the probabilities come from a softmax afterwards. Keeping a softmax on the last layer together with `from_logits=True` would apply the softmax twice and minimise a different loss.
""",
    ),
    code(
        """
(x_raw, y_train), (x_test_raw, _) = load_mnist()
x_train, x_test = x_raw / 255.0, x_test_raw / 255.0
logits_m = Sequential([Input((28, 28)), Flatten(), Dense(300, activation="relu"),
                       Dense(200, activation="relu"), Dense(100, activation="relu"),
                       Dense(10)], seed=6)                      # no activation: logits
logits_m.compile(optimizer=optimizers.Adam(learning_rate=0.005),
                 loss=losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
logits_m.fit(x_train[:1000], y_train[:1000], epochs=1, verbose=0)
probs = activations.softmax(logits_m.predict(x_test[:100], verbose=0))
print("row sums:", probs.sum(axis=1)[:3], " predicted digits:", probs.argmax(axis=1)[:10])
check.logits_model(logits_m, probs)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
7. `EarlyStopping`은 에포크마다 `val_loss`의 최솟값을 기억하고, `patience`번 연속 나아지지 않으면 멈춥니다. `restore_best_weights=True`이면 학습이 끝날 때 최솟값이 나온 에포크의 가중치를 되돌리므로, 답은 `val_loss`가 가장 작은 에포크(1부터 센 번호)이고 `stop.best_epoch + 1`과 같습니다. 마지막 에포크가 아닙니다.
""",
        en=r"""
7. `EarlyStopping` remembers the smallest `val_loss` so far and stops after `patience` epochs without a new one. With `restore_best_weights=True` it puts back, at the end, the weights of the epoch with that minimum: the answer is the epoch with the smallest `val_loss`, counted from 1, which is `stop.best_epoch + 1`, not the last epoch trained.
""",
    ),
    code(
        """
(x_raw, y_train), _ = load_mnist()
x_train = x_raw / 255.0
es_model = Sequential([Input((28, 28)), Flatten(), Dense(300, activation="relu"),
                       Dense(200, activation="relu"), Dense(100, activation="relu"),
                       Dense(10)], seed=7)
es_model.compile(optimizer=optimizers.Adam(learning_rate=0.005),
                 loss=losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
stop = callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
es_history = es_model.fit(x_train[:1500], y_train[:1500], epochs=20, shuffle=False,
                          validation_split=0.2, callbacks=[stop], verbose=0)
print("val_loss:", np.round(es_history.history["val_loss"], 4))
best_epoch = int(np.argmin(es_history.history["val_loss"])) + 1
print("epochs run:", len(es_history.history["val_loss"]), " best epoch:", best_epoch,
      " stop.best_epoch + 1:", stop.best_epoch + 1)
check.early_stopping(best_epoch, es_model, es_history)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
8. 클래스 0이 7개, 1이 1개, 2가 2개이므로 $w = 10/(3\cdot7),\ 10/(3\cdot1),\ 10/(3\cdot2)$입니다. 첫 미니배치의 레이블은 `[0, 2, 0, 0]`이고 샘플 가중치는 각 샘플의 클래스 가중치입니다. Keras의 손실은 $\sum w_i l_i$를 가중치의 합이 아니라 **배치 크기 4** 로 나눈 값입니다.
""",
        en=r"""
8. Class 0 has 7 samples, class 1 one and class 2 two, so $w = 10/(3\cdot7),\ 10/(3\cdot1),\ 10/(3\cdot2)$. The first mini-batch has labels `[0, 2, 0, 0]`, and each sample's weight is its class's weight. Keras's loss divides $\sum w_i l_i$ by **the batch size, 4**, not by the sum of the weights.
""",
    ),
    code(
        """
t = check.CLASS_LABELS
counts = np.bincount(t)
class_weight = {c: len(t) / (len(counts) * counts[c]) for c in range(len(counts))}
sample_weight = np.array([class_weight[c] for c in t[:4]])
first_batch_loss = losses.SparseCategoricalCrossentropy(from_logits=True)(
    t[:4], check.FIRST_LOGITS, sample_weight=sample_weight)
print("class_weight:", {c: round(float(w), 4) for c, w in class_weight.items()})
print("sample weights of the first batch:", sample_weight.round(4))
check.class_weights(class_weight, first_batch_loss)
""",
        tags=["solution", "hide-cell"],
    ),
]
