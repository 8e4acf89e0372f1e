//! Matching keys for names: case and tone placement folded, so that "Hòa" and "Hoà", "Thủy"
//! and "Thuỷ", "LỘC" and "Lộc" are one key, while different tones stay different names.

use unicode_normalization::char::decompose_canonical;

pub use crate::lexicon::{FastBuild, FastMap, FastSet};

/// The five Vietnamese tone marks (combining forms).
fn tone_of(c: char) -> Option<u8> {
    match c {
        '\u{300}' => Some(1),
        '\u{301}' => Some(2),
        '\u{303}' => Some(3),
        '\u{309}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// Lowercase, decomposed, with each syllable's tone moved to the syllable's end as a digit.
/// Two spellings of one name give one key whatever vowel the writer put the tone on.
pub fn canonical(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    canonical_into(s, &mut out);
    out
}

/// [`canonical`] into `out` (cleared first), so hot loops can reuse one buffer.
pub fn canonical_into(s: &str, out: &mut String) {
    out.clear();
    // The pending tone of the syllable, 0 for none (tones are 1 to 5).
    let mut tone = 0u8;
    canonical_more(s, out, &mut tone);
    if tone != 0 {
        out.push(tone_digit(tone));
    }
}

/// A pending tone as the key writes it.
pub fn tone_digit(tone: u8) -> char {
    char::from(b'0' + tone)
}

/// [`canonical_into`] of text that goes on from where an earlier call stopped: `out` and
/// `tone` (the tone pending at its end) are as that call left them, and the tone pending at the
/// end of `s` is left in `tone`, not written. So the keys of a phrase's first words are made
/// on the way to the whole phrase's key, each its length in `out` plus its pending tone.
#[inline]
pub fn canonical_more(s: &str, out: &mut String, pending: &mut u8) {
    let table = &LATIN[..];
    // Held in a local while the text is read, written back once.
    let mut tone = *pending;
    // Bytes, not chars: an ASCII byte (most of a key) is pushed as one, without encoding a
    // char and checking its length; room for the usual key is made once.
    // SAFETY: only whole chars' UTF-8 is pushed (ASCII bytes, or chars' encodings).
    let v = unsafe { out.as_mut_vec() };
    v.reserve(s.len() + 4);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            // Keys are made of words: only ASCII punctuation, spaces and typographic marks split.
            let low = ASCII_KEY[usize::from(b)];
            if low != 0 {
                v.push(low);
                continue;
            }
            boundary(v, &mut tone);
            // The ASCII chars `char::is_whitespace` holds.
            if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                space(v);
            } else {
                v.push(b);
            }
            continue;
        }
        // SAFETY: `i` is at a char boundary (it steps over whole chars), and `s` goes on.
        let Some(c) = unsafe { s.get_unchecked(i..) }.chars().next() else {
            break;
        };
        i += c.len_utf8();
        if let Some(l) = latin_in(table, c) {
            push_char(v, l.base);
            if l.mark != '\0' {
                push_char(v, l.mark);
            }
            if l.tone != 0 {
                tone = l.tone;
            }
            continue;
        } else if !(c.is_whitespace() || matches!(c, '’' | '‘' | '“' | '”' | '–' | '—' | '…'))
        {
            for l in c.to_lowercase() {
                decompose_canonical(l, |d| match tone_of(d) {
                    Some(t) => tone = t,
                    None => push_char(v, d),
                });
            }
            continue;
        }
        boundary(v, &mut tone);
        if c.is_whitespace() {
            space(v);
        } else {
            push_char(v, c);
        }
    }
    *pending = tone;

    /// A boundary: the syllable's tone goes at its end.
    #[inline(always)]
    fn boundary(v: &mut Vec<u8>, tone: &mut u8) {
        if *tone != 0 {
            v.push(b'0' + *tone);
            *tone = 0;
        }
    }

    /// Any run of spaces is one space.
    #[inline(always)]
    fn space(v: &mut Vec<u8>) {
        if v.last() != Some(&b' ') {
            v.push(b' ');
        }
    }

    #[inline(always)]
    fn push_char(v: &mut Vec<u8>, c: char) {
        if c.is_ascii() {
            v.push(c as u8);
        } else {
            // Two or three bytes: pushed one by one, not copied by a call to `memcpy`.
            for &b in c.encode_utf8(&mut [0; 4]).as_bytes() {
                v.push(b);
            }
        }
    }
}

/// An ASCII byte's lowercase if it is a letter or a digit, else 0: one load, not two range
/// tests and a case fold.
static ASCII_KEY: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// A Latin letter with Vietnamese marks, taken apart once: lowercase base, its quality mark
/// (circumflex, breve, horn) and its tone.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Latin {
    base: char,
    mark: char,
    tone: u8,
}

/// Latin-1 Supplement to Latin Extended-B, where "ă â đ ê ô ơ ư" and their capitals live.
const LATIN_FIRST: u32 = 0xC0;
const LATIN_LAST: u32 = 0x24F;
/// Latin Extended Additional, where the toned vowels ("ệ", "ở", "ự") live.
const EXTRA_FIRST: u32 = 0x1E00;
const EXTRA_LAST: u32 = 0x1EFF;
const EXTRA_AT: u32 = LATIN_LAST - LATIN_FIRST + 1;

/// One entry of the generated table.
const fn l(base: char, mark: char, tone: u8) -> Option<Latin> {
    Some(Latin { base, mark, tone })
}

// `static LATIN`, the table [`build_latin`] makes, generated (see the test
// `generated_latin_table_is_current`): taking 656 chars apart at start-up cost every run of
// `bao` more than a short article.
include!("latin_table.rs");

/// Every char of both blocks taken apart, in order (None where no [`Latin`] applies).
#[cfg(test)]
fn build_latin() -> Vec<Option<Latin>> {
    (LATIN_FIRST..=LATIN_LAST)
        .chain(EXTRA_FIRST..=EXTRA_LAST)
        .map(|u| {
            let c = char::from_u32(u)?;
            // Every char of both blocks is a letter but × and ÷ (a test checks it against
            // `char::is_alphabetic`, a table search per char).
            if matches!(u, 0xD7 | 0xF7) {
                return None;
            }
            let mut lower = c.to_lowercase();
            let l = lower.next()?;
            if lower.next().is_some() {
                return None;
            }
            // The parts but tones, the first three (more make no entry): no list allocated
            // for each of the 656 chars.
            let mut parts = ['\0'; 3];
            let mut n = 0;
            let mut tone = 0;
            decompose_canonical(l, |d| match tone_of(d) {
                Some(t) => tone = t,
                None => {
                    if n < parts.len() {
                        parts[n] = d;
                    }
                    n += 1;
                }
            });
            match &parts[..n.min(parts.len())] {
                [b] => Some(Latin {
                    base: *b,
                    mark: '\0',
                    tone,
                }),
                [b, m] => Some(Latin {
                    base: *b,
                    mark: *m,
                    tone,
                }),
                _ => None,
            }
        })
        .collect()
}

fn latin(c: char) -> Option<Latin> {
    latin_in(&LATIN, c)
}

/// [`latin`] from the table already at hand.
#[inline]
fn latin_in(table: &[Option<Latin>], c: char) -> Option<Latin> {
    let u = c as u32;
    if (LATIN_FIRST..=LATIN_LAST).contains(&u) {
        table[(u - LATIN_FIRST) as usize]
    } else if (EXTRA_FIRST..=EXTRA_LAST).contains(&u) {
        table[(u - EXTRA_FIRST + EXTRA_AT) as usize]
    } else {
        None
    }
}

/// A Latin letter of the Vietnamese range, from the prepared table.
pub fn is_latin_letter(c: char) -> bool {
    latin(c).is_some()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// The letter with every mark removed, lowercased; `đ` becomes `d`.
fn bare(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(l) = latin(c) {
        return if l.base == 'đ' { 'd' } else { l.base };
    }
    let mut base = c;
    decompose_canonical(c, |d| {
        if !is_mark(d) && base == c {
            base = d;
        }
    });
    let base = base.to_lowercase().next().unwrap_or(base);
    match base {
        'đ' | 'Đ' => 'd',
        other => other,
    }
}

/// The onsets [`is_onset`] knows (the tests check it against this list).
#[cfg(test)]
const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
/// The codas [`rhyme_ok`] knows (the tests check it against this list).
#[cfg(test)]
const CODAS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Whether `word` can be one Vietnamese syllable (onset, one to three vowels, coda).
/// "Trump", "Costa", "Zidane" cannot; "Lộc", "Hằng", "Seo" can. Marks are ignored.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let table = &LATIN[..];
    let mut buf = [0u8; 16];
    let mut n = 0;
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // An ASCII byte is its char: no decoding.
        if bytes[i] < 0x80 {
            // A letter's lowercase, 0 for a digit or other ASCII.
            let b = ASCII_KEY[usize::from(bytes[i])];
            if !b.is_ascii_lowercase() || n == buf.len() {
                return false;
            }
            buf[n] = b;
            n += 1;
            i += 1;
            continue;
        }
        // SAFETY: `i` is at a char boundary (it steps over whole chars), within the word.
        let Some(c) = unsafe { word.get_unchecked(i..) }.chars().next() else {
            break;
        };
        i += c.len_utf8();
        let b = if let Some(l) = latin_in(table, c) {
            if l.base == 'đ' {
                'd'
            } else {
                l.base
            }
        } else {
            bare(c)
        };
        if !b.is_ascii_alphabetic() || n == buf.len() {
            return false;
        }
        buf[n] = b as u8;
        n += 1;
    }
    let w = &buf[..n];
    if w.is_empty() {
        return false;
    }
    // A rhyme opens with a vowel, and only "gi" and "qu" of the onsets hold one: the onset is
    // the consonants the word opens with, or one of those two.
    let c = w.iter().take_while(|&&b| !is_vowel(b as char)).count();
    (c <= 3 && is_onset(&w[..c]) && rhyme_ok(&w[c..]))
        || (c == 1 && matches!(w, [b'g', b'i', ..] | [b'q', b'u', ..]) && rhyme_ok(&w[2..]))
}

/// Whether `o` is a Vietnamese onset: "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph",
/// "qu", "th", "tr", a single consonant but f, j, q, w, z, or none.
fn is_onset(o: &[u8]) -> bool {
    match o {
        [] => true,
        [c] => matches!(
            c,
            b'b' | b'c'
                | b'd'
                | b'g'
                | b'h'
                | b'k'
                | b'l'
                | b'm'
                | b'n'
                | b'p'
                | b'r'
                | b's'
                | b't'
                | b'v'
                | b'x'
        ),
        [a, b] => matches!(
            (a, b),
            (b'n', b'g')
                | (b'n', b'h')
                | (b'c', b'h')
                | (b'g', b'h')
                | (b'g', b'i')
                | (b'k', b'h')
                | (b'p', b'h')
                | (b'q', b'u')
                | (b't', b'h')
                | (b't', b'r')
        ),
        b"ngh" => true,
        _ => false,
    }
}

/// One to three vowels, then a coda: "ng", "nh", "ch", "c", "m", "n", "p", "t" or none.
fn rhyme_ok(rest: &[u8]) -> bool {
    let vowels = rest.iter().take_while(|&&b| is_vowel(b as char)).count();
    // "gi" and "qu" may be followed by no further vowel ("gìn" is g-i-n, handled by "g").
    if !(1..=3).contains(&vowels) {
        return false;
    }
    // A match, not a walk over a list comparing slices (a call to `memcmp` each).
    matches!(
        &rest[vowels..],
        b"ng" | b"nh" | b"ch" | b"c" | b"m" | b"n" | b"p" | b"t" | b""
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source of `latin_table.rs` for these blocks.
    fn latin_source() -> String {
        let mut s = String::from(
            "// @generated by `extract::people::key::tests::generated_latin_table_is_current` from\n\
             // `build_latin`; do not edit. To regenerate:\n\
             // `BAO_REGEN=1 cargo test --lib generated_latin_table_is_current`.\n",
        );
        let t = build_latin();
        s.push_str(&format!(
            "#[rustfmt::skip]\nstatic LATIN: [Option<Latin>; {}] = [\n",
            t.len()
        ));
        for e in t {
            match e {
                None => s.push_str("    None,\n"),
                Some(x) => s.push_str(&format!("    l({:?}, {:?}, {}),\n", x.base, x.mark, x.tone)),
            }
        }
        s.push_str("];\n");
        s
    }

    #[test]
    fn generated_latin_table_is_current() {
        crate::generated::check(
            "src/extract/people/latin_table.rs",
            &latin_source(),
            "generated_latin_table_is_current",
        );
        assert_eq!(LATIN[..], build_latin()[..]);
    }

    #[test]
    fn the_latin_blocks_are_letters_but_times_and_divide() {
        for u in (LATIN_FIRST..=LATIN_LAST).chain(EXTRA_FIRST..=EXTRA_LAST) {
            let c = char::from_u32(u).unwrap_or('×');
            assert_eq!(c.is_alphabetic(), !matches!(u, 0xD7 | 0xF7), "U+{u:04X}");
        }
    }

    #[test]
    fn tone_placement_and_case_fold() {
        assert_eq!(canonical("Hòa"), canonical("Hoà"));
        assert_eq!(canonical("Thủy"), canonical("Thuỷ"));
        assert_eq!(canonical("LỘC"), canonical("Lộc"));
        assert_ne!(canonical("Hòa"), canonical("Hóa"));
        assert_ne!(canonical("Hoa"), canonical("Hòa"));
        assert_eq!(canonical("Trần  Thị"), canonical("trần thị"));
    }

    /// The definition: lowercase, decomposed, each syllable's tone moved to its end.
    fn canonical_by_definition(s: &str) -> String {
        let mut out = String::new();
        let mut tone: Option<u8> = None;
        for c in s.chars() {
            let boundary = if c.is_ascii() {
                !c.is_ascii_alphanumeric()
            } else {
                c.is_whitespace() || matches!(c, '’' | '‘' | '“' | '”' | '–' | '—' | '…')
            };
            if boundary {
                if let Some(t) = tone.take() {
                    out.push(char::from(b'0' + t));
                }
                if !c.is_whitespace() {
                    out.push(c);
                } else if !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            for l in c.to_lowercase() {
                decompose_canonical(l, |d| match tone_of(d) {
                    Some(t) => tone = Some(t),
                    None => out.push(d),
                });
            }
        }
        if let Some(t) = tone {
            out.push(char::from(b'0' + t));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn canonical_is_its_definition(s in "[ a-zA-Z0-9.\\-’“…\u{a0}\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{3000}\u{300}-\u{323}\u{c0}-\u{24f}\u{1e00}-\u{1eff}İẞ]{0,12}") {
            proptest::prop_assert_eq!(canonical(&s), canonical_by_definition(&s));
        }

        #[test]
        fn canonical_of_a_prefix_is_taken_on_the_way(s in "[ a-zA-Z0-9.\\-’“…\u{a0}\t\u{300}-\u{323}\u{c0}-\u{24f}\u{1e00}-\u{1eff}]{0,12}", cut in 0usize..40) {
            let cut = (0..=cut.min(s.len())).rev().find(|&c| s.is_char_boundary(c)).unwrap_or(0);
            let mut out = String::new();
            let mut tone = 0u8;
            canonical_more(&s[..cut], &mut out, &mut tone);
            let mut prefix = out.clone();
            if tone != 0 {
                prefix.push(tone_digit(tone));
            }
            proptest::prop_assert_eq!(prefix, canonical(&s[..cut]));
            canonical_more(&s[cut..], &mut out, &mut tone);
            if tone != 0 {
                out.push(tone_digit(tone));
            }
            proptest::prop_assert_eq!(out, canonical(&s));
        }
    }

    /// The definition: some onset of [`ONSETS`], one to three vowels, a coda of [`CODAS`].
    fn syllable_by_definition(word: &str) -> bool {
        let mut buf = [0u8; 16];
        let mut n = 0;
        for c in word.chars() {
            let b = bare(c);
            if !b.is_ascii_alphabetic() || n == buf.len() {
                return false;
            }
            buf[n] = b as u8;
            n += 1;
        }
        let w = &buf[..n];
        if w.is_empty() {
            return false;
        }
        for onset in ONSETS {
            let o = onset.as_bytes();
            if !w.starts_with(o) {
                continue;
            }
            let rest = &w[o.len()..];
            let vowels = rest.iter().take_while(|&&b| is_vowel(b as char)).count();
            // "gi" and "qu" may be followed by no further vowel ("gìn" is g-i-n, handled by "g").
            if !(1..=3).contains(&vowels) {
                continue;
            }
            let coda = &rest[vowels..];
            if CODAS.iter().any(|c| c.as_bytes() == coda) {
                return true;
            }
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn syllable_is_its_definition(w in "[a-zA-ZđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'’İ]{0,8}") {
            proptest::prop_assert_eq!(is_vietnamese_syllable(&w), syllable_by_definition(&w));
        }

        #[test]
        fn syllable_is_its_definition_on_likely_syllables(w in "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|Gi|Qu|Ngh|[a-zĐđ]){0,2}[aeiouyâơưÂƯệỹ]{0,4}(ng|nh|ch|[a-z]){0,2}") {
            proptest::prop_assert_eq!(is_vietnamese_syllable(&w), syllable_by_definition(&w), "{:?}", w);
        }
    }

    #[test]
    fn syllable_onsets_are_the_list() {
        for o in ONSETS {
            assert!(is_onset(o.as_bytes()), "{o}");
        }
        for a in b'a'..=b'z' {
            for b in [
                None,
                Some(b'h'),
                Some(b'g'),
                Some(b'i'),
                Some(b'u'),
                Some(b'r'),
            ] {
                let o: Vec<u8> = std::iter::once(a).chain(b).collect();
                let listed = ONSETS.iter().any(|x| x.as_bytes() == o.as_slice());
                assert_eq!(is_onset(&o), listed, "{:?}", String::from_utf8_lossy(&o));
            }
        }
    }

    #[test]
    fn syllables() {
        for w in [
            "Lộc", "Hằng", "Nguyễn", "Quyết", "Khuỷu", "Seo", "ĐỒNG", "Gìn", "Y",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "Trump", "Costa", "Zidane", "Park", "Messi", "UBND", "A1", "",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }
}
