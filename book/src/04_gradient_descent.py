"""Chapter 4: derivatives, gradients and gradient descent (source posts ann-4-1, nn-loss, model-compile)."""

from cells import code, md

TITLE = {"ko": "경사 하강법", "en": "Gradient descent"}

CELLS = [
    # ------------------------------------------------------------------ goals
    md(
        ko=r"""
## 학습 목표

- 미분(derivative)을 **수치 미분**(numerical differentiation)으로 근사하고, 전진 차분(forward difference)과 중앙 차분(central difference)의 오차가 어떻게 다른지 설명할 수 있다.
- $h$를 무작정 작게 잡으면(예: `1e-50`) 왜 오히려 틀린 값이 나오는지 **반올림 오차**(rounding error)로 설명할 수 있다.
- 편미분(partial derivative)을 모아 만든 **기울기 벡터**(gradient)를 계산하고, 수치 기울기와 해석적 기울기를 비교할 수 있다.
- 경사 하강법(gradient descent) $x \leftarrow x - \eta\,\nabla f(x)$를 1차원·2차원 함수에 적용하고, 학습률(learning rate) $\eta$가 너무 작을 때·알맞을 때·너무 클 때를 구별할 수 있다.
- 지역 최솟값(local minimum), 안장점(saddle point), 고원(plateau)을 정확히 구별할 수 있다.
""",
        en=r"""
## Learning goals

- Approximate a derivative by **numerical differentiation** and explain why the central difference is far more accurate than the forward difference.
- Explain, with **rounding error**, why a "very small" step such as `h = 1e-50` gives a wrong answer.
- Collect partial derivatives into the **gradient** vector, and check a numerical gradient against the analytic one.
- Run gradient descent $x \leftarrow x - \eta\,\nabla f(x)$ on 1-D and 2-D functions and recognise a learning rate $\eta$ that is too small, about right, or too large.
- Tell a local minimum, a saddle point and a plateau apart.
""",
    ),
    code(
        """
import inspect

import matplotlib.pyplot as plt
import numpy as np

import lossbook
from lossbook.exercises import ch04 as check
from lossbook.gradients import (
    gradient_descent,
    numerical_derivative,
    numerical_gradient,
    ravine,
    ravine_grad,
    saddle,
    saddle_grad,
    sphere,
    sphere_grad,
)
from lossbook.plotting import animate_paths, contour_paths, log_ticks, setup, tr

setup()
np.set_printoptions(precision=6, suppress=True)
"""
    ),
    # ------------------------------------------------------------ why derivatives
    md(
        ko=r"""
## 왜 미분인가

신경망 학습은 손실 함수(loss function)의 값을 가장 작게 만드는 가중치를 찾는 일입니다. 가중치를 어느 쪽으로, 얼마나 움직일지 알려 주는 것이 **미분**입니다. 가중치 하나를 $w$, 손실을 $L(w)$라고 하면

- $L'(w) < 0$이면 $w$를 조금 **늘릴 때** 손실이 줄어들고,
- $L'(w) > 0$이면 $w$를 조금 **줄일 때** 손실이 줄어듭니다.

{ref}`「인공신경망 4-1 학습」 글 <ko-post-ann-4-1>`도 가중치를 움직이는 방향을 이렇게 미분의 부호로 설명합니다. 그래서 "미분의 부호와 반대 방향으로 조금 움직인다"가 경사 하강법의 전부입니다. 정확도(accuracy)를 직접 최적화하지 않는 이유도 여기에 있습니다. 정확도는 맞힌 개수에 따라 계단처럼 변하므로 거의 모든 곳에서 미분이 0이고, 0인 미분은 방향을 알려 주지 못합니다. 퍼셉트론의 계단 함수(step function) 대신 시그모이드 같은 매끄러운 활성화 함수를 쓰는 이유도 같습니다.
""",
        en=r"""
## Why derivatives

Training a network means finding the weights that make the loss as small as possible. The **derivative** tells us which way to move a weight and by how much. For one weight $w$ with loss $L(w)$:

- if $L'(w) < 0$, **increasing** $w$ a little lowers the loss;
- if $L'(w) > 0$, **decreasing** $w$ a little lowers the loss.

The {ref}`“ANN 4-1: Learning” post <en-post-ann-4-1>` explains the direction of a weight update with the sign of the derivative in just this way. "Take a small step against the sign of the derivative" is all of gradient descent. It is also why we do not optimise accuracy directly: accuracy changes in jumps (one more correct example at a time), so its derivative is zero almost everywhere and points nowhere. The same reason made us replace the perceptron's step function by smooth activations such as the sigmoid.
""",
    ),
    # ------------------------------------------------------------ numerical derivative
    md(
        ko=r"""
## 수치 미분: 전진 차분과 중앙 차분

미분의 정의는 $f'(x) = \lim_{h\to 0} \dfrac{f(x+h) - f(x)}{h}$입니다. 컴퓨터는 극한을 계산할 수 없으니 작은 $h$ 하나로 근사합니다.

$$
\begin{aligned}
\text{전진 차분:}\quad & \frac{f(x+h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + O(h^2) \\
\text{중앙 차분:}\quad & \frac{f(x+h) - f(x-h)}{2h} = f'(x) + \frac{h^2}{6} f'''(x) + O(h^4)
\end{aligned}
$$

테일러 전개에서 보듯 전진 차분의 **절단 오차**(truncation error)는 $h$에 비례하고, 중앙 차분은 $h^2$에 비례합니다. 그래서 `lossbook.gradients.numerical_derivative`는 중앙 차분을 쓰고 기본값은 $h = 10^{-4}$입니다.

예제 함수는 $f(x) = 0.01x^2 + 0.1x$입니다 {cite}`saito2016dlfs`. 손으로 미분하면 $f'(x) = 0.02x + 0.1$이므로 $f'(5) = 0.2$, $f'(10) = 0.3$입니다.
""",
        en=r"""
## Numerical derivatives: forward and central differences

The derivative is defined as $f'(x) = \lim_{h\to 0} \dfrac{f(x+h) - f(x)}{h}$. A computer cannot take the limit, so it uses one small $h$:

$$
\begin{aligned}
\text{forward difference:}\quad & \frac{f(x+h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + O(h^2) \\
\text{central difference:}\quad & \frac{f(x+h) - f(x-h)}{2h} = f'(x) + \frac{h^2}{6} f'''(x) + O(h^4)
\end{aligned}
$$

By Taylor's theorem the **truncation error** of the forward difference is proportional to $h$, that of the central difference to $h^2$. This is why `lossbook.gradients.numerical_derivative` uses the central difference, with $h = 10^{-4}$ by default.

Our example is $f(x) = 0.01x^2 + 0.1x$ {cite}`saito2016dlfs`. By hand, $f'(x) = 0.02x + 0.1$, so $f'(5) = 0.2$ and $f'(10) = 0.3$.
""",
    ),
    code(
        """
def f1(x):
    return 0.01 * x**2 + 0.1 * x


h = 1e-4
for x in (5.0, 10.0):
    forward = numerical_derivative(f1, x, h=h, method="forward")
    central = numerical_derivative(f1, x, h=h)  # method="central" is the default
    exact = 0.02 * x + 0.1
    print(f"x = {x:4.1f}: forward {forward:.12f}  central {central:.12f}  exact {exact:.12f}")
"""
    ),
    md(
        ko=r"""
전진 차분은 $0.2$ 대신 $0.200001$을 줍니다. 오차 $10^{-6}$은 정확히 $\frac{h}{2}f''(x) = \frac{10^{-4}}{2}\cdot 0.02$입니다. 중앙 차분의 오차는 $10^{-12}$ 수준으로, 이차 함수는 $f''' = 0$이라 절단 오차가 없고 남은 것은 반올림 오차뿐입니다.

### $h$는 작을수록 좋을까? — 반올림 오차의 함정

"$h \to 0$"을 흉내 내려고 $h = 10^{-50}$ 같은 값을 쓰고 싶어집니다. 하지만 부동소수점 수는 유효 숫자가 정해져 있습니다(float64는 약 16자리, float32는 약 7자리).

- float32는 $10^{-45}$보다 작은 수를 아예 표현하지 못해서 `np.float32(1e-50)`은 `0.0`이 됩니다. 0으로 나누면 결과는 `nan`입니다.
- float64는 $10^{-50}$을 표현할 수는 있지만, $5 + 10^{-50}$을 계산하면 유효 숫자 16자리 밖이라 그냥 $5$가 됩니다. 그러면 분자 $f(x+h) - f(x)$가 정확히 0이 되어 미분이 $0$으로 나옵니다.
""",
        en=r"""
The forward difference returns $0.200001$ instead of $0.2$: the error $10^{-6}$ is exactly $\frac{h}{2}f''(x) = \frac{10^{-4}}{2}\cdot 0.02$. The central difference is off by about $10^{-12}$; for a quadratic $f''' = 0$, so there is no truncation error at all and only rounding error is left.

### Is a smaller $h$ always better? — the rounding-error trap

To imitate "$h \to 0$" it is tempting to use something like $h = 10^{-50}$. But floating-point numbers carry a fixed number of significant digits (about 16 for float64, about 7 for float32):

- float32 cannot represent anything below about $10^{-45}$: `np.float32(1e-50)` is `0.0`, and dividing by zero gives `nan`;
- float64 can store $10^{-50}$, but $5 + 10^{-50}$ lies 50 digits below the 16 that float64 keeps, so it rounds to exactly $5$. The numerator $f(x+h) - f(x)$ is then exactly zero and the "derivative" is $0$.
""",
    ),
    code(
        """
tiny = 1e-50
print("float32(1e-50)          =", np.float32(tiny))
print("5.0 + 1e-50 == 5.0      :", 5.0 + tiny == 5.0)

x32, h32 = np.float32(5.0), np.float32(tiny)
with np.errstate(divide="ignore", invalid="ignore"):  # 0/0 on purpose: we want to see the nan
    print("float32 forward, h=1e-50:", (f1(x32 + h32) - f1(x32)) / h32)
print("float64 forward, h=1e-50:", numerical_derivative(f1, 5.0, h=tiny, method="forward"))
print("float64 central, h=1e-50:", numerical_derivative(f1, 5.0, h=tiny))
print("exact                   :", 0.02 * 5.0 + 0.1)
"""
    ),
    md(
        ko=r"""
너무 작은 $h$에서는 분자의 두 값이 거의 같아서 뺄셈이 유효 숫자를 대부분 잃습니다(**상쇄 오차**, cancellation). 반올림 오차는 대략 $\varepsilon\,|f(x)|/h$ 크기이고($\varepsilon \approx 2.2\times10^{-16}$은 float64의 기계 엡실론), $h$가 작을수록 커집니다. 절단 오차는 반대로 $h$가 작을수록 작아지니, 둘의 합이 가장 작은 $h$가 따로 있습니다. $f(x) = e^x$의 $x = 1$에서의 미분($= e$)으로 오차를 재 보겠습니다.
""",
        en=r"""
With a tiny $h$ the two values in the numerator are nearly equal, and the subtraction throws away most of their significant digits (**cancellation**). The rounding error is roughly $\varepsilon\,|f(x)|/h$, where $\varepsilon \approx 2.2\times10^{-16}$ is float64's machine epsilon: it grows as $h$ shrinks, while the truncation error shrinks. Their sum is smallest at some intermediate $h$. Let us measure it for $f(x) = e^x$ at $x = 1$, whose derivative is $e$.
""",
    ),
    code(
        """
hs = np.logspace(-15, -1, 57)
err_forward = np.array([abs(numerical_derivative(np.exp, 1.0, h=h, method="forward") - np.e) for h in hs])
err_central = np.array([abs(numerical_derivative(np.exp, 1.0, h=h) - np.e) for h in hs])

fig, ax = plt.subplots()
ax.loglog(hs, err_forward, "o-", ms=3, label=tr("전진 차분", "forward difference"))
ax.loglog(hs, err_central, "s-", ms=3, label=tr("중앙 차분", "central difference"))
ax.axvline(1e-4, color="gray", ls=":", label=tr("기본값 h = 1e-4", "default h = 1e-4"))
log_ticks(ax.xaxis)
log_ticks(ax.yaxis)
ax.set_xlabel("h")
ax.set_ylabel(tr("절대 오차 |근사 - e|", "absolute error |approx - e|"))
ax.set_title(tr("$e^x$의 $x = 1$에서의 수치 미분 오차", "Error of the numerical derivative of $e^x$ at $x = 1$"))
ax.legend()
plt.show()

for name, err in ((tr("전진", "forward"), err_forward), (tr("중앙", "central"), err_central)):
    best = np.argmin(err)
    print(f"{name}: best h = {hs[best]:.0e}, error {err[best]:.1e}")
""",
        alt={"ko": 'eˣ의 x = 1에서 전진 차분과 중앙 차분의 절대 오차를 h에 대해 그린 로그-로그 그래프. 두 곡선 모두 V자 모양으로, 오른쪽(큰 h)에서는 절단 오차 때문에 h(전진)와 h²(중앙)에 비례해, 곧 직선으로 커지고, 왼쪽(작은 h)에서는 반올림 오차 때문에 커집니다. 중앙 차분의 바닥이 더 낮고 더 큰 h에 있으며, 점선이 기본값 h = 1e-4입니다.',
             "en": "Log-log plot of the absolute error of the forward and central differences of eˣ at x = 1 against h. Both curves are V-shaped: on the right (large h) truncation error grows with slope 1 (forward) and 2 (central); on the left (small h) rounding error grows. The central difference's bottom is lower and at a larger h; a dotted line marks the default h = 1e-4."},
        caption={"ko": '수치 미분의 오차: 절단 오차와 반올림 오차', "en": 'Error of the numerical derivative: truncation versus rounding'},
        name="fig-h-error",
    ),
    md(
        ko=r"""
그래프는 V자 모양입니다. 오른쪽은 절단 오차로, 전진 차분은 $h$에, 중앙 차분은 $h^2$에 비례합니다(로그-로그 그래프에서 $h$가 10배가 될 때 오차가 10배, 100배가 되는 직선). 왼쪽은 반올림 오차입니다. 가장 좋은 $h$는 전진 차분이 $\sqrt{\varepsilon} \approx 10^{-8}$ 근처, 중앙 차분이 $\sqrt[3]{\varepsilon} \approx 10^{-5}$ 근처이고, 중앙 차분은 같은 $h$에서 훨씬 정확합니다. $h = 10^{-4}$는 중앙 차분에서 안전한 기본값입니다.
""",
        en=r"""
The curves are V-shaped: on the right, truncation error (slope 1 for the forward difference, slope 2 for the central one); on the left, rounding error. The best $h$ is near $\sqrt{\varepsilon} \approx 10^{-8}$ for the forward difference and near $\sqrt[3]{\varepsilon} \approx 10^{-5}$ for the central difference, which is much more accurate at any given $h$. $h = 10^{-4}$ is a safe default for the central difference.
""",
    ),
    # ------------------------------------------------------------ partial derivatives, gradient
    md(
        ko=r"""
## 편미분과 기울기 벡터

변수가 여러 개인 함수는 변수 하나만 움직이고 나머지는 상수로 고정한 채 미분합니다. 이것이 **편미분**입니다. 예를 들어 $f(x_0, x_1) = x_0^2 + x_1^2$에서

$$
\frac{\partial f}{\partial x_0} = 2x_0, \qquad \frac{\partial f}{\partial x_1} = 2x_1 .
$$

$(x_0, x_1) = (3, 4)$에서 $\partial f/\partial x_0$를 구하려면 $x_1 = 4$로 고정한 1변수 함수 $t \mapsto t^2 + 4^2$를 $t = 3$에서 미분하면 됩니다.
""",
        en=r"""
## Partial derivatives and the gradient

For a function of several variables we differentiate with respect to one variable while holding the others fixed: a **partial derivative**. For $f(x_0, x_1) = x_0^2 + x_1^2$,

$$
\frac{\partial f}{\partial x_0} = 2x_0, \qquad \frac{\partial f}{\partial x_1} = 2x_1 .
$$

To get $\partial f/\partial x_0$ at $(x_0, x_1) = (3, 4)$, fix $x_1 = 4$ and differentiate the one-variable function $t \mapsto t^2 + 4^2$ at $t = 3$.
""",
    ),
    code(
        """
print(inspect.getsource(sphere))
d0 = numerical_derivative(lambda t: sphere([t, 4.0]), 3.0)   # x1 held at 4
d1 = numerical_derivative(lambda t: sphere([3.0, t]), 4.0)   # x0 held at 3
print(f"df/dx0 at (3, 4) = {d0:.10f}   (exact 2*3 = 6)")
print(f"df/dx1 at (3, 4) = {d1:.10f}   (exact 2*4 = 8)")
"""
    ),
    md(
        ko=r"""
모든 편미분을 벡터로 모은 것이 **기울기**(gradient) $\nabla f$입니다.

$$
\nabla f(x) = \left(\frac{\partial f}{\partial x_1}, \dots, \frac{\partial f}{\partial x_n}\right)
$$

`numerical_gradient(f, x)`는 $x$의 원소마다 그 원소 하나만 $\pm h$ 움직여 중앙 차분을 구하고(다음 원소로 가기 전에 원래 값으로 되돌립니다), $x$와 같은 모양의 배열을 돌려줍니다. 연습 1에서 직접 만들어 봅니다. 해석적 기울기 $(2x_0, 2x_1)$와 나란히 놓고 차이를 출력해 봅시다.
""",
        en=r"""
Collecting every partial derivative into a vector gives the **gradient** $\nabla f$:

$$
\nabla f(x) = \left(\frac{\partial f}{\partial x_1}, \dots, \frac{\partial f}{\partial x_n}\right)
$$

`numerical_gradient(f, x)` moves one element of $x$ at a time by $\pm h$, takes the central difference (and puts the element back before moving on), and returns an array shaped like $x$. You will write it yourself in exercise 1. Let us put it next to the analytic gradient $(2x_0, 2x_1)$ and print the difference.
""",
    ),
    code(
        """
for point in ([3.0, 4.0], [0.0, 2.0], [3.0, 0.0]):
    num = numerical_gradient(sphere, np.array(point))
    ana = sphere_grad(point)
    print(f"x = {point}: numerical {num}, analytic {ana}, max |diff| = {np.max(np.abs(num - ana)):.1e}")
"""
    ),
    md(
        ko=r"""
{ref}`「모델 컴파일」 글 <ko-post-model-compile>`(함께 실린 「손실함수와 경사하강법」 편)에 나온 예제 $f(x, y, z) = 2x + 3y^2 - \sin z$도 확인해 봅시다. 손으로 구한 기울기는 $\nabla f = (2,\ 6y,\ -\cos z)$입니다. 점 $(x, y, z) = (1, 2, 0.5)$에서 수치 기울기와 비교합니다.
""",
        en=r"""
Now the example $f(x, y, z) = 2x + 3y^2 - \sin z$ from {ref}`the “Model compile” post <en-post-model-compile>` (its companion part, “Loss functions and gradient descent”). By hand its gradient is $\nabla f = (2,\ 6y,\ -\cos z)$. We compare with the numerical gradient at $(x, y, z) = (1, 2, 0.5)$.
""",
    ),
    code(
        """
def f3(p):
    x, y, z = p
    return 2 * x + 3 * y**2 - np.sin(z)


p = np.array([1.0, 2.0, 0.5])
num = numerical_gradient(f3, p)
ana = np.array([2.0, 6 * p[1], -np.cos(p[2])])
print("numerical:", num)
print("analytic :", ana)
print(f"max |diff| = {np.max(np.abs(num - ana)):.1e}")
"""
    ),
    md(
        ko=r"""
**기울기는 편미분을 더한 것이 아니라 나열한 벡터입니다.** 글은 이 예제의 기울기를 $\nabla f = \left(\frac{\partial f}{\partial x} + \frac{\partial f}{\partial y} + \frac{\partial f}{\partial z}\right) = (2, 6y, -\mathrm{coas}(z))$로 적었습니다. 편미분을 **더하면** 숫자 하나($2 + 6y - \cos z$)가 될 뿐 벡터가 되지 않습니다. 기울기는 편미분을 **성분으로 나열한** 벡터 $\left(\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}, \frac{\partial f}{\partial z}\right) = (2,\ 6y,\ -\cos z)$이고(`coas`는 $\cos$의 오타), 위 셀의 수치 기울기도 이 벡터와 $2\times10^{-9}$ 이내로 일치합니다.
""",
        en=r"""
**The gradient lists the partial derivatives; it does not add them.** The post writes the gradient of this example as $\nabla f = \left(\frac{\partial f}{\partial x} + \frac{\partial f}{\partial y} + \frac{\partial f}{\partial z}\right) = (2, 6y, -\mathrm{coas}(z))$. **Adding** the partial derivatives gives a single number ($2 + 6y - \cos z$), not a vector. The gradient **lists** them as components, $\left(\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}, \frac{\partial f}{\partial z}\right) = (2,\ 6y,\ -\cos z)$ (and `coas` is a typo for $\cos$); the numerical gradient in the cell above matches this vector to within $2\times10^{-9}$.
""",
    ),
    # ------------------------------------------------------------ vector field
    md(
        ko=r"""
### 기울기 벡터장

각 점에 $-\nabla f$ 화살표를 그려 보면 기울기의 의미가 보입니다. $-\nabla f$는 그 점에서 함수값이 **가장 빨리 줄어드는** 방향이고, 길이는 경사의 가파름입니다. 왼쪽 $x_0^2 + x_1^2$에서는 모든 화살표가 최솟값 $(0, 0)$을 향하고, 중심에 가까울수록 짧아집니다. 오른쪽 $x^2 - y^2$는 뒤에서 다룰 안장점의 예로, 화살표가 $x$ 방향으로는 가운데로 모이고 $y$ 방향으로는 바깥으로 흩어집니다.
""",
        en=r"""
### The gradient as a vector field

Drawing the arrow $-\nabla f$ at every point shows what the gradient means: $-\nabla f$ is the direction in which $f$ **decreases fastest** there, and its length is the steepness. On the left, $x_0^2 + x_1^2$: every arrow points at the minimum $(0, 0)$ and gets shorter near it. On the right, $x^2 - y^2$ (the saddle we meet later): arrows converge in $x$ but spread out in $y$.
""",
    ),
    code(
        """
g = np.linspace(-2, 2, 11)
grid = np.stack(np.meshgrid(g, g))   # grid[0] = x0, grid[1] = x1: the gradients work on whole grids
fields = {
    "$f = x_0^2 + x_1^2$": (-sphere_grad(grid), "k*"),                                # star: minimum
    tr("$f = x_0^2 - x_1^2$ (안장)", "$f = x_0^2 - x_1^2$ (saddle)"): (-saddle_grad(grid), "kx"),  # x: saddle
}
fig, axes = plt.subplots(1, 2, figsize=(9, 4.2))
for ax, (title, ((U, V), marker)) in zip(axes, fields.items()):
    ax.quiver(grid[0], grid[1], U, V, angles="xy", color="tab:blue")
    ax.plot(0, 0, marker, ms=10)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_0$")
    ax.set_ylabel("$x_1$")
    ax.set_title(title + "\\n" + tr(r"화살표 = $-\\nabla f$", r"arrows = $-\\nabla f$"))
plt.show()
""",
        alt={"ko": '두 개의 화살표 그림. 왼쪽 x₀² + x₁²에서는 모든 화살표 −∇f가 별표로 표시한 최솟값 (0, 0)을 향하고 중심에 가까울수록 짧습니다. 오른쪽 x₀² − x₁²에서는 화살표가 가로 방향으로는 가운데로 모이고 세로 방향으로는 바깥으로 흩어지며, 가운데 x 표시가 안장점입니다.',
             "en": 'Two arrow plots. Left, x₀² + x₁²: every arrow −∇f points at the minimum (0, 0), marked with a star, and the arrows shorten near it. Right, x₀² − x₁²: the arrows converge horizontally but spread out vertically; the x in the middle marks the saddle point.'},
        caption={"ko": '기울기 벡터장: 최솟값과 안장점', "en": 'Gradient fields around a minimum and a saddle point'},
        name="fig-gradient-field",
    ),
    # ------------------------------------------------------------ gradient descent 1-D
    md(
        ko=r"""
## 경사 하강법

기울기 반대 방향으로 조금씩 움직이기를 되풀이하는 것이 경사 하강법입니다.

$$
x_{k+1} = x_k - \eta\, \nabla f(x_k)
$$

$\eta$(에타)는 **학습률**로, 한 번에 얼마나 움직일지 정합니다. 한 걸음의 이동 거리는 $\eta\,\lVert\nabla f\rVert$이므로 같은 학습률이라도 경사가 완만하면 조금, 가파르면 많이 움직입니다.

갱신식에 들어가는 것은 손실 **값**이 아니라 손실의 **기울기**라는 점도 눈여겨보세요. {ref}`「Neural Networks (1)」 글 <ko-post-nn-loss>`은 "SGD는 크로스엔트로피 손실 값을 기반으로 가중치를 최적화한다"고 쓰지만, 손실 값이 같은 두 점에서도 기울기는 다를 수 있고 걸음을 정하는 것은 기울기입니다. 그 글은 "그라디언트 디센트"와 "SGD"를 같은 뜻으로 쓰기도 하는데, 경사 하강법(GD)은 **전체 데이터**의 손실로 기울기를 구하고, 확률적 경사 하강법(stochastic gradient descent, SGD)은 매 걸음 **무작위로 뽑은 샘플 하나나 미니배치**로 기울기를 추정합니다. 이 장의 예제는 모두 정확한 기울기를 쓰는 GD입니다.

{ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 예: 기울기가 $2.5$이고 학습률이 $0.01$이면 한 걸음에 $0.025$만큼 움직입니다. $f(x) = x^2$은 $x = 1.25$에서 기울기가 $2.5$이니 직접 확인해 봅시다. `gradient_descent`는 시작점을 포함한 경로 전체(`steps + 1`개 점)를 돌려줍니다.
""",
        en=r"""
## Gradient descent

Repeatedly taking a small step against the gradient is gradient descent:

$$
x_{k+1} = x_k - \eta\, \nabla f(x_k)
$$

$\eta$ (eta) is the **learning rate**: how far to go per step. A step has length $\eta\,\lVert\nabla f\rVert$, so with the same learning rate we move a little where the slope is gentle and a lot where it is steep.

Note that the update uses the loss's **gradient**, not its **value**. The {ref}`“Neural Networks (1)” post <en-post-nn-loss>` says that "SGD optimises the weights based on the cross-entropy loss value", but two points with the same loss can have different gradients, and it is the gradient that sets the step. That post also uses "gradient descent" and "SGD" interchangeably: gradient descent (GD) computes the gradient of the loss over the **whole data set**, stochastic gradient descent (SGD) estimates it at each step from **one random sample or a mini-batch**. All examples in this chapter are GD with exact gradients.

The example of {ref}`the “Model compile” post <en-post-model-compile>`: a gradient of $2.5$ with learning rate $0.01$ moves the point by $0.025$. $f(x) = x^2$ has slope $2.5$ at $x = 1.25$, so let us check. `gradient_descent` returns the whole path (`steps + 1` points, the start included).
""",
    ),
    code(
        """
path = gradient_descent(sphere, np.array([1.25]), learning_rate=0.01, steps=1)
print("path:", path.ravel())
print(f"moved by {path[0, 0] - path[1, 0]:.6f}")
"""
    ),
    md(
        ko=r"""
$f(x) = x^2$에서 한 걸음은 $x_{k+1} = x_k - \eta\cdot 2x_k = (1 - 2\eta)\,x_k$입니다. 점이 최솟값에 다가갈수록 기울기가 작아져 걸음도 저절로 짧아집니다. $x_0 = -4$에서 $\eta = 0.1$로 15걸음을 그려 봅니다.
""",
        en=r"""
For $f(x) = x^2$ one step is $x_{k+1} = x_k - \eta\cdot 2x_k = (1 - 2\eta)\,x_k$. As the point approaches the minimum the slope shrinks, so the steps shorten by themselves. Here are 15 steps from $x_0 = -4$ with $\eta = 0.1$.
""",
    ),
    code(
        """
path = gradient_descent(sphere, np.array([-4.0]), learning_rate=0.1, steps=15).ravel()
xs = np.linspace(-4.5, 4.5, 200)

fig, ax = plt.subplots()
ax.plot(xs, xs**2, color="gray", label="$f(x) = x^2$")
ax.plot(path, path**2, "o-", color="tab:red", ms=4, label=tr("경사 하강법 경로 (η = 0.1)", "gradient descent path (η = 0.1)"))
ax.set_xlabel("x")
ax.set_ylabel("f(x)")
ax.legend()
plt.show()
print("x_k:", np.round(path[:6], 4), "...", f"x_15 = {path[-1]:.6f}")
""",
        alt={"ko": '포물선 f(x) = x² 위에 경사 하강법의 점 16개를 빨간 점과 선으로 찍은 그림. x = −4에서 출발한 점들이 바닥 x = 0 쪽으로 내려가며, 바닥에 가까울수록 점 사이 간격이 좁아집니다.',
             "en": 'The parabola f(x) = x² with the 16 points of gradient descent as red dots joined by a line: starting at x = −4 they move down towards the bottom at x = 0, closer together as they approach it.'},
        caption={"ko": '$x^2$ 위의 경사 하강법: 바닥에 가까울수록 걸음이 짧아진다', "en": 'Gradient descent on $x^2$: steps shorten near the bottom'},
        name="fig-descent-1d",
    ),
    # ------------------------------------------------------------ gradient descent 2-D
    md(
        ko=r"""
### 2차원: $f(x_0, x_1) = x_0^2 + x_1^2$

교과서 {cite}`saito2016dlfs`의 예제 그대로, 시작점 $(-3, 4)$, 학습률 $0.1$, 100걸음입니다. 기울기는 `numerical_gradient`로 구합니다(`grad`를 주지 않으면 `gradient_descent`가 수치 기울기를 씁니다).
""",
        en=r"""
### In 2-D: $f(x_0, x_1) = x_0^2 + x_1^2$

The textbook example {cite}`saito2016dlfs`: start at $(-3, 4)$, learning rate $0.1$, 100 steps. The gradient is numerical (without a `grad` argument `gradient_descent` calls `numerical_gradient`).
""",
    ),
    code(
        """
path = gradient_descent(sphere, np.array([-3.0, 4.0]), learning_rate=0.1, steps=100)
exact = 0.8**100 * np.array([-3.0, 4.0])   # each step multiplies x by (1 - 2*0.1)
print(f"x_100            = ({path[-1, 0]:.6e}, {path[-1, 1]:.6e})")
print(f"0.8**100 (-3, 4) = ({exact[0]:.6e}, {exact[1]:.6e})")
print(f"f(x_100)         = {sphere(path[-1]):.3e}")

fig, ax = contour_paths(sphere, {"η = 0.1": path}, (-4.5, 4.5), (-4.5, 4.5), minimum=(0, 0))
ax.set_xlabel("$x_0$")
ax.set_ylabel("$x_1$")
ax.set_title(tr("$x_0^2 + x_1^2$ 위의 경사 하강법 (100걸음)", "Gradient descent on $x_0^2 + x_1^2$ (100 steps)"))
plt.show()
""",
        alt={"ko": 'x₀² + x₁²의 동심원 등고선 위에 (−3, 4)에서 출발한 경사 하강법 경로. 경로는 중심의 최솟값 (0, 0)을 향해 곧게 나아가며 점 간격이 점점 좁아집니다.',
             "en": 'Circular contour lines of x₀² + x₁² with the gradient-descent path from (−3, 4): it heads straight for the minimum (0, 0) in the centre, its points getting closer together.'},
        caption={"ko": '$x_0^2 + x_1^2$ 위의 경사 하강법 경로 (η = 0.1, 100걸음)', "en": 'Gradient descent on $x_0^2 + x_1^2$ (η = 0.1, 100 steps)'},
        name="fig-descent-2d",
    ),
    md(
        ko=r"""
각 성분이 매 걸음 $(1 - 2\eta) = 0.8$배가 되므로 100걸음 뒤에는 $0.8^{100}(-3, 4) \approx (-6.1\times10^{-10},\ 8.1\times10^{-10})$입니다. 수치 기울기로 얻은 경로가 이 정확한 값과 일치합니다.
""",
        en=r"""
Each component is multiplied by $(1 - 2\eta) = 0.8$ per step, so after 100 steps we are at $0.8^{100}(-3, 4) \approx (-6.1\times10^{-10},\ 8.1\times10^{-10})$: the path computed with numerical gradients matches this exact value.
""",
    ),
    # ------------------------------------------------------------ learning rates
    md(
        ko=r"""
## 학습률: 너무 작게, 알맞게, 너무 크게

같은 문제를 학습률 $10^{-4}$, $0.1$, $10$으로 풀어 봅니다. 이번에는 해석적 기울기 `grad=sphere_grad`를 넘깁니다.
""",
        en=r"""
## Learning rate: too small, about right, too large

The same problem with learning rates $10^{-4}$, $0.1$ and $10$. This time we pass the analytic gradient, `grad=sphere_grad`.
""",
    ),
    code(
        """
start = np.array([-3.0, 4.0])
paths = {}
for lr in (1e-4, 0.1, 10.0):
    paths[lr] = gradient_descent(sphere, start, learning_rate=lr, steps=100, grad=sphere_grad)
    x = paths[lr][-1]
    print(f"lr = {lr:<6g}: x_100 = ({x[0]: .4e}, {x[1]: .4e}),  f = {sphere(x):.4e}")
"""
    ),
    code(
        """
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4.2))
contour_paths(sphere, {f"η = {lr:g}": paths[lr] for lr in (1e-4, 0.1)}, (-4.5, 4.5), (-4.5, 4.5),
              ax=ax1, minimum=(0, 0))
ax1.set_title(tr("η = 1e-4는 거의 움직이지 않는다", "η = 1e-4 barely moves"))
for lr, p in paths.items():
    ax2.semilogy(np.linalg.norm(p, axis=1), label=f"η = {lr:g}")
log_ticks(ax2.yaxis)
ax2.set_xlabel(tr("걸음 k", "step k"))
ax2.set_ylabel(tr("최솟값까지의 거리 ‖x_k‖", "distance to the minimum ‖x_k‖"))
ax2.legend()
plt.show()
""",
        alt={"ko": '두 패널. 왼쪽: 등고선 위에서 η = 0.1 경로는 중심에 도착하지만 η = 1e-4 경로는 출발점 (−3, 4) 근처에 머뭅니다. 오른쪽: 걸음에 따른 최솟값까지의 거리(로그 축). η = 1e-4는 거의 평평하고, η = 0.1은 직선으로 1e-9까지 내려가며, η = 10은 직선으로 1e128 넘게 올라갑니다.',
             "en": 'Two panels. Left, on the contour plot: the η = 0.1 path reaches the centre while the η = 1e-4 path stays next to the start (−3, 4). Right, the distance to the minimum against the step on a log axis: flat for η = 1e-4, a straight line down to 1e-9 for η = 0.1, and a straight line up past 1e128 for η = 10.'},
        caption={"ko": '학습률이 너무 작을 때, 알맞을 때, 너무 클 때', "en": 'Learning rate too small, about right, too large'},
        name="fig-learning-rates",
    ),
    md(
        ko=r"""
- $\eta = 10^{-4}$: 한 걸음에 $0.02\%$씩만 줄어들어 100걸음 뒤에도 $(-2.94, 3.92)$로 출발점 근처입니다. 수렴은 하지만 너무 느립니다.
- $\eta = 0.1$: 100걸음이면 $10^{-9}$ 이내로 최솟값에 도착합니다.
- $\eta = 10$: 매 걸음 $(1 - 2\cdot 10) = -19$배가 되어 **발산**합니다. 100걸음 뒤 $\lVert x\rVert \approx 5\cdot 19^{100} \approx 4\times10^{128}$입니다.

$f = x_0^2 + x_1^2$에서는 $|1 - 2\eta| < 1$, 곧 $0 < \eta < 1$일 때만 수렴하고, $\eta = 0.5$면 한 걸음에 도착하며, $0.5 < \eta < 1$이면 부호가 번갈아 바뀌며(지그재그) 수렴합니다. 일반적으로 곡률이 $\lambda$인 방향에서는 $\eta < 2/\lambda$여야 합니다.

```{admonition} 바로잡기: 학습률이 크다고 빨리 수렴하지 않습니다
:class: warning
{ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 4.3절("학습률이 높은 경우")은 "학습률이 지나치게 큰 경우, 크게 이동하므로 수렴이 빨리 발생해 학습 시간이 적게 걸린다"고 합니다. 위 셀이 보여 주듯 학습률이 지나치게 크면 최솟값을 넘어 반대편으로 더 멀리 튀어 나가고, 그 과정이 반복되어 **발산**합니다($\eta = 10$에서 $\lVert x_{100}\rVert \approx 4\times10^{128}$). 조금만 큰 경우($0.5 < \eta < 1$)에도 지그재그로 흔들리며 오히려 느려집니다. 글이 덧붙인 "전역 최솟값을 건너뛰어 지역 최솟값에 수렴할 수 있다"는 일어날 수는 있는 일이지만, 큰 학습률의 전형적인 증상은 진동과 발산입니다. 4.2절("학습률이 낮은 경우")의 "반복해야 하는 데이터 양이 많아진다"도 정확히는 **반복 횟수(걸음 수)** 가 많아진다는 뜻입니다.
```
""",
        en=r"""
- $\eta = 10^{-4}$: each step shrinks the point by only $0.02\%$; after 100 steps it is still at $(-2.94, 3.92)$, next to the start. It converges, far too slowly.
- $\eta = 0.1$: 100 steps reach the minimum to within $10^{-9}$.
- $\eta = 10$: each step multiplies the point by $(1 - 2\cdot 10) = -19$: it **diverges**, to $\lVert x\rVert \approx 5\cdot 19^{100} \approx 4\times10^{128}$ after 100 steps.

For $f = x_0^2 + x_1^2$ gradient descent converges exactly when $|1 - 2\eta| < 1$, i.e. $0 < \eta < 1$; $\eta = 0.5$ lands in one step, and $0.5 < \eta < 1$ converges while flipping sign (zig-zag). In general a direction with curvature $\lambda$ needs $\eta < 2/\lambda$.

```{admonition} Correction: a large learning rate does not make convergence faster
:class: warning
The {ref}`“Model compile” post <en-post-model-compile>`, section 4.3 ("when the learning rate is high"), says that with an overly large learning rate "the steps are big, so convergence happens quickly and training takes less time". As the cell above shows, an overly large learning rate jumps past the minimum to a point further away on the other side, again and again: it **diverges** ($\lVert x_{100}\rVert \approx 4\times10^{128}$ for $\eta = 10$). Even a moderately large one ($0.5 < \eta < 1$) zig-zags and is slower. The post's other remark, that it may "jump over the global minimum into a local one", can happen, but the typical symptom of a large learning rate is oscillation and divergence. (In 4.2, "the amount of data that must be iterated grows" should read: the number of **iterations (steps)** grows.)
```
""",
    ),
    md(
        ko=r"""
### 수치 기울기로 $\eta = 10$을 돌리면?

교과서는 같은 실험을 **수치 기울기**로 해서 $\eta = 10$의 결과를 $(-2.58983747\times10^{13},\ -1.29524862\times10^{12})$로 보여 줍니다. 무한히 커져야 할 값이 $10^{13}$에서 멈춘 것은 발산이 멈춰서가 아니라 수치 미분이 무너졌기 때문입니다. $|x| \approx 2.6\times10^{13}$에서 인접한 float64 수의 간격은 약 $0.004$로 $h = 10^{-4}$보다 커서, $x \pm h$가 다시 $x$로 반올림됩니다. 그러면 수치 기울기가 정확히 $0$이 되어 점이 그 자리에 "멈춥니다". 앞의 $h = 10^{-50}$과 같은 반올림 함정입니다.
""",
        en=r"""
### $\eta = 10$ with a numerical gradient

The textbook runs this experiment with the **numerical** gradient and reports $(-2.58983747\times10^{13},\ -1.29524862\times10^{12})$ for $\eta = 10$. A value that should grow without bound stopping near $10^{13}$ is not the divergence ending: the numerical derivative has broken down. At $|x| \approx 2.6\times10^{13}$ neighbouring float64 numbers are about $0.004$ apart, more than $h = 10^{-4}$, so $x \pm h$ rounds back to $x$; the numerical gradient is then exactly $0$ and the point "stops". It is the same rounding trap as $h = 10^{-50}$ above.
""",
    ),
    code(
        """
stalled = gradient_descent(sphere, start, learning_rate=10.0, steps=100)   # numerical gradient
x = stalled[-1]
print(f"x_100 with numerical gradient = ({x[0]:.8e}, {x[1]:.8e})")
print("numerical gradient there      =", numerical_gradient(sphere, x))
print(f"analytic gradient there       = ({2 * x[0]:.3e}, {2 * x[1]:.3e})")
print(f"spacing of float64 near x0    = {np.spacing(abs(x[0])):.2e}  (> 2h = 2e-4)")
"""
    ),
    # ------------------------------------------------------------ animation
    md(
        ko=r"""
### 애니메이션: 세 학습률 비교

계곡 모양 함수 $f(x, y) = \frac{x^2}{20} + y^2$ 위에서 학습률 $0.1$, $0.5$, $0.95$로 20걸음씩 움직여 봅니다. 이 함수는 $x$ 방향 곡률이 $0.1$, $y$ 방향 곡률이 $2$여서, 한 걸음에 $x$는 $(1 - 0.1\eta)$배, $y$는 $(1 - 2\eta)$배가 됩니다. $y$가 발산하지 않으려면 $\eta < 2/2 = 1$이어야 하고, 그 한계에 가까울수록 $y$는 심하게 흔들립니다. 그런데 20걸음 뒤의 $f$는 $1.64$, $0.31$, $0.104$로, 지그재그하는 $0.95$가 가장 낮습니다. 곡률이 작은 $x$가 속도를 정하기 때문입니다. $0.1$은 두 방향 모두 느리고, $0.5$는 $y$를 한 걸음에 0으로 만들지만 $x$는 걸음마다 $0.95$배밖에 줄지 않습니다. 두 곡률 $0.1$과 $2$에 가장 좋은 고정 학습률은 두 배율 $1 - 0.1\eta$와 $\lvert 1 - 2\eta\rvert$가 같아지는 $\eta = 2/(0.1 + 2) \approx 0.952$, 한계 $1$의 바로 아래입니다. 그때도 두 방향이 걸음마다 $0.905$배씩밖에 줄지 않습니다. 이 문제는 6장의 옵티마이저들이 해결하려는 문제입니다. ▶ 버튼으로 재생하세요.
""",
        en=r"""
### Animation: three learning rates

On the ravine $f(x, y) = \frac{x^2}{20} + y^2$ we take 20 steps with learning rates $0.1$, $0.5$ and $0.95$. The curvature is $0.1$ along $x$ and $2$ along $y$, so each step multiplies $x$ by $(1 - 0.1\eta)$ and $y$ by $(1 - 2\eta)$: $y$ only stays bounded for $\eta < 2/2 = 1$ and rattles more the closer $\eta$ gets to that limit. Yet after 20 steps $f$ is $1.64$, $0.31$ and $0.104$: the zig-zagging $0.95$ does best, because the gently curved $x$ sets the pace. $0.1$ is slow in both directions; $0.5$ sets $y$ to 0 in one step but shrinks $x$ only by $0.95$ per step. The best fixed rate for curvatures $0.1$ and $2$ is where the two factors $1 - 0.1\eta$ and $\lvert 1 - 2\eta\rvert$ are equal, $\eta = 2/(0.1 + 2) \approx 0.952$, just below the limit $1$; even there both directions shrink only by $0.905$ per step. This is the problem the optimizers of chapter 6 attack. Press ▶ to play.
""",
    ),
    code(
        """
ravine_paths = {
    f"η = {lr:g}": gradient_descent(ravine, np.array([-7.0, 2.0]), learning_rate=lr, steps=20, grad=ravine_grad)
    for lr in (0.1, 0.5, 0.95)
}
for name, p in ravine_paths.items():
    print(f"{name:9s}: x_20 = ({p[-1, 0]: .4f}, {p[-1, 1]: .4f}), f = {ravine(p[-1]):.4f}")
# 11 frames (every second step) keep the page light; each frame still draws the whole path so far
animate_paths(ravine, ravine_paths, (-8, 2), (-2.5, 2.5), max_frames=11, interval=400,
              title="$x^2/20 + y^2$", minimum=(0, 0),
              alt=tr("계곡 함수 x²/20 + y²의 등고선 위에서 (-7, 2)를 출발한 세 경로가 20걸음 움직이는 애니메이션. "
                     "η = 0.1은 천천히 내려가 (-5.7, 0.02)에서, η = 0.5는 y를 곧바로 0으로 만든 뒤 "
                     "x 방향으로 기어가 (-2.5, 0)에서, η = 0.95는 y 방향으로 크게 지그재그하며 (-0.95, 0.24)에서 끝납니다.",
                     "Animation on the contour plot of the ravine x²/20 + y²: three paths from (-7, 2) take 20 steps. "
                     "η = 0.1 creeps down and ends at (-5.7, 0.02); η = 0.5 sets y to 0 at once, then crawls along x "
                     "to (-2.5, 0); η = 0.95 zig-zags strongly in y and ends at (-0.95, 0.24)."))
""",
        caption={"ko": "계곡 함수 위에서 학습률 세 가지의 경로",
                 "en": "Three learning rates on the ravine"},
        name="fig-ravine-rates",
    ),
    # ------------------------------------------------------------ local minima, saddles, plateaus
    md(
        ko=r"""
## 지역 최솟값, 안장점, 고원

{ref}`「모델 컴파일」 글 <ko-post-model-compile>`은 경사 하강법이 "기울기가 0인 지점을 찾아간다"고 설명합니다. 실제로 경사 하강법은 기울기가 $0$인 점(**임계점**, critical point)에서 멈춥니다. 그런데 기울기가 $0$이라고 모두 최솟값은 아닙니다.

- **전역 최솟값**(global minimum): 함수 전체에서 가장 낮은 점.
- **지역 최솟값**(local minimum): 주변에서는 가장 낮지만 전체에서 가장 낮지는 않은 점. 어느 방향으로 조금 움직여도 함수값이 올라갑니다.
- **안장점**(saddle point): 기울기가 $0$이지만 **어떤 방향으로는 최소, 다른 방향으로는 최대**인 점. 말안장처럼 앞뒤로는 올라가고 좌우로는 내려갑니다.
- **고원**(plateau): 임계점이 아니라 기울기가 $0$에 **가까운** 넓고 평평한 지역. 걸음이 아주 작아져서 학습이 멈춘 것처럼 보입니다.

### 최솟값이 두 개인 1차원 함수

$f(x) = x^4 - 3x^2 + x$는 왼쪽에 깊은 골(전역 최솟값), 오른쪽에 얕은 골(지역 최솟값)이 있습니다. 같은 학습률로 $x_0 = -2$와 $x_0 = 2$에서 출발해 봅니다.
""",
        en=r"""
## Local minima, saddle points and plateaus

The {ref}`“Model compile” post <en-post-model-compile>` says gradient descent "looks for the point where the gradient is 0". Indeed it stops where the gradient is $0$ (a **critical point**), but not every such point is a minimum:

- **global minimum**: the lowest point of the whole function;
- **local minimum**: lowest in its neighbourhood but not overall; a small move in any direction goes uphill;
- **saddle point**: the gradient is $0$, but it is **a minimum along one direction and a maximum along another**, like a horse saddle that rises front-to-back and falls side-to-side;
- **plateau**: not a critical point, but a wide, flat region where the gradient is **close to** $0$; steps become tiny and training looks stuck.

### A 1-D function with two minima

$f(x) = x^4 - 3x^2 + x$ has a deep valley on the left (global minimum) and a shallow one on the right (local minimum). We start from $x_0 = -2$ and from $x_0 = 2$ with the same learning rate.
""",
    ),
    code(
        """
def double_well(x):
    x = np.asarray(x)
    return np.sum(x**4 - 3 * x**2 + x)


def double_well_grad(x):
    x = np.asarray(x, dtype=float)
    return 4 * x**3 - 6 * x + 1


xs = np.linspace(-2.2, 2.2, 300)
fig, ax = plt.subplots()
ax.plot(xs, xs**4 - 3 * xs**2 + xs, color="gray", label="$f(x) = x^4 - 3x^2 + x$")
for x0, color in ((-2.0, "tab:blue"), (2.0, "tab:red")):
    p = gradient_descent(double_well, np.array([x0]), learning_rate=0.02, steps=100,
                         grad=double_well_grad).ravel()
    ax.plot(p, p**4 - 3 * p**2 + p, "o-", ms=3, color=color, label=f"x0 = {x0:g}")
    print(f"start {x0:+.0f}: x_100 = {p[-1]: .6f}, f = {double_well(p[-1]): .6f}, "
          f"f'(x_100) = {double_well_grad(p[-1])[()]: .1e}")
ax.set_xlabel("x")
ax.set_ylabel("f(x)")
ax.legend()
plt.show()
""",
        alt={"ko": 'f(x) = x⁴ − 3x² + x의 그래프: 왼쪽에 깊은 골, 오른쪽에 얕은 골이 있습니다. x₀ = −2에서 출발한 파란 경로는 왼쪽의 깊은 골(전역 최솟값)로, x₀ = 2에서 출발한 빨간 경로는 오른쪽의 얕은 골(지역 최솟값)로 내려갑니다.',
             "en": 'Graph of f(x) = x⁴ − 3x² + x with a deep valley on the left and a shallow one on the right. The blue path from x₀ = −2 descends into the deep left valley (the global minimum), the red path from x₀ = 2 into the shallow right one (a local minimum).'},
        caption={"ko": '출발점에 따라 다른 최솟값에 도착한다', "en": 'Different starting points, different minima'},
        name="fig-double-well",
    ),
    md(
        ko=r"""
두 출발점 모두 기울기가 사실상 $0$인 점에 도착했지만, 오른쪽에서 출발한 경로는 더 높은 지역 최솟값에 갇혔습니다. 경사 하강법은 **현재 위치의 기울기만** 보기 때문에 언덕 너머에 더 깊은 골이 있는지 알 수 없습니다. 어느 최솟값에 도착할지는 출발점(신경망에서는 가중치 초기화)에 달려 있습니다.

그래서 "손실 함수는 최적해가 하나인 이차 함수"라는 말은 조심해서 읽어야 합니다. {ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 「손실함수와 경사하강법」 편 1절은 $\hat y = wx + b$의 제곱 오차를 전개해 $w$에 대한 이차 함수임을 보인 뒤 손실 함수의 개형을 그렇게 일반화합니다. 전개는 맞고, **가중치가 하나인 선형 모델**(그리고 $x \ne 0$)에서는 옳습니다. 하지만 은닉층과 비선형 활성화 함수가 있는 신경망의 손실은 이차 함수가 아니어서 방금 본 $x^4 - 3x^2 + x$처럼 최솟값이 여럿일 수 있고, 아래의 안장점도 가질 수 있습니다. (같은 곳의 "예측값은 선형이다"도 엄밀히는 $b \neq 0$이면 $w \mapsto wx + b$가 동차성을 만족하지 않는 **아핀**(affine) 함수입니다.)

### 안장점: $f(x, y) = x^2 - y^2$

원점에서 기울기 $(2x, -2y)$는 $0$입니다. 하지만 $x$축을 따라가면 $f = x^2$(최소), $y$축을 따라가면 $f = -y^2$(최대)이므로 원점은 최솟값이 아니라 안장점입니다. 이 함수에는 최솟값이 아예 없습니다($y$가 커지면 $f \to -\infty$). 두 점에서 출발해 봅니다. $(1, 0)$은 정확히 $x$축 위, $(-1, 0.001)$은 아주 조금 벗어난 점입니다.
""",
        en=r"""
Both runs end where the derivative is practically $0$, but the one that started on the right is trapped in the higher, local minimum. Gradient descent only sees **the slope where it stands**; it cannot know that a deeper valley lies beyond the hill. Which minimum it reaches depends on where it starts (for a network: on the weight initialisation).

So read "the loss is a quadratic with a single optimum" with care. Section 1 of the companion part of the {ref}`“Model compile” post <en-post-model-compile>` expands the squared error of $\hat y = wx + b$, shows that it is quadratic in $w$, and generalises this to the shape of "the" loss function. The expansion is right, and the conclusion holds for a **linear model with one weight** (and $x \ne 0$). The loss of a network with hidden layers and non-linear activations is not quadratic: like $x^4 - 3x^2 + x$ just above it can have several minima, and it can have saddle points, which come next. (The same section's "the prediction is linear" is, strictly, wrong for $b \neq 0$: $w \mapsto wx + b$ is **affine**, not homogeneous.)

### A saddle point: $f(x, y) = x^2 - y^2$

At the origin the gradient $(2x, -2y)$ is $0$. But along the $x$-axis $f = x^2$ (a minimum) and along the $y$-axis $f = -y^2$ (a maximum): the origin is a saddle point, not a minimum. This function has no minimum at all ($f \to -\infty$ as $y$ grows). We start from $(1, 0)$, exactly on the $x$-axis, and from $(-1, 0.001)$, just off it.
""",
    ),
    code(
        """
saddle_paths = {
    "(1, 0)": gradient_descent(saddle, np.array([1.0, 0.0]), learning_rate=0.1, steps=40, grad=saddle_grad),
    "(-1, 0.001)": gradient_descent(saddle, np.array([-1.0, 0.001]), learning_rate=0.1, steps=40, grad=saddle_grad),
}
for name, p in saddle_paths.items():
    k = 20
    print(f"start {name:11s}: x_{k} = ({p[k, 0]: .2e}, {p[k, 1]:.2e}), |grad| = {np.linalg.norm(saddle_grad(p[k])):.1e};"
          f"  x_40 = ({p[-1, 0]: .2e}, {p[-1, 1]:.2e}), f = {saddle(p[-1]): .3f}")

fig, ax = contour_paths(saddle, saddle_paths, (-1.6, 1.6), (-1.6, 1.6), levels=15)
ax.plot(0, 0, "kx", ms=10)
ax.set_title(tr("안장점 (0, 0): x 방향 최소, y 방향 최대", "Saddle point (0, 0): minimum along x, maximum along y"))
plt.show()
""",
        alt={"ko": '안장 함수 x² − y²의 등고선과 40걸음짜리 두 경로. (1, 0)에서 출발한 경로는 x축을 따라 가운데 x 표시의 안장점 (0, 0)으로 곧장 들어가 멈춥니다. (−1, 0.001)에서 출발한 경로도 먼저 안장점 쪽으로 가다가 위쪽(y 방향)으로 휘어 빠져나갑니다.',
             "en": 'Contour lines of the saddle x² − y² with two 40-step paths. The path from (1, 0) runs along the x-axis straight into the saddle point (0, 0), marked with an x, and stops there. The path from (−1, 0.001) also heads for the saddle point first, then bends upwards (along y) and escapes.'},
        caption={"ko": '안장점 (0, 0): x 방향으로 최소, y 방향으로 최대', "en": 'The saddle point (0, 0): a minimum along x, a maximum along y'},
        name="fig-saddle",
    ),
    md(
        ko=r"""
$(1, 0)$에서 출발한 경로는 $y$ 성분이 처음부터 $0$이라 $y$ 방향의 "내리막"을 느끼지 못하고 안장점 $(0,0)$으로 곧장 들어가 거기서 멈춥니다(기울기 $\approx 0$). $(-1, 0.001)$에서 출발한 경로도 처음 스무 걸음쯤은 안장점 근처에 머물지만(기울기가 작아서 느림), $y$ 성분이 매 걸음 $1.2$배씩 커져 결국 빠져나갑니다. 즉 안장점 자체가 함정이라기보다 **안장점 근처에서 오래 머무는 것**이 문제입니다.

(ko-fix-saddle)=
```{admonition} 바로잡기: 안장점 그림에서 SGD는 지역 최솟값에 빠진 것이 아닙니다
:class: warning
{ref}`「모델 컴파일」 글 <ko-post-model-compile>`의 3절("Optimizer의 종류")은 Ruder의 글 "An overview of gradient descent optimization algorithms"에서 가져온 말안장 곡면 위 옵티마이저 애니메이션을 "3차원으로 최적해를 찾아가는 과정"이라 설명하고 "SGD는 지역 최솟값(Local minimum)에 빠져 최적해를 찾아가지 못하였다"고 씁니다. 그 그림의 곡면은 $x^2 - y^2$ 같은 안장 곡면입니다. 이런 곡면에는 **최솟값이 아예 없고**(그래서 찾아갈 "최적해"도 없고), SGD를 붙잡는 것은 기울기가 거의 $0$인 **안장점**입니다. 안장점은 한 방향으로는 최소이지만 다른 방향으로는 최대인 점이라 최솟값이 아닙니다. 위 셀처럼 $(-1, 0.001)$에서 출발한 경로는 안장점 근처에 한동안 머물다가 결국 빠져나가 $f$가 계속 내려갑니다. 정확한 설명은 "SGD는 안장점 근처의 작은 기울기 때문에 오래 머문다"이고, 그 그림이 보여 주는 것은 옵티마이저마다 그 작은 기울기를 다루는 방식의 차이입니다(6장에서 비교합니다). 같은 절의 "Local minimum 문제는 무작위 가중치 초기화로 인해 발생할 가능성이 매우 낮다"도 근거가 없습니다. 무작위 초기화가 지역 최솟값을 없애 주지는 않으며, 위의 $x^4 - 3x^2 + x$ 예처럼 도착하는 최솟값은 출발점에 따라 달라집니다. (큰 신경망에서는 문제가 되는 임계점이 지역 최솟값보다 안장점인 경우가 많다는 연구가 있지만, 그것은 초기화 덕분이 아닙니다.)
```

### 고원: 기울기가 0에 가까운 넓은 평지

고원은 안장점과 다릅니다. 고원에는 기울기가 $0$인 점이 없을 수도 있고, 단지 경사가 너무 완만할 뿐입니다. $f(x) = 1 - e^{-x^2}$은 최솟값이 $x = 0$ 하나뿐이지만, $|x|$가 크면 거의 평평합니다.
""",
        en=r"""
The run from $(1, 0)$ has no $y$ component to begin with, so it never feels the downhill along $y$: it walks straight into the saddle $(0, 0)$ and stops there (gradient $\approx 0$). The run from $(-1, 0.001)$ also lingers near the saddle for about twenty steps (small gradient, slow progress), but its $y$ component grows by a factor $1.2$ per step and it finally escapes. The trouble with saddle points is less that they trap us than that we **linger near them**.

(en-fix-saddle)=
```{admonition} Correction: in the saddle figure SGD is not stuck in a local minimum
:class: warning
Section 3 ("Kinds of optimizers") of the {ref}`“Model compile” post <en-post-model-compile>` shows the animation of optimizers on a saddle-shaped surface from Ruder's "An overview of gradient descent optimization algorithms", calls it "the process of finding the optimum in 3-D", and says that "SGD fell into a local minimum and could not find the optimum". The surface in that figure is a saddle like $x^2 - y^2$. Such a surface has **no minimum at all** (so there is no "optimum" to find), and what holds SGD back is the **saddle point**, where the gradient is almost $0$: a minimum along one direction but a maximum along another, hence not a minimum. As in the cell above, the run from $(-1, 0.001)$ lingers near the saddle point for a while, then escapes and keeps going down. The correct caption is "SGD lingers near the saddle point because the gradient there is small"; what that figure shows is how differently the optimizers handle those small gradients (chapter 6 compares them). The same section's "the local-minimum problem is very unlikely because of random weight initialisation" is unfounded too: random initialisation does not remove local minima, and as the $x^4 - 3x^2 + x$ example shows, the minimum we reach depends on the starting point. (Research suggests that in large networks most troublesome critical points are saddles rather than bad local minima, but that is not thanks to the initialisation.)
```

### Plateaus: wide, nearly flat regions

A plateau is not a saddle. It may contain no critical point at all; the slope is simply very gentle. $f(x) = 1 - e^{-x^2}$ has a single minimum at $x = 0$, yet it is almost flat for large $|x|$.
""",
    ),
    code(
        """
def bowl_with_plateau(x):
    return np.sum(1 - np.exp(-np.asarray(x) ** 2))


def bowl_with_plateau_grad(x):
    x = np.asarray(x, dtype=float)
    return 2 * x * np.exp(-(x**2))


for x0 in (1.0, 3.0):
    p = gradient_descent(bowl_with_plateau, np.array([x0]), learning_rate=0.1, steps=100,
                         grad=bowl_with_plateau_grad).ravel()
    print(f"start {x0:.0f}: slope there {bowl_with_plateau_grad(x0)[()]:.1e}, "
          f"x_100 = {p[-1]:.6f}, f(x_100) = {bowl_with_plateau(p[-1]):.6f}")
"""
    ),
    md(
        ko=r"""
$x_0 = 1$에서는 100걸음 만에 최솟값 근처에 오지만, $x_0 = 3$에서는 기울기가 $7\times10^{-4}$밖에 안 되어 100걸음 동안 거의 움직이지 못합니다. 거기에는 최솟값도 안장점도 없습니다. 그냥 평평할 뿐입니다. 「모델 컴파일」 글이 경사 하강법의 문제로 "Local minimum 문제"와 "Plateau 문제"를 따로 나열한 것은 옳습니다. 둘 다 기울기가 작아 생기는 문제이지만 원인이 다릅니다.
""",
        en=r"""
From $x_0 = 1$ we reach the neighbourhood of the minimum in 100 steps; from $x_0 = 3$ the slope is only $7\times10^{-4}$ and we barely move in 100 steps, although there is neither a minimum nor a saddle there: the function is merely flat. The “Model compile” post is right to list the "local-minimum problem" and the "plateau problem" separately: both show up as small gradients, but their causes differ.
""",
    ),
    # ------------------------------------------------------------ look inside
    md(
        ko=r"""
## 들여다보기: `gradient_descent`

이 장의 모든 경로를 만든 함수의 코드를 읽어 봅시다.
""",
        en=r"""
## Look inside: `gradient_descent`

Let us read the function that produced every path of this chapter.
""",
    ),
    code(
        """
print(inspect.getsource(lossbook.gradients.gradient_descent))
"""
    ),
    md(
        ko=r"""
위에서부터 읽으면 다음과 같습니다.

- 독스트링 다음의 처음 몇 줄은 인자를 검사할 뿐입니다. `f`가 함수인지, 학습률이 양수인지, 걸음 수가 0 이상의 정수인지 확인해서 잘못된 호출을 바로 알려 줍니다.
- `x = as_float_array(init_x, ...).copy()`: 시작점을 float64 배열로 **복사**합니다. 호출한 쪽의 배열은 바뀌지 않습니다.
- 경로 배열 `path`는 시작점을 포함해 `steps + 1`개 점을 담고 `path[0]`이 시작점입니다. 그래서 `path[-1]`이 마지막 점, `path[k]`가 $k$걸음 뒤의 점입니다.
- 반복문이 공식 $x_{k+1} = x_k - \eta\,\nabla f(x_k)$ 그대로입니다. `grad`가 없으면 `numerical_gradient(f, x)`로 기울기를 구하고, 있으면 `grad(x)`를 부른 뒤 모양이 $x$와 같은지 확인합니다. 그다음 `x = x - learning_rate * g`.
- 값이 무한대나 `nan`이 되면(발산) 멈추고, 더 작은 학습률을 써 보라고 알려 줍니다.

연습 2에서 이 반복문의 핵심을 직접 써 봅니다.
""",
        en=r"""
Reading it from the top:

- The first lines after the docstring only check the arguments (a callable `f`, a positive learning rate, a whole number of steps), so that a wrong call fails at once with a clear message.
- `x = as_float_array(init_x, ...).copy()` **copies** the start into a float64 array; the caller's array is never changed.
- The array `path` holds `steps + 1` points, the start included, with `path[0]` the start, so `path[-1]` is the last point and `path[k]` the point after $k$ steps.
- The loop is the formula $x_{k+1} = x_k - \eta\,\nabla f(x_k)$: without `grad` it uses `numerical_gradient(f, x)`, with it it calls `grad(x)` and checks that the result has the shape of $x$; then `x = x - learning_rate * g`.
- If a value becomes infinite or `nan` (divergence) it stops and suggests a smaller learning rate.

In exercise 2 you write the heart of this loop yourself.
""",
    ),
    # ------------------------------------------------------------ summary
    md(
        ko=r"""
## 요약

- 수치 미분은 작은 $h$로 미분을 근사합니다. 중앙 차분 $\frac{f(x+h) - f(x-h)}{2h}$의 절단 오차는 $O(h^2)$로, 전진 차분의 $O(h)$보다 훨씬 작습니다.
- $h$가 너무 작으면 반올림 오차가 지배합니다. float32에서 `1e-50`은 $0$이 되고(결과 `nan`), float64에서 $5 + 10^{-50} = 5$라서 미분이 $0$이 됩니다. float64 중앙 차분에는 $h \approx 10^{-4}$~$10^{-5}$가 적당합니다.
- 기울기 $\nabla f$는 편미분을 성분으로 나열한 **벡터**이고, $-\nabla f$는 함수가 가장 빨리 줄어드는 방향입니다. 수치 기울기는 해석적 기울기를 검산하는 도구입니다.
- 경사 하강법 $x \leftarrow x - \eta\nabla f(x)$는 손실의 값이 아니라 **기울기**로 걸음을 정합니다. $x_0^2 + x_1^2$에서 $(-3, 4)$, $\eta = 0.1$, 100걸음이면 $0.8^{100}(-3, 4) \approx 10^{-9}$까지 갑니다. $\eta = 10^{-4}$는 너무 느리고, $\eta = 10$은 발산합니다($0 < \eta < 1$이어야 수렴).
- 기울기가 $0$인 점이 모두 최솟값은 아닙니다. 안장점은 한 방향으로 최소, 다른 방향으로 최대인 점이고, 고원은 임계점이 아니라 기울기가 매우 작은 평지입니다. 어느 최솟값에 도착할지는 출발점에 달려 있습니다.
""",
        en=r"""
## Summary

- Numerical differentiation approximates a derivative with a small $h$. The central difference $\frac{f(x+h) - f(x-h)}{2h}$ has truncation error $O(h^2)$, much smaller than the forward difference's $O(h)$.
- If $h$ is too small, rounding error takes over: in float32 `1e-50` becomes $0$ (result `nan`); in float64 $5 + 10^{-50} = 5$, so the derivative comes out $0$. For the float64 central difference, $h \approx 10^{-4}$ to $10^{-5}$ works well.
- The gradient $\nabla f$ is the **vector** of partial derivatives; $-\nabla f$ is the direction of fastest decrease. Numerical gradients are the tool for checking analytic ones.
- Gradient descent $x \leftarrow x - \eta\nabla f(x)$ steps by the loss's **gradient**, not its value. On $x_0^2 + x_1^2$ from $(-3, 4)$ with $\eta = 0.1$, 100 steps reach $0.8^{100}(-3, 4) \approx 10^{-9}$. $\eta = 10^{-4}$ is far too slow and $\eta = 10$ diverges (convergence needs $0 < \eta < 1$).
- A zero gradient does not mean a minimum. A saddle point is a minimum along one direction and a maximum along another; a plateau is not a critical point but a flat region with tiny gradients. Which minimum we reach depends on where we start.
""",
    ),
    # ------------------------------------------------------------ exercises
    md(
        ko=r"""
## 연습 문제

각 문제의 코드 셀에서 `...`를 여러분의 답으로 바꾸고 실행하세요. 마지막 줄의 검사(`check.…`)가 바로 채점합니다. ⏳는 아직 풀지 않음, ❌는 어디가 틀렸는지, ✅는 정답입니다. 풀이는 맨 아래 {ref}`풀이 <ko-ch04-solutions>`에 있습니다.

**문제 1. 수치 기울기 직접 만들기.** `my_numerical_gradient(f, x, h=1e-4)`를 완성하세요. $x$의 원소마다(모양은 어떤 것이든 됩니다. `np.ndindex(x.shape)`가 모든 인덱스를 돌아 줍니다) 그 원소 하나만 $+h$와 $-h$만큼 움직여 중앙 차분을 구하고, 다음 원소로 가기 전에 원래 값으로 되돌립니다. 결과는 $x$와 같은 모양의 배열입니다. 검사는 네 함수(그중 하나는 행렬 $W$의 함수)에서 여러분의 함수를 `lossbook.gradients.numerical_gradient`와 비교합니다.
""",
        en=r"""
## Exercises

In each exercise's code cell, replace `...` with your answer and run it: the check on the last line (`check.…`) answers at once. ⏳ means not attempted yet, ❌ says what is wrong and where, ✅ means correct. Solutions are at the very end, under {ref}`Solutions <en-ch04-solutions>`.

**Exercise 1. Build the numerical gradient.** Complete `my_numerical_gradient(f, x, h=1e-4)`. For each element of $x$ (of any shape: `np.ndindex(x.shape)` walks every index), move that one element by $+h$ and by $-h$, take the central difference, and put the element back before moving on to the next one. Return an array shaped like $x$. The check compares your function with `lossbook.gradients.numerical_gradient` on four functions, one of them a function of a matrix $W$.
""",
    ),
    code(
        """
def my_numerical_gradient(f, x, h=1e-4):
    # for idx in np.ndindex(x.shape): move x[idx] by +h and by -h, take the central
    # difference, put x[idx] back; return an array shaped like x
    ...


check.numerical_gradient(my_numerical_gradient)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 2. 경사 하강법 직접 만들기.** `my_gradient_descent(grad, init_x, learning_rate, steps)`를 완성하세요. `grad(x)`는 기울기를 돌려주는 함수입니다. 시작점을 포함한 경로 전체(`steps + 1`개 점, 모양 `(steps + 1, *init_x.shape)`)를 돌려주어야 합니다. 검사는 구, 계곡, 안장 함수에서 `lossbook.gradients.gradient_descent`와 비교합니다.
""",
        en=r"""
**Exercise 2. Build gradient descent.** Complete `my_gradient_descent(grad, init_x, learning_rate, steps)`, where `grad(x)` returns the gradient. Return the whole path, start included: `steps + 1` points, shape `(steps + 1, *init_x.shape)`. The check compares it with `lossbook.gradients.gradient_descent` on the sphere, the ravine and the saddle.
""",
    ),
    code(
        """
def my_gradient_descent(grad, init_x, learning_rate, steps):
    # start the path with init_x; repeat steps times: x = x - learning_rate * grad(x)
    # return np.array(path), of shape (steps + 1, *init_x.shape)
    ...


check.gradient_descent(my_gradient_descent)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 3.** $f(x) = x^2$을 $x_0 = 1$에서 학습률 $\eta = 0.5,\ 1.0,\ 1.1$로 10걸음 내려가면 $x_{10}$은 각각 얼마일까요? 실행하기 전에 $x_{k+1} = (1 - 2\eta)x_k$로 예측해 적고, 그다음 `gradient_descent`로 확인하세요.
""",
        en=r"""
**Exercise 3.** Run gradient descent on $f(x) = x^2$ from $x_0 = 1$ for 10 steps with $\eta = 0.5,\ 1.0,\ 1.1$. What is $x_{10}$ in each case? Predict it from $x_{k+1} = (1 - 2\eta)x_k$ before running anything, then check with `gradient_descent`.
""",
    ),
    code(
        """
x10 = [..., ..., ...]   # x_10 for learning rates 0.5, 1.0, 1.1
check.learning_rates(x10)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 4.** $f(x) = x^2 + 3$을 $x = 2$에서 $h = 10^{-4},\ 10^{-8},\ 10^{-12}$로 전진 차분과 중앙 차분으로 미분하고, 정확한 값 $4$와의 오차를 비교하세요. 각 방법에서 어느 $h$가 가장 정확한가요?
""",
        en=r"""
**Exercise 4.** Differentiate $f(x) = x^2 + 3$ at $x = 2$ with the forward and the central difference for $h = 10^{-4},\ 10^{-8},\ 10^{-12}$ and compare the errors against the exact value $4$. Which $h$ is most accurate for each method?
""",
    ),
    code(
        """
best = {"forward": ..., "central": ...}   # each one of 1e-4, 1e-8, 1e-12
check.best_h(best)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 5.** 절단 오차는 전진 차분에서 $h$의 몇 제곱에, 중앙 차분에서 몇 제곱에 비례할까요? $f(x \pm h)$의 테일러 전개로 답을 정한 뒤 적으세요. (검사는 $e^x$의 $x = 1$에서 잰 오차가 $h$에 따라 커지는 비율, 곧 로그-로그 그래프에서 직선이 $h$가 10배일 때 몇 자릿수 오르는지와 비교합니다.)
""",
        en=r"""
**Exercise 5.** The truncation error is proportional to which power of $h$ for the forward difference, and which for the central difference? Decide with the Taylor expansions of $f(x \pm h)$, then write your answer. (The check compares it with the slope of the errors measured for $e^x$ at $x = 1$.)
""",
    ),
    code(
        """
order = {"forward": ..., "central": ...}   # the error is proportional to h**order
check.error_orders(order)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 6.** 계곡 함수 $f(x, y) = \frac{x^2}{20} + y^2$에서 경사 하강법이 발산하지 않는 가장 큰 학습률 `max_lr`은 얼마인가요? 또 $(-7, 2)$에서 $\eta = 0.99$로 100걸음 가면 $x$ 성분 `x_100`은 얼마가 될까요? (힌트: 한 걸음에 $x$는 $(1 - \eta/10)$배, $y$는 $(1 - 2\eta)$배가 됩니다.) $\eta = 0.99$와 $\eta = 1.01$로 직접 돌려 확인해 보세요.
""",
        en=r"""
**Exercise 6.** On the ravine $f(x, y) = \frac{x^2}{20} + y^2$, what is the largest learning rate `max_lr` for which gradient descent does not diverge? And after 100 steps from $(-7, 2)$ with $\eta = 0.99$, what is the $x$ component `x_100`? (Hint: per step, $x$ is multiplied by $(1 - \eta/10)$ and $y$ by $(1 - 2\eta)$.) Run $\eta = 0.99$ and $\eta = 1.01$ to see it.
""",
    ),
    code(
        """
max_lr = ...   # the largest learning rate that does not diverge
x_100 = ...    # the x component after 100 steps from (-7, 2) with learning rate 0.99
check.ravine(max_lr, x_100)
""",
        tags=["exercise"],
    ),
    md(
        ko=r"""
**문제 7.** 안장 함수 $x^2 - y^2$에서 $(1, 10^{-8})$로 출발해 학습률 $0.1$로 내려갈 때, $|y| > 1$이 되기까지 몇 걸음이 걸릴까요? (힌트: $y_k = 1.2^k y_0$)
""",
        en=r"""
**Exercise 7.** On the saddle $x^2 - y^2$, start at $(1, 10^{-8})$ with learning rate $0.1$. How many steps does it take until $|y| > 1$? (Hint: $y_k = 1.2^k y_0$.)
""",
    ),
    code(
        """
steps_to_escape = ...
check.saddle_steps(steps_to_escape)
""",
        tags=["exercise"],
    ),
    # ------------------------------------------------------------ solutions
    md(
        ko=r"""
(ko-ch04-solutions)=
## 풀이

먼저 스스로 풀어 보세요. 풀이마다 설명과 코드가 따로 접혀 있습니다(「N번 풀이 보기」, 「풀이 코드 보기」). 풀이 코드는 답을 정의하고 같은 검사를 불러 ✅를 냅니다.

**풀이 1.** 원소 하나를 움직이고, 함숫값을 두 번 구하고, **되돌립니다**. 되돌리지 않으면 다음 원소의 미분이 엉뚱한 점에서 계산되고, 검사는 "x를 바꾼 채로 돌려줍니다"라고 알려 줍니다. `lossbook.gradients.numerical_gradient`도 같은 일을 하며, 호출한 쪽의 배열을 건드리지 않으려고 먼저 복사합니다.
""",
        en=r"""
(en-ch04-solutions)=
## Solutions

Try on your own first. Each solution's explanation and code are folded separately (“Show solution N”, “Show solution code”); the code defines the answer and calls the same check, which prints ✅.

**Solution 1.** Move one element, evaluate twice, **put it back**. Without the last step the next element's derivative is taken at the wrong point, and the check says that your function leaves x changed. `lossbook.gradients.numerical_gradient` does the same, on a copy so that the caller's array is never touched.
""",
    ),
    code(
        """
def my_numerical_gradient(f, x, h=1e-4):
    x = np.array(x, dtype=float)   # a float copy: the caller's x stays as it was
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        x[idx] = original + h
        f_plus = f(x)
        x[idx] = original - h
        f_minus = f(x)
        x[idx] = original          # put it back before the next element
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad


check.numerical_gradient(my_numerical_gradient)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 2.** 경로를 리스트에 모으고 마지막에 배열로 바꿉니다. 흔한 실수는 마지막 점만 돌려주는 것(모양이 다름), 시작점을 빼먹는 것(점이 `steps`개), 부호를 `+`로 쓰는 것(오르막으로 감)입니다.
""",
        en=r"""
**Solution 2.** Collect the points in a list and turn it into an array at the end. Common slips: returning only the last point (wrong shape), leaving out the start (`steps` points instead of `steps + 1`), and a `+` instead of the `-` (walking uphill).
""",
    ),
    code(
        """
def my_gradient_descent(grad, init_x, learning_rate, steps):
    x = np.array(init_x, dtype=float)
    path = [x]
    for _ in range(steps):
        x = x - learning_rate * grad(x)
        path.append(x)
    return np.array(path)


check.gradient_descent(my_gradient_descent)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 3.** $\eta = 0.5$는 한 걸음에 최솟값에 도착하고, $\eta = 1$은 $1$과 $-1$ 사이를 영원히 오가며(수렴도 발산도 아님, 짝수 걸음 뒤에는 $+1$), $\eta = 1.1$은 매 걸음 $-1.2$배가 되어 $1.2^{10} \approx 6.19$로 발산합니다.
""",
        en=r"""
**Solution 3.** $\eta = 0.5$ lands on the minimum in one step; $\eta = 1$ bounces between $1$ and $-1$ forever (neither converging nor diverging; after an even number of steps it is back at $+1$); $\eta = 1.1$ multiplies by $-1.2$ each step and diverges, $1.2^{10} \approx 6.19$.
""",
    ),
    code(
        """
# Solution 3: each step multiplies x by (1 - 2*lr): 0, -1 and -1.2
x10 = []
for lr in (0.5, 1.0, 1.1):
    p = gradient_descent(sphere, np.array([1.0]), learning_rate=lr, steps=10, grad=sphere_grad).ravel()
    x10.append(p[-1])
    print(f"lr = {lr}: factor {1 - 2 * lr:+.1f}, x_1..x_4 = {np.round(p[1:5], 4)}, "
          f"x_10 = {p[-1]:.4f}  (predicted {(1 - 2 * lr) ** 10:.4f})")
check.learning_rates(x10)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 4.** 전진 차분의 절단 오차는 $\frac{h}{2} f''(2) = h$이므로 $h = 10^{-4}$에서 $10^{-4}$입니다. $h = 10^{-8}$에서는 절단 오차 $10^{-8}$과 반올림 오차(최대 $\varepsilon\cdot 7/10^{-8} \approx 10^{-7}$ 정도)가 비슷해져 가장 정확하고, $h = 10^{-12}$에서는 반올림 오차가 $4\times10^{-4}$까지 커집니다. 중앙 차분은 이차 함수에서 절단 오차가 $0$이라 오차가 반올림 오차뿐이고, 그래서 셋 중 가장 큰 $h = 10^{-4}$가 가장 정확합니다.
""",
        en=r"""
**Solution 4.** The forward difference's truncation error is $\frac{h}{2} f''(2) = h$, so $10^{-4}$ at $h = 10^{-4}$. At $h = 10^{-8}$ the truncation error $10^{-8}$ and the rounding error (up to about $\varepsilon\cdot 7/10^{-8} \approx 10^{-7}$) are comparable, which is the best of the three; at $h = 10^{-12}$ the rounding error has grown to $4\times10^{-4}$. For a quadratic the central difference has no truncation error, only rounding error, so the largest of the three, $h = 10^{-4}$, is the most accurate.
""",
    ),
    code(
        """
# Solution 4
def f_ex(x):
    return x**2 + 3


hs = (1e-4, 1e-8, 1e-12)
errors = {"forward": [], "central": []}
for h in hs:
    for method in errors:
        errors[method].append(abs(numerical_derivative(f_ex, 2.0, h=h, method=method) - 4))
    print(f"h = {h:.0e}: forward error {errors['forward'][-1]:.1e}, central error {errors['central'][-1]:.1e}")
best = {method: hs[int(np.argmin(err))] for method, err in errors.items()}
print("best h:", best)
check.best_h(best)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 5.** $f(x \pm h) = f(x) \pm h f'(x) + \frac{h^2}{2} f''(x) \pm \frac{h^3}{6} f'''(x) + O(h^4)$입니다. 전진 차분 $\frac{f(x+h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + O(h^2)$에서는 $f''$ 항이 남아 오차가 $h$에 비례합니다. 두 전개를 빼면 짝수 차수 항($f(x)$, $f''$)이 상쇄되어 $f(x+h) - f(x-h) = 2h f'(x) + \frac{h^3}{3} f'''(x) + O(h^5)$이고, $2h$로 나누면 $f'(x) + \frac{h^2}{6} f'''(x) + O(h^4)$, 곧 오차가 $h^2$에 비례합니다. 측정해 보면 $h$를 10배 줄일 때 전진 차분의 오차는 약 10배, 중앙 차분의 오차는 약 100배 줄어듭니다.
""",
        en=r"""
**Solution 5.** $f(x \pm h) = f(x) \pm h f'(x) + \frac{h^2}{2} f''(x) \pm \frac{h^3}{6} f'''(x) + O(h^4)$. In the forward difference $\frac{f(x+h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + O(h^2)$ the $f''$ term survives, so the error is proportional to $h$. Subtracting the two expansions cancels the even-order terms ($f(x)$ and $f''$): $f(x+h) - f(x-h) = 2h f'(x) + \frac{h^3}{3} f'''(x) + O(h^5)$, and dividing by $2h$ gives $f'(x) + \frac{h^2}{6} f'''(x) + O(h^4)$: an error proportional to $h^2$. Measured: with $h$ ten times smaller, the forward error shrinks about tenfold, the central one about a hundredfold.
""",
    ),
    code(
        """
# Solution 5: measure the slope of log(error) against log(h) where truncation error dominates
for method in ("forward", "central"):
    e1, e2 = (abs(numerical_derivative(np.exp, 1.0, h=h, method=method) - np.e) for h in (1e-2, 1e-3))
    print(f"{method}: error ratio for h 10x smaller = {e1 / e2:.1f}, slope = {np.log10(e1 / e2):.2f}")
order = {"forward": 1, "central": 2}
check.error_orders(order)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 6.** $y$ 방향 곡률이 $2$이므로 $\eta < 2/2 = 1$이어야 합니다. $\eta = 1.01$이면 $y$가 매 걸음 $-1.02$배가 되어 커지기 시작합니다. $\eta = 0.99$에서는 $x$가 매 걸음 $0.901$배로 줄어 100걸음 뒤 $-7\cdot0.901^{100} \approx -2.1\times10^{-4}$가 됩니다. 뒤처지는 쪽은 오히려 가파른 $y$입니다. 매 걸음 $1 - 2\eta = -0.98$배가 되어 부호를 바꾸며 아주 천천히 줄므로, 100걸음 뒤에도 $2\cdot0.98^{100} \approx 0.265$입니다. 한계에 가까운 학습률에서는 가파른 방향이, 작은 학습률에서는 완만한 방향이 느립니다. 둘이 똑같이 빠른 $\eta = 2/2.1 \approx 0.952$에서도 걸음마다 $0.905$배씩이라, 곡률이 20배 차이 나는 한 학습률로는 어느 쪽도 빠를 수 없습니다.
""",
        en=r"""
**Solution 6.** The curvature along $y$ is $2$, so we need $\eta < 2/2 = 1$; at $\eta = 1.01$, $y$ is multiplied by $-1.02$ per step and starts growing. At $\eta = 0.99$, $x$ shrinks by $0.901$ per step, to $-7\cdot0.901^{100} \approx -2.1\times10^{-4}$ after 100 steps. It is the steep $y$ that lags: multiplied by $1 - 2\eta = -0.98$ per step, it flips sign and shrinks very slowly, and is still $2\cdot0.98^{100} \approx 0.265$ after 100 steps. Near the limit the steep direction is slow; at small rates the gentle one is. Even at $\eta = 2/2.1 \approx 0.952$, where both are equally fast, each shrinks only by $0.905$ per step: with curvatures 20 times apart, no single learning rate is fast in both.
""",
    ),
    code(
        """
# Solution 6: per step x is multiplied by (1 - lr/10) and y by (1 - 2*lr); |1 - 2*lr| < 1 needs lr < 1
for lr in (0.99, 1.01):
    p = gradient_descent(ravine, np.array([-7.0, 2.0]), learning_rate=lr, steps=100, grad=ravine_grad)
    print(f"lr = {lr}: x_100 = ({p[-1, 0]:.4e}, {p[-1, 1]:.4e});  predicted x = {-7 * (1 - lr / 10) ** 100:.4e}, "
          f"y = {2 * (1 - 2 * lr) ** 100:.4e}")
max_lr = 2 / 2                    # 2 / (the largest curvature), and the curvature along y is 2
x_100 = -7 * (1 - 0.99 / 10) ** 100
check.ravine(max_lr, x_100)
""",
        tags=["solution", "hide-cell"],
    ),
    md(
        ko=r"""
**풀이 7.** $y_k = 1.2^k \cdot 10^{-8}$이 $1$을 넘으려면 $k > \ln(10^8)/\ln 1.2 \approx 101.03$, 곧 102걸음이 필요합니다. 그동안 점은 안장점 근처에 머뭅니다. 출발점의 $y$ 성분(탈출 방향 성분)이 작을수록 더 오래 머무르며, 학습 곡선이 한동안 평평하다가 갑자기 떨어지는 이유 중 하나가 이것입니다.
""",
        en=r"""
**Solution 7.** $y_k = 1.2^k \cdot 10^{-8}$ exceeds $1$ once $k > \ln(10^8)/\ln 1.2 \approx 101.03$, i.e. after 102 steps, all spent near the saddle. The smaller the start's $y$ component (its component along the escape direction), the longer it lingers: one reason why training curves sometimes stay flat for a while and then suddenly drop.
""",
    ),
    code(
        """
# Solution 7: 1.2**k * 1e-8 > 1  <=>  k > log(1e8) / log(1.2); round up
steps_to_escape = int(np.ceil(np.log(1e8) / np.log(1.2)))
p = gradient_descent(saddle, np.array([1.0, 1e-8]), learning_rate=0.1, steps=150, grad=saddle_grad)
measured = int(np.argmax(np.abs(p[:, 1]) > 1))
print(f"log(1e8) / log(1.2) = {np.log(1e8) / np.log(1.2):.2f}: predicted {steps_to_escape} steps, measured {measured}")
check.saddle_steps(steps_to_escape)
""",
        tags=["solution", "hide-cell"],
    ),
]
