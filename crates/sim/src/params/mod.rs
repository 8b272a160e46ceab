//! One `Params` type per demo is the single source of truth for the URL query, the embed
//! snippet, the controls and the simulation. This module describes a type's fields once
//! (key, label, unit, range, help) and derives clamping and notices from that description.
//!
//! ```text
//!   URL query ──from_query──▶ Params ──validate──▶ (Params, notices) ──▶ simulation
//!        ▲                        │
//!        └──────to_query──────────┘◀── controls (generated from `fields()`)
//! ```
//!
//! ```text
//! choices  ChoiceEnum and choices!: a choice field's enum, written as one table of options
//! kit      small helpers of the field lists: whole numbers, toggles, numeric inputs, 1,234
//! query    the URL codec
//! ```
pub mod choices;
pub mod kit;
pub mod query;

pub use choices::ChoiceEnum;

use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

/// What kind of input a field takes, and its documented range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldKind {
    /// A number in `min..=max`. `integer` rounds to whole numbers; `log` asks controls for a
    /// logarithmic slider (for ranges spanning several orders of magnitude).
    Number {
        min: f64,
        max: f64,
        step: f64,
        unit: &'static str,
        integer: bool,
        log: bool,
    },
    /// One of a fixed set of choices.
    Choice(&'static [Choice]),
    /// On or off.
    Toggle,
    /// Free text of at most `max_len` characters (longer input is cut with a notice);
    /// `placeholder` is shown by an empty control.
    Text {
        max_len: usize,
        placeholder: &'static str,
    },
}

/// One option of a [`FieldKind::Choice`]: its URL value and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

/// A field's value, as controls and the URL codec see it.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Num(f64),
    Choice(String),
    Bool(bool),
    /// Free text ([`FieldKind::Text`]).
    Text(String),
}

impl FieldValue {
    pub fn num(&self) -> f64 {
        match self {
            FieldValue::Num(x) => *x,
            FieldValue::Bool(b) => f64::from(u8::from(*b)),
            FieldValue::Choice(_) | FieldValue::Text(_) => 0.0,
        }
    }
    pub fn text(&self) -> String {
        match self {
            FieldValue::Num(x) => format_number(*x),
            FieldValue::Choice(s) | FieldValue::Text(s) => s.clone(),
            FieldValue::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        }
    }
}

/// Formats a number the shortest way that reads back to the same value: whole numbers without
/// a point, and very large or very small ones in exponent form (`1e99`, not a hundred digits).
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else if x.is_finite() && x != 0.0 && !(1e-6..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The description of one parameter of a demo.
pub struct Field<P> {
    /// The URL query key; short, stable, lowercase.
    pub key: &'static str,
    pub label: &'static str,
    /// One sentence shown as the control's help text.
    pub help: &'static str,
    /// Controls are grouped under these headings, in order of first appearance.
    pub group: &'static str,
    pub kind: FieldKind,
    pub get: fn(&P) -> FieldValue,
    pub set: fn(&mut P, FieldValue),
    /// Whether the control is relevant for the current values (hidden otherwise).
    pub shown: fn(&P) -> bool,
}

/// Fields that are always shown use this for [`Field::shown`].
pub fn always<P>(_: &P) -> bool {
    true
}

/// A human-readable note that an input was changed to keep the demo runnable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// The URL key the notice is about (empty for notices about the whole input).
    pub key: String,
    pub message: String,
}

impl Notice {
    pub fn new(key: impl Into<String>, message: impl Into<String>) -> Self {
        Notice {
            key: key.into(),
            message: message.into(),
        }
    }
}

/// A demo's parameters. Implementors list their fields; clamping and notices come for free.
pub trait Params:
    Clone + PartialEq + Default + Debug + Serialize + DeserializeOwned + 'static
{
    /// Every field, in the order controls show them.
    fn fields() -> &'static [Field<Self>];

    /// Rules between fields (e.g. min ≤ max), applied after each field is clamped to its range.
    fn check(&mut self, _notices: &mut Vec<Notice>) {}

    /// Clamps every field into its documented range and applies [`Params::check`].
    /// Always returns runnable parameters, with a notice for each change it made.
    fn validate(mut self) -> (Self, Vec<Notice>) {
        let mut notices = Vec::new();
        let defaults = Self::default();
        for field in Self::fields() {
            let value = (field.get)(&self);
            if let Some((fixed, why)) = clamp_value(field, &value, &(field.get)(&defaults)) {
                notices.push(Notice::new(field.key, format!("{}: {why}", field.label)));
                (field.set)(&mut self, fixed);
            }
        }
        self.check(&mut notices);
        (self, notices)
    }
}

/// Sets `field` of `params` to `value`, clamped into the field's range first — before the
/// field's setter converts it (a setter storing a whole number would otherwise turn −5 or
/// NaN into 0 without a word). Returns the notice when the value was changed.
pub fn set_checked<P: Params>(
    params: &mut P,
    field: &Field<P>,
    value: FieldValue,
) -> Option<Notice> {
    let default = (field.get)(&P::default());
    match clamp_value(field, &value, &default) {
        Some((fixed, why)) => {
            (field.set)(params, fixed);
            Some(Notice::new(field.key, format!("{}: {why}", field.label)))
        }
        None => {
            (field.set)(params, value);
            None
        }
    }
}

/// Returns the corrected value and the reason, or `None` when `value` is already valid.
pub fn clamp_value<P>(
    field: &Field<P>,
    value: &FieldValue,
    default: &FieldValue,
) -> Option<(FieldValue, String)> {
    match (field.kind, value) {
        (
            FieldKind::Number {
                min,
                max,
                integer,
                unit,
                ..
            },
            FieldValue::Num(x),
        ) => {
            let x = *x;
            if !x.is_finite() {
                return Some((
                    default.clone(),
                    format!("{} is not a usable number; using {}", x, default.text()),
                ));
            }
            let mut fixed = x.clamp(min, max);
            if integer {
                fixed = fixed.round();
            }
            if fixed == x {
                return None;
            }
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {}", unit_for(fixed, unit))
            };
            let why = if x < min {
                format!(
                    "{} is below the minimum; using {}{unit}",
                    format_number(x),
                    format_number(fixed)
                )
            } else if x > max {
                format!(
                    "{} is above the maximum; using {}{unit}",
                    format_number(x),
                    format_number(fixed)
                )
            } else {
                format!(
                    "{} must be a whole number; using {}",
                    format_number(x),
                    format_number(fixed)
                )
            };
            Some((FieldValue::Num(fixed), why))
        }
        (FieldKind::Choice(choices), FieldValue::Choice(s)) => {
            if choices.iter().any(|c| c.value == s) {
                None
            } else {
                Some((
                    default.clone(),
                    format!("'{s}' is not one of the choices; using {}", default.text()),
                ))
            }
        }
        (FieldKind::Toggle, FieldValue::Bool(_)) => None,
        (FieldKind::Text { max_len, .. }, FieldValue::Text(s)) => {
            let clean = clean_text(s);
            let n = clean.chars().count();
            if n > max_len {
                let cut: String = clean.chars().take(max_len).collect();
                Some((
                    FieldValue::Text(cut),
                    format!("{n} characters is too long; kept the first {max_len}"),
                ))
            } else if clean != *s {
                Some((
                    FieldValue::Text(clean),
                    "replaced line breaks and removed control characters".into(),
                ))
            } else {
                None
            }
        }
        _ => Some((
            default.clone(),
            format!("unexpected value; using {}", default.text()),
        )),
    }
}

/// `unit` as it reads after `value`: a plural noun unit is singular for exactly 1 ("1 worker",
/// "1 query", "2 workers"); symbols and rates ("ms", "s", "req/s", "%") never change.
pub fn unit_for(value: f64, unit: &str) -> std::borrow::Cow<'_, str> {
    let noun = unit.len() > 2 && unit.bytes().all(|b| b.is_ascii_lowercase());
    if value != 1.0 || !noun || !unit.ends_with('s') {
        return unit.into();
    }
    match unit.strip_suffix("ies") {
        Some(stem) => format!("{stem}y").into(),
        None => unit[..unit.len() - 1].to_string().into(),
    }
}

/// Text as fields keep it: line breaks and tabs turned into spaces and other control
/// characters removed (the page renders it as text, never as markup).
pub fn clean_text(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Looks a field up by its URL key.
pub fn field_by_key<P: Params>(key: &str) -> Option<&'static Field<P>> {
    P::fields().iter().find(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_read_the_shortest_way_and_read_back_exactly() {
        for (x, text) in [
            (42.0, "42"),
            (-3.0, "-3"),
            (0.05, "0.05"),
            (2.5, "2.5"),
            (1e99, "1e99"),
            (-1.5e20, "-1.5e20"),
            (1e-300, "1e-300"),
            (0.0, "0"),
        ] {
            assert_eq!(format_number(x), text);
            assert_eq!(text.parse::<f64>().unwrap(), x);
        }
        assert_eq!(format_number(f64::NAN), "NaN");
    }
}
