/* Runs a command and exits as soon as a top-level window is mapped on $DISPLAY (MapNotify on the root window's
   substructure, no polling), then stops the command (SIGTERM) and reaps it. */
#include <X11/Xlib.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <X11/Xatom.h>
static long pidOf(Display *d, Window w) {
    Atom type; int format; unsigned long n, after; unsigned char *data = NULL; long pid = -1;
    Atom prop = XInternAtom(d, "_NET_WM_PID", False);
    if (XGetWindowProperty(d, w, prop, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success
        && data && n == 1) pid = *(long *) data;
    if (data) XFree(data);
    return pid;
}
int main(int argc, char **argv) {
    Display *d = XOpenDisplay(NULL);
    if (!d || argc < 2) return 2;
    XSelectInput(d, DefaultRootWindow(d), SubstructureNotifyMask);
    XSync(d, False);
    pid_t pid = fork();
    if (pid == 0) { execvp(argv[1], argv + 1); _exit(127); }
    XEvent e;
    for (;;) {
        XNextEvent(d, &e);
        if (e.type == MapNotify && !e.xmap.override_redirect && pidOf(d, e.xmap.window) == pid) break;
    }
    if (getenv("MAPWAIT_THREADS")) {
        char cmd[256];
        snprintf(cmd, sizeof cmd, "cat /proc/%d/task/*/stat > %s", pid, getenv("MAPWAIT_THREADS"));
        system(cmd);
    }
    kill(pid, SIGTERM);
    int st; waitpid(pid, &st, 0);
    return 0;
}
