//! Shared proptest strategies for the property tests: any value a URL or a control could
//! hand a field, and parameters with every field set that way.
use proptest::prelude::*;
use scalelab_sim::params::{FieldKind, FieldValue, Params};

/// Any value a field might be handed, valid or not.
pub fn value_for(kind: FieldKind) -> BoxedStrategy<FieldValue> {
    match kind {
        FieldKind::Number { min, max, .. } => prop_oneof![
            (min..=max).prop_map(FieldValue::Num),
            Just(FieldValue::Num(min)),
            Just(FieldValue::Num(max)),
            prop::sample::select(vec![
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                -1.0,
                0.0,
                1e300,
                -1e300
            ])
            .prop_map(FieldValue::Num),
            any::<f64>().prop_map(FieldValue::Num),
        ]
        .boxed(),
        FieldKind::Choice(choices) => {
            let values: Vec<String> = choices.iter().map(|c| c.value.to_string()).collect();
            prop_oneof![
                4 => prop::sample::select(values).prop_map(FieldValue::Choice),
                1 => ".{0,12}".prop_map(FieldValue::Choice),
            ]
            .boxed()
        }
        FieldKind::Toggle => any::<bool>().prop_map(FieldValue::Bool).boxed(),
        FieldKind::Text { .. } => prop_oneof![
            "[0-9x@., :c]{0,60}".prop_map(FieldValue::Text),
            ".{0,80}".prop_map(FieldValue::Text),
        ]
        .boxed(),
    }
}

/// Parameters with every field set to an arbitrary value (before validation).
pub fn arbitrary<P: Params>() -> impl Strategy<Value = P> {
    let fields = P::fields();
    let values: Vec<BoxedStrategy<FieldValue>> = fields.iter().map(|f| value_for(f.kind)).collect();
    values.prop_map(move |vs| {
        let mut p = P::default();
        for (f, v) in fields.iter().zip(vs) {
            (f.set)(&mut p, v);
        }
        p
    })
}
