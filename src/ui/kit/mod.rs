//! What lessons draw their demos with: chart builders, summary-table rows, number formats
//! and the dots of a diagram. Shared by every lesson, so no lesson copies another's.
//!
//! ```text
//! charts   A/B time charts, XY charts, the series table for CSV export
//! summary  rows of measured values with theory and references beside them
//! format   counts, durations, percentages and percentiles as the tables print them
//! dots     the dot layer every diagram draws its requests with
//! ```
pub mod charts;
pub mod dots;
pub mod format;
pub mod summary;
