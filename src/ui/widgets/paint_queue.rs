//! One queue for every chart's drawing work. Charts are drawn in tasks of their own (a
//! MessageChannel hop, which nested timers' 4 ms clamp does not delay), not in the task that
//! produced their data; a page of charts redrawn at once shares those tasks, as many charts
//! per task as fit the time budget, instead of one task (and one hop) each. The queue starts
//! once ECharts is on the page (loaded on demand by the first draw); if it cannot load, the
//! jobs run anyway and each chart shows its data as a table.
//!
//! ```text
//!   chart A ─┐               task 1: A, B, C  (D would not fit)
//!   chart B ─┼─▶ queue ─hop─▶
//!   chart C ─┤               task 2: D
//!   chart D ─┘
//! ```
use super::echarts;
use crate::ui::dom::now_ms;
use crate::ui::yielding::yield_to_browser;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// A task takes another job only if it would still end within this time, judged by the
/// typical recent job; 50 ms is where a task counts as long, which leaves room for a job that
/// runs slow (a garbage collection, a layout). A redraw takes a few milliseconds, so a slider
/// change's charts share one task and one frame.
const BUDGET_MS: f64 = 40.0;

type Job = Box<dyn FnOnce()>;

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = RefCell::new(VecDeque::new());
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    static BUDGET: RefCell<TaskBudget> = RefCell::new(TaskBudget::new(BUDGET_MS));
}

/// Runs `job` in a later task, after the jobs queued before it.
pub fn paint_soon(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().push_back(Box::new(job)));
    if !SCHEDULED.replace(true) {
        leptos::task::spawn_local(drain());
    }
}

async fn drain() {
    echarts::ready().await;
    loop {
        yield_to_browser().await;
        let task_start = now_ms();
        loop {
            let elapsed = now_ms() - task_start;
            if !BUDGET.with(|b| b.borrow().may_start(elapsed)) {
                break;
            }
            // Taken out before running: a job may queue another.
            let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
                SCHEDULED.set(false);
                return;
            };
            let start = now_ms();
            job();
            let took = now_ms() - start;
            BUDGET.with(|b| b.borrow_mut().record(took));
        }
    }
}

/// Decides whether a task has room for one more job: the first job always runs; another
/// starts only if, taking as long as the typical (median) of the last
/// [`TaskBudget::REMEMBERED`] jobs, it would end within the budget. The median, not the
/// slowest: one job slowed by a garbage collection would otherwise split the next several
/// redraws over extra tasks and frames.
#[derive(Debug)]
pub struct TaskBudget {
    budget_ms: f64,
    recent_ms: VecDeque<f64>,
}

impl TaskBudget {
    /// How many recent job durations the estimate looks at.
    pub const REMEMBERED: usize = 8;
    /// The estimate before any job has been timed (a first draw, which also lays out).
    const UNKNOWN_MS: f64 = 15.0;

    pub fn new(budget_ms: f64) -> Self {
        TaskBudget {
            budget_ms,
            recent_ms: VecDeque::with_capacity(Self::REMEMBERED),
        }
    }

    /// Records how long a job took.
    pub fn record(&mut self, ms: f64) {
        if self.recent_ms.len() == Self::REMEMBERED {
            self.recent_ms.pop_front();
        }
        self.recent_ms
            .push_back(if ms.is_finite() { ms.max(0.0) } else { 0.0 });
    }

    /// What the next job is expected to take: the median of the recent ones (the upper one
    /// of an even count).
    pub fn estimate_ms(&self) -> f64 {
        let mut recent: Vec<f64> = self.recent_ms.iter().copied().collect();
        recent.sort_by(f64::total_cmp);
        recent
            .get(recent.len() / 2)
            .copied()
            .unwrap_or(Self::UNKNOWN_MS)
    }

    /// Whether a job may start `elapsed_ms` into the task.
    pub fn may_start(&self, elapsed_ms: f64) -> bool {
        elapsed_ms <= 0.0 || elapsed_ms + self.estimate_ms() <= self.budget_ms
    }
}

#[cfg(test)]
mod tests {
    use super::TaskBudget;

    #[test]
    fn the_first_job_of_a_task_always_runs() {
        let mut b = TaskBudget::new(40.0);
        b.record(100.0);
        assert!(b.may_start(0.0));
    }

    #[test]
    fn four_typical_redraws_share_one_task() {
        let mut b = TaskBudget::new(40.0);
        let mut elapsed = 0.0;
        let mut in_task = 0;
        for _ in 0..4 {
            assert!(
                b.may_start(elapsed),
                "job {in_task} did not fit at {elapsed} ms"
            );
            b.record(7.0);
            elapsed += 7.0;
            in_task += 1;
        }
        assert_eq!(in_task, 4);
    }

    #[test]
    fn a_job_that_would_cross_the_budget_waits_for_the_next_task() {
        let mut b = TaskBudget::new(40.0);
        b.record(12.0);
        assert!(b.may_start(28.0)); // ends at 40
        assert!(!b.may_start(29.0)); // would end at 41
    }

    #[test]
    fn one_slow_job_does_not_split_the_next_redraws() {
        let mut b = TaskBudget::new(40.0);
        for ms in [6.0, 6.0, 6.0, 25.0] {
            b.record(ms);
        }
        assert_eq!(b.estimate_ms(), 6.0);
        assert!(b.may_start(34.0));
    }

    #[test]
    fn slow_jobs_in_a_row_raise_the_estimate_and_old_ones_are_forgotten() {
        let mut b = TaskBudget::new(40.0);
        assert_eq!(b.estimate_ms(), 15.0); // nothing timed yet
        for _ in 0..TaskBudget::REMEMBERED {
            b.record(20.0);
        }
        assert_eq!(b.estimate_ms(), 20.0);
        assert!(!b.may_start(21.0));
        for _ in 0..TaskBudget::REMEMBERED {
            b.record(5.0);
        }
        assert_eq!(b.estimate_ms(), 5.0);
        b.record(f64::NAN); // counted as 0, never as a poisoned estimate
        assert_eq!(b.estimate_ms(), 5.0);
    }
}
