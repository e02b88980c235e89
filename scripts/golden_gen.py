#!/usr/bin/env python3
"""Reference cases for the engine, computed independently with NumPy in float64.

Writes test/fixtures/golden-generated.json (or the path given): minibatches in a given order,
dropout with given masks, clipping by global norm, every learning-rate schedule, L1 at exactly
zero weights, softmax cross-entropy with K = 3..6, momentum and Adam over many steps.
This script is the source of truth for that file: test/nn/golden.generated.test.ts re-runs it and
checks the committed JSON matches. Usage: python3 scripts/golden_gen.py [OUT.json]

The formulas live in scripts/golden_ref.py (the documented conventions in NumPy, independent of the
engine); this file lists the cases.
"""
import json
import sys
from pathlib import Path

import numpy as np

sys.dont_write_bytecode = True  # no scripts/__pycache__ left in the tree
from golden_ref import CONVENTIONS, Net, make_case, solve  # noqa: E402

# --- the cases ------------------------------------------------------------------------------------


def built(epochs, *args, start_epoch=0, **extra):
    """A case (make_case's arguments) with its expected values after `epochs` epochs."""
    c, rng = make_case(*args, **extra)
    solve(c, rng, epochs, start_epoch)
    return c


def minibatch_cases():
    return [
        built(
            4,
            "minibatch-sgd-tanh-sigmoid-bce",
            "7 samples in batches of 3, 3, 1 in the listed order; 4 epochs of SGD.",
            [2, 5, 1], ["tanh", "sigmoid"], "bce", 101, 7, {"name": "sgd", "lr": 0.5}, batch_size=3,
        ),
        built(
            6,
            "minibatch-momentum-6-epochs",
            "10 samples in batches of 4, 4, 2; momentum 0.8 over 6 epochs (18 steps).",
            [3, 6, 4, 2], ["tanh", "relu", "linear"], "mse", 102, 10,
            {"name": "momentum", "lr": 0.05, "momentum": 0.8}, batch_size=4,
        ),
        built(
            7,
            "minibatch-adam-7-epochs",
            "12 samples in batches of 5, 5, 2; Adam with non-default betas and eps over 7 epochs (21 steps).",
            [2, 6, 3], ["elu", "softmax"], "softmax_ce", 103, 12,
            {"name": "adam", "lr": 0.02, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7}, batch_size=5,
        ),
    ]


def optimizer_cases():
    return [
        built(
            8,
            "full-batch-momentum-8-steps",
            "Momentum 0.9 over 8 full-batch steps: the velocity carries over every step.",
            [2, 4, 1], ["sigmoid", "sigmoid"], "mse", 201, 6, {"name": "momentum", "lr": 0.3, "momentum": 0.9},
        ),
        built(
            8,
            "full-batch-adam-l2-8-steps",
            "Adam (default betas) with L2 over 8 full-batch steps: bias correction changes every step.",
            [3, 5, 1], ["swish", "linear"], "mse", 202, 8,
            {"name": "adam", "lr": 0.05, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
            regularization="l2", regularization_rate=0.01,
        ),
    ]


def dropout_cases():
    out = [
        built(
            3,
            "dropout-full-batch-sgd",
            "Dropout 0.3 on the hidden layer with the listed masks; full batch in the listed order, 3 steps.",
            [2, 6, 1], ["tanh", "sigmoid"], "bce", 301, 8, {"name": "sgd", "lr": 0.5}, dropout=0.3,
        ),
        built(
            3,
            "dropout-minibatch-momentum-two-hidden",
            "Dropout 0.5 on both hidden layers, batches of 3, 3, 2, momentum, 3 epochs.",
            [3, 5, 4, 2], ["tanh", "softplus", "softmax"], "softmax_ce", 302, 8,
            {"name": "momentum", "lr": 0.1, "momentum": 0.9}, dropout=0.5, batch_size=3,
        ),
    ]
    for case in out:
        flags = np.concatenate([np.ravel(m) for e in case["expected"]["train"]["dropout_masks"] for b in e for m in b])
        assert 0 in flags and 1 in flags, case["name"]
    return out


def clip_cases():
    out = []
    c, rng = make_case(
        "clip-global-norm-sgd",
        "Targets far off, so the gradient norm exceeds clip_norm 0.5 at every step and is clipped.",
        [2, 4, 1], ["tanh", "linear"], "mse", 401, 6, {"name": "sgd", "lr": 0.1}, clip_norm=0.5,
        y=np.linspace(-4, 4, 6).reshape(6, 1),
    )
    _, norms = solve(c, rng, 5)
    assert all(nm > 0.5 for nm in norms), norms
    c["note"] += " Norm before clipping, per step: " + ", ".join(f"{nm:.3f}" for nm in norms) + "."
    out.append(c)
    c, rng = make_case(
        "clip-global-norm-minibatch-adam",
        "Clip 1.0 before Adam on minibatches of 4, 4, 2; some steps clip, some do not.",
        [2, 5, 3, 1], ["relu", "tanh", "linear"], "mse", 402, 10, {"name": "adam", "lr": 0.05}, clip_norm=1.0,
        batch_size=4, y=np.linspace(-3, 3, 10).reshape(10, 1),
    )
    _, norms = solve(c, rng, 4)
    assert any(nm > 1.0 for nm in norms) and any(nm <= 1.0 for nm in norms), norms
    out.append(c)
    # The +1e-6 in c/(norm+1e-6) moves weights by lr*c*1e-6/norm: with a norm near 0.01 and
    # lr*c = 0.5 that is ~5e-5, fifty times the training tolerance, so this case sees it.
    c, rng = make_case(
        "clip-global-norm-small-gradient",
        "Targets within 0.02 of the outputs: gradient norm ~0.01, clipped to 0.005, rate 100; 2 steps.",
        [2, 3, 1], ["tanh", "linear"], "mse", 403, 5, {"name": "sgd", "lr": 100.0}, clip_norm=0.005,
    )
    o, _, _ = Net(c).forward(np.array(c["x"]))
    c["y"] = (o + rng.uniform(-0.02, 0.02, o.shape)).tolist()
    _, norms = solve(c, rng, 2)
    assert all(nm > 0.005 for nm in norms) and norms[0] < 0.05, norms
    out.append(c)
    return out


def schedule_cases():
    out = []
    for sched, start, why in [
        ("constant", 0, "the rate stays the base rate"),
        ("step", 498, "epochs 498..501 cross the halving at 500"),
        ("exponential", 20, "0.999^e from epoch 20"),
        ("cosine", 998, "epochs 998..1001 cross the restart at 1000"),
    ]:
        c = built(
            4,
            f"schedule-{sched}",
            f"Schedule {sched}: {why}. Minibatches of 4 of 8 samples, SGD with base rate 1.",
            [2, 4, 1], ["tanh", "sigmoid"], "bce", 500 + start, 8, {"name": "sgd", "lr": 1.0},
            batch_size=4, schedule=sched, start_epoch=start,
        )
        lrs = c["expected"]["train"]["epoch_lr"]
        assert (len(set(lrs)) == 1) == (sched == "constant"), lrs
        out.append(c)
    return out


def l1_zero_cases():
    """Exact zeros: input 2 is 0 in every sample, so weights from it get no data gradient; at w = 0
    the L1 subgradient is 0 too, so they stay exactly 0 (sign(0) = +-1 would move them)."""
    out = []
    for opt in [{"name": "sgd", "lr": 0.2}, {"name": "adam", "lr": 0.05}]:
        rng = np.random.default_rng(600)
        W0 = rng.normal(0, 0.6, (4, 3))
        W0[:, 2] = 0.0
        W0[1, 0] = 0.0  # a zero weight whose data gradient is not zero
        W1 = rng.normal(0, 0.5, (1, 4))
        W1[0, 3] = 0.0
        x = rng.uniform(-2, 2, (6, 3))
        x[:, 2] = 0.0
        c, rng = make_case(
            f"l1-exact-zero-weights-{opt['name']}",
            "L1 at exactly zero weights: subgradient 0 at 0. Weights from input 2 (always 0) start at 0 and stay 0.",
            [3, 4, 1], ["tanh", "linear"], "mse", 601, 6, opt, x=x, weights=[W0, W1],
            regularization="l1", regularization_rate=0.05,
        )
        net, _ = solve(c, rng, 4)
        assert np.all(net.W[0][:, 2] == 0.0)
        assert np.all(np.array(c["expected"]["grad_weights"][0])[:, 2] == 0.0)
        out.append(c)
    return out


def softmax_cases():
    hidden = {3: "tanh", 4: "sigmoid", 5: "leaky_relu", 6: "swish"}
    opts = {
        3: {"name": "sgd", "lr": 0.5},
        4: {"name": "momentum", "lr": 0.1, "momentum": 0.9},
        5: {"name": "adam", "lr": 0.02},
        6: {"name": "adam", "lr": 0.01, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6},
    }
    return [
        built(
            5,
            f"softmax-ce-k{k}",
            f"Softmax cross-entropy with K = {k} classes, every class in the batch; 5 full-batch steps.",
            [2, 5, k], [hidden[k], "softmax"], "softmax_ce", 700 + k, 2 * k + 1, opts[k],
        )
        for k in (3, 4, 5, 6)
    ]


def main():
    default = Path(__file__).resolve().parent.parent / "test/fixtures/golden-generated.json"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    cases = minibatch_cases() + optimizer_cases() + dropout_cases() + clip_cases() + schedule_cases()
    cases += l1_zero_cases() + softmax_cases()
    doc = {
        "generated_with": f"numpy {np.__version__}, float64, scripts/golden_gen.py",
        "conventions": CONVENTIONS,
        "cases": cases,
    }
    out.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {len(cases)} cases to {out}")


if __name__ == "__main__":
    main()
