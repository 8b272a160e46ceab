//! Progress of a long, time-sliced run, with a cancel button.
use leptos::prelude::*;

#[component]
pub fn RunProgress(
    /// `Some(fraction)` while a run is under way.
    #[prop(into)]
    progress: Signal<Option<f64>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || progress.get().is_some()>
            <div class="run-progress">
                <label>
                    "Simulating… "
                    <progress max="100" value=move || format!("{:.0}", progress.get().unwrap_or(0.0) * 100.0)></progress>
                    {move || format!(" {:.0}%", progress.get().unwrap_or(0.0) * 100.0)}
                </label>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </Show>
    }
}
