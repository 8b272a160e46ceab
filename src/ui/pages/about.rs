//! About / sources: what ScaleLab is, how its numbers are made, and the posts it teaches from.
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    super::set_title("About and sources — ScaleLab");
    view! {
        <article class="prose">
            <h1>"About ScaleLab"</h1>
            <p>
                "ScaleLab turns the lessons of experienced engineers into simulations you can "
                "run. Each demo is a deterministic discrete-event model: the same link gives the "
                "same numbers on every machine, because the random numbers come from a seeded, "
                "platform-independent generator that is part of the link."
            </p>
            <p>
                "Where queueing theory or the documented behaviour of a real system gives an "
                "answer, ScaleLab shows it beside the simulation, and its test suite checks the "
                "models against those answers."
            </p>
            <h2>"Sources"</h2>
            <p>"The lessons are written in our own words from ideas in three blog posts:"</p>
            <ul>
                <li>
                    <cite>"Building Scalable Systems: Lessons from 13+ Years in Software Engineering"</cite>
                    " — Ahmed Amen Ramadan (2024)."
                </li>
                <li>
                    <cite>"Building Scalable Systems: Lessons from 7+ Years of Engineering"</cite>
                    " — Ahmed Emam (2025)."
                </li>
                <li><cite>"Building Scalable Systems"</cite>" (a six-minute read on scaling dimensions, patterns and quick wins)."</li>
            </ul>
            <h2>"Embedding a demo"</h2>
            <p>
                "Every demo has a “Copy embed code” button. The embedded page sends its height to "
                "the host as a message "<code>"{ type: \"scalelab:height\", demo, height }"</code>
                " so the iframe can be sized to fit. Add "<code>"controls=0"</code>" to hide the "
                "controls and "<code>"autoplay=1"</code>" to start playing on load."
            </p>
        </article>
    }
}
