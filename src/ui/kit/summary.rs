//! The summary table every demo shows: a row per metric, a column for run A, one for the
//! comparison run B if any, and optionally a reference column (e.g. the theory).
use crate::ui::demo::Runs;
use crate::ui::widgets::table::DataTable;

/// A metric: its name and how to read it from a report.
pub type Metric<R> = (&'static str, fn(&R) -> String);

/// A column beside the runs: its heading and one cell per metric.
pub struct Reference {
    pub heading: String,
    pub cells: Vec<String>,
}

pub fn runs_table<R>(
    runs: &Runs<R>,
    metrics: &[Metric<R>],
    reference: Option<Reference>,
) -> DataTable {
    let mut columns = vec!["Metric".to_string(), "A: this run".to_string()];
    if let Some((_, label)) = &runs.b {
        columns.push(format!("B: {label}"));
    }
    if let Some(r) = &reference {
        columns.push(r.heading.clone());
    }
    let mut table = DataTable {
        columns,
        rows: Vec::new(),
    };
    for (i, (name, value)) in metrics.iter().enumerate() {
        let mut row = vec![name.to_string(), value(&runs.a)];
        if let Some((b, _)) = &runs.b {
            row.push(value(b));
        }
        if let Some(r) = &reference {
            row.push(r.cells.get(i).cloned().unwrap_or_default());
        }
        table.push(row);
    }
    if !runs.done {
        table.push(vec!["(run still in progress)".into()]);
    }
    table
}
