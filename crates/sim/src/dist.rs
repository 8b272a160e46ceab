//! Service-time distributions, parameterised by their mean (and coefficient of variation).
//!
//! ```text
//!   Exponential   memoryless; cv = 1 (the "M" in M/M/c)
//!   Constant      every job takes exactly the mean; cv = 0 (the "D" in M/D/c)
//!   Log-normal    long right tail; cv chosen by the user
//! ```
use crate::engine::{from_secs, SimTime};
use rand::Rng;
use rand_distr::{Distribution, Exp, LogNormal};

crate::choices! {
    /// The shape of the service-time distribution.
    pub enum ServiceDist {
        #[default]
        Exponential => ("exponential", "Exponential"),
        Deterministic => ("deterministic", "Constant"),
        LogNormal => ("lognormal", "Log-normal"),
    }
}

#[derive(Clone, Debug)]
enum Sampler {
    Exp(Exp<f64>),
    Constant(SimTime),
    LogNormal(LogNormal<f64>),
}

/// Draws service times with a given mean. Samples are rounded to whole microseconds and are
/// at least 1 µs.
#[derive(Clone, Debug)]
pub struct ServiceSampler {
    sampler: Sampler,
}

impl ServiceSampler {
    /// `mean_secs` is the mean service time; `cv` (standard deviation / mean) is used by the
    /// log-normal only. A mean that is not a positive number is treated as 1 µs; an invalid
    /// `cv` as 1. Never panics.
    pub fn new(dist: ServiceDist, mean_secs: f64, cv: f64) -> Self {
        let mean = if mean_secs.is_finite() && mean_secs > 0.0 {
            mean_secs
        } else {
            1e-6
        };
        let constant = Sampler::Constant(from_secs(mean).max(1));
        let sampler = match dist {
            ServiceDist::Exponential => Exp::new(1.0 / mean).map(Sampler::Exp).unwrap_or(constant),
            ServiceDist::Deterministic => constant,
            ServiceDist::LogNormal => {
                // Choose mu and sigma so that E[X] = mean and sd(X)/E[X] = cv:
                // sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2.
                let cv = if cv.is_finite() { cv.max(0.0) } else { 1.0 };
                let sigma2 = (1.0 + cv * cv).ln();
                let mu = mean.ln() - sigma2 / 2.0;
                LogNormal::new(mu, sigma2.sqrt())
                    .map(Sampler::LogNormal)
                    .unwrap_or(constant)
            }
        };
        ServiceSampler { sampler }
    }

    /// One service time.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> SimTime {
        let t = match &self.sampler {
            Sampler::Exp(d) => from_secs(d.sample(rng)),
            Sampler::Constant(t) => *t,
            Sampler::LogNormal(d) => from_secs(d.sample(rng)),
        };
        t.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::secs;
    use crate::params::ChoiceEnum;
    use crate::rng::{stream, Stream};

    fn mean_and_cv(s: &ServiceSampler, n: usize) -> (f64, f64) {
        let mut rng = stream(1, Stream::Service);
        let xs: Vec<f64> = (0..n).map(|_| secs(s.sample(&mut rng))).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        (mean, var.sqrt() / mean)
    }

    #[test]
    fn lognormal_has_requested_mean_and_cv() {
        let (mean, cv) = mean_and_cv(
            &ServiceSampler::new(ServiceDist::LogNormal, 0.2, 0.5),
            200_000,
        );
        assert!((mean - 0.2).abs() < 0.002, "mean {mean}");
        assert!((cv - 0.5).abs() < 0.01, "cv {cv}");
    }

    #[test]
    fn exponential_has_cv_one_and_constant_is_exact() {
        let (mean, cv) = mean_and_cv(
            &ServiceSampler::new(ServiceDist::Exponential, 1.0, 9.0),
            200_000,
        );
        assert!((mean - 1.0).abs() < 0.01 && (cv - 1.0).abs() < 0.01);
        let c = ServiceSampler::new(ServiceDist::Deterministic, 0.25, 1.0);
        assert_eq!(c.sample(&mut stream(1, Stream::Service)), 250_000);
        let bad = ServiceSampler::new(ServiceDist::Exponential, f64::NAN, f64::NAN);
        assert!(bad.sample(&mut stream(1, Stream::Service)) >= 1);
    }

    #[test]
    fn choices_round_trip() {
        for c in ServiceDist::CHOICES {
            let d = ServiceDist::from_value(c.value).unwrap();
            assert_eq!(d.value(), c.value);
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", c.value)
            );
        }
    }
}
