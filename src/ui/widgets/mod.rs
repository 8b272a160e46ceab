//! Widgets shared by every demo.
//!
//! ```text
//! controls     the controls generated from a Params type's fields
//! playback     play/pause, step, reset, speed and seed
//! chart        a chart card: the ECharts canvas, its title and its data table
//! echarts      our bindings to ECharts (init, setOption, dispose), loaded on demand
//! paint_queue  chart redraws batched into short tasks
//! table        data tables (summary, details, a chart's text alternative)
//! notices      what was changed to keep the input runnable
//! progress     a long run's progress bar and Cancel
//! share        link, embed code and downloads
//! ```
pub mod chart;
pub mod controls;
pub mod echarts;
pub mod notices;
pub mod paint_queue;
pub mod playback;
pub mod progress;
pub mod share;
pub mod table;
