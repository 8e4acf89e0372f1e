//! The Vietnamese tables the extractor reads, built once.

pub mod orgs;
pub mod people;
