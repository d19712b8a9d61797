// Text helpers for the data layer: UTF-8 checks, trimming, the name normalisation the
// country resolver matches on (case, accents, punctuation, "the"), and edit distance.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace deportmap::data {

// Byte offset of the first invalid UTF-8 sequence in `text` (overlong forms, surrogates
// and code points above U+10FFFF count as invalid), or std::string_view::npos when the
// whole text is valid.
size_t find_invalid_utf8(std::string_view text);

// `text` without leading and trailing ASCII spaces, tabs, CR and LF.
std::string_view trim(std::string_view text);

// ASCII lower case; other bytes unchanged.
std::string ascii_lower(std::string_view text);

// Number of code points (invalid bytes count one each); used to align table columns.
size_t utf8_length(std::string_view text);

// The key names are compared on: lower case, common Latin accents folded (é→e, ü→u,
// ç→c, ß→ss, æ→ae, ...), apostrophes removed, "&" read as "and", every other
// punctuation mark or space run turned into one space, the word "the" dropped wherever
// it stands, and the word "st" read as "saint". "The Gambia", "gambia" and "GAMBIA!" all
// give "gambia"; "Côte d’Ivoire" gives "cote divoire".
std::string normalize_name(std::string_view name);

// Reads a whole file into `out`; false with a one-line reason in `error` on failure.
bool read_text_file(const std::string& path, std::string& out, std::string& error);

// Levenshtein distance between two byte strings (insert, delete, substitute cost 1).
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace deportmap::data
