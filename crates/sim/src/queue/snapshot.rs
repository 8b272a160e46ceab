//! Reading a [`QueueView`] off a running [`QueueSim`].
use super::job::Job;
use super::model::QueueSim;
use super::pool::SlotState;
use super::view::{QueueView, WorkerSlot};

impl QueueSim {
    /// A snapshot for the animation, listing at most `max_dots` waiting jobs.
    pub fn view(&self, max_dots: usize) -> QueueView {
        QueueView {
            now: self.clock.now(),
            queue_len: self.queue.len(),
            queued: self.queue.iter().take(max_dots).map(Job::dot).collect(),
            workers: self
                .slots
                .iter()
                .filter(|s| s.state != SlotState::Vacant)
                .map(|s| WorkerSlot {
                    job: match s.state {
                        SlotState::Busy(job) => Some(job.dot()),
                        _ => None,
                    },
                    starting: s.state == SlotState::Starting,
                    retiring: s.retiring,
                })
                .collect(),
            recent: self.recent.iter().copied().collect(),
            retry_pending: self.retry_pending,
            dlq: self.counts.dead_letter,
        }
    }
}
