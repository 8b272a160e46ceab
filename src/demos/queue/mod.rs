//! The queues demo: the queue model from `crate::sim::queue` drawn as a live diagram, four
//! charts and a summary with the Erlang C / M/M/c/K predictions beside the measurements.
pub mod charts;
pub mod diagram;
pub mod layout;
pub mod summary;

use crate::sim::queue::{QueueParams, QueueReport, QueueSim, QueueView};
use crate::ui::demo::{Demo, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;

/// How many queued jobs the simulation reports per frame (the diagram draws fewer).
const VIEW_DOTS: usize = 32;

pub struct QueueDemo;

impl Demo for QueueDemo {
    type Params = QueueParams;
    type Sim = QueueSim;
    type Report = QueueReport;
    type Frame = QueueView;

    const SLUG: &'static str = "queues";
    const TITLE: &'static str = "Queues and worker pools";
    const CHARTS: &'static [&'static str] = charts::KEYS;

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
