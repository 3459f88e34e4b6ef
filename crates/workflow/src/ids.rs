//! Identifiers of the things a rule refers to. They are the store's row ids;
//! the domain only compares them.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A case.
    CaseId
);
id_type!(
    /// A user.
    UserId
);
id_type!(
    /// An organisation unit.
    UnitId
);
id_type!(
    /// An administrative area.
    AreaId
);

impl CaseId {
    /// The id of a case that the store has not inserted yet (`file`).
    pub const UNSAVED: CaseId = CaseId(0);
}
