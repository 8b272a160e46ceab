//! The free-text field kind: any string is accepted (trimmed, control characters removed),
//! overlong text is cut with a notice, and text survives the URL round trip.
use scalelab_sim::params::query::{from_query, parse_value, to_query};
use scalelab_sim::params::{clean_text, FieldKind, FieldValue, Params};
use scalelab_sim::ratelimit::{Pattern, RateLimitParams};

const KIND: FieldKind = FieldKind::Text {
    max_len: 10,
    placeholder: "",
};

#[test]
fn any_text_parses_trimmed_without_control_characters() {
    assert_eq!(
        parse_value(KIND, "  a,\u{7}b\nc  "),
        Some(FieldValue::Text("a,b c".into()))
    );
    assert_eq!(parse_value(KIND, ""), Some(FieldValue::Text(String::new())));
    assert_eq!(clean_text("x\ty\r\n\u{0}z"), "x y  z");
    assert_eq!(FieldValue::Text("7".into()).num(), 0.0);
    assert_eq!(FieldValue::Text("7".into()).text(), "7");
}

#[test]
fn text_round_trips_through_the_query() {
    let p = RateLimitParams {
        traffic: Pattern::Custom,
        timeline: "0, 0.5, 10x@9.9 & 2:1 = ?#%".into(),
        ..RateLimitParams::default()
    };
    let (p, _) = p.validate();
    let q = to_query(&p, 1);
    let parsed = from_query::<RateLimitParams>(&q, &[]);
    assert_eq!(parsed.params.timeline, p.timeline);
}

#[test]
fn overlong_text_is_cut_with_a_notice_and_validation_is_a_fixed_point() {
    let p = RateLimitParams {
        timeline: "é".repeat(5000),
        ..RateLimitParams::default()
    };
    let (p, notices) = p.validate();
    assert_eq!(p.timeline.chars().count(), 4000);
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].message.contains("5000 characters"),
        "{notices:?}"
    );
    let (again, notices) = p.clone().validate();
    assert_eq!(again, p);
    assert!(notices.is_empty());
    // Control characters set directly (not through the codec) are cleaned with a notice.
    let (p, notices) = RateLimitParams {
        timeline: "1\n2".into(),
        ..RateLimitParams::default()
    }
    .validate();
    assert_eq!(p.timeline, "1 2");
    assert_eq!(notices.len(), 1);
}
