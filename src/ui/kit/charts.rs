//! Chart pieces every demo's charts share: the time-chart frame with the playback cursor,
//! line series (dashed for the B run), points from a series and its data table, and
//! [`ab_time_chart`], which draws a list of [`Plot`]s for run A and, dashed, for run B.
use crate::ui::demo::Runs;
use crate::ui::widgets::table::DataTable;
use charming::{
    component::{Axis, Grid, Legend, LegendType},
    element::{
        AxisType, Label, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant,
        NameLocation, Symbol, Tooltip, Trigger,
    },
    series::Line,
    Chart,
};

/// A sample of a time series: its time in seconds.
pub trait Timed {
    fn t_secs(&self) -> f64;
}

/// A chart frame with two value axes, legend and tooltip (`axis_tooltip`: one tooltip for
/// all series at an x, as time charts want; otherwise one per point). `x_range` fixes the
/// x-axis ends (otherwise ECharts picks them from the data).
pub fn xy_chart(
    x_name: &str,
    y_name: &str,
    axis_tooltip: bool,
    x_range: Option<(f64, f64)>,
) -> Chart {
    let mut x_axis = Axis::new()
        .type_(AxisType::Value)
        .name(x_name)
        .name_location(NameLocation::Middle)
        .name_gap(26);
    if let Some((min, max)) = x_range {
        x_axis = x_axis.min(min).max(max);
    }
    chart_frame(
        x_axis,
        Axis::new().type_(AxisType::Value).name(y_name),
        axis_tooltip,
    )
}

/// A chart with these axes, legend and tooltip (`axis_tooltip`: one tooltip for all series
/// at an x; otherwise one per point), in the margins every chart uses.
pub fn chart_frame(x_axis: Axis, y_axis: Axis, axis_tooltip: bool) -> Chart {
    let trigger = if axis_tooltip {
        Trigger::Axis
    } else {
        Trigger::Item
    };
    Chart::new()
        .tooltip(Tooltip::new().trigger(trigger))
        .legend(Legend::new().top("0").type_(LegendType::Scroll))
        // 48 px on top: the y-axis name sits 15 px above the plot, clear of the one-row
        // legend even where the legend spans a phone-wide chart.
        .grid(Grid::new().left("56").right("16").top("48").bottom("40"))
        .x_axis(x_axis)
        .y_axis(y_axis)
}

/// A time chart's frame: value x-axis in seconds, legend, tooltip.
pub fn time_chart(y_name: &str) -> Chart {
    xy_chart("time (s)", y_name, true, None)
}

/// Reads one value from a series sample; `None` where nothing was measured.
pub type Reader<'a, T> = Box<dyn Fn(&T) -> Option<f64> + 'a>;

/// One quantity a time chart plots from a report's series.
pub struct Plot<'a, T> {
    pub name: &'static str,
    /// The value at a sample; `None` where nothing was measured.
    pub y: Reader<'a, T>,
    /// Whether the B run draws this quantity too (dashed).
    pub compared: bool,
}

impl<'a, T> Plot<'a, T> {
    /// A quantity drawn for run A only.
    pub fn a_only(name: &'static str, y: impl Fn(&T) -> Option<f64> + 'a) -> Self {
        Plot {
            name,
            y: Box::new(y),
            compared: false,
        }
    }
    /// A quantity drawn for run A and, dashed, for run B.
    pub fn compared(name: &'static str, y: impl Fn(&T) -> Option<f64> + 'a) -> Self {
        Plot {
            name,
            y: Box::new(y),
            compared: true,
        }
    }
}

/// A time chart of `plots` for run A (the first carries the playback cursor) and, dashed,
/// the compared plots for run B; plus run A's data table (columns: time, then each plot
/// with `unit`).
pub fn ab_time_chart<R, T: Timed>(
    runs: &Runs<R>,
    series: fn(&R) -> &[T],
    cursor: Option<f64>,
    y_name: &str,
    unit: &str,
    plots: &[Plot<'_, T>],
) -> (Chart, DataTable) {
    let a = series(&runs.a);
    let mut chart = time_chart(y_name);
    for (i, plot) in plots.iter().enumerate() {
        let l = line(&format!("{} (A)", plot.name), points(a, &plot.y), false);
        chart = chart.series(if i == 0 { with_cursor(l, cursor) } else { l });
    }
    if let Some((b, label)) = &runs.b {
        for plot in plots.iter().filter(|p| p.compared) {
            let name = format!("{} (B: {label})", plot.name);
            chart = chart.series(line(&name, points(series(b), &plot.y), true));
        }
    }
    let mut columns = vec!["time (s)".to_string()];
    columns.extend(plots.iter().map(|p| match unit {
        "" => p.name.to_string(),
        u => format!("{} ({u})", p.name),
    }));
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let table = series_table(a, &columns, |p| {
        plots.iter().map(|plot| (plot.y)(p)).collect()
    });
    (chart, table)
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
                .label(Label::new().show(false))
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
