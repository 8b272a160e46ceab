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
