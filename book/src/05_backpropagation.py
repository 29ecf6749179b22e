"""Chapter 5: backpropagation on computational graphs, gates and layers (seed 002)."""

from nbbuild import code, md

TITLE = {"ko": "오차 역전파", "en": "Backpropagation"}

CELLS = [
    # ------------------------------------------------------------------ goals
    md(
        ko=r"""
## 학습 목표

- 계산을 **계산 그래프**(computational graph)로 나누고, 순전파(forward pass)로 각 노드의 값을 구할 수 있다.
- **연쇄 법칙**(chain rule)을 "하류 기울기 = 상류 기울기 × 국소 기울기"라는 한 줄 규칙으로 바꾸어, 그래프를 거꾸로 따라가며 모든 입력의 기울기를 구할 수 있다.
- CS231n의 시그모이드 뉴런 회로에서 모든 노드의 값과 기울기를 손으로 계산하고, $\sigma'(z) = \sigma(z)(1-\sigma(z))$라는 지름길로 같은 값을 얻을 수 있다.
- 덧셈·곱셈·max 게이트가 기울기를 어떻게 **나누고, 맞바꾸고, 보내는지** 설명할 수 있다.
- 행렬 층(`Affine`)의 역전파 $\partial L/\partial W = X^\top\,\partial L/\partial Y$를 모양(shape)으로 유도하고, 두 층 신경망의 역전파 기울기를 수치 기울기로 검증할 수 있다.
""",
        en=r"""
## Learning goals

- Break a computation into a **computational graph** and compute every node's value in the forward pass.
- Turn the **chain rule** into one local rule, "downstream gradient = upstream gradient × local gradient", and walk the graph backwards to get the gradient of every input.
- Work out every value and every gradient of the CS231n sigmoid-neuron circuit by hand, and get the same numbers through the shortcut $\sigma'(z) = \sigma(z)(1-\sigma(z))$.
- Explain how add, multiply and max gates **distribute, swap and route** gradients.
- Derive the backward pass of a matrix layer (`Affine`), $\partial L/\partial W = X^\top\,\partial L/\partial Y$, from the shapes alone, and check a two-layer network's backprop gradients against numerical gradients.
""",
    ),
    code(
        """
import inspect

import matplotlib.pyplot as plt
import numpy as np

from lossbook import activations, losses
from lossbook.backprop import (
    AddGate,
    Affine,
    MaxGate,
    MultiplyGate,
    ReLU,
    SoftmaxCrossEntropy,
    TwoLayerNet,
    Value,
    graph_table,
    sigmoid_circuit,
)
from lossbook.gradients import numerical_gradient
from lossbook.plotting import draw_graph, setup, tr

setup()
np.set_printoptions(precision=6, suppress=True)
"""
    ),
    # ------------------------------------------------------------ why backprop
    md(
        ko=r"""
## 왜 역전파인가

앞 장에서는 기울기를 **수치 미분**으로 구했습니다. 매개변수 하나마다 손실을 두 번($w+h$와 $w-h$에서) 계산해야 하므로, 매개변수가 $P$개이면 순전파를 $2P$번 해야 합니다. 매개변수가 수십만 개인 신경망에서는 감당할 수 없는 비용입니다.

**오차 역전파**(backpropagation)는 순전파 한 번과 역전파 한 번, 곧 순전파 비용의 몇 배 정도로 **모든** 매개변수의 기울기를 한꺼번에 구합니다 {cite}`rumelhart1986backprop`. 비결은 미분의 연쇄 법칙을 계산 그래프 위에서 체계적으로 적용하는 것입니다. 이 장의 예제와 그림은 Stanford CS231n 강의 노트 {cite}`karpathy2016cs231n`와 씨앗 글 002에서 가져왔고, 층 단위 구현은 {cite}`saito2016dlfs`의 구성을 따릅니다.

학습 한 걸음은 언제나 이 순서입니다.

1. **순전파**: 입력에서 출력 쪽으로 계산하며 각 노드의 값을 기억해 둔다.
2. **역전파**: 출력에서 입력 쪽으로 거슬러 가며, 기억해 둔 값으로 기울기를 구한다.
3. **갱신**: 경사 하강법 등으로 $w \leftarrow w - \eta\,\partial L/\partial w$.

역전파는 순전파가 남긴 값이 있어야 돌 수 있습니다. "역전파가 먼저 실행된다"는 말은 **갱신보다 먼저**라는 뜻일 뿐, 순전파보다 먼저라는 뜻이 아닙니다.
""",
        en=r"""
## Why backpropagation

In the previous chapter we computed gradients by **numerical differentiation**. That costs two loss evaluations per parameter (at $w+h$ and $w-h$): $2P$ forward passes for $P$ parameters, which is hopeless for a network with hundreds of thousands of weights.

**Backpropagation** gets the gradient of **every** parameter at once for the price of one forward and one backward pass, a small multiple of a single forward pass {cite}`rumelhart1986backprop`. The trick is to apply the chain rule systematically on a computational graph. The examples and figures of this chapter come from the Stanford CS231n notes {cite}`karpathy2016cs231n` and seed post 002; the layer-by-layer implementation follows the structure of {cite}`saito2016dlfs`.

One training step always runs in this order:

1. **Forward pass**: compute from the inputs to the output, remembering every node's value.
2. **Backward pass**: go from the output back to the inputs, computing gradients from the remembered values.
3. **Update**: gradient descent or another optimiser, $w \leftarrow w - \eta\,\partial L/\partial w$.

The backward pass cannot run without the values the forward pass left behind. When people say "backpropagation runs first", they mean before the **update**, not before the forward pass.
""",
    ),
    # ------------------------------------------------------------ chain rule, tiny example
    md(
        ko=r"""
## 계산 그래프와 연쇄 법칙

가장 작은 예로 시작합니다. $f(x, y, z) = (x + y)\,z$ 를 $x=-2$, $y=5$, $z=-4$ 에서 계산하고 미분합니다. 중간값에 이름을 붙여 $q = x + y$ 라고 하면 $f = q\,z$ 이고, 계산 그래프는 덧셈 노드 하나와 곱셈 노드 하나입니다.

**순전파**: $q = -2 + 5 = 3$, $f = 3 \cdot (-4) = -12$.

**역전파**: 출력에서 시작합니다. $\partial f/\partial f = 1$ 입니다. 각 노드는 자기 입력에 대한 **국소 기울기**(local gradient)만 알면 됩니다.

$$
\frac{\partial f}{\partial q} = z = -4, \qquad \frac{\partial f}{\partial z} = q = 3, \qquad
\frac{\partial q}{\partial x} = \frac{\partial q}{\partial y} = 1 .
$$

$x$는 $q$를 거쳐서만 $f$에 영향을 주므로 연쇄 법칙에 따라

$$
\frac{\partial f}{\partial x} = \underbrace{\frac{\partial f}{\partial q}}_{\text{상류 기울기}}\;\underbrace{\frac{\partial q}{\partial x}}_{\text{국소 기울기}} = (-4)\cdot 1 = -4,
\qquad \frac{\partial f}{\partial y} = (-4)\cdot 1 = -4 .
$$

이것이 역전파의 규칙 전부입니다. 노드마다 **위에서 내려온 기울기(상류 기울기, upstream gradient)에 자기의 국소 기울기를 곱해 아래로(입력 쪽으로) 보낸다.** `lossbook.backprop.Value`로 같은 그래프를 만들어 봅니다.
""",
        en=r"""
## Computational graphs and the chain rule

We start with the smallest example: $f(x, y, z) = (x + y)\,z$ at $x=-2$, $y=5$, $z=-4$. Naming the intermediate value $q = x + y$ gives $f = q\,z$: the graph has one add node and one multiply node.

**Forward pass**: $q = -2 + 5 = 3$, $f = 3 \cdot (-4) = -12$.

**Backward pass**: start at the output with $\partial f/\partial f = 1$. Each node only needs its **local gradients**, the derivatives of its output with respect to its own inputs:

$$
\frac{\partial f}{\partial q} = z = -4, \qquad \frac{\partial f}{\partial z} = q = 3, \qquad
\frac{\partial q}{\partial x} = \frac{\partial q}{\partial y} = 1 .
$$

$x$ influences $f$ only through $q$, so by the chain rule

$$
\frac{\partial f}{\partial x} = \underbrace{\frac{\partial f}{\partial q}}_{\text{upstream}}\;\underbrace{\frac{\partial q}{\partial x}}_{\text{local}} = (-4)\cdot 1 = -4,
\qquad \frac{\partial f}{\partial y} = (-4)\cdot 1 = -4 .
$$

That is the whole of backpropagation: every node **multiplies the gradient coming down from above (the upstream gradient) by its own local gradient and passes the product on to its inputs.** Let us build the same graph with `lossbook.backprop.Value`.
""",
    ),
    code(
        """
x = Value(-2.0, label="x")
y = Value(5.0, label="y")
z = Value(-4.0, label="z")
q = x + y
q.label = "q"
f = q * z
f.label = "f"

f.backward()  # fills .grad of every node with d f / d node
for node in (x, y, z, q, f):
    print(f"{node.label}: value {node.data:6.2f}   d f/d {node.label} = {node.grad:6.2f}")
"""
    ),
    md(
        ko=r"""
손으로 구한 값과 같습니다: $\partial f/\partial x = \partial f/\partial y = -4$, $\partial f/\partial z = 3$. 수치 미분(앞 장의 `numerical_gradient`)으로도 확인합니다. 이번에는 그래프를 거치지 않고 식 $(x+y)z$ 를 직접 미분합니다.
""",
        en=r"""
These are the numbers we found by hand: $\partial f/\partial x = \partial f/\partial y = -4$ and $\partial f/\partial z = 3$. A numerical check (the previous chapter's `numerical_gradient`) differentiates the formula $(x+y)z$ directly, without any graph:
""",
    ),
    code(
        """
def f_plain(v):
    return (v[0] + v[1]) * v[2]


print(numerical_gradient(f_plain, [-2.0, 5.0, -4.0]))
"""
    ),
    md(
        ko=r"""
### 그래프 그리기

`graph_table(f)`는 그래프의 모든 노드를 입력부터 차례로 담은 표(딕셔너리의 리스트)를 돌려줍니다. 각 행에는 순전파 값(`value`), 출력에 대한 기울기(`grad`), 입력에 대한 국소 기울기(`local_grads`), 그리고 입력으로 내려보내는 기울기(`downstream` = 국소 × 상류)가 있습니다. 아래 그림은 이 표만으로 그립니다. 손으로 적어 넣은 숫자는 하나도 없습니다. 간선 **위의 초록색 숫자는 순전파 값**, **아래의 빨간색 숫자는 그 간선을 따라 거꾸로 흐르는 기울기**입니다. (그림은 `lossbook.plotting.draw_graph`가 그립니다. 코드는 `inspect.getsource(draw_graph)`로 볼 수 있습니다.)
""",
        en=r"""
### Drawing the graph

`graph_table(f)` returns every node of the graph, inputs first, as a list of dicts: the forward `value`, the gradient of the output with respect to the node (`grad`), the node's `local_grads` with respect to its inputs, and the gradients it sends `downstream` to them (local × upstream). The figure below is drawn from that table alone; no number is typed in by hand. **Green numbers above an edge are forward values**, **red numbers below it are the gradients flowing back along that edge**. (The drawing is `lossbook.plotting.draw_graph`; `inspect.getsource(draw_graph)` shows its code.)
""",
    ),
    code(
        """
draw_graph(f, title=tr("f = (x + y)·z 의 순전파와 역전파", "Forward and backward pass of f = (x + y)·z"))
plt.show()
"""
    ),
    md(
        ko=r"""
### 한 노드 들여다보기

`Value`의 각 연산은 순전파 값을 만들면서 그 자리에서 국소 기울기도 적어 둡니다(micrograd와 같은 구성). 곱셈 노드는 $\partial(ab)/\partial a = b$, $\partial(ab)/\partial b = a$ 를 기록합니다.
""",
        en=r"""
### A look inside one node

Each operation of `Value` records its local gradients right where it computes the forward value (the same layout as micrograd). The multiply node stores $\partial(ab)/\partial a = b$ and $\partial(ab)/\partial b = a$:
""",
    ),
    code(
        """
print(inspect.getsource(Value.__mul__))
"""
    ),
    md(
        ko=r"""
`backward()`는 그래프를 위상 정렬(topological order)한 뒤 출력부터 거꾸로 돌면서 "하류 = 국소 × 상류"를 **더해** 나갑니다. 한 노드가 여러 곳에 쓰이면 각 경로의 기울기가 합쳐지기 때문입니다(다변수 연쇄 법칙). 시작할 때 모든 기울기를 0으로 되돌리므로 두 번 불러도 기울기가 두 배가 되지 않습니다.
""",
        en=r"""
`backward()` sorts the graph topologically and walks it from the output back, **adding** "downstream = local × upstream" into each input: a node used in several places collects the gradients of all paths (the multivariable chain rule). It resets every gradient to zero first, so calling it twice does not double the gradients.
""",
    ),
    code(
        """
print(inspect.getsource(Value.backward))
"""
    ),
    # ------------------------------------------------------------ CS231n sigmoid circuit
    md(
        ko=r"""
## 시그모이드 뉴런 회로 (CS231n 예제)

씨앗 글 002가 따라가는 예제는 입력 두 개짜리 시그모이드 뉴런입니다 {cite}`karpathy2016cs231n`.

$$
f(w, x) = \frac{1}{1 + e^{-(w_0 x_0 + w_1 x_1 + w_2)}}, \qquad w = [2,\,-3,\,-3],\quad x = [-1,\,-2].
$$

시그모이드를 작은 연산으로 쪼개면 곱셈 2개, 덧셈 2개, 그리고 $\times(-1)$, $\exp$, $+1$, $1/x$ 게이트가 차례로 이어집니다. 각 게이트의 국소 기울기는 모두 고등학교 미분입니다.

$$
\begin{aligned}
f(a) &= 1/a & &\Rightarrow & \frac{df}{da} &= -\frac{1}{a^2}, &\qquad
f(a) &= a + c & &\Rightarrow & \frac{df}{da} &= 1, \\
f(a) &= e^{a} & &\Rightarrow & \frac{df}{da} &= e^{a}, &\qquad
f(a) &= c\,a & &\Rightarrow & \frac{df}{da} &= c .
\end{aligned}
$$

`lossbook.backprop.sigmoid_circuit()`가 이 회로를 `Value` 노드로 만들어 줍니다. 모든 노드를 표로 출력해 봅니다.
""",
        en=r"""
## The sigmoid-neuron circuit (CS231n example)

The example seed post 002 walks through is a sigmoid neuron with two inputs {cite}`karpathy2016cs231n`:

$$
f(w, x) = \frac{1}{1 + e^{-(w_0 x_0 + w_1 x_1 + w_2)}}, \qquad w = [2,\,-3,\,-3],\quad x = [-1,\,-2].
$$

Split into small operations, the sigmoid is two multiplications, two additions, then the gates $\times(-1)$, $\exp$, $+1$ and $1/x$ in a row. Every local gradient is school calculus:

$$
\begin{aligned}
f(a) &= 1/a & &\Rightarrow & \frac{df}{da} &= -\frac{1}{a^2}, &\qquad
f(a) &= a + c & &\Rightarrow & \frac{df}{da} &= 1, \\
f(a) &= e^{a} & &\Rightarrow & \frac{df}{da} &= e^{a}, &\qquad
f(a) &= c\,a & &\Rightarrow & \frac{df}{da} &= c .
\end{aligned}
$$

`lossbook.backprop.sigmoid_circuit()` builds this circuit from `Value` nodes. Here is every node as a table:
""",
    ),
    code(
        """
f, inputs = sigmoid_circuit(w=[2.0, -3.0, -3.0], x=[-1.0, -2.0])
f.backward()
table = graph_table(f)
print(f"{'node':<15}{'op':>5}{'value':>11}{'local grad(s)':>24}{'d f/d node':>12}")
for row in table:
    local = ", ".join(f"{g:.4f}" for g in row["local_grads"]) or "-"
    print(f"{row['label']:<15}{row['op']:>5}{row['value']:>11.4f}{local:>24}{row['grad']:>12.4f}")
"""
    ),
    code(
        """
draw_graph(
    f,
    title=tr("CS231n 시그모이드 뉴런: 모든 값과 기울기", "CS231n sigmoid neuron: every value and gradient"),
    figsize=(11, 5),
)
plt.show()
"""
    ),
    md(
        ko=r"""
그림을 오른쪽에서 왼쪽으로 읽으면 역전파가 됩니다(표의 값은 소수점 넷째 자리까지).

| 노드 | 입력 값 | 국소 기울기 | 상류 기울기 | 하류 기울기 = 국소 × 상류 |
|---|---|---|---|---|
| $1/a$ | $a = 1 + e^{-1} = 1.3679$ | $-1/a^2 = -0.5344$ | $1$ | $-0.5344$ |
| $+1$ | $e^{-1} = 0.3679$ | $1$ | $-0.5344$ | $-0.5344$ |
| $\exp$ | $-1$ | $e^{-1} = 0.3679$ | $-0.5344$ | $-0.1966$ |
| $\times(-1)$ | $z = 1$ | $-1$ | $-0.1966$ | $0.1966$ |
| $+$ (두 개) | | $1, 1$ | $0.1966$ | $0.1966$을 양쪽에 |
| $w_0 x_0$ | $w_0 = 2,\ x_0 = -1$ | $x_0,\ w_0$ | $0.1966$ | $\partial f/\partial w_0 = -0.1966,\ \partial f/\partial x_0 = 0.3932$ |
| $w_1 x_1$ | $w_1 = -3,\ x_1 = -2$ | $x_1,\ w_1$ | $0.1966$ | $\partial f/\partial w_1 = -0.3932,\ \partial f/\partial x_1 = -0.5898$ |

소수 둘째 자리로 반올림하면 CS231n 노트와 같습니다: $f = 0.73$, $\partial f/\partial w = [-0.20,\ -0.39,\ 0.20]$, $\partial f/\partial x = [0.39,\ -0.59]$.
""",
        en=r"""
Read the figure from right to left and you have the backward pass (values to four decimals):

| node | input value | local gradient | upstream | downstream = local × upstream |
|---|---|---|---|---|
| $1/a$ | $a = 1 + e^{-1} = 1.3679$ | $-1/a^2 = -0.5344$ | $1$ | $-0.5344$ |
| $+1$ | $e^{-1} = 0.3679$ | $1$ | $-0.5344$ | $-0.5344$ |
| $\exp$ | $-1$ | $e^{-1} = 0.3679$ | $-0.5344$ | $-0.1966$ |
| $\times(-1)$ | $z = 1$ | $-1$ | $-0.1966$ | $0.1966$ |
| $+$ (both) | | $1, 1$ | $0.1966$ | $0.1966$ to each input |
| $w_0 x_0$ | $w_0 = 2,\ x_0 = -1$ | $x_0,\ w_0$ | $0.1966$ | $\partial f/\partial w_0 = -0.1966,\ \partial f/\partial x_0 = 0.3932$ |
| $w_1 x_1$ | $w_1 = -3,\ x_1 = -2$ | $x_1,\ w_1$ | $0.1966$ | $\partial f/\partial w_1 = -0.3932,\ \partial f/\partial x_1 = -0.5898$ |

Rounded to two decimals these are the numbers of the CS231n notes: $f = 0.73$, $\partial f/\partial w = [-0.20,\ -0.39,\ 0.20]$, $\partial f/\partial x = [0.39,\ -0.59]$.
""",
    ),
    code(
        """
dw = [inputs[k].grad for k in ("w0", "w1", "w2")]
dx = [inputs[k].grad for k in ("x0", "x1")]
print(f"f  = {f.data:.6f}")
print("dw =", np.array(dw))
print("dx =", np.array(dx))
"""
    ),
    md(
        ko=r"""
수치 미분으로 검산합니다. 이번에도 그래프 없이 식 $\sigma(w_0x_0 + w_1x_1 + w_2)$를 매개변수 벡터 $[w_0, w_1, w_2, x_0, x_1]$의 함수로 보고 미분합니다.
""",
        en=r"""
A numerical check, again without the graph: differentiate $\sigma(w_0x_0 + w_1x_1 + w_2)$ as a function of the vector $[w_0, w_1, w_2, x_0, x_1]$:
""",
    ),
    code(
        """
def neuron(p):
    w0, w1, w2, x0, x1 = p
    return float(activations.sigmoid(w0 * x0 + w1 * x1 + w2))


numeric = numerical_gradient(neuron, [2.0, -3.0, -3.0, -1.0, -2.0])
backprop = np.array(dw + dx)
print("numerical:", numeric)
print("backprop: ", backprop)
print("agree to 1e-8:", np.allclose(numeric, backprop, rtol=0, atol=1e-8))
"""
    ),
    md(
        ko=r"""
### 씨앗 글 002의 계산 다시 보기

씨앗 글은 이 회로를 오른쪽에서부터 한 게이트씩 따라갑니다. 방향과 대부분의 숫자는 맞지만 두 곳을 바로잡아야 합니다.

```{admonition} 바로잡기: exp 게이트의 함수는 $e^{-1}$이 아니라 $e^{x}$입니다
:class: warning
씨앗 글은 "인풋값 -1일 때, $f(x) = e^{-1}$이고 이를 미분하면 $e^{-1}$"이라고 씁니다. $e^{-1}$은 상수이므로 그대로 미분하면 $0$입니다. 게이트의 함수는 $f(x) = e^{x}$이고, 그 도함수 $f'(x) = e^{x}$를 입력값 $x = -1$에서 계산한 **값**이 $e^{-1} \approx 0.37$입니다. 함수와 "한 점에서의 값"을 구별해야 합니다. 결과 $-0.53 \times e^{-1} \approx -0.20$은 맞습니다(위 표의 `exp(-z)` 행, 정확히는 $-0.1966$).
```

```{admonition} 바로잡기: 반올림한 0.2로 곱하면 $\partial f/\partial x_0 = 0.40$이 되지만 참값은 0.39입니다
:class: warning
씨앗 글은 곱셈 게이트에서 "w는 0.2 × −1, x는 0.2 × 2"라고 씁니다. 곱셈 게이트가 입력을 맞바꿔 곱한다는 규칙은 맞지만, 이미 반올림한 상류 기울기 $0.2$를 쓰면 $\partial f/\partial x_0 = 0.2 \times 2 = 0.40$이 됩니다. 참값은 $\sigma'(1) \times 2 = 0.1966 \times 2 = 0.3932 \approx 0.39$입니다(CS231n 노트의 값, 위 셀과 아래 셀). 역전파에서는 곱셈이 이어지므로 중간값을 반올림하면 오차도 같이 곱해져 커집니다. 반올림은 마지막에 한 번만 합니다. 또 씨앗 글은 $w_0, x_0$만 계산하고 멈추는데, 나머지는 $\partial f/\partial w_1 = -0.39$, $\partial f/\partial x_1 = -0.59$, $\partial f/\partial w_2 = 0.20$입니다.
```
""",
        en=r"""
### Seed post 002's calculation, revisited

The seed post follows this circuit gate by gate from the right. The direction and most numbers are right, but two places need correcting.

```{admonition} Correction: the exp gate's function is $e^{x}$, not $e^{-1}$
:class: warning
The seed says: "with input −1, $f(x) = e^{-1}$, and its derivative is $e^{-1}$". $e^{-1}$ is a constant, whose derivative is $0$. The gate's function is $f(x) = e^{x}$; its derivative $f'(x) = e^{x}$, **evaluated** at the input $x = -1$, is $e^{-1} \approx 0.37$. Keep the function and its value at a point apart. The result $-0.53 \times e^{-1} \approx -0.20$ is right (row `exp(-z)` of the table above; exactly $-0.1966$).
```

```{admonition} Correction: multiplying by the rounded 0.2 gives $\partial f/\partial x_0 = 0.40$, but the true value is 0.39
:class: warning
At the multiply gate the seed writes "w gets 0.2 × −1, x gets 0.2 × 2". The rule (a multiply gate swaps its inputs) is right, but with the already rounded upstream gradient $0.2$ it gives $\partial f/\partial x_0 = 0.2 \times 2 = 0.40$. The true value is $\sigma'(1) \times 2 = 0.1966 \times 2 = 0.3932 \approx 0.39$ (the CS231n value; the cell above and the cell below). Backpropagation is a chain of multiplications, so a rounding error in an intermediate value is multiplied along with it: round once, at the end. The seed also stops after $w_0, x_0$; the rest are $\partial f/\partial w_1 = -0.39$, $\partial f/\partial x_1 = -0.59$, $\partial f/\partial w_2 = 0.20$.
```
""",
    ),
    code(
        """
rows = {row["label"]: row for row in table}
upstream = rows["w0*x0"]["grad"]  # gradient arriving at the multiply node w0*x0
print(f"upstream at w0*x0: exact {upstream:.4f}, seed's rounded 0.2")
print(f"d f/d x0 = upstream * w0: exact {upstream * 2.0:.4f} -> {upstream * 2.0:.2f}, "
      f"with 0.2: {0.2 * 2.0:.2f}")
print(f"d f/d w0 = upstream * x0: exact {upstream * -1.0:.4f} -> {upstream * -1.0:.2f}, "
      f"with 0.2: {0.2 * -1.0:.2f}")
"""
    ),
    md(
        ko=r"""
### 지름길: $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$

$\times(-1)$, $\exp$, $+1$, $1/x$ 네 게이트는 합쳐서 시그모이드 하나입니다. 시그모이드의 도함수를 한 번에 구해 두면 네 단계를 건너뛸 수 있습니다.

$$
\sigma(z) = \frac{1}{1+e^{-z}}
\;\Rightarrow\;
\sigma'(z) = \frac{e^{-z}}{(1+e^{-z})^2}
= \frac{1}{1+e^{-z}} \cdot \frac{(1+e^{-z}) - 1}{1+e^{-z}}
= \sigma(z)\,\bigl(1-\sigma(z)\bigr).
$$

$z = 1$에서 $\sigma(1) = 0.7311$이므로 $\sigma'(1) = 0.7311 \times 0.2689 = 0.1966$. 네 게이트를 하나씩 지나 얻은 값과 같습니다. 순전파에서 이미 구한 출력 $\sigma(z)$만으로 기울기를 계산할 수 있다는 점이 중요합니다. `sigmoid_circuit(fused=True)`는 시그모이드를 노드 하나로 만듭니다.
""",
        en=r"""
### Shortcut: $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$

The four gates $\times(-1)$, $\exp$, $+1$, $1/x$ together are one sigmoid. With the sigmoid's derivative worked out once, the four steps collapse into one:

$$
\sigma(z) = \frac{1}{1+e^{-z}}
\;\Rightarrow\;
\sigma'(z) = \frac{e^{-z}}{(1+e^{-z})^2}
= \frac{1}{1+e^{-z}} \cdot \frac{(1+e^{-z}) - 1}{1+e^{-z}}
= \sigma(z)\,\bigl(1-\sigma(z)\bigr).
$$

At $z = 1$, $\sigma(1) = 0.7311$, so $\sigma'(1) = 0.7311 \times 0.2689 = 0.1966$: the value we got by passing through the four gates. Note that the gradient needs only the output $\sigma(z)$ the forward pass already computed. `sigmoid_circuit(fused=True)` makes the sigmoid a single node:
""",
    ),
    code(
        """
f_fused, inputs_fused = sigmoid_circuit(w=[2.0, -3.0, -3.0], x=[-1.0, -2.0], fused=True)
f_fused.backward()
s = f_fused.data
print(f"sigma(1) = {s:.6f},  sigma(1)*(1 - sigma(1)) = {s * (1 - s):.6f}")
print(f"activations.sigmoid_grad(1.0) = {float(activations.sigmoid_grad(1.0)):.6f}")
for k in ("w0", "w1", "w2", "x0", "x1"):
    print(f"d f/d {k}: four gates {inputs[k].grad:9.6f}   one sigmoid node {inputs_fused[k].grad:9.6f}")
"""
    ),
    code(
        """
draw_graph(
    f_fused,
    title=tr("시그모이드를 노드 하나로 합친 같은 회로", "The same circuit with the sigmoid as one node"),
    figsize=(8.5, 5),
)
plt.show()
"""
    ),
    # ------------------------------------------------------------ gates as routers
    md(
        ko=r"""
## 게이트는 기울기의 길잡이

역전파를 몇 번 해 보면 자주 쓰는 게이트마다 기울기를 다루는 버릇이 보입니다.

- **덧셈 게이트는 나눠 준다**(distribute): 국소 기울기가 모두 $1$이므로 상류 기울기를 **그대로** 모든 입력에 똑같이 보냅니다.
- **곱셈 게이트는 맞바꾼다**(swap): $\partial(xy)/\partial x = y$이므로 $x$ 쪽에는 "상류 × $y$", $y$ 쪽에는 "상류 × $x$"를 보냅니다.
- **max 게이트는 길을 고른다**(route): 더 큰 입력 쪽에만 상류 기울기를 그대로 보내고, 작은 쪽에는 $0$을 보냅니다.

CS231n의 예 $f = 2\,(x y + \max(z, w))$, $x = 3$, $y = -4$, $z = 2$, $w = -1$ 로 확인합니다. 이번에는 `AddGate`, `MultiplyGate`, `MaxGate` 객체의 `forward`/`backward`를 직접 부릅니다.
""",
        en=r"""
## Gates as routers of gradients

After a few backward passes, each common gate shows a habit:

- **An add gate distributes**: all its local gradients are $1$, so it passes the upstream gradient **unchanged** to every input.
- **A multiply gate swaps**: $\partial(xy)/\partial x = y$, so input $x$ gets "upstream × $y$" and input $y$ gets "upstream × $x$".
- **A max gate routes**: the larger input gets the upstream gradient unchanged, the smaller one gets $0$.

Let us check with the CS231n example $f = 2\,(x y + \max(z, w))$ at $x = 3$, $y = -4$, $z = 2$, $w = -1$, calling the `forward`/`backward` methods of `AddGate`, `MultiplyGate` and `MaxGate` objects ourselves:
""",
    ),
    code(
        """
mul, mx, add, double = MultiplyGate(), MaxGate(), AddGate(), MultiplyGate()

# forward: each gate remembers its inputs
xy = mul.forward(3.0, -4.0)       # x*y
m = mx.forward(2.0, -1.0)         # max(z, w)
s_ = add.forward(xy, m)           # x*y + max(z, w)
out = double.forward(s_, 2.0)     # 2 * (...)
print(f"forward: x*y = {xy:.0f}, max(z, w) = {m:.0f}, sum = {s_:.0f}, f = {out:.0f}")

# backward: start with d f/d f = 1 and go back gate by gate
ds, _ = double.backward(1.0)
dxy, dm = add.backward(ds)        # add distributes
dx_, dy_ = mul.backward(dxy)      # multiply swaps
dz_, dw_ = mx.backward(dm)        # max routes
print(f"add  distributes: {ds:.0f} -> ({dxy:.0f}, {dm:.0f})")
print(f"mul  swaps:       d f/dx = {dxy:.0f} * y = {dx_:.0f},  d f/dy = {dxy:.0f} * x = {dy_:.0f}")
print(f"max  routes:      d f/dz = {dz_:.0f} (z = 2 won),  d f/dw = {dw_:.0f}")
"""
    ),
    md(
        ko=r"""
곱셈 게이트의 "맞바꾸기"에는 실용적인 결과가 있습니다. 선형 층 $w^\top x$ 에서 $\partial L/\partial w$는 입력 $x$에 비례합니다. 입력을 1000배로 키우면 가중치의 기울기도 1000배가 되어, 같은 학습률이 전혀 다른 걸음이 됩니다. 입력을 정규화(예: MNIST 픽셀을 255로 나누기)하는 이유 중 하나입니다.

같은 게이트는 배열에도 원소별로 작동합니다. max 게이트는 원소마다 이긴 쪽으로 기울기를 보냅니다.
""",
        en=r"""
The multiply gate's swap has a practical consequence. In a linear layer $w^\top x$, $\partial L/\partial w$ is proportional to the input $x$: scale the inputs by 1000 and the weight gradients grow 1000-fold, so the same learning rate makes a completely different step. This is one reason to normalise inputs (e.g. divide MNIST pixels by 255).

The same gates work element-wise on arrays; the max gate routes each element's gradient to whichever input won there:
""",
    ),
    code(
        """
gate = MaxGate()
print("max:", gate.forward([1.0, 5.0, -2.0], [3.0, 4.0, -2.0]))
d_first, d_second = gate.backward([10.0, 20.0, 30.0])
print("to first input: ", d_first)
print("to second input:", d_second)
"""
    ),
    md(
        ko=r"""
동점($-2$와 $-2$)에서는 기울기를 첫 번째 입력에 줍니다. $\max$는 동점에서 미분할 수 없으므로 이것은 관례입니다. ReLU $=\max(x, 0)$도 $x=0$에서 같은 문제가 있으며, 이 장 끝의 기울기 확인에서 다시 만납니다.
""",
        en=r"""
On a tie ($-2$ and $-2$) the gradient goes to the first input. $\max$ is not differentiable at a tie, so this is a convention. ReLU $=\max(x, 0)$ has the same issue at $x = 0$; we meet it again in the gradient check at the end of the chapter.
""",
    ),
    # ------------------------------------------------------------ vectorised layers
    md(
        ko=r"""
## 벡터화된 층: Affine, ReLU, Softmax + 교차 엔트로피

실제 신경망은 스칼라 노드 대신 **층**(layer) 단위로 역전파합니다. 층마다 `forward(x)`가 역전파에 필요한 값을 저장해 두고, `backward(dout)`가 상류 기울기 `dout` $=\partial L/\partial(\text{출력})$을 받아 $\partial L/\partial(\text{입력})$을 돌려줍니다.

### Affine (완전 연결 층, Keras의 `Dense`에서 활성화를 뺀 것)

배치 $X$ (모양 $N \times D$), 가중치 $W$ ($D \times M$), 편향 $b$ ($M$)에 대해 $Y = XW + b$ ($N \times M$)입니다. 상류 기울기 $G = \partial L/\partial Y$ ($N \times M$)가 주어지면

$$
\frac{\partial L}{\partial X} = G\,W^\top \;(N\times D), \qquad
\frac{\partial L}{\partial W} = X^\top G \;(D\times M), \qquad
\frac{\partial L}{\partial b} = \sum_{n=1}^{N} G_{n,:} \;(M).
$$

외우지 않아도 됩니다. 원소 하나 $Y_{nm} = \sum_d X_{nd}W_{dm} + b_m$ 에서 $\partial Y_{nm}/\partial W_{dm} = X_{nd}$ 이므로 $\partial L/\partial W_{dm} = \sum_n X_{nd} G_{nm}$ = $(X^\top G)_{dm}$ 입니다. 더 빨리는 **모양만 맞추면** 됩니다. $\partial L/\partial W$는 $W$와 같은 $D\times M$이어야 하고, $X$($N\times D$)와 $G$($N\times M$)로 $D\times M$을 만드는 곱은 $X^\top G$ 하나뿐입니다. $b$는 모든 샘플에 더해졌으므로(덧셈 게이트가 나눠 준 것) 샘플 방향으로 기울기를 합칩니다.
""",
        en=r"""
## Vectorised layers: Affine, ReLU, softmax + cross-entropy

Real networks backpropagate through **layers** rather than scalar nodes. Each layer's `forward(x)` stores what the backward pass will need, and `backward(dout)` takes the upstream gradient `dout` $=\partial L/\partial(\text{output})$ and returns $\partial L/\partial(\text{input})$.

### Affine (fully connected; Keras's `Dense` without its activation)

For a batch $X$ (shape $N \times D$), weights $W$ ($D \times M$) and bias $b$ ($M$): $Y = XW + b$ ($N \times M$). Given the upstream gradient $G = \partial L/\partial Y$ ($N \times M$):

$$
\frac{\partial L}{\partial X} = G\,W^\top \;(N\times D), \qquad
\frac{\partial L}{\partial W} = X^\top G \;(D\times M), \qquad
\frac{\partial L}{\partial b} = \sum_{n=1}^{N} G_{n,:} \;(M).
$$

No need to memorise this. For one element, $Y_{nm} = \sum_d X_{nd}W_{dm} + b_m$ gives $\partial Y_{nm}/\partial W_{dm} = X_{nd}$, so $\partial L/\partial W_{dm} = \sum_n X_{nd} G_{nm} = (X^\top G)_{dm}$. Faster still, **match the shapes**: $\partial L/\partial W$ must be $D\times M$ like $W$, and the only product of $X$ ($N\times D$) and $G$ ($N\times M$) that is $D\times M$ is $X^\top G$. The bias was added to every sample (an add gate, which distributes), so its gradient sums over the samples.
""",
    ),
    code(
        """
rng = np.random.default_rng(0)
X = rng.standard_normal((3, 4))       # N=3 samples, D=4 features
W = rng.standard_normal((4, 2))       # D=4 -> M=2
b = np.array([0.5, -0.5])
affine = Affine(W, b)
Y = affine.forward(X)
G = rng.standard_normal(Y.shape)      # some upstream gradient dL/dY
dX = affine.backward(G)
print("shapes: X", X.shape, " Y", Y.shape, " dX", dX.shape, " dW", affine.dW.shape,
      " db", affine.db.shape)
print("dW = X.T @ G:\\n", affine.dW)
print("db = G summed over samples:", affine.db)
"""
    ),
    md(
        ko=r"""
수치 기울기로 확인합니다. 손실을 $L = \sum_{n,m} G_{nm} Y_{nm}$ 으로 잡으면 $\partial L/\partial Y = G$ 가 되므로, 이 $L$의 수치 기울기는 `affine.backward(G)`가 준 기울기와 같아야 합니다.
""",
        en=r"""
Check with numerical gradients. Taking the loss $L = \sum_{n,m} G_{nm} Y_{nm}$ makes $\partial L/\partial Y = G$, so the numerical gradients of this $L$ must equal what `affine.backward(G)` returned:
""",
    ),
    code(
        """
num_dW = numerical_gradient(lambda W_: np.sum(G * Affine(W_, b).forward(X)), W)
num_db = numerical_gradient(lambda b_: np.sum(G * Affine(W, b_).forward(X)), b)
num_dX = numerical_gradient(lambda X_: np.sum(G * Affine(W, b).forward(X_)), X)
for name, exact, numeric in (("dW", affine.dW, num_dW), ("db", affine.db, num_db), ("dX", dX, num_dX)):
    print(f"{name}: backprop == numerical (rtol 1e-7): {np.allclose(exact, numeric, rtol=1e-7, atol=0)}")
"""
    ),
    md(
        ko=r"""
`Affine.backward`의 코드는 위 세 식 그대로입니다.
""",
        en=r"""
The code of `Affine.backward` is the three formulas above:
""",
    ),
    code(
        """
print(inspect.getsource(Affine.backward))
"""
    ),
    md(
        ko=r"""
### ReLU와 Sigmoid 층

ReLU $y = \max(x, 0)$는 원소마다 max 게이트이므로 $x > 0$인 곳에는 상류 기울기를 그대로, 나머지에는 $0$을 보냅니다. 순전파에서 마스크(`x > 0`)를 저장해 두면 됩니다. Sigmoid 층은 순전파 출력 $y$를 저장해 두었다가 $\text{dout}\cdot y(1-y)$를 돌려줍니다.
""",
        en=r"""
### ReLU and Sigmoid layers

ReLU $y = \max(x, 0)$ is an element-wise max gate: where $x > 0$ it passes the upstream gradient unchanged, elsewhere it sends $0$. The forward pass only has to store the mask `x > 0`. The Sigmoid layer stores its output $y$ and returns $\text{dout}\cdot y(1-y)$.
""",
    ),
    code(
        """
relu = ReLU()
print("forward: ", relu.forward([-2.0, -0.5, 0.0, 0.5, 2.0]))
print("backward:", relu.backward([1.0, 1.0, 1.0, 1.0, 1.0]))
"""
    ),
    md(
        ko=r"""
### Softmax와 교차 엔트로피를 한 층으로

마지막 층은 로짓(logit) $z$에 소프트맥스(softmax)를 씌워 확률 $p = \mathrm{softmax}(z)$를 만들고, 정답 원-핫 벡터 $t$와의 교차 엔트로피(cross-entropy)를 배치 평균합니다. 둘을 한 층으로 묶으면 역전파가 놀랄 만큼 간단해집니다.

$$
L = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k} t_{nk}\log p_{nk}
\quad\Rightarrow\quad
\frac{\partial L}{\partial z_{nk}} = \frac{p_{nk} - t_{nk}}{N}.
$$

예측 확률과 정답의 차이가 곧 기울기입니다. 소프트맥스의 야코비 행렬(Jacobian)과 로그의 미분이 서로 상쇄된 결과입니다. 아래 예에서 정답 클래스의 기울기는 음수(로짓을 키우라), 나머지는 양수(줄이라)입니다.
""",
        en=r"""
### Softmax and cross-entropy as one layer

The last layer turns the logits $z$ into probabilities $p = \mathrm{softmax}(z)$ and averages the cross-entropy with the one-hot targets $t$ over the batch. Fused into one layer, the backward pass becomes remarkably simple:

$$
L = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k} t_{nk}\log p_{nk}
\quad\Rightarrow\quad
\frac{\partial L}{\partial z_{nk}} = \frac{p_{nk} - t_{nk}}{N}.
$$

The gradient is just predicted probability minus target: the softmax Jacobian and the derivative of the log cancel. In the example below the true class gets a negative gradient (raise this logit) and the others a positive one (lower them):
""",
    ),
    code(
        """
logits = np.array([[2.0, 1.0, 0.1],
                   [0.5, 2.5, -1.0]])
labels = np.array([0, 2])                 # true classes
sce = SoftmaxCrossEntropy()
loss = sce.forward(logits, labels)
dz = sce.backward()                       # dout = 1.0 by default
print(f"loss (mean over the batch) = {loss:.6f}")
print("softmax p:\\n", sce.y)
print("dL/dz = (p - t) / N:\\n", dz)
print("(p - t) / N by hand matches:", np.allclose(dz, (sce.y - np.eye(3)[labels]) / 2, rtol=1e-12))
"""
    ),
    md(
        ko=r"""
```{admonition} 바로잡기: Keras의 교차 엔트로피는 샘플 손실의 "합"이 아니라 "평균"입니다
:class: warning
씨앗 글 002는 교차 엔트로피를 "모든 샘플에 대해 실제 클래스의 예측 확률의 $-\log$를 **합한** 것"이라고 설명합니다. Keras(`reduction="sum_over_batch_size"`가 기본값)와 CS231n, 그리고 `lossbook`은 배치 **평균**을 씁니다 {cite}`chollet2015keras`. 차이는 이름만의 문제가 아닙니다. 합을 쓰면 기울기도 배치 크기 $N$배가 되어, 배치 크기를 바꿀 때마다 학습률을 다시 맞춰야 합니다. 위 층의 역전파 식에 $1/N$이 있는 이유입니다. 아래 셀에서 합과 평균, 그리고 두 기울기의 비가 정확히 $N$임을 확인합니다.
```
""",
        en=r"""
```{admonition} Correction: Keras's cross-entropy is the mean of the per-sample losses, not their sum
:class: warning
Seed post 002 describes cross-entropy as "the $-\log$ of the predicted probability of the true class, **summed** over all samples". Keras (default `reduction="sum_over_batch_size"`), CS231n and `lossbook` use the batch **mean** {cite}`chollet2015keras`. This is more than a naming detail: with the sum the gradient also grows $N$-fold, so the learning rate would have to be retuned whenever the batch size changes. That is where the $1/N$ in the layer's backward formula comes from. The next cell checks the sum, the mean, and that the two gradients differ by exactly the factor $N$.
```
""",
    ),
    code(
        """
per_sample = losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
grad_of_sum = losses.sparse_categorical_crossentropy_grad(labels, logits, from_logits=True)
print("per-sample losses:", per_sample)
print(f"sum  = {per_sample.sum():.6f}")
print(f"mean = {per_sample.mean():.6f}  (the layer gave {loss:.6f})")
print("gradient of the sum / gradient of the mean:", grad_of_sum / dz)
"""
    ),
    # ------------------------------------------------------------ two-layer net
    md(
        ko=r"""
## 두 층 신경망의 역전파와 기울기 확인

이제 층을 이어 붙입니다. `TwoLayerNet`은 `Affine → ReLU → Affine → SoftmaxCrossEntropy` 입니다. 역전파는 마지막 층부터 `backward`를 차례로 부르는 것이 전부입니다.
""",
        en=r"""
## A two-layer network: backward pass and gradient check

Now we chain the layers. `TwoLayerNet` is `Affine → ReLU → Affine → SoftmaxCrossEntropy`; its backward pass just calls `backward` on each layer from the last to the first:
""",
    ),
    code(
        """
print(inspect.getsource(TwoLayerNet.gradient))
"""
    ),
    md(
        ko=r"""
구현에 실수가 없는지 확인하는 표준 방법이 **기울기 확인**(gradient check)입니다. 같은 매개변수에서 역전파 기울기 $a$와 수치 기울기 $n$을 구하고, 원소마다 상대 차이

$$
\text{rel}(a, n) = \frac{|a - n|}{\max(|a| + |n|,\ 10^{-8})}
$$

의 최댓값을 매개변수별로 봅니다 {cite}`karpathy2016cs231n`. 대략 $10^{-7}$ 이하이면 맞고, $10^{-2}$를 넘으면 대개 구현이 틀린 것입니다. 그 사이라면 원인을 따져 봐야 합니다(아래에서 한 예를 봅니다). 입력 4개, 은닉 5개, 클래스 3개짜리 작은 망을 기본 설정(가중치 표준편차 `weight_init_std=0.01`, $h = 10^{-4}$)으로 확인해 봅니다.

출력은 $10^{-6}$보다 작으면 `< 1e-6`으로만 적습니다. 그 아래 자릿수는 반올림 잡음이라 CPU(BLAS, `exp`/`log` 구현)에 따라 달라지기 때문입니다.
""",
        en=r"""
The standard way to catch mistakes in a backward pass is a **gradient check**: at the same parameters compute the backprop gradient $a$ and the numerical gradient $n$, and look, per parameter, at the largest element-wise relative difference {cite}`karpathy2016cs231n`:

$$
\text{rel}(a, n) = \frac{|a - n|}{\max(|a| + |n|,\ 10^{-8})} .
$$

Around $10^{-7}$ or below means correct; above about $10^{-2}$ usually means a bug; in between, look for the cause (we meet one example below). We check a small net (4 inputs, 5 hidden units, 3 classes) with the defaults: `weight_init_std=0.01` and $h = 10^{-4}$.

Values below $10^{-6}$ are printed only as `< 1e-6`: their digits are rounding noise and differ from CPU to CPU (BLAS kernels, `exp`/`log` implementations).
""",
    ),
    code(
        """
def max_rel_diff(a, n):
    return float(np.max(np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), 1e-8)))


def gradient_check(net, x, t, h=1e-4):
    backprop = net.gradient(x, t)
    numeric = net.numerical_gradient(x, t, h=h)
    for key in backprop:
        err = max_rel_diff(backprop[key], numeric[key])
        shown = "< 1e-6" if err < 1e-6 else f"{err:.1e}"
        print(f"  {key}: max relative difference {shown}")


rng = np.random.default_rng(0)
x_batch = rng.standard_normal((8, 4))
t_batch = rng.integers(0, 3, size=8)
net = TwoLayerNet(input_size=4, hidden_size=5, output_size=3, seed=0)
print(f"loss = {net.loss(x_batch, t_batch):.6f}  (log 3 = {np.log(3):.6f})")
print("ReLU, h = 1e-4:")
gradient_check(net, x_batch, t_batch, h=1e-4)
"""
    ),
    md(
        ko=r"""
`W1`, `W2`, `b2`는 통과인데 `b1`만 상대 차이가 $0.6\%$입니다. 역전파가 틀린 걸까요? 은닉층의 입력(활성화 전 값) $z = XW_1 + b_1$ 중 $0$에 가장 가까운 값을 찾아봅니다.
""",
        en=r"""
`W1`, `W2` and `b2` pass, but `b1` is off by $0.6\%$. Is the backward pass wrong? Let us look at the hidden pre-activations $z = XW_1 + b_1$ closest to $0$:
""",
    ),
    code(
        """
z_hidden = x_batch @ net.params["W1"] + net.params["b1"]
n, j = np.unravel_index(np.argmin(np.abs(z_hidden)), z_hidden.shape)
print(f"smallest |z|: sample {n}, hidden unit {j}, z = {z_hidden[n, j]:.3e}")
print(f"pre-activations with |z| < h = 1e-4: {int(np.sum(np.abs(z_hidden) < 1e-4))}")
"""
    ),
    md(
        ko=r"""
샘플 하나의 은닉 유닛 하나가 $z \approx 9\times 10^{-5}$로, $h = 10^{-4}$보다 $0$에 가깝습니다. 수치 미분은 $b_1$을 $\pm h$만큼 움직이는데, 그러면 이 $z$가 ReLU의 꺾인 점(kink) $0$을 **넘어갑니다**. 한쪽에서는 기울기 $1$, 다른 쪽에서는 $0$이므로 중앙 차분은 두 기울기를 섞은 값을 내고, 역전파(한쪽 기울기만 씀)와 어긋납니다. 틀린 것은 역전파가 아니라 수치 미분 쪽입니다. 가중치를 작게(표준편차 $0.01$) 초기화하면 $z$가 모두 $0$ 근처에 몰려 이런 일이 잘 생깁니다.

해결책은 두 가지입니다. $h$를 꺾인 점까지의 거리보다 작게 하거나($h = 10^{-5}$), 꺾인 점이 없는 매끄러운 활성화(시그모이드)로 확인하는 것입니다.
""",
        en=r"""
One hidden unit of one sample has $z \approx 9\times 10^{-5}$, closer to $0$ than $h = 10^{-4}$. The numerical derivative moves $b_1$ by $\pm h$, which pushes this $z$ **across** ReLU's kink at $0$. The slope is $1$ on one side and $0$ on the other, so the central difference returns a mixture of the two and disagrees with backprop, which uses the slope of one side. The numerical derivative is what is wrong here, not backprop. With a small initialisation (standard deviation $0.01$) all the $z$ crowd around $0$, so this happens easily.

Two cures: make $h$ smaller than the distance to the kink ($h = 10^{-5}$), or check with a smooth activation that has no kink (the sigmoid):
""",
    ),
    code(
        """
print("ReLU, h = 1e-5:")
gradient_check(net, x_batch, t_batch, h=1e-5)
print("Sigmoid hidden layer, h = 1e-4:")
gradient_check(TwoLayerNet(4, 5, 3, seed=0, activation="sigmoid"), x_batch, t_batch, h=1e-4)
"""
    ),
    md(
        ko=r"""
$h$를 너무 줄이면 앞 장에서 본 반올림 오차가 커지므로 무작정 줄이는 것도 답이 아닙니다. 기울기 확인에서 한 매개변수만 크게 어긋나면, 먼저 꺾인 점(ReLU, max)을 넘었는지 의심해 보세요. 아래 셀은 $h$별로 `b1`의 최대 상대 차이를 보여 줍니다(표시는 위와 같은 규칙).
""",
        en=r"""
Shrinking $h$ too far brings back the rounding error of the previous chapter, so "smaller" is not a cure-all. When a gradient check fails for a single parameter, first suspect a kink (ReLU, max) being crossed. The next cell shows `b1`'s largest relative difference for several $h$ (printed with the same rule as above):
""",
    ),
    code(
        """
analytic_b1 = net.gradient(x_batch, t_batch)["b1"]
for h in (1e-3, 1e-4, 1e-5):
    err = max_rel_diff(analytic_b1, net.numerical_gradient(x_batch, t_batch, h=h)["b1"])
    crossed = int(np.sum(np.abs(z_hidden) < h))
    shown = "< 1e-6" if err < 1e-6 else f"{err:.1e}"
    print(f"h = {h:.0e}: b1 max relative difference {shown:>7}   kinks within h: {crossed}")
"""
    ),
    # ------------------------------------------------------------ exercises
    md(
        ko=r"""
## 연습 문제

**문제 1.** $f(x, y, z) = (x + y)\,z$ 를 $x = 1$, $y = 2$, $z = 3$ 에서 손으로 역전파하여 $\partial f/\partial x$, $\partial f/\partial y$, $\partial f/\partial z$ 를 구하고, `Value`로 확인하세요.
""",
        en=r"""
## Exercises

**Exercise 1.** Backpropagate $f(x, y, z) = (x + y)\,z$ by hand at $x = 1$, $y = 2$, $z = 3$ to get $\partial f/\partial x$, $\partial f/\partial y$, $\partial f/\partial z$, then check with `Value`.
""",
    ),
    code(
        """
# Solution 1: q = x + y = 3, f = q*z = 9; df/dx = df/dy = z = 3, df/dz = q = 3
a, b_, c = Value(1.0, label="x"), Value(2.0, label="y"), Value(3.0, label="z")
out = (a + b_) * c
out.backward()
print(f"f = {out.data:.0f}, df/dx = {a.grad:.0f}, df/dy = {b_.grad:.0f}, df/dz = {c.grad:.0f}")
""",
        tags=["hide-cell"],
    ),
    md(
        ko=r"""
**문제 2.** 시그모이드 뉴런의 입력을 $w = [1,\,-1,\,0]$, $x = [2,\,1]$로 바꾸면 $z$는 얼마이고, $\partial f/\partial w$와 $\partial f/\partial x$는 무엇이 될지 **계산하기 전에** 예측하세요. (힌트: $\partial f/\partial w_i = \sigma'(z)\,x_i$, $\partial f/\partial w_2 = \sigma'(z)$, $\partial f/\partial x_i = \sigma'(z)\,w_i$.)
""",
        en=r"""
**Exercise 2.** With inputs $w = [1,\,-1,\,0]$ and $x = [2,\,1]$, what is $z$, and what will $\partial f/\partial w$ and $\partial f/\partial x$ be? Predict **before** computing. (Hint: $\partial f/\partial w_i = \sigma'(z)\,x_i$, $\partial f/\partial w_2 = \sigma'(z)$, $\partial f/\partial x_i = \sigma'(z)\,w_i$.)
""",
    ),
    code(
        """
# Solution 2: z = 1*2 + (-1)*1 + 0 = 1 again, so sigma'(z) = 0.1966 as before;
# dw = 0.1966 * [2, 1, 1] = [0.39, 0.20, 0.20], dx = 0.1966 * [1, -1] = [0.20, -0.20]
f2, in2 = sigmoid_circuit(w=[1.0, -1.0, 0.0], x=[2.0, 1.0])
f2.backward()
print(f"f = {f2.data:.4f}")
print("dw =", np.array([in2[k].grad for k in ("w0", "w1", "w2")]))
print("dx =", np.array([in2[k].grad for k in ("x0", "x1")]))
""",
        tags=["hide-cell"],
    ),
    md(
        ko=r"""
**문제 3.** $g(x) = x\cdot x + x$ 에서 노드 $x$는 두 번(세 군데에) 쓰입니다. $x = 3$에서 `Value`로 $g'(3)$을 구하고, 값이 왜 $2x + 1 = 7$인지 "여러 경로의 기울기는 더한다"로 설명하세요. `backward()`를 두 번 불러도 같은 값인지도 확인하세요.
""",
        en=r"""
**Exercise 3.** In $g(x) = x\cdot x + x$ the node $x$ is used in three places. Compute $g'(3)$ with `Value` and explain, with "gradients of different paths add up", why it is $2x + 1 = 7$. Also check that calling `backward()` twice gives the same value.
""",
    ),
    code(
        """
# Solution 3: the multiply node sends upstream*x to each of its two inputs (both x): 3 + 3,
# the add node sends 1 to its x input: total 3 + 3 + 1 = 7 = 2x + 1.
v = Value(3.0, label="x")
g = v * v + v
g.backward()
first = v.grad
g.backward()
print(f"g'(3) = {first:.0f}; after a second backward(): {v.grad:.0f}")
""",
        tags=["hide-cell"],
    ),
    md(
        ko=r"""
**문제 4.** `Affine` 층에서 배치 크기 $N$을 2배로 늘리면(같은 샘플을 두 번 넣으면) `dW`와 `db`는 어떻게 될까요? 합 $X^\top G$라는 식에서 예측한 뒤 확인하세요. 손실이 배치 평균일 때는 $G$ 자체에 $1/N$이 들어 있다는 점도 생각해 보세요.
""",
        en=r"""
**Exercise 4.** If the batch of an `Affine` layer is doubled (the same samples twice), what happens to `dW` and `db`? Predict from the sum $X^\top G$, then check. Then think about what changes when the loss is a batch mean, so that $G$ itself contains a $1/N$.
""",
    ),
    code(
        """
# Solution 4: X^T G sums over samples, so the same samples twice double dW and db.
# With a mean loss, G = dL/dY carries 1/N: doubling N halves G, and dW, db stay the same.
d1, d2 = Affine(W, b), Affine(W, b)
d1.forward(X)
d1.backward(G)
d2.forward(np.vstack([X, X]))
d2.backward(np.vstack([G, G]))
print("dW doubled:", np.allclose(d2.dW, 2 * d1.dW), "  db doubled:", np.allclose(d2.db, 2 * d1.db))
d2.backward(np.vstack([G, G]) / 2)   # a mean loss over 2N samples: G / 2
print("with a mean loss, dW unchanged:", np.allclose(d2.dW, d1.dW))
""",
        tags=["hide-cell"],
    ),
    md(
        ko=r"""
**문제 5.** 기울기 확인에서 ReLU 망의 `W1`은 $h = 10^{-4}$에서도 통과했는데 `b1`만 실패했습니다. $W_1$의 원소 하나를 $h$만큼 움직이면 $z$는 얼마나 움직이고, $b_1$의 원소 하나를 움직이면 얼마나 움직이나요? 이것으로 차이를 설명하고, 문제의 샘플에서 확인하세요.

```{admonition} 풀이
:class: dropdown
$z_{nj} = \sum_d X_{nd}W_{dj} + b_j$ 이므로 $W_{dj}$를 $h$만큼 움직이면 $z_{nj}$는 $h\,X_{nd}$만큼, $b_j$를 움직이면 **모든 샘플**의 $z_{nj}$가 정확히 $h$만큼 움직입니다. 문제의 $z \approx 9.2\times10^{-5}$는 $b_j$의 $\pm 10^{-4}$ 움직임에서는 $0$을 넘습니다. $W_{dj}$의 움직임으로 넘으려면 $|X_{nd}| > 0.92$여야 하는데, 그 샘플의 특성은 모두 절댓값이 그보다 작으므로(아래 셀) 넘지 않습니다. 꺾인 점을 넘는지는 "매개변수를 $h$ 움직일 때 $z$가 얼마나 움직이는가"에 달려 있습니다.
```
""",
        en=r"""
**Exercise 5.** In the gradient check of the ReLU net, `W1` passed even at $h = 10^{-4}$ and only `b1` failed. How far does $z$ move when one element of $W_1$ moves by $h$, and when one element of $b_1$ does? Use this to explain the difference, and check it on the offending sample.

```{admonition} Solution
:class: dropdown
$z_{nj} = \sum_d X_{nd}W_{dj} + b_j$, so moving $W_{dj}$ by $h$ moves $z_{nj}$ by $h\,X_{nd}$, while moving $b_j$ moves $z_{nj}$ of **every sample** by exactly $h$. The offending $z \approx 9.2\times10^{-5}$ crosses $0$ under the $\pm 10^{-4}$ move of $b_j$. To cross it under a move of $W_{dj}$ we would need $|X_{nd}| > 0.92$, and every feature of that sample is smaller in size (next cell), so it does not cross. Whether a kink is crossed depends on how far $z$ moves when the parameter moves by $h$.
```
""",
    ),
    code(
        """
# Solution 5: the largest move of z[n, j] caused by moving one W1[d, j] by h = 1e-4
h = 1e-4
print(f"|z| = {abs(z_hidden[n, j]):.2e}")
print(f"largest |x[n, d]| = {np.max(np.abs(x_batch[n])):.2f} -> largest move of z: "
      f"{h * np.max(np.abs(x_batch[n])):.2e} (moving b1[j] moves it by {h:.0e})")
""",
        tags=["hide-cell"],
    ),
    # ------------------------------------------------------------ summary
    md(
        ko=r"""
## 요약

- 역전파는 계산 그래프 위의 연쇄 법칙입니다. 노드마다 **하류 기울기 = 상류 기울기 × 국소 기울기**를 계산해 입력 쪽으로 보내고, 여러 경로에서 온 기울기는 더합니다. 역전파는 순전파가 저장한 값을 쓰므로 순전파 다음에, 갱신 전에 실행됩니다.
- CS231n 시그모이드 뉴런($w = [2, -3, -3]$, $x = [-1, -2]$): $z = 1$, $f = 0.73$, $\partial f/\partial w = [-0.20,\ -0.39,\ 0.20]$, $\partial f/\partial x = [0.39,\ -0.59]$. 게이트 네 개를 거치든 $\sigma'(z) = \sigma(z)(1-\sigma(z)) = 0.1966$ 한 번을 쓰든 같습니다.
- 씨앗 글 002의 바로잡기: exp 게이트의 함수는 $e^{x}$(값 $e^{-1}$은 그 도함수를 $-1$에서 계산한 것), 반올림한 $0.2$로 곱하면 $0.40$이 되지만 참값은 $0.39$, 교차 엔트로피는 Keras에서 합이 아닌 배치 평균.
- 덧셈은 나눠 주고, 곱셈은 맞바꾸고, max는 길을 고릅니다.
- Affine 층: $\partial L/\partial X = GW^\top$, $\partial L/\partial W = X^\top G$, $\partial L/\partial b = \sum_n G_{n,:}$. 모양을 맞추면 유도할 수 있습니다. Softmax + 교차 엔트로피의 기울기는 $(p - t)/N$입니다.
- 기울기 확인은 역전파 구현의 필수 검사입니다. ReLU의 꺾인 점을 $\pm h$가 넘으면 수치 미분 쪽이 틀리므로, 더 작은 $h$나 매끄러운 활성화로 다시 확인합니다.
""",
        en=r"""
## Summary

- Backpropagation is the chain rule on a computational graph: every node computes **downstream gradient = upstream gradient × local gradient** and sends it to its inputs; gradients arriving along several paths add up. It needs the values stored by the forward pass, so it runs after the forward pass and before the update.
- CS231n sigmoid neuron ($w = [2, -3, -3]$, $x = [-1, -2]$): $z = 1$, $f = 0.73$, $\partial f/\partial w = [-0.20,\ -0.39,\ 0.20]$, $\partial f/\partial x = [0.39,\ -0.59]$, whether through four gates or through $\sigma'(z) = \sigma(z)(1-\sigma(z)) = 0.1966$ at once.
- Corrections to seed post 002: the exp gate's function is $e^{x}$ (the value $e^{-1}$ is its derivative evaluated at $-1$); multiplying by the rounded $0.2$ gives $0.40$ where the true value is $0.39$; Keras's cross-entropy is the batch mean, not the sum.
- Add distributes, multiply swaps, max routes.
- Affine layer: $\partial L/\partial X = GW^\top$, $\partial L/\partial W = X^\top G$, $\partial L/\partial b = \sum_n G_{n,:}$, derivable by matching shapes. Softmax + cross-entropy has gradient $(p - t)/N$.
- A gradient check is a must for any backward pass. When $\pm h$ crosses a ReLU kink the numerical side is what goes wrong: recheck with a smaller $h$ or a smooth activation.
""",
    ),
]
