//! What a queue run measured, and what queueing theory predicts when its assumptions hold.
//!
//! Every number is finite (serde_json would write NaN or infinity as `null`): undefined
//! ratios are 0, and theory values that do not exist (an unstable queue has no mean wait)
//! are `None`.
use super::params::{Autoscale, QueueParams};
use crate::arrivals::ArrivalPattern;
use crate::dist::ServiceDist;
use crate::stats::Percentiles;
use crate::theory::{mmc, mmck};
use serde::Serialize;

/// One chart point: the averages and rates over one of the run's 200 time buckets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// End of the bucket (or the current time for the bucket in progress), seconds.
    pub t_secs: f64,
    /// Time-averaged jobs waiting.
    pub queue_len: f64,
    /// Time-averaged busy workers.
    pub in_service: f64,
    /// Time-averaged provisioned workers (including ones still starting).
    pub workers: f64,
    pub arrivals_per_s: f64,
    /// Successful completions per second.
    pub completions_per_s: f64,
    pub drops_per_s: f64,
    pub retries_per_s: f64,
    /// Percentiles of the waits of attempts that started service in this bucket, seconds;
    /// `None` when none started.
    pub wait_p50: Option<f64>,
    pub wait_p95: Option<f64>,
    pub wait_p99: Option<f64>,
}

/// Steady-state predictions (Gross et al., *Fundamentals of Queueing Theory*, §2.3, §2.5).
/// Only given for Poisson arrivals, exponential service, no failures and no autoscaling; a
/// short run still shows start-up effects (it begins empty), so expect some difference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueueTheory {
    /// "M/M/c" (unlimited queue) or "M/M/c/K" (K = workers + capacity).
    pub model: String,
    /// Arrival rate λ and service rate per worker μ, per second.
    pub lambda: f64,
    pub mu: f64,
    pub c: u32,
    pub k: Option<u32>,
    /// Offered utilisation λ / (cμ).
    pub rho: f64,
    /// Probability an (admitted) job waits; 1 for an unstable M/M/c.
    pub p_wait: f64,
    /// Mean wait, mean time in system, mean number waiting, mean number in system;
    /// `None` when the queue is unstable (ρ ≥ 1 without a capacity limit: they grow forever).
    pub wq_secs: Option<f64>,
    pub w_secs: Option<f64>,
    pub lq: Option<f64>,
    pub l: Option<f64>,
    /// Probability an arrival is turned away (0 for M/M/c).
    pub p_block: f64,
    /// Completed jobs per second in the long run (cμ when unstable).
    pub throughput_per_s: f64,
    /// Whether a steady state exists (always true with a capacity limit).
    pub stable: bool,
}

impl QueueTheory {
    /// The prediction for `p`, or `None` if its assumptions do not hold.
    pub fn for_params(p: &QueueParams) -> Option<QueueTheory> {
        let applies = p.arrival == ArrivalPattern::Poisson
            && p.service == ServiceDist::Exponential
            && p.fail_prob == 0.0
            && p.autoscale == Autoscale::Off;
        if !(applies && p.rate > 0.0 && p.service_ms > 0.0) || p.workers == 0 {
            return None;
        }
        let (lambda, mu, c) = (p.rate, 1000.0 / p.service_ms, p.workers);
        let rho = lambda / (mu * f64::from(c));
        if p.capacity == 0 {
            let m = mmc(lambda, mu, c);
            return Some(QueueTheory {
                model: "M/M/c".into(),
                lambda,
                mu,
                c,
                k: None,
                rho,
                p_wait: m.map_or(1.0, |m| m.p_wait),
                wq_secs: m.map(|m| m.wq),
                w_secs: m.map(|m| m.w),
                lq: m.map(|m| m.lq),
                l: m.map(|m| m.l),
                p_block: 0.0,
                throughput_per_s: if m.is_some() {
                    lambda
                } else {
                    mu * f64::from(c)
                },
                stable: m.is_some(),
            });
        }
        let k = c.saturating_add(p.capacity);
        let m = mmck(lambda, mu, c, k);
        Some(QueueTheory {
            model: "M/M/c/K".into(),
            lambda,
            mu,
            c,
            k: Some(k),
            rho,
            p_wait: m.p_wait,
            wq_secs: Some(m.wq),
            w_secs: Some(m.w),
            lq: Some(m.lq),
            l: Some(m.l),
            p_block: m.p_block,
            throughput_per_s: m.throughput,
            stable: true,
        })
    }
}

/// Statistics of a run so far. Rates are per simulated second of elapsed time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueueReport {
    /// The simulated time the report covers, seconds.
    pub sim_secs: f64,
    /// Original jobs that arrived (retries not counted).
    pub jobs_arrived: u64,
    /// Service attempts started (first attempts + retries).
    pub attempts: u64,
    /// Jobs that finished successfully.
    pub completed: u64,
    pub failed_attempts: u64,
    /// Failed attempts that were scheduled to try again.
    pub retries: u64,
    /// Jobs turned away by a full queue (on arrival or when their retry came back).
    pub dropped: u64,
    /// Jobs that failed their last attempt.
    pub dead_letter: u64,
    /// Jobs waiting, in service or waiting out a back-off at the end.
    pub in_system_at_end: u64,
    /// Successful completions per second.
    pub throughput_per_s: f64,
    /// Original arrivals per second.
    pub offered_rate: f64,
    /// Arrivals per second that were let in (not dropped on arrival): λ_eff.
    pub admitted_rate: f64,
    /// Service attempts per job that started service (≥ 1; 1 when none started).
    pub retry_amplification: f64,
    /// Busy worker-time / ready worker-time (workers still starting up are not counted).
    pub utilisation: f64,
    /// dropped / jobs_arrived.
    pub drop_rate: f64,
    /// Fraction of service attempts that had to wait (wait > 0).
    pub p_wait: f64,
    /// Queue wait per attempt (enqueue → service start).
    pub wait: Percentiles,
    /// Time in system per job: first arrival → success, dead-letter, or drop on a retry.
    pub sojourn: Percentiles,
    /// Half-width of the 95% confidence interval of the mean wait (batch means), seconds;
    /// 0 until at least 30 waits have been measured (too few to estimate it).
    pub wait_mean_ci95: f64,
    /// The same for the mean time in system.
    pub sojourn_mean_ci95: f64,
    /// Time-averaged jobs in the system (waiting + in service + backing off): L.
    pub mean_in_system_l: f64,
    /// Time-averaged jobs waiting: Lq.
    pub mean_queue_lq: f64,
    /// Little's law: admitted_rate × mean sojourn (≈ mean_in_system_l in a long run).
    pub little_l_from_law: f64,
    /// Time-averaged provisioned workers (including ones still starting).
    pub workers_mean: f64,
    /// Service rate of one worker, 1 / mean service time, per second (for the wait curve).
    pub mu: f64,
    /// Workers at the start of the run.
    pub c: u32,
    pub series: Vec<SeriesPoint>,
    pub theory: Option<QueueTheory>,
}
