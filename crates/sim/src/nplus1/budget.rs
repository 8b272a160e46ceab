//! The query budget of a load test: an estimate of the queries per second it will send (from
//! one page's plan and its idle latency), and the rule that keeps a validated run under
//! [`MAX_EXPECTED_QUERIES`].
use super::params::{NPlusOneParams, MAX_EXPECTED_QUERIES};
use super::sql::plan;
use super::waterfall::latency_of;
use crate::params::kit::thousands;
use crate::params::Notice;

impl NPlusOneParams {
    /// An upper estimate of the queries per second the load test can run: what the users ask
    /// for (as if every page took its idle time), but no more than the pool or the database
    /// can serve.
    fn expected_qps(&self, users: u32) -> f64 {
        let page = plan(self, 0);
        let n = page.len().max(1) as f64;
        let latency_ms = latency_of(self, &page).max(1e-3);
        let mean_rows = page.iter().map(|q| f64::from(q.rows)).sum::<f64>() / n;
        let asked = f64::from(users) * n / (self.think_ms.max(latency_ms) / 1000.0);
        let exec_ms = (self.query_ms + mean_rows * self.row_us / 1000.0).max(1e-3);
        let by_pool = f64::from(self.pool) / ((self.rtt_ms + exec_ms) / 1000.0);
        let by_db = f64::from(self.db_slots) / (exec_ms / 1000.0);
        asked.min(by_pool).min(by_db)
    }

    /// The rule between fields, applied by [`Params::check`](crate::params::Params::check)
    /// after each field is clamped to its range: shorten the run, then halve the users and
    /// the pool, until the expected queries fit under [`MAX_EXPECTED_QUERIES`].
    pub(super) fn apply_rules(&mut self, notices: &mut Vec<Notice>) {
        let qps = self.expected_qps(self.users);
        // A relative tolerance: `floor(cap / qps) * qps` may round a hair above the cap.
        if qps * self.duration_s <= MAX_EXPECTED_QUERIES * (1.0 + 1e-9) {
            return;
        }
        let cap = thousands(MAX_EXPECTED_QUERIES as u64);
        let longest = (MAX_EXPECTED_QUERIES / qps).floor();
        if longest >= 1.0 {
            self.duration_s = longest;
            notices.push(Notice::new(
                "duration",
                format!("Duration: shortened to {longest} s so the run stays under {cap} queries"),
            ));
            return;
        }
        self.duration_s = 1.0;
        // Even one second is too much: halve the users, then the pool, until it fits (one
        // user on one connection sends fewer than 20,000 queries per second).
        notices.push(Notice::new(
            "duration",
            format!("Duration: shortened to 1 s so the run stays under {cap} queries"),
        ));
        if self.expected_qps(self.users) > MAX_EXPECTED_QUERIES {
            while self.users > 1 && self.expected_qps(self.users) > MAX_EXPECTED_QUERIES {
                self.users = (self.users / 2).max(1);
            }
            notices.push(Notice::new(
                "users",
                format!(
                    "Concurrent users: reduced to {} so the run stays under {cap} queries",
                    self.users
                ),
            ));
        }
        if self.expected_qps(self.users) > MAX_EXPECTED_QUERIES {
            while self.pool > 1 && self.expected_qps(self.users) > MAX_EXPECTED_QUERIES {
                self.pool = (self.pool / 2).max(1);
            }
            notices.push(Notice::new(
                "pool",
                format!(
                    "Connection pool: reduced to {} so the run stays under {cap} queries",
                    self.pool
                ),
            ));
        }
    }
}
