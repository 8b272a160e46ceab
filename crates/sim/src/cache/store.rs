//! One cache: a slab of entries found through a key map, a TTL per entry, and the eviction
//! order kept by the policy's own structure (every operation O(1) or O(log n)).
//!
//! ```text
//!   map: key ─▶ slot          slab: [entry][entry][free][entry] …  (free slots reused)
//!   LRU    intrusive list, a hit moves the entry to the front; evict the back
//!   FIFO   the same list in insertion order; hits do not move; evict the back
//!   LFU    BTreeSet of (hits while cached, last use, slot); evict the smallest
//!   RANDOM Vec of slots with swap-remove; evict a uniformly random one (seeded)
//! ```
//!
//! An entry is valid for `now < expires`. Expired entries are removed lazily: when a lookup
//! finds one (counted as an expiration) or when eviction picks it (counted as an eviction),
//! like Redis' passive expiry; they occupy room until then.
use super::policy::{Policy, TtlMode};
use crate::engine::SimTime;
use rand::Rng;
use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

const NIL: u32 = u32::MAX;
/// The most entries one store ever holds, whatever capacity it is given.
pub const HARD_CAPACITY: usize = 2_000_000;

/// A fast hasher for `u32` keys (Fibonacci hashing); iteration order is never used.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.0 = u64::from(x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map from keys, with [`KeyHasher`].
pub type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// The result of a lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Found and fresh: the cached version of the value.
    Hit { version: u32 },
    /// Not cached.
    Miss,
    /// Cached but expired: removed now, a miss.
    Expired,
}

#[derive(Clone, Debug)]
struct Entry {
    key: u32,
    version: u32,
    expires: SimTime,
    ttl: SimTime,
    /// LRU/FIFO: list links. RANDOM: `prev` is the index in `random`.
    prev: u32,
    next: u32,
    /// LFU: hits while cached and the tick of the last use.
    freq: u32,
    tick: u64,
}

/// One cache with a fixed capacity (entries), an eviction policy and TTL semantics.
#[derive(Clone, Debug)]
pub struct Store {
    policy: Policy,
    ttl_mode: TtlMode,
    capacity: usize,
    map: KeyMap<u32>,
    slab: Vec<Entry>,
    free: Vec<u32>,
    head: u32,
    tail: u32,
    lfu: BTreeSet<(u32, u64, u32)>,
    random: Vec<u32>,
    tick: u64,
    pub evictions: u64,
    pub expirations: u64,
    /// Entries removed by invalidation (delete-on-write).
    pub invalidations: u64,
}

impl Store {
    pub fn new(policy: Policy, capacity: usize, ttl_mode: TtlMode) -> Self {
        Store {
            policy,
            ttl_mode,
            capacity: capacity.min(HARD_CAPACITY),
            map: KeyMap::default(),
            slab: Vec::new(),
            free: Vec::new(),
            head: NIL,
            tail: NIL,
            lfu: BTreeSet::new(),
            random: Vec::new(),
            tick: 0,
            evictions: 0,
            expirations: 0,
            invalidations: 0,
        }
    }

    /// Entries held (including expired ones not removed yet).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Whether `key` is held and fresh at `now`, without touching it.
    pub fn peek(&self, key: u32, now: SimTime) -> Option<u32> {
        let e = &self.slab[*self.map.get(&key)? as usize];
        (now < e.expires).then_some(e.version)
    }

    /// Looks `key` up at `now`: a hit updates recency/frequency (and, with
    /// [`TtlMode::Refresh`], restarts the entry's TTL); an expired entry is removed.
    pub fn get(&mut self, key: u32, now: SimTime) -> Lookup {
        let Some(&slot) = self.map.get(&key) else {
            return Lookup::Miss;
        };
        if now >= self.slab[slot as usize].expires {
            self.remove_slot(slot);
            self.expirations += 1;
            return Lookup::Expired;
        }
        self.touch(slot);
        let e = &mut self.slab[slot as usize];
        if self.ttl_mode == TtlMode::Refresh && e.ttl != SimTime::MAX {
            e.expires = now.saturating_add(e.ttl);
        }
        Lookup::Hit { version: e.version }
    }

    /// Stores `version` of `key` at `now`, valid for `ttl` (`None`: no expiry). A key already
    /// held is overwritten in place (keeping its place in the eviction order, except LRU
    /// which counts the write as a use). Returns the evicted key, if one was evicted.
    pub fn insert<R: Rng + ?Sized>(
        &mut self,
        key: u32,
        version: u32,
        ttl: Option<SimTime>,
        now: SimTime,
        rng: &mut R,
    ) -> Option<u32> {
        let ttl = ttl.unwrap_or(SimTime::MAX);
        let expires = now.saturating_add(ttl);
        if let Some(&slot) = self.map.get(&key) {
            let e = &mut self.slab[slot as usize];
            (e.version, e.ttl, e.expires) = (version, ttl, expires);
            if self.policy == Policy::Lru {
                self.touch(slot);
            }
            return None;
        }
        if self.capacity == 0 {
            return None;
        }
        let mut evicted = None;
        if self.map.len() >= self.capacity {
            evicted = self.evict(rng);
        }
        self.tick += 1;
        let entry = Entry {
            key,
            version,
            expires,
            ttl,
            prev: NIL,
            next: NIL,
            freq: 0,
            tick: self.tick,
        };
        let slot = match self.free.pop() {
            Some(s) => {
                self.slab[s as usize] = entry;
                s
            }
            None => {
                self.slab.push(entry);
                (self.slab.len() - 1) as u32
            }
        };
        self.map.insert(key, slot);
        match self.policy {
            Policy::Lru | Policy::Fifo => self.push_front(slot),
            Policy::Lfu => {
                self.lfu.insert((0, self.tick, slot));
            }
            Policy::Random => {
                self.slab[slot as usize].prev = self.random.len() as u32;
                self.random.push(slot);
            }
        }
        evicted
    }

    /// Deletes `key` (invalidation); returns whether it was held.
    pub fn invalidate(&mut self, key: u32) -> bool {
        match self.map.get(&key) {
            Some(&slot) => {
                self.remove_slot(slot);
                self.invalidations += 1;
                true
            }
            None => false,
        }
    }

    /// Records a use of `slot` in the eviction order.
    fn touch(&mut self, slot: u32) {
        self.tick += 1;
        match self.policy {
            Policy::Lru => {
                self.unlink(slot);
                self.push_front(slot);
            }
            Policy::Lfu => {
                let e = &mut self.slab[slot as usize];
                self.lfu.remove(&(e.freq, e.tick, slot));
                e.freq = e.freq.saturating_add(1);
                e.tick = self.tick;
                self.lfu.insert((e.freq, e.tick, slot));
            }
            Policy::Fifo | Policy::Random => {}
        }
    }

    /// Removes the policy's victim; returns its key.
    fn evict<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Option<u32> {
        let slot = match self.policy {
            Policy::Lru | Policy::Fifo => (self.tail != NIL).then_some(self.tail)?,
            Policy::Lfu => self.lfu.first()?.2,
            Policy::Random => {
                if self.random.is_empty() {
                    return None;
                }
                self.random[rng.random_range(0..self.random.len())]
            }
        };
        let key = self.slab[slot as usize].key;
        self.remove_slot(slot);
        self.evictions += 1;
        Some(key)
    }

    fn remove_slot(&mut self, slot: u32) {
        let e = self.slab[slot as usize].clone();
        match self.policy {
            Policy::Lru | Policy::Fifo => self.unlink(slot),
            Policy::Lfu => {
                self.lfu.remove(&(e.freq, e.tick, slot));
            }
            Policy::Random => {
                let i = e.prev as usize;
                self.random.swap_remove(i);
                if let Some(&moved) = self.random.get(i) {
                    self.slab[moved as usize].prev = i as u32;
                }
            }
        }
        self.map.remove(&e.key);
        self.free.push(slot);
    }

    fn push_front(&mut self, slot: u32) {
        let old = self.head;
        {
            let e = &mut self.slab[slot as usize];
            e.prev = NIL;
            e.next = old;
        }
        if old != NIL {
            self.slab[old as usize].prev = slot;
        } else {
            self.tail = slot;
        }
        self.head = slot;
    }

    fn unlink(&mut self, slot: u32) {
        let (prev, next) = {
            let e = &self.slab[slot as usize];
            (e.prev, e.next)
        };
        if prev != NIL {
            self.slab[prev as usize].next = next;
        } else {
            self.head = next;
        }
        if next != NIL {
            self.slab[next as usize].prev = prev;
        } else {
            self.tail = prev;
        }
    }
}
