//! People and organisations: `&Article` in, [`Entities`] out. Never touches a terminal.
//!
//! Organisations are found first, so that a name inside an organisation ("Trường THPT Nguyễn
//! Du") is not also taken for a person.

pub mod orgs;
pub mod people;
pub mod tokens;

use crate::document::{Article, Entities};

/// Finds the people and organisations an article mentions.
pub fn extract(article: &Article) -> Entities {
    let organisations = orgs::find(article);
    let people = people::find(article, &organisations);
    Entities {
        people,
        organisations,
    }
}
