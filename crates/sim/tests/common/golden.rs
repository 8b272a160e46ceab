//! The golden run: the queue model's default parameters for 60 simulated seconds with seed 42.
//! Its report, as JSON, is stored in `tests/golden/queue_default.json` and compared both
//! natively (`sim_golden.rs`) and in wasm (`wasm_determinism.rs`), so any change in results,
//! or a difference between platforms, is caught.
use scalelab_sim::queue::{QueueParams, QueueSim};
use scalelab_sim::Simulation;

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
