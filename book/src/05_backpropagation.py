"""Chapter 5: backpropagation on computational graphs, gates and layers (source post nn-loss)."""

from cells import code, md

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
from lossbook.exercises import ch05 as check
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

**오차 역전파**(backpropagation)는 순전파 한 번과 역전파 한 번, 곧 순전파 비용의 몇 배 정도로 **모든** 매개변수의 기울기를 한꺼번에 구합니다 {cite}`rumelhart1986backprop`. 비결은 미분의 연쇄 법칙을 계산 그래프 위에서 체계적으로 적용하는 것입니다. 이 장의 예제와 그림은 Stanford CS231n 강의 노트 {cite}`karpathy2016cs231n`와 {ref}`「Neural Networks (1)」 글 <ko-post-nn-loss>`에서 가져왔고, 층 단위 구현은 {cite}`saito2016dlfs`의 구성을 따릅니다.

학습 한 걸음은 언제나 이 순서입니다.

1. **순전파**: 입력에서 출력 쪽으로 계산하며 각 노드의 값을 기억해 둔다.
2. **역전파**: 출력에서 입력 쪽으로 거슬러 가며, 기억해 둔 값으로 기울기를 구한다.
3. **갱신**: 경사 하강법 등으로 $w \leftarrow w - \eta\,\partial L/\partial w$.

역전파는 순전파가 남긴 값이 있어야 돌 수 있습니다. 그 글의 "backpropagation은 먼저 실행되어"라는 말은 **갱신보다 먼저**라는 뜻일 뿐, 순전파보다 먼저라는 뜻이 아닙니다.
""",
        en=r"""
## Why backpropagation

In the previous chapter we computed gradients by **numerical differentiation**. That costs two loss evaluations per parameter (at $w+h$ and $w-h$): $2P$ forward passes for $P$ parameters, which is hopeless for a network with hundreds of thousands of weights.

**Backpropagation** gets the gradient of **every** parameter at once for the price of one forward and one backward pass, a small multiple of a single forward pass {cite}`rumelhart1986backprop`. The trick is to apply the chain rule systematically on a computational graph. The examples and figures of this chapter come from the Stanford CS231n notes {cite}`karpathy2016cs231n` and {ref}`the “Neural Networks (1)” post <en-post-nn-loss>`; the layer-by-layer implementation follows the structure of {cite}`saito2016dlfs`.

One training step always runs in this order:

1. **Forward pass**: compute from the inputs to the output, remembering every node's value.
2. **Backward pass**: go from the output back to the inputs, computing gradients from the remembered values.
3. **Update**: gradient descent or another optimiser, $w \leftarrow w - \eta\,\partial L/\partial w$.

The backward pass cannot run without the values the forward pass left behind. When that post says "backpropagation runs first", it means before the **update**, not before the forward pass.
""",
    ),
    # ------------------------------------------------------------ chain rule, tiny example
    md(
        ko=r"""
## 계산 그래프와 연쇄 법칙

가장 작은 예로 시작합니다. $f(x, y, z) = (x + y)\,z$를 $x=-2$, $y=5$, $z=-4$에서 계산하고 미분합니다. 중간값에 이름을 붙여 $q = x + y$라고 하면 $f = q\,z$이고, 계산 그래프는 덧셈 노드 하나와 곱셈 노드 하나입니다.

**순전파**: $q = -2 + 5 = 3$, $f = 3 \cdot (-4) = -12$.

**역전파**: 출력에서 시작합니다. $\partial f/\partial f = 1$입니다. 각 노드는 자기 입력에 대한 **국소 기울기**(local gradient)만 알면 됩니다.

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
손으로 구한 값과 같습니다: $\partial f/\partial x = \partial f/\partial y = -4$, $\partial f/\partial z = 3$. 수치 미분(앞 장의 `numerical_gradient`)으로도 확인합니다. 이번에는 그래프를 거치지 않고 식 $(x+y)z$를 직접 미분합니다.
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
""",
        alt={"ko": '계산 그래프 f = (x + y)·z. 입력 x = −2와 y = 5가 덧셈 노드로 들어가 q = 3이 되고, q와 z = −4가 곱셈 노드로 들어가 f = −12가 됩니다. 간선 위의 초록 숫자는 순전파 값, 아래의 빨간 숫자는 거꾸로 흐르는 기울기로, q·x·y 쪽에는 −4, z 쪽에는 3이 흐릅니다.',
             "en": 'Computational graph of f = (x + y)·z. The inputs x = −2 and y = 5 enter an add node giving q = 3; q and z = −4 enter a multiply node giving f = −12. Green numbers above the edges are forward values, red numbers below are the gradients flowing back: −4 towards q, x and y, and 3 towards z.'},
        caption={"ko": 'f = (x + y)·z의 순전파 값과 역전파 기울기', "en": 'Forward values and backward gradients of f = (x + y)·z'},
        name="fig-graph-add-mul",
    ),
    md(
        ko=r"""
### 한 노드 들여다보기

`Value`의 각 연산은 순전파 값을 만들면서 그 자리에서 국소 기울기도 적어 둡니다(micrograd와 같은 구성). 곱셈 노드는 $\partial(ab)/\partial a = b$, $\partial(ab)/\partial b = a$를 기록합니다.
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

「Neural Networks (1)」 글의 4절("Backpropagation")이 따라가는 예제는 입력 두 개짜리 시그모이드 뉴런입니다 {cite}`karpathy2016cs231n`.

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

The example that section 4 (“Backpropagation”) of the “Neural Networks (1)” post walks through is a sigmoid neuron with two inputs {cite}`karpathy2016cs231n`:

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
""",
        alt={"ko": 'CS231n 시그모이드 뉴런 회로의 계산 그래프. 입력 w0 = 2, x0 = −1, w1 = −3, x1 = −2, w2 = −3이 곱셈 두 개와 덧셈 두 개를 지나 z = 1이 되고, ×(−1), exp, +1, 1/x 게이트를 차례로 거쳐 출력 0.73이 됩니다. 빨간 기울기는 출력의 1에서 −0.53, −0.20을 거쳐 0.20이 되고, 입력에는 w0 −0.20, x0 0.39, w1 −0.39, x1 −0.59, w2 0.20이 도착합니다.',
             "en": 'Computational graph of the CS231n sigmoid neuron. The inputs w0 = 2, x0 = −1, w1 = −3, x1 = −2 and w2 = −3 pass two multiplications and two additions to give z = 1, then the gates ×(−1), exp, +1 and 1/x in turn give the output 0.73. The red gradients go from 1 at the output through −0.53 and −0.20 to 0.20, and arrive at the inputs as w0 −0.20, x0 0.39, w1 −0.39, x1 −0.59 and w2 0.20.'},
        caption={"ko": 'CS231n 시그모이드 뉴런: 모든 노드의 값과 기울기', "en": "The CS231n sigmoid neuron: every node's value and gradient"},
        name="fig-sigmoid-circuit",
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
### 「Neural Networks (1)」 글의 계산 다시 보기

그 글은 이 회로를 오른쪽에서부터 한 게이트씩 따라갑니다. 방향과 대부분의 숫자는 맞고, 두 곳에서는 배울 점이 있습니다.

**함수와 "한 점에서의 값"을 구별하기.** 글은 exp 게이트에서 "인풋값 -1일 때, $f(x) = e^{-1}$이고 이를 미분하면 $e^{-1}$"이라고 씁니다. $e^{-1}$은 상수이므로 그대로 미분하면 $0$입니다. 게이트의 함수는 $f(x) = e^{x}$이고, 그 도함수 $f'(x) = e^{x}$를 입력값 $x = -1$에서 계산한 **값**이 $e^{-1} \approx 0.37$입니다. 결과 $-0.53 \times e^{-1} \approx -0.20$은 맞습니다(위 표의 `exp(-z)` 행, 정확히는 $-0.1966$).

**반올림은 마지막에 한 번만.** 곱셈 게이트에서 글은 "w는 0.2 × −1, x는 0.2 × 2"라고 씁니다. 곱셈 게이트가 입력을 맞바꿔 곱한다는 규칙은 맞지만, 이미 반올림한 상류 기울기 $0.2$를 쓰면 $\partial f/\partial x_0 = 0.2 \times 2 = 0.40$이 됩니다. 참값은 $\sigma'(1) \times 2 = 0.1966 \times 2 = 0.3932 \approx 0.39$입니다(CS231n 노트의 값, 위 셀과 아래 셀). 역전파는 곱셈의 사슬이라 중간값을 반올림하면 그 오차도 같이 곱해져 커집니다. 또 글은 $w_0, x_0$에서 멈추는데, 나머지는 $\partial f/\partial w_1 = -0.39$, $\partial f/\partial x_1 = -0.59$, $\partial f/\partial w_2 = 0.20$입니다.
""",
        en=r"""
### The “Neural Networks (1)” post's calculation, revisited

The post follows this circuit gate by gate from the right. The direction and most numbers are right, and two places hold a lesson.

**Keep a function and its value at a point apart.** At the exp gate the post says: "with input −1, $f(x) = e^{-1}$, and its derivative is $e^{-1}$". $e^{-1}$ is a constant, whose derivative is $0$. The gate's function is $f(x) = e^{x}$; its derivative $f'(x) = e^{x}$, **evaluated** at the input $x = -1$, is $e^{-1} \approx 0.37$. The result $-0.53 \times e^{-1} \approx -0.20$ is right (row `exp(-z)` of the table above; exactly $-0.1966$).

**Round once, at the end.** At the multiply gate the post writes "w gets 0.2 × −1, x gets 0.2 × 2". The rule (a multiply gate swaps its inputs) is right, but with the already rounded upstream gradient $0.2$ it gives $\partial f/\partial x_0 = 0.2 \times 2 = 0.40$. The true value is $\sigma'(1) \times 2 = 0.1966 \times 2 = 0.3932 \approx 0.39$ (the CS231n value; the cell above and the cell below). Backpropagation is a chain of multiplications, so a rounding error in an intermediate value is multiplied along with it. The post also stops after $w_0, x_0$; the rest are $\partial f/\partial w_1 = -0.39$, $\partial f/\partial x_1 = -0.59$, $\partial f/\partial w_2 = 0.20$.
""",
    ),
    code(
        """
rows = {row["label"]: row for row in table}
upstream = rows["w0*x0"]["grad"]  # gradient arriving at the multiply node w0*x0
print(f"upstream at w0*x0: exact {upstream:.4f}, the post's rounded 0.2")
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
""",
        alt={"ko": '같은 회로에서 네 게이트 대신 시그모이드 노드 하나를 쓴 계산 그래프. z = 1이 시그모이드 노드로 들어가 0.73이 되고, 그 노드가 국소 기울기 σ(1)(1 − σ(1))로 0.20을 내려보내므로, 입력에 도착하는 기울기는 앞 그림과 같습니다.',
             "en": 'The same circuit with a single sigmoid node instead of four gates. z = 1 enters the sigmoid node giving 0.73; the node sends back 0.20 through its local gradient σ(1)(1 − σ(1)), so the gradients arriving at the inputs are those of the previous figure.'},
        caption={"ko": '시그모이드를 노드 하나로 합친 같은 회로', "en": 'The same circuit with the sigmoid as one node'},
        name="fig-sigmoid-fused",
    ),
    # ------------------------------------------------------------ gates as routers
    md(
        ko=r"""
## 게이트는 기울기의 길잡이

역전파를 몇 번 해 보면 자주 쓰는 게이트마다 기울기를 다루는 버릇이 보입니다.

- **덧셈 게이트는 나눠 준다**(distribute): 국소 기울기가 모두 $1$이므로 상류 기울기를 **그대로** 모든 입력에 똑같이 보냅니다.
- **곱셈 게이트는 맞바꾼다**(swap): $\partial(xy)/\partial x = y$이므로 $x$ 쪽에는 "상류 × $y$", $y$ 쪽에는 "상류 × $x$"를 보냅니다.
- **max 게이트는 길을 고른다**(route): 더 큰 입력 쪽에만 상류 기울기를 그대로 보내고, 작은 쪽에는 $0$을 보냅니다.

CS231n의 예 $f = 2\,(x y + \max(z, w))$, $x = 3$, $y = -4$, $z = 2$, $w = -1$로 확인합니다. 이번에는 `AddGate`, `MultiplyGate`, `MaxGate` 객체의 `forward`/`backward`를 직접 부릅니다.
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
곱셈 게이트의 "맞바꾸기"에는 실용적인 결과가 있습니다. 선형 층 $w^\top x$에서 $\partial L/\partial w$는 입력 $x$에 비례합니다. 입력을 1000배로 키우면 가중치의 기울기도 1000배가 되어, 같은 학습률이 전혀 다른 걸음이 됩니다. 입력을 정규화(예: MNIST 픽셀을 255로 나누기)하는 이유 중 하나입니다.

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

외우지 않아도 됩니다. 원소 하나 $Y_{nm} = \sum_d X_{nd}W_{dm} + b_m$에서 $\partial Y_{nm}/\partial W_{dm} = X_{nd}$이므로 $\partial L/\partial W_{dm} = \sum_n X_{nd} G_{nm}$ = $(X^\top G)_{dm}$입니다. 더 빨리는 **모양만 맞추면** 됩니다. $\partial L/\partial W$는 $W$와 같은 $D\times M$이어야 하고, $X$($N\times D$)와 $G$($N\times M$)로 $D\times M$을 만드는 곱은 $X^\top G$ 하나뿐입니다. $b$는 모든 샘플에 더해졌으므로(덧셈 게이트가 나눠 준 것) 샘플 방향으로 기울기를 합칩니다.
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
수치 기울기로 확인합니다. 손실을 $L = \sum_{n,m} G_{nm} Y_{nm}$으로 잡으면 $\partial L/\partial Y = G$가 되므로, 이 $L$의 수치 기울기는 `affine.backward(G)`가 준 기울기와 같아야 합니다.
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
`Affine.backward`의 코드는 위 세 식 그대로입니다. 두 가지만 덧붙입니다. `dW`와 `db`는 층이 처음에 한 번 만든 배열에 값을 써 넣습니다(`out=`). 그래서 그 배열을 쥐고 있는 쪽(옵티마이저, 7장의 모델)은 `backward`가 끝날 때마다 새 기울기를 봅니다. 그리고 `input_gradient`가 거짓이면 $dX$를 건너뜁니다. 입력이 데이터 자체인 첫 층에서는 $dX$를 쓸 곳이 없기 때문입니다(7장).
""",
        en=r"""
The code of `Affine.backward` is the three formulas above, with two details. `dW` and `db` are written (`out=`) into arrays the layer made once, so whoever holds them (an optimizer, chapter 7's model) sees each new gradient after `backward`. And when `input_gradient` is false, $dX$ is skipped: in a first layer, whose input is the data itself, nobody needs it (chapter 7).
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

ReLU $y = \max(x, 0)$은 원소마다 max 게이트이므로 $x > 0$인 곳에는 상류 기울기를 그대로, 나머지에는 $0$을 보냅니다. 순전파에서 마스크(`x > 0`)를 저장해 두면 됩니다. Sigmoid 층은 순전파 출력 $y$를 저장해 두었다가 $\text{dout}\cdot y(1-y)$를 돌려줍니다.
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
{ref}`「Neural Networks (1)」 글 <ko-post-nn-loss>`은 교차 엔트로피를 "모든 샘플에 대해 실제 클래스의 예측 확률의 $-\log$를 **합한** 것"이라고 설명합니다. Keras(`reduction="sum_over_batch_size"`가 기본값)와 CS231n, 그리고 `lossbook`은 배치 **평균**을 씁니다 {cite}`chollet2015keras`. 차이는 이름만의 문제가 아닙니다. 합을 쓰면 기울기도 배치 크기 $N$배가 되어, 배치 크기를 바꿀 때마다 학습률을 다시 맞춰야 합니다. 위 층의 역전파 식에 $1/N$이 있는 이유입니다. 아래 셀에서 합과 평균, 그리고 두 기울기의 비가 정확히 $N$임을 확인합니다.
```
""",
        en=r"""
```{admonition} Correction: Keras's cross-entropy is the mean of the per-sample losses, not their sum
:class: warning
The {ref}`“Neural Networks (1)” post <en-post-nn-loss>` describes cross-entropy as "the $-\log$ of the predicted probability of the true class, **summed** over all samples". Keras (default `reduction="sum_over_batch_size"`), CS231n and `lossbook` use the batch **mean** {cite}`chollet2015keras`. This is more than a naming detail: with the sum the gradient also grows $N$-fold, so the learning rate would have to be retuned whenever the batch size changes. That is where the $1/N$ in the layer's backward formula comes from. The next cell checks the sum, the mean, and that the two gradients differ by exactly the factor $N$.
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
    # ------------------------------------------------------------ summary
    md(
        ko=r"""
## 요약

- 역전파는 계산 그래프 위의 연쇄 법칙입니다. 노드마다 **하류 기울기 = 상류 기울기 × 국소 기울기**를 계산해 입력 쪽으로 보내고, 여러 경로에서 온 기울기는 더합니다. 역전파는 순전파가 저장한 값을 쓰므로 순전파 다음에, 갱신 전에 실행됩니다.
- CS231n 시그모이드 뉴런($w = [2, -3, -3]$, $x = [-1, -2]$): $z = 1$, $f = 0.73$, $\partial f/\partial w = [-0.20,\ -0.39,\ 0.20]$, $\partial f/\partial x = [0.39,\ -0.59]$. 게이트 네 개를 거치든 $\sigma'(z) = \sigma(z)(1-\sigma(z)) = 0.1966$ 한 번을 쓰든 같습니다.
- 「Neural Networks (1)」 글을 읽으며 배운 것: exp 게이트의 함수는 $e^{x}$(값 $e^{-1}$은 그 도함수를 $-1$에서 계산한 것), 반올림한 $0.2$로 곱하면 $0.40$이 되지만 참값은 $0.39$, 교차 엔트로피는 Keras에서 합이 아닌 배치 평균.
- 덧셈은 나눠 주고, 곱셈은 맞바꾸고, max는 길을 고릅니다.
- Affine 층: $\partial L/\partial X = GW^\top$, $\partial L/\partial W = X^\top G$, $\partial L/\partial b = \sum_n G_{n,:}$. 모양을 맞추면 유도할 수 있습니다. Softmax + 교차 엔트로피의 기울기는 $(p - t)/N$입니다.
- 기울기 확인은 역전파 구현의 필수 검사입니다. ReLU의 꺾인 점을 $\pm h$가 넘으면 수치 미분 쪽이 틀리므로, 더 작은 $h$나 매끄러운 활성화로 다시 확인합니다.
""",
        en=r"""
## Summary

- Backpropagation is the chain rule on a computational graph: every node computes **downstream gradient = upstream gradient × local gradient** and sends it to its inputs; gradients arriving along several paths add up. It needs the values stored by the forward pass, so it runs after the forward pass and before the update.
- CS231n sigmoid neuron ($w = [2, -3, -3]$, $x = [-1, -2]$): $z = 1$, $f = 0.73$, $\partial f/\partial w = [-0.20,\ -0.39,\ 0.20]$, $\partial f/\partial x = [0.39,\ -0.59]$, whether through four gates or through $\sigma'(z) = \sigma(z)(1-\sigma(z)) = 0.1966$ at once.
- Lessons from reading the “Neural Networks (1)” post: the exp gate's function is $e^{x}$ (the value $e^{-1}$ is its derivative evaluated at $-1$); multiplying by the rounded $0.2$ gives $0.40$ where the true value is $0.39$; Keras's cross-entropy is the batch mean, not the sum.
- Add distributes, multiply swaps, max routes.
- Affine layer: $\partial L/\partial X = GW^\top$, $\partial L/\partial W = X^\top G$, $\partial L/\partial b = \sum_n G_{n,:}$, derivable by matching shapes. Softmax + cross-entropy has gradient $(p - t)/N$.
- A gradient check is a must for any backward pass. When $\pm h$ crosses a ReLU kink the numerical side is what goes wrong: recheck with a smaller $h$ or a smooth activation.
""",
    ),
    # ------------------------------------------------------------ exercises
    md(
        ko=r"""
## 연습 문제

각 문제의 코드 셀에서 `...`를 여러분의 답으로 바꾸고 실행하세요. 마지막 줄의 검사(`check.…`)가 바로 채점합니다. ⏳는 아직 풀지 않음, ❌는 어디가 틀렸는지, ✅는 정답입니다. 풀이는 맨 아래 {ref}`풀이 <ko-ch05-solutions>`에 있습니다.

**문제 1.** $f(x, y, z) = (x + y)\,z$를 $x = 1$, $y = 2$, $z = 3$에서 손으로 역전파하여 $\partial f/\partial x$, $\partial f/\partial y$, $\partial f/\partial z$를 구하세요. 답을 적은 뒤 `Value`로 확인해 보세요.
""",
        en=r"""
## Exercises

In each exercise's code cell, replace `...` with your answer and run it: the check on the last line (`check.…`) answers at once. ⏳ means not attempted yet, ❌ says what is wrong and where, ✅ means correct. Solutions are at the very end, under {ref}`Solutions <en-ch05-solutions>`.

**Exercise 1.** Backpropagate $f(x, y, z) = (x + y)\,z$ by hand at $x = 1$, $y = 2$, $z = 3$ to get $\partial f/\partial x$, $\partial f/\partial y$ and $\partial f/\partial z$. Write them down, then check with `Value`.
""",
    ),
    code(
        """
grads = [..., ..., ...]   # [df/dx, df/dy, df/dz]
check.add_multiply(grads)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 2.** 시그모이드 뉴런의 입력을 $w = [1,\,-1,\,0]$, $x = [2,\,1]$로 바꾸면 $z$는 얼마이고, $\partial f/\partial w$와 $\partial f/\partial x$는 무엇이 될까요? `sigmoid_circuit`을 부르기 **전에** 예측해 적으세요(소수 둘째 자리까지면 충분합니다). 힌트: $\partial f/\partial w_i = \sigma'(z)\,x_i$, $\partial f/\partial w_2 = \sigma'(z)$, $\partial f/\partial x_i = \sigma'(z)\,w_i$.
""",
        en=r"""
**Exercise 2.** With inputs $w = [1,\,-1,\,0]$ and $x = [2,\,1]$, what is $z$, and what are $\partial f/\partial w$ and $\partial f/\partial x$? Predict them **before** calling `sigmoid_circuit` (two decimals are enough). Hint: $\partial f/\partial w_i = \sigma'(z)\,x_i$, $\partial f/\partial w_2 = \sigma'(z)$, $\partial f/\partial x_i = \sigma'(z)\,w_i$.
""",
    ),
    code(
        """
dw = [..., ..., ...]   # df/dw0, df/dw1, df/dw2
dx = [..., ...]        # df/dx0, df/dx1
check.sigmoid_neuron(dw, dx)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 3.** $g(x) = x\cdot x + x$에서 노드 $x$는 세 군데에 쓰입니다. $x = 3$에서 $g'(3)$은 얼마인가요? "여러 경로의 기울기는 더한다"로 구한 뒤, `Value`로 확인하고 `backward()`를 두 번 불러도 같은 값인지도 보세요.
""",
        en=r"""
**Exercise 3.** In $g(x) = x\cdot x + x$ the node $x$ is used in three places. What is $g'(3)$? Work it out with "gradients of different paths add up", then check with `Value`, and check that calling `backward()` twice gives the same value.
""",
    ),
    code(
        """
g_prime = ...
check.shared_node(g_prime)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 4. Affine 층의 역전파 직접 만들기.** $Y = XW + b$와 상류 기울기 $G = \partial L/\partial Y$가 주어질 때 `(dX, dW, db)`를 돌려주는 `my_affine_backward(X, W, G)`를 완성하세요. 모양이 길잡이입니다: `dX`는 $X$와, `dW`는 $W$와, `db`는 $b$와 같은 모양이어야 합니다. 검사는 모양이 다른 세 입력에서 `lossbook.backprop.Affine`과 비교합니다.
""",
        en=r"""
**Exercise 4. Build the backward pass of an affine layer.** Complete `my_affine_backward(X, W, G)`, which returns `(dX, dW, db)` for $Y = XW + b$ and the upstream gradient $G = \partial L/\partial Y$. Let the shapes guide you: `dX` has the shape of $X$, `dW` that of $W$, `db` that of $b$. The check compares it with `lossbook.backprop.Affine` on three inputs of different shapes.
""",
    ),
    code(
        """
def my_affine_backward(X, W, G):
    # return (dX, dW, db): dX like X (N, D), dW like W (D, M), db like b (M,)
    ...


check.affine_backward(my_affine_backward)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 5. Softmax + 교차 엔트로피의 기울기 직접 만들기.** 로짓 `logits`(모양 $N \times C$)와 정수 정답 `labels`(모양 $N$)를 받아, 배치 평균 교차 엔트로피의 로짓에 대한 기울기 $(p - t)/N$을 돌려주는 `my_softmax_ce_grad(logits, labels)`를 완성하세요. 소프트맥스는 각 행에서 최댓값을 먼저 빼고 계산하세요(검사에는 로짓 $1000$인 입력이 있습니다). 검사는 `SoftmaxCrossEntropy().backward()`와 비교합니다.
""",
        en=r"""
**Exercise 5. Build the gradient of softmax + cross-entropy.** Complete `my_softmax_ce_grad(logits, labels)`, which takes logits of shape $N \times C$ and integer labels of shape $N$ and returns the gradient of the batch-mean cross-entropy with respect to the logits, $(p - t)/N$. Compute the softmax after subtracting each row's maximum (one of the checked inputs has a logit of $1000$). The check compares it with `SoftmaxCrossEntropy().backward()`.
""",
    ),
    code(
        """
def my_softmax_ce_grad(logits, labels):
    # p = softmax of each row (subtract the row's max first), t = one-hot rows of labels,
    # return (p - t) / N
    ...


check.softmax_cross_entropy_grad(my_softmax_ce_grad)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 6.** `Affine` 층에 같은 샘플을 두 번 넣어 배치를 2배로 늘리면(상류 기울기 $G$도 두 번) `dW`와 `db`는 몇 배가 될까요? 또 손실이 배치 **평균**이라서 $G$ 자체에 $1/N$이 들어 있다면(배치가 2배가 되면 $G$의 각 행은 절반) `dW`는 몇 배가 될까요? 합 $X^\top G$라는 식에서 예측한 뒤 확인해 보세요.
""",
        en=r"""
**Exercise 6.** If the batch of an `Affine` layer is doubled by feeding the same samples twice (and the upstream gradient $G$ twice), by what factor do `dW` and `db` change? And if the loss is a batch **mean**, so that $G$ itself carries a $1/N$ (each row of $G$ halves when the batch doubles), by what factor does `dW` change? Predict from the sum $X^\top G$, then check.
""",
    ),
    code(
        """
factors = {"dW": ..., "db": ..., "dW_mean_loss": ...}
check.batch_factors(factors)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 7.** 기울기 확인에서 ReLU 망의 `W1`은 $h = 10^{-4}$에서도 통과했는데 `b1`만 실패했습니다. 문제의 샘플(`z_hidden[n, j]`가 $0$에 가장 가까운 샘플 `n`)에서, $W_1$의 원소 하나를 $h$만큼 움직이면 $z_{nj}$는 **최대** 얼마나 움직이고(`move_W1`), $b_1$의 원소 하나를 움직이면 얼마나 움직이나요(`move_b1`)? 위에서 만든 `x_batch`, `z_hidden`, `n`, `j`를 써도 됩니다. 이것으로 두 매개변수의 차이를 설명해 보세요.
""",
        en=r"""
**Exercise 7.** In the gradient check of the ReLU net, `W1` passed even at $h = 10^{-4}$ and only `b1` failed. For the offending sample (the sample `n` whose `z_hidden[n, j]` is closest to $0$), how far at **most** does $z_{nj}$ move when one element of $W_1$ moves by $h$ (`move_W1`), and how far when one element of $b_1$ does (`move_b1`)? You may use `x_batch`, `z_hidden`, `n` and `j` from above. Use this to explain the difference between the two parameters.
""",
    ),
    code(
        """
def kink_moves(x_n, h=1e-4):
    move_W1 = ...   # the largest move of z[n, j] when one W1[d, j] moves by h
    move_b1 = ...   # the move of z[n, j] when b1[j] moves by h
    return move_W1, move_b1


check.kink_moves(kink_moves)   # tried on sample rows x_n of its own
""",
        tags=["exercise"],
    ),
    # ------------------------------------------------------------ solutions
    md(
        ko=r"""
(ko-ch05-solutions)=
## 풀이

먼저 스스로 풀어 보세요. 풀이마다 설명과 코드가 따로 접혀 있습니다(「N번 풀이 보기」, 「풀이 코드 보기」). 풀이 코드는 답을 정의하고 같은 검사를 불러 ✅를 냅니다.

**풀이 1.** $q = x + y = 3$, $f = qz = 9$. 곱셈 노드가 맞바꾸므로 $\partial f/\partial q = z = 3$, $\partial f/\partial z = q = 3$이고, 덧셈 노드가 $3$을 그대로 나눠 주므로 $\partial f/\partial x = \partial f/\partial y = 3$입니다.
""",
        en=r"""
(en-ch05-solutions)=
## Solutions

Try on your own first. Each solution's explanation and code are folded separately (“Show solution N”, “Show solution code”); the code defines the answer and calls the same check, which prints ✅.

**Solution 1.** $q = x + y = 3$ and $f = qz = 9$. The multiply node swaps: $\partial f/\partial q = z = 3$ and $\partial f/\partial z = q = 3$; the add node passes the $3$ on unchanged, so $\partial f/\partial x = \partial f/\partial y = 3$.
""",
    ),
    code(
        """
a, b_, c = Value(1.0, label="x"), Value(2.0, label="y"), Value(3.0, label="z")
out = (a + b_) * c
out.backward()
print(f"f = {out.data:.0f}, df/dx = {a.grad:.0f}, df/dy = {b_.grad:.0f}, df/dz = {c.grad:.0f}")
grads = [3.0, 3.0, 1.0 + 2.0]   # z, z, x + y
check.add_multiply(grads)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 2.** $z = 1\cdot 2 + (-1)\cdot 1 + 0 = 1$로 본문과 같으므로 $\sigma'(z) = 0.1966$도 같습니다. 그래서 $\partial f/\partial w = 0.1966\cdot[2,\ 1,\ 1] = [0.39,\ 0.20,\ 0.20]$, $\partial f/\partial x = 0.1966\cdot[1,\ -1] = [0.20,\ -0.20]$입니다.
""",
        en=r"""
**Solution 2.** $z = 1\cdot 2 + (-1)\cdot 1 + 0 = 1$, as in the text, so $\sigma'(z) = 0.1966$ again: $\partial f/\partial w = 0.1966\cdot[2,\ 1,\ 1] = [0.39,\ 0.20,\ 0.20]$ and $\partial f/\partial x = 0.1966\cdot[1,\ -1] = [0.20,\ -0.20]$.
""",
    ),
    code(
        """
f2, in2 = sigmoid_circuit(w=[1.0, -1.0, 0.0], x=[2.0, 1.0])
f2.backward()
ds = f2.data * (1 - f2.data)   # sigma'(z) = sigma(z) (1 - sigma(z))
dw = [ds * 2.0, ds * 1.0, ds]  # sigma'(z) * [x0, x1, 1]
dx = [ds * 1.0, ds * -1.0]     # sigma'(z) * [w0, w1]
print(f"f = {f2.data:.4f}, sigma'(z) = {ds:.4f}")
print("dw from the circuit:", np.array([in2[k].grad for k in ("w0", "w1", "w2")]))
print("dx from the circuit:", np.array([in2[k].grad for k in ("x0", "x1")]))
check.sigmoid_neuron(dw, dx)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 3.** 곱셈 노드 $x\cdot x$는 두 입력 모두에 "상류 × 다른 입력" $= 1\cdot 3$을 보내고, 두 입력이 모두 $x$이므로 $3 + 3$입니다. 덧셈 노드는 $x$ 쪽 입력에 $1$을 보냅니다. 합하면 $3 + 3 + 1 = 7 = 2x + 1$입니다. `backward()`는 시작할 때 기울기를 0으로 되돌리므로 두 번 불러도 $7$입니다.
""",
        en=r"""
**Solution 3.** The multiply node $x\cdot x$ sends "upstream × the other input" $= 1\cdot 3$ to each of its two inputs, both of which are $x$: $3 + 3$. The add node sends $1$ to its $x$ input. Together $3 + 3 + 1 = 7 = 2x + 1$. `backward()` resets the gradients first, so a second call still gives $7$.
""",
    ),
    code(
        """
v = Value(3.0, label="x")
g = v * v + v
g.backward()
first = v.grad
g.backward()
print(f"g'(3) = {first:.0f}; after a second backward(): {v.grad:.0f}")
g_prime = 3.0 + 3.0 + 1.0   # two paths through the multiply node, one through the add node
check.shared_node(g_prime)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 4.** 본문의 세 식 그대로입니다. 흔한 실수는 `G.T @ X`(모양이 $W$의 전치)와 `G.mean(axis=0)`(편향의 기울기는 평균이 아니라 합)입니다.
""",
        en=r"""
**Solution 4.** The three formulas of the text. Common slips: `G.T @ X` (the transpose of $W$'s shape) and `G.mean(axis=0)` (the bias gradient is a sum, not a mean).
""",
    ),
    code(
        """
def my_affine_backward(X, W, G):
    dX = G @ W.T          # (N, M) @ (M, D) -> (N, D)
    dW = X.T @ G          # (D, N) @ (N, M) -> (D, M)
    db = G.sum(axis=0)    # b was added to every sample: sum over the samples
    return dX, dW, db


check.affine_backward(my_affine_backward)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 5.** 최댓값을 빼도 소프트맥스는 그대로이고($e^{z - m}/\sum e^{z - m} = e^{z}/\sum e^{z}$) $e^{1000}$ 같은 넘침만 막습니다. $N$으로 나누는 것을 잊으면 합 손실의 기울기가 되어 $N$배가 됩니다.
""",
        en=r"""
**Solution 5.** Subtracting the maximum leaves the softmax unchanged ($e^{z - m}/\sum e^{z - m} = e^{z}/\sum e^{z}$) and only prevents overflows such as $e^{1000}$. Forgetting to divide by $N$ gives the gradient of the summed loss, $N$ times too large.
""",
    ),
    code(
        """
def my_softmax_ce_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    t = np.eye(logits.shape[1])[labels]
    return (p - t) / len(labels)


check.softmax_cross_entropy_grad(my_softmax_ce_grad)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 6.** $X^\top G$와 $\sum_n G_{n,:}$는 샘플에 대한 **합**이므로 같은 샘플을 두 번 넣으면 `dW`와 `db`가 2배가 됩니다. 손실이 평균이면 $G$에 $1/N$이 들어 있어 배치가 2배일 때 $G$의 각 행이 절반이 되고, 합의 항이 2배로 늘어난 것과 상쇄되어 `dW`는 그대로(1배)입니다. 평균 손실을 쓰면 배치 크기를 바꿔도 학습률을 다시 맞출 필요가 없는 이유입니다.
""",
        en=r"""
**Solution 6.** $X^\top G$ and $\sum_n G_{n,:}$ are **sums** over the samples, so the same samples twice double `dW` and `db`. With a mean loss, $G$ carries $1/N$: doubling the batch halves each row of $G$, which cancels the doubled number of terms, and `dW` stays the same (factor 1). That is why, with a mean loss, changing the batch size does not require retuning the learning rate.
""",
    ),
    code(
        """
rng = np.random.default_rng(0)
X, W, G = rng.standard_normal((3, 4)), rng.standard_normal((4, 2)), rng.standard_normal((3, 2))
b = np.zeros(2)
d1, d2 = Affine(W, b), Affine(W, b)
d1.forward(X)
d1.backward(G)
d2.forward(np.vstack([X, X]))
d2.backward(np.vstack([G, G]))
print("dW doubled:", np.allclose(d2.dW, 2 * d1.dW), "  db doubled:", np.allclose(d2.db, 2 * d1.db))
d2.backward(np.vstack([G, G]) / 2)   # a mean loss over 2N samples: G / 2
print("with a mean loss, dW unchanged:", np.allclose(d2.dW, d1.dW))
factors = {"dW": 2, "db": 2, "dW_mean_loss": 1}
check.batch_factors(factors)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 7.** $z_{nj} = \sum_d X_{nd}W_{dj} + b_j$이므로 $W_{dj}$를 $h$만큼 움직이면 $z_{nj}$는 $h\,X_{nd}$만큼, $b_j$를 움직이면 **모든 샘플**의 $z_{nj}$가 정확히 $h$만큼 움직입니다. 문제의 $z$는 $0$에서 $h = 10^{-4}$보다 가까워서 $b_j$의 $\pm h$ 움직임으로는 $0$을 넘습니다. $W_{dj}$의 움직임으로 넘으려면 $h\,|X_{nd}|$가 $|z|$보다 커야 하는데, 아래 셀이 보여 주듯 그 샘플의 특성은 모두 절댓값이 그만큼 크지 않아서 넘지 않습니다. 꺾인 점을 넘는지는 "매개변수를 $h$ 움직일 때 $z$가 얼마나 움직이는가"에 달려 있습니다.
""",
        en=r"""
**Solution 7.** $z_{nj} = \sum_d X_{nd}W_{dj} + b_j$, so moving $W_{dj}$ by $h$ moves $z_{nj}$ by $h\,X_{nd}$, while moving $b_j$ moves $z_{nj}$ of **every sample** by exactly $h$. The offending $z$ is closer to $0$ than $h = 10^{-4}$, so the $\pm h$ move of $b_j$ carries it across. To cross it under a move of $W_{dj}$, $h\,|X_{nd}|$ would have to exceed $|z|$, and, as the next cell shows, no feature of that sample is large enough. Whether a kink is crossed depends on how far $z$ moves when the parameter moves by $h$.
""",
    ),
    code(
        """
def kink_moves(x_n, h=1e-4):
    move_W1 = h * np.max(np.abs(x_n))   # the feature of the sample largest in size
    move_b1 = h
    return move_W1, move_b1


rng = np.random.default_rng(0)   # the ReLU net and batch of the gradient check
x_batch = rng.standard_normal((8, 4))
net = TwoLayerNet(input_size=4, hidden_size=5, output_size=3, seed=0)
z_hidden = x_batch @ net.params["W1"] + net.params["b1"]
n, j = np.unravel_index(np.argmin(np.abs(z_hidden)), z_hidden.shape)
move_W1, move_b1 = kink_moves(x_batch[n])
print(f"|z| = {abs(z_hidden[n, j]):.2e}, largest |x[n, d]| = {np.max(np.abs(x_batch[n])):.2f}")
crosses = move_W1 > abs(z_hidden[n, j])
print(f"largest move of z by one W1 entry: {move_W1:.2e}, crosses the kink: {crosses}; by b1[j]: {move_b1:.0e}")
check.kink_moves(kink_moves)
""",
        tags=["solution", "hide-cell"],
    ),
]
