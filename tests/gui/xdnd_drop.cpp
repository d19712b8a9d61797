// A tiny X11 drag source for the GUI tests: drops one file onto the first top-level
// window that declares XdndAware, speaking the XDND protocol (version 5) the way a file
// manager does: Enter, Position at the window's centre, Drop once the target accepts,
// the file's URI handed over as text/uri-list when the target asks for the selection,
// and done when the target says Finished. So a test can drive the real window's
// drag-and-drop under Xvfb with no pointer.
//
//   gui_xdnd_drop FILE [TIMEOUT_SECONDS]      exit 0: dropped and finished; 1: not
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <limits.h>
#include <stdlib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

struct Atoms {
    Atom aware, enter, position, status, drop, finished, selection, copy, uri_list;
};

// file:// URI of an absolute path, every byte outside the unreserved set %-escaped.
std::string file_uri(const std::string& path) {
    std::string uri = "file://";
    for (const unsigned char c : path) {
        if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr) {
            uri += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        }
    }
    return uri + "\r\n";
}

// Windows come and go while the target starts (the window reopens itself without MSAA
// on llvmpipe): a request about a window that is gone just fails instead of ending us.
int ignore_x_errors(Display*, XErrorEvent*) { return 0; }

bool viewable(Display* display, Window window) {
    XWindowAttributes attributes;
    return window != None && XGetWindowAttributes(display, window, &attributes) != 0 &&
           attributes.map_state == IsViewable;
}

bool is_xdnd_aware(Display* display, Window window, Atom aware) {
    Atom type = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    const int ok = XGetWindowProperty(display, window, aware, 0, 1, False, AnyPropertyType, &type,
                                      &format, &count, &after, &data);
    if (data != nullptr) XFree(data);
    return ok == Success && type != None && count > 0;
}

// The first viewable child of the root window that accepts drops, or None.
Window find_target(Display* display, Atom aware) {
    Window root_return = 0, parent = 0;
    Window* children = nullptr;
    unsigned int count = 0;
    Window found = None;
    if (XQueryTree(display, DefaultRootWindow(display), &root_return, &parent, &children, &count)) {
        for (unsigned int i = 0; i < count && found == None; ++i) {
            if (viewable(display, children[i]) && is_xdnd_aware(display, children[i], aware)) {
                found = children[i];
            }
        }
        if (children != nullptr) XFree(children);
    }
    return found;
}

void send_message(Display* display, Window target, Atom type, long l0, long l1, long l2, long l3,
                  long l4) {
    XEvent event;
    std::memset(&event, 0, sizeof event);
    event.xclient.type = ClientMessage;
    event.xclient.display = display;
    event.xclient.window = target;
    event.xclient.message_type = type;
    event.xclient.format = 32;
    event.xclient.data.l[0] = l0;
    event.xclient.data.l[1] = l1;
    event.xclient.data.l[2] = l2;
    event.xclient.data.l[3] = l3;
    event.xclient.data.l[4] = l4;
    XSendEvent(display, target, False, NoEventMask, &event);
    XFlush(display);
}

// Answers the target's request for the drag selection with `uri` (or refuses other types).
void answer_selection(Display* display, const XSelectionRequestEvent& request, Atom uri_list,
                      const std::string& uri) {
    XEvent reply;
    std::memset(&reply, 0, sizeof reply);
    reply.xselection.type = SelectionNotify;
    reply.xselection.display = display;
    reply.xselection.requestor = request.requestor;
    reply.xselection.selection = request.selection;
    reply.xselection.target = request.target;
    reply.xselection.time = request.time;
    reply.xselection.property = None;
    if (request.target == uri_list) {
        const Atom property = request.property != None ? request.property : request.target;
        XChangeProperty(display, request.requestor, property, uri_list, 8, PropModeReplace,
                        reinterpret_cast<const unsigned char*>(uri.data()),
                        static_cast<int>(uri.size()));
        reply.xselection.property = property;
    }
    XSendEvent(display, request.requestor, False, NoEventMask, &reply);
    XFlush(display);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: gui_xdnd_drop FILE [TIMEOUT_SECONDS]\n");
        return 2;
    }
    char resolved[PATH_MAX];
    if (realpath(argv[1], resolved) == nullptr) {
        std::fprintf(stderr, "gui_xdnd_drop: %s: no such file\n", argv[1]);
        return 1;
    }
    const std::string uri = file_uri(resolved);
    const double timeout = argc == 3 ? std::atof(argv[2]) : 30.0;
    const auto deadline = Clock::now() + std::chrono::milliseconds(static_cast<long>(timeout * 1000));

    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fprintf(stderr, "gui_xdnd_drop: cannot open the X display\n");
        return 1;
    }
    XSetErrorHandler(ignore_x_errors);
    const Atoms a{XInternAtom(display, "XdndAware", False),    XInternAtom(display, "XdndEnter", False),
                  XInternAtom(display, "XdndPosition", False), XInternAtom(display, "XdndStatus", False),
                  XInternAtom(display, "XdndDrop", False),     XInternAtom(display, "XdndFinished", False),
                  XInternAtom(display, "XdndSelection", False), XInternAtom(display, "XdndActionCopy", False),
                  XInternAtom(display, "text/uri-list", False)};

    Window target = None;
    while ((target = find_target(display, a.aware)) == None) {
        if (Clock::now() > deadline) {
            std::fprintf(stderr, "gui_xdnd_drop: no window accepting drops appeared\n");
            return 1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const Window root = DefaultRootWindow(display);
    const Window source = XCreateSimpleWindow(display, root, 0, 0, 1, 1, 0, 0, 0);
    XSetSelectionOwner(display, a.selection, source, CurrentTime);

    // Enter, then Position at the middle of the target (in root coordinates).
    const auto enter_and_position = [&] {
        XWindowAttributes attributes;
        if (XGetWindowAttributes(display, target, &attributes) == 0) return;
        int x = 0, y = 0;
        Window child = 0;
        XTranslateCoordinates(display, target, root, attributes.width / 2, attributes.height / 2,
                              &x, &y, &child);
        send_message(display, target, a.enter, static_cast<long>(source), 5L << 24,
                     static_cast<long>(a.uri_list), 0, 0);
        send_message(display, target, a.position, static_cast<long>(source), 0,
                     (static_cast<long>(x) << 16) | (y & 0xffff), CurrentTime, static_cast<long>(a.copy));
    };
    enter_and_position();
    bool dropped = false;
    auto next_position = Clock::now() + std::chrono::milliseconds(500);
    while (Clock::now() < deadline) {
        while (XPending(display) > 0) {
            XEvent event;
            XNextEvent(display, &event);
            if (event.type == ClientMessage && event.xclient.message_type == a.status && !dropped) {
                if ((event.xclient.data.l[1] & 1) == 0) continue;  // not (yet) accepted
                send_message(display, target, a.drop, static_cast<long>(source), 0, CurrentTime, 0, 0);
                dropped = true;
            } else if (event.type == SelectionRequest) {
                answer_selection(display, event.xselectionrequest, a.uri_list, uri);
            } else if (event.type == ClientMessage && event.xclient.message_type == a.finished) {
                // XDND says bit 0 of l[1]; GLFW 3.3 sends the byte count it read there.
                const bool accepted = event.xclient.data.l[1] != 0;
                XDestroyWindow(display, source);
                XCloseDisplay(display);
                if (!accepted) std::fprintf(stderr, "gui_xdnd_drop: the target refused the drop\n");
                return accepted ? 0 : 1;
            }
        }
        // A target busy starting up may miss the first messages, or be replaced by a new
        // window: start over with whichever accepts drops now, until one accepts.
        if (!dropped && Clock::now() > next_position) {
            if (!viewable(display, target)) target = find_target(display, a.aware);
            if (target != None) enter_and_position();
            next_position = Clock::now() + std::chrono::milliseconds(500);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::fprintf(stderr, "gui_xdnd_drop: no %s from the target in time\n",
                 dropped ? "XdndFinished" : "XdndStatus");
    return 1;
}
