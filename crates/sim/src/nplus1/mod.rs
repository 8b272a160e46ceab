//! The N+1 query problem: a page lists N posts with their authors (and, nested, their
//! comments and each comment's author). Lazy loading sends 1 + N queries; eager loading,
//! a JOIN or DataLoader batching send a handful. This module generates the exact SQL of one
//! page, its waterfall on an idle system, and a load test with a connection pool and a
//! database that executes a limited number of queries at once.
//!
//! ```text
//! params     NPlusOneParams, Strategy, Shape, Issue
//! fields     the URL keys, ranges and help of each parameter; the Params impl
//! budget     the queries a load test will send, and the rule that keeps a run under the cap
//! sql        Query, page_queries: the statements of one page, from a seeded dataset
//! waterfall  Bar, waterfall, page_latency_ms: one page alone on an idle system
//! plan       the rows of each query, grouped into the steps the load test sends
//! model      NPlusOneSim: users, pool, network, database; the events and what they do
//! run        the Simulation trait and the report
//! report     NPlusOneReport, SeriesPoint
//! view       NPlusOneView, QueryDot: the snapshot types for the animation
//! snapshot   NPlusOneSim::view: the snapshot read off a running model
//! ```
mod budget;
mod fields;
mod model;
mod params;
mod plan;
mod report;
mod run;
mod snapshot;
mod sql;
mod view;
mod waterfall;

pub use model::NPlusOneSim;
pub use params::{Issue, NPlusOneParams, Shape, Strategy, MAX_EXPECTED_QUERIES};
pub use report::{NPlusOneReport, SeriesPoint};
pub use sql::{page_queries, page_queries_listed, Query};
pub use view::{NPlusOneView, QueryDot, MAX_DOTS, RECENT_PAGES};
pub use waterfall::{page_latency_ms, waterfall, waterfall_of, Bar};
