"""Benchmark of touch logs at scale (run: ``python benchmarks/touchlog.py``).

Prints, in one run, each figure next to a baseline measured in the same run and the ratio:

* ``footviz hit --csv`` on 1,000,000 rows (a subprocess, start-up included) against copying
  the same CSV through Python's ``csv`` module (also a subprocess).  Target: ratio >= 1.  Then
  the stream alone (``hit_file`` in this process) against the same copy in this process.
* the peak memory (VmHWM) of ``footviz hit --csv`` at 1 M and 10 M rows.  Target: <= 150 MB
  at 10 M rows, about the same at both sizes.
* ``footviz.hit_frame`` on a pandas DataFrame against ``atlas.hit_many`` on its columns.
* ``hit_frame`` on a Dask DataFrame read from Parquet: one process against a
  ``LocalCluster`` of two worker processes, on the same data.
* dask-geopandas ``sjoin`` of the same points with the zone polygons, where it is installed.

Options: ``--rows N`` (default 1,000,000) and ``--big-rows N`` (default 10,000,000; 0 skips).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from timing import best_of  # noqa: E402

import footviz  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
# prints the process's own peak resident memory (kB) after running the command line
PEAK = (
    "import sys; from footviz.cli import main; rc = main(sys.argv[1:]);"
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')];"
    "print(hwm[0].split()[1] if hwm else -1, file=sys.stderr); sys.exit(rc)"
)
COPY = (
    "import csv, sys\n"
    "with open(sys.argv[1], newline='') as i, open(sys.argv[2], 'w', newline='') as o:\n"
    "    csv.writer(o).writerows(csv.reader(i))\n"
)


def points(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = np.round(rng.uniform(-50, 45, n), 2)
    y = np.round(rng.uniform(0, 250, n), 2)
    feet = np.where(rng.random(n) < 0.5, "left", "right")
    return x, y, feet


def write_csv(path: Path, n: int, repeat: int = 1) -> None:
    x, y, feet = points(n)
    with open(path, "wb") as h:
        h.write(b"x,y,foot\n")
        block = "".join(f"{a},{b},{f}\n" for a, b, f in zip(x, y, feet, strict=True)).encode()
        for _ in range(repeat):
            h.write(block)


def copy_csv(src: Path, dst: Path) -> None:
    import csv

    with open(src, newline="") as i, open(dst, "w", newline="") as o:
        csv.writer(o).writerows(csv.reader(i))


def timed(cmd: list[str], repeat: int = 3) -> tuple[float, int]:
    """Best wall time of ``cmd`` and the peak memory (kB) it printed on its last stderr line."""
    best, peak = float("inf"), -1
    for _ in range(repeat):
        t = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
        best = min(best, time.perf_counter() - t)
        if r.returncode:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{r.stderr}")
        tail = r.stderr.strip().splitlines()
        if tail and tail[-1].lstrip("-").isdigit():
            peak = int(tail[-1])
    return best, peak


def line(label: str, value: float, unit: str, base_label: str, base: float) -> None:
    ratio = value / base if base else float("nan")
    print(f"  {label:<34} {value:>12,.0f} {unit:<7} {base_label:<30} {base:>12,.0f}  x{ratio:.2f}")


def bench_cli(tmp: Path, rows: int, big_rows: int) -> None:
    src, out = tmp / "touches.csv", tmp / "out.csv"
    write_csv(src, rows)
    print(f"footviz hit --csv, {rows:,} rows ({src.stat().st_size / 1e6:.1f} MB CSV)")
    cli, peak = timed([sys.executable, "-c", PEAK, "hit", "--csv", str(src), "-o", str(out)])
    copy, _ = timed([sys.executable, "-c", COPY, str(src), str(tmp / "copy.csv")])
    line("hit --csv (rows/s)", rows / cli, "rows/s", "csv-module copy (rows/s)", rows / copy)
    # the stream alone, in this process (no interpreter start, imports or atlas loading)
    from footviz.hit.touchlog import hit_file

    atlas = footviz.load_atlas()
    atlas.hit_index().build()
    stream = best_of(lambda: hit_file(src, out, atlas=atlas))
    plain = best_of(lambda: copy_csv(src, tmp / "copy.csv"))
    line(
        "hit_file in process (rows/s)",
        rows / stream,
        "rows/s",
        "csv copy in process (rows/s)",
        rows / plain,
    )
    if big_rows:
        big = tmp / "big.csv"
        write_csv(big, rows, repeat=max(1, big_rows // rows))
        n = rows * max(1, big_rows // rows)
        t, big_peak = timed(
            [sys.executable, "-c", PEAK, "hit", "--csv", str(big), "-o", str(out)], repeat=1
        )
        print(f"  (at {n:,} rows: {t:.1f} s, {n / t:,.0f} rows/s)")
        line(f"peak RSS at {n:,} rows (kB)", big_peak, "kB", "target 150 MB (kB)", 150 * 1024)
        line(f"peak RSS at {n:,} rows (kB)", big_peak, "kB", f"at {rows:,} rows (kB)", peak)
        big.unlink()
    else:
        line(f"peak RSS at {rows:,} rows (kB)", peak, "kB", "target 150 MB (kB)", 150 * 1024)


def bench_frames(tmp: Path, rows: int) -> None:
    try:
        import pandas as pd
    except ImportError:
        print("hit_frame: skipped: pandas not installed")
        return
    atlas = footviz.load_atlas()
    atlas.hit_index().build()
    x, y, feet = points(rows, seed=1)
    df = pd.DataFrame({"x": x, "y": y, "foot": feet})
    print(f"hit_frame, {rows:,} rows")

    def raw():
        for foot in ("left", "right"):
            sel = feet == foot
            atlas.hit_many(x[sel], y[sel], foot)

    t_frame = best_of(lambda: footviz.hit_frame(df, atlas=atlas))
    t_raw = best_of(raw)
    line(
        "pandas hit_frame (rows/s)",
        rows / t_frame,
        "rows/s",
        "hit_many per foot (rows/s)",
        rows / t_raw,
    )

    try:
        import dask
        import dask.dataframe as dd
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("  dask: skipped: not installed")
        return
    folder = tmp / "touches.parquet"
    folder.mkdir()
    parts = 8
    for i, chunk in enumerate(np.array_split(np.arange(rows), parts)):
        df.iloc[chunk].to_parquet(folder / f"part-{i}.parquet")
    ddf = dd.read_parquet(str(folder))

    def count():
        # a reduction: every row is hit-tested, only a number comes back
        return footviz.hit_frame(ddf, atlas=atlas)["zone"].count().compute()

    with dask.config.set(scheduler="sync"):
        t_one = best_of(count)
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        count()  # warm: workers import footviz and build their index once
        t_cluster = best_of(count)
    line(
        "dask LocalCluster 2 procs (rows/s)",
        rows / t_cluster,
        "rows/s",
        "dask one process (rows/s)",
        rows / t_one,
    )
    try:
        import dask_geopandas  # noqa: F401
    except ImportError:
        print("  dask-geopandas sjoin: skipped: not installed")
        return
    bench_sjoin(ddf, atlas, rows, t_one)


def bench_sjoin(ddf, atlas, rows: int, t_one: float) -> None:  # pragma: no cover - optional
    import dask_geopandas
    import geopandas as gpd

    zones = gpd.GeoDataFrame(
        {"zone": [s.zone.id for s in atlas.shapes("left", "plantar")]},
        geometry=[s.geometry for s in atlas.shapes("left", "plantar")],
    )
    left = ddf[ddf.foot == "left"]
    pts = dask_geopandas.from_dask_dataframe(
        left, geometry=dask_geopandas.points_from_xy(left, "x", "y")
    )

    def run():
        return dask_geopandas.sjoin(pts, zones, predicate="within")["zone"].count().compute()

    t = best_of(run)
    line(
        "dask-geopandas sjoin (rows/s)",
        rows / 2 / t,
        "rows/s",
        "hit_frame one process",
        rows / t_one,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big-rows", type=int, default=10_000_000)
    args = parser.parse_args()
    print(
        f"footviz {footviz.__version__}, numpy {np.__version__}, {os.cpu_count()} CPUs, "
        f"python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory() as d:
        bench_cli(Path(d), args.rows, args.big_rows)
        bench_frames(Path(d), args.rows)


if __name__ == "__main__":
    main()
