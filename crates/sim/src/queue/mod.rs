//! A FIFO queue feeding a pool of workers, with bounded waiting room, failures, retries with
//! back-off, a dead-letter queue and autoscaling.
//!
//! ```text
//! params     QueueParams, Backoff, Autoscale, and the rules between fields
//! fields     the URL keys, ranges and help of each parameter; the Params impl
//! job        Job: one job, waiting, in service or backing off
//! pool       the worker slots, with the idle set and the counts kept in step
//! model      QueueSim: the events and what each one does
//! autoscale  the autoscaler's once-a-second decision
//! run        the Simulation trait and the report
//! report     QueueReport, SeriesPoint, QueueTheory (M/M/c, M/M/c/K)
//! view       QueueView, WorkerSlot, JobDot, Exit: the snapshot types for the animation
//! snapshot   QueueSim::view: the snapshot read off a running model
//! ```
mod autoscale;
mod fields;
mod job;
mod model;
mod params;
mod pool;
mod report;
mod run;
mod snapshot;
mod view;

pub use autoscale::{AUTOSCALE_INTERVAL, SCALE_DOWN_WINDOW};
pub use model::QueueSim;
pub use params::{Autoscale, Backoff, QueueParams, MAX_EXPECTED_JOBS};
pub use report::{QueueReport, QueueTheory, SeriesPoint};
pub use view::{Exit, JobDot, Outcome, QueueView, WorkerSlot, RECENT_EXITS};
