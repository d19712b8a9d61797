// Browser opener for source links (see open_url.hpp).
#include "platform/open_url.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cctype>
#include <cstring>
#include <thread>
#include <vector>

extern char** environ;

namespace deportmap::platform {

bool is_openable_url(std::string_view url) {
    std::string_view rest;
    auto starts_ci = [&](std::string_view prefix) {
        if (url.size() < prefix.size()) return false;
        for (size_t i = 0; i < prefix.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
        }
        rest = url.substr(prefix.size());
        return true;
    };
    if (!starts_ci("https://") && !starts_ci("http://")) return false;
    if (url.size() > 4096) return false;
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '\\' || c == '`' ||
            c == '<' || c == '>') {
            return false;
        }
    }
    // The host: up to the first '/', '?' or '#'; without user info, it must be a name.
    const size_t end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, end);
    if (const size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
    if (host.empty() || host.front() == '.' || host.front() == ':' || host.front() == '-') {
        return false;
    }
    return true;
}

bool open_url(const std::string& url, std::string& error) {
    if (!is_openable_url(url)) {
        error = "not opened: only http and https links are opened ('" + url.substr(0, 80) + "')";
        return false;
    }
    std::string program = "xdg-open";
    std::vector<char*> argv = {program.data(), const_cast<char*>(url.c_str()), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ);
    if (rc != 0) {
        error = "could not start xdg-open: " + std::string(std::strerror(rc));
        return false;
    }
    std::thread([pid] {
        int status = 0;
        waitpid(pid, &status, 0);
    }).detach();
    return true;
}

}  // namespace deportmap::platform
