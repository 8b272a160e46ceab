//! An embed tells its host page how tall it is, so the iframe can fit its content: on every
//! resize, and after each new run is drawn (a timer, because a cross-origin iframe that is
//! not being painted never gets resize callbacks). Only changes are sent.
use crate::ui::dom;
use leptos::{html::Section, prelude::*};
use leptos_use::use_resize_observer;

/// Posts `{ type: "scalelab:height", demo, height }` to the parent window whenever the
/// height of `root` changes, and shortly after `redrawn` changes.
pub fn use_embed_height(root: NodeRef<Section>, slug: &'static str, redrawn: impl Track + 'static) {
    let last_height = StoredValue::new(0);
    // May run from a timer after the page is gone: every access is a `try_`.
    let post_height = move || {
        let Some(el) = root.try_get_untracked().flatten() else {
            return;
        };
        let height = el.scroll_height();
        if last_height.try_get_value() == Some(height) {
            return;
        }
        last_height.try_set_value(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"scalelab:height".into());
        let _ = js_sys::Reflect::set(&message, &"demo".into(), &slug.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        dom::post_to_parent(&message);
    };
    use_resize_observer(root, move |_, _| post_height());
    Effect::new(move |_| {
        redrawn.track();
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(50).await;
            post_height();
        });
    });
}
