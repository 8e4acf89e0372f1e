//! The reader's logic through `App::update`, with keys mapped by the real keymap; no terminal.

use bao::app::{Action, App, Cmd, EntityKind, Focus, Looked, Slot, View};
use bao::document::{Article, Mention, Organisation, Person};
use bao::keymap;
use bao::layout::Source;
use bao::positions::Position;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

/// An article written for these tests, with people and organisations found by plain search.
fn sample() -> Article {
    let mut text = String::from(
        "Bà Trần Thị Lộc thăm Sở Y tế tỉnh\n\n10:30, 12/03/2023\n\n\
         Sáng nay, bà Trần Thị Lộc, Giám đốc Sở Y tế, đến thăm Bệnh viện Đa khoa tỉnh.\n\n",
    );
    for i in 0..40 {
        text.push_str(&format!(
            "Đoạn {i}: ông Lê Văn Hòa nói chuyện với các bác sĩ về kế hoạch của Sở Y tế trong năm tới, \
             cùng nhiều việc khác cần làm sớm.\n\n"
        ));
        if i == 20 {
            text.push_str("Bà Trần Thị Lộc cảm ơn đội ngũ y bác sĩ.\n\n");
        }
    }
    text.push_str("Minh An\n");
    let mut a = bao::loader::parse(text, "sample.txt");
    assert_eq!(
        a.byline.as_deref(),
        Some("Minh An"),
        "the parser found the byline"
    );
    a.people = vec![
        person(&a, "Trần Thị Lộc", &["Giám đốc Sở Y tế"]),
        person(&a, "Lê Văn Hòa", &[]),
        person(&a, "Minh An", &[]),
    ];
    a.organisations = vec![org(&a, "Sở Y tế"), org(&a, "Bệnh viện Đa khoa tỉnh")];
    a
}

fn mentions(a: &Article, needle: &str) -> Vec<Mention> {
    a.text
        .match_indices(needle)
        .map(|(s, m)| Mention::new(a.block_at(s).expect("inside a block"), s, s + m.len()))
        .collect()
}

fn person(a: &Article, name: &str, roles: &[&str]) -> Person {
    Person {
        name: name.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        mentions: mentions(a, name),
        ..Default::default()
    }
}

fn org(a: &Article, name: &str) -> Organisation {
    Organisation {
        name: name.into(),
        mentions: mentions(a, name),
        ..Default::default()
    }
}

fn app_with(articles: Vec<Article>, w: u16, h: u16) -> App {
    let mut app = App::new(articles);
    app.update(Action::Resize(w, h));
    app
}

fn key(app: &mut App, code: KeyCode) {
    key_mod(app, code, KeyModifiers::NONE);
}

fn key_mod(app: &mut App, code: KeyCode, m: KeyModifiers) {
    if let Some(a) = keymap::action_for(app, &KeyEvent::new(code, m)) {
        app.update(a);
    }
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The text of the line at the top of the view.
fn top_text(app: &App) -> String {
    app.layout.text(app.article().unwrap(), app.top).to_owned()
}

fn visible(app: &App, offset: usize) -> bool {
    let line = app.layout.line_of(offset);
    line >= app.top && line < app.top + app.page()
}

#[test]
fn scrolling_stays_in_bounds() {
    let mut app = app_with(vec![sample()], 100, 30);
    assert!(
        app.layout.len() > app.page() * 2,
        "the sample is several pages"
    );
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.top, 0);
    keys(&mut app, "jj");
    assert_eq!(app.top, 2);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.top, 1);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.top, 1 + app.page() - 1);
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(app.top, 1);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.top, 1 + app.page() / 2);
    key_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.top, 1);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.top, app.layout.len() - app.page());
    assert_eq!(app.percent(), 100);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::PageDown);
    assert_eq!(
        app.top,
        app.layout.len() - app.page(),
        "no scrolling past the end"
    );
    key(&mut app, KeyCode::Home);
    assert_eq!(app.top, 0);
    key(&mut app, KeyCode::End);
    assert_eq!(app.top, app.max_top());
}

#[test]
fn long_articles_scroll_past_u16() {
    let mut text = String::from("Một bài rất dài\n\n");
    for i in 0..60_000 {
        text.push_str(&format!("Dòng {i} của bài.\n"));
    }
    assert!(
        text.len() > 1 << 20,
        "big enough to be laid out as it is read"
    );
    let a = bao::loader::parse(text, "long.txt");
    let mut app = app_with(vec![a], 100, 30);
    assert!(
        !app.layout.complete(),
        "only what the screen needs is wrapped at first"
    );
    assert!(app.layout.len() >= app.top + app.page());
    assert!(app.percent() < 5);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.top, app.page() - 1, "paging works on a partial layout");
    assert!(top_text(&app).starts_with("Dòng 13 "), "{}", top_text(&app));
    key(&mut app, KeyCode::Char('G'));
    assert!(app.layout.complete());
    assert!(app.layout.len() > 100_000);
    assert!(app.top > u16::MAX as usize);
    assert_eq!(app.top, app.max_top());
    assert!(top_text(&app).starts_with("Dòng 59"), "{}", top_text(&app));
}

#[test]
fn a_huge_article_is_laid_out_as_it_is_read() {
    let mut text = String::from("Một bài rất dài\n\n");
    for i in 0..60_000 {
        text.push_str(&format!("Dòng {i} của bài về ông Lê Văn Hòa.\n"));
    }
    let a = bao::loader::parse(text, "long.txt");
    let mut app = app_with(vec![a], 100, 30);
    let first = app.layout.len();
    // A search jumps far ahead: the layout follows.
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "dong 45000 ");
    assert_eq!(app.search.matches.len(), 1);
    assert!(visible(&app, app.search.matches.get(0).unwrap().start));
    assert!(app.layout.len() > first);
    key(&mut app, KeyCode::Enter);
    // Resizing keeps the place, laying out only as far as needed.
    let at = app.layout.lines[app.top].anchor();
    app.update(Action::Resize(60, 20));
    assert!(!app.layout.complete());
    assert_eq!(app.layout.lines[app.top].anchor(), at);
    // Idle turns finish the work.
    while app.has_idle_work() {
        app.update(Action::Idle);
    }
    assert!(app.layout.complete());
    assert_eq!(app.layout.lines[app.top].anchor(), at);
    assert_eq!(app.total_lines(), app.layout.len());
}

#[test]
fn resize_keeps_the_text_at_the_top() {
    let mut app = app_with(vec![sample()], 120, 30);
    for _ in 0..23 {
        key(&mut app, KeyCode::Char('j'));
    }
    let line = app.layout.lines[app.top].clone();
    assert_eq!(line.source, Source::Text);
    let before = line.range().start;
    app.update(Action::Resize(50, 20));
    assert_eq!(app.layout.width, 47);
    let now = &app.layout.lines[app.top];
    assert!(
        now.range().start <= before && before < now.range().end.max(now.range().start + 1),
        "the line that was at the top is still at the top: {before} in {:?}",
        now.range()
    );
    app.update(Action::Resize(120, 30));
    assert_eq!(
        app.layout.lines[app.top].range().start,
        before,
        "and back again"
    );
}

#[test]
fn search_folds_diacritics() {
    let mut app = app_with(vec![sample()], 100, 30);
    key(&mut app, KeyCode::Char('/'));
    assert!(app.search.editing);
    keys(&mut app, "tran thi loc");
    let a = app.article().unwrap();
    assert_eq!(app.search.matches.len(), 3);
    for m in app.search.matches.iter() {
        assert_eq!(&a.text[m], "Trần Thị Lộc");
    }
    assert_eq!(app.search.current, Some(0));
    // Typing is incremental: a shorter query finds more.
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(app.search.query, "tr");
    assert!(app.search.matches.len() > 40, "'tr' also hits 'trong'");
    keys(&mut app, "an thi loc");
    assert_eq!(app.search.matches.len(), 3);
    key(&mut app, KeyCode::Enter);
    assert!(!app.search.editing && app.search.active());
    // With diacritics the match is exact (case folded only).
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "hòa");
    assert_eq!(app.search.matches.len(), 40);
    key(&mut app, KeyCode::Backspace);
    keys(&mut app, "à");
    assert!(
        app.search.matches.is_empty(),
        "'hoà' with the other accent is not 'hòa'"
    );
    // Esc while typing cancels and goes back where the search started.
    key(&mut app, KeyCode::Esc);
    assert!(!app.search.active());
    assert_eq!(app.top, 0);
}

#[test]
fn search_next_and_previous_wrap_around() {
    let mut app = app_with(vec![sample()], 100, 30);
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "loc");
    key(&mut app, KeyCode::Enter);
    let n = app.search.matches.len();
    assert_eq!(n, 3);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.search.current, Some(1));
    let hit = app.search.matches.get(1).unwrap().start;
    assert!(visible(&app, hit), "the view follows the hit");
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.search.current, Some(0), "wraps to the first");
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.search.current, Some(2), "and back to the last");
    assert!(visible(&app, app.search.matches.get(2).unwrap().start));
    key(&mut app, KeyCode::Esc);
    assert!(!app.search.active() && app.search.matches.is_empty());
}

#[test]
fn selecting_an_entity_highlights_and_jumps() {
    let mut app = app_with(vec![sample()], 120, 30);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::List);
    let e = app.entries();
    assert_eq!(e.people.len(), 2, "the author is not among the people");
    assert_eq!(e.authors.len(), 1);
    assert_eq!(app.entity_name(e.authors[0]), "Minh An");
    assert_eq!(e.organisations.len(), 2);
    // Lê Văn Hòa is the second entry.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    let sel = app.selected.expect("selected");
    assert_eq!(sel.kind, EntityKind::Person);
    assert_eq!(app.entity_name(sel), "Lê Văn Hòa");
    assert_eq!(app.mentions.len(), 40);
    assert_eq!(app.mention, Some(0));
    assert!(visible(&app, app.mentions[0].start));
    // n follows mentions: nothing is being searched.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mention, Some(1));
    key(&mut app, KeyCode::Char('N'));
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.mention, Some(39), "wraps to the last mention");
    assert!(visible(&app, app.mentions[39].start));
}

#[test]
fn n_follows_the_last_thing_looked_for() {
    let mut app = app_with(vec![sample()], 120, 30);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter); // Trần Thị Lộc
    assert_eq!(app.entity_name(app.selected.unwrap()), "Trần Thị Lộc");
    assert_eq!(app.last, Looked::Mention);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "so y te");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.last, Looked::Search);
    let before = app.search.current.unwrap();
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.search.current,
        Some(before + 1),
        "n goes to the next hit"
    );
    assert_eq!(app.mention, Some(0), "not to the next mention");
    // Esc clears the search; n is back on the mentions.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mention, Some(1));
    // Selecting again makes mentions the last thing looked for, even with a search active.
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "doan");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.search.current, Some(0));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mention, Some(1));
    assert_eq!(app.search.current, Some(0));
}

#[test]
fn the_list_filters_after_slash() {
    let mut app = app_with(vec![sample()], 120, 30);
    key(&mut app, KeyCode::Tab);
    // Without `/`, letters are commands: j and k move, other letters do nothing to the list.
    keys(&mut app, "jj");
    assert_eq!(app.list_cursor, 2);
    keys(&mut app, "k");
    assert_eq!(app.list_cursor, 1);
    keys(&mut app, "hoa");
    assert_eq!(app.filter, "", "letters do not filter before /");
    assert!(!app.filter_editing);
    // `/` starts typing the filter; now every letter is text, j and k included.
    key(&mut app, KeyCode::Char('/'));
    assert!(app.filter_editing);
    assert_eq!(app.list_cursor, 0);
    keys(&mut app, "hoa");
    assert_eq!(app.filter, "hoa");
    let e = app.entries();
    let names: Vec<&str> = e.all().map(|r| app.entity_name(r)).collect();
    assert_eq!(
        names,
        ["Lê Văn Hòa", "Bệnh viện Đa khoa tỉnh"],
        "folded: 'hoa' finds 'Hòa'"
    );
    keys(&mut app, "j");
    assert_eq!(app.filter, "hoaj");
    assert!(app.entries().is_empty());
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(app.filter, "h");
    // The arrows move while typing.
    key(&mut app, KeyCode::Down);
    assert_eq!(app.list_cursor, 1);
    assert_eq!(app.filter, "h");
    // Enter keeps the filter and gives the letters back to the commands.
    key(&mut app, KeyCode::Enter);
    assert!(!app.filter_editing);
    assert_eq!(app.filter, "h");
    assert_eq!(app.selected, None, "Enter ends typing, it does not select");
    keys(&mut app, "k");
    assert_eq!(app.list_cursor, 0);
    assert_eq!(app.filter, "h");
    // Esc clears it.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, "");
    // `/` then Esc: nothing typed, nothing left over.
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Esc);
    assert!(!app.filter_editing);
    assert_eq!(app.filter, "");
    assert_eq!(app.focus, Focus::List, "Esc in the list stays there");
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "so");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.entity_name(app.selected.unwrap()), "Sở Y tế");
    // Tab leaves the list and the typing; letters scroll the article again.
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Article);
    assert!(!app.filter_editing);
    let top = app.top;
    keys(&mut app, "j");
    assert_eq!(app.top, top + 1);
}

/// The article offset of the top line and the text shown there.
fn top_place(app: &App) -> (usize, String) {
    (app.layout.lines[app.top].anchor(), top_text(app))
}

#[test]
fn leaving_an_article_remembers_where() {
    let mut b = sample();
    b.title = "Bài thứ hai".into();
    let mut app = app_with(vec![sample(), b], 100, 30);
    assert!(app.marks.iter().all(|m| m.at.is_none() && !m.left));
    key(&mut app, KeyCode::Enter);
    for _ in 0..37 {
        key(&mut app, KeyCode::Char('j'));
    }
    let place = top_place(&app);
    assert!(app.marks[0].at.is_none(), "recorded only on leaving");
    // Another article: the first is remembered, the second starts at the top.
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(app.current, 1);
    assert_eq!(app.top, 0);
    assert!(app.marks[0].left);
    assert_eq!(app.marks[0].at.unwrap().offset, place.0);
    key(&mut app, KeyCode::Char('['));
    assert_eq!(top_place(&app), place, "back where it was");
    // Through the library, at another width.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Library);
    app.update(Action::Resize(60, 24));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.current, 0);
    let (anchor, _) = top_place(&app);
    let line = &app.layout.lines[app.top];
    assert!(
        line.range().start <= place.0 && place.0 < line.range().end.max(line.range().start + 1),
        "the same text at the top at another width: {anchor} vs {}",
        place.0
    );
    // Quitting records too.
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('q'));
    assert_eq!(
        app.marks[0].at.unwrap().offset,
        app.layout.lines[0].anchor()
    );
}

#[test]
fn a_saved_position_opens_the_article_there() {
    // Where the 30th line starts at one width...
    let probe = app_with(vec![sample()], 120, 30);
    let p = probe.layout.position(30);
    let want = top_text(&{
        let mut a = app_with(vec![sample()], 120, 30);
        for _ in 0..30 {
            key(&mut a, KeyCode::Char('j'));
        }
        a
    });
    // ...is where a single file opens in another run, whatever the order of size and load.
    for resize_first in [true, false] {
        let mut app = App::loading(vec!["one.txt".into()]);
        if resize_first {
            app.update(Action::Resize(120, 30));
        }
        app.update(Action::Resume {
            index: 0,
            at: Some(Position {
                offset: p.0,
                rank: p.1,
            }),
        });
        app.update(Action::Loaded {
            index: 0,
            result: Ok(Box::new(sample())),
        });
        if !resize_first {
            app.update(Action::Resize(120, 30));
        }
        assert_eq!(top_text(&app), want, "resize first: {resize_first}");
        assert!(!app.marks[0].left, "nothing to save before it is left");
    }
    // No saved position: the top.
    let mut app = App::loading(vec!["one.txt".into()]);
    app.update(Action::Resize(120, 30));
    app.update(Action::Resume { index: 0, at: None });
    app.update(Action::Loaded {
        index: 0,
        result: Ok(Box::new(sample())),
    });
    assert_eq!(app.top, 0);
    // A position past the end (the file shrank under the same key) only clamps.
    let mut app = App::loading(vec!["one.txt".into()]);
    app.update(Action::Resize(120, 30));
    app.update(Action::Resume {
        index: 0,
        at: Some(Position {
            offset: usize::MAX / 2,
            rank: 7,
        }),
    });
    app.update(Action::Loaded {
        index: 0,
        result: Ok(Box::new(sample())),
    });
    assert_eq!(app.top, app.max_top());
}

#[test]
fn a_huge_article_opens_at_its_saved_position_without_laying_out_all() {
    let mut text = String::from("Một bài rất dài\n\n");
    for i in 0..60_000 {
        text.push_str(&format!("Dòng {i} của bài về ông Lê Văn Hòa.\n"));
    }
    let a = bao::loader::parse(text, "long.txt");
    let at = a.text.find("Dòng 45000 ").unwrap();
    let mut app = App::loading(vec!["long.txt".into()]);
    app.update(Action::Resize(100, 30));
    app.update(Action::Resume {
        index: 0,
        at: Some(Position {
            offset: at,
            rank: 0,
        }),
    });
    app.update(Action::Loaded {
        index: 0,
        result: Ok(Box::new(a)),
    });
    assert!(!app.layout.complete(), "laid out only as far as needed");
    // Rank 0 of a block's offset is the blank line before it: the block starts right under.
    let line = app.layout.line_of(at);
    assert!(
        line == app.top || line == app.top + 1,
        "{line} vs {}",
        app.top
    );
    let shown = app.layout.text(app.article().unwrap(), line);
    assert!(shown.starts_with("Dòng 45000 "), "{shown}");
}

#[test]
fn a_saved_position_in_a_library() {
    let paths: Vec<PathBuf> = (0..2).map(|i| format!("a{i}.txt").into()).collect();
    let mut app = App::loading(paths);
    app.update(Action::Resize(100, 30));
    let probe = app_with(vec![sample()], 100, 30);
    let p = probe.layout.position(25);
    let want = probe.layout.text(probe.article().unwrap(), 25).to_owned();
    for i in 0..2 {
        app.update(Action::Resume {
            index: i,
            at: (i == 1).then_some(Position {
                offset: p.0,
                rank: p.1,
            }),
        });
        app.update(Action::Loaded {
            index: i,
            result: Ok(Box::new(sample())),
        });
    }
    assert_eq!(app.view, View::Library);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.top, 0, "the first has no position");
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(top_text(&app), want);
}

#[test]
fn width_keys_change_the_column() {
    let mut app = app_with(vec![sample()], 200, 40);
    assert_eq!(app.layout.width, 88);
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.layout.width, 92);
    keys(&mut app, "--");
    assert_eq!(app.layout.width, 84);
    key(&mut app, KeyCode::Char('='));
    let full = app.layout.width;
    assert!(full > 120, "full width uses the pane: {full}");
    key(&mut app, KeyCode::Char('='));
    assert_eq!(app.layout.width, 84);
    for _ in 0..100 {
        key(&mut app, KeyCode::Char('-'));
    }
    assert_eq!(app.layout.width, bao::app::MIN_TEXT_WIDTH);
    // A column wider than the pane is clipped to it.
    app.update(Action::Resize(60, 20));
    assert!(app.layout.width <= 57);
}

#[test]
fn the_side_list_hides_on_narrow_terminals_and_toggles() {
    let mut app = app_with(vec![sample()], 120, 30);
    assert!(app.list_visible());
    app.update(Action::Resize(60, 20));
    assert!(!app.list_visible());
    key(&mut app, KeyCode::Char('e'));
    assert!(app.list_visible());
    key(&mut app, KeyCode::Char('e'));
    assert!(!app.list_visible());
    key(&mut app, KeyCode::Tab);
    assert!(
        app.list_visible() && app.focus == Focus::List,
        "Tab shows it"
    );
}

#[test]
fn library_navigation() {
    let mut b = sample();
    b.title = "Bài thứ hai".into();
    let mut c = sample();
    c.title = "Bài thứ ba".into();
    let mut app = app_with(vec![sample(), b, c], 100, 30);
    assert_eq!(app.view, View::Library);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.current, 1);
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(app.current, 2);
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(app.current, 2, "no article after the last");
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(app.current, 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Library);
    assert_eq!(app.library_cursor, 0);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.library_cursor, 2);
}

#[test]
fn articles_arrive_while_the_library_is_shown() {
    let paths: Vec<PathBuf> = (0..3).map(|i| format!("a{i}.txt").into()).collect();
    let mut app = App::loading(paths);
    app.update(Action::Resize(100, 30));
    assert_eq!(app.loaded, 0);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.view,
        View::Library,
        "an article still loading does not open"
    );
    app.update(Action::Loaded {
        index: 1,
        result: Ok(Box::new(sample())),
    });
    app.update(Action::Loaded {
        index: 0,
        result: Err("a0.txt: broken".into()),
    });
    assert_eq!(app.loaded, 2);
    assert!(matches!(app.slots[0], Slot::Failed(..)));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Library, "a failed article does not open");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.current, 1);
    assert!(!app.layout.is_empty());
    // ']' skips what has not loaded.
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(app.current, 1);
}

#[test]
fn a_single_file_opens_in_the_reader_once_loaded() {
    let mut app = App::loading(vec!["one.txt".into()]);
    app.update(Action::Resize(100, 30));
    assert_eq!(app.view, View::Reader);
    assert!(app.layout.is_empty());
    app.update(Action::Loaded {
        index: 0,
        result: Ok(Box::new(sample())),
    });
    assert!(!app.layout.is_empty());
}

#[test]
fn a_big_article_is_readable_before_its_entities_arrive() {
    let mut app = App::loading(vec!["big.txt".into()]);
    app.update(Action::Resize(120, 30));
    let full = sample();
    let mut bare = full.clone();
    bare.people.clear();
    bare.organisations.clear();
    app.update(Action::Parsed {
        index: 0,
        article: std::sync::Arc::new(bare),
    });
    assert!(!app.layout.is_empty());
    assert!(app.extracting.contains(&0));
    assert!(app.entries().is_empty());
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.top, 1);
    app.update(Action::Entities {
        index: 0,
        entities: bao::Entities {
            people: full.people.clone(),
            organisations: full.organisations.clone(),
        },
    });
    assert!(app.extracting.is_empty());
    assert_eq!(app.entries().len(), 5);
    assert_eq!(app.top, 1, "the reading position stays");
}

#[test]
fn a_big_article_is_laid_out_in_the_background_only_once_its_entities_are_found() {
    let mut text = String::from("Một bài rất dài\n\n");
    for i in 0..60_000 {
        text.push_str(&format!("Dòng {i} của bài về ông Lê Văn Hòa.\n"));
    }
    let a = bao::loader::parse(text, "big.txt");
    let mut app = App::loading(vec!["big.txt".into()]);
    app.update(Action::Resize(100, 30));
    app.update(Action::Parsed {
        index: 0,
        article: std::sync::Arc::new(a),
    });
    assert!(!app.layout.complete(), "only the screen is laid out");
    assert!(
        !app.has_idle_work(),
        "no background layout during extraction"
    );
    // Keys still lay out what they need.
    key(&mut app, KeyCode::Char('G'));
    assert!(app.layout.complete());
    key(&mut app, KeyCode::Char('g'));
    app.update(Action::Resize(90, 30));
    assert!(!app.layout.complete() && !app.has_idle_work());
    app.update(Action::Entities {
        index: 0,
        entities: bao::Entities::default(),
    });
    assert!(app.has_idle_work());
    while app.has_idle_work() {
        app.update(Action::Idle);
    }
    assert!(app.layout.complete());
}

#[test]
fn mouse_wheel_and_click() {
    let mut app = app_with(vec![sample()], 120, 30);
    let s = app.screen();
    app.update(Action::Wheel {
        x: 5,
        y: 5,
        down: true,
    });
    assert_eq!(app.top, 3);
    app.update(Action::Wheel {
        x: 5,
        y: 5,
        down: false,
    });
    assert_eq!(app.top, 0);
    // Rows: "People (2)", Trần Thị Lộc, Lê Văn Hòa, "Organisations (2)", Sở Y tế …
    let items = s.list_items;
    app.update(Action::Click {
        x: items.x + 3,
        y: items.y + 4,
    });
    assert_eq!(app.entity_name(app.selected.unwrap()), "Sở Y tế");
    assert_eq!(app.focus, Focus::List);
    // A click on a name in the text selects that person.
    let lay = &app.layout;
    let art = app.article().unwrap();
    let (row, line) = lay
        .lines
        .iter()
        .enumerate()
        .find(|(i, _)| lay.text(art, *i).starts_with("Sáng nay, bà Trần"))
        .expect("the lead's first line");
    assert!(row < app.page());
    let col = bao::wrap::width("Sáng nay, bà Tr") as u16;
    app.update(Action::Click {
        x: s.text.x + line.indent + col,
        y: s.text.y + row as u16,
    });
    assert_eq!(app.entity_name(app.selected.unwrap()), "Trần Thị Lộc");
    // A click on plain text changes nothing.
    app.update(Action::Click {
        x: s.text.x,
        y: s.text.y + row as u16,
    });
    assert_eq!(app.entity_name(app.selected.unwrap()), "Trần Thị Lộc");
    app.update(Action::Click {
        x: items.x + 3,
        y: items.y + 4,
    });
    // A click on a heading selects nothing new.
    app.update(Action::Click {
        x: items.x + 3,
        y: items.y,
    });
    assert_eq!(app.entity_name(app.selected.unwrap()), "Sở Y tế");
}

#[test]
fn quit_and_help() {
    let mut app = app_with(vec![sample()], 100, 30);
    key(&mut app, KeyCode::F(1));
    assert!(app.help);
    keys(&mut app, "jjk");
    assert!(app.help, "j/k scroll the help");
    assert_eq!(app.help_scroll, 1);
    key(&mut app, KeyCode::Char(' '));
    assert!(!app.help, "any other key closes the help");
    assert_eq!(app.top, 0, "and does nothing else");
    key(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    key_mod(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit, "Ctrl-C quits at once, even from the help");
    let mut app = app_with(vec![sample()], 100, 30);
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "q");
    assert!(!app.quit, "q is a letter while searching");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn tiny_terminals_do_not_break_anything() {
    let mut app = app_with(vec![sample()], 1, 1);
    for c in [
        Cmd::Down,
        Cmd::PageDown,
        Cmd::Bottom,
        Cmd::Wider,
        Cmd::FullWidth,
    ] {
        app.update(c.into());
    }
    for (w, h) in [(0, 0), (1, 1), (10, 3), (19, 4), (20, 5), (2, 40)] {
        app.update(Action::Resize(w, h));
        app.update(Cmd::Bottom.into());
        app.update(Cmd::Search.into());
        app.update(Action::Type('l'));
        app.update(Cmd::Next.into());
        app.update(Cmd::Back.into());
        assert!(app.top <= app.max_top());
    }
}

#[test]
fn nothing_is_wrapped_before_the_size_is_known() {
    let mut app = App::new(vec![sample()]);
    assert!(app.layout.is_empty());
    app.update(Action::Resize(200, 30));
    assert_eq!(app.layout.width, 88);
}
