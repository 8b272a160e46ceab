//! The rate-limiter charts: requests passed and refused per second, and the watched
//! client's state level, one line per limiter (dashed for run B).
use crate::ui::demo::Runs;
use crate::ui::kit::charts::{ab_time_chart, Plot, Timed};
use crate::ui::widgets::chart::ChartSpec;
use scalelab_sim::ratelimit::{RateLimitReport, SeriesPoint};

pub const KEYS: &[&str] = &["passed", "refused", "state-level"];

impl Timed for SeriesPoint {
    fn t_secs(&self) -> f64 {
        self.t_secs
    }
}

pub fn build(runs: &Runs<RateLimitReport>, cursor: Option<f64>) -> Vec<ChartSpec> {
    vec![
        per_limiter(runs, cursor, 0, "Passed per second", "requests/s", |p| {
            &p.accepted_per_s
        }),
        per_limiter(runs, cursor, 1, "Refused per second", "requests/s", |p| {
            &p.rejected_per_s
        }),
        per_limiter(
            runs,
            cursor,
            2,
            "State of the watched client",
            "level",
            |p| &p.level,
        ),
    ]
}

/// One line per running limiter of `get` over time (dashed for run B).
fn per_limiter(
    runs: &Runs<RateLimitReport>,
    cursor: Option<f64>,
    key: usize,
    title: &str,
    y_name: &str,
    get: fn(&SeriesPoint) -> &[f64; 6],
) -> ChartSpec {
    let a = &runs.a;
    let plots: Vec<Plot<SeriesPoint>> = a
        .algos
        .iter()
        .map(|x| {
            let i = x.algo.index();
            Plot::compared(x.label, move |p: &SeriesPoint| Some(get(p)[i]))
        })
        .collect();
    let (chart, table) = ab_time_chart(runs, |r| &r.series, cursor, y_name, "", &plots);
    let totals: Vec<String> = a
        .algos
        .iter()
        .map(|x| {
            format!(
                "{}: {} passed, {} refused",
                x.label,
                x.accepted + x.delayed,
                x.rejected
            )
        })
        .collect();
    ChartSpec::new(KEYS[key], title, chart)
        .alt(format!(
            "Line chart of {} over {:.0} seconds, one line per limiter. Totals: {}.",
            title.to_lowercase(),
            a.sim_secs,
            totals.join("; ")
        ))
        .table(table)
}
