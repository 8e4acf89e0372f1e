//! People: Vietnamese and foreign names without their titles, with their roles.

use crate::document::{Article, Organisation, Person};

/// The people `article` mentions. Spans inside `organisations` mentions are not people.
pub fn find(_article: &Article, _organisations: &[Organisation]) -> Vec<Person> {
    Vec::new()
}
