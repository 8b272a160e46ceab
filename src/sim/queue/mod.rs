//! A FIFO queue feeding a pool of workers, with bounded waiting room, failures, retries with
//! back-off, a dead-letter queue and autoscaling.
//!
//! ```text
//! params     QueueParams (+ fields: the URL keys, ranges and help of each parameter)
//! model      QueueSim: the events and what each one does
//! autoscale  the autoscaler's once-a-second decision
//! run        the Simulation trait and the report
//! report     QueueReport, SeriesPoint, QueueTheory (M/M/c, M/M/c/K)
//! view       QueueView: a snapshot for the animation
//! golden     the reference run checked natively and in wasm
//! ```
mod autoscale;
mod fields;
mod golden;
mod model;
mod params;
mod pool;
mod report;
mod run;
mod view;

pub use autoscale::{AUTOSCALE_INTERVAL, SCALE_DOWN_WINDOW};
pub use golden::{golden_queue_params, golden_queue_report_json, GOLDEN_SEED};
pub use model::QueueSim;
pub use params::{Autoscale, Backoff, QueueParams, MAX_EXPECTED_JOBS};
pub use report::{QueueReport, QueueTheory, SeriesPoint};
pub use view::{Exit, JobDot, Outcome, QueueView, WorkerSlot, RECENT_EXITS};
