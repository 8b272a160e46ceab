//! Lesson: queues and worker pools. The queue model (`scalelab_sim::queue`) drawn as a live
//! diagram, four charts and a summary with the Erlang C / M/M/c/K predictions beside the
//! measurements.
//!
//! ```text
//! text      the lesson in our own words          presets   "Try this" scenarios
//! layout    the diagram's geometry (pure, tested) diagram  the diagram drawn from a frame
//! charts    queue depth, latency, throughput      summary   metrics and theory; CSV series
//! ```
mod charts;
mod diagram;
mod layout;
mod presets;
mod summary;
mod text;

use super::{Group, Lesson, LessonContent};
use crate::ui::demo::{Demo, Preset, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;
use scalelab_sim::queue::{QueueParams, QueueReport, QueueSim, QueueView};

pub const LESSON: Lesson = Lesson {
    slug: "queues",
    title: "Queues and worker pools",
    pitch: "Absorb spikes, retry failures, and see why 95% busy feels like 100%.",
    group: Group::AbsorbingLoad,
    icon: "M2 12h4M7 9h3v6H7zM11 9h3v6h-3zM15 9h3v6h-3zM19 12h3",
    content: Some(LessonContent::of::<QueueDemo>()),
};

/// How many queued jobs the simulation reports per frame (the diagram draws fewer).
const VIEW_DOTS: usize = 32;

pub struct QueueDemo;

impl Demo for QueueDemo {
    type Params = QueueParams;
    type Sim = QueueSim;
    type Report = QueueReport;
    type Frame = QueueView;

    const CHARTS: &'static [&'static str] = charts::KEYS;

    fn text() -> AnyView {
        text::lesson_text().into_any()
    }
    fn presets() -> Vec<Preset<QueueParams>> {
        presets::presets()
    }
    fn simulate(params: &QueueParams, seed: u64) -> QueueSim {
        QueueSim::new(params, seed)
    }
    fn frame(sim: &QueueSim) -> QueueView {
        sim.view(VIEW_DOTS)
    }
    fn diagram(frame: Signal<QueueView>) -> AnyView {
        diagram::queue_diagram(frame).into_any()
    }
    fn charts(runs: &Runs<QueueReport>, cursor_secs: Option<f64>) -> Vec<ChartSpec> {
        charts::build(runs, cursor_secs)
    }
    fn summary(runs: &Runs<QueueReport>) -> DataTable {
        summary::build(runs)
    }
    fn series(report: &QueueReport) -> DataTable {
        summary::series(report)
    }
}
