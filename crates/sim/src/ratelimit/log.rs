//! The per-request decision log of one limiter: what each client saw. Memory is bounded:
//! the first [`LOG_HEAD`] entries are kept, then a ring of the last [`LOG_TAIL`].
//!
//! ```text
//!  #0 … #999 | (omitted) | #n−1000 … #n−1
//!    head                    tail (ring)
//! ```
use super::verdict::{Outcome, Verdict};
use crate::engine::SimTime;
use serde::Serialize;
use std::collections::VecDeque;

/// Entries kept from the start of the run.
pub const LOG_HEAD: usize = 1000;
/// Entries kept from the end of the run.
pub const LOG_TAIL: usize = 1000;

/// One decision as the client sees it.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// Arrival time, µs.
    pub t_us: SimTime,
    /// The request's id (the same for every limiter).
    pub request: u64,
    pub client: u32,
    /// Passed, refused, or delayed by `d` µs (nginx: whole milliseconds).
    pub outcome: Outcome,
    /// `RateLimit-Remaining`, where the reference sends it.
    pub remaining: Option<u32>,
    /// `Retry-After` seconds on a refusal, where the reference sends it.
    pub retry_after_s: Option<u64>,
    /// `RateLimit-Reset` seconds, where the reference sends it.
    pub reset_s: Option<u64>,
}

impl LogEntry {
    pub fn new(t_us: SimTime, request: u64, client: u32, v: Verdict) -> Self {
        LogEntry {
            t_us,
            request,
            client,
            outcome: v.outcome,
            remaining: v.remaining,
            retry_after_s: v.retry_after_s,
            reset_s: v.reset_s,
        }
    }
}

/// A bounded log: head, omitted count, tail.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct DecisionLog {
    head: Vec<LogEntry>,
    tail: VecDeque<LogEntry>,
    omitted: u64,
    total: u64,
}

impl DecisionLog {
    pub fn push(&mut self, e: LogEntry) {
        self.total += 1;
        if self.head.len() < LOG_HEAD {
            self.head.push(e);
            return;
        }
        if self.tail.len() == LOG_TAIL {
            self.tail.pop_front();
            self.omitted += 1;
        }
        self.tail.push_back(e);
    }

    /// The first entries of the run.
    pub fn head(&self) -> &[LogEntry] {
        &self.head
    }

    /// The latest entries (after the head), oldest first.
    pub fn tail(&self) -> impl Iterator<Item = &LogEntry> {
        self.tail.iter()
    }

    /// Every kept entry in order; entries between head and tail are omitted when
    /// [`DecisionLog::omitted`] > 0.
    pub fn entries(&self) -> impl Iterator<Item = &LogEntry> {
        self.head.iter().chain(self.tail.iter())
    }

    /// Entries dropped between the head and the tail.
    pub fn omitted(&self) -> u64 {
        self.omitted
    }

    /// Decisions logged, kept or not.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Entries held in memory (at most `LOG_HEAD + LOG_TAIL`).
    pub fn kept(&self) -> usize {
        self.head.len() + self.tail.len()
    }
}
