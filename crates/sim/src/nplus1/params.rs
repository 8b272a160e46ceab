//! The N+1 demo's parameters: what one page shows, how the ORM loads it, the path from the
//! app to the database, and the load test. Described field by field in `fields`; the
//! cross-field rule (keep the run under [`MAX_EXPECTED_QUERIES`]) is in `budget`.
use serde::{Deserialize, Serialize};

/// The most database queries a validated load test may expect; longer runs are shortened.
pub const MAX_EXPECTED_QUERIES: f64 = 2_000_000.0;

crate::choices! {
    /// How the ORM loads the associations of the listed posts.
    pub enum Strategy {
        /// One query per row accessed (the N+1 problem).
        #[default]
        Lazy => ("lazy", "Lazy loading (N+1)"),
        /// One query per association with an `IN (…)` list of the distinct keys.
        Eager => ("eager", "Eager loading (IN list)"),
        /// Everything in one statement with `LEFT OUTER JOIN`s.
        Join => ("join", "Single JOIN"),
        /// DataLoader: the keys requested in one tick, deduplicated, in chunks of the batch size.
        Batched => ("batched", "Batched (DataLoader)"),
    }
}

crate::choices! {
    /// What the page lists.
    pub enum Shape {
        /// Posts and their authors.
        #[default]
        Flat => ("flat", "Posts + authors"),
        /// Posts, their authors, their comments and each comment's author.
        Nested => ("nested", "Posts + authors + comments + their authors"),
    }
}

crate::choices! {
    /// How the queries of one page are sent.
    pub enum Issue {
        /// Each query waits for the previous one.
        #[default]
        Sequential => ("sequential", "One after another"),
        /// All queries of one dependency level at once (on as many connections as it can get).
        Concurrent => ("concurrent", "In parallel (per level)"),
    }
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
}
