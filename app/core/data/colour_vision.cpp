// Machado 2009 colour-vision simulation and CIEDE2000, for the palette check.
#include "core/data/colour_vision.hpp"

#include <algorithm>
#include <cmath>

namespace deportmap::data {

namespace {
using Matrix = std::array<std::array<double, 3>, 3>;

// Machado, Oliveira & Fernandes 2009, severity 1.0, for linear RGB.
constexpr Matrix kProtanopia = {{{0.152286, 1.052583, -0.204868},
                                 {0.114503, 0.786281, 0.099216},
                                 {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia = {{{0.367322, 0.860646, -0.227968},
                                   {0.280085, 0.672501, 0.047413},
                                   {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia = {{{1.255528, -0.076749, -0.178779},
                                 {-0.078411, 0.930809, 0.147602},
                                 {0.004733, 0.691367, 0.303900}}};

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) { return deg * kPi / 180.0; }
double deg(double r) { return r * 180.0 / kPi; }
}  // namespace

const char* vision_name(Vision v) {
    switch (v) {
        case Vision::Normal: return "normal vision";
        case Vision::Protanopia: return "protanopia";
        case Vision::Deuteranopia: return "deuteranopia";
        case Vision::Tritanopia: return "tritanopia";
    }
    return "?";
}

std::array<double, 3> srgb_to_linear(Color c) {
    auto lin = [](uint8_t v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return {lin(c.r), lin(c.g), lin(c.b)};
}

std::array<double, 3> simulate_vision(Color c, Vision v) {
    const auto rgb = srgb_to_linear(c);
    if (v == Vision::Normal) return rgb;
    const Matrix& m = v == Vision::Protanopia     ? kProtanopia
                      : v == Vision::Deuteranopia ? kDeuteranopia
                                                  : kTritanopia;
    std::array<double, 3> out{};
    for (int i = 0; i < 3; ++i) {
        const double x = m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2];
        out[i] = std::clamp(x, 0.0, 1.0);
    }
    return out;
}

Lab linear_to_lab(const std::array<double, 3>& rgb) {
    const double r = rgb[0], g = rgb[1], b = rgb[2];
    const double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    auto f = [](double t) {
        constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
        return t > e ? std::cbrt(t) : (k * t + 16.0) / 116.0;
    };
    const double fx = f(x / 0.95047), fy = f(y / 1.0), fz = f(z / 1.08883);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

double delta_e_2000(const Lab& p, const Lab& q) {
    const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
    const double cbar7 = std::pow((c1 + c2) / 2.0, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(cbar7 / (cbar7 + std::pow(25.0, 7.0))));
    const double a1 = (1.0 + g) * p.a, a2 = (1.0 + g) * q.a;
    const double c1p = std::hypot(a1, p.b), c2p = std::hypot(a2, q.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        double h = deg(std::atan2(b, a));
        return h < 0 ? h + 360.0 : h;
    };
    const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
    const double dl = q.L - p.L, dc = c2p - c1p;
    double dh = 0;
    if (c1p * c2p != 0) {
        dh = h2 - h1;
        if (dh > 180) dh -= 360;
        if (dh < -180) dh += 360;
    }
    const double dH = 2.0 * std::sqrt(c1p * c2p) * std::sin(rad(dh / 2.0));
    const double lbar = (p.L + q.L) / 2.0, cbarp = (c1p + c2p) / 2.0;
    double hbar = h1 + h2;
    if (c1p * c2p != 0) {
        if (std::abs(h1 - h2) <= 180) {
            hbar = (h1 + h2) / 2.0;
        } else {
            hbar = (h1 + h2 < 360) ? (h1 + h2 + 360) / 2.0 : (h1 + h2 - 360) / 2.0;
        }
    }
    const double t = 1.0 - 0.17 * std::cos(rad(hbar - 30)) + 0.24 * std::cos(rad(2 * hbar)) +
                     0.32 * std::cos(rad(3 * hbar + 6)) - 0.20 * std::cos(rad(4 * hbar - 63));
    const double dtheta = 30.0 * std::exp(-std::pow((hbar - 275.0) / 25.0, 2.0));
    const double cbarp7 = std::pow(cbarp, 7.0);
    const double rc = 2.0 * std::sqrt(cbarp7 / (cbarp7 + std::pow(25.0, 7.0)));
    const double sl = 1.0 + 0.015 * std::pow(lbar - 50, 2.0) / std::sqrt(20 + std::pow(lbar - 50, 2.0));
    const double sc = 1.0 + 0.045 * cbarp;
    const double sh = 1.0 + 0.015 * cbarp * t;
    const double rt = -std::sin(rad(2 * dtheta)) * rc;
    const double tl = dl / sl, tc = dc / sc, th = dH / sh;
    return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

PaletteCheck check_palette(const std::vector<Color>& colours, Vision vision) {
    PaletteCheck worst;
    worst.min_delta_e = INFINITY;
    worst.vision = vision;
    std::vector<Lab> labs;
    for (Color c : colours) labs.push_back(linear_to_lab(simulate_vision(c, vision)));
    for (size_t i = 0; i < labs.size(); ++i) {
        for (size_t j = i + 1; j < labs.size(); ++j) {
            const double d = delta_e_2000(labs[i], labs[j]);
            if (d < worst.min_delta_e) worst = {d, i, j, vision};
        }
    }
    return worst;
}

PaletteCheck check_palette(const std::vector<Color>& colours) {
    PaletteCheck worst;
    worst.min_delta_e = INFINITY;
    for (Vision v : {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia}) {
        const PaletteCheck c = check_palette(colours, v);
        if (c.min_delta_e < worst.min_delta_e) worst = c;
    }
    return worst;
}

double relative_luminance(Color c) {
    const auto l = srgb_to_linear(c);
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

double contrast_ratio(Color x, Color y) {
    const double a = relative_luminance(x) + 0.05, b = relative_luminance(y) + 0.05;
    return a > b ? a / b : b / a;
}

}  // namespace deportmap::data
