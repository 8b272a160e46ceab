//! ScaleLab: interactive, deterministic simulations of how systems scale. This crate is the
//! web app; the models are the crate `scalelab_sim` (crates/sim).
//!
//! ```text
//! lessons/  the lesson registry and one folder per lesson: text, presets, diagram, charts
//! ui/       app shell, routes, the demo panel every lesson uses, shared widgets and kit
//! ```
pub mod lessons;
pub mod ui;
