//! Small helpers every demo's field list uses: reading a [`FieldValue`] back into a typed
//! field, writing an enum as a choice, and the two shapes of numeric input.
use super::{Choice, FieldKind, FieldValue};

/// A whole number from a field value (`as` saturates; NaN → 0).
pub fn to_u32(v: FieldValue) -> u32 {
    v.num().round() as u32
}

/// On/off from a field value (numbers: anything but 0 is on).
pub fn to_bool(v: FieldValue) -> bool {
    match v {
        FieldValue::Bool(b) => b,
        other => other.num() != 0.0,
    }
}

/// The enum variant whose choice value is `v`; unknown values leave `current`.
/// `choices[i]` describes `all[i]`.
pub fn to_choice<T: Copy>(v: FieldValue, choices: &[Choice], all: &[T], current: T) -> T {
    match v {
        FieldValue::Choice(s) => choices
            .iter()
            .position(|c| c.value == s)
            .and_then(|i| all.get(i).copied())
            .unwrap_or(current),
        _ => current,
    }
}

/// The choice value of the variant at `index` (its position in `choices`).
pub fn choice_value(choices: &[Choice], index: usize) -> FieldValue {
    FieldValue::Choice(
        choices
            .get(index)
            .map(|c| c.value)
            .unwrap_or_default()
            .to_string(),
    )
}

/// A number input that accepts fractions, in steps of `step`.
pub const fn number(min: f64, max: f64, step: f64, unit: &'static str, log: bool) -> FieldKind {
    FieldKind::Number {
        min,
        max,
        step,
        unit,
        integer: false,
        log,
    }
}

/// A whole-number input.
pub const fn whole(min: f64, max: f64, unit: &'static str, log: bool) -> FieldKind {
    FieldKind::Number {
        min,
        max,
        step: 1.0,
        unit,
        integer: true,
        log,
    }
}

/// "1234567" → "1,234,567" (for notices and labels).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn to_u32_saturates() {
        assert_eq!(to_u32(FieldValue::Num(f64::NAN)), 0);
        assert_eq!(to_u32(FieldValue::Num(-5.0)), 0);
        assert_eq!(to_u32(FieldValue::Num(1e20)), u32::MAX);
        assert_eq!(to_u32(FieldValue::Num(2.6)), 3);
    }
}
