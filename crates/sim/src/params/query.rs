//! The URL query codec: every parameter and the seed live in the query string, so a link
//! restores the exact run. Reading is forgiving: anything malformed is replaced by a default or
//! clamped, and each change is reported as a [`Notice`] the page shows.
use super::{field_by_key, set_checked, FieldKind, FieldValue, Notice, Params};
use std::collections::BTreeMap;

/// The seed used when a URL gives none.
pub const DEFAULT_SEED: u64 = 42;
/// The longest value quoted back in a notice; longer input is cut with an ellipsis.
const QUOTE_MAX: usize = 32;
/// At most this many notices are listed; the rest are summarised in one line.
const NOTICES_MAX: usize = 12;

/// What a query string said, after clamping.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<P> {
    pub params: P,
    pub seed: u64,
    /// Values of the page's own keys (e.g. `controls`, `autoplay`), unparsed.
    pub extras: BTreeMap<String, String>,
    pub notices: Vec<Notice>,
}

/// Reads `query` (with or without the leading `?`). `extra_keys` are keys the page itself
/// understands; they are returned in [`Parsed::extras`] instead of being reported as unknown.
pub fn from_query<P: Params>(query: &str, extra_keys: &[&str]) -> Parsed<P> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    let mut params = P::default();
    let mut seed = DEFAULT_SEED;
    let mut extras = BTreeMap::new();
    let mut notices = Vec::new();
    let mut seen: Vec<String> = Vec::new();

    for (raw_key, raw_value) in pairs {
        let key = raw_key.trim();
        let value = raw_value.trim();
        if key.is_empty() {
            continue;
        }
        if seen.iter().any(|k| k == key) {
            notices.push(Notice::new(
                key,
                format!(
                    "'{}' was given more than once; using the last value",
                    quote(key)
                ),
            ));
        } else {
            seen.push(key.to_string());
        }
        if key == "seed" {
            match parse_seed(value) {
                Some(s) => seed = s,
                None => notices.push(Notice::new(
                    "seed",
                    format!(
                        "Seed: '{}' is not a whole number from 0 to 2^53; using {DEFAULT_SEED}",
                        quote(value)
                    ),
                )),
            }
        } else if extra_keys.contains(&key) {
            extras.insert(key.to_string(), value.to_string());
        } else if let Some(field) = field_by_key::<P>(key) {
            match parse_value(field.kind, value) {
                Some(v) => notices.extend(set_checked(&mut params, field, v)),
                None => {
                    let default = (field.get)(&P::default());
                    notices.push(Notice::new(
                        key,
                        format!(
                            "{}: '{}' is not valid here; using {}",
                            field.label,
                            quote(value),
                            default.text()
                        ),
                    ));
                    (field.set)(&mut params, default);
                }
            }
        } else {
            notices.push(Notice::new(
                key,
                format!("Ignored the unknown setting '{}'", quote(key)),
            ));
        }
    }

    let (params, clamped) = params.validate();
    notices.extend(clamped);
    Parsed {
        params,
        seed,
        extras,
        notices: cap_notices(notices),
    }
}

/// Writes every parameter (defaults included, so a link never depends on today's defaults)
/// and the seed, in field order.
pub fn to_query<P: Params>(params: &P, seed: u64) -> String {
    let mut pairs: Vec<(&str, String)> = P::fields()
        .iter()
        .map(|f| (f.key, (f.get)(params).text()))
        .collect();
    pairs.push(("seed", seed.to_string()));
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// Seeds are kept to 53 bits so they survive a round trip through a JavaScript number.
pub const SEED_MAX: u64 = (1 << 53) - 1;

pub fn parse_seed(value: &str) -> Option<u64> {
    value.parse::<u64>().ok().filter(|s| *s <= SEED_MAX)
}

/// Parses one value as the URL codec does (numbers, choice values, on/off words, text:
/// any string, trimmed, control characters removed).
pub fn parse_value(kind: FieldKind, value: &str) -> Option<FieldValue> {
    match kind {
        FieldKind::Number { .. } => value.parse::<f64>().ok().map(FieldValue::Num),
        FieldKind::Choice(choices) => choices
            .iter()
            .find(|c| c.value == value)
            .map(|c| FieldValue::Choice(c.value.to_string())),
        FieldKind::Toggle => match value.to_ascii_lowercase().as_str() {
            "1" | "true" | "on" | "yes" => Some(FieldValue::Bool(true)),
            "0" | "false" | "off" | "no" => Some(FieldValue::Bool(false)),
            _ => None,
        },
        // Any text is accepted; `validate` cuts it to `max_len` with a notice.
        FieldKind::Text { .. } => Some(FieldValue::Text(
            super::clean_text(value).trim().to_string(),
        )),
    }
}

/// Shortens hostile or overlong input before it is quoted back (the page renders it as text).
fn quote(s: &str) -> String {
    let cleaned: String = s.chars().filter(|c| !c.is_control()).collect();
    if cleaned.chars().count() <= QUOTE_MAX {
        cleaned
    } else {
        let cut: String = cleaned.chars().take(QUOTE_MAX).collect();
        format!("{cut}…")
    }
}

fn cap_notices(mut notices: Vec<Notice>) -> Vec<Notice> {
    if notices.len() > NOTICES_MAX {
        let rest = notices.len() - (NOTICES_MAX - 1);
        notices.truncate(NOTICES_MAX - 1);
        notices.push(Notice::new("", format!("…and {rest} more changes")));
    }
    notices
}
