//! What a run measured, per limiter. Every number is finite (serde_json would write NaN or
//! infinity as `null`). Per-algorithm arrays are indexed by [`Algo::index`] (the order of
//! [`Algo::ALL`]); algorithms that are off read 0.
use super::algo::Algo;
use super::log::LogEntry;
use serde::Serialize;

/// Decisions a report carries per limiter: the first ones of the run (the full bounded log
/// stays on the simulation, see `RateLimitSim::decision_log`).
pub const LOG_IN_REPORT: usize = 200;

/// One limiter's totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlgoReport {
    pub algo: Algo,
    pub label: &'static str,
    /// Passed at once.
    pub accepted: u64,
    /// Refused.
    pub rejected: u64,
    /// Admitted after a wait (nginx without `nodelay`); not counted in `accepted`.
    pub delayed: u64,
    /// Mean and longest wait of the delayed requests, ms (0 when none).
    pub mean_delay_ms: f64,
    pub max_delay_ms: f64,
    /// Delayed requests still waiting now.
    pub waiting_now: u64,
    /// The most requests of the watched client admitted (passed, or let through after a
    /// delay) within any span of one window length: above the limit shows the fixed window's
    /// double burst, or a bucket's burst plus refill.
    pub max_admitted_in_window: u64,
    /// Estimated state memory of all clients now and at most, bytes (see `bytes_note`).
    pub state_bytes: u64,
    pub peak_state_bytes: u64,
    /// `state_bytes` per client seen.
    pub bytes_per_client: f64,
    pub bytes_note: &'static str,
    /// What the chart's level means, and the level at which requests start being refused.
    pub level_label: &'static str,
    pub capacity: f64,
    /// The first decisions of the run (at most [`LOG_IN_REPORT`]), as the client saw them.
    pub log: Vec<LogEntry>,
    /// Decisions logged, and how many were dropped from the middle of the sim's log.
    pub log_total: u64,
    pub log_omitted: u64,
}

/// One chart point: rates and the watched client's state over one of the 200 buckets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// End of the bucket (or now for the bucket in progress), seconds.
    pub t_secs: f64,
    /// Requests per second passed, refused and delayed, per algorithm.
    pub accepted_per_s: [f64; 6],
    pub rejected_per_s: [f64; 6],
    pub delayed_per_s: [f64; 6],
    /// Time-averaged state level of the watched client (hits, timestamps, weighted count,
    /// tokens or nginx excess in requests), updated at its requests.
    pub level: [f64; 6],
}

/// Statistics of a run so far.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RateLimitReport {
    pub sim_secs: f64,
    /// Requests sent so far (each one is decided by every limiter).
    pub requests: u64,
    pub clients_seen: u64,
    /// The client charted and measured for `max_admitted_in_window` (client 0).
    pub watched_client: u32,
    pub window_secs: f64,
    /// The running limiters, in [`Algo::ALL`] order.
    pub algos: Vec<AlgoReport>,
    pub series: Vec<SeriesPoint>,
}
