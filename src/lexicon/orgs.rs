//! Tables for organisations: heads, abbreviations and their expansions, place words, the
//! vocabulary of body names, and a gazetteer of well-known bodies, built once.
//!
//! Everything here is general knowledge of how Vietnamese news names bodies; nothing is taken
//! from any evaluation set.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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
    ("Thanh tra Chính phủ", HeadKind::Complete),
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
    ("Hải quân", HeadKind::Named),
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
    "VKS", "CSGT", "CQĐT", "CQCSĐT", "HĐQT", "HĐXX", "THPT", "THCS", "TNHH", "MTV", "CP", "TMCP",
    "CTCP", "HTX", "UBND", "HĐND", "TAND", "VKSND", "BTV", "BCH", "MTTQ", "CHQS", "BĐBP", "CA",
    "TP", "TP.HCM", "TPHCM", "HCM", "HLV", "CLB", "BV", "ĐH", "DN", "DNNN", "CEO", "USD", "VNĐ",
    "VND", "SN", "TS", "PGS", "GS", "ThS", "BS", "NSND", "NSƯT", "PV", "CTV", "GTVT", "PCCC",
    "CNCH", "ATGT", "KCN", "VQG", "ĐT", "FC", "LHQ",
];

/// Lowercase syllables that occur inside the names of bodies ("Bộ Giao thông vận tải",
/// "Trường tiểu học …", "Công ty cổ phần …"). A lowercase word outside this set ends a name.
pub const NAME_SYLLABLES: &str = "an anh ảnh bạc bán bang bảo bay bão bắc bến biển biên binh bình \
    bóng bón bột bộ bộ-đường cao cảnh cảng cân chính chăm chất chế chi chiến chiếu chống chuyên \
    chữa chức chứng chỉ cháy cơ công cộng cổ cục cứu da dầu dân di dịch diễn doanh du dục dùng \
    dự dược dựng dệt điều điện đào đạo đạm đá đăng đầu đẳng đặc đê đình đỏ đô đốc đồng động \
    đội đời đường gang gia giải giám giáo giao giấy hàng hành hải hạn hình học hóa hoá hoạch \
    hòa hoà hội hợp hữu huấn huy kế khai khám khảo khí khoa khoán khỏe khoẻ khu kiểm \
    kinh kỹ kỳ lao lâm liệu lịch liên luận luật lực lượng lữ lý mại mầm máy mậu miền minh môi \
    mỹ nạn năng nghề nghệ nghiên nghiệp ngoại nguyên người nhà nhân nhi nhiên nhiệm nhập \
    niên non nông nội nữ nước pháp phát phân phẩm phần phim phòng phổ phố phụ quan quán quản \
    quân quốc quy sản sách sát sắt sinh sĩ sỹ sở sợi sự sư tác tài tải tạo tàu tâm tế thác \
    thanh thao thành thăm thẩm thép thể thiết thiếu thị thông thôn thu thuật thuế thủy thuỷ \
    thư thương thực tiểu tin tồn tổng trạm tra trang trẻ triển trị trợ truyền truyện trung \
    trường tư tuyên tượng tư vấn ương văn vật vận viên viện việc vốn vụ xã xây xe xuất xử y \
    ương";

/// Lowercase words that never continue a name (verbs, function words, time words).
pub const STOP_WORDS: &[&str] = &[
    "và", "của", "cho", "là", "đã", "đang", "sẽ", "với", "tại", "ở", "trong", "về", "được",
    "bị", "có", "không", "này", "đó", "kia", "các", "những", "một", "để", "khi", "thì", "mà",
    "nhưng", "hay", "hoặc", "vừa", "mới", "cũng", "đều", "vẫn", "còn", "rằng", "theo", "từ",
    "đến", "trên", "dưới", "sau", "trước", "năm", "ngày", "tháng", "giờ", "biết", "cho", "làm",
    "nói", "nhận", "tổ", "chức", "đề", "nghị", "yêu", "cầu", "phối", "triển", "khai", "vào",
    "ra", "lên", "xuống", "qua", "lại", "nên", "vì", "do", "bởi", "như", "nhiều", "ít", "rất",
];

/// Well-known bodies written bare, by their usual names: international organisations, news
/// agencies and papers, companies, banks, football clubs, parties and religions. General
/// knowledge, the kind a reader of Vietnamese news meets every week.
pub const KNOWN: &[&str] = &[
    // International bodies and alliances.
    "Liên Hợp Quốc", "Liên hợp quốc", "LHQ", "Hội đồng Bảo an", "EU", "Liên minh châu Âu",
    "NATO", "ASEAN", "APEC", "WTO", "WHO", "IMF", "UNESCO", "UNICEF", "UNDP", "UNHCR", "FAO",
    "IAEA", "OPEC", "Interpol", "WB", "Ngân hàng Thế giới", "Ngân hàng thế giới", "ADB", "JICA",
    "KOICA", "USAID", "OECD", "WWF", "IOM", "ICRC", "Chữ thập đỏ quốc tế", "Fed", "ECB",
    "FIFA", "UEFA", "AFC", "AFF", "VFF", "VPF", "IOC", "FA", "LĐBĐ",     "FBI", "CIA", "NASA", "KGB", "FSB", "NSA",     // Armed and political groups, religions.
    "IS", "ISIS", "ISIL", "Nhà nước Hồi giáo", "al-Qaeda", "Al-Qaeda", "Taliban", "Hamas",
    "Hezbollah", "Houthi", "al-Nusra", "Al-Nusra", "SDF", "YPG", "PKK", "HTS", "Boko Haram",
    "al-Shabaab", "Hồi giáo", "Công giáo", "Phật giáo", "Tin Lành", "Tin lành",
    "CDU", "CSU", "SPD", "FDP", "AfD", "Die Linke", "Đảng Cộng hòa", "Đảng Dân chủ",
    "đảng Cộng hòa", "đảng Dân chủ", "Quốc dân đảng", "Việt Minh", "Việt Cộng", "Khmer Đỏ",
    // News agencies, papers, broadcasters.
    "TTXVN", "VOV", "VTV", "VTC", "HTV", "VTC News", "Vietnam+", "AFP", "Reuters", "AP", "BBC",
    "CNN", "CNBC", "Bloomberg", "TASS", "Tass", "Sputnik", "RT", "Yonhap", "Tân Hoa xã", "Xinhua",
    "Kyodo", "NHK", "Al Jazeera", "Fox News", "New York Times", "Washington Post", "The Guardian",
    "Guardian", "Daily Mail", "Daily Mirror", "Mirror", "The Sun", "Telegraph", "The Times",
    "Financial Times", "Wall Street Journal", "Forbes", "Nikkei", "Newsweek", "Marca",
    "Sky Sports", "ESPN", "L'Equipe", "Gazzetta dello Sport", "Mundo Deportivo",
    "VnExpress", "Dân Trí", "Tuổi Trẻ", "Thanh Niên",     "Tiền Phong", "Lao Động", "Người Lao Động", "Vietnamnet", "VietNamNet", "Zing", "Zing News",
    "Kenh14", "Soha", "Infonet", "Dân Việt", "Pháp Luật TP.HCM", "Sài Gòn Giải Phóng",
    "An ninh Thủ đô", "Đất Việt",     "Thể Thao Việt Nam", "Thời báo Kinh tế Việt Nam", "Đời sống & Pháp luật",
    // Vietnamese groups, banks and brands.
    "PVN", "PetroVietnam", "Petrolimex", "EVN", "Viettel", "VNPT", "MobiFone", "Mobifone",
    "Vinaphone", "VinaPhone", "FPT", "Vingroup", "Vinamilk", "Sabeco", "Habeco", "Masan",
    "Hòa Phát", "Hoà Phát", "Vinacomin", "TKV", "Vinachem", "Vinatex", "VNSteel", "VNSTEEL",
    "Vietnam Airlines", "Vietjet", "VietJet", "Vietjet Air", "Jetstar Pacific", "Bamboo Airways",
    "Vietcombank", "VietinBank", "Vietinbank", "BIDV", "Agribank", "Techcombank", "VPBank",
    "ACB", "Sacombank", "MBBank", "HDBank", "SHB", "TPBank", "OceanBank", "Oceanbank",
    "SCB", "Eximbank", "SeABank", "LienVietPostBank", "VIB", "MSB", "Maritime Bank", "ABBank",
    "NHCSXH", "NHNN", "SBV", "SJC", "PNJ", "DOJI", "HAGL", "Hoàng Anh Gia Lai", "FLC",
    "Thế Giới Di Động", "Thế giới Di động", "Bách Hóa Xanh", "Fahasa", "Saigontourist",
    "Hanoitourist", "Vietravel", "Vinasun", "Grab", "Uber", "HOSE", "HNX",
    "UBCKNN", "SCIC", "VCCI", "VINASA", "Vietsovpetro", "PV Gas", "PV Oil", "PVOil", "BSR",
    "Bkav", "Vissan",     // International companies.
    "Apple", "Google", "Microsoft", "Samsung", "IBM", "Intel", "Amazon", "Alibaba", "Tencent",
    "Huawei", "Xiaomi", "Oppo", "Sony", "Toshiba", "Panasonic", "LG", "Nokia", "Qualcomm",
    "Boeing", "Airbus", "Toyota", "Honda", "Ford", "Hyundai", "Nissan", "Mitsubishi",
    "Volkswagen", "BMW", "Mercedes-Benz", "Tesla", "General Motors", "Nestlé", "Nestle",
    "Unilever", "Procter & Gamble", "P&G", "Coca-Cola", "PepsiCo", "Pepsi", "McDonald's",
    "Starbucks", "KFC", "Lotte", "Aeon", "AEON", "Walmart", "Carrefour", "Big C",
    "L'Oréal", "L'Oreal", "L’Oréal", "L’Oreal", "Shiseido", "Estée Lauder", "Johnson & Johnson",
    "Pfizer", "Novartis", "Bayer", "Siemens", "Canon", "Nikon", "Hitachi", "Fujitsu", "NEC",
    "Dell", "HP", "Lenovo", "Acer", "Asus", "Cisco", "Oracle", "Netflix", "Gucci", "Louis Vuitton",
    "Chanel", "Dior", "Hermès", "Prada", "Armani", "Giorgio Armani", "Versace", "Burberry",
    "Zara", "H&M", "Uniqlo", "Nike", "Adidas", "Puma", "Goldman Sachs", "JPMorgan", "Citigroup",
    "HSBC", "Standard Chartered", "Deutsche Bank", "UBS", "Moody's", "Fitch", "S&P",
    "Gazprom", "Rosneft", "Lukoil", "ExxonMobil", "Chevron", "Shell",     "SK Hynix", "Foxconn", "Dentsu", "Trend Micro", "Kaspersky", "Symantec",
    // Football clubs as Vietnamese news names them.
    "Chelsea", "Arsenal", "Liverpool", "Tottenham", "Everton", "Man City", "Manchester City",
    "Man Utd", "Man United", "Manchester United", "MU", "M.U", "Leicester", "West Ham",
    "Newcastle", "Southampton", "Stoke", "Stoke City", "Aston Villa", "Crystal Palace",
    "Watford", "Burnley", "Swansea", "Bournemouth", "Brighton", "Huddersfield", "West Brom",
    "Wolves", "Fulham", "Leeds", "Sunderland", "Middlesbrough", "Norwich", "Real Madrid",
    "Barcelona", "Barca", "Barça", "Atletico Madrid", "Atletico", "Atlético Madrid", "Sevilla",
    "Valencia", "Villarreal", "Real Sociedad", "Athletic Bilbao", "Real Betis", "Betis",
    "Celta Vigo", "Espanyol", "Getafe", "Levante", "Deportivo", "Deportivo La Coruna",
    "Deportivo Alaves", "Alaves", "Malaga", "Eibar", "Girona", "Las Palmas", "Leganes",
    "Bayern Munich", "Bayern", "Dortmund", "Borussia Dortmund", "Schalke", "Leverkusen",
    "RB Leipzig", "Juventus", "Juve", "Inter Milan", "AC Milan", "Napoli",
    "AS Roma", "Lazio", "Fiorentina", "Atalanta", "PSG", "Paris Saint-Germain",
    "Benfica", "Sporting Lisbon", "Ajax", "PSV",
    "Celtic", "Galatasaray", "Zenit", "CSKA Moscow", "Spartak Moscow", "Shakhtar Donetsk",
    "Boca Juniors", "Boca Junior", "River Plate", "Flamengo", "LA Galaxy",
    "Guangzhou Evergrande", "Shanghai SIPG", "Shanghai Shenhua", "HAGL", "SLNA",
    "Hà Nội FC", "Hà Nội T&T", "Viettel FC", "SHB Đà Nẵng", "Becamex Bình Dương",
    "Than Quảng Ninh", "FLC Thanh Hóa", "Sanna Khánh Hòa", "Quảng Nam FC", "Hải Phòng FC",
];

/// Platforms, products and websites that look like brands but are never annotated bodies.
pub const NOT_ORGS: &[&str] = &[
    "Facebook", "YouTube", "Youtube", "Twitter", "Instagram", "TikTok", "Zalo", "WhatsApp",
    "WeChat", "Viber", "Skype", "LinkedIn", "iPhone", "iPad", "MacBook", "iOS", "Android",
    "Windows", "PlayStation", "Xbox", "Gmail", "Wikipedia", "Internet", "PowerPoint",
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
    pub heads: HashMap<String, Head>,
    /// Longest head, in words.
    pub max_head_words: usize,
    /// Abbreviation (as written) → expansion.
    pub expansions: HashMap<&'static str, &'static str>,
    /// Canonical keys of place words.
    pub places: HashSet<String>,
    pub generic_acronyms: HashSet<&'static str>,
    pub name_syllables: HashSet<&'static str>,
    pub stop_words: HashSet<&'static str>,
    pub known: Vec<&'static str>,
    pub not_orgs: HashSet<&'static str>,
    pub needs_place: HashSet<&'static str>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut heads = HashMap::new();
    let mut max_head_words = 1;
    for &(h, kind) in HEADS {
        let key = crate::extract::orgs::canonical(h);
        let words = key.split(' ').count();
        max_head_words = max_head_words.max(words);
        heads.insert(key.clone(), Head { key, kind, words });
    }
    Lexicon {
        heads,
        max_head_words,
        expansions: EXPANSIONS.iter().copied().collect(),
        places: PLACE_WORDS
            .iter()
            .map(|p| crate::extract::orgs::canonical(p))
            .collect(),
        generic_acronyms: GENERIC_ACRONYMS.iter().copied().collect(),
        name_syllables: NAME_SYLLABLES.split_whitespace().collect(),
        stop_words: STOP_WORDS.iter().copied().collect(),
        known: KNOWN.to_vec(),
        not_orgs: NOT_ORGS.iter().copied().collect(),
        needs_place: NEEDS_PLACE.iter().copied().collect(),
    }
});
