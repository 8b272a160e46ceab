//! The chart component every demo uses: created once per mount, updated with replace (not
//! merge) semantics, resized with its container, re-created on theme change, disposed on
//! cleanup. Each chart carries a text alternative and its data as a table.
use super::echarts::EChart;
use super::paint_queue::paint_soon;
use super::table::{DataTable, DataTableView};
use crate::ui::{dom, theme::use_display};
use leptos::{html::Div, prelude::*};
use leptos_use::use_resize_observer;
use std::sync::Arc;

/// Everything needed to draw one chart and to describe it without sight.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable key (also the PNG file name).
    pub key: &'static str,
    pub title: String,
    /// The ECharts option, built with charming, as JSON: serialised once per new run, and
    /// handed to ECharts as it is on every draw (a redraw does not copy or re-serialise it).
    pub option: Arc<str>,
    /// One or two sentences saying what the chart shows (the text alternative).
    pub alt: String,
    pub table: DataTable,
}

impl ChartSpec {
    pub fn new(key: &'static str, title: impl Into<String>, chart: charming::Chart) -> Self {
        ChartSpec {
            key,
            title: title.into(),
            option: serde_json::to_string(&chart)
                .unwrap_or_else(|_| "{}".into())
                .into(),
            alt: String::new(),
            table: DataTable::default(),
        }
    }
    pub fn alt(mut self, alt: impl Into<String>) -> Self {
        self.alt = alt.into();
        self
    }
    pub fn table(mut self, table: DataTable) -> Self {
        self.table = table;
        self
    }

    /// What a draw hands to ECharts: the option, and laid over it a transparent background
    /// (the card shows through), ECharts' aria description and no animation when the reader
    /// prefers less motion.
    pub fn draw(&self, reduced_motion: bool) -> Draw {
        Draw {
            option: Arc::clone(&self.option),
            overrides: serde_json::json!({
                "backgroundColor": "transparent",
                "animation": !reduced_motion,
                "aria": { "enabled": true, "label": { "description": self.alt } },
            }),
        }
    }
}

/// One draw of a chart: its option's JSON and the top-level keys set over it.
#[derive(Clone, Debug, PartialEq)]
pub struct Draw {
    pub option: Arc<str>,
    pub overrides: serde_json::Value,
}

#[component]
pub fn ChartView(#[prop(into)] spec: Signal<ChartSpec>) -> impl IntoView {
    let display = use_display();
    let container = NodeRef::<Div>::new();
    let chart: StoredValue<Option<EChart>, LocalStorage> = StoredValue::new_local(None);
    let unavailable = RwSignal::new(false);
    let show_table = RwSignal::new(false);

    // Charts are created and drawn later, in the shared paint queue's tasks (a few charts per
    // task), so a page of charts appearing or redrawn after a run is short tasks instead of
    // one long one; an option arriving before its draw replaces the pending one.
    let pending: StoredValue<Option<Draw>, LocalStorage> = StoredValue::new_local(None);
    let draw_soon = move |draw: Draw| {
        let scheduled = pending.with_value(Option::is_some);
        pending.set_value(Some(draw));
        if scheduled {
            return;
        }
        paint_soon(move || {
            // The chart may be gone by now: every access is a `try_`.
            let Some(Some(mut draw)) = pending.try_update_value(Option::take) else {
                return;
            };
            let redraw = chart.try_with_value(Option::is_some) == Some(true);
            if redraw {
                // Only a chart's first appearance is animated: redraws after a slider change
                // or a cursor step replace the picture at once (an entry animation on every
                // change distracts, and its frames delay the other charts' redraws).
                draw.overrides["animation"] = false.into();
            } else {
                let Some(Some(el)) = container.try_get_untracked() else {
                    return;
                };
                let dark = display.dark.try_get_untracked().unwrap_or(false);
                match EChart::new(&el, dark) {
                    Ok(c) => {
                        chart.try_set_value(Some(c));
                    }
                    Err(_) => {
                        unavailable.try_set(true);
                    }
                }
            }
            chart.try_with_value(|c| {
                if let Some(c) = c {
                    c.set_option_json(&draw.option, &draw.overrides);
                }
            });
        });
    };

    // (Re)create the instance when the element mounts or the theme changes.
    Effect::new(move |_| {
        display.dark.track();
        if container.get().is_none() {
            return;
        }
        chart.set_value(None);
        draw_soon(spec.with_untracked(|s| s.draw(display.reduced_motion.get_untracked())));
    });
    // Replace the option whenever the data changes.
    Effect::new(move |_| {
        draw_soon(spec.with(|s| s.draw(display.reduced_motion.get())));
    });
    // Resize callbacks can arrive after the chart's page is gone: `try_`.
    use_resize_observer(container, move |_, _| {
        chart.try_with_value(|c| {
            if let Some(c) = c {
                c.resize();
            }
        });
    });
    on_cleanup(move || {
        chart.try_set_value(None);
    });

    let download_png = move |_| {
        let background = if display.dark.get_untracked() {
            "#16181d"
        } else {
            "#ffffff"
        };
        let key = spec.with_untracked(|s| s.key);
        chart.with_value(|c| {
            if let Some(url) = c.as_ref().and_then(|c| c.png_data_url(background)) {
                dom::download_url(&format!("scalelab-{key}.png"), &url);
            }
        });
    };

    view! {
        <figure class="chart-card">
            <figcaption>
                <span class="chart-title">{move || spec.with(|s| s.title.clone())}</span>
                <span class="chart-actions">
                    <button
                        type="button"
                        class="link-button"
                        aria-pressed=move || show_table.get().to_string()
                        on:click=move |_| show_table.update(|v| *v = !*v)
                    >
                        {move || if show_table.get() { "Hide data table" } else { "Show data as table" }}
                    </button>
                    <button type="button" class="link-button" on:click=download_png>
                        "PNG"
                    </button>
                </span>
            </figcaption>
            <div
                class="chart"
                node_ref=container
                role="img"
                aria-label=move || spec.with(|s| format!("{}. {}", s.title, s.alt))
                data-chart=move || spec.with(|s| s.key)
            ></div>
            <Show when=move || unavailable.get()>
                <p class="notice">"The chart library did not load; the data is shown as a table."</p>
            </Show>
            <Show when=move || show_table.get() || unavailable.get()>
                <DataTableView table=Signal::derive(move || spec.with(|s| s.table.clone())) caption=Signal::derive(move || spec.with(|s| s.title.clone())) />
            </Show>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::ChartSpec;
    use charming::{series::Line, Chart};

    fn spec() -> ChartSpec {
        let chart = Chart::new().series(Line::new().name("waiting").data(vec![vec![0.0, 1.0]]));
        ChartSpec::new("k", "Title", chart).alt("What it shows.")
    }

    #[test]
    fn the_option_is_charmings_json_serialised_once() {
        let chart = Chart::new().series(Line::new().name("waiting").data(vec![vec![0.0, 1.0]]));
        let parsed: serde_json::Value = serde_json::from_str(&spec().option).unwrap();
        assert_eq!(parsed, serde_json::to_value(&chart).unwrap());
    }

    #[test]
    fn a_draw_shares_the_option_and_lays_the_display_settings_over_it() {
        let s = spec();
        let draw = s.draw(true);
        assert!(std::sync::Arc::ptr_eq(&draw.option, &s.option));
        assert_eq!(draw.overrides["animation"], false);
        assert_eq!(draw.overrides["backgroundColor"], "transparent");
        assert_eq!(
            draw.overrides["aria"]["label"]["description"],
            "What it shows."
        );
        assert_eq!(s.draw(false).overrides["animation"], true);
    }
}
