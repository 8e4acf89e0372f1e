//! Tables for organisations: heads, abbreviations and their expansions, place words, the
//! vocabulary of body names, and a gazetteer of well-known bodies, built once.
//!
//! Everything here is general knowledge of how Vietnamese news names bodies; nothing is taken
//! from any evaluation set.

use super::org_keys::{COMPOUND_KEYS, EXPANSION_KEYS, HEAD_KEYS};
use std::borrow::Cow;
use std::sync::LazyLock;

pub use super::{FastMap, FastSet};

/// How a head word behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadKind {
    /// A local body: an organisation only with an attached place or name ("UBND tỉnh Hải
    /// Dương", "Công an huyện Nghi Lộc"). With a bare place word ("UBND tỉnh") it is the
    /// reader's "title-like" body of a one-province article.
    Local,
    /// A generic head that needs a name after it ("Bộ Công Thương", "Trường THPT Chu Văn An").
    Named,
    /// A body by itself ("Bộ Chính trị", "Tòa án nhân dân"); a name or place may follow.
    Complete,
    /// A classifier that stays outside the span: "hãng Boeing" → Boeing.
    Classifier,
}

/// Head phrases, written in their usual form. Matching is case-insensitive and tolerant of
/// old/new tone placement.
pub const HEADS: &[(&str, HeadKind)] = &[
    // Local government, party and justice bodies.
    ("UBND", HeadKind::Local),
    ("Ủy ban nhân dân", HeadKind::Local),
    ("HĐND", HeadKind::Local),
    ("Hội đồng nhân dân", HeadKind::Local),
    ("Công an", HeadKind::Local),
    ("TAND", HeadKind::Local),
    ("VKSND", HeadKind::Local),
    ("Tòa án nhân dân", HeadKind::Complete),
    ("Viện kiểm sát nhân dân", HeadKind::Complete),
    ("Tòa án", HeadKind::Named),
    ("Viện kiểm sát", HeadKind::Named),
    ("Tỉnh ủy", HeadKind::Local),
    ("Thành ủy", HeadKind::Local),
    ("Huyện ủy", HeadKind::Local),
    ("Quận ủy", HeadKind::Local),
    ("Thị ủy", HeadKind::Local),
    ("Đảng ủy", HeadKind::Local),
    ("Đảng bộ", HeadKind::Local),
    ("Sở", HeadKind::Local),
    ("Phòng", HeadKind::Named),
    ("Chi cục", HeadKind::Named),
    ("Bộ CHQS", HeadKind::Local),
    ("Bộ Chỉ huy Quân sự", HeadKind::Local),
    ("Bộ Chỉ huy Bộ đội Biên phòng", HeadKind::Local),
    ("Bộ Chỉ huy BĐBP", HeadKind::Local),
    ("Ban CHQS", HeadKind::Local),
    ("Ban Chỉ huy Quân sự", HeadKind::Local),
    ("BCHQS", HeadKind::Local),
    ("BĐBP", HeadKind::Local),
    ("Bộ đội Biên phòng", HeadKind::Local),
    ("Đồn Biên phòng", HeadKind::Named),
    ("Đồn BP", HeadKind::Named),
    ("Ủy ban MTTQ", HeadKind::Local),
    ("Ủy ban Mặt trận Tổ quốc", HeadKind::Local),
    ("MTTQ", HeadKind::Local),
    ("Mặt trận Tổ quốc", HeadKind::Local),
    ("Ban Thường vụ", HeadKind::Local),
    ("BTV", HeadKind::Local),
    ("Kho bạc Nhà nước", HeadKind::Complete),
    ("Kho bạc", HeadKind::Named),
    ("Hạt Kiểm lâm", HeadKind::Named),
    ("Chi cục Kiểm lâm", HeadKind::Named),
    ("Cảng vụ", HeadKind::Named),
    ("Đội", HeadKind::Named),
    ("Trạm", HeadKind::Named),
    // National bodies.
    ("Bộ", HeadKind::Named),
    ("Bộ Chính trị", HeadKind::Complete),
    ("Ban Bí thư", HeadKind::Complete),
    ("Ban Chấp hành Trung ương", HeadKind::Complete),
    ("Ban Chấp hành", HeadKind::Named),
    ("Bộ Tư lệnh", HeadKind::Named),
    ("Bộ Tổng tham mưu", HeadKind::Complete),
    ("Văn phòng Chính phủ", HeadKind::Complete),
    ("Văn phòng Quốc hội", HeadKind::Complete),
    ("Văn phòng Trung ương Đảng", HeadKind::Complete),
    ("Văn phòng", HeadKind::Named),
    ("Ngân hàng Nhà nước", HeadKind::Complete),
    ("Kiểm toán Nhà nước", HeadKind::Complete),
    ("Ủy ban Chứng khoán Nhà nước", HeadKind::Complete),
    ("Ủy ban Kiểm tra Trung ương", HeadKind::Complete),
    ("Quốc hội", HeadKind::Named),
    ("Nghị viện", HeadKind::Named),
    ("Thượng viện", HeadKind::Named),
    ("Hạ viện", HeadKind::Named),
    ("Cục", HeadKind::Named),
    ("Tổng cục", HeadKind::Named),
    ("Vụ", HeadKind::Named),
    ("Ban", HeadKind::Named),
    ("Ủy ban", HeadKind::Named),
    ("Hội đồng", HeadKind::Named),
    ("Mặt trận", HeadKind::Named),
    ("Quân khu", HeadKind::Named),
    ("Quân đoàn", HeadKind::Named),
    ("Sư đoàn", HeadKind::Named),
    ("Lữ đoàn", HeadKind::Named),
    ("Trung đoàn", HeadKind::Named),
    ("Đảng", HeadKind::Named),
    ("Cơ quan", HeadKind::Named),
    ("Đoàn TNCS", HeadKind::Named),
    ("Đoàn Thanh niên", HeadKind::Named),
    ("Hội Liên hiệp Phụ nữ", HeadKind::Named),
    ("Hội LHPN", HeadKind::Named),
    ("Liên đoàn Lao động", HeadKind::Named),
    // Education, health, science.
    ("Trường", HeadKind::Named),
    ("Đại học", HeadKind::Named),
    ("ĐH", HeadKind::Named),
    ("Học viện", HeadKind::Named),
    ("Viện", HeadKind::Named),
    ("Viện Đại học", HeadKind::Named),
    ("Nhạc viện", HeadKind::Named),
    ("Bệnh viện", HeadKind::Named),
    ("BV", HeadKind::Named),
    ("Trung tâm", HeadKind::Named),
    ("Bảo tàng", HeadKind::Named),
    ("Thư viện", HeadKind::Named),
    // Business.
    ("Công ty", HeadKind::Named),
    ("Cty", HeadKind::Named),
    ("CTCP", HeadKind::Named),
    ("Tổng công ty", HeadKind::Named),
    ("Tổng Cty", HeadKind::Named),
    ("Tập đoàn", HeadKind::Named),
    ("Ngân hàng", HeadKind::Named),
    ("Nhà máy", HeadKind::Named),
    ("Xí nghiệp", HeadKind::Named),
    ("Hợp tác xã", HeadKind::Named),
    ("HTX", HeadKind::Named),
    ("Liên doanh", HeadKind::Named),
    ("Hãng phim", HeadKind::Named),
    ("Nhà xuất bản", HeadKind::Named),
    ("NXB", HeadKind::Named),
    ("Nhà sách", HeadKind::Named),
    ("Quỹ", HeadKind::Named),
    ("Sở Giao dịch Chứng khoán", HeadKind::Named),
    ("Sở GDCK", HeadKind::Named),
    ("Phòng giao dịch", HeadKind::Named),
    ("Chi nhánh", HeadKind::Named),
    // Associations, media, diplomacy, sport.
    ("Hội", HeadKind::Named),
    ("Hiệp hội", HeadKind::Named),
    ("Chi hội", HeadKind::Named),
    ("Liên hiệp", HeadKind::Named),
    ("Liên đoàn", HeadKind::Named),
    ("Liên minh", HeadKind::Named),
    ("Tổ chức", HeadKind::Named),
    ("Báo", HeadKind::Named),
    ("Báo điện tử", HeadKind::Named),
    ("Đài", HeadKind::Named),
    ("Đài Truyền hình", HeadKind::Named),
    ("Đài Phát thanh", HeadKind::Named),
    ("Đại sứ quán", HeadKind::Named),
    ("Tổng Lãnh sự quán", HeadKind::Named),
    ("Lãnh sự quán", HeadKind::Named),
    ("CLB", HeadKind::Named),
    ("Câu lạc bộ", HeadKind::Named),
    ("Học viện Bóng đá", HeadKind::Named),
    ("Nhóm", HeadKind::Named),
    // Classifiers outside the span.
    ("hãng", HeadKind::Classifier),
    ("tờ", HeadKind::Classifier),
    ("tạp chí", HeadKind::Classifier),
    ("nhật báo", HeadKind::Classifier),
    ("tuần báo", HeadKind::Classifier),
    ("kênh", HeadKind::Classifier),
    ("hãng tin", HeadKind::Classifier),
    ("hãng thông tấn", HeadKind::Classifier),
];

/// Heads that are organisations only when a place follows somewhere in the name: a bare
/// "Sở Tài chính" is one of many, "Sở Tài chính Hà Nội" is one body.
pub const NEEDS_PLACE: &[&str] = &["sở"];

/// Abbreviations and their expansions. The expansions are also how an abbreviated and a
/// written-out mention are found to be one organisation.
pub const EXPANSIONS: &[(&str, &str)] = &[
    ("PTNT", "Phát triển nông thôn"),
    ("MT", "Môi trường"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("VKSND", "Viện kiểm sát nhân dân"),
    ("VKS", "Viện kiểm sát"),
    ("TAND", "Tòa án nhân dân"),
    ("CHQS", "Chỉ huy Quân sự"),
    ("BCHQS", "Ban Chỉ huy Quân sự"),
    ("BTV", "Ban Thường vụ"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BCH", "Ban Chấp hành"),
    ("CA", "Công an"),
    ("BĐBP", "Bộ đội Biên phòng"),
    ("BP", "Biên phòng"),
    ("CSGT", "Cảnh sát giao thông"),
    ("PCCC", "Phòng cháy chữa cháy"),
    ("CNCH", "Cứu nạn cứu hộ"),
    ("GTVT", "Giao thông vận tải"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GD-ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TN-MT", "Tài nguyên và Môi trường"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("TTTT", "Thông tin và Truyền thông"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN-PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐ-TB-XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KH-CN", "Khoa học và Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("KH-ĐT", "Kế hoạch và Đầu tư"),
    ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    ("VH-TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("ATGT", "An toàn giao thông"),
    ("THPT", "Trung học phổ thông"),
    ("THCS", "Trung học cơ sở"),
    ("TNHH", "Trách nhiệm hữu hạn"),
    ("MTV", "Một thành viên"),
    ("CP", "Cổ phần"),
    ("TMCP", "Thương mại cổ phần"),
    ("CTCP", "Công ty cổ phần"),
    ("Cty", "Công ty"),
    ("HTX", "Hợp tác xã"),
    ("ĐH", "Đại học"),
    ("ĐHQG", "Đại học Quốc gia"),
    ("BV", "Bệnh viện"),
    ("CLB", "Câu lạc bộ"),
    ("NXB", "Nhà xuất bản"),
    ("TP", "Thành phố"),
    ("TP.", "Thành phố"),
    ("Tp", "Thành phố"),
    ("Tp.", "Thành phố"),
    ("TW", "Trung ương"),
    ("QLDA", "Quản lý dự án"),
    ("LHPN", "Liên hiệp Phụ nữ"),
    ("TNCS", "Thanh niên Cộng sản"),
    ("NLSH", "Nhiên liệu sinh học"),
    ("BQP", "Bộ Quốc phòng"),
    ("BCA", "Bộ Công an"),
    ("BYT", "Bộ Y tế"),
    ("VQG", "Vườn quốc gia"),
    ("LHQ", "Liên Hợp Quốc"),
];

/// Words that attach a place to a body ("UBND tỉnh …", "Công an TP. …").
pub const PLACE_WORDS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "tp",
    "tp.",
    "t.p",
    "huyện",
    "quận",
    "q.",
    "q",
    "p",
    "xã",
    "phường",
    "p.",
    "thị xã",
    "tx",
    "tx.",
    "thị trấn",
    "thủ đô",
];

/// Acronyms that name a kind of body or a role, never one body by themselves.
pub const GENERIC_ACRONYMS: &[&str] = &[
    "PHHS", "CMHS", "BĐD", "BGH", "BGĐ", "UBKT", "VKS", "CSGT", "CQĐT", "CQCSĐT", "HĐQT", "HĐXX",
    "THPT", "THCS", "TNHH", "MTV", "CP", "TMCP", "CTCP", "HTX", "UBND", "HĐND", "TAND", "VKSND",
    "BTV", "BCH", "MTTQ", "CHQS", "BĐBP", "CA", "TP", "TP.HCM", "TPHCM", "HCM", "HLV", "CLB", "BV",
    "ĐH", "DN", "DNNN", "CEO", "USD", "VNĐ", "VND", "SN", "TS", "PGS", "GS", "ThS", "BS", "NSND",
    "NSƯT", "PV", "CTV", "GTVT", "PCCC", "CNCH", "ATGT", "KCN", "VQG", "ĐT", "FC", "LHQ",
];

/// Two-syllable words that make up the descriptive part of bodies' names ("Bộ Giao thông vận
/// tải", "Trường tiểu học …", "Công ty cổ phần …"). A name goes on through a lowercase word
/// only as part of one of these; "Bộ Y tế khuyến cáo" stops after "tế".
pub const COMPOUNDS: &str = "sinh vật|vật cảnh|chỉ huy|tuần tra|quan sát|nội bộ|cán bộ|toàn bộ|\
    tri thức|nhập cảnh|xuất cảnh|xuất nhập cảnh|\
    đại biểu|quốc gia|\
    tự do|cơ đốc|lựa chọn|nghệ cao|bảo an|thị trường|người nghèo|giải phóng|dân tộc|\
    bóng đá|bóng chuyền|bóng rổ|điền kinh|cầu lông|thúc đẩy|khuyến học|\
    tối cao|kiểm soát|phục vụ|cộng hòa|cộng hoà|kiểm định|dân chủ|xã hội chủ nghĩa|\
    giao thông|vận tải|nông nghiệp|nông thôn|phát triển|tài nguyên|\
    môi trường|giáo dục|đào tạo|y tế|văn hóa|văn hoá|thể thao|du lịch|công thương|thương mại|\
    công nghiệp|công nghệ|khoa học|kế hoạch|đầu tư|xây dựng|lao động|thương binh|xã hội|nội vụ|\
    tư pháp|ngoại giao|quốc phòng|an ninh|tài chính|thông tin|truyền thông|thủy sản|thuỷ sản|\
    thủy lợi|thuỷ lợi|điện lực|dầu khí|hóa chất|hoá chất|sản xuất|kinh doanh|dịch vụ|cổ phần|\
    trách nhiệm|hữu hạn|một thành|thành viên|tiểu học|mầm non|trung học|cơ sở|phổ thông|\
    chuyên nghiệp|đa khoa|nhân dân|quân sự|quân đội|sư phạm|kỹ thuật|kĩ thuật|kinh tế|y dược|\
    y học|bảo vệ|thực vật|động vật|thú y|kiểm lâm|kiểm sát|kiểm toán|kiểm tra|thanh tra|\
    hải quan|hàng hải|hàng không|đường bộ|đường sắt|đường thủy|cao tốc|chứng khoán|ngân hàng|\
    bảo hiểm|tín dụng|tiết kiệm|phân bón|xuất nhập|nhập khẩu|xuất khẩu|quốc tế|quốc gia|\
    trung ương|phòng cháy|chữa cháy|cứu nạn|cứu hộ|phòng chống|thiên tai|lụt bão|đê điều|\
    khí tượng|thủy văn|thuỷ văn|dự báo|nghiên cứu|bảo tồn|di sản|bảo tàng|lịch sử|văn học|\
    nghệ thuật|điện ảnh|sân khấu|âm nhạc|mỹ thuật|báo chí|xuất bản|phát thanh|truyền hình|\
    thư viện|tuyên truyền|tuyên giáo|dân vận|thường vụ|thường trực|chấp hành|\
    chính trị|chính sách|hậu cần|tham mưu|biên phòng|cảnh sát|cảnh vệ|điều tra|hình sự|\
    ma túy|ma tuý|giao dịch|chi nhánh|hội sở|cao tuổi|phụ nữ|thanh niên|cựu chiến|chiến binh|\
    nông dân|công đoàn|chữ thập|thập đỏ|lưỡi liềm|liềm đỏ|quản lý|dự án|an toàn|thực phẩm|\
    vệ sinh|dinh dưỡng|dược phẩm|thiết bị|vật tư|xăng dầu|lương thực|lâm nghiệp|chăn nuôi|\
    trồng trọt|khuyến nông|gang thép|xi măng|bia rượu|giải khát|đóng tàu|tàu thủy|tàu thuỷ|\
    cơ khí|điện tử|viễn thông|phần mềm|tin học|máy tính|kiến trúc|quy hoạch|đô thị|nhà ở|\
    bất động|động sản|thẩm định|giám định|pháp y|giám sát|đăng kiểm|thi hành|hành án|dân sự|\
    hành chính|lữ hành|khách sạn|vận chuyển|hàng hóa|hàng hoá|bưu chính|bưu điện|chiếu phim|\
    phim truyện|tư liệu|hoạt hình|khai thác|thăm dò|lọc dầu|hóa dầu|hoá dầu|nhiên liệu|\
    sinh học|năng lượng|tái tạo|nước sạch|cấp nước|thoát nước|chiếu sáng|cây xanh|\
    môi sinh|nhân văn|ngoại ngữ|ngoại thương|bách khoa|tổng hợp|nông lâm|lâm sản|mỏ địa|\
    địa chất|khoáng sản|cao đẳng|dạy nghề|nghề nghiệp|giáo viên|học sinh|sinh viên|phụ huynh|\
    người mù|khuyết tật|nạn nhân|chất độc|da cam|nhi đồng|thiếu niên|thiếu nhi|trẻ em|\
    gia đình|dân số|kế toán|tư vấn|thiết kế|in ấn|phát hành|sách báo|bán lẻ|siêu thị|\
    thời trang|dệt may|may mặc|da giày|thủ công|mỹ nghệ|gốm sứ|điện máy|điện lạnh|ô tô|\
    xe máy|vận hành|bảo trì|sửa chữa|lắp máy|lắp đặt|cầu đường|công trình|thủy điện|\
    thuỷ điện|nhiệt điện|truyền tải|phân phối|chiến lược|chính sách|pháp chế|pháp luật|\
    ngân sách|thuế vụ|kho bạc|dự trữ|thống kê|tiêu chuẩn|đo lường|chất lượng|sở hữu|trí tuệ|\
    bản quyền|tác giả|nhạc sĩ|nhà văn|nhà báo|điện ảnh|sinh thái|thủy tinh|cao su|cà phê|\
    hồ tiêu|thủy tinh|dệt kim|sợi|giấy|bột giấy|xơ sợi|nước giải|phòng giáo|mặt trận|\
    tổ quốc|liên hiệp|hữu nghị|hợp tác|ngoại vụ|lãnh sự|đại sứ|người việt|cảnh sát|\
    giám đốc|đặc nhiệm|cơ động|phản ứng|hình ảnh|di trú|tị nạn|nhân quyền|nhân đạo|\
    từ thiện|bảo trợ|xã hội|văn phòng|luật sư|công chứng|trọng tài|thẩm phán|công an|\
    lọc hóa|lọc hoá|đường thuỷ|văn hoá|hòa bình|hoà bình|kỷ luật|tiền tệ|ngoại hối";

/// Common Vietnamese surnames: after a body's name, one of them followed by a capitalised word
/// is the name of the person holding the office ("Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng").
pub const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lương", "Mai", "Trịnh", "Tạ", "Vương", "Tô",
    "Quách", "Kiều", "Mạc", "Chu", "Hứa", "Lưu", "Tăng", "Triệu", "Nông", "Lò", "Đàm", "Khổng",
    "Lại", "Phùng", "Tống", "Trình",
];

/// Lowercase words that never continue a name (verbs, function words, time words).
pub const STOP_WORDS: &[&str] = &[
    "khóa", "khoá", "khu", "vực", "vùng", "miền", "địa", "bàn", "và", "của", "cho", "là", "đã",
    "đang", "sẽ", "với", "tại", "ở", "trong", "về", "được", "bị", "có", "không", "này", "đó",
    "kia", "các", "những", "một", "để", "khi", "thì", "mà", "nhưng", "hay", "hoặc", "vừa", "mới",
    "cũng", "đều", "vẫn", "còn", "rằng", "theo", "từ", "đến", "trên", "dưới", "sau", "trước",
    "năm", "ngày", "tháng", "giờ", "biết", "cho", "làm", "nói", "nhận", "đề", "nghị", "yêu",
    "phối", "vào", "ra", "lên", "xuống", "qua", "lại", "nên", "vì", "do", "bởi", "như", "nhiều",
    "ít", "rất",
];

/// Well-known bodies written bare, by their usual names: international organisations, news
/// agencies and papers, companies, banks, football clubs, parties and religions. General
/// knowledge, the kind a reader of Vietnamese news meets every week.
pub const KNOWN: &[&str] = &[
    "Ocean Bank",
    "Petro Vietnam",
    "AkzoNobel",
    "hồi giáo",
    // International bodies and alliances.
    "Liên Hợp Quốc",
    "Liên hợp quốc",
    "LHQ",
    "Hội đồng Bảo an",
    "EU",
    "Liên minh châu Âu",
    "NATO",
    "ASEAN",
    "APEC",
    "WTO",
    "WHO",
    "IMF",
    "UNESCO",
    "UNICEF",
    "UNDP",
    "UNHCR",
    "FAO",
    "IAEA",
    "OPEC",
    "Interpol",
    "WB",
    "Ngân hàng Thế giới",
    "Ngân hàng thế giới",
    "ADB",
    "JICA",
    "KOICA",
    "USAID",
    "OECD",
    "WWF",
    "IOM",
    "ICRC",
    "Chữ thập đỏ quốc tế",
    "Fed",
    "ECB",
    "FIFA",
    "UEFA",
    "AFC",
    "AFF",
    "VFF",
    "VPF",
    "IOC",
    "FA",
    "LĐBĐ",
    "FBI",
    "CIA",
    "NASA",
    "KGB",
    "FSB",
    "NSA", // Armed and political groups, religions.
    "IS",
    "ISIS",
    "ISIL",
    "Nhà nước Hồi giáo",
    "al-Qaeda",
    "Al-Qaeda",
    "Taliban",
    "Hamas",
    "Hezbollah",
    "Houthi",
    "al-Nusra",
    "Al-Nusra",
    "SDF",
    "YPG",
    "PKK",
    "HTS",
    "Boko Haram",
    "al-Shabaab",
    "Hồi giáo",
    "Công giáo",
    "Phật giáo",
    "Tin Lành",
    "Tin lành",
    "CDU",
    "CSU",
    "SPD",
    "FDP",
    "AfD",
    "Die Linke",
    "Đảng Cộng hòa",
    "Đảng Dân chủ",
    "đảng Cộng hòa",
    "đảng Dân chủ",
    "Quốc dân đảng",
    "Việt Minh",
    "Việt Cộng",
    "Khmer Đỏ",
    // News agencies, papers, broadcasters.
    "TTXVN",
    "VOV",
    "VTV",
    "VTC",
    "HTV",
    "VTC News",
    "Vietnam+",
    "AFP",
    "Reuters",
    "AP",
    "BBC",
    "CNN",
    "CNBC",
    "Bloomberg",
    "TASS",
    "Tass",
    "Sputnik",
    "RT",
    "Yonhap",
    "Tân Hoa xã",
    "Xinhua",
    "Kyodo",
    "NHK",
    "Al Jazeera",
    "Fox News",
    "New York Times",
    "Washington Post",
    "The Guardian",
    "Guardian",
    "Daily Mail",
    "Daily Mirror",
    "Mirror",
    "The Sun",
    "Telegraph",
    "The Times",
    "Financial Times",
    "Wall Street Journal",
    "Forbes",
    "Nikkei",
    "Newsweek",
    "Marca",
    "Sky Sports",
    "ESPN",
    "L'Equipe",
    "Gazzetta dello Sport",
    "Mundo Deportivo",
    "VnExpress",
    "Dân Trí",
    "Tuổi Trẻ",
    "Thanh Niên",
    "Tiền Phong",
    "Lao Động",
    "Người Lao Động",
    "Vietnamnet",
    "VietNamNet",
    "Kenh14",
    "Soha",
    "Infonet",
    "Dân Việt",
    "Pháp Luật TP.HCM",
    "Sài Gòn Giải Phóng",
    "An ninh Thủ đô",
    "Đất Việt",
    "Thể Thao Việt Nam",
    "Thời báo Kinh tế Việt Nam",
    "Đời sống & Pháp luật",
    // Vietnamese groups, banks and brands.
    "PVN",
    "PetroVietnam",
    "Petrolimex",
    "EVN",
    "Viettel",
    "VNPT",
    "MobiFone",
    "Mobifone",
    "Vinaphone",
    "VinaPhone",
    "FPT",
    "Vingroup",
    "Vinamilk",
    "Sabeco",
    "Habeco",
    "Masan",
    "Hòa Phát",
    "Hoà Phát",
    "Vinacomin",
    "TKV",
    "Vinachem",
    "Vinatex",
    "VNSteel",
    "VNSTEEL",
    "Vietnam Airlines",
    "Vietjet",
    "VietJet",
    "Vietjet Air",
    "Jetstar Pacific",
    "Bamboo Airways",
    "Vietcombank",
    "VietinBank",
    "Vietinbank",
    "BIDV",
    "Agribank",
    "Techcombank",
    "VPBank",
    "ACB",
    "Sacombank",
    "MBBank",
    "HDBank",
    "SHB",
    "TPBank",
    "OceanBank",
    "Oceanbank",
    "SCB",
    "Eximbank",
    "SeABank",
    "LienVietPostBank",
    "VIB",
    "MSB",
    "Maritime Bank",
    "ABBank",
    "NHCSXH",
    "NHNN",
    "SBV",
    "SJC",
    "PNJ",
    "DOJI",
    "HAGL",
    "Hoàng Anh Gia Lai",
    "FLC",
    "Thế Giới Di Động",
    "Thế giới Di động",
    "Bách Hóa Xanh",
    "Fahasa",
    "Saigontourist",
    "Hanoitourist",
    "Vietravel",
    "Vinasun",
    "Grab",
    "Uber",
    "HOSE",
    "HNX",
    "UBCKNN",
    "SCIC",
    "VCCI",
    "VINASA",
    "Vietsovpetro",
    "PV Gas",
    "PV Oil",
    "PVOil",
    "BSR",
    "Bkav",
    "Vissan", // International companies.
    "Apple",
    "Google",
    "Microsoft",
    "Samsung",
    "IBM",
    "Intel",
    "Amazon",
    "Alibaba",
    "Tencent",
    "Huawei",
    "Xiaomi",
    "Oppo",
    "Sony",
    "Toshiba",
    "Panasonic",
    "LG",
    "Nokia",
    "Qualcomm",
    "Boeing",
    "Airbus",
    "Toyota",
    "Honda",
    "Ford",
    "Hyundai",
    "Nissan",
    "Mitsubishi",
    "Volkswagen",
    "BMW",
    "Mercedes-Benz",
    "Tesla",
    "General Motors",
    "Nestlé",
    "Nestle",
    "Unilever",
    "Procter & Gamble",
    "P&G",
    "Coca-Cola",
    "PepsiCo",
    "Pepsi",
    "McDonald's",
    "Starbucks",
    "KFC",
    "Lotte",
    "Aeon",
    "AEON",
    "Walmart",
    "Carrefour",
    "Big C",
    "L'Oréal",
    "L'Oreal",
    "L’Oréal",
    "L’Oreal",
    "Shiseido",
    "Estée Lauder",
    "Johnson & Johnson",
    "Pfizer",
    "Novartis",
    "Bayer",
    "Siemens",
    "Canon",
    "Nikon",
    "Hitachi",
    "Fujitsu",
    "NEC",
    "Dell",
    "HP",
    "Lenovo",
    "Acer",
    "Asus",
    "Cisco",
    "Oracle",
    "Netflix",
    "Gucci",
    "Louis Vuitton",
    "Chanel",
    "Dior",
    "Hermès",
    "Prada",
    "Armani",
    "Giorgio Armani",
    "Versace",
    "Burberry",
    "Zara",
    "H&M",
    "Uniqlo",
    "Nike",
    "Adidas",
    "Puma",
    "Goldman Sachs",
    "JPMorgan",
    "Citigroup",
    "HSBC",
    "Standard Chartered",
    "Deutsche Bank",
    "UBS",
    "Moody's",
    "Fitch",
    "S&P",
    "Gazprom",
    "Rosneft",
    "Lukoil",
    "ExxonMobil",
    "Chevron",
    "Shell",
    "SK Hynix",
    "Foxconn",
    "Dentsu",
    "Trend Micro",
    "Kaspersky",
    "Symantec",
    // Football clubs as Vietnamese news names them.
    "Chelsea",
    "Arsenal",
    "Liverpool",
    "Tottenham",
    "Everton",
    "Man City",
    "Manchester City",
    "Man Utd",
    "Man United",
    "Manchester United",
    "MU",
    "M.U",
    "Leicester",
    "West Ham",
    "Newcastle",
    "Southampton",
    "Stoke",
    "Stoke City",
    "Aston Villa",
    "Crystal Palace",
    "Watford",
    "Burnley",
    "Swansea",
    "Bournemouth",
    "Brighton",
    "Huddersfield",
    "West Brom",
    "Wolves",
    "Fulham",
    "Leeds",
    "Sunderland",
    "Middlesbrough",
    "Norwich",
    "Real Madrid",
    "Barcelona",
    "Barca",
    "Barça",
    "Atletico Madrid",
    "Atletico",
    "Atlético Madrid",
    "Sevilla",
    "Valencia",
    "Villarreal",
    "Real Sociedad",
    "Athletic Bilbao",
    "Real Betis",
    "Betis",
    "Celta Vigo",
    "Espanyol",
    "Getafe",
    "Levante",
    "Deportivo",
    "Deportivo La Coruna",
    "Deportivo Alaves",
    "Alaves",
    "Malaga",
    "Eibar",
    "Girona",
    "Las Palmas",
    "Leganes",
    "Bayern Munich",
    "Bayern",
    "Dortmund",
    "Borussia Dortmund",
    "Schalke",
    "Leverkusen",
    "RB Leipzig",
    "Juventus",
    "Juve",
    "Inter Milan",
    "AC Milan",
    "Napoli",
    "AS Roma",
    "Lazio",
    "Fiorentina",
    "Atalanta",
    "PSG",
    "Paris Saint-Germain",
    "Benfica",
    "Sporting Lisbon",
    "Ajax",
    "PSV",
    "Celtic",
    "Galatasaray",
    "Zenit",
    "CSKA Moscow",
    "Spartak Moscow",
    "Shakhtar Donetsk",
    "Boca Juniors",
    "Boca Junior",
    "River Plate",
    "Flamengo",
    "LA Galaxy",
    "Guangzhou Evergrande",
    "Shanghai SIPG",
    "Shanghai Shenhua",
    "HAGL",
    "SLNA",
    "Hà Nội FC",
    "Hà Nội T&T",
    "Viettel FC",
    "SHB Đà Nẵng",
    "Becamex Bình Dương",
    "Than Quảng Ninh",
    "FLC Thanh Hóa",
    "Sanna Khánh Hòa",
    "Quảng Nam FC",
    "Hải Phòng FC",
];

/// Platforms, products and websites that look like brands but are never annotated bodies.
pub const NOT_ORGS: &[&str] = &[
    "Facebook",
    "YouTube",
    "Youtube",
    "Twitter",
    "Instagram",
    "TikTok",
    "Zalo",
    "WhatsApp",
    "WeChat",
    "Viber",
    "Skype",
    "LinkedIn",
    "iPhone",
    "iPad",
    "MacBook",
    "iOS",
    "Android",
    "Windows",
    "PlayStation",
    "Xbox",
    "Gmail",
    "Wikipedia",
    "Internet",
    "PowerPoint",
];

/// A head as the matcher sees it.
#[derive(Clone, Debug)]
pub struct Head {
    /// The canonical key of the head phrase.
    pub key: String,
    pub kind: HeadKind,
    /// How many words the head has.
    pub words: usize,
}

/// Everything the organisation rules look up, built once.
pub struct Lexicon {
    /// Canonical key of a phrase of one to five words → head.
    pub heads: FastMap<String, Head>,
    /// Canonical first words of heads and of place words: a cheap filter before lookups.
    pub head_first: FastSet<&'static str>,
    pub place_first: FastSet<Cow<'static, str>>,
    /// Longest head, in words.
    pub max_head_words: usize,
    /// Abbreviation (as written) → expansion.
    pub expansions: FastMap<&'static str, &'static str>,
    /// A bit per [`expansion_bit`] of the abbreviations: most words are none, and skip the
    /// hash lookup of [`Lexicon::expansion`].
    expansion_bits: [u64; 64],
    /// (abbreviation, expansion, canonical expansion).
    pub expansion_keys: Vec<(&'static str, &'static str, &'static str)>,
    /// Canonical keys of place words.
    pub places: FastSet<String>,
    pub generic_acronyms: FastSet<&'static str>,
    pub compounds: FastSet<&'static str>,
    /// First syllables of compounds: a generic head followed by one may still name a body.
    pub compound_first: FastSet<&'static str>,
    pub surnames: FastSet<&'static str>,
    pub stop_words: FastSet<&'static str>,
    pub known: Vec<&'static str>,
    /// The same, for membership tests.
    pub known_set: FastSet<&'static str>,
    pub not_orgs: FastSet<&'static str>,
    pub needs_place: FastSet<&'static str>,
    /// Canonical word → which of `head_first`, `place_first`, `compound_first` and
    /// `stop_words` hold it (the `WORD_*` bits): one lookup instead of four.
    pub word_flags: FastMap<Cow<'static, str>, u8>,
}

/// The bit of a word in [`Lexicon::expansion_bits`]: its first two bytes and its length.
fn expansion_bit(w: &[u8]) -> usize {
    let first = w.first().copied().unwrap_or(0) as usize;
    let second = w.get(1).copied().unwrap_or(0) as usize;
    (first.wrapping_mul(31) ^ second.wrapping_mul(131) ^ w.len() << 7) & 0xFFF
}

impl Lexicon {
    /// The expansion of the abbreviation `w` (as written), if it is one.
    #[inline]
    pub fn expansion(&self, w: &str) -> Option<&'static str> {
        let bit = expansion_bit(w.as_bytes());
        if self.expansion_bits[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.expansions.get(w).copied()
    }
}

/// Bits of [`Lexicon::word_flags`].
pub const WORD_HEAD_FIRST: u8 = 1;
pub const WORD_PLACE_FIRST: u8 = 2;
pub const WORD_COMPOUND_FIRST: u8 = 4;
pub const WORD_STOP: u8 = 8;

/// The canonical keys of [`COMPOUNDS`] of two words or more, in order: what
/// `org_keys.rs` holds as `COMPOUND_KEYS`.
#[cfg(test)]
fn compound_keys() -> Vec<String> {
    COMPOUNDS
        .split('|')
        .map(|c| crate::extract::orgs::canonical(c.trim()))
        .filter(|c| c.contains(' '))
        .collect()
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // The canonical keys are generated (`org_keys.rs`): keying the lists at start-up cost
    // every run of `bao` more than a short article.
    let mut compounds: FastSet<&'static str> =
        FastSet::with_capacity_and_hasher(COMPOUND_KEYS.len(), Default::default());
    compounds.extend(COMPOUND_KEYS.iter().copied());
    let mut compound_first: FastSet<&'static str> =
        FastSet::with_capacity_and_hasher(compounds.len(), Default::default());
    compound_first.extend(
        COMPOUND_KEYS
            .iter()
            .map(|c| c.split(' ').next().unwrap_or("")),
    );
    let mut heads = FastMap::with_capacity_and_hasher(HEADS.len(), Default::default());
    let mut max_head_words = 1;
    for (&(_, kind), &key) in HEADS.iter().zip(HEAD_KEYS) {
        let key = key.to_owned();
        let words = key.split(' ').count();
        max_head_words = max_head_words.max(words);
        heads.insert(key.clone(), Head { key, kind, words });
    }
    let head_first: FastSet<&'static str> = HEAD_KEYS
        .iter()
        .map(|k| k.split(' ').next().unwrap_or(""))
        .collect();
    let place_first: FastSet<Cow<'static, str>> = PLACE_WORDS
        .iter()
        .map(|p| match crate::extract::orgs::canonical_static(p) {
            Cow::Borrowed(c) => Cow::Borrowed(c.split(' ').next().unwrap_or("")),
            Cow::Owned(c) => Cow::Owned(c.split(' ').next().unwrap_or("").to_owned()),
        })
        .collect();
    let stop_words: FastSet<&'static str> = STOP_WORDS.iter().copied().collect();
    let mut word_flags: FastMap<Cow<'static, str>, u8> = FastMap::with_capacity_and_hasher(
        head_first.len() + place_first.len() + compound_first.len() + stop_words.len(),
        Default::default(),
    );
    // The keys are the tables' own, borrowed, but for a place word's that is not.
    let mut add = |w: Cow<'static, str>, bit: u8| *word_flags.entry(w).or_insert(0) |= bit;
    for &w in &head_first {
        add(Cow::Borrowed(w), WORD_HEAD_FIRST);
    }
    for w in &place_first {
        add(w.clone(), WORD_PLACE_FIRST);
    }
    for &w in &compound_first {
        add(Cow::Borrowed(w), WORD_COMPOUND_FIRST);
    }
    for &w in &stop_words {
        add(Cow::Borrowed(w), WORD_STOP);
    }
    let mut expansion_bits = [0u64; 64];
    for (a, _) in EXPANSIONS {
        let bit = expansion_bit(a.as_bytes());
        expansion_bits[bit / 64] |= 1 << (bit % 64);
    }
    Lexicon {
        word_flags,
        expansion_bits,
        head_first,
        place_first,
        heads,
        max_head_words,
        expansions: EXPANSIONS.iter().copied().collect(),
        expansion_keys: EXPANSIONS
            .iter()
            .zip(EXPANSION_KEYS)
            .map(|(&(a, e), &k)| (a, e, k))
            .collect(),
        places: PLACE_WORDS
            .iter()
            .map(|p| crate::extract::orgs::canonical(p))
            .collect(),
        generic_acronyms: GENERIC_ACRONYMS.iter().copied().collect(),
        compounds,
        compound_first,
        surnames: SURNAMES.iter().copied().collect(),
        stop_words,
        known: KNOWN.to_vec(),
        known_set: KNOWN.iter().copied().collect(),
        not_orgs: NOT_ORGS.iter().copied().collect(),
        needs_place: NEEDS_PLACE.iter().copied().collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    /// The source of `src/lexicon/org_keys.rs` for these lists.
    fn keys_source() -> String {
        use crate::extract::orgs::canonical;
        let list = |name: &str, keys: Vec<String>| {
            let mut s = format!("#[rustfmt::skip]\npub(crate) const {name}: &[&str] = &[\n");
            for k in keys {
                s.push_str(&format!("    {k:?},\n"));
            }
            s + "];\n"
        };
        [
            String::from(
                "//! @generated by `lexicon::orgs::tests::generated_keys_are_current` from the lists\n\
                 //! of `orgs.rs` (their canonical keys); do not edit. To regenerate:\n\
                 //! `BAO_REGEN=1 cargo test --lib generated_keys_are_current`.\n\n\
                 /// The canonical key of each of `HEADS`, in order.\n",
            ),
            list("HEAD_KEYS", HEADS.iter().map(|(h, _)| canonical(h)).collect()),
            "\n/// The canonical keys of `COMPOUNDS` of two words or more, in order.\n".to_owned(),
            list("COMPOUND_KEYS", compound_keys()),
            "\n/// The canonical key of each expansion of `EXPANSIONS`, in order.\n".to_owned(),
            list(
                "EXPANSION_KEYS",
                EXPANSIONS.iter().map(|(_, e)| canonical(e)).collect(),
            ),
        ]
        .concat()
    }

    #[test]
    fn generated_keys_are_current() {
        crate::generated::check(
            "src/lexicon/org_keys.rs",
            &keys_source(),
            "generated_keys_are_current",
        );
        // And what was compiled in is what the file says.
        let canon = crate::extract::orgs::canonical;
        assert_eq!(HEAD_KEYS.len(), HEADS.len());
        for (&k, (h, _)) in HEAD_KEYS.iter().zip(HEADS) {
            assert_eq!(k, canon(h));
        }
        assert_eq!(COMPOUND_KEYS, compound_keys().as_slice());
        assert_eq!(EXPANSION_KEYS.len(), EXPANSIONS.len());
        for (&k, (_, e)) in EXPANSION_KEYS.iter().zip(EXPANSIONS) {
            assert_eq!(k, canon(e));
        }
    }

    /// The filter before the lookup lets every abbreviation through, and only those answer.
    #[test]
    fn expansion_finds_every_abbreviation() {
        for &(a, e) in EXPANSIONS {
            assert_eq!(
                LEXICON.expansion(a),
                LEXICON.expansions.get(a).copied(),
                "{a}"
            );
            assert!(LEXICON
                .expansion(a)
                .is_some_and(|x| x == e || EXPANSIONS.iter().any(|&(b, y)| b == a && y == x)));
        }
        for w in ["Công", "ty", "", "U", "Hà Nội"] {
            assert_eq!(LEXICON.expansion(w), None, "{w}");
        }
    }

    /// The combined flags say exactly what the four lists say.
    #[test]
    fn word_flags_agree_with_the_lists() {
        let lex = &*LEXICON;
        let flag = |w: &str| lex.word_flags.get(w).copied().unwrap_or(0);
        for w in &lex.head_first {
            assert_ne!(flag(w) & WORD_HEAD_FIRST, 0, "{w}");
        }
        for w in &lex.place_first {
            assert_ne!(flag(w) & WORD_PLACE_FIRST, 0, "{w}");
        }
        for w in &lex.compound_first {
            assert_ne!(flag(w) & WORD_COMPOUND_FIRST, 0, "{w}");
        }
        for w in &lex.stop_words {
            assert_ne!(flag(w) & WORD_STOP, 0, "{w}");
        }
        for (w, &f) in &lex.word_flags {
            assert_eq!(
                f & WORD_HEAD_FIRST != 0,
                lex.head_first.contains(w.as_ref()),
                "{w}"
            );
            assert_eq!(
                f & WORD_PLACE_FIRST != 0,
                lex.place_first.contains(w),
                "{w}"
            );
            assert_eq!(
                f & WORD_COMPOUND_FIRST != 0,
                lex.compound_first.contains(w.as_ref()),
                "{w}"
            );
            assert_eq!(
                f & WORD_STOP != 0,
                lex.stop_words.contains(w.as_ref()),
                "{w}"
            );
        }
    }
}
