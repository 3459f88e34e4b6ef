//! Helpers of the store's integration tests that no other crate's tests
//! need; the database, the organisation and the case are in `testkit`.

pub mod batches;
pub mod profiles;
pub mod races;
pub mod snapshot;
pub mod upgrade;
