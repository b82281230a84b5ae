#!/usr/bin/env python3
"""A random, valid-but-tricky dvk site folder, generated deterministically from a seed.

Usage: random_site.py SEED OUT_DIR

Writes OUT_DIR/site.yaml, OUT_DIR/data/{units,fields,indicators,criteria}.csv and
OUT_DIR/content/<unit>/{models,results}.csv in the format of the bundled example (SPEC sections 2 and
3), with values of its own (it does not read /work/shared nor the example). Check the result with
tests/figures_test.py. Every choice comes from random.Random(SEED); the same seed gives the same
bytes. What a seed exercises is printed on stdout (one "features:" line, one "size:" line).

Everything written is meant to be valid input by the SPEC; what makes it tricky:
- trees: a wide level of communes, a deep chain (5 to 9 levels) of village units, member
  organisations of one kind at several depths, units with no child, the register shuffled so that a
  child comes before its parent, ids written in capitals or with spaces (compared after folding);
- ties: units whose indicators are all met, exactly half met, none met, in every year;
- numbers: percent targets like 92,5 with values 92,49 / 92,5 / 92,51 (with or without %), decimal
  comma, thousands dots and spaces, workdays like 120,5, funds like 335,5 triệu or 1,5 tỷ;
- dates in every form of SPEC 3, deadlines met on the day, one day late, a month late;
- an indicator that applies to no unit, a unit kind no indicator applies to, a unit with no models
  file (computed indicators not reported), a unit that sent nothing, a models file with no row,
  empty cells, result rows with an empty value, result rows naming the indicator by its name;
- models spanning two or three years (code written differently each year), typical models,
  models without a code (derived from the name), years of the period with no data at all;
- CSV forms: UTF-8 with and without BOM, UTF-16 with BOM, Windows-1258, ',' ';' and tab,
  a leading sep=; line, CRLF, title rows above the header, an STT column, total rows, group
  headings, a repeated header, shuffled columns, headers in capitals without diacritics.
"""
import csv
import io
import os
import random
import re
import shutil
import sys
import unicodedata

PROVINCES = ["Tuyên Quang", "Hà Giang", "Lạng Sơn", "Điện Biên", "Bắc Kạn", "Đắk Lắk", "Quảng Ngãi",
             "Thừa Thiên Huế", "Lào Cai", "Ninh Thuận", "Hòa Bình", "Yên Bái"]
PLACES = ["An Phú", "Bình Xa", "Đồng Tâm", "Hùng Lợi", "Kiến Thiết", "Lăng Quán", "Minh Quang",
          "Ngọc Đường", "Phù Lưu", "Quảng Nguyên", "Sơn Vĩ", "Tân Trào", "Thượng Lâm", "Trung Hà",
          "Vĩnh Tuy", "Xuân Giang", "Yên Lập", "Ỷ La", "Hồng Thái", "Lũng Cú", "Mậu Duệ", "Nà Hang",
          "Phố Bảng", "Thái Bình", "Đường Hồng", "Bạch Đích", "Hòa An", "Khâu Vai", "Lực Hành",
          "Ấp Bắc", "Ân Thi", "Đạo Đức", "Êa Súp", "Ơn Sơn", "Ứng Hòa", "Chiêm Hóa", "Kim Bình",
          "Tùng Bá", "Ngọc Long", "Thông Nguyên", "Bằng Lang", "Cao Bồ", "Du Già", "Hàm Yên",
          "Mỹ Lâm", "Nông Tiến", "Tràng Đà", "Yên Nguyên", "Lâm Bình", "Thuận Hòa"]
VILLAGES = ["Nà Héc", "Bản Khiển", "Cốc Phát", "Đồng Mộc", "Khuổi Phầy", "Làng Chùa", "Pác Ngòi",
            "Tân Lập", "Vĩnh Thịnh", "Phan Thiết", "Nặm Đăm", "Lũng Hoài", "Ỏ Ngoài", "Ấp Mới",
            "Đoàn Kết", "Thác Bà", "Nà Mỏ", "Bản Tàn", "Khuôn Hà", "Lăng Khê"]
MEMBER_KINDS = [("Hội Nông dân", "Hội Nông dân", "nd"), ("Hội LHPN", "Hội Liên hiệp Phụ nữ", "pn"),
                ("Đoàn Thanh niên", "Đoàn Thanh niên", "dtn"), ("Hội CCB", "Hội Cựu chiến binh", "ccb"),
                ("Công đoàn", "Công đoàn", "cd")]
MODEL_SUBJECTS = ["Tổ dân vận", "Chi hội", "Nhóm hộ", "Câu lạc bộ", "Tổ tự quản", "Đội xung kích",
                  "Tổ hòa giải", "Tổ phụ nữ", "Tổ liên gia"]
MODEL_AIMS = ["giúp nhau giảm nghèo bền vững", "đường làng sáng – xanh – sạch – đẹp", "an ninh trật tự",
              "nuôi ong lấy mật", "trồng cam sành Hàm Yên", "xây nhà Đại đoàn kết", "bảo vệ rừng đầu nguồn",
              "tiết kiệm vì người nghèo", "thanh niên khởi nghiệp", "cựu chiến binh làm kinh tế giỏi",
              "dòng họ khuyến học", "camera an ninh thôn bản", "nước sạch cho bản", "chuyển đổi số",
              "phân loại rác tại nguồn", "“Mỗi tuần một việc tốt”", "hũ gạo tình thương",
              "đỡ đầu trẻ mồ côi", "hiến đất mở đường", "chăn nuôi bò sinh sản"]
OWNERS = ["Ban Công tác Mặt trận thôn", "Chi hội Nông dân", "Chi hội Phụ nữ", "Chi đoàn thanh niên",
          "Ông Nguyễn Văn Hùng", "Bà Lò Thị Ánh", "Bà Đặng Thị Ểnh", "Ông Hoàng Đức Ước", "Tổ dân vận"]
FIELDS = [
    ("kinh-te", "Kinh tế", ["Phát triển kinh tế", "Kinh tế và giảm nghèo bền vững"], "#2E7D32"),
    ("van-hoa-xa-hoi", "Văn hóa – xã hội", ["VHXH", "Văn hóa - xã hội"], "#B4490E"),
    ("quoc-phong-an-ninh", "Quốc phòng – an ninh", ["Quốc phòng - an ninh", "Dân tộc – tôn giáo", "QP-AN"], "#1E4FA0"),
    ("xay-dung-dang", "Xây dựng Đảng và hệ thống chính trị", ["Xây dựng hệ thống chính trị"], "#A3192D"),
]
RECOGNITION = ["cơ sở", "xã", "tỉnh", "trung ương", "Xã", "Tỉnh", "Cơ sở"]
TYPICAL_YES = ["x", "X", "có", "Có", "1", "true"]


def slug(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text.lower() if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def strip_marks(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


# ---------------------------------------------------------------------------------------------
# Writing CSV files in the forms Excel produces.

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text):
    """Windows-1258 as Excel writes it: base letters (â ê ô ơ ư ă đ) precomposed, tones combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", d[0] + "".join(m for m in d[1:] if m not in TONES))
        out += base.encode("cp1258") + "".join(m for m in d[1:] if m in TONES).encode("cp1258")
    return bytes(out)


def csv_form(rng, features, allow_exotic=True):
    """How one file is written: encoding, delimiter, line ends, sep= line."""
    form = {"encoding": "utf8", "delim": ",", "eol": "\n", "sep_line": False}
    if "csv_forms" not in features:
        form["encoding"] = rng.choice(["utf8", "utf8bom"])
        return form
    form["encoding"] = rng.choice(["utf8", "utf8bom", "utf8bom"] +
                                  (["cp1258", "utf16"] if allow_exotic and "exotic_encodings" in features else []))
    form["delim"] = rng.choice([",", ",", ";", ";", "\t"])
    form["eol"] = rng.choice(["\n", "\r\n"])
    if form["delim"] == ";" and form["encoding"] in ("utf8", "cp1258") and rng.random() < 0.5:
        form["sep_line"] = True
    if form["encoding"] == "utf16":
        form["delim"], form["eol"], form["sep_line"] = "\t", "\r\n", False  # Excel "Unicode text"
    if form["encoding"] in ("utf8", "utf8bom") and rng.random() < 0.2:
        form["nfd"] = True  # decomposed text, as written on a Mac: NFC before any comparison
    return form


def write_csv(path, rows, form):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=form["delim"], lineterminator=form["eol"], quoting=csv.QUOTE_MINIMAL)
    if form["sep_line"]:
        buf.write("sep=" + form["delim"] + form["eol"])
    for r in rows:
        w.writerow(r)
    text = unicodedata.normalize("NFD" if form.get("nfd") else "NFC", buf.getvalue())
    enc = form["encoding"]
    if enc == "utf8":
        data = text.encode("utf-8")
    elif enc == "utf8bom":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    elif enc == "utf16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = to_cp1258(text)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return form


def form_name(form):
    return "%s%s%s%s%s" % (form["encoding"], {",": ",", ";": ";", "\t": "tab"}[form["delim"]],
                           "+crlf" if form["eol"] == "\r\n" else "", "+sep" if form["sep_line"] else "",
                           "+nfd" if form.get("nfd") else "")


# ---------------------------------------------------------------------------------------------
# Numbers and dates written the Vietnamese way.

def vn_int(rng, n, tricky):
    if n >= 1000 and tricky:
        s = f"{n:,}"
        return s.replace(",", rng.choice([".", ".", " ", "\u00a0"]))
    if n >= 1000:
        return f"{n:,}".replace(",", ".")
    return str(n)


def vn_hundredths(h, percent_sign=False):
    """A value given in hundredths (9249 → '92,49')."""
    whole, frac = divmod(h, 100)
    s = str(whole) + ("," + f"{frac:02d}".rstrip("0") if frac else "")
    return s + ("%" if percent_sign else "")


def vn_date(rng, y, m, d, tricky):
    if not tricky:
        return f"{d:02d}/{m:02d}/{y}"
    import datetime
    serial = (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days  # Excel's day number
    return rng.choice([
        f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}",
        f"ngày {d:02d} tháng {m} năm {y}", f"{d:02d}/{m:02d}/{y}", str(serial)])


def add_days(y, m, d, n):
    import datetime
    t = datetime.date(y, m, d) + datetime.timedelta(days=n)
    return t.year, t.month, t.day


# ---------------------------------------------------------------------------------------------

ALL_FEATURES = ["deep_chain", "wide", "kind_many_depths", "shuffled_units", "folded_ids", "ties",
                "percent_edges", "thousands", "deadline_edges", "no_unit_indicator", "kindless_unit",
                "no_models_file", "silent_units", "empty_models_file", "multi_year", "typical",
                "no_code", "empty_years", "configured_year_empty", "empty_cells", "names_as_refs",
                "csv_forms", "exotic_encodings", "sheet_layout", "headers_loose", "shuffled_columns",
                "multiline_cells", "padded_cells", "folded_folders", "writeups", "data_before_period"]

# Seed ranges (see RANDOM_SITES_NOTES.md): each range forces a group of features; the others are
# drawn at random, so every seed mixes several groups.
RANGES = [
    (1, 10, ["deep_chain", "wide", "kind_many_depths", "shuffled_units", "folded_ids", "folded_folders", "ties",
             "multi_year"]),
    (11, 20, ["ties", "percent_edges", "thousands", "deadline_edges", "empty_cells", "names_as_refs", "typical",
              "writeups"]),
    (21, 30, ["no_unit_indicator", "kindless_unit", "no_models_file", "silent_units", "empty_models_file",
              "no_code", "empty_years", "csv_forms", "exotic_encodings", "sheet_layout", "headers_loose",
              "shuffled_columns"]),
]


def choose_features(seed, rng):
    feats = {f for f in ALL_FEATURES if rng.random() < 0.45}
    for lo, hi, forced in RANGES:
        if lo <= seed <= hi:
            feats |= set(forced)
    if "exotic_encodings" in feats:
        feats.add("csv_forms")
    if seed in (25, 28) or (seed > 30 and rng.random() < 0.2):
        feats.add("configured_year_empty")
    if "configured_year_empty" in feats:
        feats.add("empty_years")
    return feats


class Gen:
    def __init__(self, seed, out):
        self.seed = seed
        self.out = out
        self.rng = random.Random(seed)
        self.f = choose_features(seed, self.rng)
        self.units = []      # dicts: id, name, parent, kind, area, depth
        self.used_ids = set()
        self.forms = {}

    # -- the tree -----------------------------------------------------------------------------
    def new_id(self, base):
        uid, n = base, 2
        while uid in self.used_ids:
            uid, n = f"{base}-{n}", n + 1
        self.used_ids.add(uid)
        return uid

    def add_unit(self, base, name, parent, kind, area="", depth=0, alt=None):
        u = {"id": self.new_id(base), "name": name, "parent": parent["id"] if parent else "", "kind": kind,
             "area": area, "depth": depth}
        # The id as a person may write it, with capitals, diacritics and spaces ("Xã Đồng Tâm ND"):
        # the same id after folding.
        if alt is None and parent and parent.get("alt") and u["id"].startswith(parent["id"] + "-"):
            alt = parent["alt"] + " " + u["id"][len(parent["id"]) + 1:].replace("-", " ").upper()
        if alt and slug(alt) == u["id"]:
            u["alt"] = alt
        self.units.append(u)
        return u

    def make_tree(self):
        rng, f = self.rng, self.f
        province = rng.choice(PROVINCES)
        self.province = province
        root = self.add_unit("mttq-tinh", f"Ủy ban MTTQ Việt Nam tỉnh {province}", None, "Ủy ban MTTQ")
        self.root = root
        for kind, long, short in rng.sample(MEMBER_KINDS, rng.randint(1, 4)):
            self.add_unit(f"{short}-tinh", f"{long} tỉnh {province}", root, kind, "", 1)
        n_communes = rng.randint(15, max(15, min(32, self.unit_budget - 6))) if "wide" in f else rng.randint(5, 12)
        places = rng.sample(PLACES, n_communes)
        communes = []
        for p in places:
            level = rng.choice(["xã", "xã", "xã", "phường"])
            c = self.add_unit(f"{'xa' if level == 'xã' else 'phuong'}-{slug(p)}",
                              f"Ủy ban MTTQ {level} {p}", root, "Ủy ban MTTQ", f"{level} {p}", 1,
                              alt=f"{level.capitalize()} {p}")
            communes.append(c)
        budget = rng.randint(20, self.unit_budget)
        # Member organisations of communes (the same kinds as the province's: one kind, two depths).
        for c in communes:
            if len(self.units) >= budget - 8:
                break
            k = rng.choice([0, 0, 1, 1, 2, 3]) if "kind_many_depths" in f else rng.choice([0, 0, 1])
            for kind, long, short in rng.sample(MEMBER_KINDS[:4], k):
                self.add_unit(f"{c['id']}-{short}", f"{long} {c['area']}", c, kind, c["area"], 2)
        # Villages under some communes.
        vpool = list(VILLAGES)
        rng.shuffle(vpool)
        for c in rng.sample(communes, min(len(communes), rng.randint(1, 4))):
            if len(self.units) >= budget - 6 or not vpool:
                break
            for _ in range(rng.randint(1, 3)):
                if not vpool:
                    break
                v = vpool.pop()
                vu = self.add_unit(f"{c['id']}-thon-{slug(v)}", f"Ban Công tác Mặt trận thôn {v}", c,
                                   "Ban Công tác Mặt trận", f"thôn {v}, {c['area']}", 2)
                if "kind_many_depths" in f and rng.random() < 0.5:
                    self.add_unit(f"{vu['id']}-nd", f"Chi hội Nông dân thôn {v}", vu, "Hội Nông dân",
                                  f"thôn {v}", 3)
        # A deep chain: commune → village → party cell → farmers' branch → group → household group …
        if "deep_chain" in f:
            c = rng.choice(communes)
            v = vpool.pop() if vpool else "Cuối Cùng"
            length = rng.randint(5, 9)
            chain_kinds = [("Ban Công tác Mặt trận", "Ban Công tác Mặt trận thôn"), ("Chi bộ", "Chi bộ thôn"),
                           ("Hội Nông dân", "Chi hội Nông dân thôn"), ("Tổ dân vận", "Tổ dân vận thôn"),
                           ("Hội Nông dân", "Tổ hội Nông dân thôn"), ("Tổ dân vận", "Nhóm hộ liên kết thôn"),
                           ("Hội LHPN", "Tổ phụ nữ thôn"), ("Tổ dân vận", "Nhóm dân vận số 2 thôn"),
                           ("Tổ dân vận", "Nhóm dân vận số 3 thôn")]
            parent = c
            for i in range(length - 1):
                kind, prefix = chain_kinds[i]
                parent = self.add_unit(f"{c['id']}-cap-{i + 2}", f"{prefix} {v}", parent, kind,
                                       f"thôn {v}, {c['area']}", parent["depth"] + 1)
        # At least 20 units: party cells of villages under random communes.
        while len(self.units) < 20:
            c = rng.choice(communes)
            v = vpool.pop() if vpool else f"Số {len(self.units)}"
            self.add_unit(f"{c['id']}-chi-bo-{slug(v)}", f"Chi bộ thôn {v}", c, "Chi bộ", f"thôn {v}", 2)
        if "kindless_unit" in f:
            self.add_unit(f"truong-th-{slug(rng.choice(places))}", f"Trường Tiểu học {rng.choice(places)}",
                          rng.choice(communes), "Trường học", "", 2)
        self.children = {u["id"]: [] for u in self.units}
        for u in self.units:
            if u["parent"]:
                self.children[u["parent"]].append(u["id"])

    # -- catalogue ----------------------------------------------------------------------------
    def make_period(self):
        rng, f = self.rng, self.f
        y0 = rng.choice([2024, 2025, 2026])
        self.period = list(range(y0, y0 + rng.randint(2, 5)))
        if "empty_years" in f and len(self.period) < 3:
            self.period = list(range(y0, y0 + 3))
        if "empty_years" in f:
            k = rng.randint(1, len(self.period) - 2) if len(self.period) > 2 else 1
            self.data_years = sorted(rng.sample(self.period, len(self.period) - k))
        else:
            self.data_years = list(self.period)
        if "data_before_period" in f:
            # The year before the period has data too (models continued from the previous period),
            # as in the bundled example: pages for it, figures for it.
            self.data_years = [y0 - 1] + self.data_years
        empty = [y for y in self.period if y not in self.data_years]
        if "configured_year_empty" in f and empty:
            self.year = rng.choice(empty)
        else:
            self.year = rng.choice([y for y in self.data_years if y in self.period])
        # About 300 model rows at most: fewer units when there are many years of data.
        self.models_target = rng.choice([1, 1, 2])
        self.unit_budget = max(20, min(80, int(300 / (len(self.data_years) * (self.models_target + 0.6)))))

    def make_catalogue(self):
        rng, f = self.rng, self.f
        org_kinds = ["Ủy ban MTTQ"] + [k for k, _, _ in MEMBER_KINDS]
        sep = " | " if rng.random() < 0.3 else "|"

        def applies(kinds):
            return sep.join(kinds)
        inds = []
        inds.append({"id": "ke-hoach-nam", "name": "Xây dựng kế hoạch thực hiện hằng năm", "type": "yesno",
                     "target": "1", "applies": applies(org_kinds) if "kindless_unit" in f else "",
                     "source": "Kế hoạch của Ban Thường trực, mục II.1 (hoàn thành trong tháng 01)"})
        inds.append({"id": "giam-sat", "name": "Chương trình, nội dung giám sát", "type": "count",
                     "target": rng.choice(["2", "2", "02"]), "applies": applies(org_kinds),
                     "source": "Mục II.3 (ít nhất 02 chương trình)"})
        if rng.random() < 0.7:
            inds.append({"id": "phan-bien", "name": "Dự thảo văn bản được phản biện", "type": "count",
                         "target": "3", "applies": applies(["Ủy ban MTTQ"]), "source": "Mục II.3"})
        ptarget = rng.choice([9250, 9250, 8000, 8550, 10000])
        self.ptarget = ptarget
        inds.append({"id": "ty-le-gia-dinh-van-hoa", "name": "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
                     "type": "percent", "target": vn_hundredths(ptarget) + ("%" if rng.random() < 0.3 else ""),
                     "applies": applies(["Ủy ban MTTQ", "Ban Công tác Mặt trận"]),
                     "source": "Nghị quyết Đại hội, chỉ tiêu 5"})
        if "percent_edges" in f or rng.random() < 0.5:
            inds.append({"id": "ty-le-hoi-vien", "name": "Tỷ lệ hội viên tham gia sinh hoạt", "type": "percent",
                         "target": rng.choice(["80", "85,5", "99,9"]),
                         "applies": applies(["Hội Nông dân", "Hội LHPN", "Hội CCB", "Đoàn Thanh niên"]),
                         "source": "Hướng dẫn của Hội cấp trên"})
        if "thousands" in f:
            inds.append({"id": "ho-duoc-van-dong", "name": "Số hộ được vận động tham gia", "type": "count",
                         "target": "1.000", "applies": applies(["Ủy ban MTTQ"]), "source": "Kế hoạch năm"})
        inds.append({"id": "bao-cao-6-thang", "name": "Gửi báo cáo 6 tháng", "type": "deadline",
                     "target": rng.choice(["25/05", "25/5"]), "applies": applies(org_kinds + ["Ban Công tác Mặt trận"]),
                     "source": "Mục IV (trước ngày 25/5)"})
        if rng.random() < 0.7:
            inds.append({"id": "bao-cao-nam", "name": "Gửi báo cáo năm", "type": "deadline", "target": "25/11",
                         "applies": "", "source": "Mục IV (trước ngày 25/11)"} if "kindless_unit" not in f else
                        {"id": "bao-cao-nam", "name": "Gửi báo cáo năm", "type": "deadline", "target": "25/11",
                         "applies": applies(org_kinds), "source": "Mục IV (trước ngày 25/11)"})
        inds.append({"id": "dang-ky-mo-hinh", "name": "Tổ chức đăng ký, xây dựng mô hình", "type": "models",
                     "target": str(self.models_target),
                     "applies": applies(org_kinds + (["Tổ dân vận", "Chi bộ"] if "deep_chain" in f else [])),
                     "source": "Mục II.2"})
        self.rec_target = 1
        inds.append({"id": "de-nghi-cong-nhan", "name": "Mô hình được công nhận hoặc đề nghị công nhận",
                     "type": "recognized", "target": "1", "applies": applies(org_kinds), "source": "Mục II.1"})
        if "deep_chain" in f or "kind_many_depths" in f:
            inds.append({"id": "sinh-hoat-chi-hoi", "name": "Số buổi sinh hoạt chi hội, tổ hội", "type": "count",
                         "target": "6", "applies": applies(["Hội Nông dân", "Tổ dân vận"]),
                         "source": "Điều lệ Hội"})
        if "no_unit_indicator" in f:
            inds.append({"id": "nguoi-cao-tuoi", "name": "Câu lạc bộ liên thế hệ tự giúp nhau", "type": "count",
                         "target": "1", "applies": applies(["Hội Người cao tuổi"]),
                         "source": "Không đơn vị nào thuộc loại này"})
        rng.shuffle(inds)
        self.indicators = inds
        for ind in inds:
            kinds = [k.strip() for k in ind["applies"].split("|") if k.strip()]
            ind["kinds"] = kinds

        if rng.random() < 0.5:
            maxes = [10, 10, 10, 15, 15, 15, 15, 10]
        else:
            maxes = rng.choice([[40, 30, 30], [25, 25, 25, 25], [20, 20, 20, 20, 20]])
        names = ["Đăng ký mô hình; tên gọi, chủ thể, lĩnh vực rõ ràng", "Có kế hoạch; tổ chức ra mắt mô hình mới",
                 "Tuyên truyền rộng rãi", "Huy động nguồn lực xã hội hóa", "Cách làm sáng tạo, hiệu quả",
                 "Giải quyết việc bức xúc", "Bền vững, lan tỏa", "Hồ sơ lưu trữ đầy đủ"]
        self.criteria = [(f"TC{i + 1}", names[i], m) for i, m in enumerate(maxes)]

    def applies(self, ind, u):
        return not ind["kinds"] or u["kind"] in ind["kinds"]

    # -- writing the data folder --------------------------------------------------------------
    def write_data(self):
        rng, f = self.rng, self.f
        d = os.path.join(self.out, "data")
        rows = [["Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Loại đơn vị", "Địa bàn"]]
        written = {}
        self.unit_by_id = {u["id"]: u for u in self.units}

        def spelled(uid):
            if "folded_ids" not in f or rng.random() < 0.6:
                return uid
            u = self.unit_by_id[uid]
            return rng.choice([uid.upper(), uid.replace("-", " ").title(), uid.replace("-", ".")] +
                              ([u["alt"]] * 2 if u.get("alt") else []))
        for u in self.units:
            written[u["id"]] = spelled(u["id"])
        body = [[written[u["id"]], u["name"], spelled(u["parent"]) if u["parent"] else "", u["kind"], u["area"]]
                for u in self.units]
        if "shuffled_units" in f:
            rng.shuffle(body)
            # Make sure at least one child comes before its parent.
            pos = {r[0]: i for i, r in enumerate(body)}
            for i, r in enumerate(body):
                if r[2] and pos.get(written[slug_parent(self, r)], -1) < i:
                    j = pos[written[slug_parent(self, r)]]
                    body[i], body[j] = body[j], body[i]
                    break
        self.forms["units"] = form_name(write_csv(os.path.join(d, "units.csv"), rows + body, csv_form(rng, f)))
        fields = [["Mã", "Tên lĩnh vực", "Tên gọi khác", "Màu"]] + [[i, n, "|".join(a), c] for i, n, a, c in FIELDS]
        write_csv(os.path.join(d, "fields.csv"), fields, csv_form(rng, f))
        inds = [["Mã chỉ tiêu", "Tên chỉ tiêu", "Loại", "Chỉ tiêu", "Áp dụng cho", "Căn cứ"]] + \
            [[i["id"], i["name"], i["type"], i["target"], i["applies"], i["source"]] for i in self.indicators]
        write_csv(os.path.join(d, "indicators.csv"), inds, csv_form(rng, f))
        crit = [["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm đạt"]] + \
            [[i, n, str(m), vn_hundredths(m * 50)] for i, n, m in self.criteria]
        write_csv(os.path.join(d, "criteria.csv"), crit, csv_form(rng, f))

    def write_site_yaml(self):
        rng = self.rng
        root_written = self.root["id"].upper() if "folded_ids" in self.f and rng.random() < 0.3 else self.root["id"]
        lines = [
            f"title: Phong trào thi đua \"Dân vận khéo\" tỉnh {self.province} (dữ liệu thử, hạt giống {self.seed})",
            f"organization: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh {self.province}",
            "base_url: https://example.gov.vn/dan-van-kheo/",
            f"period: {{from: {self.period[0]}, to: {self.period[-1]}}}",
            f"year: {self.year}",
            f"root: {root_written}",
            "theme: default",
            "ratings:",
            "  - {min: 90, label: Xuất sắc}",
            "  - {min: 75, label: Tốt}",
            "  - {min: 60, label: Khá}",
            "  - {min: 50, label: Đạt}",
            "  - {min: 0,  label: Chưa đạt}",
            "hashtags: [\"#DanVanKheo\", \"#ThuNghiem\"]",
        ]
        with open(os.path.join(self.out, "site.yaml"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")

    # -- per unit: what it sends, and the plan of met indicators --------------------------------
    def plan_units(self):
        rng, f = self.rng, self.f
        units = self.units
        # What each unit sends.
        for u in units:
            u["sends"] = "all"
        others = [u for u in units if u is not self.root]
        if "silent_units" in f:
            for u in rng.sample(others, min(len(others), rng.randint(1, 3))):
                u["sends"] = "nothing"
        if "no_models_file" in f:
            cands = [u for u in others if u["sends"] == "all"]
            for u in rng.sample(cands, min(len(cands), rng.randint(1, 3))):
                u["sends"] = "results_only"
        if "empty_models_file" in f:
            cands = [u for u in others if u["sends"] == "all"]
            for u in rng.sample(cands, min(len(cands), rng.randint(1, 2))):
                u["sends"] = "empty_models"
        if rng.random() < 0.4:
            cands = [u for u in others if u["sends"] == "all"]
            for u in rng.sample(cands, min(len(cands), rng.randint(1, 2))):
                u["sends"] = "models_only"
        # Profiles per unit and year: ties are made by giving many units the same share.
        for u in units:
            u["plan"] = {}
            for y in self.data_years:
                if "ties" in f:
                    p = rng.choice(["all", "all", "all", "half", "half", "none", "random", "silent"])
                else:
                    p = rng.choice(["all", "random", "random", "random", "silent"])
                u["plan"][y] = p

    def met_set(self, u, y):
        """Which applicable indicators the unit should meet in year y (a wish; the check recomputes)."""
        rng = self.rng
        app = [i for i in self.indicators if self.applies(i, u)]
        p = u["plan"][y]
        can = [i for i in app if not (i["type"] in ("models", "recognized") and u["sends"] in ("results_only", "nothing"))
               and not (i["type"] not in ("models", "recognized") and u["sends"] in ("models_only", "nothing"))]
        if p == "all":
            return {i["id"] for i in can}
        if p == "none" or p == "silent":
            return set()
        if p == "half":
            k = len(app) // 2
            return {i["id"] for i in rng.sample(can, min(k, len(can)))}
        return {i["id"] for i in can if rng.random() < 0.6}

    # -- results ------------------------------------------------------------------------------
    def value_for(self, ind, met, y):
        rng, f = self.rng, self.f
        t = ind["type"]
        if t == "yesno":
            return rng.choice(["Có", "có", "x", "1"]) if met else rng.choice(["Không", "không", "0"])
        if t == "count":
            target = int(ind["target"].replace(".", ""))
            if met:
                n = target + rng.choice([0, 0, 1, 2, 5])
            else:
                n = max(0, target - rng.choice([1, 1, 2, target]))
            return vn_int(rng, n, "thousands" in f)
        if t == "percent":
            tgt = ind["target"].rstrip("%")
            th = int(round(float(tgt.replace(",", ".")) * 100))
            if "percent_edges" in f:
                h = th + rng.choice([0, 1, 50]) if met else th - rng.choice([1, 1, 10, 1000])
            else:
                h = th + rng.choice([0, 100, 250]) if met else th - rng.choice([100, 500, 1550])
            h = max(0, min(h, 10000)) if met else max(0, h)
            if met and h < th:
                h = th
            sign = rng.random() < 0.4
            s = vn_hundredths(h, sign)
            if "percent_edges" in f and h % 100 and rng.random() < 0.15:
                s = s.replace(",", ".")  # 92.49: a dot that can only be a decimal point
            return s
        if t == "deadline":
            dd, mm = (int(x) for x in ind["target"].split("/"))
            if met:
                delta = rng.choice([0, 0, -1, -10, -30]) if "deadline_edges" in f else rng.choice([-3, -10])
            else:
                delta = rng.choice([1, 1, 2, 31, 60]) if "deadline_edges" in f else rng.choice([3, 15])
            yy, m2, d2 = add_days(y, mm, dd, delta)
            return vn_date(rng, yy, m2, d2, "deadline_edges" in f or rng.random() < 0.3)
        raise ValueError(t)

    def results_rows(self, u, wishes):
        rng, f = self.rng, self.f
        rows = []
        for y in self.data_years:
            if u["plan"][y] == "silent":
                continue
            for ind in self.indicators:
                if ind["type"] in ("models", "recognized"):
                    continue
                if not self.applies(ind, u):
                    if rng.random() < 0.05:  # a row for an indicator that does not apply: ignored
                        rows.append([str(y), ind["id"], self.value_for(ind, True, y), "", ""])
                    continue
                met = ind["id"] in wishes[y]
                if not met and u["plan"][y] in ("none", "half", "random") and rng.random() < 0.25:
                    if "empty_cells" in f and rng.random() < 0.6:
                        rows.append([str(y), ind["id"], "", "Chưa tổng hợp", ""])
                    continue  # not reported
                ref = ind["id"]
                if "names_as_refs" in f and rng.random() < 0.3:
                    ref = rng.choice([ind["name"], ind["id"].upper(), ind["name"]])
                val = self.value_for(ind, met, y)
                if "padded_cells" in f and rng.random() < 0.1:
                    val = " " + val + " "
                note = rng.choice(["", "", "", "Đã gửi bản giấy", "Theo báo cáo, có xác nhận của UBND xã",
                                   "Kế hoạch số 12/KH-MTTQ"])
                evidence = rng.choice(["", "", "Công văn số 45/CV-MT ngày 02/3", "Biên bản giám sát"])
                rows.append([str(y), ref, val, note, evidence])
        rng.shuffle(rows)
        return rows

    # -- models -------------------------------------------------------------------------------
    def code_style(self, u):
        rng = self.rng
        return rng.choice(["MH-{n:02d}", "MH-{n:02d}", "DVK.{y}.{n:02d}", "{uid}-{n:02d}", "mh {n:02d}"])

    def write_code(self, style, n, first_year, uid, year):
        rng, f = self.rng, self.f
        code = style.format(n=n, y=first_year, uid=uid)
        if "multi_year" in f and year != first_year and rng.random() < 0.5:
            # The same code written differently another year: one model after folding.
            code = rng.choice([code.lower(), code.upper(), code.replace("-", " "), code.replace("-", ".")])
        return code

    def model_rows(self, u, wishes):
        rng, f = self.rng, self.f
        style = self.code_style(u)
        models = []          # each: dict n, name, first, rows(list of years), code_empty
        rows = []
        names_used = set()
        counter = 0
        app_models = [i for i in self.indicators if i["type"] == "models" and self.applies(i, u)]
        app_rec = [i for i in self.indicators if i["type"] == "recognized" and self.applies(i, u)]
        for y in self.data_years:
            if u["plan"][y] == "silent":
                need = 0
            else:
                want_models = any(i["id"] in wishes[y] for i in app_models) if app_models else rng.random() < 0.6
                want_rec = any(i["id"] in wishes[y] for i in app_rec) if app_rec else rng.random() < 0.3
                if want_models or (want_rec and self.models_target <= self.rec_target):
                    need = self.models_target + rng.choice([0, 0, 0, 1, 2])
                else:
                    need = rng.randint(0, self.models_target - 1)
                if want_rec and need < self.rec_target:
                    need = self.rec_target
            # Continue models of the year before (multi-year), then new ones.
            earlier = [x for x in self.data_years if x < y]
            prev = [m for m in models if m["years"] and earlier and m["years"][-1] == earlier[-1]]
            cont_p = 0.7 if "multi_year" in f else 0.25
            chosen = [m for m in prev if rng.random() < cont_p][:need]
            while len(chosen) < need:
                counter += 1
                for _ in range(20):
                    name = f"{rng.choice(MODEL_SUBJECTS)} {rng.choice(MODEL_AIMS)}"
                    if rng.random() < 0.5:
                        name += f" thôn {rng.choice(VILLAGES)}"
                    if name not in names_used:
                        break
                names_used.add(name)
                m = {"n": counter, "name": name, "first": y, "years": [],
                     "code_empty": "no_code" in f and rng.random() < 0.2,
                     "field": rng.choice(FIELDS), "subject": rng.choice(["Tập thể", "Tập thể", "Cá nhân"]),
                     "owner": rng.choice(OWNERS), "typical_any": False}
                models.append(m)
                chosen.append(m)
            rng.shuffle(chosen)
            if u["plan"][y] == "silent":
                continue
            want_rec = any(i["id"] in wishes[y] for i in app_rec) if app_rec else rng.random() < 0.3
            n_rec = 0
            if want_rec:
                n_rec = min(len(chosen), rng.choice([1, 1, 2]))
            for k, m in enumerate(chosen):
                m["years"].append(y)
                recognised = k < n_rec
                rows.append(self.model_row(u, m, y, style, recognised))
        return rows, models

    def model_row(self, u, m, y, style, recognised):
        rng, f = self.rng, self.f
        code = "" if m["code_empty"] else self.write_code(style, m["n"], m["first"], u["id"], y)
        fid, fname, aliases, _ = m["field"]
        field = rng.choice([fname, fname, fid] + aliases + ([fname.upper(), strip_marks(fname).lower(),
                                                            fname.replace("hóa", "hoá")] if "headers_loose" in f else []))
        kind = "mới" if y == m["first"] else "duy trì"
        if "headers_loose" in f and rng.random() < 0.2:
            kind = kind.capitalize()
        reg = vn_date(rng, y, rng.randint(1, 4), rng.randint(1, 28), rng.random() < 0.5)
        launched = ""
        if kind.lower() == "mới" and rng.random() < 0.85:
            launched = vn_date(rng, y, rng.randint(5, 9), rng.randint(1, 28), rng.random() < 0.5)
        tricky = "thousands" in f
        part = vn_int(rng, rng.choice([12, 35, 96, 240, 1250, 3400]), tricky)
        benef = vn_int(rng, rng.choice([5, 18, 42, 120, 1500]), tricky)
        funds = rng.choice(["520.000.000", "12.000.000", "335,5 triệu", "1,5 tỷ", "80 triệu", "0",
                            "45 000 000", "2.750.000"])
        workdays = rng.choice(["120,5", "740", "36", "1.200", "15,5", "0,5"])
        rec = ""
        typical = ""
        if recognised:
            if rng.random() < (0.45 if "typical" in f else 0.1):
                typical = rng.choice(TYPICAL_YES)
                rec = rng.choice([""] + RECOGNITION)
            else:
                rec = rng.choice(RECOGNITION)
        if typical:
            m["typical_any"] = True
        crit = []
        evaluated = rng.random() < 0.8
        for _, _, mx in self.criteria:
            if not evaluated or ("empty_cells" in f and rng.random() < 0.05):
                crit.append("")
            else:
                lo = mx // 2 if not typical else int(mx * 0.6)
                pts = rng.randint(lo * 2, mx * 2) / 2
                crit.append(vn_hundredths(int(pts * 100)))
        for k, key in [(0, "part"), (1, "benef"), (2, "funds"), (3, "workdays")]:
            if "empty_cells" in f and rng.random() < 0.15:
                if key == "part":
                    part = ""
                elif key == "benef":
                    benef = ""
                elif key == "funds":
                    funds = ""
                else:
                    workdays = ""
        summary = (f"{m['name']}: {rng.choice(['kết nối', 'vận động', 'hỗ trợ'])} {rng.randint(5, 90)} hộ, "
                   f"huy động {rng.randint(2, 60)} ngày công; năm {y} {rng.choice(['mở rộng', 'duy trì', 'ra mắt'])}.")
        if "multiline_cells" in f and rng.random() < 0.2:
            summary += "\nKết quả: người dân đồng tình hưởng ứng."
        return {"id": code, "year": str(y), "name": m["name"], "field": field, "subject": m["subject"],
                "owner": m["owner"], "kind": kind, "registered_on": reg, "launched_on": launched,
                "participants": part, "beneficiaries": benef, "funds": funds, "workdays": workdays,
                "recognition": rec, "typical": typical, "crit": crit, "summary": summary}

    MODEL_COLUMNS = [("id", "Mã mô hình"), ("year", "Năm"), ("name", "Tên mô hình"), ("field", "Lĩnh vực"),
                     ("subject", "Chủ thể"), ("owner", "Tập thể, cá nhân thực hiện"), ("kind", "Hình thức"),
                     ("registered_on", "Ngày đăng ký"), ("launched_on", "Ngày ra mắt"),
                     ("participants", "Số người tham gia"), ("beneficiaries", "Số hộ hưởng lợi"),
                     ("funds", "Kinh phí huy động (đồng)"), ("workdays", "Ngày công"),
                     ("recognition", "Cấp công nhận"), ("typical", "Tiêu biểu"), ("summary", "Tóm tắt")]

    def header_text(self, key, vn):
        rng, f = self.rng, self.f
        if "headers_loose" not in f or rng.random() < 0.5:
            return vn
        alt = {"id": ["Mã MH", "MA MO HINH"], "beneficiaries": ["Số hộ được hưởng lợi"], "funds": ["Kinh phí huy động"],
               "name": ["TÊN MÔ HÌNH", "ten_mo_hinh"], "year": ["NĂM", "nam"], "field": ["LINH VUC"]}.get(key)
        if alt:
            return rng.choice(alt)
        return rng.choice([vn.upper(), strip_marks(vn)])

    def write_table(self, path, header, body, title, kind):
        """header/body as lists of cells; adds the sheet's layout and picks the file's form."""
        rng, f = self.rng, self.f
        rows = []
        width = len(header)
        if "sheet_layout" in f and rng.random() < 0.6:
            rows.append([title] + [""] * (width - 1))
            if rng.random() < 0.5:
                rows.append([f"(Kèm theo Kế hoạch số {rng.randint(1, 99)}/KH-MTTQ)"] + [""] * (width - 1))
            rows.append([""] * width)
        stt = "sheet_layout" in f and rng.random() < 0.5
        rows.append((["STT"] if stt else []) + header)
        number = 0
        for i, r in enumerate(body):
            if "sheet_layout" in f and i == len(body) // 2 and i and rng.random() < 0.2:
                rows.append((["STT"] if stt else []) + header)  # the header again (a second page)
            heading = sum(1 for c in r if c) == 1  # a group heading is not numbered
            number += 0 if heading else 1
            rows.append(([("" if heading else str(number))] if stt else []) + r)
        if "sheet_layout" in f and kind == "models" and body and rng.random() < 0.4:
            total = ["Tổng cộng"] + [""] * (width - 1 + (1 if stt else 0))
            rows.append(total)
        if "sheet_layout" in f and rng.random() < 0.3:
            for _ in range(rng.randint(1, 2)):  # rows of empty cells, ignored
                rows.insert(rng.randint(len(rows) - len(body), len(rows)), [""] * len(rows[-1]))
        if "sheet_layout" in f and rng.random() < 0.2:
            rows = [r + [""] for r in rows]  # a trailing empty column, as Excel leaves it
        form = csv_form(rng, f)
        try:
            write_csv(path, rows, form)
        except UnicodeEncodeError:
            form["encoding"] = "utf8bom"
            write_csv(path, rows, form)
        return form_name(form)

    def write_content(self):
        rng, f = self.rng, self.f
        stats = {"model_rows": 0, "models": 0, "typical": 0, "multi": 0, "writeups": 0, "registered": 0}
        for u in self.units:
            wishes = {y: self.met_set(u, y) for y in self.data_years}
            if u["sends"] == "nothing":
                if rng.random() < 0.5:
                    os.makedirs(os.path.join(self.out, "content", u["id"]), exist_ok=True)
                continue
            name = u["id"]
            if "folded_folders" in f and rng.random() < 0.3:
                # The folder named as a person types the id: one unit after folding (SPEC 2.2).
                name = rng.choice([u["id"].upper(), u["id"].replace("-", "."), u.get("alt") or u["id"].upper()])
            folder = os.path.join(self.out, "content", name)
            os.makedirs(folder, exist_ok=True)
            if u["sends"] in ("all", "results_only"):
                rows = self.results_rows(u, wishes)
                cols = [("year", "Năm"), ("indicator", "Chỉ tiêu"), ("value", "Kết quả"), ("note", "Ghi chú"),
                        ("evidence", "Minh chứng")]
                order = list(range(len(cols)))
                if "shuffled_columns" in f and rng.random() < 0.5:
                    rng.shuffle(order)
                header = [self.header_text(cols[i][0], cols[i][1]) if cols[i][0] != "indicator" else cols[i][1]
                          for i in order]
                body = [[r[i] for i in order] for r in rows]
                self.forms.setdefault("results", []).append(self.write_table(
                    os.path.join(folder, "results.csv"), header, body,
                    f"BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU “DÂN VẬN KHÉO” – {u['name'].upper()}", "results"))
            if u["sends"] in ("all", "models_only", "empty_models"):
                if u["sends"] == "empty_models":
                    mrows, models = [], []
                else:
                    mrows, models = self.model_rows(u, wishes)
                cols = list(self.MODEL_COLUMNS)
                drop = set()
                if rng.random() < 0.3:
                    drop = set(rng.sample(["owner", "beneficiaries", "workdays", "summary", "registered_on"],
                                          rng.randint(1, 3)))
                cols = [c for c in cols if c[0] not in drop]
                crit_cols = [c[0] for c in self.criteria] if rng.random() < 0.9 else []
                keys = [c[0] for c in cols] + crit_cols
                heads = [self.header_text(k, v) for k, v in cols] + crit_cols
                order = list(range(len(keys)))
                if "shuffled_columns" in f and rng.random() < 0.5:
                    rng.shuffle(order)
                body = []
                for r in mrows:
                    full = [r[k] for k, _ in cols] + r["crit"][:len(crit_cols)]
                    body.append([full[i] for i in order])
                if "sheet_layout" in f and body and rng.random() < 0.3:
                    # Group headings by field, the way sheets are laid out by hand.
                    body.insert(0, ["I. Các mô hình"] + [""] * (len(order) - 1))
                self.forms.setdefault("models", []).append(self.write_table(
                    os.path.join(folder, "models.csv"), [heads[i] for i in order], body,
                    f"DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” – {u['name'].upper()}", "models"))
                if "writeups" in f:
                    stats["writeups"] += self.write_writeups(u, folder, mrows, models)
                stats["model_rows"] += len(mrows)
                stats["models"] += sum(1 for m in models if m["years"])
                stats["typical"] += sum(1 for m in models if m["typical_any"])
                stats["multi"] += sum(1 for m in models if len(m["years"]) > 1)
        if "writeups" in f:
            os.makedirs(os.path.join(self.out, "content", "pages"), exist_ok=True)
            with open(os.path.join(self.out, "content", "pages", "gioi-thieu.md"), "w", encoding="utf-8") as fh:
                fh.write(f"---\ntitle: Giới thiệu\n---\n\n# Phong trào thi đua “Dân vận khéo” tỉnh {self.province}\n\n"
                         "Dân vận khéo thì việc gì cũng thành công.\n")
            stats["registered"] = sum(1 for u in self.units if u.get("registered"))
        return stats

    WRITEUP_NAMES = ["Chợ phiên vùng cao", "Góc đọc sách cộng đồng", "Bếp ăn bán trú cho em",
                     "Ngày Chủ nhật xanh", "Tủ thuốc nhân đạo", "Loa truyền thanh thông minh"]

    def write_writeups(self, u, folder, mrows, models):
        """Write-ups of some typical models (model code spelled differently, keys English or Vietnamese);
        and in some units, a write-up that registers a model of its own (name, field, year: SPEC 2.8)."""
        rng = self.rng
        n = 0
        vn = rng.random() < 0.5
        k = {"model": "mô hình" if vn else "model", "title": "tiêu đề" if vn else "title",
             "summary": "tóm tắt" if vn else "summary", "author": "tác giả" if vn else "author",
             "date": "ngày" if vn else "date", "name": "tên mô hình" if vn else "name",
             "field": "lĩnh vực" if vn else "field", "year": "năm" if vn else "year"}
        for m in models:
            if not m["typical_any"] or m["code_empty"] or rng.random() < 0.4:
                continue
            code = next(r["id"] for r in mrows if r["name"] == m["name"])
            code = rng.choice([code, code.lower(), code.upper()])
            y = m["years"][-1]
            text = (f"---\n{k['model']}: \"{code}\"\n{k['title']}: \"{m['name']}\"\n"
                    f"{k['summary']}: \"Mô hình {m['name']} của {u['name']}.\"\n{k['author']}: {u['name']}\n"
                    f"{k['date']}: {rng.randint(1, 28):02d}/{rng.randint(6, 12):02d}/{y}\n---\n\n"
                    f"## Thực trạng\n\nTrước đây bà con còn nhiều khó khăn.\n\n## Cách làm\n\n"
                    f"- Họp dân, bàn bạc công khai;\n- Phân công cán bộ phụ trách từng nhóm hộ.\n\n"
                    f"## Kết quả\n\n| Năm | Hộ tham gia |\n|---|---|\n| {y} | {rng.randint(10, 90)} |\n")
            with open(os.path.join(folder, f"{slug(m['name'])[:50]}.md"), "w", encoding="utf-8") as fh:
                fh.write(text)
            n += 1
        if rng.random() < 0.25:
            names_used = {m["name"] for m in models}
            name = rng.choice(self.WRITEUP_NAMES) + f" thôn {rng.choice(VILLAGES)}"
            if name not in names_used:
                y = rng.choice(self.data_years)
                fid, fname, aliases, _ = rng.choice(FIELDS)
                lines = ["---"]
                if rng.random() < 0.5:
                    lines.append(f"{k['model']}: VB-{rng.randint(1, 9):02d}")
                lines += [f"{k['name']}: {name}", f"{k['field']}: {rng.choice([fname] + aliases)}", f"{k['year']}: {y}",
                          f"{k['title']}: \"{name}\"", "---", "", "Bà con góp công, góp của cùng làm.", ""]
                with open(os.path.join(folder, f"dang-ky-{slug(name)[:40]}.md"), "w", encoding="utf-8") as fh:
                    fh.write("\n".join(lines))
                u["registered"] = True
                n += 1
        return n

    def run(self):
        if os.path.exists(self.out):
            if os.listdir(self.out) and not os.path.exists(os.path.join(self.out, "site.yaml")):
                raise SystemExit(f"{self.out} exists and is not a generated site: not overwriting")
            shutil.rmtree(self.out)
        os.makedirs(self.out)
        self.make_period()
        self.make_tree()
        self.make_catalogue()
        self.plan_units()
        self.write_data()
        self.write_site_yaml()
        stats = self.write_content()
        depth = max(u["depth"] for u in self.units)
        sends = {}
        for u in self.units:
            sends[u["sends"]] = sends.get(u["sends"], 0) + 1
        print("features: " + " ".join(sorted(self.f)))
        print(f"size: {len(self.units)} units, depth {depth}, period {self.period[0]}-{self.period[-1]}, "
              f"data years {self.data_years}, year {self.year}, {len(self.indicators)} indicators, "
              f"{stats['models']} models ({stats['model_rows']} rows, {stats['multi']} over several years, "
              f"{stats['typical']} typical), {stats['writeups']} write-ups, {stats['registered']} units with a "
              f"model registered by a write-up, sends {sends}")
        print("forms: units " + self.forms["units"] + "; others " +
              " ".join(sorted(set(self.forms.get("results", []) + self.forms.get("models", [])))))


def slug_parent(gen, row):
    """The canonical id of the parent named in a written units.csv row."""
    return slug(row[2])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[1])
    Gen(int(sys.argv[1]), sys.argv[2]).run()
