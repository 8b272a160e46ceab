//! The web UI: a thin view over the simulations in `scalelab_sim`.
//!
//! ```text
//! app        router and site chrome
//! theme      display preferences: dark mode, reduced motion
//! dom        small browser helpers (URL, history, downloads, base path)
//! panic      the panel shown instead of a blank page if the app ever panics
//! yielding   giving the browser input and frames between slices of long work
//! pages/     home, lesson, embed, about, 404
//! demo/      the Demo trait and the panel every lesson's demo is shown in
//! kit/       chart builders, summary rows, formats and dots the lessons draw with
//! widgets/   controls, playback bar, chart, notices, share and export
//! ```
pub mod app;
pub mod demo;
pub mod dom;
pub mod kit;
pub mod pages;
pub mod panic;
pub mod theme;
pub mod widgets;
pub mod yielding;

/// Starts the app: installs the panic panel and mounts the router into `<body>`.
pub fn mount() {
    panic::install_hook();
    dom::remove_loading_placeholder();
    leptos::mount::mount_to_body(app::App);
}
