//! A snapshot of the load test for the animation: where each query is right now. The types
//! only; `snapshot` reads them off a running model.
//!
//! ```text
//!  pages ─▶ [● ● ● waiting for a connection] ─▶ [● network] ─▶ [● ● DB queue] ─▶ [● executing]
//!           pool: in use / size                    both ways
//! ```
use crate::engine::SimTime;
use serde::Serialize;

/// Dots listed per stage at most (the totals count them all).
pub const MAX_DOTS: usize = 64;
/// Recent page loads kept for the view.
pub const RECENT_PAGES: usize = 32;

/// A query as drawn: its id (unique per run, stable across steps) and its page load's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct QueryDot {
    pub id: u64,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NPlusOneView {
    pub now: SimTime,
    pub pages_in_flight: usize,
    /// Queries waiting for a pool connection, front of the line first (at most 64).
    pub waiting_for_connection: Vec<QueryDot>,
    /// Queries on their way to or back from the database (at most 64).
    pub in_network: Vec<QueryDot>,
    /// Queries waiting inside the database for an execution slot, front first (at most 64).
    pub db_queue: Vec<QueryDot>,
    /// Queries the database is executing (at most 64).
    pub executing: Vec<QueryDot>,
    pub pool_in_use: usize,
    pub pool_size: usize,
    /// The last ≤ 32 page loads: (finish time, latency in ms), oldest first.
    pub recent_pages: Vec<(SimTime, f64)>,
    /// The full counts behind the capped lists above.
    pub waiting_total: usize,
    pub in_network_total: usize,
    pub db_queue_total: usize,
    pub executing_total: usize,
}
