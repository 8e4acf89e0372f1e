//! The document model: plain data, no terminal, no I/O.
//!
//! An [`Article`] owns its normalised text; every [`Block`] and every [`Mention`] is a byte
//! range into that text, so highlights, search hits and JSON offsets all speak the same units.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// What a block is, as the page laid it out.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Title,
    Dateline,
    Lead,
    Paragraph,
    Heading,
    Caption,
    Byline,
}

impl BlockKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Lead => "lead",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::Caption => "caption",
            BlockKind::Byline => "byline",
        }
    }
}

/// The index of the block (of `blocks`, in text order) holding byte `offset`, if any.
pub fn block_at(blocks: &[Block], offset: usize) -> Option<usize> {
    let i = blocks.partition_point(|b| b.end <= offset);
    (i < blocks.len() && blocks[i].start <= offset).then_some(i)
}

/// One block of the article: its kind and its byte range in [`Article::text`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

impl Block {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A publication time as the page prints it (local time, minute precision).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

impl Published {
    /// Builds a time, or `None` when a field is out of range (e.g. 31/02).
    pub fn new(year: u16, month: u8, day: u8, hour: u8, minute: u8) -> Option<Self> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days && hour < 24 && minute < 60).then_some(Published {
            year,
            month,
            day,
            hour,
            minute,
        })
    }

    /// The way Vietnamese pages print it: `15:15, 25/02/2022`.
    pub fn display_vi(&self) -> String {
        format!(
            "{:02}:{:02}, {:02}/{:02}/{:04}",
            self.hour, self.minute, self.day, self.month, self.year
        )
    }
}

/// ISO 8601 without seconds or zone: `2022-02-25T15:15`.
impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

impl Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let bad = || serde::de::Error::custom(format!("not a time: {s}"));
        let num = |r: Range<usize>| s.get(r).and_then(|x| x.parse::<u16>().ok());
        if s.len() != 16 {
            return Err(bad());
        }
        Published::new(
            num(0..4).ok_or_else(bad)?,
            num(5..7).ok_or_else(bad)? as u8,
            num(8..10).ok_or_else(bad)? as u8,
            num(11..13).ok_or_else(bad)? as u8,
            num(14..16).ok_or_else(bad)? as u8,
        )
        .ok_or_else(bad)
    }
}

/// One occurrence of an entity: a byte range in the article's text, inside block `block`.
///
/// Its text is `article.text[start..end]` ([`Mention::text`]) and is not kept: a long article
/// has hundreds of thousands of mentions, and a copy of each text would cost more than the
/// article itself. For the same reason the offsets are `u32` (12 bytes a mention); article
/// texts are far below 4 GiB, as files are capped at 256 MB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    block: u32,
    start: u32,
    end: u32,
}

impl Mention {
    /// The mention of bytes `start..end`, in block `block`.
    pub fn new(block: usize, start: usize, end: usize) -> Self {
        let small = |x: usize| u32::try_from(x).expect("article texts are far below 4 GiB");
        Mention {
            block: small(block),
            start: small(start),
            end: small(end),
        }
    }

    /// The index of its block in `Article::blocks`.
    pub fn block(&self) -> usize {
        self.block as usize
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The mention's text in `text`, the article text it was found in (empty if out of range).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range()).unwrap_or("")
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Person {
    pub name: String,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    /// The article's author (found in its byline), not a person the text is about.
    pub author: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Organisation {
    pub name: String,
    pub abbreviation: Option<String>,
    pub expansion: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// People and organisations found in one article.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Entities {
    pub people: Vec<Person>,
    pub organisations: Vec<Organisation>,
}

/// A loaded article. `text` is the file's decoded, cleaned, NFC text; blocks slice it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Article {
    pub source: String,
    pub title: String,
    pub published: Option<Published>,
    pub byline: Option<String>,
    pub text: String,
    pub blocks: Vec<Block>,
    pub people: Vec<Person>,
    pub organisations: Vec<Organisation>,
}

impl Article {
    /// Drops the article, giving its text back to this thread's loader ([`crate::decode`]),
    /// which copies the next file's text into it instead of allocating one: for an article
    /// done with, as `--json` is with each once its line is made.
    pub fn recycle(self) {
        crate::decode::recycle(self.text);
    }

    /// The text of block `i` (empty when out of range).
    pub fn block_text(&self, i: usize) -> &str {
        self.blocks
            .get(i)
            .and_then(|b| self.text.get(b.range()))
            .unwrap_or("")
    }

    /// Blocks with their text, in reading order.
    pub fn blocks_with_text(&self) -> impl Iterator<Item = (&Block, &str)> {
        self.blocks.iter().map(|b| (b, &self.text[b.range()]))
    }

    /// Index of the block containing byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        block_at(&self.blocks, offset)
    }

    pub fn set_entities(&mut self, entities: Entities) {
        self.people = entities.people;
        self.organisations = entities.organisations;
    }

    /// The JSON Lines shape of `bao --json`: serde_json's bytes for its fields, written by the
    /// `json` module. Writing to memory does not fail; the `Result` is its callers' shape.
    pub fn to_json(&self) -> std::io::Result<String> {
        // A line is under twice its text (block texts, plus offsets and mentions).
        let mut line = Vec::with_capacity(2 * self.text.len() + 1024);
        self.append_json(&mut line);
        debug_assert!(std::str::from_utf8(&line).is_ok());
        // SAFETY: the writer puts out ASCII and whole slices of `&str`s only (as serde_json,
        // which skips the check too); checking a line again cost more than writing it.
        Ok(unsafe { String::from_utf8_unchecked(line) })
    }

    /// Appends [`Article::to_json`] to `line`.
    pub fn append_json(&self, line: &mut Vec<u8>) {
        crate::json::append_article(line, self);
    }

    /// [`Article::to_json`] written straight to `w`, a piece at a time: a long article's
    /// line is never held in memory whole.
    pub fn write_json<W: std::io::Write>(&self, mut w: W) -> std::io::Result<()> {
        crate::json::write_article(&mut w, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_is_iso_and_validated() {
        let p = Published::new(2022, 2, 25, 15, 15).unwrap();
        assert_eq!(p.to_string(), "2022-02-25T15:15");
        assert_eq!(p.display_vi(), "15:15, 25/02/2022");
        assert!(Published::new(2022, 2, 29, 0, 0).is_none());
        assert!(Published::new(2024, 2, 29, 0, 0).is_some());
        assert!(Published::new(2022, 13, 1, 0, 0).is_none());
        assert!(Published::new(2022, 1, 1, 24, 0).is_none());
        let back: Published = serde_json::from_str("\"2022-02-25T15:15\"").unwrap();
        assert_eq!(back, p);
        assert!(serde_json::from_str::<Published>("\"2022-02-30T15:15\"").is_err());
    }

    #[test]
    fn block_at_finds_the_containing_block() {
        let a = Article {
            text: "ab\n\ncd".into(),
            blocks: vec![
                Block {
                    kind: BlockKind::Title,
                    start: 0,
                    end: 2,
                },
                Block {
                    kind: BlockKind::Paragraph,
                    start: 4,
                    end: 6,
                },
            ],
            ..Default::default()
        };
        assert_eq!(a.block_at(0), Some(0));
        assert_eq!(a.block_at(1), Some(0));
        assert_eq!(a.block_at(3), None);
        assert_eq!(a.block_at(5), Some(1));
        assert_eq!(a.block_at(6), None);
        assert_eq!(a.block_text(1), "cd");
        assert_eq!(a.block_text(9), "");
    }

    #[test]
    fn a_mention_is_small() {
        // A 20 MB article has hundreds of thousands of mentions.
        assert_eq!(std::mem::size_of::<Mention>(), 12);
        let m = Mention::new(3, 10, 25);
        assert_eq!((m.block(), m.range()), (3, 10..25));
    }

    #[test]
    fn json_mentions_carry_their_text_from_the_article() {
        let mention = Mention::new(1, 4, 6);
        let a = Article {
            text: "ab\n\ncd".into(),
            blocks: vec![
                Block {
                    kind: BlockKind::Title,
                    start: 0,
                    end: 2,
                },
                Block {
                    kind: BlockKind::Paragraph,
                    start: 4,
                    end: 6,
                },
            ],
            people: vec![Person {
                name: "cd".into(),
                mentions: vec![mention],
                ..Default::default()
            }],
            organisations: vec![Organisation {
                name: "ab".into(),
                abbreviation: Some("A".into()),
                mentions: vec![Mention::new(0, 0, 2)],
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(mention.text(&a.text), "cd");
        assert_eq!(mention.text("ab"), "", "out of range");
        let json = a.to_json().unwrap();
        assert!(
            json.ends_with(
                r#""people":[{"name":"cd","roles":[],"aliases":[],"mentions":[{"block":1,"start":4,"end":6,"text":"cd"}],"author":false}],"organisations":[{"name":"ab","abbreviation":"A","expansion":null,"aliases":[],"mentions":[{"block":0,"start":0,"end":2,"text":"ab"}]}]}"#
            ),
            "{json}"
        );
        let mut written = Vec::new();
        a.write_json(&mut written).unwrap();
        assert_eq!(written, json.as_bytes());
    }
}
