// Scene glue on the bundled data: statuses and colours per boundary country, and which
// statuses rest on a date known only to the month or year (striped on the map).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "core/data/dataset.hpp"
#include "core/data/stated_figures.hpp"
#include "core/geo/world.hpp"
#include "core/paint.hpp"
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
