"""Chapter 6: optimizers, from SGD to Nadam, as Keras 3 implements them (source post: "Model compile")."""

from cells import code, md

TITLE = {"ko": "옵티마이저", "en": "Optimizers"}

CELLS = [
    # ------------------------------------------------------------------ goals
    md(
        ko=r"""
## 학습 목표

- 옵티마이저(optimizer)가 하는 일이 "기울기(gradient)를 받아 한 걸음으로 바꾸는 것"임을 설명하고, 미니배치 추출(확률적인 부분)은 옵티마이저가 아니라 학습 루프가 한다는 것을 구별할 수 있다.
- SGD, 모멘텀(Momentum), 네스테로프(Nesterov), Adagrad, RMSprop, Adam, Nadam의 업데이트 규칙을 **Keras 3가 구현한 그대로** 수식으로 쓰고, 각각이 앞의 방법의 어떤 약점을 고쳤는지 말할 수 있다.
- 좁은 협곡(ravine)과 안장점(saddle point)에서 일곱 옵티마이저의 경로를 비교해, 지그재그·느린 진행·안장점 탈출을 눈으로 확인할 수 있다.
- 같은 신경망을 옵티마이저만 바꿔 MNIST로 학습시키고, Keras 기본 학습률(learning rate)이 옵티마이저마다 다르다는 점과 Adam이 좋은 기본값인 이유를 설명할 수 있다.
""",
        en=r"""
## Learning goals

- Explain that an optimizer turns a gradient into a step, and that drawing mini-batches (the "stochastic" part) is done by the training loop, not by the optimizer.
- Write the update rules of SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam and Nadam **exactly as Keras 3 implements them**, and say which weakness of the previous method each one fixes.
- Compare the paths of the seven optimizers in a narrow ravine and at a saddle point, and recognise zig-zagging, slow progress and escaping a saddle.
- Train the same network on MNIST with each optimizer, and explain why Keras's default learning rates differ between optimizers and why Adam is a good default.
""",
    ),
    code(
        """
import inspect

import matplotlib.pyplot as plt
import numpy as np

import lossbook
from lossbook.datasets import load_mnist
from lossbook.exercises import ch06 as check
from lossbook.gradients import ravine, ravine_grad, saddle, saddle_grad
from lossbook.model import Dense, Flatten, Input, Sequential
from lossbook.optimizers import SGD, Adagrad, Adam, Nadam, RMSprop, minimize
from lossbook.plotting import animate_paths, contour_paths, setup, tr

setup()
np.set_printoptions(precision=6, suppress=True)
"""
    ),
    # ------------------------------------------------------------ what an optimizer does
    md(
        ko=r"""
## 옵티마이저는 무엇을 정하나

Keras에서 모델을 컴파일(compile)할 때 고르는 옵티마이저는 **기울기 $g$를 받아 가중치 $w$를 얼마나, 어느 방향으로 움직일지** 정하는 규칙입니다. 가장 단순한 규칙이 앞 장에서 본 경사 하강법(gradient descent)입니다.

$$
w \leftarrow w - \eta\, g, \qquad g = \nabla L(w)
$$

여기서 $\eta$는 학습률입니다. {ref}`「모델 컴파일」 글 <ko-post-model-compile>`은 경사 하강법의 문제를 네 가지로 정리합니다. 이 장에서 각 문제를 누가 해결하는지 정리하면 다음과 같습니다.

| 문제 | 무엇이 도움이 되나 |
|---|---|
| 데이터가 많을수록 한 걸음의 계산량이 커짐 | 미니배치(mini-batch): `fit(..., batch_size=32)`가 데이터를 작게 나눠 기울기를 추정합니다. 옵티마이저와는 무관합니다. |
| 지그재그(zig-zag): 가파른 방향으로 왔다 갔다 | 모멘텀, 네스테로프: 방향이 바뀌는 성분은 서로 상쇄되고 일정한 성분은 쌓입니다. |
| 고원(plateau): 기울기가 작아 거의 못 움직임 | 모멘텀(속도가 쌓임), RMSprop·Adam·Nadam(최근 기울기의 크기로 나눠 작은 기울기도 걸음이 커짐. 단, 기울기가 $\epsilon$에 견줄 만큼 작아지면 그렇지 않음: RMSprop은 $\sqrt{\epsilon}\approx 3\times10^{-4}$ 근처부터). Keras의 Adagrad는 누적값이 $0.1$에서 시작하므로 작은 기울기는 작은 걸음 그대로입니다(아래 {ref}`「고원에서」 절 <ko-plateau-race>`). |
| 지역 최솟값(local minimum) | 어느 옵티마이저도 보장하지 못합니다. 큰 신경망에서는 지역 최솟값보다 **안장점**이 더 흔한 걸림돌이고, 적응형(adaptive) 옵티마이저는 안장점을 빨리 벗어납니다(아래 그림. 이유는 옵티마이저마다 다릅니다). |

이 장의 모든 옵티마이저는 `lossbook.optimizers`에 Keras 3와 **같은 기본값, 같은 수식**으로 구현되어 있습니다(패키지 테스트가 Keras와 매 걸음 비교합니다). 사용법도 Keras와 같습니다. `opt.apply(grads, params)`가 가중치 배열을 제자리에서(in place) 한 걸음 움직입니다.
""",
        en=r"""
## What an optimizer decides

The optimizer you pick when you compile a Keras model is the rule that **turns a gradient $g$ into a step for the weights $w$**: which direction and how far. The simplest rule is the gradient descent of the previous chapters:

$$
w \leftarrow w - \eta\, g, \qquad g = \nabla L(w)
$$

where $\eta$ is the learning rate. {ref}`The “Model compile” post <en-post-model-compile>` lists four problems of gradient descent. Here is who addresses each of them:

| Problem | What helps |
|---|---|
| the more data, the more work per step | mini-batches: `fit(..., batch_size=32)` estimates the gradient on a small slice of data. This is not the optimizer's job. |
| zig-zag: bouncing across a steep direction | Momentum, Nesterov: components that flip sign cancel out, consistent ones build up. |
| plateau: tiny gradients, hardly any progress | Momentum (velocity builds up); RMSprop, Adam, Nadam (dividing by the size of recent gradients makes small gradients take sizeable steps, until they get down to the scale of $\epsilon$: for RMSprop from about $\sqrt{\epsilon}\approx 3\times10^{-4}$). Keras's Adagrad starts its accumulator at $0.1$, so small gradients stay small steps ({ref}`section “On a plateau” <en-plateau-race>` below). |
| local minima | no optimizer guarantees anything here. In large networks **saddle points** are the more common obstacle, and adaptive optimizers leave them quickly (figure below; each for its own reason). |

Every optimizer of this chapter is implemented in `lossbook.optimizers` with **the same defaults and the same formulas as Keras 3** (the package's tests compare them with Keras step by step), and used the same way: `opt.apply(grads, params)` moves the weight arrays one step, in place.
""",
    ),
    code(
        """
w = np.array([1.0, -2.0])
opt = SGD(learning_rate=0.1)
opt.apply([2 * w], [w])  # gradient of w0² + w1² is 2w
print("after one step:", w, "| iterations:", opt.iterations)
"""
    ),
    md(
        ko=r"""
(ko-fix-minibatch)=
```{admonition} 바로잡기: "확률적"인 부분은 옵티마이저가 아니라 미니배치입니다
:class: warning
{ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 "3. Optimizer의 종류" 절은 "Optimizer는 기본적으로 SGD를 기반으로 하므로, 확률적 추출을 통해 경사 하강법을 시행한다"고 씁니다. 하지만 옵티마이저는 **이미 계산된 기울기**를 받을 뿐 데이터를 뽑지 않습니다. 데이터를 섞고 미니배치로 나누는 것은 `fit`(학습 루프)입니다. `keras.optimizers.SGD`도 위 셀처럼 받은 기울기로 $w \leftarrow w - \eta g$를 계산할 뿐이고, `batch_size`를 데이터 전체 크기로 주면 같은 SGD가 그대로 (전체 배치) 경사 하강법이 됩니다. "확률적"이라는 이름은 미니배치 기울기로 학습하던 역사에서 온 것이고, Adam이나 RMSprop도 똑같이 미니배치 기울기를 받습니다.
```
""",
        en=r"""
(en-fix-minibatch)=
```{admonition} Correction: the "stochastic" part is the mini-batch, not the optimizer
:class: warning
{ref}`The “Model compile” post <en-post-model-compile>` ("3. Kinds of optimizers") says that "optimizers are based on SGD, so they perform gradient descent through random sampling". An optimizer, however, only receives **a gradient that has already been computed**; it draws no data. Shuffling the data and cutting it into mini-batches is the job of `fit` (the training loop). `keras.optimizers.SGD` simply computes $w \leftarrow w - \eta g$ from the gradient it is given, as in the cell above, and with `batch_size` equal to the whole data set the very same SGD is plain (full-batch) gradient descent. The name "stochastic" comes from its history of being used with mini-batch gradients, and Adam or RMSprop receive mini-batch gradients in exactly the same way.
```
""",
    ),
    # ------------------------------------------------------------ update rules
    md(
        ko=r"""
## 일곱 가지 업데이트 규칙

아래 식에서 $g$는 현재 가중치에서의 기울기, $\eta$는 학습률(`learning_rate`), $t = 1, 2, \dots$는 걸음 수(`iterations + 1`)입니다. 제곱·제곱근·나눗셈은 **원소별**(element-wise)로 계산합니다. 즉 가중치 하나하나가 자기만의 걸음 크기를 가집니다. 상태 변수($v, G, s, m$)는 모두 $0$에서 시작합니다(Adagrad의 $G$만 예외). 식은 Keras 3 소스(`keras/src/optimizers/*.py`)와 같은 순서로 적었고, 원 논문과 다른 부분은 따로 밝힙니다.

같은 글자가 옵티마이저마다 다른 뜻으로 쓰이는 곳이 두 군데 있습니다. $v$는 모멘텀에서는 **속도**(지난 걸음의 누적)이고 Adam·Nadam에서는 **기울기 제곱의 이동 평균**(2차 모멘트)입니다. $\mu$는 모멘텀에서는 **상수 계수**이고, Nadam의 $\mu_t$는 걸음마다 바뀌는 **일정(schedule)** 입니다. 원 논문들의 표기를 따르려고 글자는 그대로 두고, 아래 표로 구별합니다.

| 기호 | 뜻 | 쓰는 옵티마이저 | Keras의 이름(상태 변수는 `lossbook`의 `opt.slots`에서도 같은 이름) |
|---|---|---|---|
| $w$, $g$ | 가중치, 그 가중치에서의 기울기 | 모두 | 변수, `gradient` |
| $\eta$ | 학습률 | 모두 | `learning_rate` |
| $t$ | 걸음 번호 $1, 2, \dots$ | Adam, Nadam | `iterations + 1` |
| $\mu$ | 모멘텀 계수(상수, 예: $0.9$) | Momentum, Nesterov | `momentum` |
| $v$ | 속도: $v \leftarrow \mu v - \eta g$ | Momentum, Nesterov | 상태 `momentum` |
| $G$ | 기울기 제곱의 누적 합, $G_0 = 0.1$ | Adagrad | `initial_accumulator_value`, 상태 `accumulator` |
| $\rho$, $s$ | 이동 평균 계수, 기울기 제곱의 이동 평균 | RMSprop | `rho`, 상태 `velocity` |
| $\beta_1$, $m$ | 이동 평균 계수, 기울기의 이동 평균(1차 모멘트) | Adam, Nadam | `beta_1`, 상태 `momentum` |
| $\beta_2$, $v$ | 이동 평균 계수, 기울기 제곱의 이동 평균(2차 모멘트) | Adam, Nadam | `beta_2`, 상태 `velocity` |
| $\mu_t$, $\Pi_t$ | 걸음마다 바뀌는 모멘텀 계수와 그 누적 곱 | Nadam | `u_t`, `u_product` |
| $\epsilon$ | 0으로 나누지 않게 더하는 작은 수 | Adagrad, RMSprop, Adam, Nadam | `epsilon` |

### SGD와 모멘텀: 속도를 쌓아 지그재그를 줄인다

$$
\begin{aligned}
\textbf{SGD:}\quad & w \leftarrow w - \eta\, g \\[4pt]
\textbf{Momentum:}\quad & v \leftarrow \mu v - \eta\, g, \qquad w \leftarrow w + v
\end{aligned}
$$

모멘텀(`SGD(momentum=0.9)`, $\mu$ = `momentum`)은 지난 걸음들을 속도 $v$에 누적합니다 {cite}`sutskever2013momentum`. 매번 부호가 바뀌는 성분(협곡을 가로지르는 지그재그)은 $v$ 안에서 상쇄되고, 매번 같은 방향인 성분은 쌓여서, 기울기가 $g$로 일정하면 한 걸음이 $\eta\lvert g\rvert$에서 최대 $\eta\lvert g\rvert/(1-\mu) = 10\,\eta\lvert g\rvert$까지 커집니다. 대신 관성 때문에 최솟값을 지나쳤다가 돌아오기도 합니다.

### 네스테로프: 한 걸음 앞을 보고 브레이크를 건다

$$
\textbf{Nesterov (Keras):}\quad v \leftarrow \mu v - \eta\, g, \qquad w \leftarrow w + \mu v - \eta\, g
$$

Sutskever 등의 논문 {cite}`sutskever2013momentum`은 네스테로프 모멘텀을 "속도만큼 먼저 가 본 자리 $w + \mu v$에서 기울기를 잰다"로 씁니다: $v \leftarrow \mu v - \eta \nabla L(w + \mu v),\ w \leftarrow w + v$. Keras는 변수에 그 **미리 가 본 자리** $\tilde w = w + \mu v$를 저장하도록 식을 바꿔 쓴 형태라서, 저장된 변수에서 잰 기울기 $g$만으로 계산합니다. 두 형태는 같은 경로를 $\mu v$만큼 옮겨 놓은 것일 뿐입니다(연습 문제 3에서 확인합니다). 앞을 보고 기울기를 재므로, 최솟값을 지나치려 할 때 모멘텀보다 일찍 감속합니다.

### Adagrad: 좌표마다 다른 걸음 크기

$$
\textbf{Adagrad (Keras):}\quad G \leftarrow G + g^2, \qquad w \leftarrow w - \eta\, \frac{g}{\sqrt{G + \epsilon}}, \qquad G_0 = 0.1
$$

Adagrad {cite}`duchi2011adagrad`는 좌표마다 기울기 제곱의 **합**으로 나눕니다. 기울기가 늘 큰 방향은 걸음이 줄고, 작은 방향은 상대적으로 커집니다. 약점은 $G$가 계속 커지기만 해서 걸음이 $1/\sqrt t$처럼 줄어들다 결국 거의 멈춘다는 점입니다. Keras는 논문과 달리 $G$를 `initial_accumulator_value=0.1`에서 시작하고, $\epsilon$을 제곱근 **안**에 더합니다(논문: $\eta g / (\delta + \sqrt{G})$, $G_0 = 0$).

### RMSprop: 오래된 기울기는 잊는다

$$
\textbf{RMSprop (Keras):}\quad s \leftarrow \rho s + (1-\rho)\, g^2, \qquad w \leftarrow w - \eta\, \frac{g}{\sqrt{s + \epsilon}}, \qquad \rho = 0.9
$$

RMSprop {cite}`tieleman2012rmsprop`는 합 대신 **지수 이동 평균**(exponential moving average)을 써서 최근 기울기의 크기로만 나눕니다. 그래서 Adagrad처럼 걸음이 영원히 줄지 않습니다. 강의 슬라이드에는 $\epsilon$이 없고, Keras는 $\epsilon$을 제곱근 안에 더합니다. `momentum`과 `centered` 옵션도 있지만 기본값은 꺼져 있습니다. $s$가 $0$에서 시작하므로 첫 걸음은 $\eta g/\sqrt{0.1 g^2} = \sqrt{10}\,\eta \approx 3.16\eta$로 **크게** 나갑니다. 이 치우침(bias)을 바로잡은 것이 Adam입니다.

### Adam: 모멘텀 + RMSprop + 편향 보정

$$
\begin{aligned}
m &\leftarrow m + (1-\beta_1)(g - m) && (= \beta_1 m + (1-\beta_1) g) \\
v &\leftarrow v + (1-\beta_2)(g^2 - v) && (= \beta_2 v + (1-\beta_2) g^2) \\
\alpha_t &= \eta\, \frac{\sqrt{1-\beta_2^{\,t}}}{1-\beta_1^{\,t}} \\
w &\leftarrow w - \alpha_t\, \frac{m}{\sqrt{v} + \epsilon}
\end{aligned}
$$

Adam {cite}`kingma2015adam`은 기울기의 이동 평균 $m$(모멘텀 역할)을 기울기 제곱의 이동 평균 $v$(RMSprop 역할)의 제곱근으로 나눕니다. $m, v$가 $0$에서 시작해 초반에 작게 치우치는 것을 $1-\beta^t$로 나눠 보정합니다. 논문 알고리즘 1은 $\hat m = m/(1-\beta_1^t)$, $\hat v = v/(1-\beta_2^t)$를 따로 만들고 $w \leftarrow w - \eta\,\hat m/(\sqrt{\hat v} + \epsilon)$, $\epsilon = 10^{-8}$로 씁니다. Keras는 논문 2절 끝에 나오는 "더 효율적인 계산 순서"를 따라 보정을 학습률 $\alpha_t$에 넣고 $\epsilon$을 $\sqrt{v}$에 더하며, 기본 $\epsilon$은 $10^{-7}$입니다. 그래서 논문 식의 $\epsilon$ 자리에 $\epsilon/\sqrt{1-\beta_2^t}$가 들어간 것과 같고, $\sqrt{\hat v}$가 $\epsilon$만큼 작을 때만 차이가 납니다.

### Nadam: Adam에 네스테로프를 더하다

$$
\begin{aligned}
\mu_t &= \beta_1\bigl(1 - \tfrac12\, 0.96^{\,t}\bigr), \qquad \Pi_t = \mu_1 \mu_2 \cdots \mu_t \\
m &\leftarrow \beta_1 m + (1-\beta_1)\, g, \qquad v \leftarrow \beta_2 v + (1-\beta_2)\, g^2 \\
\hat m &= \frac{\mu_{t+1}\, m}{1 - \Pi_{t+1}} + \frac{(1-\mu_t)\, g}{1 - \Pi_t}, \qquad \hat v = \frac{v}{1-\beta_2^{\,t}} \\
w &\leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}
\end{aligned}
$$

Nadam {cite}`dozat2016nadam`은 Adam의 모멘텀 항에 **다음 걸음의** 모멘텀 계수 $\mu_{t+1}$을 써서 한 걸음 앞을 봅니다(네스테로프와 같은 생각). 모멘텀 계수 $\mu_t$는 약 $0.47$($\mu_1 = 0.9 \times 0.52$)에서 시작해 $\beta_1 = 0.9$로 서서히 올라갑니다(warm-up). **논문과 다른 점:** Dozat의 논문은 이 일정을 $\mu_t = \beta_1\bigl(1 - \tfrac12\, 0.96^{\,t/250}\bigr)$로 씁니다. Keras 3는 지수의 $/250$ 없이 $0.96^{t}$을 쓰므로 warm-up이 250배 빨라 약 100걸음 만에 $0.9$ 가까이 오릅니다. 논문의 일정은 Keras 2(`schedule_decay=0.004`)와 PyTorch(`momentum_decay=0.004`)의 $0.96^{0.004t} = 0.96^{t/250}$과 같고, 수만 걸음에 걸쳐 오릅니다(아래 셀: 5,000걸음에도 $0.70$). 이 장의 식과 `lossbook`은 Keras 3를 따릅니다. 같은 이름이라도 라이브러리마다 수식이 조금씩 다를 수 있다는 좋은 예입니다.
""",
        en=r"""
## Seven update rules

Below, $g$ is the gradient at the current weights, $\eta$ the learning rate (`learning_rate`) and $t = 1, 2, \dots$ the step number (`iterations + 1`). Squares, square roots and divisions are **element-wise**: every single weight gets its own step size. All state variables ($v, G, s, m$) start at $0$ (except Adagrad's $G$). The formulas follow the Keras 3 source (`keras/src/optimizers/*.py`) line by line; where Keras differs from the original paper, we say so.

Two letters mean different things in different optimizers: $v$ is the **velocity** (accumulated past steps) in momentum, but the **moving average of squared gradients** (the second moment) in Adam and Nadam; $\mu$ is a **constant coefficient** in momentum, while Nadam's $\mu_t$ is a **schedule** that changes every step. We keep the letters of the original papers and tell them apart with this table:

| symbol | meaning | used by | Keras name (state variables have the same names in `lossbook`'s `opt.slots`) |
|---|---|---|---|
| $w$, $g$ | a weight, the gradient at that weight | all | variable, `gradient` |
| $\eta$ | learning rate | all | `learning_rate` |
| $t$ | step number $1, 2, \dots$ | Adam, Nadam | `iterations + 1` |
| $\mu$ | momentum coefficient (a constant such as $0.9$) | Momentum, Nesterov | `momentum` |
| $v$ | velocity: $v \leftarrow \mu v - \eta g$ | Momentum, Nesterov | state `momentum` |
| $G$ | running sum of squared gradients, $G_0 = 0.1$ | Adagrad | `initial_accumulator_value`, state `accumulator` |
| $\rho$, $s$ | averaging coefficient, moving average of squared gradients | RMSprop | `rho`, state `velocity` |
| $\beta_1$, $m$ | averaging coefficient, moving average of gradients (first moment) | Adam, Nadam | `beta_1`, state `momentum` |
| $\beta_2$, $v$ | averaging coefficient, moving average of squared gradients (second moment) | Adam, Nadam | `beta_2`, state `velocity` |
| $\mu_t$, $\Pi_t$ | momentum coefficient that changes every step, and its running product | Nadam | `u_t`, `u_product` |
| $\epsilon$ | small number that keeps the division finite | Adagrad, RMSprop, Adam, Nadam | `epsilon` |

### SGD and Momentum: build up velocity, damp the zig-zag

$$
\begin{aligned}
\textbf{SGD:}\quad & w \leftarrow w - \eta\, g \\[4pt]
\textbf{Momentum:}\quad & v \leftarrow \mu v - \eta\, g, \qquad w \leftarrow w + v
\end{aligned}
$$

Momentum (`SGD(momentum=0.9)`, $\mu$ = `momentum`) accumulates past steps in a velocity $v$ {cite}`sutskever2013momentum`. Components that flip sign every step (the zig-zag across a ravine) cancel inside $v$; components that keep their direction build up: under a constant gradient $g$ a step grows from $\eta\lvert g\rvert$ to at most $\eta\lvert g\rvert/(1-\mu) = 10\,\eta\lvert g\rvert$. The price is inertia: it overshoots the minimum and has to come back.

### Nesterov: look ahead and brake early

$$
\textbf{Nesterov (Keras):}\quad v \leftarrow \mu v - \eta\, g, \qquad w \leftarrow w + \mu v - \eta\, g
$$

Sutskever et al. {cite}`sutskever2013momentum` write Nesterov momentum as "measure the gradient where the velocity is about to take you": $v \leftarrow \mu v - \eta \nabla L(w + \mu v),\ w \leftarrow w + v$. Keras rewrites it so that the variable stores that **look-ahead point** $\tilde w = w + \mu v$ itself, and then only needs the gradient $g$ at the stored variable. Both forms trace the same path, shifted by $\mu v$ (exercise 3 checks it). Because it measures the slope ahead, Nesterov slows down earlier than plain momentum when it is about to overshoot.

### Adagrad: a step size per coordinate

$$
\textbf{Adagrad (Keras):}\quad G \leftarrow G + g^2, \qquad w \leftarrow w - \eta\, \frac{g}{\sqrt{G + \epsilon}}, \qquad G_0 = 0.1
$$

Adagrad {cite}`duchi2011adagrad` divides each coordinate by the **sum** of its squared gradients: directions with consistently large gradients take smaller steps, directions with small gradients relatively larger ones. Its weakness is that $G$ only grows, so the steps shrink like $1/\sqrt t$ until they all but stop. Unlike the paper, Keras starts $G$ at `initial_accumulator_value=0.1` and adds $\epsilon$ **inside** the square root (paper: $\eta g / (\delta + \sqrt{G})$ with $G_0 = 0$).

### RMSprop: forget old gradients

$$
\textbf{RMSprop (Keras):}\quad s \leftarrow \rho s + (1-\rho)\, g^2, \qquad w \leftarrow w - \eta\, \frac{g}{\sqrt{s + \epsilon}}, \qquad \rho = 0.9
$$

RMSprop {cite}`tieleman2012rmsprop` replaces the sum by an **exponential moving average**, so it divides by the size of *recent* gradients only and its steps do not shrink forever. The lecture slides have no $\epsilon$; Keras adds it inside the square root. There are `momentum` and `centered` options, both off by default. Since $s$ starts at $0$, the first step is $\eta g/\sqrt{0.1 g^2} = \sqrt{10}\,\eta \approx 3.16\eta$, **too large**; correcting this bias is one of the things Adam does.

### Adam: momentum + RMSprop + bias correction

$$
\begin{aligned}
m &\leftarrow m + (1-\beta_1)(g - m) && (= \beta_1 m + (1-\beta_1) g) \\
v &\leftarrow v + (1-\beta_2)(g^2 - v) && (= \beta_2 v + (1-\beta_2) g^2) \\
\alpha_t &= \eta\, \frac{\sqrt{1-\beta_2^{\,t}}}{1-\beta_1^{\,t}} \\
w &\leftarrow w - \alpha_t\, \frac{m}{\sqrt{v} + \epsilon}
\end{aligned}
$$

Adam {cite}`kingma2015adam` divides a moving average of the gradient, $m$ (the momentum part), by the square root of a moving average of its square, $v$ (the RMSprop part). Because $m$ and $v$ start at $0$ they are too small early on, which the factors $1-\beta^t$ correct. The paper's Algorithm 1 forms $\hat m = m/(1-\beta_1^t)$ and $\hat v = v/(1-\beta_2^t)$ and steps $w \leftarrow w - \eta\,\hat m/(\sqrt{\hat v} + \epsilon)$ with $\epsilon = 10^{-8}$. Keras uses the "more efficient order of computation" given at the end of the paper's section 2: the correction goes into the learning rate $\alpha_t$, $\epsilon$ is added to $\sqrt{v}$, and the default $\epsilon$ is $10^{-7}$. This equals the paper's formula with $\epsilon/\sqrt{1-\beta_2^t}$ in place of $\epsilon$, which only matters when $\sqrt{\hat v}$ is as small as $\epsilon$.

### Nadam: Adam with Nesterov momentum

$$
\begin{aligned}
\mu_t &= \beta_1\bigl(1 - \tfrac12\, 0.96^{\,t}\bigr), \qquad \Pi_t = \mu_1 \mu_2 \cdots \mu_t \\
m &\leftarrow \beta_1 m + (1-\beta_1)\, g, \qquad v \leftarrow \beta_2 v + (1-\beta_2)\, g^2 \\
\hat m &= \frac{\mu_{t+1}\, m}{1 - \Pi_{t+1}} + \frac{(1-\mu_t)\, g}{1 - \Pi_t}, \qquad \hat v = \frac{v}{1-\beta_2^{\,t}} \\
w &\leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}
\end{aligned}
$$

Nadam {cite}`dozat2016nadam` looks one step ahead by weighting Adam's momentum with **the next step's** momentum coefficient $\mu_{t+1}$ (Nesterov's idea). The coefficient $\mu_t$ warms up from about $0.47$ ($\mu_1 = 0.9 \times 0.52$) towards $\beta_1 = 0.9$. **A difference from the paper:** Dozat's paper writes the schedule as $\mu_t = \beta_1\bigl(1 - \tfrac12\, 0.96^{\,t/250}\bigr)$. Keras 3 drops the $/250$ and uses $0.96^{t}$, a warm-up 250 times faster that gets close to $0.9$ within about 100 steps. The paper's schedule is the $0.96^{0.004t} = 0.96^{t/250}$ of Keras 2 (`schedule_decay=0.004`) and PyTorch (`momentum_decay=0.004`), which rises over tens of thousands of steps (next cell: $0.70$ after 5,000 steps). The formulas of this chapter and `lossbook` follow Keras 3. A good reminder that the same name may hide slightly different formulas in different libraries.
""",
    ),
    code(
        """
beta_1 = 0.9
print(f"{'t':>6s} {'Keras 3: 0.96^t':>16s} {'paper: 0.96^(t/250)':>20s}")
for t in (1, 10, 100, 1000, 5000):
    mu_keras = beta_1 * (1 - 0.5 * 0.96**t)
    mu_paper = beta_1 * (1 - 0.5 * 0.96 ** (t / 250))
    print(f"{t:6d} {mu_keras:16.4f} {mu_paper:20.4f}")
"""
    ),
    md(
        ko=r"""
### 들여다보기: Adam 한 걸음

`lossbook`의 Adam은 위 식을 차례대로 NumPy 연산으로 옮겼습니다. 아래에 출력한 패키지 소스를 식과 나란히 읽어 보세요.

- `_before_step`은 한 걸음에 한 번, 모든 가중치 배열보다 먼저 불립니다. 걸음 번호 $t$ = `iterations + 1`로 편향 보정 계수 $\sqrt{1-\beta_2^{\,t}}/(1-\beta_1^{\,t})$를 계산해 둡니다.
- `_update(g, w, slots, lr)`는 가중치 배열마다 불립니다. `slots`는 그 배열의 상태(`"momentum"`이 $m$, `"velocity"`가 $v$)입니다. `m += scratch`, `v += scratch`는 **제자리(in place)** 연산이라 갱신된 $m, v$가 다음 걸음까지 남습니다.
- `scratch`와 `scratch2`는 `w`와 크기가 같은 **작업용 배열**로, 상태와 함께 한 번만 만듭니다. `np.subtract(g, m, out=scratch)`가 $g - m$을 `scratch`에 쓰고, `scratch *= 1 - self.beta_1`이 그 자리에서 곱하고, `m += scratch`가 더합니다. 세 줄을 합치면 주석의 $m \leftarrow m + (1-\beta_1)(g - m)$입니다. `m += (1 - beta_1) * (g - m)`처럼 한 식으로 쓰면 NumPy가 걸음마다 $g - m$을 담을 새 배열을 만들고, $g^2$, $\alpha m$, $\sqrt{v}$도 마찬가지입니다. 7장 신경망에서는 그 배열 하나하나에 수가 316,810개 들어갑니다. 이미 있는 배열에 계산해 넣으면 7장의 학습 한 걸음이 약 7 % 빨라지고, 결과는 마지막 비트까지 같습니다.
- `alpha`가 식의 $\alpha_t$이고, 마지막 줄 `w -= scratch2`가 가중치 배열 자체를 제자리에서 움직입니다. 그래서 `opt.apply(grads, params)`는 아무것도 돌려주지 않습니다. `amsgrad` 부분은 기본값(`False`)에서는 건너뜁니다.
""",
        en=r"""
### Look inside: one Adam step

`lossbook`'s Adam is the formulas above, one after the other, written as NumPy steps. Read the package source printed below side by side with them:

- `_before_step` runs once per step, before any weight array is updated. From the step number $t$ = `iterations + 1` it computes the bias-correction factor $\sqrt{1-\beta_2^{\,t}}/(1-\beta_1^{\,t})$.
- `_update(g, w, slots, lr)` runs for each weight array; `slots` holds that array's state (`"momentum"` is $m$, `"velocity"` is $v$). `m += scratch` and `v += scratch` work **in place**, so the updated $m$ and $v$ persist until the next step.
- `scratch` and `scratch2` are **scratch arrays** the size of `w`, made once with the state. `np.subtract(g, m, out=scratch)` writes $g - m$ into `scratch`, `scratch *= 1 - self.beta_1` scales it where it is, and `m += scratch` adds it: together, the comment's $m \leftarrow m + (1-\beta_1)(g - m)$. Written as one expression, `m += (1 - beta_1) * (g - m)`, NumPy would make a new array for $g - m$ at every step, and so would $g^2$, $\alpha m$ and $\sqrt{v}$. For chapter 7's network each of them holds 316,810 numbers; computing into arrays that already exist makes its training step about 7 % faster, with the same numbers to the last bit.
- `alpha` is the formula's $\alpha_t$, and the last line, `w -= scratch2`, moves the weight array itself, in place. That is why `opt.apply(grads, params)` returns nothing. The `amsgrad` branch is skipped with the default `False`.
""",
    ),
    code(
        """
print(inspect.getsource(lossbook.optimizers.Adam._before_step))
print(inspect.getsource(lossbook.optimizers.Adam._update))
"""
    ),
    md(
        ko=r"""
### 걸음 크기를 직접 재 보기

기울기가 늘 $g = 1$인 가장 단순한 상황에서 각 옵티마이저가 몇 번째 걸음에 얼마나 움직이는지 재 봅시다(학습률은 모두 $0.1$). 식에서 예측한 대로 나오는지 확인하세요.

- Momentum: 걸음이 $0.1 \to 0.19 \to \dots \to 0.1/(1-0.9) = 1$로 커집니다.
- Adagrad: $0.1/\sqrt{0.1 + t}$로 계속 줄어듭니다.
- RMSprop: 첫 걸음은 $\sqrt{10}\times 0.1 \approx 0.316$이고, $s$가 $1$에 가까워지면 $0.1$이 됩니다.
- Adam: 편향 보정 덕분에 **첫 걸음부터** $0.1$입니다.
""",
        en=r"""
### Measuring the step sizes

In the simplest possible situation, a constant gradient $g = 1$, how far does each optimizer move at a given step (learning rate $0.1$ for all)? Check the output against the formulas:

- Momentum: steps grow $0.1 \to 0.19 \to \dots \to 0.1/(1-0.9) = 1$.
- Adagrad: steps keep shrinking like $0.1/\sqrt{0.1 + t}$.
- RMSprop: the first step is $\sqrt{10}\times 0.1 \approx 0.316$, falling to $0.1$ as $s$ approaches $1$.
- Adam: thanks to the bias correction the step is $0.1$ **from the very first step**.
""",
    ),
    code(
        """
def constant_gradient(x):
    return np.ones_like(x)


step_optimizers = {
    "SGD": SGD(learning_rate=0.1),
    "Momentum": SGD(learning_rate=0.1, momentum=0.9),
    "Adagrad": Adagrad(learning_rate=0.1),
    "RMSprop": RMSprop(learning_rate=0.1),
    "Adam": Adam(learning_rate=0.1),
    "Nadam": Nadam(learning_rate=0.1),
}
checkpoints = (1, 2, 10, 100, 1000)
print(f"{'':9s}" + "".join(f"{'t = ' + str(t):>10s}" for t in checkpoints))
for name, opt in step_optimizers.items():
    path = minimize(opt, constant_gradient, [0.0], steps=1000)[:, 0]
    step = path[:-1] - path[1:]  # step[t - 1] = w_(t-1) - w_t
    print(f"{name:9s}" + "".join(f"{step[t - 1]:10.4f}" for t in checkpoints))
"""
    ),
    md(
        ko=r"""
(ko-fix-adam-adagrad)=
```{admonition} 바로잡기: Adam은 "모멘텀 + Adagrad"가 아니라 "모멘텀 + RMSprop"입니다
:class: warning
{ref}`「모델 컴파일」 글 <ko-post-model-compile>`은 옵티마이저를 모멘텀 방식과 Adagrad 방식으로 나눈 뒤 "Momentum 방식과 Adagrad 방식을 하나로 합친 방법이 Adam과 Nadam"이라고 씁니다. Adam의 분모는 Adagrad의 **누적 합** $G = \sum g^2$이 아니라 RMSprop의 **지수 이동 평균** $v = \beta_2 v + (1-\beta_2) g^2$입니다 {cite}`kingma2015adam`. 차이는 위 표에서 바로 보입니다. 같은 기울기가 계속 들어오면 Adagrad의 걸음은 $1/\sqrt t$로 줄어 1000번째 걸음에서 $0.0032$까지 작아지지만, Adam의 걸음은 계속 $0.1$입니다. 여기에 편향 보정이 더해진 것이 Adam이고, Nadam은 Adam의 모멘텀을 네스테로프 방식으로 바꾼 것입니다 {cite}`dozat2016nadam`. (Adagrad 계열에서 RMSprop이 나왔으니 "Adagrad의 생각을 이어받았다"고는 할 수 있지만, 식은 RMSprop의 것입니다.)
```
""",
        en=r"""
(en-fix-adam-adagrad)=
```{admonition} Correction: Adam is "momentum + RMSprop", not "momentum + Adagrad"
:class: warning
{ref}`The “Model compile” post <en-post-model-compile>` splits optimizers into a momentum family and an Adagrad family, then says that "Adam and Nadam combine the momentum approach and the Adagrad approach". Adam's denominator is not Adagrad's **running sum** $G = \sum g^2$ but RMSprop's **exponential moving average** $v = \beta_2 v + (1-\beta_2) g^2$ {cite}`kingma2015adam`. The table above shows the difference: with a constant gradient Adagrad's step shrinks like $1/\sqrt t$, down to $0.0032$ at step 1000, while Adam's stays at $0.1$. Adam is momentum + RMSprop + bias correction, and Nadam is Adam with its momentum replaced by Nesterov momentum {cite}`dozat2016nadam`. (RMSprop grew out of Adagrad, so Adam does inherit Adagrad's idea of per-coordinate scaling, but the formula it uses is RMSprop's.)
```
""",
    ),
    # ------------------------------------------------------------ paths on surfaces
    md(
        ko=r"""
## 같은 출발점, 일곱 갈래 길

앞 장에서 쓴 두 함수를 다시 씁니다.

- **협곡**(ravine) $f(x, y) = \dfrac{x^2}{20} + y^2$: 최솟값은 $(0, 0)$. $y$ 방향 곡률(curvature)은 $2$, $x$ 방향은 $0.1$로 20배 차이가 납니다. 실제 신경망의 손실 함수도 방향마다 곡률이 크게 다릅니다. 출발점은 $(-7, 2)$, 50걸음.
- **안장**(saddle) $f(x, y) = x^2 - y^2$: $(0, 0)$에서 기울기가 $0$이지만 최솟값이 아닙니다. 출발점은 $x$축에서 아주 조금 벗어난 $(-1, 0.001)$, 40걸음.

`lossbook.optimizers.minimize(optimizer, grad_fn, init, steps)`가 경로(지나간 점들의 배열)를 돌려줍니다. 학습률은 계열별로 하나씩 정했습니다.

- **SGD·Momentum·Nesterov: $\eta = 0.1$.** 걸음이 $\eta \times$(기울기)이므로 협곡의 가파른 $y$ 방향 때문에 SGD는 $\eta < 1$이어야 발산하지 않습니다. 모멘텀 $0.9$는 걸음을 최대 10배로 키우므로 $0.1$이 자연스러운 짝입니다.
- **Adagrad·RMSprop·Adam·Nadam: $\eta = 0.3$.** 이들은 기울기를 그 크기(의 이동 평균이나 누적)로 나누므로, $\epsilon$이 분모를 좌우할 만큼 기울기가 작아지지 않는 한 걸음이 좌표마다 대략 $\eta$ 정도입니다(RMSprop의 첫 걸음은 $\sqrt{10}\,\eta$, Adam은 $\eta$, Keras의 Adagrad는 누적값이 $0.1$에서 시작하므로 이 협곡처럼 기울기가 $1$ 안팎이거나 그보다 클 때만 그렇습니다). 그래서 최솟값에서 7만큼 떨어진 출발점에서 50걸음 안에 의미 있게 움직이려면 $0.3$ 정도가 필요합니다.

Keras 기본값(SGD 0.01, 나머지 0.001)은 수백만 개의 가중치를 가진 신경망을 위한 값이라, 이런 장난감 문제에서 50걸음만 가기에는 작습니다. 특히 적응형 옵티마이저는 $0.001$로는 거의 움직이지 않습니다. 아래에서 학습률을 바꿔 가며 확인합니다.
""",
        en=r"""
## Same start, seven paths

We use the two test functions of the previous chapter:

- the **ravine** $f(x, y) = \dfrac{x^2}{20} + y^2$, minimum at $(0, 0)$. Its curvature is $2$ along $y$ and $0.1$ along $x$, a factor of 20; real loss functions, too, are far steeper in some directions than in others. Start at $(-7, 2)$, 50 steps.
- the **saddle** $f(x, y) = x^2 - y^2$: the gradient is $0$ at $(0, 0)$, which is not a minimum. Start at $(-1, 0.001)$, just off the $x$-axis, 40 steps.

`lossbook.optimizers.minimize(optimizer, grad_fn, init, steps)` returns the path (the array of visited points). One learning rate per family:

- **SGD, Momentum, Nesterov: $\eta = 0.1$.** Their step is $\eta\times$gradient, so the ravine's steep $y$ direction makes plain SGD diverge unless $\eta < 1$; momentum $0.9$ multiplies the steps by up to 10, so $0.1$ is its natural partner.
- **Adagrad, RMSprop, Adam, Nadam: $\eta = 0.3$.** They divide the gradient by its own size (a moving average or a running sum of its squares), so as long as the gradient is not so small that $\epsilon$ dominates the denominator, their steps are of the order of $\eta$ per coordinate (RMSprop's first step is $\sqrt{10}\,\eta$, Adam's $\eta$; Keras's Adagrad, whose sum starts at $0.1$, only for gradients of about $1$ or more, as in this ravine). So to move meaningfully from a start 7 units away from the minimum within 50 steps they need about $0.3$.

Keras's defaults (0.01 for SGD, 0.001 for the others) are meant for networks with millions of weights; for a 50-step walk on a toy problem they are small, and at $0.001$ the adaptive optimizers barely move. We check this below by varying the learning rate.
""",
    ),
    code(
        """
def make_optimizers():
    # fresh optimizers (no state yet) with the learning rates used on the toy surfaces
    return {
        "SGD": SGD(learning_rate=0.1),
        "Momentum": SGD(learning_rate=0.1, momentum=0.9),
        "Nesterov": SGD(learning_rate=0.1, momentum=0.9, nesterov=True),
        "Adagrad": Adagrad(learning_rate=0.3),
        "RMSprop": RMSprop(learning_rate=0.3),
        "Adam": Adam(learning_rate=0.3),
        "Nadam": Nadam(learning_rate=0.3),
    }


ravine_start, saddle_start = [-7.0, 2.0], [-1.0, 0.001]
ravine_paths = {name: minimize(opt, ravine_grad, ravine_start, steps=50)
                for name, opt in make_optimizers().items()}
saddle_paths = {name: minimize(opt, saddle_grad, saddle_start, steps=40)
                for name, opt in make_optimizers().items()}

fig, axes = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [2.2, 1.3]})
contour_paths(ravine, ravine_paths, (-8, 3), (-2.5, 2.5), levels=15, ax=axes[0], minimum=(0, 0),
              title=tr("협곡 $x^2/20 + y^2$, 시작 (-7, 2), 50걸음",
                       "ravine $x^2/20 + y^2$, start (-7, 2), 50 steps"))
contour_paths(saddle, saddle_paths, (-1.6, 1.6), (-1.6, 1.6), levels=15, ax=axes[1],
              title=tr("안장 $x^2 - y^2$, 시작 (-1, 0.001), 40걸음",
                       "saddle $x^2 - y^2$, start (-1, 0.001), 40 steps"))
axes[1].get_legend().remove()
axes[0].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
for ax in axes:
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
fig.tight_layout()
plt.show()
""",
        alt={
            "ko": "두 개의 등고선 그림. 왼쪽은 길쭉한 협곡 x²/20 + y²에서 (-7, 2)를 출발한 일곱 옵티마이저의 50걸음 경로로, SGD와 Adagrad는 x ≈ -4 근처에서 느려지고, 모멘텀 계열과 Adam·Nadam은 최솟값을 지나쳤다가 돌아오며, RMSprop은 최솟값에 닿는다. 오른쪽은 안장 x² - y²에서 (-1, 0.001)을 출발한 경로로, 모두 안장점 (0, 0) 쪽으로 가다가 y 방향으로 빠져나가며 SGD가 가장 늦게 빠져나간다.",
            "en": "Two contour plots. Left: 50-step paths of seven optimizers from (-7, 2) in the elongated ravine x²/20 + y²; SGD and Adagrad slow down near x ≈ -4, the momentum family and Adam and Nadam overshoot the minimum and come back, RMSprop reaches it. Right: paths from (-1, 0.001) on the saddle x² - y²; all head towards the saddle point (0, 0) and leave along y, SGD last.",
        },
        caption={
            "ko": "같은 출발점에서 일곱 옵티마이저가 지나간 길: 협곡(왼쪽)과 안장(오른쪽)",
            "en": "Paths of the seven optimizers from the same start: ravine (left) and saddle (right)",
        },
        name="fig-optimizer-paths",
    ),
    code(
        """
def first_step(path, condition):
    # the first step k at which condition(point) holds, or "-" if never
    hits = [k for k, p in enumerate(path) if condition(p)]
    return str(hits[0]) if hits else "-"


print(tr("협곡: 50걸음 뒤의 f, f < 0.01이 된 첫 걸음 / 안장: |y| > 1이 된(빠져나간) 첫 걸음",
         "ravine: f after 50 steps, first step with f < 0.01 / saddle: first step with |y| > 1"))
print(f"{'':9s} {'lr':>5s} {'f(50)':>10s} {'f < 0.01':>9s} {'|y| > 1':>8s}")
for name, opt in make_optimizers().items():
    rp, sp = ravine_paths[name], saddle_paths[name]
    print(f"{name:9s} {opt.learning_rate:5.1f} {ravine(rp[-1]):10.2e}"
          f" {first_step(rp, lambda p: ravine(p) < 0.01):>9s}"
          f" {first_step(sp, lambda p: abs(p[1]) > 1):>8s}")
"""
    ),
    md(
        ko=r"""
그림과 표에서 읽을 수 있는 것:

- **협곡.** SGD는 $y$ 방향으로는 금방 바닥에 내려오지만 완만한 $x$ 방향으로는 걸음마다 $1 - 0.1 \times 0.1 = 0.99$배씩만 줄어 50걸음 뒤에도 $x \approx -4.2$에 머뭅니다. 모멘텀과 네스테로프는 $x$ 방향 속도를 쌓아 훨씬 빨리 내려가고, 네스테로프가 조금 덜 출렁입니다. Adagrad는 출발은 좋지만 $G$가 쌓이며 걸음이 줄어 가장 느린 축에 듭니다. RMSprop·Adam·Nadam은 좌표마다 걸음 크기를 맞추므로 완만한 $x$ 방향으로도 빠르게 나아갑니다. 그중 RMSprop은 50걸음 안에 바닥에 닿습니다(표의 $f \approx 10^{-11}$). Adam과 Nadam은 모멘텀 $m$이 쌓인 속도 때문에 최솟값을 **지나쳐** $x > 0$ 쪽으로 넘어갔다가 되돌아오는 중이라 50걸음 뒤에도 $f \approx 10^{-2}$입니다(Adam은 $y$ 방향으로도 크게 휘어 돌아옵니다). 관성이 있는 옵티마이저가 바닥 근처에서 출렁이는 것은 학습률을 줄여 가는 스케줄(learning-rate schedule)이 쓰이는 이유 중 하나입니다.
- **안장.** 출발점의 $y$ 기울기는 $-2 \times 0.001 = -0.002$로 아주 작습니다. SGD는 이 작은 기울기에 비례해서만 움직이므로 안장점 근처에서 오래 머물다 30걸음이 넘어서야 빠져나갑니다. 모멘텀 계열은 속도가 쌓여 절반 정도의 시간에 빠져나갑니다. RMSprop·Adam·Nadam은 작은 기울기를 **최근 기울기의 크기로 나누므로** $y$ 방향 걸음이 처음부터 $\eta$ 정도가 되어 2~4걸음 만에 빠져나갑니다. Adagrad가 9걸음 만에 빠져나가는 이유는 다릅니다. 누적값이 $G_0 = 0.1$에서 시작하므로 $\lvert g\rvert \ll \sqrt{0.1}$인 작은 기울기에서는 나누는 수가 $\sqrt{0.1} \approx 0.32$로 거의 고정되고, 걸음은 $\eta g/\sqrt{0.1} \approx 3.16\,\eta g$, 즉 **학습률 $3.16\eta \approx 0.95$인 SGD**처럼 움직입니다. 기울기 크기로 나누어서가 아니라, 이 실효 학습률(effective learning rate)이 SGD의 $0.1$보다 9.5배 크기 때문입니다(아래 셀).
""",
        en=r"""
What the figure and the table show:

- **Ravine.** SGD reaches the floor along the steep $y$ direction quickly, but along the gentle $x$ direction each step only multiplies $x$ by $1 - 0.1 \times 0.1 = 0.99$: after 50 steps it is still at $x \approx -4.2$. Momentum and Nesterov build up velocity along $x$ and descend much faster, Nesterov with less overshoot. Adagrad starts well but slows down as $G$ accumulates, ending among the slowest. RMSprop, Adam and Nadam scale each coordinate's step and move fast along the gentle $x$ direction too. RMSprop reaches the bottom within the 50 steps ($f \approx 10^{-11}$ in the table). Adam and Nadam **overshoot**: the velocity built up in their momentum $m$ carries them past the minimum to $x > 0$, and after 50 steps they are still on their way back, at $f \approx 10^{-2}$ (Adam also swings widely in $y$). Optimizers with inertia swinging around the bottom are one reason why learning-rate schedules that shrink $\eta$ over time are used.
- **Saddle.** At the start the $y$ gradient is only $-2 \times 0.001 = -0.002$. SGD moves in proportion to that tiny gradient, lingers near the saddle point and only escapes after more than 30 steps. The momentum family builds up speed and escapes in about half the time. RMSprop, Adam and Nadam **divide by the size of recent gradients**, so their $y$ steps are about $\eta$ from the start and they escape within 2 to 4 steps. Adagrad escapes at step 9 for a different reason: its accumulator starts at $G_0 = 0.1$, so for small gradients, $\lvert g\rvert \ll \sqrt{0.1}$, the divisor stays close to $\sqrt{0.1} \approx 0.32$ and the step is $\eta g/\sqrt{0.1} \approx 3.16\,\eta g$: Adagrad moves like **SGD with learning rate $3.16\eta \approx 0.95$**. Not normalisation but this effective learning rate, 9.5 times SGD's $0.1$, gets it out (next cell).
""",
    ),
    code(
        """
effective_lr = 0.3 / np.sqrt(0.1)  # Adagrad's lr / sqrt(G0) for gradients much smaller than sqrt(0.1)
sgd_like = minimize(SGD(learning_rate=effective_lr), saddle_grad, saddle_start, steps=40)
print(f"Adagrad(0.3) on small gradients ~ SGD(learning_rate={effective_lr:.3f})")
print("y over the first 5 steps:")
print("  Adagrad(0.3)  ", saddle_paths["Adagrad"][:6, 1].round(4))
print(f"  SGD({effective_lr:.3f})  ", sgd_like[:6, 1].round(4))
"""
    ),
    md(
        ko=r"""
처음 몇 걸음의 $y$가 거의 같습니다. $y$의 기울기가 작은 동안 Keras의 Adagrad는 학습률이 $0.3/\sqrt{0.1}$인 SGD와 같습니다. $y$가 커져 $g^2$가 $G_0 = 0.1$에 견줄 만해지면 그때부터 누적값이 걸음을 줄이기 시작합니다.

(ko-plateau-race)=
### 고원에서: 작은 기울기를 누가 키우나

안장점보다 더 분명한 예가 4장의 **고원** $f(x) = 1 - e^{-x^2}$입니다. $x_0 = 3$에서는 기울기가 $7.4\times10^{-4}$밖에 안 되어 SGD가 100걸음 동안 거의 못 움직였습니다. 모든 옵티마이저를 같은 학습률 $0.1$로 100걸음 보내 봅시다. 함수와 기울기는 연습 문제 4에서도 쓰도록 `lossbook.exercises.ch06`에 들어 있습니다.
""",
        en=r"""
The first few values of $y$ agree: while the $y$ gradient is small, Keras's Adagrad is SGD with learning rate $0.3/\sqrt{0.1}$. Only when $y$ has grown and $g^2$ becomes comparable with $G_0 = 0.1$ does the accumulator start to shrink the steps.

(en-plateau-race)=
### On a plateau: who enlarges small gradients?

An even clearer case than the saddle is chapter 4's **plateau** $f(x) = 1 - e^{-x^2}$. From $x_0 = 3$ the slope is only $7.4\times10^{-4}$, and SGD barely moved in 100 steps. Let us send every optimizer for 100 steps at the same learning rate $0.1$. The function and its gradient live in `lossbook.exercises.ch06`, for exercise 4 as well.
""",
    ),
    code(
        """
plateau, plateau_grad = check.plateau, check.plateau_grad
plateau_optimizers = {
    "SGD": SGD(learning_rate=0.1),
    "Momentum": SGD(learning_rate=0.1, momentum=0.9),
    "Adagrad": Adagrad(learning_rate=0.1),
    "RMSprop": RMSprop(learning_rate=0.1),
    "Adam": Adam(learning_rate=0.1),
    "Nadam": Nadam(learning_rate=0.1),
}
print(f"slope at x = 3: {plateau_grad(3.0):.2e}")
print(f"{'':9s} {'first step':>11s} {'x after 100 steps':>18s} {'f':>10s}")
for name, opt in plateau_optimizers.items():
    path = minimize(opt, plateau_grad, [3.0], steps=100)[:, 0]
    print(f"{name:9s} {path[0] - path[1]:11.2e} {path[-1]:18.4g} {plateau(path[-1]):10.2e}")
"""
    ),
    md(
        ko=r"""
- **RMSprop·Adam·Nadam**은 고원을 건넙니다. 최근 기울기의 크기로 나누므로 첫 걸음부터 SGD의 천 배 넘게 갑니다. Adam은 거의 $\eta = 0.1$($0.0996$)입니다. RMSprop은 $\sqrt{10}\,\eta \approx 0.32$가 아니라 $0.188$입니다. $\epsilon$이 제곱근 **안**에 있어서 첫 걸음이 $\eta\,g/\sqrt{0.1g^2+\epsilon} = \sqrt{10}\,\eta/\sqrt{1+10\epsilon/g^2}$이고, $g = 7.4\times10^{-4}$에서는 $10\epsilon/g^2 \approx 1.8$이 1보다 크기 때문입니다($g = 10^{-5}$이면 $0.0032$까지 줄어듭니다). 즉 "기울기 크기와 상관없이"는 기울기가 $\sqrt{\epsilon}$보다 충분히 클 때만 맞습니다. 100걸음 뒤에는 최솟값 $0$ 근처($x \approx 0.042$, $0.0056$, Nadam은 더 가까이)에 있습니다. 최근 기울기의 크기로 나누기 때문입니다.
- **Adagrad는 $3 \to 2.975$로 거의 움직이지 못합니다.** 분모 $\sqrt{G}$가 $\sqrt{0.1}$에서 시작하고, 매 걸음 더해지는 $g^2 \approx 5\times10^{-7}$은 그것을 거의 바꾸지 못합니다. 그래서 걸음은 $\eta g/\sqrt{0.1} \approx 3.16\,\eta g$, SGD의 3.16배일 뿐이고(첫 걸음 $2.3\times10^{-4}$ 대 $7.4\times10^{-5}$), **작은 기울기는 작은 걸음 그대로**입니다. "작은 기울기를 그 크기로 나눈다"는 설명은 Keras의 Adagrad에는 맞지 않습니다(논문처럼 $G_0 = 0$에서 시작하면 어떻게 되는지는 연습 문제 4).
- 모멘텀은 속도를 쌓아 SGD보다 10배쯤 더 가지만($3 \to 2.92$) 아직 고원 위에 있습니다.
""",
        en=r"""
- **RMSprop, Adam and Nadam** cross the plateau. Dividing by the size of recent gradients, their first steps are over a thousand times SGD's. Adam's first step is almost $\eta = 0.1$ ($0.0996$). RMSprop's is $0.188$, not $\sqrt{10}\,\eta \approx 0.32$: its $\epsilon$ sits **inside** the square root, so the first step is $\eta\,g/\sqrt{0.1g^2+\epsilon} = \sqrt{10}\,\eta/\sqrt{1+10\epsilon/g^2}$, and at $g = 7.4\times10^{-4}$ the term $10\epsilon/g^2 \approx 1.8$ outweighs the 1 (at $g = 10^{-5}$ the step would be $0.0032$). "Whatever the gradient's size" holds only for gradients well above $\sqrt{\epsilon}$. After 100 steps they are near the minimum at $0$ ($x \approx 0.042$, $0.0056$, Nadam closer still): they divide by the size of recent gradients.
- **Adagrad barely moves, $3 \to 2.975$.** Its denominator $\sqrt{G}$ starts at $\sqrt{0.1}$, and the $g^2 \approx 5\times10^{-7}$ added per step hardly changes it. So its step is $\eta g/\sqrt{0.1} \approx 3.16\,\eta g$, just 3.16 times SGD's (first step $2.3\times10^{-4}$ against $7.4\times10^{-5}$): **small gradients stay small steps**. "Dividing small gradients by their own size" does not describe Keras's Adagrad (exercise 4 asks what happens when it starts from $G_0 = 0$, as in the paper).
- Momentum builds up speed and goes about 10 times further than SGD ($3 \to 2.92$), but is still on the plateau.
""",
    ),
    md(
        ko=r"""
### 학습률은 얼마나 민감한가

위 학습률이 특별히 고른 값이 아니라는 것을 보이려고, 협곡에서 학습률을 $0.001$부터 $1$까지 바꿔 50걸음 뒤의 $f$를 표로 만듭니다(출발점의 $f$는 $6.45$). `inf`는 발산했다는 뜻입니다.
""",
        en=r"""
### How sensitive is the learning rate?

To show that the learning rates above are not cherry-picked, here is $f$ after 50 steps in the ravine for learning rates from $0.001$ to $1$ (at the start $f = 6.45$; `inf` means the run diverged).
""",
    ),
    code(
        """
learning_rates = [0.001, 0.01, 0.1, 0.3, 1.0]
families = {
    "SGD": lambda lr: SGD(learning_rate=lr),
    "Momentum": lambda lr: SGD(learning_rate=lr, momentum=0.9),
    "Nesterov": lambda lr: SGD(learning_rate=lr, momentum=0.9, nesterov=True),
    "Adagrad": lambda lr: Adagrad(learning_rate=lr),
    "RMSprop": lambda lr: RMSprop(learning_rate=lr),
    "Adam": lambda lr: Adam(learning_rate=lr),
    "Nadam": lambda lr: Nadam(learning_rate=lr),
}


def final_value(make, lr):
    path = minimize(make(lr), ravine_grad, ravine_start, steps=50)
    return ravine(path[-1]) if np.all(np.abs(path[-1]) < 1e6) else np.inf


print("lr        " + "".join(f"{lr:>10g}" for lr in learning_rates))
for name, make in families.items():
    print(f"{name:9s} " + "".join(f"{final_value(make, lr):10.2e}" for lr in learning_rates))
"""
    ),
    md(
        ko=r"""
$\eta = 1$에서 SGD는 협곡을 가로질러 영원히 튀고($f = 4$) 네스테로프는 발산하며, 적응형 옵티마이저는 $\eta = 0.001$이나 $0.01$에서 50걸음 동안 거의 움직이지 못합니다. 두 계열에서 학습률의 "단위"가 다르다는 것, 그래서 Keras 기본값도 SGD는 $0.01$, 적응형은 $0.001$로 다르다는 것을 기억해 두세요.
""",
        en=r"""
At $\eta = 1$ plain SGD bounces across the ravine forever ($f = 4$) and Nesterov diverges, while the adaptive optimizers hardly move in 50 steps at $\eta = 0.001$ or $0.01$. The learning rate means something different in the two families — which is also why Keras's defaults differ: $0.01$ for SGD, $0.001$ for the adaptive ones.
""",
    ),
    md(
        ko=r"""
{ref}`「모델 컴파일」 글 <ko-post-model-compile>`은 말안장 곡면 위 옵티마이저 애니메이션을 두고 "SGD는 지역 최솟값에 빠졌다"고 설명하지만, 위 오른쪽 그림에서 보듯 그 곡면에는 최솟값이 없고 SGD는 **안장점** 근처에서 오래 머물 뿐입니다. 자세한 내용은 {ref}`4장의 바로잡기 <ko-fix-saddle>`에 있습니다.

```{admonition} 바로잡기: 등고선 그림은 "n차원 입체"가 아니라 변수 두 개짜리 함수입니다
:class: warning
같은 글은 첫 번째(등고선) 그림을 "해가 n개이므로, 파라미터는 평면이 아니라 입체이며, 이 입체를 이해하기 쉽도록 2차원 등고선으로 그린 것"이라고 설명합니다. 등고선 그림은 **파라미터가 정확히 두 개**인 함수 $L(w_1, w_2)$를 그린 것입니다. 두 파라미터와 함숫값을 합친 3차원 곡면을 위에서 내려다보고 높이가 같은 점들을 선으로 이은 것이죠(위 그림의 협곡과 안장도 마찬가지입니다). 파라미터가 $n$개인 신경망의 손실 곡면은 $n+1$차원이라 그릴 수 없습니다. 이런 2차원 함수는 그 성질(가파른 방향과 완만한 방향, 안장점)을 흉내 낸 **축소 모형**입니다.
```
""",
        en=r"""
{ref}`The “Model compile” post <en-post-model-compile>` describes the optimizers' animation on a saddle-shaped surface with "SGD fell into a local minimum"; as the right-hand figure above shows, that surface has no minimum at all, and SGD merely lingers near the **saddle point**. {ref}`Chapter 4's correction <en-fix-saddle>` has the details.

```{admonition} Correction: a contour plot shows a function of two parameters, not an "n-dimensional solid"
:class: warning
The same post explains its first (contour) figure with "since there are n solutions, the parameters form a solid rather than a plane, drawn as 2-D contours to make it easy to understand". A contour plot shows a function of **exactly two parameters**, $L(w_1, w_2)$: the 3-D surface formed by the two parameters and the function value, seen from above, with points of equal height joined by lines (the ravine and the saddle above are drawn the same way). The loss surface of a network with $n$ parameters lives in $n+1$ dimensions and cannot be drawn; 2-D functions like these are **scale models** that mimic its features (steep and flat directions, saddle points).
```
""",
    ),
    md(
        ko=r"""
### 애니메이션: 협곡 경주

일곱 옵티마이저가 협곡의 같은 출발점에서 동시에 출발합니다. 처음 30걸음을 보여 주며, 한 프레임이 세 걸음입니다. ▶를 눌러 재생하세요.
""",
        en=r"""
### Animation: the ravine race

The seven optimizers leave the same start in the ravine at the same time. The animation shows the first 30 steps, three steps per frame; press ▶ to play.
""",
    ),
    code(
        """
first_30 = {name: path[:31] for name, path in ravine_paths.items()}
animate_paths(ravine, first_30, (-8, 3), (-2.5, 2.5), levels=15, n=100, max_frames=11,
              interval=400, minimum=(0, 0), title=tr("협곡", "ravine"),
              alt=tr("협곡 x²/20 + y²의 등고선 위에서 일곱 옵티마이저가 (-7, 2)를 동시에 출발해 "
                     "30걸음까지 세 걸음씩 나아가는 애니메이션. SGD는 x 방향으로 느리게 가고, "
                     "모멘텀 계열과 적응형 옵티마이저는 최솟값 (0, 0)을 향해 빠르게 나아간다.",
                     "Animation on the contours of the ravine x²/20 + y²: seven optimizers leave "
                     "(-7, 2) together and advance three steps per frame up to step 30. SGD "
                     "creeps along x; the momentum family and the adaptive optimizers head "
                     "quickly for the minimum at (0, 0)."))
""",
        caption={"ko": "협곡 경주: 일곱 옵티마이저의 처음 30걸음",
                 "en": "The ravine race: the first 30 steps of seven optimizers"},
        name="fig-ravine-race",
    ),
    # ------------------------------------------------------------ MNIST
    md(
        ko=r"""
## MNIST에서 비교하기

장난감 함수가 아니라 실제 신경망에서도 차이가 나는지 봅시다. 번들된 MNIST {cite}`lecun1998mnist` 훈련 이미지의 앞 3,200장으로 작은 다층 퍼셉트론(MLP) 784-128-64-10을 학습시키고, 시험 이미지 10,000장 전체로 정확도를 잽니다. 공정한 비교를 위해

- 초기 가중치가 모두 같도록 매번 `Sequential(..., seed=0)`으로 새 모델을 만들고,
- 미니배치 순서도 같도록 에포크(epoch)마다 섞는 순서를 미리 정해 두고,
- 학습률은 **Keras 기본값**을 그대로 씁니다(SGD 계열 $0.01$, 나머지 $0.001$). 모멘텀 계수는 $0.9$입니다.

손실 곡선을 그리려고 에포크를 10조각(320장, 10걸음씩)으로 나눠 `fit`을 조각마다 부릅니다. Keras처럼 옵티마이저의 상태는 모델에 남아 있으므로 `fit`을 이어서 부르면 학습이 그대로 이어집니다. 각 점은 그 조각 10걸음의 평균 훈련 손실입니다.
""",
        en=r"""
## Comparing them on MNIST

Do the differences survive outside toy functions? We train a small multilayer perceptron (MLP), 784-128-64-10, on the first 3,200 images of the bundled MNIST training set {cite}`lecun1998mnist` and measure accuracy on all 10,000 test images. To make the comparison fair:

- every optimizer starts from the same initial weights: a new `Sequential(..., seed=0)` each time;
- every optimizer sees the same mini-batches: the shuffling order of each epoch is fixed in advance;
- learning rates are **Keras's defaults** ($0.01$ for the SGD family, $0.001$ for the rest), with momentum $0.9$.

To draw loss curves we split each epoch into 10 chunks (320 images, 10 steps each) and call `fit` per chunk. As in Keras, the optimizer's state lives in the model, so consecutive `fit` calls simply continue training. Each point is the mean training loss over those 10 steps.
""",
    ),
    code(
        """
(x_train, y_train), (x_test, y_test) = load_mnist()
n_train, chunk, epochs = 3200, 320, 2
x_small, y_small = x_train[:n_train] / 255.0, y_train[:n_train]
x_test = x_test / 255.0
print(f"train {x_small.shape}, test {x_test.shape}, labels of the first ten: {y_small[:10]}")

orders = [np.random.default_rng(epoch).permutation(n_train) for epoch in range(epochs)]


def make_model():
    return Sequential([
        Input((28, 28)),
        Flatten(),
        Dense(128, activation="relu"),
        Dense(64, activation="relu"),
        Dense(10, activation="softmax"),
    ], seed=0)


def train(optimizer):
    model = make_model()
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    curve = []
    for order in orders:
        for start in range(0, n_train, chunk):
            idx = order[start:start + chunk]
            history = model.fit(x_small[idx], y_small[idx], epochs=1, batch_size=32,
                                shuffle=False, verbose=0)
            curve.append(history.history["loss"][0])
    return model, np.array(curve)
"""
    ),
    code(
        """
mnist_optimizers = {
    "SGD": SGD(),  # Keras defaults: learning_rate=0.01
    "Momentum": SGD(momentum=0.9),
    "Nesterov": SGD(momentum=0.9, nesterov=True),
    "Adagrad": Adagrad(),  # learning_rate=0.001 for these four
    "RMSprop": RMSprop(),
    "Adam": Adam(),
    "Nadam": Nadam(),
}
curves, scores = {}, {}
for name, opt in mnist_optimizers.items():
    model, curves[name] = train(opt)
    scores[name] = model.evaluate(x_test, y_test, batch_size=256, verbose=0)

steps = np.arange(1, len(curves["SGD"]) + 1) * chunk // 32
fig, ax = plt.subplots(figsize=(8, 4.5))
for name, curve in curves.items():
    ax.plot(steps, curve, "o-", ms=3, label=name)
ax.set_xlabel(tr("옵티마이저 걸음 수 (배치 32)", "optimizer steps (batch 32)"))
ax.set_ylabel(tr("훈련 손실 (10걸음 평균)", "training loss (mean of 10 steps)"))
ax.set_title(tr("MNIST 3,200장, 784-128-64-10, Keras 기본 학습률",
                "MNIST 3,200 images, 784-128-64-10, Keras default learning rates"))
ax.legend(ncol=2, loc="lower left", bbox_to_anchor=(0.35, 0.2))
plt.show()
""",
        alt={
            "ko": "일곱 옵티마이저의 MNIST 훈련 손실 곡선(가로축 옵티마이저 걸음 수 10~200, 세로축 10걸음 평균 손실). RMSprop·Adam·Nadam이 가장 빨리 내려가고 모멘텀과 네스테로프가 뒤따르며, SGD는 천천히 내려가고 Adagrad는 약 2.3에서 2.0으로 거의 내려가지 않는다.",
            "en": "MNIST training-loss curves of seven optimizers (optimizer steps 10 to 200 across, mean loss over 10 steps up). RMSprop, Adam and Nadam fall fastest, Momentum and Nesterov follow, SGD descends slowly and Adagrad barely falls, from about 2.3 to 2.0.",
        },
        caption={
            "ko": "MNIST에서 Keras 기본 학습률로 비교한 훈련 손실",
            "en": "Training loss on MNIST at Keras's default learning rates",
        },
        name="fig-mnist-optimizers",
    ),
    code(
        """
print(tr("학습률, 마지막 10걸음의 훈련 손실, 시험 손실, 시험 정확도(10,000장)",
         "learning rate, training loss of the last 10 steps, test loss, test accuracy (10,000 images)"))
print(f"{'':9s} {'lr':>6s} {'train':>7s} {'test':>7s} {'accuracy':>9s}")
for name, opt in mnist_optimizers.items():
    test_loss, test_acc = scores[name]
    print(f"{name:9s} {opt.learning_rate:6g} {curves[name][-1]:7.3f} {test_loss:7.3f}"
          f" {100 * test_acc:7.1f} %")
"""
    ),
    md(
        ko=r"""
2 에포크(200걸음)라는 짧은 학습에서 보이는 것:

- **기본값만으로** RMSprop·Adam·Nadam이 가장 빨리 손실을 줄입니다. 모멘텀 계열이 그 뒤를 따르고, 모멘텀 없는 SGD는 $0.01$이라는 학습률로는 아직 한참 느립니다.
- **Adagrad는 Keras 기본값($\eta = 0.001$)에서 거의 배우지 못합니다.** 기울기 제곱이 처음부터 $G_0 = 0.1$에 더해져 분모가 크고, 그 뒤로도 계속 커지기 때문입니다. 옵티마이저를 바꿀 때는 학습률도 같이 바꿔야 한다는 좋은 예입니다. 바로 아래 셀에서 학습률을 10배, 50배로 키워 봅니다.
- 이 순위는 이 설정(작은 데이터, 짧은 학습, 기본 학습률)의 결과일 뿐입니다. 학습률을 각자 조정하고 오래 학습하면 SGD+모멘텀이 Adam만큼, 때로는 더 좋은 결과를 내기도 합니다.
""",
        en=r"""
What two epochs (200 steps) show:

- **With their defaults alone**, RMSprop, Adam and Nadam bring the loss down fastest, the momentum family follows, and plain SGD with its learning rate of $0.01$ is still far behind.
- **Adagrad hardly learns at Keras's default $\eta = 0.001$**: the squared gradients are added to $G_0 = 0.1$ from the start, so the denominator is large, and it only keeps growing. A good example that changing the optimizer means changing the learning rate too; the cell right below multiplies it by 10 and by 50.
- The ranking belongs to this setting (small data, short training, default learning rates). With each learning rate tuned and longer training, SGD with momentum often does as well as Adam, sometimes better.
""",
    ),
    code(
        """
for lr in (0.01, 0.05):
    model, curve = train(Adagrad(learning_rate=lr))
    test_loss, test_acc = model.evaluate(x_test, y_test, batch_size=256, verbose=0)
    print(f"Adagrad({lr}): last train loss {curve[-1]:.3f}, test accuracy {100 * test_acc:.1f} %")
"""
    ),
    md(
        ko=r"""
학습률을 키우면 Adagrad도 다른 옵티마이저에 가깝게 배웁니다. 기본값 $0.001$은 이 문제에 너무 작을 뿐입니다.
""",
        en=r"""
With a larger learning rate Adagrad learns nearly as well as the others; the default $0.001$ is simply too small for this problem.
""",
    ),
    # ------------------------------------------------------------ defaults and Adam
    md(
        ko=r"""
## 기본 학습률과 Adam이 좋은 기본값인 이유

`compile(optimizer="adam")`처럼 문자열로 옵티마이저를 주면 Keras는 **기본값으로** 새 옵티마이저를 만듭니다. {ref}`「모델 컴파일」 글 <ko-post-model-compile>`이 말한 대로 이 방법으로는 학습률 같은 하이퍼파라미터(hyperparameter)를 바꿀 수 없으니, 바꾸려면 `Adam(learning_rate=0.005)`처럼 객체를 넘겨야 합니다(그 글의 MNIST 모델이 그렇게 합니다. 기본값의 5배입니다). `lossbook.optimizers.get`도 Keras처럼 문자열을 기본값 객체로 바꿉니다(대소문자 무관).
""",
        en=r"""
## Default learning rates, and why Adam is a good default

Given a string, as in `compile(optimizer="adam")`, Keras builds a new optimizer **with its default settings**. As {ref}`the “Model compile” post <en-post-model-compile>` says, this way you cannot change hyperparameters such as the learning rate; to change them, pass an object such as `Adam(learning_rate=0.005)` (that post's MNIST model does exactly that: five times the default). `lossbook.optimizers.get` resolves strings the same way (case-insensitively).
""",
    ),
    code(
        """
for name in ["sgd", "adagrad", "rmsprop", "Adam", "nadam"]:
    print(f"{name!r:10s} -> {lossbook.optimizers.get(name)}")
"""
    ),
    md(
        ko=r"""
Adam이 좋은 **첫 선택**인 이유는 식에서 나옵니다.

1. **기울기의 크기(scale)에 둔감합니다.** $m/\sqrt{v}$에서 기울기를 $c$배 하면 분자와 분모가 모두 $c$배가 되어 걸음이 거의 변하지 않습니다. 층마다, 가중치마다 기울기 크기가 수십~수천 배 다른 신경망에서 학습률 하나로 버틸 수 있는 이유입니다. SGD의 걸음은 기울기에 그대로 비례합니다.
2. **걸음 크기가 대략 $\eta$로 정해집니다.** 그래서 학습률의 의미가 "한 걸음에 가중치가 움직이는 대략의 거리"로 직관적이고, 기본값 $0.001$이 여러 문제에 무난합니다.
3. **모멘텀(평균 $m$)이 미니배치 기울기의 잡음을 줄이고, 편향 보정 덕분에 첫 걸음부터 크기가 제대로 나옵니다**(위의 걸음 크기 표).

아래 셀은 1번을 확인합니다. 협곡의 기울기를 $0.01$배, $1$배, $100$배 한 함수(모양은 같고 가파르기만 다름)에서 같은 학습률로 50걸음 간 뒤의 위치입니다.
""",
        en=r"""
Why Adam is a good **first choice** follows from its formula:

1. **It is insensitive to the scale of the gradient.** Multiply the gradient by $c$ and both the numerator and the denominator of $m/\sqrt{v}$ are multiplied by $c$: the step hardly changes. In a network whose gradients differ by factors of tens to thousands between layers and weights, this is what lets a single learning rate work. SGD's step is proportional to the gradient.
2. **Its step size is about $\eta$**, so the learning rate has an intuitive meaning ("roughly how far a weight moves per step") and the default $0.001$ works reasonably on many problems.
3. **The momentum (the average $m$) smooths the noise of mini-batch gradients, and the bias correction gets the size of the very first steps right** (the step-size table above).

The next cell checks point 1: the position after 50 steps, at the same learning rate, on the ravine with its gradient multiplied by $0.01$, $1$ and $100$ (the same shape, only flatter or steeper).
"""
    ),
    code(
        """
for scale in (0.01, 1.0, 100.0):
    def scaled_grad(p, scale=scale):
        return scale * ravine_grad(p)

    with np.errstate(over="ignore", invalid="ignore"):
        sgd_end = minimize(SGD(learning_rate=0.1), scaled_grad, ravine_start, steps=50)[-1]
    adam_end = minimize(Adam(learning_rate=0.3), scaled_grad, ravine_start, steps=50)[-1]
    print(f"gradient x {scale:<6g} SGD(0.1): ({sgd_end[0]:10.3g}, {sgd_end[1]:10.3g})   "
          f"Adam(0.3): ({adam_end[0]:.4f}, {adam_end[1]:.4f})")
"""
    ),
    md(
        ko=r"""
SGD는 기울기가 작아지면 거의 움직이지 않고($x$가 출발점 $-7$ 근처), 커지면 발산합니다. Adam의 끝점은 세 경우 모두 소수점 셋째 자리까지 같습니다(기울기가 $0.01$배일 때만 $\epsilon$ 때문에 아주 조금 다릅니다).

```{admonition} 바로잡기: "Adam이 가장 많이 쓰이니 추천하지 않는다"는 근거가 없습니다
:class: warning
{ref}`「모델 컴파일」 글 <ko-post-model-compile>`("2. Optimizer" 절)은 "단순하게 가장 많이 사용하는 Optimizer가 Adam이므로, Adam을 사용하는 것은 그다지 추천할 수 없는 방법"이라고 씁니다. Adam이 많이 쓰이는 데에는 위 셀에서 본 이유가 있습니다. 기울기 크기에 둔감하고, 걸음 크기가 학습률로 정해지며, 기본값으로도 잘 동작합니다(위 MNIST 표에서 기본값 그대로 상위권). 그래서 새 문제의 **첫 시도로는 좋은 선택**입니다. 맞는 말은 그다음입니다. 어떤 옵티마이저든 학습률은 조정해야 하고(그 글 자신도 `Adam(learning_rate=0.005)`를 씁니다), 문제에 따라 SGD+모멘텀이 더 나을 수 있으므로 여러 옵티마이저를 비교해 보는 습관은 좋습니다.
```
""",
        en=r"""
SGD barely moves when the gradient is small ($x$ stays near its start, $-7$) and diverges when it is large. Adam's end points agree to three decimals in all three cases (only the $0.01$ case differs slightly, because of $\epsilon$).

```{admonition} Correction: "Adam is the most used, so it is not recommended" has no basis
:class: warning
{ref}`The “Model compile” post <en-post-model-compile>` ("2. Optimizer") says that "simply because Adam is the most used optimizer, using Adam is not a recommended method". Adam is popular for the reasons seen in the cell above: it is insensitive to the scale of the gradient, its step size is set by the learning rate, and it works well with its defaults (near the top of the MNIST table above, untuned). That makes it **a good first choice** for a new problem. What is true comes next: whatever the optimizer, its learning rate needs tuning (the post itself uses `Adam(learning_rate=0.005)`), and for some problems SGD with momentum does better, so comparing several optimizers is a good habit.
```
""",
    ),
    # ------------------------------------------------------------ summary
    md(
        ko=r"""
## 요약

- 옵티마이저는 기울기를 한 걸음으로 바꾸는 규칙입니다. 데이터를 미니배치로 뽑는 "확률적" 부분은 `fit`이 합니다.
- **모멘텀**은 속도를 쌓아 지그재그를 줄이고 완만한 방향에서 가속합니다. **네스테로프**는 앞을 보고 기울기를 재 일찍 감속합니다(Keras는 미리 가 본 점을 변수에 저장하는 형태).
- **Adagrad**는 좌표마다 기울기 제곱의 합으로 나누지만 걸음이 계속 줄어듭니다. Keras의 Adagrad는 그 합을 $0.1$에서 시작하므로 작은 기울기를 키우지 못합니다(고원에서 거의 제자리). 안장점을 빨리 벗어나는 것은 실효 학습률 $\eta/\sqrt{0.1}$ 덕분입니다. 걸음이 계속 줄어드는 문제는 **RMSprop**이 이동 평균으로 고쳤습니다. **Adam**은 모멘텀 + RMSprop + 편향 보정이고, **Nadam**은 Adam에 네스테로프를 더한 것입니다.
- Keras 3의 식은 논문과 조금씩 다릅니다. Adagrad의 $G_0 = 0.1$과 제곱근 안의 $\epsilon$, Adam의 $\epsilon$ 위치와 기본값 $10^{-7}$, Nadam의 모멘텀 일정 $0.96^t$(논문은 $0.96^{t/250}$) 등입니다.
- 학습률의 의미는 계열마다 다릅니다(SGD 계열은 기울기에 곱하는 수, 적응형은 대략의 걸음 크기). 그래서 Keras 기본값도 SGD $0.01$, 나머지 $0.001$로 다르고, 옵티마이저를 바꾸면 학습률도 다시 정해야 합니다.
- Adam은 기울기 크기에 둔감하고 기본값으로도 잘 동작해 좋은 첫 선택입니다. 그래도 학습률 조정과 다른 옵티마이저와의 비교는 여전히 가치가 있습니다.
""",
        en=r"""
## Summary

- An optimizer is the rule that turns a gradient into a step; the "stochastic" part, drawing mini-batches, is done by `fit`.
- **Momentum** builds up velocity, damping the zig-zag and accelerating along gentle directions; **Nesterov** measures the slope ahead and brakes earlier (Keras stores the look-ahead point as the variable).
- **Adagrad** divides each coordinate by its summed squared gradients, but its steps keep shrinking; Keras starts that sum at $0.1$, so it does not enlarge small gradients (it hardly moves on the plateau) and leaves the saddle quickly only thanks to its effective learning rate $\eta/\sqrt{0.1}$; **RMSprop** fixes the ever-shrinking steps with a moving average; **Adam** is momentum + RMSprop + bias correction; **Nadam** is Adam with Nesterov momentum.
- Keras 3's formulas differ from the papers in details: Adagrad's $G_0 = 0.1$ and $\epsilon$ inside the root, Adam's placement of $\epsilon$ and its default $10^{-7}$, Nadam's momentum schedule $0.96^t$ (the paper's is $0.96^{t/250}$).
- The learning rate means different things in the two families (a factor on the gradient for SGD, roughly the step size for adaptive methods). Hence Keras's different defaults, $0.01$ for SGD and $0.001$ for the others, and the need to re-tune the learning rate when switching optimizers.
- Adam is insensitive to the scale of the gradient and works well with its defaults, which makes it a good first choice; tuning the learning rate and comparing with other optimizers are still worth doing.
""",
    ),
    # ------------------------------------------------------------ exercises
    md(
        ko=r"""
## 연습 문제

각 문제의 코드 셀에서 `...`를 여러분의 답으로 바꾸고 셀을 실행하세요. 마지막 줄의 `check....`가 바로 채점합니다(⏳ 아직 풀지 않음, ❌ 어디가 틀렸는지, ✅ 정답). 풀이는 이 페이지 맨 끝의 {ref}`ko-ch06-solutions`에 있습니다.

**문제 1.** 기울기가 $g = 2$일 때 `RMSprop(learning_rate=0.01)`의 첫 걸음은 얼마인가요? 같은 상황에서 `Adam(learning_rate=0.01)`의 첫 걸음은요? 위의 식으로 손으로 계산해 숫자(유효숫자 4자리면 충분합니다)로 적으세요.
""",
        en=r"""
## Exercises

In each exercise's code cell, replace `...` with your answer and run the cell; the `check....` on its last line grades it at once (⏳ not attempted yet, ❌ what is wrong and where, ✅ correct). The solutions are at the very end of this page, under {ref}`en-ch06-solutions`.

**Exercise 1.** With gradient $g = 2$, how large is the first step of `RMSprop(learning_rate=0.01)`? And the first step of `Adam(learning_rate=0.01)` in the same situation? Compute both by hand from the formulas above and write them as numbers (four significant digits are enough).
""",
    ),
    code(
        """
rmsprop_step = ...  # the size of RMSprop's first step
adam_step = ...  # the size of Adam's first step
check.first_steps(rmsprop_step, adam_step)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 2.** 모멘텀 한 걸음 $v \leftarrow \mu v - \eta g,\ w \leftarrow w + v$를 함수로 쓰세요. `momentum_step(w, v, g, lr, mu)`는 새 `(w, v)`를 돌려줍니다. 검사는 이 함수를 여러 걸음 이어 부르며 매 걸음 `SGD(learning_rate=lr, momentum=mu)`와 비교합니다.
""",
        en=r"""
**Exercise 2.** Write one momentum step, $v \leftarrow \mu v - \eta g,\ w \leftarrow w + v$, as a function: `momentum_step(w, v, g, lr, mu)` returns the new `(w, v)`. The check calls it for several steps in a row and compares every step with `SGD(learning_rate=lr, momentum=mu)`.
""",
    ),
    code(
        """
def momentum_step(w, v, g, lr, mu):
    ...  # compute the new v, then the new w
    # return w, v


check.momentum_step(momentum_step)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 3.** Keras의 네스테로프 식이 Sutskever 등의 "앞을 보고 기울기를 재는" 식과 같은 경로라는 것을 확인하세요. 논문 식 $v \leftarrow \mu v - \eta\nabla f(w + \mu v),\ w \leftarrow w + v$를 NumPy로 `steps`걸음 돌리는 함수 `nesterov_look_ahead(grad_fn, w0, lr, mu, steps)`를 쓰세요. $v$는 $0$에서 시작하고, 함수는 출발점을 포함한 매 걸음의 **미리 가 본 자리** $w + \mu v$를 모양 `(steps + 1, 2)`인 배열로 돌려줍니다. 검사는 그 배열을 `minimize(SGD(..., nesterov=True), ...)`의 경로와 비교합니다.
""",
        en=r"""
**Exercise 3.** Check that Keras's Nesterov formula traces the same path as Sutskever et al.'s "measure the gradient ahead" formula. Write `nesterov_look_ahead(grad_fn, w0, lr, mu, steps)`, which runs the paper's $v \leftarrow \mu v - \eta\nabla f(w + \mu v),\ w \leftarrow w + v$ for `steps` steps in plain NumPy, with $v$ starting at $0$, and returns the **look-ahead point** $w + \mu v$ of every step, the start included, as an array of shape `(steps + 1, 2)`. The check compares it with the path of `minimize(SGD(..., nesterov=True), ...)`.
""",
    ),
    code(
        """
def nesterov_look_ahead(grad_fn, w0, lr, mu, steps):
    ...  # start at w = w0, v = 0 and record w + mu * v; run the paper's loop,
    # recording w + mu * v after every step; return the points as an array


check.nesterov_look_ahead(nesterov_look_ahead)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 4.** Duchi 등의 논문처럼 누적값을 $G_0 = 0$에서 시작하면 Adagrad는 고원에서 어떻게 될까요? `Adagrad(learning_rate=0.1, initial_accumulator_value=0.0)`으로 $x_0 = 3$에서 100걸음 간 뒤의 $x$를 구하세요(`minimize`와 위의 `plateau_grad`를 쓰면 됩니다). Keras 기본값으로 간 $2.975$와 비교해 보세요.
""",
        en=r"""
**Exercise 4.** What does Adagrad do on the plateau if, as in Duchi et al.'s paper, its accumulator starts at $G_0 = 0$? Find $x$ after 100 steps from $x_0 = 3$ with `Adagrad(learning_rate=0.1, initial_accumulator_value=0.0)` (use `minimize` and `plateau_grad` from above), and compare with the $2.975$ of Keras's default.
""",
    ),
    code(
        """
x_100 = ...  # x after 100 steps of Adagrad started at G0 = 0
check.adagrad_paper_start(x_100)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 5.** 협곡에서 모멘텀 없는 SGD는 $\eta < 1$이어야 발산하지 않았습니다(4장). 모멘텀 $\mu = 0.9$를 쓰면 $\eta$를 얼마까지 키울 수 있을까요? $y$ 방향만 보면 `SGD(momentum=0.9)`는 $y_{t+1} = y_t - 2\eta y_t + \mu(y_t - y_{t-1})$이고, 이 점화식은 $0 < 2\eta < 2(1+\mu)$일 때 안정합니다. Keras식 네스테로프(`nesterov=True`)의 경계는 $\eta < (1+\mu)/(1+2\mu)$입니다. 출발점 $(-7, 2)$에서 200걸음 가면 다음 네 경우는 각각 수렴(`"converges"`)할까요, 발산(`"diverges"`)할까요? 먼저 예측해 답하고, 그다음 `minimize`로 확인하세요.

(a) `SGD(learning_rate=1.85, momentum=0.9)` (b) `SGD(learning_rate=1.95, momentum=0.9)` (c) `SGD(learning_rate=0.6, momentum=0.9, nesterov=True)` (d) `SGD(learning_rate=0.75, momentum=0.9, nesterov=True)`
""",
        en=r"""
**Exercise 5.** In the ravine, SGD without momentum only converges for $\eta < 1$ (chapter 4). How far can $\eta$ go with momentum $\mu = 0.9$? Along $y$ alone, `SGD(momentum=0.9)` is $y_{t+1} = y_t - 2\eta y_t + \mu(y_t - y_{t-1})$, a recurrence that is stable for $0 < 2\eta < 2(1+\mu)$; for Keras-style Nesterov (`nesterov=True`) the limit is $\eta < (1+\mu)/(1+2\mu)$. From $(-7, 2)$, over 200 steps, does each of these four runs converge (`"converges"`) or diverge (`"diverges"`)? Predict first, then check with `minimize`.

(a) `SGD(learning_rate=1.85, momentum=0.9)` (b) `SGD(learning_rate=1.95, momentum=0.9)` (c) `SGD(learning_rate=0.6, momentum=0.9, nesterov=True)` (d) `SGD(learning_rate=0.75, momentum=0.9, nesterov=True)`
""",
    ),
    code(
        """
answers = {"a": ..., "b": ..., "c": ..., "d": ...}  # "converges" or "diverges"
check.stability(answers)
""",
        tags=["exercise"],
    ),
    # ------------------------------------------------------------ solutions
    md(
        ko=r"""
(ko-ch06-solutions)=
## 풀이

먼저 스스로 풀어 보세요. 풀이는 설명(「N번 풀이 보기」)과 코드(「풀이 보기」)가 각각 접혀 있습니다. 풀이 코드는 답을 정의하고 같은 검사를 불러 ✅를 냅니다.

1. RMSprop: $s = 0.1 \cdot 2^2 = 0.4$, 걸음 $= 0.01 \cdot 2/\sqrt{0.4} = 0.01\sqrt{10} \approx 0.03162$, 즉 $\sqrt{10}\,\eta$입니다. 일반적으로는 $\sqrt{10}\,\eta/\sqrt{1+10\epsilon/g^2}$이라, $g = 2$처럼 $g^2 \gg 10\epsilon$일 때만 $\sqrt{10}\,\eta$입니다(고원의 $g = 7.4\times10^{-4}$에서는 $0.59\sqrt{10}\,\eta$). Adam: $m = 0.2,\ v = 0.004$, $\alpha_1 = 0.01\sqrt{0.001}/0.1$, 걸음 $= \alpha_1 \cdot 0.2/\sqrt{0.004} = 0.01$. 편향 보정 덕분에 정확히 $\eta$입니다($\epsilon$ 때문에 아주 조금 작습니다).
""",
        en=r"""
(en-ch06-solutions)=
## Solutions

Try on your own first. Each solution's explanation (“Show solution N”) and code (“Show solution”) are folded; the code defines the answer and calls the same check, which prints ✅.

1. RMSprop: $s = 0.1 \cdot 2^2 = 0.4$, step $= 0.01 \cdot 2/\sqrt{0.4} = 0.01\sqrt{10} \approx 0.03162$, that is $\sqrt{10}\,\eta$. In general it is $\sqrt{10}\,\eta/\sqrt{1+10\epsilon/g^2}$: $\sqrt{10}\,\eta$ only while $g^2 \gg 10\epsilon$, as for $g = 2$ (on the plateau, $g = 7.4\times10^{-4}$, it is $0.59\sqrt{10}\,\eta$). Adam: $m = 0.2,\ v = 0.004$, $\alpha_1 = 0.01\sqrt{0.001}/0.1$, step $= \alpha_1 \cdot 0.2/\sqrt{0.004} = 0.01$: exactly $\eta$ thanks to the bias correction (a hair less because of $\epsilon$).
""",
    ),
    code(
        """
# Solution 1, by hand; lossbook agrees:
rmsprop_step = 0.01 * 2 / np.sqrt(0.1 * 2**2 + 1e-7)
adam_step = 0.01 * np.sqrt(1 - 0.999) / (1 - 0.9) * 0.2 / (np.sqrt(0.001 * 2**2) + 1e-7)
for opt in (RMSprop(learning_rate=0.01), Adam(learning_rate=0.01)):
    w = np.array([0.0])
    opt.apply([np.array([2.0])], [w])
    print(f"{type(opt).__name__:8s} first step {-w[0]:.6f}")
check.first_steps(rmsprop_step, adam_step)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
2. 식 두 줄을 그대로 옮기면 됩니다. 순서가 중요합니다: $w$는 **새** $v$로 움직입니다.
""",
        en=r"""
2. The two lines of the formula, as written; the order matters: $w$ moves by the **new** $v$.
""",
    ),
    code(
        """
def momentum_step(w, v, g, lr, mu):
    v = mu * v - lr * g
    w = w + v
    return w, v


check.momentum_step(momentum_step)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
3. Keras의 변수는 논문의 $w$가 아니라 $w + \mu v$입니다. 두 경로의 차이는 $10^{-15}$ 수준, 즉 반올림 오차뿐이고, 학습이 끝나 $v \to 0$이 되면 $w$와 $w + \mu v$도 같아집니다.
""",
        en=r"""
3. Keras's variable is not the paper's $w$ but $w + \mu v$. The two paths differ by about $10^{-15}$, rounding error only, and once training settles and $v \to 0$, $w$ and $w + \mu v$ coincide too.
""",
    ),
    code(
        """
def nesterov_look_ahead(grad_fn, w0, lr, mu, steps):
    w, v = np.array(w0, dtype=float), np.zeros(len(w0))
    points = [w + mu * v]
    for _ in range(steps):
        v = mu * v - lr * grad_fn(w + mu * v)
        w = w + v
        points.append(w + mu * v)
    return np.array(points)


ravine_start = [-7.0, 2.0]
keras_form = minimize(SGD(learning_rate=0.1, momentum=0.9, nesterov=True), ravine_grad,
                      ravine_start, steps=30)
paper_form = nesterov_look_ahead(ravine_grad, ravine_start, 0.1, 0.9, 30)
print(f"largest difference: {np.max(np.abs(paper_form - keras_form)):.1e}")
check.nesterov_look_ahead(nesterov_look_ahead)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
4. $G_0 = 0$이면 첫 걸음은 $\eta g/\sqrt{g^2 + \epsilon} = \eta/\sqrt{1+\epsilon/g^2}$입니다. 고원의 $g = 7.4\times10^{-4}$에서는 $\epsilon/g^2 \approx 0.18$이라 $0.092$, 학습률의 92 %입니다. 이 정도 기울기에서는 "작은 기울기를 그 크기로 나눈다"는 설명이 맞지만, 기울기가 $\sqrt{\epsilon} \approx 3\times10^{-4}$보다 작아지면 $\epsilon$이 이겨서 걸음도 작아집니다($g = 10^{-5}$이면 $0.0032$). 그 뒤 걸음은 $G$가 쌓이며 $1/\sqrt t$처럼 줄지만, 100걸음 동안 고원을 꽤 건너갑니다. Keras가 $G_0 = 0.1$을 기본값으로 둔 것은 첫 걸음들이 너무 커지지 않게 하려는 것이고, 그 대가로 $\lvert g\rvert \ll \sqrt{0.1}$인 기울기는 키우지 못합니다.
""",
        en=r"""
4. With $G_0 = 0$ the first step is $\eta g/\sqrt{g^2 + \epsilon} = \eta/\sqrt{1+\epsilon/g^2}$. On the plateau, $g = 7.4\times10^{-4}$ gives $\epsilon/g^2 \approx 0.18$ and a step of $0.092$, 92 % of the learning rate: for gradients of this size "dividing small gradients by their own size" is right. Below $\sqrt{\epsilon} \approx 3\times10^{-4}$, though, $\epsilon$ wins and the step shrinks too ($0.0032$ at $g = 10^{-5}$). The later steps shrink like $1/\sqrt t$ as $G$ builds up, but within 100 steps Adagrad gets well across the plateau. Keras's default $G_0 = 0.1$ keeps the first steps from being too large, at the price of not enlarging gradients with $\lvert g\rvert \ll \sqrt{0.1}$.
""",
    ),
    code(
        """
paper_adagrad = Adagrad(learning_rate=0.1, initial_accumulator_value=0.0)
path = minimize(paper_adagrad, check.plateau_grad, [3.0], steps=100)[:, 0]
x_100 = path[-1]
print(f"first step {path[0] - path[1]:.4f}, x after 100 steps {x_100:.4f}")
check.adagrad_paper_start(x_100)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
5. 모멘텀의 경계는 $\eta < 1 + \mu = 1.9$이므로 (a) $1.85$는 수렴하고 (b) $1.95$는 $y$ 방향으로 발산합니다. 모멘텀은 같은 곡률에서 거의 2배 큰 학습률을 허용합니다. Keras식 네스테로프의 경계는 $1.9/2.8 \approx 0.68$로 오히려 좁아서 (c) $0.6$은 수렴하고 (d) $0.75$는 발산합니다.
""",
        en=r"""
5. Momentum's limit is $\eta < 1 + \mu = 1.9$, so (a) $1.85$ converges and (b) $1.95$ diverges along $y$: momentum allows an almost twice larger learning rate at the same curvature. Keras-style Nesterov's limit is $1.9/2.8 \approx 0.68$, narrower, so (c) $0.6$ converges and (d) $0.75$ diverges.
""",
    ),
    code(
        """
runs = {
    "a": SGD(learning_rate=1.85, momentum=0.9),
    "b": SGD(learning_rate=1.95, momentum=0.9),
    "c": SGD(learning_rate=0.6, momentum=0.9, nesterov=True),
    "d": SGD(learning_rate=0.75, momentum=0.9, nesterov=True),
}
answers = {}
ravine_start = [-7.0, 2.0]
for key, opt in runs.items():
    with np.errstate(over="ignore", invalid="ignore"):
        end = minimize(opt, ravine_grad, ravine_start, steps=200)[-1]
    answers[key] = "converges" if np.all(np.abs(end) < 1e-2) else "diverges"
    print(f"({key}) point after 200 steps ({end[0]:.3g}, {end[1]:.3g}): {answers[key]}")
check.stability(answers)
""",
        tags=["solution", "hide-cell"],
    ),
]
