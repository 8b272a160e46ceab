//! The engine's contracts: event order, clock handling, and that stepping in small slices
//! is the same computation as running to the end.
use scalelab_sim::engine::{from_secs, secs, EventQueue, SimTime, Simulation, MILLI, SECOND};
use scalelab_sim::queue::{QueueParams, QueueSim};

/// Tie rule: equal times pop in insertion order, regardless of how many other events are
/// interleaved (a min-heap on (time, sequence number)).
#[test]
fn event_queue_is_time_ordered_and_fifo_on_ties() {
    let mut q = EventQueue::new();
    for i in 0..1000u64 {
        q.push((i * 7919) % 10, i); // many equal times, pushed out of time order
    }
    assert_eq!(q.len(), 1000);
    let mut last: Option<(SimTime, u64)> = None;
    while let Some((t, i)) = q.pop() {
        if let Some((lt, li)) = last {
            assert!(t > lt || (t == lt && i > li), "{lt}/{li} then {t}/{i}");
        }
        last = Some((t, i));
    }
    assert!(q.is_empty() && q.peek_time().is_none());
}

#[test]
fn time_units() {
    assert_eq!(SECOND, 1000 * MILLI);
    assert_eq!(from_secs(0.123_456_7), 123_457);
    assert_eq!(secs(from_secs(86_400.0)), 86_400.0);
}

/// The clock never passes the horizon, `step` returns false at the end and leaves the clock
/// there, and `step_until` moves the clock even when no event is due.
#[test]
fn clock_and_horizon() {
    let p = QueueParams {
        duration_s: 5.0,
        ..QueueParams::default()
    };
    let mut sim = QueueSim::new(&p, 1);
    assert_eq!(sim.horizon(), 5 * SECOND);
    assert_eq!(sim.progress(), 0.0);
    sim.step_until(2 * SECOND);
    assert_eq!(sim.now(), 2 * SECOND);
    assert_eq!(sim.progress(), 0.4);
    sim.step_until(SECOND); // going back does nothing
    assert_eq!(sim.now(), 2 * SECOND);
    while sim.step() {
        assert!(sim.now() <= sim.horizon());
    }
    assert!(sim.is_done());
    assert_eq!(sim.now(), 5 * SECOND);
    assert_eq!(sim.progress(), 1.0);
    let events = sim.events();
    assert!(!sim.step());
    assert_eq!(sim.events(), events);
    sim.step_until(100 * SECOND);
    assert_eq!(sim.now(), 5 * SECOND);
}
