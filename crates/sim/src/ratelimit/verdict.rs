//! A decision as the client sees it ([`Verdict`]), and the small helpers every limiter uses to
//! make one: whole seconds for headers, saturating counts, per-client state slots.
use crate::engine::{SimTime, SECOND};
use serde::Serialize;

/// What happened to one request.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(tag = "kind", content = "delay_us", rename_all = "lowercase")]
pub enum Outcome {
    /// Passed at once.
    Accept,
    /// Refused (429, or nginx's default 503).
    Reject,
    /// Admitted after waiting this long (nginx without `nodelay`).
    Delay(SimTime),
}

/// One decision and what the client sees in the response.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    /// `RateLimit-Remaining` (None where the reference sends no such header: nginx).
    pub remaining: Option<u32>,
    /// `Retry-After` in whole seconds, on refusals where the reference sends one.
    pub retry_after_s: Option<u64>,
    /// `RateLimit-Reset` (express) / `reset_after` (redis-cell), whole seconds, rounded up.
    pub reset_s: Option<u64>,
}

impl Verdict {
    pub(super) fn accept(remaining: Option<u32>, reset_s: Option<u64>) -> Self {
        Verdict {
            outcome: Outcome::Accept,
            remaining,
            retry_after_s: None,
            reset_s,
        }
    }
    pub(super) fn reject(remaining: Option<u32>, retry: Option<u64>, reset: Option<u64>) -> Self {
        Verdict {
            outcome: Outcome::Reject,
            remaining,
            retry_after_s: retry,
            reset_s: reset,
        }
    }
}

/// `d` µs as whole seconds, rounded up (`Math.ceil(ms / 1000)` in express-rate-limit).
pub fn ceil_secs(d: SimTime) -> u64 {
    d.div_ceil(SECOND)
}

/// A count as the `u32` of a header (saturating).
pub(super) fn count_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The per-client state slot for `client`, growing the table on first use.
pub(super) fn slot<T>(table: &mut Vec<Option<T>>, client: u32) -> &mut Option<T> {
    let i = client as usize;
    if table.len() <= i {
        table.resize_with(i + 1, || None);
    }
    &mut table[i]
}
