//! Light/dark theme and motion preferences. The theme follows the system unless the reader
//! picks one with the toggle (remembered in localStorage); reduced motion is read from the
//! system and offered to every component through context.
use leptos::prelude::*;
use leptos_use::{use_media_query, use_preferred_dark};

const STORAGE_KEY: &str = "scalelab-theme";

/// What the reader chose; `System` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    fn from_storage(s: &str) -> Self {
        match s {
            "light" => ThemeChoice::Light,
            "dark" => ThemeChoice::Dark,
            _ => ThemeChoice::System,
        }
    }
    fn as_storage(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }
    /// The next choice when the toggle is pressed.
    pub fn next(self) -> Self {
        match self {
            ThemeChoice::System => ThemeChoice::Light,
            ThemeChoice::Light => ThemeChoice::Dark,
            ThemeChoice::Dark => ThemeChoice::System,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Theme: system",
            ThemeChoice::Light => "Theme: light",
            ThemeChoice::Dark => "Theme: dark",
        }
    }
}

/// Shared display preferences, provided once by the app.
#[derive(Clone, Copy)]
pub struct Display {
    pub choice: RwSignal<ThemeChoice>,
    /// Whether the page is dark right now (choice or system).
    pub dark: Signal<bool>,
    pub reduced_motion: Signal<bool>,
}

pub fn provide_display() -> Display {
    let stored = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|s| ThemeChoice::from_storage(&s))
        .unwrap_or(ThemeChoice::System);
    let choice = RwSignal::new(stored);
    let system_dark = use_preferred_dark();
    let dark = Signal::derive(move || match choice.get() {
        ThemeChoice::System => system_dark.get(),
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    });
    let reduced_motion = use_media_query("(prefers-reduced-motion: reduce)");

    Effect::new(move |_| {
        let c = choice.get();
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, c.as_storage());
        }
    });
    Effect::new(move |_| {
        let theme = if dark.get() { "dark" } else { "light" };
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", theme);
        }
    });

    let display = Display {
        choice,
        dark,
        reduced_motion,
    };
    provide_context(display);
    display
}

pub fn use_display() -> Display {
    use_context::<Display>().expect("provide_display() runs in App")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The toggle button in the site header.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let display = use_display();
    view! {
        <button
            class="theme-toggle"
            type="button"
            title="Switch between system, light and dark theme"
            on:click=move |_| display.choice.update(|c| *c = c.next())
        >
            {move || display.choice.get().label()}
        </button>
    }
}
