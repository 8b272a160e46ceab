//! A lesson page: the text in one column, the live demo beside it (stacked on narrow screens).
use super::not_found::NotFoundPage;
use crate::demos;
use crate::ui::demo::panel::PanelMode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    move || {
        let slug = slug.get();
        match (
            crate::lessons::find(&slug),
            demos::lesson_text(&slug),
            demos::demo_view(&slug, PanelMode::Lesson),
        ) {
            (Some(lesson), Some(text), Some(demo)) => {
                super::set_title(&format!("{} — ScaleLab", lesson.title));
                view! {
                    <div class="lesson">
                        <article class="lesson-text prose">{text}</article>
                        <div class="lesson-demo">{demo}</div>
                    </div>
                }
                .into_any()
            }
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
