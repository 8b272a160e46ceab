//! The visible list of changes made to the reader's input (clamped values, unknown keys),
//! announced politely to screen readers and dismissable.
use leptos::prelude::*;
use scalelab_sim::params::Notice;

#[component]
pub fn NoticeList(notices: RwSignal<Vec<Notice>>) -> impl IntoView {
    view! {
        <div class="notices" role="status" aria-live="polite">
            <Show when=move || notices.with(|n| !n.is_empty())>
                <div class="notice-box">
                    <strong>"Some settings were adjusted so the demo can run:"</strong>
                    <ul>
                        {move || {
                            notices
                                .get()
                                .into_iter()
                                .map(|n| view! { <li data-key=n.key>{n.message}</li> })
                                .collect_view()
                        }}
                    </ul>
                    <button type="button" class="link-button" on:click=move |_| notices.set(Vec::new())>
                        "Dismiss"
                    </button>
                </div>
            </Show>
        </div>
    }
}
