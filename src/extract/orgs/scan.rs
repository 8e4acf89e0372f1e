//! The span rules: where an organisation's name starts and ends in one block.
//!
//! A head ("Công an", "Bộ", "Trường" …) opens a span; the name after it is capitalised words,
//! acronyms, a few numbers, lowercase words of the vocabulary of body names, and an attached
//! place ("huyện Nghi Lộc", "TP. Thanh Hóa"). A comma, a parenthesis, a function word or an
//! unknown lowercase word ends it.

use super::words::ByFirstWord;
use crate::extract::orgs::{canonical, canonical_into, canonical_static, canonical_word_in};
use crate::extract::tokens::{
    is_all_caps, is_alpha, is_alphanumeric, is_capitalised, Token, TokenKind,
};
use crate::extract::tokens::{leading_word, tokenize_some_into};
use crate::lexicon::org_head_forms::HEAD_FORMS;
use crate::lexicon::org_keys::HEAD_KEYS;
use crate::lexicon::orgs::{FastMap, FastSet};
use crate::lexicon::orgs::{Head, HeadKind, Lexicon, HEADS, KNOWN, LEXICON};
use crate::lexicon::orgs::{WORD_COMPOUND_FIRST, WORD_HEAD_FIRST, WORD_PLACE_FIRST, WORD_STOP};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::sync::LazyLock;

/// What a phrase of the first-word table is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Head(HeadKind),
    /// A well-known body of the gazetteer.
    Known,
}

/// Every written form of every head (lowercase, capitalised, title case and capitals, each
/// with old and new tone placement) and every well-known body, by first word: one lookup per
/// word of the text. The forms are generated ([`HEAD_FORMS`], see `head_forms`): making them
/// at start-up cost every run of `bao` more than a short article.
pub static TABLE: LazyLock<ByFirstWord<Entry>> = LazyLock::new(|| {
    ByFirstWord::new(
        HEAD_FORMS
            .iter()
            .map(|&(form, head)| (form, Entry::Head(HEADS[head as usize].1)))
            .chain(KNOWN.iter().map(|&k| (k, Entry::Known))),
    )
});

/// The written forms of every head, in order, each with the index of its head in [`HEADS`]:
/// what `src/lexicon/org_head_forms.rs` holds (the test `generated_head_forms_are_current`
/// regenerates it from this).
#[cfg(test)]
fn head_forms() -> Vec<(String, u16)> {
    let mut pats: Vec<(String, u16)> = Vec::new();
    for (i, &(h, _)) in HEADS.iter().enumerate() {
        let i = u16::try_from(i).expect("fewer than 65536 heads");
        let new = canonical(h);
        let old = old_tones(&new);
        // Most heads have one tone placement and some forms coincide: each form once (the
        // table keeps one copy of a phrase anyway).
        let from = pats.len();
        // The old placement equal to the new one gives the same five forms again.
        let tones = if old == new {
            vec![new]
        } else {
            vec![new, old]
        };
        for tone in tones {
            let (upper_first, title, upper) =
                (first_upper(&tone), title_case(&tone), tone.to_uppercase());
            for form in [tone, upper_first, title, upper, (*h).to_owned()] {
                if !pats[from..].iter().any(|(p, _)| *p == form) {
                    pats.push((form, i));
                }
            }
        }
    }
    pats
}

/// A canonical key of a table, borrowed from the table when it is its own canonical form.
type Key = Cow<'static, str>;

/// The canonical key of a table's phrase (see [`canonical_static`]).
fn key(s: &'static str) -> Key {
    canonical_static(s)
}

/// `part` of a key, borrowed as the key is.
fn part_of(k: Key, part: impl Fn(&str) -> Option<&str>) -> Option<Key> {
    match k {
        Cow::Borrowed(s) => part(s).map(Cow::Borrowed),
        Cow::Owned(o) => part(&o).map(|p| Cow::Owned(p.to_owned())),
    }
}

/// The word lists below in canonical form, built once.
struct Lists {
    not_after: Vec<(Key, Vec<Key>)>,
    lowercase_heads: FastSet<Key>,
    /// The first words of `lowercase_heads`.
    lowercase_firsts: FastSet<Key>,
    lower_described: FastSet<Key>,
    person_named: FastSet<Key>,
    not_org_prefixes: PhraseIndex,
    cut_before_inner: PhraseIndex,
    /// Every generic body and every start of one cut before a space.
    generic_starts: FastSet<Key>,
    countries: FastSet<Key>,
    /// The last words of the countries of two words or more: a phrase ending in another word
    /// names no country, and needs no joining and hashing.
    country_ends: FastSet<Key>,
    departments: FastSet<Key>,
}

/// Every head, and every head cut before one of its spaces, with the head it is itself if
/// any and whether it is such a cut: a phrase that is no cut starts no longer head, so
/// [`Ctx::head_at`] stops reading there, and one lookup answers both questions.
static HEAD_STEPS: LazyLock<FastMap<&'static str, (Option<&'static Head>, bool)>> =
    LazyLock::new(|| {
        let lex: &'static Lexicon = &LEXICON;
        // The keys are the generated head keys and their cuts: borrowed, not copied.
        let mut map = FastMap::with_capacity_and_hasher(2 * HEAD_KEYS.len(), Default::default());
        for &h in HEAD_KEYS {
            for (i, c) in h.char_indices() {
                if c == ' ' {
                    map.entry(&h[..i])
                        .or_insert_with(|| (lex.heads.get(&h[..i]), true))
                        .1 = true;
                }
            }
        }
        for &k in HEAD_KEYS {
            map.entry(k).or_insert_with(|| (lex.heads.get(k), false));
        }
        map
    });

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let set = |l: &'static [&'static str]| l.iter().map(|w| key(w)).collect::<FastSet<Key>>();
    let vec = |l: &'static [&'static str]| l.iter().map(|w| key(w)).collect::<Vec<Key>>();
    Lists {
        not_after: NOT_AFTER
            .iter()
            .map(|(h, before)| (key(h), vec(before)))
            .collect(),
        lowercase_heads: set(LOWERCASE_HEADS),
        lowercase_firsts: LOWERCASE_HEADS
            .iter()
            .filter_map(|h| part_of(key(h), |k| Some(k.split(' ').next().unwrap_or(""))))
            .collect(),
        lower_described: set(LOWER_DESCRIBED),
        person_named: set(PERSON_NAMED),
        not_org_prefixes: PhraseIndex::new(vec(NOT_ORG_PREFIXES)),
        cut_before_inner: PhraseIndex::new(vec(CUT_BEFORE_INNER)),
        generic_starts: GENERIC_BODIES
            .iter()
            .flat_map(|g| {
                let g = key(g);
                let cuts: Vec<Key> = g
                    .match_indices(' ')
                    .filter_map(|(i, _)| part_of(g.clone(), |k| Some(&k[..i])))
                    .collect();
                cuts.into_iter().chain([g])
            })
            .collect(),
        countries: set(COUNTRIES),
        country_ends: COUNTRIES
            .iter()
            .filter_map(|c| part_of(key(c), |k| k.rsplit_once(' ').map(|(_, l)| l)))
            .collect(),
        departments: set(DEPARTMENTS),
    }
});

/// Phrases by their first word, for "which phrase does this text start with" (see
/// [`starts_phrase`]): a phrase of several words can only open a text with the same first
/// word.
struct PhraseIndex {
    phrases: Vec<Key>,
    by_first: FastMap<Key, Vec<usize>>,
    /// Phrases of one word, tried on every text.
    single: Vec<usize>,
}

impl PhraseIndex {
    fn new(phrases: Vec<Key>) -> Self {
        let mut by_first: FastMap<Key, Vec<usize>> = FastMap::default();
        let mut single = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            match part_of(p.clone(), |k| k.split_once(' ').map(|(first, _)| first)) {
                Some(first) => by_first.entry(first).or_default().push(i),
                None => single.push(i),
            }
        }
        PhraseIndex {
            phrases,
            by_first,
            single,
        }
    }

    /// The first phrase, in list order, that `lead` starts with.
    fn first_match(&self, lead: &str) -> Option<&str> {
        let first = &lead[..lead.bytes().position(|b| b == b' ').unwrap_or(lead.len())];
        let bucket = self.by_first.get(first).map_or(&[][..], Vec::as_slice);
        bucket
            .iter()
            .chain(&self.single)
            .copied()
            .filter(|&i| starts_phrase(lead, &self.phrases[i]))
            .min()
            .map(|i| &*self.phrases[i])
    }
}

// Only the generator of the head forms (a test) makes them now.
#[cfg(test)]
fn first_upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
    out
}

#[cfg(test)]
/// Every word of `s` (single spaces) with a capital first letter, in one buffer.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut c = w.chars();
        if let Some(f) = c.next() {
            out.extend(f.to_uppercase());
            out.push_str(c.as_str());
        }
    }
    out
}

#[cfg(test)]
/// The old tone placement of a canonical (new placement) phrase: "hoà" → "hòa".
fn old_tones(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for i in 1..chars.len() {
        let ends = chars.get(i + 1).is_none_or(|c| !is_alpha(*c));
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

#[cfg(test)]
fn base_of(c: char) -> char {
    crate::extract::orgs::split_tone(c).map_or(c, |(b, _)| b)
}

#[cfg(test)]
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
            "chính", "vũ", "môi", "thị", "chiến", "hiện", "quảng", "công", "lập", "sân", "nhà",
            "ngôi", "đấu",
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
    ("ban", &["các", "những", "ngày", "hàng", "tây", "tiểu"]),
    ("viện", &["nhập", "xuất", "thư", "học", "bệnh"]),
    ("phòng", &["hải", "đề", "dự", "văn"]),
    ("sở", &["trụ", "hội", "cơ"]),
    (
        "báo",
        &[
            "trình", "thông", "cảnh", "khai", "tố", "dự", "phát", "tình", "hồi", "thời", "tin",
        ],
    ),
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
    "liên đoàn",
    "liên minh",
    "hãng phim",
    "phòng giao dịch",
    "đại sứ quán",
];

/// Places that look like a head and a name ("Trường Sa") and institutions that are places.
/// Lowercase heads that take a lowercase description before the name ("trường tiểu học …",
/// "nhà máy sản xuất …"); other lowercase heads need a capitalised word right after them.
const LOWER_DESCRIBED: &[&str] = &[
    "trường",
    "công ty",
    "tổng công ty",
    "tập đoàn",
    "nhà máy",
    "ngân hàng",
    "bệnh viện",
    "hiệp hội",
    "hội",
    "xí nghiệp",
    "hợp tác xã",
    "đại học",
    "học viện",
    "viện",
    "trung tâm",
];

/// Heads whose names may hold a person's name ("Trường THPT Nguyễn Du", "Công ty TNHH Khánh
/// Linh").
const PERSON_NAMED: &[&str] = &[
    "trường",
    "đại học",
    "đh",
    "học viện",
    "câu lạc bộ",
    "clb",
    "công ty",
    "cty",
    "ctcp",
    "tổng công ty",
    "tập đoàn",
    "nhà máy",
    "xí nghiệp",
    "quỹ",
    "trung tâm",
    "bệnh viện",
    "bv",
    "thư viện",
    "bảo tàng",
    "nhà sách",
    "hợp tác xã",
    "htx",
    "nhóm",
    "viện",
    "liên doanh",
    "hãng phim",
];

/// Places and things that start like a body ("Trường Sa", "Tây Ban Nha" read from "Ban").
const NOT_ORG_PREFIXES: &[&str] = &[
    "trường học",
    "trường công",
    "trường đào tạo",
    "trường phổ thông",
    "trung tâm nước",
    "trường hợp",
    "ban kỷ luật",
    "hội sở",
    "trung tâm tp",
    "trung tâm thành phố",
    "trung tâm huyện",
    "trung tâm thị xã",
    "trung tâm xã",
    "trung tâm tỉnh",
    "trường sa",
    "trường sơn",
    "trường giang",
    "quỹ đạo",
    "viện trợ",
    "ban nha",
    "đài loan",
    "đài bắc",
    "đài trung",
    "bộ luật",
    "bộ phim",
    "bộ trưởng",
    "sở hữu",
    "ban hành",
    "hội nghị",
    "hội thảo",
    "hội chợ",
    "hội diễn",
    "hội thi",
    "phòng khám",
    "phòng chống",
];

/// Generic bodies every province, school or company has: not one organisation by themselves
/// ("Ban Giám khảo", "Cơ quan điều tra", "Hội đồng xét xử").
const GENERIC_BODIES: &[&str] = &[
    "bộ chỉ huy",
    "công ty tnhh",
    "công ty cp",
    "công ty cổ phần",
    "công ty tnhh mtv",
    "công ty tnhh một thành viên",
    "tổng công ty cp",
    "ban quản lý dự án",
    "quỹ hội phụ huynh",
    "phòng gd&đt",
    "phòng gd-đt",
    "phòng giáo dục",
    "phòng giáo dục và đào tạo",
    "trường thpt",
    "trường thcs",
    "trường tiểu học",
    "trường mầm non",
    "trường chuyên",
    "sở gd&đt",
    "sở gd-đt",
    "ban giám khảo",
    "ban giám hiệu",
    "ban giám đốc",
    "ban tổ chức",
    "ban chỉ đạo",
    "ban quản lý",
    "ban quản trị",
    "ban điều hành",
    "ban biên tập",
    "ban thư ký",
    "ban đại diện",
    "ban chỉ huy",
    "ban cán sự",
    "ban kiểm soát",
    "ban phhs",
    "ban chấp hành",
    "hội đồng quản trị",
    "hội đồng xét xử",
    "hội đồng thành viên",
    "hội đồng thi",
    "hội đồng giám khảo",
    "hội đồng nhân dân",
    "hội phhs",
    "hội phụ huynh",
    "cơ quan điều tra",
    "cơ quan chức năng",
    "cơ quan cảnh sát điều tra",
    "cơ quan csđt",
    "cơ quan công an",
    "phòng kinh tế",
    "phòng tài chính",
    "phòng tổ chức",
    "phòng nghiệp vụ",
    "phòng cảnh sát",
    "phòng csgt",
    "đội csgt",
    "thanh tra chính phủ",
    "trung tâm tin",
    "ban tuyên giáo",
    "ủy ban nhân dân",
    "tòa án",
    "viện kiểm sát",
    "văn phòng",
    "trường đại học",
    "bệnh viện đa khoa",
];

/// A body named after a committee of the party ("Đảng ủy Bộ GTVT"): the annotated body is the
/// one inside.
const CUT_BEFORE_INNER: &[&str] = &[
    "văn phòng",
    "đảng ủy",
    "đảng bộ",
    "chi bộ",
    "cơ quan điều tra",
    "cơ quan cảnh sát điều tra",
    "cơ quan csđt",
    "cơ quan",
    "phòng nghiệp vụ",
    "hội đồng quản trị",
    "ban giám đốc",
    "ban lãnh đạo",
    "lãnh đạo",
];

/// Countries: "báo Mỹ", "hãng Nhật" are a country's press or firms, not one body.
const COUNTRIES: &[&str] = &[
    "mỹ",
    "anh",
    "pháp",
    "đức",
    "nga",
    "trung quốc",
    "nhật",
    "nhật bản",
    "hàn quốc",
    "triều tiên",
    "úc",
    "ấn độ",
    "ý",
    "italy",
    "tây ban nha",
    "canada",
    "thái lan",
    "lào",
    "campuchia",
    "singapore",
    "malaysia",
    "indonesia",
    "philippines",
    "việt nam",
    "israel",
    "iran",
    "iraq",
    "syria",
    "thổ nhĩ kỳ",
    "ukraine",
    "brazil",
    "argentina",
    "hà lan",
    "bỉ",
    "thụy điển",
    "thuỵ điển",
    "na uy",
    "đan mạch",
    "phần lan",
    "ba lan",
    "séc",
    "áo",
    "thụy sĩ",
    "thuỵ sĩ",
    "mexico",
    "ai cập",
    "saudi arabia",
    "qatar",
    "myanmar",
    "đài loan",
    "hồng kông",
    "new zealand",
];

/// The tokens of a window, possibly only its first ones: every question about whether a token
/// exists goes through [`Toks::has`] or [`Toks::get`], which note a question about a token
/// past the list, so that [`scan`] can tell whether the rules read past the tokens it gave
/// them. Indexing needs no note: an index past the list would panic.
struct Toks<'k> {
    list: &'k [Token],
    /// Some token past the list was asked about.
    short: Cell<bool>,
}

impl<'k> Toks<'k> {
    fn new(list: &'k [Token]) -> Self {
        Toks {
            list,
            short: Cell::new(false),
        }
    }
    /// Whether token `i` exists.
    #[inline]
    fn has(&self, i: usize) -> bool {
        let has = i < self.list.len();
        if !has {
            self.short.set(true);
        }
        has
    }
    #[inline]
    fn get(&self, i: usize) -> Option<&Token> {
        let t = self.list.get(i);
        if t.is_none() {
            self.short.set(true);
        }
        t
    }
}

impl std::ops::Index<usize> for Toks<'_> {
    type Output = Token;
    #[inline]
    fn index(&self, i: usize) -> &Token {
        &self.list[i]
    }
}

/// The memo and the key buffers a [`Ctx`] works in, kept from window to window.
type CtxBuffers<'a> = (Vec<Memo<'a>>, String, String, String);

struct Ctx<'a, 'k> {
    src: &'a str,
    toks: Toks<'k>,
    /// What is known of each token, computed when first asked for.
    memo: Vec<Memo<'a>>,
    /// A buffer for the keys of lookups.
    scratch: RefCell<String>,
    /// The buffer of the head and the words after it read together (see [`rule_at`]).
    lead: RefCell<String>,
    /// The buffer a token's canonical form is made in before [`Low`] keeps it.
    canon: RefCell<String>,
}

/// The longest canonical form a [`Low`] holds in itself: a word's is nearly always shorter.
const LOW_INLINE: usize = 30;

/// A token's canonical form: the token itself when it is canonical already, else a copy held
/// inline (short words) or on the heap, so that the memo allocates nothing for usual words.
enum Low<'a> {
    Text(&'a str),
    Inline(u8, [u8; LOW_INLINE]),
    Heap(String),
}

impl<'a> Low<'a> {
    fn of(text: &'a str, buf: &mut String) -> Self {
        let low = canonical_word_in(text, buf);
        if std::ptr::eq(low, text) {
            return Low::Text(text);
        }
        let bytes = low.as_bytes();
        if bytes.len() <= LOW_INLINE {
            let mut inline = [0; LOW_INLINE];
            inline[..bytes.len()].copy_from_slice(bytes);
            Low::Inline(bytes.len() as u8, inline)
        } else {
            Low::Heap(low.to_owned())
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Low::Text(s) => s,
            // SAFETY: the bytes were copied whole from a `str` (see [`Low::of`]).
            Low::Inline(n, b) => unsafe { std::str::from_utf8_unchecked(&b[..*n as usize]) },
            Low::Heap(s) => s,
        }
    }
}

/// The canonical form of a token, the head starting at it, and whether it starts a compound.
#[derive(Default)]
struct Memo<'a> {
    low: OnceCell<Low<'a>>,
    /// The longest head starting here (its words are the tokens it spans: a canonical word
    /// holds no space).
    head: OnceCell<Option<&'static Head>>,
    /// This word and the next form a compound.
    compound_next: OnceCell<bool>,
    /// What the word tables say of the canonical form.
    info: OnceCell<WordInfo>,
}

/// What one lookup tells of a canonical word: which word lists hold it (the `WORD_*` bits of
/// [`Lexicon::word_flags`]) and, for the first word of a head, its entry in [`HEAD_STEPS`].
#[derive(Clone, Copy, Default)]
struct WordInfo {
    flags: u8,
    /// The head the word is by itself.
    head: Option<&'static Head>,
    /// Some longer head starts with the word.
    goes_on: bool,
}

/// [`WordInfo`] by canonical word: the words of [`Lexicon::word_flags`].
static WORDS: LazyLock<FastMap<&'static str, WordInfo>> = LazyLock::new(|| {
    let lex: &'static Lexicon = &LEXICON;
    let mut map = FastMap::with_capacity_and_hasher(lex.word_flags.len(), Default::default());
    for (w, &flags) in &lex.word_flags {
        let w: &'static str = w;
        let (head, goes_on) = HEAD_STEPS.get(w).copied().unwrap_or((None, false));
        map.insert(
            w,
            WordInfo {
                flags,
                head,
                goes_on,
            },
        );
    }
    map
});

impl<'a, 'k> Ctx<'a, 'k> {
    /// A context for the window `src` in the memo and key buffers of `bufs` (given back by
    /// [`Self::into_buffers`]).
    fn new(src: &'a str, toks: &'k [Token], bufs: CtxBuffers<'a>) -> Self {
        let (mut memo, scratch, lead, canon) = bufs;
        memo.clear();
        memo.resize_with(toks.len(), Memo::default);
        Ctx {
            src,
            toks: Toks::new(toks),
            memo,
            scratch: RefCell::new(scratch),
            lead: RefCell::new(lead),
            canon: RefCell::new(canon),
        }
    }
    fn into_buffers(self) -> CtxBuffers<'a> {
        (
            self.memo,
            self.scratch.into_inner(),
            self.lead.into_inner(),
            self.canon.into_inner(),
        )
    }
    fn low(&self, i: usize) -> &str {
        self.memo[i]
            .low
            .get_or_init(|| Low::of(self.text(i), &mut self.canon.borrow_mut()))
            .as_str()
    }
    /// Which word lists hold the canonical form of token `i` (see [`Lexicon::word_flags`]).
    fn flags(&self, i: usize) -> u8 {
        self.info(i).flags
    }
    /// [`WordInfo`] of the canonical form of token `i`.
    fn info(&self, i: usize) -> WordInfo {
        *self.memo[i]
            .info
            .get_or_init(|| WORDS.get(self.low(i)).copied().unwrap_or_default())
    }
    #[inline]
    fn text(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        // SAFETY: the tokens are the tokenizer's of `src` itself (see [`scan`]): their bounds
        // are in it and on char boundaries.
        debug_assert!(self.src.is_char_boundary(t.start) && self.src.is_char_boundary(t.end));
        unsafe { self.src.get_unchecked(t.start..t.end) }
    }
    #[inline]
    fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }
    fn punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && self.text(i) == p
    }
    fn cap(&self, i: usize) -> bool {
        self.word(i) && is_capitalised(self.text(i))
    }
    /// `f` of words j..j+n joined by single spaces, canonical, if they are words so joined.
    fn with_phrase<R>(&self, j: usize, n: usize, f: impl FnOnce(&str) -> R) -> Option<R> {
        // Callers ask for one word or more.
        if n == 0 || !self.toks.has(j + n - 1) {
            return None;
        }
        for k in j..j + n {
            if self.toks[k].kind != TokenKind::Word || (k > j && !self.toks[k].space_before) {
                return None;
            }
        }
        let mut s = self.scratch.borrow_mut();
        s.clear();
        for k in j..j + n {
            if k > j {
                s.push(' ');
            }
            s.push_str(self.low(k));
        }
        Some(f(&s))
    }
    /// The longest head starting at token `i`: (kind, words).
    fn head_at(&self, i: usize) -> Option<(HeadKind, usize)> {
        if !self.word(i) {
            return None;
        }
        self.memo[i]
            .head
            .get_or_init(|| self.find_head(i))
            .map(|h| (h.kind, h.words))
    }
    fn find_head(&self, i: usize) -> Option<&'static Head> {
        let lex: &'static Lexicon = &LEXICON;
        if !self.word(i) {
            return None;
        }
        let first = self.info(i);
        if first.flags & WORD_HEAD_FIRST == 0 {
            return None;
        }
        // The word alone: its step came with its flags.
        let mut best = first.head;
        if !first.goes_on {
            return best;
        }
        let mut key = self.scratch.borrow_mut();
        key.clear();
        key.push_str(self.low(i));
        for k in (i + 1..i + lex.max_head_words).take_while(|&k| self.toks.has(k)) {
            if self.toks[k].kind != TokenKind::Word || !self.toks[k].space_before {
                break;
            }
            key.push(' ');
            key.push_str(self.low(k));
            let (head, prefix) = HEAD_STEPS
                .get(key.as_str())
                .copied()
                .unwrap_or((None, false));
            if head.is_some() {
                best = head;
            }
            if !prefix {
                break;
            }
        }
        best
    }
    /// The canonical key of the head at token `i` (the table's own copy: no allocation).
    fn head_key(&self, i: usize) -> Option<&'static str> {
        self.memo[i]
            .head
            .get_or_init(|| self.find_head(i))
            .map(|h| h.key.as_str())
    }
    /// A place word of one or two tokens at `i` ("tỉnh", "thành phố", "TP" + "."): its length
    /// in tokens, counting a trailing dot.
    fn place_word_at(&self, i: usize) -> Option<usize> {
        let lex = &*LEXICON;
        if !self.word(i) || self.flags(i) & WORD_PLACE_FIRST == 0 {
            return None;
        }
        for n in [2, 1] {
            let place = self.with_phrase(i, n, |key| {
                lex.places.contains(key).then(|| key.chars().count())
            });
            if let Some(Some(chars)) = place {
                // Only abbreviations take a dot ("TP.", "P."); after "tỉnh" it ends the
                // sentence.
                let dot = self.punct(i + n, ".") && !self.toks[i + n].space_before && chars <= 2;
                // "P." and "Q." are places only with their dot.
                if chars == 1 && !dot {
                    return None;
                }
                return Some(n + dot as usize);
            }
        }
        None
    }
    /// [`canonical`] of the text of tokens `from..to`: when only spaces part them, their
    /// memoised canonical forms joined by one space each (the canonical form collapses
    /// whitespace, and tones move only within a word), else computed afresh.
    fn span_canonical_into(&self, from: usize, to: usize, out: &mut String) {
        let toks = &self.toks;
        let bytes = self.src.as_bytes();
        let spaced = (from + 1..to).all(|k| {
            bytes[toks[k - 1].end..toks[k].start]
                .iter()
                .all(|&b| b == b' ')
        });
        if !spaced {
            canonical_into(&self.src[toks[from].start..toks[to - 1].end], out);
            return;
        }
        for k in from..to {
            if k > from && toks[k].start > toks[k - 1].end {
                out.push(' ');
            }
            out.push_str(self.low(k));
        }
    }
    fn is_stop(&self, i: usize) -> bool {
        self.flags(i) & WORD_STOP != 0
    }
    /// Words `a` and `b` (adjacent) form a compound of the vocabulary of body names.
    fn compound(&self, a: usize, b: usize) -> bool {
        if !self.word(a) || !self.word(b) || !self.toks[b].space_before {
            return false;
        }
        if b == a + 1 {
            return *self.memo[a]
                .compound_next
                .get_or_init(|| self.compound_key(a, b));
        }
        self.compound_key(a, b)
    }
    fn compound_key(&self, a: usize, b: usize) -> bool {
        // Most words start no compound: one short lookup instead of joining and hashing both.
        if self.flags(a) & WORD_COMPOUND_FIRST == 0 {
            return false;
        }
        let (x, y) = (self.low(a), self.low(b));
        let mut key = self.scratch.borrow_mut();
        key.clear();
        key.push_str(x);
        key.push(' ');
        key.push_str(y);
        LEXICON.compounds.contains(key.as_str())
    }
}

/// What the rules ask of a head's key, answered once per head of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct HeadProps {
    /// One of [`LOWERCASE_HEADS`].
    lowercase: bool,
    /// One of [`LOWER_DESCRIBED`].
    described: bool,
    /// One of [`PERSON_NAMED`].
    person_named: bool,
    /// A department that needs a place ([`Lexicon::needs_place`]).
    needs_place: bool,
    /// Units named by a number ("Quân khu 1", "Bệnh viện 115").
    numbered: bool,
    /// Associations: "Hội người Việt Nam tại Singapore".
    abroad: bool,
    /// Its entry in [`NOT_AFTER`], if any.
    not_after: Option<usize>,
}

/// The [`HeadProps`] of every head of the table, by the address of its key (the table's own
/// copy, which [`Ctx::head_key`] gives): a cheap lookup instead of one per list.
static HEAD_PROPS: LazyLock<FastMap<usize, HeadProps>> = LazyLock::new(|| {
    LEXICON
        .heads
        .values()
        .map(|h| (h.key.as_ptr() as usize, HeadProps::of(&h.key)))
        .collect()
});

impl HeadProps {
    /// The props of a head key, from the lists.
    fn of(key: &str) -> Self {
        let lists = &*LISTS;
        HeadProps {
            lowercase: lists.lowercase_heads.contains(key),
            described: lists.lower_described.contains(key),
            person_named: lists.person_named.contains(key),
            needs_place: LEXICON.needs_place.contains(key),
            numbered: matches!(
                key,
                "quân khu"
                    | "quân đoàn"
                    | "sư đoàn"
                    | "lữ đoàn"
                    | "trung đoàn"
                    | "bệnh viện"
                    | "bv"
                    | "trường"
                    | "nhà máy"
                    | "đội"
                    | "xí nghiệp"
                    | "trạm"
                    | "đồn"
                    | "công ty"
                    | "tổng công ty"
                    | "bộ tư lệnh"
                    | "hạm đội"
            ),
            abroad: matches!(
                key,
                "hội" | "hiệp hội" | "chi hội" | "phòng" | "văn phòng" | "liên hiệp" | "hội đồng"
            ),
            not_after: lists.not_after.iter().position(|(h, _)| *h == key),
        }
    }

    /// The props of the key [`Ctx::head_key`] gave.
    fn of_head(key: &'static str) -> Self {
        HEAD_PROPS
            .get(&(key.as_ptr() as usize))
            .copied()
            .unwrap_or_else(|| HeadProps::of(key))
    }
}

/// What the rules know about the head a tail follows.
struct HeadInfo {
    kind: HeadKind,
    /// Schools, companies …: a person's name may be part of the body's name.
    person_named: bool,
    /// Heads that take a lowercase description before the name ("Nhà máy sản xuất …").
    described: bool,
    /// Associations: "Hội người Việt Nam tại Singapore".
    abroad: bool,
    /// The head follows a capitalised word.
    after_name: bool,
    /// Units named by a number ("Quân khu 1", "Bệnh viện 115").
    numbered: bool,
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
    /// Token index one past the last lowercase description word ("thăm dò khai thác").
    desc_end: usize,
}

/// Parses the name after a head that ends at token `j`. `person_named` heads (schools,
/// companies …) may carry a person's name; for the others a surname after the name starts the
/// name of the person holding the office ("Bộ GTVT Nguyễn Văn A").
fn tail(cx: &Ctx, j: usize, head: &HeadInfo) -> Tail {
    let person_named = head.person_named;
    let mut t = Tail {
        end: j,
        // A complete head ("Văn phòng Chính phủ") is already a name.
        name: head.kind == HeadKind::Complete,
        ..Default::default()
    };
    // Whether the last consumed words were a lowercase description ("nhà máy sản xuất …").
    let mut in_description = head.described;
    let mut k = j;
    // Capitalised words in a row just consumed: after a proper name ("Việt Nam"), a lowercase
    // word is the sentence going on, not the name.
    let mut caps_run = 0usize;
    while cx.toks.has(k) {
        let tok = cx.toks[k];
        match tok.kind {
            TokenKind::Word => {
                let w = cx.text(k);
                let lower = !is_capitalised(w) && !w.chars().any(|c| c.is_ascii_digit());
                // A parent body glued after the unit ("Ban Tuyên giáo Tỉnh ủy"): its head
                // words are part of the name.
                let person_next = t.name && !person_named && starts_person(cx, k);
                if !lower && !person_next {
                    if let Some((_, hw)) = cx.head_at(k).filter(|(kind, hw)| {
                        matches!(kind, HeadKind::Local | HeadKind::Complete)
                            || cx.cap(k + hw)
                            || (cx.toks.has(k + hw) && cx.toks[k + hw].kind == TokenKind::Number)
                    }) {
                        t.name = true;
                        k += hw;
                        t.end = k;
                        caps_run = 0;
                        continue;
                    }
                }
                // "xã hội", "thành phố" as ordinary words: a compound wins over a place word.
                let compound_next = cx.word(k + 1) && cx.compound(k, k + 1);
                if !compound_next {
                    if let Some(pw) = cx.place_word_at(k) {
                        if let Some(m) = place_name(cx, k + pw) {
                            t.place = true;
                            t.name = true;
                            k = m;
                            t.end = k;
                            caps_run = 2;
                            continue;
                        }
                        // A place word alone: "UBND tỉnh".
                        if t.end == k {
                            t.bare_place = true;
                            t.end = k + pw;
                        }
                        break;
                    }
                }
                if !lower {
                    // Asked above already: nothing read since changes the answer.
                    if person_next {
                        break;
                    }

                    t.name = true;
                    k += 1;
                    t.end = k;
                    // A country closes the name: "Bộ Ngoại giao Trung Quốc Lục Khảng".
                    // Two syllables at least: "Anh", "Đức", "Pháp" are also names and words.
                    let country = LISTS.country_ends.contains(cx.low(k - 1))
                        && (2..=3).any(|n| {
                            k >= j + n
                                && cx
                                    .with_phrase(k - n, n, |p| LISTS.countries.contains(p))
                                    .unwrap_or(false)
                        });
                    if country && cx.cap(k) && cx.head_at(k).is_none() && !is_all_caps(cx.text(k)) {
                        break;
                    }
                    // After an acronym name ("Hội NDVN"), lowercase words are the sentence.
                    if is_all_caps(w) && LEXICON.expansion(w).is_none() {
                        in_description = false;
                    }
                    // Acronyms ("TNHH MTV") are not a proper name the sentence goes on after.
                    caps_run = if is_all_caps(w) { 0 } else { caps_run + 1 };
                    continue;
                }
                // Lowercase: a place ends the name ("UBND tỉnh Hải Dương xây dựng …").
                if t.place {
                    break;
                }
                let low = cx.low(k);
                if low == "tại" && head.abroad && t.name && cx.cap(k + 1) {
                    k += 1;
                    caps_run = 0;
                    continue;
                }
                if low == "và" && in_description && cx.compound(k + 1, k + 2) {
                    // "Công ty cổ phần Đầu tư và xây dựng giao thông …".
                    k += 1;
                    continue;
                }
                if low == "và" {
                    // "Bộ Tài nguyên và Môi trường", not "UBND tỉnh A và Công an tỉnh B" nor
                    // "Công ty A và B": the part after "và" reads like a field.
                    let field = cx.cap(k + 1)
                        && cx.head_at(k + 1).is_none()
                        && (cx.compound(k + 1, k + 2)
                            || LEXICON.expansion(cx.text(k + 1)).is_some());
                    // Not after a proper name: "trường THCS Đồng Thắng và Mầm non …" are two.
                    if t.name && field && caps_run < 2 {
                        k += 1;
                        caps_run = 0;
                        continue;
                    }
                    break;
                }
                if low == "số" && cx.toks.has(k + 1) && cx.toks[k + 1].kind == TokenKind::Number {
                    // "Nhà máy DAP số 2": the number ends the name.
                    t.name = true;
                    t.end = k + 2;
                    break;
                }
                let after_word = k > j && cx.word(k - 1) && k == t.end.max(k);
                // The second syllable of a compound begun by the previous word ("Y tế").
                if k > j && cx.word(k - 1) && cx.compound(k - 1, k) {
                    k += 1;
                    if t.name {
                        t.end = k;
                    }
                    caps_run = 0;
                    continue;
                }
                let _ = after_word;
                // A Vietnamese word capitalised on its first syllable ("Sức khỏe", "Lý luận"):
                // after one capitalised syllable, a lowercase one with diacritics completes it.
                if caps_run == 1
                    && k > j
                    && !cx.is_stop(k)
                    && !LISTS.countries.contains(cx.low(k - 1))
                    && !cx.text(k - 1).is_ascii()
                    && !cx.text(k).is_ascii()
                    && !is_all_caps(cx.text(k - 1))
                    && cx.toks[k].space_before
                    && !cx.compound(k, k + 1)
                {
                    k += 1;
                    if t.name {
                        t.end = k;
                    }
                    caps_run = 0;
                    continue;
                }
                if caps_run >= 2 {
                    break;
                }
                // A whole lowercase compound ("vận tải", "tiểu học").
                if compound_next {
                    in_description = true;
                    k += 2;
                    t.desc_end = k;
                    if t.name {
                        t.end = k;
                    }
                    caps_run = 0;
                    continue;
                }
                if cx.is_stop(k) {
                    break;
                }
                // Unknown lowercase words bridging to a capitalised word right after
                // ("Nhà máy đóng tàu Dung Quất").
                if !(in_description || (k == j && head.kind != HeadKind::Local)) {
                    break;
                }
                let mut m = k;
                while cx.toks.has(m) && m < k + 3 && cx.word(m) && !is_capitalised(cx.text(m)) {
                    if cx.is_stop(m) || cx.place_word_at(m).is_some() {
                        break;
                    }
                    m += 1;
                }
                if m > k && cx.cap(m) && cx.head_at(m).is_none() && !starts_person(cx, m) {
                    k = m;
                    caps_run = 0;
                    continue;
                }
                break;
            }
            TokenKind::Number => {
                // "Bệnh viện 115", "Quân khu 1", "DAP 2": a short number after the head or an
                // acronym.
                let short = cx.text(k).len() <= 3;
                let after_acronym = k > j && cx.word(k - 1) && is_all_caps(cx.text(k - 1));
                // Not after a capitalised word: "Nguyễn Nhựt Trường 3 năm" is a person.
                if short && k == j && head.numbered && !head.after_name {
                    t.name = true;
                    k += 1;
                    t.end = k;
                    caps_run = 0;
                    continue;
                }
                if short && after_acronym {
                    // "Nhà máy DAP 2 Lào Cai": the number ends the name.
                    t.name = true;
                    t.end = k + 1;
                    break;
                }
                break;
            }
            TokenKind::Punct => {
                let p = cx.text(k);
                // "Thăng Long - Hà Nội", "Chữ thập đỏ - Trăng lưỡi liềm đỏ".
                if matches!(p, "-" | "–" | "&")
                    && t.name
                    && t.end == k
                    && cx.cap(k + 1)
                    && cx.place_word_at(k + 1).is_none()
                    && !starts_person(cx, k + 1)
                {
                    k += 1;
                    caps_run = 0;
                    continue;
                }
                break;
            }
        }
    }
    t
}

/// The name of a place after a place word: capitalised words, or a number ("quận 9"). Returns
/// the token index one past it.
fn place_name(cx: &Ctx, from: usize) -> Option<usize> {
    if cx.toks.has(from) && cx.toks[from].kind == TokenKind::Number {
        return Some(from + 1);
    }
    let mut m = from;
    // "UBND tỉnh Nguyễn Văn A": three capitalised words from a surname are a person.
    if starts_person(cx, from) && cx.cap(from + 2) {
        return None;
    }
    while cx.toks.has(m) && cx.cap(m) {
        // A surname after the place's first word starts a person ("quận Hoàng Mai Nguyễn …").
        if m > from && (cx.head_at(m).is_some() || starts_person(cx, m)) {
            break;
        }
        m += 1;
    }
    (m > from).then_some(m)
}

/// A common surname followed by a capitalised word: a person's name starts at `k`.
fn starts_person(cx: &Ctx, k: usize) -> bool {
    let surname = |k: usize| {
        cx.cap(k)
            && cx.cap(k + 1)
            && cx.toks[k + 1].space_before
            && LEXICON.surnames.contains(cx.text(k))
    };
    // "quận Hoàng Mai Nguyễn Văn A": the person starts at the second surname.
    let middle =
        cx.cap(k) && cx.cap(k + 2) && cx.word(k + 1) && matches!(cx.text(k + 1), "Thị" | "Văn");
    (surname(k) && !surname(k + 1)) || middle
}

pub fn is_u_squad(w: &str) -> bool {
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
    !w.is_empty() && (LEXICON.compound_first.contains(w) || LEXICON.place_first.contains(w))
}

/// "U16" or "U.16" at `a`.
pub fn squad_word(src: &str, a: usize) -> &str {
    let r = &src[a..];
    let end = r
        .char_indices()
        .skip(1)
        .find(|&(i, c)| !(c.is_ascii_digit() || (c == '.' && i == 1)))
        .map_or(r.len(), |(i, _)| i);
    &r[..end]
}

/// Buffers of [`scan`] reused from window to window: one set per article.
#[derive(Default)]
pub struct Buffers<'a> {
    toks: Vec<Token>,
    memo: Vec<Memo<'a>>,
    scratch: String,
    lead: String,
    canon: String,
    /// The canonical word before a window.
    prev: String,
    /// The window starts of one block.
    triggers: Vec<usize>,
    /// The spans of one block, as [`scan`] gives them.
    spans: Vec<Span>,
}

impl Buffers<'_> {
    /// Whether the buffers are no bigger than a long block needs, to be kept for the next.
    pub fn is_small(&self) -> bool {
        const MAX: usize = 1 << 12;
        self.toks
            .capacity()
            .max(self.memo.capacity())
            .max(self.triggers.capacity())
            .max(self.spans.capacity())
            <= MAX
            && self.scratch.capacity().max(self.lead.capacity()) <= MAX
            && self.canon.capacity().max(self.prev.capacity()) <= MAX
    }

    /// The same buffers for a text of another lifetime: the memo, emptied, keeps its room
    /// (collecting a vector's iterator into one of the same layout reuses its allocation).
    pub fn recycle<'b>(mut self) -> Buffers<'b> {
        self.memo.clear();
        Buffers {
            toks: self.toks,
            memo: self.memo.into_iter().map(|_| unreachable!()).collect(),
            scratch: self.scratch,
            lead: self.lead,
            canon: self.canon,
            prev: self.prev,
            triggers: self.triggers,
            spans: self.spans,
        }
    }

    /// Buffers with room for a usual window and block: growing them from empty in every
    /// article costs more than the few bytes.
    pub fn with_room() -> Self {
        Buffers {
            toks: Vec::with_capacity(64),
            memo: Vec::with_capacity(64),
            scratch: String::with_capacity(64),
            lead: String::with_capacity(128),
            canon: String::with_capacity(64),
            prev: String::with_capacity(64),
            triggers: Vec::with_capacity(32),
            spans: Vec::with_capacity(16),
        }
    }
}

/// Finds the candidate spans of one block, left to right, never overlapping (in a list of
/// `bufs`, kept from block to block).
pub fn scan<'a, 'b>(
    src: &'a str,
    heads: &[(usize, usize, Option<HeadKind>)],
    bufs: &'b mut Buffers<'a>,
) -> &'b [Span] {
    bufs.spans.clear();
    let mut pos = 0;
    let triggers = &mut bufs.triggers;
    triggers.clear();
    triggers.extend(
        heads
            .iter()
            .filter(|(_, e, kind)| kind.is_none_or(|k| worth_a_look(src, *e, k)))
            .map(|(a, _, _)| *a),
    );
    triggers.sort_unstable();
    triggers.dedup();
    for &a in bufs.triggers.iter() {
        if a < pos {
            continue;
        }
        let b = window_end(src, a);
        let win = &src[a..b];
        let (prev, prev_cap) = previous_word(src, a, &mut bufs.prev);
        if let Some(w) = leading_word(win) {
            if dead_end(w, prev, &mut bufs.canon, &mut bufs.scratch) {
                continue;
            }
        }
        // The rules seldom read past a window's first few tokens: tokenize those, and the
        // whole window only when the rules asked about a token past them (then read again).
        let mut max = FIRST_TOKENS;
        let found = loop {
            let whole = tokenize_some_into(win, &mut bufs.toks, max);
            let cx = Ctx::new(
                win,
                &bufs.toks,
                (
                    std::mem::take(&mut bufs.memo),
                    std::mem::take(&mut bufs.scratch),
                    std::mem::take(&mut bufs.lead),
                    std::mem::take(&mut bufs.canon),
                ),
            );
            let found = rule_at(&cx, prev, prev_cap);
            let short = !whole && cx.toks.short.get();
            (bufs.memo, bufs.scratch, bufs.lead, bufs.canon) = cx.into_buffers();
            if !short {
                break found;
            }
            max = usize::MAX;
        };
        if let Some((mut sp, next)) = found {
            sp.start += a;
            sp.end += a;
            // "PC67-Công an TP.HCM": a unit's code glued before its parent body.
            if let Some(code_start) = glued_code_before(src, sp.start) {
                if code_start >= pos {
                    sp.start = code_start;
                }
            }
            if let Some((x, y)) = sp.abbr.as_mut() {
                *x += a;
                *y += a;
            }
            pos = a + next;
            bufs.spans.push(sp);
        }
    }
    &bufs.spans
}

/// Whether [`rule_at`] finds nothing in a window that opens with the word (or number) `w`
/// after the canonical word `prev`, told before the window is tokenized:
/// - a lowercase word no lowercase head starts with (every rule before its test of lowercase
///   heads only rejects);
/// - a word that ends a compound begun by `prev` ("thị trường", "cơ sở", "xã hội") or follows
///   a street word ("đường Trường Chinh"): the first test of [`rule_at`] after the head.
fn dead_end(w: &str, prev: &str, canon: &mut String, pair: &mut String) -> bool {
    let cap = is_capitalised(w);
    if cap && prev.is_empty() {
        return false;
    }
    let low = canonical_word_in(w, canon);
    if !cap && !LISTS.lowercase_firsts.contains(low) {
        return true;
    }
    // A squad ("U19") is read before the head; a number is no head either way.
    if prev.is_empty() || is_u_squad(w) {
        return false;
    }
    if is_street(prev) {
        return true;
    }
    pair.clear();
    pair.push_str(prev);
    pair.push(' ');
    pair.push_str(low);
    LEXICON.compounds.contains(pair.as_str())
}

/// Words before a street's name: a head after one names the street ("đường Trường Chinh").
fn is_street(prev: &str) -> bool {
    matches!(
        prev,
        "đường" | "phố" | "ngõ" | "hẻm" | "chợ" | "sân" | "bến"
    )
}

/// `lead` begins with the phrase `p`, followed by its end, a space or a hyphen. The first bytes
/// are compared inline: most phrases of a list differ there.
#[inline]
fn starts_phrase(lead: &str, p: &str) -> bool {
    lead.as_bytes().first() == p.as_bytes().first()
        && lead
            .strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '-']))
}

/// How far after a head a name may reach, in bytes.
const WINDOW: usize = 200;

/// The tokens of a window tokenized first: the rules read no further in nearly every window
/// (at ten tokens, 1,554 of 1,582 on the 200 sample articles). A window read past them is
/// tokenized whole and read again, which costs more than three more tokens in every window
/// (callgrind, dev set: ten tokens 114.60M, thirteen 114.27M, sixteen 114.47M).
const FIRST_TOKENS: usize = 13;

/// The bytes that end a clause: `,` `;` `:` `!` `?` `"` and a line break.
const CLAUSE_BREAK: [bool; 256] = {
    let mut t = [false; 256];
    let breaks = *b",;:!?\"\n";
    let mut i = 0;
    while i < breaks.len() {
        t[breaks[i] as usize] = true;
        i += 1;
    }
    t
};

/// The position of the first [`CLAUSE_BREAK`] byte of `s`.
fn clause_break(s: &[u8]) -> Option<usize> {
    let mut at = 0;
    #[cfg(target_arch = "x86_64")]
    while at + 16 <= s.len() {
        // SAFETY: SSE2 is part of the x86_64 baseline; the sixteen bytes are in `s`.
        let mask = unsafe { clause_breaks16(s[at..at + 16].as_ptr()) };
        if mask != 0 {
            return Some(at + mask.trailing_zeros() as usize);
        }
        at += 16;
    }
    s[at..]
        .iter()
        .position(|&c| CLAUSE_BREAK[c as usize])
        .map(|p| at + p)
}

/// A bit per [`CLAUSE_BREAK`] byte of the sixteen bytes at `p`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
unsafe fn clause_breaks16(p: *const u8) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: the caller gives sixteen readable bytes; an unaligned load needs no more.
    let v = unsafe { _mm_loadu_si128(p.cast()) };
    let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
    let any = _mm_or_si128(
        _mm_or_si128(
            _mm_or_si128(eq(b','), eq(b';')),
            _mm_or_si128(eq(b':'), eq(b'!')),
        ),
        _mm_or_si128(_mm_or_si128(eq(b'?'), eq(b'"')), eq(b'\n')),
    );
    _mm_movemask_epi8(any) as u32
}

/// Where a name starting at `a` must end at the latest: a clause break or [`WINDOW`] bytes.
fn window_end(src: &str, a: usize) -> usize {
    let bytes = src.as_bytes();
    let mut b = (a + WINDOW).min(src.len());
    if let Some(p) = clause_break(&bytes[a..b]) {
        b = a + p;
    }
    while !src.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// The canonical word right before byte `a` (after spaces), if any, and whether the text
/// before the spaces ends with a capitalised word.
fn previous_word<'s>(src: &'s str, a: usize, buf: &'s mut String) -> (&'s str, bool) {
    let before = &src[..a];
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !is_alphanumeric(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let last = &trimmed[start..];
    let cap = trimmed.len() < a && last.chars().next().is_some_and(char::is_uppercase);
    if trimmed.len() == before.len() && !before.is_empty() {
        return ("", cap);
    }
    (canonical_word_in(last, buf), cap)
}

/// The rule at token 0 of a window: a span and the byte offset where scanning may resume.
fn rule_at(cx: &Ctx, prev: &str, prev_capitalised: bool) -> Option<(Span, usize)> {
    let toks = &cx.toks;
    let src = cx.src;
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
        // "U19 Quốc gia".
        if cx.compound(m - 1, m) {
            m += 1;
        }
        let sp = span(toks, i, m, Strength::Strong);
        let next = sp.end;
        return Some((sp, next));
    }
    let (kind, hw) = cx.head_at(i)?;
    let key = cx.head_key(i)?;
    let props = HeadProps::of_head(key);
    let lower_head = !is_capitalised(w);
    let lists = &*LISTS;
    // "Quốc phòng", "nội bộ": the head word ends a compound begun before it; "đường Trường
    // Chinh" is a street. [`scan`] asked that before tokenizing (see [`dead_end`]).
    debug_assert!(
        prev.is_empty()
            || !(is_street(prev) || {
                let pair = format!("{prev} {}", cx.low(i));
                LEXICON.compounds.contains(pair.as_str())
            })
    );
    if let Some((_, before)) = props.not_after.map(|k| &lists.not_after[k]) {
        if before.iter().any(|b| b == prev) {
            return None;
        }
    }
    // What the head and the next words say, read together ("Ban Giám khảo", "Tây Ban Nha").
    let mut lead = cx.lead.borrow_mut();
    {
        let l = &mut *lead;
        l.clear();
        l.push_str(prev);
        for k in (0..hw + 3).take_while(|&k| toks.has(k)) {
            if cx.word(k) {
                l.push(' ');
                l.push_str(cx.low(k));
            }
        }
    }
    let lead_words = lead.trim_start();
    if !prev.is_empty() && lists.not_org_prefixes.first_match(lead_words).is_some() {
        return None;
    }
    let lead_words = lead_words
        .strip_prefix(prev)
        .unwrap_or(lead_words)
        .trim_start();
    if lists.not_org_prefixes.first_match(lead_words).is_some() {
        return None;
    }
    // "Đảng ủy Bộ GTVT", "Cơ quan CSĐT Công an tỉnh": the inner body is the one annotated.
    if let Some(c) = lists.cut_before_inner.first_match(lead_words) {
        let words = c.split(' ').count();
        let inner = (0..)
            .take_while(|&k| toks.has(k))
            .filter(|&k| cx.word(k))
            .nth(words);
        if let Some(k) = inner {
            if cx.head_at(k).is_some() || is_all_caps(cx.text(k)) {
                return None;
            }
        }
    }
    // "Vụ OceanBank" is a case, not a department.
    if key == "vụ"
        && (cx.word(i + 1)
            && (is_all_caps(cx.text(i + 1))
                || LEXICON.known_set.contains(cx.text(i + 1))
                || super::is_brand_shaped(cx.text(i + 1)))
            || !cx.toks.get(i + 1).is_some_and(|t| t.space_before))
    {
        return None;
    }
    if lower_head && !props.lowercase {
        return None;
    }
    // "phòng PC67": the unit's code is the name.
    if lower_head
        && matches!(key, "phòng" | "đội")
        && cx.word(i + hw)
        && is_code(cx.text(i + hw))
        && !cx.word(i + hw + 1)
    {
        let sp = span(toks, i + hw, i + hw + 1, Strength::Strong);
        let next = sp.end;
        return Some((sp, next));
    }
    // "toàn bộ Báo Nhân Dân": a lowercase one-word head before another body is a plain word.
    if lower_head && hw == 1 && cx.head_at(i + 1).is_some() {
        return None;
    }
    if lower_head
        && (!props.described || key == "trung tâm")
        && !(cx.cap(i + hw) || cx.place_word_at(i + hw).is_some())
    {
        return None;
    }
    let person_named = props.person_named;
    // "công ty máy tính IBM", "công ty thực phẩm Thụy Sĩ": after a lowercase head and its
    // description, a well-known name is the body and a country names none.
    if lower_head {
        let mut m = i + hw;
        while toks.has(m) && cx.word(m) && !cx.cap(m) && m < i + hw + 4 {
            m += 1;
        }
        if m > i + hw && cx.cap(m) {
            let mut e = m;
            while cx.cap(e) && e < m + 4 {
                e += 1;
            }
            let name = &src[toks[m].start..toks[e - 1].end];
            if lists.countries.contains(canonical(name).as_str()) {
                return None;
            }
            if LEXICON.known_set.contains(name) && name.is_ascii() {
                let sp = span(toks, m, e, Strength::Strong);
                let next = sp.end;
                return Some((sp, next));
            }
        }
    }
    // "công ty Viettel", "báo Nikkei": a well-known name keeps its classifier outside.
    if lower_head {
        let mut m = i + hw;
        while cx.cap(m) && m < i + hw + 4 {
            m += 1;
        }
        if m > i + hw && !cx.cap(m) {
            let name = &src[toks[i + hw].start..toks[m - 1].end];
            // Foreign names drop the classifier ("báo Nikkei" → Nikkei); Vietnamese papers
            // keep it ("báo Tuổi Trẻ").
            // Parties keep "đảng" before a name ("đảng Die Linke"), not before an acronym.
            if LEXICON.known_set.contains(name)
                && name.is_ascii()
                && (key != "đảng" || is_all_caps(name))
            {
                let sp = span(toks, i + hw, m, Strength::Strong);
                let next = sp.end;
                return Some((sp, next));
            }
        }
    }
    let info = HeadInfo {
        kind,
        person_named,
        described: props.described,
        after_name: prev_capitalised,
        numbered: props.numbered,
        abroad: props.abroad,
    };
    let mut t = tail(cx, i + hw, &info);
    // "Trưởng phòng Kiểm định" is an office; "Trưởng phòng CSGT TP.HCM" names the unit.
    if key == "phòng"
        && matches!(prev, "trưởng" | "phó")
        && !(t.place || cx.word(i + hw) && is_all_caps(cx.text(i + hw)) && t.end > i + hw + 1)
    {
        return None;
    }
    let strength = match kind {
        // "Đắk Tờ Re" is a place: a classifier is a lowercase word.
        HeadKind::Classifier if !lower_head || prev_capitalised => return None,
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
        // "Tổng công ty thăm dò khai thác dầu khí (PVEP)": a description alone, confirmed by
        // its abbreviation.
        HeadKind::Named
            if !t.name
                && t.desc_end > i + hw
                && cx.punct(t.desc_end, "(")
                && cx.word(t.desc_end + 1)
                && is_all_caps(cx.text(t.desc_end + 1))
                && cx.punct(t.desc_end + 2, ")") =>
        {
            t.end = t.desc_end;
            Some(Strength::Strong)
        }
        HeadKind::Named => t.name.then_some(Strength::Strong),
        HeadKind::Local => {
            if t.name || t.place {
                if props.needs_place && !t.place {
                    needs_place_ok(cx, i + hw, t.end).then_some(Strength::Strong)
                } else {
                    Some(Strength::Strong)
                }
            } else if t.bare_place && cx.low(t.end - 1) == "tỉnh" {
                // "UBND tỉnh": the province's own body, in an article about one province.
                Some(Strength::TitleLike)
            } else if is_all_caps(w) && hw == 1 && t.end <= i + hw {
                Some(Strength::Bare)
            } else {
                None
            }
        }
    }?;
    let end = t.end.max(i + hw);
    let mut sp = span(toks, i, end, strength);
    // The span's canonical text in the shared buffer: no allocation per span.
    let rejected = {
        let mut text = cx.scratch.borrow_mut();
        text.clear();
        cx.span_canonical_into(i, end, &mut text);
        // A generic body, or the start of one ("Ban Giám" of "Ban Giám khảo").
        lists.generic_starts.contains(text.as_str())
            // "báo Mỹ", "đảng Nga": a country's press or parties.
            || (lower_head
                && matches!(
                    key,
                    "báo" | "tờ" | "hãng" | "công ty" | "tập đoàn" | "đảng"
                )
                && lists
                    .countries
                    .contains(text.splitn(hw + 1, ' ').nth(hw).unwrap_or("")))
    };
    if rejected {
        return None;
    }
    // "Ngân hàng Nhà nước (NHNN)": the abbreviation is its own mention.
    let mut next = sp.end;
    if cx.punct(end, "(") && cx.word(end + 1) && cx.punct(end + 2, ")") {
        let a = cx.text(end + 1);
        if is_all_caps(a) && a.chars().count() <= 10 && abbreviates(a, &src[sp.start..sp.end]) {
            sp.abbr = Some((toks[end + 1].start, toks[end + 1].end));
            next = toks[end + 2].end;
        }
    }
    Some((sp, next))
}

/// The start of a unit's code glued by a hyphen right before `a` ("PC67-").
fn glued_code_before(src: &str, a: usize) -> Option<usize> {
    let before = src[..a].strip_suffix('-')?;
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !is_alphanumeric(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    is_code(&before[start..]).then_some(start)
}

/// A unit's code: capitals and digits ("PC67", "A83").
fn is_code(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether `abbr` can stand for `name`: not the initials of a part of it ("Hiệp hội Phòng cháy
/// chữa cháy (PCCC)" gives PCCC for "Phòng cháy chữa cháy", not for the association).
fn abbreviates(abbr: &str, name: &str) -> bool {
    let initials: String = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "và" | "&" | "-" | "–"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let a: String = abbr
        .chars()
        .filter(|c| is_alpha(*c))
        .flat_map(char::to_lowercase)
        .collect();
    if a.is_empty() || initials.starts_with(&a) || initials == a {
        return true;
    }
    // The initials of a later part of the name: an abbreviation of that part.
    let later: String = initials.chars().skip(1).collect();
    !later.contains(&a)
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
    !LISTS.departments.contains(name.as_str()) && !name.is_empty()
}

/// The departments every province has: "Sở Tài chính" alone does not say which one.
const DEPARTMENTS: &[&str] = &[
    "Nông nghiệp",
    "Văn hóa",
    "Giáo dục",
    "Tài nguyên",
    "Lao động",
    "Thông tin",
    "Kế hoạch",
    "Khoa học",
    "Giao thông",
    "Văn hóa – Thể thao",
    "Văn hóa - Thể thao",
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
    "Văn hóa và Thể thao",
    "Văn hóa Thể thao",
    "Kế hoạch và Đầu tư",
    "Khoa học và Công nghệ",
    "Thông tin và Truyền thông",
    "Thông tin - Truyền thông",
    "Nông nghiệp và Phát triển nông thôn",
    "Ngoại vụ",
];

fn span(toks: &Toks, from: usize, to: usize, strength: Strength) -> Span {
    Span {
        start: toks[from].start,
        end: toks[to - 1].end,
        strength,
        abbr: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A borrowed key is the key [`canonical`] makes, for every list the rules key.
    #[test]
    fn borrowed_keys_are_canonical() {
        let lists: [&[&str]; 8] = [
            LOWERCASE_HEADS,
            LOWER_DESCRIBED,
            PERSON_NAMED,
            NOT_ORG_PREFIXES,
            CUT_BEFORE_INNER,
            GENERIC_BODIES,
            COUNTRIES,
            DEPARTMENTS,
        ];
        let after = NOT_AFTER
            .iter()
            .flat_map(|(h, b)| std::iter::once(h).chain(b.iter()));
        let mut borrowed = 0;
        for w in lists.into_iter().flatten().chain(after) {
            let k = key(w);
            borrowed += usize::from(matches!(k, Cow::Borrowed(_)));
            assert_eq!(k, canonical(w), "{w}");
        }
        assert!(borrowed > 200, "{borrowed}");
    }

    /// The source of `src/lexicon/org_head_forms.rs` for these heads.
    fn head_forms_source() -> String {
        let mut s = String::from(
            "//! @generated by `extract::orgs::scan::tests::generated_head_forms_are_current` from\n\
             //! `HEADS` (every written form of every head, with its index there); do not edit.\n\
             //! To regenerate: `BAO_REGEN=1 cargo test --lib generated_head_forms_are_current`.\n\n\
             #[rustfmt::skip]\n\
             pub(crate) const HEAD_FORMS: &[(&str, u16)] = &[\n",
        );
        for (form, head) in head_forms() {
            s.push_str(&format!("    ({form:?}, {head}),\n"));
        }
        s.push_str("];\n");
        s
    }

    #[test]
    fn generated_head_forms_are_current() {
        crate::generated::check(
            "src/lexicon/org_head_forms.rs",
            &head_forms_source(),
            "generated_head_forms_are_current",
        );
        // And what was compiled in is what the file says.
        let built = head_forms();
        assert_eq!(HEAD_FORMS.len(), built.len());
        for (&(f, h), (bf, bh)) in HEAD_FORMS.iter().zip(&built) {
            assert_eq!((f, h), (bf.as_str(), *bh));
        }
    }

    #[test]
    fn every_head_has_its_props_by_address() {
        for h in LEXICON.heads.values() {
            let key: &'static str = h.key.as_str();
            assert!(HEAD_PROPS.contains_key(&(key.as_ptr() as usize)), "{key}");
            assert_eq!(HeadProps::of_head(key), HeadProps::of(key));
        }
        let trường = HeadProps::of("trường");
        assert!(trường.lowercase && trường.numbered && trường.not_after.is_some());
    }

    #[test]
    fn word_info_is_the_flags_and_the_head_step() {
        for (w, &flags) in &LEXICON.word_flags {
            let w: &str = w;
            let info = WORDS[w];
            assert_eq!(info.flags, flags, "{w}");
            let (head, goes_on) = HEAD_STEPS.get(w).copied().unwrap_or((None, false));
            assert_eq!(info.head.map(|h| &h.key), head.map(|h| &h.key), "{w}");
            assert_eq!(info.goes_on, goes_on, "{w}");
            // Every first word of a head has a step.
            assert!(
                flags & WORD_HEAD_FIRST == 0 || HEAD_STEPS.contains_key(w),
                "{w}"
            );
        }
    }

    #[test]
    fn recycled_buffers_keep_their_room() {
        let text = String::from("Công an tỉnh Nghệ An");
        let mut bufs = Buffers::with_room();
        let heads = [(0, "Công an".len(), Some(HeadKind::Local))];
        assert_eq!(scan(&text, &heads, &mut bufs).len(), 1);
        let room = bufs.memo.capacity();
        assert!(room >= 64);
        let bufs: Buffers<'static> = bufs.recycle();
        // The recycled buffers outlive the text.
        drop(text);
        assert!(bufs.memo.is_empty());
        assert_eq!(bufs.memo.capacity(), room);
    }

    proptest::proptest! {
        /// The sixteen-byte search finds the first clause break, as a byte-at-a-time one does.
        #[test]
        fn clause_break_is_the_first_break_byte(s in "[a-zđ ,;:!?\"\n.'ạ]{0,70}") {
            let b = s.as_bytes();
            let plain = b.iter().position(|&c| b",;:!?\"\n".contains(&c));
            proptest::prop_assert_eq!(clause_break(b), plain);
        }
    }
}
