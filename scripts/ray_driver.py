"""Run `cleanalign` over a cluster with Ray: `plan`, then each phase's shards as Ray tasks, each followed by
its `merge` barrier. Every task runs the `cleanalign` binary (the CLI contract of docs/scale-out.md); nothing
of cleanalign is imported, so the workers need only the binary and the shared folders.

    python scripts/ray_driver.py --raw /shared/raw --out /shared/out --shards 64 \
        [--config pipeline.toml] [--binary /opt/cleanalign/bin/cleanalign] [--address auto]

`--out` (and `--raw`) must be the same path on every node (a shared filesystem). Without `--address`, Ray
starts a cluster on this machine (what scripts/check_ray.sh does). A shard that fails is retried by Ray; a
shard already complete exits at once (`worker` writes a completion marker), so rerunning the driver after a
failure redoes only what is missing.

Exit code: that of the last `merge` (0, or 1 when some inputs failed, as `cleanalign run`), or 2 when a
phase could not finish.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

import ray

PHASES = ("scan", "clean", "align")


@ray.remote(num_cpus=1, max_retries=2)
def run_shard(binary: str, out: str, phase: str, shard: int) -> int:
    """One shard of one phase. Exit code 1 (some inputs failed) is a finished shard, not a failed one."""
    done = subprocess.run(
        [binary, "worker", "--out", out, "--phase", phase, "--shard", str(shard)],
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{phase} shard {shard} exited {done.returncode}: {done.stderr.strip()}")
    return done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--shards", type=int, required=True)
    parser.add_argument("--config")
    parser.add_argument("--binary", default=shutil.which("cleanalign") or "cleanalign")
    parser.add_argument("--address", help="Ray cluster address (default: a local Ray started here)")
    parser.add_argument("--num-cpus", type=int, help="CPUs of the local Ray (default: all)")
    args = parser.parse_args()
    # The plan stores the raw folder as given and every task resolves it from where it starts: absolute paths.
    args.raw, args.out = os.path.abspath(args.raw), os.path.abspath(args.out)

    plan = [args.binary, "plan", "--raw", args.raw, "--out", args.out, "--shards", str(args.shards)]
    if args.config:
        plan += ["--config", args.config]
    subprocess.run(plan, check=True)

    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=args.num_cpus, include_dashboard=False)
    merged = 0
    try:
        for phase in PHASES:
            codes = ray.get([run_shard.remote(args.binary, args.out, phase, i) for i in range(args.shards)])
            print(f"{phase}: {len(codes)} shards done ({sum(c == 1 for c in codes)} with failed inputs)")
            merged = subprocess.run([args.binary, "merge", "--out", args.out, "--phase", phase]).returncode
            if merged not in (0, 1):
                print(f"merge --phase {phase} exited {merged}", file=sys.stderr)
                return 2
    except (ray.exceptions.RayTaskError, subprocess.CalledProcessError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        ray.shutdown()
    return merged


if __name__ == "__main__":
    sys.exit(main())
