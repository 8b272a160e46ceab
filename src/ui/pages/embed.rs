//! The embed route `/embed/<lesson>`: the demo alone, without site chrome, for iframes.
use super::not_found::NotFoundPage;
use crate::ui::demo::panel::PanelMode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EmbedPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    move || {
        let lesson = crate::lessons::find(&slug.get());
        match lesson.and_then(|l| l.content.map(|c| (l, c))) {
            Some((lesson, content)) => {
                super::set_title(&format!("{} — ScaleLab demo", lesson.title));
                view! { <main class="embed-page">{(content.demo)(lesson, PanelMode::Embed)}</main> }
                    .into_any()
            }
            None => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
