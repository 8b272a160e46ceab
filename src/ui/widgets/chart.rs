//! The chart component every demo uses: created once per mount, updated with replace (not
//! merge) semantics, resized with its container, re-created on theme change, disposed on
//! cleanup. Each chart carries a text alternative and its data as a table.
use super::echarts::EChart;
use super::paint_queue::paint_soon;
use super::table::{DataTable, DataTableView};
use crate::ui::{dom, theme::use_display};
use leptos::{html::Div, prelude::*};
use leptos_use::use_resize_observer;

/// Everything needed to draw one chart and to describe it without sight.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable key (also the PNG file name).
    pub key: &'static str,
    pub title: String,
    /// The ECharts option, built with charming.
    pub option: serde_json::Value,
    /// One or two sentences saying what the chart shows (the text alternative).
    pub alt: String,
    pub table: DataTable,
}

impl ChartSpec {
    pub fn new(key: &'static str, title: impl Into<String>, chart: charming::Chart) -> Self {
        ChartSpec {
            key,
            title: title.into(),
            option: serde_json::to_value(&chart).unwrap_or_default(),
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

    /// The option as handed to ECharts: transparent background (the card shows through),
    /// ECharts' aria description on, and no animation when the reader prefers less motion.
    pub fn render_option(&self, reduced_motion: bool) -> serde_json::Value {
        let mut option = self.option.clone();
        if let Some(map) = option.as_object_mut() {
            map.insert("backgroundColor".into(), "transparent".into());
            map.insert("animation".into(), (!reduced_motion).into());
            map.insert(
                "aria".into(),
                serde_json::json!({ "enabled": true, "label": { "description": self.alt } }),
            );
        }
        option
    }
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
    let pending: StoredValue<Option<serde_json::Value>, LocalStorage> =
        StoredValue::new_local(None);
    let draw_soon = move |option: serde_json::Value| {
        let scheduled = pending.with_value(Option::is_some);
        pending.set_value(Some(option));
        if scheduled {
            return;
        }
        paint_soon(move || {
            // The chart may be gone by now: every access is a `try_`.
            let Some(Some(mut option)) = pending.try_update_value(Option::take) else {
                return;
            };
            let redraw = chart.try_with_value(Option::is_some) == Some(true);
            if redraw {
                // Only a chart's first appearance is animated: redraws after a slider change
                // or a cursor step replace the picture at once (an entry animation on every
                // change distracts, and its frames delay the other charts' redraws).
                if let Some(map) = option.as_object_mut() {
                    map.insert("animation".into(), false.into());
                }
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
                    c.set_option(&option);
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
        draw_soon(spec.with_untracked(|s| s.render_option(display.reduced_motion.get_untracked())));
    });
    // Replace the option whenever the data changes.
    Effect::new(move |_| {
        draw_soon(spec.with(|s| s.render_option(display.reduced_motion.get())));
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
