//! The queries of one page as the load test sends them: only their rows, grouped into
//! *steps*. Sequential: every query is its own step. Concurrent: one step per dependency
//! level (queries sorted by level, issue order kept within a level).
//!
//! ```text
//!  sequential  [posts] [u17] [u3] [u17] …        one query per step
//!  concurrent  [posts] [u17 u3 u17 …] [c…]       one level per step
//! ```
use super::params::{Issue, NPlusOneParams};
use super::sql::plan;
use super::waterfall::latency_of;

/// The queries of one page as the load test sends them.
#[derive(Debug)]
pub(super) struct Plan {
    /// Rows of each query, in sending order (by level when concurrent).
    pub rows: Vec<u32>,
    /// The end (exclusive) of each step in `rows`.
    pub step_ends: Vec<usize>,
    pub total_rows: u64,
    pub single_page_ms: f64,
}

impl Plan {
    pub fn new(p: &NPlusOneParams, seed: u64) -> Self {
        let mut queries = plan(p, seed);
        let single_page_ms = latency_of(p, &queries);
        let step_ends = match p.issue {
            Issue::Sequential => (1..=queries.len()).collect(),
            Issue::Concurrent => {
                queries.sort_by_key(|q| q.level); // stable: issue order within a level
                let mut ends: Vec<usize> = (1..queries.len())
                    .filter(|&i| queries[i].level != queries[i - 1].level)
                    .collect();
                ends.push(queries.len());
                ends
            }
        };
        Plan {
            total_rows: queries.iter().map(|q| u64::from(q.rows)).sum(),
            rows: queries.iter().map(|q| q.rows).collect(),
            step_ends,
            single_page_ms,
        }
    }

    pub fn step_range(&self, step: usize) -> (usize, usize) {
        let start = if step == 0 {
            0
        } else {
            self.step_ends[step - 1]
        };
        (start, self.step_ends[step])
    }
}
