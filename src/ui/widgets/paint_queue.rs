//! One queue for every chart's drawing work. Charts are drawn in tasks of their own (a
//! MessageChannel hop, which nested timers' 4 ms clamp does not delay), not in the task that
//! produced their data; a page of charts redrawn at once shares those tasks, several charts
//! per task up to a time budget, instead of one task (and one hop) each. The queue starts
//! once ECharts is on the page (loaded on demand by the first draw); if it cannot load, the
//! jobs run anyway and each chart shows its data as a table.
//!
//! ```text
//!   chart A ─┐               task 1: A, B  (budget reached)
//!   chart B ─┼─▶ queue ─hop─▶
//!   chart C ─┘               task 2: C
//! ```
use super::echarts;
use crate::ui::dom::{now_ms, yield_to_browser};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// A task stops taking jobs once it has run this long. A chart draw takes ~4–10 ms (up to
/// ~15 ms when it forces a layout), so tasks stay under the 50 ms that counts as a long task
/// (a 30 ms budget was measured at 60 ms tasks during a long run).
const BUDGET_MS: f64 = 20.0;

type Job = Box<dyn FnOnce()>;

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = RefCell::new(VecDeque::new());
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
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
        let start = now_ms();
        loop {
            // Taken out before running: a job may queue another.
            let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
                SCHEDULED.set(false);
                return;
            };
            job();
            if now_ms() - start >= BUDGET_MS {
                break;
            }
        }
    }
}
