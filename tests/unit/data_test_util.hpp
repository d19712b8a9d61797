// Helpers shared by the tests/unit/test_data_*.cpp tests: a per-test temporary folder,
// writing files, and the default status table built in code.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/data/countries.hpp"
#include "core/data/statuses.hpp"
#include "scratch.hpp"

namespace deportmap::data::testing {

// A fresh folder in the test's scratch folder (tests/support/scratch.hpp), removed when
// the object goes away. Several may exist at once: each gets its own number.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = ::deportmap::test::fresh_scratch_dir("tmp-" + std::to_string(++counter));
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    // Writes `bytes` exactly (no newline translation) and returns the file's path.
    std::string write(const std::string& name, const std::string& bytes) const {
        const std::string p = (path_ / name).string();
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out << bytes;
        return p;
    }
    std::string path(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// The bundled resolver and status table, loaded once per test program.
inline const CountryResolver& bundled_countries() {
    static const CountryResolver r = CountryResolver::load_default();
    return r;
}
inline const StatusTable& bundled_statuses() {
    static const StatusTable t = StatusTable::load_default();
    return t;
}

inline constexpr const char* kHeader =
    "country_name,iso3,date,status,deportees,payment_usd,summary,source_url,"
    "source_publisher,source_date\n";

// The eight default statuses, in code, with the default ranks and precedences.
inline StatusTable default_statuses_in_code() {
    auto s = [](const char* key, int legend, int rank, int tie) {
        Status st;
        st.key = key;
        st.label = key;
        st.legend_order = legend;
        st.ladder_rank = rank;
        st.tie_precedence = tie;
        return st;
    };
    return StatusTable::from({s("contacted", 1, 1, 1), s("negotiating", 2, 2, 2),
                              s("agreed", 3, 3, 3), s("receiving", 4, 4, 4),
                              s("declined", 5, 0, 6), s("paused_or_ended", 6, 0, 5),
                              s("blocked_by_court", 7, 0, 8), s("court_allowed", 8, 0, 7)});
}

}  // namespace deportmap::data::testing
