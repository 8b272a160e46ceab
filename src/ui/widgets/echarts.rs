//! Bindings to the page-global `echarts` (our own minimal build, served from our origin), and
//! its loading: the page names the hashed file in a `<meta name="scalelab-echarts">` (see
//! scripts/defer-echarts.mjs) and [`ready`] adds the script the first time a chart needs it,
//! so pages without charts never download it. We bind `init`, `setOption` with `notMerge`
//! (replace, so old series never linger), `resize`, `getDataURL` and `dispose` ourselves
//! instead of using charming's `WasmRenderer`, which finds elements by global id, always
//! merges and never disposes. charming still builds every option.
use std::cell::RefCell;
use std::sync::atomic::{AtomicI32, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// One ECharts instance bound to a DOM element.
    pub type EChartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(
        el: &web_sys::HtmlElement,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option_raw(
        this: &EChartsInstance,
        option: &JsValue,
        opts: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn resize(this: &EChartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn dispose(this: &EChartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = getDataURL)]
    fn get_data_url(this: &EChartsInstance, opts: &JsValue) -> Result<String, JsValue>;
}

/// True once `window.echarts` has the API we bind.
pub fn loaded() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&w, &"echarts".into())
        .and_then(|e| js_sys::Reflect::get(&e, &"init".into()))
        .is_ok_and(|init| init.is_function())
}

thread_local! {
    /// The script load in flight or done (cleared after a failure, so a later chart retries).
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Waits until ECharts is available, adding its script to the page on the first call; `false`
/// when it cannot load (the file is missing, blocked or fails its integrity check).
pub async fn ready() -> bool {
    if loaded() {
        return true;
    }
    let promise = LOADING.with(|l| l.borrow_mut().get_or_insert_with(add_script).clone());
    let ok = JsFuture::from(promise).await.is_ok() && loaded();
    if !ok {
        LOADING.with(|l| l.borrow_mut().take());
    }
    ok
}

/// Adds `<script src=… integrity=…>` for the file the page's `<meta name="scalelab-echarts">`
/// names; the promise settles when it has run or failed.
fn add_script() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let added = (|| {
            let document = web_sys::window()?.document()?;
            let meta = document
                .query_selector("meta[name=scalelab-echarts]")
                .ok()??;
            let src = meta.get_attribute("content")?;
            let script = document.create_element("script").ok()?;
            script.set_attribute("src", &src).ok()?;
            if let Some(integrity) = meta.get_attribute("data-integrity") {
                // Integrity is checked on CORS requests only (same origin: no change).
                script.set_attribute("integrity", &integrity).ok()?;
                script.set_attribute("crossorigin", "anonymous").ok()?;
            }
            script
                .add_event_listener_with_callback("load", &resolve)
                .ok()?;
            script
                .add_event_listener_with_callback("error", &reject)
                .ok()?;
            document.body()?.append_child(&script).ok()
        })();
        if added.is_none() {
            let _ = reject.call0(&JsValue::UNDEFINED);
        }
    })
}

/// Live chart instances, for leak checks (exposed to tests as `window.__scalelabCharts`).
static LIVE: AtomicI32 = AtomicI32::new(0);

fn publish_live_count() {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(
            &w,
            &"__scalelabCharts".into(),
            &LIVE.load(Ordering::Relaxed).into(),
        );
    }
}

/// An owned chart: disposed exactly once when dropped.
pub struct EChart {
    inner: EChartsInstance,
}

impl EChart {
    /// Creates a chart in `el`; `Err` when the ECharts script is missing or failed.
    pub fn new(el: &web_sys::HtmlElement, dark: bool) -> Result<Self, String> {
        let theme = if dark {
            JsValue::from_str("dark")
        } else {
            JsValue::NULL
        };
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"renderer".into(), &"canvas".into());
        let inner = echarts_init(el, &theme, &opts).map_err(|e| format!("{e:?}"))?;
        LIVE.fetch_add(1, Ordering::Relaxed);
        publish_live_count();
        Ok(EChart { inner })
    }

    /// Replaces the whole option (never merges with the previous one).
    pub fn set_option(&self, option: &serde_json::Value) {
        self.set_option_json(&option.to_string(), &serde_json::Value::Null);
    }

    /// Replaces the whole option with the one in `json`, with the top-level keys of
    /// `overrides` (an object; anything else adds nothing) set over it.
    pub fn set_option_json(&self, json: &str, overrides: &serde_json::Value) {
        let Ok(option) = js_sys::JSON::parse(json) else {
            return;
        };
        if !option.is_object() {
            return;
        }
        if overrides.is_object() {
            if let Ok(extra) = js_sys::JSON::parse(&overrides.to_string()) {
                let target: &js_sys::Object = option.unchecked_ref();
                js_sys::Object::assign(target, extra.unchecked_ref::<js_sys::Object>());
            }
        }
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE);
        let _ = self.inner.set_option_raw(&option, &opts);
    }

    pub fn resize(&self) {
        let _ = self.inner.resize();
    }

    /// The chart as a PNG data URL, on an opaque background.
    pub fn png_data_url(&self, background: &str) -> Option<String> {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"type".into(), &"png".into());
        let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &2.into());
        let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &background.into());
        self.inner.get_data_url(&opts).ok()
    }
}

impl Drop for EChart {
    fn drop(&mut self) {
        let _ = self.inner.dispose();
        LIVE.fetch_sub(1, Ordering::Relaxed);
        publish_live_count();
    }
}

/// ECharts pays a one-time setup on its first chart (its code is compiled as it first runs,
/// several times the cost of any later chart; README, Performance). A throwaway chart, built
/// up a few features at a time with a yield to the browser between steps, pays that cost in
/// several short tasks as soon as ECharts has loaded, instead of one long task when the first
/// results arrive in the middle of a run. It is then redrawn [`REDRAWS`] times with charts'
/// usual size of data, so the engine has optimised the redraw path before the reader's first
/// slider moves. Starts loading ECharts; does nothing after the first call.
pub fn warm_up_once() {
    static DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    leptos::task::spawn_local(async {
        if !ready().await {
            return;
        }
        let Some(el) = offscreen_box() else {
            return;
        };
        crate::ui::yielding::yield_to_browser().await;
        if let Ok(html) = el.clone().dyn_into::<web_sys::HtmlElement>() {
            if let Ok(chart) = EChart::new(&html, false) {
                for option in warm_up_steps() {
                    crate::ui::yielding::yield_to_browser().await;
                    chart.set_option(&option);
                }
                for i in 0..REDRAWS {
                    crate::ui::yielding::yield_to_browser().await;
                    chart.set_option(&redraw_option(i));
                }
            }
        }
        el.remove();
    });
}

/// A hidden 480 × 240 box on the page for the throwaway chart.
fn offscreen_box() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let el = document.create_element("div").ok()?;
    el.set_attribute(
        "style",
        "position:absolute;left:-10000px;top:0;width:480px;height:240px",
    )
    .ok()?;
    el.set_attribute("aria-hidden", "true").ok()?;
    document.body()?.append_child(&el).ok()?;
    Some(el)
}

/// Redraws of the throwaway chart once it has every feature.
const REDRAWS: u32 = 4;

/// The frame every warm-up option shares: axes, grid, no animation, the aria description.
fn warm_up_frame() -> serde_json::Value {
    serde_json::json!({
        "animation": false,
        "aria": { "enabled": true, "label": { "description": "warm-up" } },
        "grid": { "left": "56", "right": "16", "top": "48", "bottom": "40" },
        "xAxis": { "type": "value", "name": "t" },
        "yAxis": { "type": "value", "name": "y" },
    })
}

/// A line of `n` points; `variant` changes the values, as a new run does.
fn warm_up_line(name: &str, n: u32, variant: u32) -> serde_json::Value {
    let points: Vec<[f64; 2]> = (0..n)
        .map(|i| [f64::from(i), f64::from((i * (variant + 3)) % 11)])
        .collect();
    serde_json::json!({ "type": "line", "name": name, "showSymbol": false, "data": points })
}

/// The cursor line our time charts carry on their first series.
fn with_mark_line(mut line: serde_json::Value) -> serde_json::Value {
    line["markLine"] = serde_json::json!({
        "silent": true, "symbol": ["none", "none"], "data": [{ "xAxis": 10 }]
    });
    line
}

/// The `i`th redraw: every feature, three lines of a time chart's 200 points.
fn redraw_option(i: u32) -> serde_json::Value {
    let mut option = warm_up_frame();
    option["legend"] = serde_json::json!({ "top": "0", "type": "scroll" });
    option["tooltip"] = serde_json::json!({ "trigger": "axis" });
    option["series"] = serde_json::json!([
        with_mark_line(warm_up_line("a", 200, i)),
        warm_up_line("b", 200, i + 1),
        warm_up_line("c", 200, i + 2),
    ]);
    option
}

/// The throwaway chart's options, each adding to the one before what our charts use: axes, a
/// line, a legend, a tooltip, then a markLine and a scatter series.
fn warm_up_steps() -> Vec<serde_json::Value> {
    use serde_json::json;
    let line = warm_up_line("a", 50, 0);
    let marked = with_mark_line(line.clone());
    let mut option = warm_up_frame();
    let mut steps = vec![option.clone()];
    for (key, value) in [
        ("series", json!([line])),
        ("legend", json!({ "top": "0", "type": "scroll" })),
        ("tooltip", json!({ "trigger": "axis" })),
        (
            "series",
            json!([marked, { "type": "scatter", "name": "b", "data": [[1.0, 1.0]] }]),
        ),
    ] {
        option[key] = value;
        steps.push(option.clone());
    }
    steps
}
