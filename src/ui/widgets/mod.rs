//! Widgets shared by every demo.
pub mod chart;
pub mod controls;
pub mod echarts;
pub mod notices;
pub mod paint_queue;
pub mod playback;
pub mod progress;
pub mod share;
pub mod table;
