#!/usr/bin/env python3
"""Writes the bundled example site (Tuyên Quang province) of dvk.

Run from the repository root:  python3 tools/make_example.py [--no-images]

Writes site.yaml, data/*.csv, content/<unit>/models.csv, content/<unit>/results.csv,
content/<unit>/images/*.png (illustrations, needs rsvg-convert) and content/pages/gioi-thieu.md.
Never touches the write-ups (content/<unit>/*.md).

Standard library only; a fixed random seed, so every run writes the same files.
CSV files are written the way Excel on a Vietnamese Windows saves "CSV UTF-8": UTF-8 with BOM, comma,
CRLF, quotes only where needed. The data are clean: every row is valid.
"""

import csv
import datetime as dt
import io
import os
import random
import re
import sys
import unicodedata

SEED = 20261122
TODAY = dt.date(2026, 11, 22)
COMMUNES_CSV = "/work/shared/domain/tuyen-quang-xa-phuong-2025.csv"

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# ---------------------------------------------------------------------------------------------------
# Helpers


def slugify(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def fmt_int(n):
    """1234567 -> '1.234.567' (Vietnamese thousands separator)."""
    s = str(int(n))
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return ".".join(out)


def fmt_dec(x, digits=1):
    """12.5 -> '12,5'; 12.0 -> '12'."""
    if abs(x - round(x)) < 1e-9:
        return fmt_int(round(x))
    s = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    whole, frac = s.split(".")
    return fmt_int(int(whole)) + "," + frac


def fmt_money_text(vnd):
    """Money in prose: '2,15 tỷ đồng', '420 triệu đồng'."""
    if vnd >= 1_000_000_000:
        return fmt_dec(round(vnd / 1_000_000_000, 2), 2) + " tỷ đồng"
    if vnd >= 1_000_000:
        return fmt_dec(round(vnd / 1_000_000, 1), 1) + " triệu đồng"
    return fmt_int(vnd) + " đồng"


def fmt_date(d):
    return d.strftime("%d/%m/%Y")


def write_csv(path, header, rows):
    """UTF-8 with BOM, comma, CRLF, minimal quoting: what Excel writes."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), (path, r)
        w.writerow(r)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())


def write_text(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def rand_date(rng, start, end):
    """Uniform date in [start, end]."""
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


# ---------------------------------------------------------------------------------------------------
# Site settings, fields, indicators, criteria

SITE_YAML = """title: Phong trào thi đua "Dân vận khéo" tỉnh Tuyên Quang
organization: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang
base_url: https://example.gov.vn/dan-van-kheo/
period: {from: 2026, to: 2030}
year: 2026
root: mttq-tinh
theme: default
ratings:
  - {min: 90, label: Xuất sắc}
  - {min: 75, label: Tốt}
  - {min: 60, label: Khá}
  - {min: 50, label: Đạt}
  - {min: 0,  label: Chưa đạt}
hashtags: ["#DanVanKheo", "#MatTranTuyenQuang"]
"""

FIELDS = [
    # id, name, aliases, colour (all >= 4.5:1 against white text)
    ("kinh-te", "Kinh tế", "Phát triển kinh tế|Kinh tế và giảm nghèo bền vững", "#2E7D32"),
    ("van-hoa-xa-hoi", "Văn hóa – xã hội", "VHXH|Văn hóa - xã hội", "#B4490E"),
    ("quoc-phong-an-ninh", "Quốc phòng – an ninh", "Quốc phòng - an ninh|Dân tộc – tôn giáo|QP-AN", "#1E4FA0"),
    ("xay-dung-dang", "Xây dựng Đảng và hệ thống chính trị",
     "Xây dựng hệ thống chính trị|Xây dựng Đảng, chính quyền", "#A3192D"),
]
FIELD_NAME = {f[0]: f[1] for f in FIELDS}
KT, VH, QP, XD = "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-dang"

# How people write the field in their own files (every text matches a name or an alias of fields.csv
# after folding; "hoá" = "hóa", any dash).
FIELD_WRITTEN = {
    KT: [("Kinh tế", 80), ("Phát triển kinh tế", 12), ("Kinh tế và giảm nghèo bền vững", 8)],
    VH: [("Văn hóa - xã hội", 55), ("Văn hoá – xã hội", 20), ("Văn hóa – xã hội", 15), ("VHXH", 10)],
    QP: [("Quốc phòng - an ninh", 75), ("Quốc phòng – an ninh", 17), ("QP-AN", 8)],
    XD: [("Xây dựng hệ thống chính trị", 45), ("Xây dựng Đảng và hệ thống chính trị", 35),
         ("Xây dựng Đảng, chính quyền", 20)],
}

ALL_KINDS = "Ủy ban MTTQ|Hội Nông dân|Hội LHPN|Đoàn Thanh niên|Hội CCB|Công đoàn"
PLAN = "Kế hoạch của Ban Thường trực Ủy ban MTTQ tỉnh triển khai phong trào thi đua “Dân vận khéo” giai đoạn 2026–2030"
INDICATORS = [
    ("ke-hoach-giai-doan", "Xây dựng kế hoạch giai đoạn 2026–2030", "yesno", "1", f"{PLAN}, mục II.1"),
    ("ke-hoach-nam", "Xây dựng kế hoạch thực hiện hằng năm", "yesno", "1",
     f"{PLAN}, mục II.1 và mục IV (hoàn thành trong tháng 01)"),
    ("dang-ky-mo-hinh", "Tổ chức đăng ký, xây dựng mô hình", "models", "1", f"{PLAN}, mục II.2"),
    ("giam-sat", "Chương trình, nội dung giám sát", "count", "2", f"{PLAN}, mục II.3 (ít nhất 02 chương trình)"),
    ("phan-bien", "Dự thảo văn bản được phản biện", "count", "3", f"{PLAN}, mục II.3 (ít nhất 03 dự thảo)"),
    ("hoi-thi", "Tham gia cuộc thi, hội thi về \"Dân vận khéo\"", "count", "1",
     f"{PLAN}, mục II.3 (ít nhất 01 cuộc thi, hội thi)"),
    ("bao-cao-6-thang", "Gửi báo cáo 6 tháng", "deadline", "25/05", f"{PLAN}, mục IV (trước ngày 25/5)"),
    ("bao-cao-nam", "Gửi báo cáo năm", "deadline", "25/11", f"{PLAN}, mục IV (trước ngày 25/11)"),
    ("de-nghi-cong-nhan", "Mô hình được công nhận hoặc đề nghị công nhận", "recognized", "1",
     "Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm 2026 của Đảng ủy Các cơ quan Đảng "
     "thành phố, mục II.1 (ít nhất 01 mô hình được đề nghị công nhận)"),
]
IND_NAME = {i[0]: i[1] for i in INDICATORS}

CRITERIA = [
    ("TC1", "Đăng ký mô hình; tên gọi, chủ thể, lĩnh vực rõ ràng", 10),
    ("TC2", "Có kế hoạch thực hiện; tổ chức ra mắt mô hình mới", 10),
    ("TC3", "Tuyên truyền rộng rãi, được nhiều người hưởng ứng", 10),
    ("TC4", "Huy động nhiều lực lượng và nguồn lực xã hội hóa", 15),
    ("TC5", "Cách làm cụ thể, sáng tạo, tiết kiệm mà hiệu quả", 15),
    ("TC6", "Giải quyết khó khăn, việc cấp bách, vấn đề bức xúc", 15),
    ("TC7", "Bền vững, lan tỏa, có khả năng nhân rộng", 15),
    ("TC8", "Hồ sơ lưu trữ đầy đủ theo quy định", 10),
]
MAXES = [c[2] for c in CRITERIA]
assert sum(MAXES) == 100

# ---------------------------------------------------------------------------------------------------
# Units

REGION_TQC = {"Nà Hang", "Thượng Nông", "Côn Lôn", "Yên Hoa", "Hồng Thái", "Lâm Bình", "Thượng Lâm",
              "Bình An"}
REGION_HGD = {"Quản Bạ", "Cán Tỷ", "Lùng Tám", "Tùng Vài", "Nghĩa Thuận", "Yên Minh", "Thắng Mố",
              "Bạch Đích", "Mậu Duệ", "Du Già", "Đường Thượng", "Ngọc Long", "Đồng Văn", "Lũng Cú",
              "Sà Phìn", "Phố Bảng", "Lũng Phìn", "Mèo Vạc", "Khâu Vai", "Niêm Sơn", "Tát Ngà",
              "Sủng Máng", "Sơn Vĩ"}
REGION_HGX = {"Hoàng Su Phì", "Thông Nguyên", "Hồ Thầu", "Nậm Dịch", "Tân Tiến", "Thàng Tín", "Bản Máy",
              "Pờ Ly Ngài", "Xín Mần", "Pà Vầy Sủ", "Nấm Dẩn", "Trung Thịnh", "Khuôn Lùng", "Quảng Nguyên"}
BORDER = {"Thanh Thủy", "Minh Tân", "Xín Mần", "Pà Vầy Sủ", "Bản Máy", "Thàng Tín", "Phố Bảng",
          "Lũng Cú", "Đồng Văn", "Sơn Vĩ", "Bạch Đích", "Nghĩa Thuận", "Thắng Mố", "Tùng Vài", "Sà Phìn",
          "Lao Chải"}

PROVINCIAL = [
    # id, name, kind, short name used in owners
    ("hnd-tinh", "Hội Nông dân tỉnh Tuyên Quang", "Hội Nông dân", "Ban Thường vụ Hội Nông dân tỉnh"),
    ("hlhpn-tinh", "Hội Liên hiệp Phụ nữ tỉnh Tuyên Quang", "Hội LHPN", "Ban Thường vụ Hội LHPN tỉnh"),
    ("tinh-doan", "Tỉnh đoàn Tuyên Quang", "Đoàn Thanh niên", "Ban Thường vụ Tỉnh đoàn"),
    ("hccb-tinh", "Hội Cựu chiến binh tỉnh Tuyên Quang", "Hội CCB", "Ban Thường vụ Hội CCB tỉnh"),
    ("ldld-tinh", "Liên đoàn Lao động tỉnh Tuyên Quang", "Công đoàn", "Ban Thường vụ Liên đoàn Lao động tỉnh"),
]
MEMBER_KINDS = [
    # suffix, name prefix, kind, code for the unit-kind pools
    ("nd", "Hội Nông dân", "Hội Nông dân", "ND"),
    ("pn", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "PN"),
    ("dtn", "Đoàn Thanh niên", "Đoàn Thanh niên", "DTN"),
    ("ccb", "Hội Cựu chiến binh", "Hội CCB", "CCB"),
]
REQUIRED_MEMBERS = ["xa-son-duong-nd", "phuong-minh-xuan-pn", "xa-ham-yen-nd", "phuong-ha-giang-2-dtn",
                    "xa-vi-xuyen-ccb", "xa-bac-quang-nd", "xa-quan-ba-pn"]
DOC_CODE = {"Ủy ban MTTQ": "MTTQ", "Hội Nông dân": "HND", "Hội LHPN": "HPN", "Đoàn Thanh niên": "ĐTN",
            "Hội CCB": "CCB", "Công đoàn": "LĐLĐ"}


class Unit:
    def __init__(self, uid, name, parent, kind, area, code, region, commune=None, border=False):
        self.id, self.name, self.parent, self.kind, self.area = uid, name, parent, kind, area
        self.code = code          # template pool: F, ND, PN, DTN, CCB or the provincial unit id
        self.region = region      # dt, tq, tqc, hgt, hgd, hgx, tinh
        self.commune = commune    # "xã Sơn Dương" (lower-case prefix) or None
        self.border = border


def read_communes():
    with open(COMMUNES_CSV, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 124, len(rows)
    out = []
    in_hg = False
    for r in rows:
        full = unicodedata.normalize("NFC", r["ten"].strip())
        prefix, short = full.split(" ", 1)
        if full == "Phường Hà Giang 1":
            in_hg = True
        if prefix == "Phường":
            region = "dt"
        elif short in REGION_TQC:
            region = "tqc"
        elif short in REGION_HGD:
            region = "hgd"
        elif short in REGION_HGX:
            region = "hgx"
        else:
            region = "hgt" if in_hg else "tq"
        out.append((full, prefix.lower() + " " + short, short, region, short in BORDER))
    return out


def build_units(rng):
    units = [Unit("mttq-tinh", "Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang", "", "Ủy ban MTTQ", "", "mttq-tinh",
                  "tinh")]
    for uid, name, kind, _ in PROVINCIAL:
        units.append(Unit(uid, name, "mttq-tinh", kind, "", uid, "tinh"))
    communes = read_communes()
    ids = [slugify(c[0]) for c in communes]
    assert len(set(ids)) == 124
    required_communes = []
    for m in REQUIRED_MEMBERS:
        c = m.rsplit("-", 1)[0]
        assert c in ids, c
        if c not in required_communes:
            required_communes.append(c)
    others = [i for i in ids if i not in required_communes]
    chosen = set(required_communes) | set(rng.sample(others, 40 - len(required_communes)))
    sizes = [1] * 10 + [2] * 15 + [3] * 10 + [4] * 5
    rng.shuffle(sizes)
    size_of = {}
    for cid in ids:
        if cid in chosen:
            size_of[cid] = sizes.pop()
    for (full, lower, short, region, border), cid in zip(communes, ids):
        units.append(Unit(cid, "Ủy ban MTTQ " + lower, "mttq-tinh", "Ủy ban MTTQ", full, "F", region, lower,
                          border))
        if cid not in chosen:
            continue
        must = [m.rsplit("-", 1)[1] for m in REQUIRED_MEMBERS if m.rsplit("-", 1)[0] == cid]
        pool = [s for s, *_ in MEMBER_KINDS if s not in must]
        rng.shuffle(pool)
        picked = set(must + pool[: max(0, size_of[cid] - len(must))])
        for suffix, prefix, kind, code in MEMBER_KINDS:
            if suffix in picked:
                units.append(Unit(f"{cid}-{suffix}", f"{prefix} {lower}", cid, kind, full, code, region, lower,
                                  border))
    return units


# ---------------------------------------------------------------------------------------------------
# Local colour: villages, people, products by region

VILLAGES = {
    "tq": ["Nà Tông", "Làng Chùa", "Đồng Cháy", "Khuôn Khán", "Nà Lá", "Tân Lập", "Khuôn Hẻ", "Cầu Trâm",
           "Bản Ba", "Làng Bục", "Đồng Bừa", "Nà Mè", "Cây Quéo", "Đồng Giàn", "Làng Mãn", "Nà Héo"],
    "tqc": ["Nà Thôm", "Khuổi Tẳng", "Bản Tát", "Nặm Đíp", "Phiêng Luông", "Nà Chang", "Khuổi Hóp",
            "Bản Bung", "Nà Va", "Bản Kè"],
    "hgt": ["Nà Yến", "Tân Thành", "Cầu Mè", "Khuổi Lòa", "Nà Nưa", "Làng Nùng", "Lùng Càng", "Đồng Tiến",
            "Bản Bó", "Nậm Mu", "Nà Ràng", "Thôn Trung"],
    "hgd": ["Sủng Pờ", "Lũng Hồ", "Pó Sả", "Sà Lủng", "Há Súng", "Chúng Trải", "Tả Phìn", "Khó Chớ",
            "Lao Xa", "Séo Lủng", "Mã Lé", "Sủng Trà"],
    "hgx": ["Nậm Ai", "Suối Thầu", "Chúng Chải", "Tả Sử Chóong", "Lùng Vai", "Na Ri", "Xín Chải", "Cốc Rế",
            "Bản Péo", "Phìn Hồ"],
}

PEOPLE = {
    "tq": [("Ông", "Hoàng Văn Thào"), ("Bà", "Ma Thị Hiền"), ("Ông", "Nguyễn Văn Thắng"), ("Bà", "Trần Thị Lan"),
           ("Ông", "Nông Văn Kiên"), ("Bà", "Lý Thị Mai"), ("Ông", "Triệu Văn Thanh"), ("Bà", "Bàn Thị Dung"),
           ("Ông", "Hà Văn Lường"), ("Ông", "Lâm Văn Sinh"), ("Bà", "Phạm Thị Thu"), ("Ông", "Đỗ Văn Hùng"),
           ("Bà", "Ma Thị Thủy"), ("Ông", "Quan Văn Đức")],
    "tqc": [("Ông", "Ma Văn Đoàn"), ("Bà", "Quan Thị Dịu"), ("Ông", "Triệu Tiến Lình"), ("Bà", "Bàn Thị Hạnh"),
            ("Ông", "Hoàng Văn Giang"), ("Bà", "Nông Thị Nhất"), ("Ông", "Lý Văn Thuận"), ("Bà", "Ma Thị Nhung")],
    "hgt": [("Ông", "Hoàng Văn Sinh"), ("Bà", "Nguyễn Thị Hoa"), ("Ông", "Lương Văn Tuấn"), ("Bà", "Vi Thị Thanh"),
            ("Ông", "Đặng Văn Quyết"), ("Bà", "Triệu Thị Chiêm"), ("Ông", "Nông Văn Pài"), ("Ông", "Trần Văn Hải"),
            ("Bà", "Hoàng Thị Nguyệt"), ("Ông", "Lục Văn Bình")],
    "hgd": [("Ông", "Giàng Seo Phử"), ("Ông", "Vàng Mí Lử"), ("Ông", "Sùng Mí Chứ"), ("Bà", "Lù Thị Dính"),
            ("Ông", "Thào Mí Sính"), ("Bà", "Ly Thị Dợ"), ("Ông", "Lầu Mí Nhà"), ("Bà", "Vừ Thị Mỷ"),
            ("Ông", "Mua Mí Pó"), ("Bà", "Giàng Thị Súa"), ("Ông", "Sình Dũng Lù")],
    "hgx": [("Ông", "Vương Văn Lìn"), ("Ông", "Hoàng Văn Sành"), ("Bà", "Lò Thị Mai"), ("Ông", "Chảo Văn Lở"),
            ("Bà", "Lù Thị Chính"), ("Ông", "Cháng Văn Quân"), ("Bà", "Bàn Thị Xuân"), ("Ông", "Sần Văn Cường")],
    "dt": [("Ông", "Nguyễn Văn Hưng"), ("Bà", "Trần Thị Thanh Hương"), ("Ông", "Lê Minh Đức"),
           ("Bà", "Phạm Thị Ngọc"), ("Ông", "Vũ Văn Long"), ("Bà", "Đặng Thị Hồng"),
           ("Bà", "Hoàng Thị Thu Trang"), ("Ông", "Bùi Văn Tú")],
}

PRODUCTS = {
    "tq": ["chè xanh", "miến dong", "bưởi", "mật ong", "rượu men lá", "bánh gai"],
    "tqc": ["cá chua", "măng khô", "chè Shan tuyết", "thịt trâu gác bếp"],
    "hgt": ["cam sành", "chè Shan tuyết", "thịt trâu khô", "mật ong"],
    "hgd": ["mật ong bạc hà", "rượu ngô", "bánh tam giác mạch", "hồng không hạt", "thịt bò khô"],
    "hgx": ["chè Shan tuyết", "gạo Séng Cù", "thảo quả", "rượu thóc"],
    "dt": ["bánh chưng", "giò chả", "bánh gai"],
}
CROPS = {  # crops a farmers' group grows
    "tq": ["chè", "cam sành", "bưởi", "lúa chất lượng cao", "keo", "rau an toàn"],
    "tqc": ["chè Shan tuyết", "ngô", "cây dược liệu"],
    "hgt": ["cam sành", "chè", "lúa chất lượng cao", "bưởi"],
    "hgd": ["ngô", "tam giác mạch", "hồng không hạt", "lê", "cây dược liệu"],
    "hgx": ["chè Shan tuyết", "thảo quả", "lúa Séng Cù"],
    "dt": ["rau an toàn", "hoa, cây cảnh"],
}
NEW_CROPS = {  # what poor land is converted to
    "tq": ["cam, bưởi", "chè", "cây dược liệu", "cây ăn quả"],
    "tqc": ["chè Shan tuyết", "cây dược liệu"],
    "hgt": ["cam sành", "bưởi", "chè"],
    "hgd": ["cây dược liệu", "hồng không hạt", "lê"],
    "hgx": ["chè Shan tuyết", "thảo quả"],
    "dt": ["rau an toàn"],
}
ANIMALS = {
    "tq": ["lợn đen", "gà đồi", "cá", "trâu"], "tqc": ["trâu", "lợn đen", "cá lồng"],
    "hgt": ["gà thả đồi", "lợn đen", "trâu"], "hgd": ["bò vàng", "dê", "lợn đen"],
    "hgx": ["lợn đen", "bò", "gà"], "dt": ["gà"],
}
ETHNIC = {
    "tq": ["Tày", "Dao", "Cao Lan", "Sán Dìu"], "tqc": ["Tày", "Dao", "Pà Thẻn"], "hgt": ["Tày", "Dao", "Nùng"],
    "hgd": ["Mông", "Lô Lô", "Dao"], "hgx": ["La Chí", "Nùng", "Dao", "Mông"], "dt": ["Tày"],
}

# ---------------------------------------------------------------------------------------------------
# Model templates.
#   key: short slug; field; codes: unit pools (F, ND, PN, DTN, CCB, or a provincial unit id);
#   regions: None = anywhere, "rural" = not a ward, or a set; names; numbers: p participants,
#   b households benefiting, f funds in millions of đồng, w workdays, x extra figures for the summary;
#   summaries use {p} {b} {f} {w} {thon} {xa} {product} {crop} {newcrop} {animal} {ethnic} {year} and x.

RURAL = "rural"
HG_HIGH = {"hgd", "hgx"}
UPLAND = {"hgd", "hgx", "tqc"}


class Tpl:
    def __init__(self, key, field, codes, regions, names, p, b, f, w, summaries, x=None, ind=True,
                 border=False, tg=False):
        self.key, self.field, self.codes, self.regions = key, field, set(codes.split()), regions
        self.names, self.p, self.b, self.f, self.w = names, p, b, f, w
        self.summaries, self.x, self.ind, self.border, self.tg = summaries, x or {}, ind, border, tg

    def fits(self, unit):
        if unit.code not in self.codes:
            return False
        if self.border and not unit.border:
            return False
        if self.regions is None:
            return True
        if self.regions == RURAL:
            return unit.region != "dt"
        return unit.region in self.regions


T = Tpl
TEMPLATES = [
    # ---- commune Front committees: economy
    T("hien-dat-lam-duong", KT, "F", RURAL,
      ["Vận động Nhân dân hiến đất làm đường giao thông nông thôn", "Hiến đất mở rộng đường liên thôn"],
      (150, 900), (40, 300), (300, 2400), (500, 3500),
      ["Vận động {b} hộ tự nguyện hiến {m2} m² đất, góp {w} ngày công làm mới {km} km đường bê tông liên thôn.",
       "Có {b} hộ hiến {m2} m² đất, tháo dỡ tường rào, cây cối để mở rộng {km} km đường; tổng kinh phí huy động {f}."],
      x={"m2": (800, 9000), "km": (10, 80, 10)}),
    T("duong-be-tong", KT, "F", RURAL,
      ["Nhà nước và Nhân dân cùng làm đường bê tông thôn, bản", "Bê tông hóa đường ngõ xóm"],
      (120, 700), (60, 320), (250, 1800), (400, 2600),
      ["Huy động {f} và {w} ngày công của Nhân dân, bê tông hóa {km} km đường thôn, {b} hộ được hưởng lợi."],
      x={"km": (8, 60, 10)}, ind=False),
    T("to-dan-van-giam-ngheo", KT, "F", None,
      ["Tổ dân vận giúp nhau phát triển kinh tế, giảm nghèo bền vững", "Hộ khá giúp hộ nghèo vươn lên"],
      (20, 120), (10, 60), (50, 600), (100, 800),
      ["Tổ dân vận kết nối {b} hộ nghèo, cận nghèo với hộ khá, hỗ trợ giống, vốn và kỹ thuật; {thoat} hộ đã thoát nghèo."],
      x={"thoat": (3, 12)}),
    T("ocop", KT, "F", {"tq", "tqc", "hgt", "hgd", "hgx"},
      ["Hỗ trợ xây dựng sản phẩm OCOP {product}", "Đồng hành cùng hộ dân làm sản phẩm OCOP {product}"],
      (20, 90), (8, 40), (150, 1200), (100, 600),
      ["Hỗ trợ {b} hộ liên kết sản xuất {product}, hoàn thiện bao bì, nhãn mác; sản phẩm đạt OCOP {sao} sao, doanh thu tăng khoảng {pct}%."],
      x={"sao": (3, 4), "pct": (15, 40)}),
    T("chuyen-doi-cay-trong", KT, "F", RURAL,
      ["Vận động chuyển đổi cây trồng trên đất kém hiệu quả", "Chuyển đổi đất nương kém hiệu quả sang trồng {newcrop}"],
      (40, 200), (30, 150), (100, 900), (300, 1800),
      ["Vận động {b} hộ chuyển {ha} ha đất trồng ngô, lúa kém hiệu quả sang trồng {newcrop}; thu nhập bình quân tăng khoảng {pct}%."],
      x={"ha": (5, 60), "pct": (20, 60)}),
    T("trong-rung-go-lon", KT, "F", {"tq", "hgt", "tqc"},
      ["Vận động Nhân dân trồng rừng gỗ lớn", "Trồng rừng gỗ lớn có chứng chỉ FSC"],
      (60, 300), (40, 200), (200, 1500), (400, 2500),
      ["Vận động {b} hộ trồng mới {ha} ha rừng gỗ lớn, cam kết không khai thác non; {ha2} ha đã được cấp chứng chỉ FSC."],
      x={"ha": (20, 150), "ha2": (10, 60)}),
    T("bo-vang-sinh-san", KT, "F", HG_HIGH,
      ["Giúp hộ nghèo nuôi bò vàng sinh sản", "Ngân hàng bò giúp hộ nghèo vùng cao"],
      (30, 120), (15, 60), (300, 1500), (150, 600),
      ["Hỗ trợ {con} con bò giống sinh sản cho {b} hộ nghèo, bê con đầu tiên được chuyển cho hộ khác nuôi; {thoat} hộ đã thoát nghèo."],
      x={"con": (15, 80), "thoat": (3, 10)}),
    T("du-lich-cong-dong", KT, "F", UPLAND,
      ["Phát triển du lịch cộng đồng gắn với bảo tồn bản làng", "Làng văn hóa du lịch cộng đồng {thon}"],
      (80, 350), (15, 70), (400, 2000), (300, 2000),
      ["Vận động {b} hộ làm dịch vụ du lịch, cải tạo {homestay} nhà ở thành homestay giữ kiến trúc truyền thống; năm {year} đón khoảng {khach} lượt khách."],
      x={"homestay": (5, 25), "khach": (3000, 25000)}),
    T("don-dien-doi-thua", KT, "F", {"tq", "hgt"},
      ["Dồn điền đổi thửa, xây dựng cánh đồng lớn", "Vận động dồn điền đổi thửa, tích tụ ruộng đất"],
      (100, 400), (90, 350), (50, 300), (800, 2500),
      ["Vận động {b} hộ dồn đổi {ha} ha ruộng, từ {t1} thửa còn {t2} thửa, thuận lợi cho cơ giới hóa."],
      x={"ha": (15, 80), "t1": (400, 1200), "t2": (120, 350)}),
    T("giai-phong-mat-bang", KT, "F", None,
      ["Dân vận khéo trong giải phóng mặt bằng dự án trọng điểm", "Đối thoại, vận động giải phóng mặt bằng"],
      (50, 300), (30, 200), (5, 60), (50, 300),
      ["Tổ công tác phối hợp đối thoại với {b} hộ bị ảnh hưởng, bàn giao {m2} m² mặt bằng đúng tiến độ, không có đơn thư vượt cấp."],
      x={"m2": (5000, 60000)}, ind=False),
    T("kinh-doanh-van-minh", KT, "F", {"dt"},
      ["Tuyến phố kinh doanh văn minh, thân thiện", "Chợ văn minh thương mại"],
      (80, 400), (60, 300), (20, 200), (50, 300),
      ["Vận động {b} hộ kinh doanh ký cam kết không lấn chiếm vỉa hè, niêm yết giá; {pct}% hộ đã thanh toán không dùng tiền mặt."],
      x={"pct": (60, 95)}),
    T("mat-ong-bac-ha", KT, "F", {"hgd"},
      ["Tổ hợp tác nuôi ong lấy mật bạc hà"],
      (20, 70), (15, 60), (100, 500), (100, 400),
      ["Liên kết {b} hộ nuôi {dan} đàn ong, sản lượng khoảng {lit} lít mật bạc hà mỗi năm, bao tiêu qua hợp tác xã."],
      x={"dan": (200, 900), "lit": (1000, 5000)}),
    # ---- commune Front committees: culture and society
    T("phan-loai-rac", VH, "F", None,
      ["Phân loại rác thải tại nguồn ở khu dân cư", "Khu dân cư phân loại rác thải tại nguồn"],
      (200, 2000), (150, 1500), (20, 150), (100, 800),
      ["Có {b} hộ phân loại rác tại gia đình, ủ rác hữu cơ làm phân bón; lượng rác phải chôn lấp giảm khoảng {pct}%."],
      x={"pct": (20, 40)}),
    T("thap-sang-duong-que", VH, "F", RURAL,
      ["Thắp sáng đường quê", "Đường thôn sáng, xanh, sạch, đẹp"],
      (200, 1000), (200, 1000), (100, 500), (200, 800),
      ["Lắp {den} cột đèn năng lượng mặt trời trên {km} km đường thôn, kinh phí {f} do Nhân dân và các nhà hảo tâm đóng góp."],
      x={"den": (60, 300), "km": (20, 120, 10)}),
    T("duong-hoa", VH, "F", None,
      ["Tuyến đường hoa sáng - xanh - sạch - đẹp", "Đường hoa tự quản"],
      (150, 800), (100, 600), (30, 250), (200, 900),
      ["Trồng và chăm sóc {km} km đường hoa, {cay} cây bóng mát; {b} hộ nhận chăm sóc đoạn đường trước nhà."],
      x={"km": (15, 80, 10), "cay": (150, 900)}),
    T("xoa-nha-tam", VH, "F", None,
      ["Chung tay xóa nhà tạm, nhà dột nát", "Xây nhà Đại đoàn kết cho hộ nghèo"],
      (200, 900), (5, 40), (300, 2500), (400, 3000),
      ["Vận động {f} và {w} ngày công, xây mới, sửa chữa {b} căn nhà cho hộ nghèo, hộ có hoàn cảnh khó khăn."], ind=False),
    T("nep-song-van-minh", VH, "F", None,
      ["Thực hiện nếp sống văn minh trong việc cưới, việc tang", "Việc cưới, việc tang văn minh, tiết kiệm"],
      (300, 1500), (200, 1200), (5, 40), (20, 100),
      ["{b} hộ ký cam kết tổ chức việc cưới, việc tang gọn nhẹ, tiết kiệm; không còn mời cỗ tràn lan, {pct}% đám tang thực hiện đúng hương ước."],
      x={"pct": (85, 100)}),
    T("bo-hu-tuc-viec-tang", VH, "F", HG_HIGH,
      ["Vận động đồng bào Mông bỏ hủ tục trong việc tang", "Người có uy tín vận động xóa bỏ hủ tục lạc hậu"],
      (60, 300), (200, 900), (5, 40), (50, 200),
      ["Người có uy tín và trưởng dòng họ vận động {b} hộ ký cam kết không để người chết lâu ngày trong nhà, không mổ nhiều trâu bò; {dam} đám tang trong năm thực hiện đúng cam kết."],
      x={"dam": (10, 40)}),
    T("nuoc-sach", VH, "F", UPLAND,
      ["Vận động xây bể chứa nước, nhà tiêu hợp vệ sinh", "Nước sạch cho bản vùng cao"],
      (100, 500), (40, 200), (200, 1500), (500, 2500),
      ["Hỗ trợ {b} hộ xây {be} bể chứa nước mưa và nhà tiêu hợp vệ sinh; {pct}% hộ trong thôn có nước sinh hoạt trong mùa khô."],
      x={"be": (20, 120), "pct": (80, 98)}),
    T("van-nghe-dan-gian", VH, "F", RURAL,
      ["Câu lạc bộ văn nghệ dân gian dân tộc {ethnic}", "Giữ gìn bản sắc văn hóa dân tộc {ethnic}"],
      (30, 90), (100, 600), (20, 120), (100, 400),
      ["Câu lạc bộ có {p} thành viên, duy trì sinh hoạt hằng tháng, biểu diễn {buoi} buổi phục vụ Nhân dân và khách du lịch."],
      x={"buoi": (10, 40)}),
    T("bao-hiem-y-te", VH, "F", None,
      ["Vận động Nhân dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện"],
      (40, 150), (300, 1500), (20, 150), (50, 200),
      ["Tỷ lệ người dân tham gia bảo hiểm y tế đạt {pct}%; vận động {bhxh} người tham gia bảo hiểm xã hội tự nguyện, tặng {the} thẻ bảo hiểm y tế cho hộ cận nghèo."],
      x={"pct": (95, 99), "bhxh": (30, 180), "the": (20, 120)}, ind=False),
    T("cong-nghe-so-cong-dong", VH, "F", None,
      ["Tổ công nghệ số cộng đồng", "Tổ công nghệ số cộng đồng hỗ trợ dịch vụ công trực tuyến"],
      (20, 60), (500, 3000), (5, 40), (100, 400),
      ["Tổ công nghệ số hướng dẫn {b} lượt người dân cài đặt VNeID, nộp hồ sơ dịch vụ công trực tuyến và thanh toán không dùng tiền mặt."]),
    T("bua-an-ban-tru", VH, "F", UPLAND,
      ["Vận động Nhân dân góp gạo, rau xanh cho học sinh bán trú", "Bữa ăn bán trú ấm áp"],
      (100, 600), (60, 300), (30, 200), (100, 500),
      ["Nhân dân góp {tan} tấn gạo, rau xanh và củi đun, bảo đảm bữa ăn cho {b} học sinh bán trú trong năm học."],
      x={"tan": (2, 12)}),
    T("khuyen-hoc", VH, "F", None,
      ["Dòng họ khuyến học, khuyến tài", "Gia đình học tập, dòng họ học tập"],
      (100, 600), (100, 500), (20, 200), (20, 100),
      ["Xây dựng quỹ khuyến học {f}, khen thưởng {hs} học sinh giỏi và hỗ trợ học sinh nghèo; {b} hộ đạt danh hiệu gia đình học tập."],
      x={"hs": (40, 200)}),
    T("bao-ve-rung", VH, "F", RURAL,
      ["Cộng đồng thôn bản tự quản bảo vệ rừng", "Tổ tự quản bảo vệ rừng đầu nguồn"],
      (60, 300), (100, 500), (10, 60), (300, 1500),
      ["{to} tổ tự quản tuần tra, bảo vệ {ha} ha rừng, phát dọn đường băng cản lửa; trong năm không để xảy ra cháy rừng."],
      x={"to": (4, 14), "ha": (300, 2500)}),
    T("ve-sinh-moi-truong", VH, "F", None,
      ["Ngày Chủ nhật xanh ở khu dân cư", "Khu dân cư tự quản vệ sinh môi trường"],
      (200, 1200), (150, 900), (10, 80), (300, 1200),
      ["Tổ chức {dot} đợt ra quân vệ sinh, khơi thông cống rãnh, thu gom rác thải với {p} lượt người tham gia."],
      x={"dot": (12, 40)}),
    # ---- commune Front committees: defence and security
    T("camera-an-ninh", QP, "F", None,
      ["Camera an ninh khu dân cư", "Camera an ninh – mắt thần khu dân cư"],
      (300, 2000), (300, 2000), (60, 450), (50, 300),
      ["Vận động lắp {cam} mắt camera tại các ngã ba, đường vào thôn, kết nối điện thoại của Công an xã; giúp làm rõ {vu} vụ việc."],
      x={"cam": (10, 80), "vu": (2, 12)}, ind=False),
    T("hoa-giai-co-so", QP, "F", None,
      ["Tổ hòa giải ở cơ sở gắn với người có uy tín", "Tổ hòa giải giỏi"],
      (20, 70), (50, 300), (5, 30), (50, 300),
      ["Hòa giải thành {vu}/{vu2} vụ việc mâu thuẫn trong Nhân dân, không để phát sinh khiếu kiện vượt cấp."],
      x={"vu": (10, 30), "vu2": ("vu", 0, 4)}),
    T("lien-gia-an-toan", QP, "F", None,
      ["Tổ liên gia an toàn", "Tổ liên gia an toàn phòng cháy, chữa cháy"],
      (200, 1000), (200, 1000), (30, 250), (50, 300),
      ["Thành lập {to} tổ liên gia an toàn với {b} hộ, trang bị bình chữa cháy dùng chung; không để xảy ra cháy lớn trên địa bàn."],
      x={"to": (12, 60)}, ind=False),
    T("tu-quan-duong-bien", QP, "F", None,
      ["Tổ tự quản đường biên, cột mốc", "Nhân dân tự quản đường biên, mốc quốc giới"],
      (40, 150), (150, 600), (10, 60), (500, 1800),
      ["{to} tổ tự quản phối hợp Đồn Biên phòng tuần tra {lan} lượt trên tuyến biên giới; {b} hộ ký cam kết không vượt biên trái phép."],
      x={"to": (6, 20), "lan": (40, 160)}, border=True),
    T("khong-ma-tuy", QP, "F", None,
      ["Thôn, bản không có ma túy", "Khu dân cư không ma túy"],
      (100, 600), (100, 600), (5, 50), (50, 300),
      ["Vận động {b} hộ ký cam kết không sử dụng, tàng trữ, mua bán ma túy; giúp {nguoi} người sau cai nghiện có việc làm ổn định."],
      x={"nguoi": (2, 9)}),
    T("tuyen-quan", QP, "F", None,
      ["Dân vận khéo trong công tác tuyển quân", "Gia đình vận động con em thực hiện nghĩa vụ quân sự"],
      (40, 150), (30, 120), (10, 80), (20, 120),
      ["Ban Công tác Mặt trận cùng gia đình vận động {tn} thanh niên khám tuyển; 100% công dân trúng tuyển lên đường nhập ngũ đúng thời gian."],
      x={"tn": (20, 90)}),
    T("ton-giao-tot-doi-dep-dao", QP, "F", {"hgd", "hgx", "hgt", "tqc"},
      ["Chức sắc, tín đồ tôn giáo sống tốt đời, đẹp đạo", "Đồng bào có đạo tham gia xây dựng khu dân cư an toàn"],
      (40, 200), (80, 400), (10, 60), (100, 500),
      ["Vận động {b} hộ đồng bào có đạo ký cam kết sinh hoạt tôn giáo đúng pháp luật, tham gia làm {km} km đường và giữ gìn an ninh thôn bản."],
      x={"km": (5, 40, 10)}, tg=True),
    T("nguoi-uy-tin", QP, "F", {"hgd", "hgx", "tqc", "hgt"},
      ["Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số", "Người có uy tín làm dân vận ở thôn bản"],
      (15, 60), (150, 700), (5, 30), (50, 250),
      ["{p} người có uy tín nắm tình hình, tuyên truyền chính sách tới {b} hộ; tham gia giải quyết {vu} vụ việc ngay tại cơ sở."],
      x={"vu": (5, 25)}, tg=True),
    T("lua-dao-mang", QP, "F", {"dt", "tq", "hgt"},
      ["Phòng, chống lừa đảo trên không gian mạng", "Cảnh giác với lừa đảo qua mạng"],
      (50, 300), (300, 2000), (5, 40), (20, 150),
      ["Tổ chức {buoi} buổi tuyên truyền tại khu dân cư và trên nhóm Zalo; {b} hộ được hướng dẫn nhận biết thủ đoạn lừa đảo, ngăn chặn {vu} vụ việc."],
      x={"buoi": (8, 30), "vu": (2, 10)}),
    # ---- commune Front committees: building the Party and the political system
    T("chi-bo-gan-dan", XD, "F", None,
      ["Chi bộ gần dân, sát dân, vì Nhân dân phục vụ", "Chi bộ thôn gần dân"],
      (20, 80), (200, 900), (0, 20), (50, 300),
      ["{p} đảng viên định kỳ đến từng hộ lắng nghe ý kiến; {kn} kiến nghị của Nhân dân được giải quyết ngay tại thôn."],
      x={"kn": (20, 90)}),
    T("doi-thoai", XD, "F", None,
      ["Đối thoại định kỳ giữa người đứng đầu với Nhân dân", "Lắng nghe dân nói, nói dân hiểu"],
      (150, 600), (150, 600), (5, 30), (0, 60),
      ["Tổ chức {hn} hội nghị đối thoại với {p} lượt người dân; {kn} ý kiến, kiến nghị được trả lời trực tiếp hoặc bằng văn bản."],
      x={"hn": (3, 8), "kn": (30, 120)}, ind=False),
    T("giam-sat-dau-tu-cong-dong", XD, "F", RURAL,
      ["Ban Giám sát đầu tư cộng đồng giám sát công trình nông thôn mới", "Dân giám sát công trình ở thôn"],
      (20, 70), (200, 900), (2, 15), (60, 200),
      ["Ban Giám sát đầu tư cộng đồng giám sát {ct} công trình, kiến nghị khắc phục {hm} hạng mục chưa bảo đảm chất lượng."],
      x={"ct": (6, 18), "hm": (2, 7)}, ind=False),
    T("dang-vien-phu-trach-ho", XD, "F", None,
      ["Đảng viên phụ trách hộ gia đình", "Mỗi đảng viên gắn với hộ dân"],
      (40, 200), (400, 2000), (0, 30), (100, 600),
      ["{p} đảng viên mỗi người phụ trách từ 8 đến 15 hộ, nắm tình hình, tuyên truyền chính sách; {ngheo} hộ nghèo được giúp đỡ cây, con giống."],
      x={"ngheo": (10, 50)}),
    T("zalo-ket-noi", XD, "F", None,
      ["Nhóm Zalo kết nối Ban Công tác Mặt trận với Nhân dân", "Mặt trận kết nối Nhân dân qua Zalo"],
      (300, 2500), (300, 2200), (2, 15), (20, 120),
      ["Lập {nhom} nhóm Zalo ở {khu} với {p} thành viên; tiếp nhận {kn} ý kiến, kiến nghị và trả lời kịp thời."],
      x={"nhom": (8, 30), "kn": (60, 400)}, ind=False),
    T("dan-chu-co-so", XD, "F", None,
      ["Thực hiện dân chủ ở cơ sở: dân biết, dân bàn, dân làm, dân kiểm tra", "Thôn thực hiện tốt dân chủ ở cơ sở"],
      (200, 900), (200, 900), (5, 40), (100, 400),
      ["Công khai {nd} nội dung tại nhà văn hóa và trên loa truyền thanh; {b} hộ tham gia bàn và biểu quyết các công trình của thôn."],
      x={"nd": (12, 30)}, ind=False),
    T("qr-gop-y", XD, "F", {"dt", "tq", "hgt"},
      ["Tiếp nhận ý kiến của Nhân dân qua mã QR", "Hộp thư góp ý điện tử của Mặt trận"],
      (100, 800), (500, 3000), (2, 15), (0, 40),
      ["Niêm yết mã QR tại {dd} điểm công cộng; tiếp nhận {kn} ý kiến, {pct}% được chuyển xử lý trong 5 ngày làm việc."],
      x={"dd": (8, 40), "kn": (40, 300), "pct": (90, 99)}, ind=False),
    T("ban-cong-tac-mat-tran", XD, "F", None,
      ["Ban Công tác Mặt trận thôn hoạt động hiệu quả", "Nâng cao chất lượng hoạt động Ban Công tác Mặt trận"],
      (30, 120), (200, 1000), (5, 30), (30, 150),
      ["Kiện toàn {bct} Ban Công tác Mặt trận, duy trì họp giao ban hằng tháng; {pct}% khu dân cư được xếp loại tốt về thực hiện dân chủ."],
      x={"bct": (8, 25), "pct": (80, 100)}, ind=False),
    T("cot-can-dtts", XD, "F", HG_HIGH | {"tqc"},
      ["Xây dựng đội ngũ cốt cán ở thôn vùng đồng bào dân tộc thiểu số"],
      (20, 80), (200, 800), (5, 30), (50, 200),
      ["Bồi dưỡng {p} cốt cán là người có uy tín, trưởng dòng họ, thanh niên tiêu biểu; đội ngũ cốt cán tuyên truyền chính sách tới {b} hộ."]),
    # ---- farmers' associations
    T("chi-hoi-nghe-nghiep", KT, "ND", None,
      ["Chi hội nông dân nghề nghiệp trồng {crop}", "Chi hội nông dân nghề nghiệp sản xuất {crop}"],
      (25, 90), (25, 90), (100, 800), (200, 900),
      ["{p} hội viên liên kết sản xuất {ha} ha {crop}, dùng chung giống, vật tư và đầu ra; thu nhập bình quân tăng khoảng {pct}%."],
      x={"ha": (10, 60), "pct": (15, 35)}),
    T("to-hop-tac-chan-nuoi", KT, "ND", None,
      ["Tổ hợp tác chăn nuôi {animal}", "Tổ hợp tác nông dân nuôi {animal}"],
      (10, 40), (10, 40), (100, 700), (100, 500),
      ["Tổ hợp tác có {p} hội viên, nuôi {con} con {animal} theo quy trình an toàn sinh học; doanh thu năm {year} đạt {f}."],
      x={"con": (150, 1500)}),
    T("quy-ho-tro-nong-dan", KT, "ND", None,
      ["Quỹ Hỗ trợ nông dân giúp hội viên phát triển sản xuất", "Hội viên giúp nhau vốn, giống phát triển sản xuất"],
      (20, 120), (15, 80), (200, 1500), (0, 300),
      ["Giải ngân {f} từ Quỹ Hỗ trợ nông dân cho {b} hộ hội viên chăn nuôi, trồng trọt; trả nợ đúng hạn đạt {pct}%."],
      x={"pct": (95, 100)}, ind=False),
    T("vietgap", KT, "ND", {"tq", "hgt", "tqc", "hgx"},
      ["Sản xuất {crop} theo tiêu chuẩn VietGAP", "Liên kết sản xuất {crop} an toàn"],
      (15, 60), (15, 60), (150, 900), (200, 800),
      ["{b} hộ áp dụng quy trình VietGAP trên {ha} ha {crop}, ghi nhật ký sản xuất; sản phẩm được bao tiêu với giá cao hơn {pct}%."],
      x={"ha": (8, 50), "pct": (10, 20)}),
    T("ban-hang-online", KT, "ND", None,
      ["Nông dân bán nông sản trên sàn thương mại điện tử", "Nông dân số"],
      (20, 80), (20, 80), (20, 150), (50, 200),
      ["Hướng dẫn {p} hội viên mở gian hàng trực tuyến, đưa {sp} sản phẩm lên sàn; doanh thu bán hàng trực tuyến đạt {f}."],
      x={"sp": (5, 20)}),
    T("thu-gom-bao-bi", VH, "ND", RURAL,
      ["Nông dân thu gom vỏ bao bì thuốc bảo vệ thực vật", "Cánh đồng sạch vỏ bao bì"],
      (40, 200), (40, 200), (10, 60), (100, 400),
      ["Xây {be} bể chứa vỏ bao bì trên đồng ruộng, mỗi năm thu gom khoảng {kg} kg vỏ bao bì để xử lý đúng quy định."],
      x={"be": (10, 50), "kg": (300, 1500)}),
    T("phan-huu-co", VH, "ND", RURAL,
      ["Ủ phân hữu cơ từ phụ phẩm nông nghiệp", "Nông dân không đốt rơm rạ, ủ phân hữu cơ"],
      (30, 150), (30, 150), (10, 80), (100, 500),
      ["{b} hộ hội viên ủ {tan} tấn phân hữu cơ từ rơm rạ, phân chuồng; giảm khoảng {pct}% lượng phân bón hóa học."],
      x={"tan": (40, 300), "pct": (20, 35)}),
    T("nong-dan-an-ninh", QP, "ND", None,
      ["Chi hội nông dân tự quản về an ninh trật tự"],
      (30, 120), (30, 120), (5, 30), (50, 200),
      ["{p} hội viên tham gia tuần tra, bảo vệ sản xuất; không xảy ra trộm cắp gia súc, nông sản trên địa bàn."]),
    T("chi-hoi-vung-manh", XD, "ND", None,
      ["Xây dựng chi hội nông dân vững mạnh", "Phát triển hội viên, nâng chất lượng sinh hoạt chi hội"],
      (30, 150), (30, 150), (5, 30), (20, 100),
      ["Kết nạp {moi} hội viên mới, đổi mới sinh hoạt chi hội gắn với chuyên đề sản xuất; {pct}% chi hội được xếp loại vững mạnh."],
      x={"moi": (10, 60), "pct": (70, 95)}),
    # ---- women's unions
    T("to-tiet-kiem", KT, "PN", None,
      ["Tổ phụ nữ tiết kiệm vay vốn", "Tổ tiết kiệm giúp nhau thoát nghèo"],
      (30, 180), (20, 90), (80, 700), (0, 0),
      ["Tổ có {p} hội viên góp tiết kiệm hằng tháng, cho {b} lượt hộ vay không lãi với tổng số tiền {f}."], ind=False),
    T("phu-nu-khoi-nghiep", KT, "PN", {"tq", "tqc", "hgt", "hgd", "hgx"},
      ["Phụ nữ khởi nghiệp với sản phẩm {product}", "Hỗ trợ phụ nữ khởi nghiệp từ {product}"],
      (10, 50), (10, 50), (100, 800), (50, 400),
      ["Hỗ trợ {b} chị em vay vốn, học kỹ thuật làm {product}; {sp} hộ kinh doanh có thu nhập ổn định trên 5 triệu đồng mỗi tháng."],
      x={"sp": (5, 15)}),
    T("det-tho-cam", KT, "PN", HG_HIGH | {"tqc"},
      ["Tổ hợp tác phụ nữ dệt thổ cẩm, may trang phục dân tộc", "Giữ nghề dệt lanh truyền thống"],
      (15, 60), (15, 60), (50, 400), (200, 800),
      ["{p} chị em dệt, may {sp} bộ trang phục và sản phẩm thổ cẩm mỗi năm, bán cho khách du lịch; thu nhập thêm 2–3 triệu đồng mỗi tháng."],
      x={"sp": (300, 1500)}),
    T("hu-gao-tinh-thuong", VH, "PN", None,
      ["Hũ gạo tình thương", "Hũ gạo tình thương giúp hộ khó khăn"],
      (80, 500), (20, 150), (15, 100), (20, 150),
      ["{p} hội viên góp gạo hằng tháng, quyên góp được {tan} tấn gạo và tiền mặt {f} giúp {b} hộ khó khăn."],
      x={"tan": (1, 8)}),
    T("dia-chi-tin-cay", VH, "PN", None,
      ["Địa chỉ tin cậy ở cộng đồng", "Phòng, chống bạo lực gia đình"],
      (20, 80), (40, 200), (5, 40), (20, 100),
      ["Duy trì {dc} địa chỉ tin cậy, tư vấn và hòa giải {vu} vụ mâu thuẫn gia đình; không phát sinh bạo lực gia đình nghiêm trọng."],
      x={"dc": (3, 12), "vu": (5, 25)}),
    T("me-do-dau", VH, "PN", None,
      ["Mẹ đỡ đầu trẻ em mồ côi", "Mẹ đỡ đầu – nâng bước em tới trường"],
      (20, 120), (10, 60), (50, 400), (0, 100),
      ["{p} hội viên nhận đỡ đầu {b} trẻ em có hoàn cảnh đặc biệt, hỗ trợ mỗi em 300.000–500.000 đồng mỗi tháng; tổng kinh phí {f}."]),
    T("gia-dinh-5-khong-3-sach", VH, "PN", None,
      ["Gia đình 5 không, 3 sạch", "Xây dựng gia đình 5 không, 3 sạch"],
      (100, 500), (100, 500), (10, 60), (100, 400),
      ["{b} hộ đăng ký và {dat} hộ đạt tiêu chí gia đình 5 không, 3 sạch; các chi hội duy trì ngày vệ sinh chung hằng tháng."],
      x={"dat": ("b", -60, -5)}),
    T("phong-chong-tao-hon", VH, "PN", HG_HIGH | {"tqc", "hgt"},
      ["Phòng, chống tảo hôn và hôn nhân cận huyết thống", "Nói không với tảo hôn"],
      (50, 250), (60, 300), (5, 40), (20, 100),
      ["Tuyên truyền tại {b} hộ có con ở tuổi vị thành niên; ngăn chặn {vu} trường hợp tảo hôn, không phát sinh hôn nhân cận huyết thống."],
      x={"vu": (2, 9)}),
    T("phu-nu-voi-phap-luat", QP, "PN", None,
      ["Câu lạc bộ phụ nữ với pháp luật", "Phụ nữ tham gia phòng, chống mua bán người"],
      (30, 120), (60, 400), (5, 30), (20, 100),
      ["Câu lạc bộ sinh hoạt {buoi} buổi, tuyên truyền pháp luật tới {b} hộ; không có phụ nữ, trẻ em bị mua bán trên địa bàn."],
      x={"buoi": (6, 12)}),
    T("phu-nu-gop-y", XD, "PN", None,
      ["Phụ nữ tham gia góp ý xây dựng Đảng, chính quyền", "Chi hội phụ nữ sinh hoạt đổi mới"],
      (40, 200), (40, 200), (5, 20), (10, 60),
      ["Tổ chức {hn} buổi lấy ý kiến hội viên, tổng hợp {kn} ý kiến góp ý gửi cấp ủy, chính quyền; {pct}% ý kiến được trả lời."],
      x={"hn": (3, 10), "kn": (20, 80), "pct": (85, 100)}),
    # ---- youth unions
    T("thanh-nien-lap-nghiep", KT, "DTN", None,
      ["Thanh niên lập nghiệp", "Thanh niên làm kinh tế giỏi giúp nhau"],
      (15, 80), (10, 40), (100, 900), (50, 300),
      ["Hỗ trợ {b} thanh niên vay vốn, học nghề để phát triển {dn} mô hình trang trại, dịch vụ; thu nhập bình quân 8–12 triệu đồng mỗi tháng."],
      x={"dn": (5, 18)}),
    T("livestream-nong-san", KT, "DTN", RURAL,
      ["Thanh niên livestream bán nông sản", "Thanh niên giúp bà con bán nông sản qua mạng"],
      (10, 40), (30, 200), (5, 40), (50, 200),
      ["{p} đoàn viên giúp {b} hộ quảng bá, bán {tan} tấn {crop} qua mạng xã hội và sàn thương mại điện tử."],
      x={"tan": (5, 60)}),
    T("ho-tro-chuyen-doi-so", VH, "DTN", None,
      ["Thanh niên tình nguyện hỗ trợ chuyển đổi số", "Bình dân học vụ số"],
      (15, 60), (300, 2000), (3, 20), (100, 400),
      ["{p} đoàn viên hướng dẫn {b} lượt người dân dùng VNeID, dịch vụ công trực tuyến và thanh toán không dùng tiền mặt."]),
    T("thanh-nien-thap-sang", VH, "DTN", RURAL,
      ["Thanh niên thắp sáng đường quê", "Công trình thanh niên thắp sáng đường thôn"],
      (20, 80), (100, 500), (30, 200), (100, 400),
      ["Đoàn viên góp {w} ngày công lắp {den} cột đèn chiếu sáng trên {km} km đường thôn."],
      x={"den": (30, 150), "km": (10, 60, 10)}),
    T("san-choi-thieu-nhi", VH, "DTN", None,
      ["Sân chơi cho thiếu nhi ở nhà văn hóa thôn", "Công trình thanh niên: sân chơi thiếu nhi"],
      (20, 80), (80, 400), (20, 150), (100, 400),
      ["Xây dựng {sc} sân chơi cho thiếu nhi từ vật liệu tái chế, kinh phí {f}; các sân chơi mở cửa mỗi tối và cuối tuần."],
      x={"sc": (2, 8)}),
    T("nha-nhan-ai-thanh-nien", VH, "DTN", None,
      ["Thanh niên tình nguyện làm nhà nhân ái", "Ngôi nhà thanh niên tình nguyện"],
      (30, 120), (3, 12), (150, 700), (200, 800),
      ["Đoàn viên góp {w} ngày công tháo dỡ, vận chuyển vật liệu, cùng các nhà hảo tâm xây {b} căn nhà cho hộ nghèo."]),
    T("cong-truong-an-toan", QP, "DTN", None,
      ["Cổng trường an toàn giao thông", "Thanh niên tham gia bảo đảm an toàn giao thông"],
      (15, 60), (200, 1000), (5, 40), (100, 400),
      ["{p} đoàn viên phân luồng giao thông giờ tan trường tại {cong} cổng trường; không xảy ra tai nạn giao thông đối với học sinh."],
      x={"cong": (2, 6)}),
    T("thanh-nien-nhap-ngu", QP, "DTN", None,
      ["Thanh niên gương mẫu thực hiện nghĩa vụ quân sự", "Đội thanh niên xung kích an ninh trật tự"],
      (20, 90), (20, 90), (5, 40), (30, 200),
      ["Vận động {tn} thanh niên khám tuyển, {nn} thanh niên lên đường nhập ngũ; đội xung kích tham gia tuần tra {lan} lượt."],
      x={"tn": (20, 80), "nn": (5, 15), "lan": (20, 80)}),
    T("doi-thoai-thanh-nien", XD, "DTN", None,
      ["Đối thoại giữa lãnh đạo xã với thanh niên", "Thanh niên góp ý xây dựng Đảng, chính quyền"],
      (50, 200), (50, 200), (3, 20), (0, 40),
      ["Tổ chức {hn} buổi đối thoại với {p} đoàn viên, thanh niên; {kn} kiến nghị về việc làm, sân chơi được trả lời tại chỗ."],
      x={"hn": (2, 5), "kn": (10, 40)}),
    # ---- veterans' associations
    T("ccb-lam-kinh-te", KT, "CCB", None,
      ["Cựu chiến binh giúp nhau làm kinh tế", "Cựu chiến binh làm kinh tế giỏi giúp hội viên khó khăn"],
      (20, 100), (10, 50), (100, 800), (100, 500),
      ["{p} hội viên giúp {b} hộ cựu chiến binh khó khăn vốn, giống và ngày công; {thoat} hộ đã thoát nghèo."],
      x={"thoat": (1, 6)}),
    T("ccb-hien-dat", KT, "CCB", RURAL,
      ["Cựu chiến binh gương mẫu hiến đất làm đường"],
      (20, 80), (20, 80), (50, 400), (100, 600),
      ["{p} hội viên gương mẫu hiến {m2} m² đất, vận động {b} hộ cùng làm {km} km đường thôn."],
      x={"m2": (500, 4000), "km": (5, 30, 10)}),
    T("ccb-bao-ve-rung", VH, "CCB", RURAL,
      ["Cựu chiến binh tham gia bảo vệ rừng"],
      (15, 60), (50, 300), (5, 30), (200, 800),
      ["Tổ cựu chiến binh tuần tra bảo vệ {ha} ha rừng, tuyên truyền {b} hộ không đốt nương làm rẫy gần rừng."],
      x={"ha": (100, 900)}),
    T("ccb-giao-duc-truyen-thong", VH, "CCB", None,
      ["Cựu chiến binh giáo dục truyền thống cho thế hệ trẻ", "Kể chuyện truyền thống cho học sinh"],
      (10, 40), (100, 600), (2, 20), (20, 100),
      ["Hội viên tổ chức {buoi} buổi kể chuyện truyền thống tại các trường học cho khoảng {hs} học sinh."],
      x={"buoi": (6, 20), "hs": (300, 2000)}),
    T("ccb-tu-quan-an-ninh", QP, "CCB", None,
      ["Tổ cựu chiến binh tự quản an ninh trật tự", "Cựu chiến binh tham gia giữ gìn an ninh thôn xóm"],
      (15, 60), (100, 500), (5, 30), (50, 300),
      ["{to} tổ cựu chiến binh tự quản nắm tình hình, tuần tra đêm; phối hợp Công an xã giải quyết {vu} vụ việc ngay từ cơ sở."],
      x={"to": (3, 12), "vu": (3, 15)}),
    T("ccb-cam-hoa", QP, "CCB", None,
      ["Cựu chiến binh giúp người lầm lỗi hòa nhập cộng đồng", "Dòng họ tự quản không ma túy"],
      (15, 80), (20, 150), (5, 40), (30, 200),
      ["Hội viên nhận kèm cặp {nguoi} người sau cai nghiện, chấp hành xong án phạt tù, giúp họ có việc làm ổn định."],
      x={"nguoi": (3, 12)}),
    T("ccb-hoa-giai", QP, "CCB", None,
      ["Cựu chiến binh tham gia hòa giải ở cơ sở"],
      (10, 40), (50, 200), (2, 15), (20, 100),
      ["Hội viên tham gia hòa giải thành {vu}/{vu2} vụ việc, giữ đoàn kết trong khu dân cư."],
      x={"vu": (6, 20), "vu2": ("vu", 0, 3)}),
    T("ccb-duong-bien", QP, "CCB", None,
      ["Cựu chiến binh tham gia tự quản đường biên, cột mốc"],
      (15, 50), (100, 300), (5, 30), (200, 800),
      ["{p} hội viên phối hợp Đồn Biên phòng tuần tra {lan} lượt, tuyên truyền {b} hộ chấp hành quy chế khu vực biên giới."],
      x={"lan": (30, 100)}, border=True),
    T("ccb-giam-sat", XD, "CCB", None,
      ["Cựu chiến binh tham gia giám sát đầu tư cộng đồng", "Cựu chiến binh giám sát công trình ở thôn"],
      (10, 40), (100, 500), (2, 10), (30, 120),
      ["Hội viên tham gia giám sát {ct} công trình ở thôn, phát hiện và kiến nghị khắc phục {hm} hạng mục."],
      x={"ct": (3, 10), "hm": (1, 4)}),
    # ---- provincial Front committee
    T("nha-dai-doan-ket", VH, "mttq-tinh", None,
      ["Quỹ Vì người nghèo tỉnh hỗ trợ xây nhà Đại đoàn kết"],
      (3000, 12000), (300, 900), (15000, 45000), (5000, 20000),
      ["Quỹ Vì người nghèo các cấp hỗ trợ {f} xây mới, sửa chữa {b} nhà Đại đoàn kết cho hộ nghèo, hộ có hoàn cảnh khó khăn."],
      ind=False),
    T("giam-sat-chinh-sach-dtts", XD, "mttq-tinh", None,
      ["Giám sát việc thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số"],
      (60, 200), (2000, 8000), (50, 200), (100, 400),
      ["Tổ chức {doan} đoàn giám sát tại {xa2} xã vùng đồng bào dân tộc thiểu số, đưa ra {kn} kiến nghị, {pct}% đã được tiếp thu."],
      x={"doan": (4, 10), "xa2": (12, 30), "kn": (20, 60), "pct": (80, 95)}, ind=False),
    T("phan-bien-nghi-quyet", XD, "mttq-tinh", None,
      ["Phản biện xã hội các dự thảo nghị quyết của HĐND tỉnh"],
      (80, 300), (0, 0), (20, 100), (20, 100),
      ["Tổ chức {hn} hội nghị phản biện với {p} lượt chuyên gia, người dân; {kn} ý kiến được cơ quan soạn thảo tiếp thu."],
      x={"hn": (4, 9), "kn": (30, 90)}, ind=False),
    T("lan-toa-tren-mang", VH, "mttq-tinh", None,
      ["Lan tỏa mô hình Dân vận khéo trên trang thông tin và fanpage của Mặt trận tỉnh"],
      (20, 60), (0, 0), (30, 150), (50, 200),
      ["Đăng {bai} tin, bài về mô hình, điển hình Dân vận khéo; fanpage Mặt trận tỉnh có {luot} lượt tiếp cận trong năm."],
      x={"bai": (120, 400), "luot": (200000, 900000)}, ind=False),
    T("ket-noi-tieu-thu", KT, "mttq-tinh", None,
      ["Kết nối doanh nghiệp tiêu thụ nông sản cho đồng bào vùng cao"],
      (200, 800), (500, 2000), (1000, 6000), (200, 800),
      ["Tổ chức {hn} hội chợ, phiên kết nối, giúp {b} hộ bán {tan} tấn nông sản với giá ổn định."],
      x={"hn": (3, 8), "tan": (300, 2000)}, ind=False),
    T("uy-tin-dtts-tinh", QP, "mttq-tinh", None,
      ["Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số"],
      (800, 1800), (5000, 15000), (200, 900), (300, 1000),
      ["{p} người có uy tín được bồi dưỡng, cung cấp thông tin; tham gia hòa giải thành {vu} vụ việc ở thôn, bản."],
      x={"vu": (200, 600)}, ind=False, tg=True),
    # ---- provincial farmers' association
    T("ket-noi-nong-san-an-toan", KT, "hnd-tinh", None,
      ["Hội Nông dân tỉnh kết nối tiêu thụ nông sản an toàn"],
      (300, 1200), (300, 1200), (500, 3000), (200, 800),
      ["Kết nối {b} hộ hội viên với {dn} doanh nghiệp, hợp tác xã; tiêu thụ {tan} tấn nông sản an toàn."],
      x={"dn": (15, 45), "tan": (800, 4000)}, ind=False),
    T("nha-nong-dua-tai", VH, "hnd-tinh", None,
      ["Hội thi Nhà nông đua tài"],
      (400, 1500), (0, 0), (150, 600), (100, 400),
      ["{doi} đội thi từ các xã, phường tham gia; nội dung thi gắn với chuyển đổi số và sản xuất an toàn."],
      x={"doi": (30, 80)}, ind=False),
    T("nong-dan-chuyen-doi-so", KT, "hnd-tinh", None,
      ["Nông dân chuyển đổi số trong sản xuất"],
      (800, 3000), (800, 3000), (200, 1200), (100, 500),
      ["Tập huấn cho {p} hội viên về nhật ký sản xuất điện tử, truy xuất nguồn gốc; {sp} sản phẩm có tem truy xuất."],
      x={"sp": (40, 160)}, ind=False),
    T("nong-dan-moi-truong", VH, "hnd-tinh", None,
      ["Nông dân tham gia bảo vệ môi trường nông thôn"],
      (2000, 8000), (2000, 8000), (200, 900), (2000, 8000),
      ["{p} hội viên tham gia thu gom rác thải đồng ruộng, xây {be} bể chứa vỏ bao bì thuốc bảo vệ thực vật."],
      x={"be": (300, 1200)}, ind=False),
    T("nong-dan-an-ninh-tinh", QP, "hnd-tinh", None,
      ["Nông dân tham gia giữ gìn an ninh trật tự ở nông thôn"],
      (1500, 5000), (1500, 5000), (100, 500), (500, 2000),
      ["Duy trì {to} tổ hội viên nông dân tự quản an ninh trật tự, tham gia giải quyết {vu} vụ việc ở cơ sở."],
      x={"to": (120, 400), "vu": (80, 300)}, ind=False),
    # ---- provincial women's union
    T("phu-nu-khoi-nghiep-vung-cao", KT, "hlhpn-tinh", None,
      ["Phụ nữ khởi nghiệp vùng cao"],
      (300, 1200), (100, 400), (1500, 6000), (200, 800),
      ["Hỗ trợ {b} ý tưởng, dự án khởi nghiệp của phụ nữ dân tộc thiểu số; kết nối vay vốn {f}."],
      ind=False),
    T("me-do-dau-tinh", VH, "hlhpn-tinh", None,
      ["Chương trình Mẹ đỡ đầu trẻ em mồ côi"],
      (400, 1500), (200, 700), (1200, 4000), (0, 200),
      ["Các cấp hội nhận đỡ đầu {b} trẻ em mồ côi, có hoàn cảnh đặc biệt, hỗ trợ tổng cộng {f}."],
      ind=False),
    T("chong-mua-ban-nguoi", QP, "hlhpn-tinh", None,
      ["Phụ nữ tham gia phòng, chống mua bán người ở khu vực biên giới"],
      (500, 2000), (2000, 8000), (100, 500), (100, 400),
      ["Tổ chức {buoi} buổi truyền thông tại các xã biên giới cho {p} lượt hội viên; hỗ trợ {nguoi} nạn nhân trở về hòa nhập cộng đồng."],
      x={"buoi": (40, 120), "nguoi": (5, 20)}, ind=False),
    T("phu-nu-gop-y-tinh", XD, "hlhpn-tinh", None,
      ["Phụ nữ góp ý xây dựng Đảng, chính quyền"],
      (800, 3000), (0, 0), (50, 200), (0, 100),
      ["Tổng hợp {kn} ý kiến của hội viên phụ nữ gửi cấp ủy, chính quyền; giới thiệu {nguoi} cán bộ nữ ưu tú để cấp ủy xem xét bồi dưỡng."],
      x={"kn": (150, 500), "nguoi": (20, 80)}, ind=False),
    # ---- provincial youth union
    T("tiep-suc-den-truong", VH, "tinh-doan", None,
      ["Tiếp sức đến trường cho học sinh vùng cao"],
      (500, 2000), (300, 1200), (800, 3000), (500, 2000),
      ["Trao {hb} suất học bổng, {xe} xe đạp và áo ấm cho học sinh vùng cao; tổng giá trị {f}."],
      x={"hb": (300, 1200), "xe": (50, 300)}, ind=False),
    T("thanh-nien-chuyen-doi-so-tinh", VH, "tinh-doan", None,
      ["Thanh niên tình nguyện hỗ trợ chuyển đổi số"],
      (1500, 5000), (10000, 40000), (100, 500), (2000, 8000),
      ["{doi} đội hình thanh niên tình nguyện hướng dẫn {b} lượt người dân sử dụng dịch vụ công trực tuyến."],
      x={"doi": (120, 300)}, ind=False),
    T("an-toan-giao-thong-tinh", QP, "tinh-doan", None,
      ["Thanh niên tham gia bảo đảm trật tự an toàn giao thông"],
      (800, 3000), (0, 0), (100, 500), (1000, 4000),
      ["Duy trì {cong} cổng trường an toàn giao thông, {doi} đội thanh niên xung kích hỗ trợ người dân tại các điểm đen tai nạn."],
      x={"cong": (80, 200), "doi": (40, 120)}, ind=False),
    T("doi-thoai-thanh-nien-tinh", XD, "tinh-doan", None,
      ["Đối thoại giữa lãnh đạo tỉnh với thanh niên"],
      (300, 800), (0, 0), (30, 150), (0, 100),
      ["Tổ chức {hn} buổi đối thoại trực tiếp và trực tuyến với {p} đoàn viên; {kn} kiến nghị được trả lời."],
      x={"hn": (2, 4), "kn": (30, 90)}, ind=False),
    T("thap-sang-duong-bien", QP, "tinh-doan", None,
      ["Công trình thanh niên thắp sáng đường biên giới"],
      (300, 1000), (300, 1500), (500, 2000), (800, 3000),
      ["Lắp {den} cột đèn năng lượng mặt trời trên {km} km đường tuần tra, đường vào các thôn biên giới."],
      x={"den": (300, 900), "km": (40, 150)}, ind=False),
    # ---- provincial veterans' association
    T("ccb-bao-ve-bien-gioi", QP, "hccb-tinh", None,
      ["Cựu chiến binh tham gia bảo vệ chủ quyền, an ninh biên giới"],
      (300, 1000), (1000, 5000), (100, 500), (1000, 4000),
      ["{p} hội viên ở các xã biên giới phối hợp bộ đội biên phòng tuần tra {lan} lượt, tuyên truyền {b} hộ chấp hành quy chế biên giới."],
      x={"lan": (300, 1200)}, ind=False),
    T("ccb-nhan-chung-lich-su", VH, "hccb-tinh", None,
      ["Cựu chiến binh giáo dục truyền thống cách mạng tại Khu di tích Tân Trào"],
      (100, 400), (0, 0), (50, 300), (100, 400),
      ["Hội viên tổ chức {buoi} buổi nói chuyện truyền thống tại Tân Trào cho khoảng {hs} học sinh, đoàn viên."],
      x={"buoi": (30, 90), "hs": (5000, 20000)}, ind=False),
    T("ccb-gop-y-xay-dung-dang", XD, "hccb-tinh", None,
      ["Cựu chiến binh gương mẫu, góp ý xây dựng Đảng, chính quyền"],
      (500, 2000), (0, 0), (20, 100), (0, 100),
      ["Tổng hợp {kn} ý kiến của hội viên gửi cấp ủy; {pct}% chi hội được xếp loại trong sạch, vững mạnh."],
      x={"kn": (100, 400), "pct": (85, 97)}, ind=False),
    # ---- provincial labour federation
    T("doi-thoai-cong-nhan", XD, "ldld-tinh", None,
      ["Đối thoại với công nhân lao động tại các khu công nghiệp"],
      (1000, 4000), (0, 0), (50, 300), (0, 100),
      ["Tổ chức {hn} hội nghị đối thoại tại doanh nghiệp; {kn} kiến nghị về tiền lương, nhà ở, bữa ăn ca được giải quyết."],
      x={"hn": (20, 60), "kn": (60, 200)}, ind=False),
    T("tet-sum-vay", VH, "ldld-tinh", None,
      ["Tết Sum vầy – Chợ Tết Công đoàn"],
      (3000, 9000), (1500, 5000), (1500, 5000), (100, 400),
      ["Tặng {b} suất quà và vé xe cho đoàn viên khó khăn; {p} lượt công nhân mua hàng giảm giá tại Chợ Tết Công đoàn."],
      ind=False),
    T("nang-suat-cong-doan", KT, "ldld-tinh", None,
      ["Công đoàn đồng hành cùng doanh nghiệp nâng cao năng suất lao động"],
      (2000, 8000), (0, 0), (300, 1500), (0, 200),
      ["Vận động {p} đoàn viên tham gia phong trào lao động giỏi, {sk} sáng kiến cải tiến kỹ thuật được áp dụng."],
      x={"sk": (60, 250)}, ind=False),
    T("to-tu-quan-nha-tro", QP, "ldld-tinh", None,
      ["Tổ công nhân tự quản ở khu nhà trọ"],
      (500, 2500), (300, 1500), (50, 300), (100, 500),
      ["Thành lập {to} tổ công nhân tự quản tại các khu nhà trọ, không để xảy ra tệ nạn, cháy nổ."],
      x={"to": (20, 60)}, ind=False),
]

# ---------------------------------------------------------------------------------------------------
# The 34 featured models (the write-ups tell their stories). Exact figures; owner and summary ours.

FEATURED_TSV = """\
xa-son-duong-2026-hien-dat-lam-duong	xa-son-duong	2026	kinh-te	x	1240	386	2150000000	3200	Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn
xa-son-duong-nd-2025-chi-hoi-nghe-che	xa-son-duong-nd	2025	kinh-te	x	64	64	420000000	900	Chi hội nông dân nghề nghiệp trồng chè an toàn
phuong-minh-xuan-2026-phan-loai-rac	phuong-minh-xuan	2026	van-hoa-xa-hoi	x	2100	1480	95000000	1100	Tổ dân phố phân loại rác thải tại nguồn
phuong-minh-xuan-pn-2025-tiet-kiem	phuong-minh-xuan-pn	2025	kinh-te		180	72	640000000	0	Tổ phụ nữ tiết kiệm vay vốn giúp nhau thoát nghèo
xa-tan-trao-2026-du-lich-cong-dong	xa-tan-trao	2026	kinh-te	x	310	58	1850000000	2400	Vận động đồng bào phát triển du lịch cộng đồng gắn với Khu di tích Tân Trào
xa-dong-van-2026-tu-quan-bien-gioi	xa-dong-van	2026	quoc-phong-an-ninh	x	96	420	36000000	1500	Tổ tự quản đường biên, cột mốc
xa-lung-cu-2025-nguoi-uy-tin-hoa-giai	xa-lung-cu	2025	quoc-phong-an-ninh	x	42	210	12000000	300	Người có uy tín tham gia hòa giải ở cơ sở
xa-meo-vac-2026-xoa-nha-tam	xa-meo-vac	2026	van-hoa-xa-hoi	x	820	47	2350000000	4100	Chung tay xóa nhà tạm, nhà dột nát cho hộ nghèo
xa-ham-yen-nd-2026-cam-sanh-vietgap	xa-ham-yen-nd	2026	kinh-te	x	48	48	760000000	600	Liên kết sản xuất cam sành theo tiêu chuẩn VietGAP
xa-chiem-hoa-2026-camera-an-ninh	xa-chiem-hoa	2026	quoc-phong-an-ninh	x	1650	1650	412000000	350	Camera an ninh khu dân cư
xa-na-hang-2026-ocop	xa-na-hang	2026	kinh-te		75	31	980000000	420	Hỗ trợ hộ dân xây dựng sản phẩm OCOP từ đặc sản địa phương
phuong-ha-giang-1-2026-zalo-ket-noi	phuong-ha-giang-1	2026	xay-dung-dang	x	3200	2900	8000000	120	Zalo kết nối Ban Công tác Mặt trận với Nhân dân
phuong-ha-giang-2-dtn-2026-cong-nghe-so	phuong-ha-giang-2-dtn	2026	van-hoa-xa-hoi	x	36	1240	15000000	260	Tổ công nghệ số cộng đồng hướng dẫn dịch vụ công trực tuyến
xa-vi-xuyen-ccb-2025-dong-ho-khong-ma-tuy	xa-vi-xuyen-ccb	2025	quoc-phong-an-ninh		210	145	20000000	180	Dòng họ tự quản không ma túy
xa-yen-son-2026-thap-sang-duong-que	xa-yen-son	2026	van-hoa-xa-hoi	x	960	960	385000000	720	Thắp sáng đường quê
xa-bac-quang-nd-2026-chuyen-doi-cay-trong	xa-bac-quang-nd	2026	kinh-te		87	87	530000000	1300	Chuyển đổi đất trồng lúa kém hiệu quả sang trồng cây ăn quả
xa-hoang-su-phi-2026-ruong-bac-thang	xa-hoang-su-phi	2026	kinh-te	x	260	112	670000000	1900	Giữ gìn ruộng bậc thang gắn với du lịch cộng đồng
xa-quan-ba-pn-2026-hu-gao	xa-quan-ba-pn	2026	van-hoa-xa-hoi	x	540	186	96000000	200	Hũ gạo tình thương giúp học sinh bán trú
xa-yen-minh-2026-ket-hon-tap-trung	xa-yen-minh	2026	van-hoa-xa-hoi		120	64	18000000	90	Vận động đăng ký kết hôn đúng tuổi, giảm tảo hôn
xa-xin-man-2026-moi-dang-vien-10-ho	xa-xin-man	2026	xay-dung-dang	x	148	1480	0	600	Mỗi đảng viên phụ trách 10 hộ
xa-kim-binh-2025-giam-sat-cong-dong	xa-kim-binh	2025	xay-dung-dang		45	900	5000000	150	Ban Giám sát đầu tư cộng đồng giám sát công trình nông thôn mới
phuong-nong-tien-2026-lien-gia-an-toan	phuong-nong-tien	2026	quoc-phong-an-ninh	x	730	730	210000000	240	Tổ liên gia an toàn phòng cháy, chữa cháy
xa-lam-binh-2026-bao-ton-van-hoa-tay	xa-lam-binh	2026	van-hoa-xa-hoi	x	85	600	60000000	400	Câu lạc bộ hát then, đàn tính giữ gìn bản sắc dân tộc Tày
hnd-tinh-2026-ho-tro-von	hnd-tinh	2026	kinh-te	x	1320	410	12500000000	0	Hội viên nông dân giúp nhau phát triển kinh tế từ nguồn Quỹ Hỗ trợ nông dân
hlhpn-tinh-2026-mai-am	hlhpn-tinh	2026	van-hoa-xa-hoi	x	2400	52	3120000000	2600	Mái ấm tình thương cho phụ nữ nghèo, phụ nữ đơn thân
tinh-doan-2026-thanh-nien-khoi-nghiep	tinh-doan	2026	kinh-te		420	96	2800000000	500	Đồng hành cùng thanh niên khởi nghiệp ở vùng cao
hccb-tinh-2025-ccb-giup-nhau	hccb-tinh	2025	kinh-te	x	650	230	1700000000	1200	Cựu chiến binh giúp nhau làm kinh tế giỏi
ldld-tinh-2026-mai-am-cong-doan	ldld-tinh	2026	van-hoa-xa-hoi	x	5800	38	2280000000	800	Mái ấm Công đoàn cho đoàn viên khó khăn về nhà ở
mttq-tinh-2026-ngay-hoi-dai-doan-ket	mttq-tinh	2026	xay-dung-dang	x	18500	1864	4600000000	9500	Ngày hội Đại đoàn kết toàn dân tộc gắn với xây dựng khu dân cư kiểu mẫu
xa-dong-tam-2026-don-dien-doi-thua	xa-dong-tam	2026	kinh-te		310	295	150000000	2100	Dồn điền đổi thửa, tích tụ ruộng đất
xa-khau-vai-2026-cho-phien	xa-khau-vai	2026	van-hoa-xa-hoi		140	900	42000000	380	Giữ nét đẹp chợ phiên, chợ tình Khâu Vai văn minh
phuong-my-lam-2026-chinh-quyen-than-thien	phuong-my-lam	2026	xay-dung-dang	x	22	5300	30000000	0	Bộ phận một cửa thân thiện vì Nhân dân phục vụ
xa-minh-quang-2026-tu-quan-rung	xa-minh-quang	2026	van-hoa-xa-hoi		230	410	25000000	1650	Cộng đồng thôn bản tự quản bảo vệ rừng đầu nguồn
xa-tat-nga-2026-nuoc-sach	xa-tat-nga	2026	van-hoa-xa-hoi	x	390	126	1260000000	2300	Bể chứa nước sinh hoạt cho hộ vùng cao núi đá
"""

# model id -> (owner, summary, recognition, [2026 continuation: participants, beneficiaries, funds, workdays,
# summary, recognition])
FEATURED_EXTRA = {
    "xa-son-duong-2026-hien-dat-lam-duong": (
        "Ban Thường trực Ủy ban MTTQ xã Sơn Dương và Ban Công tác Mặt trận các thôn",
        "Vận động 386 hộ hiến hơn 12.600 m² đất, góp 3.200 ngày công mở rộng 9,4 km đường liên thôn; tổng kinh phí huy động 2,15 tỷ đồng, trong đó Nhân dân đóng góp 1,3 tỷ đồng.",
        "tỉnh"),
    "xa-son-duong-nd-2025-chi-hoi-nghe-che": (
        "Chi hội nông dân nghề nghiệp trồng chè thôn Cầu Trâm",
        "64 hội viên liên kết trồng và chế biến 38 ha chè theo quy trình an toàn, dùng chung lò sao chè; giá chè búp khô tăng khoảng 20% nhờ có đầu ra ổn định.",
        "xã",
        (72, 72, 465_000_000, 980,
         "Năm 2026 chi hội tăng lên 72 hội viên với 45 ha chè, đăng ký nhãn hiệu chè búp khô và bán qua sàn thương mại điện tử; doanh thu tăng khoảng 15% so với năm 2025.",
         "tỉnh")),
    "phuong-minh-xuan-2026-phan-loai-rac": (
        "Ban Công tác Mặt trận 12 tổ dân phố phường Minh Xuân",
        "1.480 hộ ở 12 tổ dân phố phân loại rác hữu cơ, rác tái chế và rác còn lại ngay tại gia đình; lượng rác phải thu gom, chôn lấp giảm khoảng 30%, tiền bán phế liệu đưa vào quỹ giúp hộ khó khăn.",
        "xã"),
    "phuong-minh-xuan-pn-2025-tiet-kiem": (
        "Chi hội Phụ nữ tổ dân phố 9 phường Minh Xuân",
        "Tổ tiết kiệm có 180 hội viên, mỗi tháng góp 200.000 đồng; đã cho 72 lượt hộ vay không lãi với tổng số tiền 640 triệu đồng để buôn bán nhỏ, chăn nuôi.",
        "cơ sở",
        (205, 81, 735_000_000, 0,
         "Năm 2026 tổ tăng lên 205 thành viên, 81 lượt hộ được vay với tổng số 735 triệu đồng; 6 hộ đã thoát nghèo, không có khoản vay quá hạn.",
         "xã")),
    "xa-tan-trao-2026-du-lich-cong-dong": (
        "Ủy ban MTTQ xã Tân Trào phối hợp Ban quản lý Khu di tích",
        "Vận động 58 hộ đồng bào Tày, Dao làm dịch vụ du lịch, cải tạo nhà sàn thành homestay, giữ cảnh quan quanh Khu di tích quốc gia đặc biệt Tân Trào; 10 tháng đầu năm đón hơn 21.000 lượt khách lưu trú.",
        "tỉnh"),
    "xa-dong-van-2026-tu-quan-bien-gioi": (
        "16 tổ tự quản đường biên, cột mốc xã Đồng Văn",
        "16 tổ tự quản với 96 thành viên phối hợp Đồn Biên phòng tuần tra đường biên, cột mốc mỗi tháng; 420 hộ ký cam kết không vượt biên trái phép, không tiếp tay buôn lậu.",
        "tỉnh"),
    "xa-lung-cu-2025-nguoi-uy-tin-hoa-giai": (
        "Tổ hòa giải và người có uy tín các thôn xã Lũng Cú",
        "42 người có uy tín, trưởng dòng họ người Mông, Lô Lô tham gia tổ hòa giải; năm 2025 hòa giải thành 27/29 vụ việc, không có vụ việc phức tạp kéo dài.",
        "xã",
        (46, 236, 14_500_000, 330,
         "Năm 2026 có 46 người có uy tín tham gia; hòa giải thành 31/32 vụ việc và tuyên truyền pháp luật tại nhà cho 236 hộ.",
         "tỉnh")),
    "xa-meo-vac-2026-xoa-nha-tam": (
        "Ủy ban MTTQ xã Mèo Vạc và Ban Chỉ đạo xóa nhà tạm của xã",
        "Huy động 2,35 tỷ đồng và 4.100 ngày công của bà con, bộ đội, đoàn viên để xây mới 47 căn nhà cho hộ nghèo; nhiều gia đình góp đá, cát, cõng vật liệu lên các thôn núi đá.",
        "tỉnh"),
    "xa-ham-yen-nd-2026-cam-sanh-vietgap": (
        "Chi hội nông dân nghề nghiệp trồng cam thôn Bản Ba",
        "48 hộ hội viên liên kết trồng 62 ha cam sành theo tiêu chuẩn VietGAP, có mã số vùng trồng; hợp tác xã bao tiêu với giá cao hơn giá thị trường 10–15%.",
        "tỉnh"),
    "xa-chiem-hoa-2026-camera-an-ninh": (
        "Ban Công tác Mặt trận các thôn xã Chiêm Hóa phối hợp Công an xã",
        "Nhân dân góp 412 triệu đồng lắp 86 mắt camera tại các trục đường, ngã ba và điểm trường; hình ảnh kết nối điện thoại của Công an xã đã giúp làm rõ 9 vụ việc.",
        "xã"),
    "xa-na-hang-2026-ocop": (
        "Ủy ban MTTQ xã Nà Hang phối hợp Hợp tác xã nông nghiệp Nà Hang",
        "Hỗ trợ 31 hộ hoàn thiện quy trình sản xuất, bao bì, nhãn mác cho cá chua và măng khô lòng hồ Na Hang; 2 sản phẩm được chấm đạt OCOP 3 sao.",
        "xã"),
    "phuong-ha-giang-1-2026-zalo-ket-noi": (
        "Ban Công tác Mặt trận các tổ dân phố phường Hà Giang 1",
        "Lập 24 nhóm Zalo ở các tổ dân phố với 3.200 thành viên; tiếp nhận 412 ý kiến, kiến nghị, 96% được trả lời hoặc chuyển cơ quan có thẩm quyền trong 5 ngày làm việc.",
        "tỉnh"),
    "phuong-ha-giang-2-dtn-2026-cong-nghe-so": (
        "Đội thanh niên tình nguyện công nghệ số phường Hà Giang 2",
        "36 đoàn viên trong tổ công nghệ số hướng dẫn 1.240 hộ cài đặt VNeID, thanh toán không dùng tiền mặt và nộp hồ sơ dịch vụ công trực tuyến ngay tại nhà văn hóa tổ dân phố.",
        "xã"),
    "xa-vi-xuyen-ccb-2025-dong-ho-khong-ma-tuy": (
        "Hội Cựu chiến binh xã Vị Xuyên và trưởng các dòng họ",
        "Vận động 6 dòng họ với 145 hộ ký cam kết không có người nghiện, không buôn bán, tàng trữ ma túy; hội viên cựu chiến binh kèm cặp, giúp 4 người sau cai nghiện có việc làm.",
        "cơ sở",
        (236, 162, 24_000_000, 205,
         "Năm 2026 mở rộng thêm 2 dòng họ, 162 hộ tham gia; không phát sinh người nghiện mới trong các dòng họ tự quản.",
         "xã")),
    "xa-yen-son-2026-thap-sang-duong-que": (
        "Ban Công tác Mặt trận 14 thôn xã Yên Sơn",
        "Lắp 214 cột đèn năng lượng mặt trời trên 11,5 km đường thôn; 960 hộ cùng góp 385 triệu đồng và 720 ngày công, đường làng sáng từ đầu ngõ đến cuối thôn.",
        "xã"),
    "xa-bac-quang-nd-2026-chuyen-doi-cay-trong": (
        "Hội Nông dân xã Bắc Quang",
        "87 hộ hội viên chuyển 41 ha ruộng một vụ kém hiệu quả sang trồng cam, bưởi và ổi; Hội Nông dân hỗ trợ giống, vốn vay và tập huấn kỹ thuật.",
        "cơ sở"),
    "xa-hoang-su-phi-2026-ruong-bac-thang": (
        "Ủy ban MTTQ xã Hoàng Su Phì và Ban Công tác Mặt trận các thôn",
        "112 hộ người La Chí, Nùng cam kết giữ nguyên hiện trạng 150 ha ruộng bậc thang, cấy lúa đúng khung thời vụ; làm 4 điểm ngắm cảnh đón khách du lịch mùa lúa chín.",
        "tỉnh"),
    "xa-quan-ba-pn-2026-hu-gao": (
        "Hội Liên hiệp Phụ nữ xã Quản Bạ và 12 chi hội",
        "540 hội viên góp gạo mỗi tháng, đến tháng 10/2026 đã quyên góp hơn 6,2 tấn gạo và rau xanh, bảo đảm bữa ăn cho học sinh bán trú của 186 hộ ở 3 điểm trường.",
        "xã"),
    "xa-yen-minh-2026-ket-hon-tap-trung": (
        "Ban Công tác Mặt trận 5 thôn xã Yên Minh",
        "Tuyên truyền tại 64 hộ có con ở tuổi vị thành niên, tổ chức 2 lễ đăng ký kết hôn tập trung cho 23 cặp đôi đủ tuổi; năm 2026 không phát sinh trường hợp tảo hôn mới ở 5 thôn.",
        ""),
    "xa-xin-man-2026-moi-dang-vien-10-ho": (
        "Ủy ban MTTQ xã Xín Mần phối hợp các chi bộ thôn",
        "148 đảng viên, mỗi người phụ trách 10 hộ, nắm tình hình và tuyên truyền chính sách tới 1.480 hộ; 37 hộ nghèo được giúp cây giống, con giống và ngày công.",
        "tỉnh"),
    "xa-kim-binh-2025-giam-sat-cong-dong": (
        "Ban Giám sát đầu tư cộng đồng 9 thôn xã Kim Bình",
        "Ban Giám sát đầu tư cộng đồng ở 9 thôn giám sát 14 công trình nông thôn mới, kiến nghị khắc phục 6 hạng mục chưa đạt yêu cầu trước khi nghiệm thu.",
        "cơ sở",
        (48, 960, 6_000_000, 165,
         "Năm 2026 giám sát 16 công trình; các kiến nghị của Ban Giám sát đều được chủ đầu tư tiếp thu, khắc phục.",
         "xã")),
    "phuong-nong-tien-2026-lien-gia-an-toan": (
        "Ban Công tác Mặt trận các tổ dân phố phường Nông Tiến",
        "Thành lập 52 tổ liên gia an toàn phòng cháy, chữa cháy với 730 hộ; mỗi tổ có bình chữa cháy dùng chung, các hộ kinh doanh mở thêm lối thoát nạn thứ hai.",
        "xã"),
    "xa-lam-binh-2026-bao-ton-van-hoa-tay": (
        "Câu lạc bộ hát then, đàn tính xã Lâm Bình",
        "Câu lạc bộ hát then, đàn tính có 85 thành viên, mở 3 lớp truyền dạy cho 60 em thiếu nhi; biểu diễn 26 buổi phục vụ Nhân dân và khách du lịch.",
        "xã"),
    "hnd-tinh-2026-ho-tro-von": (
        "Ban Thường vụ Hội Nông dân tỉnh",
        "Giải ngân 12,5 tỷ đồng từ Quỹ Hỗ trợ nông dân cho 410 hộ hội viên theo 58 dự án tổ, nhóm chăn nuôi và trồng trọt; 1.320 hội viên tham gia tổ hợp tác, trả nợ đúng hạn đạt 99%.",
        "tỉnh"),
    "hlhpn-tinh-2026-mai-am": (
        "Ban Thường vụ Hội LHPN tỉnh và các cấp hội",
        "Vận động cán bộ, hội viên và các nhà hảo tâm đóng góp 3,12 tỷ đồng, 2.600 ngày công xây 52 Mái ấm tình thương cho phụ nữ nghèo, phụ nữ đơn thân nuôi con nhỏ.",
        "tỉnh"),
    "tinh-doan-2026-thanh-nien-khoi-nghiep": (
        "Ban Thường vụ Tỉnh đoàn",
        "Hỗ trợ 96 dự án khởi nghiệp của thanh niên vùng cao tiếp cận 2,8 tỷ đồng vốn vay ưu đãi; mở 12 lớp tập huấn quản lý, bán hàng trực tuyến cho 420 đoàn viên.",
        "tỉnh"),
    "hccb-tinh-2025-ccb-giup-nhau": (
        "Ban Thường vụ Hội CCB tỉnh",
        "650 hội viên làm kinh tế giỏi giúp 230 hộ cựu chiến binh khó khăn vốn, con giống và ngày công; 41 hộ đã thoát nghèo trong năm 2025.",
        "tỉnh",
        (720, 258, 1_950_000_000, 1350,
         "Năm 2026 có 720 hội viên tham gia, giúp 258 hộ với 1,95 tỷ đồng; thành lập thêm 3 tổ hợp tác chăn nuôi của cựu chiến binh.",
         "tỉnh")),
    "ldld-tinh-2026-mai-am-cong-doan": (
        "Ban Thường vụ Liên đoàn Lao động tỉnh",
        "5.800 đoàn viên góp ngày lương, cùng các doanh nghiệp huy động 2,28 tỷ đồng xây, sửa 38 Mái ấm Công đoàn cho đoàn viên khó khăn về nhà ở.",
        "tỉnh"),
    "mttq-tinh-2026-ngay-hoi-dai-doan-ket": (
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh và Ủy ban MTTQ các xã, phường",
        "Ngày hội được tổ chức ở các khu dân cư với hơn 18.500 người tham dự; huy động 4,6 tỷ đồng và 9.500 ngày công chỉnh trang nhà văn hóa, đường làng, tặng quà và hỗ trợ 1.864 hộ khó khăn.",
        "tỉnh"),
    "xa-dong-tam-2026-don-dien-doi-thua": (
        "Ủy ban MTTQ xã Đồng Tâm và Ban Công tác Mặt trận các thôn",
        "295 hộ dồn đổi 48 ha ruộng, từ 1.120 thửa còn 310 thửa; nắn thẳng 5,2 km bờ vùng, kênh mương nội đồng để đưa máy làm đất, máy gặt vào sản xuất.",
        "xã"),
    "xa-khau-vai-2026-cho-phien": (
        "Ban Công tác Mặt trận thôn Khâu Vai và Ban quản lý chợ",
        "140 tiểu thương, người có uy tín cùng Ban quản lý giữ chợ phiên sạch, không chèo kéo khách; phiên chợ tình Khâu Vai năm 2026 đón khoảng 18.000 lượt khách, không xảy ra mất an ninh trật tự.",
        "cơ sở"),
    "phuong-my-lam-2026-chinh-quyen-than-thien": (
        "Bộ phận một cửa phường Mỹ Lâm",
        "22 cán bộ, công chức bộ phận một cửa tiếp nhận, giải quyết hồ sơ của 5.300 lượt hộ, 98,6% hồ sơ đúng và trước hạn; người dân chấm điểm hài lòng qua mã QR sau mỗi lần giao dịch.",
        "tỉnh"),
    "xa-minh-quang-2026-tu-quan-rung": (
        "14 tổ tự quản bảo vệ rừng các thôn xã Minh Quang",
        "14 tổ tự quản với 230 thành viên tuần tra, bảo vệ 2.300 ha rừng đầu nguồn, phát dọn đường băng cản lửa; năm 2026 không để xảy ra cháy rừng, phá rừng trái phép.",
        "cơ sở"),
    "xa-tat-nga-2026-nuoc-sach": (
        "Ủy ban MTTQ xã Tát Ngà phối hợp Đồn Biên phòng và các nhà hảo tâm",
        "Vận động xây 126 bể chứa nước mưa dung tích 6–10 m³ cho hộ vùng núi đá; Nhân dân góp 2.300 ngày công vận chuyển cát, đá, bảo đảm nước sinh hoạt trong mùa khô.",
        "tỉnh"),
}


def parse_featured():
    rows = []
    for line in FEATURED_TSV.strip("\n").split("\n"):
        mid, unit, year, field, typ, p, b, f, w, name = line.split("\t")
        rows.append(dict(id=mid, unit=unit, year=int(year), field=field, typical=typ == "x", p=int(p),
                         b=int(b), f=int(f), w=int(w), name=name))
    plan = "/tmp/plan/featured.tsv"
    if os.path.exists(plan):  # the lead's plan, when present, must agree with the copy above
        with open(plan, encoding="utf-8") as fh:
            lines = [ln.rstrip("\n") for ln in fh if ln.strip()][1:]
        assert lines == FEATURED_TSV.strip("\n").split("\n"), "featured.tsv differs from the embedded copy"
    return rows


# ---------------------------------------------------------------------------------------------------
# Model rows


class Row:
    """One model-year row."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


def money_vnd(rng, lo_m, hi_m):
    if hi_m <= 0:
        return 0
    m = rng.randint(lo_m, hi_m)
    if m >= 1000:
        m = round(m / 10) * 10
    elif m >= 100:
        m = round(m / 5) * 5
    vnd = m * 1_000_000
    if m and rng.random() < 0.2 and m < 3000:
        vnd += rng.randint(1, 999) * 1000
    return vnd


def round_figure(n):
    if n >= 2000:
        return round(n / 50) * 50
    if n >= 300:
        return round(n / 10) * 10
    return n


class Generator:
    def __init__(self, rng, units):
        self.rng = rng
        self.units = units
        self.by_id = {u.id: u for u in units}

    def village(self, unit, exclude=()):
        if unit.region == "dt":
            n = self.rng.randint(1, 18)
            return f"tổ dân phố {n}"
        region = unit.region if unit.region in VILLAGES else self.rng.choice(sorted(VILLAGES))
        pool = [v for v in VILLAGES[region] if v not in exclude]
        return "thôn " + self.rng.choice(pool)

    def owner(self, unit, subject, tpl):
        rng = self.rng
        thon = self.village(unit)
        xa = unit.commune
        if unit.region == "tinh":
            lead = [p[3] for p in PROVINCIAL if p[0] == unit.id]
            lead = lead[0] if lead else "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"
            return rng.choice([lead, lead, lead + " và các cơ quan, đơn vị liên quan"])
        if subject == "Cá nhân":
            people = PEOPLE[unit.region]
            if unit.code == "PN":
                people = [p for p in people if p[0] == "Bà"]
            elif unit.code == "CCB":
                people = [p for p in people if p[0] == "Ông"]
            title, who = rng.choice(people)
            roles = {
                "F": ["Trưởng Ban Công tác Mặt trận {t}", "Bí thư chi bộ {t}", "Người có uy tín {t}",
                      "Trưởng {t}" if unit.region != "dt" else "Tổ trưởng {t}"],
                "ND": ["Chi hội trưởng Chi hội Nông dân {t}", "Hội viên nông dân {t}"],
                "PN": ["Chi hội trưởng Chi hội Phụ nữ {t}"],
                "DTN": ["Bí thư Chi đoàn {t}"],
                "CCB": ["Chi hội trưởng Chi hội Cựu chiến binh {t}", "Hội viên cựu chiến binh {t}"],
            }[unit.code]
            role = rng.choice(roles).format(t=thon)
            return f"{title} {who}, {role}"
        options = {
            "F": ["Ban Công tác Mặt trận {t}", "Ban Thường trực Ủy ban MTTQ {x}",
                  "Ủy ban MTTQ {x} phối hợp các tổ chức thành viên", "Ban Công tác Mặt trận các thôn {x}"
                  if unit.region != "dt" else "Ban Công tác Mặt trận các tổ dân phố {x}"],
            "ND": ["Chi hội Nông dân {t}", "Hội Nông dân {x}"],
            "PN": ["Chi hội Phụ nữ {t}", "Hội LHPN {x}"],
            "DTN": ["Chi đoàn {t}", "Đoàn Thanh niên {x}"],
            "CCB": ["Chi hội Cựu chiến binh {t}", "Hội CCB {x}"],
        }[unit.code]
        return rng.choice(options).format(t=thon, x=xa)

    def local(self, unit):
        r = unit.region if unit.region != "tinh" else "tq"
        rng = self.rng
        return dict(product=rng.choice(PRODUCTS[r]), crop=rng.choice(CROPS[r]), newcrop=rng.choice(NEW_CROPS[r]),
                    animal=rng.choice(ANIMALS[r]), ethnic=rng.choice(ETHNIC[r]))

    def figures(self, tpl, scale=1.0):
        rng = self.rng
        p = round_figure(max(1, int(rng.randint(*tpl.p) * scale)))
        b = round_figure(int(rng.randint(*tpl.b) * scale)) if tpl.b[1] > 0 else 0
        f = money_vnd(rng, int(tpl.f[0] * scale), int(tpl.f[1] * scale))
        w = round_figure(int(rng.randint(*tpl.w) * scale)) if tpl.w[1] > 0 else 0
        if 0 < w < 20:           # a handful of workdays is not what people report: none, or a few dozen
            w = rng.choice([0, 20, 24, 30, 36])
        return p, b, f, w

    def summary(self, tpl, ctx, p, b, f, w, year, prev=None):
        """The summary sentence and the figures it used. With prev (the previous year's figures) the
        same sentence is reused with its counts grown like the row's figures (shares kept)."""
        rng = self.rng
        vals = dict(ctx)
        vals.update(p=fmt_int(p), b=fmt_int(b), f=fmt_money_text(f), w=fmt_int(w), year=year)
        raw = {"b": b, "p": p}
        growth = rng.uniform(1.05, 1.25)
        for k, spec in tpl.x.items():
            if prev is not None and k in prev[1]:
                old = prev[1][k]
                if k in ("pct", "sao") or isinstance(spec[0], str):
                    v = old
                    if isinstance(spec[0], str):
                        v = min(raw[spec[0]], max(1, round(old * growth)))
                elif isinstance(old, float):
                    v = round(old * growth, 1)
                else:
                    v = max(old + 1, round(old * growth))
                    if v >= 1000:
                        v = round_figure(v)
            elif isinstance(spec[0], str):          # relative to another figure: (name, lo_delta, hi_delta)
                base = raw[spec[0]]
                v = max(1, base + rng.randint(spec[1], spec[2]))
            elif len(spec) == 3:                  # decimal: (lo, hi, divisor)
                v = rng.randint(spec[0], spec[1]) / spec[2]
            else:
                v = rng.randint(spec[0], spec[1])
                if v >= 1000:
                    v = round_figure(v)
            raw[k] = v
            vals[k] = fmt_dec(v) if isinstance(v, float) else fmt_int(v)
        if "vu2" in raw and "vu" in raw:          # "hòa giải thành vu/vu2": successes <= cases
            lo, hi = sorted((raw["vu"], raw["vu2"]))
            raw["vu"], raw["vu2"] = lo, hi
            vals["vu"], vals["vu2"] = fmt_int(lo), fmt_int(hi)
        idx = prev[0] if prev is not None else rng.randrange(len(tpl.summaries))
        text = tpl.summaries[idx].format(**vals)
        return text[0].upper() + text[1:], (idx, raw)

    def field_text(self, field, tpl=None):
        if field == QP and tpl is not None and tpl.tg and self.rng.random() < 0.6:
            return "Dân tộc – tôn giáo"
        return weighted(self.rng, FIELD_WRITTEN[field])


FIELD_WEIGHTS = {
    "F": [(KT, 30), (VH, 32), (QP, 14), (XD, 24)],
    "ND": [(KT, 70), (VH, 14), (QP, 6), (XD, 10)],
    "PN": [(KT, 36), (VH, 44), (QP, 10), (XD, 10)],
    "DTN": [(KT, 24), (VH, 48), (QP, 16), (XD, 12)],
    "CCB": [(KT, 32), (VH, 20), (QP, 34), (XD, 14)],
}


TARGET_SHARE = {KT: 0.33, VH: 0.30, QP: 0.17, XD: 0.20}


def score_points(rng, total, pass_all):
    """Eight criteria points (halves allowed) adding up to `total`, each within its maximum; with
    pass_all every criterion reaches half its maximum."""
    r = total / 100.0
    pts = []
    for m in MAXES:
        v = m * r + rng.uniform(-0.12, 0.12) * m
        pts.append(min(m, max(0.0, round(v * 2) / 2)))
    floor = [m / 2 if pass_all else 0.0 for m in MAXES]
    pts = [max(p, fl) for p, fl in zip(pts, floor)]
    diff = round((total - sum(pts)) * 2)
    guard = 0
    while diff != 0 and guard < 10000:
        guard += 1
        i = rng.randrange(8)
        if diff > 0 and pts[i] + 0.5 <= MAXES[i]:
            pts[i] += 0.5
            diff -= 1
        elif diff < 0 and pts[i] - 0.5 >= floor[i]:
            pts[i] -= 0.5
            diff += 1
    assert diff == 0, (total, pts)
    return pts


def fmt_points(v):
    return fmt_dec(v)


def build_models(rng, units):
    g = Generator(rng, units)
    featured = parse_featured()
    feat_by_unit = {}
    for fr in featured:
        assert fr["unit"] in g.by_id, fr["unit"]
        feat_by_unit.setdefault(fr["unit"], []).append(fr)
    feat_units = set(feat_by_unit)

    communes = [u for u in units if u.code == "F"]
    no2026 = set(rng.sample([u.id for u in communes if u.id not in feat_units], 6))

    rows = []          # every model-year row
    field_count = {KT: 0, VH: 0, QP: 0, XD: 0}
    used = {}          # unit id -> set of template keys used
    slugs = {}         # unit id -> set of model slugs

    def new_model(unit, year, field=None, force_tpl=None):
        if force_tpl is None:
            if field is None:
                # the unit kind's preference, nudged towards the province-wide shares
                n = sum(field_count.values()) + 1
                pref = FIELD_WEIGHTS.get(unit.code, [(KT, 25), (VH, 25), (QP, 25), (XD, 25)])
                field = weighted(rng, [(fid, w * (TARGET_SHARE[fid] / max(field_count[fid] / n, 0.02)) ** 3)
                                       for fid, w in pref])
            cands = [t for t in TEMPLATES if t.fits(unit) and t.key not in used.setdefault(unit.id, set())]
            same = [t for t in cands if t.field == field]
            if unit.region != "tinh" and same:
                cands = same
            if not cands:
                return None
            tpl = rng.choice(cands)
        else:
            tpl = force_tpl
        used.setdefault(unit.id, set()).add(tpl.key)
        field_count[tpl.field] += 1
        ctx = g.local(unit)
        ctx["xa"] = unit.commune or "tỉnh"
        ctx["thon"] = g.village(unit)
        ctx["khu"] = "các tổ dân phố" if unit.region == "dt" else "các thôn"
        raw_name = rng.choice(tpl.names)
        name = raw_name.format(**ctx)
        slug = tpl.key
        for ph in ("product", "crop", "newcrop", "animal", "ethnic"):
            if "{" + ph + "}" in raw_name:
                slug = tpl.key + "-" + slugify(ctx[ph])
                break
        slug = slug[:40].strip("-")
        base = slug
        k = 2
        while slug in slugs.setdefault(unit.id, set()):
            slug = f"{base}-{k}"
            k += 1
        slugs[unit.id].add(slug)
        subject = "Tập thể"
        if tpl.ind and unit.region != "tinh" and rng.random() < 0.22:
            subject = "Cá nhân"
        scale = 1.0
        p, b, f, w = g.figures(tpl, scale)
        reg = rand_date(rng, dt.date(year, 1, 5), dt.date(year, 3, 28))
        launch = reg + dt.timedelta(days=rng.randint(7, 50))
        summ, sfig = g.summary(tpl, ctx, p, b, f, w, year)
        return Row(id=f"{unit.id}-{year}-{slug}", unit=unit.id, year=year, name=name, field=tpl.field,
                   field_text=g.field_text(tpl.field, tpl), subject=subject, owner=g.owner(unit, subject, tpl),
                   kind="mới", registered=reg, launched=launch, p=p, b=b, f=f, w=w, recognition="",
                   typical=False, points=None, summary=summ, sfig=sfig, tpl=tpl,
                   ctx=ctx, featured=False, first_year=year)

    def featured_row(fr, year, cont=None):
        extra = FEATURED_EXTRA[fr["id"]]
        unit = g.by_id[fr["unit"]]
        reg = rand_date(rng, dt.date(year, 1, 6), dt.date(year, 3, 10))
        if cont is None:
            p, b, f, w, summ, recog = fr["p"], fr["b"], fr["f"], fr["w"], extra[1], extra[2]
            kind, launch = "mới", reg + dt.timedelta(days=rng.randint(10, 40))
        else:
            p, b, f, w, summ, recog = cont
            kind, launch = "duy trì", None
        slug = fr["id"].split(f"-{fr['year']}-", 1)[1]
        slugs.setdefault(unit.id, set()).add(slug)
        field_count[fr["field"]] += 1
        return Row(id=fr["id"], unit=unit.id, year=year, name=fr["name"], field=fr["field"],
                   field_text=FIELD_NAME[fr["field"]], subject="Tập thể", owner=extra[0], kind=kind,
                   registered=reg, launched=launch, p=p, b=b, f=f, w=w, recognition=recog,
                   typical=fr["typical"], points=None, summary=summ, sfig=None, tpl=None, ctx=None, featured=True,
                   first_year=fr["year"])

    # keep generated models away from the featured themes of the same unit
    FEAT_KEYS = {"hien-dat-lam-duong": "hien-dat-lam-duong", "phan-loai-rac": "phan-loai-rac",
                 "tiet-kiem": "to-tiet-kiem", "du-lich-cong-dong": "du-lich-cong-dong",
                 "tu-quan-bien-gioi": "tu-quan-duong-bien", "nguoi-uy-tin-hoa-giai": "hoa-giai-co-so",
                 "xoa-nha-tam": "xoa-nha-tam", "camera-an-ninh": "camera-an-ninh", "ocop": "ocop",
                 "zalo-ket-noi": "zalo-ket-noi", "cong-nghe-so": "ho-tro-chuyen-doi-so",
                 "dong-ho-khong-ma-tuy": "ccb-cam-hoa", "thap-sang-duong-que": "thap-sang-duong-que",
                 "chuyen-doi-cay-trong": "chuyen-doi-cay-trong", "hu-gao": "hu-gao-tinh-thuong",
                 "moi-dang-vien-10-ho": "dang-vien-phu-trach-ho", "giam-sat-cong-dong": "giam-sat-dau-tu-cong-dong",
                 "lien-gia-an-toan": "lien-gia-an-toan", "bao-ton-van-hoa-tay": "van-nghe-dan-gian",
                 "don-dien-doi-thua": "don-dien-doi-thua", "tu-quan-rung": "bao-ve-rung",
                 "nuoc-sach": "nuoc-sach", "chi-hoi-nghe-che": "chi-hoi-nghe-nghiep",
                 "cam-sanh-vietgap": "vietgap", "ccb-giup-nhau": "ccb-lam-kinh-te"}
    for fr in featured:
        slug = fr["id"].split(f"-{fr['year']}-", 1)[1]
        if slug in FEAT_KEYS:
            used.setdefault(fr["unit"], set()).add(FEAT_KEYS[slug])

    # ---- 2025
    y25 = {}
    for u in units:
        n = 0
        if u.region == "tinh":
            n = rng.choice([2, 2, 3])
        elif u.code == "F":
            n = weighted(rng, [(0, 22), (1, 61), (2, 15), (3, 2)])
        else:
            n = weighted(rng, [(0, 56), (1, 40), (2, 4)])
        fe = [fr for fr in feat_by_unit.get(u.id, []) if fr["year"] == 2025]
        lst = [featured_row(fr, 2025) for fr in fe]
        for _ in range(max(0, n - len(lst))):
            r = new_model(u, 2025)
            if r:
                lst.append(r)
        y25[u.id] = lst
        rows.extend(lst)

    # ---- 2026: about 35% of the rows continue a 2025 model (the featured 2025 models always do)
    eligible = [r for u in units if u.id not in no2026 for r in y25[u.id] if not r.featured]
    keep = {id(r) for r in rng.sample(eligible, min(len(eligible), 90))}
    for u in units:
        if u.id in no2026:
            continue
        lst = []
        for r in y25[u.id]:
            if r.featured:
                fr = next(x for x in featured if x["id"] == r.id)
                lst.append(featured_row(fr, 2026, FEATURED_EXTRA[r.id][3]))
            elif id(r) in keep:
                lst.append(continue_row(rng, g, r))
                field_count[r.field] += 1
        fe = [fr for fr in feat_by_unit.get(u.id, []) if fr["year"] == 2026]
        lst.extend(featured_row(fr, 2026) for fr in fe)
        if u.region == "tinh":
            target = rng.choice([3, 4, 4])
        elif u.code == "F":
            target = weighted(rng, [(1, 58), (2, 33), (3, 9)])
        else:
            target = weighted(rng, [(1, 68), (2, 32)])
        new_count = max(0, target - len(lst))
        if not lst:
            new_count = max(1, new_count)
        for _ in range(new_count):
            r = new_model(u, 2026)
            if r:
                lst.append(r)
        rows.extend(lst)
    return rows, no2026


def continue_row(rng, g, r):
    grow = lambda v: round_figure(int(v * rng.uniform(1.04, 1.25))) if v else 0
    p, b, w = grow(r.p), grow(r.b), grow(r.w)
    f = r.f
    if f:
        f = int(round(f * rng.uniform(1.03, 1.3) / 1_000_000)) * 1_000_000
    reg = rand_date(rng, dt.date(2026, 1, 5), dt.date(2026, 3, 20))
    tpl = r.tpl
    summ, sfig = g.summary(tpl, r.ctx, p, b, f, w, 2026, prev=r.sfig)
    pct = round((p - r.p) * 100 / r.p) if r.p else 0
    region = g.by_id[r.unit].region
    where = {"tinh": "các xã, phường", "dt": "các tổ dân phố lân cận"}.get(region, "các thôn lân cận")
    tails = [f" Năm 2026 mô hình được duy trì và nhân rộng ra {where}.",
             " Năm 2026 tiếp tục đăng ký duy trì với mục tiêu cao hơn năm trước."]
    if pct > 0:
        tails.append(f" Năm 2026 tiếp tục duy trì, số người tham gia tăng {pct}% so với năm 2025.")
    tail = rng.choice(tails)
    return Row(id=r.id, unit=r.unit, year=2026, name=r.name, field=r.field,
               field_text=g.field_text(r.field, tpl), subject=r.subject, owner=r.owner, kind="duy trì",
               registered=reg, launched=None, p=p, b=b, f=f, w=w, recognition="", typical=False, points=None,
               summary=summ + tail, sfig=sfig, tpl=tpl, ctx=r.ctx, featured=False, first_year=r.first_year)


def evaluate(rng, rows):
    """Criteria points, recognition and the typical flag."""
    for r in rows:
        r.provincial = r.unit == "mttq-tinh" or r.unit in {p[0] for p in PROVINCIAL}
    rows_2025 = [r for r in rows if r.year == 2025]
    rows_2026 = [r for r in rows if r.year == 2026]
    # 2026: about 80% evaluated (the featured always)
    for r in rows_2026:
        r.evaluated = r.featured or rng.random() < 0.74
    for r in rows_2025:
        r.evaluated = True
    # extra typical models beside the featured ones (about 9% of rows in all)
    target = {2025: round(0.09 * len(rows_2025)), 2026: round(0.09 * len(rows_2026))}
    for year, lst in ((2025, rows_2025), (2026, rows_2026)):
        have = sum(1 for r in lst if r.typical)
        cands = [r for r in lst if not r.featured and r.evaluated and r.tpl is not None]
        rng.shuffle(cands)
        for r in cands[: max(0, target[year] - have)]:
            r.typical = True
    rare = None              # one recognition at the central level (rare in real data)
    for r in rows:
        if not r.evaluated:
            r.points = None
            r.recognition = ""
            continue
        if r.typical:
            total = rng.choice([84, 85, 86, 87, 88, 88, 89, 90, 90, 91, 92, 92.5, 93, 94, 95, 96, 97.5])
            r.points = score_points(rng, total, True)
            if not r.featured:
                r.recognition = weighted(rng, [("xã", 62), ("tỉnh", 38)])
                if r.provincial:
                    r.recognition = "tỉnh"
                if r.year == 2025 and (rare is None or sum(r.points) > sum(rare.points)):
                    rare = r
        elif r.featured:
            total = rng.choice([74, 76, 78, 79.5, 81, 82, 84])
            r.points = score_points(rng, total, True)
        else:
            total = min(95, max(45, round(rng.gauss(74, 11) * 2) / 2))
            if rng.random() < 0.75:
                total = round(total)
            r.points = score_points(rng, total, total >= 68 and rng.random() < 0.8)
            if total >= 75:
                r.recognition = weighted(rng, [("", 25), ("cơ sở", 30), ("xã", 40), ("tỉnh", 5)])
            elif total >= 60:
                r.recognition = weighted(rng, [("", 55), ("cơ sở", 35), ("xã", 10)])
            else:
                r.recognition = ""
            if r.provincial and r.recognition:   # a provincial body's model is recognised by the province
                r.recognition = "tỉnh" if total >= 75 else ""
    if rare is not None:
        rare.recognition = "trung ương"


# ---------------------------------------------------------------------------------------------------
# Results (annex 02)


def build_results(rng, units, rows, no2026):
    featured_units = {r.unit for r in rows if r.featured}
    out = {}
    late = {("6", 2025): 0, ("6", 2026): 0, ("nam", 2025): 0}
    sent_year_2026 = 0
    reported = {2025: 0, 2026: 0}
    for u in units:
        code = DOC_CODE[u.kind]
        by_name = rng.random() < 0.12
        lines = []
        for year in (2025, 2026):
            p_send = 0.90 if year == 2025 else 0.85
            if u.id in no2026 and year == 2026:
                p_send = 0.5
            if u.id not in featured_units and u.id != "mttq-tinh" and rng.random() > p_send:
                continue
            reported[year] += 1
            num = lambda: rng.randint(2, 98)
            ind = lambda i: IND_NAME[i] if by_name else i

            def add(i, value, note="", evidence=""):
                lines.append([str(year), ind(i), value, note, evidence])

            # period plan
            if year == 2026:
                ok = rng.random() < 0.95
                if ok:
                    d = rand_date(rng, dt.date(2026, 4, 20), dt.date(2026, 6, 15))
                    add("ke-hoach-giai-doan", "Có", "",
                        f"Kế hoạch số {num()}/KH-{code} ngày {fmt_date(d)}" if rng.random() < 0.5 else "")
                else:
                    add("ke-hoach-giai-doan", "Không", "Đang xây dựng, dự kiến ban hành tháng 12/2026")
            else:
                ok = rng.random() < 0.97
                add("ke-hoach-giai-doan", "Có" if ok else "Không",
                    "Thực hiện theo kế hoạch giai đoạn 2020–2025" if ok and rng.random() < 0.3 else "")
            # yearly plan
            ok = rng.random() < 0.95
            if ok:
                d = rand_date(rng, dt.date(year, 1, 8), dt.date(year, 1, 31))
                if rng.random() < 0.08:
                    d = rand_date(rng, dt.date(year, 2, 2), dt.date(year, 2, 25))
                ev = f"Kế hoạch số {num()}/KH-{code} ngày {fmt_date(d)}" if rng.random() < 0.55 else ""
                add("ke-hoach-nam", "Có", "", ev)
            else:
                add("ke-hoach-nam", "Không", "Chưa ban hành kế hoạch riêng, lồng ghép trong kế hoạch công tác năm")
            # supervision, critique, contests
            gs = weighted(rng, [(2, 50), (3, 28), (4, 10), (1, 9), (0, 3)])
            note = ""
            if rng.random() < 0.25:
                note = rng.choice(["Giám sát thực hiện chính sách bảo hiểm y tế; giám sát công trình nông thôn mới",
                                   "Giám sát việc thực hiện dân chủ ở cơ sở",
                                   "Giám sát việc hỗ trợ xóa nhà tạm, nhà dột nát",
                                   "Giám sát giải quyết đơn thư, kiến nghị của cử tri"])
            add("giam-sat", str(gs), note)
            pb = weighted(rng, [(3, 45), (4, 22), (5, 12), (6, 4), (2, 12), (1, 5)])
            note = ""
            if rng.random() < 0.2:
                note = rng.choice(["Phản biện dự thảo nghị quyết của HĐND về phí, lệ phí",
                                   "Phản biện dự thảo quy hoạch sử dụng đất",
                                   "Phản biện dự thảo đề án sắp xếp thôn, tổ dân phố"])
            add("phan-bien", str(pb), note)
            if rng.random() < 0.97:
                ht = weighted(rng, [(1, 62), (2, 20), (3, 4), (0, 14)])
                note = ""
                if ht and rng.random() < 0.3:
                    note = rng.choice(["Tham gia Hội thi tuyên truyền viên giỏi về Dân vận khéo",
                                       "Cuộc thi trực tuyến tìm hiểu về công tác dân vận",
                                       "Hội thi Ban Công tác Mặt trận giỏi"])
                add("hoi-thi", str(ht), note)
            # 6-month report, due 25/05
            if rng.random() < 0.98:
                if rng.random() < 0.10:
                    d = rand_date(rng, dt.date(year, 5, 26), dt.date(year, 6, 15))
                    late[("6", year)] += 1
                    note = rng.choice(["Gửi chậm do thay đổi cán bộ phụ trách", "Gửi sau khi được đôn đốc",
                                       "Gửi chậm, bổ sung số liệu mô hình"])
                else:
                    d = rand_date(rng, dt.date(year, 5, 8), dt.date(year, 5, 25))
                    note = ""
                ev = f"Báo cáo số {num()}/BC-{code} ngày {fmt_date(d)}" if rng.random() < 0.45 else ""
                add("bao-cao-6-thang", fmt_date(d), note, ev)
            # year report, due 25/11
            if year == 2025:
                if rng.random() < 0.08:
                    d = rand_date(rng, dt.date(2025, 11, 26), dt.date(2025, 12, 12))
                    late[("nam", 2025)] += 1
                    note = rng.choice(["Gửi chậm do kiện toàn tổ chức sau sắp xếp đơn vị hành chính",
                                       "Gửi sau khi được nhắc", "Gửi chậm, chờ số liệu các chi hội"])
                else:
                    d = rand_date(rng, dt.date(2025, 11, 3), dt.date(2025, 11, 25))
                    note = ""
                ev = f"Báo cáo số {num()}/BC-{code} ngày {fmt_date(d)}" if rng.random() < 0.45 else ""
                add("bao-cao-nam", fmt_date(d), note, ev)
            elif rng.random() < 0.65:
                d = rand_date(rng, dt.date(2026, 11, 2), TODAY)
                assert d <= TODAY
                sent_year_2026 += 1
                ev = f"Báo cáo số {num()}/BC-{code} ngày {fmt_date(d)}" if rng.random() < 0.45 else ""
                add("bao-cao-nam", fmt_date(d), "", ev)
        if lines:
            out[u.id] = lines
    return out, dict(late=late, year2026_sent=sent_year_2026, reported=reported)


# ---------------------------------------------------------------------------------------------------
# Checks: the data are clean


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def check(units, rows, results):
    ids = [u.id for u in units]
    assert len(ids) == len(set(ids))
    for u in units:
        assert re.fullmatch(r"[a-z0-9-]+", u.id), u.id
        assert u.parent == "" or u.parent in ids
    for m in REQUIRED_MEMBERS:
        assert m in ids, m
    names = {}
    for fid, name, aliases, _ in FIELDS:
        for n in [fid, name] + aliases.split("|"):
            names[fold(n)] = fid
    seen = set()
    first = {}
    for r in rows:
        assert (r.id, r.year) not in seen, r.id
        seen.add((r.id, r.year))
        assert names.get(fold(r.field_text)) == r.field, (r.id, r.field_text)
        assert r.id.startswith(r.unit + "-")
        assert re.fullmatch(r"[a-z0-9-]+", r.id), r.id
        assert dt.date(r.year, 1, 1) <= r.registered <= dt.date(r.year, 3, 31)
        if r.kind == "mới":
            assert r.launched and r.registered < r.launched <= TODAY
            first[r.id] = r.year
        else:
            assert r.launched is None
        if r.points is not None:
            assert all(0 <= p <= m for p, m in zip(r.points, MAXES))
            if r.typical:
                assert all(p >= m / 2 for p, m in zip(r.points, MAXES)) and sum(r.points) >= 80
        else:
            assert not r.typical and r.year == 2026
    for r in rows:
        if r.kind == "duy trì":
            assert first.get(r.id, 9999) < r.year, r.id
    for uid, lines in results.items():
        for ln in lines:
            for cell in ln:
                m = re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", cell)
                if m:
                    d = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                    assert d <= TODAY, (uid, ln)


# ---------------------------------------------------------------------------------------------------
# Writing

MODEL_HEADER = ["Mã mô hình", "Năm", "Tên mô hình", "Lĩnh vực", "Chủ thể", "Tập thể, cá nhân thực hiện",
                "Hình thức", "Ngày đăng ký", "Ngày ra mắt", "Số người tham gia", "Số hộ hưởng lợi",
                "Kinh phí huy động (đồng)", "Ngày công", "Cấp công nhận", "Tiêu biểu", "TC1", "TC2", "TC3",
                "TC4", "TC5", "TC6", "TC7", "TC8", "Tóm tắt"]


def model_line(r):
    pts = [fmt_points(v) for v in r.points] if r.points else [""] * 8
    return [r.id, str(r.year), r.name, r.field_text, r.subject, r.owner, r.kind, fmt_date(r.registered),
            fmt_date(r.launched) if r.launched else "", fmt_int(r.p), fmt_int(r.b), fmt_int(r.f), fmt_int(r.w),
            r.recognition, "x" if r.typical else ""] + pts + [r.summary]


# A few units send their models table the way clerks really lay out a sheet (SPEC 3): title rows
# above the header, an STT column, their own model codes, headers with units in brackets or short
# forms, group headings, a total row, a private column that must never be published; one saves it
# as Excel's plain "CSV" of a Vietnamese Windows (Windows-1258, semicolons).
CLERK_UNITS = {
    # unit: (code pattern, layout)
    "xa-truong-sinh": ("MH-{:02d}", "title-stt-millions-total"),
    "xa-minh-son": ("MS.{year}.{:02d}", "windows-1258-semicolon"),
    "xa-trung-thinh-ccb": ("CCB {:02d}", "groups-short-forms"),
}


def clerk_codes(uid, rows):
    """The unit's own codes, numbered in order of first registration; a continued model keeps its code."""
    pattern = CLERK_UNITS[uid][0]
    codes, n = {}, 0
    for r in sorted(rows, key=lambda r: (r.year, r.registered, r.id)):
        if r.id not in codes:
            n += 1
            codes[r.id] = pattern.format(n, year=r.year)
    return codes


def fmt_millions(vnd):
    """Money in millions as a clerk types it in a "(triệu đồng)" column: 335500000 -> '335,5'."""
    assert vnd % 1000 == 0, vnd
    return fmt_dec(vnd / 1_000_000, 3)


def write_clerk_models(uid, unit_name, rows):
    """Writes content/<uid>/models.csv in the unit's own layout; returns the path."""
    codes = clerk_codes(uid, rows)
    layout = CLERK_UNITS[uid][1]
    path = os.path.join("content", uid, "models.csv")
    ordered = sorted(rows, key=lambda r: (r.year, r.registered, r.id))
    pts = lambda r: [fmt_points(v) for v in r.points] if r.points else [""] * 8
    crit = ["TC1", "TC2", "TC3", "TC4", "TC5", "TC6", "TC7", "TC8"]
    if layout == "title-stt-millions-total":
        header = ["STT", "Mã MH", "Năm", "Tên mô hình", "Lĩnh vực", "Chủ thể", "Tập thể, cá nhân thực hiện",
                  "Hình thức", "Ngày đăng ký", "Ngày ra mắt", "Số người tham gia (người)", "Số hộ được hưởng lợi",
                  "Kinh phí (triệu đồng)", "Ngày công", "Cấp công nhận", "Tiêu biểu"] + crit + [
                  "Tóm tắt", "Số điện thoại liên hệ"]
        lines = [["DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2025 – 2026"] + [""] * (len(header) - 1),
                 [f"(Kèm theo báo cáo của {unit_name})"] + [""] * (len(header) - 1),
                 [""] * len(header), header]
        for i, r in enumerate(ordered, 1):
            phone = f"09{(i * 7919 + len(uid) * 104729) % 100000000:08d}"
            lines.append([str(i), codes[r.id], str(r.year), r.name, r.field_text, r.subject, r.owner, r.kind,
                          fmt_date(r.registered), fmt_date(r.launched) if r.launched else "", fmt_int(r.p),
                          fmt_int(r.b), fmt_millions(r.f), fmt_int(r.w),
                          ("Cấp " + r.recognition) if r.recognition else "", "x" if r.typical else ""]
                         + pts(r) + [r.summary, phone])
        total = ["Tổng cộng", "", "", "", "", "", "", "", "", "", fmt_int(sum(r.p for r in rows)),
                 fmt_int(sum(r.b for r in rows)), fmt_millions(sum(r.f for r in rows)),
                 fmt_int(sum(r.w for r in rows))] + [""] * (len(header) - 14)
        lines.append(total)
        write_rows(path, lines, ",", "utf-8-sig")
    elif layout == "windows-1258-semicolon":
        header = ["STT", "Mã mô hình", "Năm", "Tên mô hình", "Lĩnh vực", "Chủ thể",
                  "Tập thể, cá nhân thực hiện", "Hình thức", "Ngày đăng ký", "Ngày ra mắt", "Số người tham gia",
                  "Số hộ hưởng lợi", "Kinh phí huy động (đồng)", "Ngày công", "Cấp công nhận", "Tiêu biểu"] + crit + [
                  "Tóm tắt"]
        short = lambda d: f"{d.day}/{d.month}/{d.year}" if d else ""
        lines = [header]
        for i, r in enumerate(ordered, 1):
            lines.append([str(i), codes[r.id], str(r.year), r.name, r.field_text, r.subject.upper(), r.owner,
                          r.kind, short(r.registered), short(r.launched), fmt_int(r.p), fmt_int(r.b),
                          fmt_int(r.f), fmt_int(r.w), r.recognition.capitalize(), "có" if r.typical else ""]
                         + pts(r) + [r.summary])
        write_rows(path, lines, ";", "windows-1258")
    else:  # groups-short-forms
        header = ["TT", "Mã", "Năm", "Tên mô hình", "Lĩnh vực", "Chủ thể", "Tập thể, cá nhân thực hiện",
                  "Hình thức", "Ngày đăng ký", "Ngày ra mắt", "Số người tham gia (người)", "Số hộ được hưởng lợi",
                  "Kinh phí (đồng)", "Ngày công", "Cấp công nhận", "Tiêu biểu"] + crit + ["Tóm tắt"]
        lines = [header]
        roman = ["I", "II", "III", "IV"]
        n = 0
        for k, (fid, fname, _, _) in enumerate(FIELDS):
            group = [r for r in ordered if r.field == fid]
            if not group:
                continue
            lines.append([f"{roman[k]}. LĨNH VỰC {fname.upper()}"] + [""] * (len(header) - 1))
            for r in group:
                n += 1
                lines.append([str(n), codes[r.id], str(r.year), r.name, r.field_text, r.subject, r.owner, r.kind,
                              fmt_date(r.registered), fmt_date(r.launched) if r.launched else "", fmt_int(r.p),
                              fmt_int(r.b), fmt_int(r.f), fmt_int(r.w), r.recognition,
                              "x" if r.typical else ""] + pts(r) + [r.summary])
        write_rows(path, lines, ",", "utf-8-sig")
    return path


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text):
    """Windows-1258 as Excel writes it: letters with tones are a base letter plus a combining tone
    mark (Python's codec knows no such composition)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += base.encode("cp1258")
        for c in parts:
            if c in TONES:
                out += c.encode("cp1258")
    return bytes(out)


def write_rows(path, lines, delimiter, encoding):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for line in lines:
        w.writerow(line)
    text = buf.getvalue()
    if encoding == "windows-1258":
        data = encode_cp1258(text)
    else:
        data = text.encode(encoding)
    with open(path, "wb") as f:
        f.write(data)


# The foreword of the 2026 compendium (content/pages/so-tay-2026.md): dvk puts it after the cover.
FOREWORD_2026 = """---
title: Lời nói đầu
---

Năm 2026 là năm đầu tiên của giai đoạn thi đua “Dân vận khéo” 2026–2030 sau khi hợp nhất tỉnh. Từ các xã
vùng cao núi đá đến các phường trung tâm, Mặt trận và các đoàn thể đã chọn những việc cụ thể, thiết thực ở
khu dân cư để vận động Nhân dân cùng làm: mở rộng đường thôn, thắp sáng đường quê, giữ gìn ruộng bậc thang,
giúp nhau xóa nhà tạm, tổ tự quản giữ đường biên, cột mốc.

Cuốn sổ tay này tập hợp số liệu của năm, kết quả thực hiện các chỉ tiêu và những mô hình được các đơn vị
chọn là tiêu biểu, kèm bài giới thiệu và hình ảnh. Mỗi mô hình là một cách làm đã được kiểm nghiệm ở cơ sở;
mong rằng các đơn vị tìm được ở đây điều có thể học hỏi, vận dụng vào điều kiện của địa phương mình.

Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh cảm ơn các đơn vị đã gửi số liệu, bài viết đúng hạn, và mong
tiếp tục nhận được những cách làm hay trong năm 2027.

*Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang*

*Số liệu và mô hình trong sổ tay là dữ liệu minh họa của trang mẫu; hình ảnh là tranh vẽ minh họa.*
"""

INTRO = """---
title: Giới thiệu
---

# Phong trào thi đua “Dân vận khéo” tỉnh Tuyên Quang

Phong trào thi đua “Dân vận khéo” bắt nguồn từ lời dạy của Chủ tịch Hồ Chí Minh: *“Dân vận kém thì việc
gì cũng kém. Dân vận khéo thì việc gì cũng thành công.”* Mỗi tập thể, mỗi cán bộ, đảng viên, đoàn viên,
hội viên chọn một việc cụ thể, thiết thực ở nơi mình sống và làm việc, rồi khéo léo vận động Nhân dân cùng
bàn, cùng làm và cùng hưởng thành quả.

Giai đoạn 2026–2030, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh triển khai phong trào trong toàn hệ thống
Mặt trận và các tổ chức chính trị - xã hội, từ tỉnh đến 124 xã, phường. Hằng năm, mỗi đơn vị xây dựng kế
hoạch, tổ chức đăng ký mô hình trên bốn lĩnh vực: kinh tế; văn hóa – xã hội; quốc phòng – an ninh; xây dựng
Đảng và hệ thống chính trị; thực hiện ít nhất hai chương trình giám sát, phản biện ít nhất ba dự thảo văn
bản, tham gia ít nhất một cuộc thi về “Dân vận khéo”; gửi báo cáo 6 tháng trước ngày 25/5 và báo cáo năm
trước ngày 25/11.

Từ cao nguyên đá Đồng Văn, Mèo Vạc đến đồi chè Sơn Dương, vườn cam Hàm Yên, Bắc Quang, nhiều mô hình đã đi
vào cuộc sống: hiến đất làm đường, thắp sáng đường quê, tổ tiết kiệm giúp nhau thoát nghèo, camera an ninh,
tổ tự quản đường biên, cột mốc, người có uy tín tham gia hòa giải…

## Về trang này

Trang tổng hợp số liệu các đơn vị gửi về: kết quả thực hiện chỉ tiêu, các mô hình và điểm chấm theo tám
tiêu chí, xếp hạng theo lĩnh vực, mô hình tiêu biểu kèm hình ảnh, bài viết và lời giới thiệu để chia sẻ
lên fanpage, nhóm Zalo. Mỗi năm có một sổ tay tổng hợp để in (mục “Sổ tay” trên thanh điều hướng), kèm
bản PDF khổ A4 khi văn phòng chạy lệnh `dvk pdf`.

Số liệu trên trang là số liệu minh họa; hình ảnh là tranh minh họa. Đơn vị thấy thông tin chưa chính xác,
xin liên hệ Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh để điều chỉnh.
"""


def clean_stale(written):
    """Removes files this script wrote earlier and does not write any more (only our own kinds of file)."""
    if not os.path.isdir("content"):
        return
    for d in sorted(os.listdir("content")):
        base = os.path.join("content", d)
        if not os.path.isdir(base) or d == "pages":
            continue
        for fn in ("models.csv", "results.csv"):
            p = os.path.join(base, fn)
            if os.path.exists(p) and p not in written:
                os.remove(p)
        img = os.path.join(base, "images")
        if os.path.isdir(img):
            for fn in os.listdir(img):
                p = os.path.join(img, fn)
                if re.fullmatch(re.escape(d) + r"-\d{4}-[a-z0-9-]+-[123]\.png", fn) and p not in written:
                    os.remove(p)
            if not os.listdir(img):
                os.rmdir(img)


def main():
    if not os.path.isdir("generator") and not os.path.isdir("themes"):
        sys.exit("Chạy từ thư mục gốc của kho mã: python3 tools/make_example.py")
    no_images = "--no-images" in sys.argv
    units = build_units(random.Random(SEED + 1))
    rows, no2026 = build_models(random.Random(SEED + 2), units)
    evaluate(random.Random(SEED + 3), rows)
    results, rstats = build_results(random.Random(SEED + 4), units, rows, no2026)
    check(units, rows, results)

    written = set()
    write_text("site.yaml", SITE_YAML)
    write_csv("data/units.csv", ["Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Loại đơn vị", "Địa bàn"],
              [[u.id, u.name, u.parent, u.kind, u.area] for u in units])
    write_csv("data/fields.csv", ["Mã", "Tên lĩnh vực", "Tên gọi khác", "Màu"], [list(f) for f in FIELDS])
    write_csv("data/indicators.csv", ["Mã chỉ tiêu", "Tên chỉ tiêu", "Loại", "Chỉ tiêu", "Áp dụng cho", "Căn cứ"],
              [[i, n, t, tg, ALL_KINDS, src] for i, n, t, tg, src in INDICATORS])
    write_csv("data/criteria.csv", ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm đạt"],
              [[c, n, str(m), fmt_dec(m / 2)] for c, n, m in CRITERIA])
    order = {u.id: i for i, u in enumerate(units)}
    by_unit = {}
    for r in rows:
        by_unit.setdefault(r.unit, []).append(r)
    unit_names = {u.id: u.name for u in units}
    for uid in sorted(by_unit, key=order.get):
        if uid in CLERK_UNITS:
            written.add(write_clerk_models(uid, unit_names[uid], by_unit[uid]))
            continue
        lst = sorted(by_unit[uid], key=lambda r: (r.year, r.registered, r.id))
        path = os.path.join("content", uid, "models.csv")
        write_csv(path, MODEL_HEADER, [model_line(r) for r in lst])
        written.add(path)
    for uid in sorted(results, key=order.get):
        path = os.path.join("content", uid, "results.csv")
        write_csv(path, ["Năm", "Chỉ tiêu", "Kết quả", "Ghi chú", "Minh chứng"], results[uid])
        written.add(path)
    write_text("content/pages/gioi-thieu.md", INTRO)
    write_text("content/pages/so-tay-2026.md", FOREWORD_2026)

    # illustrations
    covers = []
    featured_ids = []
    for r in rows:
        if r.featured and r.id not in featured_ids:
            featured_ids.append(r.id)
    extra = []
    seen_kw = set()
    typical_other = [r for r in sorted(rows, key=lambda r: (-r.year, r.id)) if r.typical and not r.featured]
    for r in typical_other:
        if r.id in extra or r.tpl.key in seen_kw:
            continue
        seen_kw.add(r.tpl.key)
        extra.append(r.id)
        if len(extra) == 10:
            break
    info = {}
    for r in rows:
        info.setdefault(r.id, r)
    regions = {u.id: u.region for u in units}
    for mid in featured_ids:
        for k in (1, 2, 3):
            covers.append((mid, k))
    for mid in extra:
        covers.append((mid, 1))
    if not no_images:
        import illustrate
        jobs = []
        for mid, k in covers:
            r = info[mid]
            path = os.path.join("content", r.unit, "images", f"{mid}-{k}.png")
            jobs.append((path, mid, r.name, regions[r.unit], k))
            written.add(path)
        illustrate.render_all(jobs)
    else:
        for mid, k in covers:
            written.add(os.path.join("content", info[mid].unit, "images", f"{mid}-{k}.png"))
    clean_stale(written)

    # ---- report
    kinds = {}
    for u in units:
        kinds[u.kind] = kinds.get(u.kind, 0) + 1
    print("Đơn vị:", len(units), kinds)
    for y in (2025, 2026):
        ys = [r for r in rows if r.year == y]
        fc = {}
        for r in ys:
            fc[r.field] = fc.get(r.field, 0) + 1
        print(f"{y}: {len(ys)} dòng; mới {sum(r.kind == 'mới' for r in ys)}, duy trì "
              f"{sum(r.kind == 'duy trì' for r in ys)}; tiêu biểu {sum(r.typical for r in ys)}; "
              f"chấm điểm {sum(r.points is not None for r in ys)}; cá nhân {sum(r.subject == 'Cá nhân' for r in ys)}; "
              + ", ".join(f"{k} {v} ({100 * v / len(ys):.0f}%)" for k, v in fc.items()))
    allf = {}
    for r in rows:
        allf[r.field] = allf.get(r.field, 0) + 1
    print("Tổng:", len(rows), {k: f"{100 * v / len(rows):.1f}%" for k, v in allf.items()})
    u26 = {r.unit for r in rows if r.year == 2026}
    print("Xã, phường không có mô hình 2026:", sorted(u.id for u in units if u.code == "F" and u.id not in u26))
    print("Đơn vị không có mô hình 2026 (mọi loại):", sum(1 for u in units if u.id not in u26))
    print("Kết quả chỉ tiêu:", rstats)
    print("Ảnh bìa thêm:", extra)
    print("Ảnh:", len(covers))


if __name__ == "__main__":
    main()
