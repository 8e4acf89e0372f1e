//! Organisations: party and state bodies, courts, army and police units, companies, schools …

use crate::document::{Article, Organisation};

/// The organisations `article` mentions, each with all its mentions.
pub fn find(_article: &Article) -> Vec<Organisation> {
    Vec::new()
}
