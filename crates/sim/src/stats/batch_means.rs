//! A 95% confidence interval for the mean of correlated samples (e.g. successive waits in a
//! queue) by the method of batch means.
//!
//! ```text
//!   x1 x2 … xm | xm+1 … x2m | …            samples, in order
//!   └── ȳ1 ──┘   └── ȳ2 ──┘    … ȳk        batch means (nearly independent when m is large)
//!   half-width = t(0.975, k−1) · s(ȳ) / √k
//! ```
//!
//! The number of samples is not known in advance, so batches start with size 1; whenever
//! 2·30 batches are full, neighbours are merged pairwise and the batch size doubles. At any
//! time there are between 30 and 59 full batches (once 30 samples have been seen), and the
//! memory used is constant. See Law & Kelton, *Simulation Modeling and Analysis*, §9.5.3
//! (batch means), and Fishman (1978) for the doubling scheme. Caveat: early on, when batches
//! are short, neighbouring batch means are still correlated and the interval is too narrow.
/// The number of batches the interval is built from (at least).
const MIN_BATCHES: usize = 30;

#[derive(Clone, Debug)]
pub struct BatchMeans {
    batch_size: u64,
    batch_means: Vec<f64>,
    current_sum: f64,
    current_n: u64,
}

impl Default for BatchMeans {
    fn default() -> Self {
        Self::new()
    }
}

impl BatchMeans {
    pub fn new() -> Self {
        BatchMeans {
            batch_size: 1,
            batch_means: Vec::with_capacity(2 * MIN_BATCHES),
            current_sum: 0.0,
            current_n: 0,
        }
    }

    pub fn add(&mut self, x: f64) {
        self.current_sum += x;
        self.current_n += 1;
        if self.current_n < self.batch_size {
            return;
        }
        self.batch_means
            .push(self.current_sum / self.batch_size as f64);
        self.current_sum = 0.0;
        self.current_n = 0;
        if self.batch_means.len() == 2 * MIN_BATCHES {
            let merged: Vec<f64> = self
                .batch_means
                .chunks(2)
                .map(|pair| (pair[0] + pair[1]) / 2.0)
                .collect();
            self.batch_means = merged;
            self.batch_size *= 2;
        }
    }

    /// The number of full batches.
    pub fn batches(&self) -> usize {
        self.batch_means.len()
    }

    /// The half-width of the 95% confidence interval of the mean, or `None` before 30 full
    /// batches exist.
    pub fn ci95_half_width(&self) -> Option<f64> {
        let k = self.batch_means.len();
        if k < MIN_BATCHES {
            return None;
        }
        let mean = self.batch_means.iter().sum::<f64>() / k as f64;
        let var = self
            .batch_means
            .iter()
            .map(|y| (y - mean) * (y - mean))
            .sum::<f64>()
            / (k - 1) as f64;
        Some(student_t_975(k - 1) * (var / k as f64).sqrt())
    }
}

/// The 0.975 quantile of Student's t distribution with `dof` degrees of freedom, by the
/// Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5);
/// accurate to about 1e-4 for `dof` ≥ 10 (t(29) = 2.0452).
pub fn student_t_975(dof: usize) -> f64 {
    let z: f64 = 1.959_963_984_540_054;
    let v = dof.max(1) as f64;
    let z3 = z * z * z;
    let z5 = z3 * z * z;
    let z7 = z5 * z * z;
    let g1 = (z3 + z) / 4.0;
    let g2 = (5.0 * z5 + 16.0 * z3 + 3.0 * z) / 96.0;
    let g3 = (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / 384.0;
    z + g1 / v + g2 / (v * v) + g3 / (v * v * v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Student t table values (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2).
    #[test]
    fn t_quantiles_match_tables() {
        assert!((student_t_975(29) - 2.045).abs() < 5e-4);
        assert!((student_t_975(59) - 2.001).abs() < 5e-4);
        assert!((student_t_975(10) - 2.228).abs() < 2e-3);
    }

    #[test]
    fn batch_count_stays_between_30_and_59() {
        let mut b = BatchMeans::new();
        assert_eq!(b.ci95_half_width(), None);
        for i in 0..100_000u64 {
            b.add((i % 7) as f64);
            if i >= 29 {
                assert!((30..60).contains(&b.batches()));
            }
        }
        assert!(b.ci95_half_width().unwrap() < 0.1);
    }
}
