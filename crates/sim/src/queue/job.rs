//! A job as the queue model moves it (queue, worker, back-off) and as the view draws it.
use super::view::JobDot;
use crate::engine::SimTime;

/// One job in the system: the queue, a worker, or waiting to retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job {
    pub id: u64,
    /// 1 for the first attempt.
    pub attempt: u32,
    pub first_arrival: SimTime,
    /// When this attempt joined the queue.
    pub enqueued_at: SimTime,
}

impl Job {
    pub fn dot(&self) -> JobDot {
        JobDot {
            id: self.id,
            attempt: self.attempt,
        }
    }
}
