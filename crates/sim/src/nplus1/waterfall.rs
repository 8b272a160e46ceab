//! One page load alone on an idle system, as a waterfall of bars: each query takes
//! `rtt + query_ms + rows × row_us` and nothing else is competing.
//!
//! ```text
//!  sequential              concurrent (per level, at most min(pool, db_slots) at once)
//!  ▇▇                      ▇▇                    level 0: the posts
//!    ▇▇                      ▇▇ ▇▇               level 1: authors, 2 connections …
//!      ▇▇                    ▇▇ ▇▇
//!        ▇▇ …                      ▇▇ …          level 2 starts when level 1 has ended
//! ```
use super::params::{Issue, NPlusOneParams};
use super::sql::{page_queries, plan, Query};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// One query of the waterfall, in milliseconds from the start of the page load.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub sql: String,
    pub start_ms: f64,
    pub end_ms: f64,
    pub rows: u32,
}

/// (start, end) of each query in `queries` (issue order), ms.
fn schedule(p: &NPlusOneParams, queries: &[Query]) -> Vec<(f64, f64)> {
    let mut times = vec![(0.0, 0.0); queries.len()];
    match p.issue {
        Issue::Sequential => {
            let mut t = 0.0;
            for (q, slot) in queries.iter().zip(&mut times) {
                let end = t + p.query_time_ms(q.rows);
                *slot = (t, end);
                t = end;
            }
        }
        Issue::Concurrent => {
            let lanes = p.pool.min(p.db_slots).max(1) as usize;
            let top = queries.iter().map(|q| q.level).max().unwrap_or(0);
            let mut level_start = 0.0_f64;
            for level in 0..=top {
                // Each lane is free from some time on; a query takes the earliest free lane
                // (the lowest on ties). Times are finite and ≥ 0, so their bits sort like them.
                let mut free: BinaryHeap<Reverse<(u64, usize)>> = (0..lanes)
                    .map(|lane| Reverse((level_start.to_bits(), lane)))
                    .collect();
                let mut level_end = level_start;
                for (q, slot) in queries.iter().zip(&mut times) {
                    if q.level != level {
                        continue;
                    }
                    let Some(Reverse((bits, lane))) = free.pop() else {
                        break;
                    };
                    let start = f64::from_bits(bits);
                    let end = start + p.query_time_ms(q.rows);
                    *slot = (start, end);
                    level_end = level_end.max(end);
                    free.push(Reverse((end.to_bits(), lane)));
                }
                level_start = level_end;
            }
        }
    }
    times
}

/// The end of the last query of `queries`, ms.
pub(super) fn latency_of(p: &NPlusOneParams, queries: &[Query]) -> f64 {
    schedule(p, queries)
        .iter()
        .map(|&(_, end)| end)
        .fold(0.0, f64::max)
}

/// The bars of one page load (issue order), on an idle system.
pub fn waterfall(params: &NPlusOneParams, seed: u64) -> Vec<Bar> {
    waterfall_of(params, &page_queries(params, seed))
}

/// The bars of `queries` (from [`page_queries`] with the same parameters), on an idle system.
pub fn waterfall_of(params: &NPlusOneParams, queries: &[Query]) -> Vec<Bar> {
    let times = schedule(params, queries);
    queries
        .iter()
        .zip(times)
        .map(|(q, (start_ms, end_ms))| Bar {
            sql: q.sql.clone(),
            start_ms,
            end_ms,
            rows: q.rows,
        })
        .collect()
}

/// How long one page load takes on an idle system: the end of its last bar, ms.
pub fn page_latency_ms(params: &NPlusOneParams, seed: u64) -> f64 {
    latency_of(params, &plan(params, seed))
}
