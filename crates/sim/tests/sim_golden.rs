//! The golden run: `golden_queue_report_json()` (default parameters, 60 s, seed 42) must
//! equal `tests/golden/queue_default.json` byte for byte (apart from a trailing newline).
//! The wasm test compares the browser build against the same file, so together they show
//! the simulation gives identical results natively and in wasm.
//!
//! After an intended change of results, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test sim_golden` and review the diff.
mod common;

use common::golden::golden_queue_report_json;
use std::path::PathBuf;

#[test]
fn golden_queue_report_is_unchanged() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/queue_default.json");
    let actual = golden_queue_report_json();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("{actual}\n")).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    assert!(
        expected.trim_end() == actual,
        "the golden report changed; if intended, regenerate with UPDATE_GOLDEN=1 and review the diff"
    );
}
