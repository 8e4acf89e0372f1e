//! The reader's state and its one way to change: [`App::update`] with an [`Action`].
//!
//! No terminal here: keys arrive already mapped to actions (see `keymap`), the terminal size and
//! loaded articles arrive as actions too, so every behaviour is testable with plain values.

use crate::document::{Article, Mention};
use crate::fold::{self, Folded, Hits, Mode};
use crate::layout::Layout;
use crate::positions::Position;
use crate::screen::{self, Screen};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// Default width of the text column.
pub const DEFAULT_TEXT_WIDTH: usize = 88;
pub const MIN_TEXT_WIDTH: usize = 20;
pub const MAX_TEXT_WIDTH: usize = 400;
const WIDTH_STEP: usize = 4;
/// Articles up to this size are laid out at once; bigger ones as far as the screen needs.
const LAY_OUT_AT_ONCE: usize = 1 << 20;
/// Bytes laid out per idle turn of the event loop.
const IDLE_BYTES: usize = 1 << 20;
/// Lines the mouse wheel moves.
const WHEEL_LINES: usize = 3;

/// A command bound to a key: no payload, so the keymap table can hold it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cmd {
    Quit,
    ForceQuit,
    Help,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    FocusNext,
    ToggleList,
    Wider,
    Narrower,
    FullWidth,
    Search,
    SearchAccept,
    /// Start typing a filter in the side list.
    Filter,
    /// Stop typing the filter, keeping it.
    FilterAccept,
    Next,
    Prev,
    Enter,
    Back,
    PrevArticle,
    NextArticle,
}

/// Everything that can change the app.
#[derive(Debug)]
pub enum Action {
    Cmd(Cmd),
    /// The terminal's size in columns and rows.
    Resize(u16, u16),
    /// A typed character (search query or list filter).
    Type(char),
    Backspace,
    /// Mouse wheel at a cell.
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    /// Left click at a cell.
    Click {
        x: u16,
        y: u16,
    },
    /// Nothing happened: a moment for background work (laying out a huge article).
    Idle,
    /// Article `index` finished loading (or failed with a message).
    Loaded {
        index: usize,
        result: Result<Box<Article>, String>,
    },
    /// Article `index` is readable; its people and organisations follow in `Entities` (a big
    /// article is shown before its extraction ends).
    Parsed {
        index: usize,
        article: Arc<Article>,
    },
    /// The people and organisations of article `index`, for a `Parsed` one.
    Entities {
        index: usize,
        entities: crate::document::Entities,
    },
    /// Where article `index` was left last time (sent before it loads), if anywhere.
    Resume {
        index: usize,
        at: Option<Position>,
    },
}

impl From<Cmd> for Action {
    fn from(c: Cmd) -> Self {
        Action::Cmd(c)
    }
}

/// One article of the library.
#[derive(Debug)]
pub enum Slot {
    Loading(PathBuf),
    /// Shared with the thread still finding its entities, for a big article.
    Loaded(Arc<Article>),
    Failed(PathBuf, String),
}

impl Slot {
    pub fn article(&self) -> Option<&Article> {
        match self {
            Slot::Loaded(a) => Some(a),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Library,
    Reader,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Article,
    List,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
}

/// An entity of the current article: a person (author or not) or an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub index: usize,
}

/// The side list's sections, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entries {
    pub people: Vec<EntityRef>,
    pub organisations: Vec<EntityRef>,
    pub authors: Vec<EntityRef>,
}

impl Entries {
    /// All entries in list order (people, organisations, authors).
    pub fn all(&self) -> impl Iterator<Item = EntityRef> + '_ {
        self.people
            .iter()
            .chain(&self.organisations)
            .chain(&self.authors)
            .copied()
    }

    pub fn len(&self) -> usize {
        self.people.len() + self.organisations.len() + self.authors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<EntityRef> {
        self.all().nth(i)
    }
}

/// The reading position of one article, as plain data the shell loads and stores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    /// Where to open it.
    pub at: Option<Position>,
    /// The person left it in this run, so `at` is worth saving.
    pub left: bool,
}

/// What n/N follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looked {
    Search,
    Mention,
}

/// The incremental search.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// Hits as ranges of the article text, in order.
    pub matches: Hits,
    pub current: Option<usize>,
    /// Where the same hits start in the folded text (what the next keystroke refines).
    folded_hits: Vec<u32>,
    /// The transformed query the matches were computed for.
    needle: String,
    mode: Option<Mode>,
    /// Where the view was when the search started (restored on cancel).
    origin: usize,
}

impl Search {
    /// A search is active when it has a query (typed or accepted).
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub slots: Vec<Slot>,
    pub loaded: usize,
    pub view: View,
    /// The article shown in the reader.
    pub current: usize,
    pub library_cursor: usize,
    pub width: u16,
    pub height: u16,
    pub focus: Focus,
    /// The user's choice for the side list; None follows the terminal width.
    pub list_pref: Option<bool>,
    pub text_width: usize,
    pub full_width: bool,
    /// First visible line of the article.
    pub top: usize,
    pub layout: Layout,
    layout_key: Option<(usize, usize)>,
    pub list_cursor: usize,
    pub filter: String,
    /// The filter is being typed (letters go to it rather than to commands).
    pub filter_editing: bool,
    pub selected: Option<EntityRef>,
    /// Mentions of the selected entity, sorted, and the one last jumped to.
    pub mentions: Vec<Range<usize>>,
    pub mention: Option<usize>,
    pub search: Search,
    folded: Option<Folded>,
    /// Articles shown whose people and organisations are still being found.
    pub extracting: std::collections::HashSet<usize>,
    pub last: Looked,
    pub help: bool,
    /// Rows the help is scrolled by (clamped when drawn).
    pub help_scroll: usize,
    pub quit: bool,
    /// False under NO_COLOR: styles use only bold, reverse, underline.
    pub color: bool,
    /// One per slot: where each article was left.
    pub marks: Vec<Mark>,
    /// A position to restore once the current article is laid out for the first time.
    pending: Option<Position>,
}

/// Whether `p` wrote the article, listed apart from the people in it: the extractor says so,
/// or the name is the byline.
pub fn is_author(article: &Article, p: &crate::document::Person) -> bool {
    p.author
        || article
            .byline
            .as_deref()
            .is_some_and(|b| b.trim().eq_ignore_ascii_case(p.name.trim()))
}

impl App {
    /// An app over already loaded articles (tests, single files). Nothing is laid out until
    /// the first `Action::Resize` gives the size.
    pub fn new(articles: Vec<Article>) -> App {
        let slots = articles
            .into_iter()
            .map(|a| Slot::Loaded(Arc::new(a)))
            .collect();
        App::with_slots(slots)
    }

    /// An app whose articles load in the background; `Action::Loaded` fills the slots.
    pub fn loading(paths: Vec<PathBuf>) -> App {
        App::with_slots(paths.into_iter().map(Slot::Loading).collect())
    }

    fn with_slots(slots: Vec<Slot>) -> App {
        let loaded = slots
            .iter()
            .filter(|s| !matches!(s, Slot::Loading(_)))
            .count();
        let view = if slots.len() > 1 {
            View::Library
        } else {
            View::Reader
        };
        let marks = vec![Mark::default(); slots.len()];
        let mut app = App {
            slots,
            loaded,
            view,
            current: 0,
            library_cursor: 0,
            // Unknown until the first Resize: nothing is wrapped before then.
            width: 0,
            height: 0,
            focus: Focus::Article,
            list_pref: None,
            text_width: DEFAULT_TEXT_WIDTH,
            full_width: false,
            top: 0,
            layout: Layout::default(),
            layout_key: None,
            list_cursor: 0,
            filter: String::new(),
            filter_editing: false,
            selected: None,
            mentions: Vec::new(),
            mention: None,
            search: Search::default(),
            folded: None,
            extracting: Default::default(),
            last: Looked::Search,
            help: false,
            help_scroll: 0,
            quit: false,
            color: true,
            marks,
            pending: None,
        };
        app.relayout();
        app
    }

    /// The article shown in the reader, once loaded.
    pub fn article(&self) -> Option<&Article> {
        self.slots.get(self.current).and_then(Slot::article)
    }

    pub fn list_visible(&self) -> bool {
        self.list_pref
            .unwrap_or(self.width >= screen::LIST_AUTO_WIDTH)
    }

    pub fn screen(&self) -> Screen {
        self.screen_for(self.width, self.height)
    }

    /// The screen at another size (the renderer draws whatever size the frame has).
    pub fn screen_for(&self, width: u16, height: u16) -> Screen {
        let tw = (!self.full_width).then_some(self.text_width);
        screen::compute(width, height, self.list_visible(), tw)
    }

    /// Rows of article text on screen.
    pub fn page(&self) -> usize {
        self.screen().text.height as usize
    }

    /// The side list's entries after the filter.
    pub fn entries(&self) -> Entries {
        let mut e = Entries::default();
        let Some(a) = self.article() else {
            return e;
        };
        let keep = |names: Vec<&String>| {
            self.filter.is_empty() || names.iter().any(|n| fold::contains(n, &self.filter))
        };
        for (i, p) in a.people.iter().enumerate() {
            let r = EntityRef {
                kind: EntityKind::Person,
                index: i,
            };
            if !keep(std::iter::once(&p.name).chain(&p.aliases).collect()) {
                continue;
            }
            if is_author(a, p) {
                e.authors.push(r);
            } else {
                e.people.push(r);
            }
        }
        for (i, o) in a.organisations.iter().enumerate() {
            let names = std::iter::once(&o.name)
                .chain(&o.abbreviation)
                .chain(&o.expansion)
                .chain(&o.aliases);
            if keep(names.collect()) {
                e.organisations.push(EntityRef {
                    kind: EntityKind::Organisation,
                    index: i,
                });
            }
        }
        e
    }

    /// The mentions of an entity of the current article.
    pub fn entity_mentions(&self, r: EntityRef) -> &[Mention] {
        let Some(a) = self.article() else {
            return &[];
        };
        match r.kind {
            EntityKind::Person => a.people.get(r.index).map(|p| &p.mentions[..]),
            EntityKind::Organisation => a.organisations.get(r.index).map(|o| &o.mentions[..]),
        }
        .unwrap_or(&[])
    }

    pub fn entity_name(&self, r: EntityRef) -> &str {
        let Some(a) = self.article() else {
            return "";
        };
        match r.kind {
            EntityKind::Person => a.people.get(r.index).map(|p| p.name.as_str()),
            EntityKind::Organisation => a.organisations.get(r.index).map(|o| o.name.as_str()),
        }
        .unwrap_or("")
    }

    /// The largest useful `top`.
    pub fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.page())
    }

    /// The first line of the list shown, so that the cursor row stays visible.
    pub fn list_offset(&self, rows: usize) -> usize {
        let cursor_row = self.list_row_of_cursor();
        (cursor_row + 1).saturating_sub(rows.max(1))
    }

    /// The list as rows: section headings and entries, in drawing order.
    pub fn list_rows(&self) -> Vec<ListRow> {
        let e = self.entries();
        let mut rows = Vec::with_capacity(e.len() + 6);
        if !self.filter.is_empty() || self.filter_editing {
            rows.push(ListRow::Filter);
        }
        let mut n = 0;
        for (title, items) in [
            (Section::People, &e.people),
            (Section::Organisations, &e.organisations),
            (Section::Authors, &e.authors),
        ] {
            if items.is_empty() && title == Section::Authors {
                continue;
            }
            rows.push(ListRow::Heading(title, items.len()));
            for r in items {
                rows.push(ListRow::Entry(n, *r));
                n += 1;
            }
        }
        rows
    }

    fn list_row_of_cursor(&self) -> usize {
        self.list_rows()
            .iter()
            .position(|r| matches!(r, ListRow::Entry(i, _) if *i == self.list_cursor))
            .unwrap_or(0)
    }

    /// Position through the article, in percent of lines seen (of bytes, while a huge article
    /// is still being laid out).
    pub fn percent(&self) -> usize {
        let len = self.layout.len();
        if len == 0 {
            return 100;
        }
        if !self.layout.complete() {
            let total = self.article().map_or(1, |a| a.text.len().max(1));
            let bottom = self
                .layout
                .lines
                .get(self.top + self.page())
                .map_or(total, |l| l.anchor());
            return (bottom.min(total) * 100) / total;
        }
        ((self.top + self.page()).min(len) * 100) / len
    }

    /// The number of lines of the article: exact once laid out, estimated before.
    pub fn total_lines(&self) -> usize {
        let len = self.layout.len();
        match self.article() {
            Some(a) if !self.layout.complete() => {
                let done = self.layout.laid_until(a).max(1);
                (len as u128 * a.text.len() as u128 / done as u128) as usize
            }
            _ => len,
        }
    }

    /// Whether there is background work (laying out the rest of a huge article).
    ///
    /// None while the current article's entities are still being found: that pass is the
    /// memory peak of a huge article, and the rest of its layout (as big as a tenth of the
    /// text) can wait until the pass is over. What the screen or a key needs is laid out anyway.
    pub fn has_idle_work(&self) -> bool {
        !self.layout.complete()
            && self.article().is_some()
            && !self.extracting.contains(&self.current)
    }

    /// Runs `f` on the layout and the current article (split borrows of `self`).
    fn with_layout(&mut self, f: impl FnOnce(&mut Layout, &Article)) {
        if let Some(a) = self.slots.get(self.current).and_then(Slot::article) {
            f(&mut self.layout, a);
        }
    }

    /// Makes sure lines exist through `n` (a huge article is laid out as it is read).
    fn ensure_lines(&mut self, n: usize) {
        if !self.layout.complete() {
            self.with_layout(|l, a| l.extend_lines(a, n));
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Cmd(c) => self.command(c),
            Action::Resize(w, h) => {
                self.width = w;
                self.height = h;
                self.relayout();
            }
            Action::Type(c) => self.type_char(c),
            Action::Backspace => self.backspace(),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            Action::Click { x, y } => self.click(x, y),
            Action::Loaded { index, result } => self.loaded(index, result),
            Action::Idle => self.with_layout(|l, a| l.extend_bytes(a, IDLE_BYTES)),
            Action::Parsed { index, article } => {
                self.loaded_arc(index, Ok(article));
                self.extracting.insert(index);
            }
            Action::Resume { index, at } => {
                if let Some(m) = self.marks.get_mut(index) {
                    m.at = at;
                }
                // The article shown first (a single file) opens there once it has loaded.
                if index == self.current && self.layout_key.map(|k| k.0) != Some(index) {
                    self.pending = at;
                }
            }
            Action::Entities { index, entities } => {
                if let Some(Slot::Loaded(a)) = self.slots.get_mut(index) {
                    // The loader has let go of it by now, so this does not copy.
                    Arc::make_mut(a).set_entities(entities);
                }
                self.extracting.remove(&index);
                if index == self.current {
                    self.list_cursor = 0;
                    self.selected = None;
                    self.mentions.clear();
                    self.mention = None;
                }
            }
        }
    }

    fn command(&mut self, c: Cmd) {
        use Cmd::*;
        match c {
            Quit | ForceQuit => {
                self.leave();
                self.quit = true;
            }
            Help => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Down if self.help => self.help_scroll = (self.help_scroll + 1).min(200),
            Up if self.help => self.help_scroll = self.help_scroll.saturating_sub(1),
            _ if self.help => self.help = false,
            _ if self.view == View::Library => self.library_command(c),
            Down => self.move_by(1, true),
            Up => self.move_by(1, false),
            PageDown => self.move_by(self.page().saturating_sub(1).max(1), true),
            PageUp => self.move_by(self.page().saturating_sub(1).max(1), false),
            HalfDown => self.move_by((self.page() / 2).max(1), true),
            HalfUp => self.move_by((self.page() / 2).max(1), false),
            Top => {
                if self.focus == Focus::List {
                    self.list_cursor = 0;
                } else {
                    self.top = 0;
                }
            }
            Bottom => {
                if self.focus == Focus::List {
                    self.list_cursor = self.entries().len().saturating_sub(1);
                } else {
                    self.with_layout(|l, a| l.finish(a));
                    self.top = self.max_top();
                }
            }
            FocusNext => {
                if !self.list_visible() {
                    self.list_pref = Some(true);
                    self.relayout();
                    self.focus = Focus::List;
                } else {
                    self.focus = match self.focus {
                        Focus::Article => Focus::List,
                        Focus::List => Focus::Article,
                    };
                }
                self.filter_editing = false;
            }
            ToggleList => {
                self.list_pref = Some(!self.list_visible());
                if !self.list_visible() {
                    self.focus = Focus::Article;
                    self.filter_editing = false;
                }
                self.relayout();
            }
            Wider => {
                let cur = self.effective_width();
                self.full_width = false;
                self.text_width = (cur + WIDTH_STEP).min(MAX_TEXT_WIDTH);
                self.relayout();
            }
            Narrower => {
                let cur = self.effective_width();
                self.full_width = false;
                self.text_width = cur.saturating_sub(WIDTH_STEP).max(MIN_TEXT_WIDTH);
                self.relayout();
            }
            FullWidth => {
                self.full_width = !self.full_width;
                self.relayout();
            }
            Search => {
                self.search = self::Search {
                    editing: true,
                    origin: self.top,
                    ..Default::default()
                };
                self.last = Looked::Search;
            }
            SearchAccept => {
                self.search.editing = false;
                if !self.search.active() {
                    self.search = self::Search::default();
                }
            }
            Filter => {
                if self.focus == Focus::List {
                    self.filter_editing = true;
                    self.list_cursor = 0;
                }
            }
            FilterAccept => self.filter_editing = false,
            Next => self.next(true),
            Prev => self.next(false),
            Enter => {
                if self.focus == Focus::List {
                    if let Some(r) = self.entries().get(self.list_cursor) {
                        self.select(r);
                    }
                }
            }
            Back => self.back(),
            PrevArticle => self.step_article(false),
            NextArticle => self.step_article(true),
        }
    }

    /// The text column's width as it is now (what +/- step from).
    fn effective_width(&self) -> usize {
        self.screen().text.width as usize
    }

    fn library_command(&mut self, c: Cmd) {
        let n = self.slots.len();
        let rows = self.height.saturating_sub(2).max(1) as usize;
        let cur = &mut self.library_cursor;
        match c {
            Cmd::Down | Cmd::NextArticle => *cur = (*cur + 1).min(n.saturating_sub(1)),
            Cmd::Up | Cmd::PrevArticle => *cur = cur.saturating_sub(1),
            Cmd::PageDown | Cmd::HalfDown => *cur = (*cur + rows).min(n.saturating_sub(1)),
            Cmd::PageUp | Cmd::HalfUp => *cur = cur.saturating_sub(rows),
            Cmd::Top => *cur = 0,
            Cmd::Bottom => *cur = n.saturating_sub(1),
            Cmd::Enter => self.open(self.library_cursor),
            _ => {}
        }
    }

    /// Opens article `i` in the reader, if it has loaded.
    pub fn open(&mut self, i: usize) {
        if self.slots.get(i).and_then(Slot::article).is_none() {
            return;
        }
        self.leave();
        self.current = i;
        self.library_cursor = i;
        self.view = View::Reader;
        self.reset_article_state();
        self.pending = self.marks.get(i).and_then(|m| m.at);
        if self.layout_key.map(|k| k.0) == Some(i) {
            // Laid out already (reopened from the library): relayout keeps it, so restore here.
            if let Some(p) = self.pending.take() {
                self.restore_to(p);
            }
        }
        self.relayout();
    }

    /// Records where the current article is, for the next time it opens (this run or the
    /// next): on quitting, switching article and going back to the library. Idempotent.
    pub fn leave(&mut self) {
        if self.view != View::Reader
            || self.layout_key.map(|k| k.0) != Some(self.current)
            || self.layout.lines.is_empty()
        {
            return;
        }
        let (offset, rank) = self.layout.position(self.top);
        if let Some(m) = self.marks.get_mut(self.current) {
            m.at = Some(Position { offset, rank });
            m.left = true;
        }
    }

    /// Puts the line at position `p` at the top (a position from another width or run).
    fn restore_to(&mut self, p: Position) {
        if !self.layout.complete() {
            self.with_layout(|l, a| l.extend_offset(a, p.offset));
        }
        self.top = self.layout.restore((p.offset, p.rank));
        self.ensure_lines(self.top + 2 * self.page());
        self.top = self.top.min(self.max_top());
    }

    fn reset_article_state(&mut self) {
        self.top = 0;
        self.focus = Focus::Article;
        self.list_cursor = 0;
        self.filter.clear();
        self.filter_editing = false;
        self.selected = None;
        self.mentions.clear();
        self.mention = None;
        self.search = Search::default();
        self.folded = None;
    }

    fn step_article(&mut self, forward: bool) {
        let n = self.slots.len();
        let mut i = self.current;
        loop {
            i = if forward {
                i + 1
            } else {
                match i.checked_sub(1) {
                    Some(i) => i,
                    None => return,
                }
            };
            if i >= n {
                return;
            }
            if self.slots[i].article().is_some() {
                self.open(i);
                return;
            }
        }
    }

    fn back(&mut self) {
        if self.search.editing {
            let origin = self.search.origin;
            self.search = Search::default();
            self.top = origin.min(self.max_top());
        } else if self.search.active() {
            self.search = Search::default();
        } else if self.focus == Focus::List && (self.filter_editing || !self.filter.is_empty()) {
            self.filter.clear();
            self.filter_editing = false;
            self.list_cursor = 0;
        } else if self.selected.is_some() {
            self.selected = None;
            self.mentions.clear();
            self.mention = None;
        } else if self.slots.len() > 1 {
            self.leave();
            self.view = View::Library;
            self.library_cursor = self.current;
        }
    }

    fn move_by(&mut self, n: usize, down: bool) {
        if self.focus == Focus::List {
            let len = self.entries().len();
            self.list_cursor = if down {
                (self.list_cursor + n).min(len.saturating_sub(1))
            } else {
                self.list_cursor.saturating_sub(n)
            };
        } else {
            self.scroll(n, down);
        }
    }

    fn scroll(&mut self, n: usize, down: bool) {
        if down {
            let want = self.top.saturating_add(n).saturating_add(self.page());
            self.ensure_lines(want);
        }
        self.top = if down {
            self.top.saturating_add(n).min(self.max_top())
        } else {
            self.top.saturating_sub(n)
        };
    }

    /// Selects an entity: its mentions are highlighted and the view jumps to the first.
    pub fn select(&mut self, r: EntityRef) {
        let mut m: Vec<Range<usize>> = self.entity_mentions(r).iter().map(|m| m.range()).collect();
        m.sort_by_key(|r| (r.start, r.end));
        self.selected = Some(r);
        self.mentions = m;
        self.last = Looked::Mention;
        if let Some(i) = self.entries().all().position(|e| e == r) {
            self.list_cursor = i;
        }
        if self.mentions.is_empty() {
            self.mention = None;
        } else {
            self.mention = Some(0);
            self.reveal(self.mentions[0].start);
        }
    }

    /// n / N: the next search hit if searching was the last thing looked for (or the only one),
    /// else the next mention of the selected entity.
    fn next(&mut self, forward: bool) {
        let searching = self.search.active() && !self.search.matches.is_empty();
        let mentions = !self.mentions.is_empty();
        let use_search = match self.last {
            Looked::Search => searching || !mentions,
            Looked::Mention => searching && !mentions,
        };
        if use_search {
            if !searching {
                return;
            }
            let n = self.search.matches.len();
            let i = match self.search.current {
                Some(c) => step(c, n, forward),
                None => {
                    let before = self.search.matches.starting_before(self.top_offset());
                    first_hit(before, n, forward)
                }
            };
            self.search.current = Some(i);
            let at = self.search.matches.get(i).map_or(0, |r| r.start);
            self.reveal(at);
        } else if mentions {
            let n = self.mentions.len();
            let i = match self.mention {
                Some(c) => step(c, n, forward),
                None => {
                    let from = self.top_offset();
                    first_hit(
                        self.mentions.partition_point(|r| r.start < from),
                        n,
                        forward,
                    )
                }
            };
            self.mention = Some(i);
            self.reveal(self.mentions[i].start);
        }
    }

    /// The article offset at the top of the view.
    fn top_offset(&self) -> usize {
        self.layout.lines.get(self.top).map_or(0, |l| l.anchor())
    }

    /// Scrolls so the line showing `offset` is in view, a third down when it was not.
    fn reveal(&mut self, offset: usize) {
        let page = self.page().max(1);
        if !self.layout.complete() {
            self.with_layout(|l, a| l.extend_offset(a, offset));
            let line = self.layout.line_of(offset);
            self.ensure_lines(line + page);
        }
        let line = self.layout.line_of(offset);
        if line < self.top || line >= self.top + page {
            self.top = line.saturating_sub(page / 3).min(self.max_top());
        }
    }

    fn type_char(&mut self, c: char) {
        if self.search.editing {
            self.search.query.push(c);
            self.research();
        } else if self.view == View::Reader && self.focus == Focus::List && self.filter_editing {
            self.filter.push(c);
            self.list_cursor = 0;
        }
    }

    fn backspace(&mut self) {
        if self.search.editing {
            self.search.query.pop();
            self.research();
        } else if self.view == View::Reader && self.focus == Focus::List && self.filter_editing {
            self.filter.pop();
            self.list_cursor = 0;
        }
    }

    /// Recomputes the hits after the query changed: one pass over the (once folded) text, or
    /// only the previous hits when the query grew.
    fn research(&mut self) {
        let Some(article) = self.slots.get(self.current).and_then(Slot::article) else {
            return;
        };
        let q = &self.search.query;
        if q.is_empty() {
            self.search.matches.clear();
            self.search.folded_hits.clear();
            self.search.current = None;
            self.search.needle.clear();
            self.search.mode = None;
            self.top = self.search.origin.min(self.max_top());
            return;
        }
        let mode = fold::mode_for(q);
        let needle = fold::transform(q, mode);
        if self.folded.as_ref().is_none_or(|f| f.mode != mode) {
            // The old one (as big as the text) goes first.
            self.folded = None;
            self.folded = Some(Folded::new(&article.text, mode));
        }
        let folded = self.folded.as_ref().expect("just built");
        let refine = self.search.mode == Some(mode)
            && !self.search.needle.is_empty()
            && needle.starts_with(&self.search.needle);
        if refine {
            folded.refine_mapped(
                &article.text,
                &mut self.search.folded_hits,
                &mut self.search.matches,
                &needle,
            );
        } else {
            // The old hits go before the new are found: a short query has millions.
            self.search.folded_hits = Vec::new();
            self.search.matches = Hits::default();
            let hits = folded.find(&needle);
            self.search.matches = folded.to_original(&article.text, &hits, needle.len());
            self.search.folded_hits = hits;
        }
        self.search.needle = needle;
        self.search.mode = Some(mode);
        // The first hit from where the search started.
        let from = self
            .layout
            .lines
            .get(self.search.origin)
            .map_or(0, |l| l.anchor());
        let hits = &self.search.matches;
        if hits.is_empty() {
            self.search.current = None;
            self.top = self.search.origin.min(self.max_top());
        } else {
            let i = hits.starting_before(from);
            let i = if i < hits.len() { i } else { 0 };
            let at = hits.get(i).map_or(0, |r| r.start);
            self.search.current = Some(i);
            self.top = self.search.origin.min(self.max_top());
            self.reveal(at);
        }
    }

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let s = self.screen();
        if self.view == View::Library {
            self.library_command(if down { Cmd::Down } else { Cmd::Up });
            return;
        }
        if s.list.is_some_and(|l| screen::contains(l, x, y)) {
            let len = self.entries().len();
            self.list_cursor = if down {
                (self.list_cursor + WHEEL_LINES).min(len.saturating_sub(1))
            } else {
                self.list_cursor.saturating_sub(WHEEL_LINES)
            };
        } else if screen::contains(s.article, x, y) {
            self.scroll(WHEEL_LINES, down);
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let s = self.screen();
        if self.view == View::Library {
            let row = y as usize;
            // Row 0 is the heading; entries start on row 1.
            if row >= 1 && row < self.height.saturating_sub(1) as usize {
                let i = self.library_offset() + row - 1;
                if i < self.slots.len() {
                    self.library_cursor = i;
                    self.open(i);
                }
            }
            return;
        }
        if screen::contains(s.text, x, y) {
            if let Some(r) = self.entity_at(&s, x, y) {
                self.select(r);
            }
            return;
        }
        if screen::contains(s.list_items, x, y) {
            let rows = self.list_rows();
            let off = self.list_offset(s.list_items.height as usize);
            if let Some(ListRow::Entry(_, r)) = rows.get(off + (y - s.list_items.y) as usize) {
                self.focus = Focus::List;
                self.select(*r);
            }
        }
    }

    /// The entity whose mention is drawn at cell `(x, y)` of the text column, if any.
    fn entity_at(&self, s: &Screen, x: u16, y: u16) -> Option<EntityRef> {
        let a = self.article()?;
        let line = self.layout.lines.get(self.top + (y - s.text.y) as usize)?;
        if line.source != crate::layout::Source::Text {
            return None;
        }
        let col = (x - s.text.x).checked_sub(line.indent)? as usize;
        let text = a.text.get(line.range())?;
        let mut used = 0;
        let mut offset = None;
        for (i, g) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(text, true) {
            used += crate::wrap::grapheme_width(g);
            if used > col {
                offset = Some(line.range().start + i);
                break;
            }
        }
        let offset = offset?;
        let hit = |m: &Mention| m.range().contains(&offset);
        // People first: a name inside an organisation's name is the more specific click.
        let person = a.people.iter().position(|p| p.mentions.iter().any(hit));
        let org = a
            .organisations
            .iter()
            .position(|o| o.mentions.iter().any(hit));
        person
            .map(|index| EntityRef {
                kind: EntityKind::Person,
                index,
            })
            .or(org.map(|index| EntityRef {
                kind: EntityKind::Organisation,
                index,
            }))
    }

    /// The first library row shown, so the cursor stays visible.
    pub fn library_offset(&self) -> usize {
        let rows = self.height.saturating_sub(2).max(1) as usize;
        (self.library_cursor + 1).saturating_sub(rows)
    }

    fn loaded(&mut self, index: usize, result: Result<Box<Article>, String>) {
        self.loaded_arc(index, result.map(Arc::from));
    }

    fn loaded_arc(&mut self, index: usize, result: Result<Arc<Article>, String>) {
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        if !matches!(slot, Slot::Loading(_)) {
            return;
        }
        let path = match std::mem::replace(slot, Slot::Loading(PathBuf::new())) {
            Slot::Loading(p) => p,
            _ => unreachable!("checked above"),
        };
        *slot = match result {
            Ok(a) => Slot::Loaded(a),
            Err(e) => Slot::Failed(path, e),
        };
        self.loaded += 1;
        if index == self.current {
            self.relayout();
        }
    }

    /// Re-wraps the current article when its width changed, keeping the text at the top in view.
    fn relayout(&mut self) {
        if self.width == 0 || self.height == 0 {
            // No size yet (or nothing to draw on): wrapping now would be wasted.
            return;
        }
        let s = self.screen();
        let width = s.text.width.max(1) as usize;
        let key = (self.current, width);
        if self.layout_key != Some(key) {
            let same = self.layout_key.map(|k| k.0) == Some(self.current);
            let pos = if same {
                Some(self.layout.position(self.top))
            } else if self.article().is_some() {
                // First laid out: where it was left, if anywhere.
                self.pending.take().map(|p| (p.offset, p.rank))
            } else {
                None
            };
            match self.slots.get(self.current).and_then(Slot::article) {
                Some(a) => {
                    // A huge article is laid out as far as the screen needs, the rest between
                    // keys (Action::Idle) or when a key needs it.
                    self.layout = Layout::start(a, width);
                    if a.text.len() <= LAY_OUT_AT_ONCE {
                        self.layout.finish(a);
                    } else if let Some((anchor, _)) = pos {
                        self.layout.extend_offset(a, anchor);
                    }
                    self.layout_key = Some(key);
                }
                None => {
                    self.layout = Layout::default();
                    self.layout_key = None;
                }
            }
            if let Some(pos) = pos {
                self.top = self.layout.restore(pos);
            }
        }
        self.ensure_lines(self.top + 2 * self.page());
        self.top = self.top.min(self.max_top());
    }
}

/// Of `n` hits, `before` of them starting before the top of the view: the first at or after
/// it (or the last before it, going back).
fn first_hit(before: usize, n: usize, forward: bool) -> usize {
    if forward {
        if before < n {
            before
        } else {
            0
        }
    } else {
        before.checked_sub(1).unwrap_or(n - 1)
    }
}

fn step(i: usize, n: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

/// Sections of the side list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    People,
    Organisations,
    Authors,
}

/// One row of the side list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListRow {
    Filter,
    Heading(Section, usize),
    /// An entry: its position among entries and the entity.
    Entry(usize, EntityRef),
}
