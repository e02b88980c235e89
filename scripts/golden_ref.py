"""The NumPy model behind scripts/golden_gen.py: the documented conventions (CONVENTIONS) written in
matrix form, independent of the engine, plus make_case/solve that fill a case's expected values.

Layout: W (out, in), x (n, in) sample-major, so z = a_prev @ W.T + b. Nothing here reads the engine.
"""
import math

import numpy as np

CONVENTIONS = """Reference numbers for the playground's engine, computed with NumPy in float64 by scripts/golden_gen.py.

Conventions (those of ../shared/golden/reference.json, plus minibatches, dropout, clipping and schedules):
- Dense layer l: z = W @ a_prev + b, W shape (out, in) row-major, b shape (out,).
- Loss is the MEAN over the batch of the per-sample loss.
  mse: 0.5 * sum_k (o_k - y_k)^2 ; bce (sigmoid output): -(y log o + (1-y) log(1-o));
  softmax_ce (softmax output, one-hot y): -sum_k y_k log o_k.
- Activations: sigmoid, tanh, relu, leaky_relu (slope 0.01), linear, softmax (output only),
  elu (alpha 1), swish (z*sigmoid(z)), softplus (log(1+exp(z))).
- Regularization adds to the loss: l2: 0.5*rate*sum(W^2) -> grad rate*W ; l1: rate*sum|W| -> grad rate*sign(W),
  sign(0) = 0 (the subgradient at exactly zero is 0). Weights only, never biases.
- Optimizers (PyTorch conventions, weights and biases alike):
  sgd: p -= lr*g ; momentum: v = mu*v + g ; p -= lr*v ;
  adam: m = b1*m + (1-b1)*g ; v = b2*v + (1-b2)*g^2 ; t += 1 ; p -= lr*(m/(1-b1^t))/(sqrt(v/(1-b2^t))+eps).
- One step on a minibatch of m samples: forward (training, dropout masks applied) -> gradient of the mean
  data loss over the m samples -> + regularization gradient -> clip by global norm -> optimizer step.
- Clipping (clip_norm c > 0): norm = sqrt(sum of g^2 over all weights and biases); if norm > c, g *= c/(norm+1e-6).
- An epoch: the samples in the order train.orders[e] lists, cut into batches of batch_size (the last may be
  smaller). batch_size defaults to n (full batch: one step per epoch). epoch_loss[e] = (sum over the epoch's
  batches of the summed per-sample data loss before that batch's step, dropout applied) / n, no penalty.
- Learning rate of epoch e (counting from start_epoch, the epochs already trained): base lr times
  constant 1 ; step 0.5^floor(e/500) ; exponential 0.999^e ;
  cosine 0.01 + 0.99*0.5*(1+cos(pi*(e mod 1000)/1000)). epoch_lr[e] is the rate used.
- Inverted dropout (p > 0) on hidden layers only: a = f(z)*mask/(1-p), and the mask scales f'(z) alike.
  dropout_masks[e][b][l] is the (m, out_l) 1-keep/0-drop mask of hidden layer l for batch b of epoch e.
- expected.output/loss/grad_* are at the given weights on all n samples, dropout off, loss with penalty.
  loss_before_step[k] (full batch) = mean data loss (dropout applied) + penalty before step k.
  final_loss: mean data loss on all samples after training, dropout off, + penalty; final_output likewise."""

TRAIN_DEFAULTS = {"momentum": 0.9, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


# --- activations: value and derivative from z ---------------------------------------------------


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def activate(name, z):
    """(a, f'(z)); softmax gives no derivative (the loss takes it)."""
    if name == "sigmoid":
        a = sigmoid(z)
        return a, a * (1 - a)
    if name == "tanh":
        a = np.tanh(z)
        return a, 1 - a * a
    if name == "relu":
        return np.maximum(z, 0.0), (z > 0).astype(float)
    if name == "leaky_relu":
        return np.where(z > 0, z, 0.01 * z), np.where(z > 0, 1.0, 0.01)
    if name == "elu":
        return np.where(z > 0, z, np.expm1(np.minimum(z, 0))), np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))
    if name == "swish":
        s = sigmoid(z)
        return z * s, s + z * s * (1 - s)
    if name == "softplus":
        return np.logaddexp(0.0, z), sigmoid(z)
    if name == "linear":
        return z.copy(), np.ones_like(z)
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True), None
    raise ValueError(name)


# --- the network as a list of (W, b) --------------------------------------------------------------


class Net:
    def __init__(self, case):
        self.acts = case["activations"]
        self.W = [np.array(w, dtype=float) for w in case["weights"]]
        self.b = [np.array(b, dtype=float) for b in case["biases"]]
        self.loss = case["loss"]
        self.reg = case.get("regularization", "none")
        self.rate = case.get("regularization_rate", 0.0)

    def params(self):
        return self.W + self.b

    def forward(self, x, masks=None, p=0.0):
        """Outputs, last z, and per layer the (input, f'(z)·mask) the backward pass needs."""
        a = x
        keep = []
        last = len(self.W) - 1
        for l, (W, b) in enumerate(zip(self.W, self.b)):
            z = a @ W.T + b
            out, d = activate(self.acts[l], z)
            if masks is not None and l < last:
                scale = masks[l] / (1 - p)
                out, d = out * scale, d * scale
            keep.append((a, d))
            a = out
        return a, z, keep

    def data_loss_sum(self, o, z, y):
        if self.loss == "mse":
            assert self.acts[-1] != "softmax"  # its Jacobian is not written out here
            return 0.5 * np.sum((o - y) ** 2)
        if self.loss == "bce":
            assert self.acts[-1] == "sigmoid"
            return np.sum(np.logaddexp(0.0, z) - y * z)
        if self.loss == "softmax_ce":
            assert self.acts[-1] == "softmax"
            lse = z.max(axis=1) + np.log(np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1))
            return np.sum(lse - (y * z).sum(axis=1))
        raise ValueError(self.loss)

    def penalty(self):
        if self.reg == "l2":
            return 0.5 * self.rate * sum(np.sum(W * W) for W in self.W)
        if self.reg == "l1":
            return self.rate * sum(np.sum(np.abs(W)) for W in self.W)
        return 0.0

    def grads(self, x, y, masks=None, p=0.0):
        """Summed data loss (before the step) and the gradient of mean data loss + penalty."""
        m = x.shape[0]
        o, z, keep = self.forward(x, masks, p)
        loss_sum = self.data_loss_sum(o, z, y)
        if self.loss in ("bce", "softmax_ce"):
            delta = (o - y) / m  # the fused output pairs
        else:
            delta = (o - y) / m * keep[-1][1]
        gW = [None] * len(self.W)
        gb = [None] * len(self.W)
        for l in range(len(self.W) - 1, -1, -1):
            a_prev = keep[l][0]
            gW[l] = delta.T @ a_prev
            gb[l] = delta.sum(axis=0)
            if l > 0:
                delta = (delta @ self.W[l]) * keep[l - 1][1]
        for l, W in enumerate(self.W):
            if self.reg == "l2":
                gW[l] = gW[l] + self.rate * W
            elif self.reg == "l1":
                gW[l] = gW[l] + self.rate * np.sign(W)  # sign(0) = 0
        return loss_sum, gW + gb


class Optimizer:
    def __init__(self, spec, params):
        self.name = spec["name"]
        self.h = {**TRAIN_DEFAULTS, **{k: v for k, v in spec.items() if k not in ("name", "lr")}}
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.t = 0

    def step(self, params, grads, lr):
        if self.name == "sgd":
            for p, g in zip(params, grads):
                p -= lr * g
        elif self.name == "momentum":
            for p, g, v in zip(params, grads, self.m):
                v *= self.h["momentum"]
                v += g
                p -= lr * v
        elif self.name == "adam":
            b1, b2, eps = self.h["beta1"], self.h["beta2"], self.h["eps"]
            self.t += 1
            for p, g, m, v in zip(params, grads, self.m, self.v):
                m[...] = b1 * m + (1 - b1) * g
                v[...] = b2 * v + (1 - b2) * g * g
                p -= lr * (m / (1 - b1**self.t)) / (np.sqrt(v / (1 - b2**self.t)) + eps)
        else:
            raise ValueError(self.name)


def clip(grads, c):
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in grads))
    if c > 0 and norm > c:
        grads = [g * (c / (norm + 1e-6)) for g in grads]
    return grads, norm


def scheduled(name, lr, e):
    if name == "constant":
        return lr
    if name == "step":
        return lr * 0.5 ** (e // 500)
    if name == "exponential":
        return lr * 0.999**e
    if name == "cosine":
        return lr * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * (e % 1000) / 1000)))
    raise ValueError(name)


# --- building and solving a case ------------------------------------------------------------------


def make_case(name, note, sizes, acts, loss, seed, n, optimizer, *, x=None, y=None, weights=None, **extra):
    """Weights N(0, 1/in)-ish and inputs U(-2, 2) from a seeded generator; targets fitting the loss."""
    rng = np.random.default_rng(seed)
    if weights is None:
        weights = [rng.normal(0, 1 / math.sqrt(sizes[l]), (sizes[l + 1], sizes[l])) for l in range(len(sizes) - 1)]
    biases = [rng.normal(0, 0.2, sizes[l + 1]) for l in range(len(sizes) - 1)]
    if x is None:
        x = rng.uniform(-2, 2, (n, sizes[0]))
    k = sizes[-1]
    if y is None:
        if loss == "softmax_ce":
            y = np.eye(k)[np.arange(n) % k]  # every class present
            y = y[rng.permutation(n)]
        elif loss == "bce":
            y = (rng.random((n, 1)) < 0.5).astype(float)
        else:
            y = rng.uniform(-1, 1, (n, k))
    case = {
        "name": name,
        "note": note,
        "sizes": sizes,
        "activations": acts,
        "loss": loss,
        **extra,
        "optimizer": optimizer,
        "weights": [np.asarray(w, dtype=float).tolist() for w in weights],
        "biases": [b.tolist() for b in biases],
        "x": np.asarray(x, dtype=float).tolist(),
        "y": np.asarray(y, dtype=float).tolist(),
    }
    case.setdefault("regularization", "none")
    case.setdefault("regularization_rate", 0.0)
    return case, rng


def solve(case, rng, epochs, start_epoch=0):
    """Fill case["expected"]: the forward block, then `epochs` epochs of training."""
    net = Net(case)
    x = np.array(case["x"], dtype=float)
    y = np.array(case["y"], dtype=float)
    n = x.shape[0]
    o, _, _ = net.forward(x)
    loss_sum, g = net.grads(x, y)
    L = len(net.W)
    expected = {
        "output": o.tolist(),
        "loss": float(loss_sum / n + net.penalty()),
        "grad_weights": [gw.tolist() for gw in g[:L]],
        "grad_biases": [gb.tolist() for gb in g[L:]],
    }
    p = case.get("dropout", 0.0)
    batch = case.get("batch_size", n)
    opt = Optimizer(case["optimizer"], net.params())
    orders, masks, epoch_loss, epoch_lr, before, norms = [], [], [], [], {}, []
    for e in range(epochs):
        ordered = p > 0 or batch < n  # the order matters: list it (else the trainer's own shuffle is fine)
        order = rng.permutation(n) if ordered else np.arange(n)
        lr = scheduled(case.get("schedule", "constant"), case["optimizer"]["lr"], start_epoch + e)
        total = 0.0
        epoch_masks = []
        for s in range(0, n, batch):
            idx = order[s : s + batch]
            bm = None
            if p > 0:
                bm = [(rng.random((len(idx), W.shape[0])) >= p).astype(float) for W in net.W[:-1]]
                epoch_masks.append([mk.astype(int).tolist() for mk in bm])
            penalty = net.penalty()
            batch_loss, grads = net.grads(x[idx], y[idx], bm, p)
            grads, norm = clip(grads, case.get("clip_norm", 0.0))
            norms.append(norm)
            opt.step(net.params(), grads, lr)
            total += batch_loss
            if batch == n:
                before[str(e)] = float(batch_loss / n + penalty)
        orders.append(order.tolist())
        masks.append(epoch_masks)
        epoch_loss.append(float(total / n))
        epoch_lr.append(float(lr))
    o, z, _ = net.forward(x)
    train = {"epochs": epochs} if batch < n else {"steps": epochs, "full_batch": True}
    if start_epoch:
        train["start_epoch"] = start_epoch
    if p > 0 or batch < n:
        train["orders"] = orders
    if p > 0:
        train["dropout_masks"] = masks
    if batch == n:
        train["loss_before_step"] = before
    train.update(
        {
            "epoch_loss": epoch_loss,
            "epoch_lr": epoch_lr,
            "final_loss": float(net.data_loss_sum(o, z, y) / n + net.penalty()),
            "final_output": o.tolist(),
            "final_weights": [W.tolist() for W in net.W],
            "final_biases": [b.tolist() for b in net.b],
        }
    )
    expected["train"] = train
    case["expected"] = expected
    return net, norms
