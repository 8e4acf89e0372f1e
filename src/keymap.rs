//! Keys → actions, from one table that also writes the help overlay.

use crate::app::{Action, App, Cmd, Focus, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere.
    Global,
    /// The article pane and the side list.
    Reader,
    /// The side list has focus.
    List,
    /// The library of articles.
    Library,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Reader => "Reading",
            Context::List => "In the list (Tab)",
            Context::Library => "Library",
        }
    }
}

/// A key with its modifiers (only Ctrl matters; Shift is in the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    pub fn from_event(e: &KeyEvent) -> Key {
        let code = match e.code {
            // Some terminals report Shift-Tab as BackTab; it switches focus too.
            KeyCode::BackTab => KeyCode::Tab,
            c => c,
        };
        Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// How the help overlay names the key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// One binding: keys, the command, where, and what it does (for the help overlay).
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub cmd: Cmd,
    pub description: &'static str,
}

const fn b(context: Context, keys: &'static [Key], cmd: Cmd, description: &'static str) -> Binding {
    Binding {
        context,
        keys,
        cmd,
        description,
    }
}

use Context::{Global, Library, List, Reader};

/// The key table. Earlier entries win when two contexts bind the same key.
pub static BINDINGS: &[Binding] = &[
    b(Global, &[k('q')], Cmd::Quit, "quit"),
    b(Global, &[ctrl('c')], Cmd::ForceQuit, "quit at once"),
    b(
        Global,
        &[k('?'), code(KeyCode::F(1))],
        Cmd::Help,
        "this help",
    ),
    b(
        List,
        &[k('j'), code(KeyCode::Down)],
        Cmd::Down,
        "next entry",
    ),
    b(
        List,
        &[k('k'), code(KeyCode::Up)],
        Cmd::Up,
        "previous entry",
    ),
    b(
        List,
        &[code(KeyCode::Enter)],
        Cmd::Enter,
        "select, go to its first mention",
    ),
    b(
        List,
        &[k('/')],
        Cmd::Filter,
        "type a filter; Enter keeps it",
    ),
    b(List, &[code(KeyCode::Esc)], Cmd::Back, "clear the filter"),
    b(
        Reader,
        &[k('j'), code(KeyCode::Down)],
        Cmd::Down,
        "scroll down a line",
    ),
    b(
        Reader,
        &[k('k'), code(KeyCode::Up)],
        Cmd::Up,
        "scroll up a line",
    ),
    b(
        Reader,
        &[k(' '), code(KeyCode::PageDown)],
        Cmd::PageDown,
        "page down",
    ),
    b(
        Reader,
        &[k('b'), code(KeyCode::PageUp)],
        Cmd::PageUp,
        "page up",
    ),
    b(
        Reader,
        &[k('d'), ctrl('d')],
        Cmd::HalfDown,
        "half a page down",
    ),
    b(Reader, &[k('u'), ctrl('u')], Cmd::HalfUp, "half a page up"),
    b(
        Reader,
        &[k('g'), code(KeyCode::Home)],
        Cmd::Top,
        "to the top",
    ),
    b(
        Reader,
        &[k('G'), code(KeyCode::End)],
        Cmd::Bottom,
        "to the end",
    ),
    b(
        Reader,
        &[code(KeyCode::Tab)],
        Cmd::FocusNext,
        "switch focus: article / list",
    ),
    b(Reader, &[k('e')], Cmd::ToggleList, "show or hide the list"),
    b(
        Reader,
        &[k('/')],
        Cmd::Search,
        "search (diacritics optional)",
    ),
    b(Reader, &[k('n')], Cmd::Next, "next search hit or mention"),
    b(Reader, &[k('N')], Cmd::Prev, "previous hit or mention"),
    b(Reader, &[k('+')], Cmd::Wider, "wider text column"),
    b(Reader, &[k('-')], Cmd::Narrower, "narrower text column"),
    b(Reader, &[k('=')], Cmd::FullWidth, "full width on/off"),
    b(Reader, &[k('[')], Cmd::PrevArticle, "previous article"),
    b(Reader, &[k(']')], Cmd::NextArticle, "next article"),
    b(
        Reader,
        &[code(KeyCode::Esc)],
        Cmd::Back,
        "clear search/selection; library",
    ),
    b(
        Library,
        &[k('j'), code(KeyCode::Down)],
        Cmd::Down,
        "next article",
    ),
    b(
        Library,
        &[k('k'), code(KeyCode::Up)],
        Cmd::Up,
        "previous article",
    ),
    b(
        Library,
        &[code(KeyCode::PageDown), k(' ')],
        Cmd::PageDown,
        "page down",
    ),
    b(
        Library,
        &[code(KeyCode::PageUp), k('b')],
        Cmd::PageUp,
        "page up",
    ),
    b(
        Library,
        &[k('g'), code(KeyCode::Home)],
        Cmd::Top,
        "first article",
    ),
    b(
        Library,
        &[k('G'), code(KeyCode::End)],
        Cmd::Bottom,
        "last article",
    ),
    b(Library, &[code(KeyCode::Enter)], Cmd::Enter, "open"),
];

/// The contexts that apply to the app as it is, most specific first.
fn contexts(app: &App) -> &'static [Context] {
    match app.view {
        View::Library => &[Global, Library],
        View::Reader if app.focus == Focus::List => &[Global, List, Reader],
        View::Reader => &[Global, Reader],
    }
}

fn lookup(app: &App, key: Key) -> Option<Cmd> {
    let ctxs = contexts(app);
    // Context order decides precedence, then table order.
    ctxs.iter().find_map(|c| {
        BINDINGS
            .iter()
            .find(|b| b.context == *c && b.keys.contains(&key))
            .map(|b| b.cmd)
    })
}

/// The action a key press means for the app as it is now.
pub fn action_for(app: &App, e: &KeyEvent) -> Option<Action> {
    if e.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(e);
    if key == ctrl('c') {
        return Some(Cmd::ForceQuit.into());
    }
    if app.help {
        // j/k scroll the help; any other key closes it.
        return Some(
            match key.code {
                KeyCode::Char('j') | KeyCode::Down => Cmd::Down,
                KeyCode::Char('k') | KeyCode::Up => Cmd::Up,
                _ => Cmd::Help,
            }
            .into(),
        );
    }
    if app.view == View::Reader && app.search.editing {
        return match key.code {
            KeyCode::Enter => Some(Cmd::SearchAccept.into()),
            KeyCode::Esc => Some(Cmd::Back.into()),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !key.ctrl => Some(Action::Type(c)),
            _ => None,
        };
    }
    if app.view == View::Reader && app.focus == Focus::List && app.filter_editing {
        // Typing a filter (after `/`): every character is text, as in a search; the arrows
        // still move through what it leaves.
        return match key.code {
            KeyCode::Enter => Some(Cmd::FilterAccept.into()),
            KeyCode::Esc => Some(Cmd::Back.into()),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Down => Some(Cmd::Down.into()),
            KeyCode::Up => Some(Cmd::Up.into()),
            KeyCode::Tab => Some(Cmd::FocusNext.into()),
            KeyCode::Char(c) if !key.ctrl => Some(Action::Type(c)),
            _ => None,
        };
    }
    lookup(app, key).map(Action::Cmd)
}

/// Help lines for the app as it is: (context, keys, description), in table order.
pub fn help_lines(app: &App) -> Vec<(Context, String, &'static str)> {
    let ctxs: &[Context] = match app.view {
        View::Library => &[Global, Library],
        View::Reader => &[Global, Reader, List],
    };
    BINDINGS
        .iter()
        .filter(|b| ctxs.contains(&b.context))
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
            (b.context, keys.join(" "), b.description)
        })
        .collect()
}
