#include "core/fields.h"

#include <cstdio>
#include <cstdlib>

namespace tousu::core {

void appendJsonString(std::string& out, const std::string& s) {
    out += '"';
    std::size_t run = 0; // start of the current run of characters copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, run, i - run);
        run = i + 1;
        if (c == '"')
            out += "\\\"";
        else if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        }
    }
    out.append(s, run, s.size() - run);
    out += '"';
}

namespace {

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

struct Parser {
    const std::string& s;
    std::size_t i = 0;

    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
    }
    bool eat(char c) {
        ws();
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }

    bool hex4(unsigned& v) {
        if (i + 4 > s.size()) return false;
        v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s[i++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= c - '0';
            else if (c >= 'a' && c <= 'f')
                v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                v |= c - 'A' + 10;
            else
                return false;
        }
        return true;
    }

    bool string(std::string& out) {
        if (!eat('"')) return false;
        while (i < s.size()) {
            const char c = s[i++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i >= s.size()) return false;
            const char e = s[i++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00) {
                    unsigned lo = 0;
                    if (i + 2 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return false;
                    i += 2;
                    if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return false;
                appendUtf8(out, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }
};

} // namespace

std::string encodeFields(const Fields& fields) {
    std::string out = "{";
    for (const auto& [k, v] : fields) {
        if (out.size() > 1) out += ',';
        appendJsonString(out, k);
        out += ':';
        appendJsonString(out, v);
    }
    return out + "}";
}

Result<Fields> decodeFields(const std::string& json) {
    Parser p{json};
    Fields f;
    const auto bad = [&] {
        return makeError(ErrorCode::InvalidInput, "error.payload_format", "bad payload at byte " + std::to_string(p.i));
    };
    if (!p.eat('{')) return bad();
    if (!p.eat('}')) {
        do {
            std::string k, v;
            if (!p.string(k) || !p.eat(':') || !p.string(v)) return bad();
            if (!f.emplace(std::move(k), std::move(v)).second) return bad();
        } while (p.eat(','));
        if (!p.eat('}')) return bad();
    }
    p.ws();
    if (p.i != json.size()) return bad();
    return f;
}

std::string getField(const Fields& f, const std::string& key, const std::string& fallback) {
    const auto it = f.find(key);
    return it == f.end() ? fallback : it->second;
}

std::int64_t getInt(const Fields& f, const std::string& key, std::int64_t fallback) {
    const auto it = f.find(key);
    if (it == f.end() || it->second.empty()) return fallback;
    char* end = nullptr;
    const long long v = std::strtoll(it->second.c_str(), &end, 10);
    return *end == '\0' ? v : fallback;
}

} // namespace tousu::core
