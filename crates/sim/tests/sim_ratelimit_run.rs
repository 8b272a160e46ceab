//! The rate-limiter simulation as a whole: the same traffic through every limiter, the
//! custom timeline, the fixed window's double burst, determinism, bounded memory on 10^6
//! requests, and the parameters' cross-field rules.
use scalelab_sim::params::query::from_query;
use scalelab_sim::params::Params;
use scalelab_sim::ratelimit::{
    boundary_requests, limiter_for, parse_timeline, Algo, DotState, Outcome, Pattern,
    RateLimitParams, RateLimitSim, LOG_HEAD, LOG_TAIL, MAX_DOTS,
};
use scalelab_sim::Simulation;

fn custom(timeline: &str, duration_s: f64) -> RateLimitParams {
    RateLimitParams {
        traffic: Pattern::Custom,
        timeline: timeline.to_string(),
        duration_s,
        ..RateLimitParams::default()
    }
}

#[test]
fn timeline_syntax() {
    let t = parse_timeline(
        "0, 0.5 1.2; 3x@2, 2:1.5s, c3 : 250ms, 4x @ 10 .. 12, oops, 5x@, -1, 1000:1",
    );
    let want: Vec<(u64, u32)> = vec![
        (0, 0),
        (250_000, 3),
        (500_000, 0),
        (1_200_000, 0),
        (1_500_000, 2),
        (2_000_000, 0),
        (2_000_000, 0),
        (2_000_000, 0),
        (10_000_000, 0),
        (10_500_000, 0),
        (11_000_000, 0),
        (11_500_000, 0),
    ];
    assert_eq!(t.requests().collect::<Vec<_>>(), want);
    assert_eq!(t.len(), 12);
    assert_eq!(t.count_from(10_500_000), 3);
    assert_eq!(t.skipped, ["oops", "5x@", "-1", "1000:1"]);
    assert!(!t.truncated);
    let big = parse_timeline("999999x@1, 5x@2");
    assert_eq!(big.len(), 1_000_000);
    assert_eq!(big.requests().count(), 1_000_000);
    // A million requests at one instant are one run, not a million entries.
    assert_eq!(big.runs.len(), 2);
    assert!(big.truncated);
}

/// The sim gives each limiter exactly the decisions the limiter gives alone.
#[test]
fn the_sim_feeds_every_limiter_the_same_requests() {
    let p = custom("0, 0.5, 1.2, 10x@9.9, 10x@10.1, 2:3, 2:3, 30x@20..21", 60.0);
    let mut sim = RateLimitSim::new(&p, 1);
    while sim.step() {}
    let reqs: Vec<_> = parse_timeline(&p.timeline).requests().collect();
    for algo in Algo::ALL {
        let mut alone = limiter_for(algo, &p);
        let want: Vec<Outcome> = reqs
            .iter()
            .map(|&(t, c)| alone.decide(t, c).outcome)
            .collect();
        let log = sim.decision_log(algo).unwrap();
        let got: Vec<Outcome> = log.entries().map(|e| e.outcome).collect();
        assert_eq!(got, want, "{algo:?}");
        let times: Vec<u64> = log.entries().map(|e| e.t_us).collect();
        assert_eq!(times, reqs.iter().map(|r| r.0).collect::<Vec<_>>());
    }
    let report = sim.report();
    assert_eq!(report.requests, reqs.len() as u64);
    assert_eq!(report.clients_seen, 2);
    for a in &report.algos {
        assert_eq!(
            a.accepted + a.rejected + a.delayed,
            report.requests,
            "{:?}",
            a.algo
        );
        let head = sim.decision_log(a.algo).unwrap().head();
        assert_eq!(a.log, head, "the report carries the first decisions");
    }
}

/// A limit just before and just after the reset: the fixed window admits 19 of client 0's
/// requests within 2 s (limit 10 per 10 s); the sliding log never more than 10 in 10 s.
#[test]
fn fixed_window_double_burst_at_the_boundary() {
    let p = RateLimitParams {
        traffic: Pattern::Boundary,
        ..RateLimitParams::default()
    };
    let report = RateLimitSim::new(&p, 3).run_to_end();
    let get = |a: Algo| report.algos.iter().find(|r| r.algo == a).unwrap();
    assert_eq!(get(Algo::Fixed).max_admitted_in_window, 19);
    assert_eq!(get(Algo::SlidingLog).max_admitted_in_window, 10);
    assert!(get(Algo::SlidingCounter).max_admitted_in_window <= 15);
    // The schedule: 1 opener, then 10 + 10 around each of the 5 boundaries before 60 s.
    let reqs = boundary_requests(10, 10_000_000, 60_000_000);
    assert_eq!(reqs.len(), 1 + 5 * 20);
    assert_eq!(report.requests, 101);
}

#[test]
fn nginx_waiting_requests_show_in_the_view_and_leave_on_time() {
    let p = RateLimitParams {
        fixed: false,
        sliding_log: false,
        sliding_counter: false,
        token_bucket: false,
        gcra: false,
        ..custom("5x@1", 10.0)
    };
    let mut sim = RateLimitSim::new(&p, 1);
    sim.step_until(1_500_000);
    let v = sim.view();
    let row = &v.rows[0];
    assert_eq!(row.algo, Algo::Leaky);
    let states: Vec<DotState> = row.dots.iter().map(|d| d.state).collect();
    // burst=5 at 1 r/s: one passes, four wait 1, 2, 3, 4 s.
    assert_eq!(states[0], DotState::Passed);
    assert_eq!(states[1], DotState::Waiting { until: 2_000_000 });
    assert_eq!(states[4], DotState::Waiting { until: 5_000_000 });
    assert_eq!(row.waiting, 4);
    // Excess 4000 (4 requests), minus 500 leaked in the 0.5 s since.
    assert!((row.level - 3.5).abs() < 1e-9, "{}", row.level);
    sim.step_until(3_000_000);
    assert_eq!(sim.view().rows[0].waiting, 2);
    let report = sim.run_to_end();
    assert_eq!(report.algos[0].delayed, 4);
    assert_eq!(report.algos[0].max_delay_ms, 4000.0);
    assert_eq!(report.algos[0].mean_delay_ms, 2500.0);
    assert_eq!(report.algos[0].max_admitted_in_window, 5);
}

#[test]
fn same_seed_same_run_and_reports_are_finite() {
    // One noisy client among twenty polite ones.
    let p = RateLimitParams {
        clients: 20,
        rate: 0.5,
        abuse: 20.0,
        ..RateLimitParams::default()
    };
    let run = |seed| {
        let mut sim = RateLimitSim::new(&p, seed);
        while sim.step() {}
        let logs: Vec<_> = Algo::ALL
            .map(|a| sim.decision_log(a).unwrap().clone())
            .into();
        (sim.report(), logs, sim.view())
    };
    let (a, b, c) = (run(5), run(5), run(6));
    assert_eq!(a, b);
    assert_ne!(a.0, c.0);
    // Every number is finite (the log's absent headers are the only `null`s).
    let mut numbers = a.0.clone();
    numbers.algos.iter_mut().for_each(|r| r.log.clear());
    let json = serde_json::to_string(&numbers).unwrap();
    assert!(!json.contains("null") && !json.contains("NaN"), "{json}");
    assert_eq!(a.0.series.len(), 200);
    let fixed = &a.0.algos[0];
    assert!(fixed.rejected > 0 && fixed.accepted > 0);
    assert!(a.2.rows.iter().all(|r| r.dots.len() <= MAX_DOTS));
}

/// 10^6 requests × 6 limiters: memory of the logs and dots stays bounded.
#[test]
fn a_million_requests_keep_bounded_logs() {
    let p = RateLimitParams {
        traffic: Pattern::Steady,
        rate: 100.0,
        clients: 100,
        duration_s: 100.0,
        ..RateLimitParams::default()
    };
    let (p, notices) = p.validate();
    assert!(notices.is_empty(), "{notices:?}");
    let mut sim = RateLimitSim::new(&p, 9);
    while sim.step() {}
    let report = sim.report();
    assert!(
        (999_990..=1_000_000).contains(&report.requests),
        "{}",
        report.requests
    );
    for algo in Algo::ALL {
        let log = sim.decision_log(algo).unwrap();
        assert_eq!(log.kept(), LOG_HEAD + LOG_TAIL);
        assert_eq!(log.total(), report.requests);
        assert_eq!(
            log.omitted(),
            report.requests - (LOG_HEAD + LOG_TAIL) as u64
        );
        assert_eq!(log.head()[0].request, 0);
        assert_eq!(log.tail().last().unwrap().request, report.requests - 1);
    }
    // State memory: 100 clients; the log holds at most `limit` timestamps each.
    let log = report
        .algos
        .iter()
        .find(|a| a.algo == Algo::SlidingLog)
        .unwrap();
    assert!(log.peak_state_bytes <= 100 * 10 * 8);
    let gcra = report.algos.iter().find(|a| a.algo == Algo::Gcra).unwrap();
    assert_eq!(gcra.state_bytes, 100 * 8);
}

#[test]
fn cross_field_rules() {
    let keys =
        |n: &[scalelab_sim::params::Notice]| n.iter().map(|n| n.key.clone()).collect::<Vec<_>>();
    // No limiter on → the fixed window.
    let parsed =
        from_query::<RateLimitParams>("fixed=0&slog=0&scount=0&token=0&gcra=0&leaky=0", &[]);
    assert!(parsed.params.fixed);
    assert_eq!(keys(&parsed.notices), ["fixed"]);
    // Too many requests → a shorter run.
    let parsed = from_query::<RateLimitParams>("rate=10000&clients=1000&duration=3600", &[]);
    assert_eq!(parsed.params.duration_s, 1.0);
    assert!(parsed.params.rate * 1000.0 <= 2_000_000.0);
    assert_eq!(keys(&parsed.notices), ["duration", "rate"]);
    // A timeline with junk and late requests: notices name them; the run still works.
    let parsed = from_query::<RateLimitParams>(
        "traffic=custom&duration=10&timeline=0%2C%20abc%2C%203x%4012%2C%20%3Cb%3E",
        &[],
    );
    let messages: Vec<&str> = parsed.notices.iter().map(|n| n.message.as_str()).collect();
    assert!(
        messages[0].contains("'abc'") && messages[0].contains("'<b>'"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("3 requests at or after"),
        "{messages:?}"
    );
    let report = RateLimitSim::new(&parsed.params, 1).run_to_end();
    assert_eq!(report.requests, 1);
    // Overlong timelines are cut to 4000 characters.
    let long = format!("traffic=custom&timeline={}", "1,".repeat(3000));
    let parsed = from_query::<RateLimitParams>(&long, &[]);
    assert_eq!(parsed.params.timeline.chars().count(), 4000);
    assert_eq!(keys(&parsed.notices), ["timeline"]);
}
