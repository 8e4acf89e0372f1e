//! Roles written after a name: "Trần Thị Lộc- Ủy viên BTV, Trưởng ban Tuyên giáo Tỉnh ủy",
//! "ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM".

use super::key::{canonical, canonical_into, canonical_more, tone_digit};
use crate::extract::tokens::{Token, TokenKind};
use crate::lexicon::people::{self as lex, bit};

/// Lowercase words that end a role: the sentence goes on with a verb or a link word.
const ENDERS: &[&str] = &[
    "cho", "là", "đã", "đang", "sẽ", "được", "bị", "và", "với", "của", "tại", "trong", "khi", "có",
    "không", "cũng", "vẫn", "thì", "mà", "nói", "này", "đó", "về", "để", "từ", "theo", "nhưng",
    "còn", "lại", "sau", "trước", "đến", "ra", "vào", "phát", "chủ", "nhấn", "khẳng", "đề", "yêu",
    "tham", "kiểm", "làm", "ký", "trao", "tặng", "thăm", "dự", "gặp", "tiếp", "chia", "trả", "hỏi",
    "cùng", "vừa", "đi", "ở", "nêu", "báo", "thông", "giới", "trình",
];

fn is_cap(text: &str, t: &Token) -> bool {
    t.kind != TokenKind::Punct
        && text[t.start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
}

/// Length in words of a role head starting at token `i`, 0 if none.
pub fn head_len(text: &str, toks: &[Token], i: usize, buf: &mut String) -> usize {
    let Some(first) = toks.get(i) else {
        return 0;
    };
    // The first word's key: the answer for one word, and, when a space follows it, the first
    // word of any longer phrase's key, which must then start a phrase of some table.
    canonical_into(&text[first.start..first.end], buf);
    let one = lex::flags(buf);
    let longer = one & bit::PHRASE_FIRST != 0 || toks.get(i + 1).is_some_and(|t| !t.space_before);
    if longer {
        // Phrases of words only: as many as there are from `i` on.
        let words = toks[i..]
            .iter()
            .take(lex::MAX_PHRASE_WORDS)
            .take_while(|t| t.kind == TokenKind::Word)
            .count();
        if words >= 2 {
            // The longest phrase keyed once, the shorter ones' keys taken on the way: a key of
            // `k` words is the first `ends[k].0` bytes and its pending tone `ends[k].1`.
            let mut ends = [(0usize, 0u8); lex::MAX_PHRASE_WORDS + 1];
            let mut tone = 0u8;
            buf.clear();
            canonical_more(&text[first.start..first.end], buf, &mut tone);
            for k in 2..=words {
                canonical_more(
                    &text[toks[i + k - 2].end..toks[i + k - 1].end],
                    buf,
                    &mut tone,
                );
                ends[k] = (buf.len(), tone);
            }
            for k in (2..=words).rev() {
                let (len, tone) = ends[k];
                buf.truncate(len);
                if tone != 0 {
                    buf.push(tone_digit(tone));
                }
                if lex::flags(buf) & (bit::ROLE_HEAD | bit::TITLE) != 0 {
                    return k;
                }
            }
        }
    }
    if first.kind == TokenKind::Word && one & (bit::ROLE_HEAD | bit::TITLE) != 0 {
        return 1;
    }
    0
}

/// The roles right after the name ending before token `e`, pushed onto `out` (the
/// candidate's own list: no list made and copied per name).
pub fn after(text: &str, toks: &[Token], e: usize, out: &mut Vec<String>) {
    let mut buf = String::new();
    let mut i = e;
    while let Some(sep) = toks.get(i) {
        let s = &text[sep.start..sep.end];
        if sep.kind != TokenKind::Punct || !matches!(s, "-" | "–" | "," | "(") {
            break;
        }
        let start = i + 1;
        // The cheap test first: most separators are followed by a lowercase word.
        if !toks.get(start).is_some_and(|t| is_cap(text, t)) {
            break;
        }
        // Room for a few words' keys at once, not grown push by push (made only here: most
        // names have no role after them).
        if buf.capacity() == 0 {
            buf.reserve(64);
        }
        let h = head_len(text, toks, start, &mut buf);
        if h == 0 {
            break;
        }
        let mut j = start + h;
        let mut prev_cap = true;
        while let Some(t) = toks.get(j) {
            if t.kind == TokenKind::Punct {
                break;
            }
            if is_cap(text, t) || t.kind == TokenKind::Number {
                prev_cap = true;
            } else {
                if t.kind == TokenKind::Word {
                    canonical_into(&text[t.start..t.end], &mut buf);
                } else {
                    buf.clear();
                }
                let w = buf.as_str();
                let place = lex::flags(w) & bit::ADMIN_UNIT != 0;
                if (!prev_cap && !place) || lex_enders().contains(w) {
                    break;
                }
                prev_cap = place;
            }
            j += 1;
        }
        out.push(squash(&text[toks[start].start..toks[j - 1].end]));
        i = j;
        if s == "(" {
            break;
        }
    }
}

fn lex_enders() -> &'static super::key::FastSet<String> {
    static SET: std::sync::LazyLock<super::key::FastSet<String>> =
        std::sync::LazyLock::new(|| ENDERS.iter().map(|w| canonical(w)).collect());
    &SET
}

/// A role as shown: any run of whitespace (a no-break space too) is one space.
pub fn squash(s: &str) -> String {
    // Most spans already are words with single ASCII spaces between them: copy those as they are.
    // Told by their bytes: no ASCII whitespace but single inner spaces, and no lead byte of a
    // wide space (U+0085 and U+00A0 open with 0xC2, U+1680 with 0xE1 0x9A, U+2000 to U+205F
    // with 0xE2, U+3000 with 0xE3). Others, rare, are looked at char by char below.
    let mut prev = b' ';
    let plain = s.bytes().all(|c| {
        let ok = match c {
            b'\t'..=b'\r' | 0xC2 | 0xE2 | 0xE3 => false,
            b' ' => prev != b' ',
            0x9A => prev != 0xE1,
            _ => true,
        };
        prev = c;
        ok
    }) && prev != b' ';
    if plain {
        return s.to_owned();
    }
    let mut prev_space = true;
    let plain = s.chars().all(|c| {
        let ok = if c == ' ' {
            !prev_space
        } else {
            !c.is_whitespace()
        };
        prev_space = c == ' ';
        ok
    }) && !prev_space;
    if plain {
        return s.to_owned();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::squash;

    proptest::proptest! {
        #[test]
        fn squash_is_split_and_join_on_any_spaces(s in "[ a-cà-ãĐđạ-ỹ\t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{1681}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{3001}“”–…]{0,12}") {
            proptest::prop_assert_eq!(squash(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    #[test]
    fn squash_is_split_and_join() {
        for t in [
            "Trưởng ban",
            "Trưởng  ban",
            " Trưởng ban",
            "Trưởng ban ",
            "Trưởng\u{a0}ban",
            "Trưởng\nban",
            "",
            " ",
            "Phó Chủ tịch UBND",
        ] {
            assert_eq!(
                squash(t),
                t.split_whitespace().collect::<Vec<_>>().join(" "),
                "{t:?}"
            );
        }
    }
}
