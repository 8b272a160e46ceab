//! The per-request decision log of each limiter, as the client sees it: the response it
//! got, `RateLimit-Remaining`, and `Retry-After` or how long nginx held it.
use crate::ui::kit::format::{count, duration};
use crate::ui::widgets::table::DataTable;
use scalelab_sim::engine::secs;
use scalelab_sim::ratelimit::{Algo, LogEntry, Outcome, RateLimitReport};

const COLUMNS: &[&str] = &[
    "time (s)",
    "request",
    "client",
    "response",
    "RateLimit-Remaining",
    "Retry-After / wait",
];

fn cells(e: &LogEntry, refused_status: &str) -> Vec<String> {
    let (response, wait) = match e.outcome {
        Outcome::Accept => ("200 passed".to_string(), String::new()),
        Outcome::Reject => (
            format!("{refused_status} refused"),
            e.retry_after_s
                .map(|s| format!("Retry-After: {s}"))
                .unwrap_or_default(),
        ),
        Outcome::Delay(d) => ("200 after a wait".to_string(), duration(secs(d))),
    };
    vec![
        format!("{:.3}", secs(e.t_us)),
        format!("#{}", e.request),
        e.client.to_string(),
        response,
        e.remaining
            .map(|r| r.to_string())
            .unwrap_or_else(|| "—".into()),
        wait,
    ]
}

/// One table per running limiter: its first logged decisions.
pub fn tables(report: &RateLimitReport) -> Vec<(String, DataTable)> {
    report
        .algos
        .iter()
        .map(|a| {
            // nginx answers refusals with 503 unless `limit_req_status` says otherwise.
            let status = if a.algo == Algo::Leaky { "503" } else { "429" };
            let mut t = DataTable::new(COLUMNS);
            for e in &a.log {
                t.push(cells(e, status));
            }
            let shown = if (a.log.len() as u64) < a.log_total {
                format!(
                    ", first {} of {}",
                    count(a.log.len() as u64),
                    count(a.log_total)
                )
            } else {
                String::new()
            };
            (format!("Decision log: {}{shown}", a.label), t)
        })
        .collect()
}
