//! A snapshot for the animation: one row per limiter, the latest requests as dots, and the
//! watched client's state level now. The types only; `snapshot` reads them off a running
//! model.
//!
//! ```text
//!  fixed   ● ● ○ ○ ●        level ▇▇▇▁▁ 7/10 hits
//!  leaky   ● ◐ ◐ ○          level ▇▇▁▁▁ 2/5 excess   (◐ waiting until t)
//!          passed ●  waiting ◐  bounced ○
//! ```
use super::algo::Algo;
use crate::engine::SimTime;
use serde::Serialize;

/// Where a request is, for one limiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum DotState {
    /// Went through (at once, or after its delay ended).
    Passed,
    /// Delayed by nginx; goes through at `until` (µs).
    Waiting { until: SimTime },
    /// Refused.
    Bounced,
}

/// A request as drawn in one row; `id` is the request's id, the same in every row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RequestDot {
    pub id: u64,
    pub client: u32,
    /// Arrival time, µs.
    pub t: SimTime,
    pub state: DotState,
    /// Whether it was delayed (still waiting or already through).
    pub delayed: bool,
}

/// One limiter's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowView {
    pub algo: Algo,
    pub label: &'static str,
    /// The last ≤ 64 requests, oldest first.
    pub dots: Vec<RequestDot>,
    /// The watched client's level now, and the level at which requests are refused.
    pub level: f64,
    pub capacity: f64,
    pub level_label: &'static str,
    pub waiting: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub delayed: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RateLimitView {
    pub now: SimTime,
    pub watched_client: u32,
    pub rows: Vec<RowView>,
}
