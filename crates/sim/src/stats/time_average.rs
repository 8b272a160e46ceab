//! The exact time-weighted average of an integer level that changes in steps, such as the
//! number of jobs in the system (L) or in the queue (Lq).
//!
//! ```text
//!  level
//!    3 |      ┌──┐
//!    2 |   ┌──┘  └─────┐
//!    1 |───┘           └──      mean = ∫ level dt / elapsed
//!      └──────────────────── t
//! ```
//!
//! The integral is kept as an integer (level × µs in a `u128`), so it is exact and does not
//! depend on how often it is updated.
use crate::engine::SimTime;
use crate::stats::wide_mul;

#[derive(Clone, Debug, Default)]
pub struct TimeAverage {
    level: u64,
    since: SimTime,
    integral: u128,
}

impl TimeAverage {
    /// Starts at `level` at time 0.
    pub fn new(level: u64) -> Self {
        TimeAverage {
            level,
            since: 0,
            integral: 0,
        }
    }

    /// The level changes to `level` at time `t` (t must not go backwards; earlier times are
    /// treated as "now").
    pub fn set(&mut self, t: SimTime, level: u64) {
        // An unchanged level needs no work now: the integral since `since` is added when the
        // level next changes or is read (integers, so the sum is the same either way).
        if level == self.level {
            return;
        }
        let t = t.max(self.since);
        self.integral += wide_mul(self.level, t - self.since);
        self.since = t;
        self.level = level;
    }

    pub fn level(&self) -> u64 {
        self.level
    }

    /// ∫ level dt over [0, t], in level × µs.
    pub fn integral_at(&self, t: SimTime) -> u128 {
        self.integral + wide_mul(self.level, t.saturating_sub(self.since))
    }

    /// The mean level over [0, t] (0 when t = 0).
    pub fn mean_at(&self, t: SimTime) -> f64 {
        if t == 0 {
            0.0
        } else {
            self.integral_at(t) as f64 / t as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_a_step_function() {
        let mut a = TimeAverage::new(1);
        a.set(10, 3);
        a.set(20, 0);
        // 1·10 + 3·10 + 0·20 over 40
        assert_eq!(a.mean_at(40), 1.0);
        assert_eq!(a.integral_at(20), 40);
    }
}
