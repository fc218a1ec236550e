#!/usr/bin/env python3
"""Writes small hand-made reproducers for the crashes the fuzz found (one per root cause / site)."""
import io, os, sys, zipfile

def xlsx(rows, sheet="Sheet1"):
    def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    def col(i):
        s = ""; n = i + 1
        while n: n, r = divmod(n - 1, 26); s = chr(65 + r) + s
        return s
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r + 1}"
            if v is None: continue
            if isinstance(v, (int, float)): cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else: cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{esc(v)}</t></is></c>')
        body.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{esc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{"".join(body)}</sheetData></worksheet>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items(): z.writestr(n, b.encode("utf-8"))
    return buf.getvalue()

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
def w(name, data): open(os.path.join(out, name), "wb").write(data)
base = [["Nội dung", "Thực hiện tháng", "Cộng dồn"], ["Số ca sốt xuất huyết", 5, 20], ["Số ca tay chân miệng", 1, 3]]
# \d in the regexes matches any Unicode digit; int.Parse(InvariantCulture) refuses them.
w("min-unicode-digit-header-month.xlsx", xlsx([["Nội dung", "thang 10 nam 20٢٤"], ["Số ca sốt xuất huyết", 5]]))
w("min-unicode-digit-header-year.xlsx", xlsx([["Nội dung", "Năm 20٢٤"], ["Số ca sốt xuất huyết", 5]]))
w("min-unicode-digit-header-quarter.xlsx", xlsx([["Nội dung", "Quý 3 năm 20٢٤"], ["Số ca sốt xuất huyết", 5]]))
w("min-unicode-digit-title-month.xlsx", xlsx([["Báo cáo tháng 10 năm 20٢٤"]] + base))
w("min-unicode-digit-title-quarter.xlsx", xlsx([["Báo cáo quý III năm 20٢٤"]] + base))
w("min-unicode-digit-title-9months.xlsx", xlsx([["Báo cáo 9 tháng đầu năm 20٢٤"]] + base))
w("min-unicode-digit-title-year.xlsx", xlsx([["Báo cáo năm 20٢٤"]] + base))
w("min-unicode-digit-sheetname.xlsx", xlsx(base, sheet="T10-20٢٤"))
w("bao-cao-t10-20٢٤.xlsx", xlsx(base))
w("min-unicode-digit-fullwidth.xlsx", xlsx([["Nội dung", "Tháng １０ năm ２０２４"], ["Số ca sốt xuất huyết", 5]]))
# a very long cell text quoted whole in a finding
w("min-long-area-name.xlsx", xlsx([["Báo cáo tháng 10 năm 2024"], ["Xã", "Số ca sốt xuất huyết"], ["Xã " + "x" * 5000, 5]]))
w("min-long-not-a-number.xlsx", xlsx([["Báo cáo tháng 10 năm 2024"], ["Nội dung", "Thực hiện tháng"], ["Số ca sốt xuất huyết", "1" + "x" * 5000]]))
# one row with 300 figures under unknown labels: every figure listed in the message
w("min-wide-unknown-indicator.xlsx", xlsx([["Nội dung"] + [f"Tháng {m}" for m in range(1, 13)] * 25, ["Chỉ tiêu không có trong danh mục"] + list(range(1, 301))]))
# many rows whose labels are not in the catalogue (each one scored against every alias)
rows = [["Nội dung", "Thực hiện tháng"]] + [[f"Phường số {i} thuộc thành phố mới sáp nhập", i] for i in range(20000)]
w("min-many-unknown-labels.csv", ("\n".join(",".join(map(str, r)) for r in rows)).encode("utf-8"))
# factor × numerator ÷ denominator with a denominator of 1e-28 overflows decimal (RatioRateRule)
w("min-ratio-tiny-denominator.xlsx", xlsx([["UBND XÃ LÊ HỒNG"], ["BÁO CÁO Kết quả thực hiện tiêu chí số 14 về y tế năm 2022"], [],
    ["Nội dung tiêu chí", "Chỉ tiêu cần đạt", "Số người", "Số dân", "Tỷ lệ %", "Đánh giá"],
    ["14.1. Tỷ lệ người dân tham gia bảo hiểm y tế", "≥ 95 %", "7.475", "0,0000000000000000000000000001", "95,1", "Đạt"]]))
# a zip whose second central-directory header is damaged: ZipArchive opens, enumerating Entries throws
good = xlsx(base)
i = good.find(b"PK\x01\x02"); j = good.find(b"PK\x01\x02", i + 4)
bad = bytearray(good); bad[j + 3] = 0x03
w("min-zip-central-directory.xlsx", bytes(bad))
