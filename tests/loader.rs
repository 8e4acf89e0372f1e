//! The loader end to end: the seed's layout, every encoding a Vietnamese file comes in, escape
//! and control removal, bad files, folders. Articles here are written for these tests.

use bao::decode::{self, DecodeError};
use bao::loader::{self, LoadError};
use bao::{Article, BlockKind, Published};
use std::fs;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

const SEED: &str = "seeds/000_c0b6449328fbf434.txt";

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)
}

/// An article in the seed's layout, in our own words.
const ARTICLE: &str = "Hội thảo về bảo tồn rừng ngập mặn ở Cà Mau

08:30, 14/03/2023

Sáng 14/3, Sở Tài nguyên và Môi trường tỉnh Cà Mau tổ chức hội thảo về bảo tồn rừng ngập mặn ven biển.

Ông Lê Văn Tâm, Giám đốc Sở, cho biết diện tích rừng đã tăng gần 5% so với năm trước.

Nhiều thách thức phía trước

Theo các chuyên gia, nước biển dâng và xói lở bờ biển vẫn đe dọa hàng nghìn héc-ta rừng.

Các đại biểu tham quan mô hình trồng rừng tại huyện Ngọc Hiển.
Các đại biểu tham quan mô hình trồng rừng tại huyện Ngọc Hiển.

Hội thảo kết thúc với nhiều kiến nghị thiết thực gửi tới chính quyền địa phương.

Minh Khoa

Ý kiến bạn đọc
Bình luận của độc giả không thuộc bài viết.
";

const ARTICLE_KINDS: [BlockKind; 9] = [
    BlockKind::Title,
    BlockKind::Dateline,
    BlockKind::Lead,
    BlockKind::Paragraph,
    BlockKind::Heading,
    BlockKind::Paragraph,
    BlockKind::Caption,
    BlockKind::Paragraph,
    BlockKind::Byline,
];

fn kinds(a: &Article) -> Vec<BlockKind> {
    a.blocks.iter().map(|b| b.kind).collect()
}

fn texts(a: &Article) -> Vec<&str> {
    a.blocks_with_text().map(|(_, t)| t).collect()
}

fn parse(text: &str) -> Article {
    loader::parse(decode::decode(text.as_bytes()).unwrap(), "test")
}

/// Blocks are non-empty, trimmed, in order, non-overlapping slices of the text.
fn assert_well_formed(a: &Article) {
    let mut prev_end = 0;
    for (b, t) in a.blocks_with_text() {
        assert!(b.start >= prev_end && b.start < b.end, "{b:?}");
        assert!(a.text.is_char_boundary(b.start) && a.text.is_char_boundary(b.end));
        assert_eq!(t, t.trim(), "block not trimmed: {t:?}");
        assert!(!t.contains('\n'), "block spans lines: {t:?}");
        assert!(
            !t.chars().any(|c| c.is_control() || decode::is_unwanted(c)),
            "control or invisible character in {t:?}"
        );
        prev_end = b.end;
    }
    assert!(!a.title.is_empty());
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

// ---------------------------------------------------------------- the seed

#[test]
fn seed_every_block_kind() {
    let a = loader::load_file(&seed_path()).unwrap();
    assert_well_formed(&a);
    assert_eq!(
        a.title,
        "Tổng kết Chương trình phối hợp giữa Ban Tuyên giáo Tỉnh ủy với HĐND, UBND tỉnh, VKSND, \
         Tòa án nhân dân và Bộ CHQS tỉnh"
    );
    assert_eq!(a.published, Published::new(2022, 2, 25, 15, 15));
    assert_eq!(a.published.unwrap().to_string(), "2022-02-25T15:15");
    assert_eq!(a.byline.as_deref(), Some("Nông Vui"));
    use BlockKind::*;
    assert_eq!(
        kinds(&a),
        [Title, Dateline, Lead, Paragraph, Caption, Paragraph, Paragraph, Paragraph, Byline]
    );
    let t = texts(&a);
    assert_eq!(t[0], a.title);
    assert_eq!(t[1], "15:15, 25/02/2022");
    assert!(t[2].starts_with("Sáng 25/02, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị"));
    assert!(t[2].ends_with("Chỉ huy Quân sự tỉnh."));
    assert_eq!(t[8], "Nông Vui");
}

#[test]
fn seed_caption_kept_once() {
    let a = loader::load_file(&seed_path()).unwrap();
    let captions: Vec<&str> = a
        .blocks_with_text()
        .filter(|(b, _)| b.kind == BlockKind::Caption)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(captions.len(), 1);
    assert!(captions[0].ends_with("phát biểu tại Hội nghị."));
    let same = texts(&a)
        .iter()
        .filter(|t| t.to_lowercase() == captions[0].to_lowercase())
        .count();
    assert_eq!(same, 1, "the caption's second copy must not be a block");
}

#[test]
fn seed_footer_dropped() {
    let a = loader::load_file(&seed_path()).unwrap();
    assert!(a.text.contains("Ý kiến bạn đọc"), "the file has the footer");
    for t in texts(&a) {
        assert!(!t.to_lowercase().contains("ý kiến bạn đọc"), "{t}");
    }
}

// ---------------------------------------------------------------- layout

#[test]
fn own_article_layout() {
    let a = parse(ARTICLE);
    assert_well_formed(&a);
    assert_eq!(kinds(&a), ARTICLE_KINDS);
    assert_eq!(a.title, "Hội thảo về bảo tồn rừng ngập mặn ở Cà Mau");
    assert_eq!(a.published, Published::new(2023, 3, 14, 8, 30));
    assert_eq!(a.byline.as_deref(), Some("Minh Khoa"));
    assert!(!a.text[a.blocks.last().unwrap().end..].trim().is_empty());
    assert!(texts(&a).iter().all(|t| !t.contains("Bình luận")));
}

#[test]
fn no_time_line_no_byline() {
    let a = parse(
        "Mưa lớn gây ngập nhiều tuyến phố\n\nChiều qua, một trận mưa lớn kéo dài hai giờ làm \
         ngập nhiều tuyến phố ở trung tâm.\n\nNhiều xe máy chết máy giữa đường.\n",
    );
    assert_well_formed(&a);
    assert_eq!(a.published, None);
    assert_eq!(a.byline, None);
    assert_eq!(
        kinds(&a),
        [BlockKind::Title, BlockKind::Lead, BlockKind::Paragraph]
    );
}

#[test]
fn one_sentence_paragraphs_headings_lists_and_verse() {
    let text = "Mùa lúa mới ở đồng bằng\n\n\
        Nông dân bắt đầu gặt lúa sớm hơn mọi năm.\n\
        Giá lúa tăng nhẹ so với vụ trước.\n\n\
        Thị trường “sôi động”\n\n\
        Thương lái đến tận ruộng để mua lúa tươi.\n\n\
        - Lúa thơm: 8.000 đồng\n\
        - Lúa thường: 6.500 đồng\n\n\
        Đồng lúa chín vàng ươm\n\
        Gió đưa hương thơm ngát\n\
        Người về vui mùa mới\n\n\
        Máy gặt đập liên hợp làm việc trên cánh đồng xã Tân Phú. Ảnh: Hoàng Lan\n\n\
        Vụ mùa năm nay được dự báo bội thu.\n";
    let a = parse(text);
    assert_well_formed(&a);
    use BlockKind::*;
    assert_eq!(
        kinds(&a),
        [
            Title, Lead, Paragraph, Heading, Paragraph, Paragraph, Paragraph, Paragraph, Paragraph,
            Paragraph, Caption, Paragraph
        ]
    );
    assert_eq!(texts(&a)[3], "Thị trường “sôi động”");
}

#[test]
fn name_over_source_is_one_byline() {
    let a = parse(
        "Khai mạc hội chợ hàng Việt\n\nHội chợ mở cửa từ sáng nay tại nhà thi đấu tỉnh.\n\n\
         Hơn 200 gian hàng tham gia.\n\nVăn Đức\n\n(TTXVN)\n",
    );
    assert_eq!(a.byline.as_deref(), Some("Văn Đức (TTXVN)"));
    let n = a.blocks.len();
    assert_eq!(a.blocks[n - 2].kind, BlockKind::Byline);
    assert_eq!(a.blocks[n - 1].kind, BlockKind::Byline);
    assert_eq!(a.blocks[n - 3].kind, BlockKind::Paragraph);
}

#[test]
fn caption_credit_on_next_line() {
    let a = parse(
        "Cứu hộ trên sông\n\nLực lượng cứu hộ tìm kiếm suốt đêm.\n\n\
         Thợ lặn chuẩn bị xuống nước - Ảnh:\nBáo Mới.\n\nViệc tìm kiếm vẫn tiếp tục.\n",
    );
    use BlockKind::*;
    assert_eq!(kinds(&a), [Title, Lead, Caption, Caption, Paragraph]);
}

// ---------------------------------------------------------------- encodings

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for u in units {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

/// Vietnamese in windows-1258 the way Windows writes it: base letters with circumflex, breve
/// or horn precomposed, tone marks as separate combining bytes.
fn windows_1258(text: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut staged = String::new();
    for c in text.chars() {
        let nfd: String = c.to_string().nfd().collect();
        let base: String = nfd.chars().filter(|m| !TONES.contains(m)).collect();
        staged.extend(base.nfc());
        staged.extend(nfd.chars().filter(|m| TONES.contains(m)));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&staged);
    assert!(!unmappable, "test text must fit windows-1258");
    bytes.into_owned()
}

fn assert_decodes_to_article(bytes: &[u8], encoding: &str) {
    let (text, info) = decode::decode_with_info(bytes).unwrap();
    assert_eq!(info.encoding, encoding);
    assert!(!info.lossy);
    assert_eq!(text, ARTICLE);
    let a = loader::parse(text, "test");
    assert_eq!(kinds(&a), ARTICLE_KINDS);
}

#[test]
fn utf8_plain_and_with_bom() {
    assert_decodes_to_article(ARTICLE.as_bytes(), "UTF-8");
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend(ARTICLE.as_bytes());
    assert_decodes_to_article(&b, "UTF-8");
}

#[test]
fn utf16_with_and_without_bom() {
    assert_decodes_to_article(&utf16(ARTICLE, true, true), "UTF-16LE");
    assert_decodes_to_article(&utf16(ARTICLE, false, true), "UTF-16BE");
    assert_decodes_to_article(&utf16(ARTICLE, true, false), "UTF-16LE");
    assert_decodes_to_article(&utf16(ARTICLE, false, false), "UTF-16BE");
}

#[test]
fn windows_1258_with_combining_tones() {
    let bytes = windows_1258(ARTICLE);
    assert!(std::str::from_utf8(&bytes).is_err());
    // The tone marks really are separate bytes (0xEC is the combining acute).
    assert!(bytes.contains(&0xEC));
    assert_decodes_to_article(&bytes, "windows-1258");
}

#[test]
fn invalid_utf8_mid_file_becomes_replacement() {
    let mut b = ARTICLE.as_bytes().to_vec();
    let at = ARTICLE.find("Nhiều thách thức").unwrap();
    b.splice(at..at, [0xFF, 0xC3]);
    let (text, info) = decode::decode_with_info(&b).unwrap();
    assert_eq!(info.encoding, "UTF-8");
    assert!(info.lossy);
    assert!(text.contains("\u{FFFD}"));
    assert_eq!(text.replace('\u{FFFD}', ""), ARTICLE);
}

#[test]
fn nfd_becomes_nfc() {
    let nfd: String = ARTICLE.nfd().collect();
    assert_ne!(nfd, ARTICLE);
    assert_eq!(decode::decode(nfd.as_bytes()).unwrap(), ARTICLE);
}

#[test]
fn crlf_and_cr_only_line_endings() {
    for eol in ["\r\n", "\r"] {
        let text = ARTICLE.replace('\n', eol);
        let a = parse(&text);
        assert_eq!(a.text, ARTICLE, "{eol:?}");
        assert_eq!(kinds(&a), ARTICLE_KINDS);
    }
}

#[test]
fn tabs_expand_to_aligned_columns() {
    let text = "Bảng giá\n\nGạo\t15.000\tđồng\nThịt heo\t120.000\tđồng\nCá\t80.000\tđồng\n";
    let clean = decode::decode(text.as_bytes()).unwrap();
    assert!(!clean.contains('\t'));
    let cols: Vec<Vec<usize>> = clean
        .lines()
        .skip(2)
        .map(|l| {
            l.match_indices(|c: char| c.is_ascii_digit() || c == 'đ')
                .filter(|(i, _)| *i == 0 || l[..*i].ends_with(' '))
                .map(|(i, _)| l[..i].chars().count())
                .collect()
        })
        .collect();
    assert_eq!(cols, vec![vec![8, 16], vec![16, 24], vec![8, 16]]);
}

// ---------------------------------------------------------------- controls and escapes

#[test]
fn escape_sequences_and_controls_removed() {
    let hostile = "Tin\x1b[31m đỏ\x1b[0m và\x1b[2J\x1b[H sạch\n\n\
        Đoạn\x1b]0;Tiêu đề giả\x07 một\x1b]2;khác\x1b\\ có liên kết \x1b]8;;https://vi.example/\x1b\\bấm\x1b]8;;\x1b\\ đây.\n\n\
        C1\u{9b}31m điều khiển\u{9b}2J xong\u{85}dòng mới.\n\n\
        Chuông\x07 lùi\x08 xóa\x7f hết.\n\n\
        Dòng an toàn\rĐÈ LÊN\nvà thêm.\n\n\
        Tên \u{202E}ngược\u{202C} và \u{2066}cô lập\u{2069} cùng\u{200B} zero\u{200D}width\u{FEFF}.\n";
    let a = parse(hostile);
    assert_well_formed(&a);
    assert!(!a.text.contains('\x1b'));
    assert_eq!(
        texts(&a),
        [
            "Tin đỏ và sạch",
            "Đoạn một có liên kết bấm đây.",
            "C1 điều khiển xong",
            "dòng mới.",
            "Chuông lùi xóa hết.",
            "Dòng an toàn ĐÈ LÊN",
            "và thêm.",
            "Tên ngược và cô lập cùng zerowidth."
        ]
    );
}

// ---------------------------------------------------------------- bad files

#[test]
fn empty_and_blank_files_are_clear_errors() {
    assert_eq!(decode::decode(b""), Err(DecodeError::Empty));
    for blank in [
        " \n\t\r\n  ",
        "\u{A0}\u{A0}\n",
        "\u{3000}\u{3000}",
        "\u{2003} \u{2003}\n",
        "\u{200B}\u{FEFF}\n\u{202E}",
        "\x1b[31m\x1b[0m\n",
    ] {
        assert_eq!(
            decode::decode(blank.as_bytes()),
            Err(DecodeError::Blank),
            "{blank:?}"
        );
    }
    assert_eq!(decode::decode(b"\xEF\xBB\xBF"), Err(DecodeError::Blank));

    let d = tmp();
    let p = write(d.path(), "trống.txt", b"");
    let e = loader::load_file(&p).unwrap_err();
    assert!(matches!(
        e,
        LoadError::Decode {
            source: DecodeError::Empty,
            ..
        }
    ));
    assert_eq!(e.to_string(), format!("{}: empty file", p.display()));
    let p = write(d.path(), "khoảng.txt", "\u{3000}\n\u{A0}".as_bytes());
    let e = loader::load_file(&p).unwrap_err();
    assert!(e.to_string().starts_with(&p.display().to_string()));
    assert!(e.to_string().contains("only whitespace"));
}

/// A small deterministic generator: the same "random" bytes on every run.
fn pseudo_random(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_files_are_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(pseudo_random(500, 1));
    let mut jpeg = b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec();
    jpeg.extend(pseudo_random(500, 2));
    let mut nul = ARTICLE.as_bytes().to_vec();
    nul.insert(40, 0);
    let random = pseudo_random(4096, 3);
    // Random bytes with no NUL at all must still be refused.
    let random_no_nul: Vec<u8> = pseudo_random(4096, 4)
        .into_iter()
        .map(|b| b.max(1))
        .collect();
    let seven_bit: Vec<u8> = pseudo_random(4096, 5)
        .into_iter()
        .map(|b| (b & 0x7F).max(1))
        .collect();
    let d = tmp();
    for (name, bytes) in [
        ("ảnh.txt", png),
        ("jpeg.txt", jpeg),
        ("nul.txt", nul),
        ("random.txt", random),
        ("random-no-nul.txt", random_no_nul),
        ("seven-bit.txt", seven_bit),
    ] {
        let p = write(d.path(), name, &bytes);
        match loader::load_file(&p) {
            Err(
                e @ LoadError::Decode {
                    source: DecodeError::Binary(_),
                    ..
                },
            ) => {
                assert!(e.to_string().starts_with(&p.display().to_string()), "{e}");
                assert!(e.to_string().contains("binary file"), "{e}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn utf16_noise_after_a_bom_is_refused() {
    let mut b = vec![0xFF, 0xFE];
    b.extend(pseudo_random(4096, 6));
    assert!(matches!(decode::decode(&b), Err(DecodeError::Binary(_))));
}

#[test]
fn missing_path_names_the_file() {
    let d = tmp();
    let p = d.path().join("không-có.txt");
    let e = loader::load_file(&p).unwrap_err();
    assert!(
        matches!(&e, LoadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    );
    assert_eq!(e.path(), p);
    assert!(e.to_string().starts_with(&p.display().to_string()));
    let (files, errors) = loader::expand_paths(&[&p]);
    assert!(files.is_empty());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path(), p);
}

/// Permission denied cannot be staged for root (it reads anything), so the test checks
/// what the process can actually do: when the unreadable file still reads, it only checks that
/// loading succeeds; otherwise it checks the error names the file and says why.
#[cfg(unix)]
#[test]
fn permission_denied_names_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp();
    let p = write(d.path(), "khóa.txt", ARTICLE.as_bytes());
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = fs::read(&p).is_ok();
    let r = loader::load_file(&p);
    if privileged {
        eprintln!("running with privileges: chmod 000 does not deny; checked loading only");
        assert!(r.is_ok());
    } else {
        let e = r.unwrap_err();
        assert!(matches!(&e, LoadError::Io { source, .. }
            if source.kind() == std::io::ErrorKind::PermissionDenied));
        assert!(e.to_string().starts_with(&p.display().to_string()));
    }
    fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn a_folder_or_device_given_as_a_file_is_not_read() {
    let d = tmp();
    assert!(matches!(
        loader::load_file(d.path()),
        Err(LoadError::NotAFile { .. })
    ));
    #[cfg(unix)]
    assert!(matches!(
        loader::load_file(Path::new("/dev/zero")),
        Err(LoadError::NotAFile { .. })
    ));
}

#[cfg(unix)]
#[test]
fn a_fifo_given_as_a_file_is_refused_without_waiting_for_a_writer() {
    let d = tmp();
    let p = d.path().join("ống.txt");
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(loader::load_file(&p)).unwrap());
    // A blocking open would wait here for a writer that never comes.
    let r = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("load_file waited on a FIFO");
    assert!(matches!(r, Err(LoadError::NotAFile { .. })), "{r:?}");
}

#[test]
fn size_limit_is_256_mb() {
    assert_eq!(loader::MAX_FILE_SIZE, 256 * 1024 * 1024);
    let d = tmp();
    let p = d.path().join("lớn.txt");
    // A sparse file: above the limit without writing 256 MB.
    let f = fs::File::create(&p).unwrap();
    f.set_len(loader::MAX_FILE_SIZE + 1).unwrap();
    let e = loader::load_file(&p).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }));
    let msg = e.to_string();
    assert!(msg.starts_with(&p.display().to_string()), "{msg}");
    assert!(msg.contains("too large") && msg.contains("256 MB"), "{msg}");
}

// ---------------------------------------------------------------- big and odd shapes

#[test]
fn twenty_megabytes_on_one_line() {
    let sentence = "Người dân đổ về thành phố sau kỳ nghỉ Tết, đường phố đông đúc trở lại. ";
    let mut line = String::with_capacity(20 << 20);
    while line.len() < 20 << 20 {
        line.push_str(sentence);
    }
    let d = tmp();
    let p = write(d.path(), "một-dòng.txt", line.as_bytes());
    let a = loader::load_file(&p).unwrap();
    assert!(a.title.ends_with('…'));
    assert!(a.title.chars().count() <= 101, "{}", a.title);
    assert!(a.title.starts_with("Người dân đổ về thành phố"));
    assert_eq!(kinds(&a), [BlockKind::Lead]);
    assert_eq!(a.blocks[0].end - a.blocks[0].start, line.trim_end().len());
}

#[test]
fn five_thousand_character_title() {
    let mut long = String::new();
    while long.chars().count() < 5000 {
        long.push_str("Tiêu đề dài bất thường ");
    }
    let long: String = long.chars().take(5000).collect();
    let text = format!("{long}\n\nĐây là đoạn mở đầu của bài viết.\n\nĐoạn thứ hai.\n");
    let a = parse(&text);
    assert_well_formed(&a);
    assert!(a.title.chars().count() <= 101);
    assert!(a.title.starts_with("Tiêu đề dài bất thường"));
    // The long line is kept as text, not lost.
    assert_eq!(a.blocks[0].kind, BlockKind::Lead);
    assert_eq!(a.block_text(0), long.trim());
    assert_eq!(
        kinds(&a),
        [BlockKind::Lead, BlockKind::Paragraph, BlockKind::Paragraph]
    );
    // A single 5,000-character word too.
    let word = "x".repeat(5000);
    let a = parse(&format!("{word}\n\nMột đoạn.\n"));
    assert!(a.title.chars().count() <= 101);
}

// ---------------------------------------------------------------- folders

#[test]
fn folder_sorted_hidden_skipped_broken_reported() {
    let d = tmp();
    write(d.path(), "b.txt", "Bài B\n\nNội dung bài B.\n".as_bytes());
    write(d.path(), "a.txt", "Bài A\n\nNội dung bài A.\n".as_bytes());
    write(d.path(), "c", "Bài C\n\nNội dung bài C.\n".as_bytes());
    write(
        d.path(),
        ".ẩn.txt",
        "Bài ẩn\n\nKhông được nạp.\n".as_bytes(),
    );
    write(d.path(), "README.md", b"About this folder\n");
    write(d.path(), "ảnh.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(d.path(), "hỏng.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    fs::create_dir(d.path().join("thư mục con")).unwrap();

    let (files, errors) = loader::expand_paths(&[d.path()]);
    assert!(errors.is_empty());
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt", "c", "hỏng.txt"]);

    let results: Vec<_> = files.iter().map(|p| loader::load_file(p)).collect();
    let titles: Vec<&str> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["Bài A", "Bài B", "Bài C"]);
    let failed: Vec<&LoadError> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0].path().ends_with("hỏng.txt"));
}

#[test]
fn empty_folder_is_a_clear_error() {
    let d = tmp();
    write(d.path(), ".ẩn.txt", b"hidden\n");
    let (files, errors) = loader::expand_paths(&[d.path()]);
    assert!(files.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0], LoadError::EmptyFolder { .. }));
    assert_eq!(
        errors[0].to_string(),
        format!("{}: no article files in this folder", d.path().display())
    );
}

#[test]
fn paths_keep_their_given_order() {
    let d = tmp();
    let z = write(d.path(), "z.txt", "Z\n\nZ.\n".as_bytes());
    let a = write(d.path(), "a.txt", "A\n\nA.\n".as_bytes());
    let (files, errors) = loader::expand_paths(&[&z, &a]);
    assert!(errors.is_empty());
    assert_eq!(files, [z, a]);
}

// ---------------------------------------------------------------- the real articles (optional)

fn shared_articles() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        here.join("../shared/articles"),
        PathBuf::from("/work/shared/articles"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

#[test]
fn shared_articles_all_load() {
    let Some(dir) = shared_articles() else {
        eprintln!("../shared/articles absent: skipped");
        return;
    };
    let (files, errors) = loader::expand_paths(&[&dir]);
    assert!(errors.is_empty());
    assert!(files.len() >= 200, "{}", files.len());
    for p in &files {
        let a = loader::load_file(p).unwrap_or_else(|e| panic!("{e}"));
        assert_well_formed(&a);
        assert_ne!(a.title, "(untitled)", "{}", p.display());
        assert!(
            a.blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Lead | BlockKind::Paragraph)),
            "{}: no paragraph",
            p.display()
        );
    }
}

// ---------------------------------------------------------------- fixtures

#[test]
fn fixtures_load_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let short = ARTICLE[..ARTICLE.find("Nhiều thách thức").unwrap()].to_owned() + "Minh Khoa\n";
    for (name, encoding) in [
        ("windows-1258.txt", "windows-1258"),
        ("utf16le-no-bom.txt", "UTF-16LE"),
        ("utf16be-bom.txt", "UTF-16BE"),
        ("nfd-crlf.txt", "UTF-8"),
    ] {
        let bytes = fs::read(dir.join(name)).unwrap();
        let (text, info) = decode::decode_with_info(&bytes).unwrap();
        assert_eq!(info.encoding, encoding, "{name}");
        assert_eq!(text, short, "{name}");
        let a = loader::load_file(&dir.join(name)).unwrap();
        assert_eq!(a.byline.as_deref(), Some("Minh Khoa"), "{name}");
        assert_eq!(a.published, Published::new(2023, 3, 14, 8, 30), "{name}");
    }
    let a = loader::load_file(&dir.join("escapes.txt")).unwrap();
    assert_well_formed(&a);
    assert_eq!(a.title, "Tin đỏ và sạch");
    assert_eq!(a.block_text(1), "Đoạn mở đầu có tiêu đề giả ở giữa.");
    assert_eq!(a.block_text(5), "Dòng an toàn DÒNG ĐÈ LÊN không che chữ.");
    assert!(!a.text.contains("pwned"));
    assert!(matches!(
        loader::load_file(&dir.join("image.txt")),
        Err(LoadError::Decode {
            source: DecodeError::Binary("PNG image"),
            ..
        })
    ));
    assert!(matches!(
        loader::load_file(&dir.join("blank.txt")),
        Err(LoadError::Decode {
            source: DecodeError::Blank,
            ..
        })
    ));
}

#[test]
fn split_credits_and_contact_lines() {
    let body =
        "Ra mắt sách mới\n\nBuổi ra mắt diễn ra tại thư viện tỉnh.\n\nNhiều độc giả đến dự.\n\n";
    let a = parse(&format!("{body}Phương Nhi (theo\n\nIndependent)\n"));
    assert_eq!(a.byline.as_deref(), Some("Phương Nhi (theo Independent)"));
    let a = parse(&format!("{body}Ảnh:\n\nTư liệu\n"));
    assert_eq!(a.byline, None);
    let n = a.blocks.len();
    assert_eq!(a.blocks[n - 1].kind, BlockKind::Caption);
    assert_eq!(a.blocks[n - 2].kind, BlockKind::Caption);
    let a = parse(&format!(
        "{body}Email: toasoan@bao.vn\n\nHotline: 0912345678\n"
    ));
    assert_eq!(a.byline, None);
}

#[test]
fn a_hidden_character_anywhere_in_a_long_text_is_removed() {
    // Decoding skips clean stretches of the text a block at a time: whatever the position of
    // an escape, a control, an invisible or a bidi character, it is found and removed, and
    // text without one comes back unchanged.
    assert_eq!(decode::decode(ARTICLE.as_bytes()).unwrap(), ARTICLE);
    for (at, _) in ARTICLE.char_indices() {
        for hidden in [
            "\u{1b}[1m",
            "\u{7}",
            "\u{200B}",
            "\u{202E}",
            "\u{AD}",
            "\u{FEFF}",
        ] {
            let mut t = ARTICLE.to_owned();
            t.insert_str(at, hidden);
            assert_eq!(
                decode::decode(t.as_bytes()).unwrap(),
                ARTICLE,
                "{hidden:?} at {at}"
            );
        }
    }
}
