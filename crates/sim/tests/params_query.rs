//! The URL codec: a link restores the exact parameters and seed, and hostile or malformed
//! input always yields runnable parameters plus a notice naming what was changed.
use scalelab_sim::params::query::{from_query, DEFAULT_SEED};
use scalelab_sim::params::Params;
use scalelab_sim::queue::QueueParams;

fn keys(notices: &[scalelab_sim::params::Notice]) -> Vec<&str> {
    notices.iter().map(|n| n.key.as_str()).collect()
}

#[test]
fn missing_values_fall_back_to_defaults_silently() {
    let parsed = from_query::<QueueParams>("", &[]);
    assert_eq!(parsed.params, QueueParams::default());
    assert_eq!(parsed.seed, DEFAULT_SEED);
    assert!(parsed.notices.is_empty());
}

#[test]
fn malformed_values_are_replaced_and_reported() {
    let parsed = from_query::<QueueParams>(
        "?rate=abc&workers=-5&capacity=1e9&service=bogus&arrival=%3Cscript%3E&duration=NaN&jitter=maybe&seed=-1",
        &[],
    );
    let p = &parsed.params;
    let d = QueueParams::default();
    assert_eq!(p.rate, d.rate);
    assert_eq!(p.workers, 1, "negative workers clamp to the minimum");
    assert_eq!(p.capacity, 100_000);
    assert_eq!(p.service, d.service);
    assert_eq!(p.arrival, d.arrival, "an unknown choice keeps the default");
    assert_eq!(p.duration_s, d.duration_s);
    assert_eq!(parsed.seed, DEFAULT_SEED);
    let k = keys(&parsed.notices);
    for key in [
        "rate", "workers", "capacity", "service", "arrival", "duration", "jitter", "seed",
    ] {
        assert!(
            k.contains(&key),
            "no notice for {key}: {:?}",
            parsed.notices
        );
    }
    let workers = parsed.notices.iter().find(|n| n.key == "workers").unwrap();
    assert!(
        workers.message.ends_with("using 1 worker"),
        "singular unit for 1: {}",
        workers.message
    );
    // The validated result is a fixed point: validating again changes nothing.
    let (again, notices) = parsed.params.clone().validate();
    assert_eq!(again, parsed.params);
    assert!(notices.is_empty());
}

#[test]
fn units_read_singular_for_exactly_one() {
    use scalelab_sim::params::unit_for;
    assert_eq!(unit_for(1.0, "workers"), "worker");
    assert_eq!(unit_for(1.0, "queries"), "query");
    assert_eq!(unit_for(1.0, "bytes"), "byte");
    assert_eq!(unit_for(2.0, "workers"), "workers");
    assert_eq!(unit_for(0.5, "workers"), "workers");
    for symbol in ["s", "ms", "req/s", "jobs/s", "%", "×", "µs"] {
        assert_eq!(unit_for(1.0, symbol), symbol);
    }
}

#[test]
fn unknown_duplicate_and_page_keys_are_handled() {
    let parsed = from_query::<QueueParams>(
        "workers=4&workers=6&evil=%22%3E%3Cimg&controls=0&autoplay=1",
        &["controls", "autoplay"],
    );
    assert_eq!(parsed.params.workers, 6, "the last value wins");
    assert_eq!(parsed.extras.get("controls").map(String::as_str), Some("0"));
    assert_eq!(parsed.extras.get("autoplay").map(String::as_str), Some("1"));
    let messages: Vec<&str> = parsed.notices.iter().map(|n| n.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("more than once")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("unknown setting")),
        "{messages:?}"
    );
}

#[test]
fn overlong_input_is_quoted_short_and_notices_are_capped() {
    let long = "x".repeat(10_000);
    let mut q = format!("rate={long}");
    for i in 0..50 {
        q.push_str(&format!("&unknown{i}=1"));
    }
    let parsed = from_query::<QueueParams>(&q, &[]);
    assert!(parsed.notices.len() <= 12);
    assert!(parsed
        .notices
        .iter()
        .all(|n| n.message.chars().count() < 200));
    assert!(parsed
        .notices
        .last()
        .unwrap()
        .message
        .contains("more changes"));
}

/// A whole-number field handed −5 or NaN must say so, not quietly become 0 in its setter.
#[test]
fn out_of_range_values_are_reported_before_the_setter_converts_them() {
    use scalelab_sim::nplus1::NPlusOneParams;
    for bad in ["-5", "NaN", "-1e300"] {
        let parsed = from_query::<NPlusOneParams>(&format!("comments={bad}"), &[]);
        assert!(
            parsed.notices.iter().any(|n| n.key == "comments"),
            "comments={bad}: {:?}",
            parsed.notices
        );
    }
    let parsed = from_query::<scalelab_sim::queue::QueueParams>("capacity=NaN", &[]);
    assert!(parsed.notices.iter().any(|n| n.key == "capacity"));
}
