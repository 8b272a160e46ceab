//! The discrete-event engine: an integer clock, a time-ordered event queue and the
//! [`Simulation`] trait every model implements.
//!
//! ```text
//!   EventQueue (min-heap on (time, seq))
//!   ┌──────────────────────────────────────┐
//!   │ (0.50 s,#3) (0.50 s,#7) (1.20 s,#5) … │ ── pop ──▶ model.handle(event) ──▶ push new events
//!   └──────────────────────────────────────┘
//! ```
//!
//! Time is an integer number of microseconds ([`SimTime`]), so event order never depends on
//! floating-point rounding: two runs with the same seed process the same events in the same
//! order on every platform.
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Simulated time in microseconds since the start of the run.
pub type SimTime = u64;

/// One simulated second.
pub const SECOND: SimTime = 1_000_000;
/// One simulated millisecond.
pub const MILLI: SimTime = 1_000;

/// Converts simulated time to seconds.
pub fn secs(t: SimTime) -> f64 {
    t as f64 / SECOND as f64
}

/// Converts seconds to simulated time, rounding to the nearest microsecond.
/// NaN and negative inputs give 0; values beyond the range saturate at `SimTime::MAX`.
pub fn from_secs(s: f64) -> SimTime {
    if s.is_nan() || s <= 0.0 {
        return 0;
    }
    round_half_up(s * SECOND as f64)
}

/// `x.round() as u64` for `x > 0`, without the `round` call: x86-64's baseline has no rounding
/// instruction, so `f64::round` is a libm call, too slow for a conversion nearly every event
/// makes. Exact: below 2^52 the integer part and the fraction are computed without rounding
/// error; from 2^52 on every `f64` is already whole (`as` saturates beyond `u64::MAX` and for
/// +∞).
fn round_half_up(x: f64) -> SimTime {
    const WHOLE_FROM: f64 = 4_503_599_627_370_496.0; // 2^52
    if x >= WHOLE_FROM {
        return x as SimTime;
    }
    let whole = x as SimTime;
    if x - whole as f64 >= 0.5 {
        whole + 1
    } else {
        whole
    }
}

/// One scheduled event. Ordered so that the *smallest* (time, seq) is the greatest, turning
/// std's max-heap into a min-heap.
struct Scheduled<E> {
    at: SimTime,
    seq: u64,
    event: E,
}

impl<E> PartialEq for Scheduled<E> {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.seq) == (other.at, other.seq)
    }
}
impl<E> Eq for Scheduled<E> {}
impl<E> PartialOrd for Scheduled<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Scheduled<E> {
    fn cmp(&self, other: &Self) -> Ordering {
        (other.at, other.seq).cmp(&(self.at, self.seq))
    }
}

/// A priority queue of future events.
///
/// **Tie rule:** events are popped in increasing time; events scheduled for the *same* time
/// pop in the order they were pushed (FIFO), using a sequence number assigned by `push`.
/// This makes runs reproducible: nothing depends on the heap's internal layout.
pub struct EventQueue<E> {
    heap: BinaryHeap<Scheduled<E>>,
    next_seq: u64,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> std::fmt::Debug for EventQueue<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventQueue")
            .field("len", &self.len())
            .field("next_time", &self.peek_time())
            .finish()
    }
}

impl<E: Clone> Clone for EventQueue<E> {
    fn clone(&self) -> Self {
        EventQueue {
            heap: self
                .heap
                .iter()
                .map(|s| Scheduled {
                    at: s.at,
                    seq: s.seq,
                    event: s.event.clone(),
                })
                .collect(),
            next_seq: self.next_seq,
        }
    }
}

impl<E> EventQueue<E> {
    pub fn new() -> Self {
        EventQueue {
            heap: BinaryHeap::new(),
            next_seq: 0,
        }
    }

    /// Schedules `event` at time `at`.
    pub fn push(&mut self, at: SimTime, event: E) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Scheduled { at, seq, event });
    }

    /// Removes and returns the earliest event (FIFO among equal times).
    pub fn pop(&mut self) -> Option<(SimTime, E)> {
        self.heap.pop().map(|s| (s.at, s.event))
    }

    /// The time of the earliest event, if any.
    pub fn peek_time(&self) -> Option<SimTime> {
        self.heap.peek().map(|s| s.at)
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

/// The simulated clock and the pending events of one run: the part every model shares.
#[derive(Clone, Debug)]
pub struct Clock<E> {
    now: SimTime,
    horizon: SimTime,
    events: EventQueue<E>,
    processed: u64,
}

impl<E> Clock<E> {
    /// A clock at time 0 for a run that ends at `horizon`.
    pub fn new(horizon: SimTime) -> Self {
        Clock {
            now: 0,
            horizon,
            events: EventQueue::new(),
            processed: 0,
        }
    }

    pub fn now(&self) -> SimTime {
        self.now
    }

    pub fn horizon(&self) -> SimTime {
        self.horizon
    }

    /// The number of events handed out so far.
    pub fn processed(&self) -> u64 {
        self.processed
    }

    /// Events scheduled and not yet handed out.
    pub fn pending(&self) -> usize {
        self.events.len()
    }

    /// Schedules `event` at time `at` (events at the same time come out in schedule order).
    pub fn schedule(&mut self, at: SimTime, event: E) {
        self.events.push(at, event);
    }

    /// Schedules `event` `delay` after now.
    pub fn schedule_in(&mut self, delay: SimTime, event: E) {
        self.events.push(self.now.saturating_add(delay), event);
    }

    /// The next event at or before `min(t, horizon)`, with the clock moved to its time. When
    /// there is none, moves the clock to that limit (never backwards) and returns `None`.
    pub fn next_until(&mut self, t: SimTime) -> Option<E> {
        let until = t.min(self.horizon);
        if self.events.peek_time().is_some_and(|next| next <= until) {
            if let Some((at, event)) = self.events.pop() {
                self.now = at.max(self.now);
                self.processed += 1;
                return Some(event);
            }
        }
        self.now = self.now.max(until);
        None
    }
}

/// The part of a [`Simulation`] impl every model writes the same way: the model keeps its
/// [`Clock`] in `self.clock` and applies one event in `fn apply(&mut self, event)`.
///
/// ```ignore
/// impl Simulation for MySim {
///     type Event = Event;
///     type Report = MyReport;
///     clock_and_apply!();
///     fn report(&self) -> MyReport { … }
/// }
/// ```
#[macro_export]
macro_rules! clock_and_apply {
    () => {
        fn clock(&self) -> &$crate::engine::Clock<Self::Event> {
            &self.clock
        }
        fn clock_mut(&mut self) -> &mut $crate::engine::Clock<Self::Event> {
            &mut self.clock
        }
        fn handle(&mut self, event: Self::Event) {
            self.apply(event);
        }
    };
}

/// A model that advances by processing events in time order up to a fixed horizon.
///
/// A model provides its [`Clock`], how it handles one event, and its report; stepping is the
/// same for every model and provided here. The animation calls [`Simulation::step_until`]
/// once per frame; the statistics run calls [`Simulation::step`] in time-sliced chunks. Both
/// go through the same event handling, so they produce identical results.
pub trait Simulation {
    type Event;
    type Report;

    fn clock(&self) -> &Clock<Self::Event>;
    fn clock_mut(&mut self) -> &mut Clock<Self::Event>;

    /// Applies one event at the clock's current time (called by `step`/`step_until`).
    fn handle(&mut self, event: Self::Event);

    /// Statistics so far; callable at any time.
    fn report(&self) -> Self::Report;

    /// The current simulated time.
    fn now(&self) -> SimTime {
        self.clock().now()
    }

    /// The end of the run.
    fn horizon(&self) -> SimTime {
        self.clock().horizon()
    }

    /// Processes the next event. Returns `false` (after moving the clock to the horizon) when
    /// no event is left at or before the horizon.
    fn step(&mut self) -> bool {
        let horizon = self.horizon();
        match self.clock_mut().next_until(horizon) {
            Some(event) => {
                self.handle(event);
                true
            }
            None => false,
        }
    }

    /// Processes every event at or before `min(t, horizon)`, then sets the clock to that time.
    /// Times earlier than `now` do nothing.
    fn step_until(&mut self, t: SimTime) {
        while let Some(event) = self.clock_mut().next_until(t) {
            self.handle(event);
        }
    }

    /// Whether the clock has reached the horizon.
    fn is_done(&self) -> bool {
        self.now() >= self.horizon()
    }

    /// The fraction of the run done, in `0..=1`.
    fn progress(&self) -> f64 {
        if self.horizon() == 0 {
            1.0
        } else {
            (self.now() as f64 / self.horizon() as f64).clamp(0.0, 1.0)
        }
    }

    /// The number of events processed so far.
    fn events(&self) -> u64 {
        self.clock().processed()
    }

    /// Runs to the horizon and returns the final report.
    fn run_to_end(mut self) -> Self::Report
    where
        Self: Sized,
    {
        while self.step() {}
        self.report()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_times_pop_in_push_order() {
        let mut q = EventQueue::new();
        q.push(5, "a");
        q.push(3, "b");
        q.push(5, "c");
        q.push(3, "d");
        q.push(5, "e");
        let order: Vec<_> = std::iter::from_fn(|| q.pop()).collect();
        assert_eq!(
            order,
            vec![(3, "b"), (3, "d"), (5, "a"), (5, "c"), (5, "e")]
        );
    }

    #[test]
    fn time_conversions_round_and_saturate() {
        assert_eq!(from_secs(1.5), 1_500_000);
        assert_eq!(from_secs(0.000_000_4), 0);
        assert_eq!(from_secs(0.000_000_6), 1);
        assert_eq!(from_secs(-3.0), 0);
        assert_eq!(from_secs(f64::NAN), 0);
        assert_eq!(from_secs(f64::INFINITY), SimTime::MAX);
        assert_eq!(secs(2 * SECOND + 500 * MILLI), 2.5);
    }

    /// The division-free rounding equals `f64::round` (half away from zero) everywhere it is
    /// used: halves, neighbours of halves, the 2^52 boundary, huge values and +∞.
    #[test]
    fn round_half_up_matches_f64_round() {
        let halves = (0..2_000u32).map(|k| f64::from(k) + 0.5);
        let near = [
            0.499_999_999_999_999_94,
            0.5,
            1.5,
            2.5,
            1e6 - 0.5,
            1e6 + 0.499_999_9,
        ];
        let big = [
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            9.1e18,
            1.9e19,
            f64::INFINITY,
        ];
        let samples = (1..10_000u32).map(|k| f64::from(k) * 0.123_456_789_1);
        for x in halves.chain(near).chain(big).chain(samples) {
            for x in [
                x,
                f64::from_bits(x.to_bits() - 1),
                f64::from_bits(x.to_bits() + 1),
            ] {
                if x > 0.0 && x.is_finite() || x == f64::INFINITY {
                    assert_eq!(round_half_up(x), x.round() as SimTime, "{x:e}");
                }
            }
        }
    }
}
