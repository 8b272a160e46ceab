//! The golden run: the default parameters for 60 simulated seconds with seed 42. Its report,
//! as JSON, is stored in `tests/golden/queue_default.json` and compared both natively and in
//! wasm, so any change in results (or a platform difference) is caught.
use super::model::QueueSim;
use super::params::QueueParams;
use crate::sim::engine::Simulation;

pub const GOLDEN_SEED: u64 = 42;

/// `QueueParams::default()` with a 60 s duration.
pub fn golden_queue_params() -> QueueParams {
    QueueParams {
        duration_s: 60.0,
        ..QueueParams::default()
    }
}

/// The pretty-printed JSON of the golden run's final report (no trailing newline).
pub fn golden_queue_report_json() -> String {
    let report = QueueSim::new(&golden_queue_params(), GOLDEN_SEED).run_to_end();
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
