#ifndef FORUMDESK_TERMINAL_GUARD_H
#define FORUMDESK_TERMINAL_GUARD_H

/// Remembers the terminal's settings (call before curses starts) and installs handlers for fatal and
/// termination signals (SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP, SIGTERM, SIGHUP, SIGINT,
/// SIGQUIT) that put the terminal back before the process dies. Also unblocks those signals and SIGWINCH,
/// in case the parent started the process with them blocked. Returns 0 on success.
int terminal_guard_install(void);

/// Put the terminal back now (also what the handlers do). Safe to call more than once.
void terminal_guard_restore(void);

/// After a normal shutdown: stop guarding.
void terminal_guard_uninstall(void);

#endif
