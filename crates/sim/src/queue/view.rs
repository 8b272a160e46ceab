//! A snapshot of the queue for the animation: who is waiting, who is being served, and what
//! just left. The types only; `snapshot` reads them off a running model.
//!
//! ```text
//!  arrivals ─▶ [● ● ● ●  …queue_len]  ─▶  [●][●][ ][◌]  ─▶ recent exits: ✓ ↻ ✗ ☠
//!              queued (front first)        workers (◌ starting)   Done Retry Dropped DeadLetter
//! ```
use crate::engine::SimTime;
use serde::Serialize;

/// A job as drawn: its id (unique per run, stable across steps) and which attempt this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct JobDot {
    pub id: u64,
    pub attempt: u32,
}

/// One provisioned worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WorkerSlot {
    /// The job in service, if any.
    pub job: Option<JobDot>,
    /// Scaling up: not ready to take jobs yet.
    pub starting: bool,
    /// Scaling down: leaves when its current job ends.
    pub retiring: bool,
}

/// How a job (attempt) left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Outcome {
    /// Served successfully.
    Done,
    /// The attempt failed; the job will be queued again after its back-off.
    Retry,
    /// Turned away because the queue was full.
    Dropped,
    /// Failed its last attempt; moved to the dead-letter queue.
    DeadLetter,
}

/// One exit, for the "recent" trail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Exit {
    pub job: JobDot,
    pub at: SimTime,
    pub outcome: Outcome,
}

/// The most recent exits kept for the view.
pub const RECENT_EXITS: usize = 64;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueueView {
    pub now: SimTime,
    /// Jobs waiting (all of them, even if only `queued.len()` are listed).
    pub queue_len: usize,
    /// The first waiting jobs, front first, at most `max_dots`.
    pub queued: Vec<JobDot>,
    /// Provisioned workers (ready, starting or retiring), in a stable order.
    pub workers: Vec<WorkerSlot>,
    /// The last ≤ 64 exits, oldest first.
    pub recent: Vec<Exit>,
    /// Failed jobs waiting out their back-off.
    pub retry_pending: usize,
    /// Jobs in the dead-letter queue so far.
    pub dlq: u64,
}
