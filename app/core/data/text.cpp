// UTF-8 validation, trimming, name normalisation and edit distance for the data layer.
#include "core/data/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <vector>

namespace deportmap::data {

size_t find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;  // continuation byte, 0xC0/0xC1 or 0xF5.. as a lead byte
        }
        if (i + len > n) return i;
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

std::string_view trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

size_t utf8_length(std::string_view text) {
    size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

namespace {

// Decodes one code point at text[i]; advances i. Invalid bytes decode as U+FFFD.
uint32_t next_code_point(std::string_view text, size_t& i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::string_view rest = text.substr(i, 4);
    size_t len = 1;
    uint32_t cp = 0xFFFD;
    if (c < 0x80) {
        cp = c;
    } else if (find_invalid_utf8(rest.substr(0, c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2)) ==
               std::string_view::npos) {
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
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

// ASCII base letter(s) for U+00C0..U+00FF; "" marks a mark that becomes a space.
const char* const kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
// Base letters for U+0100..U+017F; '?' marks the two ligatures handled apart.
const char kLatinExtA[] =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii??jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo??rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";
static_assert(sizeof kLatinExtA == 0x80 + 1, "one letter per code point U+0100..U+017F");

// Appends the folded form of one code point: lower-case ASCII letters and digits, a
// space for separators, nothing for apostrophes and combining marks.
void fold(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (c == '\'' || c == '`') {
            // apostrophes join: "d'Ivoire" -> "divoire"
        } else if (c == '&') {
            out += " and ";
        } else {
            out += ' ';
        }
        return;
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        const char* s = kLatin1[cp - 0xC0];
        out += *s ? s : " ";
        return;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        const char c = kLatinExtA[cp - 0x100];
        if (c != '?') {
            out += c;
        } else {
            out += (cp == 0x132 || cp == 0x133) ? "ij" : "oe";
        }
        return;
    }
    switch (cp) {
        case 0x218: case 0x219: out += 's'; return;  // Ș ș
        case 0x21A: case 0x21B: out += 't'; return;  // Ț ț
        case 0x2018: case 0x2019: case 0x02BC: case 0x02BB: case 0x00B4: return;  // apostrophes
        default: break;
    }
    if (cp >= 0x300 && cp <= 0x36F) return;  // combining diacritical marks
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xFFFD || cp == 0x3000) {
        out += ' ';  // spaces, dashes, quotes and other general punctuation
        return;
    }
    append_utf8(out, cp);  // other scripts: kept as they are
}

}  // namespace

std::string normalize_name(std::string_view name) {
    std::string folded;
    folded.reserve(name.size() + 8);
    for (size_t i = 0; i < name.size();) fold(folded, next_code_point(name, i));
    std::string out;
    out.reserve(folded.size());
    size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && folded[i] == ' ') ++i;
        size_t j = i;
        while (j < folded.size() && folded[j] != ' ') ++j;
        if (j > i) {
            std::string_view word(folded.data() + i, j - i);
            if (word != "the") {
                if (!out.empty()) out += ' ';
                out += word == "st" ? std::string_view("saint") : word;
            }
        }
        i = j;
    }
    return out;
}

bool read_text_file(const std::string& path, std::string& out, std::string& error) {
    // One read into a buffer of the file's size: no stream copies for large files.
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    out.clear();
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0) out.reserve(static_cast<size_t>(size));
        std::fseek(f, 0, SEEK_SET);
    }
    char buf[1 << 16];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, got);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) {
        error = "read error";
        return false;
    }
    return true;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    if (a.size() < b.size()) std::swap(a, b);
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace deportmap::data
