// HTTP through fetch (web/js/lib_http.js) for live sync; answers arrive as promises settle,
// matched to their request by number.
#include <emscripten.h>

#include <map>

#include "platform/platform.h"
#include "platform/web/run_queue.h"

extern "C" void tousu_http(int request, const char* method, const char* url, const char* body, double timeoutMs);

namespace tousu::platform {

namespace {
std::map<int, HttpDone> g_pendingHttp;
int g_nextHttp = 1;
} // namespace

void httpRequest(const std::string& method, const std::string& url, const std::string& body, long timeoutMs,
                 HttpDone done) {
    const int request = g_nextHttp++;
    g_pendingHttp[request] = std::move(done);
    tousu_http(request, method.c_str(), url.c_str(), body.c_str(), static_cast<double>(timeoutMs));
}

} // namespace tousu::platform

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_http(int request, int status, const char* data, double size,
                                                   const char* failure) {
    auto& pending = tousu::platform::g_pendingHttp;
    const auto it = pending.find(request);
    if (it == pending.end()) return;
    tousu::app::HttpAnswer answer{status, std::string(data ? data : "", data ? static_cast<std::size_t>(size) : 0),
                                  failure ? failure : ""};
    tousu::platform::doLater([done = std::move(it->second), answer = std::move(answer)]() { done(answer); });
    pending.erase(it);
}
