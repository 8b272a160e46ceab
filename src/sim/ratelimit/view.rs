//! A snapshot for the animation: one row per limiter, the latest requests as dots, and the
//! watched client's state level now.
//!
//! ```text
//!  fixed   ● ● ○ ○ ●        level ▇▇▇▁▁ 7/10 hits
//!  leaky   ● ◐ ◐ ○          level ▇▇▁▁▁ 2/5 excess   (◐ waiting until t)
//!          passed ●  waiting ◐  bounced ○
//! ```
use super::algo::{Algo, Outcome};
use super::model::{RateLimitSim, Recent, WATCHED};
use crate::sim::engine::SimTime;
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

fn dot(r: &Recent, now: SimTime) -> RequestDot {
    let (state, delayed) = match r.outcome {
        Outcome::Accept => (DotState::Passed, false),
        Outcome::Reject => (DotState::Bounced, false),
        Outcome::Delay(d) if r.t + d > now => (DotState::Waiting { until: r.t + d }, true),
        Outcome::Delay(_) => (DotState::Passed, true),
    };
    RequestDot {
        id: r.id,
        client: r.client,
        t: r.t,
        state,
        delayed,
    }
}

impl RateLimitSim {
    /// A snapshot for the animation.
    pub fn view(&self) -> RateLimitView {
        let now = self.clock.now();
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let algo = row.limiter.algo();
                RowView {
                    algo,
                    label: algo.label(),
                    dots: row.recent.iter().map(|r| dot(r, now)).collect(),
                    level: row.limiter.level_milli(now, WATCHED) as f64 / 1000.0,
                    capacity: row.limiter.capacity_milli() as f64 / 1000.0,
                    level_label: algo.level_label(),
                    waiting: row.stats.waiting,
                    accepted: row.stats.accepted,
                    rejected: row.stats.rejected,
                    delayed: row.stats.delayed,
                }
            })
            .collect();
        RateLimitView {
            now,
            watched_client: WATCHED,
            rows,
        }
    }
}
