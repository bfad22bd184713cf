// Restores the terminal on any way out, crashes included. A Swift runtime trap ends the process with
// SIGILL or SIGTRAP without running atexit handlers; only a signal handler can clean up then.
//
// The handler uses only async-signal-safe calls (tcsetattr, write, sigaction, raise): it puts back the
// termios saved at start and writes the sequences that leave the alternate screen, show the cursor and
// stop mouse and bracketed-paste reporting. Calling endwin() from a handler is not safe (it takes locks
// and allocates), and this does what endwin would do for the user's shell.
#include "CTerminalGuard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static volatile sig_atomic_t have_saved = 0;
static volatile sig_atomic_t installed = 0;
static const int guarded[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP, SIGTERM, SIGHUP, SIGINT, SIGQUIT};
#define GUARDED_COUNT (sizeof(guarded) / sizeof(guarded[0]))
static struct sigaction previous[GUARDED_COUNT];
// A file to remove on the way out (our editing lock), set once before any signal can need it.

// Leave the alternate screen, reset attributes, show the cursor, stop mouse and paste reporting.
static const char reset_sequence[] =
    "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[0m\033[?25h\033[?1049l\r\n";

void terminal_guard_restore(void) {
    if (have_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof(reset_sequence) - 1);
    (void)ignored;
}

static void on_signal(int sig) {
    terminal_guard_restore();
    // Die of the same signal, so the parent sees how the process ended (and a core dump still happens).
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

int terminal_guard_install(void) {
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_saved = 1;
    // A parent may have started us with signals blocked (threads of libdispatch block asynchronous
    // signals, and children inherit the mask). Unblock the ones we handle, and SIGWINCH for resizing.
    sigset_t wanted;
    sigemptyset(&wanted);
    for (unsigned i = 0; i < GUARDED_COUNT; i++) sigaddset(&wanted, guarded[i]);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (unsigned i = 0; i < GUARDED_COUNT; i++) {
        if (sigaction(guarded[i], &action, &previous[i]) != 0) return -1;
    }
    installed = 1;
    return 0;
}

void terminal_guard_uninstall(void) {
    if (!installed) return;
    for (unsigned i = 0; i < GUARDED_COUNT; i++) sigaction(guarded[i], &previous[i], NULL);
    installed = 0;
}
