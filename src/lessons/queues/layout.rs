//! Geometry of the queue diagram, as plain data: where each job's dot stands for one
//! instant of the simulation. No signals or DOM here, so it is tested natively.
//!
//! ```text
//!  ┌──────────┐   ┌───────────────────────┐   ┌─────────┐   ┌──────────┐
//!  │producers │ ─▶│ ● ● ● ● ● queue ● ● ● │ ─▶│ workers │ ─▶│ done     │
//!  └──────────┘   └───────────────────────┘   │ ▣ ▣ ▣ ▣ │   │ retry ↺  │
//!                 dropped ✕                    └─────────┘   │ dead     │
//!                                                             └──────────┘
//! ```
use scalelab_sim::queue::{Outcome, QueueView};

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 260.0;
/// Queued jobs drawn at most; the rest are summarised as "+N".
pub const MAX_QUEUED_DOTS: usize = 16;
/// Worker slots drawn at most; larger pools are summarised.
pub const MAX_WORKER_SLOTS: usize = 20;
/// Recent exits drawn per outcome.
const EXITS_PER_SINK: usize = 6;

pub const QUEUE_BOX: Rect = Rect {
    x: 120.0,
    y: 105.0,
    w: 220.0,
    h: 40.0,
};
pub const WORKERS_BOX: Rect = Rect {
    x: 370.0,
    y: 20.0,
    w: 110.0,
    h: 220.0,
};
pub const PRODUCER_BOX: Rect = Rect {
    x: 10.0,
    y: 95.0,
    w: 80.0,
    h: 60.0,
};
pub const SINKS: [(Outcome, Rect, &str); 4] = [
    (
        Outcome::Done,
        Rect {
            x: 510.0,
            y: 20.0,
            w: 120.0,
            h: 50.0,
        },
        "Done",
    ),
    (
        Outcome::Retry,
        Rect {
            x: 510.0,
            y: 80.0,
            w: 120.0,
            h: 50.0,
        },
        "Retry later",
    ),
    (
        Outcome::DeadLetter,
        Rect {
            x: 510.0,
            y: 140.0,
            w: 120.0,
            h: 50.0,
        },
        "Dead letter",
    ),
    (
        Outcome::Dropped,
        Rect {
            x: 510.0,
            y: 200.0,
            w: 120.0,
            h: 50.0,
        },
        "Dropped (full)",
    ),
];

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// What a dot is doing, which sets its colour and shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DotState {
    Waiting,
    Serving,
    Exited(Outcome),
}

impl DotState {
    pub fn class(self) -> &'static str {
        match self {
            DotState::Waiting => "dot waiting",
            DotState::Serving => "dot serving",
            DotState::Exited(Outcome::Done) => "dot done",
            DotState::Exited(Outcome::Retry) => "dot retry",
            DotState::Exited(Outcome::DeadLetter) => "dot dead",
            DotState::Exited(Outcome::Dropped) => "dot dropped",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub id: u64,
    pub x: f64,
    pub y: f64,
    pub state: DotState,
}

/// A worker slot's box and whether it is busy, starting or retiring.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slot {
    pub rect: Rect,
    pub busy: bool,
    pub starting: bool,
    pub retiring: bool,
}

/// Everything the diagram draws for one instant.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    pub dots: Vec<Dot>,
    pub slots: Vec<Slot>,
    /// Jobs waiting beyond the drawn ones.
    pub queued_hidden: usize,
    /// Workers beyond the drawn slots, and how many of those are busy.
    pub workers_hidden: usize,
    pub busy_hidden: usize,
}

pub fn slot_rect(i: usize) -> Rect {
    let col = (i % 2) as f64;
    let row = (i / 2) as f64;
    Rect {
        x: WORKERS_BOX.x + 10.0 + col * 48.0,
        y: WORKERS_BOX.y + 12.0 + row * 20.0,
        w: 42.0,
        h: 16.0,
    }
}

pub fn layout(view: &QueueView) -> Scene {
    let mut scene = Scene::default();
    let mut placed: Vec<u64> = Vec::new();

    // The front of the queue is at the right end, next to the workers.
    for (i, job) in view.queued.iter().take(MAX_QUEUED_DOTS).enumerate() {
        let x = QUEUE_BOX.x + QUEUE_BOX.w - 10.0 - i as f64 * 13.0;
        scene.dots.push(Dot {
            id: job.id,
            x,
            y: QUEUE_BOX.y + QUEUE_BOX.h / 2.0,
            state: DotState::Waiting,
        });
        placed.push(job.id);
    }
    scene.queued_hidden = view
        .queue_len
        .saturating_sub(MAX_QUEUED_DOTS.min(view.queued.len()));

    for (i, worker) in view.workers.iter().enumerate() {
        if i >= MAX_WORKER_SLOTS {
            scene.workers_hidden += 1;
            scene.busy_hidden += usize::from(worker.job.is_some());
            continue;
        }
        let rect = slot_rect(i);
        scene.slots.push(Slot {
            rect,
            busy: worker.job.is_some(),
            starting: worker.starting,
            retiring: worker.retiring,
        });
        if let Some(job) = worker.job {
            scene.dots.push(Dot {
                id: job.id,
                x: rect.x + rect.w / 2.0,
                y: rect.y + rect.h / 2.0,
                state: DotState::Serving,
            });
            placed.push(job.id);
        }
    }

    // Newest exits first; a job that is back in the queue or at a worker is not also a sink dot.
    for (outcome, rect, _) in SINKS {
        let recent: Vec<_> = view
            .recent
            .iter()
            .rev()
            .filter(|e| e.outcome == outcome && !placed.contains(&e.job.id))
            .take(EXITS_PER_SINK)
            .collect();
        for (i, exit) in recent.into_iter().enumerate() {
            let x = rect.x + rect.w - 12.0 - i as f64 * 13.0;
            scene.dots.push(Dot {
                id: exit.job.id,
                x,
                y: rect.y + rect.h - 12.0,
                state: DotState::Exited(outcome),
            });
            placed.push(exit.job.id);
        }
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use scalelab_sim::queue::{Exit, JobDot, WorkerSlot};

    fn job(id: u64) -> JobDot {
        JobDot { id, attempt: 1 }
    }

    #[test]
    fn each_job_is_drawn_once_and_the_queue_front_is_nearest_the_workers() {
        let view = QueueView {
            now: 0,
            queue_len: 30,
            queued: (1..=20).map(job).collect(),
            workers: (100..103)
                .map(|id| WorkerSlot {
                    job: Some(job(id)),
                    starting: false,
                    retiring: false,
                })
                .collect(),
            recent: vec![
                Exit {
                    job: job(1),
                    at: 0,
                    outcome: Outcome::Retry,
                },
                Exit {
                    job: job(7),
                    at: 0,
                    outcome: Outcome::Done,
                },
            ],
            retry_pending: 0,
            dlq: 0,
        };
        let scene = layout(&view);
        let mut ids: Vec<u64> = scene.dots.iter().map(|d| d.id).collect();
        let before = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), before, "a job id appears twice");
        assert_eq!(scene.queued_hidden, 30 - MAX_QUEUED_DOTS);
        let front = scene.dots.iter().find(|d| d.id == 1).unwrap();
        let second = scene.dots.iter().find(|d| d.id == 2).unwrap();
        assert!(front.x > second.x);
        assert_eq!(
            front.state,
            DotState::Waiting,
            "job 1 is queued again, not in the retry sink"
        );
    }

    #[test]
    fn large_pools_are_summarised() {
        let view = QueueView {
            now: 0,
            queue_len: 0,
            queued: vec![],
            workers: (0..50)
                .map(|i| WorkerSlot {
                    job: (i % 2 == 0).then(|| job(i)),
                    starting: false,
                    retiring: false,
                })
                .collect(),
            recent: vec![],
            retry_pending: 0,
            dlq: 0,
        };
        let scene = layout(&view);
        assert_eq!(scene.slots.len(), MAX_WORKER_SLOTS);
        assert_eq!(scene.workers_hidden, 30);
        assert_eq!(scene.busy_hidden, 15);
        assert!(scene
            .slots
            .iter()
            .all(|s| s.rect.y + s.rect.h <= WORKERS_BOX.y + WORKERS_BOX.h));
    }
}
