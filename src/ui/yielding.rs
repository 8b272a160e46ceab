//! Giving the main thread back to the browser between slices of work (a long run's slices,
//! chart redraws), so input is handled and frames are painted while the work goes on.
//!
//! A MessageChannel message resumes the work soon after (it is not clamped to 4 ms the way
//! nested `setTimeout(0)` calls are), but a stream of such tasks starves rendering: Chromium
//! then paints only every ~100 ms. So a heartbeat `requestAnimationFrame` notes each frame
//! the browser paints, and when none has been painted for [`FRAME_EVERY_MS`], the next yield
//! waits for one (raced with a timer, since hidden tabs paint no frames) before resuming.
//!
//! ```text
//!  slice ─▶ yield ─┬─ a frame in the last 32 ms? ─▶ message ─▶ next slice
//!                  └─ no ─▶ wait for the next frame (≤ 100 ms) ─▶ message ─▶ next slice
//! ```
use crate::ui::dom::now_ms;
use std::cell::Cell;
use wasm_bindgen::{prelude::Closure, JsCast, JsValue};

/// The longest the work may go without a painted frame.
const FRAME_EVERY_MS: f64 = 32.0;
/// A frame wait gives up after this long (a hidden tab never paints).
const FRAME_WAIT_MAX_MS: i32 = 100;

thread_local! {
    /// When the browser last ran an animation frame (page clock, ms).
    static LAST_FRAME: Cell<f64> = const { Cell::new(0.0) };
    /// Whether a heartbeat frame callback is pending.
    static HEARTBEAT: Cell<bool> = const { Cell::new(false) };
}

/// Lets the browser handle input (and paint, when a frame is due), then resumes.
pub async fn yield_to_browser() {
    heartbeat();
    if now_ms() - LAST_FRAME.with(Cell::get) >= FRAME_EVERY_MS {
        next_frame().await;
    }
    next_message().await;
}

/// Asks for one animation frame that records its time (at most one pending at a time).
fn heartbeat() {
    if HEARTBEAT.with(|h| h.replace(true)) {
        return;
    }
    let on_frame = Closure::once_into_js(move |t: f64| {
        LAST_FRAME.with(|f| f.set(t));
        HEARTBEAT.with(|h| h.set(false));
    });
    let asked = web_sys::window()
        .and_then(|w| w.request_animation_frame(on_frame.unchecked_ref()).ok())
        .is_some();
    if !asked {
        HEARTBEAT.with(|h| h.set(false));
    }
}

/// Resolves after the next animation frame, or after [`FRAME_WAIT_MAX_MS`] without one.
async fn next_frame() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.request_animation_frame(resolve.unchecked_ref());
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, FRAME_WAIT_MAX_MS);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    // Whether a frame came or the timer did, the work has now let the browser paint.
    LAST_FRAME.with(|f| f.set(now_ms()));
}

/// Resolves in a new task, after whatever input and other tasks are waiting.
async fn next_message() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        gloo_timers::future::TimeoutFuture::new(0).await;
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    if channel.port2().post_message(&JsValue::NULL).is_err() {
        gloo_timers::future::TimeoutFuture::new(0).await;
        return;
    }
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
