"""The reference workload of scripts/bench in SimPy: M/M/2 at rho = 0.8 (160 jobs/s, two
servers, exponential service with a 10 ms mean) until `jobs` jobs have arrived. Prints one
JSON line like the native and wasm runs: jobs, seconds, and the mean wait as a sanity check
against theory (Erlang C: Wq = 17.8 ms for these rates).

    python bench/simpy_mm2.py [jobs] [runs]

With several runs it reports the fastest, as the ScaleLab runs do (examples/bench.rs): load
from elsewhere only ever adds time.
"""
import json
import random
import sys
import time

import simpy

RATE, SERVICE_MEAN, SERVERS = 160.0, 0.010, 2


def run(jobs):
    """One run: (seconds, mean wait in ms)."""
    rng = random.Random(1)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    waited = [0.0, 0]

    def job():
        arrived = env.now
        with servers.request() as req:
            yield req
            waited[0] += env.now - arrived
            waited[1] += 1
            yield env.timeout(rng.expovariate(1.0 / SERVICE_MEAN))

    def source():
        for _ in range(jobs):
            yield env.timeout(rng.expovariate(RATE))
            env.process(job())

    env.process(source())
    start = time.perf_counter()
    env.run()
    secs = time.perf_counter() - start
    return secs, 1000 * waited[0] / max(waited[1], 1)


def main():
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    runs = max(1, int(sys.argv[2])) if len(sys.argv) > 2 else 1
    results = sorted(run(jobs) for _ in range(runs))
    secs, mean_wait_ms = results[0]
    print(json.dumps({
        "workload": "mm2", "items": jobs, "unit": "jobs", "secs": round(secs, 6),
        "runs": [round(r[0], 6) for r in results],
        "mean_wait_ms": round(mean_wait_ms, 3),
        "simpy": simpy.__version__,
    }))


if __name__ == "__main__":
    main()
