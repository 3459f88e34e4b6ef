//! Actions racing for one version of a case.

use store::StoreError;
use tokio::task::JoinHandle;
use workflow::Case;

/// How many of `tasks`, actions on version 1 of one case, were carried
/// out; every other one must have lost the compare-and-set to version 2.
pub async fn winners(tasks: Vec<JoinHandle<Result<Case, StoreError>>>) -> usize {
    let mut won = 0;
    for task in tasks {
        match task.await.expect("task") {
            Ok(_) => won += 1,
            Err(StoreError::VersionConflict {
                given: 1,
                current: 2,
            }) => {}
            Err(e) => panic!("unexpected {e}"),
        }
    }
    won
}
