//! The article as wrapped plain text, for `--print` and for output that is not a terminal.

use crate::document::{Article, BlockKind};
use crate::wrap::wrap;
use std::fmt::Write;

/// Renders `article` as plain text wrapped to `width` columns: the header, then each block
/// with a blank line between, captions indented.
pub fn render(article: &Article, width: usize) -> String {
    let width = width.max(10);
    let mut out = String::with_capacity(article.text.len() + article.text.len() / 8);
    let push_wrapped = |out: &mut String, text: &str, indent: &str| {
        let w = width.saturating_sub(indent.len()).max(1);
        for r in wrap(text, w) {
            out.push_str(indent);
            out.push_str(&text[r]);
            out.push('\n');
        }
    };
    push_wrapped(&mut out, &article.title, "");
    let mut meta = Vec::new();
    if let Some(p) = article.published {
        meta.push(p.display_vi());
    }
    if let Some(b) = &article.byline {
        meta.push(b.clone());
    }
    if !meta.is_empty() {
        push_wrapped(&mut out, &meta.join(" · "), "");
    }
    for (block, text) in article.blocks_with_text() {
        match block.kind {
            BlockKind::Title | BlockKind::Dateline | BlockKind::Byline => continue,
            BlockKind::Caption => {
                out.push('\n');
                push_wrapped(&mut out, text, "    ");
            }
            BlockKind::Heading => {
                out.push('\n');
                push_wrapped(&mut out, text, "");
            }
            BlockKind::Lead | BlockKind::Paragraph => {
                out.push('\n');
                push_wrapped(&mut out, text, "");
            }
        }
    }
    if let Some(b) = &article.byline {
        let _ = write!(out, "\n{b}\n");
    }
    out
}
