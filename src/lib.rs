//! bao: a terminal reader for Vietnamese news articles.
//!
//! The core (document, decode, loader, extract, wrap) knows nothing of terminals; the binary
//! adds the command line and the terminal shell.

pub mod app;
pub mod decode;
pub mod document;
pub mod extract;
pub mod fold;
pub mod keymap;
pub mod layout;
pub mod lexicon;
pub mod loader;
pub mod plain;
pub mod positions;
pub mod screen;
pub mod tui;
pub mod ui;
pub mod wrap;

pub use document::{Article, Block, BlockKind, Entities, Mention, Organisation, Person, Published};
pub use loader::LoadError;

use std::path::Path;

/// Loads one file and finds its people and organisations.
pub fn open_article(path: &Path) -> Result<Article, LoadError> {
    let mut article = loader::load_file(path)?;
    let entities = extract::extract(&article);
    article.set_entities(entities);
    Ok(article)
}

/// Loads and extracts from text already in memory (tests, benchmarks, fuzzing).
pub fn article_from_bytes(bytes: &[u8], source: &str) -> Result<Article, decode::DecodeError> {
    let text = decode::decode(bytes)?;
    let mut article = loader::parse(text, source);
    let entities = extract::extract(&article);
    article.set_entities(entities);
    Ok(article)
}
