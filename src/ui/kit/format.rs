//! Number formatting shared by every demo's tables and charts.

/// Seconds as a readable duration: "850 µs", "12.3 ms", "1.24 s", "3.5 min".
pub fn duration(secs: f64) -> String {
    if !secs.is_finite() {
        return "—".into();
    }
    let a = secs.abs();
    if a == 0.0 {
        "0 s".into()
    } else if a < 1e-3 {
        format!("{:.0} µs", secs * 1e6)
    } else if a < 1.0 {
        format!("{:.1} ms", secs * 1e3)
    } else if a < 120.0 {
        format!("{secs:.2} s")
    } else {
        format!("{:.1} min", secs / 60.0)
    }
}

/// "p50 / p95 / p99" of a latency summary.
pub fn percentiles(p: &scalelab_sim::stats::Percentiles) -> String {
    format!(
        "{} / {} / {}",
        duration(p.p50),
        duration(p.p95),
        duration(p.p99)
    )
}

/// A count with thousands separators: 1234567 → "1,234,567".
pub fn count(n: u64) -> String {
    scalelab_sim::params::kit::thousands(n)
}

/// A fraction as a percentage with one decimal.
pub fn percent(x: f64) -> String {
    if x.is_finite() {
        format!("{:.1}%", x * 100.0)
    } else {
        "—".into()
    }
}

/// A rate or level with three significant figures.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        "—".into()
    } else if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else if x.abs() >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// Bytes in binary units: "512 B", "2.0 KiB", "1.5 MiB", "3.2 GiB".
pub fn bytes(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = x.max(0.0);
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{v:.0} B")
    } else {
        format!("{v:.1} {}", units[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_read_well() {
        assert_eq!(duration(0.0123), "12.3 ms");
        assert_eq!(duration(0.000_85), "850 µs");
        assert_eq!(duration(1.2345), "1.23 s");
        assert_eq!(duration(f64::NAN), "—");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(999), "999");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(number(123.4), "123");
        assert_eq!(bytes(512.0), "512 B");
        assert_eq!(bytes(2048.0 * 300.0), "600.0 KiB");
        assert_eq!(bytes(1.5 * 1024.0 * 1024.0), "1.5 MiB");
    }
}
