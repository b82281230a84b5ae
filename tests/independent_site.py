"""An independent reading of a dvk site folder, written from SPEC sections 2 and 3 without dvk's code,
for tests that recompute what dvk publishes and compare.

It reads what the bundled example and the test sites hold: UTF-8 (with or without BOM), UTF-16 with
BOM and Windows-1258 files; ',', ';' or tab; title rows above the header, an STT column, group
headings, repeated headers and total rows; headers spelled with brackets and short forms; numbers
written the Vietnamese way. It is deliberately simple and separate: when dvk and this disagree, one
of the two is wrong.
"""
import csv
import datetime
import io
import os
import re
import unicodedata

# Canonical column keys and the headers that name them (SPEC 2.2, 2.6, 2.7), folded below.
MODEL_HEADERS = {
    "id": ["Mã mô hình", "Mã", "Mã MH"],
    "year": ["Năm"],
    "name": ["Tên mô hình", "Tên"],
    "field": ["Lĩnh vực"],
    "subject": ["Chủ thể"],
    "owner": ["Tập thể, cá nhân thực hiện"],
    "kind": ["Hình thức"],
    "registered_on": ["Ngày đăng ký"],
    "launched_on": ["Ngày ra mắt"],
    "participants": ["Số người tham gia"],
    "beneficiaries": ["Số hộ hưởng lợi", "Số hộ được hưởng lợi"],
    "funds": ["Kinh phí huy động (đồng)", "Kinh phí huy động", "Kinh phí"],
    "workdays": ["Ngày công"],
    "recognition": ["Cấp công nhận"],
    "typical": ["Tiêu biểu"],
    "summary": ["Tóm tắt"],
}
RESULT_HEADERS = {
    "year": ["Năm"],
    "indicator": ["Chỉ tiêu", "Mã chỉ tiêu", "Tên chỉ tiêu"],
    "value": ["Kết quả", "Giá trị"],
}
UNIT_HEADERS = {
    "id": ["Mã đơn vị", "Mã"],
    "name": ["Tên đơn vị", "Tên"],
    "parent": ["Đơn vị cấp trên"],
    "kind": ["Loại đơn vị", "Loại"],
}
INDICATOR_HEADERS = {
    "id": ["Mã chỉ tiêu", "Mã"],
    "name": ["Tên chỉ tiêu", "Tên"],
    "type": ["Loại"],
    "target": ["Chỉ tiêu"],
    "applies_to": ["Áp dụng cho"],
}
FIELD_HEADERS = {"id": ["Mã lĩnh vực", "Mã"], "name": ["Tên lĩnh vực", "Tên"], "aliases": ["Tên gọi khác"]}
CRITERION_HEADERS = {"id": ["Mã tiêu chí", "Mã"], "max": ["Điểm tối đa"], "pass": ["Điểm đạt"]}


def fold(text):
    """Lower case, no diacritics, letters and digits only: the comparison key of SPEC 2.1."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text.lower() if c.isalnum() and unicodedata.category(c) != "Mn")


def slug(text):
    """The folding of ids and codes (SPEC 2.2): 'MH 03' -> 'mh-03'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text.lower() if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-")


def decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    elif data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258")
    return unicodedata.normalize("NFC", text)


def read_rows(path):
    """Every row of a CSV file as lists of trimmed cells, blank rows dropped."""
    text = decode(open(path, "rb").read()).replace("\r\n", "\n").replace("\r", "\n")
    if text.lower().startswith("sep="):
        delimiter, text = text[4], text.split("\n", 1)[1]
    else:
        head = "\n".join(text.split("\n")[:6])
        delimiter = max([",", ";", "\t"], key=head.count)
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        cells = [c.strip().strip("\u00a0") for c in row]
        if any(cells):
            rows.append(cells)
    return rows


def header_key(cell, headers):
    """The key a header names, or None. Brackets (a unit) are set aside."""
    f = fold(cell)
    bare = fold(re.sub(r"\(.*?\)", "", cell))
    for key, names in headers.items():
        folded = [fold(n) for n in names] + [fold(key)]
        if f in folded or bare in folded:
            return key
    return None


def money_scale(cell):
    unit = fold("".join(re.findall(r"\((.*?)\)", cell)))
    return {"trieudong": 1e6, "trieu": 1e6, "tydong": 1e9, "nghindong": 1e3}.get(unit, 1)


def read_table(path, headers):
    """Dicts keyed by canonical key (plus '_line'), the way a careful clerk reads the sheet."""
    rows = read_rows(path)
    start = 0
    for i, row in enumerate(rows[:30]):
        if len({header_key(c, headers) for c in row} - {None}) >= 2:
            start = i
            break
    header = rows[start]
    keys = [header_key(c, headers) for c in header]
    scales = {k: money_scale(c) for k, c in zip(keys, header) if k}
    out = []
    for row in rows[start + 1:]:
        filled = [c for c in row if c]
        if fold(filled[0]) in ("tong", "tongcong", "cong", "tongso"):
            continue  # a total row
        if len(filled) == 1 and not filled[0].isdigit():
            continue  # a group heading
        if [fold(c) for c in row] == [fold(c) for c in header]:
            continue  # the header again
        if any(c.startswith("(Ví dụ") for c in row):
            continue  # a template's example row
        record = {"_scales": scales}
        for k, c in zip(keys, row):
            if k and k not in record:
                record[k] = c
        if any(v for k, v in record.items() if k != "_scales"):
            out.append(record)
    return out


def number(text, scale=1):
    """'1.234.567' -> 1234567; '85,5' -> 85.5; '335,5 triệu' -> 335500000; '' -> None."""
    t = text.strip().replace("\u00a0", " ")
    if not t:
        return None
    m = re.fullmatch(r"(.*?)\s*(triệu|tỷ)(\s*đồng)?", t)
    if m:
        t, scale = m.group(1), 1e6 if m.group(2) == "triệu" else 1e9
    t = t.rstrip("%").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t) or "," in t:
        t = t.replace(".", "").replace(",", ".")
    return float(t) * scale


def date(text):
    t = text.strip()
    m = re.fullmatch(r"(?:ngày\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    if m:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if re.fullmatch(r"\d{5}", t):  # an Excel serial number: days after 30/12/1899 (SPEC 3)
        return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(t))
    return None


# Front matter keys of a write-up (SPEC 2.8) that say which model it is or register one.
WRITEUP_KEYS = {"model": ["mô hình", "model"], "name": ["tên mô hình", "name"], "field": ["lĩnh vực", "field"],
                "year": ["năm", "year"]}


def front_matter(path):
    """The top-level 'key: value' pairs of a write-up's front matter, keys folded to WRITEUP_KEYS."""
    text = decode(open(path, "rb").read()).replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return {}
    out = {}
    for line in text[4:].split("\n"):
        if line.strip() in ("---", "..."):
            break
        m = re.fullmatch(r"([^\s:#][^:]*):\s*(.*?)\s*", line)
        if not m:
            continue
        key = next((k for k, names in WRITEUP_KEYS.items() if fold(m.group(1)) in [fold(n) for n in names]), None)
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if key and value:
            out[key] = value
    return out


def yes(text):
    return fold(text) in ("co", "x", "1", "true", "yes", "dat", "tieubieu")


class Site:
    """The site folder `src`, read independently."""

    def __init__(self, src):
        self.src = src
        units = read_table(os.path.join(src, "data/units.csv"), UNIT_HEADERS)
        self.units = [{"id": slug(u["id"]), "name": u["name"], "parent": slug(u.get("parent", "")),
                       "kind": u.get("kind", "")} for u in units]
        self.unit = {u["id"]: u for u in self.units}
        self.indicators = read_table(os.path.join(src, "data/indicators.csv"), INDICATOR_HEADERS)
        for ind in self.indicators:
            ind["id"] = slug(ind["id"])
        self.fields = read_table(os.path.join(src, "data/fields.csv"), FIELD_HEADERS)
        self.field_of = {}
        for f in self.fields:
            for n in [f["id"], f["name"]] + f.get("aliases", "").split("|"):
                if n.strip():
                    self.field_of[fold(n)] = slug(f["id"])
        self.criteria = read_table(os.path.join(src, "data/criteria.csv"), CRITERION_HEADERS)
        self.models = {}   # unit → list of model rows (one per model and year)
        self.results = {}  # unit → list of result rows
        self.sent_models = set()
        content = os.path.join(src, "content")
        for folder in sorted(os.listdir(content)):
            uid = slug(folder)
            if uid not in self.unit:
                continue
            p = os.path.join(content, folder, "models.csv")
            if os.path.exists(p):
                self.sent_models.add(uid)
                rows = read_table(p, MODEL_HEADERS)
                for r in rows:
                    r["code"] = slug(r.get("id", "")) or slug(r["name"])
                    r["year"] = int(r["year"])
                    r["field"] = self.field_of.get(fold(r.get("field", "")), "")
                self.models[uid] = rows
            p = os.path.join(content, folder, "results.csv")
            if os.path.exists(p):
                self.results[uid] = read_table(p, RESULT_HEADERS)
            # A write-up that carries name, field and year and names no model of the unit's sheet
            # registers its model without a CSV row (SPEC 2.8); its code is the model key or the name's.
            for md in sorted(os.listdir(os.path.join(content, folder))):
                if not md.endswith(".md"):
                    continue
                fm = front_matter(os.path.join(content, folder, md))
                if not all(k in fm for k in ("name", "field", "year")):
                    continue
                code = slug(fm.get("model", "")) or slug(fm["name"])
                if any(r["code"] == code for r in self.models.get(uid, [])):
                    continue
                self.models.setdefault(uid, []).append(
                    {"code": code, "year": int(fm["year"]), "name": fm["name"],
                     "field": self.field_of.get(fold(fm["field"]), ""), "_writeup": md})
        self.children = {u["id"]: [] for u in self.units}
        self.root = next(u["id"] for u in self.units if not u["parent"])
        for u in self.units:
            if u["parent"]:
                self.children[u["parent"]].append(u["id"])

    def applies(self, ind, uid):
        kinds = [k.strip() for k in ind.get("applies_to", "").split("|") if k.strip()]
        return not kinds or fold(self.unit[uid]["kind"]) in [fold(k) for k in kinds]

    def models_in(self, uid, year):
        return [r for r in self.models.get(uid, []) if r["year"] == year]

    def met(self, ind, uid, year):
        """True / False, or None when not reported (which counts as not met)."""
        target, kind = ind["target"].strip(), ind["type"].strip()
        if kind in ("models", "recognized"):
            if uid not in self.sent_models:
                return None
            rows = self.models_in(uid, year)
            if kind == "recognized":
                rows = [r for r in rows if fold(r.get("recognition", "")) not in ("", "khong") or yes(r.get("typical", ""))]
            return len(rows) >= number(target)
        found = [r for r in self.results.get(uid, [])
                 if int(r["year"]) == year and fold(r["indicator"]) in (fold(ind["id"]), fold(ind["name"]))]
        if not found or not found[0].get("value", "").strip():
            return None
        value = found[0]["value"]
        if kind == "yesno":
            return yes(value)
        if kind in ("count", "percent"):
            return number(value) >= number(target)
        if kind == "deadline":
            dd, mm = (int(x) for x in target.split("/"))
            return date(value) <= datetime.date(year, mm, dd)
        raise SystemExit(f"unknown indicator type {kind}")
