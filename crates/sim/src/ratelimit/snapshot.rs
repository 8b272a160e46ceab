//! Reading a [`RateLimitView`] off a running [`RateLimitSim`]: each row's latest requests and
//! the watched client's level now.
use super::model::{RateLimitSim, Recent, WATCHED};
use super::verdict::Outcome;
use super::view::{DotState, RateLimitView, RequestDot, RowView};
use crate::engine::SimTime;

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
