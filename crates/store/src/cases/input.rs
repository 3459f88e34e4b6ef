//! The inputs of filing and of actions as a client sends them: units, areas,
//! categories and cases by code. The store resolves them into the references
//! `workflow` decides on.

/// What a reporter sends to file a case (SPEC §3.3 `file`): the area by
/// code.
pub type FileRequest = workflow::FileInput<String>;

/// An action on a case as a client sends it: units and the merge target by
/// code (or, for a case, by id).
pub type ActionInput = workflow::Command<String, String>;
