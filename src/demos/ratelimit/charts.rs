//! The rate-limiter charts: requests passed and refused per second, and the watched
//! client's state level, one line per limiter (dashed for run B).
use crate::demos::chart_kit::{line, points, time_chart, with_cursor, Timed};
use crate::sim::ratelimit::{RateLimitReport, SeriesPoint};
use crate::ui::demo::Runs;
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};

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

/// One line per running limiter of `get` over time.
fn per_limiter(
    runs: &Runs<RateLimitReport>,
    cursor: Option<f64>,
    key: usize,
    title: &str,
    y_name: &str,
    get: fn(&SeriesPoint) -> &[f64; 6],
) -> ChartSpec {
    let a = &runs.a;
    let mut chart = time_chart(y_name);
    for (n, algo) in a.algos.iter().enumerate() {
        let i = algo.algo.index();
        let l = line(
            &format!("{} (A)", algo.label),
            points(&a.series, |p| Some(get(p)[i])),
            false,
        );
        chart = chart.series(if n == 0 { with_cursor(l, cursor) } else { l });
    }
    if let Some((b, label)) = &runs.b {
        for algo in &b.algos {
            let i = algo.algo.index();
            let name = format!("{} (B: {label})", algo.label);
            chart = chart.series(line(&name, points(&b.series, |p| Some(get(p)[i])), true));
        }
    }
    let mut columns = vec!["time (s)".to_string()];
    columns.extend(a.algos.iter().map(|x| x.label.to_string()));
    let mut table = DataTable {
        columns,
        rows: Vec::new(),
    };
    for p in &a.series {
        let mut row = vec![format!("{:.1}", p.t_secs)];
        row.extend(
            a.algos
                .iter()
                .map(|x| format!("{:.3}", get(p)[x.algo.index()])),
        );
        table.push(row);
    }
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
