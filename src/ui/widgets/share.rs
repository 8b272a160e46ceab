//! Share and export: copy a link that restores this exact run, copy an iframe snippet for
//! embedding, and download the run's summary and time series as CSV or JSON.
use crate::ui::dom;
use leptos::{prelude::*, task::spawn_local};

/// The iframe snippet for embedding a demo. Hosts that want auto-height can listen for
/// `{type: "scalelab:height", height}` messages.
pub fn embed_snippet(src: &str, title: &str) -> String {
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    let title = title.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"760\" \
         style=\"border:0;max-width:960px\" loading=\"lazy\"></iframe>"
    )
}

#[component]
pub fn SharePanel(
    /// Absolute URL of the lesson with every setting in the query.
    #[prop(into)]
    link: Signal<String>,
    /// The iframe snippet.
    #[prop(into)]
    embed: Signal<String>,
    on_csv: Callback<()>,
    on_json: Callback<()>,
) -> impl IntoView {
    // What was last copied (or could not be), shown so the reader can copy by hand.
    let copied = RwSignal::new(None::<(String, bool)>);
    let copy = move |label: &'static str, text: String| {
        spawn_local(async move {
            let ok = dom::copy_text(&text).await;
            let message = if ok {
                format!("{label} copied to the clipboard.")
            } else {
                format!("Copying is blocked here; select and copy the {label} below.")
            };
            copied.set(Some((message, ok)));
        });
    };
    let fallback = Memo::new(move |_| copied.get().filter(|(_, ok)| !ok).map(|_| ()));
    let last_text = RwSignal::new(String::new());
    view! {
        <div class="share" role="group" aria-label="Share and export">
            <button type="button" on:click=move |_| {
                last_text.set(link.get_untracked());
                copy("Link", link.get_untracked())
            }>"Copy link"</button>
            <button type="button" on:click=move |_| {
                last_text.set(embed.get_untracked());
                copy("Embed code", embed.get_untracked())
            }>"Copy embed code"</button>
            <button type="button" on:click=move |_| on_csv.run(())>"Download CSV"</button>
            <button type="button" on:click=move |_| on_json.run(())>"Download JSON"</button>
            <p class="share-status" role="status">{move || copied.get().map(|(m, _)| m)}</p>
            <Show when=move || fallback.get().is_some()>
                <textarea readonly class="copy-fallback" aria-label="Text to copy" prop:value=move || last_text.get()></textarea>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_snippet_escapes_attributes() {
        let s = embed_snippet("/scalelab/embed/queues?a=1&b=\"2\"", "Queues \"demo\"");
        assert!(s.contains("src=\"/scalelab/embed/queues?a=1&amp;b=&quot;2&quot;\""));
        assert!(s.contains("title=\"Queues &quot;demo&quot;\""));
        assert!(s.starts_with("<iframe ") && s.ends_with("</iframe>"));
    }
}
