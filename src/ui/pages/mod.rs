//! The app's pages, one per route.
pub mod about;
pub mod embed;
pub mod home;
pub mod lesson;
pub mod not_found;

/// Sets the browser tab title.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}
