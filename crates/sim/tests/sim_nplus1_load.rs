//! The N+1 load test: determinism, agreement with the idle-system waterfall, pool contention,
//! Little's law, and validation (every field's extremes and random combinations run, finish
//! and report only finite numbers).
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use scalelab_sim::engine::{Simulation, SECOND};
use scalelab_sim::nplus1::{
    page_latency_ms, Issue, NPlusOneParams, NPlusOneReport, NPlusOneSim, Shape, Strategy, MAX_DOTS,
    MAX_EXPECTED_QUERIES,
};
use scalelab_sim::params::{FieldKind, FieldValue, Params};

fn run(p: &NPlusOneParams, seed: u64) -> NPlusOneReport {
    NPlusOneSim::new(p, seed).run_to_end()
}

fn assert_finite(r: &NPlusOneReport) {
    let scalars = [
        r.sim_secs,
        r.single_page_ms,
        r.db_qps,
        r.pages_per_s,
        r.pool_utilisation,
        r.mean_pages_in_flight,
        r.mean_waiting_for_connection,
    ];
    assert!(scalars.iter().all(|x| x.is_finite()), "{scalars:?}");
    for p in [r.page_latency, r.pool_wait] {
        assert!([p.p50, p.p95, p.p99, p.mean, p.max]
            .iter()
            .all(|x| x.is_finite()));
    }
    for s in &r.series {
        let opt = [s.page_p50, s.page_p95, s.page_p99].into_iter().flatten();
        assert!([
            s.t_secs,
            s.pages_in_flight,
            s.pool_in_use,
            s.waiting_for_connection,
            s.db_qps
        ]
        .into_iter()
        .chain(opt)
        .all(f64::is_finite));
    }
    assert!((0.0..=1.0 + 1e-9).contains(&r.pool_utilisation));
}

#[test]
fn same_seed_same_report() {
    let p = NPlusOneParams {
        duration_s: 20.0,
        think_ms: 50.0,
        pool: 4,
        ..NPlusOneParams::default()
    };
    let (a, b) = (run(&p, 3), run(&p, 3));
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_ne!(a, run(&p, 4));
    assert_finite(&a);
}

#[test]
fn stepping_in_frames_gives_the_same_report() {
    let p = NPlusOneParams {
        duration_s: 5.0,
        think_ms: 10.0,
        pool: 3,
        issue: Issue::Concurrent,
        ..NPlusOneParams::default()
    };
    let mut sim = NPlusOneSim::new(&p, 9);
    let mut t = 0;
    while !sim.is_done() {
        t += SECOND / 60;
        sim.step_until(t);
        let v = sim.view();
        assert!(v.waiting_for_connection.len() <= MAX_DOTS && v.executing.len() <= MAX_DOTS);
        assert!(v.pool_in_use <= v.pool_size && v.recent_pages.len() <= 32);
        assert!(v.waiting_total >= v.waiting_for_connection.len());
    }
    assert_eq!(sim.report(), run(&p, 9));
}

/// One user who pauses far longer than a page takes never meets anyone: every page takes
/// exactly the waterfall's time (to the microsecond rounding).
#[test]
fn a_lone_user_sees_the_waterfall_latency() {
    for (shape, strategy, issue) in [
        (Shape::Flat, Strategy::Lazy, Issue::Sequential),
        (Shape::Nested, Strategy::Batched, Issue::Sequential),
        (Shape::Nested, Strategy::Lazy, Issue::Concurrent),
        (Shape::Flat, Strategy::Eager, Issue::Concurrent),
    ] {
        let p = NPlusOneParams {
            shape,
            strategy,
            issue,
            users: 1,
            think_ms: 5000.0,
            duration_s: 300.0,
            pool: 8,
            db_slots: 8,
            ..NPlusOneParams::default()
        };
        let r = run(&p, 1);
        let idle_ms = page_latency_ms(&p, 1);
        assert!(r.pages_completed > 30);
        assert_eq!(r.single_page_ms, idle_ms);
        assert!(
            (r.page_latency.mean * 1000.0 / idle_ms - 1.0).abs() < 0.01,
            "{shape:?} {strategy:?} {issue:?}: {} vs {idle_ms}",
            r.page_latency.mean * 1000.0
        );
        if issue == Issue::Sequential {
            assert_eq!(r.pool_wait.max, 0.0);
        }
    }
}

#[test]
fn a_small_pool_makes_pages_wait() {
    let busy = NPlusOneParams {
        users: 200,
        think_ms: 200.0,
        duration_s: 30.0,
        ..NPlusOneParams::default()
    };
    let small = run(
        &NPlusOneParams {
            pool: 2,
            ..busy.clone()
        },
        5,
    );
    let large = run(
        &NPlusOneParams {
            pool: 100,
            db_slots: 128,
            ..busy
        },
        5,
    );
    assert!(small.pool_wait.p99 > 0.0 && small.pool_wait.mean > large.pool_wait.mean);
    assert!(
        small.page_latency.p99 > 2.0 * large.page_latency.p99,
        "{} vs {}",
        small.page_latency.p99,
        large.page_latency.p99
    );
    assert!(small.pool_utilisation > 0.9);
    assert_finite(&small);
}

/// Little's law for page loads: mean pages in flight = page throughput × mean page latency.
#[test]
fn littles_law_for_pages() {
    for strategy in [Strategy::Lazy, Strategy::Eager] {
        let p = NPlusOneParams {
            strategy,
            users: 50,
            think_ms: 100.0,
            pool: 5,
            duration_s: 300.0,
            ..NPlusOneParams::default()
        };
        let r = run(&p, 2);
        let law = r.pages_per_s * r.page_latency.mean;
        assert!(
            (r.mean_pages_in_flight / law - 1.0).abs() < 0.05,
            "{strategy:?}: L = {} vs λW = {law}",
            r.mean_pages_in_flight
        );
    }
}

#[test]
fn eager_loading_beats_lazy_loading_under_the_same_load() {
    let p = NPlusOneParams {
        users: 100,
        think_ms: 500.0,
        duration_s: 60.0,
        ..NPlusOneParams::default()
    };
    let lazy = run(&p, 11);
    let eager = run(
        &NPlusOneParams {
            strategy: Strategy::Eager,
            ..p
        },
        11,
    );
    assert!(eager.page_latency.p99 < lazy.page_latency.p99);
    assert!(eager.db_qps < lazy.db_qps);
    assert_eq!((lazy.queries_per_page, eager.queries_per_page), (101, 2));
}

fn validated_run(p: NPlusOneParams, max_duration: f64) -> NPlusOneReport {
    let (mut p, _) = p.validate();
    p.duration_s = p.duration_s.min(max_duration);
    let r = run(&p, 1);
    assert_finite(&r);
    r
}

#[test]
fn every_field_at_its_limits_runs() {
    for field in NPlusOneParams::fields() {
        let values: Vec<FieldValue> = match field.kind {
            FieldKind::Number { min, max, .. } => vec![
                FieldValue::Num(min),
                FieldValue::Num(max),
                FieldValue::Num(f64::NAN),
                FieldValue::Num(-1e300),
            ],
            FieldKind::Choice(choices) => choices
                .iter()
                .map(|c| FieldValue::Choice(c.value.into()))
                .collect(),
            FieldKind::Toggle => vec![FieldValue::Bool(true)],
            FieldKind::Text { .. } => vec![FieldValue::Text(String::new())],
        };
        for v in values {
            for shape in [Shape::Flat, Shape::Nested] {
                let mut p = NPlusOneParams {
                    shape,
                    issue: Issue::Concurrent,
                    ..NPlusOneParams::default()
                };
                (field.set)(&mut p, v.clone());
                validated_run(p, 3.0);
            }
        }
    }
}

fn random_params(rng: &mut ChaCha8Rng) -> NPlusOneParams {
    let mut p = NPlusOneParams::default();
    for field in NPlusOneParams::fields() {
        let v = match field.kind {
            FieldKind::Number { min, max, log, .. } if log => FieldValue::Num(
                (min.max(0.01).ln() + rng.random::<f64>() * (max / min.max(0.01)).ln()).exp(),
            ),
            FieldKind::Number { min, max, .. } => {
                FieldValue::Num(min + rng.random::<f64>() * (max - min))
            }
            FieldKind::Choice(c) => {
                FieldValue::Choice(c[rng.random_range(0..c.len())].value.into())
            }
            FieldKind::Toggle => FieldValue::Bool(rng.random()),
            FieldKind::Text { .. } => FieldValue::Text(String::new()),
        };
        (field.set)(&mut p, v);
    }
    p
}

#[test]
fn random_combinations_run_and_stay_finite() {
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    for _ in 0..60 {
        let p = random_params(&mut rng);
        validated_run(p, 2.0);
    }
}

/// The worst case: many users, no pause, the nested lazy page (52,001 queries), a fast path.
/// Validation shortens the run so the queries stay under the cap.
#[test]
fn validation_caps_the_number_of_queries() {
    let p = NPlusOneParams {
        shape: Shape::Nested,
        posts: 1000,
        comments: 50,
        users: 1000,
        think_ms: 0.0,
        rtt_ms: 0.05,
        query_ms: 0.01,
        row_us: 0.0,
        pool: 200,
        db_slots: 128,
        issue: Issue::Concurrent,
        duration_s: 3600.0,
        ..NPlusOneParams::default()
    };
    let (v, notices) = p.validate();
    let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["duration", "users", "pool"], "{notices:?}");
    assert_eq!((v.duration_s, v.users, v.pool), (1.0, 1, 100));
    let r = run(&v, 1);
    assert!(
        (r.queries_completed as f64) <= MAX_EXPECTED_QUERIES * 1.05,
        "{}",
        r.queries_completed
    );
    assert_finite(&r);
    let (default, notices) = NPlusOneParams::default().validate();
    assert!(notices.is_empty() && default == NPlusOneParams::default());
}

/// Timing: `cargo test --release --test sim_nplus1_load -- --ignored --nocapture`.
#[test]
#[ignore]
fn thousand_users_for_a_minute() {
    for (label, p) in [
        (
            "default page, pool 10",
            NPlusOneParams {
                users: 1000,
                ..NPlusOneParams::default()
            },
        ),
        (
            "pool 200, 128 DB slots, concurrent",
            NPlusOneParams {
                users: 1000,
                pool: 200,
                db_slots: 128,
                issue: Issue::Concurrent,
                ..NPlusOneParams::default()
            },
        ),
    ] {
        let (p, _) = p.validate();
        let start = std::time::Instant::now();
        let r = run(&p, 1);
        println!(
            "{label}: {:?} for {} queries, {} pages, p99 {:.3} s",
            start.elapsed(),
            r.queries_completed,
            r.pages_completed,
            r.page_latency.p99
        );
    }
}

#[test]
fn parameters_round_trip_through_the_url() {
    use scalelab_sim::params::query::{from_query, to_query};
    let custom = NPlusOneParams {
        shape: Shape::Nested,
        strategy: Strategy::Batched,
        issue: Issue::Concurrent,
        batch_size: 7,
        rtt_ms: 0.5,
        ..NPlusOneParams::default()
    };
    let back = from_query::<NPlusOneParams>(&to_query(&custom, 3), &[]);
    assert_eq!(back.params, custom);
    assert!(back.notices.is_empty(), "{:?}", back.notices);
}
