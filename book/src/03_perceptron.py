"""Chapter 3: the perceptron (grows from source post 001)."""

from cells import code, md

TITLE = {"ko": "퍼셉트론", "en": "The perceptron"}

CELLS = [
    md(
        ko=r"""
## 학습 목표

- 퍼셉트론(perceptron)의 계산 $y = \operatorname{step}(b + \mathbf{w}\cdot\mathbf{x})$와 편향(bias)·임계값(threshold)의 관계를 설명한다.
- 퍼셉트론 학습 규칙 $w_i \leftarrow w_i + \eta\,(t - y)\,x_i$로 AND 게이트를 한 샘플씩 학습시키고, 에포크(epoch)마다 가중치를 표로 추적한다.
- 학습 루프의 코드를 한 줄씩 읽고, 같은 루프를 직접 써서 `lossbook`과 같은 가중치를 얻는다.
- 학습된 가중치로 결정 경계(decision boundary)를 그리고, OR·NAND도 같은 방법으로 학습시킨다.
- XOR이 왜 학습되지 않는지 선형 분리 가능성(linear separability)으로 설명한다.
- 활성화 함수를 빼거나 선형 함수로 바꾼 퍼셉트론이 실제로 무엇을 출력하는지 확인한다.
""",
        en=r"""
## Learning goals

- Explain what a perceptron computes, $y = \operatorname{step}(b + \mathbf{w}\cdot\mathbf{x})$, and how the bias relates to a threshold.
- Train the AND gate one sample at a time with the perceptron rule $w_i \leftarrow w_i + \eta\,(t - y)\,x_i$ and follow the weights epoch by epoch in a table.
- Read the training loop line by line, and write the same loop yourself to get `lossbook`'s weights.
- Draw the decision boundary of the trained weights, and train OR and NAND the same way.
- Explain why XOR cannot be learned, using linear separability.
- Check what a perceptron without an activation, or with a linear one, really outputs.
""",
    ),
    code(
        """
import inspect

import matplotlib.pyplot as plt
import numpy as np

from lossbook.exercises import ch03 as check
from lossbook.perceptron import Perceptron, logic_gate_data
from lossbook.plotting import animate_decision_boundary, setup, tr

setup()
np.set_printoptions(precision=6, suppress=True)
"""
    ),
    md(
        ko=r"""
## 퍼셉트론이 하는 계산

Rosenblatt의 퍼셉트론 {cite}`rosenblatt1958perceptron`은 입력 $x_1,\dots,x_n$의 가중합에 편향을 더하고,
그 값이 $0$보다 크면 $1$, 아니면 $0$을 내보냅니다.

$$
z = b + w_1x_1 + \cdots + w_nx_n, \qquad
y = \operatorname{step}(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}
$$

$y=1$이 되는 조건 $\mathbf{w}\cdot\mathbf{x} > -b$를 보면, **임계값(threshold)은 $\theta = -b$** 입니다.
$b=-0.01$이면 가중합이 $0.01$만 넘어도 켜지고, $b=-100$이면 가중합이 $100$을 넘어야 켜집니다.
즉 편향이 클수록(덜 음수일수록) 뉴런이 쉽게 켜집니다.

```{admonition} 바로잡기: 편향은 임계값 "그 자체"가 아니다
:class: warning
{ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`은 "b가 임계값이야"라고 한 뒤 "$b$가 $-100$이면 입력 신호가 다 0이 되더라도 $b$ 때문에 출력이 0이 아니게 된다"고 설명합니다.
임계값은 $b$가 아니라 $\theta=-b$이고, 입력이 모두 $0$이면 가중합은 $z = b = -100$이므로 계단 함수의 출력은 **0** 입니다.
큰 음수 편향은 뉴런을 "켜기 어렵게" 만듭니다(아래 셀).
```
""",
        en=r"""
## What a perceptron computes

Rosenblatt's perceptron {cite}`rosenblatt1958perceptron` adds a bias to the weighted sum of its inputs
$x_1,\dots,x_n$ and outputs $1$ if the result is positive, $0$ otherwise:

$$
z = b + w_1x_1 + \cdots + w_nx_n, \qquad
y = \operatorname{step}(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}
$$

The condition for $y=1$ is $\mathbf{w}\cdot\mathbf{x} > -b$, so **the threshold is $\theta = -b$**. With
$b=-0.01$ the neuron fires as soon as the weighted sum exceeds $0.01$; with $b=-100$ the sum must exceed
$100$. The larger (less negative) the bias, the more easily the neuron fires.

```{admonition} Correction: the bias is not "the threshold itself"
:class: warning
{ref}`The “What would I say, chapter 2” post <en-post-what-would-i-say>` says "b is the threshold" and then that "with $b=-100$, even if all inputs are 0, the output
is not 0 because of $b$". The threshold is $\theta=-b$, not $b$; and with all inputs $0$ the weighted sum is
$z = b = -100$, so the step outputs **0**. A large negative bias makes the neuron *hard* to fire (next cell).
```
""",
    ),
    code(
        """
p = Perceptron(2)
x_zero = np.array([0.0, 0.0])
for b in [-0.01, -100.0]:
    p.weights = np.array([b, 1.0, 1.0])          # bias first: [b, w1, w2]
    print(f"b = {b:7.2f}: z(0, 0) = {p.net_input(x_zero):7.2f}, output = {p.predict(x_zero)},"
          f" output for x = (0.05, 0) = {p.predict([0.05, 0.0])}")
"""
    ),
    md(
        ko=r"""
같은 글은 "활성화 함수가 퍼셉트론에서 처음 등장했다"고 하지만, 임계값을 넘으면 1을 내는 인공 뉴런은
McCulloch와 Pitts(1943)가 먼저 제안했습니다. Rosenblatt의 퍼셉트론(1958)이 새로 더한 것은 그런 뉴런의 가중치를
**데이터로부터 학습하는 규칙** 입니다.

## 퍼셉트론 학습 규칙

정답(target)을 $t$, 출력을 $y$, 학습률(learning rate)을 $\eta$라 하면, 샘플 하나를 볼 때마다

$$
w_i \leftarrow w_i + \eta\,(t - y)\,x_i, \qquad b \leftarrow b + \eta\,(t - y)
$$

로 고칩니다. 편향의 규칙은 "늘 $1$인 입력 $x_0 = 1$의 가중치"로 보면 $w_i$의 규칙과 똑같습니다.
출력이 맞으면 $t-y=0$이라 아무것도 바뀌지 않고, $1$이어야 할 때 $0$을 내면 가중치를 입력 쪽으로,
$0$이어야 할 때 $1$을 내면 반대쪽으로 움직입니다. 역전파(backpropagation)도, 미분도 쓰지 않습니다.

`lossbook.perceptron.Perceptron`은 글의 절차를 그대로 따릅니다: 가중치 $0$에서 시작, 데이터 순서대로 한 샘플씩,
학습률 $0.2$, 10 에포크. `weights`는 **편향이 맨 앞**인 배열 `[b, w1, w2]`입니다.
""",
        en=r"""
The same post says that "activation functions first appeared in the perceptron", but an artificial neuron
that outputs 1 above a threshold was proposed earlier, by McCulloch and Pitts (1943). What Rosenblatt's
perceptron (1958) added was a rule to **learn** such a neuron's weights from data.

## The perceptron learning rule

With target $t$, output $y$ and learning rate $\eta$, each sample triggers the update

$$
w_i \leftarrow w_i + \eta\,(t - y)\,x_i, \qquad b \leftarrow b + \eta\,(t - y).
$$

The bias rule is the weight rule for a constant input $x_0 = 1$. If the output is right, $t-y=0$ and
nothing changes; if it outputs $0$ where it should output $1$, the weights move towards the input, and
away from it in the opposite case. There is no backpropagation and no derivative.

`lossbook.perceptron.Perceptron` follows the post's procedure exactly: zero initial weights, one sample at
a time in data order, learning rate $0.2$, 10 epochs. `weights` is the array `[b, w1, w2]`, **bias
first**.
""",
    ),
    code(
        """
X, y = logic_gate_data("and")
print("X =", X.tolist())
print("y =", y.tolist())
"""
    ),
    md(
        ko=r"""
### 첫 에포크를 손으로

처음에는 $b=w_1=w_2=0$이라 모든 입력에서 $z=0$, 출력은 $\operatorname{step}(0)=0$입니다.

| 입력 $(x_1,x_2)$ | $z$ | $y$ | $t$ | $t-y$ | 고친 뒤 $[b, w_1, w_2]$ |
|---|---|---|---|---|---|
| (0, 0) | 0 | 0 | 0 | 0 | [0, 0, 0] |
| (0, 1) | 0 | 0 | 0 | 0 | [0, 0, 0] |
| (1, 0) | 0 | 0 | 0 | 0 | [0, 0, 0] |
| (1, 1) | 0 | 0 | 1 | 1 | [0.2, 0.2, 0.2] |

첫 에포크에서 틀린 것은 하나, 끝난 뒤 가중치는 $[0.2, 0.2, 0.2]$입니다.

### 학습 루프 읽기

이 표를 계산하는 코드가 `Perceptron.fit`입니다. 패키지의 소스를 그대로 출력해 봅시다.
""",
        en=r"""
### The first epoch by hand

At the start $b=w_1=w_2=0$, so $z=0$ for every input and the output is $\operatorname{step}(0)=0$.

| input $(x_1,x_2)$ | $z$ | $y$ | $t$ | $t-y$ | $[b, w_1, w_2]$ after the update |
|---|---|---|---|---|---|
| (0, 0) | 0 | 0 | 0 | 0 | [0, 0, 0] |
| (0, 1) | 0 | 0 | 0 | 0 | [0, 0, 0] |
| (1, 0) | 0 | 0 | 0 | 0 | [0, 0, 0] |
| (1, 1) | 0 | 0 | 1 | 1 | [0.2, 0.2, 0.2] |

One mistake in the first epoch, and the weights end at $[0.2, 0.2, 0.2]$.

### Reading the training loop

The code that computes this table is `Perceptron.fit`. Here is the package's source, printed as it is.
""",
    ),
    code(
        """
print(inspect.getsource(Perceptron.fit))
"""
    ),
    md(
        ko=r"""
앞의 절반은 입력 검사입니다. `X`가 `(샘플 수, 입력 수)` 모양인지, `y`의 길이가 맞는지, 계단 활성화라면 정답이 0과 1뿐인지 확인하고, 틀리면 무엇이 틀렸는지 말하는 오류를 냅니다. 학습 자체는 그 아래 몇 줄입니다.

1. `self.weights = np.zeros(self.n_inputs + 1)`: 가중치를 **0** 에서 시작합니다. 맨 앞 `weights[0]`이 편향 $b$, 나머지 `weights[1:]`이 $w_1, w_2, \ldots$입니다. 같은 객체로 `fit`을 다시 불러도 처음부터 학습합니다.
2. `for epoch in range(1, self.epochs + 1)`: 데이터 전체를 `epochs`번 봅니다. 중간에 멈추지 않습니다.
3. `for x_i, target in zip(X, y, strict=True)`: 샘플을 **데이터 순서대로 하나씩** 봅니다. 무작위로 섞지 않으므로 결과가 늘 같습니다.
4. `output = self.activation(np.dot(x_i, self.weights[1:]) + self.weights[0])`: 가중합 $z = \mathbf{w}\cdot\mathbf{x} + b$를 활성화 함수(기본은 계단)에 넣습니다.
5. `delta = self.learning_rate * (target - output)`: $\eta\,(t-y)$. 맞히면 0, 1이어야 할 때 0을 내면 $+\eta$, 0이어야 할 때 1을 내면 $-\eta$입니다.
6. `self.weights[1:] += delta * x_i`와 `self.weights[0] += delta`: 규칙 $w_i \leftarrow w_i + \eta(t-y)x_i$와 $b \leftarrow b + \eta(t-y)$ 그대로입니다. 편향은 "늘 1인 입력"의 가중치라 `x_i` 대신 1을 곱한 셈입니다.
7. `errors`, `self._steps`, `self.history`, `converged_epoch`: 학습에는 쓰이지 않는 기록입니다. 위의 표(`history`)와 아래 애니메이션(`step_history`)이 이것을 읽습니다.

연습 1에서 이 루프를 직접 써 보고, `Perceptron.fit`과 똑같은 가중치가 나오는지 검사합니다. 이제 10 에포크를 모두 돌리고
에포크가 끝날 때마다의 가중치와 틀린 샘플 수를 표로 봅시다(`history`).
""",
        en=r"""
The first half checks the inputs: that `X` has shape `(n_samples, n_inputs)`, that `y` has the matching length, and, for the step activation, that the targets are 0 and 1; otherwise it raises an error that says what is wrong. The learning itself is the few lines below that.

1. `self.weights = np.zeros(self.n_inputs + 1)`: the weights start at **zero**. The first entry `weights[0]` is the bias $b$, the rest `weights[1:]` are $w_1, w_2, \ldots$. Calling `fit` again on the same object starts over.
2. `for epoch in range(1, self.epochs + 1)`: pass over the whole data `epochs` times; there is no early stop.
3. `for x_i, target in zip(X, y, strict=True)`: visit the samples **one at a time, in data order**; nothing is shuffled, so the result is always the same.
4. `output = self.activation(np.dot(x_i, self.weights[1:]) + self.weights[0])`: the weighted sum $z = \mathbf{w}\cdot\mathbf{x} + b$ goes through the activation (the step by default).
5. `delta = self.learning_rate * (target - output)`: $\eta\,(t-y)$ — 0 when the output is right, $+\eta$ when it should be 1 but is 0, $-\eta$ in the opposite case.
6. `self.weights[1:] += delta * x_i` and `self.weights[0] += delta`: exactly the rule $w_i \leftarrow w_i + \eta(t-y)x_i$ and $b \leftarrow b + \eta(t-y)$. The bias is the weight of an input that is always 1, so it is multiplied by 1 instead of `x_i`.
7. `errors`, `self._steps`, `self.history`, `converged_epoch`: bookkeeping that learning does not use; the table below (`history`) and the animation further down (`step_history`) read it.

Exercise 1 asks you to write this loop yourself and checks that it gives exactly the weights of `Perceptron.fit`. Now run all 10 epochs and
tabulate the weights at the end of each epoch with the number of misclassified samples (`history`).
""",
    ),
    code(
        """
p_and = Perceptron(2, learning_rate=0.2, epochs=10).fit(X, y)

print(f"{'epoch':>5} | {'b':>6} {'w1':>6} {'w2':>6} | {'errors':>6}")
print("-" * 38)
print(f"{0:>5} | {0:6.2f} {0:6.2f} {0:6.2f} | {'-':>6}")
for h in p_and.history:
    b, w1, w2 = h["weights"]
    print(f"{h['epoch']:>5} | {b:6.2f} {w1:6.2f} {w2:6.2f} | {h['errors']:>6}")
print("first epoch without errors:", p_and.converged_epoch)
"""
    ),
    md(
        ko=r"""
5 에포크가 끝났을 때 가중치가 자리를 잡고, 6 에포크부터는 틀린 샘플이 없어 더 바뀌지 않습니다.
최종 가중치는 $b=-0.4,\ w_1=0.4,\ w_2=0.2$입니다.

```{admonition} 바로잡기: 글의 "학습된 가중치"
:class: warning
{ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`은 출력 `[-0.4  0.4  0.2]`를 보고 "$w_1=-0.4$, $w_2=0.4$, 바이어스는 $0.2$"라고 읽습니다. 그런데 글의 코드는
`self.weights[0]`을 편향으로 쓰므로(글의 "마지막 항으로 바이어스를 둔다"는 설명도 틀렸습니다. 편향은 **첫 번째** 원소입니다)
올바른 읽기는 **$b=-0.4,\ w_1=0.4,\ w_2=0.2$** 입니다. 글처럼 읽은 가중치
($b=0.2,\ w_1=-0.4,\ w_2=0.4$)로는 AND를 계산할 수조차 없습니다. 아래 셀에서 네 입력에 대해 `[1, 1, 0, 1]`을 내놓습니다.
```
""",
        en=r"""
The weights settle at the end of epoch 5; from epoch 6 on no sample is misclassified, so nothing changes.
The final weights are $b=-0.4,\ w_1=0.4,\ w_2=0.2$.

```{admonition} Correction: the post's "learned weights"
:class: warning
{ref}`The “What would I say, chapter 2” post <en-post-what-would-i-say>` reads the printout `[-0.4  0.4  0.2]` as "$w_1=-0.4$, $w_2=0.4$, bias $0.2$". But the
post's code uses `self.weights[0]` as the bias (its explanation that the extra entry puts "the bias as the
last term" is wrong too: the bias is the **first** entry), so the correct reading is
**$b=-0.4,\ w_1=0.4,\ w_2=0.2$**. The weights as the post reads them ($b=0.2,\ w_1=-0.4,\ w_2=0.4$)
cannot even compute AND: the next cell shows they output `[1, 1, 0, 1]` for the four inputs.
```
""",
    ),
    code(
        """
b, w1, w2 = p_and.weights
print(f"learned: b = {b:.1f}, w1 = {w1:.1f}, w2 = {w2:.1f} -> outputs {p_and.predict(X)}, targets {y}")

post_reading = Perceptron(2)
post_reading.weights = np.array([0.2, -0.4, 0.4])   # b = 0.2, w1 = -0.4, w2 = 0.4
print(f"the post's reading: b = 0.2, w1 = -0.4, w2 = 0.4 -> outputs {post_reading.predict(X)}")
"""
    ),
    md(
        ko=r"""
## 결정 경계

출력이 바뀌는 곳은 $z = b + w_1x_1 + w_2x_2 = 0$인 직선입니다. $w_2 \ne 0$이면

$$
x_2 = -\frac{b + w_1x_1}{w_2} = -\frac{-0.4 + 0.4\,x_1}{0.2} = 2 - 2x_1 .
$$

직선 위쪽($z>0$)이 출력 1, 아래쪽이 출력 0입니다. `Perceptron.decision_boundary(x1)`이 이 $x_2$를 돌려줍니다.
""",
        en=r"""
## The decision boundary

The output flips on the line $z = b + w_1x_1 + w_2x_2 = 0$. When $w_2 \ne 0$,

$$
x_2 = -\frac{b + w_1x_1}{w_2} = -\frac{-0.4 + 0.4\,x_1}{0.2} = 2 - 2x_1 .
$$

Above the line ($z>0$) the output is 1, below it 0. `Perceptron.decision_boundary(x1)` returns this $x_2$.
""",
    ),
    code(
        """
x1 = np.linspace(-0.5, 1.5, 2)
g1, g2 = np.meshgrid(np.linspace(-0.5, 1.5, 101), np.linspace(-0.5, 1.5, 101))
grid = np.column_stack([g1.ravel(), g2.ravel()])

fig, ax = plt.subplots(figsize=(4.8, 4.5))
ax.contourf(g1, g2, p_and.predict(grid).reshape(g1.shape), levels=[-0.5, 0.5, 1.5],
            colors=["#dde6f5", "#f8dccb"])
ax.plot(x1, p_and.decision_boundary(x1), "k-", label="$x_2 = 2 - 2x_1$")
for label, marker, color in [(0, "o", "tab:blue"), (1, "s", "tab:red")]:
    pts = X[y == label]
    ax.scatter(pts[:, 0], pts[:, 1], marker=marker, c=color, s=70, edgecolors="k",
               label=f"t = {label}", zorder=3)
ax.set_xlim(-0.5, 1.5)
ax.set_ylim(-0.5, 1.5)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_title(tr("AND: 학습된 결정 경계", "AND: learned decision boundary"))
ax.legend(loc="upper right")
plt.show()
""",
        alt={"ko": "AND의 네 입력점과 학습된 결정 경계 x2 = 2 - 2x1. 직선 위쪽(출력 1)은 주황, 아래쪽(출력 0)은 "
                   "파랑으로 칠해져 있고, 정답 1인 점 (1, 1)만 주황 영역에 있으며 직선은 점 (1, 0)을 정확히 지난다.",
             "en": "The four AND inputs and the learned decision boundary x2 = 2 - 2x1. Above the line "
                   "(output 1) is shaded orange, below it (output 0) blue; only the target-1 point (1, 1) "
                   "lies in the orange region, and the line passes exactly through the point (1, 0)."},
        caption={"ko": "AND: 학습된 결정 경계", "en": "AND: the learned decision boundary"},
        name="fig-and-boundary",
    ),
    code(
        """
print("z at the four inputs:", p_and.net_input(X))
"""
    ),
    md(
        ko=r"""
경계선이 점 $(1, 0)$을 **정확히** 지나갑니다($z=0$). 이 점이 0으로 분류되는 것은 오로지 $\operatorname{step}(0)=0$이라는
관례 덕분입니다. 퍼셉트론 규칙은 틀린 샘플이 없어지는 순간 멈추므로, 여유(margin)가 전혀 없는 경계에서 멈출 수 있습니다.

### 샘플 하나마다 움직이는 경계

아래 애니메이션은 학습 전(0단계)부터 가중치가 자리 잡는 5 에포크 끝까지, 규칙을 샘플 하나에 적용할 때마다의 경계를 보여 줍니다
(`step_history`: 에포크당 4단계, 모두 20단계). 방금 규칙을 적용한 샘플에는 검은 테두리를 두르고, 오른쪽 아래에 그 샘플을 맞혔는지 적었습니다.
색칠된 영역은 그 가중치에서 출력이 1인 곳입니다. 처음에는 모든 곳이 0이라 경계선이 없습니다.
**틀린 샘플에서만 경계가 움직인다**는 것을 눈으로 확인해 보세요. 맞힌 샘플에서는 $t - y = 0$이라 가중치가 그대로입니다.
""",
        en=r"""
The boundary passes **exactly** through the point $(1, 0)$ ($z=0$). That point is classified 0 only
because of the convention $\operatorname{step}(0)=0$. The perceptron rule stops as soon as no sample is
misclassified, so it may stop on a boundary with no margin at all.

### The boundary, one sample at a time

The animation shows the boundary after every single application of the rule, from before training
(step 0) to the end of epoch 5, where the weights settle (`step_history`: 4 steps per epoch, 20 in all).
The sample the rule was just applied to has a black ring, and the note in the corner says whether it was
classified correctly. The shaded area is where the output is 1 for those weights. At first the output is
0 everywhere, so there is no line yet. Watch the line **move only on misclassified samples**: for a
correct one $t - y = 0$, so the weights stay as they are.
""",
    ),
    code(
        """
frames = p_and.step_history[: (p_and.converged_epoch - 1) * len(X) + 1]   # start + epochs 1..5
alt = tr("AND 퍼셉트론의 결정 경계가 샘플 하나마다 바뀌는 21장면 애니메이션. 처음에는 경계선이 없고, "
         "틀린 샘플에서만 직선이 움직이며, 마지막 장면에서 직선 x2 = 2 - 2x1이 점 (1, 1)만 출력 1 쪽에 둔다.",
         "A 21-frame animation of the AND perceptron's decision boundary after each sample. At first "
         "there is no line; the line moves only on misclassified samples, and in the last frame the "
         "line x2 = 2 - 2x1 leaves only the point (1, 1) on the output-1 side.")
animate_decision_boundary(frames, X, y, interval=800, title="AND", per_sample=True, alt=alt)
""",
        caption={"ko": "AND 퍼셉트론의 결정 경계: 샘플 하나마다 한 장면",
                 "en": "The AND perceptron's decision boundary, one frame per sample"},
        name="fig-and-steps",
    ),
    md(
        ko=r"""
## OR와 NAND

OR와 NAND도 직선 하나로 나눌 수 있으므로 같은 규칙으로 학습됩니다.
""",
        en=r"""
## OR and NAND

OR and NAND can also be separated by one straight line, so the same rule learns them.
""",
    ),
    code(
        """
models = {}
for gate in ["and", "or", "nand", "xor"]:
    Xg, yg = logic_gate_data(gate)
    models[gate] = Perceptron(2, learning_rate=0.2, epochs=10).fit(Xg, yg)
    b, w1, w2 = models[gate].weights
    print(f"{gate:4s}: b = {b:5.2f}, w1 = {w1:5.2f}, w2 = {w2:5.2f} | outputs "
          f"{models[gate].predict(Xg)} targets {yg} | errors per epoch "
          f"{[h['errors'] for h in models[gate].history]}")
"""
    ),
    md(
        ko=r"""
```{admonition} 주의: NAND가 맞는 것은 반올림 오차 덕분
:class: note
NAND의 가중치를 보면 $b=0.4,\ w_1=-0.4$라서 입력 $(1,0)$에서 $z = 0.4 - 0.4 = 0$, 출력은 $0$ (정답은 1)이어야 할 것 같습니다.
실제로는 float64로 $0.2$를 여러 번 더하고 빼는 동안 $b$가 `0.4000000000000001`이 되어 $z \approx 5.6\times10^{-17} > 0$이고,
그래서 출력이 1입니다(아래 셀). $b$가 정확히 $0.4$라면 $(1,0)$의 출력은 0으로 틀립니다. 같은 과정을 분수로 정확히 계산하면 4 에포크째에 틀린 샘플이 나와 학습이 이어지고
5 에포크 뒤 $b=0.6,\ w_1=-0.4,\ w_2=-0.2$에서 멈춥니다. 경계가 데이터 점을 정확히 지나가면 결과가 반올림에 좌우된다는 것,
AND의 $(1,0)$과 같은 이야기입니다.
```
""",
        en=r"""
```{admonition} Note: NAND is right thanks to a rounding error
:class: note
NAND's weights read $b=0.4,\ w_1=-0.4$, so at input $(1,0)$ we would expect $z = 0.4 - 0.4 = 0$ and output
$0$ (the target is 1). In fact, adding and subtracting $0.2$ in float64 leaves $b$ at `0.4000000000000001`,
so $z \approx 5.6\times10^{-17} > 0$ and the output is 1 (next cell). With $b$ exactly $0.4$ the output at $(1,0)$
would be a wrong 0. Done exactly with fractions, the same procedure still makes errors in epoch 4, keeps
learning, and stops after epoch 5 at
$b=0.6,\ w_1=-0.4,\ w_2=-0.2$. When the boundary passes exactly through a data point, the result depends
on rounding — the same story as AND's point $(1,0)$.
```
""",
    ),
    code(
        """
nand = models["nand"]
print(f"learned NAND bias b = {float(nand.weights[0])!r}")
print(f"z at (1, 0) = {nand.net_input([1.0, 0.0]):.2e} -> output {nand.predict([1.0, 0.0])}")

exact = Perceptron(2)
exact.weights = np.array([0.4, -0.4, -0.2])   # the same weights without the rounding error
print(f"with b = 0.4 exactly: z at (1, 0) = {exact.net_input([1.0, 0.0]):.2e}"
      f" -> output {exact.predict([1.0, 0.0])} (target 1)")
"""
    ),
    md(
        ko=r"""
## XOR: 직선 하나로는 나눌 수 없다

위 표에서 XOR만 틀린 샘플 수가 0이 되지 않았습니다. XOR의 네 점을 그려 보면 이유가 보입니다.
$(0,1)$, $(1,0)$은 1이고 $(0,0)$, $(1,1)$은 0인데, 대각선으로 마주 보는 두 쌍을 직선 하나로 가를 수는 없습니다.

식으로도 보일 수 있습니다. 퍼셉트론이 XOR를 맞히려면

$$
\begin{aligned}
(0,0)\mapsto 0:&\quad b \le 0, &\qquad (0,1)\mapsto 1:&\quad w_2 + b > 0,\\
(1,1)\mapsto 0:&\quad w_1 + w_2 + b \le 0, &\qquad (1,0)\mapsto 1:&\quad w_1 + b > 0
\end{aligned}
$$

이 모두 성립해야 합니다. 오른쪽 두 식을 더하면 $w_1 + w_2 + 2b > 0$, 즉 $w_1 + w_2 + b > -b \ge 0$이 되어
왼쪽 아래 식과 모순입니다. 이런 데이터를 **선형 분리 불가능(not linearly separable)** 하다고 합니다.
""",
        en=r"""
## XOR: no straight line separates it

In the table above only XOR never reached zero errors. Plotting its four points shows why: $(0,1)$ and
$(1,0)$ are 1, $(0,0)$ and $(1,1)$ are 0, and no single straight line can separate two diagonally opposite
pairs.

Algebra says the same. To get XOR right the perceptron would need

$$
\begin{aligned}
(0,0)\mapsto 0:&\quad b \le 0, &\qquad (0,1)\mapsto 1:&\quad w_2 + b > 0,\\
(1,1)\mapsto 0:&\quad w_1 + w_2 + b \le 0, &\qquad (1,0)\mapsto 1:&\quad w_1 + b > 0
\end{aligned}
$$

all at once. Adding the two right-hand conditions gives $w_1 + w_2 + 2b > 0$, i.e. $w_1 + w_2 + b > -b
\ge 0$, contradicting the lower-left one. Such data is **not linearly separable**.
""",
    ),
    code(
        """
fig, axes = plt.subplots(1, 4, figsize=(15, 3.8))
for ax, gate in zip(axes, ["and", "or", "nand", "xor"]):
    Xg, yg = logic_gate_data(gate)
    m = models[gate]
    ax.contourf(g1, g2, m.predict(grid).reshape(g1.shape), levels=[-0.5, 0.5, 1.5],
                colors=["#dde6f5", "#f8dccb"])
    z = m.net_input(grid).reshape(g1.shape)
    if z.min() < 0 < z.max():
        ax.contour(g1, g2, z, levels=[0], colors="k", linewidths=1.5)
    for label, marker, color in [(0, "o", "tab:blue"), (1, "s", "tab:red")]:
        pts = Xg[yg == label]
        ax.scatter(pts[:, 0], pts[:, 1], marker=marker, c=color, s=70, edgecolors="k",
                   label=f"t = {label}", zorder=3)
    status = tr("수렴", "converged") if m.converged else tr("수렴 안 함", "not converged")
    ax.set_title(f"{gate.upper()} ({status})")
    ax.set_xlabel("$x_1$")
    ax.set_aspect("equal")
axes[0].set_ylabel("$x_2$")
axes[0].legend(loc="upper right")
fig.tight_layout()
plt.show()
""",
        alt={"ko": "AND, OR, NAND, XOR 네 게이트의 입력점과 10 에포크 뒤 퍼셉트론의 출력 영역. AND, OR, NAND는 "
                   "직선 하나가 정답 0과 1을 가르고 '수렴'이라고 적혀 있으며, XOR는 '수렴 안 함'으로 색칠된 "
                   "영역이 네 점 중 두 점을 잘못 가른다.",
             "en": "Input points and the perceptron's output regions after 10 epochs for AND, OR, NAND and "
                   "XOR. For AND, OR and NAND one straight line separates targets 0 and 1 and the panel says "
                   "converged; for XOR the panel says not converged and its shading gets two of the four "
                   "points wrong."},
        caption={"ko": "네 논리 게이트에서 학습된 퍼셉트론", "en": "The perceptron trained on four logic gates"},
        name="fig-gates",
    ),
    md(
        ko=r"""
XOR 그림의 색칠은 10 에포크가 끝났을 때의 가중치 $[0.2, -0.2, 0]$이 만드는 영역이며, 네 점 중 두 개를 틀립니다.
에포크를 100번으로 늘려도 틀린 샘플 수는 한 번도 0이 되지 않습니다. 가중치는 한 에포크 안에서 같은 자리를 맴돌고,
에포크가 끝날 때마다 같은 값으로 돌아옵니다.
""",
        en=r"""
The shading in the XOR panel is the region of the weights $[0.2, -0.2, 0]$ after 10 epochs, which gets two
of the four points wrong. Even with 100 epochs the number of errors never reaches 0: within each epoch the
weights go round the same cycle and return to the same values at the end of every epoch.
""",
    ),
    code(
        """
X_xor, y_xor = logic_gate_data("xor")
p_xor = Perceptron(2, learning_rate=0.2, epochs=100).fit(X_xor, y_xor)
errors = [h["errors"] for h in p_xor.history]
print("errors in epochs 1-10:", errors[:10])
print("smallest number of errors in 100 epochs:", min(errors))
print("converged:", p_xor.converged)
print("weights after epochs 2, 3, 50, 100:", [p_xor.weight_history[k].tolist() for k in (2, 3, 50, 100)])
"""
    ),
    md(
        ko=r"""
퍼셉트론 수렴 정리(perceptron convergence theorem)에 따르면 데이터가 선형 분리 가능하면 이 규칙은 유한 번의 수정 뒤에
반드시 멈춥니다. XOR처럼 분리 불가능하면 영원히 멈추지 않습니다. 해결책은 특성을 더하거나(연습 문제 4) 층을 쌓는 것입니다(연습 문제 5).

## 활성화 함수를 빼거나 선형으로 바꾸면

{ref}`「뭐라고 해야될까 2장」 글 <ko-post-what-would-i-say>`은 같은 코드에서 (1) 활성화 함수를 빼고 가중합 $z$를 그대로 출력하거나, (2) 활성화 함수를 $2z+1$로 바꿔 봅니다.
학습 규칙은 그대로 $w_i \leftarrow w_i + \eta\,(t-y)\,x_i$입니다. `Perceptron(activation=None)`과 `activation="linear"`
(글의 $2z+1$. Keras의 `"linear"`는 항등 함수이니 헷갈리지 마세요)가 이 두 변형입니다.
""",
        en=r"""
The perceptron convergence theorem says that on linearly separable data this rule stops after finitely
many updates. On non-separable data such as XOR it never stops. The fix is to add a feature (exercise 4)
or to stack layers (exercise 5).

## Without an activation, or with a linear one

With the same code, {ref}`the “What would I say, chapter 2” post <en-post-what-would-i-say>` (1) removes the activation and outputs the weighted sum $z$ itself, and
(2) replaces the activation with $2z+1$. The update rule stays $w_i \leftarrow w_i + \eta\,(t-y)\,x_i$.
`Perceptron(activation=None)` and `activation="linear"` are these two variants (the latter is the post's
$2z+1$; do not confuse it with Keras's `"linear"`, which is the identity).
""",
    ),
    code(
        """
for activation in [None, "linear"]:
    m = Perceptron(2, learning_rate=0.2, epochs=10, activation=activation).fit(X, y)
    print(f"activation={activation!s}: weights [b, w1, w2] = {m.weights}")
    print(f"    outputs {m.predict(X)}")
    print(f"    output for (0, 0), full precision: {m.predict(X[0])!r}")
    print(f"    outputs cut at 0.5: {(m.predict(X) > 0.5).astype(int)}  targets {y}")
"""
    ),
    md(
        ko=r"""
활성화 함수가 없을 때 $(0,0)$의 출력 `-0.16483626841185234`는 글이 보여 준 값과 정확히 같습니다.
선형 활성화 변형은 글에 출력이 없는데, 실제로는 위와 같이 `[-0.38, 0.27, 0.44, 1.09]` 쯤을 냅니다.
두 변형 모두 출력을 $0.5$에서 자르면 AND와 맞는다는 것, 그리고 활성화 함수가 없는 규칙이 LMS 규칙이라는 것은
{ref}`2장의 바로잡기 <ko-fix-no-activation>`에서 설명했습니다. 여기서는 학습 과정에서 그것을 확인합니다.

더 오래 학습시키면 활성화 함수가 없는 변형은 에포크 끝마다 같은 가중치로 수렴합니다. 최소제곱(least squares) 해
$b=-0.25,\ w_1=w_2=0.5$ 근처이지만 같지는 않습니다. 학습률이 일정한 채로 한 샘플씩 고치면 해 근처에서 작은 순환을 돌기 때문입니다.
""",
        en=r"""
Without an activation the output for $(0,0)$, `-0.16483626841185234`, is exactly the value the post
shows. The post shows no output for the linear variant; it really gives roughly `[-0.38, 0.27, 0.44, 1.09]`,
as above. That both variants match AND once cut at $0.5$, and that the rule without an activation is the
LMS rule, is explained in {ref}`chapter 2's correction <en-fix-no-activation>`; here we watch it in training.

Trained longer, the no-activation variant ends every epoch with the same weights. They lie near the
least-squares solution $b=-0.25,\ w_1=w_2=0.5$ but not on it: with a constant learning rate, one-sample
updates circle in a small cycle around the solution.
""",
    ),
    code(
        """
lms = Perceptron(2, learning_rate=0.2, epochs=200, activation=None).fit(X, y)
print("no activation, 200 epochs: weights [b, w1, w2] =", lms.weights)
X1 = np.column_stack([np.ones(len(X)), X])         # constant input 1 for the bias
print("least-squares solution     [b, w1, w2] =", np.linalg.lstsq(X1, y, rcond=None)[0])
"""
    ),
    md(
        ko=r"""
## 요약

- 퍼셉트론은 $y=\operatorname{step}(b+\mathbf{w}\cdot\mathbf{x})$를 계산하고, 임계값은 $\theta=-b$입니다.
- 학습 규칙 $w_i \leftarrow w_i + \eta(t-y)x_i$는 틀린 샘플에서만 가중치를 고치며, 미분이나 역전파를 쓰지 않습니다. `Perceptron.fit`의 핵심은 이 규칙을 샘플마다 적용하는 두 겹의 `for` 루프입니다.
- 글의 설정(학습률 0.2, 0으로 초기화, 한 샘플씩)으로 AND는 5 에포크 만에 $b=-0.4,\ w_1=0.4,\ w_2=0.2$에 자리 잡습니다. 글의 "$w_1=-0.4,\ w_2=0.4,\ b=0.2$"는 편향이 맨 앞인 배열을 잘못 읽은 것입니다.
- 결정 경계는 직선 $b+w_1x_1+w_2x_2=0$입니다. 규칙은 오류가 없어지는 즉시 멈추므로 경계가 데이터 점을 지날 수도 있습니다.
- AND·OR·NAND는 선형 분리 가능해 학습되지만, XOR는 불가능해 오류가 0이 되지 않습니다. 층을 쌓거나 특성을 더하면 풀립니다.
- 활성화 함수 없이(또는 선형 활성화로) 같은 규칙을 쓰면 LMS 규칙이 되어 연속값을 내며, $0.5$에서 자르면 AND도 맞힙니다.
""",
        en=r"""
## Summary

- A perceptron computes $y=\operatorname{step}(b+\mathbf{w}\cdot\mathbf{x})$; its threshold is $\theta=-b$.
- The rule $w_i \leftarrow w_i + \eta(t-y)x_i$ changes the weights only on misclassified samples, with no derivative and no backpropagation. The heart of `Perceptron.fit` is two nested `for` loops applying it sample by sample.
- With the post's settings (learning rate 0.2, zero start, one sample at a time), AND settles after 5 epochs at $b=-0.4,\ w_1=0.4,\ w_2=0.2$. The post's "$w_1=-0.4,\ w_2=0.4,\ b=0.2$" misreads an array whose first entry is the bias.
- The decision boundary is the line $b+w_1x_1+w_2x_2=0$. The rule stops as soon as there are no errors, so the boundary may pass through a data point.
- AND, OR and NAND are linearly separable and are learned; XOR is not, and its errors never reach 0. Stacking layers or adding a feature solves it.
- The same rule without an activation (or with a linear one) is the LMS rule: it outputs continuous values, and cut at $0.5$ they get AND right too.
""",
    ),
    md(
        ko=r"""
## 연습 문제

코드를 쓰는 문제마다 빈칸(`...`)이 있는 셀이 있습니다. 빈칸을 채우고 실행하면 마지막 줄의 검사가 `lossbook`의 구현과 비교해 바로 알려 줍니다(⏳ 아직 안 풂, ❌ 어디가 다른지, ✅ 맞음). 풀이는 이 장 끝의 {ref}`풀이 <ko-03-solutions>`에 있습니다.

1. 퍼셉트론의 학습 루프를 직접 쓰세요. `my_train(X, y, learning_rate, epochs)`는 가중치 `[b, w1, w2, ...]`를 0에서 시작해, 에포크마다 샘플을 데이터 순서대로 하나씩 보며 계단 함수의 출력으로 규칙 $w_i \leftarrow w_i + \eta(t-y)x_i$, $b \leftarrow b + \eta(t-y)$를 적용하고, 마지막 가중치를 돌려줍니다. 검사는 AND, OR, NAND, XOR에서 `Perceptron.fit`의 가중치와 비교합니다.
""",
        en=r"""
## Exercises

Every exercise that asks for code has a cell with a blank (`...`). Fill it in and run the cell: the check on its last line compares your answer with `lossbook`'s implementation at once (⏳ not attempted, ❌ what differs, ✅ right). The solutions are at the end of the chapter, under {ref}`Solutions <en-03-solutions>`.

1. Write the perceptron's training loop yourself. `my_train(X, y, learning_rate, epochs)` starts from zero weights `[b, w1, w2, ...]`, visits the samples one at a time in data order in every epoch, applies the rule $w_i \leftarrow w_i + \eta(t-y)x_i$, $b \leftarrow b + \eta(t-y)$ with the step function's output, and returns the final weights. The check compares it with the weights of `Perceptron.fit` on AND, OR, NAND and XOR.
""",
    ),
    code(
        """

def my_train(X, y, learning_rate=0.2, epochs=10):
    ...  # start from np.zeros(X.shape[1] + 1), i.e. [b, w1, w2, ...]; return the final weights


check.train_loop(my_train)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
2. 학습률을 $0.2$ 대신 $0.1$로 하여 AND를 10 에포크 학습시킨 가중치를 구하세요. 가중치와 예측은 어떻게 달라지나요? 그 이유는?
""",
        en=r"""
2. Train AND for 10 epochs with learning rate $0.1$ instead of $0.2$ and give the weights. How do the weights and the predictions change, and why?
""",
    ),
    code(
        """
weights_small = ...   # [b, w1, w2] after 10 epochs with learning rate 0.1
check.small_learning_rate(weights_small)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
3. 학습된 AND 퍼셉트론(`p_and`)의 임계값 $\theta$는 얼마인가요? 입력 $(1,1)$의 가중합 $w_1 + w_2$는 임계값을 얼마나 넘나요?
""",
        en=r"""
3. What is the threshold $\theta$ of the trained AND perceptron (`p_and`)? By how much does the weighted sum $w_1 + w_2$ of input $(1,1)$ exceed it?
""",
    ),
    code(
        """
theta = ...
margin = ...
check.threshold(theta, margin)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
4. XOR 입력에 세 번째 특성 $x_1x_2$를 더한 $4\times 3$ 배열 `X3`를 만드세요. 검사가 `Perceptron(3)`으로 학습시켜 봅니다. 이제 학습이 되나요?
""",
        en=r"""
4. Build `X3`, the XOR inputs with a third feature $x_1x_2$ (a $4\times 3$ array). The check trains `Perceptron(3)` on it. Does it learn now?
""",
    ),
    code(
        """
X3 = ...
check.xor_feature(X3)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
5. XOR는 $\operatorname{AND}(\operatorname{NAND}(x_1,x_2),\ \operatorname{OR}(x_1,x_2))$입니다. 위에서 학습한 퍼셉트론 세 개(`models["nand"]`, `models["or"]`, `models["and"]`)를 두 층으로 이어 네 입력 `X_xor`에 대한 출력 `xor_out`을 계산하세요(다층 퍼셉트론, multilayer perceptron).
""",
        en=r"""
5. XOR equals $\operatorname{AND}(\operatorname{NAND}(x_1,x_2),\ \operatorname{OR}(x_1,x_2))$. Chain the three perceptrons trained above (`models["nand"]`, `models["or"]`, `models["and"]`) into two layers and compute their outputs `xor_out` on the four inputs `X_xor` (a multilayer perceptron).
""",
    ),
    code(
        """
hidden = ...    # first layer: the NAND and OR outputs on X_xor side by side, shape (4, 2)
xor_out = ...   # second layer: the AND perceptron applied to hidden
check.two_layer_xor(xor_out, hidden)
""",
        tags=["exercise"],
    ),
    # -------------------------------------------------------------- solutions
    md(
        ko=r"""
(ko-03-solutions)=
## 풀이

먼저 스스로 풀어 보세요. 풀이마다 설명과 코드가 따로 접혀 있습니다(「N번 풀이 보기」, 「풀이 코드 보기」). 풀이 코드는 답을 정의하고 같은 검사를 불러 ✅를 냅니다.

**1.** 위에서 읽은 `Perceptron.fit`의 학습 부분과 같습니다. 계단 함수는 `z > 0`이면 1입니다($z = 0$이면 0).
""",
        en=r"""
(en-03-solutions)=
## Solutions

Try on your own first. Each solution's explanation and code are folded separately (“Show solution N”, “Show solution code”); the code defines the answer and calls the same check, which prints ✅.

**1.** The learning part of `Perceptron.fit` read above. The step gives 1 for `z > 0` (and 0 at $z = 0$).
""",
    ),
    code(
        """
def my_train(X, y, learning_rate=0.2, epochs=10):
    weights = np.zeros(X.shape[1] + 1)   # [b, w1, w2, ...]
    for _ in range(epochs):
        for x_i, target in zip(X, y):
            z = np.dot(x_i, weights[1:]) + weights[0]
            output = 1 if z > 0 else 0
            weights[1:] += learning_rate * (target - output) * x_i
            weights[0] += learning_rate * (target - output)
    return weights


X, y = logic_gate_data("and")
p_and = Perceptron(2, learning_rate=0.2, epochs=10).fit(X, y)
print("my_train(AND):", my_train(X, y), " Perceptron.fit:", p_and.weights)
check.train_loop(my_train)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**2.** 가중치가 정확히 절반이 되고 예측은 그대로입니다. 0에서 시작하면 갱신은 늘 $\eta(t-y)x$이고 $t-y\in\{-1,0,1\}$이므로, $\eta$를 절반으로 하면 모든 가중치가 절반이 됩니다. $\operatorname{step}(z/2) = \operatorname{step}(z)$이니 출력도, 따라서 학습 과정 전체도 같습니다.
""",
        en=r"""
**2.** The weights are exactly halved and the predictions are the same. Starting from zero every update is $\eta(t-y)x$ with $t-y\in\{-1,0,1\}$, so halving $\eta$ halves every weight; $\operatorname{step}(z/2) = \operatorname{step}(z)$, so the outputs, and hence the whole run, are unchanged.
""",
    ),
    code(
        """
X, y = logic_gate_data("and")
p_and = Perceptron(2, learning_rate=0.2, epochs=10).fit(X, y)
p_small = Perceptron(2, learning_rate=0.1, epochs=10).fit(X, y)
weights_small = p_small.weights
print("lr = 0.1 weights:", weights_small, " lr = 0.2 weights:", p_and.weights)
print("ratio:", weights_small / p_and.weights, " same predictions:",
      np.array_equal(p_small.predict(X), p_and.predict(X)))
check.small_learning_rate(weights_small)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**3.** $\theta=-b=0.4$입니다. $(1,1)$의 가중합 $w_1+w_2 = 0.6$은 임계값보다 $0.2$ 큽니다. $(1,0)$의 가중합 $0.4$는 임계값과 같아서 $z=0$, 출력은 0입니다.
""",
        en=r"""
**3.** $\theta=-b=0.4$. The weighted sum of $(1,1)$, $w_1+w_2 = 0.6$, exceeds it by $0.2$. The weighted sum of $(1,0)$, $0.4$, equals the threshold, so $z=0$ and the output is 0.
""",
    ),
    code(
        """
p_and = Perceptron(2, learning_rate=0.2, epochs=10).fit(*logic_gate_data("and"))
b, w1, w2 = p_and.weights
theta = -b
margin = (w1 + w2) - theta
print(f"theta = {theta:.2f}, w1 + w2 = {w1 + w2:.2f}, margin = {margin:.2f}")
check.threshold(theta, margin)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**4.** $(x_1, x_2, x_1x_2)$ 공간에서는 평면 하나가 네 점을 가르므로 학습됩니다. 예를 들어 아래 가중치는 $0.2x_1 + 0.2x_2 - 0.6x_1x_2 > 0$ 꼴입니다.
""",
        en=r"""
**4.** In $(x_1, x_2, x_1x_2)$ space a plane separates the four points, so it learns; the weights below say $0.2x_1 + 0.2x_2 - 0.6x_1x_2 > 0$, for example.
""",
    ),
    code(
        """
X_xor, y_xor = logic_gate_data("xor")
X3 = np.column_stack([X_xor, X_xor[:, 0] * X_xor[:, 1]])
p3 = Perceptron(3, learning_rate=0.2, epochs=10).fit(X3, y_xor)
print("weights [b, w1, w2, w3] =", p3.weights)
print("outputs", p3.predict(X3), "targets", y_xor, "| converged in epoch", p3.converged_epoch)
check.xor_feature(X3)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**5.** 첫 층은 NAND와 OR 두 퍼셉트론이고, 그 두 출력이 둘째 층 AND의 입력입니다.
""",
        en=r"""
**5.** The first layer is the NAND and OR perceptrons; their two outputs are the inputs of the AND in the second layer.
""",
    ),
    code(
        """
X_xor, y_xor = logic_gate_data("xor")
models = {gate: Perceptron(2, learning_rate=0.2, epochs=10).fit(*logic_gate_data(gate))
          for gate in ("nand", "or", "and")}
hidden = np.column_stack([models["nand"].predict(X_xor), models["or"].predict(X_xor)])
print("hidden layer (NAND, OR):", hidden.tolist())
xor_out = models["and"].predict(hidden)
print("output AND(hidden):     ", xor_out, " targets", y_xor)
check.two_layer_xor(xor_out, hidden)
""",
        tags=["solution", "hide-cell"],
    ),
]
