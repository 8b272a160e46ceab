//! A latency histogram in microseconds: exact count, mean and max, and percentiles accurate
//! to 3 significant digits (hdrhistogram).
use crate::engine::{secs, SimTime, SECOND};
use hdrhistogram::Histogram;
use serde::Serialize;

/// The largest value the histogram resolves (24 h); larger values are counted as 24 h in the
/// percentiles (the mean and max stay exact).
pub const LATENCY_MAX: SimTime = 24 * 3600 * SECOND;

/// Summary of a latency distribution, in seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Percentiles {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub mean: f64,
    pub max: f64,
    pub count: u64,
}

/// Records durations; percentiles are within 0.1% of the true value.
#[derive(Clone, Debug)]
pub struct LatencyHistogram {
    hist: Option<Histogram<u64>>,
    count: u64,
    sum: u128,
    max: SimTime,
}

impl Default for LatencyHistogram {
    fn default() -> Self {
        Self::new()
    }
}

impl LatencyHistogram {
    pub fn new() -> Self {
        LatencyHistogram {
            // Only fails for invalid bounds, which these are not; `None` just disables
            // percentiles rather than panicking.
            hist: Histogram::new_with_bounds(1, LATENCY_MAX, 3).ok(),
            count: 0,
            sum: 0,
            max: 0,
        }
    }

    pub fn record(&mut self, value: SimTime) {
        if let Some(h) = &mut self.hist {
            h.saturating_record(value.min(LATENCY_MAX));
        }
        self.count += 1;
        self.sum += u128::from(value);
        self.max = self.max.max(value);
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// The exact mean, in seconds (0 when empty).
    pub fn mean_secs(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.sum as f64 / self.count as f64 / SECOND as f64
        }
    }

    /// The `q`-quantile (`q` in 0..=1), in seconds (0 when empty).
    pub fn quantile_secs(&self, q: f64) -> f64 {
        match &self.hist {
            Some(h) if self.count > 0 => {
                let q = if q.is_nan() { 0.5 } else { q.clamp(0.0, 1.0) };
                // Never report a percentile above the exact maximum.
                secs(h.value_at_quantile(q).min(self.max))
            }
            _ => 0.0,
        }
    }

    /// The exact maximum, in seconds.
    pub fn max_secs(&self) -> f64 {
        secs(self.max)
    }

    pub fn summary(&self) -> Percentiles {
        Percentiles {
            p50: self.quantile_secs(0.50),
            p95: self.quantile_secs(0.95),
            p99: self.quantile_secs(0.99),
            mean: self.mean_secs(),
            max: self.max_secs(),
            count: self.count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_of_uniform_values() {
        let mut h = LatencyHistogram::new();
        for ms in 1..=1000u64 {
            h.record(ms * 1000);
        }
        let s = h.summary();
        assert_eq!(s.count, 1000);
        assert!((s.p50 - 0.5).abs() < 0.001);
        assert!((s.p99 - 0.99).abs() < 0.001);
        assert!((s.mean - 0.5005).abs() < 1e-12);
        assert_eq!(s.max, 1.0);
        assert_eq!(LatencyHistogram::new().summary(), Percentiles::default());
    }

    #[test]
    fn huge_values_saturate_but_mean_is_exact() {
        let mut h = LatencyHistogram::new();
        h.record(2 * LATENCY_MAX);
        h.record(0);
        assert_eq!(h.mean_secs(), secs(LATENCY_MAX));
        assert!(h.quantile_secs(1.0) <= secs(2 * LATENCY_MAX));
    }
}
