//! Which key a request asks for: Zipf(α) over N keys (key 0 is the most popular; sampled by
//! `rand_distr::Zipf`, rejection-inversion, O(1) per draw) or uniform, plus the optional
//! hot-key event that sends a share of requests to one normally cold key.
use super::params::CacheParams;
use super::policy::KeyDist;
use crate::engine::{from_secs, SimTime};
use rand::Rng;
use rand_distr::{Distribution, Zipf};

/// Draws keys for reads and writes.
#[derive(Clone, Debug)]
pub struct KeySampler {
    keys: u32,
    zipf: Option<Zipf<f64>>,
    hot_share: f64,
    hot_from: SimTime,
    hot_until: SimTime,
}

impl KeySampler {
    /// The popularity of `params` (any values accepted; N is at least 1).
    pub fn new(params: &CacheParams) -> Self {
        let keys = params.keys.max(1);
        let alpha = if params.alpha.is_finite() {
            params.alpha.max(0.0)
        } else {
            0.0
        };
        let zipf = match params.key_dist {
            KeyDist::Zipf if alpha > 0.0 && keys > 1 => Zipf::new(f64::from(keys), alpha).ok(),
            _ => None,
        };
        let share = params.hot_pct / 100.0;
        KeySampler {
            keys,
            zipf,
            hot_share: if share.is_finite() {
                share.clamp(0.0, 1.0)
            } else {
                0.0
            },
            hot_from: from_secs(params.hot_at_s),
            hot_until: from_secs(params.hot_at_s).saturating_add(from_secs(params.hot_len_s)),
        }
    }

    /// Popularity only (no hot-key event): for the theory and the hit-ratio curve.
    pub fn stationary(params: &CacheParams) -> Self {
        KeySampler {
            hot_share: 0.0,
            ..Self::new(params)
        }
    }

    pub fn keys(&self) -> u32 {
        self.keys
    }

    /// The key the hot-key event sends requests to: the least popular one.
    pub fn hot_key(&self) -> u32 {
        self.keys - 1
    }

    /// Whether the hot-key event is on at `now`.
    pub fn hot_at(&self, now: SimTime) -> bool {
        self.hot_share > 0.0 && now >= self.hot_from && now < self.hot_until
    }

    /// A key by popularity alone.
    pub fn popular<R: Rng + ?Sized>(&self, rng: &mut R) -> u32 {
        match &self.zipf {
            // Zipf samples ranks 1..=N as floats.
            Some(z) => (z.sample(rng) as u32).clamp(1, self.keys) - 1,
            None => rng.random_range(0..self.keys),
        }
    }

    /// A key for a request at `now`. The popular key is drawn even when the hot key is used,
    /// so the hot-key event leaves the rest of the key sequence unchanged.
    pub fn sample<R: Rng + ?Sized>(&self, now: SimTime, rng: &mut R) -> u32 {
        let u: f64 = rng.random();
        let key = self.popular(rng);
        if self.hot_at(now) && u < self.hot_share {
            self.hot_key()
        } else {
            key
        }
    }
}
