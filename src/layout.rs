//! An article laid out as visual lines for one column width, built once per (article, width).
//!
//! Every line is a byte range (of the article's text, or of the small synthesized header), so
//! drawing a screen is a slice of this list and highlights map onto lines by their offsets.

use crate::document::{Article, BlockKind};
use crate::wrap::wrap;
use std::ops::Range;

/// Columns captions are indented by.
pub const CAPTION_INDENT: usize = 2;

/// What a visual line shows, which decides its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Lead,
    Paragraph,
    Heading,
    Caption,
    Byline,
    Blank,
}

/// Where a line's text lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `Article::text`.
    Text,
    /// `Layout::header` (the time and byline line, or a title that is not a block).
    Header,
}

/// One visual line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VLine {
    pub kind: LineKind,
    pub source: Source,
    pub range: Range<usize>,
    /// Columns of indentation before the text.
    pub indent: u16,
    /// An offset in `Article::text` that orders lines (non-decreasing along the list), used to
    /// keep the reading position across widths.
    pub anchor: usize,
}

/// The wrapped article.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub width: usize,
    pub header: String,
    pub lines: Vec<VLine>,
}

impl Layout {
    /// Lays `article` out at `width` columns (at least 1).
    pub fn build(article: &Article, width: usize) -> Layout {
        let width = width.max(1);
        let mut lay = Layout {
            width,
            header: String::new(),
            lines: Vec::with_capacity(article.text.len() / width.max(40) + 16),
        };
        let title_block = article.blocks.iter().find(|b| b.kind == BlockKind::Title);
        let mut anchor = 0;
        match title_block {
            Some(b) => {
                lay.push_text(article, b.range(), LineKind::Title, 0);
                anchor = b.end;
            }
            None if !article.title.is_empty() => {
                lay.push_header(&article.title, LineKind::Title, 0);
            }
            None => {}
        }
        let mut meta = Vec::new();
        if let Some(p) = article.published {
            meta.push(p.display_vi());
        }
        if let Some(b) = &article.byline {
            meta.push(b.clone());
        }
        if !meta.is_empty() {
            lay.push_header(&meta.join(" · "), LineKind::Meta, anchor);
        }
        for b in &article.blocks {
            let (kind, indent) = match b.kind {
                BlockKind::Title | BlockKind::Dateline => continue,
                BlockKind::Lead => (LineKind::Lead, 0),
                BlockKind::Paragraph => (LineKind::Paragraph, 0),
                BlockKind::Heading => (LineKind::Heading, 0),
                BlockKind::Caption => (LineKind::Caption, CAPTION_INDENT),
                BlockKind::Byline => (LineKind::Byline, 0),
            };
            if !lay.lines.is_empty() {
                lay.lines.push(VLine {
                    kind: LineKind::Blank,
                    source: Source::Text,
                    range: b.start..b.start,
                    indent: 0,
                    anchor: b.start,
                });
            }
            lay.push_text(article, b.range(), kind, indent);
        }
        lay
    }

    fn push_text(&mut self, article: &Article, r: Range<usize>, kind: LineKind, indent: usize) {
        let w = self.width.saturating_sub(indent).max(1);
        let text = &article.text[r.clone()];
        for l in wrap(text, w) {
            let range = r.start + l.start..r.start + l.end;
            self.lines.push(VLine {
                kind,
                source: Source::Text,
                anchor: range.start,
                range,
                indent: indent as u16,
            });
        }
    }

    fn push_header(&mut self, s: &str, kind: LineKind, anchor: usize) {
        let base = self.header.len();
        self.header.push_str(s);
        for l in wrap(s, self.width) {
            self.lines.push(VLine {
                kind,
                source: Source::Header,
                range: base + l.start..base + l.end,
                indent: 0,
                anchor,
            });
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text of line `i`.
    pub fn text<'a>(&'a self, article: &'a Article, i: usize) -> &'a str {
        match self.lines.get(i) {
            Some(l) if l.source == Source::Text => article.text.get(l.range.clone()).unwrap_or(""),
            Some(l) => self.header.get(l.range.clone()).unwrap_or(""),
            None => "",
        }
    }

    /// The line that shows article offset `offset`: the last line starting at or before it.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.anchor <= offset)
            .saturating_sub(1)
    }

    /// A position that survives a re-wrap: the anchor of line `i` and its rank among the lines
    /// sharing that anchor (a blank line and the block after it, or the header lines).
    pub fn position(&self, i: usize) -> (usize, usize) {
        let Some(l) = self.lines.get(i) else {
            return (usize::MAX, 0);
        };
        let first = self.lines.partition_point(|x| x.anchor < l.anchor);
        (l.anchor, i - first)
    }

    /// The line for a [`Layout::position`] taken at another width.
    pub fn restore(&self, (anchor, rank): (usize, usize)) -> usize {
        let first = self.lines.partition_point(|x| x.anchor < anchor);
        match self.lines.get(first) {
            Some(l) if l.anchor == anchor => {
                let end = self.lines.partition_point(|x| x.anchor <= anchor);
                (first + rank).min(end - 1)
            }
            _ => self.line_of(anchor),
        }
    }
}
