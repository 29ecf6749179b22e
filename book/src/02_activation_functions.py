"""Chapter 2: activation functions (grows from source post 001)."""

from cells import code, md

TITLE = {"ko": "활성화 함수", "en": "Activation functions"}

CELLS = [
    md(
        ko=r"""
## 학습 목표

- 뉴런이 가중합 $z = \mathbf{w}\cdot\mathbf{x} + b$ 뒤에 **활성화 함수(activation function)** $\varphi$를 두는 이유를 설명한다.
- 활성화 함수 없이 층을 쌓으면 결국 선형 층 하나와 같다는 것을 행렬 두 개로 직접 확인한다.
- 계단(step), 시그모이드(sigmoid), tanh, ReLU, Leaky ReLU, 소프트맥스(softmax)의 식과 도함수를 쓰고 그래프로 비교한다.
- 포화(saturation)와 기울기 소실(vanishing gradient)이 왜 생기는지 시그모이드 도함수의 최댓값 $0.25$로 설명한다.
- 소프트맥스를 그대로 계산하면 왜 `nan`이 나오는지, 최댓값 빼기로 어떻게 고치는지 보인다.
""",
        en=r"""
## Learning goals

- Explain why a neuron applies an **activation function** $\varphi$ after its weighted sum $z = \mathbf{w}\cdot\mathbf{x} + b$.
- Check with two weight matrices that stacking layers without an activation gives just one linear layer.
- Write down the step, sigmoid, tanh, ReLU, Leaky ReLU and softmax functions and their derivatives, and compare them in plots.
- Explain saturation and vanishing gradients from the fact that the sigmoid's derivative is at most $0.25$.
- Show why a naive softmax returns `nan` for large inputs and how subtracting the maximum fixes it.
""",
    ),
    code(
        """
import inspect

import matplotlib.pyplot as plt
import numpy as np

import lossbook
from lossbook import activations
from lossbook.exercises import ch02 as check
from lossbook.plotting import setup, tr

setup()
np.set_printoptions(precision=6, suppress=True)
rng = np.random.default_rng(0)
"""
    ),
    md(
        ko=r"""
## 뉴런 하나가 하는 일

인공 뉴런은 입력 $x_1,\dots,x_n$에 가중치(weight) $w_i$를 곱해 더하고 편향(bias) $b$를 더한 뒤,
그 합을 활성화 함수에 넣습니다.

$$
z = \sum_{i=1}^{n} w_i x_i + b, \qquad a = \varphi(z).
$$

가중치는 입력 하나하나가 출력에 얼마나 영향을 주는지 정하고, 편향은 뉴런이 얼마나 쉽게 "켜지는지"를 정합니다.
생물의 뉴런이 자극이 어느 정도를 넘을 때만 신호를 내보내는 것에서 따온 그림이지만,
수학적으로 중요한 것은 하나입니다. **$\varphi$가 선형이 아니어야 층을 쌓는 의미가 생긴다**는 점입니다.
""",
        en=r"""
## What one neuron computes

An artificial neuron multiplies its inputs $x_1,\dots,x_n$ by **weights** $w_i$, adds them up together with a
**bias** $b$, and passes the sum through an activation function:

$$
z = \sum_{i=1}^{n} w_i x_i + b, \qquad a = \varphi(z).
$$

The weights decide how strongly each input moves the output; the bias decides how easily the neuron
"fires". The picture comes from biological neurons that only send a signal when the stimulus is strong
enough, but mathematically one thing matters most: **$\varphi$ must be nonlinear, or stacking layers buys
nothing**.
""",
    ),
    md(
        ko=r"""
## 왜 비선형이어야 할까

선형 함수 $f(x) = ax$를 세 번 합성하면 $f(f(f(x))) = a^3 x$로 다시 선형 함수 하나입니다.
층(layer)도 마찬가지입니다. 활성화 함수 없는 두 층

$$
\mathbf{h} = \mathbf{x} W_1 + \mathbf{b}_1, \qquad \mathbf{y} = \mathbf{h} W_2 + \mathbf{b}_2
$$

을 풀어 쓰면

$$
\mathbf{y} = \mathbf{x}\,\underbrace{(W_1 W_2)}_{W} + \underbrace{(\mathbf{b}_1 W_2 + \mathbf{b}_2)}_{\mathbf{b}}
$$

이므로 층 하나 $\mathbf{x}W + \mathbf{b}$와 똑같습니다. 무작위 행렬로 확인해 봅시다.
""",
        en=r"""
## Why the activation must be nonlinear

Composing the linear function $f(x) = ax$ three times gives $f(f(f(x))) = a^3 x$: again one linear function.
Layers behave the same way. Two layers without an activation,

$$
\mathbf{h} = \mathbf{x} W_1 + \mathbf{b}_1, \qquad \mathbf{y} = \mathbf{h} W_2 + \mathbf{b}_2,
$$

expand to

$$
\mathbf{y} = \mathbf{x}\,\underbrace{(W_1 W_2)}_{W} + \underbrace{(\mathbf{b}_1 W_2 + \mathbf{b}_2)}_{\mathbf{b}},
$$

which is the single layer $\mathbf{x}W + \mathbf{b}$. Let us check it with random matrices.
""",
    ),
    code(
        """
X = rng.normal(size=(5, 3))                # 5 samples, 3 features
W1, b1 = rng.normal(size=(3, 4)), rng.normal(size=4)
W2, b2 = rng.normal(size=(4, 2)), rng.normal(size=2)

two_layers = (X @ W1 + b1) @ W2 + b2       # no activation in between
W, b = W1 @ W2, b1 @ W2 + b2               # the collapsed single layer
one_layer = X @ W + b

print("W = W1 @ W2, shape", W.shape)
print(f"max |two layers - one layer| = {np.max(np.abs(two_layers - one_layer)):.1e}")
"""
    ),
    md(
        ko=r"""
차이는 부동소수점 반올림 수준($10^{-16}$ 정도)입니다. 이제 두 층 사이에 ReLU를 넣고,
같은 입력·출력 쌍에 가장 잘 맞는 선형 층 하나를 최소제곱법(least squares)으로 찾아 봅시다.
ReLU가 있으면 어떤 $W, \mathbf{b}$로도 정확히 맞출 수 없습니다.
""",
        en=r"""
The difference is at the level of floating-point rounding (about $10^{-16}$). Now put a ReLU between the
two layers and look for the single linear layer that fits the same input/output pairs best (least
squares). With the ReLU in place, no $W, \mathbf{b}$ fits exactly.
""",
    ),
    code(
        """
X = rng.normal(size=(200, 3))
with_relu = activations.relu(X @ W1 + b1) @ W2 + b2
without = (X @ W1 + b1) @ W2 + b2

X1 = np.hstack([X, np.ones((len(X), 1))])  # a column of ones for the bias
for name, target in [("no activation", without), ("ReLU in between", with_relu)]:
    coef = np.linalg.lstsq(X1, target, rcond=None)[0]
    rms = np.sqrt(np.mean((X1 @ coef - target) ** 2))
    print(f"{name:16s} best single linear layer: RMS error = {rms:.2e}")
"""
    ),
    md(
        ko=r"""
활성화 함수가 없으면 잔차가 0(반올림 오차 수준)이고, ReLU가 있으면 뚜렷하게 남습니다.
비선형 함수 하나가 들어가야 여러 층이 "층 하나로는 표현할 수 없는 것"을 표현할 수 있습니다.

## 여러 가지 활성화 함수

`lossbook.activations`에는 이 장의 함수와 그 도함수가 `<이름>_grad`로 들어 있습니다.
Keras와 같은 이름을 쓰므로 `activations.get("relu")`처럼 문자열로도 찾을 수 있습니다.

| 이름 | $\varphi(z)$ | $\varphi'(z)$ | 출력 범위 |
|---|---|---|---|
| 계단 (step) | $1$ if $z>0$ else $0$ | $0$ ($z\ne 0$), $z=0$에서 정의 안 됨 | $\{0, 1\}$ |
| 시그모이드 (sigmoid) | $\sigma(z)=\dfrac{1}{1+e^{-z}}$ | $\sigma(z)\,(1-\sigma(z))$ | $(0, 1)$ |
| tanh | $\tanh z=\dfrac{e^{z}-e^{-z}}{e^{z}+e^{-z}}$ | $1-\tanh^2 z$ | $(-1, 1)$ |
| ReLU | $\max(0, z)$ | $1$ ($z>0$), $0$ ($z<0$) | $[0, \infty)$ |
| Leaky ReLU | $z$ ($z>0$), $\alpha z$ ($z\le 0$) | $1$ ($z>0$), $\alpha$ ($z<0$) | $(-\infty, \infty)$ |

$z=0$에서 미분할 수 없는 함수(계단, ReLU, Leaky ReLU)는 관례로 한쪽 값을 씁니다. `lossbook`은
계단과 ReLU에서 $0$을 씁니다(JAX·Keras의 ReLU도 같습니다).
""",
        en=r"""
Without an activation the residual is zero (rounding level); with the ReLU a clear error remains. One
nonlinear function between the layers is what lets a stack of layers express things that a single layer
cannot.

## A zoo of activation functions

`lossbook.activations` holds this chapter's functions and their derivatives as `<name>_grad`. The
names are Keras's, so `activations.get("relu")` finds a function by its string identifier too.

| name | $\varphi(z)$ | $\varphi'(z)$ | output range |
|---|---|---|---|
| step | $1$ if $z>0$ else $0$ | $0$ ($z\ne 0$), undefined at $z=0$ | $\{0, 1\}$ |
| sigmoid | $\sigma(z)=\dfrac{1}{1+e^{-z}}$ | $\sigma(z)\,(1-\sigma(z))$ | $(0, 1)$ |
| tanh | $\tanh z=\dfrac{e^{z}-e^{-z}}{e^{z}+e^{-z}}$ | $1-\tanh^2 z$ | $(-1, 1)$ |
| ReLU | $\max(0, z)$ | $1$ ($z>0$), $0$ ($z<0$) | $[0, \infty)$ |
| Leaky ReLU | $z$ ($z>0$), $\alpha z$ ($z\le 0$) | $1$ ($z>0$), $\alpha$ ($z<0$) | $(-\infty, \infty)$ |

Functions that are not differentiable at $z=0$ (step, ReLU, Leaky ReLU) use one of the one-sided values
by convention; `lossbook` uses $0$ for the step and for ReLU (as JAX's and Keras's ReLU do).
""",
    ),
    code(
        """
z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
print("z          ", z)
for name in ["step", "sigmoid", "tanh", "relu", "leaky_relu"]:
    f, df = activations.get(name), activations.get_grad(name)
    print(f"{name:11s}", f(z), " derivative", df(z))
"""
    ),
    md(
        ko=r"""
Leaky ReLU의 음수 쪽 기울기 $\alpha$는 함수 `keras.activations.leaky_relu`의 기본값 `negative_slope=0.2`를 따릅니다. 주의할 점: Keras 3의 **층** `keras.layers.LeakyReLU`는 기본값이 `negative_slope=0.3`으로 다릅니다. `Dense(..., activation="leaky_relu")`처럼 문자열로 쓰면 0.2, `LeakyReLU()` 층을 따로 쌓으면 0.3입니다.
이제 각 함수(실선)와 도함수(점선)를 그려 봅시다.
""",
        en=r"""
Leaky ReLU's slope $\alpha$ on the negative side follows the default of the function `keras.activations.leaky_relu`, `negative_slope=0.2`. Beware: Keras 3's **layer** `keras.layers.LeakyReLU` defaults to `negative_slope=0.3`. Writing `Dense(..., activation="leaky_relu")` gives 0.2; stacking a separate `LeakyReLU()` layer gives 0.3.
Now plot each function (solid) with its derivative (dashed).
""",
    ),
    code(
        """
zs = np.linspace(-6, 6, 601)
names = ["step", "sigmoid", "tanh", "relu", "leaky_relu"]
fig, axes = plt.subplots(1, 5, figsize=(15, 3.2), sharex=True)
for ax, name in zip(axes, names):
    ax.plot(zs, activations.get(name)(zs), label=tr("함수", "function"))
    ax.plot(zs, activations.get_grad(name)(zs), "--", label=tr("도함수", "derivative"))
    ax.axhline(0, color="gray", lw=0.5)
    ax.axvline(0, color="gray", lw=0.5)
    ax.set_title(name)
    ax.set_xlabel("z")
    ax.set_ylim(-1.5, 2.5)
axes[0].legend(loc="upper left")
fig.tight_layout()
plt.show()
""",
        alt={"ko": "z가 -6에서 6까지일 때 다섯 활성화 함수(실선)와 도함수(점선). 계단은 0에서 1로 뛰고 도함수는 0, "
                   "시그모이드와 tanh는 S자이며 도함수는 z = 0에서 가장 높은 종 모양, ReLU는 0에서 꺾이고 "
                   "도함수는 0에서 1로 뛰며, Leaky ReLU는 음수 쪽에 기울기 0.2가 남는다.",
             "en": "Five activation functions (solid) and their derivatives (dashed) for z from -6 to 6. "
                   "The step jumps from 0 to 1 and its derivative is 0; sigmoid and tanh are S-shaped with "
                   "bell-shaped derivatives peaking at z = 0; ReLU bends at 0 and its derivative jumps from "
                   "0 to 1; Leaky ReLU keeps a slope of 0.2 on the negative side."},
        caption={"ko": "활성화 함수와 도함수", "en": "Activation functions and their derivatives"},
        name="fig-activations",
    ),
    md(
        ko=r"""
### 계단 함수: 비선형이지만 학습 신호가 없다

계단 함수는 퍼셉트론(다음 장)의 활성화 함수입니다. 그래프가 $z=0$에서 끊겨 있으니 분명히 **비선형**입니다.
그런데 도함수가 $z=0$을 빼고 모든 곳에서 $0$이므로, 미분으로 가중치를 고치는 경사 하강법과 역전파(backpropagation)에는
아무 정보도 주지 못합니다.

```{admonition} 바로잡기: 계단 함수를 쓰지 않는 이유
:class: warning
{ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`은 "계단 함수는 미분을 할 수가 없어서" 다층 퍼셉트론에 쓰지 않는다고 설명합니다.
하지만 계단 함수는 $z=0$ 한 점을 빼면 어디서나 미분할 수 있고, 그 도함수가 **항상 0** 입니다.
문제는 "미분할 수 없다"가 아니라 "미분해도 0이라 기울기가 전달되지 않는다"입니다.
실제로 ReLU도 $z=0$에서 미분할 수 없지만 널리 쓰입니다. 위 표의 `step` 도함수 줄(모두 `0.`)이 그 증거입니다.
```

### 시그모이드: 매끄럽지만 쉽게 포화된다

시그모이드는 계단을 매끄럽게 만든 함수로, 출력이 $0$과 $1$ 사이의 연속적인 값입니다.
몫의 미분으로 도함수를 구하면

$$
\sigma'(z) = \frac{e^{-z}}{(1+e^{-z})^2}
= \frac{1}{1+e^{-z}}\cdot\frac{e^{-z}}{1+e^{-z}}
= \sigma(z)\,\bigl(1-\sigma(z)\bigr)
$$

이고, $\sigma(0)=\tfrac12$에서 최댓값 $\tfrac12\cdot\tfrac12 = 0.25$를 가집니다.
$|z|$가 커지면 $\sigma$가 $0$ 또는 $1$에 붙어 버리고(포화), 도함수는 $0$에 가까워집니다.
""",
        en=r"""
### The step: nonlinear, but no learning signal

The step is the activation of the perceptron (next chapter). Its graph has a jump, so it is clearly
**nonlinear**. But its derivative is $0$ everywhere except at $z=0$, so it tells gradient descent and
backpropagation nothing about how to change the weights.

```{admonition} Correction: why the step is not used in multilayer networks
:class: warning
{ref}`The “What would I say, chapter 2” post <en-post-what-would-i-say>` says the step function is not used in multilayer perceptrons "because it cannot be
differentiated". In fact the step is differentiable everywhere except at the single point $z=0$, and its
derivative there is **always 0**. The problem is not "no derivative" but "a derivative of zero that passes
no gradient back". ReLU is not differentiable at $z=0$ either, and it is used everywhere. The `step`
derivative row printed above (all `0.`) shows it.
```

### Sigmoid: smooth, but it saturates

The sigmoid is a smoothed step: its output is a continuous value between $0$ and $1$. The quotient rule
gives

$$
\sigma'(z) = \frac{e^{-z}}{(1+e^{-z})^2}
= \frac{1}{1+e^{-z}}\cdot\frac{e^{-z}}{1+e^{-z}}
= \sigma(z)\,\bigl(1-\sigma(z)\bigr),
$$

with its maximum $\tfrac12\cdot\tfrac12 = 0.25$ at $\sigma(0)=\tfrac12$. For large $|z|$ the sigmoid
sticks to $0$ or $1$ (it **saturates**) and its derivative goes to $0$.
""",
    ),
    code(
        """
zs = np.linspace(-10, 10, 2001)
d = activations.sigmoid_grad(zs)
print(f"max sigmoid'(z) = {d.max():.6f} at z = {zs[d.argmax()]:.1f}")
for zi in [0.0, 2.0, 5.0, 10.0]:
    print(f"z = {zi:4.1f}: sigmoid = {activations.sigmoid(zi):.6f}, "
          f"sigmoid' = {activations.sigmoid_grad(zi):.3e}")
"""
    ),
    md(
        ko=r"""
{ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`에는 "다층 퍼셉트론에서는 활성화 함수로 **선형 함수인** 시그모이드 함수를 쓰게 돼"라는 문장이 있습니다.
시그모이드는 **비선형** 함수입니다. 선형이라면 $\sigma(2z) = 2\sigma(z)$, $\sigma(a+b)=\sigma(a)+\sigma(b)$가
성립해야 하는데, 아래 셀에서 보듯 성립하지 않습니다. 비선형이기 때문에 은닉층 활성화 함수로 쓸 수 있는 것입니다.
""",
        en=r"""
{ref}`The “What would I say, chapter 2” post <en-post-what-would-i-say>` says that multilayer perceptrons use "the sigmoid, **a linear function**" as their
activation. The sigmoid is **nonlinear**. A linear function would satisfy $\sigma(2z) = 2\sigma(z)$ and
$\sigma(a+b)=\sigma(a)+\sigma(b)$; the next cell shows that it does not. Being nonlinear is exactly why it
can serve as a hidden-layer activation.
""",
    ),
    code(
        """
s = activations.sigmoid
print(f"sigmoid(2*1)   = {s(2.0):.6f}   2*sigmoid(1)      = {2 * s(1.0):.6f}")
print(f"sigmoid(1 + 2) = {s(3.0):.6f}   sigmoid(1)+sig(2) = {s(1.0) + s(2.0):.6f}")
"""
    ),
    md(
        ko=r"""
같은 글은 시그모이드의 "출력의 평균값은 0.5"라고 합니다. 참인 것은 그래프가 점 $(0, 0.5)$에 대해
대칭이라는 것, 즉 $\sigma(-z) = 1-\sigma(z)$뿐입니다. 출력의 평균은 입력 분포에 따라 달라집니다.
입력이 0을 중심으로 대칭일 때만 평균이 $0.5$이고, 예를 들어 입력이 평균 1인 정규분포를 따르면 평균은 약 $0.70$입니다(아래 셀).
tanh의 "평균 0"도 같은 뜻으로 읽어야 합니다: $\tanh(-z) = -\tanh z$라서 0을 중심으로 한다(zero-centred)는 뜻입니다.
""",
        en=r"""
The same post says the sigmoid's "mean output is 0.5". What is true is that the graph is symmetric about
the point $(0, 0.5)$: $\sigma(-z) = 1-\sigma(z)$. The mean of the outputs depends on the inputs: it is
$0.5$ only when the inputs are symmetric around 0; for normally distributed inputs with mean 1, for
example, it is about $0.70$ (next cell). The "mean 0" of tanh should be read the same way: $\tanh(-z) =
-\tanh z$, so tanh is zero-centred.
""",
    ),
    code(
        """
z_sym = rng.normal(0.0, 1.0, size=100_000)
z_shift = rng.normal(1.0, 1.0, size=100_000)
print(f"mean sigmoid(z), z ~ N(0, 1): {activations.sigmoid(z_sym).mean():.3f}")
print(f"mean sigmoid(z), z ~ N(1, 1): {activations.sigmoid(z_shift).mean():.3f}")
"""
    ),
    md(
        ko=r"""
### 기울기 소실: $0.25$를 열 번 곱하면

역전파에서는 연쇄 법칙(chain rule)에 따라 층마다 활성화 함수의 도함수가 한 번씩 곱해집니다.
시그모이드 층이 $L$ 개라면 (가중치 부분을 빼고 보아도) 앞쪽 층까지 전달되는 기울기에는

$$
\prod_{l=1}^{L} \sigma'(z_l) \;\le\; 0.25^{L}
$$

이 곱해집니다. $L=10$이면 가장 좋은 경우에도 $0.25^{10} \approx 9.5\times10^{-7}$입니다.
실제 $z_l$은 $0$이 아니므로 보통 훨씬 더 작습니다. 이것이 **기울기 소실(vanishing gradient)** 입니다.
tanh의 도함수는 최댓값이 $1$로 시그모이드의 4배이지만, 그만큼 덜 겪는 것은 $z$가 작을 때뿐입니다.
$\tanh'(z) = 4\sigma'(2z)$라서 두 배 빨리 포화되고, $\lvert z\rvert > 1.66$이면 오히려 $\sigma'(z)$보다 작습니다(아래 셀).
ReLU는 $z>0$에서 도함수가 정확히 $1$이라 곱해도 줄어들지 않습니다.
""",
        en=r"""
### Vanishing gradients: $0.25$ multiplied ten times

In backpropagation the chain rule multiplies in the activation's derivative once per layer. With $L$
sigmoid layers, the gradient reaching the first layers carries (leaving the weights aside) the factor

$$
\prod_{l=1}^{L} \sigma'(z_l) \;\le\; 0.25^{L}.
$$

For $L=10$, even in the best case this is $0.25^{10} \approx 9.5\times10^{-7}$; real $z_l$ are not $0$, so
it is usually much smaller. This is the **vanishing gradient** problem. The tanh derivative peaks at $1$,
four times the sigmoid's, but that helps only while $z$ is small: $\tanh'(z) = 4\sigma'(2z)$ saturates twice
as fast and is *smaller* than $\sigma'(z)$ once $\lvert z\rvert > 1.66$ (next cell). ReLU's derivative is exactly $1$ for
$z>0$, so multiplying it does not shrink anything.
""",
    ),
    code(
        """
L = 10
z_layers = rng.normal(0.0, 2.0, size=L)    # pre-activations met on the way back
print("z per layer:", z_layers)
print(f"best case 0.25**{L}            = {0.25 ** L:.3e}")
for name in ["sigmoid", "tanh", "relu"]:
    factors = activations.get_grad(name)(z_layers)
    label = name + "'"
    print(f"product of {label:9s} over {L} layers = {np.prod(factors):.3e}")
"""
    ),
    md(
        ko=r"""
ReLU의 곱이 $0$인 것은 $z<0$인 층이 하나라도 있기 때문입니다. 그 뉴런은 이 샘플에 대해서는 기울기를
전혀 받지 못합니다. 음수에서 0을 내는 것은 모든 ReLU가 하는 일이고, 문제는 어떤 뉴런의 사전 활성화 $z$가
(거의) **모든** 입력에서 음수가 될 때입니다. 그러면 어느 샘플에서도 기울기를 받지 못해 가중치가 더는 바뀌지 않으므로,
이런 뉴런을 "죽은 ReLU(dying ReLU)"라고 부릅니다. Leaky ReLU는 음수 쪽에도 작은 기울기 $\alpha$를 주어 이 문제를 누그러뜨립니다.

같은 글은 시그모이드 출력이 모두 양수이므로 업데이트가 "원래 가중치 − (양수)" 꼴이 되기 쉽다고 합니다.
정확한 내용은 이렇습니다. 다음 층 뉴런의 가중치 기울기는 $\partial L/\partial w_i = \delta \cdot a_i$
($\delta$는 그 뉴런으로 들어온 기울기, $a_i$는 입력)입니다. 입력 $a_i$가 모두 양수이면, 한 샘플에 대해
이 뉴런의 모든 $w_i$의 기울기가 $\delta$와 **같은 부호**를 가집니다. 부호 자체는 $\delta$에 따라 양수일 수도
음수일 수도 있습니다. 그래서 모든 가중치가 함께 커지거나 함께 작아지는 방향으로만 움직여 지그재그로 수렴이 느려지는 것이지,
가중치가 늘 줄어드는 것이 아닙니다(아래 셀). 0을 중심으로 하는 tanh가 이 문제를 덜 겪습니다 {cite}`karpathy2016cs231n`.
""",
        en=r"""
ReLU's product is $0$ because at least one layer has $z<0$: that neuron passes no gradient at all for
this sample. Outputting 0 for negative inputs is what every ReLU does; the trouble starts when a neuron's
pre-activation $z$ is negative for (nearly) **all** inputs. Then no sample sends it a gradient and its weights stop
changing for good: a "dead" (dying) ReLU. Leaky ReLU
softens this by giving the negative side a small slope $\alpha$.

The post says that because the sigmoid's outputs are all positive, updates tend to be "old weight −
(a positive number)". Precisely: the gradient of a next-layer neuron's weight is
$\partial L/\partial w_i = \delta \cdot a_i$ ($\delta$ is the gradient arriving at that neuron, $a_i$ its
input). If all inputs $a_i$ are positive, then for one sample all the $w_i$ of that neuron get gradients
with the **same sign** as $\delta$ — which can be positive or negative. So all weights of the neuron move
up together or down together, which causes zig-zagging and slow convergence; the weights do not always
decrease (next cell). Zero-centred tanh suffers less from this {cite}`karpathy2016cs231n`.
""",
    ),
    code(
        """
a = activations.sigmoid(rng.normal(size=4))   # inputs of the next neuron: all positive
for delta in [0.7, -0.3]:                      # two possible upstream gradients
    print(f"delta = {delta:+.1f}: dL/dw = delta * a =", delta * a)
"""
    ),
    md(
        ko=r"""
### tanh: 0을 중심으로 하는 시그모이드

$\tanh z = 2\sigma(2z) - 1$이므로 tanh는 시그모이드를 늘리고 옮긴 모양이며, 출력은 $(-1, 1)$입니다.
도함수는

$$
\frac{d}{dz}\tanh z = \frac{(e^{z}+e^{-z})^2-(e^{z}-e^{-z})^2}{(e^{z}+e^{-z})^2} = 1 - \tanh^2 z
$$

이고 $z=0$에서 최댓값 $1$입니다.

글의 tanh 코드는 `(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))`를 그대로 계산합니다.
그림을 그린 $[-10, 10]$에서는 괜찮지만, $|x| \gtrsim 710$이면 `np.exp`가 `inf`로 넘쳐 `inf/inf = nan`이
됩니다(아래 셀). `np.tanh`나 `lossbook.activations.tanh`는 큰 입력에서도 $\pm1$을 돌려줍니다.
""",
        en=r"""
### tanh: a zero-centred sigmoid

Since $\tanh z = 2\sigma(2z) - 1$, tanh is a stretched and shifted sigmoid with outputs in $(-1, 1)$. Its
derivative is

$$
\frac{d}{dz}\tanh z = \frac{(e^{z}+e^{-z})^2-(e^{z}-e^{-z})^2}{(e^{z}+e^{-z})^2} = 1 - \tanh^2 z,
$$

with maximum $1$ at $z=0$.

The post's tanh code evaluates `(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))` literally. That is
fine on the plotted range $[-10, 10]$, but for $|x| \gtrsim 710$ `np.exp` overflows to `inf` and
`inf/inf` gives `nan` (next cell). `np.tanh` and `lossbook.activations.tanh` return $\pm1$ for large inputs.
""",
    ),
    code(
        """
x = np.array([-1000.0, -10.0, 0.5, 10.0, 1000.0])
with np.errstate(over="ignore", invalid="ignore"):  # the naive formula overflows on purpose
    naive = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
print("naive formula     :", naive)
print("activations.tanh  :", activations.tanh(x))
print(f"tanh(z) == 2*sigmoid(2z) - 1: "
      f"{np.allclose(activations.tanh(x), 2 * activations.sigmoid(2 * x) - 1, rtol=0, atol=1e-15)}")
"""
    ),
    md(
        ko=r"""
### ReLU와 Leaky ReLU

ReLU(Rectified Linear Unit) $\max(0, z)$는 "조각마다 선형(piecewise linear)"이지만 전체로는 비선형입니다.
지수 함수가 없어 계산이 싸고, $z>0$에서 기울기가 $1$이라 기울기 소실이 덜합니다.
$z=0$에서는 미분할 수 없으므로 관례로 도함수를 $0$으로 둡니다.
Leaky ReLU는 $z\le0$에서 $\alpha z$를 내보내 음수 쪽에도 기울기 $\alpha$가 남습니다.
""",
        en=r"""
### ReLU and Leaky ReLU

ReLU (rectified linear unit), $\max(0, z)$, is piecewise linear but nonlinear as a whole. It has no
exponential, so it is cheap, and its slope is $1$ for $z>0$, so gradients vanish less. It is not
differentiable at $z=0$; by convention its derivative there is taken to be $0$. Leaky ReLU outputs $\alpha z$
for $z\le0$, so a slope $\alpha$ remains on the negative side too.
""",
    ),
    code(
        """
z = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
print("relu           ", activations.relu(z), " relu'", activations.relu_grad(z))
print("leaky_relu     ", activations.leaky_relu(z), " leaky_relu'", activations.leaky_relu_grad(z))
print("leaky_relu 0.01", activations.leaky_relu(z, negative_slope=0.01))
"""
    ),
    md(
        ko=r"""
## 소프트맥스

다중 클래스 분류(multi-class classification)의 출력층에서는 점수(로짓, logit) $z_1,\dots,z_K$를
확률로 바꾸는 **소프트맥스(softmax)** 를 씁니다.

$$
\operatorname{softmax}(\mathbf{z})_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}
$$

- $e^{z}>0$이므로 모든 출력은 **0보다 크고**(입력이 음수여도), 합은 $1$입니다.
- 지수 함수는 증가 함수이므로 **가장 큰 값의 위치(argmax)는 바뀌지 않습니다.** 그래서 예측만 할 때는 소프트맥스를 생략하고 가장 큰 로짓을 고르기도 합니다.
- 모든 $z_k$에 같은 상수 $c$를 더해도 결과가 같습니다: $\dfrac{e^{z_k+c}}{\sum_j e^{z_j+c}} = \dfrac{e^{c}e^{z_k}}{e^{c}\sum_j e^{z_j}}$.
- 출력은 로짓의 **차이**에만 달려 있습니다. 차이가 크면 가장 큰 값에 확률이 몰리고, 차이가 작으면 고르게 퍼집니다.
""",
        en=r"""
## Softmax

The output layer of a multi-class classifier turns scores (**logits**) $z_1,\dots,z_K$ into probabilities
with the **softmax**:

$$
\operatorname{softmax}(\mathbf{z})_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}.
$$

- Since $e^{z}>0$, every output is **strictly positive** (even for negative inputs) and they sum to $1$.
- The exponential is increasing, so **the position of the largest value (the argmax) does not change**. That is why prediction sometimes skips the softmax and just picks the largest logit.
- Adding the same constant $c$ to every $z_k$ changes nothing: $\dfrac{e^{z_k+c}}{\sum_j e^{z_j+c}} = \dfrac{e^{c}e^{z_k}}{e^{c}\sum_j e^{z_j}}$.
- The output depends only on the **differences** of the logits: large differences concentrate the probability on the largest one, small differences spread it out.
""",
    ),
    code(
        """
for logits in ([0.1, 0.2, 0.3], [1.0, 2.0, 3.0], [10.0, 20.0, 30.0], [-3.0, -2.0, -1.0]):
    p = activations.softmax(np.array(logits))
    print(f"{str(logits):20s} -> {p}  sum = {p.sum():.6f}  argmax = {p.argmax()}")
"""
    ),
    md(
        ko=r"""
`[1, 2, 3]`과 `[-3, -2, -1]`은 차이가 같으므로 결과도 같습니다. 글처럼 "큰 수는 더 커지고 작은 수는 더 작아진다"고
말하기보다는, 로짓 사이의 **차이를 지수적으로 벌려 확률로 바꾼다**고 하는 편이 정확합니다.

```{admonition} 바로잡기: 소프트맥스 출력에 0이 나올 수 있을까
:class: warning
글은 소프트맥스를 적용한 출력의 예로 `[0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.8, 0.0, 0.1, 0.0]`을 듭니다.
수학적으로 소프트맥스의 출력은 유한한 입력에 대해 **언제나 0보다 큽니다**($e^{z}>0$). 하지만 컴퓨터에서는 다릅니다.
최댓값을 뺀 뒤의 $e^{z_k - \max z}$는 float64에서 $z_k$가 최댓값보다 약 745 넘게 작으면 가장 작은 양수보다도 작아져
**정확히 0** 으로 내려앉고(언더플로, underflow), float32에서는 차이가 약 104이면 벌써 그렇습니다(NumPy 기준. Keras를 JAX로 CPU에서 돌리면 XLA가 비정규 수를 0으로 버리므로, float32에서는 가장 작은 정규 수 $1.2\times10^{-38}$ 아래인 차이 약 87.3부터 0입니다). 아래 셀의 `softmax([0, 800])`이
`[0., 1.]`을 냅니다. 1장의 {ref}`부동소수점에서는 확률이 정확히 0이나 1이 된다 <ko-float-exact-0-1>`와 같은 이야기입니다.
그러니 글의 벡터는 반올림한 값이거나 손실 함수를 설명하려고 만든 예시 확률로 읽어야 합니다(0.1과 0.8 사이의 로짓 차이는 $\ln 8 \approx 2.1$뿐인데
0인 자리는 745 넘게 작아야 합니다). "6일 확률이 80%"라는 해석(0부터 센 인덱스 6이 가장 큼)은 맞습니다.
```

### 그대로 계산하면 넘친다

글의 소프트맥스는 `np.exp(a)`를 그대로 계산합니다. float64에서 `np.exp(710)`은 이미 `inf`이므로,
로짓이 크면 `inf / inf = nan`이 됩니다. 위의 "상수를 더해도 같다"는 성질에서 $c = -\max_j z_j$를 고르면
지수의 최댓값이 $e^0 = 1$이 되어 넘치지 않습니다 {cite}`saito2016dlfs`. 이 책의 예시 셀은 경고 문구가 출력에 섞이지 않도록
`np.errstate`로 경고만 끄고 결과는 그대로 보여 줍니다.
""",
        en=r"""
`[1, 2, 3]` and `[-3, -2, -1]` have the same differences, hence the same result. Rather than saying, as the
post does, that softmax "makes big numbers bigger and small numbers smaller", it is more accurate to
say that it **turns the differences between logits into probabilities, exponentially**.

```{admonition} Correction: can a softmax output be 0?
:class: warning
The post gives `[0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.8, 0.0, 0.1, 0.0]` as an example of a softmax
output. Mathematically, softmax outputs are **always strictly positive** for finite inputs ($e^{z}>0$). On a
computer they are not: after subtracting the maximum, $e^{z_k - \max z}$ falls below the smallest positive
float64 and **underflows to exactly 0** once $z_k$ is more than about 745 below the maximum (about 104 in
float32 with NumPy; Keras with JAX on the CPU flushes subnormal numbers to zero, so there a float32 output is already 0
at a gap of about 87.3, where $e^{-\text{gap}}$ drops below the smallest normal float32, $1.2\times10^{-38}$). The next cell shows `softmax([0, 800])` returning `[0., 1.]` — the same story as chapter 1's
{ref}`in floating point a probability can be exactly 0 or 1 <en-float-exact-0-1>`. So the post's vector is
best read as rounded, or as illustrative probabilities made up for the loss examples (the logits of 0.1 and
0.8 differ by only $\ln 8 \approx 2.1$, while the zeros would need gaps above 745). Its reading, "the
digit is 6 with probability 80%" (index 6, counting from 0, is the largest), is right.
```

### The naive formula overflows

The post's softmax computes `np.exp(a)` directly. In float64, `np.exp(710)` is already `inf`, so large
logits give `inf / inf = nan`. Choosing $c = -\max_j z_j$ in the shift property above makes the largest
exponential $e^0 = 1$, and nothing overflows {cite}`saito2016dlfs`. The example cell silences the warnings with `np.errstate`
only so that no warning text enters the output; the results are shown as they are.
""",
    ),
    code(
        """
print("float64 softmax([0, 800]):", activations.softmax(np.array([0.0, 800.0])))
for gap in [700.0, 745.0, 746.0]:
    p_small = activations.softmax(np.array([0.0, gap]))[0]
    print(f"  gap {gap:5.0f}: smaller probability = {float(p_small)!r}")
print("float32 softmax([0, 104]):", activations.softmax(np.array([0.0, 104.0], dtype=np.float32)))
p32 = activations.softmax(np.array([0.0, 103.0], dtype=np.float32))[0]
print(f"float32 gap 103: smaller probability = {float(p32)!r}")
"""
    ),
    md(
        ko=r"""
float64에서 간격 745까지는 아주 작은 양수(745에서는 가장 작은 비정규 수 `5e-324`)가 남고, 746부터는 정확히 0입니다. float32에서는 간격 103에서 약 `1.4e-45`(float32의 가장 작은 비정규 수), 104에서 0입니다. 이 비정규 수들은 NumPy가 남겨 두는 것이고, Keras(JAX, CPU)의 float32 소프트맥스는 간격 87.3에서 `1.2e-38`, 87.4에서 이미 0입니다.
""",
        en=r"""
In float64 a gap of up to 745 still leaves a tiny positive number (at 745 the smallest subnormal, `5e-324`); from 746 on it is exactly 0. In float32 a gap of 103 leaves about `1.4e-45` (the smallest float32 subnormal) and 104 gives 0. Those subnormals are NumPy's; Keras's float32 softmax (JAX, CPU) gives `1.2e-38` at a gap of 87.3 and already 0 at 87.4.
""",
    ),
    code(
        """
def naive_softmax(a):  # the post's version, for comparison only
    exp_a = np.exp(a)
    return exp_a / np.sum(exp_a)


big = np.array([1010.0, 1000.0, 990.0])
with np.errstate(over="ignore", invalid="ignore"):
    print("naive softmax       :", naive_softmax(big))
print("activations.softmax :", activations.softmax(big))
print("same as shifted     :", activations.softmax(big - big.max()))
"""
    ),
    md(
        ko=r"""
`lossbook`의 구현을 들여다봅시다. 함수 본문은 식 그대로이고, 최댓값을 빼는 줄이 첫 줄입니다. 입력 검사(유한한 수인지, `axis`가 올바른지)는 맨 위의 `@_checked`가 모든 활성화 함수에 대해 한곳에서 맡습니다.
""",
        en=r"""
Let us look inside `lossbook`. The body is the formula itself, and its first line subtracts the maximum. The input checks (finite numbers, a valid `axis`) are done in one place for every activation, by the `@_checked` line on top.
""",
    ),
    code(
        """
print(inspect.getsource(lossbook.activations.softmax))
"""
    ),
    md(
        ko=r"""
### 소프트맥스의 도함수

소프트맥스는 출력 하나가 모든 입력에 의존하므로 도함수가 야코비 행렬(Jacobian)입니다.
$s = \operatorname{softmax}(\mathbf{z})$라 하면

$$
\frac{\partial s_i}{\partial z_j} = s_i(\delta_{ij} - s_j),
\qquad J = \operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^{\top}.
$$

대각선 $s_i(1-s_i)$는 시그모이드 도함수와 같은 꼴입니다. 각 행의 합은 $0$입니다(확률의 합이 늘 1이므로).
""",
        en=r"""
### The derivative of softmax

Each softmax output depends on every input, so its derivative is a Jacobian matrix. With $s =
\operatorname{softmax}(\mathbf{z})$,

$$
\frac{\partial s_i}{\partial z_j} = s_i(\delta_{ij} - s_j),
\qquad J = \operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^{\top}.
$$

The diagonal $s_i(1-s_i)$ has the same form as the sigmoid's derivative. Every row sums to $0$ (the
probabilities always sum to 1).
""",
    ),
    code(
        """
z = np.array([1.0, 2.0, 3.0])
J = activations.softmax_jacobian(z)
print(J)
print("row sums:", J.sum(axis=1))
"""
    ),
    md(
        ko=r"""
## 활성화 함수가 없거나 선형이면

{ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`은 퍼셉트론에서 활성화 함수를 빼 보거나 $\varphi(z) = 2z+1$ 같은 선형 함수로 바꿔 봅니다.
선형 함수를 가중합 뒤에 붙여도 $2(\mathbf{w}\cdot\mathbf{x}+b)+1 = (2\mathbf{w})\cdot\mathbf{x} + (2b+1)$으로
**다시 가중합 하나**일 뿐이고, 출력이 $0/1$이 아닌 연속값이 됩니다. 글의 설정(학습률 0.2, 에포크 10, 0으로 초기화)
그대로 AND 게이트를 학습시켜 보면 다음과 같습니다. 마지막 열은 출력을 $0.5$에서 자른 것입니다. 학습 규칙 자체는 [다음 장](03_perceptron.ipynb)에서 한 줄씩 봅니다.
""",
        en=r"""
## No activation, or a linear one

{ref}`The “What would I say, chapter 2” post <en-post-what-would-i-say>` removes the perceptron's activation, or replaces it with a linear function such as
$\varphi(z) = 2z+1$. A linear function after the weighted sum gives
$2(\mathbf{w}\cdot\mathbf{x}+b)+1 = (2\mathbf{w})\cdot\mathbf{x} + (2b+1)$, which is **again just a
weighted sum**, and the output becomes a continuous value instead of $0/1$. Training the AND gate with the
post's settings (learning rate 0.2, 10 epochs, zero initial weights) gives the following; the last column
cuts the outputs at $0.5$. The [next chapter](03_perceptron.ipynb) walks through the learning rule itself line by line.
""",
    ),
    code(
        """
from lossbook.perceptron import Perceptron, logic_gate_data

X_and, y_and = logic_gate_data("and")
print("targets:", y_and)
for activation in ["step", None, "linear"]:
    p = Perceptron(2, learning_rate=0.2, epochs=10, activation=activation).fit(X_and, y_and)
    out = p.predict(X_and)
    print(f"activation={str(activation):7s} outputs {out}  cut at 0.5: {(out > 0.5).astype(int)}")
print("no activation, output for (0, 0) in full:",
      repr(Perceptron(2, activation=None).fit(X_and, y_and).predict(X_and[0])))
"""
    ),
    md(
        ko=r"""
## 요약

- 활성화 함수가 없거나 선형이면 층을 몇 개 쌓아도 선형 층 하나와 같습니다($W = W_1W_2$).
- 계단 함수는 비선형이지만 도함수가 0이라 기울기로 학습할 수 없습니다.
- 시그모이드는 $\sigma' = \sigma(1-\sigma) \le 0.25$라서 층을 거칠 때마다 기울기가 줄어듭니다(기울기 소실). tanh는 0을 중심으로 하고 도함수 최댓값이 1이지만, 두 배 빨리 포화되어 $\lvert z\rvert > 1.66$에서는 도함수가 시그모이드보다 작습니다.
- ReLU는 $z>0$에서 기울기 1로 소실을 줄이지만 $z<0$에서는 기울기가 0이고, Leaky ReLU가 이를 완화합니다(함수 기본값 0.2, Keras 층 기본값 0.3).
- 소프트맥스는 로짓을 확률로 바꾸며, 최댓값을 빼서 계산해야 넘침(`nan`) 없이 안정적입니다. 수학적으로는 모든 출력이 양수지만, float64에서 최댓값보다 약 745 넘게 작은 로짓의 확률은 정확히 0이 됩니다.
""",
        en=r"""
## Summary

- Without an activation, or with a linear one, any stack of layers equals one linear layer ($W = W_1W_2$).
- The step function is nonlinear, but its derivative is 0, so it cannot be trained with gradients.
- The sigmoid has $\sigma' = \sigma(1-\sigma) \le 0.25$, so gradients shrink at every layer (vanishing gradients). tanh is zero-centred and its derivative peaks at 1, but it saturates twice as fast: for $\lvert z\rvert > 1.66$ its derivative is below the sigmoid's.
- ReLU keeps a slope of 1 for $z>0$, which reduces vanishing, but its slope is 0 for $z<0$; Leaky ReLU softens that (default slope 0.2 for the function, 0.3 for the Keras layer).
- Softmax turns logits into probabilities; subtracting the maximum first makes it stable (no `nan`). Mathematically every output is positive, but in float64 a logit more than about 745 below the maximum gets probability exactly 0.
""",
    ),
    md(
        ko=r"""
(ko-fix-no-activation)=
```{admonition} 바로잡기: "활성화 함수가 없으면 제대로 예측하지 못한다"
:class: warning
글은 활성화 함수가 없으면 $(0,0)$의 출력이 `-0.16483626841185234`라 "제대로 예측을 하지 못하게 돼"라고 하고
(위 셀이 같은 값을 냅니다), 선형 활성화 $2z+1$로도 "이진 분류가 안 된다"고 합니다(글에는 이 변형의 출력이 없습니다).
출력이 0과 1이 아닌 연속값인 것은 맞습니다. 하지만 두 경우 모두 출력을 $0.5$에서 자르면 네 입력 **모두** AND와 일치합니다.
활성화 함수가 없는 이 규칙은 샘플마다 $\tfrac12(t-z)^2$을 줄이는 경사 하강, 즉 Widrow–Hoff의 LMS(최소 평균 제곱) 규칙이며,
출력을 정답에 **제곱 오차로 가깝게** 맞추려 합니다. 다만 $0/1$을 바로 내지 않으므로 분류기로 쓰려면 임계값이 필요하고,
선형 함수 $2z+1$을 붙여도 출력은 여전히 $\mathbf{x}$의 선형 함수라 표현력은 늘지 않습니다. 층을 아무리 쌓아도 이것은 바뀌지 않습니다.
```

## 연습 문제

코드를 쓰는 문제마다 빈칸(`...`)이 있는 셀이 있습니다. 빈칸을 채우고 실행하면 마지막 줄의 검사가 `lossbook`의 구현과 비교해 바로 알려 줍니다(⏳ 아직 안 풂, ❌ 어디가 다른지, ✅ 맞음). 풀이는 이 장 끝의 {ref}`풀이 <ko-02-solutions>`에 있습니다.

1. `activations.sigmoid_grad`로 $\sigma'(0)$을 계산하고, 시그모이드 층을 몇 개 쌓으면 가장 좋은 경우의 곱 $0.25^L$조차 $10^{-10}$보다 작아지는지, 그런 가장 작은 $L$을 구하세요.
""",
        en=r"""
(en-fix-no-activation)=
```{admonition} Correction: "without an activation it cannot predict correctly"
:class: warning
The post says that without an activation the output for $(0,0)$ is `-0.16483626841185234` (the cell above
prints the same value), so "it fails to predict correctly", and that with the linear activation $2z+1$
"binary classification doesn't work" (the post shows no output for that variant). The outputs are indeed
continuous, not 0 and 1. But in both cases, cutting the outputs at $0.5$ matches AND on **all four**
inputs. Without the activation, this rule is gradient descent on $\tfrac12(t-z)^2$ per sample, i.e.
Widrow and Hoff's LMS (least mean squares) rule, which fits the outputs to the targets **in the
squared-error sense**. It does not output $0/1$ directly, so a classifier needs a threshold; and adding the
linear function $2z+1$ leaves the output a linear function of $\mathbf{x}$, so it gains no expressive
power — however many such layers are stacked.
```

## Exercises

Every exercise that asks for code has a cell with a blank (`...`). Fill it in and run the cell: the check on its last line compares your answer with `lossbook`'s implementation at once (⏳ not attempted, ❌ what differs, ✅ right). The solutions are at the end of the chapter, under {ref}`Solutions <en-02-solutions>`.

1. Compute $\sigma'(0)$ with `activations.sigmoid_grad`, and find the smallest number $L$ of sigmoid layers for which even the best-case product $0.25^L$ is smaller than $10^{-10}$.
""",
    ),
    code(
        """
layers = ...   # the smallest L with sigmoid'(0)**L < 1e-10
check.vanishing_layers(layers)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
2. 소프트맥스 `my_softmax(z)`를 직접 쓰세요(1차원 로짓 벡터). 검사는 `[1010, 1000, 990]`과 `[0, 800]` 같은 큰 로짓도 넣어 봅니다. 그대로 `np.exp(z)`를 쓰면 어떻게 될까요? 다 쓴 뒤에는 `my_softmax(z + 100)`이 `my_softmax(z)`와 같은지, 로짓을 2배 하면 가장 큰 확률이 커지는지도 확인해 보세요.
""",
        en=r"""
2. Write the softmax `my_softmax(z)` of a 1-D logit vector yourself. The check also feeds it large logits such as `[1010, 1000, 990]` and `[0, 800]`; what happens with a plain `np.exp(z)`? Once it passes, check that `my_softmax(z + 100)` equals `my_softmax(z)`, and whether doubling the logits increases the largest probability.
""",
    ),
    code(
        """
def my_softmax(z):
    z = np.asarray(z, dtype=float)
    ...  # your code


check.stable_softmax(my_softmax)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
3. tanh의 도함수 $1-\tanh^2 z$를 계산하는 `my_tanh_grad(z)`를 쓰세요. 검사가 `activations.tanh_grad`와 비교합니다. 맞으면 $z\in[-3,3]$에서 수치 미분 $\dfrac{\tanh(z+h)-\tanh(z-h)}{2h}$ ($h=10^{-5}$)와도 비교해 보세요.
""",
        en=r"""
3. Write `my_tanh_grad(z)`, the derivative $1-\tanh^2 z$; the check compares it with `activations.tanh_grad`. Then compare it on $z\in[-3,3]$ with the central difference $\dfrac{\tanh(z+h)-\tanh(z-h)}{2h}$ ($h=10^{-5}$).
""",
    ),
    code(
        """
def my_tanh_grad(z):
    ...  # your code


check.tanh_derivative(my_tanh_grad)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
4. 활성화 함수가 없는 층 세 개 $\mathbf{x}\mapsto\mathbf{x}W_1+\mathbf{b}_1\mapsto\cdots$도 층 하나 $\mathbf{x}W+\mathbf{b}$와 같습니다. 아래 셀의 가중치로 그 층의 `W`와 `b`를 계산하세요. 검사는 무작위 입력 여섯 개에서 세 층과 비교합니다.
""",
        en=r"""
4. Three layers without activation, $\mathbf{x}\mapsto\mathbf{x}W_1+\mathbf{b}_1\mapsto\cdots$, are also a single layer $\mathbf{x}W+\mathbf{b}$. Compute that layer's `W` and `b` from the weights in the cell; the check compares it with the three layers on six random inputs.
""",
    ),
    code(
        """
W1, b1, W2, b2, W3, b3 = check.three_layer_weights()
"""
    ),
    code(
        """
W = ...
b = ...
check.three_layers(W, b)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
5. Leaky ReLU가 ReLU의 어떤 문제를 줄이나요? $z=-2$에서 두 함수의 도함수를 `activations`로 구하고(`lossbook`의 기본값), 차이를 설명하세요.
""",
        en=r"""
5. Which problem of ReLU does Leaky ReLU reduce? Compute both derivatives at $z=-2$ with `activations` (`lossbook`'s default), and explain the difference.
""",
    ),
    code(
        """
relu_slope = ...
leaky_slope = ...
check.dying_relu(relu_slope, leaky_slope)
"""
        ,
        tags=["exercise"],
    ),
    # -------------------------------------------------------------- solutions
    md(
        ko=r"""
(ko-02-solutions)=
## 풀이

먼저 스스로 풀어 보세요. 풀이마다 설명과 코드가 따로 접혀 있습니다(「N번 풀이 보기」, 「풀이 코드 보기」). 풀이 코드는 답을 정의하고 같은 검사를 불러 ✅를 냅니다.

**1.** $\sigma'(0) = 0.25$이고, $0.25^{16} \approx 2.3\times10^{-10}$은 아직 크며 $0.25^{17} \approx 5.8\times10^{-11}$에서 처음으로 $10^{-10}$ 아래로 내려갑니다.
""",
        en=r"""
(en-02-solutions)=
## Solutions

Try on your own first. Each solution's explanation and code are folded separately (“Show solution N”, “Show solution code”); the code defines the answer and calls the same check, which prints ✅.

**1.** $\sigma'(0) = 0.25$; $0.25^{16} \approx 2.3\times10^{-10}$ is still too large, and $0.25^{17} \approx 5.8\times10^{-11}$ is the first below $10^{-10}$.
""",
    ),
    code(
        """
best = activations.sigmoid_grad(0.0)
print(f"sigmoid'(0) = {best:.6f}")
layers = 1
while best**layers >= 1e-10:
    layers += 1
print(f"0.25**{layers - 1} = {best ** (layers - 1):.2e},  0.25**{layers} = {best**layers:.2e}")
check.vanishing_layers(layers)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**2.** 최댓값을 먼저 빼면 가장 큰 지수가 $e^0 = 1$이라 넘치지 않습니다. 상수를 더해도 결과가 같고(차이는 반올림 수준), 로짓을 2배 하면 차이가 벌어져 가장 큰 확률이 커집니다.
""",
        en=r"""
**2.** Subtracting the maximum first makes the largest exponential $e^0 = 1$, so nothing overflows. Adding a constant changes nothing (up to rounding), and doubling the logits widens their differences, so the largest probability grows.
""",
    ),
    code(
        """
def my_softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


check.stable_softmax(my_softmax)
z = rng.normal(size=5)
p, p_shift, p_double = (my_softmax(v) for v in (z, z + 100, 2 * z))
print(f"max |softmax(z) - softmax(z + 100)| = {np.max(np.abs(p - p_shift)):.1e}")
print(f"largest probability: z -> {p.max():.4f}, 2z -> {p_double.max():.4f}")
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**3.** `np.tanh`로 한 번 계산해 쓰면 됩니다. 중앙 차분과의 차이는 $h^2$ 정도의 절단 오차와 반올림 오차 수준입니다.
""",
        en=r"""
**3.** Compute `np.tanh` once and reuse it. The central difference agrees up to a truncation error of order $h^2$ plus rounding.
""",
    ),
    code(
        """
def my_tanh_grad(z):
    t = np.tanh(z)
    return 1 - t * t


check.tanh_derivative(my_tanh_grad)
z = np.linspace(-3, 3, 13)
h = 1e-5
numeric = (activations.tanh(z + h) - activations.tanh(z - h)) / (2 * h)
print(f"max |analytic - numeric| = {np.max(np.abs(my_tanh_grad(z) - numeric)):.1e}")
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**4.** $((\mathbf{x}W_1+\mathbf{b}_1)W_2+\mathbf{b}_2)W_3+\mathbf{b}_3 = \mathbf{x}\,W_1W_2W_3 + (\mathbf{b}_1W_2W_3 + \mathbf{b}_2W_3 + \mathbf{b}_3)$이므로 $W = W_1W_2W_3$, $\mathbf{b} = \mathbf{b}_1W_2W_3 + \mathbf{b}_2W_3 + \mathbf{b}_3$입니다. 층이 몇 개이든 귀납적으로 같은 논리가 적용됩니다.
""",
        en=r"""
**4.** $((\mathbf{x}W_1+\mathbf{b}_1)W_2+\mathbf{b}_2)W_3+\mathbf{b}_3 = \mathbf{x}\,W_1W_2W_3 + (\mathbf{b}_1W_2W_3 + \mathbf{b}_2W_3 + \mathbf{b}_3)$, so $W = W_1W_2W_3$ and $\mathbf{b} = \mathbf{b}_1W_2W_3 + \mathbf{b}_2W_3 + \mathbf{b}_3$. By induction the same argument covers any number of layers.
""",
    ),
    code(
        """
W1, b1, W2, b2, W3, b3 = check.three_layer_weights()
W = W1 @ W2 @ W3
b = b1 @ W2 @ W3 + b2 @ W3 + b3
check.three_layers(W, b)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**5.** $z=-2$에서 ReLU의 도함수는 $0$이라 이 뉴런으로는 기울기가 전혀 지나가지 않고, 사전 활성화가 (거의) 모든 샘플에서 음수이면 가중치가 다시는 바뀌지 않습니다(죽은 ReLU). Leaky ReLU의 도함수는 $\alpha = 0.2$(`lossbook`과 `keras.activations.leaky_relu`의 기본값. `keras.layers.LeakyReLU` 층이라면 0.3)라서 작지만 0이 아닌 기울기가 흘러 가중치가 계속 바뀔 수 있습니다.
""",
        en=r"""
**5.** At $z=-2$ ReLU's derivative is $0$: no gradient passes through the neuron, and if its pre-activation is negative for (nearly) every sample its weights never change again (a dead, or dying, ReLU). Leaky ReLU's derivative is $\alpha = 0.2$ (the default of `lossbook` and of `keras.activations.leaky_relu`; with the `keras.layers.LeakyReLU` layer it would be 0.3), so a small but nonzero gradient flows and the weights can still change.
""",
    ),
    code(
        """
relu_slope = activations.relu_grad(-2.0)
leaky_slope = activations.leaky_relu_grad(-2.0)
print(f"relu'(-2) = {relu_slope}, leaky_relu'(-2) = {leaky_slope}")
check.dying_relu(relu_slope, leaky_slope)
""",
        tags=["solution", "hide-cell"],
    ),
]
