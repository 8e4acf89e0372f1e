//! People and organisations: `&Article` in, [`Entities`] out. Never touches a terminal.

use crate::document::{Article, Entities};

/// Finds the people and organisations an article mentions.
pub fn extract(_article: &Article) -> Entities {
    Entities::default()
}
