//! The N+1 demo's parameters: what one page shows, how the ORM loads it, the path from the
//! app to the database, and the load test. Described field by field in `fields`; the
//! cross-field rule (keep the run under [`MAX_EXPECTED_QUERIES`]) is applied after clamping.
use super::fields::FIELDS;
use super::sql::plan;
use super::waterfall::latency_of;
use crate::params::kit::thousands;
use crate::params::{Choice, Field, Notice, Params};
use serde::{Deserialize, Serialize};

/// The most database queries a validated load test may expect; longer runs are shortened.
pub const MAX_EXPECTED_QUERIES: f64 = 2_000_000.0;

/// How the ORM loads the associations of the listed posts.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// One query per row accessed (the N+1 problem).
    #[default]
    Lazy,
    /// One query per association with an `IN (…)` list of the distinct keys.
    Eager,
    /// Everything in one statement with `LEFT OUTER JOIN`s.
    Join,
    /// DataLoader: the keys requested in one tick, deduplicated, in chunks of the batch size.
    Batched,
}

impl Strategy {
    pub const CHOICES: &'static [Choice] = &[
        Choice {
            value: "lazy",
            label: "Lazy loading (N+1)",
        },
        Choice {
            value: "eager",
            label: "Eager loading (IN list)",
        },
        Choice {
            value: "join",
            label: "Single JOIN",
        },
        Choice {
            value: "batched",
            label: "Batched (DataLoader)",
        },
    ];
    pub const ALL: [Strategy; 4] = [
        Strategy::Lazy,
        Strategy::Eager,
        Strategy::Join,
        Strategy::Batched,
    ];
}

/// What the page lists.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// Posts and their authors.
    #[default]
    Flat,
    /// Posts, their authors, their comments and each comment's author.
    Nested,
}

impl Shape {
    pub const CHOICES: &'static [Choice] = &[
        Choice {
            value: "flat",
            label: "Posts + authors",
        },
        Choice {
            value: "nested",
            label: "Posts + authors + comments + their authors",
        },
    ];
    pub const ALL: [Shape; 2] = [Shape::Flat, Shape::Nested];
}

/// How the queries of one page are sent.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Issue {
    /// Each query waits for the previous one.
    #[default]
    Sequential,
    /// All queries of one dependency level at once (on as many connections as it can get).
    Concurrent,
}

impl Issue {
    pub const CHOICES: &'static [Choice] = &[
        Choice {
            value: "sequential",
            label: "One after another",
        },
        Choice {
            value: "concurrent",
            label: "In parallel (per level)",
        },
    ];
    pub const ALL: [Issue; 2] = [Issue::Sequential, Issue::Concurrent];
}

/// One page listing posts with their authors (and comments), loaded by many users at once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NPlusOneParams {
    pub shape: Shape,
    /// Posts on the page (1..=1000).
    pub posts: u32,
    /// Comments per post, nested shape only (0..=50).
    pub comments: u32,
    /// Distinct users that authors are drawn from (1..=10000).
    pub users_in_db: u32,
    pub strategy: Strategy,
    /// DataLoader's `maxBatchSize` (1..=1000).
    pub batch_size: u32,
    /// Network round trip between the app and the database, ms (0.05..=300).
    pub rtt_ms: f64,
    /// Database execution cost per query, ms (0.01..=100).
    pub query_ms: f64,
    /// Extra cost per row returned, µs (0..=1000).
    pub row_us: f64,
    /// Connections in the app's pool (1..=200).
    pub pool: u32,
    /// Queries the database executes at once; more wait inside it (1..=128).
    pub db_slots: u32,
    pub issue: Issue,
    /// Concurrent virtual users in the load test (1..=1000).
    pub users: u32,
    /// Mean pause between one user's page loads (exponential), ms (0..=60000).
    pub think_ms: f64,
    /// Simulated seconds (1..=3600).
    pub duration_s: f64,
}

impl Default for NPlusOneParams {
    fn default() -> Self {
        NPlusOneParams {
            shape: Shape::Flat,
            posts: 100,
            comments: 5,
            users_in_db: 50,
            strategy: Strategy::Lazy,
            batch_size: 25,
            rtt_ms: 1.0,
            query_ms: 0.2,
            row_us: 10.0,
            pool: 10,
            db_slots: 8,
            issue: Issue::Sequential,
            users: 20,
            think_ms: 1000.0,
            duration_s: 60.0,
        }
    }
}

impl NPlusOneParams {
    /// One query's time on an idle system: round trip + execution + rows × per-row cost, ms.
    pub fn query_time_ms(&self, rows: u32) -> f64 {
        self.rtt_ms + self.query_ms + f64::from(rows) * self.row_us / 1000.0
    }

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
}

impl Params for NPlusOneParams {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn check(&mut self, notices: &mut Vec<Notice>) {
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
