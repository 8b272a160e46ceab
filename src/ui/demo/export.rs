//! Downloads of the run being shown: CSV (the summary table, then the time series) and JSON
//! (the demo, seed, parameters and full reports of A and B).
use super::url_state::DemoState;
use super::{Demo, Runs};
use crate::ui::dom;
use leptos::prelude::*;

/// The two download buttons' callbacks.
pub struct Exports {
    pub csv: Callback<()>,
    pub json: Callback<()>,
}

pub fn exports<D: Demo>(
    slug: &'static str,
    state: DemoState<D::Params>,
    runs: RwSignal<Option<Runs<D::Report>>>,
) -> Exports {
    let csv = Callback::new(move |_| {
        runs.with_untracked(|r| {
            if let Some(r) = r {
                let csv = format!("{}\r\n{}", D::summary(r).to_csv(), D::series(&r.a).to_csv());
                dom::download_text(&format!("scalelab-{slug}.csv"), "text/csv", &csv);
            }
        })
    });
    let json = Callback::new(move |_| {
        runs.with_untracked(|r| {
            if let Some(r) = r {
                let json = serde_json::json!({
                    "demo": slug,
                    "seed": state.playback.seed.get_untracked(),
                    "params": state.params.get_untracked(),
                    "report": r.a,
                    "compare": r.b.as_ref().map(|(b, label)| serde_json::json!({ "label": label, "report": b })),
                });
                let text = serde_json::to_string_pretty(&json).unwrap_or_default();
                dom::download_text(&format!("scalelab-{slug}.json"), "application/json", &text);
            }
        })
    });
    Exports { csv, json }
}
