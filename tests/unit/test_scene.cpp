// Scene glue on the bundled data: statuses and colours per boundary country, and which
// statuses rest on a date known only to the month or year (striped on the map).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "core/data/dataset.hpp"
#include "core/data/stated_figures.hpp"
#include "core/geo/world.hpp"
#include "core/paint.hpp"
#include "core/patterns.hpp"
#include "core/scene.hpp"

using namespace deportmap;

namespace {

class SceneBundled : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        countries_ = std::make_shared<const data::CountryResolver>(
            data::CountryResolver::load_default());
        dataset_ = std::make_unique<data::Dataset>(countries_, data::StatusTable::load_default());
        ASSERT_TRUE(dataset_->load(data::default_events_paths()).ok);
        geo::LoadOptions load;
        load.levels = {true, false, false};
        world_ = std::make_unique<geo::World>(geo::load_world(load));
        world_to_data_ = map_world_to_data(*world_, *countries_);
    }
    static void TearDownTestSuite() {
        dataset_.reset();
        world_.reset();
    }
    static size_t index(const char* iso3) {
        const int i = world_->find(iso3);
        EXPECT_GE(i, 0) << iso3;
        return static_cast<size_t>(i);
    }
    static inline std::shared_ptr<const data::CountryResolver> countries_;
    static inline std::unique_ptr<data::Dataset> dataset_;
    static inline std::unique_ptr<geo::World> world_;
    static inline std::vector<int> world_to_data_;
};

TEST_F(SceneBundled, ApproximateFollowsTheSettingEventsPrecision) {
    Scene scene;
    scene.date = data::days_from_civil(2025, 7, 1);
    std::vector<bool> approximate;
    world_approximate(scene, dataset_->timeline(), world_to_data_, approximate);
    ASSERT_EQ(approximate.size(), world_->countries.size());
    // Kosovo agreed on 11 June 2025: a known day.
    EXPECT_FALSE(approximate[index("XKX")]);
    // Rwanda's deal is dated June 2025 (month only).
    EXPECT_TRUE(approximate[index("RWA")]);
    // Egypt appears only on the Times' list, dated 2025 (year only).
    EXPECT_TRUE(approximate[index("EGY")]);
    // A country without events is never marked.
    EXPECT_FALSE(approximate[index("FRA")]);
}

TEST_F(SceneBundled, ColoursFollowStatusAndTheme) {
    Scene scene;
    scene.date = data::days_from_civil(2025, 7, 1);
    std::vector<Color> light;
    world_colors(scene, dataset_->timeline(), world_to_data_, light);
    EXPECT_EQ(light[index("FRA")], theme_colors(Theme::Light).no_data);
    EXPECT_NE(light[index("XKX")], theme_colors(Theme::Light).no_data);
    scene.theme = Theme::Dark;
    std::vector<Color> dark;
    world_colors(scene, dataset_->timeline(), world_to_data_, dark);
    EXPECT_EQ(dark[index("FRA")], theme_colors(Theme::Dark).no_data);
    // Kosovo is "agreed" on that day: each theme takes the status table's own colour.
    const data::StatusTable& table = dataset_->statuses();
    const auto agreed = static_cast<size_t>(table.find("agreed"));
    EXPECT_EQ(light[index("XKX")], table[agreed].colour_light);
    EXPECT_EQ(dark[index("XKX")], table[agreed].colour_dark);
}


TEST_F(SceneBundled, LegendCountsAreTheDatasAndMatchTheWindow) {
    Scene scene;
    scene.date = data::days_from_civil(2025, 7, 1);
    const data::Timeline& timeline = dataset_->timeline();
    std::vector<int> window_counts;
    timeline.counts_at(scene.date, window_counts);  // what the window's legend shows
    ScenePaint paint;
    paint_scene(scene, timeline, world_to_data_, paint);
    ASSERT_EQ(paint.counts.size(), timeline.statuses().size());
    for (size_t s = 0; s < paint.counts.size(); ++s) EXPECT_EQ(paint.counts[s], window_counts[s]) << s;
    // "No known request" is the map's countries without a status.
    int with_status = 0;
    for (const data::StatusIndex s : paint.statuses) with_status += s != data::kNoStatus;
    EXPECT_EQ(paint.unmarked, static_cast<int>(world_->countries.size()) - with_status);
    const auto legend = legend_entries(scene, timeline.statuses(), paint, false);
    ASSERT_FALSE(legend.empty());
    EXPECT_EQ(legend.back().key, "none");
    EXPECT_EQ(legend.back().count, paint.unmarked);
}

// --patterns (issue 15): each status but the first has its own pattern, in the map's
// paint (as alpha flags the shader reads) and in the legend; off, nothing changes.
TEST_F(SceneBundled, PatternsGiveEachStatusASecondCue) {
    Scene scene;
    scene.date = data::days_from_civil(2026, 5, 1);
    const data::Timeline& timeline = dataset_->timeline();
    const data::StatusTable& table = timeline.statuses();
    ScenePaint plain, patterned;
    paint_scene(scene, timeline, world_to_data_, plain);
    scene.patterns = true;
    paint_scene(scene, timeline, world_to_data_, patterned);
    std::vector<int> seen;
    for (size_t c = 0; c < patterned.statuses.size(); ++c) {
        EXPECT_EQ(plain.pattern[c], 0);
        const data::StatusIndex s = patterned.statuses[c];
        const int expected = s == data::kNoStatus ? 0 : status_pattern(table, s);
        EXPECT_EQ(patterned.pattern[c], expected) << world_->countries[c].iso3;
        EXPECT_EQ(alpha_pattern(patterned.fill[c].a), expected);
        EXPECT_EQ(alpha_striped(patterned.fill[c].a), patterned.striped[c] != 0);
        EXPECT_EQ(alpha_striped(plain.fill[c].a), plain.striped[c] != 0);
        if (expected != 0) seen.push_back(expected);
    }
    EXPECT_EQ(patterned.pattern[index("FRA")], 0);  // no status, no pattern
    // Asked, the largest group, stays plain; every other status has a pattern of its own.
    const std::vector<data::StatusIndex>& order = table.legend();
    EXPECT_EQ(status_pattern(table, order[0]), 0);
    for (size_t i = 1; i < order.size(); ++i) {
        for (size_t j = i + 1; j < order.size(); ++j) {
            EXPECT_NE(status_pattern(table, order[i]), status_pattern(table, order[j]));
        }
        EXPECT_NE(status_pattern(table, order[i]), 0);
    }
    EXPECT_FALSE(seen.empty());
    const auto legend = legend_entries(scene, table, patterned, false);
    for (const LegendEntry& e : legend) {
        const data::StatusIndex s = table.find(e.key);
        EXPECT_EQ(e.pattern, s == data::kNoStatus ? 0 : status_pattern(table, s)) << e.key;
    }
}

// The patterns differ from one another and from the approximate-date stripes, pixel by
// pixel over a 28 px square at the window's period.
TEST(Patterns, EachPatternMarksItsOwnPixels) {
    const double period = pattern_period(7.0);
    std::vector<std::vector<bool>> marks(kPatternCount);
    for (int p = 0; p < kPatternCount; ++p) {
        int on = 0;
        for (int y = 0; y < 28; ++y) {
            for (int x = 0; x < 28; ++x) {
                const bool m = on_pattern(p, x + 0.5, y + 0.5, period);
                marks[static_cast<size_t>(p)].push_back(m);
                on += m;
            }
        }
        if (p == 0) {
            EXPECT_EQ(on, 0);
        } else {
            EXPECT_GT(on, 28 * 28 / 12) << pattern_name(p);  // visible
            EXPECT_LT(on, 28 * 28 * 2 / 3) << pattern_name(p);  // the colour still shows
        }
    }
    for (int a = 1; a < kPatternCount; ++a) {
        for (int b = a + 1; b < kPatternCount; ++b) {
            EXPECT_NE(marks[static_cast<size_t>(a)], marks[static_cast<size_t>(b)]) << pattern_name(a) << " vs " << pattern_name(b);
        }
    }
    // The flags in the alpha: 255 is none, 254 the stripes alone (as before patterns).
    EXPECT_EQ(flags_alpha(false, 0), 255);
    EXPECT_EQ(flags_alpha(true, 0), 254);
    for (int p = 0; p < kPatternCount; ++p) {
        for (const bool s : {false, true}) {
            EXPECT_EQ(alpha_pattern(flags_alpha(s, p)), p);
            EXPECT_EQ(alpha_striped(flags_alpha(s, p)), s);
        }
    }
    EXPECT_EQ(alpha_pattern(128), 0);  // a real translucent colour carries no flags
    EXPECT_FALSE(alpha_striped(129));
}

TEST_F(SceneBundled, CountriesTheBoundariesLackAreCountedAndListed) {
    const data::Timeline& timeline = dataset_->timeline();
    // This fixture loads only 1:110m, which lacks some small countries; each one the data
    // names is listed (render.ExportComposeTest checks that all levels lack none).
    const std::vector<int> at_110m = countries_not_in_world(timeline, world_to_data_);
    for (const int c : at_110m) {
        EXPECT_LT(world_->find(countries_->country(c).iso3), 0) << countries_->country(c).iso3;
    }
    // Without Rwanda and Kosovo as well: both are added to the list, which keeps the
    // order of the data's countries, and the legend still counts them (as the window).
    std::vector<int> cut = world_to_data_;
    const int rwa = countries_->find_iso3("RWA"), xkx = countries_->find_iso3("XKX");
    for (int& d : cut) {
        if (d == rwa || d == xkx) d = -1;
    }
    std::vector<int> missing = countries_not_in_world(timeline, cut);
    ASSERT_EQ(missing.size(), at_110m.size() + 2);
    EXPECT_NE(std::find(missing.begin(), missing.end(), rwa), missing.end());
    EXPECT_NE(std::find(missing.begin(), missing.end(), xkx), missing.end());
    std::vector<int> in_data_order;
    for (const int c : timeline.countries_named()) {
        if (std::find(missing.begin(), missing.end(), c) != missing.end()) in_data_order.push_back(c);
    }
    EXPECT_EQ(missing, in_data_order);
    const std::string text = country_list_text(*countries_, missing);
    EXPECT_NE(text.find("Rwanda (RWA)"), std::string::npos) << text;
    EXPECT_NE(text.find("Kosovo (XKX)"), std::string::npos) << text;
    Scene scene;
    scene.date = data::days_from_civil(2025, 7, 1);
    ScenePaint full, partial;
    paint_scene(scene, timeline, world_to_data_, full);
    paint_scene(scene, timeline, cut, partial);
    EXPECT_EQ(full.counts, partial.counts);
}

}  // namespace
