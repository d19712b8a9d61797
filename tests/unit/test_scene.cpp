// Scene glue on the bundled data: statuses and colours per boundary country, and which
// statuses rest on a date known only to the month or year (striped on the map).
#include <gtest/gtest.h>

#include <memory>

#include "core/data/dataset.hpp"
#include "core/data/stated_figures.hpp"
#include "core/geo/world.hpp"
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

}  // namespace
