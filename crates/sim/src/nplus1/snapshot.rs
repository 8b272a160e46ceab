//! Reading an [`NPlusOneView`] off a running [`NPlusOneSim`]: where each query is now.
use super::model::{NPlusOneSim, Stage};
use super::view::{NPlusOneView, QueryDot, MAX_DOTS};

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
