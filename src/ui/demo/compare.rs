//! A/B compare: the same seeded traffic run twice with one parameter changed. The choice
//! lives in the URL as `cmp=<key>&cmpv=<value>`.
use leptos::prelude::*;
use scalelab_sim::params::{
    field_by_key, query::parse_value, FieldKind, FieldValue, Notice, Params,
};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Compare {
    pub key: &'static str,
    pub value: FieldValue,
}

impl Compare {
    /// The B parameters (validated) and a label such as "B: workers = 12".
    pub fn apply<P: Params>(&self, a: &P) -> Option<(P, String)> {
        let field = field_by_key::<P>(self.key)?;
        let mut b = a.clone();
        (field.set)(&mut b, self.value.clone());
        let (b, _) = b.validate();
        let shown = match (field.get)(&b) {
            FieldValue::Bool(on) => if on { "on" } else { "off" }.to_string(),
            other => other.text(),
        };
        Some((b, format!("{} = {}", field.label, shown)))
    }

    /// A sensible first B value for a field: double a number, the next choice, a flipped toggle.
    pub fn suggest<P: Params>(key: &'static str, a: &P) -> Option<Self> {
        let field = field_by_key::<P>(key)?;
        let current = (field.get)(a);
        let value = match field.kind {
            FieldKind::Number { min, max, .. } => {
                let x = current.num();
                let doubled = if x * 2.0 <= max {
                    x * 2.0
                } else {
                    (x / 2.0).max(min)
                };
                FieldValue::Num(if doubled == 0.0 {
                    (min + max) / 2.0
                } else {
                    doubled
                })
            }
            FieldKind::Choice(choices) => {
                let i = choices
                    .iter()
                    .position(|c| c.value == current.text())
                    .unwrap_or(0);
                FieldValue::Choice(choices[(i + 1) % choices.len()].value.to_string())
            }
            FieldKind::Toggle => FieldValue::Bool(current != FieldValue::Bool(true)),
            // Free text has no natural "other" value to suggest.
            FieldKind::Text { .. } => return None,
        };
        Some(Compare {
            key: field.key,
            value,
        })
    }

    /// Reads `cmp`/`cmpv` from the page's extra query keys.
    pub fn from_extras<P: Params>(
        extras: &BTreeMap<String, String>,
        notices: &mut Vec<Notice>,
    ) -> Option<Self> {
        let key = extras.get("cmp")?;
        let Some(field) = field_by_key::<P>(key) else {
            notices.push(Notice::new(
                "cmp",
                "Compare: unknown parameter; comparison turned off",
            ));
            return None;
        };
        let value = extras.get("cmpv").and_then(|v| parse_value(field.kind, v));
        match value {
            Some(value) => Some(Compare {
                key: field.key,
                value,
            }),
            None => {
                notices.push(Notice::new(
                    "cmpv",
                    "Compare: the B value is missing or invalid; using a suggestion",
                ));
                P::fields()
                    .iter()
                    .find(|f| f.key == field.key)
                    .and_then(|f| Self::suggest(f.key, &P::default()))
            }
        }
    }

    /// A comparison from its URL values, if the key names a field and the value parses.
    pub fn from_pair<P: Params>(key: &str, value: &str) -> Option<Self> {
        let field = field_by_key::<P>(key)?;
        Some(Compare {
            key: field.key,
            value: parse_value(field.kind, value)?,
        })
    }

    pub fn to_pairs(&self) -> [(&'static str, String); 2] {
        [("cmp", self.key.to_string()), ("cmpv", self.value.text())]
    }
}

/// "Compare with: [parameter] = [value]".
pub fn compare_controls<P: Params + Send + Sync>(
    params: RwSignal<P>,
    compare: RwSignal<Option<Compare>>,
) -> impl IntoView {
    let options = P::fields()
        .iter()
        .map(|f| {
            view! {
                <option value=f.key selected=move || compare.with(|c| c.as_ref().map(|c| c.key) == Some(f.key))>
                    {f.label}
                </option>
            }
        })
        .collect_view();
    let on_field = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        let chosen = P::fields().iter().find(|f| f.key == key).map(|f| f.key);
        compare.set(chosen.and_then(|k| Compare::suggest(k, &params.get_untracked())));
    };
    let on_value = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        compare.update(|c| {
            if let Some(c) = c {
                if let Some(f) = field_by_key::<P>(c.key) {
                    if let Some(v) = parse_value(f.kind, text.trim()) {
                        c.value = v;
                    }
                }
            }
        });
    };
    view! {
        <div class="compare" role="group" aria-label="Compare two runs">
            <label class="inline">
                "Compare with B: "
                <select on:change=on_field>
                    <option value="" selected=move || compare.with(|c| c.is_none())>"(no comparison)"</option>
                    {options}
                </select>
            </label>
            <Show when=move || compare.with(|c| c.is_some())>
                <label class="inline">
                    " = "
                    <input
                        type="text"
                        inputmode="decimal"
                        size="8"
                        aria-label="Value of the parameter in run B"
                        prop:value=move || compare.with(|c| c.as_ref().map(|c| c.value.text()).unwrap_or_default())
                        on:change=on_value
                    />
                </label>
            </Show>
        </div>
    }
}
