// Fuzz target: story files (core/story/story.hpp). Documented: any bytes give problems
// of one line each, never an exception or a crash; what parses, written back by
// story_toml, parses again cleanly to an equal story.
#include <cstdint>
#include <string>

#include "core/story/story.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    using fuzz::fail;
    if (size > fuzz::kMaxInput) return -1;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const story::StoryContext context;  // names unchecked: the parser alone
    const story::StoryRead r = story::parse_story(text, "story.toml", context);
    for (const auto& p : r.problems) {
        if (p.to_string().find('\n') != std::string::npos) fail("a problem of more than one line");
    }
    if (!r.story) return 0;
    if (r.story->steps.size() + r.bad_steps != r.steps_seen) fail("steps seen do not add up");
    if (r.story->steps.empty()) return 0;
    const std::string written = story::story_toml(*r.story);
    const story::StoryRead again = story::parse_story(written, "again.toml", context);
    if (!again.clean()) {
        for (const auto& p : again.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
        fail("a story written by story_toml does not read back cleanly");
    }
    story::Story a = *r.story, b = *again.story;
    for (auto& s : a.steps) s.line = 0;
    for (auto& s : b.steps) s.line = 0;
    if (!(a == b)) fail("a story changes on a round trip");
    return 0;
}
