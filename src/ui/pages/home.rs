//! Home: the lessons as cards, grouped as the source posts group their ideas.
use crate::lessons::{Group, LESSONS};
use crate::ui::dom;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    super::set_title("ScaleLab — learn how systems scale, by running them");
    let groups = Group::ALL
        .into_iter()
        .map(|group| {
            let cards = LESSONS
                .iter()
                .filter(|l| l.group == group)
                .map(|l| {
                    let body = view! {
                        <svg class="card-icon" viewBox="0 0 24 24" aria-hidden="true">
                            <path d=l.icon fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"></path>
                        </svg>
                        <h3>{l.title}</h3>
                        <p>{l.pitch}</p>
                    };
                    if l.ready() {
                        view! {
                            <li class="card">
                                <A href=dom::app_href(&format!("/lessons/{}", l.slug))>{body}</A>
                            </li>
                        }
                        .into_any()
                    } else {
                        view! {
                            <li class="card planned" aria-disabled="true">
                                <div>{body} <span class="badge">"Coming soon"</span></div>
                            </li>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <section class="lesson-group">
                    <h2>{group.title()}</h2>
                    <p>{group.blurb()}</p>
                    <ul class="cards">{cards}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="home">
            <section class="hero">
                <h1>"Learn how systems scale by running them."</h1>
                <p>
                    "Every lesson sits beside a live simulation. Move a slider, press play, and "
                    "watch requests flow through the system while the charts keep score. "
                    "Everything runs in your browser, and every link restores the exact run."
                </p>
            </section>
            {groups}
        </div>
    }
}
