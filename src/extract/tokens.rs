//! A small tokenizer for Vietnamese news text: syllables, numbers and punctuation with byte
//! offsets into the block they came from. Shared by the people and organisation rules.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner dots, digits, hyphens or `&` ("TP.HCM", "U16", "TT&TT").
    Word,
    /// Digits only, possibly with inner separators ("2022", "3,27", "36B5-685.92" counts as Word).
    Number,
    /// One punctuation character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace (or start of text) comes right before this token.
    pub space_before: bool,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// First letter is uppercase ("Trần", "UBND", "Q.").
pub fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Every letter is uppercase and there are at least two ("UBND", "TP.HCM", "HĐND").
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if is_alpha(c) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// The joiners [`word_end`] reads from bytes, for the reference tokenizer of the tests.
#[cfg(test)]
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '&' | '\'' | '’' | '_')
}

/// Letters, digits and combining marks, with a fast path for ASCII and the Latin ranges
/// Vietnamese uses (the general Unicode lookup dominated the extractor's profile).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        // Combining marks belong to the letter before them.
        0x300..=0x36F => true,
        // General punctuation (typographic quotes and dashes, the ellipsis): no letter or
        // digit among them (a test checks every one), told without the general lookup.
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// `char::is_alphabetic`, with the fast path of [`is_letter`].
#[inline]
pub fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with the fast path of [`is_letter`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// A letter or digit that may start or continue a word. Some combining marks are alphabetic
/// themselves (U+0363 …) and count as letters, the rest only continue one.
#[inline]
fn is_alnum(c: char) -> bool {
    // No mark lies below U+0300.
    if (c as u32) < 0x300 {
        is_letter(c)
    } else if is_mark(c) {
        c.is_alphanumeric()
    } else {
        is_letter(c)
    }
}

/// Splits `text` into tokens. Inner joiners stay inside a word only when a letter or digit
/// follows them ("TP.HCM", "Ba-ra-ắc"); at a word's edge they become punctuation ("Lộc-").
/// ASCII and the Vietnamese letters are decided from their bytes; other chars are decoded.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), for callers that tokenize many short texts with
/// one buffer.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_some_into(text, out, usize::MAX);
}

/// The first `max` tokens of [`tokenize`] into `out` (cleared first), for callers that seldom
/// read far: each token is decided by the text from its start on, so these are exactly the
/// whole text's first tokens. Whether the text was tokenized to its end.
pub fn tokenize_some_into(text: &str, out: &mut Vec<Token>, max: usize) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut space_before = true;
    let mut i = 0;
    while i < n {
        if out.len() == max {
            return false;
        }
        let b = bytes[i];
        let (len, word, letter) = if b < 0x80 {
            // One look at the table answers all three questions.
            let k = ASCII_CLASS[b as usize];
            if k & SPACE != 0 {
                space_before = true;
                i += 1;
                continue;
            }
            (1, k & ALNUM != 0, k & ALPHA != 0)
        } else if let Some(len) = fast_letter(bytes, i) {
            // Most words that open with a non-ASCII char open with a Vietnamese letter.
            (len, true, true)
        } else {
            let c = char_at(text, i);
            if c.is_whitespace() {
                space_before = true;
                i += c.len_utf8();
                continue;
            }
            if !is_alnum(c) && is_mark(c) {
                // A stray mark belongs to nothing.
                space_before = false;
                i += c.len_utf8();
                continue;
            }
            (c.len_utf8(), is_alnum(c), is_alpha(c))
        };
        if word {
            let (end, has_letter) = word_end(text, i + len, letter);
            out.push(Token {
                start: i,
                end,
                kind: if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
                space_before,
            });
            i = end;
        } else {
            out.push(Token {
                start: i,
                end: i + len,
                kind: TokenKind::Punct,
                space_before,
            });
            i += len;
        }
        space_before = false;
    }
    true
}

/// The text of the word or number token that [`tokenize`] gives at the start of `text`, if
/// one starts there.
pub fn leading_word(text: &str) -> Option<&str> {
    let c = text.chars().next()?;
    if !is_alnum(c) {
        return None;
    }
    let (end, _) = word_end(text, c.len_utf8(), is_alpha(c));
    Some(&text[..end])
}

/// The char starting at byte `i`.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// The end of a word whose chars go on at byte `j`, and whether it holds a letter.
/// Always inlined: as a call its register saves cost about a fifth of a usual word.
#[inline(always)]
fn word_end(text: &str, mut j: usize, mut has_letter: bool) -> (usize, bool) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    while j < n {
        let d = bytes[j];
        if d < 0x80 {
            let k = ASCII_CLASS[d as usize];
            if k & ALNUM != 0 {
                has_letter |= k & ALPHA != 0;
                j += 1;
                continue;
            }
            if k & JOINER != 0 && alnum_at(text, j + 1) {
                j += 1;
                continue;
            }
            break;
        }
        if let Some(len) = fast_letter(bytes, j) {
            has_letter = true;
            j += len;
            continue;
        }
        let c = char_at(text, j);
        if is_alnum(c) || is_mark(c) {
            has_letter |= is_alpha(c);
            j += c.len_utf8();
            continue;
        }
        if c == '’' && alnum_at(text, j + c.len_utf8()) {
            j += c.len_utf8();
            continue;
        }
        break;
    }
    (j, has_letter)
}

/// The length of the letter at byte `j` (not ASCII) when its lead bytes tell it is one:
/// Latin-1, Latin Extended and Vietnamese letters, which are alphabetic, never whitespace or
/// marks.
#[inline(always)]
fn fast_letter(bytes: &[u8], j: usize) -> Option<usize> {
    match bytes[j] {
        0xC4..=0xC9 => Some(2),
        0xC3 if !matches!(bytes.get(j + 1), Some(0x97 | 0xB7)) => Some(2),
        0xE1 if matches!(bytes.get(j + 1), Some(0xBA | 0xBB)) => Some(3),
        _ => None,
    }
}

/// What an ASCII byte is to a word: bits [`ALNUM`], [`ALPHA`], [`JOINER`] and [`SPACE`]
/// (whitespace).
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] |= ALNUM;
        }
        if b.is_ascii_alphabetic() {
            t[i] |= ALPHA;
        }
        if matches!(b, b'.' | b'-' | b'&' | b'\'' | b'_') {
            t[i] |= JOINER;
        }
        if matches!(b, b'\t'..=b'\r' | b' ') {
            t[i] |= SPACE;
        }
        i += 1;
    }
    t
};
const ALNUM: u8 = 1;
const ALPHA: u8 = 2;
const JOINER: u8 = 4;
const SPACE: u8 = 8;

/// A letter or digit starts at byte `i`.
#[inline]
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => is_alnum(char_at(text, i)),
    }
}

/// Combining marks (NFD leftovers) belong to the letter before them.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_holds_no_letter() {
        for c in (0x2000..=0x206F).filter_map(char::from_u32) {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_letter(c), "{c:?}");
        }
    }

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn splits_vietnamese_text() {
        assert_eq!(
            words("Đồng chí Trần Thị Lộc- Ủy viên BTV, Trưởng ban"),
            [
                "Đồng",
                "chí",
                "Trần",
                "Thị",
                "Lộc",
                "-",
                "Ủy",
                "viên",
                "BTV",
                ",",
                "Trưởng",
                "ban"
            ]
        );
        assert_eq!(
            words("Công an TP.HCM (PC67)."),
            ["Công", "an", "TP.HCM", "(", "PC67", ")", "."]
        );
        assert_eq!(
            words("Nguyễn Văn Q. và “Sở TT&TT”"),
            ["Nguyễn", "Văn", "Q", ".", "và", "“", "Sở", "TT&TT", "”"]
        );
        assert_eq!(tokenize("2022 3,27")[1].kind, TokenKind::Number);
    }

    /// The plain char-by-char definition of [`tokenize`].
    fn tokenize_reference(text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5);
        let mut chars = text.char_indices().peekable();
        let mut space_before = true;
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                space_before = true;
                continue;
            }
            if is_alnum(c) {
                let mut end = i + c.len_utf8();
                let mut has_letter = is_alpha(c);
                while let Some(&(j, d)) = chars.peek() {
                    if is_alnum(d) || is_mark(d) {
                        has_letter |= is_alpha(d);
                        end = j + d.len_utf8();
                        chars.next();
                    } else if is_inner_joiner(d)
                        && text[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(is_alnum)
                    {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start: i,
                    end,
                    kind: if has_letter {
                        TokenKind::Word
                    } else {
                        TokenKind::Number
                    },
                    space_before,
                });
            } else if !is_mark(c) {
                out.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    kind: TokenKind::Punct,
                    space_before,
                });
            }
            space_before = false;
        }
        out
    }

    proptest::proptest! {
        /// The byte-level tokenizer gives the tokens of the plain definition.
        #[test]
        fn tokenize_agrees_with_its_definition(
            s in "[ \\t\u{B}\u{A0}aA0.,&'’_×÷ÀàĐđƯưɐẠạỹḀ\u{300}\u{345}\u{1DC0}\u{20D0}-]{0,24}",
            t in "\\PC{0,24}",
        ) {
            proptest::prop_assert_eq!(tokenize(&s), tokenize_reference(&s));
            proptest::prop_assert_eq!(tokenize(&t), tokenize_reference(&t));
            for x in [&s, &t] {
                let first = tokenize(x)
                    .first()
                    .filter(|k| k.start == 0 && k.kind != TokenKind::Punct)
                    .map(|k| &x[k.range()]);
                proptest::prop_assert_eq!(leading_word(x), first);
            }
        }

        /// A prefix of the tokens is the whole text's first tokens, and says whether it is all.
        #[test]
        fn some_tokens_are_the_first_tokens(
            s in "[ \\t\u{A0}aA0.,&'’_×÷Đđạ\u{300}-]{0,24}",
            max in 0usize..12,
        ) {
            let all = tokenize(&s);
            let mut some = Vec::new();
            let done = tokenize_some_into(&s, &mut some, max);
            proptest::prop_assert_eq!(&some[..], &all[..max.min(all.len())]);
            proptest::prop_assert!(!done || some.len() == all.len());
            proptest::prop_assert!(done || some.len() == max);
        }
    }

    proptest::proptest! {
        /// The fast letter tests agree with the standard library on every char.
        #[test]
        fn fast_letter_tests_agree_with_std(c in proptest::char::any()) {
            proptest::prop_assert_eq!(is_letter(c), c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c));
            proptest::prop_assert_eq!(is_alpha(c), c.is_alphabetic());
            proptest::prop_assert_eq!(is_alphanumeric(c), c.is_alphanumeric());
        }
    }

    #[test]
    fn letters_told_by_lead_bytes_are_whole_alphabetic_chars() {
        let mut told = 0;
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            if let Some(len) = fast_letter(s.as_bytes(), 0) {
                assert_eq!(len, c.len_utf8(), "{c:?}");
                assert!(
                    is_alnum(c) && is_alpha(c) && !c.is_whitespace() && !is_mark(c),
                    "{c:?}"
                );
                told += 1;
            }
        }
        // Latin-1 letters (64 less × and ÷), U+0100..U+027F, U+1E80..U+1EFF.
        assert_eq!(told, 62 + 384 + 128);
    }

    #[test]
    fn fast_letter_tests_agree_on_the_latin_ranges() {
        for c in ('\u{0}'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}') {
            assert_eq!(is_letter(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn case_helpers() {
        assert!(is_all_caps("HĐND"));
        assert!(is_all_caps("TP.HCM"));
        assert!(!is_all_caps("Hà"));
        assert!(!is_all_caps("A"));
        assert!(is_capitalised("Ủy"));
        assert!(!is_capitalised("ủy"));
    }
}
