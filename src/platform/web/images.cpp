// Pictures attached to cases (web/js/lib_images.js): the browser decodes and scales them, the
// pixels become a WebGL texture that ImGui draws (ImTextureID is the GL texture name).
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <map>

#include "platform/platform.h"
#include "platform/web/run_queue.h"

extern "C" {
void tousu_image_decode(int id, const char* data, double size, const char* mimeType, int maxSide);
}

namespace tousu::platform {

namespace {

std::map<int, ImageDecoded> g_waiting; // by request id
int g_nextId = 1;

} // namespace

void decodeImage(const std::string& bytes, const std::string& mimeType, int maxSide, ImageDecoded done) {
    const int id = g_nextId++;
    g_waiting[id] = std::move(done);
    tousu_image_decode(id, bytes.data(), static_cast<double>(bytes.size()), mimeType.c_str(), maxSide);
}

void releaseImage(std::uintptr_t texture) {
    const GLuint name = static_cast<GLuint>(texture);
    if (name) glDeleteTextures(1, &name);
}

} // namespace tousu::platform

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_image(int id, const unsigned char* pixels, int width, int height) {
    GLuint texture = 0;
    if (pixels) { // now, while the pixels are in the heap; ImGui draws it from the next frame
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    }
    tousu::platform::doLater([id, texture, width, height] {
        auto& waiting = tousu::platform::g_waiting;
        const auto it = waiting.find(id);
        if (it == waiting.end()) return;
        auto done = std::move(it->second);
        waiting.erase(it);
        done(texture, texture ? width : 0, texture ? height : 0);
    });
}
