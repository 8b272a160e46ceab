//! Small helpers every demo's field list uses: reading a [`FieldValue`] back into a typed
//! field and the two shapes of numeric input (choice fields use [`super::ChoiceEnum`]).
use super::{FieldKind, FieldValue};

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
