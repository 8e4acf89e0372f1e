//! The span rules: where an organisation's name starts and ends in one block.
//!
//! A head ("Công an", "Bộ", "Trường" …) opens a span; the name after it is capitalised words,
//! acronyms, a few numbers, lowercase words of the vocabulary of body names, and an attached
//! place ("huyện Nghi Lộc", "TP. Thanh Hóa"). A comma, a parenthesis, a function word or an
//! unknown lowercase word ends it.

use super::words::ByFirstWord;
use crate::extract::orgs::canonical;
use crate::extract::tokens::{is_all_caps, is_capitalised, tokenize, Token, TokenKind};
use crate::lexicon::orgs::{HeadKind, HEADS, LEXICON};
use std::cell::OnceCell;
use std::sync::LazyLock;

/// Every written form of every head: lowercase, capitalised, title case and capitals, each
/// with old and new tone placement.
static HEAD_FORMS: LazyLock<ByFirstWord<HeadKind>> = LazyLock::new(|| {
    let mut pats: Vec<(String, HeadKind)> = Vec::new();
    for &(h, kind) in HEADS {
        for tone in [canonical(h), old_tones(&canonical(h))] {
            for form in [
                tone.clone(),
                first_upper(&tone),
                tone.split(' ')
                    .map(first_upper)
                    .collect::<Vec<_>>()
                    .join(" "),
                tone.to_uppercase(),
                (*h).to_owned(),
            ] {
                pats.push((form, kind));
            }
        }
    }
    ByFirstWord::new(pats)
});

fn first_upper(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The old tone placement of a canonical (new placement) phrase: "hoà" → "hòa".
fn old_tones(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for i in 1..chars.len() {
        let ends = chars.get(i + 1).is_none_or(|c| !c.is_alphabetic());
        let pair = matches!(
            (chars[i - 1], base_of(chars[i])),
            ('o', 'a') | ('o', 'e') | ('u', 'y')
        );
        if ends && pair {
            if let Some((moved, plain)) = move_tone_back(chars[i - 1], chars[i]) {
                chars[i - 1] = moved;
                chars[i] = plain;
            }
        }
    }
    chars.into_iter().collect()
}

fn base_of(c: char) -> char {
    crate::extract::orgs::split_tone(c).map_or(c, |(b, _)| b)
}

fn move_tone_back(first: char, second: char) -> Option<(char, char)> {
    let (base, tone) = crate::extract::orgs::split_tone(second)?;
    Some((crate::extract::orgs::with_tone(first, tone)?, base))
}

/// How sure the rules are that a span is an organisation by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// A named body: always an organisation.
    Strong,
    /// A local body with only a place word ("UBND tỉnh"): the article's own body.
    TitleLike,
    /// A bare local abbreviation ("HĐND"): kept only as a mention of a body found elsewhere.
    Bare,
}

/// A candidate span, byte offsets into the block text.
#[derive(Clone, Debug)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub strength: Strength,
    /// Byte range of an abbreviation given in parentheses right after the name.
    pub abbr: Option<(usize, usize)>,
}

/// Lowercase heads that are too common as ordinary words unless something marks them.
const NOT_AFTER: &[(&str, &[&str])] = &[
    (
        "trường",
        &[
            "môi", "thị", "chiến", "hiện", "quảng", "công", "lập", "sân", "nhà", "ngôi", "đấu",
        ],
    ),
    (
        "bộ",
        &[
            "toàn", "cán", "đồng", "từng", "một", "nội", "các", "bước", "sơ", "đi", "thể",
        ],
    ),
    (
        "hội",
        &["xã", "đại", "lễ", "cơ", "quốc", "ngày", "đô", "dạ"],
    ),
    ("đội", &["quân", "bộ", "các", "những", "lực"]),
    ("công an", &["lực", "ngành", "lượng", "cán", "chiến", "sĩ"]),
    ("ban", &["các", "những", "ngày", "hàng"]),
    ("viện", &["nhập", "xuất", "thư", "học", "bệnh"]),
];

/// Lowercase heads accepted in running text; other heads must be capitalised.
const LOWERCASE_HEADS: &[&str] = &[
    "công an",
    "công ty",
    "tập đoàn",
    "tổng công ty",
    "ngân hàng",
    "nhà máy",
    "trường",
    "đại học",
    "học viện",
    "bệnh viện",
    "báo",
    "phòng",
    "đảng",
    "hiệp hội",
    "trung tâm",
    "viện",
    "ủy ban",
    "quốc hội",
    "nghị viện",
    "chi cục",
    "sở",
    "bộ",
    "đội",
    "hội",
    "ban",
    "cục",
    "hãng",
    "tờ",
    "tạp chí",
    "nhật báo",
    "tuần báo",
    "hãng tin",
    "hãng thông tấn",
    "nhà sách",
    "nhà xuất bản",
    "xí nghiệp",
    "hợp tác xã",
    "câu lạc bộ",
    "quỹ",
    "đài",
    "nhóm",
    "liên đoàn",
    "liên minh",
    "tổ chức",
    "hãng phim",
    "phòng giao dịch",
    "chi nhánh",
    "đại sứ quán",
];

/// Places that look like a head and a name ("Trường Sa") and institutions that are places.
const NOT_ORG_SPANS: &[&str] = &["trường sa", "trường sơn", "quỹ đạo", "viện trợ"];

struct Ctx<'a> {
    src: &'a str,
    toks: &'a [Token],
    /// Canonical lowercase of each token, computed when first asked for.
    low: Vec<OnceCell<String>>,
}

impl Ctx<'_> {
    fn low(&self, i: usize) -> &str {
        self.low[i].get_or_init(|| canonical(self.toks[i].text(self.src)))
    }
    fn text(&self, i: usize) -> &str {
        self.toks[i].text(self.src)
    }
    fn word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Word
    }
    fn punct(&self, i: usize, p: &str) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Punct && self.text(i) == p
    }
    fn cap(&self, i: usize) -> bool {
        self.word(i) && is_capitalised(self.text(i))
    }
    /// Words j..j+n joined by single spaces, canonical.
    fn phrase(&self, j: usize, n: usize) -> Option<String> {
        if j + n > self.toks.len() {
            return None;
        }
        let mut s = String::new();
        for k in j..j + n {
            if self.toks[k].kind != TokenKind::Word {
                return None;
            }
            if k > j {
                if !self.toks[k].space_before {
                    return None;
                }
                s.push(' ');
            }
            s.push_str(self.low(k));
        }
        Some(s)
    }
    /// The longest head starting at token `i`: (kind, words, key).
    fn head_at(&self, i: usize) -> Option<(HeadKind, usize, String)> {
        if !self.word(i) || !LEXICON.head_first.contains(self.low(i)) {
            return None;
        }
        let lex = &*LEXICON;
        let mut key = String::new();
        let mut best = None;
        for k in i..(i + lex.max_head_words).min(self.toks.len()) {
            if self.toks[k].kind != TokenKind::Word || (k > i && !self.toks[k].space_before) {
                break;
            }
            if k > i {
                key.push(' ');
            }
            key.push_str(self.low(k));
            if let Some(h) = lex.heads.get(&key) {
                best = Some((h.kind, k + 1 - i, key.clone()));
            }
        }
        best
    }
    /// A place word of one or two tokens at `i` ("tỉnh", "thành phố", "TP" + "."): its length
    /// in tokens, counting a trailing dot.
    fn place_word_at(&self, i: usize) -> Option<usize> {
        let lex = &*LEXICON;
        if !self.word(i) || !lex.place_first.contains(self.low(i)) {
            return None;
        }
        for n in [2, 1] {
            if let Some(key) = self.phrase(i, n) {
                if lex.places.contains(&key) {
                    let dot = self.punct(i + n, ".") && !self.toks[i + n].space_before;
                    return Some(n + dot as usize);
                }
            }
        }
        None
    }
    fn is_stop(&self, i: usize) -> bool {
        LEXICON.stop_words.contains(self.low(i))
    }
    fn is_name_syllable(&self, i: usize) -> bool {
        LEXICON.name_syllables.contains(self.low(i))
    }
}

/// What the tail after a head holds.
#[derive(Default)]
struct Tail {
    /// Token index one past the tail.
    end: usize,
    /// A capitalised word, acronym or number names the body.
    name: bool,
    /// A place word with its place name ("huyện Nghi Lộc").
    place: bool,
    /// A place word alone ("tỉnh") ends the tail.
    bare_place: bool,
}

/// Parses the name after a head that ends at token `j`.
fn tail(cx: &Ctx, j: usize) -> Tail {
    let n = cx.toks.len();
    let mut t = Tail {
        end: j,
        ..Default::default()
    };
    let mut k = j;
    // Lowercase syllables consumed since the last capitalised word: dropped if the name ends on
    // an unknown word they probably form a compound with ("Bộ Y tế khuyến cáo").
    let mut pending_lower = 0usize;
    while k < n {
        let tok = cx.toks[k];
        match tok.kind {
            TokenKind::Word => {
                if let Some(pw) = cx.place_word_at(k) {
                    // A place word: its name follows (capitalised words or a number).
                    let mut m = k + pw;
                    let name_start = m;
                    while m < n
                        && (cx.cap(m) || (cx.toks[m].kind == TokenKind::Number && m == name_start))
                    {
                        if m > name_start && cx.head_at(m).is_some() {
                            break;
                        }
                        m += 1;
                    }
                    if m > name_start {
                        t.place = true;
                        t.name = true;
                        k = m;
                        t.end = k;
                        pending_lower = 0;
                        // A place closes the name, except for a parent body glued after it
                        // ("Cục Chính trị Quân khu 1" has none; "PC67 Công an TP" does).
                        continue;
                    }
                    // A place word alone: "UBND tỉnh".
                    if pending_lower == 0 {
                        t.bare_place = true;
                        t.end = k + pw;
                    }
                    break;
                }
                let w = cx.text(k);
                if is_capitalised(w) || w.chars().any(|c| c.is_ascii_digit()) {
                    if k > j && cx.low(k) == "và" {
                        break;
                    }
                    t.name = true;
                    k += 1;
                    t.end = k;
                    pending_lower = 0;
                    continue;
                }
                // Lowercase: a place ends the name ("UBND tỉnh Hải Dương xây dựng …").
                if t.place {
                    break;
                }
                if cx.low(k) == "và" {
                    // "Bộ Tài nguyên và Môi trường", but not "UBND tỉnh A và Công an tỉnh B".
                    if t.name && !t.place && cx.cap(k + 1) && cx.head_at(k + 1).is_none() {
                        k += 1;
                        continue;
                    }
                    break;
                }
                if cx.low(k) == "số" && k + 1 < n && cx.toks[k + 1].kind == TokenKind::Number {
                    t.name = true;
                    k += 2;
                    t.end = k;
                    pending_lower = 0;
                    continue;
                }
                if cx.is_stop(k) {
                    break;
                }
                if cx.is_name_syllable(k) {
                    pending_lower += 1;
                    k += 1;
                    if pending_lower > 5 {
                        break;
                    }
                    // Lowercase words count once a capitalised word follows or preceded.
                    if t.name {
                        t.end = k;
                    }
                    continue;
                }
                // An unknown lowercase word: a bridge to a capitalised word right after
                // ("Trường tiểu học Đặng Cương" has only known words; "nhóm kịch Thế Lữ").
                let mut m = k;
                while m < n && m < k + 2 && cx.word(m) && !is_capitalised(cx.text(m)) {
                    if cx.is_stop(m) || cx.place_word_at(m).is_some() {
                        break;
                    }
                    m += 1;
                }
                if m > k && cx.cap(m) && cx.head_at(m).is_none() && pending_lower + (m - k) <= 4 {
                    pending_lower = 0;
                    k = m;
                    continue;
                }
                if pending_lower > 0 && t.end == k {
                    // Drop the syllable that compounds with this unknown word.
                    t.end -= 1;
                }
                break;
            }
            TokenKind::Number => {
                // "Bệnh viện 115", "Quân khu 1": a number right after the head.
                if k == j {
                    t.name = true;
                    k += 1;
                    t.end = k;
                    continue;
                }
                break;
            }
            TokenKind::Punct => {
                let p = cx.text(k);
                // "Thăng Long - Hà Nội", "PC67-Công an", "đường bộ-đường sắt".
                if matches!(p, "-" | "–" | "&") && t.name && t.end == k && k + 1 < n {
                    if cx.cap(k + 1) && cx.place_word_at(k + 1).is_none() {
                        k += 1;
                        continue;
                    }
                    if !tok.space_before && cx.word(k + 1) && cx.is_name_syllable(k + 1) {
                        k += 1;
                        continue;
                    }
                }
                break;
            }
        }
    }
    t
}

fn is_u_squad(w: &str) -> bool {
    let w = w.strip_prefix('U').unwrap_or("");
    let w = w.strip_prefix('.').unwrap_or(w);
    (2..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// A cheap look at the word after a head ending at `e`, before tokenizing: a generic head
/// followed by an ordinary lowercase word ("báo cáo", "hội nghị", "phòng chống") names
/// nothing.
fn worth_a_look(src: &str, e: usize, kind: HeadKind) -> bool {
    if matches!(kind, HeadKind::Local | HeadKind::Complete) {
        return true;
    }
    let rest = src[e..].trim_start_matches(' ');
    let Some(c) = rest.chars().next() else {
        return false;
    };
    if c.is_uppercase() || c.is_ascii_digit() {
        return true;
    }
    let w = super::words::first_word(rest);
    !w.is_empty() && (LEXICON.name_syllables.contains(w) || LEXICON.place_first.contains(w))
}

/// "U16" or "U.16" at `a`.
fn squad_word(src: &str, a: usize) -> &str {
    let r = &src[a..];
    let end = r
        .char_indices()
        .skip(1)
        .find(|&(i, c)| !(c.is_ascii_digit() || (c == '.' && i == 1)))
        .map_or(r.len(), |(i, _)| i);
    &r[..end]
}

/// Finds the candidate spans of one block, left to right, never overlapping.
pub fn scan(src: &str, words: &[(usize, usize)]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut pos = 0;
    let mut triggers: Vec<usize> = Vec::new();
    for &(a, b) in words {
        if let Some((e, kind)) = HEAD_FORMS.longest_at(src, a, b) {
            if worth_a_look(src, e, kind) {
                triggers.push(a);
            }
        } else if src[a..b].starts_with('U') && is_u_squad(squad_word(src, a)) {
            // Squads: "U16 Việt Nam", "U.23 Thái Lan".
            triggers.push(a);
        }
    }
    triggers.sort_unstable();
    triggers.dedup();
    for a in triggers {
        if a < pos {
            continue;
        }
        let b = window_end(src, a);
        let win = &src[a..b];
        let toks = tokenize(win);
        let cx = Ctx {
            src: win,
            toks: &toks,
            low: (0..toks.len()).map(|_| OnceCell::new()).collect(),
        };
        if let Some((mut sp, next)) = rule_at(&cx, previous_word(src, a)) {
            sp.start += a;
            sp.end += a;
            if let Some((x, y)) = sp.abbr.as_mut() {
                *x += a;
                *y += a;
            }
            pos = a + next;
            out.push(sp);
        }
    }
    out
}

/// How far after a head a name may reach, in bytes.
const WINDOW: usize = 200;

/// Where a name starting at `a` must end at the latest: a clause break or [`WINDOW`] bytes.
fn window_end(src: &str, a: usize) -> usize {
    let bytes = src.as_bytes();
    let mut b = (a + WINDOW).min(src.len());
    if let Some(p) = bytes[a..b]
        .iter()
        .position(|&c| matches!(c, b',' | b';' | b':' | b'!' | b'?' | b'"' | b'\n'))
    {
        b = a + p;
    }
    while !src.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// The canonical word right before byte `a` (after spaces), if any.
fn previous_word(src: &str, a: usize) -> String {
    let before = &src[..a];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() && !before.is_empty() {
        return String::new();
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    canonical(&trimmed[start..])
}

/// The rule at token 0 of a window: a span and the byte offset where scanning may resume.
fn rule_at(cx: &Ctx, prev: String) -> Option<(Span, usize)> {
    let toks = cx.toks;
    let src = cx.src;
    let lex = &*LEXICON;
    let i = 0;
    if !cx.word(i) {
        return None;
    }
    let w = cx.text(i);
    if is_u_squad(w) {
        if !cx.cap(i + 1) {
            return None;
        }
        let mut m = i + 1;
        while cx.cap(m) && m < i + 4 {
            m += 1;
        }
        let sp = span(toks, i, m, Strength::Strong);
        let next = sp.end;
        return Some((sp, next));
    }
    let (kind, hw, key) = cx.head_at(i)?;
    let lower_head = !is_capitalised(w);
    if lower_head && !LOWERCASE_HEADS.contains(&key.as_str()) {
        return None;
    }
    if let Some((_, before)) = NOT_AFTER.iter().find(|(h, _)| *h == key) {
        if before.contains(&prev.as_str()) {
            return None;
        }
    }
    let t = tail(cx, i + hw);
    let end = t.end;
    let strength = match kind {
        HeadKind::Classifier => {
            // The name after a classifier, without it: capitalised words only.
            let mut m = i + hw;
            while cx.cap(m) && m < i + hw + 4 {
                m += 1;
            }
            if m > i + hw && cx.head_at(i + hw).is_none() {
                let sp = span(toks, i + hw, m, Strength::Strong);
                let next = sp.end;
                return Some((sp, next));
            }
            return None;
        }
        HeadKind::Complete => Some(Strength::Strong),
        HeadKind::Named => t.name.then_some(Strength::Strong),
        HeadKind::Local => {
            if t.name || t.place {
                if lex.needs_place.contains(key.as_str()) && !t.place {
                    needs_place_ok(cx, i + hw, end).then_some(Strength::Strong)
                } else {
                    Some(Strength::Strong)
                }
            } else if t.bare_place {
                Some(Strength::TitleLike)
            } else if is_all_caps(w) && hw == 1 {
                Some(Strength::Bare)
            } else {
                None
            }
        }
    }?;
    let end = end.max(i + hw);
    let mut sp = span(toks, i, end, strength);
    let text = canonical(&src[sp.start..sp.end]);
    if NOT_ORG_SPANS.contains(&text.as_str()) {
        return None;
    }
    // "Ngân hàng Nhà nước (NHNN)": the abbreviation is its own mention.
    let mut next = sp.end;
    if cx.punct(end, "(") && cx.word(end + 1) && cx.punct(end + 2, ")") {
        let a = cx.text(end + 1);
        if is_all_caps(a) && a.chars().count() <= 10 {
            sp.abbr = Some((toks[end + 1].start, toks[end + 1].end));
            next = toks[end + 2].end;
        }
    }
    Some((sp, next))
}

/// "Sở Tài chính" alone is one of many; with something after the department it is one body.
fn needs_place_ok(cx: &Ctx, from: usize, to: usize) -> bool {
    let name: Vec<String> = (from..to)
        .filter(|&k| cx.word(k))
        .map(|k| {
            let w = cx.text(k);
            match LEXICON.expansions.get(w) {
                Some(e) => canonical(e),
                None => cx.low(k).to_owned(),
            }
        })
        .collect();
    let name = name.join(" ").replace(',', "");
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    !DEPARTMENTS.iter().any(|d| canonical(d) == name) && !name.is_empty()
}

/// The departments every province has: "Sở Tài chính" alone does not say which one.
const DEPARTMENTS: &[&str] = &[
    "Tài chính",
    "Tư pháp",
    "Nội vụ",
    "Y tế",
    "Công Thương",
    "Xây dựng",
    "Giao thông vận tải",
    "Giáo dục và Đào tạo",
    "Giáo dục Đào tạo",
    "Tài nguyên và Môi trường",
    "Tài nguyên Môi trường",
    "Lao động - Thương binh và Xã hội",
    "Lao động Thương binh và Xã hội",
    "Văn hóa Thể thao và Du lịch",
    "Văn hóa, Thể thao và Du lịch",
    "Du lịch",
    "Kế hoạch và Đầu tư",
    "Khoa học và Công nghệ",
    "Thông tin và Truyền thông",
    "Thông tin - Truyền thông",
    "Nông nghiệp và Phát triển nông thôn",
    "Ngoại vụ",
];

fn span(toks: &[Token], from: usize, to: usize, strength: Strength) -> Span {
    Span {
        start: toks[from].start,
        end: toks[to - 1].end,
        strength,
        abbr: None,
    }
}
