// Upload of the per-country colour table (see color_table.hpp).
#include "render/color_table.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace deportmap::render {

gl::Texture create_color_table() {
    gl::Texture texture = gl::Texture::create();
    glBindTexture(GL_TEXTURE_2D, texture.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    const uint8_t transparent[4] = {0, 0, 0, 0};
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, transparent);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

int upload_color_table(GLuint texture, std::span<const Color> colors) {
    const int count = static_cast<int>(std::min<size_t>(colors.size(), 65536));
    const int rows = std::max(1, (count + kColorTableWidth - 1) / kColorTableWidth);
    std::vector<uint8_t> texels(static_cast<size_t>(rows) * kColorTableWidth * 4, 0);
    for (int i = 0; i < count; ++i) {
        const Color c = colors[static_cast<size_t>(i)];
        uint8_t* t = &texels[static_cast<size_t>(i) * 4];
        t[0] = c.r;
        t[1] = c.g;
        t[2] = c.b;
        t[3] = c.a;
    }
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kColorTableWidth, rows, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, texels.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    return count;
}

}  // namespace deportmap::render
