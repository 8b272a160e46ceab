//! The 404 page.
use crate::ui::dom;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    super::set_title("Page not found — ScaleLab");
    view! {
        <article class="prose not-found">
            <h1>"Page not found"</h1>
            <p>"There is no lesson or page at this address. It may have moved, or the link was cut short."</p>
            <p><A href=dom::app_href("/")>"Back to all lessons"</A></p>
        </article>
    }
}
