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
