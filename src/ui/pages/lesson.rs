//! A lesson page: the text in one column, the live demo beside it (stacked on narrow screens).
use super::not_found::NotFoundPage;
use crate::ui::demo::panel::PanelMode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    move || {
        let lesson = crate::lessons::find(&slug.get());
        match lesson.and_then(|l| l.content.map(|c| (l, c))) {
            Some((lesson, content)) => {
                super::set_title(&format!("{} — ScaleLab", lesson.title));
                view! {
                    <div class="lesson">
                        <article class="lesson-text prose">{(content.text)()}</article>
                        <div class="lesson-demo">{(content.demo)(lesson, PanelMode::Lesson)}</div>
                    </div>
                }
                .into_any()
            }
            None => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
