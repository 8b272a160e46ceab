//! What a cache run measured. Every number is finite (serde_json would write NaN or infinity
//! as `null`): undefined ratios are 0, and per-bucket values with nothing measured are `None`.
use super::policy::Layer;
use crate::stats::Percentiles;
use serde::Serialize;

/// One cache layer over the run (L1: all app servers together).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerReport {
    pub layer: Layer,
    /// Requests that looked the key up here, and how many found a fresh copy.
    pub lookups: u64,
    pub hits: u64,
    /// hits / lookups (0 when nothing looked).
    pub hit_ratio: f64,
    /// Hits that returned an out-of-date version.
    pub stale_hits: u64,
    /// Entries held at the end (including expired ones not removed yet) and the capacity.
    pub entries: u64,
    pub capacity: u64,
    /// entries × entry size, and capacity × entry size, bytes.
    pub memory_bytes: f64,
    pub capacity_bytes: f64,
    pub evictions: u64,
    /// Entries found expired by a lookup (and removed).
    pub expirations: u64,
    /// Entries deleted by delete-on-write.
    pub invalidations: u64,
}

/// How many reads each layer answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AnsweredBy {
    pub cdn: u64,
    pub l1: u64,
    pub redis: u64,
    /// Answered by a database query (their own or, coalesced, another request's).
    pub db: u64,
}

/// One chart point: one of the run's 200 time buckets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// End of the bucket (or the current time for the bucket in progress), seconds.
    pub t_secs: f64,
    pub reads_per_s: f64,
    /// Database queries finished per second.
    pub db_qps: f64,
    /// Share of the reads answered in the bucket that a cache answered.
    pub hit_ratio: Option<f64>,
    /// Hit ratio of each layer's lookups in the bucket (`None` when off or no lookups).
    pub cdn_hit_ratio: Option<f64>,
    pub l1_hit_ratio: Option<f64>,
    pub redis_hit_ratio: Option<f64>,
    pub stale_per_s: f64,
    pub rejected_per_s: f64,
    /// Time-averaged queries waiting for / running in the database.
    pub db_queue: f64,
    pub db_busy: f64,
    /// Latency percentiles of the reads answered in the bucket, seconds.
    pub latency_p50: Option<f64>,
    pub latency_p95: Option<f64>,
    pub latency_p99: Option<f64>,
}

/// Statistics of a run so far. Rates are per simulated second of elapsed time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CacheReport {
    /// The simulated time the report covers, seconds.
    pub sim_secs: f64,
    /// Reads that arrived, writes applied.
    pub reads: u64,
    pub writes: u64,
    /// Reads answered (by a cache or the database).
    pub completed: u64,
    pub answered_by: AnsweredBy,
    /// Reads turned away because the database queue was full; their share of all reads.
    pub rejected: u64,
    pub rejection_rate: f64,
    /// Reads still in flight when the report was made.
    pub in_flight: u64,
    /// Share of answered reads that some cache answered.
    pub hit_ratio: f64,
    /// The enabled cache layers, outermost first.
    pub layers: Vec<LayerReport>,
    /// Queries the database ran, and per second.
    pub db_queries: u64,
    pub db_qps: f64,
    /// What the database would have run with no cache: every read is a query.
    pub db_queries_without_cache: u64,
    pub db_qps_without_cache: f64,
    /// 1 − db_queries / reads: the share of database queries the caches saved.
    pub db_reduction: f64,
    /// Busy slot time / (slots × elapsed time).
    pub db_utilisation: f64,
    pub mean_db_queue: f64,
    pub max_db_queue: u64,
    /// Read latency, arrival → answer (rejected reads not included), seconds.
    pub latency: Percentiles,
    /// Reads answered with an out-of-date version, and their share of answered reads.
    pub stale_reads: u64,
    pub stale_rate: f64,
    /// Reads that waited for another request's query instead of sending their own.
    pub coalesced: u64,
    /// Memory of all caches at the end, bytes (L1 summed over servers).
    pub memory_bytes: f64,
    /// The most reads in flight at once (a bound on the model's memory).
    pub max_in_flight: u64,
    /// Single-cache theory for the outermost enabled layer (`None`: every cache is off).
    pub theory: Option<super::Prediction>,
    pub series: Vec<SeriesPoint>,
}
