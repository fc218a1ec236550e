#!/usr/bin/env python3
"""Mutation fuzzer for the reading path (IngestionService.Check, what `ntm template check` runs).

Drives the worker (Fuzz.dll, Program.cs beside this file) over stdin/stdout: writes each mutated file,
sends its path, waits for one JSON line. The worker is killed and restarted on a hang (--timeout
seconds), on memory over --max-rss-mb, or when it dies (stack overflow). Distinct crashes (exception
type + top frame, or symptom) are kept under --crashes with a one-line .note.txt each.

  nice -n 19 python3 fuzz/fuzz.py --minutes 60 --seeds LIST --worker fuzz/out/Fuzz.dll --home /tmp/fuzzhome
"""
import argparse
import io
import json
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import time
import zipfile

# ---------------------------------------------------------------------------------------------
# Dictionaries

REFS = ["XFD1048577", "XFD1048576", "A1048577", "A0", "A-1", "-1", "0", "ZZZZZZZ1", "AAAA1",
        "A2147483648", "A2147483647", "A99999999999", "", "1A", "a1", "XFE1", "$A$1", "A 1",
        "B", "AB12CD", "A1:B2", "IV65537", "XFD1", "A4294967297", "ZZZZZZZZZZZZZZ99999999999999"]
MERGES = ["A1:XFD1048576", "A1:XFD1", "A1:A1048576", "A1:ZZZZZZZ1", "B2:A1", "A1:A2147483647",
          "A1:XFE1048577", "A1", ":", "A1:", "-1:5", "A0:B0", "A1:A1", "C3:C3", "A1:ZZ99999999999",
          "XFD1048576:A1", "A2147483647:B2147483647", "AAAAAAAA1:AAAAAAAB2", "A1:B2:C3"]
NUMS = ["1e308", "-1e308", "1.7976931348623157E+308", "1e309", "NaN", "nan", "INF", "-INF", "Infinity",
        "1e-320", "4.9E-324", "-0", "0", "", " ", "abc", "99999999999999999999999999999999999",
        "79228162514264337593543950336", "79228162514264337593543950335", "0x10", "1,5", "1.5.5",
        "2958466", "2958465.99999", "-657435", "-693594", "60", "0.5", "1E+15", "123456789012", "999999999999",
        "1e12", "0.999999999999", "-1", "1e28", "7.9e28", "1e29", "2147483648", "-2147483649", "1e-7", "٣"]
TEXTS = [
    # periods and dates, with digits from other scripts
    "Tháng ١٠ năm ٢٠٢٤", "Năm ２０２４", "Quý ٣ năm ٢٠٢٤", "T١٠-٢٠٢٤", "thang 10 nam 20٢٤", "2٠24", "١٢٣",
    "Tháng １０/２０２４", "Cộng dồn ٩ tháng", "٩ tháng đầu năm ٢٠٢٤", "ngày ١٥ tháng ١٠ năm ٢٠٢٤",
    "Tháng 13 năm 2024", "Tháng 0 năm 2024", "Tháng 99 năm 2099", "Quý 5 năm 2024", "Quý IV năm 2099",
    "Năm 9999", "năm 1900", "Năm 2100", "ngày 31 tháng 2 năm 2024", "Hà Nội, 31/02/2024",
    "Hà Nội, 99/99/9999", "Hà Nội, ngày 30 tháng 12 năm 2024", "đến ngày 29 tháng 2 năm 2023",
    "Tháng 12/2022", "T12", "12/2024", "Tháng 01/2024", "Cộng 9 tháng", "Cùng kỳ năm 2023",
    "Báo cáo tháng 10 năm 2024", "Kỳ báo cáo: Tháng 1 năm 2025", "Kì báo cáo quý I năm 2024",
    "6 tháng cuối năm 2024", "tuần 53", "Tháng 10 và 9 tháng năm 2024", "Năm 2024 Năm 2023 Năm 2022",
    "T10-2024", "sxh_2024-10", "thang 2 nam 1999", "Quí II/2024", "Quý 0", "Đợt 1 năm 2024",
    # numbers as text
    "1e308", "-1e308", "NaN", "∞", "1.234.567,89", "1,234,567.89", "1.234.567.890.123.456.789.012.345.678.901",
    "99999999999999999999999999999999", "0,0000000000000000000000000001", "100%", "5.5e+30%", "≥ 99999999999999999999999999999",
    "<= 1e400", "12 (*)", "12³", "x", "X", "-", "...", "(+)", "(-)", "−5", "(5)", "1/0", "0/0", "12 người", "người 12",
    "%", "% ", "≤", "=", "1 = 2 + 3", "(1) = (2)/(3)", "không", "Đạt", "Không đạt", "12,", ",12", "1 2 3",
    # labels and headers
    "Cộng", "Tổng cộng", "Tổng số", "Trong đó: nữ", "Trong đó:", "Nội dung", "STT", "TT", "Xã", "Huyện", "Tỉnh",
    "Chỉ tiêu", "Đơn vị tính", "ĐVT", "Thực hiện tháng", "Cộng dồn", "Kế hoạch năm", "Tỷ lệ %", "So với cùng kỳ",
    "Quý I", "Quý IV", "Quý I | Quý II", "Ghi chú", "Ước thực hiện", "Mục tiêu", "Chỉ tiêu năm 2025 ≥ 95%",
    "Bác sĩ (Người) / Doctors (Person)", "Toàn tỉnh", "Cả nước", "Xã Đại Lộc", "Huyện Mỹ Tú", "Thành phố Hà Nội",
    "Tỉnh Hậu Giang", "Phường 1", "Trạm Y tế xã", "TTYT huyện", "I.", "II.", "1.1", "a)", "A.", "IVXLIVXL.",
    # encodings and odd characters
    "", " ", "\u00a0", "\u200b", "\u200f", "\u0301\u0301\u0301", "Th¸ng 10 n¨m 2024", "Sè ng\u00adêi", "µ¶¸¹",
    "\U0001F600", "\ufeff", "\ufffd", "a\u0000b", "\u2028", "\u0300Tháng", "ǅ", "İ", "ß", "ﬁ",
]
WORDS = ["Tháng", "Cộng dồn", "năm", "Xã", "Tổng", "Quý", "tỷ lệ", "người", "Trong đó", "2024", "10", "%", "x"]


def long_text(rng):
    n = rng.choice([2001, 2500, 5000, 32767, 32768, 40000, 100000])
    style = rng.randrange(4)
    if style == 0:
        return "x" * n
    if style == 1:
        s = " ".join(rng.choice(WORDS) for _ in range(n // 4))
        return s[:n]
    if style == 2:
        return ("1" * n)
    return "Tháng " + "9" * (n - 12) + " năm 2024"


def interesting_text(rng):
    r = rng.random()
    if r < 0.08:
        return long_text(rng)
    if r < 0.2:
        return " ".join(rng.choice(TEXTS) for _ in range(rng.randint(2, 4)))
    return rng.choice(TEXTS)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xml_text_bytes(s):
    """Text for XML content; characters XML forbids are kept raw (invalid XML is a mutation too)."""
    return xml_escape(s).encode("utf-8", "surrogatepass")


# ---------------------------------------------------------------------------------------------
# Binary mutations (any file)

INTS = [0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE]


def mutate_bytes(data, rng):
    data = bytearray(data)
    if not data:
        return bytes([rng.randrange(256)]), "bytes:fill"
    k = rng.randrange(8)
    if k == 0:
        for _ in range(rng.randint(1, 16)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        return bytes(data), "bytes:bitflip"
    if k == 1:
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(data))
            data[i] = rng.choice([0, 0xFF, 0x7F, 0x80, rng.randrange(256)])
        return bytes(data), "bytes:set"
    if k == 2:
        i = rng.randrange(len(data))
        run = bytes(rng.randrange(256) for _ in range(rng.choice([1, 4, 16, 64, 512])))
        data[i:i + len(run)] = run
        return bytes(data), "bytes:run"
    if k == 3:
        cut = rng.randrange(len(data))
        return bytes(data[:cut]), "bytes:truncate"
    if k == 4:
        i = rng.randrange(len(data))
        j = min(len(data), i + rng.choice([1, 8, 64, 512, 4096]))
        return bytes(data[:i] + data[j:]), "bytes:delete"
    if k == 5:
        i = rng.randrange(len(data))
        j = min(len(data), i + rng.choice([1, 8, 64, 512]))
        at = rng.randrange(len(data))
        return bytes(data[:at] + data[i:j] + data[at:]), "bytes:duplicate"
    if k == 6:
        i = rng.randrange(len(data))
        width = rng.choice([1, 2, 4])
        v = rng.choice(INTS) & ((1 << (8 * width)) - 1)
        data[i:i + width] = v.to_bytes(width, "little")
        return bytes(data), "bytes:int"
    i = rng.randrange(len(data))
    ins = rng.choice([b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xc3", b"\x00" * 8, b"\xff" * 8])
    return bytes(data[:i] + ins + data[i:]), "bytes:insert"


# ---------------------------------------------------------------------------------------------
# CSV mutations

def mutate_csv(data, rng):
    k = rng.randrange(10)
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    sep = max([";", ",", "\t", "|"], key=lambda s: text.count(s))
    if k <= 3 and lines:
        # replace fields with dictionary values
        for _ in range(rng.randint(1, 5)):
            li = rng.randrange(len(lines))
            fields = lines[li].split(sep)
            fi = rng.randrange(len(fields))
            v = interesting_text(rng) if rng.random() < 0.6 else rng.choice(NUMS)
            if rng.random() < 0.3:
                v = '"' + v.replace('"', '""') + '"'
            fields[fi] = v
            lines[li] = sep.join(fields)
        out = "\n".join(lines)
        desc = "csv:field"
    elif k == 4 and lines:
        li = rng.randrange(len(lines))
        n = rng.choice([2, 10, 100, 1000, 20000])
        lines[li:li + 1] = [lines[li]] * n
        out, desc = "\n".join(lines), "csv:dupline"
    elif k == 5 and lines:
        li = rng.randrange(len(lines))
        del lines[li:li + rng.randint(1, 5)]
        out, desc = "\n".join(lines), "csv:delline"
    elif k == 6 and lines:
        li = rng.randrange(len(lines))
        lines[li] = lines[li] + sep * rng.choice([1, 50, 999, 1001, 7999, 8001])
        out, desc = "\n".join(lines), "csv:separators"
    elif k == 7:
        i = rng.randrange(len(text) + 1)
        out = text[:i] + rng.choice(['"', '""', '"\n"', "\r", "\r\r\n", "\x00", "\x1a", sep * 3]) + text[i:]
        desc = "csv:quote"
    elif k == 8:
        enc = rng.choice(["utf-16", "utf-16-be", "cp1258", "latin-1", "utf-8-sig", "utf-32"])
        try:
            return data.decode("utf-8").encode(enc, "replace"), "csv:encoding"
        except UnicodeDecodeError:
            return b"\xff\xfe" + data, "csv:encoding"
    else:
        return mutate_bytes(data, rng)[0], "csv:bytes"
    return out.encode("utf-8", "surrogateescape"), desc


# ---------------------------------------------------------------------------------------------
# XLSX mutations: parts are (name, bytes) in order; each mutation edits one part.

ELEMENTS = ["row", "c", "si", "sheet", "xf", "numFmt", "mergeCell", "col", "v", "f", "t", "r", "is", "dimension",
            "mergeCells", "sheetData", "cellXfs", "Relationship", "Override", "font", "definedName", "sheetView", "hyperlink"]


def pick_part(parts, rng, patterns):
    names = [n for n, _ in parts if any(re.search(p, n) for p in patterns)]
    return rng.choice(names) if names else None


def sub_random(pattern, data, rng, repl, flags=0):
    matches = list(re.finditer(pattern, data, flags))
    if not matches:
        return None
    m = rng.choice(matches)
    r = repl(m)
    return data[:m.start()] + r + data[m.end():]


def element_span(data, tag, rng):
    matches = list(re.finditer(rb"<(?:\w+:)?" + tag.encode() + rb"\b[^>]*?(/?)>", data))
    if not matches:
        return None
    m = rng.choice(matches)
    if m.group(1) == b"/":
        return m.start(), m.end()
    close = re.compile(rb"</(?:\w+:)?" + tag.encode() + rb">")
    c = close.search(data, m.end())
    if not c:
        return None
    return m.start(), c.end()


def mutate_xml_part(parts, rng):
    if not parts:
        return None
    d = dict(parts)
    sheets = r"xl/worksheets/.*\.xml$"
    k = rng.randrange(22)
    name = None
    new = None
    desc = ""
    if k == 0:  # cell / row reference
        name = pick_part(parts, rng, [sheets])
        if name:
            ref = rng.choice(REFS)
            new = sub_random(rb'(<(?:\w+:)?(?:c|row)\b[^>]*?\br=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + ref.encode() + m.group(3))
            desc = f"xml:ref {ref}"
    elif k == 1:  # merge ranges
        name = pick_part(parts, rng, [sheets])
        if name:
            ref = rng.choice(MERGES)
            data = d[name]
            if b"<mergeCell " in data and rng.random() < 0.5:
                new = sub_random(rb'(<mergeCell\b[^>]*?ref=")([^"]*)(")', data, rng, lambda m: m.group(1) + ref.encode() + m.group(3))
            else:
                block = b'<mergeCells count="1"><mergeCell ref="' + ref.encode() + b'"/></mergeCells>'
                if b"<mergeCells" in data:
                    new = data.replace(b"</mergeCells>", b'<mergeCell ref="' + ref.encode() + b'"/></mergeCells>', 1)
                else:
                    new = re.sub(rb"(</(?:\w+:)?sheetData>|<(?:\w+:)?sheetData/>)", lambda m: m.group(1) + block, data, count=1)
            desc = f"xml:merge {ref}"
    elif k == 2:  # dimension that lies
        name = pick_part(parts, rng, [sheets])
        if name:
            ref = rng.choice(MERGES + REFS)
            new = sub_random(rb'(<(?:\w+:)?dimension\b[^>]*?ref=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + ref.encode() + m.group(3))
            desc = f"xml:dimension {ref}"
    elif k in (3, 4):  # numeric values
        name = pick_part(parts, rng, [sheets])
        if name:
            num = rng.choice(NUMS)
            new = d[name]
            for _ in range(rng.randint(1, 6)):
                new = sub_random(rb"(<(?:\w+:)?v>)([^<]*)(</(?:\w+:)?v>)", new, rng, lambda m: m.group(1) + xml_text_bytes(num) + m.group(3)) or new
            desc = f"xml:value {num}"
    elif k in (5, 6, 7):  # text values (shared strings or inline)
        name = pick_part(parts, rng, [r"sharedStrings\.xml$", sheets])
        if name:
            new = d[name]
            shown = []
            for _ in range(rng.randint(1, 4)):
                txt = interesting_text(rng)
                shown.append(txt[:40] + ("…%d" % len(txt) if len(txt) > 40 else ""))
                new = sub_random(rb"(<(?:\w+:)?t\b[^>]*>)([^<]*)(</(?:\w+:)?t>)", new, rng, lambda m: m.group(1) + xml_text_bytes(txt) + m.group(3)) or new
            desc = f"xml:text {shown!r}"
    elif k == 8:  # cell type
        name = pick_part(parts, rng, [sheets])
        if name:
            t = rng.choice(["s", "b", "d", "e", "n", "str", "inlineStr", "x", ""])
            def repl(m):
                body = re.sub(rb'\st="[^"]*"', b"", m.group(0))
                return body[:-1] + b' t="' + t.encode() + b'">' if not body.endswith(b"/>") else body[:-2] + b' t="' + t.encode() + b'"/>'
            new = sub_random(rb"<(?:\w+:)?c\b[^>]*>", d[name], rng, repl)
            desc = f"xml:celltype {t}"
    elif k == 9:  # style index
        name = pick_part(parts, rng, [sheets])
        if name:
            s = rng.choice(["-1", "99999", "2147483648", "1000", "abc", "0", "1", "2", "3"])
            new = sub_random(rb'(<(?:\w+:)?c\b[^>]*?\bs=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + s.encode() + m.group(3))
            desc = f"xml:style {s}"
    elif k == 10:  # number formats
        name = pick_part(parts, rng, [r"styles\.xml$"])
        if name:
            if rng.random() < 0.5:
                f = rng.choice(["0%", '"%"0', "0.00%%%", "%" * 3000, "[$-409]d/m/yyyy", "General", "@", "", "0.0E+00%", "\\%0", "[Red]0%;[Blue]-0%", '0"%"', "yyyy-mm-dd", "[h]:mm:ss", '"' * 7])
                new = sub_random(rb'(<(?:\w+:)?numFmt\b[^>]*?formatCode=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + xml_escape(f).encode() + m.group(3))
                desc = f"xml:numfmt {f[:30]}"
            else:
                nid = rng.choice(["9", "10", "14", "22", "49", "164", "-1", "99999", "2147483648"])
                new = sub_random(rb'(<(?:\w+:)?xf\b[^>]*?numFmtId=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + nid.encode() + m.group(3))
                desc = f"xml:numfmtid {nid}"
    elif k == 11:  # shared string index
        name = pick_part(parts, rng, [sheets])
        if name:
            v = rng.choice(["-1", "99999999", "2147483648", "1e3", "", "0.5", "4294967296"])
            new = sub_random(rb'(<(?:\w+:)?c\b[^>]*t="s"[^>]*>\s*<(?:\w+:)?v>)([^<]*)(<)', d[name], rng, lambda m: m.group(1) + v.encode() + m.group(3))
            desc = f"xml:sst-index {v}"
    elif k == 12:  # delete an element
        name = rng.choice([n for n, _ in parts])
        tag = rng.choice(ELEMENTS)
        span = element_span(d[name], tag, rng)
        if span:
            new = d[name][:span[0]] + d[name][span[1]:]
            desc = f"xml:delete <{tag}>"
    elif k == 13:  # duplicate an element
        name = rng.choice([n for n, _ in parts])
        tag = rng.choice(ELEMENTS)
        span = element_span(d[name], tag, rng)
        if span:
            times = rng.choice([1, 2, 10, 100, 2000])
            piece = d[name][span[0]:span[1]]
            if len(piece) * times < 30_000_000:
                new = d[name][:span[1]] + piece * times + d[name][span[1]:]
                desc = f"xml:duplicate <{tag}> x{times}"
    elif k == 14:  # deep nesting
        name = rng.choice([n for n, _ in parts])
        depth = rng.choice([100, 1000, 10000, 100000])
        tag = rng.choice([b"x", b"c", b"row", b"si", b"t", b"r"])
        m = list(re.finditer(rb">\s*<", d[name]))
        if m:
            at = rng.choice(m).start() + 1
            new = d[name][:at] + (b"<" + tag + b">") * depth + (b"</" + tag + b">") * depth + d[name][at:]
            desc = f"xml:nest <{tag.decode()}> x{depth}"
    elif k == 15:  # invalid characters / encodings
        name = rng.choice([n for n, _ in parts])
        junk = rng.choice([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"&#0;", b"&#xD800;", b"&#x1F;", b"\x00", b"&#xFFFF;", b"&bogus;", b"<![CDATA[x", b"]]>", b"<!DOCTYPE x [<!ENTITY a 'b'>]>"])
        m = list(re.finditer(rb">[^<]", d[name])) or list(re.finditer(rb">", d[name]))
        if m:
            at = rng.choice(m).start() + 1
            new = d[name][:at] + junk + d[name][at:]
            desc = f"xml:invalid {junk!r}"
    elif k == 16:  # sheet names / states
        name = pick_part(parts, rng, [r"xl/workbook\.xml$"])
        if name:
            if rng.random() < 0.7:
                nm = rng.choice(["", "x" * 300, "Sheet1", "Tháng ١٠-٢٠٢٤", "T13-2024", "Xã Đại Lộc", "a/b\\c?*[]", "Th¸ng 10", "\u200b", "&#xD800;", "T10-2024", "Tháng 10.2024"])
                new = sub_random(rb'(<(?:\w+:)?sheet\b[^>]*?name=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + (nm.encode() if nm.startswith("&#") else xml_escape(nm).encode()) + m.group(3))
                desc = f"xml:sheetname {nm[:30]!r}"
            else:
                st = rng.choice(["hidden", "veryHidden", "bogus", ""])
                new = sub_random(rb"<(?:\w+:)?sheet\b", d[name], rng, lambda m: m.group(0) + b' state="' + st.encode() + b'"')
                desc = f"xml:sheetstate {st}"
    elif k == 17:  # relationships
        name = pick_part(parts, rng, [r"_rels/.*\.rels$"])
        if name:
            tgt = rng.choice(["missing.xml", "/xl/worksheets/sheet1.xml", "../../../etc/passwd", "worksheets/sheet1.xml", "sharedStrings.xml", "styles.xml", "", "http://example.com/x", "workbook.xml", "worksheets/../worksheets/sheet2.xml", "C:\\x.xml"])
            if rng.random() < 0.7:
                new = sub_random(rb'(Target=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + tgt.encode() + m.group(3))
                desc = f"xml:rel-target {tgt}"
            else:
                new = sub_random(rb'(Id=")([^"]*)(")', d[name], rng, lambda m: m.group(1) + rng.choice([b"rId1", b"", b"rId999"]) + m.group(3))
                desc = "xml:rel-id"
    elif k == 18:  # row attributes
        name = pick_part(parts, rng, [sheets])
        if name:
            attr = rng.choice([b' spans="1:16384"', b' ht="NaN"', b' hidden="1"', b' customHeight="x"', b' outlineLevel="-1"', b' r="0"', b' r="1048577"', b' r="-5"', b' spans="-3:2"'])
            new = sub_random(rb"<(?:\w+:)?row\b", d[name], rng, lambda m: m.group(0) + attr)
            desc = f"xml:rowattr {attr.decode().strip()}"
    elif k == 19:  # formulas without values
        name = pick_part(parts, rng, [sheets])
        if name:
            new = d[name]
            for _ in range(rng.randint(1, 60)):
                new = sub_random(rb"<(?:\w+:)?v>[^<]*</(?:\w+:)?v>", new, rng, lambda m: b"<f>SUM(A1:A2)</f>") or new
            desc = "xml:formula-no-value"
    elif k == 20:  # cells far out / many columns in one row
        name = pick_part(parts, rng, [sheets])
        if name:
            col = rng.choice(["XFD", "AAAA", "ALL", "ALM", "B", "ZZ"])
            n = rng.choice([1, 10, 1001, 20000])
            cells = b"".join(b'<c r="' + (col if n == 1 else colname(i)).encode() + b'1" t="inlineStr"><is><t>' + xml_text_bytes(rng.choice(TEXTS)) + b"</t></is></c>" for i in range(n))
            new = re.sub(rb"(<(?:\w+:)?row\b[^>]*>)", lambda m: m.group(1) + cells, d[name], count=1)
            desc = f"xml:wide {col if n == 1 else n}"
    else:  # byte noise inside one XML part
        name = rng.choice([n for n, _ in parts])
        new, sub = mutate_bytes(d[name], rng)
        desc = f"xml-{sub}"
    if name is None or new is None or new == d.get(name):
        return None
    return [(n, new if n == name else b) for n, b in parts], f"{desc} @{name}"


def colname(i):
    s = ""
    n = i + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def part_level(parts, rng):
    k = rng.randrange(4)
    names = [n for n, _ in parts]
    if k == 0:  # remove a part
        n = rng.choice(names)
        return [(a, b) for a, b in parts if a != n], f"zip:remove {n}"
    if k == 1:  # duplicate entry name
        n, b = rng.choice(parts)
        return parts + [(n, b)], f"zip:duplicate {n}"
    if k == 2:  # swap contents of two parts
        a, b = rng.sample(range(len(parts)), 2) if len(parts) > 1 else (0, 0)
        out = list(parts)
        out[a], out[b] = (parts[a][0], parts[b][1]), (parts[b][0], parts[a][1])
        return out, f"zip:swap {parts[a][0]} {parts[b][0]}"
    n = rng.choice(names)  # rename
    return [(rng.choice(["xl/worksheets/sheet1.xml", n.upper(), n + "x", "/" + n, n.replace("/", "\\")]) if a == n else a, b) for a, b in parts], f"zip:rename {n}"


def build_zip(parts, rng):
    method = rng.choices([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], [80, 15, 3, 2])[0]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for n, b in parts:
            try:
                z.writestr(zipfile.ZipInfo(n, (2024, 1, 1, 0, 0, 0)), b, compress_type=method)
            except Exception:
                pass
    data = buf.getvalue()
    note = "" if method == zipfile.ZIP_DEFLATED else f" +zip:method{method}"
    if rng.random() < 0.05:  # lie about sizes in the central directory
        data = bytearray(data)
        for m in re.finditer(rb"PK\x01\x02", bytes(data)):
            if rng.random() < 0.5:
                size = rng.choice([0, 1, 0x7FFFFFFF, 0xFFFFFFFF, 10])
                data[m.start() + 24:m.start() + 28] = size.to_bytes(4, "little")
        data = bytes(data)
        note += " +zip:lie-size"
    return data, note


def mutate_xlsx(data, rng, cache, seed):
    parts = cache.get(seed)
    if parts is None:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                parts = [(i.filename, z.read(i)) for i in z.infolist()]
        except Exception:
            parts = []
        cache[seed] = parts
    if not parts or rng.random() < 0.12:
        d, desc = mutate_bytes(data, rng)
        return d, desc
    descs = []
    cur = parts
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        if rng.random() < 0.06 and len(cur) > 1:
            cur, desc = part_level(cur, rng)
            descs.append(desc)
        else:
            r = mutate_xml_part(cur, rng)
            if r:
                cur, desc = r
                descs.append(desc)
    if not descs:
        return mutate_bytes(data, rng)
    out, note = build_zip(cur, rng)
    desc = "; ".join(descs) + note
    if rng.random() < 0.05:
        out, sub = mutate_bytes(out, rng)
        desc += " +" + sub
    return out, desc


# ---------------------------------------------------------------------------------------------
# Worker management

class Worker:
    def __init__(self, args, gen):
        self.stderr_path = os.path.join(args.work, f"worker-{gen}.stderr")
        self.stderr = open(self.stderr_path, "wb")
        self.p = subprocess.Popen(["nice", "-n", "19", "dotnet", args.worker, args.home], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=self.stderr, bufsize=0)
        self.buf = b""
        line = self.readline(120, 10**9)
        if not line or b"ready" not in line[1]:
            raise RuntimeError("worker did not start: " + open(self.stderr_path, "rb").read()[-2000:].decode("utf-8", "replace"))

    def rss_mb(self):
        # the dotnet process is the child of nice (nice execs, so same pid)
        try:
            with open(f"/proc/{self.p.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) // 1024
        except OSError:
            return 0
        return 0

    def readline(self, timeout, max_rss):
        """(status, line): status 'ok', 'timeout', 'memory', 'died'. Tracks peak RSS."""
        deadline = time.monotonic() + timeout
        self.peak = 0
        while True:
            i = self.buf.find(b"\n")
            if i >= 0:
                line, self.buf = self.buf[:i], self.buf[i + 1:]
                return "ok", line
            left = deadline - time.monotonic()
            if left <= 0:
                return "timeout", None
            r, _, _ = select.select([self.p.stdout], [], [], min(0.1, left))
            rss = self.rss_mb()
            self.peak = max(self.peak, rss)
            if rss > max_rss:
                return "memory", None
            if r:
                chunk = os.read(self.p.stdout.fileno(), 1 << 20)
                if not chunk:
                    return "died", None
                self.buf += chunk

    def run(self, path, timeout, max_rss):
        try:
            self.p.stdin.write(path.encode() + b"\n")
            self.p.stdin.flush()
        except BrokenPipeError:
            return "died", None
        return self.readline(timeout, max_rss)

    def kill(self):
        try:
            self.p.kill()
        except ProcessLookupError:
            pass
        self.p.wait()
        self.stderr.close()


# ---------------------------------------------------------------------------------------------

FRAME = re.compile(r"^\s*at (.+?)(?: in (.+?):line (\d+))?$")


def frames(stack):
    out = []
    for line in (stack or "").splitlines():
        m = FRAME.match(line)
        if m:
            method = re.sub(r"\(.*\)$", "", m.group(1))
            loc = f"{os.path.basename(m.group(2))}:{m.group(3)}" if m.group(2) else ""
            out.append((method, loc))
    return out


def classify(status, res, stderr_tail):
    """(key, note) of a crash, or None."""
    if status == "timeout":
        return "hang", "hang: no answer within the timeout"
    if status == "memory":
        return "memory", "memory: worker RSS over the limit"
    if status == "died":
        first = next((l for l in stderr_tail.splitlines() if l.strip()), "")
        fr = [l.strip() for l in stderr_tail.splitlines() if l.strip().startswith("at ")][:3]
        return "died:" + first[:60], "worker died: " + first[:200] + " | " + " | ".join(fr)
    if res.get("status") == "exception":
        fr = frames(res.get("stack"))
        top = fr[0][0] if fr else "?"
        ntm = next((f for f in fr if f[0].startswith("Ntm.")), ("?", ""))
        key = f"exc:{res['type']}:{top}:{ntm[0]}"
        note = f"{res['type']} escaped Check: {res.get('message', '')[:200]!r} | top {top} | first Ntm frame {ntm[0]} {ntm[1]}"
        return key, note
    if res.get("bad_messages"):
        b = res["bad_messages"][0]
        kind = "empty" if b["Length"] <= 0 or not (b.get("Head") or "").strip() else "long"
        return f"msg:{b['Rule']}:{kind}", f"finding '{b['Rule']}' with {kind} message ({b['Length']} chars): {b.get('Head', '')[:160]!r}"
    if res.get("masked_type"):
        fr = frames(res.get("masked_stack"))
        top = fr[0][0] if fr else "?"
        ntm = next((f for f in fr if f[0].startswith("Ntm.")), ("?", ""))
        return f"masked:{res['masked_type']}:{top}", f"'corrupt' finding hiding {res['masked_type']} at {top} (first Ntm frame {ntm[0]} {ntm[1]}): {res.get('masked_message', '')[:200]!r}"
    return None


def slug(key):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", key)[:120]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", required=True, help="file listing seed paths, one per line")
    ap.add_argument("--worker", required=True)
    ap.add_argument("--home", required=True)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--max-rss-mb", type=int, default=2048)
    ap.add_argument("--crashes", default="/tmp/fuzz-crashes")
    ap.add_argument("--work", default="/tmp/fuzzrun")
    ap.add_argument("--keep", type=int, default=3, help="inputs kept per distinct crash")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--quiet", action="store_true", help="no zipfile warnings")
    ap.add_argument("--replay", nargs="*", help="run these files once each and print the results (@LIST reads paths from a file)")
    args = ap.parse_args()
    import warnings
    warnings.filterwarnings("ignore", category=UserWarning)
    os.makedirs(args.crashes, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    rng = random.Random(args.seed)
    gen = 0
    worker = Worker(args, gen)

    if args.replay:
        replay = [l.strip() for a in args.replay for l in (open(a[1:]) if a.startswith("@") else [a]) if l.strip()]
        for path in replay:
            t0 = time.monotonic()
            status, line = worker.run(os.path.abspath(path), args.timeout, args.max_rss_mb)
            print(json.dumps({"file": path, "status": status, "peak_mb": worker.peak, "s": round(time.monotonic() - t0, 2),
                              "result": json.loads(line) if line else None}, ensure_ascii=False))
            if status != "ok":
                worker.kill()
                gen += 1
                worker = Worker(args, gen)
        worker.kill()
        return

    seeds = [l.strip() for l in open(args.seeds) if l.strip() and os.path.isfile(l.strip())]
    blobs = {s: open(s, "rb").read() for s in seeds}
    # the product's own fixtures exercise the table reader: weight them up
    weights = [4 if "/tests/fixtures/" in s else 1 for s in seeds]
    cache = {}
    stats_path = os.path.join(args.work, "stats.json")
    stats = json.load(open(stats_path)) if os.path.exists(stats_path) else {"tried": 0, "by_ext": {}, "by_kind": {}, "by_seed_dir": {}, "outcomes": {}, "crashes": {}, "slow": 0, "seconds": 0}
    prior = stats["seconds"]
    start = time.monotonic()
    end = start + args.minutes * 60
    cur_dir = os.path.join(args.work, "cur")
    last_save = 0
    while time.monotonic() < end:
        seed = rng.choices(seeds, weights)[0]
        data = blobs[seed]
        ext = os.path.splitext(seed)[1].lower()
        if ext in (".xlsx", ".xlsm"):
            out, desc = mutate_xlsx(data, rng, cache, seed)
        elif ext in (".csv", ".txt"):
            out, desc = mutate_csv(data, rng) if rng.random() < 0.8 else mutate_bytes(data, rng)
        else:
            out, desc = mutate_bytes(data, rng)
            if rng.random() < 0.3:
                out, d2 = mutate_bytes(out, rng)
                desc += "; " + d2
        name = os.path.basename(seed)
        if rng.random() < 0.03:
            name = os.path.splitext(name)[0] + rng.choice([".xlsx", ".xls", ".csv", ".txt", ".XLSX", ""])
            desc += f" +name {name}"
        if not out:
            out = b"\x00"
        shutil.rmtree(cur_dir, ignore_errors=True)
        os.makedirs(cur_dir)
        path = os.path.join(cur_dir, name)
        with open(path, "wb") as f:
            f.write(out)
        t0 = time.monotonic()
        status, line = worker.run(path, args.timeout, args.max_rss_mb)
        took = time.monotonic() - t0
        res = {}
        if status == "ok":
            try:
                res = json.loads(line)
            except ValueError:
                status, res = "died", {}
        stderr_tail = ""
        if status != "ok":
            worker.kill()
            stderr_tail = open(worker.stderr_path, "rb").read()[-4000:].decode("utf-8", "replace")
        stats["tried"] += 1
        stats["by_ext"][ext] = stats["by_ext"].get(ext, 0) + 1
        kind = desc.split(" ")[0].split(";")[0]
        stats["by_kind"][kind] = stats["by_kind"].get(kind, 0) + 1
        sd = os.path.dirname(seed)
        stats["by_seed_dir"][sd] = stats["by_seed_dir"].get(sd, 0) + 1
        for rule in (res.get("rules") or [status if status != "ok" else res.get("status", "?")]):
            stats["outcomes"][rule] = stats["outcomes"].get(rule, 0) + 1
        if took > 5:
            stats["slow"] += 1
        crash = classify(status, res, stderr_tail)
        if crash:
            key, note = crash
            c = stats["crashes"].setdefault(key, {"count": 0, "files": [], "note": note})
            c["count"] += 1
            if len(c["files"]) < args.keep:
                base = f"{slug(key)}__{len(c['files']) + 1}__{name}"
                target = os.path.join(args.crashes, base)
                shutil.copyfile(path, target)
                with open(target + ".note.txt", "w") as f:
                    f.write(f"{note} | seed {seed} | mutation {desc[:400]} | {took:.1f}s peak {getattr(worker, 'peak', 0)} MB\n")
                if stderr_tail and status == "died":
                    with open(target + ".stderr.txt", "w") as f:
                        f.write(stderr_tail)
                c["files"].append(target)
                print(f"[{stats['tried']}] CRASH {key}: {target}", flush=True)
        if status != "ok":
            gen += 1
            worker = Worker(args, gen)
        if time.monotonic() - last_save > 30:
            stats["seconds"] = prior + time.monotonic() - start
            last_save = time.monotonic()
            json.dump(stats, open(stats_path, "w"), indent=1, ensure_ascii=False)
            print(f"[{stats['tried']}] {int(time.monotonic() - start)}s crashes={len(stats['crashes'])}", flush=True)
    stats["seconds"] = prior + time.monotonic() - start
    json.dump(stats, open(stats_path, "w"), indent=1, ensure_ascii=False)
    worker.kill()
    print(json.dumps({k: v for k, v in stats.items() if k != "crashes"}, indent=1, ensure_ascii=False))
    for k, v in stats["crashes"].items():
        print(v["count"], k, v["files"][:1])


if __name__ == "__main__":
    main()
