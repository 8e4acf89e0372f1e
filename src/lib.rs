//! bao: a terminal reader for Vietnamese news articles.
//!
//! The core (document, decode, loader, extract, wrap) knows nothing of terminals; the binary
//! adds the command line and the terminal shell.

pub mod app;
pub mod decode;
pub mod document;
pub mod extract;
pub mod fold;
mod json;
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
    add_entities(&mut article);
    Ok(article)
}

/// A short article in the shape of the real ones (dateline, lead, roles, abbreviations, a
/// foreign name, a byline), for [`warm_up`].
const WARM_UP_TEXT: &str = "Hợp tác xã Tân Lạc nhận giải thưởng\n\
    08:30, 12/03/2021\n\
    Ủy ban nhân dân (UBND) huyện Tân Lạc và Công ty TNHH Hải Đăng vừa ký kết hợp tác.\n\
    Bà Phan Thị Quế, Phó Chủ tịch UBND huyện, cho biết ông Lò Văn Sáng sẽ phụ trách dự án.\n\
    Theo ông Peter Hollings, chuyên gia của Sở Khoa học và Công nghệ tỉnh Hòa Bình, \
    Trường THPT Lê Quý Đôn sẽ tham gia.\n\
    Thu Hà\n";

/// Builds the extractor's tables now rather than on first use, by extracting from a short
/// article. A caller with many files runs it beside the first loads, so that no thread waits
/// for another to build them. Changes no result.
pub fn warm_up() {
    let article = loader::parse(WARM_UP_TEXT.to_owned(), "");
    std::hint::black_box(extract::extract(&article));
}

/// Loads and extracts from text already in memory (tests, benchmarks, fuzzing).
pub fn article_from_bytes(bytes: &[u8], source: &str) -> Result<Article, decode::DecodeError> {
    let text = decode::decode(bytes)?;
    let mut article = loader::parse(text, source);
    add_entities(&mut article);
    Ok(article)
}

/// Finds the people and organisations of a loaded article.
pub fn add_entities(article: &mut Article) {
    let entities = extract::extract(article);
    article.set_entities(entities);
}

/// Test support for the generated, checked-in tables.
#[cfg(test)]
mod generated {
    /// Fails unless the file at `path` (from the crate's root) holds `want`, so a table left
    /// stale or edited by hand is caught; with `BAO_REGEN` set, rewrites it first.
    pub fn check(path: &str, want: &str, test: &str) {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("BAO_REGEN").is_some() {
            std::fs::write(&full, want).unwrap();
        }
        let have = std::fs::read_to_string(&full).unwrap();
        assert!(
            have == want,
            "{path} is stale: run BAO_REGEN=1 cargo test --lib {test}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warm_up_text_exercises_both_extractors() {
        // A warm-up that finds nothing would leave tables unbuilt for the real files.
        warm_up();
        let mut a = loader::parse(WARM_UP_TEXT.to_owned(), "");
        add_entities(&mut a);
        assert!(!a.people.is_empty(), "{:?}", a.people);
        assert!(!a.organisations.is_empty(), "{:?}", a.organisations);
        assert!(a.published.is_some());
    }
}
