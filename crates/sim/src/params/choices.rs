//! Enums whose variants are the options of a choice field. Each option is written once, as
//! `Variant => ("url value", "Label")`, and [`choices!`](crate::choices) derives the rest
//! from that one table, so nothing has to be kept in step by position:
//!
//! ```text
//!   Variant => ("value", "Label")  ──▶  enum (serde name = value)
//!                                  ──▶  CHOICES: [Choice] for the controls and the URL codec
//!                                  ──▶  ALL, choice(), ChoiceEnum (value ↔ variant)
//! ```
use super::{Choice, FieldValue};

/// An enum declared with [`choices!`](crate::choices): reads and writes it as a field value.
pub trait ChoiceEnum: Copy + PartialEq + 'static {
    /// Every variant with its choice, in the order the controls list them.
    fn table() -> &'static [(Self, Choice)];

    /// The URL value, which is also the serde name.
    fn value(self) -> &'static str {
        Self::table()
            .iter()
            .find(|(variant, _)| *variant == self)
            .map_or("", |(_, c)| c.value)
    }

    /// The variant whose URL value is `value`.
    fn from_value(value: &str) -> Option<Self> {
        Self::table()
            .iter()
            .find(|(_, c)| c.value == value)
            .map(|&(variant, _)| variant)
    }

    /// The field value controls and the URL codec see.
    fn to_field(self) -> FieldValue {
        FieldValue::Choice(self.value().to_string())
    }

    /// The variant a field value names; anything else leaves `current`.
    fn from_field(v: FieldValue, current: Self) -> Self {
        match v {
            FieldValue::Choice(s) => Self::from_value(&s).unwrap_or(current),
            _ => current,
        }
    }
}

/// Declares a choice enum from its table of options:
///
/// ```ignore
/// choices! {
///     /// How long a failed job waits before it is queued again.
///     pub enum Backoff {
///         /// Retry at once.
///         None => ("none", "None (retry at once)"),
///         Linear => ("linear", "Linear"),
///         #[default]
///         Exponential => ("exponential", "Exponential"),
///     }
/// }
/// ```
///
/// gives the enum (Clone, Copy, Debug, PartialEq, Eq, Default and serde, each variant
/// serialised as its URL value; more derives may be added as attributes), `CHOICES` and `ALL`
/// in table order, the `const fn choice(self)` (for choice lists built at compile time), and
/// [`ChoiceEnum`].
#[macro_export]
macro_rules! choices {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident => ($value:literal, $label:literal)
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Default, ::serde::Serialize, ::serde::Deserialize,
        )]
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                #[serde(rename = $value)]
                $variant,
            )+
        }

        impl $name {
            /// The choices the controls offer, in this order.
            pub const CHOICES: &'static [$crate::params::Choice] = &[$($name::$variant.choice()),+];

            /// Every variant, in the order of [`Self::CHOICES`].
            pub const ALL: [$name; $name::CHOICES.len()] = [$($name::$variant),+];

            /// This variant's URL value and label.
            pub const fn choice(self) -> $crate::params::Choice {
                match self {
                    $($name::$variant => $crate::params::Choice {
                        value: $value,
                        label: $label,
                    },)+
                }
            }
        }

        impl $crate::params::ChoiceEnum for $name {
            fn table() -> &'static [($name, $crate::params::Choice)] {
                const TABLE: &[($name, $crate::params::Choice)] =
                    &[$(($name::$variant, $name::$variant.choice())),+];
                TABLE
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::ChoiceEnum;
    use crate::params::FieldValue;

    crate::choices! {
        /// A test enum.
        #[derive(Hash)]
        enum Speed {
            Slow => ("slow", "Slow"),
            /// The usual.
            #[default]
            Fast => ("fast", "Fast (default)"),
        }
    }

    #[test]
    fn one_table_gives_every_view_of_the_enum() {
        assert_eq!(Speed::default(), Speed::Fast);
        assert_eq!(Speed::ALL, [Speed::Slow, Speed::Fast]);
        let values: Vec<_> = Speed::CHOICES.iter().map(|c| (c.value, c.label)).collect();
        assert_eq!(values, [("slow", "Slow"), ("fast", "Fast (default)")]);
        assert_eq!(Speed::Slow.value(), "slow");
        assert_eq!(Speed::from_value("fast"), Some(Speed::Fast));
        assert_eq!(Speed::from_value("Fast"), None);
        assert_eq!(Speed::Slow.to_field(), FieldValue::Choice("slow".into()));
        let back = |v| Speed::from_field(v, Speed::Slow);
        assert_eq!(back(FieldValue::Choice("fast".into())), Speed::Fast);
        assert_eq!(back(FieldValue::Choice("nope".into())), Speed::Slow);
        assert_eq!(back(FieldValue::Num(1.0)), Speed::Slow);
        assert_eq!(serde_json::to_string(&Speed::Fast).unwrap(), "\"fast\"");
        assert_eq!(
            serde_json::from_str::<Speed>("\"slow\"").unwrap(),
            Speed::Slow
        );
    }
}
