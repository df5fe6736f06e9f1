#!/usr/bin/env python3
"""Writes the refused samples: files that enter from outside with one thing wrong each, and what the
desk must answer. Made from assets/sync/example-bundle.json (its first case only, to stay small), so
rerun this when the example changes:
    python3 tests/samples/make_refused.py
Written: base.json and base-sealed.json (accepted: the controls), accepted/<name>.json (what some tousu
version legitimately wrote, which a stricter check must not refuse), refused/<name>.json, and refused.json,
the index the tests read — tests/unit/app/incoming_bundle_test.cpp (the desk's reader and gate refuse
each with `error` and store nothing) and tests/e2e/bundle_schema.test.js (assets/sync/*.schema.json
refuse each too, or, where a schema cannot judge, say exactly that).
Where a sample must get past the file's checksums to reach the gate, count and sha256 are recomputed
(sha256 over each event's canonical text + "\\n", core/event.cpp)."""
import base64
import copy
import hashlib
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# The desk's clock while the C++ test imports: the example was written on 2026-11-29.
CLOCK = "2026-12-01T09:00:00+08:00"
YEAR_2028 = "1830297600000"  # 2028-01-01: a year past CLOCK, still well-formed
CASE_ONLY = "c11f6531-eb66-49a7-b305-67547a34c162"
# The ways a schema cannot judge a file; the schema test checks these samples are schema-valid.
CHECKSUM = "cannot judge: count and sha256 are checked against the events"
FILE_BYTES = "cannot judge: each file's sha256 and size are checked against its bytes"
CLOCK_WINDOW = "cannot judge: the window is relative to the desk's clock"
REFERENCES = "cannot judge: references are defined in the database or the same file"
REPEATED_ID = "cannot judge: an id repeated with other content"


def json_string(s):
    """core::appendJsonString: only quotes, backslashes and control characters are escaped."""
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif c >= 0x20:
            out.append(ch)
        else:
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\u{c:04x}"))
    out.append('"')
    return "".join(out)


def encode_fields(fields):
    """core::encodeFields: keys in byte order, string values."""
    keys = sorted(fields, key=lambda k: k.encode())
    return "{" + ",".join(json_string(k) + ":" + json_string(fields[k]) for k in keys) + "}"


def canonical(event):
    envelope = {k: event[k] for k in ("id", "case", "hlc", "origin", "actor", "type", "prev")}
    envelope["payload"] = encode_fields(event["payload"])
    return encode_fields(envelope)


def rehash(bundle):
    bundle["count"] = len(bundle["events"])
    h = hashlib.sha256()
    for e in bundle["events"]:
        h.update((canonical(e) + "\n").encode())
    bundle["sha256"] = h.hexdigest()
    return bundle


def bundle_text(bundle):
    """As sync::writeBundle lays it out: the header, then one event a line, then (version 2) one file a line."""
    header = {k: v for k, v in bundle.items() if k not in ("events", "attachments")}
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":"), sort_keys=True)[:-1] + ',"events":['
    line = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text += "\n" + ",\n".join(line(e) for e in bundle["events"]) + "\n]"
    if "attachments" in bundle:
        text += ',"attachments":[\n' + ",\n".join(line(a) for a in bundle["attachments"]) + "\n]"
    return text + "}\n"


BILL = "账单截图，本月多扣 20 元".encode()
BILL_SHA = hashlib.sha256(BILL).hexdigest()


def attached(name="账单.pdf", sha=BILL_SHA, size=len(BILL), data=BILL, version=2):
    """An attach event for the bill, and the file itself in the attachments array."""
    def change(b):
        follow_up(b, "attach", {"attachment": sha, "name": name, "media_type": "application/pdf",
                                "size": str(size)})
        b["version"] = version
        b["attachments"] = [{"sha256": BILL_SHA, "size": size,
                             "data": data if isinstance(data, str) else base64.b64encode(data).decode()}]
    return change


def deep(value, levels=20):
    for _ in range(levels):
        value = [value]
    return value


def follow_up(bundle, type_, payload):
    """Appends an event of `type_` to the case, stamped and chained after the last one."""
    last = bundle["events"][-1]
    wall, counter = last["hlc"].split("-")
    hlc = f"{wall}-{int(counter) + 1:08d}"
    bundle["events"].append({"actor": "s01", "case": CASE_ONLY, "hlc": hlc,
                             "id": "00000000-0000-4000-8000-" + counter.rjust(12, "0"), "origin": last["origin"],
                             "payload": {"at": last["payload"]["at"], **payload}, "prev": last["hlc"], "type": type_})
    return bundle


def reference(type_, payload):
    """Appends reference data of `type_` (no case, no previous stamp), stamped after the last event."""
    def change(bundle):
        last = bundle["events"][-1]
        wall, counter = last["hlc"].split("-")
        bundle["events"].append({"actor": "s10", "case": "", "hlc": f"{wall}-{int(counter) + 1:08d}",
                                 "id": "00000000-0000-4000-9000-" + counter.rjust(12, "0"), "origin": last["origin"],
                                 "payload": {"at": last["payload"]["at"], **payload},
                                 "prev": "0000000000000000-00000000", "type": type_})
        return bundle
    return change


STAFF = {"id": "s11", "name": "孙丽", "role": "handler", "department": "network"}
SUGGESTION = {"id": "5b1f0c8e-2d6a-4c1e-9f3a-7e2b8d4c6a10", "source": "staff", "author": "s01",
              "content": "回访时先核对工单号。", "status": "new", "note": "", "created_at": "1793614158890"}


def without(i, key):
    def change(b):
        del b["events"][i]["payload"][key]
    return change


def header(**changes):
    return lambda b: b.update(changes)


def event(i, **changes):
    def change(b):
        e = b["events"][i]
        for k, v in changes.items():
            if k == "payload":
                e["payload"].update(v)
            else:
                e[k] = v
    return change


# name: (what is wrong, the change, error key, the detail it names, the schema's verdict, recompute checksums)
BUNDLES = {
    "format_other": ("another program's format", lambda b: b.update(format="other.bundle"),
                     "error.bundle_format", "format", "refuses", True),
    "version_newer": ("written by a newer tousu", lambda b: b.update(version=3), "error.bundle_newer", "version 3",
                      "refuses", True),
    "attachments_in_version_1": ("files in a version 1 bundle, which had none", attached(version=1),
                                 "error.bundle_format", "attachments in a version 1 bundle", "refuses", True),
    "attachment_hash_wrong": ("a file whose bytes are not those its sha256 names", attached(data=BILL[::-1]),
                              "error.bundle_attachment", "do not match", FILE_BYTES, True),
    "attachment_size_wrong": ("a file that says it is one byte longer", attached(size=len(BILL) + 1),
                              "error.bundle_attachment", "says", FILE_BYTES, True),
    "attachment_not_base64": ("a file's data not base64", attached(data="账单!!"), "error.bundle_attachment",
                              "not base64", "refuses", True),
    "attach_name_path": ("an attachment named with a path", attached(name="../../账单.pdf"), "error.bundle_value",
                         "name=../../账单.pdf", "refuses", True),
    "attach_name_type": ("an attachment of a type the desk does not take", attached(name="setup.exe"),
                         "error.bundle_value", "name=setup.exe", "refuses", True),
    "attach_hash_upper": ("an attachment named by upper-case hex", attached(sha=BILL_SHA.upper()),
                          "error.bundle_value", "attachment=", "refuses", True),
    "version_wraps": ("version 2^32 + 1, which read as a 32-bit int is 1", lambda b: b.update(version=4294967297),
                      "error.bundle_format", "version", "refuses", True),
    "count_nested_deep": ("count nested 20 arrays deep", lambda b: b.update(count=deep(5)), "error.bundle_format",
                          "nested deeper", "refuses", False),
    "origin_empty": ("no exporting device", lambda b: b.update(origin=""), "error.bundle_format", "origin",
                     "refuses", True),
    "created_garbage": ("created is not a time", lambda b: b.update(created="x" + b["created"]),
                        "error.bundle_format", "created", "refuses", True),
    "count_wrong": ("count one more than the events", lambda b: b.update(count=b["count"] + 1), "error.bundle_count",
                    "holds 5", CHECKSUM, False),
    "hash_wrong": ("a complaint's text edited after export", event(0, payload={"content": "宽频无法上网"}),
                   "error.bundle_hash", "sha256", CHECKSUM, False),
    "truncated": ("cut off right after an event", None, "error.bundle_truncated", "", "not JSON", False),
    "type_unknown": ("an unknown event type", event(4, type="teleport"), "error.bundle_event", "teleport",
                     "refuses", True),
    "payload_number": ("a payload value that is a number", event(1, payload={"at": 1793614518890}),
                       "error.bundle_event", "strings", "refuses", False),
    "payload_nested_deep": ("a payload value nested 20 arrays deep", event(4, payload={"note": deep("x")}),
                            "error.bundle_format", "nested deeper", "refuses", False),
    "case_missing": ("a case event without its case", event(1, case=""), "error.bundle_event", "case id",
                     "refuses", True),
    "id_too_long": ("an event id of 65 characters", event(1, id="e" * 65), "error.bundle_event", "too long: id",
                    "refuses", True),
    "id_repeated": ("two events with one id and different content", event(2, id="242a5f87-d0a7-4edd-8e1a-95d201fdd96c"),
                    "error.bundle_duplicate", "242a5f87", REPEATED_ID, True),
    "hlc_counter_9_digits": ("a clock counter of 9 digits", event(1, hlc="0001795921397602-100000000"),
                             "error.bundle_event", "not an HLC", "refuses", True),
    "hlc_year_9999": ("stamped in year 318857, the largest stamp the format holds",
                      event(1, hlc="9999999999999999-99999999"), "error.bundle_hlc_range", "9999999999999999",
                      "refuses", True),
    "hlc_before_2000": ("stamped 5 ms after 1970", event(1, hlc="0000000000000005-00000000"),
                        "error.bundle_hlc_range", "0000000000000005", "refuses", True),
    "hlc_next_year": ("stamped in 2028, a year after the desk's clock", event(1, hlc=f"000{YEAR_2028}-00000000"),
                      "error.bundle_hlc_range", YEAR_2028, CLOCK_WINDOW, True),
    "prev_year_9999": ("the previous stamp in year 318857", event(1, prev="9999999999999999-99999999"),
                       "error.bundle_hlc_range", "", "refuses", True),
    "received_at_negative": ("received 9e18 ms before 1970", event(0, payload={"received_at": "-9000000000000000000"}),
                             "error.bundle_value", "received_at=", "refuses", True),
    "received_at_not_number": ("received_at not a number", event(0, payload={"received_at": "12abc"}),
                               "error.bundle_value", "received_at=", "refuses", True),
    "at_next_year": ("an action recorded in 2028", event(2, payload={"at": YEAR_2028}), "error.bundle_value", "at=",
                     CLOCK_WINDOW, True),
    "category_unknown": ("an unknown complaint category", event(2, payload={"category": "refunds"}),
                         "error.bundle_value", "category=refunds", "refuses", True),
    "limits_garbage": ("limits that are not milestone=ms pairs", event(0, payload={"limits": "feedback=abc"}),
                       "error.bundle_limits", "feedback=abc", "refuses", True),
    "limits_huge": ("a limit of 2^63 - 1 ms, which a working-hours calendar steps through day by day",
                    event(0, payload={"limits": "feedback=9223372036854775807", "working_hours": "1"}),
                    "error.bundle_limits", "feedback=9223372036854775807", "refuses", True),
    "rating_huge": ("a survey rating of 99999999999",
                    lambda b: follow_up(b, "survey", {"comment": "", "declined": "0", "rating": "99999999999"}),
                    "error.bundle_value", "rating=99999999999", "refuses", True),
    "level_huge": ("an escalation level of 2^31", lambda b: follow_up(b, "escalate", {"level": "2147483648"}),
                   "error.bundle_value", "level=2147483648", "refuses", True),
    "limit_ms_huge": ("a deadline set 2^63 - 1 ms out", lambda b: follow_up(
        b, "set_deadline", {"limit_ms": "9223372036854775807", "milestone": "feedback", "reason": "客户要求"}),
                      "error.bundle_limits", "limit_ms=", "refuses", True),
    "actor_unknown": ("an action by staff this office does not know", event(2, actor="s99"),
                      "error.bundle_unknown_reference", "actor s99", REFERENCES, True),
    "department_unknown": ("dispatched to a department this office does not know",
                           event(3, payload={"department": "nowhere"}), "error.bundle_unknown_reference",
                           "department nowhere", REFERENCES, True),
    # The header's shape: no other keys, the office a code and a name, masked a boolean.
    "header_key_unknown": ("a header key no tousu writes", header(comment="exported by hand"),
                           "error.bundle_format", "unknown header key: comment", "refuses", True),
    "office_code_dash": ("an office code with a dash, which case numbers cannot hold",
                         header(office={"code": "BJ-01", "name": "北京一营"}), "error.bundle_format", "office.code",
                         "refuses", True),
    "office_not_object": ("the office a plain string", header(office="BJ01"), "error.bundle_format", "office",
                          "refuses", True),
    "masked_word": ("masked the word yes", header(masked="yes"), "error.bundle_format", "masked", "refuses", True),
    "event_key_unknown": ("an event key no tousu writes", event(1, note="hand-edited"), "error.bundle_event",
                          "unknown event key: note", "refuses", True),
    # The keys each event type carries: none other, none missing.
    "payload_key_unknown": ("a confirmation with a key no tousu writes", event(1, payload={"priority": "high"}),
                            "error.bundle_event", "payload.priority is not a field of confirm", "refuses", True),
    "payload_key_missing": ("a dispatch without its expected time", without(3, "expected_at"), "error.bundle_event",
                            "dispatch needs payload.expected_at", "refuses", True),
    "register_key_missing": ("a complaint without its customer key", without(0, "customer_key"),
                             "error.bundle_event", "register needs payload.customer_key", "refuses", True),
    # Codes.
    "channel_unknown": ("an unknown channel", event(0, payload={"channel": "fax"}), "error.bundle_value",
                        "channel=fax", "refuses", True),
    "contact_method_unknown": ("an unknown contact method", event(1, payload={"method": "pigeon"}),
                               "error.bundle_value", "method=pigeon", "refuses", True),
    "importance_unknown": ("an unknown importance", event(0, payload={"importance": "critical"}),
                           "error.bundle_value", "importance=critical", "refuses", True),
    "milestone_unknown": ("a deadline for an unknown milestone", lambda b: follow_up(
        b, "set_deadline", {"limit_ms": "86400000", "milestone": "done", "reason": "客户要求"}),
                          "error.bundle_value", "milestone=done", "refuses", True),
    "role_unknown": ("staff with an unknown role", reference("ref.staff", {**STAFF, "role": "boss"}),
                     "error.bundle_value", "role=boss", "refuses", True),
    "suggestion_source_unknown": ("a suggestion from an unknown source",
                                  reference("ref.suggestion", {**SUGGESTION, "source": "regulator"}),
                                  "error.bundle_value", "source=regulator", "refuses", True),
    "suggestion_status_unknown": ("a suggestion in an unknown status",
                                  reference("ref.suggestion", {**SUGGESTION, "status": "maybe"}),
                                  "error.bundle_value", "status=maybe", "refuses", True),
    "ref_category_unknown": ("a sub-type of an unknown category", reference(
        "ref.sub_type", {"id": "refund_delay", "category": "refunds", "name_zh": "退费延迟", "name_en": "Refund delay"}),
                             "error.bundle_value", "category=refunds", "refuses", True),
    # Yes/no fields.
    "flag_word": ("working hours the word yes", event(0, payload={"working_hours": "yes"}), "error.bundle_value",
                  "working_hours=yes", "refuses", True),
    "declined_true": ("a survey declined \"true\"",
                      lambda b: follow_up(b, "survey", {"comment": "", "declined": "true", "rating": "0"}),
                      "error.bundle_value", "declined=true", "refuses", True),
    # Formats.
    "number_garbage": ("a case number not TS-<office>-<date>-<sequence>", event(0, payload={"number": "BJ01-0001"}),
                       "error.bundle_value", "number=BJ01-0001", "refuses", True),
    "merge_into_garbage": ("merged into something not a case number",
                           lambda b: follow_up(b, "merge", {"into": "the other one", "reason": "重复投诉"}),
                           "error.bundle_value", "into=the other one", "refuses", True),
    "policy_garbage": ("a policy not <category>-v<version>", event(0, payload={"policy": "gold"}),
                       "error.bundle_value", "policy=gold", "refuses", True),
    "phone_letters": ("a phone with a letter in it", event(0, payload={"phone": "1877533839a"}),
                      "error.bundle_value", "phone=1877533839a", "refuses", True),
    "phone_not_normalised": ("a phone as typed, not normalised", event(0, payload={"phone": "+86 187 7533 8399"}),
                             "error.bundle_value", "phone=+86 187 7533 8399", "refuses", True),
    "phone_mask_wrong": ("a phone masked other than 187****8399", event(0, payload={"phone": "18****8399"}),
                         "error.bundle_value", "phone=18****8399", "refuses", True),
    # Lengths, the desk's own (core/validate.h, app/errors.h).
    "content_empty": ("a complaint with no text", event(0, payload={"content": ""}), "error.bundle_value",
                      "content has 0 characters", "refuses", True),
    "content_too_long": ("a complaint of 4001 characters", event(0, payload={"content": "网" * 4001}),
                         "error.bundle_value", "content has 4001 characters", "refuses", True),
    "customer_name_too_long": ("a customer name of 51 characters", event(0, payload={"customer_name": "杨" * 51}),
                               "error.bundle_value", "customer_name has 51", "refuses", True),
    "account_too_long": ("an account of 41 characters", event(0, payload={"account": "6" * 41}),
                         "error.bundle_value", "account has 41", "refuses", True),
    "note_too_long": ("a note of 4001 characters", event(4, payload={"note": "查" * 4001}), "error.bundle_value",
                      "note has 4001", "refuses", True),
    "department_name_too_long": ("a department name of 41 characters", reference(
        "ref.department", {"id": "d-long", "name_zh": "部" * 41, "name_en": "Long", "head": ""}),
                                 "error.bundle_value", "name_zh has 41", "refuses", True),
    "suggestion_too_long": ("a suggestion of 2001 characters",
                            reference("ref.suggestion", {**SUGGESTION, "content": "议" * 2001}),
                            "error.bundle_value", "content has 2001", "refuses", True),
    # Reference data's ranges.
    "policy_version_zero": ("a policy version 0", reference("ref.policy", {
        "category": "billing", "version": "0", "limits": "initial_investigation=259200000", "max_hours": "240"}),
                            "error.bundle_value", "version=0", "refuses", True),
    "policy_max_hours_huge": ("a policy allowing 721 hours", reference("ref.policy", {
        "category": "billing", "version": "2", "limits": "initial_investigation=259200000", "max_hours": "721"}),
                              "error.bundle_value", "max_hours=721", "refuses", True),
    # Numbers only as tousu writes them: digits, no sign, space or leading zero.
    "number_plus": ("received_at with a leading +", event(0, payload={"received_at": "+1793613978890"}),
                    "error.bundle_value", "received_at=+1793613978890", "refuses", True),
    "number_space": ("at with a leading space", event(1, payload={"at": " 1793614518890"}), "error.bundle_value",
                     "at= 1793614518890", "refuses", True),
    "number_zeros": ("expected_at with leading zeros", event(3, payload={"expected_at": "001793788578890"}),
                     "error.bundle_value", "expected_at=001793788578890", "refuses", True),
    "rating_plus": ("a survey rating +5",
                    lambda b: follow_up(b, "survey", {"comment": "", "declined": "0", "rating": "+5"}),
                    "error.bundle_value", "rating=+5", "refuses", True),
    "limits_plus": ("a time limit with a leading +",
                    event(0, payload={"limits": "initial_investigation=+86400000;feedback=172800000"}),
                    "error.bundle_limits", "initial_investigation=+86400000", "refuses", True),
    "limits_trailing_semicolon": ("time limits ending in ;",
                                  event(0, payload={"limits": "initial_investigation=86400000;"}),
                                  "error.bundle_limits", "initial_investigation=86400000;", "refuses", True),
    "limit_ms_zeros": ("a deadline of 086400000 ms", lambda b: follow_up(
        b, "set_deadline", {"limit_ms": "086400000", "milestone": "feedback", "reason": "客户要求"}),
                       "error.bundle_limits", "limit_ms=086400000", "refuses", True),
}

# Files that both the desk and the schemas accept, for what some tousu version legitimately wrote and a
# stricter check could wrongly refuse: name: (what it shows, the change).
ACCEPTED = {
    "policy_default_v1": ("a complaint opened under default-v1, before per-category policies (273ac35)",
                          event(0, payload={"policy": "default-v1"})),
    "phone_landline": ("a landline number", event(0, payload={"phone": "01065521234", "customer_key": "01065521234"})),
    "account_only": ("a customer known by account only", event(0, payload={
        "phone": "", "account": "6222020200112233", "customer_key": "acct:6222020200112233"})),
    "masked_export": ("a masked export: name, phone, account and key hidden", lambda b: (b.update(masked=True), event(
        0, payload={"customer_name": "杨*", "phone": "187****8399", "account": "62****33",
                    "customer_key": "anon-0123456789abcdef0123"})(b))),
    "billing_charge_too_old": ("a billing complaint over a charge too old for the regulator", event(0, payload={
        "category": "billing", "sub_type": "bill_error", "charge_date": "1777593600000",
        "regulator_ineligible": "1"})),
    "classify_new_category": ("a reclassification that takes the new category's limits and keeps the importance",
                              event(2, payload={"category": "billing", "sub_type": "", "importance": "",
                                                "limits": "initial_investigation=259200000"})),
    "version_2_attachment": ("version 2: a bill attached, with its bytes", attached()),
    "office_name_long": ("an office named in 60 characters, as tousu-cli init allowed before 09ef7f9",
                         header(office={"code": "BJ01", "name": "北" * 60})),
    "reference_data": ("reference data of every type", lambda b: [reference(t, p)(b) for t, p in (
        ("ref.department", {"id": "d-3f2a", "name_zh": "政企部", "name_en": "Enterprise", "head": ""}),
        ("ref.staff", STAFF),
        ("ref.sub_type", {"id": "t-9c1d", "category": "other", "name_zh": "其他问题", "name_en": "Other issue"}),
        ("ref.policy", {"category": "billing", "version": "2", "limits": "initial_investigation=259200000",
                        "max_hours": "720"}),
        ("ref.suggestion", SUGGESTION))]),
}

# A sealed envelope is refused before any decryption, so its data need not be a real ciphertext.
SEALED = {"format": "tousu.sealed", "version": 1,
          "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "AAECAwQFBgcICQoLDA0ODw=="},
          "cipher": {"name": "AES-GCM", "length": 256, "iv": "AAECAwQFBgcICQoL"},
          "data": "c2VhbGVkIHNhbXBsZSwgbm90IGEgY2lwaGVydGV4dA=="}


def sealed_change(path, value):
    def change(s):
        *parents, last = path.split(".")
        target = s
        for p in parents:
            target = target[p]
        target[last] = value
    return change


SEALED_SAMPLES = {
    "sealed_version_newer": ("an envelope from a newer tousu", sealed_change("version", 2), "error.sealed_newer"),
    "sealed_version_wraps": ("envelope version 2^32 + 1", sealed_change("version", 4294967297), "error.sealed_format"),
    "sealed_kdf_not_object": ("kdf a string", sealed_change("kdf", "PBKDF2"), "error.sealed_format"),
    "sealed_cipher_not_object": ("cipher an array", sealed_change("cipher", ["AES-GCM"]), "error.sealed_format"),
    "sealed_length_word": ("the key length a word", sealed_change("cipher.length", "256"), "error.sealed_format"),
    "sealed_iterations_huge": ("2^31 key-derivation rounds, minutes of work before the passphrase is checked",
                               sealed_change("kdf.iterations", 2147483648), "error.sealed_format"),
    "sealed_iv_short": ("an 8-byte iv", sealed_change("cipher.iv", "AAECAwQFBgc="), "error.sealed_format"),
    "sealed_data_nested_deep": ("data nested 20 arrays deep", sealed_change("data", deep("AAAA")),
                                "error.sealed_format"),
}


def main():
    example = json.loads((ROOT / "assets/sync/example-bundle.json").read_text(encoding="utf-8"))
    base = copy.deepcopy(example)
    base["events"] = [e for e in example["events"] if e["case"] == CASE_ONLY]
    rehash(base)
    (HERE / "refused").mkdir(exist_ok=True)
    for old in (HERE / "refused").glob("*.json"):
        old.unlink()
    (HERE / "base.json").write_text(bundle_text(base), encoding="utf-8")
    samples = []
    for name, (wrong, change, error, detail, verdict, checksums) in BUNDLES.items():
        if change is None:  # truncated: the text itself is cut
            full = bundle_text(base)
            cut = full.index("},\n", full.index("},\n") + 1) + 1
            text = full[:cut]
        else:
            b = copy.deepcopy(base)
            change(b)
            text = bundle_text(rehash(b) if checksums else b)
        (HERE / "refused" / f"{name}.json").write_text(text, encoding="utf-8")
        samples.append({"file": f"refused/{name}.json", "kind": "bundle", "wrong": wrong, "error": error,
                        "detail": detail, "schema": verdict})
    (HERE / "accepted").mkdir(exist_ok=True)
    for old in (HERE / "accepted").glob("*.json"):
        old.unlink()
    accepted = []
    for name, (what, change) in ACCEPTED.items():
        b = copy.deepcopy(base)
        change(b)
        (HERE / "accepted" / f"{name}.json").write_text(bundle_text(rehash(b)), encoding="utf-8")
        accepted.append({"file": f"accepted/{name}.json", "what": what})
    (HERE / "base-sealed.json").write_text(json.dumps(SEALED) + "\n", encoding="utf-8")
    for name, (wrong, change, error) in SEALED_SAMPLES.items():
        s = copy.deepcopy(SEALED)
        change(s)
        (HERE / "refused" / f"{name}.json").write_text(json.dumps(s) + "\n", encoding="utf-8")
        samples.append({"file": f"refused/{name}.json", "kind": "sealed", "wrong": wrong, "error": error,
                        "detail": "", "schema": "refuses"})
    index = {"about": "Written by make_refused.py; read by tests/unit/app/incoming_bundle_test.cpp and "
                      "tests/e2e/bundle_schema.test.js.",
             "clock": CLOCK, "base": "base.json", "base_sealed": "base-sealed.json", "accepted": accepted,
             "samples": samples}
    text = json.dumps(index, ensure_ascii=False, indent=1)
    for s in accepted + samples:  # one sample a line
        text = text.replace(json.dumps(s, ensure_ascii=False, indent=1).replace("\n", "\n  "),
                            json.dumps(s, ensure_ascii=False))
    (HERE / "refused.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
