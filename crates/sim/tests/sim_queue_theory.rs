//! Queueing theory, twice: (1) the closed forms in `sim::theory` against independently
//! derived formulas and published values; (2) the simulation, run for about 10^6 jobs,
//! against those closed forms.
//!
//! References:
//! - [GSTH] Gross, Shortle, Thompson & Harris, *Fundamentals of Queueing Theory*, 4th ed.,
//!   Wiley 2008, chapter 2: the sections on M/M/1, M/M/c, queues with truncation (M/M/c/K)
//!   and Erlang's loss formula (M/M/c/c).
//! - [K] Kleinrock, *Queueing Systems, Vol. 1: Theory*, Wiley 1975, §3.2–3.7.
//! - [L] Little, "A Proof for the Queuing Formula: L = λW", Operations Research 9(3), 1961.
//!
//! **Tolerance for the simulation tests.** A simulated mean is a random estimate. For the
//! mean wait Wq and time in system W the run reports a 95% confidence half-width h by batch
//! means (30–59 batches, t quantile), i.e. a standard error σ ≈ h / 2.0. A correct simulator
//! lands within 3σ of the truth in 99.7% of runs; we accept |sim − theory| ≤ max(3σ, 2% of
//! theory). The 2% floor covers what the CI does not: percentiles and means are computed
//! from µs-rounded times (bias < 1e-6 relative) and the run starts empty (start-up bias of
//! order (relaxation time)/(run length) < 0.1% here). Utilisation, P(wait) and blocking are
//! fractions estimated from ~10^6 correlated samples. Over 20 seeds per case the largest
//! relative errors seen were 0.3% (utilisation), 1.1% (P(wait), M/M/10 at ρ = 0.9) and 1.4%
//! (blocking), and the Wq interval covered the true value in 110 of 120 runs (nominal 95%);
//! so we allow 1% for utilisation, 2% for P(wait) and 3% for blocking. All runs use fixed
//! seeds, so the test is deterministic; the tolerances say how much any seed could
//! legitimately differ.
use scalelab_sim::engine::Simulation;
use scalelab_sim::params::Params;
use scalelab_sim::queue::{QueueParams, QueueReport, QueueSim, QueueTheory};
use scalelab_sim::theory::{erlang_b, erlang_c, mmc, mmck, wait_curve};

fn close(actual: f64, expected: f64, rel: f64) -> bool {
    (actual - expected).abs() <= rel * expected.abs()
}

/// M/M/1: Wq = ρ/(μ − λ), W = 1/(μ − λ), L = ρ/(1 − ρ), P(wait) = ρ [GSTH ch. 2, M/M/1;
/// K §3.2].
#[test]
fn mm1_closed_form() {
    for (lambda, mu) in [(0.5, 1.0), (0.8, 1.0), (3.0, 4.0), (99.0, 100.0)] {
        let rho: f64 = lambda / mu;
        let m = mmc(lambda, mu, 1).unwrap();
        assert!(close(m.wq, rho / (mu - lambda), 1e-12));
        assert!(close(m.w, 1.0 / (mu - lambda), 1e-12));
        assert!(close(m.l, rho / (1.0 - rho), 1e-12));
        assert!(close(m.p_wait, rho, 1e-12));
        assert!(close(erlang_c(1, rho), rho, 1e-12));
    }
    assert!(mmc(1.0, 1.0, 1).is_none(), "ρ = 1 has no steady state");
    assert!(mmc(2.0, 1.0, 1).is_none());
}

/// M/M/2 (ρ = λ/2μ): P0 = (1 − ρ)/(1 + ρ), Lq = 2ρ³/(1 − ρ²), C = 2ρ²/(1 + ρ): the M/M/c
/// formulas [GSTH ch. 2, M/M/c] worked out by hand for c = 2. P0 is taken from M/M/c/K with
/// a huge K, which also checks that M/M/c/K → M/M/c as K → ∞.
#[test]
fn mm2_closed_form() {
    for rho in [0.1, 0.5, 0.8, 0.95] {
        let (mu, lambda) = (1.0, 2.0 * rho);
        let m = mmc(lambda, mu, 2).unwrap();
        assert!(
            close(m.lq, 2.0 * rho.powi(3) / (1.0 - rho * rho), 1e-12),
            "Lq at ρ={rho}"
        );
        assert!(close(m.p_wait, 2.0 * rho * rho / (1.0 + rho), 1e-12));
        let big = mmck(lambda, mu, 2, 100_000);
        assert!(
            close(big.p0, (1.0 - rho) / (1.0 + rho), 1e-9),
            "P0 at ρ={rho}"
        );
        assert!(close(big.lq, m.lq, 1e-9));
    }
}

/// Erlang values: c = 2, a = 1.6 gives C = 2ρ²/(1+ρ) = 0.7111 (ρ = 0.8); c = 10, a = 8
/// gives B = 0.121661 and C = 0.409180; c = 10, a = 9 gives C = 0.668732. The c = 10 values
/// were computed independently with exact rational arithmetic (Python `fractions`) from the
/// defining sums B = (a^c/c!) / Σ_{k≤c} a^k/k! and C = B / (1 − ρ(1 − B)) [GSTH ch. 2].
#[test]
fn erlang_published_values() {
    assert!((erlang_c(2, 1.6) - 0.711_111).abs() < 1e-6);
    assert!((erlang_b(10, 8.0) - 0.121_661_064_252_951_5).abs() < 1e-12);
    assert!((erlang_c(10, 8.0) - 0.409_180_150_796_443_5).abs() < 1e-12);
    assert!((erlang_c(10, 9.0) - 0.668_731_524_107_697).abs() < 1e-12);
    // Erlang B recursion stays stable for many servers (no factorial overflow).
    let b = erlang_b(200, 180.0);
    assert!(b > 0.0 && b < 0.05);
    assert_eq!(erlang_c(4, 4.0), 1.0);
}

/// M/M/1/K: p_K = (1 − ρ)ρ^K / (1 − ρ^{K+1}), and 1/(K + 1) at ρ = 1 [GSTH ch. 2, queues
/// with truncation]; M/M/c/c blocking equals Erlang B [GSTH ch. 2, Erlang's loss formula].
#[test]
fn mmck_closed_forms() {
    for rho in [0.3, 0.9, 1.5, 4.0] {
        for k in [1u32, 2, 5, 20] {
            let m = mmck(rho, 1.0, 1, k);
            let expected = (1.0 - rho) * rho.powi(k as i32) / (1.0 - rho.powi(k as i32 + 1));
            assert!(close(m.p_block, expected, 1e-12), "ρ={rho} K={k}");
            // Little's law within the model: L = λ(1 − p_K)W.
            assert!(close(m.l, m.throughput * m.w, 1e-12));
        }
    }
    assert!(close(mmck(1.0, 1.0, 1, 9).p_block, 0.1, 1e-12));
    for (c, a) in [(1u32, 0.5), (5, 3.0), (30, 40.0), (200, 150.0)] {
        assert!(
            close(mmck(a, 1.0, c, c).p_block, erlang_b(c, a), 1e-10),
            "c={c}"
        );
    }
}

/// The hockey-stick curve is M/M/c's Wq at each ρ.
#[test]
fn wait_curve_matches_mmc() {
    for (rho, wq) in wait_curve(2.0, 3, 25) {
        assert!(close(wq, mmc(rho * 6.0, 2.0, 3).unwrap().wq, 1e-12));
    }
}

/// Runs validated parameters (asserting validation changed nothing) to the end.
fn run(p: QueueParams, seed: u64) -> QueueReport {
    let (checked, notices) = p.clone().validate();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(checked, p);
    QueueSim::new(&p, seed).run_to_end()
}

/// λ jobs/s, mean service 1/μ s, c workers, waiting room `capacity`, ~10^6 arrivals.
fn mm(lambda: f64, mu: f64, c: u32, capacity: u32) -> QueueParams {
    QueueParams {
        rate: lambda,
        service_ms: 1000.0 / mu,
        workers: c,
        capacity,
        duration_s: (1e6 / lambda).floor(),
        ..QueueParams::default()
    }
}

/// σ from a reported 95% half-width (t ≈ 2.0 for 30–59 batches).
fn within(what: &str, sim: f64, theory: f64, ci95: f64, floor_rel: f64) {
    let tol = (1.5 * ci95).max(floor_rel * theory.abs());
    assert!(
        (sim - theory).abs() <= tol,
        "{what}: simulated {sim:.5}, theory {theory:.5}, tolerance {tol:.5}"
    );
}

fn check_against_theory(r: &QueueReport) {
    let t: &QueueTheory = r.theory.as_ref().expect("theory applies");
    assert!(t.stable);
    assert!(r.jobs_arrived > 900_000, "{} jobs", r.jobs_arrived);
    let (wq, w) = (t.wq_secs.unwrap(), t.w_secs.unwrap());
    within("Wq", r.wait.mean, wq, r.wait_mean_ci95, 0.02);
    within("W", r.sojourn.mean, w, r.sojourn_mean_ci95, 0.02);
    // L = λW with λ known exactly: its error is W's relative error.
    let l_ci = r.sojourn_mean_ci95 / w * t.l.unwrap();
    within("L", r.mean_in_system_l, t.l.unwrap(), l_ci, 0.02);
    within("P(wait)", r.p_wait, t.p_wait, 0.0, 0.02);
    // Utilisation of an M/M/c/K is the carried load: λ(1 − p_K)/(cμ).
    within(
        "utilisation",
        r.utilisation,
        t.throughput_per_s / (t.mu * t.c as f64),
        0.0,
        0.01,
    );
    within("blocking", r.drop_rate, t.p_block, 0.0, 0.03);
    // Little's law [L] holds for the simulated sample path itself, whatever the model:
    // only jobs still inside at the end are unaccounted for.
    assert!(
        close(r.little_l_from_law, r.mean_in_system_l, 0.01),
        "Little: λW = {} vs L = {}",
        r.little_l_from_law,
        r.mean_in_system_l
    );
}

/// M/M/1 at ρ = 0.5 and 0.8 [GSTH ch. 2, M/M/1].
#[test]
fn simulated_mm1() {
    for lambda in [50.0, 80.0] {
        let r = run(mm(lambda, 100.0, 1, 0), 11);
        assert_eq!(r.theory.as_ref().unwrap().model, "M/M/c");
        check_against_theory(&r);
    }
}

/// M/M/2 at ρ = 0.8 [GSTH ch. 2, M/M/c]; also reports the native wall time of a 10^6-job run.
#[test]
fn simulated_mm2() {
    let started = std::time::Instant::now();
    let r = run(mm(160.0, 100.0, 2, 0), 12);
    eprintln!(
        "M/M/2 ρ=0.8, {} jobs: {:?}",
        r.jobs_arrived,
        started.elapsed()
    );
    check_against_theory(&r);
}

/// M/M/10 at ρ = 0.9 [GSTH ch. 2, M/M/c]: Wq = C(10, 9)/(cμ − λ).
#[test]
fn simulated_mm10() {
    let r = run(mm(90.0, 10.0, 10, 0), 13);
    check_against_theory(&r);
}

/// M/M/c/K with real blocking [GSTH ch. 2, queues with truncation]: c = 2, K = 5 at offered ρ = 1.0, and c = 5,
/// K = 15 at offered ρ = 1.2 (overloaded but stable thanks to blocking).
#[test]
fn simulated_mmck() {
    for (lambda, c, capacity) in [(200.0, 2, 3), (600.0, 5, 10)] {
        let r = run(mm(lambda, 100.0, c, capacity), 14);
        let t = r.theory.as_ref().unwrap();
        assert_eq!((t.model.as_str(), t.k), ("M/M/c/K", Some(c + capacity)));
        assert!(t.p_block > 0.1);
        check_against_theory(&r);
    }
}
