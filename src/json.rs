//! The JSON Lines shape of `bao --json`, written by hand.
//!
//! The output is byte for byte what serde_json writes for the derived `Serialize` impls of
//! the document types (compact, fields in declaration order, serde_json's string escapes); the
//! tests hold the two together. By hand because serialising was a tenth of the whole run, most
//! of it serde_json escaping article text one byte at a time. Every struct is destructured
//! without `..`, so a new field fails to compile here instead of going missing from the output.

use crate::document::{Article, Block, Mention, Organisation, Person};

/// Appends `article` as one JSON object (no newline) to `out`.
pub fn write_article(out: &mut String, article: &Article) {
    let Article {
        source,
        title,
        published,
        byline,
        text,
        blocks,
        people,
        organisations,
    } = article;
    // Block texts are most of the line; the rest is a few dozen bytes per block and mention.
    out.reserve(text.len() + 64 * blocks.len() + 256);
    out.push_str("{\"source\":");
    string(out, source);
    out.push_str(",\"title\":");
    string(out, title);
    out.push_str(",\"published\":");
    match published {
        // Digits, dashes and a colon: nothing to escape.
        Some(p) => {
            out.push('"');
            out.push_str(&p.to_string());
            out.push('"');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"byline\":");
    optional(out, byline.as_deref());
    out.push_str(",\"blocks\":");
    list(out, blocks, |out, b| {
        let Block { kind, start, end } = b;
        out.push_str("{\"kind\":\"");
        out.push_str(kind.as_str());
        out.push_str("\",\"text\":");
        string(out, &text[*start..*end]);
        out.push_str(",\"start\":");
        number(out, *start);
        out.push_str(",\"end\":");
        number(out, *end);
        out.push('}');
    });
    out.push_str(",\"people\":");
    list(out, people, person);
    out.push_str(",\"organisations\":");
    list(out, organisations, organisation);
    out.push('}');
}

fn person(out: &mut String, p: &Person) {
    let Person {
        name,
        roles,
        aliases,
        mentions,
        author,
    } = p;
    out.push_str("{\"name\":");
    string(out, name);
    out.push_str(",\"roles\":");
    list(out, roles, |out, s| string(out, s));
    out.push_str(",\"aliases\":");
    list(out, aliases, |out, s| string(out, s));
    out.push_str(",\"mentions\":");
    list(out, mentions, mention);
    out.push_str(",\"author\":");
    out.push_str(if *author { "true" } else { "false" });
    out.push('}');
}

fn organisation(out: &mut String, o: &Organisation) {
    let Organisation {
        name,
        abbreviation,
        expansion,
        aliases,
        mentions,
    } = o;
    out.push_str("{\"name\":");
    string(out, name);
    out.push_str(",\"abbreviation\":");
    optional(out, abbreviation.as_deref());
    out.push_str(",\"expansion\":");
    optional(out, expansion.as_deref());
    out.push_str(",\"aliases\":");
    list(out, aliases, |out, s| string(out, s));
    out.push_str(",\"mentions\":");
    list(out, mentions, mention);
    out.push('}');
}

fn mention(out: &mut String, m: &Mention) {
    let Mention {
        block,
        start,
        end,
        text,
    } = m;
    out.push_str("{\"block\":");
    number(out, *block);
    out.push_str(",\"start\":");
    number(out, *start);
    out.push_str(",\"end\":");
    number(out, *end);
    out.push_str(",\"text\":");
    string(out, text);
    out.push('}');
}

fn list<T>(out: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, x);
    }
    out.push(']');
}

fn optional(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

fn number(out: &mut String, n: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Pushed one by one: `str::from_utf8` on a few digits cost more than writing them.
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Whether byte `b` is escaped in a JSON string: controls, the quote and the backslash.
fn needs_escape(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// Whether any byte of `b` [`needs_escape`], tested a block at a time without branches (the
/// compiler checks many bytes at once): most strings, article text above all, need none.
fn any_escape(b: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let test = |w: &[u8; BLOCK]| w.iter().fold(false, |any, &c| any | needs_escape(c));
    let mut blocks = b.chunks_exact(BLOCK);
    if blocks.any(|w| test(w.try_into().expect("a whole block"))) {
        return true;
    }
    // The tail, padded with a byte that needs no escape.
    let rest = blocks.remainder();
    let mut padded = [b'a'; BLOCK];
    padded[..rest.len()].copy_from_slice(rest);
    test(&padded)
}

/// `s` as a JSON string, escaped as serde_json does: `\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`,
/// other controls as `\u00xx`; everything else (DEL, non-ASCII) as it is.
fn string(out: &mut String, s: &str) {
    out.push('"');
    if !any_escape(s.as_bytes()) {
        out.push_str(s);
        out.push('"');
        return;
    }
    // Runs are cut only at escaped (ASCII) bytes, so every slice of `s` is on char boundaries.
    let mut run = 0;
    for (i, c) in s.bytes().enumerate() {
        if !needs_escape(c) {
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + 1;
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            0x0C => out.push_str("\\f"),
            b'\r' => out.push_str("\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c >> 4)]));
                out.push(char::from(HEX[usize::from(c & 0xF)]));
            }
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, Published};
    use serde::Serialize;

    /// The shape `bao --json` had when serde_json wrote it: the reference for the writer.
    #[derive(Serialize)]
    struct SerdeBlock<'a> {
        kind: BlockKind,
        text: &'a str,
        start: usize,
        end: usize,
    }

    #[derive(Serialize)]
    struct SerdeArticle<'a> {
        source: &'a str,
        title: &'a str,
        published: Option<Published>,
        byline: Option<&'a str>,
        blocks: Vec<SerdeBlock<'a>>,
        people: &'a [Person],
        organisations: &'a [Organisation],
    }

    fn with_serde(a: &Article) -> String {
        serde_json::to_string(&SerdeArticle {
            source: &a.source,
            title: &a.title,
            published: a.published,
            byline: a.byline.as_deref(),
            blocks: a
                .blocks_with_text()
                .map(|(b, text)| SerdeBlock {
                    kind: b.kind,
                    text,
                    start: b.start,
                    end: b.end,
                })
                .collect(),
            people: &a.people,
            organisations: &a.organisations,
        })
        .unwrap()
    }

    fn by_hand(a: &Article) -> String {
        let mut out = String::new();
        write_article(&mut out, a);
        out
    }

    fn mention(block: usize, start: usize, end: usize, text: &str) -> Mention {
        Mention {
            block,
            start,
            end,
            text: text.into(),
        }
    }

    /// Every field filled, every kind of block, strings that need every escape.
    fn full_article() -> Article {
        let text = "Tin \"nóng\" \\ C:\\tmp\n\n15:15, 25/02/2022\nBà Lê Thị Hoa, Giám đốc Sở Y tế, nói.\nCơ sở mới\nẢnh: Tư liệu\nSở Y tế cho biết thêm.\nMinh Anh".to_owned();
        let kinds = [
            BlockKind::Title,
            BlockKind::Dateline,
            BlockKind::Lead,
            BlockKind::Heading,
            BlockKind::Caption,
            BlockKind::Paragraph,
            BlockKind::Byline,
        ];
        let mut blocks = Vec::new();
        let mut pos = 0;
        for line in text.split('\n') {
            if !line.is_empty() {
                blocks.push(Block {
                    kind: kinds[blocks.len()],
                    start: pos,
                    end: pos + line.len(),
                });
            }
            pos += line.len() + 1;
        }
        let hoa = text.find("Lê Thị Hoa").unwrap();
        let so = text.find("Sở Y tế").unwrap();
        Article {
            source: "dir/\"tin\"\t\u{1}\u{8}\u{c}\r\u{1f}\u{7f}é.txt".into(),
            title: "Tin \"nóng\" \\ C:\\tmp".into(),
            published: Published::new(2022, 2, 25, 15, 15),
            byline: Some("Minh Anh".into()),
            text,
            blocks,
            people: vec![
                Person {
                    name: "Lê Thị Hoa".into(),
                    roles: vec!["Giám đốc Sở Y tế".into(), "bác sĩ".into()],
                    aliases: vec!["Bà Hoa".into()],
                    mentions: vec![mention(2, hoa, hoa + "Lê Thị Hoa".len(), "Lê Thị Hoa")],
                    author: false,
                },
                Person {
                    name: "Minh Anh".into(),
                    roles: vec![],
                    aliases: vec![],
                    mentions: vec![],
                    author: true,
                },
            ],
            organisations: vec![
                Organisation {
                    name: "Sở Y tế".into(),
                    abbreviation: Some("SYT".into()),
                    expansion: Some("Sở \"Y\" tế".into()),
                    aliases: vec!["Sở".into()],
                    mentions: vec![
                        mention(2, so, so + "Sở Y tế".len(), "Sở Y tế"),
                        mention(5, 900, 12_345_678_901, "x\ny"),
                    ],
                },
                Organisation {
                    name: "Bộ".into(),
                    abbreviation: None,
                    expansion: None,
                    aliases: vec![],
                    mentions: vec![],
                },
            ],
        }
    }

    #[test]
    fn matches_serde_json_on_every_field() {
        let a = full_article();
        assert_eq!(by_hand(&a), with_serde(&a));
        let empty = Article::default();
        assert_eq!(by_hand(&empty), with_serde(&empty));
    }

    #[test]
    fn escapes_every_byte_as_serde_json_does() {
        // Each byte value, alone and in a run long enough to cross the block test.
        for c in (0u8..0x80)
            .map(char::from)
            .chain(['é', 'ễ', '\u{2028}', '😀'])
        {
            for s in [
                c.to_string(),
                format!("{}{c}{}", "a".repeat(31), "ạ".repeat(20)),
            ] {
                let mut out = String::new();
                string(&mut out, &s);
                assert_eq!(out, serde_json::to_string(&s).unwrap(), "{c:?}");
            }
        }
    }

    #[test]
    fn numbers() {
        for n in [0, 7, 10, 99, 100, 65_535, usize::MAX] {
            let mut out = String::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
