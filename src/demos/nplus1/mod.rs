//! The N+1 demo: the load-test model from `crate::sim::nplus1` drawn as queries flowing
//! through the connection pool to the database, plus the SQL one page sends (query log and
//! waterfall), page-latency and pool charts, and a summary.
pub mod charts;
pub mod diagram;
pub mod queries;
pub mod snippets;
pub mod summary;

use crate::sim::nplus1::{NPlusOneParams, NPlusOneReport, NPlusOneSim, NPlusOneView};
use crate::ui::demo::{Demo, LiveEdit, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;

pub struct NPlusOneDemo;

impl Demo for NPlusOneDemo {
    type Params = NPlusOneParams;
    type Sim = NPlusOneSim;
    type Report = NPlusOneReport;
    type Frame = NPlusOneView;

    const SLUG: &'static str = "n-plus-one";
    const TITLE: &'static str = "The N+1 query problem";
    const CHARTS: &'static [&'static str] = charts::KEYS;

    fn simulate(params: &NPlusOneParams, seed: u64) -> NPlusOneSim {
        NPlusOneSim::new(params, seed)
    }
    fn frame(sim: &NPlusOneSim) -> NPlusOneView {
        sim.view()
    }
    fn diagram(frame: Signal<NPlusOneView>) -> AnyView {
        diagram::nplus1_diagram(frame).into_any()
    }
    fn charts(runs: &Runs<NPlusOneReport>, cursor_secs: Option<f64>) -> Vec<ChartSpec> {
        charts::build(runs, cursor_secs)
    }
    fn summary(runs: &Runs<NPlusOneReport>) -> DataTable {
        summary::build(runs)
    }
    fn series(report: &NPlusOneReport) -> DataTable {
        summary::series(report)
    }
    fn extra(
        params: Signal<NPlusOneParams>,
        seed: Signal<u64>,
        _: LiveEdit<NPlusOneParams>,
    ) -> AnyView {
        queries::page_queries_view(params, seed).into_any()
    }
}
