//! A panic must never leave a blank page: the hook logs it to the console and puts a
//! friendly panel on top of whatever was rendered, with a link that reopens the current
//! page without its (possibly bad) settings.
use std::panic;

const PANEL_ID: &str = "panic-panel";

pub fn install_hook() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

fn show_panel(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id(PANEL_ID);
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let reset = super::dom::current_path();
    let heading = document.create_element("h2").ok();
    let text = document.create_element("p").ok();
    let link = document.create_element("a").ok();
    let details = document.create_element("pre").ok();
    if let (Some(h), Some(p), Some(a), Some(pre)) = (heading, text, link, details) {
        h.set_text_content(Some("Something went wrong in this demo"));
        p.set_text_content(Some(
            "The simulation hit an unexpected state. Your settings are still in the address bar; \
             the link below reopens this page with its default settings.",
        ));
        a.set_text_content(Some("Reset this demo"));
        let _ = a.set_attribute("href", &reset);
        pre.set_text_content(Some(detail));
        let _ = panel.append_child(&h);
        let _ = panel.append_child(&p);
        let _ = panel.append_child(&a);
        let _ = panel.append_child(&pre);
    }
    let _ = body.prepend_with_node_1(&panel);
}
