//! A snapshot of the load test for the animation: where each query is right now.
//!
//! ```text
//!  pages ─▶ [● ● ● waiting for a connection] ─▶ [● network] ─▶ [● ● DB queue] ─▶ [● executing]
//!           pool: in use / size                    both ways
//! ```
use super::model::{NPlusOneSim, Stage};
use crate::sim::engine::SimTime;
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

impl NPlusOneSim {
    /// A snapshot for the animation.
    pub fn view(&self) -> NPlusOneView {
        let waiting_for_connection = self
            .waiting
            .iter()
            .flat_map(|b| {
                (b.taken..b.count).map(move |i| QueryDot {
                    id: b.first_id + i as u64,
                    page: b.page,
                })
            })
            .take(MAX_DOTS)
            .collect();
        let at = |stage: Stage| {
            self.conns
                .iter()
                .flatten()
                .filter(move |q| q.stage == stage)
                .map(|q| QueryDot {
                    id: q.id,
                    page: q.page,
                })
        };
        let in_network: Vec<QueryDot> = at(Stage::ToDb).chain(at(Stage::FromDb)).collect();
        let executing: Vec<QueryDot> = at(Stage::Executing).collect();
        let db_queue = self
            .db_queue
            .iter()
            .filter_map(|&c| self.conns.get(c).copied().flatten())
            .map(|q| QueryDot {
                id: q.id,
                page: q.page,
            });
        NPlusOneView {
            now: self.clock.now(),
            pages_in_flight: self.pages_in_flight(),
            waiting_for_connection,
            in_network_total: in_network.len(),
            executing_total: executing.len(),
            in_network: in_network.into_iter().take(MAX_DOTS).collect(),
            db_queue: db_queue.take(MAX_DOTS).collect(),
            executing: executing.into_iter().take(MAX_DOTS).collect(),
            pool_in_use: self.pool_in_use(),
            pool_size: self.conns.len(),
            recent_pages: self.recent.iter().copied().collect(),
            waiting_total: self.waiting_total,
            db_queue_total: self.db_queue.len(),
        }
    }
}
