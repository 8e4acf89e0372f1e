//! Hostile input: properties over arbitrary bytes and strings, crashing inputs found by the
//! fuzzer (fuzz/), and shapes no real article has.

use bao::decode;
use bao::wrap::{self, wrap};
use bao::Article;
use proptest::prelude::*;
use std::fs;

/// Everything a later stage relies on: blocks and mentions are in-order slices on char
/// boundaries, no block holds a control character, wrapping keeps every block's text.
fn check_article(a: &Article, width: usize) {
    let text = &a.text;
    assert!(!a.title.is_empty());
    assert!(!a.title.chars().any(|c| c.is_control()));
    let mut prev = 0;
    for b in &a.blocks {
        assert!(
            prev <= b.start && b.start < b.end && b.end <= text.len(),
            "{b:?}"
        );
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        let t = &text[b.range()];
        assert!(!t.chars().any(|c| c.is_control()), "control in {t:?}");
        check_wrap(t, width);
        prev = b.end;
    }
    for (i, m) in a
        .people
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(a.organisations.iter().flat_map(|o| &o.mentions))
        .enumerate()
    {
        let b = &a.blocks[m.block()];
        assert!(
            b.start <= m.start() && m.start() < m.end() && m.end() <= b.end,
            "{i}: {m:?}"
        );
        assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
    }
    let printed = bao::plain::render(a, width.max(10));
    assert!(!printed.chars().any(|c| c.is_control() && c != '\n'));
    a.to_json().unwrap();
}

/// Wrapped lines are ordered, disjoint, non-empty ranges; between them only breakable spaces;
/// every line fits unless it is one grapheme too wide for the column.
fn check_wrap(t: &str, width: usize) {
    let lines = wrap(t, width);
    let mut prev = 0;
    for r in &lines {
        assert!(
            prev <= r.start && r.start < r.end && r.end <= t.len(),
            "{r:?} in {t:?}"
        );
        assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        let gap = &t[prev..r.start];
        assert!(
            gap.chars().all(is_break_space),
            "text lost between lines: {gap:?}"
        );
        let line = &t[r.clone()];
        let w = wrap::width(line);
        let one_grapheme = unicode_segmentation::UnicodeSegmentation::graphemes(line, true)
            .nth(1)
            .is_none();
        assert!(
            w <= width || one_grapheme,
            "{line:?} is {w} wide for {width}"
        );
        prev = r.end;
    }
    assert!(
        t[prev..].chars().all(is_break_space),
        "text lost at the end: {:?}",
        &t[prev..]
    );
}

/// The spaces wrap may break at (NBSP and its kin hold words together).
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

fn pipeline(bytes: &[u8], width: usize) {
    if let Ok(a) = bao::article_from_bytes(bytes, "prop") {
        check_article(&a, width);
    }
}

/// Pieces that hostile and real files are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\x1b[31m".to_owned()),
        Just("\x1b]0;title\x07".to_owned()),
        Just("\x1b]8;;http://x/\x1b\\".to_owned()),
        Just("\x1b".to_owned()),
        Just("\x1bP".to_owned()),
        Just("\u{9b}".to_owned()),
        Just("\u{9d}".to_owned()),
        Just("\r".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\t".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\u{A0}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("Ảnh: ".to_owned()),
        Just("15:15, 25/02/2022".to_owned()),
        Just("Ý kiến bạn đọc".to_owned()),
        Just("Nông Vui".to_owned()),
        Just("(TTXVN)".to_owned()),
        Just("Ủy ban nhân dân tỉnh ".to_owned()),
        Just("ông Nguyễn Văn An ".to_owned()),
        Just("日本語".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ .,:;!?()\"“”-]{0,40}",
        any::<char>().prop_map(String::from),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), width in 1usize..120) {
        pipeline(&bytes, width);
    }

    #[test]
    fn owned_and_borrowed_decoding_agree(bytes in prop::collection::vec(any::<u8>(), 0..512), text in hostile_text()) {
        prop_assert_eq!(decode::decode_vec(bytes.clone()), decode::decode(&bytes));
        prop_assert_eq!(decode::decode_vec(text.clone().into_bytes()), decode::decode(text.as_bytes()));
    }

    #[test]
    fn hostile_text_never_panics(text in hostile_text(), width in 1usize..120) {
        pipeline(text.as_bytes(), width);
        // The same text as UTF-16 goes down another path.
        let mut u16le = vec![0xFF, 0xFE];
        u16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        pipeline(&u16le, width);
    }

    #[test]
    fn clean_removes_every_unwanted_char_and_is_idempotent(text in hostile_text()) {
        let once = decode::clean(&text);
        prop_assert!(!once.chars().any(|c| c != '\n' && decode::is_unwanted(c)), "{:?}", once);
        prop_assert!(!once.contains('\r') && !once.contains('\t'));
        prop_assert_eq!(decode::clean(&once), once.clone());
        prop_assert!(unicode_normalization::is_nfc(&once));
    }

    #[test]
    fn clean_keeps_plain_text(text in "[a-zA-Zàáạảãâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ .,\n]{0,200}") {
        prop_assert_eq!(decode::clean(&text), text);
    }

    #[test]
    fn wrapping_loses_and_duplicates_nothing(text in hostile_text(), width in 1usize..100) {
        let t = decode::clean(&text);
        for line in t.split('\n') {
            check_wrap(line, width);
        }
    }

    #[test]
    fn wrapping_arbitrary_strings(text in any::<String>(), width in 1usize..60) {
        check_wrap(&text, width);
    }
}

// ------------------------------------------------------------- shapes no article has

#[test]
fn ten_thousand_tiny_files() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        fs::write(
            d.path().join(format!("{i:05}.txt")),
            format!("Bài {i}\n\nNội dung {i}.\n"),
        )
        .unwrap();
    }
    let (files, errors) = bao::loader::expand_paths(&[d.path()]);
    assert!(errors.is_empty());
    assert_eq!(files.len(), 10_000);
    assert!(files.windows(2).all(|w| w[0] < w[1]));
    for (i, p) in files.iter().enumerate().step_by(997) {
        let a = bao::loader::load_file(p).unwrap();
        assert_eq!(a.title, format!("Bài {i}"));
    }
}

#[test]
fn lines_of_nothing_but_escapes_and_marks() {
    use decode::DecodeError::{Binary, Blank};
    let cases: [(String, Result<&str, decode::DecodeError>); 6] = [
        ("\x1b[".repeat(5000), Err(Blank)),
        // An OSC string runs to the end of its line, as in a terminal.
        ("\x1b]".repeat(5000) + "tiêu đề", Err(Blank)),
        ("\x1b]0;".repeat(5000) + "\ntiêu đề", Ok("tiêu đề")),
        (
            "\u{9b}".repeat(10_000) + "x",
            Err(Binary("not text in any known encoding")),
        ),
        ("\r".repeat(10_000) + "tin", Ok("tin")),
        (" \t".repeat(10_000) + "tin", Ok("tin")),
    ];
    for (text, want) in cases {
        match (bao::article_from_bytes(text.as_bytes(), "odd"), want) {
            (Ok(a), Ok(title)) => {
                check_article(&a, 20);
                assert_eq!(a.title, title);
            }
            (Err(e), Err(w)) => assert_eq!(e, w),
            (got, want) => panic!("{:?}: {want:?}", got.map(|a| a.title)),
        }
    }
    let marks = "\u{301}".repeat(5000) + "\nđoạn văn.";
    let a = bao::article_from_bytes(marks.as_bytes(), "odd").unwrap();
    check_article(&a, 20);
    assert!(a.title.chars().count() <= 101);
}
