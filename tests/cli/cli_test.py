#!/usr/bin/env python3
"""Contract tests for tousu-cli: JSON on stdout, errors on stderr, exit 0 only on success.
usage: cli_test.py PATH_TO_TOUSU_CLI CHECK   (ctest runs each CHECK as its own test)"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CLI = sys.argv[1]


def run(*args, ok=True):
    p = subprocess.run([CLI, *args], capture_output=True, text=True)
    if ok and p.returncode != 0:
        raise AssertionError(f"{args} exited {p.returncode}: {p.stderr}")
    return p


def js(*args):
    return json.loads(run(*args).stdout)


def fresh(tmp, name="a.db", office="BJ01"):
    path = os.path.join(tmp, name)
    js("init", path, "--office", office, "--office-name", "北京一营")
    return path


def check_init_refuses_existing(tmp):
    path = fresh(tmp)
    p = run("init", path, ok=False)
    assert p.returncode != 0 and "refusing" in p.stderr and p.stdout == ""
    p = run("init", os.path.join(tmp, "b.db"), "--office", "bad code!", ok=False)
    assert p.returncode != 0 and not os.path.exists(os.path.join(tmp, "b.db"))


def check_generate_is_deterministic(tmp):
    a = fresh(tmp)
    b = os.path.join(tmp, "copy.db")
    shutil.copy(a, b)
    c = os.path.join(tmp, "copy2.db")
    shutil.copy(a, c)
    for db, seed in ((a, "5"), (b, "5"), (c, "6")):
        stats = js("generate", db, "--cases", "300", "--seed", seed, "--start", "2026-09-01", "--days", "30")
        assert stats["cases"] == 300 and stats["failed"] == 0, stats
    da, db_, dc = (js("digest", x)["digest"] for x in (a, b, c))
    assert da == db_, "same seed on the same fresh database must give the same content"
    assert da != dc, "another seed must give other content"


def check_generated_data_is_realistic_and_consistent(tmp):
    db = fresh(tmp)
    stats = js("generate", db, "--cases", "400", "--seed", "9", "--start", "2026-09-01", "--days", "40")
    assert stats["repeats"] > 0 and 0 < stats["open"] < 400, stats
    assert js("verify", db)["ok"] is True
    s = js("stats", db)
    assert s["cases"] == 400
    assert set(s["by_category"]) == {"service_quality", "billing", "business", "other"}
    assert s["by_state"].get("archived", 0) > 200
    k = js("kpi", db)
    assert k["cases"] + s["by_state"].get("cancelled", 0) == 400
    assert 0.5 < k["on_time_rate"] < 1.0 and 1 <= k["satisfaction_mean"] <= 5
    assert set(k["by_channel"]) == {"phone", "online", "email", "social_media", "letter_visit", "other"}


def check_kpi_period_is_inclusive_and_empty_is_null(tmp):
    db = fresh(tmp)
    js("generate", db, "--cases", "200", "--seed", "3", "--start", "2026-09-01", "--days", "10")
    whole = js("kpi", db, "--from", "2026-09-01", "--to", "2026-09-10")["cases"]
    halves = js("kpi", db, "--from", "2026-09-01", "--to", "2026-09-05")["cases"] + \
        js("kpi", db, "--from", "2026-09-06", "--to", "2026-09-10")["cases"]
    assert whole == halves and whole > 150, (whole, halves)
    empty = js("kpi", db, "--from", "2030-01-01", "--to", "2030-01-31")
    assert empty["cases"] == 0 and empty["on_time_rate"] is None and empty["satisfaction_mean"] is None


def check_deadlines(tmp):
    d = js("deadlines", "--category", "service_quality", "--received", "2026-11-28T09:30:00+08:00")
    assert [m["due"] for m in d["milestones"]] == ["2026-11-29T09:30:00+08:00", "2026-11-30T09:30:00+08:00"]
    d = js("deadlines", "--category", "billing", "--received", "2026-11-28T01:30:00Z")
    assert d["milestones"][0]["due"] == "2026-12-01T09:30:00+08:00"
    assert d["appeal_risk"] == "2026-12-13T09:30:00+08:00"
    p = run("deadlines", "--category", "nonsense", "--received", "2026-11-28T09:30:00+08:00", ok=False)
    assert p.returncode == 2 and "usage" in p.stderr


def check_errors_and_help(tmp):
    assert run("frobnicate", ok=False).returncode == 2
    assert run("verify", os.path.join(tmp, "missing.db"), ok=False).returncode != 0
    for cmd in ("init", "generate", "kpi", "deadlines", "verify", "digest", "stats"):
        p = run(cmd, "--help")
        assert p.stdout.startswith("usage: tousu-cli " + cmd), cmd
    assert "generate" in run("--help").stdout


def check_verify_detects_tampering(tmp):
    import sqlite3
    db = fresh(tmp)
    js("generate", db, "--cases", "50", "--seed", "1", "--start", "2026-09-01", "--days", "5")
    con = sqlite3.connect(db)
    con.execute("UPDATE cases SET rating = 1 WHERE rowid = (SELECT min(rowid) FROM cases)")
    con.commit()
    con.close()
    p = run("verify", db, ok=False)
    assert p.returncode == 1 and json.loads(p.stdout)["ok"] is False


def check_sync_round_trip(tmp):
    a = fresh(tmp, "a.db", "BJ01")
    b = fresh(tmp, "b.db", "SH01")
    js("generate", a, "--cases", "120", "--seed", "3", "--start", "2026-09-01", "--days", "10")
    js("generate", b, "--cases", "80", "--seed", "4", "--start", "2026-09-05", "--days", "10")
    fa, fb = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
    assert js("export", a, fa)["events"] > 120
    js("export", b, fb)
    before = js("digest", a)["digest"]
    preview = js("import", a, fb, "--dry-run")
    assert preview["applied"] is False and preview["new_cases"] == 80, preview
    assert js("digest", a)["digest"] == before, "a dry run must change nothing"
    applied = js("import", a, fb)
    assert applied["new_cases"] == 80 and applied["from_office"] == "SH01", applied
    js("import", b, fa)
    assert js("digest", a)["digest"] == js("digest", b)["digest"]
    again = js("import", a, fb)
    assert again["new_events"] == 0 and again["duplicates"] == again["events"], again
    assert js("stats", b)["cases"] == 200 and js("verify", b)["ok"] is True
    # A peer export carries only what that peer has not been sent.
    assert js("export", a, fa, "--peer", "SH01")["events"] > 0
    assert js("export", a, fa, "--peer", "SH01")["events"] == 0
    number = json.loads(run("export", a, fa, "--case", "TS-BJ01-20260901-0001").stdout)
    assert number["events"] > 0


def check_failed_exports_lose_nothing(tmp):
    db = fresh(tmp)
    js("generate", db, "--cases", "30", "--seed", "2", "--start", "2026-09-01", "--days", "5")
    digest = js("digest", db)["digest"]
    # An output that cannot be written, or a seal without a passphrase: refused, and the peer
    # has still not been sent the events (they go with the next export that works).
    for bad in (["export", db, os.path.join(tmp, "no", "such", "dir.json"), "--peer", "SH01"],
                ["export", db, os.path.join(tmp, "p.json"), "--peer", "SH01", "--encrypt"]):
        env = {k: v for k, v in os.environ.items() if k != "TOUSU_PASSPHRASE"}
        p = subprocess.run([CLI, *bad], capture_output=True, text=True, env=env)
        assert p.returncode != 0 and p.stdout == "", (bad, p.stderr)
    sent = js("export", db, os.path.join(tmp, "ok.json"), "--peer", "SH01")["events"]
    assert sent > 30 * 3, sent
    # An output that is the database itself, under its name or another: refused, the database intact.
    alias = os.path.join(tmp, "alias.db")
    os.link(db, alias)
    for command in (["export", db, db], ["export-csv", db, alias], ["export-tmf", db, db],
                    ["report", db, os.path.join(tmp, "r.html"), "--from", "2026-09-01", "--to", "2026-09-30",
                     "--csv", db]):
        p = run(*command, ok=False)
        assert p.returncode != 0 and "error.output_is_database" in p.stderr, (command, p.stderr)
    assert js("digest", db)["digest"] == digest and js("verify", db)["ok"] is True
    assert not [f for f in os.listdir(tmp) if f.endswith(".part")], os.listdir(tmp)


def check_foreign_files_are_left_untouched(tmp):
    import sqlite3
    other = os.path.join(tmp, "other.sqlite")
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes(text) VALUES ('someone else''s data')")
    con.commit()
    con.close()
    empty = os.path.join(tmp, "empty.db")
    open(empty, "wb").close()
    for path in (other, empty):
        before = open(path, "rb").read()
        for command in (["kpi", path, "--from", "2026-09-01", "--to", "2026-09-30"], ["stats", path],
                        ["export", path, os.path.join(tmp, "out.json")]):
            p = run(*command, ok=False)
            assert p.returncode != 0 and "error.not_tousu_database" in p.stderr, (command, p.stderr)
        assert open(path, "rb").read() == before, f"{path} was written to"


def check_arguments_are_read_strictly(tmp):
    db = fresh(tmp)
    digest = js("digest", db)["digest"]
    for cases in ("4294967297", "1e3", "3abc", "0", "-5", ""):
        p = run("generate", db, "--seed", "1", "--cases", *([cases] if cases else []), ok=False)
        assert p.returncode != 0 and p.stdout == "", (cases, p.stderr)
    p = run("generate", db, "--cases", "5", "--seed", "x1", ok=False)
    assert p.returncode != 0
    assert js("digest", db)["digest"] == digest, "a refused generate must write nothing"
    assert js("generate", db, "--cases", "5", "--seed", "1")["cases"] == 5
    p = run("kpi", db, "--from", "2026-10-01", "--to", "2026-09-01", ok=False)
    assert p.returncode != 0 and "period_order" in p.stderr, p.stderr
    long_name = os.path.join(tmp, "long.db")
    p = run("init", long_name, "--office", "GZ01", "--office-name", "营" * 41, ok=False)
    assert p.returncode != 0 and "too_long" in p.stderr and not os.path.exists(long_name), p.stderr
    js("init", long_name, "--office", "GZ01", "--office-name", "营" * 40)


def check_import_refuses_bad_files(tmp):
    a = fresh(tmp, "a.db", "BJ01")
    b = fresh(tmp, "b.db", "SH01")
    js("generate", b, "--cases", "20", "--seed", "4", "--start", "2026-09-05", "--days", "3")
    good = os.path.join(tmp, "b.json")
    js("export", b, good)
    text = open(good, encoding="utf-8").read()
    before = js("digest", a)["digest"]
    bad = {
        "not_json.json": ("这不是 JSON", "error.bundle_not_json"),
        "truncated.json": (text[: len(text) // 2], "error.bundle_truncated"),
        "edited.json": (text.replace("宽带", "宽频", 1), "error.bundle_hash"),
        "newer.json": (text.replace('"version":2', '"version":7', 1), "error.bundle_newer"),
    }
    for name, (content, message) in bad.items():
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        p = run("import", a, path, ok=False)
        assert p.returncode != 0 and message in p.stderr and p.stdout == "", (name, p.stderr)
    p = run("import", a, os.path.join(tmp, "missing.json"), ok=False)
    assert p.returncode != 0 and "cannot read" in p.stderr
    assert js("digest", a)["digest"] == before and js("stats", a)["cases"] == 0


def check_sealed_gzipped_and_masked_bundles(tmp):
    import gzip
    a = fresh(tmp, "a.db", "BJ01")
    js("generate", a, "--cases", "15", "--seed", "5", "--start", "2026-09-01", "--days", "3")
    digest = js("digest", a)["digest"]
    secret = os.path.join(tmp, "pass.txt")
    with open(secret, "w", encoding="utf-8") as f:
        f.write("北京一营 口令 2026\n")
    out = os.path.join(tmp, "out.json.gz")
    exported = js("export", a, out, "--encrypt", "--passphrase-file", secret)
    assert exported["encrypted"] is True and exported["masked"] is False
    envelope = json.loads(gzip.decompress(open(out, "rb").read()))
    assert envelope["format"] == "tousu.sealed" and "宽带" not in json.dumps(envelope, ensure_ascii=False)

    def imports(name, *extra, env=None):
        db = fresh(tmp, name, "SH01")
        p = subprocess.run([CLI, "import", db, out, *extra], capture_output=True, text=True,
                           env={**os.environ, **(env or {})})
        return db, p

    db, p = imports("none.db")
    assert p.returncode != 0 and "error.passphrase_needed" in p.stderr, p.stderr
    db, p = imports("wrong.db", env={"TOUSU_PASSPHRASE": "北京一营 口令 2027"})
    assert p.returncode != 0 and "error.sealed_passphrase" in p.stderr and "Wrong passphrase" in p.stderr, p.stderr
    assert js("stats", db)["cases"] == 0
    db, p = imports("right.db", "--passphrase-file", secret)
    assert p.returncode == 0 and json.loads(p.stdout)["new_cases"] == 15, p.stderr
    js("import", a, out, "--passphrase-file", secret)
    assert js("digest", a)["digest"] == digest, "importing our own export changes nothing"

    os.environ["TOUSU_PASSPHRASE"] = "short"
    p = run("export", a, out, "--encrypt", ok=False)
    del os.environ["TOUSU_PASSPHRASE"]
    assert p.returncode != 0 and "error.passphrase_short" in p.stderr

    masked = os.path.join(tmp, "masked.json")
    assert js("export", a, masked, "--mask")["masked"] is True
    text = open(masked, encoding="utf-8").read()
    phones = [e["payload"]["phone"] for e in json.loads(text)["events"] if e["type"] == "register"]
    assert phones and all("****" in p for p in phones if p), phones
    with open(os.path.join(tmp, "cut.json.gz"), "wb") as f:
        f.write(gzip.compress(text.encode())[:200])
    p = run("import", a, os.path.join(tmp, "cut.json.gz"), ok=False)
    assert p.returncode != 0 and "error.file_unreadable" in p.stderr, p.stderr


def check_review_report(tmp):
    import csv
    import re
    db = fresh(tmp)
    js("generate", db, "--cases", "300", "--seed", "13", "--start", "2026-08-01", "--days", "60")
    actions = os.path.join(tmp, "actions.txt")
    with open(actions, "w", encoding="utf-8") as f:
        f.write("缩短网络故障首次联系时间\n\n<script>alert(1)</script>\n")
    out, table = os.path.join(tmp, "r.html"), os.path.join(tmp, "r.csv")
    js("report", db, out, "--from", "2026-09-01", "--to", "2026-09-30", "--csv", table, "--actions", actions)
    page = open(out, encoding="utf-8").read()
    kpi = js("kpi", db, "--from", "2026-09-01", "--to", "2026-09-30")
    before = js("kpi", db, "--from", "2026-08-02", "--to", "2026-08-31")   # the previous 30 days
    row = re.search(r"<tr><td>受理量</td><td>(\d+)</td><td>(\d+)</td></tr>", page)
    assert row and int(row.group(1)) == kpi["cases"] and int(row.group(2)) == before["cases"], row
    rate = re.search(r"<tr><td>按时办结率</td><td>([\d.]+)%</td>", page)
    assert rate and float(rate.group(1)) == round(kpi["on_time_rate"] * 100, 1), rate
    assert page.count("<svg") == 2 and "<li>缩短网络故障首次联系时间</li>" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    rows = list(csv.reader(open(table, encoding="utf-8-sig").read().splitlines()))
    assert rows[1][0] == "本期合计" and int(rows[1][2]) == kpi["cases"], rows[1]
    assert float(rows[1][3]) == round(kpi["on_time_rate"] * 100, 1)
    by_category = {r[1]: int(r[2]) for r in rows if r[0] == "类别"}
    assert sum(by_category.values()) == kpi["cases"] and by_category["资费及账单投诉"] == kpi["by_category"]["billing"]["cases"]
    p = run("report", db, out, "--from", "2026-09-30", "--to", "2026-09-01", ok=False)
    assert p.returncode == 2


def check_print_case(tmp):
    import re
    db = fresh(tmp)
    js("generate", db, "--cases", "200", "--seed", "17", "--start", "2026-09-01", "--days", "30")
    tmf = os.path.join(tmp, "t.json")
    js("export-tmf", db, tmf)
    tickets = json.load(open(tmf, encoding="utf-8"))
    ticket = max(tickets, key=lambda t: len(t["note"]))   # the case with the longest timeline
    out = os.path.join(tmp, "case.html")
    js("print-case", db, ticket["id"], out)
    page = open(out, encoding="utf-8").read()
    assert "<h1>投诉处理单</h1>" in page and ticket["id"] in page
    customer = next(p for p in ticket["relatedParty"] if p["role"] == "complainant")
    assert f"<td>{customer['name']}</td>" in page
    phone = customer["contactMedium"][0]["characteristic"]["phoneNumber"]
    assert f"<td>{phone}</td>" in page, "the CLI prints contacts whole"
    timeline = page.split("<h2>处理记录</h2>")[1].split("<h2>")[0]
    assert timeline.count('<td class="when">') == len(ticket["note"]) + 1, "every entry, the registration included"
    assert len(re.findall(r"<th>经办人</th>", page)) == 1
    p = run("print-case", db, "TS-BJ01-20000101-0001", out, ok=False)
    assert p.returncode == 1 and "TS-BJ01-20000101-0001" in p.stderr


def check_interchange_exports(tmp):
    import csv
    import re
    db = fresh(tmp)
    js("generate", db, "--cases", "60", "--seed", "8", "--start", "2026-09-01", "--days", "10")
    cases = js("stats", db)["cases"]
    out = os.path.join(tmp, "list.csv")
    js("export-csv", db, out)
    raw = open(out, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    rows = list(csv.reader(raw[3:].decode("utf-8").splitlines()))
    assert rows[0][0] == "投诉编号" and len(rows) == cases + 1, (rows[0], len(rows))
    phones = [r[3] for r in rows[1:] if r[3]]
    assert phones and all(re.fullmatch(r"\d{3}\*{4}\d{4}", p) for p in phones), phones[:3]
    js("export-csv", db, out, "--lang", "en", "--full-phones", "--state", "archived")
    rows = list(csv.reader(open(out, encoding="utf-8-sig").read().splitlines()))
    assert rows[0][0] == "Number" and all(r[6] == "Archived" for r in rows[1:]) and len(rows) > 1
    assert all(re.fullmatch(r"\d{11}|0\d{9,11}", r[3]) for r in rows[1:] if r[3])

    tmf = os.path.join(tmp, "tmf.json")
    assert js("export-tmf", db, tmf)["tickets"] == cases
    tickets = json.load(open(tmf, encoding="utf-8"))
    statuses = {"acknowledged", "inProgress", "pending", "held", "resolved", "closed", "rejected", "cancelled"}
    assert all(t["ticketType"] == "complaint" and t["status"] in statuses for t in tickets)
    # Full fidelity, counted independently from the sync bundle: one note per case event after registration.
    bundle = os.path.join(tmp, "all.json")
    js("export", db, bundle)
    events = json.load(open(bundle, encoding="utf-8"))["events"]
    case_events = [e for e in events if e["case"]]
    registers = [e for e in case_events if e["type"] == "register"]
    assert sum(len(t["note"]) for t in tickets) == len(case_events) - len(registers)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        globals()["check_" + sys.argv[2]](tmp)
    print("ok")
