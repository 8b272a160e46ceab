//! The worker slots. The set of idle slots and the count of each state are kept in step with
//! every change, so starting a job and sampling the levels cost O(log c) instead of a scan
//! of every worker (a 200-worker pool was 10× slower per event with scans).
use super::model::Job;
use std::collections::BTreeSet;

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
    idle: BTreeSet<usize>,
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
            idle: (0..n).collect(),
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
        self.idle.first().copied()
    }

    /// Moves slot `i` to `state`, keeping the idle set and the counts in step.
    pub fn set_state(&mut self, i: usize, state: SlotState) {
        let Some(slot) = self.slots.get_mut(i) else {
            return;
        };
        match slot.state {
            SlotState::Idle => {
                self.idle.remove(&i);
            }
            SlotState::Busy(_) => self.busy -= 1,
            SlotState::Starting => self.starting -= 1,
            SlotState::Vacant => {}
        }
        match state {
            SlotState::Idle => {
                self.idle.insert(i);
            }
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
}
