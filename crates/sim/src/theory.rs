//! Closed-form queueing results shown beside the simulation.
//!
//! ```text
//!   λ ──▶ [ waiting room ] ──▶ c servers, each at rate μ ──▶
//!          M/M/c    : unlimited room            (Erlang C)
//!          M/M/c/K  : at most K in the system;  arrivals finding K are blocked
//! ```
//!
//! Notation (Gross, Shortle, Thompson & Harris, *Fundamentals of Queueing Theory*, 4th ed.,
//! §2.3 and §2.5): offered load a = λ/μ, utilisation ρ = a/c, Lq/L mean number waiting/in
//! system, Wq/W mean wait/time in system (Little: L = λW).
//!
//! Only +, −, ×, ÷ and √ are used (all correctly rounded by IEEE 754), so the results are
//! bit-identical on every platform.

/// Erlang B: the probability that an arrival finds all `c` servers busy in M/M/c/c with
/// offered load `a`. Stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
pub fn erlang_b(c: u32, a: f64) -> f64 {
    let mut b = 1.0;
    for k in 1..=c {
        b = a * b / (f64::from(k) + a * b);
    }
    b
}

/// Erlang C: the probability that an arrival waits in M/M/c with offered load `a`
/// (1 when a ≥ c: the queue is unstable and everyone eventually waits).
pub fn erlang_c(c: u32, a: f64) -> f64 {
    if c == 0 {
        return 1.0;
    }
    let rho = a / f64::from(c);
    if rho.is_nan() || rho >= 1.0 {
        return 1.0;
    }
    let b = erlang_b(c, a);
    b / (1.0 - rho * (1.0 - b))
}

/// Steady-state M/M/c results.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mmc {
    /// Utilisation ρ = λ / (cμ).
    pub rho: f64,
    /// Probability an arrival waits (Erlang C).
    pub p_wait: f64,
    pub lq: f64,
    pub l: f64,
    /// Mean wait in the queue, seconds.
    pub wq: f64,
    /// Mean time in the system, seconds.
    pub w: f64,
}

/// M/M/c with arrival rate `lambda`, service rate `mu` per server (both per second) and `c`
/// servers; `None` unless 0 < ρ < 1 (no steady state otherwise).
pub fn mmc(lambda: f64, mu: f64, c: u32) -> Option<Mmc> {
    if !(lambda > 0.0 && mu > 0.0 && c > 0) {
        return None;
    }
    let a = lambda / mu;
    let rho = a / f64::from(c);
    if rho.is_nan() || rho >= 1.0 {
        return None;
    }
    let p_wait = erlang_c(c, a);
    let lq = p_wait * rho / (1.0 - rho);
    let wq = lq / lambda;
    let w = wq + 1.0 / mu;
    Some(Mmc {
        rho,
        p_wait,
        lq,
        l: lambda * w,
        wq,
        w,
    })
}

/// Steady-state M/M/c/K results (K = the most jobs in the system, waiting + in service).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mmck {
    /// Offered utilisation λ / (cμ) (may exceed 1: the system stays stable by blocking).
    pub rho: f64,
    /// Probability the system is empty.
    pub p0: f64,
    /// Probability an arrival is blocked, p_K (by PASTA, the fraction of time in state K).
    pub p_block: f64,
    /// Probability that an *admitted* arrival waits: P(c ≤ N < K) / (1 − p_K).
    pub p_wait: f64,
    pub l: f64,
    pub lq: f64,
    /// Mean wait and time in system of admitted jobs (Little with λ(1 − p_K)), seconds.
    pub wq: f64,
    pub w: f64,
    /// Admitted (= completed) jobs per second, λ(1 − p_K).
    pub throughput: f64,
}

/// M/M/c/K. The unnormalised state probabilities q_n = q_{n−1}·a/min(n, c) are summed in one
/// pass and rescaled whenever they grow large, so K up to 10^5 and c up to 200 neither
/// overflow nor lose precision. `c` is raised to 1 and `k` to `c` if smaller.
pub fn mmck(lambda: f64, mu: f64, c: u32, k: u32) -> Mmck {
    let c = c.max(1);
    let k = k.max(c);
    let lambda = if lambda.is_finite() {
        lambda.max(0.0)
    } else {
        0.0
    };
    let mu = if mu.is_finite() && mu > 0.0 {
        mu
    } else {
        f64::MIN_POSITIVE
    };
    let a = lambda / mu;
    const BIG: f64 = 1e200;
    let (mut q, mut q0) = (1.0_f64, 1.0_f64);
    let (mut total, mut n_sum, mut queued_sum, mut waiting_states) = (1.0, 0.0, 0.0, 0.0);
    for n in 1..=k {
        q *= a / f64::from(n.min(c));
        if q > BIG {
            for x in [
                &mut q,
                &mut q0,
                &mut total,
                &mut n_sum,
                &mut queued_sum,
                &mut waiting_states,
            ] {
                *x /= BIG;
            }
        }
        total += q;
        n_sum += f64::from(n) * q;
        queued_sum += f64::from(n.saturating_sub(c)) * q;
        if n >= c && n < k {
            waiting_states += q;
        }
    }
    let p_block = q / total;
    let admitted = 1.0 - p_block;
    let throughput = lambda * admitted;
    let l = n_sum / total;
    let lq = queued_sum / total;
    let per_admitted = |x: f64| {
        if throughput > 0.0 {
            x / throughput
        } else {
            0.0
        }
    };
    Mmck {
        rho: a / f64::from(c),
        p0: q0 / total,
        p_block,
        p_wait: if admitted > 0.0 {
            waiting_states / total / admitted
        } else {
            0.0
        },
        l,
        lq,
        wq: per_admitted(lq),
        w: per_admitted(l),
        throughput,
    }
}

/// The "hockey stick": mean M/M/c wait Wq (seconds) against utilisation ρ, for `points`
/// values of ρ evenly spaced from 0.05 to 0.98.
pub fn wait_curve(mu: f64, c: u32, points: usize) -> Vec<(f64, f64)> {
    let (lo, hi) = (0.05, 0.98);
    (0..points)
        .filter_map(|i| {
            let rho = if points > 1 {
                lo + (hi - lo) * i as f64 / (points - 1) as f64
            } else {
                lo
            };
            mmc(rho * f64::from(c) * mu, mu, c).map(|m| (rho, m.wq))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erlang_b_small_cases() {
        // B(1, a) = a / (1 + a)
        assert!((erlang_b(1, 2.0) - 2.0 / 3.0).abs() < 1e-15);
        assert_eq!(erlang_b(0, 5.0), 1.0);
    }

    #[test]
    fn mmck_with_huge_room_approaches_mmc() {
        let big = mmck(9.0, 1.0, 10, 100_200);
        let inf = mmc(9.0, 1.0, 10).unwrap();
        assert!(big.p_block < 1e-300);
        assert!((big.lq - inf.lq).abs() < 1e-9 * inf.lq);
        assert!((big.p_wait - inf.p_wait).abs() < 1e-12);
        // Heavily overloaded and huge: no overflow, blocking ≈ 1 − 1/ρ.
        let over = mmck(400.0, 1.0, 200, 100_200);
        assert!(over.l.is_finite() && (over.p_block - 0.5).abs() < 1e-9);
    }

    #[test]
    fn wait_curve_is_increasing() {
        let curve = wait_curve(1.0, 4, 20);
        assert_eq!(curve.len(), 20);
        assert!(curve.windows(2).all(|w| w[1].1 > w[0].1));
        assert!((curve[19].0 - 0.98).abs() < 1e-12);
    }
}
