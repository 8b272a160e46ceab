//! Chart pieces every demo's charts share: the time-chart frame with the playback cursor,
//! line series (dashed for the B run), points from a series and its data table.
use crate::ui::widgets::table::DataTable;
use charming::{
    component::{Axis, Grid, Legend, LegendType},
    element::{
        AxisType, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, NameLocation,
        Symbol, Tooltip, Trigger,
    },
    series::Line,
    Chart,
};

/// A sample of a time series: its time in seconds.
pub trait Timed {
    fn t_secs(&self) -> f64;
}

/// A time chart's frame: value x-axis in seconds, legend, tooltip.
pub fn time_chart(y_name: &str) -> Chart {
    Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top("0").type_(LegendType::Scroll))
        .grid(Grid::new().left("56").right("16").top("40").bottom("40"))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name("time (s)")
                .name_location(NameLocation::Middle)
                .name_gap(26),
        )
        .y_axis(Axis::new().type_(AxisType::Value).name(y_name))
}

/// A line without symbols; dashed for the comparison run.
pub fn line(name: &str, points: Vec<Vec<f64>>, dashed: bool) -> Line {
    let mut l = Line::new()
        .name(name)
        .show_symbol(false)
        .symbol(Symbol::None)
        .data(points);
    if dashed {
        l = l.line_style(LineStyle::new().type_(LineStyleType::Dashed));
    }
    l
}

/// Adds the playback cursor (a vertical line at `cursor` seconds) to a series.
pub fn with_cursor(l: Line, cursor: Option<f64>) -> Line {
    match cursor {
        Some(x) => l.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .data(vec![MarkLineVariant::Simple(MarkLineData::new().x_axis(x))]),
        ),
        None => l,
    }
}

/// `[t, y]` points; samples where `y` is `None` (nothing measured then) are left out.
pub fn points<T: Timed>(series: &[T], y: impl Fn(&T) -> Option<f64>) -> Vec<Vec<f64>> {
    series
        .iter()
        .filter_map(|p| y(p).map(|v| vec![round3(p.t_secs()), round3(v)]))
        .collect()
}

pub fn round3(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

/// The table behind a time chart: time, then one column per value (blank where unmeasured).
pub fn series_table<T: Timed>(
    series: &[T],
    columns: &[&str],
    values: impl Fn(&T) -> Vec<Option<f64>>,
) -> DataTable {
    let mut t = DataTable::new(columns);
    for p in series {
        let mut row = vec![format!("{:.1}", p.t_secs())];
        row.extend(
            values(p)
                .into_iter()
                .map(|v| v.map(|v| format!("{v:.3}")).unwrap_or_default()),
        );
        t.push(row);
    }
    t
}
