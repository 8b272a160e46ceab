//! Statistics collected while a model runs.
//!
//! ```text
//! latency       LatencyHistogram: percentiles of waits/latencies (hdrhistogram, µs)
//! batch_means   BatchMeans: 95% confidence interval of a mean from correlated samples
//! time_average  TimeAverage: exact time-weighted mean of a step function (L, Lq, busy)
//! series        TimeSeries: 200 buckets over the run for the charts
//! ```
mod batch_means;
mod latency;
mod series;
mod time_average;

pub use batch_means::{student_t_975, BatchMeans};
pub use latency::{LatencyHistogram, Percentiles};
pub use series::{Bucket, TimeSeries, BUCKETS};
pub use time_average::TimeAverage;

/// `a × b` as a `u128`, exactly. Levels and time steps almost always fit in 32 bits, and then
/// a 64-bit multiply suffices: wasm has no 64 × 64 → 128 instruction, so the general case is
/// a call into compiler-builtins, too slow for the integrals every level change updates.
#[inline]
pub fn wide_mul(a: u64, b: u64) -> u128 {
    if (a | b) >> 32 == 0 {
        u128::from(a * b)
    } else {
        u128::from(a) * u128::from(b)
    }
}

/// `num / den`, or 0 when the ratio is undefined (empty run, nothing measured).
pub fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 && num.is_finite() {
        num / den
    } else {
        0.0
    }
}

/// `x`, or 0 if it is not finite (reports never carry NaN or infinities).
pub fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wide_mul_is_exact_on_both_paths() {
        let small = u64::from(u32::MAX);
        let cases = [
            (0, 0),
            (3, 7),
            (small, small),
            (1 << 32, 5),
            (7, small + 1),
            (u64::MAX, u64::MAX),
        ];
        for (a, b) in cases {
            assert_eq!(
                super::wide_mul(a, b),
                u128::from(a) * u128::from(b),
                "{a} × {b}"
            );
        }
    }
}
