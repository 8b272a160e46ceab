//! The queue model on small, hand-checkable cases (constant arrivals, constant service), the
//! retry arithmetic, autoscaling limits, bounded memory, and determinism.
use scalelab_sim::arrivals::ArrivalPattern;
use scalelab_sim::dist::ServiceDist;
use scalelab_sim::engine::{from_secs, Simulation, MILLI, SECOND};
use scalelab_sim::params::Params;
use scalelab_sim::queue::{Autoscale, Backoff, Outcome, QueueParams, QueueReport, QueueSim};

/// Constant arrivals at `rate`/s (the first at 1/rate), constant service, no failures.
fn clockwork(rate: f64, service_ms: f64, workers: u32, duration_s: f64) -> QueueParams {
    QueueParams {
        arrival: ArrivalPattern::Constant,
        rate,
        service: ServiceDist::Deterministic,
        service_ms,
        workers,
        duration_s,
        ..QueueParams::default()
    }
}

fn run(p: &QueueParams, seed: u64) -> QueueReport {
    QueueSim::new(p, seed).run_to_end()
}

/// Arrivals every 1 s, 0.5 s of work, one worker: nobody ever waits (D/D/1 with ρ = 0.5).
/// Arrivals at 1, 2, …, 9 s (10 s is the horizon): 9 jobs, utilisation exactly 4.5/10.
#[test]
fn underloaded_clockwork_never_waits() {
    let r = run(&clockwork(1.0, 500.0, 1, 10.0), 1);
    assert_eq!((r.jobs_arrived, r.completed, r.in_system_at_end), (9, 9, 0));
    assert_eq!((r.wait.max, r.wait.mean, r.p_wait), (0.0, 0.0, 0.0));
    assert_eq!((r.sojourn.mean, r.sojourn.max), (0.5, 0.5));
    assert_eq!(r.utilisation, 0.45);
    assert_eq!(r.mean_in_system_l, 0.45);
    assert_eq!(r.little_l_from_law, 0.9 * 0.5);
}

/// Arrivals every 0.5 s, 1 s of work, one worker (ρ = 2): job n arrives at n/2 s and starts
/// at 0.5 + (n − 1) s, so it waits (n − 1)/2 s: 0, 0.5, 1.0, … By 10.25 s, 20 jobs arrived,
/// jobs 1–10 started (waits 0 … 4.5 s, mean 2.25 s), 9 finished.
#[test]
fn overloaded_clockwork_waits_grow_linearly() {
    let mut sim = QueueSim::new(&clockwork(2.0, 1000.0, 1, 10.25), 1);
    let mut waits_seen = Vec::new();
    while sim.step() {
        let r = sim.report();
        if r.wait.count > waits_seen.len() as u64 {
            waits_seen.push(r.wait.max);
        }
    }
    let expected: Vec<f64> = (0..10).map(|i| i as f64 / 2.0).collect();
    assert_eq!(waits_seen, expected);
    let r = sim.report();
    assert_eq!(
        (r.jobs_arrived, r.attempts, r.completed, r.in_system_at_end),
        (20, 10, 9, 11)
    );
    assert_eq!(r.wait.mean, 2.25);
    assert!(
        (r.wait.p50 - 2.0).abs() <= 0.002,
        "p50 {} (3 significant digits)",
        r.wait.p50
    );
    assert_eq!(r.utilisation, 9.75 / 10.25);
}

/// Arrivals every 0.1 s, 1.04 s of work, one worker, room for 2 waiting, run 3 s. Job 1
/// (0.1 s) is served until 1.14 s, jobs 2–3 wait, 4–11 are dropped (8); job 12 (1.2 s) gets
/// the place job 2 freed at 1.14 s, 13–21 are dropped (9); job 3 starts at 2.18 s, job 22
/// takes its place, 23–29 are dropped (7). Total 24 of 29 dropped, 2 completed, 3 inside.
#[test]
fn full_queue_drops_exactly() {
    let p = QueueParams {
        capacity: 2,
        ..clockwork(10.0, 1040.0, 1, 3.0)
    };
    let r = run(&p, 1);
    assert_eq!(
        (r.jobs_arrived, r.dropped, r.completed, r.in_system_at_end),
        (29, 24, 2, 3)
    );
    assert_eq!(r.drop_rate, 24.0 / 29.0);
    let mut sim = QueueSim::new(&p, 1);
    sim.step_until(from_secs(1.15));
    let v = sim.view(10);
    assert_eq!(
        (v.queue_len, v.queued[0].id, v.workers[0].job.map(|j| j.id)),
        (1, 2, Some(1))
    );
    assert_eq!(
        v.recent
            .iter()
            .filter(|e| e.outcome == Outcome::Dropped)
            .count(),
        8
    );
}

/// Retries: each attempt fails independently with p, at most n attempts. Attempts per job
/// K has E[K] = Σ_{i<n} p^i = (1 − p^n)/(1 − p), and a job is dead-lettered with probability
/// p^n (a truncated geometric distribution; e.g. Ross, *A First Course in Probability*,
/// geometric random variables). Checked within 4 standard errors.
#[test]
fn retry_amplification_and_dead_letters() {
    for (p, n) in [(0.5, 3u32), (0.2, 5), (0.9, 2)] {
        let params = QueueParams {
            rate: 1000.0,
            service: ServiceDist::Deterministic,
            service_ms: 1.0,
            workers: 50,
            duration_s: 200.0,
            fail_prob: p,
            max_attempts: n,
            backoff: Backoff::None,
            ..QueueParams::default()
        };
        let r = run(&params, 5);
        let jobs = r.jobs_arrived as f64;
        let mean_k = (1.0 - p.powi(n as i32)) / (1.0 - p);
        let k2: f64 = (1..=n)
            .map(|k| {
                let prob = if k < n {
                    p.powi(k as i32 - 1) * (1.0 - p)
                } else {
                    p.powi(n as i32 - 1)
                };
                prob * (k * k) as f64
            })
            .sum();
        let se_k = ((k2 - mean_k * mean_k) / jobs).sqrt();
        assert!(
            (r.retry_amplification - mean_k).abs() < 4.0 * se_k + 1e-4,
            "p={p} n={n}: {}",
            r.retry_amplification
        );
        let q = p.powi(n as i32);
        let se_dlq = (jobs * q * (1.0 - q)).sqrt();
        assert!(
            (r.dead_letter as f64 - jobs * q).abs() < 4.0 * se_dlq,
            "DLQ {} vs {}",
            r.dead_letter,
            jobs * q
        );
        assert_eq!(
            r.attempts,
            r.completed + r.failed_attempts + r.in_system_at_end
        );
        assert_eq!(r.failed_attempts, r.retries + r.dead_letter);
    }
}

/// The gaps between one job's attempts: failing attempt a ends at t_a; the retry joins the
/// queue after the back-off, finds a free worker and ends 100 ms later, so
/// t_{a+1} − t_a = backoff(a) + 100 ms exactly: none 0; linear 10 ms × a; exponential
/// 10 ms × 2^(a−1); with full jitter anywhere in [0, backoff(a)].
#[test]
fn backoff_delays_are_exact() {
    for (backoff, jitter) in [
        (Backoff::None, false),
        (Backoff::Linear, false),
        (Backoff::Exponential, false),
        (Backoff::Exponential, true),
    ] {
        // One job (the only arrival is at 10 s), failing 95% of the time, up to 10 attempts.
        let p = QueueParams {
            rate: 0.1,
            fail_prob: 0.95,
            max_attempts: 10,
            backoff,
            backoff_ms: 10.0,
            jitter,
            ..clockwork(0.1, 100.0, 1, 19.0)
        };
        let mut sim = QueueSim::new(&p, 3);
        while sim.step() {}
        let exits = sim.view(0).recent;
        assert!(
            exits.len() >= 3,
            "{backoff:?}: only {} attempts",
            exits.len()
        );
        assert!(exits.iter().all(|e| e.job.id == 0));
        for (a, pair) in exits.windows(2).enumerate() {
            let attempt = a as u64 + 1;
            assert_eq!(pair[0].outcome, Outcome::Retry);
            assert_eq!(pair[1].job.attempt as u64, attempt + 1);
            let gap = pair[1].at - pair[0].at - 100 * MILLI;
            let full = match backoff {
                Backoff::None => 0,
                Backoff::Linear => 10 * MILLI * attempt,
                Backoff::Exponential => (10 * MILLI) << (attempt - 1),
            };
            if jitter {
                assert!(gap <= full, "{backoff:?} attempt {attempt}: {gap} > {full}");
            } else {
                assert_eq!(gap, full, "{backoff:?} attempt {attempt}");
            }
        }
    }
}

/// A 4× spike with 4 starting workers: the autoscaler adds workers during the spike, stays
/// within [min, max], and shrinks back afterwards; workers still starting are shown as such.
#[test]
fn autoscaling_follows_a_spike_within_limits() {
    for (autoscale, target) in [(Autoscale::Utilization, 70.0), (Autoscale::QueueDepth, 1.0)] {
        let p = QueueParams {
            arrival: ArrivalPattern::Spike,
            rate: 5.0,
            spike_factor: 4.0,
            spike_start_s: 100.0,
            spike_len_s: 100.0,
            duration_s: 400.0,
            workers: 4,
            autoscale,
            target,
            min_workers: 3,
            max_workers: 25,
            scale_delay_s: 5.0,
            ..QueueParams::default()
        };
        assert!(p.clone().validate().1.is_empty());
        let mut sim = QueueSim::new(&p, 9);
        let (mut most, mut fewest, mut saw_starting) = (0, usize::MAX, false);
        while sim.step() {
            let v = sim.view(0);
            most = most.max(v.workers.len());
            fewest = fewest.min(v.workers.iter().filter(|w| !w.retiring).count());
            saw_starting |= v.workers.iter().any(|w| w.starting);
        }
        let r = sim.report();
        let mean_workers = |from: f64, to: f64| {
            let w: Vec<f64> = r
                .series
                .iter()
                .filter(|s| s.t_secs > from && s.t_secs <= to)
                .map(|s| s.workers)
                .collect();
            w.iter().sum::<f64>() / w.len() as f64
        };
        let (before, during, after) = (
            mean_workers(20.0, 100.0),
            mean_workers(120.0, 200.0),
            mean_workers(300.0, 400.0),
        );
        assert!(most <= 25 && fewest >= 3, "{autoscale:?}: {fewest}..{most}");
        assert!(saw_starting);
        assert!(
            during > 15.0 && during > before + 5.0,
            "{autoscale:?}: {before} then {during} workers"
        );
        assert!(
            after < during - 5.0,
            "{autoscale:?}: {during} then {after} workers"
        );
        assert!(r.theory.is_none());
    }
}

/// Validation caps the pathological run (5000 jobs/s, one 1 s worker, no queue limit) at
/// 10^6 expected jobs; it finishes, the queue holds ~10^6 jobs, and the view stays small.
#[test]
fn pathological_run_is_bounded() {
    let (p, notices) = QueueParams {
        rate: 5000.0,
        workers: 1,
        duration_s: 86_400.0,
        ..QueueParams::default()
    }
    .validate();
    assert_eq!(p.duration_s, 200.0);
    assert_eq!(notices.len(), 1);
    let mut sim = QueueSim::new(&p, 2);
    while sim.step() {}
    let v = sim.view(50);
    assert_eq!(v.queued.len(), 50);
    assert!(v.queue_len > 900_000);
    assert!(v.recent.len() <= 64);
    let r = sim.report();
    assert_eq!(r.series.len(), 200);
    assert!(serde_json::to_string(&r).unwrap().len() < 200_000);
}

/// Same parameters and seed: identical reports (also as JSON). Another seed: different.
/// More workers: the very same arrivals (they have their own random stream). Stepping in
/// small slices: the same report as running straight to the end.
#[test]
fn runs_are_deterministic() {
    let p = QueueParams {
        duration_s: 120.0,
        fail_prob: 0.2,
        capacity: 30,
        autoscale: Autoscale::Utilization,
        workers: 6,
        ..QueueParams::default()
    };
    let a = run(&p, 77);
    let b = run(&p, 77);
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    let other = run(&p, 78);
    assert_ne!(a, other);
    assert_ne!(a.wait, other.wait);

    let fixed = QueueParams {
        autoscale: Autoscale::Off,
        ..p.clone()
    };
    let few = run(&fixed, 77);
    let more = run(
        &QueueParams {
            workers: 20,
            ..fixed
        },
        77,
    );
    assert_eq!(few.jobs_arrived, more.jobs_arrived);
    let arrivals = |r: &QueueReport| {
        r.series
            .iter()
            .map(|s| s.arrivals_per_s)
            .collect::<Vec<_>>()
    };
    assert_eq!(arrivals(&few), arrivals(&more));
    assert_eq!(arrivals(&a), arrivals(&more));
    assert!(few.wait.mean > 2.0 * more.wait.mean);

    let mut sliced = QueueSim::new(&p, 77);
    let mut t = 0;
    while !sliced.is_done() {
        t += 16_667; // one animation frame at 1× speed, in µs
        sliced.step_until(t);
        let _ = sliced.view(20);
    }
    assert_eq!(sliced.report(), a);
    assert_eq!(sliced.now(), 120 * SECOND);
}

/// Every field at its minimum and at its maximum (the others at their defaults), plus
/// seeded random combinations: validation makes each runnable, the run never panics, and
/// every number in the report is finite (serde_json would turn NaN or infinity into
/// `null`, so only the documented optional fields may be `null`).
#[test]
fn any_validated_parameters_run_and_report_finite_numbers() {
    use rand::{Rng, SeedableRng};
    use scalelab_sim::params::{FieldKind, FieldValue};
    let mut cases = Vec::new();
    for field in QueueParams::fields() {
        if let FieldKind::Number { min, max, .. } = field.kind {
            for x in [min, max] {
                let mut p = QueueParams::default();
                (field.set)(&mut p, FieldValue::Num(x));
                cases.push(p);
            }
        }
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
    for _ in 0..60 {
        let mut p = QueueParams::default();
        for field in QueueParams::fields() {
            let value = match field.kind {
                FieldKind::Number { min, max, .. } => {
                    FieldValue::Num(min + (max - min) * rng.random::<f64>().powi(3))
                }
                FieldKind::Choice(choices) => {
                    FieldValue::Choice(choices[rng.random_range(0..choices.len())].value.into())
                }
                FieldKind::Toggle => FieldValue::Bool(rng.random()),
                FieldKind::Text { .. } => FieldValue::Text(String::new()),
            };
            (field.set)(&mut p, value);
        }
        p.duration_s = p.duration_s.min(120.0);
        cases.push(p);
    }
    for p in cases {
        let (p, _) = p.validate();
        let (again, notices) = p.clone().validate();
        assert_eq!(
            (&again, notices.len()),
            (&p, 0),
            "validation is not idempotent"
        );
        let mut sim = QueueSim::new(&p, 1);
        sim.step_until(sim.horizon() / 2);
        assert!(sim.view(0).queued.is_empty());
        while sim.step() {}
        let json = serde_json::to_value(sim.report()).unwrap();
        assert_no_unexpected_null(&json, "", &p);
    }
}

fn assert_no_unexpected_null(v: &serde_json::Value, key: &str, p: &QueueParams) {
    const OPTIONAL: &[&str] = &[
        "wait_p50", "wait_p95", "wait_p99", "wq_secs", "w_secs", "lq", "l", "k", "theory",
    ];
    match v {
        serde_json::Value::Null => assert!(OPTIONAL.contains(&key), "{key} is null for {p:?}"),
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|i| assert_no_unexpected_null(i, key, p)),
        serde_json::Value::Object(map) => map
            .iter()
            .for_each(|(k, i)| assert_no_unexpected_null(i, k, p)),
        _ => {}
    }
}
