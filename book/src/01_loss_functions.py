"""Chapter 1: loss functions (source posts 000, 001, 003 and 004)."""

from cells import code, md

TITLE = {"ko": "손실 함수", "en": "Loss functions"}

CELLS = [
    # ------------------------------------------------------------------ goals
    md(
        ko=r"""
## 학습 목표

신경망은 "얼마나 틀렸는가"를 숫자 하나로 재고, 그 숫자를 줄이는 쪽으로 가중치를 고치며 배웁니다. 그 숫자를 만드는 함수가 **손실 함수(loss function)** 입니다. 이 장을 마치면 다음을 할 수 있습니다.

- 학습의 기준으로 정확도(accuracy) 대신 손실을 쓰는 이유를 기울기(gradient)로 설명할 수 있다.
- 교과서의 오차 제곱합(sum of squared errors)과 Keras의 평균 제곱 오차(mean squared error, MSE)가 어떻게 다른지, 평균 절대 오차(mean absolute error, MAE)는 어떻게 정의되는지 안다.
- 교차 엔트로피 오차(cross-entropy error)에서 $\delta = 10^{-7}$을 더하는 이유와, Keras가 대신 쓰는 클리핑(clipping)을 설명할 수 있다.
- 이진(binary)·범주형(categorical)·희소 범주형(sparse categorical) 교차 엔트로피를 구분해 쓰고, `from_logits=True`가 왜 더 안정적인지 보일 수 있다.
- 미니배치(mini-batch)로 손실의 평균을 구하고, MNIST에서 무작위 미니배치를 재현 가능하게 뽑을 수 있다.
""",
        en=r"""
## Learning goals

A neural network learns by measuring "how wrong am I?" as a single number and nudging its weights to make that number smaller. The function that produces the number is the **loss function**. After this chapter you will be able to:

- explain, in terms of gradients, why training minimises a loss rather than maximising accuracy;
- tell the textbook's sum of squared errors from Keras's mean squared error (MSE), and state the mean absolute error (MAE) correctly;
- explain why the textbook cross-entropy adds $\delta = 10^{-7}$ inside the log, and what Keras does instead (clipping);
- choose between binary, categorical and sparse categorical cross-entropy, and show why `from_logits=True` is the numerically safer path;
- average a loss over a mini-batch and draw a reproducible random mini-batch from MNIST.
""",
    ),
    code(
        """
import inspect

import matplotlib.pyplot as plt
import numpy as np

import lossbook
from lossbook import losses
from lossbook.activations import sigmoid, softmax
from lossbook.exercises import ch01 as check
from lossbook.plotting import setup, tr

setup()
np.set_printoptions(precision=6, suppress=True)
"""
    ),
    # ------------------------------------------------------------- why a loss
    md(
        ko=r"""
## 왜 정확도가 아니라 손실인가

학습은 "가중치를 조금 바꾸면 성적이 얼마나 변하는가", 즉 기울기를 보고 가중치를 움직이는 과정입니다. 기울기가 음수이면 가중치를 늘리고, 양수이면 줄이면 손실이 작아집니다.

그런데 정확도는 맞힌 개수를 센 값이라 **계단 함수** 입니다. 시험 데이터 10,000개 중 9,207개를 맞히면 0.9207, 하나 더 맞히면 0.9208이고, 그 사이의 값은 없습니다. 가중치를 아주 조금 바꿔도 맞히는 개수가 그대로이면 정확도는 전혀 변하지 않으므로, 거의 모든 곳에서 기울기가 0입니다. 기울기가 0이면 어느 쪽으로 가야 할지 알려 주지 못합니다. 손실은 예측이 정답에 조금 가까워지기만 해도 조금 줄어드는 **연속적인** 값이라 이런 문제가 없습니다.

작은 예로 확인해 봅시다. 입력 $x$ 6개와 정답 $t\in\{0,1\}$가 있고, 모델은 로짓(logit) $z = 2(x-b)$가 0보다 크면 1이라고 답합니다. 매개변수는 임계값 $b$ 하나입니다.
""",
        en=r"""
## Why a loss and not accuracy

Training moves each weight according to the gradient: "if I change this weight a little, how does the score change?" A negative slope says increase the weight, a positive slope says decrease it.

Accuracy counts correct answers, so it is a **step function** of the weights. With 9,207 of 10,000 test images right the accuracy is 0.9207; one more gives 0.9208, and nothing in between exists. A tiny change of a weight usually leaves every answer unchanged, so accuracy does not move at all: its gradient is zero almost everywhere and tells us nothing about which way to go. A loss is **continuous**: a prediction that moves slightly towards the right answer lowers it slightly.

A small example: six inputs $x$ with labels $t\in\{0,1\}$, and a model that answers 1 when the logit $z = 2(x-b)$ is positive. Its only parameter is the threshold $b$.
""",
    ),
    code(
        """
x = np.array([-2.0, -1.2, -0.4, 0.3, 0.9, 1.6])
t = np.array([0.0, 0.0, 1.0, 0.0, 1.0, 1.0])


def accuracy(b):
    z = 2 * (x - b)
    return np.mean((z > 0) == (t == 1))


def loss(b):
    z = 2 * (x - b)
    return np.mean(losses.binary_crossentropy(t[:, None], z[:, None], from_logits=True))


bs = np.linspace(-3, 3, 601)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.5))
ax1.plot(bs, [accuracy(b) for b in bs])
ax1.set_title(tr("정확도: 계단 함수", "accuracy: a step function"))
ax2.plot(bs, [loss(b) for b in bs], color="tab:red")
ax2.set_title(tr("손실(이진 교차 엔트로피): 매끄러움", "loss (binary cross-entropy): smooth"))
for ax in (ax1, ax2):
    ax.set_xlabel(tr("임계값 b", "threshold b"))
fig.tight_layout()
plt.show()
""",
        alt={"ko": "왼쪽: 임계값 b에 따른 정확도. 평평한 구간과 갑작스러운 계단으로만 이루어져 있다. "
                   "오른쪽: 같은 b에 따른 이진 교차 엔트로피 손실. 끊김 없이 매끄럽게 변하는 곡선이다.",
             "en": "Left: accuracy as a function of the threshold b, made only of flat stretches and "
                   "sudden steps. Right: binary cross-entropy over the same b, a smooth unbroken curve."},
        caption={"ko": "정확도는 계단 함수, 손실은 매끄러운 함수",
                 "en": "Accuracy is a step function, the loss is smooth"},
        name="fig-accuracy-vs-loss",
    ),
    md(
        ko=r"""
$b = 0.5$ 근처에서 $b$를 $h = 10^{-4}$만큼 움직여 중앙 차분으로 기울기를 재 보면, 정확도의 기울기는 정확히 0이고 손실의 기울기는 0이 아닙니다.
""",
        en=r"""
Measure both slopes at $b = 0.5$ with a central difference, $h = 10^{-4}$: the accuracy's slope is exactly 0, the loss's is not.
""",
    ),
    code(
        """
b0, h = 0.5, 1e-4
print(f"accuracy slope: {(accuracy(b0 + h) - accuracy(b0 - h)) / (2 * h):.6f}")
print(f"loss slope:     {(loss(b0 + h) - loss(b0 - h)) / (2 * h):.6f}")
"""
    ),
    md(
        ko=r"""
퍼셉트론의 계단 함수(step function)를 다층 신경망의 활성화 함수로 쓰지 않는 이유도 같습니다. 기울기가 거의 모든 곳에서 0이기 때문입니다(2장).
""",
        en=r"""
The same reason rules out the perceptron's step function as an activation in multilayer networks: its slope is zero almost everywhere (chapter 2).
""",
    ),
    # ------------------------------------------------------------- SSE vs MSE
    md(
        ko=r"""
## 오차 제곱합과 평균 제곱 오차

신경망의 출력을 $y_k$, 정답을 $t_k$라 합시다($k$는 출력 뉴런 번호). 분류에서 $t$는 정답 위치만 1이고 나머지는 0인 **원-핫 인코딩(one-hot encoding)** 벡터입니다. 교과서(『밑바닥부터 시작하는 딥러닝』 {cite}`saito2016dlfs`)의 **오차 제곱합(sum of squared errors, SSE)** 은

$$E = \frac{1}{2}\sum_{k}(y_k - t_k)^2$$

입니다. 부호가 다른 오차가 서로 상쇄되지 않도록 제곱합니다(오차 $-7$과 $+8$을 그냥 더하면 1이 되어 거의 맞은 것처럼 보입니다). 앞의 $\frac12$은 미분을 깔끔하게 하려는 것입니다: $\partial E/\partial y_k = y_k - t_k$.

Keras의 `mean_squared_error`(`"mse"`)는 이름 그대로 **평균** 입니다. 마지막 축(출력 $C$개)에 대해 평균을 냅니다.

$$\mathrm{MSE} = \frac{1}{C}\sum_{k=1}^{C}(y_k - t_k)^2 = \frac{2}{C}\,E$$

{ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`의 예를 계산해 봅시다. 정답은 6이고(인덱스는 0부터), 소프트맥스 출력은 6번에 0.8, 4번과 8번에 0.1씩입니다.
""",
        en=r"""
## Sum of squared errors vs mean squared error

Let $y_k$ be the network's outputs and $t_k$ the targets ($k$ runs over output neurons). In classification $t$ is **one-hot**: 1 at the correct class, 0 elsewhere. The textbook (Saito's *Deep Learning from Scratch* {cite}`saito2016dlfs`) uses the **sum of squared errors**

$$E = \frac{1}{2}\sum_{k}(y_k - t_k)^2 .$$

Squaring keeps errors of opposite signs from cancelling (errors of $-7$ and $+8$ would add up to 1 and look nearly right). The $\frac12$ makes the derivative clean: $\partial E/\partial y_k = y_k - t_k$.

Keras's `mean_squared_error` (`"mse"`) really is a **mean**: over the last axis, i.e. over the $C$ outputs of a sample,

$$\mathrm{MSE} = \frac{1}{C}\sum_{k=1}^{C}(y_k - t_k)^2 = \frac{2}{C}\,E .$$

Take the example of {ref}`the “What would I say, chapter 2” post <en-post-what-would-i-say>`: the correct class is 6 (indices start at 0) and the softmax output puts 0.8 on class 6 and 0.1 on classes 4 and 8.
""",
    ),
    code(
        """
y = np.array([0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.8, 0.0, 0.1, 0.0])  # softmax output
t = np.eye(10)[6]                                                   # one-hot: class 6
print("t =", t)
print(f"sum_squared_error  (1/2 * sum) : {losses.sum_squared_error(t, y):.6f}")
print(f"mean_squared_error (Keras mse) : {losses.mean_squared_error(t, y):.6f}")
print(f"2/C * SSE                      : {2 / 10 * losses.sum_squared_error(t, y):.6f}")
"""
    ),
    md(
        ko=r"""
Keras에서 `loss="mse"`라고 쓰면 평균(출력 축에 대한 평균, 그다음 배치에 대한 평균)이 계산됩니다. 위 셀에서 보듯 같은 예측에 대해 ½Σ는 0.03, `"mse"`는 0.006으로 정확히 $2/C = 0.2$배입니다.

{ref}`「인공신경망 4-1 학습」 글 <ko-post-ann-4-1>`은 ½을 곱하는 이유를 "원-핫에서는 $\sum(y-t)^2$의 최댓값이 2라서"라고 설명합니다. 확률 벡터라면 최댓값이 정말 2이므로 틀린 말은 아니지만, 교과서가 ½을 쓰는 더 일반적인 이유는 위에서 본 미분 $\partial E/\partial y_k = y_k - t_k$입니다(회귀처럼 최댓값이 없는 경우에도 씁니다).
""",
        en=r"""
With `loss="mse"` Keras averages (over the output axis, then over the batch). The cell above shows it on one prediction: ½Σ gives 0.03 and `"mse"` gives 0.006, exactly $2/C = 0.2$ times as much.

{ref}`The “ANN 4-1: Learning” post <en-post-ann-4-1>` justifies the ½ by "the largest possible $\sum(y-t)^2$ for a one-hot target is 2". For probability vectors that is true, but the textbook's more general reason is the derivative $\partial E/\partial y_k = y_k - t_k$ shown above (the ½ is used in regression too, where there is no maximum).
""",
    ),
    # ------------------------------------------------------------------- MAE
    md(
        ko=r"""
## 평균 절대 오차

**평균 절대 오차(mean absolute error, MAE)** 는 제곱 대신 절댓값의 평균입니다.

$$\mathrm{MAE} = \frac{1}{C}\sum_{k=1}^{C}\lvert y_k - t_k\rvert$$

MSE는 큰 오차를 제곱으로 키우므로 이상치(outlier) 하나에 크게 끌려가고, MAE는 오차에 비례해서만 커집니다. 오차 $e = y - t$ 하나에 대해 그려 보면 $e^2$와 $|e|$입니다.
""",
        en=r"""
## Mean absolute error

The **mean absolute error** (MAE) averages absolute values instead of squares:

$$\mathrm{MAE} = \frac{1}{C}\sum_{k=1}^{C}\lvert y_k - t_k\rvert .$$

MSE squares large errors, so a single outlier pulls it hard; MAE grows only in proportion to the error. For one output with error $e = y - t$ the two are $e^2$ and $|e|$.
""",
    ),
    code(
        """
e = np.linspace(-2, 2, 401)
zeros = np.zeros((e.size, 1))
plt.plot(e, losses.mean_squared_error(zeros, e[:, None]), label="MSE")
plt.plot(e, losses.mean_absolute_error(zeros, e[:, None]), label="MAE")
plt.xlabel(tr("오차 e = y - t", "error e = y - t"))
plt.ylabel(tr("손실", "loss"))
plt.title(tr("출력이 하나일 때 MSE와 MAE", "MSE and MAE for one output"))
plt.legend()
plt.show()
""",
        alt={"ko": "오차 e가 -2에서 2까지 변할 때의 MSE와 MAE. MSE는 포물선 e²이라 |e|가 1을 넘으면 "
                   "MAE보다 빠르게 커지고, MAE는 원점에서 꺾이는 V자 |e|이다.",
             "en": "MSE and MAE for an error e from -2 to 2. The MSE is the parabola e², which "
                   "outgrows the MAE once |e| exceeds 1; the MAE is the V-shape |e| with a kink at 0."},
        caption={"ko": "출력이 하나일 때의 MSE와 MAE", "en": "MSE and MAE for one output"},
        name="fig-mse-mae",
    ),
    code(
        """
t_reg = np.array([[1.0, 2.0, 3.0, 4.0]])
y_reg = np.array([[1.1, 1.8, 3.1, 9.0]])  # the last prediction is an outlier (error 5)
print("errors:", y_reg - t_reg)
print(f"MSE = {losses.mean_squared_error(t_reg, y_reg)[0]:.4f}")
print(f"MAE = {losses.mean_absolute_error(t_reg, y_reg)[0]:.4f}")
"""
    ),
    md(
        ko=r"""
오차 5 하나가 MSE의 $25/4 = 6.25$를 차지해 나머지 세 오차(0.1, 0.2, 0.1)는 거의 보이지 않습니다. MAE에서는 $5/4 = 1.25$만큼입니다.

(ko-fix-mse-half)=
```{admonition} 바로잡기: ½Σ는 "평균" 제곱 오차가 아니고, MAE에는 ½이 없다
:class: warning
{ref}`「인공신경망 4-1 학습」 글 <ko-post-ann-4-1>`과 {ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`은 `0.5 * np.sum((y - t)**2)`에 `mse`/`MSE`라는 이름을 붙이고, {ref}`「손실 함수 정리」 글 <ko-post-loss-functions>`은 $L=\frac12\sum_{i=1}^{N}(y_i-t_i)^2$("N은 훈련 샘플 수")를 평균 제곱 오차라고 부릅니다. 이 식에는 평균이 없습니다. 제곱 오차를 **더한 뒤 절반** 으로 나눈 오차 제곱합이고, Keras의 `"mse"`와는 $2/C$배 차이가 납니다. 같은 글은 MAE도 $L=\frac12\sum_{i=1}^{N}\lvert y_i-t_i\rvert$로 적었는데, 이것도 평균이 아니라 절댓값 합의 절반입니다. 평균 절대 오차는 $\frac1N\sum\lvert y_i-t_i\rvert$이고, Keras의 `"mae"`는 마지막 축에 대한 평균입니다. 정답 6의 예로 확인하면 ½Σ 식은 MSE 자리에 0.03(실제 MSE 0.006), MAE 자리에 0.2(실제 MAE 0.04)를 냅니다(아래 셀).
```
""",
        en=r"""
The single error of 5 contributes $25/4 = 6.25$ to the MSE and drowns the other three errors (0.1, 0.2, 0.1); in the MAE it contributes only $5/4 = 1.25$.

(en-fix-mse-half)=
```{admonition} Correction: ½Σ is not a "mean" squared error, and the MAE has no ½
:class: warning
{ref}`The “ANN 4-1: Learning” post <en-post-ann-4-1>` and {ref}`the “What would I say, chapter 2” post <en-post-what-would-i-say>` name `0.5 * np.sum((y - t)**2)` `mse`/`MSE`, and {ref}`the “Loss functions, summarized” post <en-post-loss-functions>` writes the mean squared error as $L=\frac12\sum_{i=1}^{N}(y_i-t_i)^2$ ("N is the number of training samples"). There is no mean in that formula: it is the **sum** of squared errors, halved, $C/2$ times Keras's `"mse"`. The same post writes the MAE as $L=\frac12\sum_{i=1}^{N}\lvert y_i-t_i\rvert$: half the sum of absolute errors, not a mean either. The mean absolute error is $\frac1N\sum\lvert y_i-t_i\rvert$, and Keras's `"mae"` averages over the last axis. On the class-6 example the ½Σ formulas give 0.03 where the MSE is 0.006, and 0.2 where the MAE is 0.04 (next cell).
```
""",
    ),
    code(
        """
print(f"the post's MSE, 1/2 * sum (y - t)^2 : {0.5 * np.sum((y - t) ** 2):.6f}")
print(f"mean_squared_error (Keras mse)      : {losses.mean_squared_error(t, y):.6f}")
print(f"the post's MAE, 1/2 * sum |y - t|   : {0.5 * np.sum(np.abs(y - t)):.6f}")
print(f"mean_absolute_error (Keras mae)     : {losses.mean_absolute_error(t, y):.6f}")
"""
    ),
    # --------------------------------------------------------- cross-entropy
    md(
        ko=r"""
## 교차 엔트로피 오차

분류에서는 **교차 엔트로피 오차(cross-entropy error, CEE)** 를 주로 씁니다.

$$E = -\sum_{k} t_k \log y_k$$

$t$가 원-핫이면 정답이 아닌 항은 $0\cdot\log y_k = 0$이 되어 사라지고, **정답 클래스의 예측 확률** $y_{\text{정답}}$ 하나만 남습니다: $E = -\log y_{\text{정답}}$. 정답 6의 예에서는 $-\log 0.8 \approx 0.2231$입니다.

문제는 $y_{\text{정답}} = 0$일 때입니다. $\log 0 = -\infty$이므로 손실이 무한대가 되고, 이후 계산이 모두 `inf`나 `nan`이 됩니다. 그래서 교과서는 아주 작은 값 $\delta = 10^{-7}$을 로그 안에 더합니다.

$$E = -\sum_{k} t_k \log (y_k + \delta)$$

이렇게 하면 손실의 최댓값이 $-\log 10^{-7} \approx 16.118$로 묶입니다. `lossbook.losses.cross_entropy_error`가 이 교과서 식입니다.
""",
        en=r"""
## Cross-entropy error

Classification mostly uses the **cross-entropy error** (CEE)

$$E = -\sum_{k} t_k \log y_k .$$

With a one-hot $t$ every wrong-class term is $0\cdot\log y_k = 0$, so only the **predicted probability of the correct class** remains: $E = -\log y_{\text{correct}}$. For the class-6 example that is $-\log 0.8 \approx 0.2231$.

The trouble is $y_{\text{correct}} = 0$: $\log 0 = -\infty$, the loss is infinite and everything computed from it becomes `inf` or `nan`. The textbook therefore adds a tiny $\delta = 10^{-7}$ inside the log,

$$E = -\sum_{k} t_k \log (y_k + \delta),$$

which caps the loss at $-\log 10^{-7} \approx 16.118$. `lossbook.losses.cross_entropy_error` is this textbook formula.
""",
    ),
    code(
        """
with np.errstate(divide="ignore", invalid="ignore"):  # silence NumPy's warnings here
    print("np.log(0.0)      =", np.log(0.0))
    print("0 * np.log(0.0)  =", 0 * np.log(0.0))
print(f"-log(0 + 1e-7)   = {-np.log(1e-7):.6f}")
print()
print(f"cross_entropy_error(t, y)  = {losses.cross_entropy_error(t, y):.8f}")
print(f"exact -log(0.8)            = {-np.log(0.8):.8f}")
"""
    ),
    md(
        ko=r"""
$\delta$ 때문에 값이 정확한 $-\log 0.8$보다 약 $1.25\times10^{-7}$ 작습니다. 학습에는 아무 문제가 없는 차이입니다. 또 $0\cdot\log 0$은 수학에서는 극한으로 0이라고 약속하지만, 컴퓨터에서는 `0 * -inf = nan`입니다. {ref}`「손실 함수 정리」 글 <ko-post-loss-functions>`처럼 손으로 $0\log 0 = 0$으로 계산하는 것은 괜찮지만, 코드에서는 $t_k = 0$인 항을 아예 빼거나(`lossbook`이 이렇게 합니다) 확률을 클리핑해야 합니다.

### 교과서 손실의 코드

두 교과서 손실이 실제로 어떻게 계산되는지 `lossbook`의 소스를 그대로 출력해 읽어 봅시다. 문서 문자열(docstring) 아래의 몇 줄이 전부입니다.
""",
        en=r"""
Because of $\delta$ the value is about $1.25\times10^{-7}$ below the exact $-\log 0.8$, a difference that does not matter for training. Note also that $0\cdot\log 0$ is 0 by convention (a limit) in mathematics, but `0 * -inf = nan` on a computer. Working it out by hand as $0\log 0 = 0$, as {ref}`the “Loss functions, summarized” post <en-post-loss-functions>` does, is fine; in code the $t_k = 0$ terms must be skipped (`lossbook` does that) or the probabilities clipped.

### The textbook losses in code

Here is how the two textbook losses are really computed: `lossbook`'s source, printed as it is. Below each docstring there are only a few lines.
""",
    ),
    code(
        """
print(inspect.getsource(losses.sum_squared_error))
print(inspect.getsource(losses.cross_entropy_error))
"""
    ),
    md(
        ko=r"""
한 줄씩 읽어 봅시다.

- 함수 위의 `@_loss_function("values")`는 식을 계산하기 전에 입력을 검사하는 데코레이터(decorator)입니다. 두 입력을 실수 배열로 바꾸고 모양이 같은지 검사합니다. 모양이 다르면 조용히 브로드캐스트하지 않고 오류를 냅니다. 그래서 함수 본문에는 식만 남습니다.
- `0.5 * np.sum((y_pred - y_true) ** 2)`가 식 $\frac12\sum_k(y_k-t_k)^2$ 그대로입니다. 배치라면 모든 샘플의 항을 한꺼번에 더합니다.
- `_batch_size(y_pred)`로 나누어 배치 **평균** 을 냅니다. 1차원 입력은 샘플 하나(크기 1)입니다. 그래서 샘플 수가 달라도 값을 비교할 수 있습니다.
- 교차 엔트로피의 `@_loss_function("textbook")`은 정답이 원-핫이든 정수 레이블이든 원-핫 배열로 맞춰 줍니다. 본문은 그 배열을 `t`라고 부릅니다.
- `np.where(t > 0, y + delta, 1.0)`은 $t_k = 0$인 자리의 로그 인자를 1로 바꿔 $\log 1 = 0$이 되게 합니다. 그래서 $0 \cdot \log 0$이 `nan`이 되지 않습니다. 정답 자리에는 $\delta$를 더한 $\log(y_k+\delta)$가 남습니다.
- 마지막으로 $-\sum t\log(\cdot)$을 배치 크기로 나눕니다.

연습 1과 2에서 이 두 함수를 직접 써 보고, 이 구현과 같은 값을 내는지 확인합니다.

이제 같은 출력 $y$를 정답이 6이 아닌 경우와 비교해 봅시다. 정답을 0부터 9까지 바꿔 가며 두 손실을 계산합니다.
""",
        en=r"""
Line by line:

- The decorator `@_loss_function("values")` above the function checks the inputs before the formula runs: it turns both into float arrays and checks that their shapes agree (mismatched shapes raise instead of broadcasting silently). That is why the body holds only the formula.
- `0.5 * np.sum((y_pred - y_true) ** 2)` is the formula $\frac12\sum_k(y_k-t_k)^2$ as written; for a batch it adds the terms of all samples at once.
- Dividing by `_batch_size(y_pred)` gives the batch **mean** (a 1-D input is one sample, size 1), so values for different numbers of samples can be compared.
- In the cross-entropy, `@_loss_function("textbook")` turns the targets into a one-hot array, whether they came one-hot or as integer labels; the body calls it `t`.
- `np.where(t > 0, y + delta, 1.0)` replaces the log's argument by 1 wherever $t_k = 0$, so that term is $\log 1 = 0$ and $0 \cdot \log 0$ never becomes `nan`; at the correct class $\log(y_k+\delta)$ remains.
- Finally $-\sum t\log(\cdot)$ is divided by the batch size.

Exercises 1 and 2 ask you to write both functions yourself and check that they agree with this implementation.

Now score the same output $y$ against the other classes: let the correct class run from 0 to 9 and compute both losses.
""",
    ),
    code(
        """
print("class  y[class]    SSE     CEE")
for k in range(10):
    t_k = np.eye(10)[k]
    sse = losses.sum_squared_error(t_k, y)
    cee = losses.cross_entropy_error(t_k, y)
    print(f"{k:5d}  {y[k]:8.1f}  {sse:6.4f}  {cee:7.4f}")
"""
    ),
    md(
        ko=r"""
- 정답이 6이면(예측이 맞음) SSE 0.03, CEE 0.2231로 둘 다 작습니다.
- 정답이 4나 8이면(0.1을 준 클래스) SSE 0.73, CEE $-\log 0.1 \approx 2.3026$.
- 정답이 0을 준 클래스이면 SSE는 0.83, CEE는 $\delta$가 막아 주는 상한 16.1181입니다.

SSE는 어느 경우든 1 이하이지만, CEE는 정답에 준 확률이 0에 가까울수록 제한 없이 커지며 틀린 예측을 강하게 벌합니다. 정답 클래스의 확률 $p$에 대한 함수로 그려 보면 차이가 뚜렷합니다. 여기서는 나머지 확률 $1-p$가 다른 9개 클래스에 고르게 나뉜다고 두었습니다.
""",
        en=r"""
- Correct class 6 (the prediction is right): SSE 0.03, CEE 0.2231, both small.
- Correct class 4 or 8 (each got 0.1): SSE 0.73, CEE $-\log 0.1 \approx 2.3026$.
- A correct class that got probability 0: SSE 0.83, CEE the cap 16.1181 set by $\delta$.

SSE never exceeds 1 here, whereas CEE grows without bound as the probability given to the correct class goes to 0, punishing confident mistakes hard. As a function of the correct-class probability $p$ (the remaining $1-p$ spread evenly over the other nine classes):
""",
    ),
    code(
        """
p = np.linspace(0.001, 1, 500)
Y = np.repeat(((1 - p) / 9)[:, None], 10, axis=1)  # 1 - p shared by the 9 wrong classes
Y[:, 6] = p
t6 = np.eye(10)[6]
sse = [losses.sum_squared_error(t6, row) for row in Y]
cee = [losses.cross_entropy_error(t6, row) for row in Y]
plt.plot(p, sse, label=tr("오차 제곱합", "sum of squared errors"))
plt.plot(p, cee, label=tr("교차 엔트로피 오차", "cross-entropy error"))
plt.xlabel(tr("정답 클래스의 예측 확률 p", "predicted probability p of the correct class"))
plt.ylabel(tr("손실", "loss"))
plt.ylim(0, 5)
plt.legend()
plt.show()
""",
        alt={"ko": "정답 클래스의 예측 확률 p(0에서 1)에 따른 두 손실. 오차 제곱합은 1 아래에서 완만하게 "
                   "줄어 p = 1에서 0이 되고, 교차 엔트로피 오차는 p가 0에 가까워질수록 그래프 위로 치솟는다.",
             "en": "Two losses against the predicted probability p of the correct class, from 0 to 1. "
                   "The sum of squared errors stays below 1 and falls gently to 0 at p = 1; the "
                   "cross-entropy error shoots off the top of the plot as p approaches 0."},
        caption={"ko": "정답 확률에 따른 오차 제곱합과 교차 엔트로피 오차",
                 "en": "Sum of squared errors and cross-entropy error against the correct-class probability"},
        name="fig-sse-vs-cee",
    ),
    md(
        ko=r"""
{ref}`「인공신경망 4-1 학습」 글 <ko-post-ann-4-1>`은 정답 위치의 출력이 0에 가까워질수록 교차 엔트로피가 "exponential하게 증가"한다고 씁니다. 실제로는 $-\log p$이므로 **로그적으로** 커집니다. $p$가 10배 작아질 때마다 손실은 $\ln 10 \approx 2.3026$씩 **일정하게** 늘어날 뿐입니다(아래 셀). 위 그래프에서 끝없이 치솟는 것처럼 보이는 것은 $p \to 0$에서 발산하기 때문이지, 증가 속도가 지수적이어서가 아닙니다.
""",
        en=r"""
{ref}`The “ANN 4-1: Learning” post <en-post-ann-4-1>` says that as the output at the correct position approaches 0 the cross-entropy "increases exponentially". It is $-\log p$, so it grows **logarithmically**: every time $p$ shrinks tenfold the loss rises by the same $\ln 10 \approx 2.3026$ (next cell). The curve above shoots up because $-\log p$ diverges as $p \to 0$, not because it grows exponentially.
""",
    ),
    code(
        """
for k in range(1, 8):
    p_k = 10.0**-k
    print(f"p = 1e-{k}:  -log(p) = {-np.log(p_k):8.4f}")
"""
    ),
    # --------------------------------------------------------- Keras CE / clip
    md(
        ko=r"""
### Keras는 δ를 더하지 않고 잘라 낸다

Keras {cite}`chollet2015keras`의 `categorical_crossentropy`는 $\delta$를 더하는 대신 두 단계를 거칩니다. 먼저 예측을 합으로 나눠 합이 1이 되게 하고, 그다음 확률을 $[\varepsilon,\ 1-\varepsilon]$, $\varepsilon = 10^{-7}$ 구간으로 **클리핑(clipping)** 합니다. 그래서 0.8은 그대로 0.8이라 결과가 정확히 $-\log 0.8$이고, 확률 0은 $10^{-7}$로 바뀌어 상한은 똑같이 $16.118$입니다.

{ref}`「손실 함수 정리」 글 <ko-post-loss-functions>`의 두 예(정답 `[1 0 0 0 0]`)도 계산해 봅시다. 예측이 정답과 같으면 수학적으로는 0이지만, 클리핑 때문에 1이 $1-10^{-7}$로 바뀌어 약 $10^{-7}$이 나옵니다. 예측이 `[0 1 0 0 0]`이면 수학적으로는 $\infty$이지만, Keras에서는 16.118입니다.
""",
        en=r"""
### Keras clips instead of adding δ

Keras's {cite}`chollet2015keras` `categorical_crossentropy` does not add $\delta$. It first divides the prediction by its sum (so it sums to 1), then **clips** the probabilities to $[\varepsilon,\ 1-\varepsilon]$ with $\varepsilon = 10^{-7}$. A probability of 0.8 stays 0.8, so the result is exactly $-\log 0.8$; a probability of 0 becomes $10^{-7}$, so the cap is the same $16.118$.

{ref}`The “Loss functions, summarized” post <en-post-loss-functions>`'s two examples (target `[1 0 0 0 0]`): a prediction equal to the target gives 0 in exact arithmetic, but clipping turns the 1 into $1-10^{-7}$, so Keras reports about $10^{-7}$. The prediction `[0 1 0 0 0]` gives $\infty$ in exact arithmetic and 16.118 in Keras.
""",
    ),
    code(
        """
print(f"textbook CEE, delta = 1e-7  : {losses.cross_entropy_error(t, y):.10f}")
print(f"Keras categorical_crossentropy: {losses.categorical_crossentropy(t, y):.10f}")
print()
t5 = np.array([1.0, 0.0, 0.0, 0.0, 0.0])
perfect = losses.categorical_crossentropy(t5, [1.0, 0.0, 0.0, 0.0, 0.0])
wrong = losses.categorical_crossentropy(t5, [0.0, 1.0, 0.0, 0.0, 0.0])
print(f"perfect [1 0 0 0 0]: {float(perfect):.6g}")
print(f"wrong   [0 1 0 0 0]: {float(wrong):.6g}")
"""
    ),
    md(
        ko=r"""
`lossbook`이 정말 이렇게 계산하는지 `categorical_crossentropy`의 소스를 열어 확인할 수 있습니다. 합으로 나누는 줄과 `np.clip`으로 자르는 줄이 위의 설명 그대로입니다. 본문 첫 줄의 `label_smoothing`은 기본값이 0이어서 `t`를 바꾸지 않습니다. `sparse_categorical_crossentropy`도 같은 식을 계산하되, 정답 레이블의 열만 읽습니다. 원-핫 정답에서 나머지 항은 0이기 때문입니다.
""",
        en=r"""
You can check that `lossbook` does exactly this by reading the source of `categorical_crossentropy`: the line dividing by the sum and the `np.clip` line are the description above. The body's first line, with `label_smoothing` at its default 0, leaves `t` unchanged. `sparse_categorical_crossentropy` computes the same formula but reads only the label's column: the other terms of a one-hot target are 0.
""",
    ),
    code(
        """
print(inspect.getsource(losses.categorical_crossentropy))
"""
    ),
    # ------------------------------------------------------------------ BCE
    md(
        ko=r"""
## 이진 교차 엔트로피

정답이 두 가지(참/거짓, 양성/음성)뿐인 **이진 분류(binary classification)** 에서는 출력 뉴런 하나가 "1일 확률" $y$를 시그모이드(sigmoid)로 냅니다. **이진 교차 엔트로피(binary cross-entropy)** 는

$$L = -\frac{1}{N}\sum_{i=1}^{N}\Big[t_i\log y_i + (1-t_i)\log(1-y_i)\Big]$$

입니다. $t_i = 1$이면 $-\log y_i$, $t_i = 0$이면 $-\log(1-y_i)$만 남습니다. 한 클래스가 1일 확률 $y$와 0일 확률 $1-y$로 이루어진 두 칸짜리 범주형 교차 엔트로피와 같습니다.
""",
        en=r"""
## Binary cross-entropy

In **binary classification** (true/false, positive/negative) a single output neuron gives the probability $y$ of class 1 through a sigmoid. The **binary cross-entropy** is

$$L = -\frac{1}{N}\sum_{i=1}^{N}\Big[t_i\log y_i + (1-t_i)\log(1-y_i)\Big].$$

For $t_i = 1$ only $-\log y_i$ remains, for $t_i = 0$ only $-\log(1-y_i)$: it is the categorical cross-entropy of the two-entry distribution $(y, 1-y)$.
""",
    ),
    code(
        """
q = np.linspace(0.001, 0.999, 500)[:, None]
plt.plot(q, losses.binary_crossentropy(np.ones_like(q), q), label="t = 1: -log(y)")
plt.plot(q, losses.binary_crossentropy(np.zeros_like(q), q), label="t = 0: -log(1 - y)")
plt.xlabel(tr("예측 확률 y (클래스 1일 확률)", "predicted probability y (of class 1)"))
plt.ylabel(tr("이진 교차 엔트로피", "binary cross-entropy"))
plt.ylim(0, 5)
plt.legend()
plt.show()
""",
        alt={"ko": "예측 확률 y(0에서 1)에 따른 이진 교차 엔트로피 두 곡선. 정답이 1이면 -log(y)로 y가 0에 "
                   "가까울수록 커지고, 정답이 0이면 -log(1 - y)로 y가 1에 가까울수록 커진다. 두 곡선은 y = 0.5에서 만난다.",
             "en": "Two binary cross-entropy curves against the predicted probability y from 0 to 1. "
                   "For target 1 the loss -log(y) grows as y nears 0; for target 0 the loss -log(1 - y) "
                   "grows as y nears 1. They cross at y = 0.5."},
        caption={"ko": "정답이 1일 때와 0일 때의 이진 교차 엔트로피",
                 "en": "Binary cross-entropy for target 1 and for target 0"},
        name="fig-bce",
    ),
    md(
        ko=r"""
{ref}`「손실 함수 정리」 글 <ko-post-loss-functions>`은 이 식을 $L = -\frac{1}{N}\sum_{i=1}^{N}t_i\log(y_i)+(1-t_i)\log(1-y_i)$로 적었는데, 글자 그대로 읽으면 $-\frac1N\sum$가 첫째 항에만 걸립니다. 위의 식처럼 두 항 전체를 대괄호로 묶어야 하며, 같은 글의 손 계산 $-[1\log 1 + (1-1)\log(1-1)]$도 대괄호를 제대로 썼습니다.

같은 글의 두 손 계산도 확인해 봅시다. $y = t = 1$이면 0, $y = 0,\ t = 1$이면 $\infty$인데, Keras와 `lossbook`은 확률을 $[10^{-7},\ 1-10^{-7}]$로 잘라서 각각 약 $10^{-7}$과 16.118을 냅니다.
""",
        en=r"""
{ref}`The “Loss functions, summarized” post <en-post-loss-functions>` writes this as $L = -\frac{1}{N}\sum_{i=1}^{N}t_i\log(y_i)+(1-t_i)\log(1-y_i)$; read literally, $-\frac1N\sum$ then applies to the first term only. Both terms belong inside one bracket, as above, and the post's own hand calculation $-[1\log 1 + (1-1)\log(1-1)]$ does use it.

The same post's hand calculations: $y = t = 1$ gives 0 and $y = 0,\ t = 1$ gives $\infty$ in exact arithmetic; Keras and `lossbook` clip probabilities to $[10^{-7},\ 1-10^{-7}]$ and give about $10^{-7}$ and 16.118.
""",
    ),
    code(
        """
print(f"y = t = 1    : {float(losses.binary_crossentropy([1.0], [1.0])):.6g}")
print(f"y = 0, t = 1 : {float(losses.binary_crossentropy([1.0], [0.0])):.6g}")
bce = losses.binary_crossentropy([1.0, 0.0], [0.9, 0.2])
print(f"t = [1, 0], y = [0.9, 0.2]: {float(bce):.6f}")
"""
    ),
    md(
        ko=r"""
### 다섯 샘플의 이진 교차 엔트로피

{ref}`「모델 컴파일」 글 <ko-post-model-compile>`에 이어 실린 「이진 교차 엔트로피 오차」 글은 이 식을 `BCEE`라는 함수로 구현하고, 정답 `[1, 0, 0, 1, 0]`인 다섯 샘플에 세 가지 예측을 넣어 봅니다. 글의 코드를 그대로 실행하고, `lossbook`(Keras와 같은 계산)과 비교해 봅시다. 이진 분류에서는 샘플마다 출력이 하나이므로 `targets5[:, None]`처럼 샘플 축을 앞에 두면 Keras처럼 **샘플마다** 손실이 나오고, 그 평균이 글의 값입니다. (글의 `label` 배열은 여기서 `targets5`라고 부릅니다.)
""",
        en=r"""
### Binary cross-entropy on five samples

The “Binary cross-entropy error” post that follows {ref}`the “Model compile” post <en-post-model-compile>` implements this formula as a function `BCEE` and tries three predictions on five samples with targets `[1, 0, 0, 1, 0]`. Run the post's code as it is and compare it with `lossbook` (which computes what Keras computes). In binary classification each sample has a single output, so with the samples along the first axis, `targets5[:, None]`, we get one loss **per sample** as Keras does; their mean is the post's value. (The post's `label` array is called `targets5` here.)
""",
    ),
    code(
        """
def BCEE(predict, label):  # noqa: N802 - the post's function, as written there
    delta = 1e-7
    pred_diff = 1 - predict
    label_diff = 1 - label
    result = -(np.sum(label*np.log(predict+delta)+label_diff*np.log(pred_diff+delta)))/len(label)
    return result


targets5 = np.array([1, 0, 0, 1, 0])
predictions = {
    "first ": np.array([0.8, 0.1, 0.05, 0.9, 0.05]),
    "closer": np.array([0.95, 0.05, 0.01, 0.95, 0.01]),
}
for name, predict in predictions.items():
    per_sample = losses.binary_crossentropy(targets5[:, None], predict[:, None])
    print(f"{name}: BCEE {float(BCEE(predict, targets5))!r}, lossbook mean {float(per_sample.mean())!r}")
    print("        per sample:", per_sample)
"""
    ),
    md(
        ko=r"""
글의 두 결과 `0.10729012273129139`와 `0.03479600741200121`이 그대로 나옵니다. `lossbook`의 값은 일곱째 자리 근처에서 조금 다른데(약 $10^{-7}$), 글은 로그 안에 $\delta = 10^{-7}$을 더하고 Keras는 확률을 $[10^{-7}, 1-10^{-7}]$로 잘라 내기 때문입니다. 샘플별 값을 보면 어느 샘플이 손실을 키우는지도 보입니다. 첫 예측에서는 정답 1에 0.8을 준 첫 샘플($-\log 0.8 \approx 0.223$)이 가장 큽니다. 글이 출력을 적지 않은 세 번째 예측 `[0.30, 0.40, 0.20, 0.65, 0.2]`은 연습 5에서 계산합니다.
""",
        en=r"""
The post's two results, `0.10729012273129139` and `0.03479600741200121`, come out exactly. `lossbook` differs around the seventh decimal (by about $10^{-7}$) because the post adds $\delta = 10^{-7}$ inside the log while Keras clips the probabilities to $[10^{-7}, 1-10^{-7}]$. The per-sample values show which sample drives the loss: in the first prediction it is the first sample, target 1 given 0.8 ($-\log 0.8 \approx 0.223$). The post leaves the output of its third prediction, `[0.30, 0.40, 0.20, 0.65, 0.2]`, blank; exercise 5 computes it.
""",
    ),
    # ------------------------------------------------------------ from_logits
    md(
        ko=r"""
## `from_logits=True`: 확률을 거치지 않고 계산하기

소프트맥스나 시그모이드에 들어가기 전의 값을 **로짓(logit)** 이라 합니다. Keras의 교차 엔트로피는 `from_logits=True`를 주면 확률 대신 로짓 $z$를 받아, 로그와 지수를 한꺼번에 정리한 안정적인 식으로 계산합니다.

$$\text{범주형: } -\log\operatorname{softmax}(z)_c = \log\sum_k e^{z_k} - z_c, \qquad \text{이진: } \max(z,0) - z\,t + \log\!\left(1+e^{-|z|}\right)$$

왜 필요할까요? {ref}`「손실 함수 정리」 글 <ko-post-loss-functions>`은 "확률이 0이 나오는 일은 일반적으로 없으니 꽤 큰 수가 나온다"고 했지만, 부동소수점에서는 확률이 **정확히** 0이나 1이 됩니다.
""",
        en=r"""
## `from_logits=True`: skipping the probabilities

The values that go into a softmax or sigmoid are called **logits**. Given `from_logits=True`, Keras's cross-entropies take the logits $z$ instead of probabilities and use formulas in which the log and the exponential are simplified together:

$$\text{categorical: } -\log\operatorname{softmax}(z)_c = \log\sum_k e^{z_k} - z_c, \qquad \text{binary: } \max(z,0) - z\,t + \log\!\left(1+e^{-|z|}\right).$$

Why bother? {ref}`The “Loss functions, summarized” post <en-post-loss-functions>` reassures that "a probability of exactly 0 does not normally come out, so the loss is just a fairly large number". In floating point, probabilities do become **exactly** 0 or 1:
""",
    ),
    code(
        """
print("sigmoid(40.0) == 1.0 :", sigmoid(40.0) == 1.0)
print("1 - sigmoid(40.0)    =", 1 - sigmoid(40.0))
print("float32: sigmoid(17) == 1 :", sigmoid(np.float32(17.0)) == 1.0)
"""
    ),
    md(
        ko=r"""
(ko-float-exact-0-1)=
### 부동소수점에서는 확률이 정확히 0이나 1이 된다

위 셀처럼 float64에서 $\sigma(40)$은 정확히 1.0이 되어 $1-y = 0$이고(float32에서는 $\sigma(17)$부터), $\log 0 = -\infty$입니다. 그러니 "확률이 0이 나오는 일은 없다"는 말은 수학에서만 맞습니다. Keras는 이때 확률을 잘라 내 손실을 16.118로 **묶어 버리므로**, 실제 손실(아래에서 40)과 그 기울기 정보를 잃습니다. 로짓을 그대로 넘기면(`from_logits=True`) 정확한 값이 나옵니다.

양성($t=1$) 샘플에 로짓 $z=-40$을 낸 경우를 두 경로로 계산해 봅시다. 참값은 $-\log\sigma(-40) = \log(1+e^{40}) \approx 40$입니다.
""",
        en=r"""
(en-float-exact-0-1)=
### In floating point a probability can be exactly 0 or 1

As the cell shows, in float64 $\sigma(40)$ rounds to exactly 1.0, so $1-y = 0$ (in float32 this already happens at $\sigma(17)$), and $\log 0 = -\infty$. "A probability of 0 does not come out" is true only in exact arithmetic. Keras then clips the probability and **caps** the loss at 16.118, losing the true loss (40 below) and its gradient. Passing logits (`from_logits=True`) gives the right value.

A positive sample ($t=1$) with logit $z=-40$, computed both ways; the true value is $-\log\sigma(-40) = \log(1+e^{40}) \approx 40$.
""",
    ),
    code(
        """
z = np.array([-40.0])
via_prob = losses.binary_crossentropy([1.0], sigmoid(z))
via_logit = losses.binary_crossentropy([1.0], z, from_logits=True)
print(f"via probabilities: {float(via_prob):.6f}")
print(f"from_logits=True : {float(via_logit):.6f}")
print(f"exact log(1 + e^40) = {np.log1p(np.exp(40.0)):.6f}")
"""
    ),
    md(
        ko=r"""
로짓이 $\pm 10^4$ 정도로 극단적이면 차이가 더 큽니다. 소프트맥스를 교과서 식 $e^{z_k}/\sum_j e^{z_j}$ 그대로 계산하면 $e^{10000}$이 넘쳐(overflow) `nan`이 되고, 안정적인 소프트맥스로 확률을 구해도 클리핑 때문에 16.118에 묶입니다. 로짓 경로만 참값 20000을 냅니다(정답 클래스 2의 로짓이 $-10^4$, 최댓값이 $10^4$).
""",
        en=r"""
With extreme logits such as $\pm 10^4$ the gap is larger. The textbook softmax $e^{z_k}/\sum_j e^{z_j}$ overflows ($e^{10000}$) and gives `nan`; a stable softmax gives probabilities, but clipping caps the loss at 16.118. Only the logit path gives the true 20000 (the correct class 2 has logit $-10^4$, the largest logit is $10^4$).
""",
    ),
    code(
        """
logits = np.array([[1e4, 0.0, -1e4]])
label = np.array([2])
with np.errstate(over="ignore", invalid="ignore"):  # show the overflow, not a warning
    naive = np.exp(logits) / np.sum(np.exp(logits), axis=-1, keepdims=True)
probs = softmax(logits)
print("naive softmax    :", naive)
print("stable softmax   :", probs)
print("loss via softmax :", losses.sparse_categorical_crossentropy(label, probs))
exact = losses.sparse_categorical_crossentropy(label, logits, from_logits=True)
print("from_logits=True :", exact)
bce = losses.binary_crossentropy([[1.0, 0.0]], [[-1e4, 1e4]], from_logits=True)
print("BCE, z = -1e4 for t = 1 and z = +1e4 for t = 0:", bce)
"""
    ),
    md(
        ko=r"""
그래서 Keras에서는 마지막 층을 활성화 함수 없이 두고 `from_logits=True`로 컴파일하는 방식이 권장됩니다.
""",
        en=r"""
This is why Keras recommends leaving the last layer without an activation and compiling with `from_logits=True`.
""",
    ),
    # ------------------------------------------------------- CCE vs sparse
    md(
        ko=r"""
## 범주형과 희소 범주형 교차 엔트로피

클래스가 여러 개인 **다중 클래스 분류(multi-class classification)** 에서 정답을 어떤 모양으로 주느냐에 따라 Keras의 손실 이름이 달라집니다.

- `categorical_crossentropy`: 정답이 원-핫 벡터 `[0, 0, 1, 0, 0]`일 때
- `sparse_categorical_crossentropy`: 정답이 정수 레이블 `2`일 때

계산하는 값은 똑같습니다. $N$개 샘플, $C$개 클래스에서

$$L = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{C} t_{nk}\log y_{nk} = -\frac{1}{N}\sum_{n=1}^{N}\log y_{n,\,c_n}$$

이고, $c_n$은 $n$번째 샘플의 정답 클래스입니다. 정답 6의 예를 둘째 샘플로 넣은 세 샘플로 확인해 봅시다.
""",
        en=r"""
## Categorical and sparse categorical cross-entropy

For **multi-class classification** Keras names the loss after the form of the targets:

- `categorical_crossentropy`: targets are one-hot vectors `[0, 0, 1, 0, 0]`;
- `sparse_categorical_crossentropy`: targets are integer labels `2`.

Both compute the same number. For $N$ samples and $C$ classes

$$L = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{C} t_{nk}\log y_{nk} = -\frac{1}{N}\sum_{n=1}^{N}\log y_{n,\,c_n},$$

where $c_n$ is the correct class of sample $n$. Three samples, the second being the class-6 example:
""",
    ),
    code(
        """
Y3 = np.array([
    [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
    [0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.8, 0.0, 0.1, 0.0],
    [0.7, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2, 0.0, 0.0],
])
labels3 = np.array([2, 6, 0])
onehot3 = np.eye(10)[labels3]
print("categorical (one-hot)   :", losses.categorical_crossentropy(onehot3, Y3))
print("sparse (integer labels) :", losses.sparse_categorical_crossentropy(labels3, Y3))
print("-log y[n, label]        :", -np.log(Y3[np.arange(3), labels3]))
"""
    ),
    md(
        ko=r"""
Keras의 함수는 **샘플마다** 손실을 돌려주고(모양이 `(3,)`), `model.fit`이 이를 배치에 대해 평균 냅니다. 교과서의 `cross_entropy_error`는 처음부터 배치 평균 하나를 돌려주며, 원-핫과 정수 레이블을 모두 받습니다.
""",
        en=r"""
Keras's functions return **one loss per sample** (shape `(3,)`), and `model.fit` averages them over the batch. The textbook `cross_entropy_error` returns the batch mean directly and accepts one-hot targets and integer labels alike.
""",
    ),
    code(
        """
per_sample = losses.categorical_crossentropy(onehot3, Y3)
print(f"mean of Keras per-sample    : {per_sample.mean():.6f}")
print(f"cross_entropy_error, one-hot: {losses.cross_entropy_error(onehot3, Y3):.6f}")
print(f"cross_entropy_error, labels : {losses.cross_entropy_error(labels3, Y3):.6f}")
"""
    ),
    # ------------------------------------------------------------ mini-batch
    md(
        ko=r"""
## 미니배치와 평균 손실

지금까지는 샘플 하나의 손실을 봤지만, 학습의 목표는 **훈련 데이터 전체** 에 대한 손실의 평균을 줄이는 것입니다. 샘플마다 손실을 구해 더한 뒤 개수 $N$으로 나누면 데이터 개수와 상관없이 비교할 수 있는 "평균 손실"이 됩니다.

$$E = -\frac{1}{N}\sum_{n}\sum_{k} t_{nk}\log(y_{nk}+\delta)$$

그런데 데이터가 수만, 수백만 개이면 매번 전체의 손실을 구하기에는 너무 오래 걸립니다. 그래서 일부를 무작위로 뽑아 전체의 근사로 씁니다. 이 일부를 **미니배치(mini-batch)**, 이 방식을 **미니배치 학습** 이라고 합니다. (여러 입력을 한 번의 행렬 계산으로 묶어 처리하는 "배치 처리"와 헷갈리기 쉽습니다. 배치 처리는 계산을 묶는 방법이고, 미니배치는 훈련 데이터 중 일부를 뽑아 쓰는 것입니다.)

```{admonition} 바로잡기: 「인공신경망 4-1 학습」 글의 배치 교차 엔트로피 코드
:class: warning
{ref}`「인공신경망 4-1 학습」 글 <ko-post-ann-4-1>`의 배치용 `cee`는 원-핫 정답 `t`를 `t.argmax(axis=1)`로 정수 레이블로 바꾼 **뒤에도** `t * np.log(y[np.arange(N), t])`처럼 `t`를 곱합니다. 그러면 각 샘플의 $-\log y$에 **정답 클래스 번호** 가 곱해집니다. 정답이 0인 샘플은 손실이 0이 되고, 정답이 6인 샘플은 6배가 됩니다. 게다가 `delta = 1e-7`을 정의해 놓고 쓰지 않아 정답 확률이 0이면 `inf`(정답이 0이면 `nan`)가 나옵니다. 정답 6의 예 하나를 넣으면 글의 코드는 $6 \times 0.2231 = 1.3389$를 돌려주지만 올바른 값은 0.2231이고, 위의 세 샘플 배치에서는 0.7868을 돌려주지만 올바른 값은 0.3635입니다(아래 셀). 올바른 식은 `t *`를 빼고 `-np.sum(np.log(y[np.arange(N), t] + delta)) / N`입니다.
```
""",
        en=r"""
## Mini-batches and the mean loss

So far we scored one sample at a time, but training minimises the loss averaged over the **whole training set**. Summing the per-sample losses and dividing by their number $N$ gives a mean loss that does not depend on the size of the data:

$$E = -\frac{1}{N}\sum_{n}\sum_{k} t_{nk}\log(y_{nk}+\delta).$$

With tens of thousands or millions of samples, computing this over everything at every step takes too long, so we draw a random subset and use it as an estimate. The subset is a **mini-batch** and this way of training is **mini-batch training**. (Do not confuse this with "batch processing", which groups many inputs into one matrix computation; a mini-batch is a random sample of the training data.)

```{admonition} Correction: the batch cross-entropy code of the “ANN 4-1: Learning” post
:class: warning
{ref}`The “ANN 4-1: Learning” post <en-post-ann-4-1>`'s batch `cee` converts the one-hot targets to integer labels with `t = t.argmax(axis=1)` and **then still** multiplies by `t`: `t * np.log(y[np.arange(N), t])`. Each sample's $-\log y$ is therefore multiplied by **its class number**: samples of class 0 contribute nothing, samples of class 6 count six times. It also defines `delta = 1e-7` and never uses it, so a zero probability for the correct class gives `inf` (or `nan` for class 0). On the class-6 example alone the post's code returns $6 \times 0.2231 = 1.3389$ instead of 0.2231, and on the three-sample batch above it returns 0.7868 instead of 0.3635 (next cell). The right expression drops the `t *`: `-np.sum(np.log(y[np.arange(N), t] + delta)) / N`.
```
""",
    ),
    code(
        """
def post_batch_cee(Y, labels):
    # The post's formula in one line, bug included: -sum(label * log y[n, label]) / N
    p_correct = Y[np.arange(len(Y)), labels]
    return -np.sum(labels * np.log(p_correct)) / len(Y)


one = y[None, :]  # the class-6 example as a batch of one sample
print(f"class-6 example: the post's formula {post_batch_cee(one, np.array([6])):.6f}, "
      f"cross_entropy_error {losses.cross_entropy_error([6], one):.6f}")
print(f"3-sample batch  : the post's formula {post_batch_cee(Y3, labels3):.6f}, "
      f"cross_entropy_error {losses.cross_entropy_error(labels3, Y3):.6f}")
"""
    ),
    md(
        ko=r"""
같은 글은 `y[np.arange(N), t]`와 `y[np.arange(N)][t]`가 같은데 `[][]`를 쓰면 `IndexError`가 나니 NumPy 자체 오류 같다고 합니다. 두 식은 다릅니다. `y[np.arange(N), t]`는 $n$번째 행의 $t_n$번째 원소들, 즉 샘플마다 정답 확률 하나씩(모양 `(N,)`)을 고릅니다. 반면 `y[np.arange(N)]`은 모든 행 그대로이고, 거기에 `[t]`를 붙이면 **레이블 번호를 행 번호로** 써서 행을 고릅니다(모양 `(N, C)`). 레이블이 샘플 수 $N$ 이상이면 그런 행이 없으니 `IndexError`가 나는 것이 맞습니다.
""",
        en=r"""
The same post says that `y[np.arange(N), t]` and `y[np.arange(N)][t]` are equal and suspects a NumPy bug because `[][]` raises `IndexError`. They are different. `y[np.arange(N), t]` picks element $t_n$ of row $n$: one correct-class probability per sample, shape `(N,)`. `y[np.arange(N)]` is simply all rows, and the following `[t]` uses the **labels as row numbers**, giving shape `(N, C)`; a label of $N$ or more has no such row, hence the `IndexError`.
""",
    ),
    code(
        """
n = len(Y3)
print("Y3[np.arange(n), labels3]    ->", Y3[np.arange(n), labels3])
try:
    Y3[np.arange(n)][labels3]
except IndexError as err:
    print("Y3[np.arange(n)][labels3]    -> IndexError:", err)
rows = Y3[np.arange(n)][[1, 0, 2]]
print("Y3[np.arange(n)][[1, 0, 2]]  -> whole rows 1, 0, 2, shape", rows.shape)
"""
    ),
    md(
        ko=r"""
### MNIST에서 무작위 미니배치 뽑기

`lossbook.datasets.load_mnist()`는 `keras.datasets.mnist.load_data()`와 같은 모양으로, 책에 포함된 MNIST {cite}`lecun1998mnist`(훈련 이미지 22,699장, 시험 이미지 10,000장; LeCun, Cortes, Burges, CC BY-SA 3.0)를 읽습니다. 시작 번호를 정해 둔 난수 생성기(`np.random.default_rng(0)`)로 10개의 인덱스를 중복 없이 뽑습니다. 시작 번호가 같으면 언제 실행해도 같은 미니배치가 나옵니다.
""",
        en=r"""
### Drawing a random mini-batch from MNIST

`lossbook.datasets.load_mnist()` returns the bundled MNIST {cite}`lecun1998mnist` (22,699 training images, 10,000 test images; by LeCun, Cortes and Burges, CC BY-SA 3.0) in the same shapes as `keras.datasets.mnist.load_data()`. A random generator started from a fixed number (`np.random.default_rng(0)`) draws 10 indices without repetition; the same number gives the same mini-batch on every run.
""",
    ),
    code(
        """
(x_train, y_train), (x_test, y_test) = lossbook.datasets.load_mnist()
print("x_train:", x_train.shape, x_train.dtype, " y_train:", y_train.shape)

rng = np.random.default_rng(0)
batch_mask = rng.choice(len(y_train), size=10, replace=False)
print("indices:", batch_mask)
print("labels :", y_train[batch_mask])
print("one-hot:")
print(np.eye(10, dtype=int)[y_train[batch_mask]])
"""
    ),
    md(
        ko=r"""
미니배치 손실이 전체 손실의 좋은 근사인지 확인해 봅시다. 이미지를 보지 않고 늘 훈련 데이터의 클래스 비율을 확률로 내놓는 "모델"을 생각합니다. 이 모델의 손실을 훈련 데이터 전체에서 한 번, 크기 100인 무작위 미니배치 5개에서 한 번씩 구합니다. (아무것도 모르고 모든 클래스에 0.1을 주는 모델이라면 손실은 언제나 $\ln 10 \approx 2.3026$입니다.)
""",
        en=r"""
Is a mini-batch loss a good estimate of the full loss? Take a "model" that ignores the image and always predicts the class frequencies of the training set. Compute its loss once on the whole training set and on five random mini-batches of 100. (A model that knows nothing and gives every class 0.1 always scores $\ln 10 \approx 2.3026$.)
""",
    ),
    code(
        """
prior = np.bincount(y_train, minlength=10) / len(y_train)
print("class frequencies:", prior)
full = losses.cross_entropy_error(y_train, np.tile(prior, (len(y_train), 1)))
print(f"loss on all {len(y_train)} training images: {full:.4f}")
for k in range(5):
    idx = np.random.default_rng(k).choice(len(y_train), size=100, replace=False)
    est = losses.cross_entropy_error(y_train[idx], np.tile(prior, (100, 1)))
    print(f"  mini-batch of 100, default_rng({k}): {est:.4f}")
uniform = losses.cross_entropy_error(y_train[:100], np.full((100, 10), 0.1))
print(f"uniform guess (0.1 each): {uniform:.4f}")
"""
    ),
    # -------------------------------------------------------------- gradients
    md(
        ko=r"""
## 손실의 기울기

학습에 실제로 쓰이는 것은 손실 자체보다 예측 $y$에 대한 손실의 **기울기(미분)** 입니다. `lossbook.losses`는 손실마다 `<이름>_grad` 함수를 제공합니다(배치의 합에 대한 기울기; 배치 평균이면 $N$으로 나눔). 출력이 하나이고 정답이 $t=1$일 때:

$$\frac{\partial}{\partial y}(y-1)^2 = 2(y-1), \qquad \frac{\partial}{\partial y}\lvert y-1\rvert = -1\ (y<1), \qquad \frac{\partial}{\partial y}\big(-\log y\big) = -\frac{1}{y}$$

MSE의 기울기는 오차에 비례해 정답에 가까울수록 작아지고, MAE의 기울기는 오차 크기와 상관없이 일정하며, 교차 엔트로피의 기울기는 크게 틀릴수록($y \to 0$) 폭발적으로 커집니다.
""",
        en=r"""
## Gradients of the losses

What training actually uses is the **gradient** of the loss with respect to the prediction $y$. `lossbook.losses` has a `<name>_grad` for every loss (the gradient of the sum over the batch; divide by $N$ for the batch mean). For one output with target $t=1$:

$$\frac{\partial}{\partial y}(y-1)^2 = 2(y-1), \qquad \frac{\partial}{\partial y}\lvert y-1\rvert = -1\ (y<1), \qquad \frac{\partial}{\partial y}\big(-\log y\big) = -\frac{1}{y}.$$

The MSE gradient is proportional to the error and fades near the target, the MAE gradient has the same size whatever the error, and the cross-entropy gradient blows up the more wrong the prediction is ($y \to 0$).
""",
    ),
    code(
        """
yy = np.linspace(0.02, 0.98, 300)[:, None]
ones = np.ones_like(yy)
plt.plot(yy, losses.mean_squared_error_grad(ones, yy), label="MSE")
plt.plot(yy, losses.mean_absolute_error_grad(ones, yy), label="MAE")
plt.plot(yy, losses.binary_crossentropy_grad(ones, yy), label=tr("교차 엔트로피", "CE"))
plt.axhline(0, color="gray", lw=0.8)
plt.xlabel(tr("예측 y (정답 t = 1)", "prediction y (target t = 1)"))
plt.ylabel(tr("기울기 dL/dy", "gradient dL/dy"))
plt.ylim(-10, 1)
plt.legend()
plt.show()
""",
        alt={"ko": "정답이 1일 때 예측 y(0.02에서 0.98)에 대한 세 손실의 기울기. MSE의 기울기 2(y - 1)는 "
                   "직선으로 y = 1에 다가가며 0이 되고, MAE의 기울기는 -1로 일정하며, 교차 엔트로피의 "
                   "기울기 -1/y는 y가 0에 가까워질수록 아래로 급격히 떨어진다.",
             "en": "Gradients of three losses against the prediction y from 0.02 to 0.98, target 1. "
                   "The MSE gradient 2(y - 1) is a straight line reaching 0 at y = 1, the MAE gradient "
                   "is a constant -1, and the cross-entropy gradient -1/y plunges as y approaches 0."},
        caption={"ko": "정답이 1일 때 MSE, MAE, 교차 엔트로피의 기울기",
                 "en": "Gradients of MSE, MAE and cross-entropy for target 1"},
        name="fig-loss-gradients",
    ),
    md(
        ko=r"""
로짓 $z$에 대한 기울기는 더 간단합니다. 소프트맥스와 교차 엔트로피를 합치면 $\partial L/\partial z = \operatorname{softmax}(z) - t$입니다. 5장의 역전파에서 다시 만납니다.
""",
        en=r"""
With respect to the logits $z$ the gradient is even simpler: softmax followed by cross-entropy gives $\partial L/\partial z = \operatorname{softmax}(z) - t$. Backpropagation (chapter 5) builds on this.
""",
    ),
    code(
        """
z3 = np.array([[2.0, 1.0, 0.1]])
print("softmax(z)     :", softmax(z3))
grad = losses.categorical_crossentropy_grad([[1.0, 0.0, 0.0]], z3, from_logits=True)
print("grad wrt logits:", grad)
"""
    ),
    # ----------------------------------------------------------- which loss
    md(
        ko=r"""
## 어떤 손실을 쓸까

| 문제 | 출력층 | 정답의 모양 | Keras 손실 |
|---|---|---|---|
| 회귀(regression) | 항등 함수(linear) | 실수 | `"mse"`, 이상치가 많으면 `"mae"` |
| 이진 분류 | 시그모이드 1개 | 0 또는 1 | `"binary_crossentropy"` |
| 다중 클래스 분류 | 소프트맥스 $C$개 | 원-핫 벡터 | `"categorical_crossentropy"` |
| 다중 클래스 분류 | 소프트맥스 $C$개 | 정수 레이블 | `"sparse_categorical_crossentropy"` |
| 다중 레이블 분류(multi-label) | 시그모이드 $C$개 | 0/1 벡터 (여러 개가 1일 수 있음) | `"binary_crossentropy"` |

마지막 줄은 {ref}`「인공신경망 4-1 학습」 글 <ko-post-ann-4-1>`이 말한 "정답이 여러 개일 수 있는" 경우입니다. 예를 들어 사진 한 장에 개와 책상이 함께 있을 수 있으면 클래스가 서로 배타적이지 않으므로, 클래스마다 시그모이드를 두고 이진 교차 엔트로피를 씁니다. `lossbook.losses.get`은 Keras와 같은 문자열을 받습니다.
""",
        en=r"""
## Which loss to use

| Problem | Output layer | Targets | Keras loss |
|---|---|---|---|
| regression | identity (linear) | real numbers | `"mse"`, or `"mae"` with many outliers |
| binary classification | one sigmoid | 0 or 1 | `"binary_crossentropy"` |
| multi-class classification | $C$-way softmax | one-hot vectors | `"categorical_crossentropy"` |
| multi-class classification | $C$-way softmax | integer labels | `"sparse_categorical_crossentropy"` |
| multi-label classification | $C$ sigmoids | 0/1 vectors (several 1s allowed) | `"binary_crossentropy"` |

The last row is {ref}`the “ANN 4-1: Learning” post <en-post-ann-4-1>`'s case of classes that are "not mutually exclusive": a photo may contain a dog *and* a desk, so each class gets its own sigmoid and binary cross-entropy. `lossbook.losses.get` accepts the same strings as Keras.
""",
    ),
    code(
        """
for name in ["mse", "mae", "bce", "binary_crossentropy", "categorical_crossentropy",
             "sparse_categorical_crossentropy"]:
    print(f"{name:32s} -> {losses.get(name).__name__}")
"""
    ),
    md(
        ko=r"""
모르는 이름을 주면 조용히 넘어가지 않고, 아는 이름을 알려 주며 오류를 냅니다.
""",
        en=r"""
An unknown name fails loudly and lists the names it knows:
""",
    ),
    code(
        """
try:
    losses.get("cce")  # "cce" is not a Keras loss name
except ValueError as error:
    print(f"ValueError: {error}")
""",
    ),
    # ---------------------------------------------------------------- summary
    md(
        ko=r"""
## 요약

- 정확도는 계단 함수라 기울기가 거의 어디서나 0입니다. 학습은 연속적인 **손실** 을 줄이는 방향으로 가중치를 움직입니다.
- 교과서의 오차 제곱합은 $\frac12\sum(y-t)^2$, Keras의 `"mse"`는 마지막 축의 **평균** $\frac1C\sum(y-t)^2$, 곧 오차 제곱합의 $2/C$배입니다($C > 2$이면 더 작고, $C = 2$이면 같고, $C = 1$이면 더 큽니다). MAE는 $\frac1C\sum|y-t|$입니다(½ 없음).
- 교차 엔트로피 오차 $-\sum t\log(y+\delta)$는 정답 클래스의 확률만 봅니다. $\delta=10^{-7}$은 $\log 0 = -\infty$를 막고, Keras는 대신 확률을 $[10^{-7}, 1-10^{-7}]$로 잘라 냅니다. 어느 쪽이든 손실은 16.118에서 멈춥니다.
- 원-핫 정답에는 `categorical_crossentropy`, 정수 레이블에는 `sparse_categorical_crossentropy`: 값은 같습니다. 이진·다중 레이블 분류에는 `binary_crossentropy`.
- 부동소수점에서는 확률이 정확히 0이나 1이 됩니다. 로짓을 넘기는 `from_logits=True`는 로짓이 $\pm10^4$여도 정확한 손실과 기울기를 냅니다.
- 미니배치 손실은 전체 손실의 좋은 추정값이며, 시작 번호를 정한 `np.random.default_rng`로 재현 가능하게 뽑습니다.
""",
        en=r"""
## Summary

- Accuracy is a step function with zero gradient almost everywhere; training moves the weights to reduce a continuous **loss**.
- The textbook's sum of squared errors is $\frac12\sum(y-t)^2$; Keras's `"mse"` is the **mean** over the last axis, $\frac1C\sum(y-t)^2$, that is $2/C$ times the sum of squared errors (smaller when $C > 2$, equal for $C = 2$, larger for $C = 1$). The MAE is $\frac1C\sum|y-t|$, with no ½.
- The cross-entropy error $-\sum t\log(y+\delta)$ looks only at the probability of the correct class. $\delta=10^{-7}$ keeps $\log 0 = -\infty$ away; Keras clips probabilities to $[10^{-7}, 1-10^{-7}]$ instead. Either way the loss stops at 16.118.
- `categorical_crossentropy` for one-hot targets, `sparse_categorical_crossentropy` for integer labels: same value. `binary_crossentropy` for binary and multi-label problems.
- In floating point probabilities become exactly 0 or 1; `from_logits=True` gives the correct loss and gradient even for logits of $\pm10^4$.
- A mini-batch loss is a good estimate of the full loss; draw mini-batches reproducibly with `np.random.default_rng` started from a fixed number.
""",
    ),
    # -------------------------------------------------------------- exercises
    md(
        ko=r"""
## 연습 문제

코드를 쓰는 문제마다 빈칸(`...`)이 있는 셀이 있습니다. 빈칸을 채우고 셀을 실행하면 마지막 줄의 검사(`check`)가 `lossbook`의 구현과 비교해 바로 알려 줍니다. 아직 풀지 않았으면 ⏳, 틀리면 ❌와 어디가 다른지, 맞으면 ✅가 나옵니다. 풀이는 이 장 맨 끝의 {ref}`풀이 <ko-01-solutions>`에 있습니다.

**1.** 교과서의 오차 제곱합 $\frac12\sum_k(y_k-t_k)^2$를 샘플 하나(1차원 배열)에 대해 계산하는 함수 `my_sse(y_true, y_pred)`를 쓰세요. 인자 순서는 Keras처럼 정답이 먼저입니다.
""",
        en=r"""
## Exercises

Every exercise that asks for code has a cell with a blank (`...`). Fill it in and run the cell: the check on its last line compares your answer with `lossbook`'s implementation and answers at once — ⏳ while it is not attempted, ❌ with what differs and where, ✅ when it is right. The solutions are at the end of the chapter, under {ref}`Solutions <en-01-solutions>`.

**1.** Write `my_sse(y_true, y_pred)`, the textbook sum of squared errors $\frac12\sum_k(y_k-t_k)^2$ of one sample (a 1-D array). The target comes first, as in Keras.
""",
    ),
    code(
        """

def my_sse(y_true, y_pred):
    ...  # your code: return 1/2 * the sum of the squared errors


check.sum_squared_error_fn(my_sse)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**2.** 교과서의 교차 엔트로피 오차 $-\sum_k t_k\log(y_k+\delta)$, $\delta=10^{-7}$을 샘플 하나에 대해 계산하는 `my_cee(y_true, y_pred)`를 쓰세요. 검사에는 정답 클래스의 확률이 0인 입력도 들어 있습니다($\delta$를 빠뜨리면 `inf`). $0\cdot\log 0$이 `nan`이 되지 않게 하는 것도 잊지 마세요.
""",
        en=r"""
**2.** Write `my_cee(y_true, y_pred)`, the textbook cross-entropy error $-\sum_k t_k\log(y_k+\delta)$ with $\delta=10^{-7}$, for one sample. The check includes an input whose correct class has probability 0 (forget $\delta$ and you get `inf`); do not let $0\cdot\log 0$ turn into `nan` either.
""",
    ),
    code(
        """
def my_cee(y_true, y_pred):
    ...  # your code, with delta = 1e-7


check.cross_entropy_error_fn(my_cee)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**3.** 정답이 6인 두 예측이 있습니다. `y_a`는 6번에 0.6, 5번에 0.4를 주고, `y_b`는 6번에 0.6, 0·2·4·8번에 0.1씩을 줍니다. 두 예측의 오차 제곱합과 교차 엔트로피 오차를 `losses`로 구하세요. 어느 손실이 두 예측을 구별하나요? 왜 그런가요?
""",
        en=r"""
**3.** Two predictions for correct class 6: `y_a` puts 0.6 on class 6 and 0.4 on class 5; `y_b` puts 0.6 on class 6 and 0.1 on each of classes 0, 2, 4 and 8. Compute the sum of squared errors and the cross-entropy error of both with `losses`. Which loss tells them apart, and why?
""",
    ),
    code(
        """
y_a = np.zeros(10)
y_a[[6, 5]] = [0.6, 0.4]
y_b = np.zeros(10)
y_b[[6, 0, 2, 4, 8]] = [0.6, 0.1, 0.1, 0.1, 0.1]
t6 = np.eye(10)[6]
"""
    ),
    code(
        """
sse_a = ...
sse_b = ...
cee_a = ...
cee_b = ...
check.two_predictions(sse_a, sse_b, cee_a, cee_b)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**4.** `np.random.default_rng(1)`로 $4\times 5$ 무작위 예측 `y_pred = rng.random((4, 5))`와 정답 `y_true = rng.random((4, 5))`를 이 순서로 만드세요. Keras 방식 MSE(샘플별 값의 평균)에 $C/2$를 곱한 값 `scaled`를 구하면, 검사가 교과서의 `sum_squared_error`(샘플별 ½Σ의 배치 평균)와 비교합니다.
""",
        en=r"""
**4.** With `np.random.default_rng(1)`, draw random predictions `y_pred = rng.random((4, 5))` and then targets `y_true = rng.random((4, 5))`. Compute `scaled`, the Keras-style MSE (mean of the per-sample values) times $C/2$; the check compares it with the textbook `sum_squared_error` (batch mean of the per-sample ½Σ).
""",
    ),
    code(
        """
rng1 = np.random.default_rng(1)
y_pred = rng1.random((4, 5))
y_true = rng1.random((4, 5))
"""
    ),
    code(
        """
scaled = ...
check.mse_vs_sse(scaled)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**5.** 「이진 교차 엔트로피 오차」 글의 세 번째 예(정답 `[1, 0, 0, 1, 0]`, 예측 `[0.30, 0.40, 0.20, 0.65, 0.2]`)의 이진 교차 엔트로피(다섯 샘플의 평균)를 구하세요. 앞의 두 예보다 큰가요?
""",
        en=r"""
**5.** Compute the binary cross-entropy (mean over the five samples) of the third example of the “Binary cross-entropy error” post: targets `[1, 0, 0, 1, 0]`, prediction `[0.30, 0.40, 0.20, 0.65, 0.2]`. Is it larger than for the first two?
""",
    ),
    code(
        """
third = np.array([0.30, 0.40, 0.20, 0.65, 0.2])
"""
    ),
    code(
        """
bce_third = ...
check.bce_third_example(bce_third)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**6.** 음성 샘플($t = 0$)에 대해 모델이 로짓 $z = 30$을 냈습니다. `losses.binary_crossentropy`로 이진 교차 엔트로피를 (a) 시그모이드로 구한 확률 `sigmoid(z30)`을 넘겨, (b) 로짓을 `from_logits=True`로 넘겨 계산하세요. 참값은 $\log(1+e^{30})$입니다. 어느 쪽이 맞나요?
""",
        en=r"""
**6.** For a negative sample ($t = 0$) the model outputs the logit $z = 30$. Compute the binary cross-entropy with `losses.binary_crossentropy`, (a) passing the sigmoid probability `sigmoid(z30)` and (b) passing the logit with `from_logits=True`. The true value is $\log(1+e^{30})$; which one gets it?
""",
    ),
    code(
        """
z30 = np.array([[30.0]])
t0 = np.array([[0.0]])
"""
    ),
    code(
        """
via_sigmoid = ...   # (a) a number
via_logits = ...    # (b) a number
check.from_logits(via_sigmoid, via_logits)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**7.** 다음 문제마다 알맞은 Keras 손실 문자열을 고르세요. (a) 집값 예측 (b) 메일이 스팸인지 아닌지 (c) MNIST 숫자 분류, 레이블이 `y_train`처럼 정수 (d) 사진에 들어 있는 물체를 모두 표시하기 (e) (c)와 같지만 레이블을 원-핫으로 바꾼 경우. 고를 수 있는 것: `"mse"`, `"binary_crossentropy"`, `"categorical_crossentropy"`, `"sparse_categorical_crossentropy"`.
""",
        en=r"""
**7.** Pick the Keras loss string for each problem: (a) predicting house prices; (b) spam or not spam; (c) MNIST digits with integer labels like `y_train`; (d) tagging every object that appears in a photo; (e) as (c) but with one-hot labels. Choose from `"mse"`, `"binary_crossentropy"`, `"categorical_crossentropy"`, `"sparse_categorical_crossentropy"`.
""",
    ),
    code(
        """
answer = {"a": ..., "b": ..., "c": ..., "d": ..., "e": ...}
check.loss_names(answer)
""",
        tags=["exercise"],
    ),
    # -------------------------------------------------------------- solutions
    md(
        ko=r"""
(ko-01-solutions)=
## 풀이

먼저 스스로 풀어 보세요. 풀이마다 설명과 코드가 따로 접혀 있습니다(「N번 풀이 보기」, 「풀이 코드 보기」). 풀이 코드는 답을 정의하고 같은 검사를 불러 ✅를 냅니다.

**1.** 식을 그대로 옮기면 됩니다. 샘플 하나이므로 배치 크기로 나눌 필요가 없습니다.
""",
        en=r"""
(en-01-solutions)=
## Solutions

Try on your own first. Each solution's explanation and code are folded separately (“Show solution N”, “Show solution code”); the code defines the answer and calls the same check, which prints ✅.

**1.** The formula as written; one sample, so there is no batch size to divide by.
""",
    ),
    code(
        """
def my_sse(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    return 0.5 * np.sum((y_pred - y_true) ** 2)


check.sum_squared_error_fn(my_sse)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**2.** $t_k = 0$인 항은 빼고 더합니다. $\delta$가 있으니 정답 확률이 0이어도 $-\log 10^{-7} \approx 16.118$에서 멈춥니다.
""",
        en=r"""
**2.** Leave out the $t_k = 0$ terms; thanks to $\delta$ a zero probability for the correct class stops at $-\log 10^{-7} \approx 16.118$.
""",
    ),
    code(
        """
def my_cee(y_true, y_pred):
    delta = 1e-7
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    hit = y_true > 0
    return -np.sum(y_true[hit] * np.log(y_pred[hit] + delta))


check.cross_entropy_error_fn(my_cee)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**3.** 교차 엔트로피는 정답 클래스의 확률(둘 다 0.6)만 보므로 두 예측에 같은 값을 줍니다. 오차 제곱합은 나머지 0.4가 어떻게 퍼졌는지도 봅니다. `y_a`는 $\frac12(0.4^2 + 0.4^2) = 0.16$, `y_b`는 $\frac12(0.4^2 + 4 \times 0.1^2) = 0.10$이라, 0.4를 한 클래스에 몰아준 `y_a`가 더 나쁩니다.
""",
        en=r"""
**3.** The cross-entropy sees only the correct-class probability (0.6 in both), so it scores them the same. The sum of squared errors also sees how the remaining 0.4 is spread: `y_a` scores $\frac12(0.4^2 + 0.4^2) = 0.16$ and `y_b` $\frac12(0.4^2 + 4 \times 0.1^2) = 0.10$, so `y_a`, which puts all of the 0.4 on one class, is worse.
""",
    ),
    code(
        """
t6, y_a, y_b = check.two_predictions_data()   # the data of the exercise cell
sse_a = losses.sum_squared_error(t6, y_a)
sse_b = losses.sum_squared_error(t6, y_b)
cee_a = losses.cross_entropy_error(t6, y_a)
cee_b = losses.cross_entropy_error(t6, y_b)
print(f"SSE: y_a {sse_a:.4f}, y_b {sse_b:.4f}   CEE: y_a {cee_a:.4f}, y_b {cee_b:.4f}")
check.two_predictions(sse_a, sse_b, cee_a, cee_b)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**4.** `mean_squared_error`는 샘플마다 값 하나(모양 `(4,)`)를 돌려주므로 평균을 낸 뒤 $C/2$를 곱합니다.
""",
        en=r"""
**4.** `mean_squared_error` returns one value per sample (shape `(4,)`): average them, then multiply by $C/2$.
""",
    ),
    code(
        """
y_true, y_pred = check.mse_data()   # rng(1): y_pred first, then y_true
C = y_pred.shape[-1]
scaled = C / 2 * losses.mean_squared_error(y_true, y_pred).mean()
print(f"C/2 * mean(MSE)   = {scaled:.12f}")
print(f"sum_squared_error = {losses.sum_squared_error(y_true, y_pred):.12f}")
check.mse_vs_sse(scaled)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**5.** 샘플마다 손실을 구해 평균을 냅니다. 글의 `BCEE`로 계산해도 $10^{-7}$ 안쪽으로 같습니다. 정답 1에 0.30을 준 첫 샘플의 $-\log 0.3 \approx 1.20$이 다섯 샘플 손실의 합 $2.59$ 가운데 가장 큰 몫(46 %)을 차지하고, 평균 $0.518$은 앞의 두 예($0.107$, $0.035$)보다 훨씬 큽니다.
""",
        en=r"""
**5.** Average the per-sample losses; the post's `BCEE` agrees to within $10^{-7}$. The first sample, target 1 given 0.30, contributes the largest share, $-\log 0.3 \approx 1.20$ of the five samples' total $2.59$ (46 %), and the mean, $0.518$, is much larger than for the first two examples ($0.107$ and $0.035$).
""",
    ),
    code(
        """
targets5 = np.array([1, 0, 0, 1, 0])
third = np.array([0.30, 0.40, 0.20, 0.65, 0.2])
per_sample = losses.binary_crossentropy(targets5[:, None], third[:, None])
bce_third = per_sample.mean()
delta = 1e-7   # the post's BCEE: delta inside the logarithms
bcee = -np.mean(targets5 * np.log(third + delta) + (1 - targets5) * np.log(1 - third + delta))
print("per sample:", per_sample)
print(f"mean {bce_third:.6f}, the post's BCEE {bcee:.6f}")
check.bce_third_example(bce_third)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**6.** 확률 경로에서는 `losses.binary_crossentropy`가 Keras처럼 확률을 $[10^{-7}, 1-10^{-7}]$로 자르므로, 1에 너무 가까운 $\sigma(30)$이 $1-10^{-7}$이 되고 손실이 $-\log 10^{-7} \approx 16.118$에 묶입니다. 로짓 경로는 참값 $\log(1+e^{30}) \approx 30$을 냅니다. 식 $-\log(1-\sigma(30))$을 float64로 직접 계산하면 자르지 않으므로 $30.001$이 나옵니다. $1-\sigma(30) \approx 9.35\times10^{-14}$에 반올림 오차가 섞여 참값과 조금 다릅니다. Keras의 기본 float32에서는 $1-10^{-7}$이 $1-1.19\times10^{-7}$로 반올림되어, 이쪽 손실의 상한이 $15.94$입니다.
""",
        en=r"""
**6.** On the probability path `losses.binary_crossentropy` clips probabilities to $[10^{-7}, 1-10^{-7}]$ as Keras does, so $\sigma(30)$, very close to 1, becomes $1-10^{-7}$ and the loss is capped at $-\log 10^{-7} \approx 16.118$; the logit path gives the true $\log(1+e^{30}) \approx 30$. The formula $-\log(1-\sigma(30))$ evaluated directly in float64 does not clip and gives $30.001$: $1-\sigma(30) \approx 9.35\times10^{-14}$ carries a rounding error. In Keras's default float32, $1-10^{-7}$ rounds to $1-1.19\times10^{-7}$, which caps the loss on this side at $15.94$.
""",
    ),
    code(
        """
z30 = np.array([[30.0]])
t0 = np.array([[0.0]])
via_sigmoid = losses.binary_crossentropy(t0, sigmoid(z30))[0]
via_logits = losses.binary_crossentropy(t0, z30, from_logits=True)[0]
print(f"(a) via sigmoid : {via_sigmoid:.6f}")
print(f"(b) from_logits : {via_logits:.6f}")
print(f"exact           : {np.log1p(np.exp(30.0)):.6f}")
check.from_logits(via_sigmoid, via_logits)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**7.** (a) 회귀, 항등 출력: `"mse"`(이상치가 많으면 `"mae"`도 맞습니다). (b) 시그모이드 하나. (c) 소프트맥스 10개, 정수 레이블. (d) 클래스마다 시그모이드, 여러 클래스가 동시에 1일 수 있음. (e) 원-핫 레이블: (c)와 같은 값을 계산합니다.
""",
        en=r"""
**7.** (a) Regression with an identity output: `"mse"` (`"mae"` is accepted too, for data with many outliers). (b) One sigmoid. (c) A 10-way softmax with integer labels. (d) One sigmoid per class; several classes may be 1 at once. (e) One-hot labels: the same value as (c).
""",
    ),
    code(
        """
answer = {
    "a": "mse",
    "b": "binary_crossentropy",
    "c": "sparse_categorical_crossentropy",
    "d": "binary_crossentropy",
    "e": "categorical_crossentropy",
}
check.loss_names(answer)
""",
        tags=["solution", "hide-cell"],
    ),
]
