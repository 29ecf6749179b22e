"""Time one training epoch of the seed MLP in lossbook and in Keras 3 (JAX backend, CPU).

The network of the course's seed post: 784-300-200-100-10 (ReLU, softmax output),
Adam(learning_rate=0.005), sparse categorical cross-entropy, batch 32, trained on
the bundled MNIST training images (x / 255, flattened). Both frameworks compute in
the same precision (``--dtype``, float32 by default). Each runs in its own
subprocess, so that its peak memory (``ru_maxrss``) is its own, and the two take
turns epoch by epoch (never at the same time), so that both see the same load on a
shared machine. Each first trains one warm-up epoch (Keras compiles its training
step then), then ``--repeats`` timed epochs, each followed by a test-set evaluation
(not timed); the model keeps training, and the reported accuracy is the mean over
those evaluations (one epoch's accuracy at Adam 0.005 jitters by about a point).
Then one warm-up and a few timed epochs at batch 128. Besides wall-clock time it
reports the CPU time each epoch used, summed over all threads: Keras (XLA) spreads
its work over both cores, lossbook runs on one.

lossbook is judged per core: it is single-threaded by design. So the full run has two
rounds: first both frameworks pinned to one CPU (the per-core comparison), then both
free on two CPUs (Keras's threads against lossbook's one).

    python benchmarks/mlp_vs_keras.py                 # both rounds (about two minutes)
    python benchmarks/mlp_vs_keras.py --limit 256 --repeats 1   # smoke test
    python benchmarks/mlp_vs_keras.py --blas-threads 2   # lossbook's BLAS on 2 threads
    python benchmarks/mlp_vs_keras.py --cpus 1   # only the round pinned to one CPU
    python benchmarks/mlp_vs_keras.py --cpus 2   # only the round on two CPUs

Times vary from run to run on a shared machine: the minimum is the fairest single
number; the ratios use medians. The last line is machine-readable and leads with the
per-core ratio: ``per_core_ratio=<r> two_core_wall_ratio=<w> two_core_cpu_ratio=<c>
acc_lossbook=<a> acc_keras=<b>``: lossbook/Keras ratios of median epoch times, r of the
CPU time with both pinned to one CPU (on one CPU that is the time the epoch needs, and
unlike wall time it does not grow when other programs share the CPU), w of wall time
and c of CPU time (all threads) on two CPUs; "n/a" marks a round that was not run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

ARCH = (300, 200, 100)
LEARNING_RATE = 0.005


def _data(limit, dtype):
    import numpy as np

    from lossbook.datasets import load_mnist

    (x_train, y_train), (x_test, y_test) = load_mnist()
    if limit:
        x_train, y_train = x_train[:limit], y_train[:limit]
        x_test, y_test = x_test[:limit], y_test[:limit]
    x_train = x_train.reshape(len(x_train), -1).astype(dtype) / np.dtype(dtype).type(255)
    x_test = x_test.reshape(len(x_test), -1).astype(dtype) / np.dtype(dtype).type(255)
    return x_train, y_train.astype(np.int64), x_test, y_test.astype(np.int64)


def _lossbook_worker(args):
    import lossbook.model
    from lossbook.model import Dense, Sequential
    from lossbook.optimizers import Adam

    if args.blas_threads is not None:  # 0: leave NumPy's BLAS thread count alone
        lossbook.model.BLAS_THREADS = args.blas_threads or None
    x, y, x_test, y_test = _data(args.limit, args.dtype)

    def build():
        model = Sequential(
            [*(Dense(u, activation="relu") for u in ARCH), Dense(10, activation="softmax")],
            seed=0, dtype=args.dtype,
        )
        model.compile(optimizer=Adam(learning_rate=LEARNING_RATE),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        return model

    def fit(model, batch_size):
        model.fit(x, y, epochs=1, batch_size=batch_size, verbose=0)

    def accuracy(model):
        return model.evaluate(x_test, y_test, batch_size=256, verbose=0)[1]

    return _serve(build, fit, accuracy)


def _keras_worker(args):
    os.environ["KERAS_BACKEND"] = "jax"
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    if args.dtype == "float64":
        os.environ["JAX_ENABLE_X64"] = "1"
    import keras

    keras.config.set_floatx(args.dtype)
    keras.utils.set_random_seed(0)
    x, y, x_test, y_test = _data(args.limit, args.dtype)

    def build():
        model = keras.Sequential(
            [keras.Input((x.shape[1],)),
             *(keras.layers.Dense(u, activation="relu") for u in ARCH),
             keras.layers.Dense(10, activation="softmax")]
        )
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        return model

    def fit(model, batch_size):
        model.fit(x, y, epochs=1, batch_size=batch_size, verbose=0)

    def accuracy(model):
        return float(model.evaluate(x_test, y_test, batch_size=256, verbose=0)[1])

    return _serve(build, fit, accuracy)


def _serve(build, fit, accuracy):
    """Worker loop: obey one command per stdin line, answer one JSON line on stdout.

    The parent alternates the two workers epoch by epoch, so that both see the same
    load on a shared machine; the idle worker just waits on stdin.
    """
    model = build()
    for line in sys.stdin:
        cmd, *rest = line.split()
        if cmd == "epoch":
            start, cpu = time.perf_counter(), time.process_time()
            fit(model, int(rest[0]))
            answer = {"seconds": time.perf_counter() - start,
                      "cpu_seconds": time.process_time() - cpu}
        elif cmd == "accuracy":
            answer = {"accuracy": accuracy(model)}
        else:  # "done"
            answer = {"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        print(json.dumps(answer), flush=True)
        if cmd == "done":
            return


class _Worker:
    def __init__(self, framework, args):
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", framework,
               "--dtype", args.dtype]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        if args.blas_threads is not None:
            cmd += ["--blas-threads", str(args.blas_threads)]
        # pinned before it starts, so that every thread the framework creates inherits it
        pin = (lambda: os.sched_setaffinity(0, args.cpu_set)) if args.cpu_set else None
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
        self.name = framework
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, env=env, preexec_fn=pin)

    def ask(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"{self.name} worker died (exit code {self.proc.wait()})")
        return json.loads(line)


def _run(args):
    workers = [_Worker(fw, args) for fw in ("lossbook", "keras")]
    res = {w.name: {"times": [], "times_128": [], "accuracy": [], "cpu": []}
           for w in workers}

    def each(command, key=None):
        for w in workers:  # one after the other, never at the same time
            answer = w.ask(command)
            if key:
                res[w.name][key].append(next(iter(answer.values())))
                if key == "times":
                    res[w.name]["cpu"].append(answer["cpu_seconds"])
            else:
                res[w.name].update(answer)

    try:
        each(f"epoch {args.batch_size}", None)  # warm-up epoch (Keras compiles here)
        for w in workers:
            res[w.name]["warmup"] = res[w.name].pop("seconds")
            res[w.name].pop("cpu_seconds")
        for _ in range(args.repeats):
            each(f"epoch {args.batch_size}", "times")
            each("accuracy", "accuracy")
        each("epoch 128")  # warm-up at the new batch size
        for _ in range(max(1, args.repeats // 2)):
            each("epoch 128", "times_128")
        each("done")
    finally:
        for w in workers:
            w.proc.stdin.close()
            w.proc.wait()
    return res


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed epochs (default 5)")
    parser.add_argument("--limit", type=int, default=0,
                        help="use only the first N images (smoke test)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument("--blas-threads", type=int, default=None,
                        help="BLAS threads for lossbook (default lossbook.model.BLAS_THREADS;"
                             " 0 leaves NumPy's own setting)")
    parser.add_argument("--cpus", type=int, default=0,
                        help="run one round only, both frameworks pinned to the first N CPUs"
                             " this process may use (Linux; default: a round on one CPU, then"
                             " one on two)")
    parser.add_argument("--worker", choices=["lossbook", "keras"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be >= 1")
    args.cpu_set = None
    if args.cpus:
        if not hasattr(os, "sched_setaffinity"):
            parser.error("--cpus needs os.sched_setaffinity (Linux)")
        if not 1 <= args.cpus <= len(os.sched_getaffinity(0)):
            parser.error(f"--cpus must be between 1 and {len(os.sched_getaffinity(0))}")

    if args.worker:
        (_lossbook_worker if args.worker == "lossbook" else _keras_worker)(args)
        return

    allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if args.cpus:
        rounds = [args.cpus]
    else:  # the per-core round needs pinning; the two-core round needs two CPUs
        rounds = ([1] if allowed else []) + ([2] if len(allowed) >= 2 else []) or [0]
    summary = {}
    for n_cpus in rounds:
        args.cpu_set = set(allowed[:n_cpus]) if allowed else None
        summary[n_cpus] = _report(args, _run(args))
    acc = summary[rounds[-1]]["acc"]
    one, two = summary.get(1), summary.get(2, summary.get(0))  # 0: no pinning possible
    print(f"lossbook/Keras per epoch, pinned to one CPU: CPU time {_fmt(one, 'cpu')}"
          f" (wall {_fmt(one, 'wall')}); on two CPUs: wall {_fmt(two, 'wall')},"
          f" CPU time {_fmt(two, 'cpu')}")
    print(f"per_core_ratio={_fmt(one, 'cpu')} two_core_wall_ratio={_fmt(two, 'wall')}"
          f" two_core_cpu_ratio={_fmt(two, 'cpu')}"
          f" acc_lossbook={acc['lossbook']:.4f} acc_keras={acc['keras']:.4f}")


def _fmt(summary, key):
    return "n/a" if summary is None else f"{summary[key]:.2f}"


def _blas_kernel():
    """NumPy's BLAS and the CPU kernel it chose, e.g. "openblas SkylakeX" (threadpoolctl)."""
    try:
        import numpy  # noqa: F401 - loads the BLAS library threadpoolctl inspects
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown"
    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    names = [f"{i.get('internal_api')} {i.get('architecture', '?')}" for i in blas]
    return ", ".join(names) or "none"


def _report(args, results):
    """Print one round; return its median ratios (wall, CPU) and mean accuracies."""
    n = args.limit or "all bundled"
    print(f"seed MLP 784-300-200-100-10, Adam({LEARNING_RATE}), {n} training images, "
          f"{args.dtype} in both, batch {args.batch_size}; 1 warm-up epoch, then "
          f"{args.repeats} timed epochs, lossbook and Keras alternating epoch by epoch; "
          f"lossbook BLAS threads: "
          f"{'default' if args.blas_threads is None else args.blas_threads or 'NumPy own'}"
          f"; CPUs: {'all' if not args.cpu_set else sorted(args.cpu_set)}; NumPy BLAS kernel: "
          f"{_blas_kernel()}")
    for fw, r in results.items():
        t, acc = r["times"], r["accuracy"]
        print(f"{fw:>8}: epoch min {min(t):.3f} s, median {statistics.median(t):.3f} s"
              f" (warm-up {r['warmup']:.3f} s); batch 128: min {min(r['times_128']):.3f} s;"
              f" test accuracy after epochs 2..{1 + len(acc)}: "
              + " ".join(f"{a:.4f}" for a in acc)
              + f" (mean {statistics.mean(acc):.4f}); peak RSS {r['maxrss_mb']:.0f} MB")
        cpu = statistics.median(r["cpu"])
        print(f"{'':>8}  CPU time per epoch (all threads) median {cpu:.3f} s,"
              f" i.e. {cpu / statistics.median(t):.2f} cores busy on average")
    med = {fw: statistics.median(r["times"]) for fw, r in results.items()}
    ratio = med["lossbook"] / med["keras"]
    mins = min(results["lossbook"]["times"]) / min(results["keras"]["times"])
    pairs = statistics.median(
        [a / b for a, b in zip(results["lossbook"]["times"], results["keras"]["times"],
                               strict=True)]
    )
    cpu = {fw: statistics.median(r["cpu"]) for fw, r in results.items()}
    print(f"lossbook/keras epoch time: ratio of medians {ratio:.2f}, of minima {mins:.2f},"
          f" median of paired ratios {pairs:.2f}; CPU time per epoch:"
          f" {cpu['lossbook'] / cpu['keras']:.2f}\n")
    return {"wall": ratio, "cpu": cpu["lossbook"] / cpu["keras"],
            "acc": {fw: statistics.mean(r["accuracy"]) for fw, r in results.items()}}


if __name__ == "__main__":
    main()
