"""Cold-process timing: CPU time (user + system) and peak memory from os.wait4."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass

Command = Sequence[str]


@dataclass
class Run:
    cpu: float  # seconds, user + system, of the process and its children
    wall: float
    maxrss_mib: float


def run(cmd: Command, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> Run:
    """Run ``cmd`` once in a fresh process; its CPU time and peak RSS via wait4."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or None
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.decode()[-400:]}")
    # wait4 reports the child only, not its grandchildren (build's workers):
    # for those, add RUSAGE_CHILDREN's growth (see ``run_tree``).
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def run_tree(cmd: Command, env: dict[str, str] | None = None) -> Run:
    """Like ``run`` but counting every descendant (a build's worker processes)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(list(cmd), check=True, stdout=subprocess.DEVNULL, env=env or None)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu, wall, after.ru_maxrss / 1024)


@dataclass
class Pair:
    """Alternating runs of a command and its reference."""

    ours: list[Run]
    ref: list[Run]

    def ratio(self, attr: str = "cpu") -> float:
        return float(
            statistics.median(getattr(r, attr) for r in self.ours)
            / statistics.median(getattr(r, attr) for r in self.ref)
        )

    def noise(self, attr: str = "cpu") -> float:
        """Relative spread of the ratio: the larger of both sides' (max - min) / median."""
        spreads = []
        for runs in (self.ours, self.ref):
            values = [getattr(r, attr) for r in runs]
            med = statistics.median(values)
            spreads.append((max(values) - min(values)) / med if med else 0.0)
        return max(spreads)


def alternate(ours: object, ref: object, repeat: int) -> Pair:
    """Run ``ours()`` and ``ref()`` alternately ``repeat`` times each (after one warm-up)."""
    assert callable(ours) and callable(ref)
    ours()
    ref()  # warm the page cache and .pyc files: users run warm
    pair = Pair([], [])
    for _ in range(repeat):
        pair.ours.append(ours())
        pair.ref.append(ref())
    return pair
