//! Text shared by the benchmarks: Vietnamese news sentences with people and organisations.

pub const SENTENCES: &[&str] = &[
    "Sáng 25/02, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác phối hợp năm 2021.",
    "Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Lạng Sơn, phát biểu chỉ đạo tại hội nghị.",
    "Theo ông An, Sở Tài chính cần phối hợp với Kho bạc Nhà nước để giải ngân vốn đầu tư công.",
    "Bà Lê Thị Hoa cho biết Công ty TNHH Minh Phát đã nộp đủ thuế cho Cục Thuế TPHCM.",
    "Trường THPT Chu Văn An và Bệnh viện Đa khoa tỉnh cũng cử đại diện tham dự buổi làm việc.",
];
