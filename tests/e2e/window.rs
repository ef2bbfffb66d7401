//! Closing the app's window the way a person does (its ✕, Alt+F4): the window manager
//! sends the window a WM_DELETE_WINDOW message, which GTK turns into Tauri's
//! close-requested event. WebDriver's own "close window" destroys the web view directly
//! and skips that event, so it cannot test what the app does before it closes.

use std::ffi::CStr;
use std::os::raw::{c_char, c_long, c_uint};
use std::ptr;

use x11_dl::xlib;

/// The process that made `window`, from the `_NET_WM_PID` property GTK sets on it.
unsafe fn window_pid(x: &xlib::Xlib, display: *mut xlib::Display, window: u64) -> Option<u32> {
    let property = (x.XInternAtom)(display, c"_NET_WM_PID".as_ptr(), xlib::False);
    let (mut kind, mut format, mut count, mut after) = (0, 0, 0, 0);
    let mut data: *mut u8 = ptr::null_mut();
    let status = (x.XGetWindowProperty)(
        display,
        window,
        property,
        0,
        1,
        xlib::False,
        xlib::XA_CARDINAL,
        &mut kind,
        &mut format,
        &mut count,
        &mut after,
        &mut data,
    );
    if status != 0 || data.is_null() {
        return None;
    }
    // Format 32 properties come back as C longs.
    let pid = (count == 1).then(|| *(data as *const c_long) as u32);
    (x.XFree)(data.cast());
    pid
}

/// The top-level windows of the display (`$DISPLAY`) titled `title` that belong to one of
/// `pids`. Under Xvfb there is no window manager, so the app's window is a child of the
/// root. Matching by process keeps a window of the journey before (still going away on a
/// busy machine) from being taken for this one.
unsafe fn windows_titled(
    x: &xlib::Xlib,
    display: *mut xlib::Display,
    title: &str,
    pids: &[u32],
) -> Vec<u64> {
    let root = (x.XDefaultRootWindow)(display);
    let (mut root_back, mut parent) = (0, 0);
    let mut children: *mut xlib::Window = ptr::null_mut();
    let mut count: c_uint = 0;
    (x.XQueryTree)(
        display,
        root,
        &mut root_back,
        &mut parent,
        &mut children,
        &mut count,
    );
    if children.is_null() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for &window in std::slice::from_raw_parts(children, count as usize) {
        // A window that is going away is unmapped first: only what is on screen counts.
        let mut attributes: xlib::XWindowAttributes = std::mem::zeroed();
        if (x.XGetWindowAttributes)(display, window, &mut attributes) == 0
            || attributes.map_state != xlib::IsViewable
        {
            continue;
        }
        if !window_pid(x, display, window).is_some_and(|pid| pids.contains(&pid)) {
            continue;
        }
        let mut name: *mut c_char = ptr::null_mut();
        if (x.XFetchName)(display, window, &mut name) != 0 && !name.is_null() {
            if CStr::from_ptr(name).to_str() == Ok(title) {
                found.push(window);
            }
            (x.XFree)(name.cast());
        }
    }
    (x.XFree)(children.cast());
    found
}

fn with_display<T>(then: impl FnOnce(&xlib::Xlib, *mut xlib::Display) -> T) -> T {
    let x = xlib::Xlib::open().expect("libX11 (the tests run under Xvfb)");
    unsafe {
        let display = (x.XOpenDisplay)(ptr::null());
        assert!(
            !display.is_null(),
            "no X display: run the end-to-end tests under xvfb-run"
        );
        let result = then(&x, display);
        (x.XCloseDisplay)(display);
        result
    }
}

/// How many windows titled `title` the processes `pids` have on the display.
pub fn count_titled(title: &str, pids: &[u32]) -> usize {
    with_display(|x, display| unsafe { windows_titled(x, display, title, pids).len() })
}

/// Asks the one window titled `title` of the processes `pids` to close, as a window
/// manager would.
pub fn request_close(title: &str, pids: &[u32]) {
    with_display(|x, display| unsafe {
        let windows = windows_titled(x, display, title, pids);
        assert_eq!(windows.len(), 1, "exactly one window titled {title:?}");
        let window = windows[0];
        let protocols = (x.XInternAtom)(display, c"WM_PROTOCOLS".as_ptr(), xlib::False);
        let delete = (x.XInternAtom)(display, c"WM_DELETE_WINDOW".as_ptr(), xlib::False);
        let mut data = xlib::ClientMessageData::new();
        data.set_long(0, delete as c_long);
        data.set_long(1, xlib::CurrentTime as c_long);
        let mut event = xlib::XEvent {
            client_message: xlib::XClientMessageEvent {
                type_: xlib::ClientMessage,
                serial: 0,
                send_event: xlib::True,
                display,
                window,
                message_type: protocols,
                format: 32,
                data,
            },
        };
        (x.XSendEvent)(display, window, xlib::False, xlib::NoEventMask, &mut event);
        (x.XFlush)(display);
    });
}
