//! Lesson: the N+1 query problem. The load-test model (`scalelab_sim::nplus1`) drawn as
//! queries flowing through the connection pool to the database, plus the SQL one page sends
//! (query log and waterfall), page-latency and pool charts, and a summary.
//!
//! ```text
//! text      the lesson in our own words         presets   "Try this" scenarios
//! diagram   users, pool, database, query dots    queries   one page's SQL log and waterfall
//! snippets  the ORM code behind each strategy   charts    page latency, pool, queries/s
//! summary   metrics; CSV series
//! ```
mod charts;
mod diagram;
mod presets;
mod queries;
mod snippets;
mod summary;
mod text;

use super::{Group, Lesson, LessonContent};
use crate::ui::demo::{Demo, LiveEdit, Preset, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;
use scalelab_sim::nplus1::{NPlusOneParams, NPlusOneReport, NPlusOneSim, NPlusOneView};

pub const LESSON: Lesson = Lesson {
    slug: "n-plus-one",
    title: "The N+1 query problem",
    pitch: "101 queries or 2: lazy loading, eager loading and joins.",
    group: Group::DataLayer,
    icon: "M4 6h4M4 12h4M4 18h4M12 6h8M12 9h8M12 12h8M12 15h8M12 18h8",
    content: Some(LessonContent::of::<NPlusOneDemo>()),
};

pub struct NPlusOneDemo;

impl Demo for NPlusOneDemo {
    type Params = NPlusOneParams;
    type Sim = NPlusOneSim;
    type Report = NPlusOneReport;
    type Frame = NPlusOneView;

    const CHARTS: &'static [&'static str] = charts::KEYS;

    fn text() -> AnyView {
        text::lesson_text().into_any()
    }
    fn presets() -> Vec<Preset<NPlusOneParams>> {
        presets::presets()
    }
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
