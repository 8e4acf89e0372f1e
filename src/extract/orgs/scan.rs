//! The span rules: where an organisation's name starts and ends in one block.
//!
//! A head ("Công an", "Bộ", "Trường" …) opens a span; the name after it is capitalised words,
//! acronyms, a few numbers, lowercase words of the vocabulary of body names, and an attached
//! place ("huyện Nghi Lộc", "TP. Thanh Hóa"). A comma, a parenthesis, a function word or an
//! unknown lowercase word ends it.

use crate::extract::orgs::canonical;
use crate::extract::tokens::{is_all_caps, is_capitalised, Token, TokenKind};
use crate::lexicon::orgs::{HeadKind, LEXICON};

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
    ("hội", &["xã", "đại", "lễ", "cơ", "quốc", "ngày", "đô", "dạ"]),
    ("đội", &["quân", "bộ", "các", "những", "lực"]),
    ("công an", &["lực", "ngành", "lượng", "cán", "chiến", "sĩ"]),
    ("ban", &["các", "những", "ngày", "hàng"]),
    ("viện", &["nhập", "xuất", "thư", "học", "bệnh"]),
];

/// Lowercase heads accepted in running text; other heads must be capitalised.
const LOWERCASE_HEADS: &[&str] = &[
    "công an", "công ty", "tập đoàn", "tổng công ty", "ngân hàng", "nhà máy", "trường",
    "đại học", "học viện", "bệnh viện", "báo", "phòng", "đảng", "hiệp hội", "trung tâm", "viện",
    "ủy ban", "quốc hội", "nghị viện", "chi cục", "sở", "bộ", "đội", "hội", "ban", "cục",
    "hãng", "tờ", "tạp chí", "nhật báo", "tuần báo", "hãng tin", "hãng thông tấn", "nhà sách",
    "nhà xuất bản", "xí nghiệp", "hợp tác xã", "câu lạc bộ", "quỹ", "đài", "nhóm", "liên đoàn",
    "liên minh", "tổ chức", "hãng phim", "phòng giao dịch", "chi nhánh", "đại sứ quán",
];

/// Places that look like a head and a name ("Trường Sa") and institutions that are places.
const NOT_ORG_SPANS: &[&str] = &["trường sa", "trường sơn", "quỹ đạo", "viện trợ"];

struct Ctx<'a> {
    src: &'a str,
    toks: &'a [Token],
    /// Canonical lowercase of each token.
    low: Vec<String>,
}

impl Ctx<'_> {
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
            s.push_str(&self.low[k]);
        }
        Some(s)
    }
    /// The longest head starting at token `i`: (kind, words, key).
    fn head_at(&self, i: usize) -> Option<(HeadKind, usize, String)> {
        if !self.word(i) {
            return None;
        }
        let lex = &*LEXICON;
        for n in (1..=lex.max_head_words).rev() {
            let Some(key) = self.phrase(i, n) else {
                continue;
            };
            if let Some(h) = lex.heads.get(&key) {
                return Some((h.kind, n, key));
            }
        }
        None
    }
    /// A place word of one or two tokens at `i` ("tỉnh", "thành phố", "TP" + "."): its length
    /// in tokens, counting a trailing dot.
    fn place_word_at(&self, i: usize) -> Option<usize> {
        let lex = &*LEXICON;
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
        LEXICON.stop_words.contains(self.low[i].as_str())
    }
    fn is_name_syllable(&self, i: usize) -> bool {
        LEXICON.name_syllables.contains(self.low[i].as_str())
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
                    if k > j && cx.low[k] == "và" {
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
                if cx.low[k] == "và" {
                    // "Bộ Tài nguyên và Môi trường", but not "UBND tỉnh A và Công an tỉnh B".
                    if t.name && !t.place && cx.cap(k + 1) && cx.head_at(k + 1).is_none() {
                        k += 1;
                        continue;
                    }
                    break;
                }
                if cx.low[k] == "số" && k + 1 < n && cx.toks[k + 1].kind == TokenKind::Number {
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
                if m > k && cx.cap(m) && cx.head_at(m).is_none() && pending_lower + (m - k) <= 4
                {
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

/// Finds the candidate spans of one block, left to right, never overlapping.
pub fn scan(src: &str, toks: &[Token]) -> Vec<Span> {
    let mut buf = String::new();
    let low: Vec<String> = toks
        .iter()
        .map(|t| {
            if t.kind == TokenKind::Word {
                canonical_into(t.text(src), &mut buf);
                buf.clone()
            } else {
                String::new()
            }
        })
        .collect();
    let cx = Ctx { src, toks, low };
    let lex = &*LEXICON;
    let mut out = Vec::new();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !cx.word(i) {
            i += 1;
            continue;
        }
        let w = cx.text(i);
        // Squads: "U16 Việt Nam", "U.23 Thái Lan".
        if is_u_squad(w) && cx.cap(i + 1) {
            let mut m = i + 1;
            while cx.cap(m) && m < i + 4 {
                m += 1;
            }
            out.push(span(toks, i, m, Strength::Strong));
            i = m;
            continue;
        }
        let Some((kind, hw, key)) = cx.head_at(i) else {
            i += 1;
            continue;
        };
        let lower_head = !is_capitalised(w);
        if lower_head && !LOWERCASE_HEADS.contains(&key.as_str()) {
            i += 1;
            continue;
        }
        if let Some((_, before)) = NOT_AFTER.iter().find(|(h, _)| *h == key) {
            if i > 0 && cx.word(i - 1) && before.contains(&cx.low[i - 1].as_str()) {
                i += 1;
                continue;
            }
        }
        let t = tail(&cx, i + hw);
        let end = t.end;
        let strength = match kind {
            HeadKind::Classifier => {
                // The name after a classifier, without it: capitalised words only.
                let mut m = i + hw;
                while cx.cap(m) && m < i + hw + 4 {
                    m += 1;
                }
                if m > i + hw && cx.head_at(i + hw).is_none() {
                    out.push(span(toks, i + hw, m, Strength::Strong));
                    i = m;
                } else {
                    i += hw;
                }
                continue;
            }
            HeadKind::Complete => Some(Strength::Strong),
            HeadKind::Named => {
                if lower_head && !cx.cap(i + hw) && !t.place {
                    // "trường tiểu học Đặng Cương" is fine, "công ty này" is not.
                    t.name.then_some(Strength::Strong)
                } else {
                    t.name.then_some(Strength::Strong)
                }
            }
            HeadKind::Local => {
                if t.name || t.place {
                    if lex.needs_place.contains(key.as_str()) && !t.place {
                        needs_place_ok(&cx, i + hw, end).then_some(Strength::Strong)
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
        };
        let Some(strength) = strength else {
            i += 1;
            continue;
        };
        let end = end.max(i + hw);
        let mut sp = span(toks, i, end, strength);
        let text = canonical(&src[sp.start..sp.end]);
        if NOT_ORG_SPANS.contains(&text.as_str()) {
            i += 1;
            continue;
        }
        // "Ngân hàng Nhà nước (NHNN)": the abbreviation is its own mention.
        if cx.punct(end, "(") && cx.word(end + 1) && cx.punct(end + 2, ")") {
            let a = cx.text(end + 1);
            if is_all_caps(a) && a.chars().count() <= 10 {
                sp.abbr = Some((toks[end + 1].start, toks[end + 1].end));
            }
        }
        out.push(sp);
        i = end;
    }
    out
}

/// "Sở Tài chính" alone is one of many; with something after the department it is one body.
fn needs_place_ok(cx: &Ctx, from: usize, to: usize) -> bool {
    let name: Vec<String> = (from..to)
        .filter(|&k| cx.word(k))
        .map(|k| {
            let w = cx.text(k);
            match LEXICON.expansions.get(w) {
                Some(e) => canonical(e),
                None => cx.low[k].clone(),
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

/// Canonical form of one word into `buf` (lowercase, new tone placement).
fn canonical_into(w: &str, buf: &mut String) {
    buf.clear();
    buf.push_str(&canonical(w));
}
