//! The worker slots. The set of idle slots and the count of each state are kept in step with
//! every change, so starting a job and sampling the levels do not scan every worker (with
//! scans, the cost of every event grows with the pool). The idle set is a bitset: finding
//! the lowest idle slot reads at most c/64 words, and adding or removing one is O(1) (a
//! `BTreeSet` costs too much even for a pool of two, in wasm above all).
use super::job::Job;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SlotState {
    Vacant,
    Starting,
    Idle,
    Busy(Job),
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Slot {
    pub state: SlotState,
    /// Busy and scaling down: becomes vacant when the job ends.
    pub retiring: bool,
    pub generation: u64,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Pool {
    slots: Vec<Slot>,
    /// Idle slots, lowest first (jobs go to the lowest idle slot).
    idle: IdleSet,
    busy: usize,
    starting: usize,
}

impl Pool {
    /// `n` idle workers.
    pub fn new(n: usize) -> Self {
        let slot = Slot {
            state: SlotState::Idle,
            retiring: false,
            generation: 0,
        };
        Pool {
            slots: vec![slot; n],
            idle: IdleSet::all(n),
            busy: 0,
            starting: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }
    pub fn get(&self, i: usize) -> Option<&Slot> {
        self.slots.get(i)
    }
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Slot> {
        self.slots.iter()
    }
    pub fn busy(&self) -> usize {
        self.busy
    }
    pub fn idle(&self) -> usize {
        self.idle.len()
    }
    pub fn starting(&self) -> usize {
        self.starting
    }
    pub fn first_idle(&self) -> Option<usize> {
        self.idle.first()
    }

    /// Moves slot `i` to `state`, keeping the idle set and the counts in step.
    pub fn set_state(&mut self, i: usize, state: SlotState) {
        let Some(slot) = self.slots.get_mut(i) else {
            return;
        };
        match slot.state {
            SlotState::Idle => self.idle.remove(i),
            SlotState::Busy(_) => self.busy -= 1,
            SlotState::Starting => self.starting -= 1,
            SlotState::Vacant => {}
        }
        match state {
            SlotState::Idle => self.idle.insert(i),
            SlotState::Busy(_) => self.busy += 1,
            SlotState::Starting => self.starting += 1,
            SlotState::Vacant => {}
        }
        slot.state = state;
    }

    pub fn set_retiring(&mut self, i: usize, retiring: bool) {
        if let Some(s) = self.slots.get_mut(i) {
            s.retiring = retiring;
        }
    }

    /// A vacant slot (the lowest, or a new one at the end) moved to Starting; returns its
    /// index and its new generation.
    pub fn start_one(&mut self) -> (usize, u64) {
        let i = match self.slots.iter().position(|s| s.state == SlotState::Vacant) {
            Some(i) => i,
            None => {
                self.slots.push(Slot {
                    state: SlotState::Vacant,
                    retiring: false,
                    generation: 0,
                });
                self.slots.len() - 1
            }
        };
        self.set_state(i, SlotState::Starting);
        let s = &mut self.slots[i];
        s.generation += 1;
        (i, s.generation)
    }
}

/// A set of slot indices as a bitset, with its size.
#[derive(Clone, Debug, Default)]
struct IdleSet {
    words: Vec<u64>,
    len: usize,
}

impl IdleSet {
    /// The set {0, 1, …, n − 1}.
    fn all(n: usize) -> Self {
        let mut set = IdleSet::default();
        for i in 0..n {
            set.insert(i);
        }
        set
    }

    fn len(&self) -> usize {
        self.len
    }

    fn insert(&mut self, i: usize) {
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        if self.words[word] & bit == 0 {
            self.words[word] |= bit;
            self.len += 1;
        }
    }

    fn remove(&mut self, i: usize) {
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        if let Some(w) = self.words.get_mut(word) {
            if *w & bit != 0 {
                *w &= !bit;
                self.len -= 1;
            }
        }
    }

    /// The smallest member.
    fn first(&self) -> Option<usize> {
        self.words
            .iter()
            .enumerate()
            .find(|(_, w)| **w != 0)
            .map(|(i, w)| i * 64 + w.trailing_zeros() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_idle_set_follow_every_change() {
        let mut pool = Pool::new(3);
        assert_eq!((pool.idle(), pool.busy(), pool.starting()), (3, 0, 0));
        pool.set_state(0, SlotState::Vacant);
        assert_eq!(pool.first_idle(), Some(1));
        let (i, generation) = pool.start_one();
        assert_eq!((i, generation), (0, 1));
        assert_eq!((pool.idle(), pool.busy(), pool.starting()), (2, 0, 1));
        let (j, _) = pool.start_one();
        assert_eq!(j, 3, "no vacant slot: a new one is added");
        pool.set_state(0, SlotState::Idle);
        assert_eq!(pool.first_idle(), Some(0));
        assert_eq!((pool.idle(), pool.starting(), pool.len()), (3, 1, 4));
    }

    #[test]
    fn idle_set_spans_several_words() {
        let mut set = IdleSet::all(130);
        assert_eq!((set.len(), set.first()), (130, Some(0)));
        for i in 0..129 {
            set.remove(i);
        }
        set.remove(5); // already gone: no change
        assert_eq!((set.len(), set.first()), (1, Some(129)));
        set.insert(70);
        set.insert(70);
        assert_eq!((set.len(), set.first()), (2, Some(70)));
        set.remove(70);
        set.remove(129);
        assert_eq!((set.len(), set.first()), (0, None));
        set.insert(200); // grows
        assert_eq!((set.len(), set.first()), (1, Some(200)));
    }
}
