//! What the native test files share: the shipped data, read as the app reads it.
#![allow(dead_code)]

use chrono::NaiveDate;
use jakarta_sister_cities::data::{parse, Loaded};
use jakarta_sister_cities::model::Dataset;

/// The data file the app ships.
pub const SHIPPED: &str = include_str!("../../public/data/partners.json");

/// Today, by the clock, as the app reads it: the shipped file must hold no date after it.
/// Tests whose answers depend on the day pass a day of their own instead.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The shipped file, parsed and validated as of [`today`].
pub fn shipped_loaded() -> Loaded {
    match parse(SHIPPED, today()) {
        Ok(loaded) => loaded,
        Err(err) => panic!("partners.json cannot be read: {err}"),
    }
}

/// The shipped dataset; fails if any record breaks a rule, since a test over a dataset with
/// records left out would test less than it says.
pub fn shipped() -> Dataset {
    let loaded = shipped_loaded();
    let report: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} problem(s) in partners.json:\n{}",
        report.len(),
        report.join("\n")
    );
    loaded.dataset
}

thread_local! {
    static TASKS: std::cell::RefCell<futures::executor::LocalPool> =
        std::cell::RefCell::new(futures::executor::LocalPool::new());
}

/// Leptos's executor for native tests: every task runs on the test's own thread, when the
/// test calls [`settle`]. A thread pool would run effects (the selectors') beside the test,
/// racing the memos it reads.
struct OnThisThread;

impl any_spawner::CustomExecutor for OnThisThread {
    fn spawn(&self, fut: any_spawner::PinnedFuture<()>) {
        self.spawn_local(fut);
    }
    fn spawn_local(&self, fut: any_spawner::PinnedLocalFuture<()>) {
        use futures::task::LocalSpawnExt;
        TASKS.with(|pool| {
            if let Err(err) = pool.borrow().spawner().spawn_local(fut) {
                panic!("the test executor refused a task: {err}");
            }
        });
    }
    fn poll_local(&self) {
        TASKS.with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}

/// Installs [`OnThisThread`]; a second call in the same process is a no-op.
pub fn init_executor() {
    let _ = any_spawner::Executor::init_custom_executor(OnThisThread);
}

/// Runs every pending task (effects) of this thread until none can progress.
pub fn settle() {
    any_spawner::Executor::poll_local();
}
