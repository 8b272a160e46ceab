//! The app: router, site chrome (header, footer) and display preferences. The router's base
//! is the path the site was built for (any GitHub Pages repository name works).
use super::dom;
use super::pages::{
    about::AboutPage, embed::EmbedPage, home::HomePage, lesson::LessonPage, not_found::NotFoundPage,
};
use super::theme::{provide_display, ThemeToggle};
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes, A},
    path,
};

#[component]
pub fn App() -> impl IntoView {
    provide_display();
    let base = super::dom::base_path();
    view! {
        <Router base=base>
            <Routes fallback=|| view! { <SiteShell><NotFoundPage /></SiteShell> }>
                <Route path=path!("/") view=|| view! { <SiteShell><HomePage /></SiteShell> } />
                <Route path=path!("/about") view=|| view! { <SiteShell><AboutPage /></SiteShell> } />
                <Route path=path!("/lessons/:slug") view=|| view! { <SiteShell><LessonPage /></SiteShell> } />
                <Route path=path!("/embed/:slug") view=EmbedPage />
            </Routes>
        </Router>
    }
}

/// Header, main content and footer around every page except embeds.
#[component]
fn SiteShell(children: Children) -> impl IntoView {
    view! {
        <div id="app-root" class="site">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href=dom::app_href("/") attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◉"</span>
                    " ScaleLab"
                </A>
                <nav aria-label="Site">
                    <A href=dom::app_href("/")>"Lessons"</A>
                    <A href=dom::app_href("/about")>"About"</A>
                </nav>
                <ThemeToggle />
            </header>
            <main id="main" tabindex="-1">{children()}</main>
            <footer class="site-footer">
                <p>"ScaleLab runs entirely in your browser. Same link, same numbers."</p>
            </footer>
        </div>
    }
}
