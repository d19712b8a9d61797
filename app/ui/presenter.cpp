// Presenter mode: keys, step framing and flights, and the overlay (see presenter.hpp).
#include "ui/presenter.hpp"

#include <GLFW/glfw3.h>  // key codes: ImGui 1.86 indexes io.KeysDown by GLFW key
#include <imgui.h>

#include <cfloat>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/data/source_list.hpp"
#include "core/story/step_view.hpp"
#include "ui/widgets.hpp"

namespace deportmap::ui {
namespace {

struct NamedKey {
    const char* name;
    int key;
};
constexpr NamedKey kKeys[] = {
    {"PageDown", GLFW_KEY_PAGE_DOWN}, {"PageUp", GLFW_KEY_PAGE_UP}, {"Right", GLFW_KEY_RIGHT},
    {"Left", GLFW_KEY_LEFT},          {"Up", GLFW_KEY_UP},          {"Down", GLFW_KEY_DOWN},
    {"Space", GLFW_KEY_SPACE},        {"Enter", GLFW_KEY_ENTER},    {"Backspace", GLFW_KEY_BACKSPACE},
    {"Home", GLFW_KEY_HOME},          {"End", GLFW_KEY_END},        {"Escape", GLFW_KEY_ESCAPE},
    {"F5", GLFW_KEY_F5},              {"b", GLFW_KEY_B},            {"w", GLFW_KEY_W},
    {"period", GLFW_KEY_PERIOD},      {".", GLFW_KEY_PERIOD},       {"comma", GLFW_KEY_COMMA},
    {",", GLFW_KEY_COMMA},            {"p", GLFW_KEY_P},
};

// The keys presenter mode answers to, polled from ImGui each frame.
constexpr int kPolled[] = {GLFW_KEY_PAGE_DOWN, GLFW_KEY_PAGE_UP, GLFW_KEY_RIGHT,  GLFW_KEY_LEFT,
                           GLFW_KEY_UP,        GLFW_KEY_DOWN,    GLFW_KEY_SPACE,  GLFW_KEY_ENTER,
                           GLFW_KEY_KP_ENTER,  GLFW_KEY_BACKSPACE, GLFW_KEY_HOME, GLFW_KEY_END,
                           GLFW_KEY_ESCAPE,    GLFW_KEY_F5,      GLFW_KEY_B,      GLFW_KEY_W,
                           GLFW_KEY_PERIOD,    GLFW_KEY_COMMA,   GLFW_KEY_P,      GLFW_KEY_0,      GLFW_KEY_1,
                           GLFW_KEY_2,         GLFW_KEY_3,       GLFW_KEY_4,      GLFW_KEY_5,
                           GLFW_KEY_6,         GLFW_KEY_7,       GLFW_KEY_8,      GLFW_KEY_9,
                           GLFW_KEY_KP_0,      GLFW_KEY_KP_1,    GLFW_KEY_KP_2,   GLFW_KEY_KP_3,
                           GLFW_KEY_KP_4,      GLFW_KEY_KP_5,    GLFW_KEY_KP_6,   GLFW_KEY_KP_7,
                           GLFW_KEY_KP_8,      GLFW_KEY_KP_9};

constexpr double kHideCursorSeconds = 2.0;

ImU32 rgba(float r, float g, float b, float a) { return ImGui::GetColorU32(ImVec4(r, g, b, a)); }

struct Ink {
    ImU32 text, muted, panel;
};
Ink ink_for(Theme theme) {
    if (theme == Theme::Dark) return {rgba(0.95f, 0.95f, 0.95f, 1), rgba(0.75f, 0.75f, 0.78f, 1), rgba(0.08f, 0.09f, 0.11f, 0.82f)};
    return {rgba(0.08f, 0.08f, 0.1f, 1), rgba(0.3f, 0.3f, 0.33f, 1), rgba(0.97f, 0.96f, 0.93f, 0.86f)};
}

}  // namespace

int glfw_key_from_name(const std::string& name) {
    for (const NamedKey& k : kKeys) {
        if (name == k.name) return k.key;
    }
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return GLFW_KEY_0 + (name[0] - '0');
    return -1;
}

void Presenter::set_story(story::Story story, double now_s) {
    story_ = std::move(story);
    ++story_version_;
    player_.set_steps(story_.steps.size(), now_s);
    source_key_.reset();
}

void Presenter::enter(double now_s) {
    active_ = true;
    if (!entered_once_) {
        entered_once_ = true;
        first_entered_s_ = now_s;
        player_.first(now_s);
    }
    // Fly (back) to the current step.
    player_.jump(player_.current() + 1, now_s);
    flight_.reset();
    globe_flight_.reset();
    last_mouse_move_ = now_s;
}

PresenterRequest Presenter::press(int key, double now_s) {
    PresenterRequest r;
    if (key == GLFW_KEY_ESCAPE || key == GLFW_KEY_F5) {
        r.leave = true;
        return r;
    }
    if (key == GLFW_KEY_P) {
        r.toggle_view = true;
        return r;
    }
    const bool digit = (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) || (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9);
    if (digit) {
        player_.type_digit(key >= GLFW_KEY_KP_0 ? key - GLFW_KEY_KP_0 : key - GLFW_KEY_0);
        return r;
    }
    switch (key) {
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
            if (!player_.jump_typed(now_s) && !player_.typed()) player_.next(now_s);
            player_.clear_typed();
            return r;
        case GLFW_KEY_PAGE_DOWN: case GLFW_KEY_RIGHT: case GLFW_KEY_DOWN: case GLFW_KEY_SPACE:
            player_.next(now_s);
            break;
        case GLFW_KEY_PAGE_UP: case GLFW_KEY_LEFT: case GLFW_KEY_UP: case GLFW_KEY_BACKSPACE:
            player_.prev(now_s);
            break;
        case GLFW_KEY_HOME: player_.first(now_s); break;
        case GLFW_KEY_END: player_.last(now_s); break;
        case GLFW_KEY_B: case GLFW_KEY_PERIOD: player_.toggle_blank(story::Blank::Black); break;
        case GLFW_KEY_W: case GLFW_KEY_COMMA: player_.toggle_blank(story::Blank::White); break;
        default: return r;
    }
    player_.clear_typed();
    return r;
}

PresenterRequest Presenter::keys_from_imgui(double now_s) {
    PresenterRequest r;
    for (int key : kPolled) {
        if (!ImGui::IsKeyPressed(key, false)) continue;
        const PresenterRequest k = press(key, now_s);
        r.leave = r.leave || k.leave;
        r.toggle_view = r.toggle_view != k.toggle_view;
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f) last_mouse_move_ = now_s;
    return r;
}

PresenterRequest Presenter::frame(FrameInput& in) {
    PresenterRequest r;
    if (!active_ || story_.steps.empty()) return r;
    if (player_.autoplaying()) {
        std::vector<double> seconds, lead(story_.steps.size(), 0.0);
        for (const story::Step& s : story_.steps) seconds.push_back(s.seconds());
        lead[player_.current()] = flight_seconds_;
        player_.tick(in.now_s, seconds, lead);
    }
    if (player_.take_changed()) {
        const story::Step& step = story_.steps[player_.current()];
        r.date = data::query_day(step.date);
        std::vector<int> emphasised;
        for (const std::string& key : step.highlight) {
            const data::StatusIndex s = in.statuses.find(key);
            if (s != data::kNoStatus) emphasised.push_back(static_cast<int>(s));
        }
        r.emphasised = std::move(emphasised);
        begin_flight(in);
    }
    const double t = in.now_s - flight_start_;
    if (flight_) {
        in.camera = flight_->at(t);
        if (t >= flight_->seconds()) flight_.reset();
    }
    if (globe_flight_ && in.globe != nullptr) {
        *in.globe = globe_flight_->at(t);
        if (t >= globe_flight_->seconds()) globe_flight_.reset();
    }
    return r;
}

const geo::Projector* Presenter::projector_for(geo::ProjectionKind kind) {
    if (!projector_ || projector_->kind() != kind) {
        try {
            projector_ = std::make_unique<geo::Projector>(kind);
        } catch (const std::exception&) {
            projector_.reset();
        }
    }
    return projector_.get();
}

story::StepBox Presenter::step_box(size_t index, const geo::World& world, const geo::ProjectedWorld& projected) {
    const geo::Projector* projector = projector_for(projected.projection);
    if (index >= story_.steps.size() || projector == nullptr) return {};
    return story::step_box(story_.steps[index], world, projected, *projector);
}

void Presenter::begin_flight(FrameInput& in) {
    const story::StepBox box = step_box(player_.current(), in.world, in.projected);
    flight_.reset();
    globe_flight_.reset();
    flight_start_ = in.now_s;
    if (in.globe != nullptr) {
        globe_flight_.emplace(*in.globe, story::step_globe(box, in.fb_width, in.fb_height));
        flight_seconds_ = globe_flight_->seconds();
    } else {
        const Camera to = story::step_camera(box.box, in.projected.world_bounds, in.fb_width, in.fb_height);
        flight_.emplace(in.camera, to, in.projected.world_bounds.width());
        flight_seconds_ = flight_->seconds();
    }
}

const std::string& Presenter::source_line(const PanelContext& ctx) {
    const SourceKey key{player_.current(), ctx.scene.date, &ctx.data.timeline(), ctx.data.dataset().generation()};
    if (source_key_ && *source_key_ == key) return source_line_;
    source_key_ = key;
    const story::Step& step = story_.steps[player_.current()];
    std::vector<data::SourceListRow> rows;
    for (const data::SourceListRow& row : data::list_sources(ctx.data.timeline(), ctx.data.countries(), ctx.scene.date)) {
        bool keep = step.iso3.empty();
        for (const std::string& iso : step.iso3) keep = keep || row.event->iso3 == iso;
        if (keep) rows.push_back(row);
    }
    source_line_ = data::credit_sources(data::ranked_outlets(rows), 3);
    return source_line_;
}

void Presenter::draw(const PanelContext& ctx, ImFont* large_font, double now_s) {
    if (!active_) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (now_s - last_mouse_move_ > kHideCursorSeconds) ImGui::SetMouseCursor(ImGuiMouseCursor_None);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 o = vp->Pos;
    const float W = vp->Size.x, H = vp->Size.y;
    if (player_.blank() != story::Blank::None) {
        const float v = player_.blank() == story::Blank::Black ? 0.0f : 1.0f;
        dl->AddRectFilled(o, ImVec2(o.x + W, o.y + H), rgba(v, v, v, 1));
        return;
    }
    if (story_.steps.empty()) return;
    const story::Step& step = story_.steps[player_.current()];
    ImFont* font = large_font != nullptr ? large_font : ImGui::GetFont();
    const Ink ink = ink_for(ctx.scene.theme);
    const float m = 0.03f * H;
    // The date, large: 7% of the screen's height.
    const float date_px = 0.07f * H;
    date_text_px_ = date_px * io.DisplayFramebufferScale.y;
    const std::string date = data::format_date(step.date);
    // The legend with counts under it.
    const data::StatusTable& table = ctx.data.timeline().statuses();
    std::vector<int> counts;
    ctx.data.timeline().counts_at(ctx.scene.date, counts);
    const float row = 0.032f * H, sw = 0.022f * H, label_px = 0.026f * H;
    const ImVec2 date_size = font->CalcTextSizeA(date_px, FLT_MAX, 0.0f, date.c_str());
    const float legend_w = 0.26f * H;
    const float panel_w = std::max(date_size.x, legend_w) + 2 * m;
    const float panel_h = date_size.y + m * 1.5f + row * static_cast<float>(table.legend().size()) + m;
    dl->AddRectFilled(ImVec2(o.x + m * 0.5f, o.y + m * 0.5f), ImVec2(o.x + m * 0.5f + panel_w, o.y + m * 0.5f + panel_h),
                      ink.panel, 0.01f * H);
    dl->AddText(font, date_px, ImVec2(o.x + m * 1.5f, o.y + m), ink.text, date.c_str());
    float y = o.y + m + date_size.y + m * 0.5f;
    for (data::StatusIndex s : table.legend()) {
        const size_t i = static_cast<size_t>(s);
        const Color c = status_color(table, s, ctx.scene.theme);
        dl->AddRectFilled(ImVec2(o.x + m * 1.5f, y + (row - sw) * 0.5f), ImVec2(o.x + m * 1.5f + sw, y + (row + sw) * 0.5f),
                          rgba(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1));
        const std::string text = table[i].label + "  " + std::to_string(i < counts.size() ? counts[i] : 0);
        dl->AddText(font, label_px, ImVec2(o.x + m * 1.5f + sw * 1.5f, y + (row - label_px) * 0.5f), ink.text, text.c_str());
        y += row;
    }
    // The step counter, top right.
    const std::string counter = std::to_string(player_.current() + 1) + " / " + std::to_string(story_.steps.size());
    const float counter_px = 0.026f * H;
    const ImVec2 cs = font->CalcTextSizeA(counter_px, FLT_MAX, 0.0f, counter.c_str());
    dl->AddText(font, counter_px, ImVec2(o.x + W - m - cs.x, o.y + m), ink.muted, counter.c_str());
    // The caption (fading in) and the step's sources, bottom.
    const float cap_px = 0.036f * H, src_px = 0.018f * H, wrap = 0.7f * W;
    const std::string& source = source_line(ctx);
    const ImVec2 cap = step.caption.empty() ? ImVec2(0, 0)
                                            : font->CalcTextSizeA(cap_px, FLT_MAX, wrap, step.caption.c_str());
    const ImVec2 src = source.empty() ? ImVec2(0, 0) : font->CalcTextSizeA(src_px, FLT_MAX, wrap, source.c_str());
    if (cap.y + src.y <= 0.0f) return;
    const float alpha = static_cast<float>(story::caption_alpha(now_s - player_.step_started()));
    const float box_h = cap.y + src.y + m * 1.5f;
    const float top = o.y + H - m * 0.5f - box_h;
    dl->AddRectFilled(ImVec2(o.x + m * 0.5f, top), ImVec2(o.x + m * 1.5f + std::max(cap.x, src.x) + m, o.y + H - m * 0.5f),
                      ink.panel, 0.01f * H);
    ImVec4 cap_rgba = ImGui::ColorConvertU32ToFloat4(ink.text);
    cap_rgba.w *= alpha;
    const ImU32 cap_col = ImGui::GetColorU32(cap_rgba);
    dl->AddText(font, cap_px, ImVec2(o.x + m * 1.5f, top + m * 0.5f), cap_col, step.caption.c_str(), nullptr, wrap);
    dl->AddText(font, src_px, ImVec2(o.x + m * 1.5f, top + m * 0.5f + cap.y + m * 0.25f), ink.muted, source.c_str(),
                nullptr, wrap);
}

std::string Presenter::typed_digits() const {
    const size_t n = player_.typed_number();
    return n == 0 ? std::string() : std::to_string(n);
}

std::string Presenter::state_json() const {
    nlohmann::json j;
    j["active"] = active_;
    j["steps"] = story_.steps.size();
    j["step"] = story_.steps.empty() ? 0 : player_.current() + 1;
    j["blank"] = std::string(story::blank_name(player_.blank()));
    j["caption"] = story_.steps.empty() ? std::string() : story_.steps[player_.current()].caption;
    j["date_text_px"] = date_text_px_;
    j["title"] = story_.title;
    j["view_open"] = view_open_;
    return j.dump();
}

}  // namespace deportmap::ui
