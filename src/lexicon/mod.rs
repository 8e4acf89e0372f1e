//! The Vietnamese tables the extractor reads, built once.

pub(crate) mod org_head_forms;
pub(crate) mod org_keys;
pub mod orgs;
pub mod people;
mod people_keys;

/// The tables' hash: a fast, fixed-seed (deterministic) hash for short word keys; the tables
/// are fixed and the inputs are words, so protection against hash flooding is not needed.
pub type FastBuild = foldhash::fast::FixedState;
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastBuild>;
pub type FastSet<K> = std::collections::HashSet<K, FastBuild>;
