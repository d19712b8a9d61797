// A tiny X11 client for the GUI tests: presses keys in one top-level window, found by a
// part of its title, waits until a window's title shows a text, then asks a window to
// close (WM_DELETE_WINDOW, as a window manager's close button does). So a test can press
// keys in the presenter view's own window under Xvfb, with no window manager and no
// pointer, and end the program only once it has answered.
//
//   gui_xkey_send TO KEYS UNTIL CLOSE [TIMEOUT_SECONDS]
//     TO      part of the title of the window that gets the keys
//     KEYS    X keysym names separated by commas ("Next,Next,b")
//     UNTIL   part of a title to wait for after the keys ("(3 / 7)"); "" waits for nothing
//     CLOSE   part of the title of the window then asked to close ("" closes none)
//   exit 0: all done; 1: a window or the title never appeared; 2: usage or an unknown key
//   (the CLOSE window is asked to close in every case where it exists)
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Windows come and go while the program starts (its hidden probe window closes once the
// real one is up, the presenter view opens): a window that vanishes between the list of
// top-level windows and the request for its title must not end this helper. Xlib's
// default handler exits on the BadWindow; this one lets the request fail (an empty
// title) and the search go on. Seen under load: the helper died, the window was never
// asked to close, and the test ran into its timeout.
int ignore_x_errors(Display*, XErrorEvent*) { return 0; }

std::string window_title(Display* d, Window w) {
    const Atom utf8 = XInternAtom(d, "UTF8_STRING", False);
    const Atom net_name = XInternAtom(d, "_NET_WM_NAME", False);
    Atom type = None;
    int format = 0;
    unsigned long items = 0, after = 0;
    unsigned char* data = nullptr;
    std::string title;
    if (XGetWindowProperty(d, w, net_name, 0, 4096, False, utf8, &type, &format, &items, &after, &data) == Success &&
        data != nullptr) {
        title.assign(reinterpret_cast<const char*>(data), items);
    }
    if (data != nullptr) XFree(data);
    if (title.empty()) {
        char* name = nullptr;
        if (XFetchName(d, w, &name) && name != nullptr) title = name;
        if (name != nullptr) XFree(name);
    }
    return title;
}

// The first top-level window whose title contains `part`.
std::optional<Window> find_window(Display* d, const std::string& part) {
    Window root_return = 0, parent = 0;
    Window* children = nullptr;
    unsigned int n = 0;
    std::optional<Window> found;
    if (XQueryTree(d, DefaultRootWindow(d), &root_return, &parent, &children, &n) == 0) return found;
    for (unsigned int i = 0; i < n && !found; ++i) {
        if (window_title(d, children[i]).find(part) != std::string::npos) found = children[i];
    }
    if (children != nullptr) XFree(children);
    return found;
}

std::optional<Window> wait_for_window(Display* d, const std::string& part, Clock::time_point deadline) {
    while (Clock::now() < deadline) {
        if (auto w = find_window(d, part)) return w;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
}

void send_key(Display* d, Window w, KeyCode code, bool press) {
    XKeyEvent e{};
    e.type = press ? KeyPress : KeyRelease;
    e.display = d;
    e.window = w;
    e.root = DefaultRootWindow(d);
    e.subwindow = None;
    e.time = CurrentTime;
    e.same_screen = True;
    e.keycode = code;
    XSendEvent(d, w, True, press ? KeyPressMask : KeyReleaseMask, reinterpret_cast<XEvent*>(&e));
    XFlush(d);
}

void send_close(Display* d, Window w) {
    XEvent e{};
    e.xclient.type = ClientMessage;
    e.xclient.window = w;
    e.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
    e.xclient.format = 32;
    e.xclient.data.l[0] = static_cast<long>(XInternAtom(d, "WM_DELETE_WINDOW", False));
    e.xclient.data.l[1] = CurrentTime;
    XSendEvent(d, w, False, NoEventMask, &e);
    XFlush(d);
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

// Presses each key (press and release), a short pause between them so that each lands in
// a frame of its own.
bool press_keys(Display* d, Window w, const std::vector<std::string>& keys) {
    for (const std::string& name : keys) {
        const KeySym sym = XStringToKeysym(name.c_str());
        const KeyCode code = sym == NoSymbol ? 0 : XKeysymToKeycode(d, sym);
        if (code == 0) {
            std::fprintf(stderr, "gui_xkey_send: unknown key '%s'\n", name.c_str());
            return false;
        }
        send_key(d, w, code, true);
        send_key(d, w, code, false);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: gui_xkey_send TO KEYS UNTIL CLOSE [TIMEOUT_SECONDS]\n");
        return 2;
    }
    const std::string to = argv[1], until = argv[3], close = argv[4];
    const int timeout = argc > 5 ? std::atoi(argv[5]) : 60;
    const auto deadline = Clock::now() + std::chrono::seconds(timeout > 0 ? timeout : 60);
    Display* d = XOpenDisplay(nullptr);
    if (d == nullptr) {
        std::fprintf(stderr, "gui_xkey_send: cannot open the display\n");
        return 1;
    }
    XSetErrorHandler(ignore_x_errors);
    const auto target = wait_for_window(d, to, deadline);
    if (!target) {
        std::fprintf(stderr, "gui_xkey_send: no window titled '*%s*' appeared\n", to.c_str());
        return 1;
    }
    int code = press_keys(d, *target, split(argv[2])) ? 0 : 2;
    if (code == 0 && !until.empty() && !wait_for_window(d, until, deadline)) {
        std::fprintf(stderr, "gui_xkey_send: no window title showed '%s'\n", until.c_str());
        code = 1;
    }
    // Closed even when something failed, so that a failing test ends at once.
    const auto closing =
        close.empty() ? std::nullopt : wait_for_window(d, close, Clock::now() + std::chrono::seconds(10));
    if (close.empty()) {
        // nothing to close: the caller only waited for a title
    } else if (closing) {
        send_close(d, *closing);
    } else {
        std::fprintf(stderr, "gui_xkey_send: no window titled '*%s*' to close\n", close.c_str());
        code = 1;
    }
    XCloseDisplay(d);
    return code;
}
