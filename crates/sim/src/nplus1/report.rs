//! What a load test measured. Every number is finite (serde_json would write NaN or infinity
//! as `null`): undefined ratios are 0 and empty percentiles are `None`.
use crate::stats::Percentiles;
use serde::Serialize;

/// One chart point: the averages and rates over one of the run's 200 time buckets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// End of the bucket (or the current time for the bucket in progress), seconds.
    pub t_secs: f64,
    /// Time-averaged page loads in progress.
    pub pages_in_flight: f64,
    /// Time-averaged connections in use.
    pub pool_in_use: f64,
    /// Time-averaged queries waiting for a connection.
    pub waiting_for_connection: f64,
    /// Queries the database finished per second.
    pub db_qps: f64,
    /// Latency percentiles of the pages that finished in this bucket, ms; `None` if none.
    pub page_p50: Option<f64>,
    pub page_p95: Option<f64>,
    pub page_p99: Option<f64>,
}

/// Statistics of a run so far. Rates are per simulated second of elapsed time; latencies in
/// [`Percentiles`] are in seconds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NPlusOneReport {
    /// The simulated time the report covers, seconds.
    pub sim_secs: f64,
    /// Statements one page load sends.
    pub queries_per_page: u32,
    /// Rows they return together.
    pub rows_per_page: u64,
    /// One page load alone on an idle system (the waterfall), ms.
    pub single_page_ms: f64,
    /// Page loads that finished (those still loading are not counted).
    pub pages_completed: u64,
    /// Queries whose answer reached the app.
    pub queries_completed: u64,
    /// Page load latency: first query sent → last answer back.
    pub page_latency: Percentiles,
    /// Wait for a pool connection, per query.
    pub pool_wait: Percentiles,
    /// Queries the database finished per second.
    pub db_qps: f64,
    pub pages_per_s: f64,
    /// Connection time in use / (pool size × elapsed time).
    pub pool_utilisation: f64,
    /// Time-averaged page loads in progress (Little's law: ≈ pages_per_s × mean latency).
    pub mean_pages_in_flight: f64,
    /// Time-averaged queries waiting for a connection.
    pub mean_waiting_for_connection: f64,
    pub series: Vec<SeriesPoint>,
}
