//! The small parts of the demo panel: the "Try this" buttons, the folded detail tables, the
//! chart grid and the keyboard shortcuts.
use super::compare::Compare;
use super::url_state::DemoState;
use super::{Demo, Preset};
use crate::ui::widgets::chart::{ChartSpec, ChartView};
use crate::ui::widgets::playback::Playback;
use crate::ui::widgets::table::{DataTable, DataTableView};
use leptos::prelude::*;
use scalelab_sim::params::Params;

/// One button per preset: it sets the preset's parameters (and its comparison, if any) and
/// starts playing, unless the reader prefers reduced motion.
pub fn preset_buttons<P: Params + Send + Sync>(
    presets: Vec<Preset<P>>,
    state: DemoState<P>,
    reduced_motion: Signal<bool>,
) -> impl IntoView {
    let buttons = presets
        .into_iter()
        .map(|preset| {
            let Preset {
                name,
                hint,
                params,
                compare,
            } = preset;
            let on_click = move |_| {
                state.set_params(params.clone());
                if let Some((key, value)) = compare {
                    state.compare.set(Compare::from_pair::<P>(key, value));
                }
                if !reduced_motion.get_untracked() {
                    state.playback.playing.set(true);
                }
            };
            view! { <button type="button" class="preset" title=hint on:click=on_click>{name}</button> }
        })
        .collect_view();
    view! {
        <div class="presets" role="group" aria-label="Try this">
            <span class="presets-label">"Try this:"</span>
            {buttons}
        </div>
    }
}

/// Each detail table folded under its title; a table is built only once opened, so a folded
/// log of hundreds of rows costs nothing until the reader asks for it.
pub fn detail_tables(details: Memo<Vec<(String, DataTable)>>) -> impl IntoView {
    move || {
        details
            .get()
            .into_iter()
            .map(|(title, table)| {
                let open = RwSignal::new(false);
                let table = StoredValue::new(table);
                let caption = StoredValue::new(title.clone());
                view! {
                    <details class="detail-table" on:toggle=move |ev| {
                        let el: web_sys::HtmlDetailsElement = event_target(&ev);
                        open.set(el.open());
                    }>
                        <summary>{title}</summary>
                        <Show when=move || open.get()>
                            <DataTableView table=Signal::derive(move || table.get_value()) caption=Signal::derive(move || caption.get_value()) />
                        </Show>
                    </details>
                }
            })
            .collect_view()
    }
}

/// One chart per key of `D::CHARTS`. Each is a memo: one copy per new run (a derived signal
/// copied the whole option and table on every read), and an unchanged chart is not redrawn.
pub fn chart_grid<D: Demo>(charts: Memo<Vec<ChartSpec>>) -> impl IntoView {
    let views = (0..D::CHARTS.len())
        .map(|i| {
            let spec =
                Memo::new(move |_| charts.with(|c| c.get(i).cloned().unwrap_or_else(empty_chart)));
            view! { <ChartView spec=spec /> }
        })
        .collect_view();
    view! { <div class="charts">{views}</div> }
}

fn empty_chart() -> ChartSpec {
    ChartSpec::new("empty", "", charming::Chart::new())
}

/// The demo's keyboard shortcuts (Space, →, R), unless focus is in a control or a modifier
/// key is held.
pub fn on_demo_key(playback: Playback) -> impl Fn(leptos::ev::KeyboardEvent) {
    move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|el| {
                matches!(
                    el.tag_name().as_str(),
                    "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"
                )
            })
            .unwrap_or(false);
        let modified = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
        if !typing && !modified && playback.on_key(&ev.key()) {
            ev.prevent_default();
        }
    }
}
