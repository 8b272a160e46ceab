//! Arrival processes shared by the models: when does the next request arrive?
//!
//! ```text
//!  rate
//!   │ Poisson  ·  ·· ·   ·· ·  ·    random gaps, constant mean rate
//!   │ Constant ·  ·  ·  ·  ·  ·     exactly 1/rate apart
//!   │ On/off   ·····      ·····     rate during "on", nothing during "off"
//!   │ Spike    · · ·:::::· · ·      rate × k during the spike window
//!   │ Daily    .·:··:::·..·:::·.    one compressed day: lunch and dinner peaks
//!   └────────────────────────── t
//! ```
//!
//! Poisson, on/off and spike have piecewise-constant rates and are generated exactly by
//! inverting the cumulative rate: draw E ~ Exp(1) and walk forward until ∫ rate dt = E (this
//! skips "off" periods instead of rejecting candidates in them). Daily has a smooth rate and
//! uses thinning (Lewis & Shedler 1979): candidates at the peak rate, each kept with
//! probability rate(t)/peak.
//!
//! Arrival times are generated in continuous time and rounded to the microsecond only when
//! returned, so rounding never accumulates.
use crate::engine::{from_secs, SimTime};
use rand::Rng;
use rand_distr::Exp1;

crate::choices! {
    /// The shape of the arrival rate over time.
    pub enum ArrivalPattern {
        #[default]
        Poisson => ("poisson", "Poisson (random)"),
        Constant => ("constant", "Constant"),
        OnOff => ("onoff", "On/off bursts"),
        Spike => ("spike", "Spike"),
        Daily => ("daily", "Daily (lunch + dinner)"),
    }
}

/// Everything an [`ArrivalProcess`] needs; times in seconds, rates in arrivals per second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArrivalSpec {
    pub pattern: ArrivalPattern,
    /// The base rate (Daily: the rate multiplied by the daily shape).
    pub rate_per_s: f64,
    /// On/off: length of the "on" phase (the run starts "on") and of the "off" phase.
    pub on_s: f64,
    pub off_s: f64,
    /// Spike: rate multiplier in the window; Daily: the multiplier at the two peaks.
    pub spike_factor: f64,
    pub spike_start_s: f64,
    pub spike_len_s: f64,
    /// No arrivals at or after this time.
    pub horizon_s: f64,
}

/// Daily shape: the run is one day compressed; hour h = 24·t/horizon.
/// shape(h) = 0.3 + (k − 0.3) · max(g(h; 12.5, 1.0), g(h; 19.5, 1.2)), g(h; m, s) =
/// exp(−(h − m)² / 2s²): 0.3 at night, k at lunch (12:30) and dinner (19:30).
const NIGHT: f64 = 0.3;
const LUNCH: (f64, f64) = (12.5, 1.0);
const DINNER: (f64, f64) = (19.5, 1.2);

fn gauss(h: f64, (mean, sd): (f64, f64)) -> f64 {
    let z = (h - mean) / sd;
    (-0.5 * z * z).exp()
}

/// Generates arrival times one at a time; keeps its own continuous-time clock.
#[derive(Clone, Debug)]
pub struct ArrivalProcess {
    spec: ArrivalSpec,
    /// The last arrival, in seconds (continuous).
    last_s: f64,
    /// Constant pattern: arrivals produced so far.
    produced: u64,
}

fn finite_or(x: f64, fallback: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        fallback
    }
}

impl ArrivalProcess {
    /// Any input is accepted: non-finite or negative values are treated as 0.
    pub fn new(spec: ArrivalSpec) -> Self {
        let clean = |x: f64| finite_or(x, 0.0).max(0.0);
        let spec = ArrivalSpec {
            rate_per_s: clean(spec.rate_per_s),
            on_s: clean(spec.on_s),
            off_s: clean(spec.off_s),
            spike_factor: clean(spec.spike_factor),
            spike_start_s: clean(spec.spike_start_s),
            spike_len_s: clean(spec.spike_len_s),
            horizon_s: clean(spec.horizon_s),
            ..spec
        };
        ArrivalProcess {
            spec,
            last_s: 0.0,
            produced: 0,
        }
    }

    pub fn spec(&self) -> &ArrivalSpec {
        &self.spec
    }

    /// The daily shape at time `t_s` (1.0 for other patterns).
    fn daily_shape(&self, t_s: f64) -> f64 {
        let h = if self.spec.horizon_s > 0.0 {
            24.0 * t_s / self.spec.horizon_s
        } else {
            0.0
        };
        let peak = gauss(h, LUNCH).max(gauss(h, DINNER));
        (NIGHT + (self.spec.spike_factor - NIGHT) * peak).max(0.0)
    }

    /// For piecewise-constant patterns: the rate at `t_s` and when that rate ends.
    fn piece(&self, t_s: f64) -> (f64, f64) {
        let s = &self.spec;
        match s.pattern {
            ArrivalPattern::OnOff if s.off_s > 0.0 => {
                let period = s.on_s + s.off_s;
                let cycle_start = (t_s / period).floor() * period;
                let on_end = cycle_start + s.on_s;
                if t_s < on_end {
                    (s.rate_per_s, on_end)
                } else {
                    (0.0, cycle_start + period)
                }
            }
            ArrivalPattern::Spike => {
                let (a, b) = (s.spike_start_s, s.spike_start_s + s.spike_len_s);
                if t_s < a {
                    (s.rate_per_s, a)
                } else if t_s < b {
                    (s.rate_per_s * s.spike_factor, b)
                } else {
                    (s.rate_per_s, f64::INFINITY)
                }
            }
            _ => (s.rate_per_s, f64::INFINITY),
        }
    }

    /// The arrival rate at time `t`, in arrivals per second.
    pub fn rate_at(&self, t: SimTime) -> f64 {
        let t_s = super::engine::secs(t);
        match self.spec.pattern {
            ArrivalPattern::Daily => self.spec.rate_per_s * self.daily_shape(t_s),
            _ => self.piece(t_s).0,
        }
    }

    /// The highest rate the pattern reaches.
    pub fn peak_rate(&self) -> f64 {
        let s = &self.spec;
        match s.pattern {
            ArrivalPattern::Spike => s.rate_per_s * s.spike_factor.max(1.0),
            // The shape is a blend of NIGHT and k, so it never exceeds the larger of the two.
            ArrivalPattern::Daily => s.rate_per_s * s.spike_factor.max(NIGHT),
            _ => s.rate_per_s,
        }
    }

    /// The expected number of arrivals in [0, horizon): ∫ rate dt.
    pub fn expected_count(&self) -> f64 {
        let s = &self.spec;
        let h = s.horizon_s;
        match s.pattern {
            ArrivalPattern::Poisson | ArrivalPattern::Constant => s.rate_per_s * h,
            ArrivalPattern::OnOff if s.off_s == 0.0 => s.rate_per_s * h,
            ArrivalPattern::OnOff => {
                let period = s.on_s + s.off_s;
                let cycles = (h / period).floor();
                let rest = h - cycles * period;
                s.rate_per_s * (cycles * s.on_s + rest.min(s.on_s))
            }
            ArrivalPattern::Spike => {
                let a = s.spike_start_s.min(h);
                let b = (s.spike_start_s + s.spike_len_s).min(h);
                s.rate_per_s * (h + (s.spike_factor - 1.0) * (b - a))
            }
            ArrivalPattern::Daily => {
                // Composite Simpson's rule on 2400 intervals (the peaks are ≥ 100 intervals
                // wide, so the error is far below one arrival).
                let n = 2400;
                let dt = h / n as f64;
                let sum: f64 = (0..=n)
                    .map(|i| {
                        let w = if i == 0 || i == n {
                            1.0
                        } else if i % 2 == 1 {
                            4.0
                        } else {
                            2.0
                        };
                        w * self.daily_shape(i as f64 * dt)
                    })
                    .sum();
                s.rate_per_s * sum * dt / 3.0
            }
        }
    }

    /// The next arrival time, or `None` once it would be at or after the horizon.
    pub fn next_arrival<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Option<SimTime> {
        let s = self.spec;
        let next_s = match s.pattern {
            ArrivalPattern::Constant => {
                if s.rate_per_s <= 0.0 {
                    return None;
                }
                (self.produced + 1) as f64 / s.rate_per_s
            }
            ArrivalPattern::Daily => self.next_by_thinning(rng)?,
            _ => self.next_by_inversion(rng)?,
        };
        if next_s.is_nan() || next_s >= s.horizon_s {
            self.last_s = s.horizon_s;
            return None;
        }
        let t = from_secs(next_s);
        if t >= from_secs(s.horizon_s) {
            self.last_s = s.horizon_s;
            return None;
        }
        self.last_s = next_s;
        self.produced += 1;
        Some(t)
    }

    /// Walks the piecewise-constant rate until the integrated rate reaches E ~ Exp(1).
    fn next_by_inversion<R: Rng + ?Sized>(&self, rng: &mut R) -> Option<f64> {
        let mut need: f64 = rng.sample(Exp1);
        let mut t = self.last_s;
        while t < self.spec.horizon_s {
            let (rate, end) = self.piece(t);
            if rate > 0.0 {
                let dt = need / rate;
                if t + dt < end {
                    return Some(t + dt);
                }
                need -= rate * (end - t);
            }
            if end <= t {
                return None; // defensive: a piece must move time forward
            }
            t = end;
        }
        None
    }

    /// Lewis–Shedler thinning with the peak rate as the dominating rate.
    fn next_by_thinning<R: Rng + ?Sized>(&self, rng: &mut R) -> Option<f64> {
        let peak = self.peak_rate();
        if peak <= 0.0 {
            return None;
        }
        let mut t = self.last_s;
        loop {
            let gap: f64 = rng.sample(Exp1);
            t += gap / peak;
            if t >= self.spec.horizon_s {
                return None;
            }
            let keep = self.spec.rate_per_s * self.daily_shape(t) / peak;
            if rng.random::<f64>() < keep {
                return Some(t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{stream, Stream};

    fn spec(pattern: ArrivalPattern) -> ArrivalSpec {
        ArrivalSpec {
            pattern,
            rate_per_s: 50.0,
            on_s: 2.0,
            off_s: 3.0,
            spike_factor: 4.0,
            spike_start_s: 100.0,
            spike_len_s: 50.0,
            horizon_s: 400.0,
        }
    }

    fn count(p: &mut ArrivalProcess) -> u64 {
        let mut rng = stream(3, Stream::Arrivals);
        let mut n = 0;
        let mut last = 0;
        while let Some(t) = p.next_arrival(&mut rng) {
            assert!(t >= last);
            last = t;
            n += 1;
        }
        n
    }

    /// Each pattern's count is within 4 standard deviations (Poisson: sd = √mean) of
    /// `expected_count`.
    #[test]
    fn counts_match_expected_count() {
        for pattern in ArrivalPattern::ALL {
            let mut p = ArrivalProcess::new(spec(pattern));
            let expected = p.expected_count();
            let n = count(&mut p) as f64;
            assert!(
                (n - expected).abs() < 4.0 * expected.sqrt() + 1.0,
                "{pattern:?}: {n} vs {expected}"
            );
        }
    }

    #[test]
    fn on_off_has_no_arrivals_when_off_and_constant_is_exact() {
        let mut p = ArrivalProcess::new(spec(ArrivalPattern::OnOff));
        let mut rng = stream(3, Stream::Arrivals);
        while let Some(t) = p.next_arrival(&mut rng) {
            assert!((t % 5_000_000) < 2_000_000, "arrival at {t} during off");
        }
        let mut c = ArrivalProcess::new(ArrivalSpec {
            rate_per_s: 3.0,
            horizon_s: 2.0,
            ..spec(ArrivalPattern::Constant)
        });
        let times: Vec<_> = std::iter::from_fn(|| c.next_arrival(&mut rng)).collect();
        assert_eq!(
            times,
            vec![333_333, 666_667, 1_000_000, 1_333_333, 1_666_667]
        );
    }

    #[test]
    fn daily_shape_peaks_at_lunch_and_dinner() {
        let p = ArrivalProcess::new(ArrivalSpec {
            horizon_s: 24.0,
            ..spec(ArrivalPattern::Daily)
        });
        let at = |h: f64| p.rate_at(from_secs(h));
        assert!((at(12.5) - 200.0).abs() < 1e-9);
        assert!((at(19.5) - 200.0).abs() < 1e-6);
        assert!((at(3.0) - 15.0).abs() < 1e-6);
    }
}
